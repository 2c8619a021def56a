//! `check --format sarif` and `--format junit` as CI reads them: code scanning annotates each
//! finding at its element's line; a test report fails the rules with errors.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use serde_json::Value;
use std::process::{Command, Output};

const FLAWED: &str = "designs/flawed-design.json";
const CLEAN: &str = "designs/dual-cloud-ashburn-chicago.json";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// The members SARIF 2.1.0's schema requires of what `check` writes, and the values its enums
/// allow: a log with a version and runs; a run with a tool whose driver has a name; rules with
/// ids; results with a message text, a level of the four allowed, a rule index that points at
/// the rule of the same id, and regions with 1-based lines and columns.
fn assert_sarif_shape(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "linkwright");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| {
        r["id"].is_string()
            && r["shortDescription"]["text"].is_string()
            && ["none", "note", "warning", "error"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap())
    }));
    for r in run["results"].as_array().unwrap() {
        assert!(r["message"]["text"].is_string(), "{r}");
        assert!(["none", "note", "warning", "error"].contains(&r["level"].as_str().unwrap()));
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "{r}");
        for l in r["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(r["relatedLocations"].as_array().into_iter().flatten())
        {
            let region = &l["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64().unwrap() >= 1, "{l}");
            assert!(region["startColumn"].as_u64().is_none_or(|c| c >= 1), "{l}");
            assert!(l["physicalLocation"]["artifactLocation"]["uri"].is_string());
        }
    }
}

#[test]
fn sarif_locates_each_finding_at_its_element_line() {
    let o = run(&["check", FLAWED, "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(1), "errors found: exit 1, as text");
    let log: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_sarif_shape(&log);
    let text = std::fs::read_to_string(FLAWED).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let json = run(&["check", FLAWED, "--format", "json"]);
    let findings: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        results.len(),
        findings["files"][0]["findings"].as_array().unwrap().len(),
        "one result per finding"
    );
    // The 400 Gbps port at TNDB: its result points at the line that holds its id.
    let port = results
        .iter()
        .find(|r| r["ruleId"] == "DX003")
        .expect("DX003");
    let location = &port["locations"][0];
    assert_eq!(location["logicalLocations"][0]["name"], "dx-sp-400");
    let line = location["physicalLocation"]["region"]["startLine"]
        .as_u64()
        .unwrap() as usize;
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"id\": \"dx-sp-400\""),
        "line {line}"
    );
    assert_eq!(
        port["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        FLAWED
    );
    // The accepted risk is a suppressed result carrying its comment.
    let accepted: Vec<&Value> = results
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    assert_eq!(accepted.len(), 1);
    assert!(
        accepted[0]["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("NET-4711")
    );
}

#[test]
fn sarif_reports_an_unreadable_file_as_a_failed_invocation() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ \"format\": ").unwrap();
    let o = run(&["check", CLEAN, bad.to_str().unwrap(), "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&o.stdout).expect("JSON even so");
    assert_sarif_shape(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(
        invocation["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("bad.json:1:")
    );
}

#[test]
fn junit_fails_the_rules_with_errors_and_skips_accepted_risks() {
    let o = run(&["check", FLAWED, CLEAN, "--format", "junit"]);
    assert_eq!(o.status.code(), Some(1));
    let xml = String::from_utf8(o.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 2);
    let failures = |s: &roxmltree::Node| -> usize {
        s.children()
            .filter(|c| c.has_tag_name("testcase"))
            .filter(|c| c.children().any(|f| f.has_tag_name("failure")))
            .count()
    };
    // The flawed design fails exactly the rules that report errors in the text output.
    let text = String::from_utf8(run(&["check", FLAWED]).stdout).unwrap();
    let mut codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("error["))
        .filter_map(|l| l.split(']').next())
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(failures(&suites[0]), codes.len());
    assert_eq!(
        suites[0].attribute("failures").unwrap(),
        codes.len().to_string()
    );
    assert_eq!(failures(&suites[1]), 0, "the clean design passes");
    let skipped = suites[0]
        .descendants()
        .find(|n| n.has_tag_name("skipped"))
        .expect("the accepted risk is skipped");
    assert!(skipped.attribute("message").unwrap().contains("NET-4711"));
}

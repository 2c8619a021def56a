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

/// The OASIS SARIF 2.1.0 JSON schema (draft-07), compiled from its copy in tests/fixtures
/// (where it came from: docs/REFERENCE.md, "SARIF schema"): registered under its own `$id`, so
/// nothing is fetched.
fn sarif_schema() -> (boon::Schemas, boon::SchemaIndex) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let id = schema["$id"].as_str().unwrap().to_string();
    assert!(id.ends_with("/sarif-schema-2.1.0.json"), "{id}");
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(&id, schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(&id, &mut schemas).unwrap();
    (schemas, index)
}

/// Why `log` is not a valid SARIF 2.1.0 log (every violation, with where in the log it is), or
/// None when it is one.
fn schema_violations(log: &Value) -> Option<String> {
    let (schemas, index) = sarif_schema();
    schemas.validate(log, index).err().map(|e| format!("{e:#}"))
}

/// A valid SARIF 2.1.0 log, by its JSON schema, plus what the schema cannot say: the one run
/// `check` writes, the `$schema` it names, and each result's rule index pointing at the rule
/// of the same id.
fn assert_sarif_shape(log: &Value) {
    if let Some(why) = schema_violations(log) {
        panic!("not valid SARIF 2.1.0:\n{why}\n{log:#}");
    }
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in run["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "{r}");
    }
}

fn sarif_of(args: &[&str]) -> (Option<i32>, Value) {
    let o = run(&[args, &["--format", "sarif"]].concat());
    let log = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code(), log)
}

/// Every sample design in designs/, by name.
fn samples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/designs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| format!("designs/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
}

#[test]
fn sarif_of_every_sample_is_valid_by_the_sarif_schema() {
    for file in samples() {
        let (code, log) = sarif_of(&["check", &file]);
        assert!(matches!(code, Some(0 | 1)), "{file}: exit {code:?}");
        assert_sarif_shape(&log);
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"], true,
            "{file}"
        );
    }
}

#[test]
fn sarif_of_several_files_at_once_is_one_valid_log_naming_each() {
    let files = samples();
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, log) = sarif_of(&args);
    assert_eq!(code, Some(1), "the flawed design has errors");
    assert_sarif_shape(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    // Every sample but the clean ones has findings; each is located in its own file.
    let uris: std::collections::BTreeSet<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(FLAWED), "{uris:?}");
    assert!(
        uris.iter().all(|u| files.iter().any(|f| f == u)),
        "{uris:?}"
    );
    for file in &files {
        let (_, alone) = sarif_of(&["check", file]);
        let mine = results
            .iter()
            .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == **file)
            .count();
        assert_eq!(
            mine,
            alone["runs"][0]["results"].as_array().unwrap().len(),
            "{file}: the same results as checked alone"
        );
    }
}

#[test]
fn sarif_of_accepted_risks_is_valid_with_its_suppressions() {
    let (_, log) = sarif_of(&["check", FLAWED]);
    assert_sarif_shape(&log);
    let suppressed: Vec<&Value> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    assert_eq!(suppressed.len(), 1, "the design accepts one risk");
    assert_eq!(suppressed[0]["ruleId"], "NET002");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "external");
}

#[test]
fn sarif_of_unreadable_and_missing_files_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ \"format\": ").unwrap();
    let missing = dir.path().join("missing.json");
    let (code, log) = sarif_of(&[
        "check",
        FLAWED,
        bad.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert_sarif_shape(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Only the missing file: no results at all, still a valid log.
    let (code, log) = sarif_of(&["check", missing.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert_sarif_shape(&log);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

/// The validation is not a formality: a log the schema forbids is refused, each violation
/// named at its place.
#[test]
fn the_sarif_schema_refuses_a_broken_log() {
    let (_, good) = sarif_of(&["check", FLAWED]);
    assert_eq!(schema_violations(&good), None);

    let mut fatal = good.clone();
    fatal["runs"][0]["results"][0]["level"] = "fatal".into();
    let why = schema_violations(&fatal).expect("a level of \"fatal\" is refused");
    assert!(why.contains("/runs/0/results/0/level"), "{why}");
    assert!(
        why.contains("must be one of 'none', 'note', 'warning', 'error'"),
        "{why}"
    );

    let mut unversioned = good.clone();
    unversioned.as_object_mut().unwrap().remove("version");
    let why = schema_violations(&unversioned).expect("a log without its version is refused");
    assert!(why.contains("version"), "{why}");

    let mut zero_line = good.clone();
    zero_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    let why = schema_violations(&zero_line).expect("lines are 1-based");
    assert!(why.contains("startLine"), "{why}");

    let mut suppression = good;
    suppression["runs"][0]["results"][0]["suppressions"] =
        serde_json::json!([{ "kind": "accepted" }]);
    let why = schema_violations(&suppression).expect("an unknown suppression kind is refused");
    assert!(why.contains("/suppressions/0/kind"), "{why}");
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

/// The test case of rule `code` in a JUnit test suite.
fn case<'a>(suite: &roxmltree::Node<'a, 'a>, code: &str) -> roxmltree::Node<'a, 'a> {
    suite
        .children()
        .find(|c| {
            c.has_tag_name("testcase")
                && c.attribute("name")
                    .is_some_and(|n| n.starts_with(&format!("{code} ")))
        })
        .unwrap_or_else(|| panic!("no test case for {code}"))
}

fn has_child(node: &roxmltree::Node, tag: &str) -> bool {
    node.children().any(|c| c.has_tag_name(tag))
}

/// The codes of the rules reporting active errors in `check FILE`'s text output.
fn error_codes(file: &str) -> Vec<String> {
    let text = String::from_utf8(run(&["check", file]).stdout).unwrap();
    let mut codes: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("error["))
        .filter_map(|l| l.split(']').next())
        .map(str::to_string)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn junit_fails_the_rules_with_errors_and_passes_accepted_risks_with_their_comment() {
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
            .filter(|c| has_child(c, "failure"))
            .count()
    };
    // The flawed design fails exactly the rules that report errors in the text output.
    let codes = error_codes(FLAWED);
    assert_eq!(failures(&suites[0]), codes.len());
    assert_eq!(
        suites[0].attribute("failures").unwrap(),
        codes.len().to_string()
    );
    assert_eq!(failures(&suites[1]), 0, "the clean design passes");
    // The accepted risk ran and passed: not skipped, its finding and comment in the output.
    let accepted = case(&suites[0], "NET002");
    assert!(!has_child(&accepted, "skipped"));
    assert!(!has_child(&accepted, "failure"));
    let output = accepted
        .children()
        .find(|c| c.has_tag_name("system-out"))
        .and_then(|c| c.text())
        .expect("the accepted risk is in the case's output");
    assert!(
        output.contains("accepted risk: warning[NET002]"),
        "{output}"
    );
    assert!(output.contains("site-par"), "{output}");
    assert!(output.contains("NET-4711"), "{output}");
    // Neither design turns a rule off: nothing is skipped.
    for suite in &suites {
        assert_eq!(suite.attribute("skipped"), Some("0"));
        assert!(suite.descendants().all(|n| !n.has_tag_name("skipped")));
    }
}

#[test]
fn junit_skips_the_rules_a_design_turns_off() {
    // The flawed design with two rules turned off: DX003, which reports an error in it, and
    // ER002, which finds nothing in it.
    let mut design: Value =
        serde_json::from_str(&std::fs::read_to_string(FLAWED).unwrap()).unwrap();
    let overrides = &mut design["design"]["settings"]["severity_overrides"];
    assert!(
        overrides.is_object(),
        "the sample overrides a severity already"
    );
    overrides["DX003"] = "off".into();
    overrides["ER002"] = "off".into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("turned-off.json");
    std::fs::write(&file, serde_json::to_string_pretty(&design).unwrap()).unwrap();
    let file = file.to_str().unwrap();

    let codes = error_codes(file);
    assert!(!codes.contains(&"DX003".to_string()), "DX003 did not run");
    assert_eq!(error_codes(FLAWED).len(), codes.len() + 1);

    let o = run(&["check", file, "--format", "junit"]);
    assert_eq!(o.status.code(), Some(1));
    let xml = String::from_utf8(o.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suite = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("skipped"), Some("2"), "{xml}");
    assert_eq!(
        suite.attribute("failures").unwrap(),
        codes.len().to_string()
    );
    for code in ["DX003", "ER002"] {
        let c = case(&suite, code);
        let skipped = c
            .children()
            .find(|n| n.has_tag_name("skipped"))
            .unwrap_or_else(|| panic!("{code} is skipped, not passed"));
        let message = skipped.attribute("message").unwrap();
        assert!(message.contains("turned off"), "{message}");
        assert!(message.contains(code), "{message}");
        assert!(!has_child(&c, "failure"));
    }
    // Only the turned-off rules are skipped; the rule with an error still fails.
    let skipped = suite.children().filter(|c| has_child(c, "skipped")).count();
    assert_eq!(skipped, 2);
    assert!(has_child(&case(&suite, "DX005"), "failure"));
}

/// A design whose ExpressRoute Direct port has the id of a link (the loader allows it: port ids
/// are not element ids): the link's findings are located at the link, not at the port, which
/// comes first in the file.
#[test]
fn sarif_locates_a_link_whose_id_a_port_also_has_at_the_link() {
    let text = std::fs::read_to_string(FLAWED).unwrap();
    assert!(text.contains("\"id\": \"erd-pa4\""), "the sample's port");
    let text = text.replace("\"erd-pa4\"", "\"er-par-direct\"");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("port-named-like-a-link.json");
    std::fs::write(&file, &text).unwrap();
    let (code, log) = sarif_of(&["check", file.to_str().unwrap()]);
    assert_eq!(code, Some(1), "the file loads: {log}");
    assert_sarif_shape(&log);
    let lines: Vec<&str> = text.lines().collect();
    let port_line = 1 + lines
        .iter()
        .position(|l| l.contains("\"id\": \"er-par-direct\""))
        .unwrap();
    let link_line = 1 + lines
        .iter()
        .rposition(|l| l.contains("\"id\": \"er-par-direct\""))
        .unwrap();
    assert!(port_line < link_line, "the port comes first");
    assert!(
        lines[link_line - 2..link_line + 2]
            .iter()
            .any(|l| l.contains("\"name\""))
            && lines[port_line..port_line + 2]
                .iter()
                .any(|l| l.contains("port_speed_mbps")),
        "the first is the port, the last the link"
    );
    let located: Vec<u64> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["locations"][0]["logicalLocations"][0]["name"] == "er-par-direct")
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(!located.is_empty(), "the link has findings");
    assert!(
        located.iter().all(|&l| l == link_line as u64),
        "at the link's line {link_line}, not the port's {port_line}: {located:?}"
    );
}

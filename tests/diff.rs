//! `linkwright diff` as a reviewer runs it on a pull request: what changed, in text, JSON and
//! Markdown, and clear refusals of what it cannot read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "designs/dual-cloud-ashburn-chicago.json";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The sample with the changes a reviewer should see: the Washington DC circuit doubled, the
/// VPN backup removed, a site moved on the drawing, a new version, a site renamed with
/// characters Markdown and HTML would read as syntax.
fn changed_sample(dir: &Path) -> String {
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let design = &mut file["design"];
    design["version"] = "1.1".into();
    let links = design["links"].as_array_mut().unwrap();
    let er = links.iter_mut().find(|l| l["id"] == "er-dc2").unwrap();
    er["kind"]["express_route_circuit"]["bandwidth_mbps"] = 2000.into();
    links.retain(|l| l["id"] != "vpn-nyc-aws");
    let nodes = design["nodes"].as_array_mut().unwrap();
    let x = nodes[0]["position"]["x"].as_f64().unwrap();
    nodes[0]["position"]["x"] = (x + 40.0).into();
    let chicago = nodes.iter_mut().find(|n| n["id"] == "site-chi").unwrap();
    chicago["name"] = "Chicago | <b>DC</b>".into();
    let path = dir.join("after.json");
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_design_against_itself_has_no_changes() {
    let o = run(&["diff", SAMPLE, SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Elements: 0 added, 0 removed, 0 changed, 0 only moved")
            && text.contains("Findings: 0 new, 0 resolved")
            && text.contains("(±$0.00)")
            && text.contains("Resilience: 0 demands changed, 4 unchanged"),
        "{text}"
    );
}

#[test]
fn text_names_what_changed_and_what_it_does() {
    let dir = tempfile::tempdir().unwrap();
    let after = changed_sample(dir.path());
    let o = run(&["diff", SAMPLE, &after]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for expected in [
        "version: (not set) → 1.1",
        "- site-to-site VPN “Internet VPN backup” (vpn-nyc-aws)",
        "~ ExpressRoute circuit “ER Washington DC” (er-dc2)",
        "kind.express_route_circuit.bandwidth_mbps: 1000 → 2000",
        "1 only moved on the drawing",
        // $436 more for the larger circuit, the VPN's $36.50 gone, and its Transit Gateway
        // attachment's: the cost delta is the bill's, category by category.
        "ExpressRoute circuits: $872.00 → $1,308.00 (+$436.00)",
        "VPN: $36.50 → $0.00 (-$36.50)",
        "capacity 2,000 Mbps of 800 Mbps → 3,000 Mbps of 800 Mbps",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // A position is not a field change a network engineer builds: only counted.
    assert!(!text.contains("position"), "{text}");
}

#[test]
fn json_carries_every_change_with_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let after = changed_sample(dir.path());
    let o = run(&["diff", SAMPLE, &after, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let d = &doc["diff"];
    assert_eq!(d["removed"][0]["id"], "vpn-nyc-aws");
    let er = d["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "er-dc2")
        .unwrap();
    assert_eq!(
        er["fields"][0],
        serde_json::json!({
            "field": "kind.express_route_circuit.bandwidth_mbps",
            "before": 1000,
            "after": 2000
        })
    );
    let moved = d["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["element"] == "node" && c["fields"][0]["field"] == "position");
    assert!(moved.is_some(), "{d}");
    let demand = d["resilience"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "New York HQ → Azure East US hub")
        .unwrap();
    assert_eq!(demand["before"]["intact_mbps"], 2000);
    assert_eq!(demand["after"]["intact_mbps"], 3000);
}

#[test]
fn markdown_is_a_pull_request_comment_with_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let after = changed_sample(dir.path());
    let o = run(&["diff", SAMPLE, &after, "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("### linkwright: "), "{md}");
    assert!(
        md.contains("| Cost per month | $26,366.73 → $26,729.73 (**+$363.00**) |"),
        "{md}"
    );
    assert!(
        md.contains("#### Resilience per demand") && md.contains("<details>"),
        "{md}"
    );
    // A name with a table bar and HTML stays one cell of text.
    assert!(md.contains(r"Chicago \| &lt;b&gt;DC&lt;/b&gt;"), "{md}");
    assert!(!md.contains("<b>DC"), "{md}");
    // Every table row has the same number of cells as its header.
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |line: &str| line.replace(r"\|", "").matches('|').count();
        let mut lines = table.lines();
        let header = cells(lines.next().unwrap());
        for line in lines {
            assert_eq!(cells(line), header, "{line}");
        }
    }
}

#[test]
fn unreadable_inputs_are_refused_with_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let o = run(&["diff", SAMPLE, missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.json") && o.stdout.is_empty());

    let truncated = dir.path().join("truncated.json");
    std::fs::write(&truncated, "{\n  \"format\": \"linkwright-design\",\n").unwrap();
    let o = run(&["diff", truncated.to_str().unwrap(), SAMPLE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("truncated.json:3:"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());

    let o = run(&["diff", SAMPLE, SAMPLE, "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid value 'html'"),
        "{}",
        stderr(&o)
    );
}

/// Writes `file` with `change` applied to its design, into `dir` as `name`.
fn changed(file: &str, dir: &Path, name: &str, change: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    change(&mut doc["design"]);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

/// A demand left without any path misses its target (the target rule leaves it to the no-path
/// rule; the diff must not call it met).
#[test]
fn a_demand_that_loses_every_path_misses_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let after = changed(SAMPLE, dir.path(), "cut.json", |d| {
        d["links"]
            .as_array_mut()
            .unwrap()
            .retain(|l| l["b"] != "aws-use1" && l["a"] != "aws-use1");
    });
    let o = run(&["diff", SAMPLE, &after]);
    let text = stdout(&o);
    let line = text
        .lines()
        .find(|l| l.contains("New York HQ → AWS us-east-1:"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("NOT met") && line.contains("→ 0 Mbps"),
        "{line}"
    );
    let md = stdout(&run(&["diff", SAMPLE, &after, "--format", "markdown"]));
    assert!(!md.contains("(0 below target after)"), "{md}");
}

/// Two findings of one rule on one connection (one per VIF): fixing one VIF resolves one of
/// them; accepting a finding is not fixing it.
#[test]
fn findings_are_matched_one_for_one_and_accepted_ones_are_not_resolved() {
    const FLAWED: &str = "designs/flawed-design.json";
    let dir = tempfile::tempdir().unwrap();
    let vif_fixed = changed(FLAWED, dir.path(), "vif.json", |d| {
        let lag = d["links"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|l| l["id"] == "dx-sp-lag")
            .unwrap();
        lag["kind"]["direct_connect_connection"]["vifs"][0]["mtu"] = 8500.into();
    });
    let text = stdout(&run(&["diff", FLAWED, &vif_fixed]));
    assert!(text.contains("Findings: 0 new, 1 resolved"), "{text}");
    assert!(
        text.contains("  - error DX014: transit VIF \"t1\""),
        "{text}"
    );

    let accepted = changed(FLAWED, dir.path(), "accepted.json", |d| {
        d["settings"]["exclusions"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "code": "DX003",
                "subjects": ["dx-sp-400", "fac-sp2"],
                "comment": "port ordered elsewhere"
            }));
    });
    let text = stdout(&run(&["diff", FLAWED, &accepted]));
    assert!(
        text.contains("Findings: 0 new, 0 resolved, 1 accepted as risks"),
        "{text}"
    );
    assert!(text.contains("  = error DX003:"), "{text}");
}

/// A design's words cannot mention anyone in a pull request, and a huge change stays within a
/// comment's size.
#[test]
fn markdown_mentions_no_one_and_stays_within_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let after = changed(SAMPLE, dir.path(), "big.json", |d| {
        d["name"] = "Reviewed by @octocat".into();
        d["notes"] = "x".repeat(70_000).into();
    });
    let md = stdout(&run(&["diff", SAMPLE, &after, "--format", "markdown"]));
    assert!(!md.contains("@octocat"), "a mention");
    assert!(md.contains("&#64;octocat"));
    assert!(md.len() <= 30_000 + 200, "{} characters", md.len());
}

//! The CLI as a user runs it: exit codes, text and JSON output, flags, bad input.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_linkwright"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_exit_codes() {
    let clean = run(&[
        "check",
        "designs/dual-cloud-ashburn-chicago.json",
        "designs/aws-dev-test-one-location.json",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("designs/dual-cloud-ashburn-chicago.json: 0 errors"));

    let flawed = run(&["check", "designs/flawed-design.json"]);
    assert_eq!(flawed.status.code(), Some(1));
    let text = stdout(&flawed);
    assert!(
        text.contains("error[ER005] standard-circuit-outside-geopolitical-region:"),
        "{text}"
    );
    assert!(
        text.contains("  --> designs/flawed-design.json: er-par-std"),
        "{text}"
    );
    assert!(text.contains("  = hint: "));
    assert!(
        text.contains("  = accepted: Legacy host route"),
        "excluded findings are shown with their comment"
    );

    let missing = run(&["check", "designs/flawed-design.json", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no/such/file.json: cannot read the file"),
        "{}",
        stderr(&missing)
    );
    assert!(
        stdout(&missing).contains("flawed-design.json"),
        "readable files are still checked"
    );
}

#[test]
fn check_json_is_stable_and_filterable() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "--min-severity",
        "error",
        "designs/flawed-design.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["file"], "designs/flawed-design.json");
    let findings = file["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(f["severity"], "error");
        for key in ["code", "rule", "message", "subjects", "hint", "reference"] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
    }
    assert!(file["summary"]["errors"].as_u64().unwrap() >= 30);
    assert_eq!(file["summary"]["excluded"], 1);
    // Same input, same bytes.
    let again = run(&[
        "check",
        "--format",
        "json",
        "--min-severity",
        "error",
        "designs/flawed-design.json",
    ]);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn check_fixes_lists_each_fix_in_words_and_changes_nothing_else() {
    let file = "designs/flawed-design.json";
    let plain = run(&["check", file]);
    let fixes = run(&["check", "--fixes", file]);
    assert_eq!(fixes.status.code(), plain.status.code());
    let text = stdout(&fixes);
    // The fix sits under its finding, after the finding's reference.
    let er005 = text
        .split("\nerror[")
        .find(|block| block.starts_with("ER005]") && block.contains("er-par-std"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        er005.contains(
            "  = ref: ER-SKU-2 (AZ-GEO 2024-04-05)\n  = fix: Upgrade ER Paris Standard to Premium"
        ),
        "{er005}"
    );
    assert!(!stdout(&plain).contains("= fix:"), "fixes only on request");
    // The accepted risk (the Paris DC's prefix, NET002) is left as it is: no fix offered.
    let accepted = text
        .split("\nwarning[")
        .find(|block| block.contains("(excluded)"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!accepted.contains("= fix:"), "{accepted}");
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("  = fix: "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        without,
        stdout(&plain),
        "--fixes adds the fix lines and nothing else"
    );

    let json =
        |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout(&run(args))).unwrap() };
    let plain = json(&["check", "--format", "json", file]);
    let mut fixes = json(&["check", "--format", "json", "--fixes", file]);
    let findings = fixes["files"][0]["findings"].as_array_mut().unwrap();
    let er005 = findings
        .iter()
        .find(|f| f["code"] == "ER005" && f["subjects"][0] == "er-par-std")
        .unwrap();
    assert_eq!(
        er005["fix"]["label"],
        "Upgrade ER Paris Standard to Premium"
    );
    assert!(
        plain["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f.get("fix").is_none()),
        "a plain check's JSON is as it was"
    );
    for f in findings.iter_mut() {
        f.as_object_mut().unwrap().remove("fix");
    }
    assert_eq!(fixes, plain, "--fixes adds the fix and nothing else");

    // A switch, not an option: a value is refused, naming the flag.
    let out = run(&["check", "--fixes=yes", file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--fixes"), "{}", stderr(&out));
}

/// A read-only design is not rewritten by `--fix` (the writer's rename would allow it): exit 3,
/// the bytes unchanged, and the findings reported are the file's as it is on disk.
#[test]
fn check_fix_leaves_a_read_only_design_alone_and_reports_it_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("flawed.json");
    std::fs::copy("designs/flawed-design.json", &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    let file = copy.to_str().unwrap();
    let plain = run(&["check", file]);
    let fixed = run(&["check", "--fix", file]);
    assert_eq!(fixed.status.code(), Some(3), "{}", stderr(&fixed));
    assert!(
        stderr(&fixed).contains("is read-only; nothing fixed"),
        "{}",
        stderr(&fixed)
    );
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
    assert_eq!(
        stdout(&fixed),
        stdout(&plain),
        "the file's findings, not a fixed design's"
    );
}

#[test]
fn check_fix_applies_the_fixes_writes_the_design_and_checks_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("flawed.json");
    std::fs::copy("designs/flawed-design.json", &copy).unwrap();
    let file = copy.to_str().unwrap();
    let offered = |args: &[&str]| -> Vec<String> {
        stdout(&run(args))
            .lines()
            .filter(|l| l.starts_with("  = fix: "))
            .map(str::to_string)
            .collect()
    };
    let before = offered(&["check", "--fixes", file]);
    let errors_before = offered(&["check", "--fixes", "--min-severity", "error", file]);
    assert!(before.contains(&"  = fix: Upgrade ER Paris Standard to Premium".to_string()));
    assert!(
        before.contains(&"  = fix: Enable the second BGP session of ER Paris Standard".to_string())
    );

    // Errors only: the warning's fix (the second BGP session) is left.
    let out = run(&["check", "--fix", "--min-severity", "error", file]);
    let e = stderr(&out);
    assert!(
        e.contains(&format!(
            "{file}: fixed: Upgrade ER Paris Standard to Premium"
        )),
        "{e}"
    );
    assert!(!e.contains("second BGP session"), "{e}");
    assert!(
        e.contains(&format!("{file}: {} fixes applied", errors_before.len())),
        "{e}"
    );
    assert!(
        !stdout(&out).contains("ER Paris Standard (`er-par-std`) at Paris2"),
        "the fixed finding is gone from the report"
    );
    assert_eq!(
        offered(&["check", "--fixes", file]),
        ["  = fix: Enable the second BGP session of ER Paris Standard"],
        "what is left to fix: the warning"
    );
    // The written file is a valid design in the saved layout.
    let text = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(
        run(&["fmt", "--check", file]).status.code(),
        Some(0),
        "{text}"
    );

    // Everything else, then nothing left: the file is not rewritten.
    let out = run(&["check", "--fix", file]);
    assert!(stderr(&out).contains("1 fix applied"), "{}", stderr(&out));
    assert!(offered(&["check", "--fixes", file]).is_empty());
    let written = std::fs::read(&copy).unwrap();
    let out = run(&["check", "--fix", file]);
    assert!(
        stderr(&out).contains(&format!("{file}: nothing to fix")),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&copy).unwrap(), written);

    // An unreadable file: the loader's error, exit 2, nothing written.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let out = run(&["check", "--fix", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.json:1:"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "{ not json");
    // A switch, not an option.
    assert_eq!(run(&["check", "--fix=all", file]).status.code(), Some(2));
}

#[test]
fn bad_flags_and_malformed_files_give_clear_messages() {
    let out = run(&["check", "--format", "yaml", "designs/flawed-design.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'yaml'"),
        "{}",
        stderr(&out)
    );
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["generate"]).status.code(), Some(2));
    assert_eq!(run(&["generate", "--sites", "-3"]).status.code(), Some(2));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"format\": \"linkwright-design\",\n  \"version\": 1,\n  \"design\": { \"name\": 5 }\n}\n").unwrap();
    let out = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("bad.json:4:") && e.contains("design.name") && e.contains("expected a string"),
        "{e}"
    );

    let out = run(&[
        "--catalog",
        "no-such-catalog.json",
        "check",
        "designs/flawed-design.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-catalog.json"));
}

#[test]
fn generate_writes_a_valid_clean_design() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.json");
    let out = run(&[
        "generate",
        "--sites",
        "100",
        "--seed",
        "7",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let check = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let v: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    assert_eq!(v["files"][0]["summary"]["warnings"], 0);
    let d = linkwright::design_file::load(Path::new(&path)).unwrap();
    assert_eq!(
        d.nodes.iter().filter(|n| n.as_site().is_some()).count(),
        100
    );
    // Deterministic: same arguments, same bytes on standard output.
    let a = run(&["generate", "--sites", "30", "--seed", "3"]);
    let b = run(&["generate", "--sites", "30", "--seed", "3"]);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(
        a.stdout,
        run(&["generate", "--sites", "30", "--seed", "4"]).stdout
    );
}

#[test]
fn rules_and_schema_commands() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), linkwright::rules::RULES.len());
    assert!(
        text.contains("ER005") && text.contains("standard-circuit-outside-geopolitical-region")
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["rules", "--format", "json"]))).unwrap();
    assert_eq!(
        json.as_array().unwrap().len(),
        linkwright::rules::RULES.len()
    );
    assert!(
        json.as_array().unwrap().iter().all(|r| r["why"].is_string()
            && r["example_fix"].is_string()
            && r["sources"].is_array())
    );

    let schema = run(&["schema"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&schema)).unwrap();
    assert_eq!(v["properties"]["format"]["const"], "linkwright-design");
}

#[test]
fn rules_explain_prints_a_rule_with_why_sources_and_example_fix() {
    let out = run(&["rules", "--explain", "ER005"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "ER005 standard-circuit-outside-geopolitical-region (error by default)",
        "What it flags\n  A Standard ExpressRoute circuit",
        "Why it matters\n  ",
        "Sources\n  Reference: ER-SKU-2 (AZ-GEO 2024-04-05)",
        "ER-SKU-2: A Standard circuit reaches only",
        "AZ-GEO  Azure regions by geopolitical region",
        "https://github.com/MicrosoftDocs/azure-docs/",
        "official",
        "How to fix\n  Upgrade the circuit to Premium",
        "Example fix\n  Standard circuit at Paris to eastus",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }

    // Any case, or the rule's kebab-case name.
    assert_eq!(run(&["rules", "--explain", "er005"]).stdout, out.stdout);
    assert_eq!(
        run(&[
            "rules",
            "--explain",
            "standard-circuit-outside-geopolitical-region"
        ])
        .stdout,
        out.stdout
    );

    // Entries and sections resolve to their sources; a bare "API" is the DX API reference.
    let lag = stdout(&run(&["rules", "--explain", "dx007"]));
    assert!(lag.contains("DX-LAG-2: "), "{lag}");
    assert!(lag.contains("Q10: "), "{lag}");
    assert!(
        lag.contains("DX-UG  AWS Direct Connect User Guide")
            && lag.contains("https://docs.aws.amazon.com/directconnect/latest/UserGuide/"),
        "{lag}"
    );
    let asn = stdout(&run(&["rules", "--explain", "DX017"]));
    assert!(
        asn.contains("DX-API  AWS Direct Connect API Reference"),
        "{asn}"
    );

    // A check of the design model says it has no cloud document.
    let model = stdout(&run(&["rules", "--explain", "GEN006"]));
    assert!(model.contains("No cloud document"), "{model}");

    // JSON carries the same sections.
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "rules",
        "--explain",
        "ER005",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["code"], "ER005");
    assert_eq!(json["sources"], serde_json::json!(["AZ-GEO"]));
    assert!(json["why"].as_str().unwrap().len() > 40);
    assert!(json["example_fix"].as_str().unwrap().len() > 20);
}

#[test]
fn rules_explain_resolves_the_citations_messages_and_prices_print() {
    let source = stdout(&run(&["rules", "--explain", "dx-price"]));
    assert!(
        source.contains("DX-PRICE  AWS Direct Connect pricing")
            && source.contains("official, copied by a third party")
            && source.contains("https://aws.amazon.com/directconnect/pricing/pay-as-you-go/"),
        "{source}"
    );
    let section = stdout(&run(&["rules", "--explain", "reference 4.4"]));
    assert!(
        section.starts_with("4.4  AWS Direct Connect locations"),
        "{section}"
    );
    assert!(section.contains("DX-LOCS"), "{section}");
    let question = stdout(&run(&["rules", "--explain", "Q5"]));
    assert!(
        question.contains("ExpressRoute SLA") && question.contains("AZ-SLA"),
        "{question}"
    );

    let listing = stdout(&run(&["rules", "--sources"]));
    for s in linkwright::reference::SOURCES {
        assert!(
            listing.contains(s.id),
            "{} missing from rules --sources",
            s.id
        );
    }
}

#[test]
fn rules_explain_of_an_unknown_code_fails_cleanly() {
    let out = run(&["rules", "--explain", "ER999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("no rule, source or reference entry is called \"ER999\"")
            && err.contains("`linkwright rules` lists the rule codes"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn readme_rule_reference_is_generated_from_the_rules() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let table = stdout(&run(&["rules", "--format", "markdown"]));
    assert!(
        readme.contains(&table),
        "README's rule reference is stale: paste `linkwright rules --format markdown`"
    );
}

#[test]
fn fmt_rewrites_to_canonical_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    let compact = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("designs/aws-dev-test-one-location.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&compact).unwrap();
    std::fs::write(&path, v.to_string()).unwrap();
    assert_eq!(
        run(&["fmt", "--check", path.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(run(&["fmt", path.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), compact);
    assert_eq!(
        run(&["fmt", "--check", path.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn resilience_command_reports_models_capacity_spofs_and_index() {
    let out = run(&["resilience", "designs/dual-cloud-ashburn-chicago.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("demand d-nyc-aws: New York HQ → AWS us-east-1 (AWS), requires 2 Gbps"),
        "{text}"
    );
    assert!(
        text.contains("model: Maximum — SLA target: 99.99% (DX-RES-1)"),
        "{text}"
    );
    assert!(
        text.contains("intact capacity: 21 Gbps over 3 paths"),
        "{text}"
    );
    assert!(text.contains("single points of failure: none"));
    assert!(
        text.contains(
            "Azure East US hub (ErGw3AZ): 40 as designed (M = 1), 100 once validated (M = 4)"
        ),
        "{text}"
    );

    let flawed = run(&[
        "resilience",
        "--format",
        "json",
        "designs/flawed-design.json",
    ]);
    assert_eq!(flawed.status.code(), Some(1), "errors in the design");
    let v: serde_json::Value = serde_json::from_str(&stdout(&flawed)).unwrap();
    let sp = v["demands"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["demand"] == "d-sp-aws")
        .unwrap();
    assert_eq!(sp["model"]["kind"], "none");
    let spof_ids: Vec<&str> = sp["spofs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(
        spof_ids.contains(&"link:acc-sp") && spof_ids.contains(&"node:fac-sp2"),
        "{spof_ids:?}"
    );
    assert_eq!(sp["worst_single_failure"]["outcome"], "lost");
    // Results name domains by id; each domain they name is listed once, with its members.
    let domains = v["domains"].as_array().unwrap();
    let listed = |id: &str| domains.iter().filter(|d| d["id"] == id).count();
    assert_eq!(listed("node:fac-sp2"), 1);
    let fac = domains.iter().find(|d| d["id"] == "node:fac-sp2").unwrap();
    assert_eq!(fac["kind"], "node");
    assert_eq!(fac["members"], serde_json::json!(["fac-sp2"]));
    for d in v["demands"].as_array().unwrap() {
        for s in d["single_failures"].as_array().unwrap() {
            for id in s["domains"].as_array().unwrap() {
                assert_eq!(listed(id.as_str().unwrap()), 1, "{id}");
            }
        }
    }

    let pairs = run(&[
        "resilience",
        "--depth",
        "2",
        "designs/europe-azure-two-locations.json",
    ]);
    assert!(
        stdout(&pairs).contains("failure pairs that lose or degrade it"),
        "{}",
        stdout(&pairs)
    );
    assert_eq!(
        run(&["resilience", "--depth", "3", "designs/flawed-design.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["resilience", "no-such.json"]).status.code(), Some(2));
}

/// #12 item 9: a name holding terminal escape sequences (clear screen, retitle window, C1 CSI)
/// reaches the terminal as visible text in every text output, and errors too.
#[test]
fn control_characters_from_files_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("designs/flawed-design.json"),
    )
    .unwrap();
    let hostile = original.replace(
        "\"name\": \"São Paulo office\"",
        "\"name\": \"São\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m Paulo\\r office\"",
    );
    assert_ne!(
        hostile, original,
        "the fixture still has the São Paulo office"
    );
    let file = dir.path().join("hostile.json");
    std::fs::write(&file, &hostile).unwrap();
    let f = file.to_str().unwrap();
    let raw = |bytes: &[u8]| {
        bytes
            .iter()
            .any(|&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F)
            || bytes
                .windows(2)
                .any(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
    };
    for args in [vec!["check", f], vec!["resilience", f], vec!["cost", f]] {
        let o = run(&args);
        assert!(
            !raw(&o.stdout),
            "{args:?} wrote raw control bytes: {}",
            stdout(&o)
        );
        assert!(
            !raw(&o.stderr),
            "{args:?} wrote raw control bytes to stderr"
        );
        if args.len() == 2 && args[0] != "cost" {
            assert!(
                stdout(&o).contains("São\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{9b}31m Paulo\\r office"),
                "the name is shown, escaped: {}",
                stdout(&o)
            );
        }
    }
    // JSON documents stay valid JSON (DEL and C1 controls as JSON escapes) and give the name
    // back exactly as the file has it.
    for args in [
        vec!["check", "--format", "json", f],
        vec!["resilience", "--format", "json", f],
        vec!["cost", "--format", "json", f],
    ] {
        let o = run(&args);
        assert!(!raw(&o.stdout), "{args:?} wrote raw control bytes");
        let document: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{args:?} is not valid JSON: {e}"));
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        strings(&document, &mut all);
        if args[0] == "check" {
            assert!(
                all.iter()
                    .any(|s| s.contains("São\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m Paulo\r office")),
                "{args:?} gives the name back exactly"
            );
        }
    }
    // An error message naming the file: the path itself holds an escape.
    let odd = dir.path().join("bad\u{1b}[31mname.json");
    std::fs::write(&odd, "{ not json").unwrap();
    let o = run(&["check", odd.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!raw(&o.stderr), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("bad\\u{1b}[31mname.json"),
        "{}",
        stderr(&o)
    );
}

/// #12 item 11: `generate` foresees a design the loader could not read back and refuses it at
/// once (exit 2, a message with the bound, nothing written), instead of running out of memory.
#[test]
fn generate_refuses_a_size_the_loader_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.json");
    let started = std::time::Instant::now();
    let o = run(&[
        "generate",
        "--sites",
        "1000000000",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1,000,000,000 sites is more than generate writes")
            && stderr(&o).contains("256 MiB, about 140,000 sites"),
        "{}",
        stderr(&o)
    );
    assert!(!file.exists(), "nothing written");
    assert!(
        started.elapsed().as_secs() < 10,
        "refused before generating"
    );
}

/// Counts read as words in every text the commands print: "1 error", "3 paths", "2 circuits
/// with one BGP session do not count", never "error(s)" or "path(s)".
#[test]
fn counts_in_command_output_read_as_words() {
    let mut seen = 0;
    for design in std::fs::read_dir("designs").unwrap() {
        let design = design.unwrap().path();
        if design.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let d = design.to_str().unwrap();
        for args in [
            vec!["check", d],
            vec!["check", d, "--fixes"],
            vec!["cost", d],
            vec!["resilience", d],
            vec!["resilience", d, "--depth", "2"],
        ] {
            let o = run(&args);
            let text = format!("{}{}", stdout(&o), stderr(&o));
            assert!(!text.contains("(s)"), "{args:?}:\n{text}");
            seen += text.len();
        }
    }
    assert!(
        seen > 10_000,
        "the commands printed almost nothing: {seen} bytes"
    );
    let o = run(&["check", "designs/flawed-design.json"]);
    assert!(
        stdout(&o).contains("35 errors, 19 warnings"),
        "{}",
        stdout(&o)
    );
}

/// `cost`'s whole output (bill, totals and both what-ifs, text and JSON) for two samples, as the
/// goldens in `tests/fixtures/cost/` have it: how the lines are priced or written (in blocks,
/// on several threads, as found) must not change what the user reads. Regenerate with
/// `LINKWRIGHT_UPDATE_GOLDENS=1 cargo test --test cli` after a change that should change it.
#[test]
fn cost_output_matches_its_goldens() {
    let update = std::env::var_os("LINKWRIGHT_UPDATE_GOLDENS").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cost");
    for sample in ["dual-cloud-ashburn-chicago", "flawed-design"] {
        let file = format!("designs/{sample}.json");
        for (format, ext) in [("text", "txt"), ("json", "json")] {
            let o = run(&["cost", &file, "--format", format]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let golden = dir.join(format!("{sample}.{ext}"));
            if update {
                std::fs::write(&golden, &o.stdout).unwrap();
            }
            let expected = std::fs::read_to_string(&golden).unwrap();
            assert!(
                stdout(&o) == expected,
                "cost --format {format} of {file} differs from {}",
                golden.display()
            );
        }
    }
}

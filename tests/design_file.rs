//! The design file format: samples, round trips, located errors for malformed input, atomic
//! save, and the committed JSON Schema.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::*;
use linkwright::design_file::{self, LoadError, MAX_FILE_BYTES};
use linkwright::model::Discount;
use linkwright::rules;
use std::fs;
use std::path::{Path, PathBuf};

const SAMPLES: [&str; 4] = [
    "designs/dual-cloud-ashburn-chicago.json",
    "designs/europe-azure-two-locations.json",
    "designs/aws-dev-test-one-location.json",
    "designs/flawed-design.json",
];

fn sample(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn codes(path: &str) -> Vec<&'static str> {
    let d = design_file::load(&sample(path)).unwrap();
    rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect()
}

#[test]
fn samples_load_and_check_sensibly() {
    for s in SAMPLES {
        let d = design_file::load(&sample(s)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !d.nodes.is_empty() && !d.links.is_empty() && !d.demands.is_empty(),
            "{s}"
        );
    }
    // The three realistic designs have no errors; what they accept is excluded with a comment;
    // the European one keeps one honest warning (a plant on a single access circuit).
    assert!(codes(SAMPLES[0]).is_empty(), "{:?}", codes(SAMPLES[0]));
    assert_eq!(codes(SAMPLES[1]), ["RES001"]);
    assert!(codes(SAMPLES[2]).is_empty(), "{:?}", codes(SAMPLES[2]));
    let flawed = codes(SAMPLES[3]);
    for code in [
        "ER001", "ER003", "ER004", "ER005", "ER009", "ER012", "ER016", "ER021", "ER022", "ER028",
        "DX005", "DX006", "DX011", "DX014", "GEN003", "GEN007", "NET001", "RES001", "RES003",
        "RES006",
    ] {
        assert!(
            flawed.contains(&code),
            "flawed design should show {code}: {flawed:?}"
        );
    }
    assert!(flawed.len() >= 30, "{}", flawed.len());
}

#[test]
fn samples_are_in_canonical_layout_and_round_trip() {
    for s in SAMPLES {
        let text = fs::read_to_string(sample(s)).unwrap();
        let d = design_file::from_str(&text, Path::new(s)).unwrap();
        assert_eq!(
            design_file::to_string(&d).unwrap(),
            text,
            "{s} is not byte-identical after re-save"
        );
        let again =
            design_file::from_str(&design_file::to_string(&d).unwrap(), Path::new(s)).unwrap();
        assert_eq!(again, d, "{s}: load → save → load changed the design");
    }
}

#[test]
fn save_is_atomic_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    fs::write(&path, "previous content").unwrap();
    let d = base();
    design_file::save(&d, &path).unwrap();
    assert_eq!(design_file::load(&path).unwrap(), d);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "temporary file left behind: {names:?}");

    // A save that cannot complete leaves the previous file as it was.
    let blocked = dir.path().join("blocked.json");
    fs::create_dir(&blocked).unwrap(); // renaming a file over a folder fails
    assert!(design_file::save(&d, &blocked).is_err());
    assert!(blocked.is_dir());
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        names.len(),
        2,
        "temporary file left behind after a failed save"
    );
}

fn load_text(text: &str) -> Result<linkwright::model::Design, LoadError> {
    design_file::from_str(text, Path::new("bad.json"))
}

fn valid_text() -> String {
    design_file::to_string(&base()).unwrap()
}

/// The error for `text`, which must name the file and, when given, the line.
fn error(text: &str, line: Option<usize>) -> String {
    let err = load_text(text).expect_err("should be refused");
    let shown = err.to_string();
    assert!(shown.starts_with("bad.json"), "{shown}");
    if let Some(line) = line {
        assert_eq!(err.position().map(|p| p.0), Some(line), "{shown}");
    }
    shown
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn malformed_json_names_line_and_column() {
    let e = error(
        "{\n  \"format\": \"linkwright-design\",\n  \"version\": 1,\n  oops\n}",
        Some(4),
    );
    assert!(e.contains("not valid JSON"), "{e}");
    assert!(error("", None).contains("not valid JSON"));
    assert!(error("[1, 2]", None).contains("expected a JSON object"));
}

#[test]
fn wrong_format_and_newer_version_are_refused() {
    let e = error(
        r#"{"format": "something-else", "version": 1, "design": {"name": "x"}}"#,
        None,
    );
    assert!(e.contains("not a linkwright design"), "{e}");
    let e =
        load_text(r#"{"format": "linkwright-design", "version": 7, "design": {"whatever": true}}"#)
            .unwrap_err();
    assert!(matches!(e, LoadError::NewerVersion { version: 7, .. }));
    assert!(
        e.to_string()
            .contains("written by a newer linkwright (format 7)"),
        "{e}"
    );
    assert!(
        error(
            r#"{"format": "linkwright-design", "version": "one", "design": {}}"#,
            None
        )
        .contains("version")
    );
}

#[test]
fn wrong_types_and_unknown_kinds_name_the_path() {
    let text = valid_text().replace("\"bandwidth_mbps\": 1000,", "\"bandwidth_mbps\": \"fast\",");
    let e = error(&text, Some(line_of(&text, "\"fast\"")));
    assert!(
        e.contains("bandwidth_mbps") && e.contains("expected u64"),
        "{e}"
    );

    let text = valid_text().replace("\"on_prem_site\"", "\"onprem_site\"");
    let e = error(&text, Some(line_of(&text, "\"onprem_site\"")));
    assert!(
        e.contains("unknown variant `onprem_site`") && e.contains("on_prem_site"),
        "{e}"
    );

    let text = valid_text().replace("\"express_route_circuit\"", "\"expressroute\"");
    assert!(error(&text, None).contains("unknown variant `expressroute`"));

    let text = valid_text().replacen("\"carrier\": \"Lumen\",", "\"carier\": \"Lumen\",", 1);
    let e = error(&text, Some(line_of(&text, "\"carier\"")));
    assert!(e.contains("unknown field `carier`"), "{e}");
}

#[test]
fn negative_bandwidth_and_bad_prefix_are_refused() {
    let text = valid_text().replacen("\"bandwidth_mbps\": 10000", "\"bandwidth_mbps\": -10000", 1);
    let e = error(&text, Some(line_of(&text, "-10000")));
    assert!(e.contains("invalid value: integer `-10000`"), "{e}");

    let text = valid_text().replace("\"10.0.0.0/16\"", "\"10.0.0.0/33\"");
    let e = error(&text, Some(line_of(&text, "10.0.0.0/33")));
    assert!(e.contains("not a CIDR prefix"), "{e}");

    let text = valid_text().replace("\"monthly_usd\": \"2500.00\"", "\"monthly_usd\": \"25,00\"");
    assert!(error(&text, None).contains("not a USD amount"));
}

#[test]
fn non_finite_position_is_refused() {
    let text = valid_text().replacen("\"x\": 0.0", "\"x\": 1e999", 1);
    let e = error(&text, None);
    assert!(
        e.contains("position") || e.contains("number out of range"),
        "{e}"
    );
}

#[test]
fn structural_problems_are_located() {
    // Duplicate id: the second occurrence is reported.
    let text = valid_text().replace("\"id\": \"fac-ch1\"", "\"id\": \"fac-dc2\"");
    let second = text.match_indices("\"id\": \"fac-dc2\"").nth(1).unwrap().0;
    let e = error(&text, Some(text[..second].matches('\n').count() + 1));
    assert!(e.contains("duplicate id `fac-dc2`"), "{e}");

    // Dangling endpoint.
    let text = valid_text().replace("\"b\": \"aws\"", "\"b\": \"aws-gone\"");
    let e = error(&text, Some(line_of(&text, "\"aws-gone\"")));
    assert!(e.contains("`aws-gone` is not a node"), "{e}");

    // A link between kinds it cannot join: ER circuit from the site.
    let mut d = base();
    link_mut(&mut d, "er-1").a = "site".into();
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "\"id\": \"er-1\"")));
    assert!(
        e.contains("ExpressRoute circuit cannot join a on-prem site") || e.contains("cannot join"),
        "{e}"
    );
    assert!(e.contains("colocation facility ↔ Azure region"), "{e}");

    // A demand naming a missing region.
    let text = valid_text().replace("\"region\": \"az\"", "\"region\": \"nowhere\"");
    let e = error(&text, Some(line_of(&text, "\"nowhere\"")));
    assert!(
        e.contains("demand `d-az`") && e.contains("`nowhere`"),
        "{e}"
    );
}

#[test]
fn io_problems_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let e = design_file::load(&missing).unwrap_err();
    assert!(
        e.to_string().contains("missing.json") && e.to_string().contains("cannot read"),
        "{e}"
    );

    let binary = dir.path().join("binary.json");
    fs::write(&binary, [0x7b, 0xff, 0xfe, 0x7d]).unwrap();
    assert!(
        design_file::load(&binary)
            .unwrap_err()
            .to_string()
            .contains("not UTF-8")
    );

    let big = dir.path().join("big.json");
    let f = fs::File::create(&big).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = design_file::load(&big).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string().contains(&MAX_FILE_BYTES.to_string()) && e.to_string().contains("256 MiB"),
        "{e}"
    );
}

/// Runs `f` on its own thread and fails the test if it has not finished within `secs`: a read
/// that blocks (a FIFO with no writer) must fail the test, not hang the suite.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .expect("still reading: the loader blocked or read without bound")
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let path = fifo.clone();
    let e = within(10, move || {
        design_file::load(&path).unwrap_err().to_string()
    });
    assert!(
        e.contains("pipe.json") && e.contains("FIFO") && e.contains("not a regular file"),
        "{e}"
    );

    // The other readers of user files refuse it the same way.
    let path = fifo.clone();
    let e = within(10, move || {
        linkwright::costing::book::UserBook::load(&path)
            .unwrap_err()
            .to_string()
    });
    assert!(e.contains("pipe.json") && e.contains("FIFO"), "{e}");
    let path = fifo.clone();
    let e = within(10, move || {
        linkwright::catalog::Catalog::with_user_file(&path)
            .err()
            .unwrap()
            .to_string()
    });
    assert!(e.contains("pipe.json") && e.contains("FIFO"), "{e}");
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_quickly() {
    let e = within(10, || {
        design_file::load(Path::new("/dev/zero"))
            .unwrap_err()
            .to_string()
    });
    assert!(
        e.contains("/dev/zero") && e.contains("character device"),
        "{e}"
    );
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let e = design_file::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("a folder, not a regular file"), "{e}");
}

#[test]
fn committed_schema_is_current() {
    let committed = fs::read_to_string(sample("assets/schema/design.schema.json")).unwrap();
    assert_eq!(
        committed.trim_end(),
        linkwright::cli::schema_json().trim_end(),
        "assets/schema/design.schema.json is stale: run `cargo run -- schema > assets/schema/design.schema.json`"
    );
}

#[test]
fn loading_never_panics_on_truncated_or_corrupted_files() {
    let text = fs::read_to_string(sample("designs/aws-dev-test-one-location.json")).unwrap();
    // Every truncation point.
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let _ = load_text(&text[..cut]);
    }
    // Deterministic byte corruption (xorshift), including invalid UTF-8 via the file path.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.json");
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..500 {
        let mut bytes = text.clone().into_bytes();
        for _ in 0..3 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let i = (state % bytes.len() as u64) as usize;
            bytes[i] = (state >> 32) as u8;
        }
        fs::write(&path, &bytes).unwrap();
        if let Err(e) = design_file::load(&path) {
            assert!(e.to_string().contains("corrupt.json"), "{e}");
        }
    }
}

#[test]
fn an_overlong_name_is_refused_with_its_place() {
    let mut d = base();
    let long = "x".repeat(2_000);
    node_mut(&mut d, "fac-ch1").name = long.clone();
    let text = design_file::to_string(&d).unwrap();
    let e = error(
        &text,
        Some(line_of(&text, &format!("\"name\": \"{long}\""))),
    );
    assert!(
        e.contains("node `fac-ch1`: name is 2000 characters long; at most 1000 are allowed"),
        "{e}"
    );
    assert!(load_text(&text).unwrap_err().position().unwrap().1 > 1);

    // A name at the bound loads; the design's own name and an element's notes are bounded too.
    node_mut(&mut d, "fac-ch1").name = "é".repeat(design_file::MAX_NAME_CHARS);
    assert!(load_text(&design_file::to_string(&d).unwrap()).is_ok());
    let mut d = base();
    d.name = long.clone();
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "\"name\"")));
    assert!(e.contains("the design: name is 2000 characters"), "{e}");
    let mut d = base();
    link_mut(&mut d, "er-1").notes = "n".repeat(design_file::MAX_NOTES_CHARS + 1);
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "\"notes\": \"nnn")));
    assert!(e.contains("link `er-1`: notes is 100001 characters"), "{e}");
}

#[test]
fn design_properties_are_kept_by_save_and_load_and_bounded() {
    let mut d = base();
    d.organisation = "Contoso Networks".into();
    d.version = "1.2".into();
    d.confidentiality = "Confidential — internal use".into();
    let text = design_file::to_string(&d).unwrap();
    let back = load_text(&text).unwrap();
    assert_eq!(back.info(), d.info());
    // A design that states none of them saves without the keys (older files stay as they are).
    let plain = design_file::to_string(&base()).unwrap();
    assert!(!plain.contains("\"organisation\""), "{plain}");
    d.organisation = "o".repeat(2_000);
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "\"organisation\"")));
    assert!(
        e.contains("the design: organisation is 2000 characters"),
        "{e}"
    );
}

#[test]
fn a_position_out_of_range_is_refused() {
    let mut d = base();
    node_mut(&mut d, "fac-ch1").position.x = 1e308;
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, None);
    assert!(
        e.contains("node `fac-ch1`: position must be finite numbers from -10000000 to 10000000"),
        "{e}"
    );
    node_mut(&mut d, "fac-ch1").position.x = -design_file::MAX_COORDINATE;
    assert!(load_text(&design_file::to_string(&d).unwrap()).is_ok());
}

/// #12 item 7: bandwidths, counts and egress volumes have bounds, enforced at load with the
/// element, the field, the bound and the place in the file.
#[test]
fn bandwidths_counts_and_egress_beyond_their_bounds_are_refused_with_their_place() {
    let mut d = base();
    er_mut(&mut d, "er-1").bandwidth_mbps = 99_999_999_999;
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "99999999999")));
    assert!(
        e.contains("link `er-1`: bandwidth_mbps is 99999999999; at most 10000000 is accepted"),
        "{e}"
    );
    // At the bound it loads (rules then say what is offered).
    er_mut(&mut d, "er-1").bandwidth_mbps = design_file::MAX_BANDWIDTH_MBPS;
    assert!(load_text(&design_file::to_string(&d).unwrap()).is_ok());

    let mut d = base();
    let dx_id = d
        .links
        .iter()
        .find(|l| l.as_dx().is_some())
        .map(|l| l.id.to_string())
        .unwrap();
    dx_mut(&mut d, &dx_id).lag_members = 4_000_000_000;
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "4000000000")));
    assert!(
        e.contains(&format!(
            "link `{dx_id}`: lag_members is 4000000000; at most 100000"
        )),
        "{e}"
    );

    let mut d = base();
    d.demands[0].required_mbps = u64::MAX;
    d.demands[1].egress_gb_per_month = 5_000_000_000;
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, &u64::MAX.to_string())));
    assert!(
        e.contains("demand `d-az`: required_mbps is 18446744073709551615"),
        "{e}"
    );
    d.demands[0].required_mbps = 100;
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "5000000000")));
    assert!(e.contains("demand `d-aws`: egress_gb_per_month is 5000000000; at most 1000000000 is accepted (one exabyte a month)"), "{e}");
}

#[test]
fn a_discount_above_100_percent_is_refused() {
    let mut d = base();
    d.settings.discounts.push(Discount {
        provider: "aws".into(),
        percent: "150".parse().unwrap(),
        note: String::new(),
    });
    let text = design_file::to_string(&d).unwrap();
    let e = error(&text, Some(line_of(&text, "\"provider\": \"aws\"")));
    assert!(e.contains("not a percentage from 0 to 100"), "{e}");
}

/// A design over 1 MiB, with keys after the demands and names that spell the cut marks.
fn large_design() -> linkwright::model::Design {
    let mut d = linkwright::generate::generate(1_000, 7, catalog());
    d.nodes[3].name = "tricky\n      },\n      {\n    \"links\": [".into();
    d.links[5].name = "\n  }".into();
    d.risk_groups.push(linkwright::model::RiskGroup {
        id: "rg-conduit".into(),
        name: "same conduit".into(),
        members: vec![d.links[0].id.to_string(), d.links[1].id.to_string()],
    });
    d.settings
        .severity_overrides
        .insert("GEN010".into(), linkwright::model::SeverityOverride::Info);
    d
}

#[test]
fn large_files_load_the_same_however_they_are_laid_out() {
    let d = large_design();
    let text = design_file::to_string(&d).unwrap();
    assert!(text.len() > 1 << 20, "{} bytes", text.len());
    assert_eq!(load_text(&text).unwrap(), d, "as saved");
    // Laid out by other tools: on one line, or with four-space indentation.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(load_text(&value.to_string()).unwrap(), d, "one line");
    let mut four = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut four, formatter);
    serde::Serialize::serialize(&value, &mut ser).unwrap();
    assert_eq!(
        load_text(&String::from_utf8(four).unwrap()).unwrap(),
        d,
        "four-space indent"
    );
}

#[test]
fn large_files_name_the_line_of_a_problem_deep_inside() {
    let d = large_design();
    let text = design_file::to_string(&d).unwrap();
    // A wrong type in a link two thirds of the way down the links.
    let link = &d.links[d.links.len() * 2 / 3];
    let at = text.find(&format!("\"id\": \"{}\"", link.id)).unwrap();
    let bandwidth = at + text[at..].find("\"bandwidth_mbps\": ").unwrap();
    let mut bad = text.clone();
    bad.insert(bandwidth + "\"bandwidth_mbps\": ".len(), '"');
    bad.insert(bad[bandwidth..].find(',').unwrap() + bandwidth, '"');
    let line = bad[..bandwidth].matches('\n').count() + 1;
    let e = error(&bad, Some(line));
    assert!(e.contains("links["), "{e}");
    // A demand near the end whose site does not exist.
    let demand = d.demands.last().unwrap();
    let bad = text.replacen(
        &format!(
            "\"site\": \"{}\",\n        \"region\": \"{}\"",
            demand.site, demand.region
        ),
        &format!(
            "\"site\": \"nowhere\",\n        \"region\": \"{}\"",
            demand.region
        ),
        1,
    );
    assert_ne!(bad, text);
    let e = error(&bad, Some(line_of(&bad, "\"site\": \"nowhere\"")));
    assert!(e.contains("nowhere"), "{e}");
    // Cut short inside the demands.
    let e = error(&text[..text.len() - 200], None);
    assert!(e.contains("not valid JSON"), "{e}");
    // A comma after the last link.
    let end_of_links = text.find("\n    ],\n    \"demands\"").unwrap();
    let mut bad = text.clone();
    bad.insert(end_of_links, ',');
    let e = error(&bad, Some(line_of(&text, "\n    \"demands\"")));
    assert!(
        e.contains("not valid JSON") || e.contains("trailing comma"),
        "{e}"
    );
}

#[test]
fn large_files_with_empty_arrays_load() {
    let mut d = large_design();
    d.demands.clear();
    let text = design_file::to_string(&d).unwrap();
    assert!(text.len() > 1 << 20);
    assert_eq!(load_text(&text).unwrap(), d);
}

#[test]
fn transit_gateway_attachments_and_vpn_gateway_round_trip() {
    // Old files (no such fields) load with none and are written back without them.
    let old = base();
    let text = design_file::to_string(&old).unwrap();
    for key in [
        "tgw_vpc_attachments",
        "tgw_peering_attachments",
        "vpn_gateway",
    ] {
        assert!(!text.contains(key), "{key} written for an old design");
    }
    let loaded = load_text(&text).unwrap();
    assert!(aws_of(&loaded).tgw_vpc_attachments.is_empty());
    assert!(azure_of(&loaded).vpn_gateway.is_none());

    let mut d = base();
    let aws = aws_mut(&mut d, "aws");
    aws.tgw_vpc_attachments = vec![
        linkwright::model::TgwVpcAttachment {
            name: "prod".into(),
        },
        linkwright::model::TgwVpcAttachment {
            name: "vpc-0a1b2c3d".into(),
        },
    ];
    aws.tgw_peering_attachments = vec![linkwright::model::TgwPeeringAttachment {
        name: "use1-euw1".into(),
        peer_region: "eu-west-1".into(),
    }];
    azure_mut(&mut d, "az").vpn_gateway = Some(linkwright::model::VpnGateway {
        sku: linkwright::model::VpnGatewaySku::VpnGw2Az,
        generation: Some(linkwright::model::VpnGatewayGeneration::Generation2),
        zone_redundant: true,
    });
    let text = design_file::to_string(&d).unwrap();
    assert!(text.contains(r#""sku": "vpn_gw2_az""#), "{text}");
    assert!(text.contains(r#""generation": "generation2""#));
    assert!(text.contains(r#""peer_region": "eu-west-1""#));
    let back = load_text(&text).unwrap();
    assert_eq!(back, d);
    assert_eq!(design_file::to_string(&back).unwrap(), text);

    // The new objects keep refusing unknown fields (a typo is an error, not dropped).
    let typo = text.replace(r#""peer_region""#, r#""peer_regoin""#);
    let e = error(&typo, Some(line_of(&typo, "peer_regoin")));
    assert!(e.contains("peer_regoin"), "{e}");
}

fn aws_of(d: &linkwright::model::Design) -> &linkwright::model::AwsRegion {
    d.nodes.iter().find_map(|n| n.as_aws()).unwrap()
}

fn azure_of(d: &linkwright::model::Design) -> &linkwright::model::AzureRegion {
    d.nodes.iter().find_map(|n| n.as_azure()).unwrap()
}

// ---- Saves that respect what they replace (issue #12, items 1-3) ----

#[test]
fn a_save_through_a_symlink_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let d = base();
    design_file::save(&d, &link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(design_file::load(&real).unwrap(), d);
    // A dangling link creates the file it names.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("new.json", &dangling).unwrap();
    design_file::save(&d, &dangling).unwrap();
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(design_file::load(&dir.path().join("new.json")).unwrap(), d);
}

#[test]
fn a_device_is_written_in_place_and_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    // /dev/null is a character device: written to, not replaced by a regular file.
    design_file::write_atomic(Path::new("/dev/null"), b"report bytes").unwrap();
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A symlink to it (as /dev/stdout is, on Linux) too.
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("out.pdf");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    design_file::write_atomic(&link, b"report bytes").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A folder is refused with a message, and stays a folder.
    let folder = dir.path().join("folder.json");
    fs::create_dir(&folder).unwrap();
    let e = design_file::write_atomic(&folder, b"x").unwrap_err();
    assert!(e.to_string().contains("is a folder"), "{e}");
    assert!(folder.is_dir());
}

#[test]
fn a_save_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.json");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    design_file::save(&base(), &path).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o}");
    // The price book keeps its mode too.
    let book = dir.path().join("prices.json");
    fs::write(&book, "{}").unwrap();
    fs::set_permissions(&book, fs::Permissions::from_mode(0o640)).unwrap();
    linkwright::costing::UserBook::empty().save(&book).unwrap();
    let mode = fs::metadata(&book).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "mode {mode:o}");
}

#[test]
fn a_planted_temporary_name_cannot_redirect_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    // The name the old writer would have used, planted as a symlink to another file.
    let planted = dir
        .path()
        .join(format!(".d.json.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    design_file::save(&base(), &path).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(design_file::load(&path).unwrap(), base());
}

#[test]
fn stale_temporaries_of_a_killed_save_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    let old_time = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    let stale = [".d.json.AbC123.lw.tmp", ".d.json.4242.tmp"];
    for name in stale {
        let f = fs::File::create(dir.path().join(name)).unwrap();
        f.set_modified(old_time).unwrap();
    }
    // A recent one may be a save in progress, and a file of someone else is not ours.
    fs::write(dir.path().join(".d.json.XyZ789.lw.tmp"), "in progress").unwrap();
    let theirs = dir.path().join(".d.json.notes.tmp");
    fs::File::create(&theirs)
        .unwrap()
        .set_modified(old_time)
        .unwrap();
    design_file::save(&base(), &path).unwrap();
    for name in stale {
        assert!(!dir.path().join(name).exists(), "{name} left behind");
    }
    assert!(dir.path().join(".d.json.XyZ789.lw.tmp").exists());
    assert!(theirs.exists());
}

/// The command line maps a large file instead of copying it; what it says about a broken one is
/// what the designer's reading says, located the same.
#[test]
fn a_mapped_design_is_judged_as_a_read_one() {
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("large.json");
    let mut text = b"{\n  \"format\": \"linkwright-design\",\n  \"x\": \"".to_vec();
    text.push(0xff);
    text.extend(std::iter::repeat_n(
        b' ',
        linkwright::user_file::MAP_FROM as usize,
    ));
    fs::write(&large, &text).unwrap();
    let read = design_file::load(&large).unwrap_err().to_string();
    let mapped = design_file::load_mapped(&large).unwrap_err().to_string();
    assert_eq!(read, mapped);
    assert!(read.contains("not UTF-8") && read.contains(":3:"), "{read}");
    let sample = std::path::Path::new("designs/dual-cloud-ashburn-chicago.json");
    assert_eq!(
        design_file::load(sample).unwrap(),
        design_file::load_mapped(sample).unwrap()
    );
}

/// A design large enough to be checked on every core (links and demands in blocks) reports
/// the problem a check in document order finds first, whatever core finds which: an
/// earlier link's before a later one's, a link's before a demand's, an overlong name before a
/// duplicate id.
#[test]
fn a_large_design_reports_its_first_structural_problem_whatever_the_split() {
    use design_file::{StructureError, check_structure};
    let mut d = linkwright::generate::generate(6_000, 7, catalog());
    assert!(d.links.len() + d.demands.len() > 20_000, "two cores");
    let last = d.links.len() - 1;
    let dangling = |e: Result<(), StructureError>| match e {
        Err(StructureError::DanglingEndpoint { link, .. }) => link,
        other => panic!("expected a dangling endpoint, got {other:?}"),
    };
    let (early, late) = (d.links[1].b.clone(), d.links[last].b.clone());
    let demand_site = d.demands[0].site.clone();
    d.links[1].b = "nowhere".into();
    d.links[last].b = "nowhere".into();
    d.demands[0].site = "nowhere".into();
    assert_eq!(dangling(check_structure(&d)), d.links[1].id.as_str());
    d.links[1].b = early;
    assert_eq!(dangling(check_structure(&d)), d.links[last].id.as_str());
    d.links[last].b = late;
    assert!(
        matches!(
            check_structure(&d),
            Err(StructureError::DanglingDemand { ref demand, .. }) if demand == d.demands[0].id.as_str()
        ),
        "{:?}",
        check_structure(&d)
    );
    d.demands[0].site = demand_site;
    assert_eq!(check_structure(&d), Ok(()));

    let last_node = d.nodes.len() - 1;
    d.nodes[last_node].name = "x".repeat(design_file::MAX_NAME_CHARS + 1);
    d.links[2].id = d.links[3].id.clone();
    assert!(
        matches!(check_structure(&d), Err(StructureError::TextTooLong { .. })),
        "{:?}",
        check_structure(&d)
    );
    d.nodes[last_node].name = "ok".into();
    assert!(
        matches!(check_structure(&d), Err(StructureError::DuplicateId { ref id }) if id == d.links[3].id.as_str()),
        "{:?}",
        check_structure(&d)
    );
}

/// Names in other scripts fill a large file with characters of several bytes; the file is cut
/// into pieces for the cores at byte offsets, which must never split a character.
#[test]
fn a_large_file_of_non_ascii_names_loads() {
    let mut d = linkwright::generate::generate(1_000, 7, catalog());
    for (i, n) in d.nodes.iter_mut().enumerate() {
        n.name = format!("Zürich–Kraków {i} {}", "ü€".repeat(200));
    }
    for l in &mut d.links {
        l.name = "Straße ✓ ".repeat(100);
    }
    let text = design_file::to_string(&d).unwrap();
    assert!(text.len() > 4 << 20, "{} bytes", text.len());
    assert_eq!(load_text(&text).unwrap(), d);
}

/// A large file is parsed in pieces straight into the design's lists after counting the
/// elements of each piece by the line `save` writes between two of them. A file that writes
/// two elements on one line (in a piece in the middle of the links) has more elements than that
/// count: it loads all the same, parsed again as a whole. A bad element there is reported on
/// its line.
#[test]
fn a_large_file_whose_pieces_do_not_match_their_count_loads_or_is_refused_as_usual() {
    let d = large_design();
    let text = design_file::to_string(&d).unwrap();
    let links_at = text.find("\n    \"links\": ").unwrap();
    let middle = links_at + (text.len() - links_at) / 3;
    let between = "\n      },\n      {";
    let at = middle + text[middle..].find(between).unwrap();
    let joined = format!(
        "{}\n      }}, {{{}",
        &text[..at],
        &text[at + between.len()..]
    );
    assert_eq!(load_text(&joined).unwrap(), d, "two elements on one line");

    let field = "\"bandwidth_mbps\": ";
    let bad_at = middle + text[middle..].find(field).unwrap() + field.len();
    let end = bad_at + text[bad_at..].find([',', '\n']).unwrap();
    let bad = format!("{}\"fast\"{}", &text[..bad_at], &text[end..]);
    let line = text[..bad_at].matches('\n').count() + 1;
    let e = error(&bad, Some(line));
    assert!(e.contains("bandwidth_mbps"), "{e}");
}

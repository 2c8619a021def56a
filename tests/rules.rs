//! The rule registry as a whole: the base design is clean, codes are unique, every rule has its
//! text, severity overrides and exclusions apply, messages name elements. Each rule's own
//! fixture (a mutation that triggers it on the elements it names, and a clean twin that does
//! not) sits beside the rule, in its file under `src/rules/`; a unit test there fails for a rule
//! without one.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::*;
use linkwright::model::*;
use linkwright::rules::{self, RULES};
use std::collections::BTreeSet;

fn codes(d: &Design) -> Vec<&'static str> {
    rules::check(d, catalog())
        .items
        .iter()
        .map(|f| f.code)
        .collect()
}

/// Copy link `id` under `new_id`.
fn clone_link(d: &mut Design, id: &str, new_id: &str) {
    let mut l = link_mut(d, id).clone();
    l.id = new_id.into();
    d.links.push(l);
}

/// The East US hub's ExpressRoute gateway.
fn gateway(d: &mut Design, sku: ErGatewaySku, units: Option<u32>) {
    azure_mut(d, "az").gateway = Some(ErGateway {
        sku,
        scale_units: units,
        zone_redundant: true,
    });
}

#[test]
fn base_design_is_clean() {
    let findings = rules::check(&base(), catalog());
    assert!(
        findings.items.is_empty(),
        "base fixture should be clean: {:#?}",
        findings.items
    );
}

#[test]
fn codes_are_unique_and_every_rule_has_text() {
    let rule_codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let unique: BTreeSet<&str> = rule_codes.iter().copied().collect();
    assert_eq!(unique.len(), rule_codes.len(), "duplicate rule codes");
    assert!(RULES.len() >= 40, "the issue asks for at least 40 rules");
    for r in RULES {
        assert!(
            r.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} name is not kebab-case",
            r.code
        );
        assert!(
            !r.summary.is_empty() && !r.hint.is_empty() && !r.reference.is_empty(),
            "{} lacks text",
            r.code
        );
    }
}

#[test]
fn severity_override_and_exclusion_apply() {
    let mut d = base();
    er_mut(&mut d, "er-1").bandwidth_mbps = 300;
    d.settings
        .severity_overrides
        .insert("ER001".into(), SeverityOverride::Warning);
    let f = rules::check(&d, catalog());
    let er001 = f.items.iter().find(|f| f.code == "ER001").unwrap();
    assert_eq!(er001.severity, rules::Severity::Warning);
    assert!(!f.has_errors());

    d.settings
        .severity_overrides
        .insert("ER001".into(), SeverityOverride::Off);
    assert!(!codes(&d).contains(&"ER001"));

    d.settings.severity_overrides.clear();
    d.settings.exclusions.push(Exclusion {
        code: "ER001".into(),
        subjects: vec!["er-1".into()],
        comment: "carrier only sells 300M here".into(),
    });
    let f = rules::check(&d, catalog());
    let er001 = f
        .items
        .iter()
        .find(|f| f.code == "ER001")
        .expect("excluded findings are kept");
    assert_eq!(
        er001.excluded.as_deref(),
        Some("carrier only sells 300M here")
    );
    assert!(!f.has_errors(), "an excluded error does not count");
    assert_eq!(f.excluded().count(), 1);
}

#[test]
fn messages_name_the_elements() {
    let mut d = base();
    node_mut(&mut d, "az").name = "Azure East US hub".into();
    azure_mut(&mut d, "az").region = "westeurope".into();
    let f = rules::check(&d, catalog());
    let er005 = f.items.iter().find(|f| f.code == "ER005").unwrap();
    assert!(
        er005.message.contains("Washington DC") || er005.message.contains("Chicago"),
        "{}",
        er005.message
    );
    assert!(er005.message.contains("West Europe"), "{}", er005.message);
    assert!(er005.subjects.contains(&"az".to_string()));
}

#[test]
fn scalable_gateway_still_takes_at_most_four_circuits_from_one_location() {
    let mut d = base();
    gateway(&mut d, ErGatewaySku::ErGwScale, Some(4));
    for i in 0..3 {
        clone_link(&mut d, "er-1", &format!("er-1-{i}"));
    }
    assert!(
        !codes(&d).contains(&"ER014"),
        "4 circuits from Washington DC + 1 from Chicago"
    );
    clone_link(&mut d, "er-1", "er-1-x");
    assert!(codes(&d).contains(&"ER014"), "5 circuits from one location");
}

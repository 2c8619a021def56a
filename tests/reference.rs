//! Every citation a user sees resolves inside the product: each rule has an explanation, each id
//! a rule, message or price cites is a known source or reference entry, and docs/REFERENCE.md
//! lists them all.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use linkwright::reference::{self, CITATIONS, CONFIDENCE_TAGS, SOURCES};
use linkwright::rules::RULES;
use linkwright::rules::explain;
mod common;

use common::rust_files;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference_md() -> String {
    std::fs::read_to_string(root().join("docs/REFERENCE.md")).expect("docs/REFERENCE.md exists")
}

const PASTE: &str = "add the source to SOURCES or the entry to CITATIONS in src/reference.rs, \
                     then paste `linkwright rules --sources --format markdown` into docs/REFERENCE.md";

/// The row of this id in docs/REFERENCE.md's tables.
fn listed(md: &str, id: &str) -> bool {
    md.contains(&format!("| `{id}` |")) || md.contains(&format!("| {id} |"))
}

#[test]
fn every_registered_rule_has_an_explanation() {
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|code| explain::explanation(code).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an explanation: {missing:?}. Add an `Explanation {{ code, why, example_fix }}` \
         for each to EXPLANATIONS in src/rules/explain.rs (in registry order)"
    );
    let strays: Vec<&str> = explain::EXPLANATIONS
        .iter()
        .map(|e| e.code)
        .filter(|code| linkwright::rules::rule(code).is_none())
        .collect();
    assert!(
        strays.is_empty(),
        "explanations of unregistered codes: {strays:?}"
    );
    for e in explain::EXPLANATIONS {
        assert!(
            e.why.len() > 40 && e.example_fix.len() > 20,
            "{}: write why it matters and a concrete example fix",
            e.code
        );
    }
}

#[test]
fn every_rule_reference_resolves_to_listed_sources() {
    let md = reference_md();
    for rule in RULES {
        let (cited, unknown) = reference::scan(rule.reference);
        assert!(
            unknown.is_empty(),
            "{} cites {unknown:?} in its reference \"{}\", which resolve to nothing: {PASTE}",
            rule.code,
            rule.reference
        );
        let non_cloud = ["design model", "routing"]
            .iter()
            .any(|w| rule.reference.contains(w));
        assert!(
            !cited.is_empty() || non_cloud,
            "{}: its reference \"{}\" cites nothing we can resolve",
            rule.code,
            rule.reference
        );
        for source in explain::sources(rule) {
            assert!(
                listed(&md, source.id),
                "{} cites {}, which docs/REFERENCE.md does not list: {PASTE}",
                rule.code,
                source.id
            );
        }
        for cited in cited {
            if let reference::Cited::Citation(c) = cited {
                assert!(
                    listed(&md, c.id),
                    "{}: {} not listed: {PASTE}",
                    rule.code,
                    c.id
                );
            }
        }
    }
}

#[test]
fn every_price_source_key_reference_and_confidence_resolves() {
    let md = reference_md();
    let text = std::fs::read_to_string(root().join("assets/catalog/prices.json")).unwrap();
    let prices: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys = prices["sources"]
        .as_object()
        .expect("prices.json has sources");
    for key in keys.keys() {
        assert!(
            reference::source(key).is_some() && listed(&md, key),
            "prices.json source key {key} is not a source of docs/REFERENCE.md: {PASTE}"
        );
    }
    for entry in prices["prices"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap_or("?");
        let source = entry["source"].as_str().unwrap_or_default();
        assert!(
            keys.contains_key(source),
            "price {id} cites source {source:?}, which prices.json's `sources` does not list"
        );
        if let Some(section) = entry["reference"].as_str() {
            assert!(
                reference::citation(section).is_some() && listed(&md, section),
                "price {id} cites reference {section:?}: {PASTE}"
            );
        }
        let confidence = entry["confidence"].as_str().unwrap_or_default();
        assert!(
            CONFIDENCE_TAGS.iter().any(|(tag, _)| *tag == confidence),
            "price {id} has confidence {confidence:?}, not one of the tags docs/REFERENCE.md explains"
        );
    }
}

/// "reference 2.5", "(Q5)" and "DX-RES-5"-style citations written anywhere in the code.
fn cited_in(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (i, _) in text.match_indices("reference ") {
        let rest = &text[i + "reference ".len()..];
        let section: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let section = section.trim_end_matches('.');
        if section.contains('.') {
            ids.push(section.to_string());
        }
    }
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('Q') {
        let before_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let digits: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let after = text[i + 1 + digits.len()..].chars().next();
        let after_ok = after.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        if before_ok && !digits.is_empty() && after_ok {
            ids.push(format!("Q{digits}"));
        }
    }
    // Entries of the reference sheet's validation tables: ER-RT-5, DX-RES-5, VPN-1.
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let parts: Vec<&str> = token.split('-').collect();
        let entry = match parts.as_slice() {
            [cloud, topic, n] => {
                ["ER", "DX"].contains(cloud)
                    && topic.chars().all(|c| c.is_ascii_uppercase())
                    && !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_digit())
            }
            ["VPN", n] => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
            _ => false,
        };
        if entry {
            ids.push(token.to_string());
        }
    }
    ids
}

#[test]
fn sections_entries_and_open_questions_cited_in_the_code_are_listed() {
    let md = reference_md();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut missing = Vec::new();
    // src/reference.rs is the table itself (its unit tests cite unknown ids on purpose).
    files.retain(|f| !f.ends_with("src/reference.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for id in cited_in(&text) {
            if reference::citation(&id).is_none() || !listed(&md, &id) {
                missing.push(format!("{id} ({})", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "cited but not resolvable: {missing:?}: {PASTE}"
    );
}

#[test]
fn reference_md_holds_the_current_tables() {
    assert!(
        reference_md().contains(&reference::markdown()),
        "docs/REFERENCE.md is stale: paste `linkwright rules --sources --format markdown` into it"
    );
    for s in SOURCES {
        assert!(
            !s.url.is_empty() && !s.title.is_empty() && !s.dated.is_empty(),
            "{}",
            s.id
        );
    }
    assert!(CITATIONS.len() > 50);
}

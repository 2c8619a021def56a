//! Hostile input, generated: mutated design files, price pages and catalog overlays must give
//! a clear error or a result, never a panic. CI keeps the run short; the long run is
//!
//! ```sh
//! LINKWRIGHT_FUZZ_CASES=100000 cargo test --release --test fuzz
//! ```
//!
//! Each case takes a real file (a sample design, a price page, a catalog overlay) and applies a
//! few byte-level mutations: flips, insertions of JSON-significant bytes, deletions, duplicated
//! slices and extreme numbers spliced in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::*;
use linkwright::catalog::Catalog;
use linkwright::costing::{self, Options, UserBook};
use linkwright::design_file;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;

fn cases() -> u32 {
    std::env::var("LINKWRIGHT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Number(usize, &'static str),
}

const SIGNIFICANT: &[u8] = b"{}[]\",:\\ -0e.\n\x00\xff";
const NUMBERS: &[&str] = &[
    "1e308",
    "-1",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "NaN",
    "0.0000001",
    "\"99999999999999999999.99\"",
    "\"-5.00\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (any::<usize>(), prop::sample::select(SIGNIFICANT))
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        (any::<usize>(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
        (any::<usize>(), 1usize..256).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
        (any::<usize>(), prop::sample::select(NUMBERS)).prop_map(|(p, s)| Mutation::Number(p, s)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Flip(p, b) => {
                if !bytes.is_empty() {
                    bytes[p % len] ^= b;
                }
            }
            Mutation::Insert(p, b) => bytes.insert(p % (bytes.len() + 1), b),
            Mutation::Delete(p, n) => {
                let start = p % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Mutation::Duplicate(p, n) => {
                let start = p % len;
                let end = (start + n).min(bytes.len());
                let slice = bytes[start.min(end)..end].to_vec();
                let at = end;
                bytes.splice(at..at, slice);
            }
            Mutation::Number(p, s) => {
                // Replace the digits at a position (or insert) with an extreme number.
                let start = p % len;
                let mut end = start;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                bytes.splice(start.min(bytes.len())..end, s.bytes());
            }
        }
    }
    bytes
}

fn run(name: &str, seeds: Vec<Vec<u8>>, check: impl Fn(&[u8])) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..6));
    let count = std::cell::Cell::new(0u64);
    runner
        .run(&strategy, |(seed, mutations)| {
            let bytes = apply(seeds[seed].clone(), &mutations);
            check(&bytes);
            count.set(count.get() + 1);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    eprintln!("{name}: {} cases, no panic", count.get());
}

#[test]
fn mutated_designs_load_or_fail_cleanly_and_what_loads_checks_and_costs() {
    let seeds = [
        "designs/dual-cloud-ashburn-chicago.json",
        "designs/europe-azure-two-locations.json",
        "designs/flawed-design.json",
        "designs/aws-dev-test-one-location.json",
    ]
    .iter()
    .map(|p| read(p))
    .collect();
    let catalog = catalog();
    let empty = UserBook::empty();
    run("design loader", seeds, |bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        if let Ok(d) = design_file::from_str(text, Path::new("fuzz.json")) {
            let _ = linkwright::rules::check(&d, catalog);
            let _ = costing::cost(&d, catalog, &empty, Options::default());
        }
    });
}

#[test]
fn mutated_price_pages_import_or_fail_cleanly() {
    let seeds = [
        "tests/fixtures/prices/azure_retail_page.json",
        "tests/fixtures/prices/aws_dx_offer.json",
        "tests/fixtures/prices/azure_retail_expressroute_gateways.json",
    ]
    .iter()
    .map(|p| read(p))
    .collect();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.json");
    let catalog = catalog();
    run("price-page import", seeds, |bytes| {
        std::fs::write(&page, bytes).unwrap();
        let mut book = UserBook::empty();
        let _ = costing::import::import(&page, &mut book, catalog);
    });
}

#[test]
fn mutated_catalog_overlays_load_or_fail_cleanly() {
    // A valid overlay made of real catalog entries, renamed.
    let entry = |file: &str, list: &str| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_slice(&read(file)).unwrap();
        v[list][0].clone()
    };
    let mut er = entry("assets/catalog/er_locations.json", "locations");
    er["name"] = "Fuzzville".into();
    let mut dx = entry("assets/catalog/dx_locations.json", "locations");
    dx["code"] = "FZZ1".into();
    let mut price = entry("assets/catalog/prices.json", "prices");
    price["id"] = "FZ-1".into();
    let overlay = serde_json::to_vec_pretty(&serde_json::json!({
        "er_locations": [er],
        "dx_locations": [dx],
        "prices": [price],
    }))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("overlay.json");
    std::fs::write(&file, &overlay).unwrap();
    assert!(
        Catalog::with_user_file(&file).is_ok(),
        "the unmutated overlay must load"
    );
    run("catalog overlay", vec![overlay], |bytes| {
        std::fs::write(&file, bytes).unwrap();
        let _ = Catalog::with_user_file(&file);
    });
}

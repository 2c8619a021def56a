//! Shared test helpers: a clean base design and accessors to mutate it.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use linkwright::catalog::Catalog;
use linkwright::model::*;
use std::sync::OnceLock;

include!("../../src/fixture_design.rs");

pub mod plain;

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

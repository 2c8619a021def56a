//! The layers, checked: the core (everything but `gui/`, `cli/`, `main.rs` and `arrange/`) never
//! names egui, the faces or the arrange layer; the arrange layer (egui_graphs' layouts, feature
//! `arrange`) never names a window or a face, and is the only one that names egui_graphs; the
//! designer never reaches into the command line; costing never reaches into the
//! rules. A helper that one layer needs from another moves down into the core (units and money
//! in `model`, loading the catalog and the price book as their constructors) instead of an
//! import across. Read from the source text, the way rerun's layer check reads it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::rust_files;
use std::path::Path;

/// `(file, line number, line)` of every line outside comments of the files under `src/` for
/// which `applies(relative path)` holds and that contains one of `forbidden`.
fn offences(applies: impl Fn(&str) -> bool, forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !applies(&relative) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if let Some(word) = forbidden.iter().find(|w| code.contains(*w)) {
                found.push(format!(
                    "src/{relative}:{}: `{word}` in: {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    found
}

fn is_face(path: &str) -> bool {
    path.starts_with("gui/") || path.starts_with("cli/") || path == "main.rs" || path == "lib.rs"
}

fn is_arrange(path: &str) -> bool {
    path.starts_with("arrange/")
}

#[test]
fn the_core_never_names_egui_or_the_faces() {
    let found = offences(
        |p| !is_face(p) && !is_arrange(p),
        &[
            "egui",
            "eframe",
            "crate::gui",
            "crate::cli",
            "rfd::",
            "crate::arrange",
        ],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The arrange layer runs egui_graphs' layouts headless: no window, no designer, no command
/// line, and it alone knows egui_graphs (the canvas paints the Design itself).
#[test]
fn the_arrange_layer_never_names_a_window_or_a_face() {
    let found = offences(
        is_arrange,
        &["eframe", "crate::gui", "crate::cli", "super::cli", "rfd::"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
    let found = offences(|p| !is_arrange(p), &["egui_graphs::"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_designer_never_reaches_into_the_command_line() {
    let found = offences(|p| p.starts_with("gui/"), &["crate::cli", "super::cli"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn costing_never_reaches_into_the_rules() {
    let found = offences(
        |p| p.starts_with("costing/"),
        &["crate::rules", "super::rules"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The check itself works: it finds a line that is there.
#[test]
fn the_check_finds_what_is_there() {
    let found = offences(|p| p == "gui/mod.rs", &["eframe::egui"]);
    assert!(!found.is_empty());
}

//! `linkwright layout` as a user runs it: in place or to another file, only positions change,
//! the same input gives the same output, and bad input changes nothing the user had.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("designs")
        .join(name)
}

/// A copy of a sample in a folder of the test's own.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(sample(name), &path).unwrap();
    (dir, path)
}

#[cfg(feature = "arrange")]
mod with_arrange {
    use super::*;
    use linkwright::arrange::footprint::overlapping;
    use linkwright::design_file;

    /// In place: only `x`/`y` lines change, the rest is byte for byte what Save writes, the
    /// nodes are in tiers, and the output names the crossings before and after.
    #[test]
    fn layout_rewrites_only_the_positions_in_place() {
        let (_dir, path) = copy_of("flawed-design.json");
        let before = std::fs::read_to_string(&path).unwrap();
        let out = run(&["layout", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains("arranged in tiers, 9 of 9 nodes moved; link crossings 1 -> 1"),
            "{stdout}"
        );
        let after = std::fs::read_to_string(&path).unwrap();
        let (old, new): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after.lines().collect());
        assert_eq!(old.len(), new.len());
        let changed: Vec<(&&str, &&str)> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
        assert!(!changed.is_empty());
        for (a, b) in changed {
            let position = |l: &str| {
                let l = l.trim_start();
                l.starts_with("\"x\": ") || l.starts_with("\"y\": ")
            };
            assert!(position(a) && position(b), "{a} -> {b}");
        }
        let design = design_file::load(&path).unwrap();
        assert_eq!(
            design_file::to_string(&design).unwrap(),
            after,
            "Save's layout"
        );
        let x = |id: &str| design.node(&id.into()).unwrap().position.x;
        assert!(x("site-par") < x("fac-pa4") && x("fac-pa4") < x("az-frc"));
    }

    /// `-o`: the input stays as it was; the same design gives the same bytes every time.
    #[test]
    fn layout_to_another_file_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("g.json");
        let generated = run(&["generate", "--sites", "200", "-o", input.to_str().unwrap()]);
        assert_eq!(generated.status.code(), Some(0));
        let original = std::fs::read(&input).unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        for out in [&a, &b] {
            let o = run(&[
                "layout",
                input.to_str().unwrap(),
                "--style",
                "organic",
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
            assert!(text(&o.stdout).contains("arranged in organic, 240 of 240 nodes moved"));
        }
        assert_eq!(std::fs::read(&input).unwrap(), original, "input untouched");
        assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        let design = design_file::load(&a).unwrap();
        assert_eq!(overlapping(&design.nodes), vec![]);
    }

    #[test]
    fn an_unknown_style_is_refused_and_nothing_changes() {
        let (_dir, path) = copy_of("aws-dev-test-one-location.json");
        let before = std::fs::read(&path).unwrap();
        let out = run(&["layout", path.to_str().unwrap(), "--style", "spiral"]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains("invalid value 'spiral'"), "{err}");
        assert!(err.contains("tiers") && err.contains("organic"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    /// A broken design: the error is located (file, line, column), exit 2, and neither it nor
    /// an existing output file is touched.
    #[test]
    fn a_broken_design_is_located_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{\n  \"format\": \"linkwright-design\",\n  oops\n}\n").unwrap();
        let out_file = dir.path().join("out.json");
        std::fs::write(&out_file, "keep me").unwrap();
        let out = run(&[
            "layout",
            bad.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains("bad.json:3:"), "{err}");
        assert_eq!(std::fs::read_to_string(&out_file).unwrap(), "keep me");
        let missing = run(&["layout", "no/such/design.json"]);
        assert_eq!(missing.status.code(), Some(2));
        assert!(text(&missing.stderr).contains("no/such/design.json"));
    }

    /// An output in a folder that does not exist, or a folder: exit 3, the input untouched.
    #[test]
    fn an_unwritable_output_exits_3_and_leaves_the_input() {
        let (dir, path) = copy_of("europe-azure-two-locations.json");
        let before = std::fs::read(&path).unwrap();
        let nowhere = dir.path().join("missing-folder/out.json");
        let out = run(&[
            "layout",
            path.to_str().unwrap(),
            "-o",
            nowhere.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(3));
        assert!(
            text(&out.stderr).contains("cannot write the design to"),
            "{}",
            text(&out.stderr)
        );
        assert!(!nowhere.exists());
        let folder = run(&[
            "layout",
            path.to_str().unwrap(),
            "-o",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(folder.status.code(), Some(3));
        assert!(text(&folder.stderr).contains("it is a folder"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

/// Built without the arrange layer, `layout` says so and changes nothing.
#[cfg(not(feature = "arrange"))]
#[test]
fn layout_without_the_arrange_feature_says_so() {
    let (_dir, path) = copy_of("aws-dev-test-one-location.json");
    let before = std::fs::read(&path).unwrap();
    let out = run(&["layout", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("built without the `arrange` feature"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

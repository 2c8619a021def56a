//! `linkwright diagram` as a user runs it: the SVG's structure (one group per node, one path
//! per link, the labels, the legend), labels that never overlap, PNG output of the width asked
//! for in both themes, the same bytes every run, and bad input refused with nothing lost.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use linkwright::diagram::{Metrics, Weight};
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;
use std::path::Path;
use std::process::{Command, Output};

const SAMPLES: [&str; 4] = [
    "designs/aws-dev-test-one-location.json",
    "designs/dual-cloud-ashburn-chicago.json",
    "designs/europe-azure-two-locations.json",
    "designs/flawed-design.json",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn design(path: &str) -> linkwright::model::Design {
    linkwright::design_file::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn draw(sample: &str, out: &Path, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["diagram", sample, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{sample}: {}", stderr(&o));
    std::fs::read(out).unwrap()
}

fn attr(n: &roxmltree::Node<'_, '_>, name: &str) -> f32 {
    n.attribute(name).unwrap().parse().unwrap()
}

#[test]
fn the_svg_has_a_group_per_node_a_path_per_link_labels_and_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let d = design(sample);
        for theme in ["light", "dark"] {
            let out = dir.path().join("d.svg");
            let bytes = draw(sample, &out, &["--theme", theme]);
            let text = String::from_utf8(bytes).unwrap();
            let doc = roxmltree::Document::parse(&text).unwrap();
            let nodes: Vec<_> = doc
                .descendants()
                .filter(|n| {
                    n.has_tag_name("g") && n.attribute("id").is_some_and(|i| i.starts_with("node-"))
                })
                .collect();
            assert_eq!(nodes.len(), d.nodes.len(), "{sample}");
            for node in &d.nodes {
                let g = nodes
                    .iter()
                    .find(|g| g.attribute("data-id") == Some(node.id.as_str()))
                    .unwrap_or_else(|| panic!("{sample}: no group for {}", node.id));
                let title = g.children().find(|c| c.has_tag_name("title")).unwrap();
                assert_eq!(title.text(), Some(node.name.as_str()));
                let name = g.descendants().find(|c| c.has_tag_name("text")).unwrap();
                assert_eq!(
                    name.text(),
                    Some(node.name.as_str()),
                    "{sample}: name shown"
                );
            }
            let paths: Vec<_> = doc
                .descendants()
                .filter(|n| n.has_tag_name("path"))
                .collect();
            assert_eq!(paths.len(), d.links.len(), "{sample}: one path per link");
            for link in &d.links {
                assert!(
                    paths
                        .iter()
                        .any(|p| p.attribute("data-id") == Some(link.id.as_str()))
                );
            }
            let labels = doc
                .descendants()
                .filter(|n| n.attribute("data-for").is_some())
                .count();
            assert_eq!(
                labels,
                d.links.len(),
                "{sample}: a bandwidth label per link"
            );
            let legend = doc
                .descendants()
                .find(|n| n.attribute("id") == Some("legend"))
                .expect("legend");
            let entries: Vec<&str> = legend
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect();
            assert!(entries.contains(&"Colocation facility"), "{entries:?}");
            assert!(entries.contains(&"Access circuit"), "{entries:?}");
        }
    }
}

/// Every halo in the SVG holds its text as DejaVu Sans measures it, and no two halos overlap.
#[test]
fn no_two_label_boxes_overlap_on_any_sample() {
    let metrics = Metrics::dejavu().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let out = dir.path().join("d.svg");
        let text = String::from_utf8(draw(sample, &out, &[])).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let mut boxes = Vec::new();
        let in_legend = |n: &roxmltree::Node<'_, '_>| {
            n.ancestors().any(|a| a.attribute("id") == Some("legend"))
        };
        for t in doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && !in_legend(n))
        {
            let halo = t
                .prev_sibling_element()
                .filter(|r| r.has_tag_name("rect"))
                .expect("a halo");
            let (x, y, w, h) = (
                attr(&halo, "x"),
                attr(&halo, "y"),
                attr(&halo, "width"),
                attr(&halo, "height"),
            );
            let size = attr(&t, "font-size");
            let weight = if t.attribute("font-weight") == Some("bold") {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let width = metrics.width(t.text().unwrap(), size, weight);
            assert!(
                width <= w + 0.05,
                "{sample}: {:?} wider than its halo",
                t.text()
            );
            let cx = attr(&t, "x");
            assert!((cx - (x + w / 2.0)).abs() < 0.05, "centred");
            boxes.push((t.text().unwrap().to_string(), x, y, x + w, y + h));
        }
        assert!(boxes.len() > 5, "{sample}: {} labels", boxes.len());
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap =
                    a.1 < b.3 - 0.01 && b.1 < a.3 - 0.01 && a.2 < b.4 - 0.01 && b.2 < a.4 - 0.01;
                assert!(!overlap, "{sample}: {:?} and {:?} overlap", a.0, b.0);
            }
        }
    }
}

#[test]
fn the_png_is_as_wide_as_asked_in_both_themes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.png");
    let light = Pixmap::decode_png(&draw(SAMPLES[1], &out, &["--width", "900"])).unwrap();
    assert_eq!(light.width(), 900);
    assert!(light.height() > 300);
    let dark = Pixmap::decode_png(&draw(
        SAMPLES[1],
        &out,
        &["--width", "640", "--theme", "dark"],
    ))
    .unwrap();
    assert_eq!(dark.width(), 640);
    // The corner is the background: white in the light look, dark in the dark one.
    let corner = |p: &Pixmap| {
        let c = p.pixel(1, 1).unwrap();
        u32::from(c.red()) + u32::from(c.green()) + u32::from(c.blue())
    };
    assert!(corner(&light) > 700, "{}", corner(&light));
    assert!(corner(&dark) < 150, "{}", corner(&dark));
    // Without --width: the drawing's own width, at least 800 pixels.
    let natural = Pixmap::decode_png(&draw(SAMPLES[0], &out, &[])).unwrap();
    assert!(natural.width() >= 800);
}

#[test]
fn the_same_design_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.svg", "a.png"] {
        let out = dir.path().join(name);
        let first = draw(SAMPLES[3], &out, &["--theme", "dark"]);
        let second = draw(SAMPLES[3], &out, &["--theme", "dark"]);
        assert!(first == second, "{name} differs between runs");
    }
}

/// Bad flags and files: a clear message, a non-zero exit, and the file already there untouched.
#[test]
fn bad_input_is_refused_and_the_existing_output_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let kept = |name: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, b"the user's file").unwrap();
        p
    };
    let cases: Vec<(Vec<String>, i32, &str, Option<std::path::PathBuf>)> = {
        let jpg = kept("out.jpg");
        let svg = kept("out.svg");
        let png = kept("big.png");
        let s = |p: &Path| p.to_str().unwrap().to_string();
        vec![
            (
                vec![SAMPLES[0].into(), "-o".into(), s(&jpg)],
                2,
                "give a file name ending in .svg or .png",
                Some(jpg.clone()),
            ),
            (
                vec![
                    SAMPLES[0].into(),
                    "-o".into(),
                    s(&svg),
                    "--width".into(),
                    "0".into(),
                ],
                2,
                "--width",
                Some(svg.clone()),
            ),
            (
                vec![
                    SAMPLES[0].into(),
                    "-o".into(),
                    s(&svg),
                    "--width".into(),
                    "100000".into(),
                ],
                2,
                "--width",
                Some(svg.clone()),
            ),
            (
                vec![
                    SAMPLES[0].into(),
                    "-o".into(),
                    s(&svg),
                    "--width".into(),
                    "wide".into(),
                ],
                2,
                "--width",
                Some(svg.clone()),
            ),
            (
                vec![
                    SAMPLES[0].into(),
                    "-o".into(),
                    s(&svg),
                    "--theme".into(),
                    "purple".into(),
                ],
                2,
                "--theme",
                Some(svg.clone()),
            ),
            (
                vec!["designs/no-such-design.json".into(), "-o".into(), s(&svg)],
                2,
                "no-such-design.json",
                Some(svg.clone()),
            ),
            (
                vec!["Cargo.toml".into(), "-o".into(), s(&svg)],
                2,
                "Cargo.toml",
                Some(svg.clone()),
            ),
            (
                vec![
                    SAMPLES[0].into(),
                    "-o".into(),
                    s(&dir.path().join("missing/out.svg")),
                ],
                3,
                "does not exist",
                None,
            ),
            (
                vec![SAMPLES[0].into(), "-o".into(), s(dir.path())],
                3,
                "it is a folder",
                None,
            ),
            // 16,384 pixels wide is allowed, but this drawing would then be too tall to draw.
            (
                vec![
                    SAMPLES[3].into(),
                    "-o".into(),
                    s(&png),
                    "--width".into(),
                    "16384".into(),
                ],
                2,
                "smaller --width",
                Some(png.clone()),
            ),
        ]
    };
    for (args, code, says, untouched) in cases {
        let mut all = vec!["diagram"];
        all.extend(args.iter().map(String::as_str));
        let o = run(&all);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
        if let Some(path) = untouched {
            assert_eq!(
                std::fs::read(&path).unwrap(),
                b"the user's file",
                "{args:?}"
            );
        }
    }
    assert!(!dir.path().join("missing").exists());
}

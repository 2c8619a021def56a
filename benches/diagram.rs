//! `linkwright diagram` of generated designs of 1,000 and 10,000 sites (100,000 too with
//! `LINKWRIGHT_BENCH_100K=1`): the drawing laid out (groups, curves, labels placed), its SVG,
//! and the PNG of that SVG at 2,000 pixels.
//! Run: `cargo bench --no-default-features --bench diagram`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::diagram::{Drawing, Metrics, Style, Topology, Weight, png, svg};
use linkwright::generate;
use linkwright::look::Theme;
use std::hint::black_box;

fn diagram_bench(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let metrics = Metrics::dejavu().unwrap();
    let measure = |t: &str, s: f32, w: Weight| metrics.width(t, s, w);
    let mut group = c.benchmark_group("diagram");
    group.sample_size(10);
    let mut sizes = vec![1_000usize, 10_000];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    for sites in sizes {
        let design = generate::generate(sites, 1, &catalog);
        let svg_of = || {
            let topology = Topology::of(&design, &|_| None);
            let style = Style::for_export(Theme::Light, &measure, &topology);
            let drawing = Drawing::build(&topology, &style);
            svg::svg(&drawing, "generated", None, &measure)
        };
        let text = svg_of();
        eprintln!(
            "diagram of {sites} sites: {} nodes, {} links, SVG {} KB",
            design.nodes.len(),
            design.links.len(),
            text.len() / 1024
        );
        group.bench_function(format!("svg {sites} sites"), |b| {
            b.iter(|| black_box(svg_of()))
        });
        if sites <= 10_000 {
            group.bench_function(format!("png 2000 px {sites} sites"), |b| {
                b.iter(|| black_box(png::png(&svg_of(), 2000).unwrap()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, diagram_bench);
criterion_main!(benches);

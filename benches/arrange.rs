//! Arrange on generated designs: tiers and organic at 1,000 sites, tiers at 10,000 (organic
//! takes at most `organic::MAX_NODES` nodes and falls back to tiers above it), and the one
//! edit the designer applies (arrange + `edit::apply` of the moves) at 1,000 sites.
//! Run: `cargo bench --bench arrange` (`-- --quick` for one short pass).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkwright::arrange::{self, Style};
use linkwright::catalog::Catalog;
use linkwright::generate;
use std::hint::black_box;

fn arrange_designs(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let mut group = c.benchmark_group("arrange");
    group.sample_size(10);
    for (sites, style) in [
        (1_000usize, Style::Tiers),
        (1_000, Style::Organic),
        (10_000, Style::Tiers),
    ] {
        let design = generate::generate(sites, 1, &catalog);
        let id = BenchmarkId::new(
            style.label(),
            format!("{sites} sites, {} nodes", design.nodes.len()),
        );
        group.bench_with_input(id, &design, |b, d| {
            b.iter(|| black_box(arrange::arrange(d, style)))
        });
    }
    // What Arrange → Tiers costs in the designer: the layout and applying its one edit.
    let design = generate::generate(1_000, 1, &catalog);
    group.bench_function("tiers + apply, 1000 sites", |b| {
        b.iter(|| {
            let mut d = design.clone();
            let positions = arrange::arrange(&d, Style::Tiers).positions;
            let edit = arrange::as_edit(&d, &positions).unwrap();
            black_box(linkwright::edit::apply(&mut d, edit).unwrap());
        })
    });
    group.finish();
}

criterion_group!(benches, arrange_designs);
criterion_main!(benches);

//! Failure analysis on generated designs: N-1 on 1,000 and 10,000 sites (and 100,000 with
//! `LINKWRIGHT_BENCH_100K=1`: ~2 s an iteration, so not in the default run), N-2 on 100 and
//! 1,000 sites, and N-1 on a design of GUI size (~200 elements).
//! Run: `cargo bench --no-default-features --bench resilience`
//! (`LINKWRIGHT_BENCH_100K=1 cargo bench --no-default-features --bench resilience` for all).
//! The whole `resilience` command (load, check, analysis, output) is compared with a NetworkX
//! script of the same N-1 in `benches/networkx_n1.py`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::generate;
use linkwright::resilience::{Depth, analyze};
use std::hint::black_box;

fn failure_analysis(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let mut group = c.benchmark_group("resilience");
    let mut cases = vec![
        (36usize, Depth::Single, "N-1"),
        (1_000, Depth::Single, "N-1"),
        (10_000, Depth::Single, "N-1"),
        (100, Depth::Pairs, "N-2"),
        (1_000, Depth::Pairs, "N-2"),
    ];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        cases.push((100_000, Depth::Single, "N-1"));
    }
    for (sites, depth, label) in cases {
        // Criterion's least: large designs take long enough per iteration to be steady.
        group.sample_size(if sites >= 10_000 { 10 } else { 20 });
        let design = generate::generate(sites, 1, &catalog);
        let id = BenchmarkId::new(
            label,
            format!("{sites} sites, {} elements", design.element_count()),
        );
        group.bench_with_input(id, &design, |b, d| {
            b.iter(|| black_box(analyze(d, &catalog, depth)))
        });
    }
    group.finish();
}

criterion_group!(benches, failure_analysis);
criterion_main!(benches);

//! Load + check on generated designs of 100 / 1,000 / 10,000 sites, and 100,000 sites with
//! `LINKWRIGHT_BENCH_100K=1` (a 178 MB file, seconds an iteration, so not in the default run).
//! Run: `cargo bench --no-default-features --bench check`
//! (`LINKWRIGHT_BENCH_100K=1 cargo bench --no-default-features --bench check` for all).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::{design_file, generate, rules};
use std::hint::black_box;

fn load_and_check(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("load_and_check");
    let mut sizes = vec![100usize, 1_000, 10_000];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    for sites in sizes {
        // Criterion's least: large designs take long enough per iteration to be steady.
        group.sample_size(if sites >= 10_000 { 10 } else { 20 });
        let design = generate::generate(sites, 1, &catalog);
        let path = dir.path().join(format!("gen-{sites}.json"));
        design_file::save(&design, &path).expect("save");
        group.bench_with_input(BenchmarkId::new("load+check", sites), &path, |b, path| {
            b.iter(|| {
                let d = design_file::load(path).expect("load");
                black_box(rules::check(&d, &catalog))
            })
        });
        group.bench_with_input(BenchmarkId::new("check", sites), &design, |b, d| {
            b.iter(|| black_box(rules::check(d, &catalog)))
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_check);
criterion_main!(benches);

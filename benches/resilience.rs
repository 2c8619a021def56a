//! Failure analysis on generated designs: N-1 on 1,000 sites, N-2 on 100 sites, and N-1 on a
//! design of GUI size (~200 elements).
//! Run: `cargo bench --no-default-features --bench resilience`.

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
    group.sample_size(20);
    for (sites, depth, label) in [
        (36usize, Depth::Single, "N-1"),
        (1_000, Depth::Single, "N-1"),
        (100, Depth::Pairs, "N-2"),
        (1_000, Depth::Pairs, "N-2"),
    ] {
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

//! Costing a generated 1,000-site design (line items, egress split, totals).
//! Run: `cargo bench --no-default-features --bench costing`.

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::costing::{self, Options, UserBook};
use linkwright::generate;
use std::hint::black_box;

fn costing_bench(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let book = UserBook::empty();
    let mut group = c.benchmark_group("costing");
    group.sample_size(20);
    for sites in [36usize, 1_000] {
        let design = generate::generate(sites, 1, &catalog);
        group.bench_function(format!("cost {sites} sites"), |b| {
            b.iter(|| black_box(costing::cost(&design, &catalog, &book, Options::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, costing_bench);
criterion_main!(benches);

//! The PDF report of a generated 200-site design: analyses, document model, layout and PDF
//! writing (target < 1 s, file < 2 MB). Run: `cargo bench --no-default-features --bench report`.

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::costing::UserBook;
use linkwright::generate;
use linkwright::report::{self, Meta, Paper};
use std::hint::black_box;

fn report_bench(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let book = UserBook::empty();
    let meta = Meta {
        file_name: "generated.json".into(),
        date: "2026-01-31".into(),
        paper: Paper::A4,
    };
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for sites in [36usize, 200] {
        let design = generate::generate(sites, 1, &catalog);
        let bytes = report::pdf_of(&design, &catalog, &book, &meta).expect("report renders");
        eprintln!("report of {sites} sites: {} KB", bytes.len() / 1024);
        group.bench_function(format!("report {sites} sites"), |b| {
            b.iter(|| black_box(report::pdf_of(&design, &catalog, &book, &meta)))
        });
    }
    group.finish();
}

criterion_group!(benches, report_bench);
criterion_main!(benches);

//! The PDF report of generated designs of 200, 1,000 and 10,000 sites (100,000 too with
//! `LINKWRIGHT_BENCH_100K=1`): the whole of it (analyses, document model, layout and PDF
//! writing), and the report's own share (document model, layout and PDF, the analyses computed
//! beforehand). Large designs are summarised, so the report's own share should barely grow
//! with the design; what grows is the analyses.
//! Run: `cargo bench --no-default-features --bench report`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

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
    let mut sizes = vec![200usize, 1_000, 10_000];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    for sites in sizes {
        let design = generate::generate(sites, 1, &catalog);
        let analyses = linkwright::analyses::run(
            &design,
            &catalog,
            &book,
            linkwright::costing::Options::default(),
            linkwright::resilience::Depth::Single,
        );
        let doc = report::build(&design, &analyses, &catalog, &book, &meta);
        let rendered = report::pdf::render_counted(&doc).expect("report renders");
        eprintln!(
            "report of {sites} sites: {} pages, {} KB",
            rendered.pages,
            rendered.bytes.len() / 1024
        );
        group.bench_function(format!("report {sites} sites"), |b| {
            b.iter(|| black_box(report::pdf_of(&design, &catalog, &book, &meta)))
        });
        group.bench_function(format!("document and PDF only, {sites} sites"), |b| {
            b.iter(|| {
                let doc = report::build(&design, &analyses, &catalog, &book, &meta);
                black_box(report::pdf::render_counted(&doc))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, report_bench);
criterion_main!(benches);

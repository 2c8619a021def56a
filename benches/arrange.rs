//! Arrange on generated designs: tiers and organic at 1,000 and 10,000 sites (organic runs per
//! connected part: a generated design is clusters of 24 nodes), organic on its worst case (one
//! part of 2,424 nodes, just under `organic::MAX_PAIRS`), and the one edit the designer
//! applies (arrange + `edit::apply` of the moves) at 1,000 and 10,000 sites.
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
        (10_000, Style::Organic),
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
    // The organic layout's worst case: one part as large as its pair budget allows.
    let hub = one_part(&catalog, 2_400);
    let id = BenchmarkId::new("organic", format!("one part of {} nodes", hub.nodes.len()));
    group.bench_with_input(id, &hub, |b, d| {
        b.iter(|| black_box(arrange::arrange(d, Style::Organic)))
    });
    // What Arrange → Tiers costs in the designer: the layout and applying its one edit.
    for sites in [1_000usize, 10_000] {
        let design = generate::generate(sites, 1, &catalog);
        group.bench_function(format!("tiers + apply, {sites} sites"), |b| {
            b.iter(|| {
                let mut d = design.clone();
                let positions = arrange::arrange(&d, Style::Tiers).positions;
                let edit = arrange::as_edit(&d, &positions).unwrap();
                black_box(linkwright::edit::apply(&mut d, edit).unwrap());
            })
        });
    }
    group.finish();
}

/// A generated design of 20 sites plus `extra` sites, each linked to its first facility: one
/// connected part (hub and spoke).
fn one_part(catalog: &Catalog, extra: usize) -> linkwright::model::Design {
    let mut design = generate::generate(20, 1, catalog);
    let facility = design
        .nodes
        .iter()
        .find(|n| n.as_facility().is_some())
        .unwrap()
        .id
        .clone();
    let site = design
        .nodes
        .iter()
        .find(|n| n.as_site().is_some())
        .cloned()
        .unwrap();
    let access = design
        .links
        .iter()
        .find(|l| l.as_access().is_some())
        .cloned()
        .unwrap();
    for i in 0..extra {
        let mut more = site.clone();
        more.id = format!("hub-site-{i}").into();
        more.name = format!("Hub site {i}");
        let mut link = access.clone();
        link.id = format!("hub-link-{i}").into();
        link.a = more.id.clone();
        link.b = facility.clone();
        design.nodes.push(more);
        design.links.push(link);
    }
    design
}

criterion_group!(benches, arrange_designs);
criterion_main!(benches);

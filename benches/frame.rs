//! CPU time of one designer frame (layout + painting + tessellation), headless, on generated
//! designs: ~200 elements and ~1,000 nodes. The analyses are computed before measuring (they
//! run once per change, not per frame).
//! Run: `cargo bench --bench frame`.

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use linkwright::catalog::Catalog;
use linkwright::costing::UserBook;
use linkwright::gui::{DesignerApp, files::Dirs};
use std::hint::black_box;

fn frame(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("catalog");
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for sites in [36usize, 830] {
        let design = linkwright::generate::generate(sites, 1, &catalog);
        let label = format!(
            "{} nodes, {} elements",
            design.nodes.len(),
            design.element_count()
        );
        let mut app = DesignerApp::new(
            design,
            None,
            catalog.clone(),
            UserBook::empty(),
            Dirs::default(),
        );
        let ctx = egui::Context::default();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 1000.0),
            )),
            ..Default::default()
        };
        // Warm up: fit, analyses, fonts.
        for _ in 0..3 {
            let out = ctx.run_ui(input(), |ui| app.ui(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
        group.bench_function(label, |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

//! CPU time of one designer frame (layout + painting + tessellation), headless, on generated
//! designs of 36, 830 and 10,000 sites (100,000 too with `LINKWRIGHT_BENCH_100K=1`), fitted to
//! the window (the whole design in view: the overview beyond 3,000 nodes) and zoomed to 1:1 (a
//! window's worth of detail). The analyses are computed before measuring (they run once per
//! change, not per frame). Each also panning (the view moves every frame), and the `open` group:
//! from the file on disk to the first frame drawn. `dense`: the 830-site design (998 nodes)
//! whole on a 5K window (5120 × 2880) at zoom 0.3, where every node is drawn with its glyph,
//! names are placed and the group boxes drawn (the most the canvas draws in detail on a screen).
//! Run: `cargo bench --bench frame`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

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
    let mut sizes = vec![36usize, 830, 10_000];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    for sites in sizes {
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
        // Warm up: fit, analyses, fonts. A large design is analysed on a thread: wait for it,
        // so the frames measured show its results and do not share the cores with it.
        for _ in 0..3 {
            let out = ctx.run_ui(input(), |ui| app.ui(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
        while app.analysing() {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let _ = app.analyses();
        }
        group.bench_function(format!("{label}, fitted"), |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
        // Panning: every frame sees a different part of the design (a drag across the canvas,
        // back and forth so that it stays over the design).
        let mut step = 0u32;
        let mut pan = |app: &mut DesignerApp| {
            step += 1;
            let dx = if (step / 40) % 2 == 0 { -23.0 } else { 23.0 };
            app.pan_by(egui::vec2(dx, 0.0));
        };
        group.bench_function(format!("{label}, fitted, panning"), |b| {
            b.iter(|| {
                pan(&mut app);
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
        app.zoom_to(1.0);
        group.bench_function(format!("{label}, 1:1"), |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
        group.bench_function(format!("{label}, 1:1, panning"), |b| {
            b.iter(|| {
                pan(&mut app);
                let out = ctx.run_ui(input(), |ui| app.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        });
    }
    group.finish();
}

/// Every node of a 998-node design in view with its glyph, its name and its group box.
fn dense(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("catalog");
    let mut group = c.benchmark_group("dense");
    group.sample_size(30);
    let design = linkwright::generate::generate(830, 1, &catalog);
    let label = format!("{} nodes in view, 5K window, zoom 0.3", design.nodes.len());
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
            egui::vec2(5120.0, 2880.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    app.zoom_to(0.3);
    app.pan_by(egui::vec2(40.0, 40.0));
    group.bench_function(&label, |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| app.ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        })
    });
    let mut step = 0u32;
    group.bench_function(format!("{label}, panning"), |b| {
        b.iter(|| {
            step += 1;
            let dx = if (step / 40) % 2 == 0 { -7.0 } else { 7.0 };
            app.pan_by(egui::vec2(dx, 0.0));
            let out = ctx.run_ui(input(), |ui| app.ui(ui));
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        })
    });
    group.finish();
}

/// Opening a design file: read and check the file, make the window's state, draw the first
/// frame (a design this large is analysed on a thread, so the first frame does not wait).
fn open(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("catalog");
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    let mut sizes = vec![10_000usize];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    for sites in sizes {
        let design = linkwright::generate::generate(sites, 1, &catalog);
        let file = dir.path().join(format!("gen-{sites}.json"));
        linkwright::design_file::save(&design, &file).expect("saved");
        drop(design);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 1000.0),
            )),
            ..Default::default()
        };
        group.bench_function(format!("{sites} sites, to the first frame"), |b| {
            b.iter_custom(|iterations| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let started = std::time::Instant::now();
                    let design = linkwright::design_file::load(&file).expect("loads");
                    let mut app = DesignerApp::new(
                        design,
                        Some(file.clone()),
                        catalog.clone(),
                        UserBook::empty(),
                        Dirs::default(),
                    );
                    let ctx = egui::Context::default();
                    let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
                    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
                    total += started.elapsed();
                    // Not timed: the analysis thread finishes before the next opening, which
                    // would otherwise share the cores with it.
                    while app.analysing() {
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        let _ = app.analyses();
                    }
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame, dense, open);
criterion_main!(benches);

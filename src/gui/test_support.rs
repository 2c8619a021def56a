//! What the designer's tests share: a window on a sample in folders of its own, driven by
//! egui_kittest, and the stand-ins and gestures several panels' tests use.

use super::*;
use crate::catalog::Catalog;
use crate::costing::UserBook;
use crate::model::Design;
use egui_kittest::Harness;

/// Folders of the test's own, never the user's.
pub(crate) fn test_dirs() -> (tempfile::TempDir, files::Dirs) {
    let dir = tempfile::tempdir().unwrap();
    let dirs = files::Dirs {
        config: Some(dir.path().join("config")),
        data: Some(dir.path().join("data")),
        documents: Some(dir.path().join("documents")),
    };
    (dir, dirs)
}

pub(crate) fn app_with(path: &str) -> DesignerApp {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let design = design_file::load(&file).expect("sample");
    let (dir, dirs) = test_dirs();
    let mut app = DesignerApp::new(
        design,
        Some(file),
        Catalog::builtin().expect("catalog"),
        UserBook::empty(),
        dirs,
    );
    // Kept for the app's lifetime, removed with it.
    app.test_folder = Some(dir);
    app
}

pub(crate) fn empty_app() -> DesignerApp {
    let (dir, dirs) = test_dirs();
    let mut app = DesignerApp::new(
        Design::new("new"),
        None,
        Catalog::builtin().unwrap(),
        UserBook::empty(),
        dirs,
    );
    app.test_folder = Some(dir);
    app
}

pub(crate) fn harness(app: DesignerApp) -> Harness<'static, DesignerApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DesignerApp| app.ui(ui), app);
    h.run_steps(3);
    h
}

pub(crate) fn fresh_app(dirs: &files::Dirs) -> DesignerApp {
    DesignerApp::new(
        Design::new("fresh"),
        None,
        Catalog::builtin().unwrap(),
        UserBook::empty(),
        dirs.clone(),
    )
}

pub(crate) const RECOVER: &str = "Recover unsaved work?";

/// A picker that answers at once with fixed paths (None: like a desktop without portal).
pub(crate) struct StubPicker(pub(crate) Option<std::path::PathBuf>);

impl dialogs::FilePicker for StubPicker {
    fn pick_open(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
    fn pick_save(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
    fn pick_report(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
    fn pick_diagram(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
    fn pick_folder(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
}

pub(crate) fn wait(h: &mut Harness<'static, DesignerApp>) {
    for _ in 0..40 {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

pub(crate) fn drag_path(h: &mut Harness<'static, DesignerApp>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.run_steps(1);
    for step in 1..=6 {
        h.hover_at(from + (to - from) * (step as f32 / 6.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(2);
}

/// Every text the last frame painted, each as one string (widget labels, and what the canvas
/// draws itself: names, bandwidths, group titles, the legend).
pub(crate) fn painted_texts(h: &Harness<'static, DesignerApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// A press and a release at one spot.
pub(crate) fn click_at(h: &mut Harness<'static, DesignerApp>, at: egui::Pos2) {
    h.drag_at(at);
    h.run_steps(1);
    h.drop_at(at);
    h.run_steps(2);
}

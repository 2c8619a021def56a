//! The desktop face (feature `gui`), the only place that names egui. `app.rs` is the designer
//! (menus, palette, inspector, problem/resilience/cost tabs, status bar, dialogs), `canvas.rs`
//! draws the design and turns pointer input into proposals the app applies as edits.

pub mod app;
pub mod canvas;

pub use app::DesignerApp;

use crate::costing::Costing;
use crate::design_file;
use anyhow::Context as _;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The design shown when no file is given: the dual-cloud sample, built in.
const SAMPLE_DESIGN: &str = include_str!("../../designs/dual-cloud-ashburn-chicago.json");

/// "$23,209.98/month (incomplete: 10 unpriced)".
pub fn cost_label(c: &Costing) -> String {
    let total = crate::cli::cost::dollars(c.totals.monthly);
    if c.unpriced.is_empty() {
        format!("{total}/month")
    } else {
        format!("{total}/month (incomplete: {} unpriced)", c.unpriced.len())
    }
}

/// Open the designer window on `file` (or the built-in sample design).
pub fn run(file: Option<PathBuf>, catalog_file: Option<&Path>) -> anyhow::Result<()> {
    let catalog = crate::cli::load_catalog(catalog_file)?;
    let (user_book, _) = crate::cli::cost::user_book(None)?;
    let design = match &file {
        Some(path) => design_file::load(path)?,
        None => design_file::from_str(SAMPLE_DESIGN, Path::new("dual-cloud-ashburn-chicago.json"))
            .context("the built-in sample design is invalid")?,
    };
    let app = DesignerApp::new(design, file, catalog, user_book);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "linkwright",
        options,
        Box::new(move |_cc| Ok(Box::new(Window(app)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

struct Window(DesignerApp);

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::costing::UserBook;
    use crate::model::{Design, NodeKindTag, Point};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn app_with(path: &str) -> DesignerApp {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let design = design_file::load(&file).expect("sample");
        DesignerApp::new(
            design,
            Some(file),
            Catalog::builtin().expect("catalog"),
            UserBook::empty(),
        )
    }

    fn harness(app: DesignerApp) -> Harness<'static, DesignerApp> {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1400.0, 900.0))
            .build_ui_state(|ui, app: &mut DesignerApp| app.ui(ui), app);
        h.run_steps(3);
        h
    }

    #[test]
    fn builtin_sample_is_valid() {
        assert!(design_file::from_str(SAMPLE_DESIGN, Path::new("sample")).is_ok());
    }

    #[test]
    fn palette_adds_a_node_and_undo_removes_it() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let before = h.state().design.nodes.len();
        h.get_by_label("■ On-prem site").click();
        h.run_steps(2);
        assert_eq!(h.state().design.nodes.len(), before + 1);
        assert!(h.state().is_dirty());
        h.state_mut().undo();
        h.run_steps(2);
        assert_eq!(h.state().design.nodes.len(), before);
    }

    #[test]
    fn deleting_a_node_removes_its_links_and_one_undo_restores_all() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let original = h.state().design.clone();
        h.state_mut().selection = vec!["fac-dc2".into()];
        h.state_mut().delete_selection();
        h.run_steps(2);
        let d = &h.state().design;
        assert!(d.node(&"fac-dc2".into()).is_none());
        assert!(d.links.iter().all(|l| !l.touches(&"fac-dc2".into())));
        h.state_mut().undo();
        assert_eq!(h.state().design, original);
    }

    #[test]
    fn dragging_a_node_is_one_edit_and_one_undo() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        let start = h.state().design.node(&"site-dub".into()).unwrap().position;
        let at = h.state().view.to_screen(h.state().view.rect.min, start);
        let revision = h.state().history.revision();
        h.drag_at(at);
        h.run_steps(1);
        for step in 1..=5 {
            h.hover_at(at + egui::vec2(12.0 * step as f32, 6.0 * step as f32));
            h.run_steps(1);
        }
        assert_eq!(
            h.state().history.revision(),
            revision,
            "no edit while the drag is in flight"
        );
        h.drop_at(at + egui::vec2(60.0, 30.0));
        h.run_steps(2);
        assert_eq!(
            h.state().history.revision(),
            revision + 1,
            "one edit for the whole drag"
        );
        let moved = h.state().design.node(&"site-dub".into()).unwrap().position;
        assert!(moved.x > start.x && moved.y > start.y, "{moved:?}");
        h.state_mut().undo();
        assert_eq!(
            h.state().design.node(&"site-dub".into()).unwrap().position,
            start
        );
    }

    #[test]
    fn opening_a_malformed_file_shows_the_error_and_keeps_the_design() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{ not json").unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        h.state_mut().open(&bad);
        h.run_steps(2);
        assert_eq!(h.state().design, before);
        assert!(
            h.state()
                .message
                .as_deref()
                .is_some_and(|m| m.contains("bad.json:1:") && m.contains("not valid JSON"))
        );
    }

    #[test]
    fn save_and_open_round_trip_through_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(10.0, 10.0));
        h.state_mut().save_to(&path);
        assert!(!h.state().is_dirty());
        let saved = h.state().design.clone();
        let mut other = harness(DesignerApp::new(
            Design::new("x"),
            None,
            Catalog::builtin().unwrap(),
            UserBook::empty(),
        ));
        other.state_mut().open(&path);
        assert_eq!(other.state().design, saved);
    }

    #[test]
    fn problems_tab_lists_findings_and_idle_frames_do_not_recompute() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        assert_eq!(h.get_all_by_label("ER005").count(), 2);
        let runs = h.state().analysis_runs;
        h.run_steps(5);
        assert_eq!(
            h.state().analysis_runs,
            runs,
            "analyses rerun only when the design changes"
        );
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.run_steps(1);
        assert_eq!(h.state().analysis_runs, runs + 1);
    }
}

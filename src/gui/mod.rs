//! The desktop face (feature `gui`), the only place that names egui. `app.rs` is the designer
//! (menus, palette, inspector, problem/resilience/cost tabs, status bar, dialogs), `canvas.rs`
//! draws the design and turns pointer input into proposals the app applies as edits.

pub mod analysis;
pub mod app;
pub mod canvas;
pub mod charts;
pub mod dialogs;
pub mod files;
pub mod inspector;
pub mod palette;
pub mod recovery;
pub mod scene;

pub use app::DesignerApp;

use crate::costing::{Costing, UserBook};
use crate::design_file;
use anyhow::Context as _;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The design shown when no file is given: the dual-cloud sample, built in.
const SAMPLE_DESIGN: &str = include_str!("../../designs/dual-cloud-ashburn-chicago.json");

/// "$23,209.98/month (incomplete: 10 unpriced)".
pub fn cost_label(c: &Costing) -> String {
    let total = crate::model::dollars(c.totals.monthly);
    if c.unpriced.is_empty() {
        format!("{total}/month")
    } else {
        format!("{total}/month (incomplete: {} unpriced)", c.unpriced.len())
    }
}

/// Open the designer window on `file` (or the built-in sample design).
pub fn run(file: Option<PathBuf>, catalog_file: Option<&Path>) -> anyhow::Result<()> {
    let catalog = crate::catalog::Catalog::with_overlay(catalog_file)?;
    let (user_book, _) = UserBook::load_or_default(None)?;
    let dirs = files::Dirs::from_env();
    // No file: the last design opened, or the first time the built-in sample.
    let (design, file) = match file {
        Some(path) => (design_file::load(&path)?, Some(path)),
        None => match files::recent(&dirs)
            .into_iter()
            .find_map(|p| design_file::load(&p).ok().map(|d| (d, p)))
        {
            Some((d, p)) => (d, Some(p)),
            None => (
                design_file::from_str(SAMPLE_DESIGN, Path::new("dual-cloud-ashburn-chicago.json"))
                    .context("the built-in sample design is invalid")?,
                None,
            ),
        },
    };
    let app = DesignerApp::new(design, file, catalog, user_book, dirs);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "linkwright",
        options,
        Box::new(move |cc| {
            // Window size and position are restored by eframe; the theme is ours to restore.
            if let Some(theme) = cc.storage.and_then(|s| s.get_string(THEME_KEY)) {
                cc.egui_ctx.set_visuals(if theme == "light" {
                    egui::Visuals::light()
                } else {
                    egui::Visuals::dark()
                });
            }
            let mut app = app;
            if let Some(paper) = cc.storage.and_then(|s| s.get_string(PAPER_KEY)) {
                app.report_paper = if paper == "letter" {
                    crate::report::Paper::Letter
                } else {
                    crate::report::Paper::A4
                };
            }
            Ok(Box::new(Window(app)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

const THEME_KEY: &str = "theme";
const PAPER_KEY: &str = "report_paper";

struct Window(DesignerApp);

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }

    /// Persist the theme and report paper (the window geometry is persisted by eframe). The design itself is
    /// only ever written by Save.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let dark = self.0.dark_mode;
        storage.set_string(THEME_KEY, if dark { "dark".into() } else { "light".into() });
        let paper = match self.0.report_paper {
            crate::report::Paper::A4 => "a4",
            crate::report::Paper::Letter => "letter",
        };
        storage.set_string(PAPER_KEY, paper.into());
    }
}

/// What the designer's tests share: a window on a sample in folders of its own, driven by
/// egui_kittest.
#[cfg(test)]
pub(crate) mod test_support {
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
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::catalog::Catalog;
    use crate::costing::UserBook;
    use crate::model::{Design, LinkKindTag, NodeKindTag, Point};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// One table feeds the menus, the keys and Help: every command with a key shows it in its
    /// menu entry, the key runs it, and Help lists it.
    #[test]
    fn menus_keys_and_help_come_from_one_command_table() {
        use crate::gui::app::commands::{COMMANDS, Command};
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Edit").click();
        h.run_steps(1);
        assert!(h.query_by_label("Undo Ctrl+Z").is_some());
        assert!(h.query_by_label("Select All Ctrl+A").is_some());
        h.get_by_label("Select All Ctrl+A").click();
        h.run_steps(2);
        let everything = h.state().design.nodes.len() + h.state().design.links.len();
        assert_eq!(h.state().selection.len(), everything);
        // Delete by its key, undo by its key.
        h.key_press(egui::Key::Delete);
        h.run_steps(2);
        assert!(h.state().design.nodes.is_empty());
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(2);
        assert_eq!(
            h.state().design.nodes.len() + h.state().design.links.len(),
            everything
        );
        // Help lists every command that has keys, with its keys.
        h.state_mut().help = Some(super::app::Help::Shortcuts);
        h.run_steps(2);
        for row in COMMANDS.iter().filter(|r| !r.keys.is_empty()) {
            assert!(
                h.query_by_label(row.help).is_some(),
                "{:?} in Help",
                row.command
            );
        }
        assert!(h.query_by_label("Ctrl+Shift+Z / Ctrl+Y").is_some());
        assert_eq!(
            COMMANDS
                .iter()
                .filter(|r| r.command == Command::Redo)
                .count(),
            1
        );
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
        assert!(h.query_by_label_contains("(unsaved changes)").is_some());
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
        assert_eq!(
            (moved.x % app::GRID, moved.y % app::GRID),
            (0.0, 0.0),
            "snapped to the grid"
        );
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
        let mut other = harness(empty_app());
        other.state_mut().open(&path);
        assert_eq!(other.state().design, saved);
    }

    /// A large design's analyses run on a thread: the window draws at once, says it is
    /// analysing, and shows the findings when they arrive; an edit starts one more run.
    #[test]
    fn a_large_designs_analyses_run_beside_the_window() {
        let mut app = app_with("designs/flawed-design.json");
        app.background_from = 0; // every design counts as large here
        let expected = crate::rules::check(&app.design, &Catalog::builtin().unwrap());
        let mut h = Harness::builder()
            .with_size(egui::vec2(1400.0, 900.0))
            .build_ui_state(|ui, app: &mut DesignerApp| app.ui(ui), app);
        h.run_steps(1);
        assert_eq!(h.state().analysis_runs, 1);
        let wait = |h: &mut Harness<'static, DesignerApp>| {
            let started = std::time::Instant::now();
            while h.state().analysing() {
                assert!(
                    started.elapsed().as_secs() < 60,
                    "the analysis never arrived"
                );
                std::thread::sleep(std::time::Duration::from_millis(20));
                h.run_steps(1);
            }
        };
        wait(&mut h);
        h.run_steps(2);
        let shown = h.state_mut().analyses().findings.active().count();
        assert_eq!(shown, expected.active().count());
        h.get_by_label(&expected.active().next().unwrap().message);
        assert!(h.query_by_label("analysing…").is_none());
        assert_eq!(h.state().analysis_runs, 1, "idle frames start no run");

        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.run_steps(1);
        wait(&mut h);
        assert_eq!(h.state().analysis_runs, 2);
        let new_site = h.state().design.nodes.last().unwrap().id.to_string();
        assert!(
            h.state_mut()
                .analyses()
                .findings
                .about(&new_site)
                .next()
                .is_some(),
            "the findings are the edited design's (the new site is isolated)"
        );
    }

    #[test]
    fn catalog_search_and_the_connect_tool_build_a_circuit() {
        let mut h = harness(empty_app());
        h.state_mut().search = "Ashburn".into();
        h.run_steps(2);
        // The Equinix DC2 building hosts both clouds.
        let hits = h.state().search_results(12);
        let dc2 = hits
            .iter()
            .find(|hit| hit.label().contains("Azure + AWS in this building"))
            .cloned()
            .expect("a shared building");
        h.state_mut().add_hit(&dc2, Point::new(0.0, 0.0));
        h.state_mut().search = "eastus2".into();
        let east = h
            .state()
            .search_results(12)
            .into_iter()
            .next()
            .expect("East US 2");
        h.state_mut().add_hit(&east, Point::new(300.0, 0.0));
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(-300.0, 0.0));
        h.state_mut().view.fit_pending = true;
        h.run_steps(3);
        let ids: Vec<String> = h
            .state()
            .design
            .nodes
            .iter()
            .map(|n| n.id.to_string())
            .collect();
        let (fac, az, site) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
        let screen = |h: &Harness<'static, DesignerApp>, id: &str| {
            let app = h.state();
            app.view.to_screen(
                app.view.rect.min,
                app.design.node(&id.into()).unwrap().position,
            )
        };
        // Connect tool: press on the site, release on the facility -> the only kind that joins
        // them, an access circuit.
        h.get_by_label("Connect (C)").click();
        h.run_steps(1);
        let (from, to) = (screen(&h, &site), screen(&h, &fac));
        h.drag_at(from);
        h.run_steps(1);
        h.hover_at(to);
        h.run_steps(1);
        h.drop_at(to);
        h.run_steps(2);
        assert_eq!(h.state().design.links.len(), 1);
        assert_eq!(h.state().design.links[0].tag(), LinkKindTag::AccessCircuit);
        // Click the facility then the region: an ExpressRoute circuit, valid by default.
        h.state_mut()
            .propose_link(fac.as_str().into(), az.as_str().into());
        h.run_steps(2);
        assert_eq!(h.state().design.links.len(), 2);
        assert_eq!(
            h.state().design.links[1].tag(),
            LinkKindTag::ExpressRouteCircuit
        );
        // Two sites cannot be joined: refused with the reason.
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(-300.0, 200.0));
        let other = h.state().design.nodes.last().unwrap().id.clone();
        h.state_mut().propose_link(site.as_str().into(), other);
        assert_eq!(h.state().design.links.len(), 2);
        assert!(
            h.state()
                .message
                .as_deref()
                .is_some_and(|m| m.contains("no link joins a on-prem site and a on-prem site"))
        );
        // The design is consistent for the rules: the circuit lands where ExpressRoute is.
        let codes: Vec<&str> = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
            .active()
            .map(|f| f.code)
            .collect();
        assert!(
            !codes.contains(&"ER007") && !codes.contains(&"GEN001"),
            "{codes:?}"
        );
    }

    #[test]
    fn fixing_a_finding_in_the_inspector_clears_it_in_one_undo_step() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let er001 = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .any(|f| f.code == "ER001" && f.subjects == ["er-sp"])
        };
        assert!(er001(&h), "300 Mbps is not an ExpressRoute bandwidth");
        h.state_mut().selection = vec!["er-sp".into()];
        h.run_steps(2);
        // Only offered bandwidths are offered: no 300 Mbps choice.
        assert!(h.query_by_label("300 Mbps").is_none());
        let revision = h.state().history.revision();
        h.get_by_label("500 Mbps").click();
        h.run_steps(2);
        assert!(!er001(&h));
        assert_eq!(h.state().history.revision(), revision + 1);
        h.state_mut().undo();
        assert!(er001(&h));
    }

    #[test]
    fn copy_paste_duplicates_with_new_ids() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let (nodes, links) = (h.state().design.nodes.len(), h.state().design.links.len());
        h.state_mut().selection = vec!["fac-dc2".into(), "az-eastus".into()];
        h.state_mut().copy();
        h.state_mut().paste();
        h.run_steps(1);
        let d = &h.state().design;
        assert_eq!(d.nodes.len(), nodes + 2);
        assert_eq!(
            d.links.len(),
            links + 1,
            "the ER circuit between the two is copied too"
        );
        assert!(crate::design_file::check_structure(d).is_ok());
        h.state_mut().undo();
        assert_eq!(h.state().design.nodes.len(), nodes);
        // Help windows open from the menu.
        h.state_mut().help = Some(app::Help::About);
        h.run_steps(2);
        h.get_by_label("About linkwright");
    }

    /// A copy left by a window that crashed: written, then its lock released without a clean
    /// exit (as the system releases it when a process dies).
    fn crashed_copy(dirs: &files::Dirs, design: &Design, design_file: Option<&Path>) -> PathBuf {
        let (mut instance, _) = recovery::Recovery::start(dirs);
        instance.write(design, design_file).unwrap();
        let copy = instance.own_copy().unwrap().to_owned();
        drop(instance);
        copy
    }

    fn fresh_app(dirs: &files::Dirs) -> DesignerApp {
        DesignerApp::new(
            Design::new("fresh"),
            None,
            Catalog::builtin().unwrap(),
            UserBook::empty(),
            dirs.clone(),
        )
    }

    const RECOVER: &str = "Recover unsaved work?";

    #[test]
    fn recovery_copy_is_offered_and_restored_without_touching_the_users_file() {
        let (dir, dirs) = test_dirs();
        let mut work = design_file::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("designs/europe-azure-two-locations.json"),
        )
        .unwrap();
        work.name = "work in progress".into();
        let ha = dir.path().join("ha.json");
        let old = crashed_copy(&dirs, &work, Some(&ha));
        let mut h = harness(fresh_app(&dirs));
        h.get_by_label(RECOVER);
        h.get_by_label_contains(&format!(
            "“work in progress” was kept: unsaved changes to {}",
            ha.display()
        ));
        h.get_by_label("Restore").click();
        h.run_steps(2);
        assert!(h.query_by_label(RECOVER).is_none());
        assert_eq!(h.state().design.name, "work in progress");
        assert!(h.state().is_dirty(), "restored work is unsaved");
        assert!(
            h.state().path.is_none() && !ha.exists(),
            "no file is written by a restore"
        );
        // The work is this window's own copy now, still naming its file; only then is the old
        // copy deleted.
        let own = h.state().recovery.own_copy().unwrap().to_owned();
        assert_eq!(design_file::load(&own).unwrap().name, "work in progress");
        assert!(!old.exists());
        // Saving removes this window's copy; recent files are remembered on open and save.
        let saved = dir.path().join("saved.json");
        h.state_mut().save_to(&saved);
        assert!(!own.exists());
        assert_eq!(
            files::recent(&dirs)
                .first()
                .map(|p| p.file_name().unwrap().to_owned()),
            Some("saved.json".into())
        );
    }

    #[test]
    fn closing_the_window_while_recovery_is_offered_keeps_the_copy() {
        let (_dir, dirs) = test_dirs();
        let copy = crashed_copy(&dirs, &Design::new("work in progress"), None);
        let mut h = harness(fresh_app(&dirs));
        h.get_by_label(RECOVER);
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run_steps(2);
        drop(h); // the window is gone, and its locks with it
        assert!(copy.exists(), "the offered copy was deleted");
        let (next, _) = recovery::Recovery::start(&dirs);
        assert_eq!(
            next.offered().map(|o| o.design.name.as_str()),
            Some("work in progress"),
            "offered again at the next start"
        );
    }

    #[test]
    fn later_keeps_a_recovery_copy_and_discard_deletes_one() {
        let (_dir, dirs) = test_dirs();
        let copies = [
            crashed_copy(&dirs, &Design::new("first"), None),
            crashed_copy(&dirs, &Design::new("second"), None),
        ];
        let mut h = harness(fresh_app(&dirs));
        h.get_by_label("1 more recovery copy after this one.");
        let kept = h.state().recovery.offered().unwrap().copy().to_owned();
        h.get_by_label("Later").click();
        h.run_steps(2);
        h.get_by_label(RECOVER);
        h.get_by_label("Discard").click();
        h.run_steps(2);
        assert!(h.query_by_label(RECOVER).is_none());
        assert_eq!(h.state().design.name, "fresh");
        for copy in &copies {
            assert_eq!(copy.exists(), *copy == kept, "{}", copy.display());
        }
        drop(h);
        let (next, _) = recovery::Recovery::start(&dirs);
        assert_eq!(next.offered().map(|o| o.copy()), Some(kept.as_path()));
    }

    #[test]
    fn a_corrupt_recovery_copy_is_set_aside_and_the_status_bar_says_where() {
        let (_dir, dirs) = test_dirs();
        let folder = recovery::folder(dirs.data.as_deref().unwrap());
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("4242-corrupted.json"), "{ not json").unwrap();
        let h = harness(fresh_app(&dirs));
        assert!(h.query_by_label(RECOVER).is_none());
        let aside: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("4242-corrupted.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), "{ not json");
        h.get_by_label_contains(&format!("it was set aside as {}", aside[0].display()));
    }

    #[test]
    fn tabs_agree_with_the_cli() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let catalog = Catalog::builtin().unwrap();
        let design = h.state().design.clone();
        let cost = crate::costing::cost(
            &design,
            &catalog,
            &UserBook::empty(),
            crate::costing::Options::default(),
        );
        h.get_by_label(&cost_label(&cost));
        h.get_by_label("Resilience").click();
        h.run_steps(2);
        let findings = crate::rules::check(&design, &catalog);
        let g = crate::analyses::gateway_indexes(&design, &findings)
            .unwrap()
            .remove(0);
        assert_eq!((g.design_index, g.validated_index), (40, 100));
        assert!(
            h.query_by_label_contains("resiliency index 40 as designed, 100 once validated")
                .is_some()
        );
        h.get_by_label("Cost").click();
        h.run_steps(2);
        assert!(
            h.get_all_by_label(&cost_label(&cost)).count() >= 2,
            "the tab and the status bar show the CLI's total"
        );
        // The built-in book prices ExpressRoute circuits and egress (azure-er-prices.md): the
        // break-even chart is drawn, not replaced by what is missing.
        h.get_by_label("er-dc2: metered vs unlimited");
        assert!(h.query_by_label_contains("cannot be drawn").is_none());
    }

    /// A picker that answers at once with fixed paths (None: like a desktop without portal).
    struct StubPicker(Option<std::path::PathBuf>);

    impl dialogs::FilePicker for StubPicker {
        fn pick_open(&self) -> Option<std::path::PathBuf> {
            self.0.clone()
        }
        fn pick_save(&self, _: &str) -> Option<std::path::PathBuf> {
            self.0.clone()
        }
        fn pick_report(&self, _: &str) -> Option<std::path::PathBuf> {
            self.0.clone()
        }
    }

    fn wait(h: &mut Harness<'static, DesignerApp>) {
        for _ in 0..40 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn save_as_and_open_through_the_file_menu() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("via-menu.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(path.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Save As…").click();
        wait(&mut h);
        assert!(path.exists() && !h.state().is_dirty());
        let saved = h.state().design.clone();

        let mut other = harness(empty_app());
        other.state_mut().picker = std::sync::Arc::new(StubPicker(Some(path.clone())));
        other.get_by_label("File").click();
        other.run_steps(1);
        // The menu shows the command's shortcut beside it (from the one command table).
        other.get_by_label("Open… Ctrl+O").click();
        wait(&mut other);
        assert_eq!(other.state().design, saved);
    }

    #[test]
    fn export_report_through_the_file_menu_writes_the_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stakeholders.pdf");
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(path.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label_contains("Report paper").hover();
        h.run_steps(1);
        h.get_by_label("Letter").click();
        h.run_steps(1);
        assert_eq!(h.state().report_paper, crate::report::Paper::Letter);
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export report…").click();
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if path.exists() && !h.state().exporting() {
                break;
            }
        }
        assert!(!h.state().exporting(), "the export finished");
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.starts_with("exported the report to"), "{message}");
        let pdf = lopdf::Document::load(&path).expect("a readable PDF");
        let first = pdf.get_pages()[&1];
        let media = pdf.get_dictionary(first).unwrap().get(b"MediaBox").unwrap();
        let width = media.as_array().unwrap()[2].as_float().unwrap();
        assert_eq!(width.round(), 612.0, "Letter, as chosen");
        let text = pdf.extract_text(&[1]).unwrap();
        assert!(text.contains("Dual-cloud enterprise"), "{text}");
        // Exporting does not touch the design or its saved state.
        assert!(!h.state().is_dirty());
    }

    #[test]
    fn a_report_that_cannot_be_written_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        h.state_mut()
            .export_report_to(&dir.path().join("missing-folder/report.pdf"));
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if !h.state().exporting() {
                break;
            }
        }
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.contains("cannot write the report to"), "{message}");
        assert_eq!(h.state().design, before);
    }

    #[test]
    fn without_a_desktop_portal_export_asks_for_a_path_in_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(None));
        h.state_mut().start_dialog(dialogs::Purpose::ExportReport);
        wait(&mut h);
        let guess = h
            .state()
            .export_dialog
            .clone()
            .expect("the in-app dialog is open");
        assert!(guess.ends_with("europe-azure-two-locations.pdf"), "{guess}");
        let target = dir.path().join("typed.pdf");
        h.state_mut().export_dialog = Some(target.display().to_string());
        h.run_steps(1);
        h.get_by_label("Export").click();
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if target.exists() && !h.state().exporting() {
                break;
            }
        }
        assert!(target.exists(), "{:?}", h.state().message);
    }

    #[test]
    fn without_a_desktop_portal_the_in_app_dialog_opens() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(None));
        h.state_mut().start_dialog(dialogs::Purpose::Open);
        wait(&mut h);
        assert!(h.state().open_dialog.is_some());
        h.get_by_label("Open design");
    }

    fn drag_path(h: &mut Harness<'static, DesignerApp>, from: egui::Pos2, to: egui::Pos2) {
        h.drag_at(from);
        h.run_steps(1);
        for step in 1..=6 {
            h.hover_at(from + (to - from) * (step as f32 / 6.0));
            h.run_steps(1);
        }
        h.drop_at(to);
        h.run_steps(2);
    }

    #[test]
    fn dragging_from_the_palette_drops_a_node_where_released() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        let before = h.state().design.nodes.len();
        let button = h.get_by_label("■ AWS region").rect().center();
        let target = h.state().view.rect.center() + egui::vec2(-150.0, 120.0);
        drag_path(&mut h, button, target);
        assert_eq!(h.state().design.nodes.len(), before + 1);
        let app = h.state();
        let node = app.design.nodes.last().unwrap();
        assert!(node.as_aws().is_some());
        let dropped_at = app.view.to_screen(app.view.rect.min, node.position);
        assert!(
            dropped_at.distance(target) < 2.0 * app::GRID as f32 * app.view.zoom + 2.0,
            "{dropped_at:?} vs {target:?}"
        );
    }

    #[test]
    fn a_box_on_empty_canvas_selects_what_it_encloses() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let app = h.state();
        let at = |id: &str| {
            app.view.to_screen(
                app.view.rect.min,
                app.design.node(&id.into()).unwrap().position,
            )
        };
        let (nyc, chi) = (at("site-nyc"), at("site-chi"));
        let from = egui::pos2(nyc.x - 40.0, nyc.y - 40.0);
        let to = egui::pos2(chi.x + 40.0, chi.y + 40.0);
        drag_path(&mut h, from, to);
        let mut selected = h.state().selection.clone();
        selected.sort();
        assert_eq!(selected, ["site-chi", "site-nyc"]);
    }

    #[test]
    fn typing_a_new_asn_in_the_inspector_fixes_the_reserved_asn() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let er022 = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .any(|f| f.code == "ER022")
        };
        assert!(er022(&h));
        h.state_mut().selection = vec!["er-par-local".into()];
        h.run_steps(2);
        let field = h.get_all_by_value("65515").next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value("65515")
            .next()
            .unwrap()
            .type_text("65010");
        h.run_steps(1);
        assert!(er022(&h), "nothing changes while typing");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert!(
            !er022(&h),
            "{:?}",
            h.state()
                .design
                .link(&"er-par-local".into())
                .and_then(|l| l.as_er())
                .map(|c| c.peerings.private.clone())
        );
        // A bad entry is refused with a message and changes nothing.
        let revision = h.state().history.revision();
        let field = h.get_all_by_value("65010").next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value("65010")
            .next()
            .unwrap()
            .type_text("sixty");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(h.state().history.revision(), revision);
        assert!(h.query_by_label_contains("is not a whole number").is_some());
    }

    fn er(h: &Harness<'static, DesignerApp>, id: &str) -> crate::model::ExpressRouteCircuit {
        h.state()
            .design
            .link(&id.into())
            .and_then(|l| l.as_er())
            .cloned()
            .expect("an ExpressRoute circuit")
    }

    #[test]
    fn microsoft_peering_and_global_reach_are_set_in_the_inspector() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["er-dc2".into()];
        h.run_steps(2);
        h.get_by_label("Microsoft peering").click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").peerings.microsoft.is_some());
        h.get_by_label("  Route filter attached").click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").peerings.microsoft.unwrap().route_filter);

        // The other circuit is at another peering location: offered for Global Reach.
        h.get_by_label_contains("ER Chicago (Chicago)").click();
        h.run_steps(2);
        assert_eq!(er(&h, "er-dc2").global_reach, vec!["er-ch1".into()]);
        // Seen from the partner, the pair is joined too; leaving it there clears both sides.
        h.state_mut().selection = vec!["er-ch1".into()];
        h.run_steps(2);
        let revision = h.state().history.revision();
        h.get_by_label_contains("ER Washington DC (Washington DC)")
            .click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").global_reach.is_empty());
        assert!(er(&h, "er-ch1").global_reach.is_empty());
        assert_eq!(h.state().history.revision(), revision + 1, "one undo step");
    }

    #[test]
    fn er_direct_ports_and_metro_are_chosen_from_what_the_location_offers() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        // Amsterdam offers ExpressRoute Direct: add a 10 Gbps port pair to the facility.
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Add 10 Gbps port pair").click();
        h.run_steps(2);
        let ports = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .node(&"fac-am5".into())
                .and_then(|n| n.as_facility())
                .map(|f| f.er_direct_ports.clone())
                .unwrap()
        };
        assert_eq!(ports(&h).len(), 1);
        assert_eq!(ports(&h)[0].port_speed_mbps, 10_000);

        // The circuit can now be carved from the port; the provider goes.
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        h.get_by_label("ER Direct erd-1 (10 Gbps)").click();
        h.run_steps(2);
        let c = er(&h, "er-ams");
        assert_eq!(c.direct_port.as_deref(), Some("erd-1"));
        assert!(c.provider.is_empty());

        // A port in use cannot be removed.
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Remove port erd-1").click();
        h.run_steps(2);
        assert_eq!(ports(&h).len(), 1);

        // Metro: only a facility at the documented partner location (Amsterdam2) is offered.
        let mut second = h.state().design.node(&"fac-fra11".into()).unwrap().clone();
        second.id = "fac-ams8".into();
        second.name = "Digital Realty AMS8".into();
        if let crate::model::NodeKind::ColocationFacility(f) = &mut second.kind {
            f.er_peering_location = Some("Amsterdam2".into());
        }
        h.state_mut().apply(crate::edit::Edit::InsertNode {
            index: None,
            node: second,
        });
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        assert!(
            h.query_by_label("Metro with Digital Realty FRA11 Frankfurt")
                .is_none()
        );
        h.get_by_label("Metro with Digital Realty AMS8").click();
        h.run_steps(2);
        assert_eq!(
            er(&h, "er-ams").metro_secondary_facility,
            Some("fac-ams8".into())
        );
    }

    /// The inspector offers exactly what the rules accept (both read `offers`): for each kind of
    /// choice, every value of a wide range is offered as a button if and only if setting it
    /// raises none of the rules that judge that choice.
    #[test]
    fn the_inspector_offers_exactly_what_the_rules_accept() {
        use crate::model::{DxConnectionType, ErSkuTier, Link, LinkKind, VifType};
        const SIZES: [u64; 16] = [
            50, 100, 200, 300, 400, 500, 1_000, 2_000, 5_000, 10_000, 25_000, 40_000, 100_000,
            200_000, 400_000, 800_000,
        ];
        let catalog = Catalog::builtin().unwrap();
        // The values among `universe` shown as buttons labelled `label(v)` for the selected link.
        fn offered<T: Copy>(
            h: &mut Harness<'static, DesignerApp>,
            link: &str,
            universe: &[T],
            label: impl Fn(T) -> String,
        ) -> Vec<T> {
            h.state_mut().selection = vec![link.into()];
            h.run_steps(2);
            universe
                .iter()
                .copied()
                .filter(|&v| h.query_by_label(&label(v)).is_some())
                .collect()
        }
        // The values among `universe` that, set on the link, raise none of `codes` on it.
        let accepted = |h: &Harness<'static, DesignerApp>,
                        link: &str,
                        universe: &[u64],
                        codes: &[&str],
                        set: &dyn Fn(&mut Link, u64)| {
            universe
                .iter()
                .copied()
                .filter(|&v| {
                    let mut design = h.state().design.clone();
                    let l = design
                        .links
                        .iter_mut()
                        .find(|l| l.id.as_str() == link)
                        .unwrap();
                    set(l, v);
                    !crate::rules::check(&design, &catalog)
                        .items
                        .iter()
                        .any(|f| codes.contains(&f.code) && f.subjects.iter().any(|s| s == link))
                })
                .collect::<Vec<_>>()
        };
        let edit = |h: &mut Harness<'static, DesignerApp>, link: &str, f: &dyn Fn(&mut Link)| {
            let mut l = h.state().design.link(&link.into()).unwrap().clone();
            f(&mut l);
            h.state_mut()
                .apply(crate::edit::Edit::ReplaceLink { link: l });
            h.run_steps(2);
        };
        let er_bandwidth = |l: &mut Link, v: u64| {
            if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                c.bandwidth_mbps = v;
            }
        };
        let er_codes = ["ER001", "ER002", "ER003"];

        // ExpressRoute: a provider circuit, Standard then Local, then on an ER Direct port.
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        for tier in [ErSkuTier::Standard, ErSkuTier::Local] {
            edit(&mut h, "er-ams", &|l| {
                if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                    c.sku_tier = tier;
                }
            });
            let shown = offered(&mut h, "er-ams", &SIZES, crate::model::mbps);
            assert!(!shown.is_empty());
            assert_eq!(
                shown,
                accepted(&h, "er-ams", &SIZES, &er_codes, &er_bandwidth),
                "{tier:?} circuit"
            );
        }
        edit(&mut h, "er-ams", &|l| {
            if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                c.sku_tier = ErSkuTier::Standard;
            }
        });
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Add 10 Gbps port pair").click();
        h.run_steps(2);
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        h.get_by_label("ER Direct erd-1 (10 Gbps)").click();
        h.run_steps(2);
        let shown = offered(&mut h, "er-ams", &SIZES, crate::model::mbps);
        assert_eq!(shown, [1_000, 2_000, 5_000, 10_000]);
        assert_eq!(
            shown,
            accepted(&h, "er-ams", &SIZES, &er_codes, &er_bandwidth),
            "circuit on a 10 Gbps ER Direct port"
        );

        // Direct Connect: dedicated at its location, hosted; LAG sizes; VIF MTUs.
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let dx_capacity = |l: &mut Link, v: u64| {
            if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                c.capacity_mbps = v;
            }
        };
        for kind in [DxConnectionType::Dedicated, DxConnectionType::Hosted] {
            edit(&mut h, "dx-dc2-a", &|l| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.connection_type = kind;
                    c.lag_members = 1;
                }
            });
            let shown = offered(&mut h, "dx-dc2-a", &SIZES, crate::model::mbps);
            assert!(!shown.is_empty());
            assert_eq!(
                shown,
                accepted(
                    &h,
                    "dx-dc2-a",
                    &SIZES,
                    &["DX001", "DX002", "DX003"],
                    &dx_capacity
                ),
                "{kind:?} connection"
            );
        }
        edit(&mut h, "dx-dc2-a", &|l| {
            if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                c.connection_type = DxConnectionType::Dedicated;
                c.capacity_mbps = 10_000;
            }
        });
        let members: Vec<u64> = (1..=10).collect();
        let lag_label = |m: u64| {
            if m == 1 {
                "no LAG".to_string()
            } else {
                format!("LAG × {m}")
            }
        };
        let shown = offered(&mut h, "dx-dc2-a", &members, lag_label);
        assert_eq!(
            shown,
            accepted(&h, "dx-dc2-a", &members, &["DX007"], &|l, m| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.lag_members = m as u32;
                }
            }),
            "LAG members at 10 Gbps"
        );
        let mtus: Vec<u64> = vec![576, 1500, 8500, 9000, 9001];
        for vif_type in [VifType::Private, VifType::Transit] {
            edit(&mut h, "dx-dc2-a", &|l| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.vifs.truncate(1);
                    c.vifs[0].vif_type = vif_type;
                    c.vifs[0].mtu = 1500;
                }
            });
            let shown = offered(&mut h, "dx-dc2-a", &mtus, |m| format!("MTU {m}"));
            assert_eq!(
                shown,
                accepted(&h, "dx-dc2-a", &mtus, &["DX014"], &|l, m| {
                    if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                        c.vifs[0].mtu = m as u32;
                    }
                }),
                "{vif_type:?} VIF"
            );
        }
    }

    #[test]
    fn vifs_are_added_and_removed_with_the_types_the_gateway_takes() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["dx-dc2-a".into()];
        h.run_steps(2);
        // A Direct Connect gateway on a Transit Gateway takes transit VIFs, not private ones.
        assert!(h.query_by_label("Add private VIF").is_none());
        let vifs = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .link(&"dx-dc2-a".into())
                .and_then(|l| l.as_dx())
                .map(|c| c.vifs.clone())
                .unwrap()
        };
        let before = vifs(&h);
        h.get_by_label("Add transit VIF").click();
        h.run_steps(2);
        let after = vifs(&h);
        assert_eq!(after.len(), before.len() + 1);
        let added = after.last().unwrap();
        assert!(
            before.iter().all(|v| v.vlan != added.vlan),
            "a VLAN of its own"
        );
        let name = added.name.clone();
        h.get_by_label(&format!("Remove VIF {name}")).click();
        h.run_steps(2);
        assert_eq!(vifs(&h), before);
    }

    #[test]
    fn a_facility_text_property_is_one_edit_when_the_field_is_left() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        let facility = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .node(&"fac-am5".into())
                .and_then(|n| n.as_facility())
                .cloned()
                .unwrap()
        };
        let before = facility(&h);
        let revision = h.state().history.revision();
        let field = h.get_all_by_value(&before.operator).next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value(&before.operator)
            .next()
            .unwrap()
            .type_text("Equinix EMEA");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        let after = facility(&h);
        assert_eq!(after.operator, "Equinix EMEA");
        assert_eq!(after.metro, before.metro, "only the field edited changes");
        assert_eq!(h.state().history.revision(), revision + 1);
    }
}

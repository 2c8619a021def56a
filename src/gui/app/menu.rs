//! The menu bar and the Help window, from the command table (`commands.rs`).

use super::commands::{COMMANDS, Command, GESTURES};
use super::*;

impl DesignerApp {
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, Command::New);
                self.menu_item(ui, Command::Open);
                ui.menu_button("Open Recent", |ui| {
                    if self.recent.is_empty() {
                        ui.weak("no recent files");
                    }
                    for p in self.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.request(Pending::Open(p), &ctx);
                        }
                    }
                });
                self.menu_item(ui, Command::Save);
                self.menu_item(ui, Command::SaveAs);
                ui.separator();
                ui.menu_button("Import", |ui| {
                    for command in [
                        Command::ImportTerraform,
                        Command::ImportAzure,
                        Command::ImportAws,
                    ] {
                        let label = self.command_label(command);
                        let short = label.strip_prefix("Import ").unwrap_or(&label).to_owned();
                        self.menu_item_as(ui, command, short);
                    }
                });
                ui.separator();
                self.menu_item(ui, Command::ExportReport);
                self.menu_item(ui, Command::ExportOptionsReport);
                ui.menu_button("Report paper", |ui| {
                    use crate::report::Paper;
                    ui.radio_value(&mut self.report_paper, Paper::A4, "A4");
                    ui.radio_value(&mut self.report_paper, Paper::Letter, "Letter");
                });
                self.menu_item(ui, Command::ExportDiagram);
                self.menu_item(ui, Command::ExportTerraform);
                ui.separator();
                self.menu_item(ui, Command::DesignProperties);
                ui.separator();
                self.menu_item(ui, Command::Quit);
            });
            ui.menu_button("Edit", |ui| {
                for command in [
                    Command::Undo,
                    Command::Redo,
                    Command::Delete,
                    Command::Cut,
                    Command::Copy,
                    Command::Paste,
                    Command::SelectAll,
                ] {
                    self.menu_item(ui, command);
                }
            });
            ui.menu_button("Arrange", |ui| {
                self.menu_item(ui, Command::ArrangeTiers);
                self.menu_item(ui, Command::ArrangeOrganic);
                ui.separator();
                for command in [
                    Command::AlignLeft,
                    Command::AlignCentre,
                    Command::AlignRight,
                    Command::AlignTop,
                    Command::AlignMiddle,
                    Command::AlignBottom,
                ] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                self.menu_item(ui, Command::DistributeHorizontally);
                self.menu_item(ui, Command::DistributeVertically);
            });
            ui.menu_button("View", |ui| {
                self.menu_item(ui, Command::Palette);
                ui.separator();
                for command in [Command::Fit, Command::ZoomIn, Command::ZoomOut] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                self.panel_toggles_ui(ui);
                ui.separator();
                ui.checkbox(&mut self.view.show_grid, "Grid");
                ui.checkbox(&mut self.snap_to_grid, "Snap to grid");
                ui.checkbox(&mut self.layers.legend, "Legend");
                ui.checkbox(
                    &mut self.layers.groups,
                    "Groups (metros, clouds, on-premises)",
                );
                ui.checkbox(&mut self.layers.minimap, "Minimap");
                let dark = ui.visuals().dark_mode;
                if ui
                    .button(if dark { "Light theme" } else { "Dark theme" })
                    .clicked()
                {
                    self.run(Command::ToggleTheme, &ctx);
                }
            });
            ui.menu_button("Help", |ui| {
                self.menu_item(ui, Command::Palette);
                ui.separator();
                self.menu_item(ui, Command::ShortcutsHelp);
                self.menu_item(ui, Command::RulesHelp);
                self.menu_item(ui, Command::About);
            });
        });
    }

    pub(super) fn help_ui(&mut self, ctx: &egui::Context) {
        let Some(help) = self.help else { return };
        let mut open = true;
        let title = match help {
            Help::Shortcuts => "Keyboard shortcuts",
            Help::Rules => "Rules reference",
            Help::About => "About linkwright",
        };
        egui::Window::new(title)
            .open(&mut open)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .default_width(640.0)
            .show(ctx, |ui| match help {
                Help::Shortcuts => {
                    for row in COMMANDS.iter().filter(|r| !r.keys.is_empty()) {
                        let keys: Vec<String> =
                            row.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
                        ui.horizontal(|ui| {
                            ui.strong(keys.join(" / "));
                            ui.label(row.help);
                        });
                    }
                    for (keys, what) in GESTURES {
                        ui.horizontal(|ui| {
                            ui.strong(*keys);
                            ui.label(*what);
                        });
                    }
                }
                Help::Rules => {
                    egui::ScrollArea::vertical()
                        .max_height(420.0)
                        .show(ui, |ui| {
                            for r in crate::rules::RULES {
                                ui.label(format!(
                                    "{} {} ({}) — {}",
                                    r.code,
                                    r.name,
                                    r.default_severity.label(),
                                    r.summary
                                ));
                            }
                        });
                }
                Help::About => {
                    ui.label(format!("linkwright {}", env!("CARGO_PKG_VERSION")));
                    ui.label("Catalog (source, as of, confidence):");
                    for p in &self.catalog.provenance {
                        ui.label(format!(
                            "  {}: {} {} [{}]",
                            p.part, p.source, p.as_of, p.confidence
                        ));
                    }
                }
            });
        if !open {
            self.help = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::app;
    use crate::gui::test_support::*;
    use crate::model::{NodeKindTag, Point};
    use eframe::egui;
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
        h.state_mut().help = Some(app::Help::Shortcuts);
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

    /// Undo and Redo name the step they undo and redo; Paste is greyed out until something
    /// is copied.
    #[test]
    fn undo_and_redo_name_their_step_and_paste_waits_for_a_copy() {
        use egui_kittest::kittest::NodeT;
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        // Opens the Edit menu afresh (closing it first if open), so it shows the state now.
        let open_edit = |h: &mut egui_kittest::Harness<'static, app::DesignerApp>| {
            if h.query_by_label("Select All Ctrl+A").is_some() {
                h.get_by_label("Edit").click();
                h.run_steps(1);
            }
            h.get_by_label("Edit").click();
            h.run_steps(1);
        };
        open_edit(&mut h);
        assert!(
            h.get_by_label("Paste Ctrl+V")
                .accesskit_node()
                .is_disabled()
        );
        assert!(h.get_by_label("Undo Ctrl+Z").accesskit_node().is_disabled());
        h.state_mut().selection = vec!["site-nyc".into(), "site-chi".into()];
        h.state_mut().copy();
        h.state_mut().delete_selection();
        assert!(h.state().enabled(crate::gui::app::commands::Command::Paste));
        open_edit(&mut h);
        h.run_steps(1);
        assert!(
            !h.get_by_label("Paste Ctrl+V")
                .accesskit_node()
                .is_disabled()
        );
        h.get_by_label("Undo delete of 2 nodes Ctrl+Z").click();
        h.run_steps(2);
        open_edit(&mut h);
        h.get_by_label("Redo delete of 2 nodes Ctrl+Shift+Z")
            .click();
        h.run_steps(2);
        assert!(h.state().design.node(&"site-nyc".into()).is_none());
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

    /// Steps the window until the export running on its thread has finished.
    fn wait_for_export(h: &mut egui_kittest::Harness<'static, app::DesignerApp>) {
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if !h.state().exporting() {
                break;
            }
        }
        assert!(!h.state().exporting(), "the export finished");
    }

    #[test]
    fn export_diagram_through_the_file_menu_writes_the_drawing_as_svg_or_png() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("topology.svg");
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(svg.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export diagram…").click();
        h.run_steps(1);
        wait_for_export(&mut h);
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.starts_with("exported the diagram to"), "{message}");
        // The same drawing as `linkwright diagram`: a group per node, named.
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(
            text.starts_with("<svg") || text.starts_with("<?xml"),
            "{text}"
        );
        for node in &h.state().design.nodes {
            assert!(
                text.contains(&format!("data-id=\"{}\"", node.id)),
                "{}",
                node.id
            );
        }
        // Without a desktop portal the in-app browser asks, beside the design, with its name.
        let design = dir.path().join("topology.json");
        h.state_mut().save_to(&design);
        std::fs::remove_file(&svg).unwrap();
        h.state_mut().picker = std::sync::Arc::new(StubPicker(None));
        h.state_mut()
            .start_dialog(crate::gui::dialogs::Purpose::ExportDiagram);
        wait(&mut h);
        h.get_by_label_contains("Export diagram");
        h.get_by_label("Export").click();
        h.run_steps(1);
        wait_for_export(&mut h);
        assert!(std::fs::read_to_string(&svg).unwrap().contains("data-id="));
        // A .png is a PNG.
        let png = dir.path().join("topology.png");
        h.state_mut().export_diagram_to(&png);
        wait_for_export(&mut h);
        let bytes = std::fs::read(&png).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG file");
        // A name that says no format is refused with the reason, and nothing is written.
        let odd = dir.path().join("topology.jpg");
        h.state_mut().export_diagram_to(&odd);
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.contains(".svg or .png"), "{message}");
        assert!(!odd.exists());
    }

    #[test]
    fn design_properties_are_edited_in_one_window_and_undone_in_one_step() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.info();
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Design properties…").click();
        h.run_steps(2);
        assert!(h.state().properties.is_some(), "the window is open");
        // Type into the fields as a user would, found by their labels.
        use egui::accesskit::Role;
        for (label, text) in [("Organisation", "Contoso Networks"), ("Version", "2.0")] {
            h.get_by_role_and_label(Role::TextInput, label).click();
            h.run_steps(1);
            h.get_by_role_and_label(Role::TextInput, label)
                .type_text(text);
            h.run_steps(1);
        }
        h.get_by_label("OK").click();
        h.run_steps(2);
        assert!(h.state().properties.is_none(), "OK closes the window");
        let after = h.state().design.info();
        assert_eq!(after.organisation, "Contoso Networks");
        assert_eq!(after.version, "2.0");
        assert_eq!(after.name, before.name);
        assert!(
            h.state().title().contains(&before.name),
            "{}",
            h.state().title()
        );
        h.state_mut().undo();
        assert_eq!(
            h.state().design.info(),
            before,
            "one undo restores every property"
        );
        // Cancel changes nothing.
        h.state_mut().properties = Some(crate::model::Info {
            version: "9".into(),
            ..before.clone()
        });
        h.run_steps(1);
        h.get_by_label("Cancel").click();
        h.run_steps(2);
        assert_eq!(h.state().design.info(), before);
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
        h.run_steps(1);
        wait_for_export(&mut h);
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

    /// A name ending in .html gets the web page, written by the same core function as the
    /// command line's; another extension is refused with a message and writes nothing.
    #[test]
    fn export_report_as_a_web_page_or_refused_by_its_extension() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("stakeholders.html");
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(page.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export report…").click();
        h.run_steps(1);
        wait_for_export(&mut h);
        let html = std::fs::read_to_string(&page).expect("the page is written");
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Dual-cloud enterprise"));
        let text = dir.path().join("stakeholders.txt");
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(text.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export report…").click();
        h.run_steps(2);
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.contains(".pdf, .html or .htm"), "{message}");
        assert!(!text.exists());
    }

    /// A picker that opens one file and writes another (the options report's two questions).
    struct TwoPaths {
        open: std::path::PathBuf,
        report: std::path::PathBuf,
    }

    impl crate::gui::dialogs::FilePicker for TwoPaths {
        fn pick_open(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            Some(self.open.clone())
        }
        fn pick_save(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            None
        }
        fn pick_report(&self, suggested: &std::path::Path) -> Option<std::path::PathBuf> {
            assert!(
                suggested.to_string_lossy().ends_with("-options.pdf"),
                "{suggested:?}"
            );
            Some(self.report.clone())
        }
        fn pick_diagram(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            None
        }
    }

    /// File → Export options report… asks for a second design, then where to write: the
    /// report compares the two on its options page, as `report --compare` does; the next plain
    /// export has no options page; a broken second design is said and nothing is written.
    #[test]
    fn export_options_report_compares_with_a_second_design() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("options.html");
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().picker = std::sync::Arc::new(TwoPaths {
            open: "designs/europe-azure-two-locations.json".into(),
            report: page.clone(),
        });
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export options report…").click();
        for _ in 0..20 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        wait_for_export(&mut h);
        let html = std::fs::read_to_string(&page).expect("the report is written");
        assert!(html.contains("Options compared"), "the options page");
        let other = crate::design_file::load(std::path::Path::new(
            "designs/europe-azure-two-locations.json",
        ))
        .unwrap();
        assert!(html.contains(&other.name), "{} named", other.name);
        // The comparison was for that report only.
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(page.clone())));
        h.state_mut().export_report_to(&page);
        wait_for_export(&mut h);
        assert!(
            !std::fs::read_to_string(&page)
                .unwrap()
                .contains("Options compared")
        );
        // A broken second design: said, and nothing exported.
        let broken = dir.path().join("broken.json");
        std::fs::write(&broken, "{ \"format\": ").unwrap();
        let report = dir.path().join("never.pdf");
        h.state_mut().picker = std::sync::Arc::new(TwoPaths {
            open: broken,
            report: report.clone(),
        });
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Export options report…").click();
        for _ in 0..20 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.starts_with("cannot compare with"), "{message}");
        assert!(!report.exists());
    }

    /// View → Dark theme and Light theme switch back and forth, as often as asked, and the
    /// exports follow the theme shown.
    #[test]
    fn the_theme_switches_both_ways_every_time() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.run_steps(2);
        let start = h.state().dark_mode;
        for round in 1..=4 {
            h.get_by_label("View").click();
            h.run_steps(1);
            h.get_by_label(if h.state().dark_mode {
                "Light theme"
            } else {
                "Dark theme"
            })
            .click();
            h.run_steps(2);
            assert_eq!(
                h.state().dark_mode,
                start ^ (round % 2 == 1),
                "round {round}"
            );
            let ctx = h.ctx.clone();
            assert_eq!(ctx.theme() == egui::Theme::Dark, h.state().dark_mode);
        }
    }

    fn positions(h: &egui_kittest::Harness<'static, crate::gui::DesignerApp>) -> Vec<Point> {
        h.state().design.nodes.iter().map(|n| n.position).collect()
    }

    /// Open the Arrange menu (its first frame is a sizing pass, in which every entry reads
    /// as disabled).
    fn open_arrange(h: &mut egui_kittest::Harness<'static, crate::gui::DesignerApp>) {
        h.get_by_label("Arrange").click();
        h.run_steps(3);
    }

    /// Arrange → Tiers puts sites, facilities and regions in columns left to right, with no
    /// two footprints overlapping, as one step: one Undo puts every node back.
    #[test]
    fn arrange_tiers_moves_every_node_and_one_undo_puts_them_back() {
        use crate::arrange::footprint::overlapping;
        let mut h = harness(app_with("designs/flawed-design.json"));
        let before = h.state().design.clone();
        let revision = h.state().history.revision();
        open_arrange(&mut h);
        h.get_by_label("Tiers").click();
        h.run_steps(2);
        let after = h.state().design.clone();
        let moved = before
            .nodes
            .iter()
            .zip(&after.nodes)
            .filter(|(a, b)| a.position != b.position)
            .count();
        assert_eq!(moved, before.nodes.len());
        assert_eq!(h.state().history.revision(), revision + 1, "one step");
        let x = |id: &str| after.node(&id.into()).unwrap().position.x;
        assert!(x("site-par") < x("fac-pa4") && x("fac-pa4") < x("az-frc"));
        assert_eq!(overlapping(&after.nodes), vec![]);
        let message = h.state().message.clone().unwrap_or_default();
        assert!(
            message.contains("Arrange, Tiers: moved 9 nodes"),
            "{message}"
        );
        h.get_by_label("Edit").click();
        h.run_steps(1);
        // Undo names the step it undoes.
        h.get_by_label("Undo move of 9 nodes Ctrl+Z").click();
        h.run_steps(2);
        assert_eq!(h.state().design, before, "every position back");
    }

    #[test]
    fn arrange_organic_leaves_no_overlaps_and_one_undo_puts_every_node_back() {
        use crate::arrange::footprint::overlapping;
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        open_arrange(&mut h);
        h.get_by_label("Organic").click();
        h.run_steps(2);
        assert_ne!(
            positions(&h),
            before.nodes.iter().map(|n| n.position).collect::<Vec<_>>()
        );
        assert_eq!(overlapping(&h.state().design.nodes), vec![]);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(2);
        assert_eq!(h.state().design, before);
    }

    /// Align needs two selected nodes and Distribute three: greyed out (and doing nothing)
    /// with fewer; each is one step.
    #[test]
    fn align_and_distribute_the_selected_nodes() {
        use egui_kittest::kittest::NodeT as _;
        let mut h = harness(app_with("designs/flawed-design.json"));
        let before = h.state().design.clone();
        open_arrange(&mut h);
        assert!(h.get_by_label("Align left").accesskit_node().is_disabled());
        assert!(
            h.get_by_label("Distribute vertically")
                .accesskit_node()
                .is_disabled()
        );
        assert!(!h.get_by_label("Tiers").accesskit_node().is_disabled());
        h.get_by_label("Align left").click();
        h.run_steps(2);
        assert_eq!(h.state().design, before, "a greyed-out entry does nothing");

        // Two nodes: align, not distribute.
        h.state_mut().selection = vec!["fac-pa4".into(), "az-eus".into()];
        h.run_steps(1);
        open_arrange(&mut h);
        assert!(
            h.get_by_label("Distribute vertically")
                .accesskit_node()
                .is_disabled()
        );
        h.get_by_label("Align top").click();
        h.run_steps(2);
        let y = |h: &egui_kittest::Harness<'static, crate::gui::DesignerApp>, id: &str| {
            h.state().design.node(&id.into()).unwrap().position.y
        };
        assert_eq!(y(&h, "fac-pa4"), 0.0);
        assert_eq!(y(&h, "az-eus"), 0.0, "up to the topmost");

        // Three sites at y 0, 500 and 900: the middle one goes to 450.
        h.state_mut().selection = vec!["site-par".into(), "site-sp".into(), "site-orphan".into()];
        h.run_steps(1);
        let revision = h.state().history.revision();
        open_arrange(&mut h);
        h.get_by_label("Distribute vertically").click();
        h.run_steps(2);
        assert_eq!(y(&h, "site-sp"), 450.0);
        assert_eq!((y(&h, "site-par"), y(&h, "site-orphan")), (0.0, 900.0));
        assert_eq!(h.state().history.revision(), revision + 1, "one step");
        h.state_mut().undo();
        assert_eq!(y(&h, "site-sp"), 500.0);
    }
}

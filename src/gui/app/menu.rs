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
                self.menu_item(ui, Command::ExportReport);
                ui.menu_button("Report paper", |ui| {
                    use crate::report::Paper;
                    ui.radio_value(&mut self.report_paper, Paper::A4, "A4");
                    ui.radio_value(&mut self.report_paper, Paper::Letter, "Letter");
                });
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
            ui.menu_button("View", |ui| {
                for command in [Command::Fit, Command::ZoomIn, Command::ZoomOut] {
                    self.menu_item(ui, command);
                }
                ui.checkbox(&mut self.view.show_grid, "Grid");
                ui.checkbox(&mut self.snap_to_grid, "Snap to grid");
                let dark = ui.visuals().dark_mode;
                if ui
                    .button(if dark { "Light theme" } else { "Dark theme" })
                    .clicked()
                {
                    ui.ctx().set_visuals(if dark {
                        egui::Visuals::light()
                    } else {
                        egui::Visuals::dark()
                    });
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    self.help = Some(Help::Shortcuts);
                }
                if ui.button("Rules reference").clicked() {
                    self.help = Some(Help::Rules);
                }
                if ui.button("About").clicked() {
                    self.help = Some(Help::About);
                }
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

//! The menu bar, the keyboard shortcuts and the Help window.

use super::*;

impl DesignerApp {
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("New").clicked() {
                    self.request(Pending::New, &ctx);
                }
                if ui.button("Open…").clicked() {
                    self.start_dialog(crate::gui::dialogs::Purpose::Open);
                }
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
                if ui.button("Save").clicked() {
                    self.save();
                }
                if ui.button("Save As…").clicked() {
                    self.start_dialog(crate::gui::dialogs::Purpose::SaveAs);
                }
                ui.separator();
                if ui
                    .add_enabled(self.export.is_none(), egui::Button::new("Export report…"))
                    .clicked()
                {
                    self.start_dialog(crate::gui::dialogs::Purpose::ExportReport);
                }
                ui.menu_button("Report paper", |ui| {
                    use crate::report::Paper;
                    ui.radio_value(&mut self.report_paper, Paper::A4, "A4");
                    ui.radio_value(&mut self.report_paper, Paper::Letter, "Letter");
                });
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.request(Pending::Quit, &ctx);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(self.history.can_undo(), egui::Button::new("Undo"))
                    .clicked()
                {
                    self.undo();
                }
                if ui
                    .add_enabled(self.history.can_redo(), egui::Button::new("Redo"))
                    .clicked()
                {
                    self.redo();
                }
                if ui
                    .add_enabled(!self.selection.is_empty(), egui::Button::new("Delete"))
                    .clicked()
                {
                    self.delete_selection();
                }
                if ui
                    .add_enabled(!self.selection.is_empty(), egui::Button::new("Cut"))
                    .clicked()
                {
                    self.copy();
                    self.delete_selection();
                }
                if ui
                    .add_enabled(!self.selection.is_empty(), egui::Button::new("Copy"))
                    .clicked()
                {
                    self.copy();
                }
                if ui.button("Paste").clicked() {
                    self.paste();
                }
                if ui.button("Select All").clicked() {
                    self.select_all();
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit to view").clicked() {
                    self.view.fit_pending = true;
                }
                if ui.button("Zoom in").clicked() {
                    self.view.zoom = (self.view.zoom * 1.25).min(4.0);
                }
                if ui.button("Zoom out").clicked() {
                    self.view.zoom = (self.view.zoom / 1.25).max(0.05);
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

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let redo_z = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let all = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);
        let (copy, paste) = ctx.input_mut(|i| {
            let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::C));
            let paste = i.events.iter().any(|e| matches!(e, egui::Event::Paste(_)))
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::V));
            (copy, paste)
        });
        if !ctx.egui_wants_keyboard_input() {
            if copy {
                self.copy();
            }
            if paste {
                self.paste();
            }
        }
        let typing = ctx.egui_wants_keyboard_input();
        let (redo1, redo2, undo, save, open, all, delete, fit) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&redo_y),
                i.consume_shortcut(&redo_z),
                i.consume_shortcut(&undo),
                i.consume_shortcut(&save),
                i.consume_shortcut(&open),
                !typing && i.consume_shortcut(&all),
                !typing
                    && (i.consume_key(Modifiers::NONE, Key::Delete)
                        || i.consume_key(Modifiers::NONE, Key::Backspace)),
                !typing && i.consume_key(Modifiers::NONE, Key::F),
            )
        });
        let (connect_key, escape) = ctx.input_mut(|i| {
            (
                !typing && i.consume_key(Modifiers::NONE, Key::C),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if connect_key {
            self.connect = ConnectTool {
                active: !self.connect.active,
                ..ConnectTool::default()
            };
        }
        if escape {
            self.connect = ConnectTool::default();
            self.link_chooser = None;
        }
        if redo1 || redo2 {
            self.redo();
        } else if undo {
            self.undo();
        }
        if save {
            self.save();
        }
        if open {
            self.start_dialog(crate::gui::dialogs::Purpose::Open);
        }
        if all {
            self.select_all();
        }
        if delete {
            self.delete_selection();
        }
        if fit {
            self.view.fit_pending = true;
        }
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
                    for (keys, what) in SHORTCUTS {
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

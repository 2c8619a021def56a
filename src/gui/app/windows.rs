//! The windows over the canvas: the in-app file dialog, the recovery offer and the other dialogs.

use super::*;

impl DesignerApp {
    /// Dropped files, the 30-second recovery copy, and the offer to restore one.
    pub(super) fn files_ui(&mut self, ctx: &egui::Context) {
        // Closing the window with unsaved changes asks first, like File → Quit.
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.pending = Some(Pending::Quit);
            } else {
                // Only this window's copy: a copy it is offering stays for the next start.
                self.recovery.remove_own();
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.request(Pending::Open(path), ctx);
        }
        let now = ctx.input(|i| i.time);
        if self.is_dirty() {
            if now - self.last_recovery >= RECOVERY_SECONDS {
                self.last_recovery = now;
                if let Err(e) = self.recovery.write(&self.design, self.path.as_deref()) {
                    self.message = Some(e);
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(RECOVERY_SECONDS));
        }
        self.recovery_ui(ctx, now);
    }

    /// The offer of a copy left by an instance that did not end cleanly: Restore, Discard, or
    /// Later (kept, asked again at the next start). Closing the window is Later too.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context, now: f64) {
        let Some(offer) = self.recovery.offered() else {
            return;
        };
        let work = match &offer.design_file {
            Some(file) => format!("unsaved changes to {}", file.display()),
            None => "a design never saved".to_string(),
        };
        let text = format!(
            "linkwright did not close cleanly. Unsaved work on “{}” was kept: {work}, written {}.",
            offer.design.name,
            crate::gui::recovery::written_words(offer.written, std::time::SystemTime::now())
        );
        let copy = format!("Recovery copy: {}", offer.copy().display());
        let more = self.recovery.more_offers();
        let mut choice = None;
        egui::Window::new("Recover unsaved work?")
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(text);
                ui.weak(copy);
                if more > 0 {
                    ui.label(format!("{more} more {} after this one.", copies(more)));
                }
                ui.horizontal(|ui| {
                    if ui
                        .button("Restore")
                        .on_hover_text("Open the work as an unsaved design; no file is changed")
                        .clicked()
                    {
                        choice = Some(Choice::Restore);
                    }
                    if ui
                        .button("Discard")
                        .on_hover_text("Delete the recovery copy")
                        .clicked()
                    {
                        choice = Some(Choice::Discard);
                    }
                    if ui
                        .button("Later")
                        .on_hover_text("Keep the copy and ask again at the next start")
                        .clicked()
                    {
                        choice = Some(Choice::Later);
                    }
                });
            });
        match choice {
            Some(Choice::Restore) => self.restore_recovered(now),
            Some(Choice::Discard) => {
                if let Err(e) = self.recovery.discard() {
                    self.message = Some(e);
                }
            }
            Some(Choice::Later) => self.recovery.later(),
            None => {}
        }
    }

    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(mut text) = self.open_dialog.take() {
            match path_prompt(
                ctx,
                "Open design",
                "Path of a linkwright design file:",
                "Open",
                &mut text,
            ) {
                Prompt::Go => self.request(Pending::Open(PathBuf::from(text.trim())), ctx),
                Prompt::Keep => self.open_dialog = Some(text),
                Prompt::Cancel => {}
            }
        }
        if let Some(mut text) = self.save_dialog.take() {
            match path_prompt(ctx, "Save design as", "Save to:", "Save", &mut text) {
                Prompt::Go => self.save_to(&PathBuf::from(text.trim())),
                Prompt::Keep => self.save_dialog = Some(text),
                Prompt::Cancel => {}
            }
        }
        if let Some(mut text) = self.export_dialog.take() {
            match path_prompt(
                ctx,
                "Export report",
                "Write the PDF report to:",
                "Export",
                &mut text,
            ) {
                Prompt::Go => self.export_report_to(&PathBuf::from(text.trim())),
                Prompt::Keep => self.export_dialog = Some(text),
                Prompt::Cancel => {}
            }
        }
        if let Some((from, to)) = self.link_chooser.clone() {
            let kinds = match (self.design.node(&from), self.design.node(&to)) {
                (Some(a), Some(b)) => LinkKindTag::valid_between(a.tag(), b.tag()),
                _ => Vec::new(),
            };
            let mut chosen = None;
            let mut cancel = false;
            egui::Window::new("Connect with")
                .collapsible(false)
                .show(ctx, |ui| {
                    for k in &kinds {
                        if ui.button(k.label()).clicked() {
                            chosen = Some(*k);
                        }
                    }
                    cancel = ui.button("Cancel").clicked();
                });
            if let Some(k) = chosen {
                self.link_chooser = None;
                self.add_link(k, from, to);
            } else if cancel || kinds.is_empty() {
                self.link_chooser = None;
            }
        }
        if let Some((code, subjects, mut comment)) = self.accept_dialog.take() {
            let mut keep = true;
            let mut accept = false;
            egui::Window::new(format!("Accept {code} as a risk")).collapsible(false).show(ctx, |ui| {
                ui.label("Why is this acceptable? The comment is saved in the design and shown in reports.");
                ui.text_edit_multiline(&mut comment);
                ui.horizontal(|ui| {
                    accept = ui.add_enabled(!comment.trim().is_empty(), egui::Button::new("Accept risk")).clicked();
                    keep = !ui.button("Cancel").clicked();
                });
            });
            if accept {
                self.exclude(&code, subjects, comment.trim().to_string());
            } else if keep {
                self.accept_dialog = Some((code, subjects, comment));
            }
        }
        if let Some(action) = self.pending.clone() {
            egui::Window::new("Unsaved changes")
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label("The design has unsaved changes.");
                    ui.horizontal(|ui| {
                        if ui.button("Discard changes").clicked() {
                            self.pending = None;
                            self.perform(action.clone(), ctx);
                        }
                        if ui.button("Cancel").clicked() {
                            self.pending = None;
                        }
                    });
                });
        }
    }
}

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
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
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

    /// File → Design properties…: the design's name, author, organisation, version,
    /// confidentiality line and notes, edited together and applied as one undoable edit.
    fn properties_ui(&mut self, ctx: &egui::Context) {
        let Some(mut info) = self.properties.take() else {
            return;
        };
        let mut choice = None;
        egui::Window::new("Design properties")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Grid::new("design-properties")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        for (label, value, hint) in [
                            ("Name", &mut info.name, "shown on the report's cover"),
                            ("Author", &mut info.author, "you, or your team"),
                            ("Organisation", &mut info.organisation, "the company"),
                            ("Version", &mut info.version, "e.g. 1.2"),
                            (
                                "Confidentiality",
                                &mut info.confidentiality,
                                "e.g. Confidential — internal use",
                            ),
                        ] {
                            let name = ui.label(label);
                            ui.add(
                                egui::TextEdit::singleline(value)
                                    .hint_text(hint)
                                    .desired_width(320.0),
                            )
                            .labelled_by(name.id);
                            ui.end_row();
                        }
                        let name = ui.label("Notes");
                        ui.add(egui::TextEdit::multiline(&mut info.notes).desired_width(320.0))
                            .labelled_by(name.id);
                        ui.end_row();
                    });
                ui.label("The report prints these on its cover; the version and the confidentiality line also in every page's footer.");
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        choice = Some(false);
                    }
                });
            });
        match choice {
            Some(true) if info != self.design.info() => {
                self.apply(Edit::SetInfo { info });
            }
            Some(_) => {}
            None => self.properties = Some(info),
        }
    }

    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.properties_ui(ctx);
        if let Some((from, to)) = self.link_chooser.clone() {
            let kinds = match (self.design.node(&from), self.design.node(&to)) {
                (Some(a), Some(b)) => LinkKindTag::valid_between(a.tag(), b.tag()),
                _ => Vec::new(),
            };
            let mut chosen = None;
            let mut cancel = false;
            egui::Window::new("Connect with")
                .collapsible(false)
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
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
            egui::Window::new(format!("Accept {code} as a risk"))
                .collapsible(false)
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ctx, |ui| {
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
    }
}

#[cfg(test)]
mod tests {
    use crate::design_file;
    use crate::gui::test_support::*;
    use crate::gui::{dialogs, files, recovery};
    use crate::model::Design;
    use eframe::egui;
    use egui_kittest::kittest::Queryable;
    use std::path::{Path, PathBuf};

    /// A copy left by a window that crashed: written, then its lock released without a clean
    /// exit (as the system releases it when a process dies).
    fn crashed_copy(dirs: &files::Dirs, design: &Design, design_file: Option<&Path>) -> PathBuf {
        let (mut instance, _) = recovery::Recovery::start(dirs);
        instance.write(design, design_file).unwrap();
        let copy = instance.own_copy().unwrap().to_owned();
        drop(instance);
        copy
    }

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
        // The next copy's prompt settles before the click (a click while it is still being
        // laid out lands on its backdrop).
        h.run_steps(3);
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

    /// Without a desktop portal, Export report opens the in-app browser beside the design,
    /// suggesting the design's name; Export writes the report there.
    #[test]
    fn without_a_desktop_portal_export_opens_the_in_app_browser() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let design = dir.path().join("plan.json");
        h.state_mut().save_to(&design);
        h.state_mut().picker = std::sync::Arc::new(StubPicker(None));
        h.state_mut().start_dialog(dialogs::Purpose::ExportReport);
        wait(&mut h);
        h.get_by_label_contains("Export report");
        h.get_by_label("Export").click();
        let target = dir.path().join("plan.pdf");
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if target.exists() && !h.state().exporting() {
                break;
            }
        }
        assert!(target.exists(), "{:?}", h.state().message);
    }
}

//! The window's own state beside the design — which panels show, the command palette, the
//! in-app file browser, a file that could not be opened, an action waiting for a save — and
//! the two modal questions: unsaved changes (Save, Don't save, Cancel) and a broken file.

use super::*;

/// The window's state that is not the design's (one field of [`DesignerApp`]).
#[derive(Default)]
pub struct Shell {
    pub panels: super::panels::Panels,
    /// The command palette (Ctrl+Shift+P), open with what is typed.
    pub command_palette: Option<super::command_palette::CommandPalette>,
    /// The in-app file browser, used when the desktop has no portal.
    pub browser: Option<super::browser::Browser>,
    /// A design file that could not be opened, shown in a dialog until dismissed.
    pub broken_file: Option<BrokenFile>,
    /// What the unsaved-changes prompt's Save goes on to do once the design is saved (when it
    /// had to ask where first).
    pub after_save: Option<Pending>,
    /// The frames on which the unsaved-changes prompt and the broken-file dialog first showed:
    /// Enter answers them only on a later frame, so the Enter that chose a file in the in-app
    /// browser (which does not consume it) is not also their answer.
    pub prompt_since: Option<u64>,
    pub broken_since: Option<u64>,
}

/// Whether Enter, pressed this frame, may answer a dialog shown since `since` (set on its first
/// frame): not on the frame it appeared.
fn settled(since: &mut Option<u64>, ctx: &egui::Context) -> bool {
    let now = ctx.cumulative_frame_nr();
    *since.get_or_insert(now) < now
}

/// A design file that could not be opened: which, where in it, and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenFile {
    pub path: PathBuf,
    /// Line and column, when the problem has a place in the file.
    pub place: Option<(usize, usize)>,
    /// What was wrong (what was expected), without the file and place.
    pub problem: String,
}

impl BrokenFile {
    pub fn of(path: &Path, error: &design_file::LoadError) -> BrokenFile {
        let problem = match error {
            design_file::LoadError::Invalid { message, .. } => message.clone(),
            other => {
                // The other errors start with the file's name: say it once, in its own line.
                let text = other.to_string();
                let file = format!("{}: ", path.display());
                text.strip_prefix(&file).unwrap_or(&text).to_string()
            }
        };
        BrokenFile {
            path: path.to_owned(),
            place: error.position(),
            problem,
        }
    }
}

/// The user's answer to the unsaved-changes prompt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Save,
    DontSave,
    Cancel,
}

impl DesignerApp {
    /// Whether a modal question or window has the keyboard (the window's shortcuts wait).
    pub(super) fn modal_open(&self) -> bool {
        let shell = &self.shell;
        shell.command_palette.is_some()
            || shell.browser.is_some()
            || shell.broken_file.is_some()
            || self.pending.is_some()
            || self.properties.is_some()
    }

    /// The design was saved where the user chose (Save As, or Save from the unsaved-changes
    /// prompt): go on with what the prompt was asked to do, if it is saved.
    pub(super) fn saved_as(&mut self, path: &Path, ctx: &egui::Context) {
        self.save_to(path);
        let action = self.shell.after_save.take();
        if self.is_dirty() {
            self.not_performed(action, true);
        } else if let Some(action) = action {
            self.perform(action, ctx);
        }
    }

    /// A file dialog (the desktop's or the in-app browser) was cancelled. A cancelled Save As
    /// discards nothing: what waited for it is off too; a cancelled report forgets the design
    /// it was to compare with.
    pub(super) fn dialog_cancelled(&mut self, purpose: crate::gui::dialogs::Purpose) {
        let waiting = self.shell.after_save.take();
        self.not_performed(waiting, false);
        if purpose == crate::gui::dialogs::Purpose::ExportReport {
            self.compare_with = None;
        }
    }

    /// What waited for an answer or a save that did not come (Cancel, a cancelled Save As, a
    /// save that failed) is off. An import says so, since its design goes with it; after a
    /// failed save, after the save's own message.
    pub(super) fn not_performed(&mut self, action: Option<Pending>, after_failed_save: bool) {
        if let Some(Pending::Import(arrival)) = action {
            let said = format!(
                "the design imported from {} was not opened; the design in the window is unchanged",
                arrival.source.label()
            );
            self.message = Some(match self.message.take() {
                Some(before) if after_failed_save => format!("{before}; {said}"),
                _ => said,
            });
        }
    }

    /// Save before going on with `action`: at once when the design has a file, else after Save
    /// As (a cancelled Save As discards nothing and does nothing).
    fn save_then(&mut self, action: Pending, ctx: &egui::Context) {
        match self.path.clone() {
            Some(path) => {
                self.save_to(&path);
                if self.is_dirty() {
                    self.not_performed(Some(action), true);
                } else {
                    self.perform(action, ctx);
                }
            }
            None => {
                self.shell.after_save = Some(action);
                self.start_dialog(super::super::dialogs::Purpose::SaveAs);
            }
        }
    }

    /// "Save changes to “name” before …?" with Save, Don't save and Cancel (Enter saves,
    /// Escape cancels).
    pub(super) fn unsaved_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.pending.clone() else {
            self.shell.prompt_since = None;
            return;
        };
        let settled = settled(&mut self.shell.prompt_since, ctx);
        let before = match &action {
            Pending::New => "starting a new design",
            Pending::Open(_) => "opening another design",
            Pending::Import(_) => "opening the imported design",
            Pending::Quit => "closing",
        };
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("the unsaved design".to_string(), |f| {
                format!("“{}”", f.to_string_lossy())
            });
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::new("unsaved-changes")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading("Unsaved changes");
            ui.label(format!("Save the changes to {name} before {before}?"));
            ui.weak("Your changes are lost if you don't save them.");
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(Answer::Save);
                }
                if ui.button("Don't save").clicked() {
                    answer = Some(Answer::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        let (enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if answer.is_none() && enter && settled {
            answer = Some(Answer::Save);
        }
        if answer.is_none() && (escape || modal.backdrop_response.clicked()) {
            answer = Some(Answer::Cancel);
        }
        match answer {
            Some(Answer::Save) => {
                self.pending = None;
                self.save_then(action, ctx);
            }
            Some(Answer::DontSave) => {
                self.pending = None;
                self.perform(action, ctx);
            }
            Some(Answer::Cancel) => {
                self.pending = None;
                self.not_performed(Some(action), false);
            }
            None => {}
        }
    }

    /// The dialog of a design file that could not be opened: the file, the line and column,
    /// and what was expected there. The design in the window is as it was.
    pub(super) fn broken_file_ui(&mut self, ctx: &egui::Context) {
        if self.shell.broken_file.is_none() {
            self.shell.broken_since = None;
            return;
        }
        let settled = settled(&mut self.shell.broken_since, ctx);
        let Some(broken) = &self.shell.broken_file else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::new("broken-file")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Cannot open the design");
            egui::Grid::new("broken-file-facts")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("File");
                    ui.label(broken.path.display().to_string());
                    ui.end_row();
                    if let Some((line, column)) = broken.place {
                        ui.strong("Where");
                        ui.label(format!("line {line}, column {column}"));
                        ui.end_row();
                    }
                    ui.strong("Problem");
                    ui.label(&broken.problem);
                    ui.end_row();
                });
            ui.weak("The design in the window is unchanged.");
            ui.add_space(6.0);
            if ui.button("OK").clicked() {
                close = true;
            }
        });
        if close
            || modal.should_close()
            || (settled && ctx.input(|i| i.key_pressed(egui::Key::Enter)))
        {
            self.shell.broken_file = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::test_support::*;
    use crate::gui::{app::Pending, dialogs};
    use crate::model::{NodeKindTag, Point};
    use egui_kittest::kittest::Queryable;

    /// A malformed design, from the menu or the command line, opens a dialog that says where
    /// and what; the design in the window keeps its content, revision and saved state.
    #[test]
    fn a_broken_file_shows_where_and_what_and_keeps_the_design() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("broken.json");
        std::fs::write(
            &bad,
            "{\n  \"format\": \"linkwright-design\",\n  \"version\": 1,\n  \"name\": \"x\",\n  \"nodes\": [ oops ]\n}\n",
        )
        .unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let (design, revision) = (h.state().design.clone(), h.state().history.revision());
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(bad.clone())));
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("Open… Ctrl+O").click();
        wait(&mut h);
        h.get_by_label("Cannot open the design");
        h.get_by_label(&bad.display().to_string());
        h.get_by_label("line 5, column 14");
        let problem = h.state().shell.broken_file.clone().unwrap().problem;
        assert!(problem.contains("expected"), "{problem}");
        h.get_by_label(&problem);
        assert_eq!(h.state().design, design);
        assert_eq!(h.state().history.revision(), revision);
        assert!(!h.state().is_dirty());
        assert!(
            h.state()
                .path
                .as_ref()
                .unwrap()
                .ends_with("dual-cloud-ashburn-chicago.json")
        );
        h.get_by_label("OK").click();
        h.run_steps(2);
        assert!(h.query_by_label("Cannot open the design").is_none());
    }

    /// A recent file that has since broken: Open Recent shows the same dialog, and the
    /// unsaved work in the window stays, still unsaved.
    #[test]
    fn a_broken_recent_file_keeps_the_unsaved_work() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("was-fine.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().save_to(&file);
        std::fs::write(
            &file,
            "{ \"format\": \"linkwright-design\", \"version\": 1,",
        )
        .unwrap();
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let (design, revision) = (h.state().design.clone(), h.state().history.revision());
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label_contains("Open Recent").hover();
        h.run_steps(1);
        h.get_by_label(&std::fs::canonicalize(&file).unwrap().display().to_string())
            .click();
        h.run_steps(2);
        // Unsaved changes: asked first; Don't save goes on to open, which fails.
        h.get_by_label("Don't save").click();
        h.run_steps(2);
        h.get_by_label("Cannot open the design");
        assert_eq!(h.state().design, design);
        assert_eq!(h.state().history.revision(), revision);
        assert!(
            h.state().is_dirty(),
            "the work is still unsaved, not marked saved"
        );
    }

    /// Save in the unsaved-changes prompt writes the file and then goes on (here: New).
    #[test]
    fn save_from_the_unsaved_prompt_saves_then_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().save_to(&path);
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let edited = h.state().design.clone();
        h.get_by_label("File").click();
        h.run_steps(1);
        h.get_by_label("New").click();
        h.run_steps(2);
        h.get_by_label_contains("Save the changes to “work.json” before starting a new design?");
        h.get_by_label("Save").click();
        h.run_steps(2);
        assert_eq!(crate::design_file::load(&path).unwrap(), edited);
        assert_eq!(
            h.state().design.name,
            "Untitled design",
            "then the new design"
        );
        assert!(h.state().pending.is_none());
    }

    /// The Enter that brought the prompt up (choosing a file in the in-app browser, which does
    /// not consume it) is not its answer; a later Enter is, and saves.
    #[test]
    fn the_enter_that_brings_the_prompt_up_does_not_answer_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().save_to(&path);
        let saved = std::fs::read(&path).unwrap();
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        h.run_steps(1);
        // The prompt's first frame, with Enter pressed in it.
        h.state_mut().pending = Some(Pending::New);
        h.key_press(egui::Key::Enter);
        h.run_steps(1);
        assert!(h.state().pending.is_some(), "still asking");
        assert_eq!(std::fs::read(&path).unwrap(), saved, "nothing saved");
        h.run_steps(1);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert!(h.state().pending.is_none(), "answered");
        assert_ne!(std::fs::read(&path).unwrap(), saved, "Enter saves");
    }

    /// An untitled design's Save asks where first; cancelling that discards nothing.
    #[test]
    fn save_of_an_untitled_design_asks_where_and_a_cancel_discards_nothing() {
        let mut h = harness(empty_app());
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let edited = h.state().design.clone();
        // The desktop's dialog is cancelled (answers nothing, after a person's pause).
        h.state_mut().picker = std::sync::Arc::new(SlowCancel);
        h.state_mut().pending = Some(Pending::New);
        h.run_steps(1);
        h.get_by_label("Save").click();
        for _ in 0..60 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(h.state().design, edited, "nothing discarded");
        assert!(h.state().is_dirty());
        assert!(h.state().shell.after_save.is_none(), "and nothing pending");

        // Chosen this time: saved there, then the new design.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chosen.json");
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(path.clone())));
        h.state_mut().pending = Some(Pending::New);
        h.run_steps(1);
        h.get_by_label("Save").click();
        wait(&mut h);
        assert_eq!(crate::design_file::load(&path).unwrap(), edited);
        assert_eq!(h.state().design.name, "Untitled design");
    }

    /// An imported design waiting on the unsaved-changes prompt.
    fn imported() -> Pending {
        let design = crate::model::Design {
            name: "Imported from Terraform".into(),
            ..Default::default()
        };
        Pending::Import(std::sync::Arc::new(crate::gui::app::interchange::Arrival {
            source: crate::import::Source::Terraform,
            files: vec!["state.json".into()],
            design,
            nodes: 0,
            links: 0,
            skipped: Vec::new(),
            notes: Vec::new(),
        }))
    }

    /// Save, then a cancelled Save As: the work stays, and the import that waited says it was
    /// not opened (it is not dropped without a word).
    #[test]
    fn an_import_waiting_on_a_cancelled_save_as_says_it_was_not_opened() {
        let mut h = harness(empty_app());
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let edited = h.state().design.clone();
        h.state_mut().picker = std::sync::Arc::new(SlowCancel);
        h.state_mut().pending = Some(imported());
        // The prompt settles where it shows (its text is longer than New's) before the click.
        h.run_steps(3);
        h.get_by_label("Save").click();
        for _ in 0..60 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(h.state().design, edited, "nothing discarded");
        let said = h.state().message.clone().unwrap_or_default();
        assert!(said.contains("was not opened"), "{said}");
    }

    /// Save into a file that cannot be written: the save's own message, then that the import
    /// was not opened; the work stays.
    #[test]
    fn an_import_waiting_on_a_failed_save_says_both() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the design file should be: no save can replace it (not even root's).
        let blocker = dir.path().join("a-folder.json");
        std::fs::create_dir(&blocker).unwrap();
        let mut h = harness(empty_app());
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let edited = h.state().design.clone();
        h.state_mut().path = Some(blocker.clone());
        h.state_mut().pending = Some(imported());
        // The prompt settles where it shows (its text is longer than New's) before the click.
        h.run_steps(3);
        h.get_by_label("Save").click();
        h.run_steps(2);
        assert_eq!(h.state().design, edited, "nothing discarded");
        assert!(h.state().is_dirty());
        let said = h.state().message.clone().unwrap_or_default();
        assert!(
            said.contains("a-folder.json") && said.contains("was not opened"),
            "{said}"
        );
    }

    /// A desktop dialog the user cancels (after longer than an instant).
    struct SlowCancel;
    impl dialogs::FilePicker for SlowCancel {
        fn pick_open(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            None
        }
        fn pick_save(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            std::thread::sleep(std::time::Duration::from_millis(300));
            None
        }
        fn pick_report(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            None
        }
        fn pick_diagram(&self, _: &std::path::Path) -> Option<std::path::PathBuf> {
            None
        }
    }
}

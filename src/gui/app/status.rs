//! The status bar: the file, the analyses' state, the cost and the last message.

use super::*;

impl DesignerApp {
    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        let dirty = self.is_dirty();
        let file = self
            .path
            .as_ref()
            .map_or("unsaved design".to_string(), |p| p.display().to_string());
        let message = self.message.clone();
        let a = self.analyses();
        let (errors, warnings) = (
            a.findings.count(Severity::Error),
            a.findings.count(Severity::Warning),
        );
        let total = crate::gui::cost_label(&a.cost);
        let first_run = a.is_placeholder();
        let analysing = self.analysing();
        ui.horizontal(|ui| {
            if analysing {
                // A large design's analyses run on a thread; the figures beside are the last
                // finished ones until they arrive (none before the first).
                ui.spinner();
                ui.label("analysing…");
                ui.separator();
            }
            if !first_run {
                ui.colored_label(
                    canvas::severity_text_color(ui, Severity::Error),
                    format!("{errors} error(s)"),
                );
                ui.colored_label(
                    canvas::severity_text_color(ui, Severity::Warning),
                    format!("{warnings} warning(s)"),
                );
                ui.separator();
                ui.label(total);
                ui.separator();
            }
            // The GUI's default fonts have no "●": the status bar says it in words.
            ui.label(format!(
                "{file}{}",
                if dirty { " (unsaved changes)" } else { "" }
            ));
            if let Some(m) = message {
                ui.separator();
                ui.label(m);
                if ui.small_button("×").clicked() {
                    self.message = None;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::recovery;
    use crate::gui::test_support::*;
    use egui_kittest::kittest::Queryable;
    use std::path::PathBuf;

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
}

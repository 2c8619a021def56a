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
                    canvas::severity_color(Severity::Error),
                    format!("{errors} error(s)"),
                );
                ui.colored_label(
                    canvas::severity_color(Severity::Warning),
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

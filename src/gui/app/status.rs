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
        let (errors, warnings) = (a.count(Severity::Error), a.count(Severity::Warning));
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
                // In the severity's colour only when there is one: "0 errors" is good news.
                for (severity, count, one, many) in [
                    (Severity::Error, errors, "error", "errors"),
                    (Severity::Warning, warnings, "warning", "warnings"),
                ] {
                    let text = crate::model::count(count, one, many);
                    if count > 0 {
                        ui.colored_label(canvas::severity_text_color(ui, severity), text);
                    } else {
                        ui.label(text);
                    }
                }
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
                // A long message (an export's notes) is cut to the room there is, the whole
                // of it on hover, so the × to dismiss it stays in view.
                let room = (ui.available_width() - 28.0).max(60.0);
                ui.scope(|ui| {
                    ui.set_max_width(room);
                    ui.add(egui::Label::new(&m).truncate()).on_hover_text(&m);
                });
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
    use crate::rules::Severity;
    use eframe::egui;
    use egui_kittest::kittest::Queryable;
    use std::path::PathBuf;

    /// The colour a label was painted in, found by its text.
    fn colour_of(
        h: &egui_kittest::Harness<'static, crate::gui::DesignerApp>,
        text: &str,
    ) -> egui::Color32 {
        fn walk(shape: &egui::Shape, text: &str) -> Option<egui::Color32> {
            match shape {
                egui::Shape::Text(t) if t.galley.text() == text => {
                    t.galley.job.sections.first().map(|s| s.format.color)
                }
                egui::Shape::Vec(shapes) => shapes.iter().find_map(|s| walk(s, text)),
                _ => None,
            }
        }
        h.output()
            .shapes
            .iter()
            .find_map(|c| walk(&c.shape, text))
            .unwrap_or_else(|| panic!("{text} is painted"))
    }

    /// "0 errors" is not in the error colour, "2 errors" is; counts say "1 warning",
    /// "2 warnings".
    #[test]
    fn the_status_bar_counts_in_words_and_colours_only_problems() {
        let error_colours = [
            egui::Color32::from_rgb(240, 100, 100),
            egui::Color32::from_rgb(190, 35, 35),
        ];
        for (app, has_errors) in [
            (empty_app(), false),
            (app_with("designs/flawed-design.json"), true),
        ] {
            let mut h = harness(app);
            h.run_steps(2);
            let (errors, warnings) = {
                let f = &h.state_mut().analyses().findings;
                (f.count(Severity::Error), f.count(Severity::Warning))
            };
            assert_eq!(errors > 0, has_errors);
            let error_text = crate::model::count(errors, "error", "errors");
            h.get_by_label(&error_text);
            h.get_by_label(&crate::model::count(warnings, "warning", "warnings"));
            assert!(!error_text.contains("(s)"));
            let colour = colour_of(&h, &error_text);
            assert_eq!(
                error_colours.contains(&colour),
                has_errors,
                "{error_text}: {colour:?}"
            );
        }
    }

    /// A message longer than the status bar (an export's, an import error's) is cut to the
    /// room there is, whole on hover, and its × stays in the window.
    #[test]
    fn a_long_message_is_cut_and_its_dismiss_button_stays_in_view() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let long = format!(
            "exported Terraform; {}",
            "left out: a long note ".repeat(40)
        );
        h.state_mut().message = Some(long.clone());
        h.run_steps(2);
        let width = h.ctx.content_rect().width();
        let dismiss = h.get_by_label("×").rect();
        assert!(dismiss.max.x <= width, "{dismiss:?} in {width}");
        fn walk(shape: &egui::Shape) -> Option<egui::Rect> {
            match shape {
                egui::Shape::Text(t) if t.galley.text().starts_with("exported Terraform") => {
                    assert!(t.galley.elided, "cut, with an ellipsis");
                    Some(t.galley.rect.translate(t.pos.to_vec2()))
                }
                egui::Shape::Vec(shapes) => shapes.iter().find_map(walk),
                _ => None,
            }
        }
        let shown = h
            .output()
            .shapes
            .iter()
            .find_map(|c| walk(&c.shape))
            .expect("the message is painted");
        assert!(shown.max.x <= dismiss.min.x, "{shown:?} before {dismiss:?}");
        h.get_by_label("×").click();
        h.run_steps(2);
        assert_eq!(h.state().message, None);
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
}

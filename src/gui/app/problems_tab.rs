//! The Problems tab: the active findings (click one to select its elements; Accept… records
//! it as an accepted risk), then the accepted ones.

use super::*;
use crate::gui::analysis::Analyses;

pub(super) fn problems_ui(
    ui: &mut egui::Ui,
    a: &Analyses,
    select: &mut Option<Vec<String>>,
    exclude: &mut Option<(String, Vec<String>)>,
) {
    let row_height = ui.spacing().interact_size.y;
    let active: Vec<&crate::rules::Finding> = a.findings.active().collect();
    let excluded: Vec<&crate::rules::Finding> = a.findings.excluded().collect();
    let rows = active.len()
        + if excluded.is_empty() {
            0
        } else {
            1 + excluded.len()
        };
    super::tabs::rows("problems").show_rows(ui, row_height, rows, |ui, range| {
        for row in range {
            if let Some(f) = active.get(row) {
                ui.horizontal(|ui| {
                    ui.colored_label(canvas::severity_text_color(ui, f.severity), f.code);
                    if ui.link(&f.message).on_hover_text(&f.message).clicked() {
                        *select = Some(f.subjects.clone());
                    }
                    if ui
                        .small_button("Accept…")
                        .on_hover_text("exclude this finding, with a comment")
                        .clicked()
                    {
                        *exclude = Some((f.code.to_string(), f.subjects.clone()));
                    }
                });
            } else if row == active.len() {
                ui.weak("Accepted risks");
            } else if let Some(f) = excluded.get(row - active.len() - 1) {
                ui.weak(format!(
                    "{} {} — {}",
                    f.code,
                    f.message,
                    f.excluded.as_deref().unwrap_or("")
                ));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use crate::model::{NodeKindTag, Point};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn problems_tab_lists_findings_and_idle_frames_do_not_recompute() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let findings = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap());
        let active: Vec<_> = findings.active().collect();
        // The first findings are listed; the list draws only the rows in view, so the last of
        // 54 is not laid out until scrolled to.
        h.get_by_label(&active[0].message);
        assert!(
            h.query_by_label(&active[active.len() - 1].message)
                .is_none()
        );
        let runs = h.state().analysis_runs;
        h.run_steps(5);
        assert_eq!(
            h.state().analysis_runs,
            runs,
            "analyses rerun only when the design changes"
        );
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.run_steps(1);
        assert_eq!(h.state().analysis_runs, runs + 1);
    }

    #[test]
    fn accepting_a_finding_records_it_as_an_excluded_risk() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let open = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .count()
        };
        let before = open(&h);
        h.get_all_by_label("Accept…").next().unwrap().click();
        h.run_steps(2);
        let (code, _, _) = h
            .state()
            .accept_dialog
            .clone()
            .expect("the accept dialog is open");
        h.state_mut().accept_dialog.as_mut().unwrap().2 = "Known; tracked in CHG-1234".into();
        h.run_steps(1);
        h.get_by_label("Accept risk").click();
        h.run_steps(2);
        assert_eq!(open(&h), before - 1);
        let e = h.state().design.settings.exclusions.last().unwrap();
        assert_eq!(
            (e.code.as_str(), e.comment.as_str()),
            (code.as_str(), "Known; tracked in CHG-1234")
        );
        h.state_mut().undo();
        assert_eq!(open(&h), before);
    }
}

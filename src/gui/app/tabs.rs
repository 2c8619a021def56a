//! The bottom tabs: the tab row, and what a click in a tab asks of the window (select, accept
//! a finding, apply a finding's fix). Each tab is a file of its own.

use super::*;

impl DesignerApp {
    pub(super) fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Problems, "Problems");
            ui.selectable_value(&mut self.tab, Tab::Resilience, "Resilience");
            ui.selectable_value(&mut self.tab, Tab::Cost, "Cost");
            ui.selectable_value(&mut self.tab, Tab::Demands, "Demands");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if super::panels::chevron(ui, "⏷", "Hide the tabs (View menu)") {
                    self.shell.panels.tabs = false;
                }
            });
        });
        ui.separator();
        // Below the tab row the tab scrolls as a whole when the panel is short (a small
        // window): the row stays in view, and the panel never grows past its size.
        egui::ScrollArea::vertical()
            .id_salt("tab-content")
            .auto_shrink([false, false])
            .show(ui, |ui| self.tab_content_ui(ui));
    }

    fn tab_content_ui(&mut self, ui: &mut egui::Ui) {
        if self.tab == Tab::Demands {
            self.demands_ui(ui);
            return;
        }
        let mut select: Option<Vec<String>> = None;
        let mut exclude: Option<(String, Vec<String>)> = None;
        let mut fix: Option<Edit> = None;
        self.analyses();
        let Some(a) = self.analyses.as_ref() else {
            return;
        };
        if a.is_placeholder() {
            ui.label(
                "Analysing the design: findings, failure analysis and cost appear here when done.",
            );
            return;
        }
        let mut asked = None;
        // A fix replaces its element as the analysed revision had it: offered only while the
        // findings are the current revision's (a large design's may be an edit behind).
        let current = a.key == self.key();
        // Borrowed, not cloned: the selection can be the whole design.
        match self.tab {
            Tab::Problems => super::problems_tab::problems_ui(
                ui,
                a,
                &self.design,
                current,
                &mut select,
                &mut exclude,
                &mut fix,
            ),
            Tab::Resilience => {
                asked = super::resilience_tab::resilience_ui(
                    ui,
                    a,
                    &self.design,
                    &mut self.demand_table,
                    self.highlight.as_ref(),
                )
            }
            Tab::Cost => {
                super::cost_tab::cost_ui(ui, a, &self.design, &self.selection, &mut self.cost_table)
            }
            Tab::Demands => {} // drawn above
        }
        match asked {
            Some(super::resilience_tab::Asked::Highlight(demand)) => {
                self.highlight =
                    demand.and_then(|d| super::resilience_tab::highlight_of(a, &self.design, &d));
            }
            Some(super::resilience_tab::Asked::Show) => self.show_highlight(),
            Some(super::resilience_tab::Asked::SelectSpofs) => {
                if let Some(h) = &self.highlight {
                    let mut ids: Vec<String> = h.spofs.iter().map(|s| s.to_string()).collect();
                    ids.sort();
                    select = Some(ids);
                }
            }
            None => {}
        }
        if let Some(ids) = select {
            self.center_on(&ids);
            self.selection = ids;
        }
        if let Some((code, subjects)) = exclude {
            self.accept_dialog = Some((code, subjects, String::new()));
        }
        // A rule's fix, as one undo step.
        if let Some(edit) = fix {
            self.apply(edit);
        }
    }
}

impl DesignerApp {
    /// Fit the view to the highlighted demand: its site, its region and its paths' ends.
    fn show_highlight(&mut self) {
        let Some(h) = &self.highlight else {
            return;
        };
        let mut ids: Vec<&str> = h.ends.iter().map(|e| e.as_str()).collect();
        let ends: Vec<&str> = self
            .design
            .links
            .iter()
            .filter(|l| h.links.contains(l.id.as_str()))
            .flat_map(|l| [l.a.as_str(), l.b.as_str()])
            .collect();
        ids.extend(ends);
        let points: Vec<egui::Pos2> = self
            .design
            .nodes
            .iter()
            .filter(|n| ids.contains(&n.id.as_str()))
            .map(|n| egui::pos2(n.position.x as f32, n.position.y as f32))
            .collect();
        if points.is_empty() || !self.view.rect.is_positive() {
            return;
        }
        // Room for the glyphs and names around the nodes, as the whole design's fit leaves.
        let content = egui::Rect::from_points(&points).expand2(egui::vec2(120.0, 60.0));
        self.view.fit(Some(content), self.view.rect);
    }
}

/// A tab's list: only the rows in view are laid out (a 10,000-site design has tens of thousands
/// of findings, demands and cost lines); every row is one line high.
pub(super) fn rows(salt: &str) -> egui::ScrollArea {
    egui::ScrollArea::vertical()
        .id_salt(salt.to_string())
        .auto_shrink([false, false])
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::costing::UserBook;
    use crate::gui::cost_label;
    use crate::gui::test_support::*;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn tabs_agree_with_the_cli() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let catalog = Catalog::builtin().unwrap();
        let design = h.state().design.clone();
        let cost = crate::costing::cost(
            &design,
            &catalog,
            &UserBook::empty(),
            crate::costing::Options::default(),
        );
        h.get_by_label(&cost_label(&cost));
        h.get_by_label("Resilience").click();
        h.run_steps(2);
        let findings = crate::rules::check(&design, &catalog);
        let g = crate::analyses::gateway_indexes(&design, &findings)
            .unwrap()
            .remove(0);
        assert_eq!((g.design_index, g.validated_index), (40, 100));
        assert!(
            h.query_by_label_contains("resiliency index 40 as designed, 100 once validated")
                .is_some()
        );
        h.get_by_label("Cost").click();
        h.run_steps(2);
        assert!(
            h.get_all_by_label(&cost_label(&cost)).count() >= 2,
            "the tab and the status bar show the CLI's total"
        );
        // The built-in book prices ExpressRoute circuits and egress (azure-er-prices.md): the
        // break-even chart is drawn, not replaced by what is missing (in the Charts, folded in
        // the harness's short tabs).
        h.get_by_label("Charts").click();
        h.run_steps(2);
        h.get_by_label("er-dc2: metered vs unlimited");
        assert!(h.query_by_label_contains("cannot be drawn").is_none());
        // The chart follows the selection: the selected circuit's, among other elements.
        h.state_mut().selection = vec!["site-nyc".into(), "er-ch1".into()];
        h.run_steps(2);
        h.get_by_label("er-ch1: metered vs unlimited");
        assert!(h.query_by_label("er-dc2: metered vs unlimited").is_none());
    }
}

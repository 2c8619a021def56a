//! The bottom tabs: the tab row, and what a click in a tab asks of the window (select, accept
//! a finding). Each tab is a file of its own.

use super::*;

impl DesignerApp {
    pub(super) fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Problems, "Problems");
            ui.selectable_value(&mut self.tab, Tab::Resilience, "Resilience");
            ui.selectable_value(&mut self.tab, Tab::Cost, "Cost");
            ui.selectable_value(&mut self.tab, Tab::Demands, "Demands");
        });
        ui.separator();
        if self.tab == Tab::Demands {
            self.demands_ui(ui);
            return;
        }
        let mut select: Option<Vec<String>> = None;
        let mut exclude: Option<(String, Vec<String>)> = None;
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
        // Borrowed, not cloned: the selection can be the whole design.
        match self.tab {
            Tab::Problems => super::problems_tab::problems_ui(ui, a, &mut select, &mut exclude),
            Tab::Resilience => super::resilience_tab::resilience_ui(ui, a, &mut select),
            Tab::Cost => super::cost_tab::cost_ui(ui, a, &self.selection),
            Tab::Demands => {} // drawn above
        }
        if let Some(ids) = select {
            self.center_on(&ids);
            self.selection = ids;
        }
        if let Some((code, subjects)) = exclude {
            self.accept_dialog = Some((code, subjects, String::new()));
        }
    }
}

/// A tab's list: only the rows in view are laid out (a 10,000-site design has tens of thousands
/// of findings, demands and cost lines); every row is one line high.
pub(super) fn rows(salt: &str) -> egui::ScrollArea {
    egui::ScrollArea::vertical()
        .id_salt(salt.to_string())
        .auto_shrink([false, false])
}

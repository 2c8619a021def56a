//! The Cost tab: the total, the cost by category, metered vs unlimited for the selected
//! ExpressRoute circuit, and every line item.

use super::*;
use crate::gui::analysis::Analyses;

pub(super) fn cost_ui(ui: &mut egui::Ui, a: &Analyses, selection: &[String]) {
    let row_height = ui.spacing().interact_size.y;
    ui.label(crate::gui::cost_label(&a.cost));
    ui.horizontal(|ui| {
        crate::gui::charts::cost_by_category_ui(ui, &a.cost);
        // Metered vs unlimited for the selected circuit (else the first).
        let circuit = a
            .what_if
            .express_route
            .iter()
            .find(|c| selection.contains(&c.circuit))
            .or(a.what_if.express_route.first());
        if let Some(c) = circuit {
            ui.vertical(|ui| {
                ui.label(format!("{}: metered vs unlimited", c.circuit));
                crate::gui::charts::break_even_ui(ui, c);
            });
        }
    });
    let items = &a.cost.items;
    super::tabs::rows("cost").show_rows(ui, row_height, items.len(), |ui, range| {
        for i in &items[range] {
            let amount = i.monthly.map_or_else(
                || format!("unpriced ({})", i.unpriced_reason.as_deref().unwrap_or("")),
                crate::model::dollars,
            );
            ui.label(format!("{} — {}: {amount}", i.element, i.description));
        }
    });
}

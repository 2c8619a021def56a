//! The bottom tabs: Problems, Resilience and Cost (Demands has its own file).

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
        let tab = self.tab;
        let mut select: Option<Vec<String>> = None;
        let selection = self.selection.clone();
        let mut exclude: Option<(String, Vec<String>)> = None;
        {
            let a = self.analyses();
            if a.is_placeholder() {
                ui.label("Analysing the design: findings, failure analysis and cost appear here when done.");
                return;
            }
            // Lists show only the rows in view (a 10,000-site design has tens of thousands of
            // findings, demands and cost lines); every row is one line high.
            let row_height = ui.spacing().interact_size.y;
            let scroll = |salt: &str| {
                egui::ScrollArea::vertical()
                    .id_salt(salt.to_string())
                    .auto_shrink([false, false])
            };
            match tab {
                Tab::Problems => {
                    let active: Vec<&crate::rules::Finding> = a.findings.active().collect();
                    let excluded: Vec<&crate::rules::Finding> = a.findings.excluded().collect();
                    let rows = active.len()
                        + if excluded.is_empty() {
                            0
                        } else {
                            1 + excluded.len()
                        };
                    scroll("problems").show_rows(ui, row_height, rows, |ui, range| {
                        for row in range {
                            if let Some(f) = active.get(row) {
                                ui.horizontal(|ui| {
                                    ui.colored_label(canvas::severity_color(f.severity), f.code);
                                    if ui.link(&f.message).on_hover_text(&f.message).clicked() {
                                        select = Some(f.subjects.clone());
                                    }
                                    if ui
                                        .small_button("Accept…")
                                        .on_hover_text("exclude this finding, with a comment")
                                        .clicked()
                                    {
                                        exclude = Some((f.code.to_string(), f.subjects.clone()));
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
                Tab::Resilience => {
                    for g in &a.gateways {
                        let name = g.region.clone();
                        ui.label(format!(
                            "Gateway {name} ({}): resiliency index {} as designed, {} once validated — R {} ({}), Z {} ({}), A {}",
                            g.gateway_sku, g.design_index, g.validated_index, g.r, g.r_reason, g.z, g.z_reason, g.a
                        ));
                    }
                    let demands = &a.resilience.demands;
                    scroll("resilience").show_rows(ui, row_height, demands.len(), |ui, range| {
                        for d in &demands[range] {
                            ui.horizontal(|ui| {
                                ui.label(format!(
                                    "{}: {} — {}; {} of {} required; SPOFs:",
                                    d.demand,
                                    d.model.kind.label(),
                                    d.model.sla.unwrap_or("no SLA"),
                                    mbps(d.intact_mbps),
                                    mbps(d.required_mbps),
                                ));
                                if d.spofs.is_empty() {
                                    ui.label("none");
                                }
                                // Clicking a single point of failure selects it on the canvas.
                                for &i in &d.spofs {
                                    let domain = &a.resilience.domains[i];
                                    if ui.link(&domain.label).clicked() {
                                        select = Some(
                                            domain.members.iter().map(|m| m.to_string()).collect(),
                                        );
                                    }
                                }
                            });
                        }
                    });
                }
                Tab::Demands => {}
                Tab::Cost => {
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
                    scroll("cost").show_rows(ui, row_height, items.len(), |ui, range| {
                        for i in &items[range] {
                            let amount = i.monthly.map_or_else(
                                || {
                                    format!(
                                        "unpriced ({})",
                                        i.unpriced_reason.as_deref().unwrap_or("")
                                    )
                                },
                                crate::model::dollars,
                            );
                            ui.label(format!("{} — {}: {amount}", i.element, i.description));
                        }
                    });
                }
            }
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

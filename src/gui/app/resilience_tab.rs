//! The Resilience tab: each gateway's resiliency index, then one line per demand (click a
//! single point of failure to select it).

use super::*;
use crate::gui::analysis::Analyses;

pub(super) fn resilience_ui(ui: &mut egui::Ui, a: &Analyses, select: &mut Option<Vec<String>>) {
    let row_height = ui.spacing().interact_size.y;
    for g in &a.gateways {
        let name = g.region.clone();
        ui.label(format!(
                "Gateway {name} ({}): resiliency index {} as designed, {} once validated — R {} ({}), Z {} ({}), A {}",
                g.gateway_sku, g.design_index, g.validated_index, g.r, g.r_reason, g.z, g.z_reason, g.a
            ));
    }
    let demands = &a.resilience.demands;
    super::tabs::rows("resilience").show_rows(ui, row_height, demands.len(), |ui, range| {
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
                        *select = Some(domain.members.iter().map(|m| m.to_string()).collect());
                    }
                }
            });
        }
    });
}

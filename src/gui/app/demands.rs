//! The Demands tab: one row per demand, edited in place, only the rows in view laid out.

use super::*;
use crate::gui::inspector::{Buffers, bandwidth_options, choice_row};
use crate::gui::scene::Scene;

impl DesignerApp {
    /// The Demands tab: what each site needs from each cloud region.
    pub(super) fn demands_ui(&mut self, ui: &mut egui::Ui) {
        self.add_demand_ui(ui);
        // Only the rows in view are laid out (a 10,000-site design has 20,000 demands), and
        // node names come from the scene's index, not a scan of the nodes per row.
        self.ensure_scene();
        let row_height = ui.spacing().interact_size.y + 2.0;
        let rows = self.design.demands.len();
        let mut table = DemandRows {
            design: &self.design,
            scene: self.scene.as_ref(),
            buffers: &mut self.buffers,
        };
        let mut edit = None;
        egui::ScrollArea::vertical()
            .id_salt("demands")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows, |ui, range| {
                egui::Grid::new("demands")
                    .striped(true)
                    .min_row_height(row_height)
                    .show(ui, |ui| edit = table.grid_ui(ui, range));
            });
        if let Some(e) = edit {
            self.apply(e);
        }
    }

    /// "Add demand": a new demand from the selected site to the selected cloud region (100 Mbps,
    /// medium criticality); offered when both are selected.
    fn add_demand_ui(&mut self, ui: &mut egui::Ui) {
        let selected_site = self
            .selection
            .iter()
            .find(|id| {
                self.design
                    .node(&id.as_str().into())
                    .is_some_and(|n| n.as_site().is_some())
            })
            .cloned();
        let selected_region = self
            .selection
            .iter()
            .find(|id| {
                self.design
                    .node(&id.as_str().into())
                    .is_some_and(|n| n.as_azure().is_some() || n.as_aws().is_some())
            })
            .cloned();
        let can_add = selected_site.is_some() && selected_region.is_some();
        let clicked = ui
            .add_enabled(
                can_add,
                egui::Button::new("Add demand (selected site to selected region)"),
            )
            .clicked();
        if let (true, Some(site), Some(region)) = (clicked, selected_site, selected_region) {
            let id = self.fresh_id("d");
            self.apply(Edit::InsertDemand {
                index: None,
                demand: Demand {
                    id: id.into(),
                    site: site.into(),
                    region: region.into(),
                    required_mbps: 100,
                    egress_gb_per_month: 0,
                    criticality: Criticality::Medium,
                    target_resiliency: None,
                    notes: String::new(),
                },
            });
        }
    }
}

/// What the demand rows read and write: the design, the scene (for node names) and the text
/// being typed.
struct DemandRows<'a> {
    design: &'a Design,
    scene: Option<&'a Scene>,
    buffers: &'a mut Buffers,
}

/// The choices every row offers: the usual speeds, the resiliency targets and criticalities.
struct DemandChoices {
    speeds: Vec<(u64, String)>,
    targets: [(Option<ResiliencyTarget>, String); 4],
    levels: [(Criticality, String); 4],
}

impl DemandChoices {
    fn new() -> DemandChoices {
        DemandChoices {
            speeds: bandwidth_options(&[100, 500, 1_000, 2_000, 10_000]),
            targets: [
                (None, "none"),
                (Some(ResiliencyTarget::Standard), "Standard"),
                (Some(ResiliencyTarget::High), "High"),
                (Some(ResiliencyTarget::Maximum), "Maximum"),
            ]
            .map(|(t, label)| (t, label.to_string())),
            levels: [
                (Criticality::Low, "low"),
                (Criticality::Medium, "medium"),
                (Criticality::High, "high"),
                (Criticality::MissionCritical, "mission-critical"),
            ]
            .map(|(c, label)| (c, label.to_string())),
        }
    }
}

impl DemandRows<'_> {
    /// The header and the demands in `range`; returns the last change made.
    fn grid_ui(&mut self, ui: &mut egui::Ui, range: std::ops::Range<usize>) -> Option<Edit> {
        for title in [
            "Demand",
            "Site to region",
            "Required",
            "Target model",
            "Criticality",
            "Egress GB/month",
            "",
        ] {
            ui.strong(title);
        }
        ui.end_row();
        let choices = DemandChoices::new();
        let design = self.design;
        let mut edit = None;
        for d in &design.demands[range] {
            if let Some(e) = self.row_ui(ui, &choices, d) {
                edit = Some(e);
            }
        }
        edit
    }

    /// A node's name, from the scene's index (its id when it has none).
    fn name(&self, id: &NodeId) -> String {
        self.scene
            .and_then(|s| s.index.get(id))
            .map_or(id.to_string(), |&i| {
                self.design.nodes[i as usize].name.clone()
            })
    }

    /// One demand's row: id, ends, required speed, target, criticality, egress, Remove; returns
    /// the last change made.
    fn row_ui(&mut self, ui: &mut egui::Ui, choices: &DemandChoices, d: &Demand) -> Option<Edit> {
        ui.label(d.id.as_str());
        // The default GUI fonts have no arrow glyph.
        ui.label(format!(
            "{} to {}",
            self.name(&d.site),
            self.name(&d.region)
        ));
        // A speed outside the usual steps is shown too, so the current value is always
        // visible and selected.
        let with_current;
        let speeds = if choices.speeds.iter().any(|(v, _)| *v == d.required_mbps) {
            &choices.speeds
        } else {
            let mut v = choices.speeds.clone();
            v.push((d.required_mbps, mbps(d.required_mbps)));
            v.sort_by_key(|(v, _)| *v);
            with_current = v;
            &with_current
        };
        let mut changed = None;
        if let Some(required_mbps) = ui
            .horizontal(|ui| choice_row(ui, d.required_mbps, speeds))
            .inner
        {
            changed = Some(Demand {
                required_mbps,
                ..d.clone()
            });
        }
        if let Some(target_resiliency) = ui
            .horizontal(|ui| choice_row(ui, d.target_resiliency, &choices.targets))
            .inner
        {
            changed = Some(Demand {
                target_resiliency,
                ..d.clone()
            });
        }
        if let Some(criticality) = ui
            .horizontal(|ui| choice_row(ui, d.criticality, &choices.levels))
            .inner
        {
            changed = Some(Demand {
                criticality,
                ..d.clone()
            });
        }
        let key = format!("{}/egress", d.id);
        if let Some(Some(gb)) =
            self.buffers
                .number(ui, &key, "", Some(d.egress_gb_per_month), false)
        {
            changed = Some(Demand {
                egress_gb_per_month: gb,
                ..d.clone()
            });
        }
        let mut edit = changed.map(|demand| Edit::ReplaceDemand { demand });
        if ui.small_button("Remove").clicked() {
            edit = Some(Edit::RemoveDemand { id: d.id.clone() });
        }
        ui.end_row();
        edit
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::costing::UserBook;
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn demands_tab_adds_and_edits_demands() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        h.get_by_label("Demands").click();
        h.run_steps(1);
        let before = h.state().design.demands.len();
        h.state_mut().selection = vec!["site-dub".into(), "aws-euw1".into()];
        h.run_steps(1);
        h.get_by_label("Add demand (selected site to selected region)")
            .click();
        h.run_steps(2);
        assert_eq!(h.state().design.demands.len(), before + 1);
        let new = h.state().design.demands.last().unwrap().id.clone();
        // Declaring a Maximum target on a one-location design is reported by the rules.
        h.get_all_by_label("Maximum").last().unwrap().click();
        h.run_steps(2);
        let d = h.state().design.demand(&new).unwrap().clone();
        assert_eq!(
            d.target_resiliency,
            Some(crate::model::ResiliencyTarget::Maximum)
        );
        let codes: Vec<&str> = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
            .active()
            .map(|f| f.code)
            .collect();
        assert!(codes.contains(&"RES003"), "{codes:?}");
    }

    #[test]
    fn demand_criticality_is_edited_in_the_demands_tab() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Demands").click();
        h.run_steps(2);
        h.get_all_by_label("mission-critical")
            .next()
            .unwrap()
            .click();
        h.run_steps(2);
        assert_eq!(
            h.state().design.demands[0].criticality,
            crate::model::Criticality::MissionCritical
        );
    }

    #[test]
    fn demands_tab_shows_a_required_speed_outside_the_usual_steps() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Demands").click();
        h.run_steps(2);
        // d-nyc-az requires 800 Mbps: it is listed (and selected) among the steps.
        h.get_by_label("800 Mbps");
        h.get_all_by_label("1 Gbps").next().unwrap().click();
        h.run_steps(2);
        let d = h.state().design.demand(&"d-nyc-az".into()).unwrap();
        assert_eq!(d.required_mbps, 1_000);
        assert!(h.query_by_label("800 Mbps").is_none());
    }

    /// The Demands tab lays out only the rows in view (it scanned every node for every demand
    /// on every frame before).
    #[test]
    fn the_demands_tab_draws_only_the_rows_in_view() {
        let (dir, dirs) = test_dirs();
        let catalog = Catalog::builtin().unwrap();
        let design = crate::generate::generate(300, 1, &catalog);
        let (first, last) = (
            design.demands[0].id.to_string(),
            design.demands[design.demands.len() - 1].id.to_string(),
        );
        let mut app = DesignerApp::new(design, None, catalog, UserBook::empty(), dirs);
        app.test_folder = Some(dir);
        let mut h = harness(app);
        h.get_by_label("Demands").click();
        h.run_steps(3);
        h.get_by_label(&first);
        assert!(
            h.query_by_label(&last).is_none(),
            "row {last} is far out of view"
        );
    }
}

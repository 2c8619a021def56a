//! The palette: the element kinds to drop on the canvas and the catalog search.

use super::*;

impl DesignerApp {
    pub(super) fn palette_ui(&mut self, ui: &mut egui::Ui) {
        let connect_label = if self.connect.active {
            "✔ Connect (C)"
        } else {
            "Connect (C)"
        };
        if ui
            .add_sized(
                [ui.available_width(), 24.0],
                egui::Button::new(connect_label).selected(self.connect.active),
            )
            .clicked()
        {
            self.connect = ConnectTool {
                active: !self.connect.active,
                ..ConnectTool::default()
            };
        }
        ui.separator();
        ui.heading("Add");
        for kind in NodeKindTag::ALL {
            let label = match kind {
                NodeKindTag::OnPremSite => "On-prem site",
                NodeKindTag::ColocationFacility => "Colocation facility",
                NodeKindTag::AzureRegion => "Azure region",
                NodeKindTag::AwsRegion => "AWS region",
                NodeKindTag::FabricRouter => "Fabric router",
            };
            let button = egui::Button::new(
                egui::RichText::new(format!("■ {label}")).color(canvas::kind_color(kind)),
            );
            // Click to add in free space, or drag onto the canvas.
            let response = ui.add_sized(
                [ui.available_width(), 24.0],
                button.sense(egui::Sense::click_and_drag()),
            );
            response.dnd_set_drag_payload(PaletteItem::Kind(kind));
            // A click puts it in free space beside the selection, else in the visible area.
            if response.clicked() {
                self.add_node_in_free_space(kind);
            }
        }
        ui.separator();
        ui.label("Catalog");
        ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("Ashburn, FR7, eu-west-1 …"));
        let hits = self.search_results(12);
        if !hits.is_empty() {
            egui::ScrollArea::vertical().id_salt("hits").show(ui, |ui| {
                for hit in hits {
                    let button = egui::Button::new(egui::RichText::new(hit.label()).small()).wrap();
                    let response = ui.add(button.sense(egui::Sense::click_and_drag()));
                    response.dnd_set_drag_payload(PaletteItem::Hit(hit.clone()));
                    if response.clicked() {
                        self.add_hit_in_free_space(&hit);
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::app;
    use crate::gui::test_support::*;
    use eframe::egui;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn palette_adds_a_node_and_undo_removes_it() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let before = h.state().design.nodes.len();
        h.get_by_label("■ On-prem site").click();
        h.run_steps(2);
        assert_eq!(h.state().design.nodes.len(), before + 1);
        assert!(h.state().is_dirty());
        assert!(h.query_by_label_contains("(unsaved changes)").is_some());
        h.state_mut().undo();
        h.run_steps(2);
        assert_eq!(h.state().design.nodes.len(), before);
    }

    #[test]
    fn dragging_from_the_palette_drops_a_node_where_released() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        let before = h.state().design.nodes.len();
        let button = h.get_by_label("■ AWS region").rect().center();
        let target = h.state().view.rect.center() + egui::vec2(-150.0, 120.0);
        drag_path(&mut h, button, target);
        assert_eq!(h.state().design.nodes.len(), before + 1);
        let app = h.state();
        let node = app.design.nodes.last().unwrap();
        assert!(node.as_aws().is_some());
        let dropped_at = app.view.to_screen(app.view.rect.min, node.position);
        assert!(
            dropped_at.distance(target) < 2.0 * app::GRID as f32 * app.view.zoom + 2.0,
            "{dropped_at:?} vs {target:?}"
        );
    }

    /// Six clicks on the palette, each new node selected: six places in free space, each
    /// beside the one before, no footprint over another.
    #[test]
    fn six_new_nodes_land_side_by_side_in_free_space() {
        use crate::arrange::footprint::overlapping;
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.nodes.len();
        h.state_mut().selection = vec!["fac-dc2".into()];
        for _ in 0..6 {
            h.get_by_label("■ On-prem site").click();
            h.run_steps(2);
        }
        let nodes = &h.state().design.nodes;
        assert_eq!(nodes.len(), before + 6);
        assert_eq!(overlapping(nodes), vec![]);
        let xs: Vec<f64> = nodes[before..].iter().map(|n| n.position.x).collect();
        assert!(xs.windows(2).all(|w| w[1] > w[0]), "side by side: {xs:?}");
        // Six more with nothing selected: all want the middle of the view, none lands on
        // another.
        for _ in 0..6 {
            h.state_mut().selection.clear();
            h.get_by_label("■ Fabric router").click();
            h.run_steps(2);
        }
        assert_eq!(h.state().design.nodes.len(), before + 12);
        assert_eq!(overlapping(&h.state().design.nodes), vec![]);
    }

    /// With nothing selected a new node lands in the visible part of the canvas, off the
    /// nodes there; a catalog hit lands beside the selection.
    #[test]
    fn a_new_node_lands_in_view_or_beside_the_selection() {
        use crate::arrange::footprint::overlapping;
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().selection.clear();
        h.get_by_label("■ Azure region").click();
        h.run_steps(2);
        let app = h.state();
        let added = app.design.nodes.last().unwrap();
        let on_screen = app.view.to_screen(app.view.rect.min, added.position);
        assert!(app.view.rect.contains(on_screen), "{on_screen:?} in view");
        assert_eq!(overlapping(&app.design.nodes), vec![]);

        h.state_mut().selection = vec!["site-zrh".into()];
        h.state_mut().search = "Frankfurt".into();
        h.run_steps(2);
        let hit = h.state().search_results(12)[0].label();
        h.get_by_label(&hit).click();
        h.run_steps(2);
        let d = &h.state().design;
        let zrh = d.node(&"site-zrh".into()).unwrap().position;
        let added = d.nodes.last().unwrap().position;
        assert!(added.x > zrh.x, "right of the selection");
        assert!((added.y - zrh.y).abs() < 200.0, "level with it");
        assert_eq!(overlapping(&d.nodes), vec![]);
    }

    /// A paste lands off the copied nodes, keeping their arrangement.
    #[test]
    fn pasted_nodes_land_in_free_space() {
        use crate::arrange::footprint::overlapping;
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["site-nyc".into(), "site-chi".into()];
        h.state_mut().copy();
        h.state_mut().paste();
        h.run_steps(1);
        let d = &h.state().design;
        assert_eq!(overlapping(&d.nodes), vec![]);
        let [a, b] = [&d.nodes[d.nodes.len() - 2], &d.nodes[d.nodes.len() - 1]];
        let (nyc, chi) = (d.nodes[0].position, d.nodes[1].position);
        assert_eq!(
            (b.position.x - a.position.x, b.position.y - a.position.y),
            (chi.x - nyc.x, chi.y - nyc.y),
            "the same arrangement"
        );
    }
}

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
                [150.0, 24.0],
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
            // Click to add at the centre of the view, or drag onto the canvas.
            let response = ui.add_sized([150.0, 24.0], button.sense(egui::Sense::click_and_drag()));
            response.dnd_set_drag_payload(PaletteItem::Kind(kind));
            if response.clicked() {
                let at = self.view_center();
                self.add_node(kind, at);
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
                        let at = self.view_center();
                        self.add_hit(&hit, at);
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
}

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

//! The desktop face (feature `gui`). For now a read-only viewer: the canvas drawn from the
//! design's own positions, and the rule findings beside it. The interactive designer (palette,
//! inspector, connect tool, undo, resilience and cost tabs) is issue #5 and builds on this
//! module; it remains the only place that names egui.

use crate::catalog::Catalog;
use crate::design_file;
use crate::model::{Design, LinkKindTag, NodeKindTag};
use crate::rules::{self, Findings, Severity};
use anyhow::Context as _;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The design shown when no file is given: the dual-cloud sample, built in.
const SAMPLE_DESIGN: &str = include_str!("../../designs/dual-cloud-ashburn-chicago.json");

/// Open the viewer window on `file` (or the built-in sample design).
pub fn run(file: Option<PathBuf>, catalog_file: Option<&Path>) -> anyhow::Result<()> {
    let catalog = crate::cli::load_catalog(catalog_file)?;
    let (design, title) = match &file {
        Some(path) => (design_file::load(path)?, path.display().to_string()),
        None => (
            design_file::from_str(SAMPLE_DESIGN, Path::new("dual-cloud-ashburn-chicago.json"))
                .context("the built-in sample design is invalid")?,
            "sample: dual-cloud-ashburn-chicago.json".to_string(),
        ),
    };
    let app = Viewer::new(design, &catalog);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("linkwright — {title}"))
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("linkwright", options, Box::new(|_cc| Ok(Box::new(app))))
        .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// The viewer's state: the design and its findings, computed once (the design does not change).
pub struct Viewer {
    design: Design,
    findings: Findings,
}

impl Viewer {
    pub fn new(design: Design, catalog: &Catalog) -> Self {
        let findings = rules::check(&design, catalog);
        Self { design, findings }
    }

    fn findings_ui(&self, ui: &mut egui::Ui) {
        let Self { findings, design } = self;
        ui.heading(&design.name);
        ui.label(format!(
            "{} error(s), {} warning(s), {} info, {} excluded",
            findings.count(Severity::Error),
            findings.count(Severity::Warning),
            findings.count(Severity::Info),
            findings.excluded().count()
        ));
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for f in &findings.items {
                // Accepted risks are listed too, greyed, with the architect's comment.
                let color = match f.excluded {
                    Some(_) => ui.visuals().weak_text_color(),
                    None => severity_color(f.severity),
                };
                let excluded = if f.excluded.is_some() {
                    " (excluded)"
                } else {
                    ""
                };
                ui.colored_label(color, format!("{} {}{excluded}", f.code, f.rule));
                ui.label(&f.message);
                match &f.excluded {
                    Some(comment) => ui.small(format!("accepted: {comment}")),
                    None => ui.small(format!("hint: {}", f.hint)),
                };
                ui.add_space(6.0);
            }
        });
    }

    fn canvas_ui(&self, ui: &mut egui::Ui) {
        let rect = ui.available_rect_before_wrap();
        let painter = ui.painter_at(rect);
        let (min, max) = bounds(&self.design);
        let span = egui::vec2(
            (max.0 - min.0).max(1.0) as f32,
            (max.1 - min.1).max(1.0) as f32,
        );
        let scale = ((rect.width() - 160.0) / span.x)
            .min((rect.height() - 120.0) / span.y)
            .clamp(0.05, 2.0);
        let to_screen = |x: f64, y: f64| {
            rect.center()
                + egui::vec2(
                    ((x - min.0) as f32 - span.x / 2.0) * scale,
                    ((y - min.1) as f32 - span.y / 2.0) * scale,
                )
        };
        let pos: std::collections::HashMap<&str, egui::Pos2> = self
            .design
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), to_screen(n.position.x, n.position.y)))
            .collect();
        for link in &self.design.links {
            let (Some(&a), Some(&b)) = (pos.get(link.a.as_str()), pos.get(link.b.as_str())) else {
                continue;
            };
            let (color, width) = match link.tag() {
                LinkKindTag::ExpressRouteCircuit => (egui::Color32::from_rgb(0, 120, 212), 2.5),
                LinkKindTag::DirectConnectConnection => {
                    (egui::Color32::from_rgb(236, 114, 17), 2.5)
                }
                LinkKindTag::SiteToSiteVpn => (egui::Color32::GRAY, 1.0),
                _ => (egui::Color32::from_gray(140), 1.5),
            };
            painter.line_segment([a, b], egui::Stroke::new(width, color));
        }
        for node in &self.design.nodes {
            let Some(&p) = pos.get(node.id.as_str()) else {
                continue;
            };
            let color = match node.tag() {
                NodeKindTag::OnPremSite => egui::Color32::from_rgb(90, 90, 90),
                NodeKindTag::ColocationFacility => egui::Color32::from_rgb(120, 80, 160),
                NodeKindTag::AzureRegion => egui::Color32::from_rgb(0, 120, 212),
                NodeKindTag::AwsRegion => egui::Color32::from_rgb(236, 114, 17),
                NodeKindTag::FabricRouter => egui::Color32::from_rgb(30, 150, 90),
            };
            painter.circle_filled(p, 9.0, color);
            let worst = self
                .findings
                .about(node.id.as_str())
                .map(|f| f.severity)
                .max();
            if let Some(sev) = worst {
                painter.circle_stroke(p, 12.0, egui::Stroke::new(2.0, severity_color(sev)));
            }
            painter.text(
                p + egui::vec2(0.0, 14.0),
                egui::Align2::CENTER_TOP,
                &node.name,
                egui::FontId::proportional(12.0),
                ui.visuals().text_color(),
            );
        }
    }
}

fn severity_color(s: Severity) -> egui::Color32 {
    match s {
        Severity::Error => egui::Color32::from_rgb(200, 40, 40),
        Severity::Warning => egui::Color32::from_rgb(210, 140, 0),
        Severity::Info => egui::Color32::from_rgb(60, 120, 200),
    }
}

fn bounds(design: &Design) -> ((f64, f64), (f64, f64)) {
    let mut min = (f64::MAX, f64::MAX);
    let mut max = (f64::MIN, f64::MIN);
    for n in &design.nodes {
        min = (min.0.min(n.position.x), min.1.min(n.position.y));
        max = (max.0.max(n.position.x), max.1.max(n.position.y));
    }
    if design.nodes.is_empty() {
        ((0.0, 0.0), (1.0, 1.0))
    } else {
        (min, max)
    }
}

impl eframe::App for Viewer {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::right("findings")
            .default_size(380.0)
            .show(ui, |ui| self.findings_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.canvas_ui(ui));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn viewer_of(path: &str) -> Viewer {
        let catalog = Catalog::builtin().expect("catalog");
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .expect("sample");
        Viewer::new(
            design_file::from_str(&text, Path::new(path)).expect("valid"),
            &catalog,
        )
    }

    #[test]
    fn builtin_sample_is_valid() {
        assert!(design_file::from_str(SAMPLE_DESIGN, Path::new("sample")).is_ok());
    }

    #[test]
    fn viewer_shows_design_name_counts_and_findings() {
        let viewer = viewer_of("designs/flawed-design.json");
        let mut harness = Harness::new_ui(|ui| {
            egui::Panel::right("findings").show(ui, |ui| viewer.findings_ui(ui));
        });
        harness.run_steps(2);
        harness.get_by_label("Deliberately flawed design");
        // The counts the engine finds, in the status line's words.
        let f = &viewer_of("designs/flawed-design.json").findings;
        harness.get_by_label(&format!(
            "{} error(s), {} warning(s), {} info, {} excluded",
            f.count(Severity::Error),
            f.count(Severity::Warning),
            f.count(Severity::Info),
            f.excluded().count()
        ));
        // Two Standard circuits reach outside their geopolitical region.
        assert_eq!(
            harness
                .get_all_by_label("ER005 standard-circuit-outside-geopolitical-region")
                .count(),
            2
        );
        harness.get_by_label("NET002 prefix-with-host-bits (excluded)");
    }
}

//! The desktop face (feature `gui`), the only place that names egui. `app.rs` is the designer
//! (menus, palette, inspector, problem/resilience/cost tabs, status bar, dialogs), `canvas.rs`
//! draws the design and turns pointer input into proposals the app applies as edits. Each
//! panel's tests sit beside it; `test_support.rs` holds what they share.

pub mod analysis;
pub mod app;
pub mod canvas;
pub mod charts;
pub mod dialogs;
pub mod files;
pub mod inspector;
pub mod palette;
pub mod recovery;
pub mod scene;
#[cfg(test)]
pub(crate) mod test_support;

pub use app::DesignerApp;

use crate::costing::{Costing, UserBook};
use crate::design_file;
use anyhow::Context as _;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The design shown when no file is given: the dual-cloud sample, built in.
const SAMPLE_DESIGN: &str = include_str!("../../designs/dual-cloud-ashburn-chicago.json");

/// "$23,209.98/month (incomplete: 10 unpriced)".
pub fn cost_label(c: &Costing) -> String {
    let total = crate::model::dollars(c.totals.monthly);
    if c.unpriced.is_empty() {
        format!("{total}/month")
    } else {
        format!("{total}/month (incomplete: {} unpriced)", c.unpriced.len())
    }
}

/// The designer's fonts: egui's own, with DejaVu Sans (the report's font) behind them for every
/// character they lack, so that "→", "≥", "Łódź" or "Île-de-France" draw as they do in the
/// report instead of as boxes, while the rest of the window keeps egui's look.
pub fn fonts() -> egui::FontDefinitions {
    const DEJAVU: &str = "DejaVu Sans";
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        DEJAVU.into(),
        std::sync::Arc::new(egui::FontData::from_static(dejavu::sans::regular())),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        // Right after the family's main font: before the emoji and icon fonts.
        list.insert(list.len().min(1), DEJAVU.into());
    }
    fonts
}

/// Open the designer window on `file` (or the built-in sample design).
pub fn run(file: Option<PathBuf>, catalog_file: Option<&Path>) -> anyhow::Result<()> {
    let catalog = crate::catalog::Catalog::with_overlay(catalog_file)?;
    let (user_book, _) = UserBook::load_or_default(None)?;
    let dirs = files::Dirs::from_env();
    // No file: the last design opened, or the first time the built-in sample.
    // A file that cannot be opened opens the window anyway, on what it would show without one,
    // with a dialog that says where the file is broken and what was expected.
    let (given, broken) = match file {
        Some(path) => match design_file::load(&path) {
            Ok(design) => (Some((design, path)), None),
            Err(e) => (None, Some((path, e))),
        },
        None => (None, None),
    };
    let (design, file) = match given {
        Some((design, path)) => (design, Some(path)),
        None => match files::recent(&dirs)
            .into_iter()
            .find_map(|p| design_file::load(&p).ok().map(|d| (d, p)))
        {
            Some((d, p)) => (d, Some(p)),
            None => (
                design_file::from_str(SAMPLE_DESIGN, Path::new("dual-cloud-ashburn-chicago.json"))
                    .context("the built-in sample design is invalid")?,
                None,
            ),
        },
    };
    let mut app = DesignerApp::new(design, file, catalog, user_book, dirs);
    if let Some((path, error)) = broken {
        app.show_broken_file(&path, &error);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "linkwright",
        options,
        Box::new(move |cc| {
            // Window size and position are restored by eframe; the theme is ours to restore.
            if let Some(theme) = cc.storage.and_then(|s| s.get_string(THEME_KEY)) {
                cc.egui_ctx.set_theme(if theme == "light" {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
            let mut app = app;
            if let Some(paper) = cc.storage.and_then(|s| s.get_string(PAPER_KEY)) {
                app.report_paper = if paper == "letter" {
                    crate::report::Paper::Letter
                } else {
                    crate::report::Paper::A4
                };
            }
            if let Some(layers) = cc.storage.and_then(|s| s.get_string(LAYERS_KEY)) {
                app.layers = layers_from(&layers);
            }
            // Which panels are shown; their sizes are egui's, restored with its memory.
            if let Some(panels) = cc.storage.and_then(|s| s.get_string(PANELS_KEY)) {
                app.shell.panels = app::Panels::from_text(&panels);
            }
            Ok(Box::new(Window(app)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

const THEME_KEY: &str = "theme";
const PAPER_KEY: &str = "report_paper";
/// The canvas's layers (View menu), e.g. "legend groups minimap": the ones shown.
const LAYERS_KEY: &str = "canvas_layers";
/// The panels shown, e.g. "palette inspector tabs".
const PANELS_KEY: &str = "panels_shown";

fn layers_to(layers: &canvas::Layers) -> String {
    let canvas::Layers {
        legend,
        groups,
        minimap,
    } = *layers;
    [(legend, "legend"), (groups, "groups"), (minimap, "minimap")]
        .into_iter()
        .filter_map(|(shown, name)| shown.then_some(name))
        .collect::<Vec<_>>()
        .join(" ")
}

fn layers_from(text: &str) -> canvas::Layers {
    let shown = |name: &str| text.split_whitespace().any(|w| w == name);
    canvas::Layers {
        legend: shown("legend"),
        groups: shown("groups"),
        minimap: shown("minimap"),
    }
}

struct Window(DesignerApp);

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }

    /// Persist the theme, report paper, canvas layers and shown panels (the window geometry
    /// and the panels' sizes are persisted by eframe with egui's memory). The design itself is
    /// only ever written by Save.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let dark = self.0.dark_mode;
        storage.set_string(THEME_KEY, if dark { "dark".into() } else { "light".into() });
        let paper = match self.0.report_paper {
            crate::report::Paper::A4 => "a4",
            crate::report::Paper::Letter => "letter",
        };
        storage.set_string(PAPER_KEY, paper.into());
        storage.set_string(LAYERS_KEY, layers_to(&self.0.layers));
        storage.set_string(PANELS_KEY, self.0.shell.panels.to_text());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_designer_draws_arrows_and_accented_names() {
        // A character no font has is drawn as the replacement box, as wide as the box; one a
        // font has, as itself. (egui's `has_glyph` cannot tell when the fallback font is also
        // the one that draws the box.)
        let widths = |fonts: Option<egui::FontDefinitions>| {
            let ctx = egui::Context::default();
            if let Some(fonts) = fonts {
                ctx.set_fonts(fonts);
            }
            let mut out = ctx.run_ui(Default::default(), |_| {});
            out.textures_delta.clear();
            let font = egui::FontId::proportional(14.0);
            ctx.fonts_mut(|f| {
                let missing = f.glyph_width(&font, '\u{10FFFD}');
                "→≥Łź≤"
                    .chars()
                    .map(|c| (c, f.glyph_width(&font, c) != missing))
                    .collect::<Vec<_>>()
            })
        };
        let before = widths(None);
        assert!(
            before.iter().any(|(_, drawn)| !drawn),
            "egui's own fonts lack some: {before:?}"
        );
        let after = widths(Some(fonts()));
        assert!(after.iter().all(|(_, drawn)| *drawn), "{after:?}");
    }

    #[test]
    fn the_canvas_layers_are_remembered_as_they_were_left() {
        for legend in [false, true] {
            for groups in [false, true] {
                for minimap in [false, true] {
                    let layers = canvas::Layers {
                        legend,
                        groups,
                        minimap,
                    };
                    assert_eq!(layers_from(&layers_to(&layers)), layers);
                }
            }
        }
    }

    #[test]
    fn builtin_sample_is_valid() {
        assert!(design_file::from_str(SAMPLE_DESIGN, Path::new("sample")).is_ok());
    }
}

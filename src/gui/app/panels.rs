//! The window's layout: the palette (left), the inspector (right) and the tabs (bottom) around
//! the canvas. Each panel resizes by its edge and collapses (its chevron, the View menu, or a
//! drag past its smallest size); egui remembers the sizes with the window, the app remembers
//! which are shown. However the panels are set, the canvas keeps at least [`CANVAS_SHARE`] of
//! the window: each panel's largest size is what the others leave of that share.

use super::*;

/// The share of the window the canvas always keeps (at 1024×640 and up).
pub const CANVAS_SHARE: f32 = 0.5;
/// Room taken by panel separators, counted against the panels.
const SLACK: f32 = 6.0;
/// Width of the strip a collapsed side panel leaves (its chevron).
const STRIP: f32 = 22.0;

/// Smallest and first sizes (points) of each panel.
const PALETTE: (f32, f32) = (130.0, 170.0);
const INSPECTOR: (f32, f32) = (170.0, 260.0);
const TABS: (f32, f32) = (110.0, 220.0);
/// The height the side panels leave the tabs whatever their size, while the tabs are shown:
/// the tab row and a few rows of a tab (the sides would otherwise take the whole budget).
const TABS_RESERVE: f32 = 130.0;

/// Which panels are shown (View menu, chevrons; remembered by the window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub palette: bool,
    pub inspector: bool,
    pub tabs: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels {
            palette: true,
            inspector: true,
            tabs: true,
        }
    }
}

impl Panels {
    /// "palette inspector tabs": the panels shown, as the window stores them.
    pub fn to_text(self) -> String {
        let Panels {
            palette,
            inspector,
            tabs,
        } = self;
        [
            (palette, "palette"),
            (inspector, "inspector"),
            (tabs, "tabs"),
        ]
        .into_iter()
        .filter_map(|(shown, name)| shown.then_some(name))
        .collect::<Vec<_>>()
        .join(" ")
    }

    pub fn from_text(text: &str) -> Panels {
        let shown = |name: &str| text.split_whitespace().any(|w| w == name);
        Panels {
            palette: shown("palette"),
            inspector: shown("inspector"),
            tabs: shown("tabs"),
        }
    }
}

/// The largest height the bottom panel may take in a `window` whose menu and status bar take
/// `bars` and whose side panels take `sides`, so that the canvas keeps its share.
pub fn max_bottom(window: egui::Vec2, bars: f32, sides: f32) -> f32 {
    let width = (window.x - sides - SLACK).max(1.0);
    let needed = CANVAS_SHARE * window.x * window.y / width;
    window.y - bars - SLACK - needed
}

/// The largest width a side panel may take beside the other (`other` wide) above a bottom
/// panel `bottom` high, so that the canvas keeps its share.
pub fn max_side(window: egui::Vec2, bars: f32, bottom: f32, other: f32) -> f32 {
    let height = (window.y - bars - bottom - SLACK).max(1.0);
    let needed = CANVAS_SHARE * window.x * window.y / height;
    window.x - other - SLACK - needed
}

/// The size a panel had last frame (its first size before it was ever shown).
fn last_size(ctx: &egui::Context, id: &str, first: f32, horizontal: bool) -> f32 {
    egui::containers::panel::PanelState::load(ctx, egui::Id::new(id))
        .map_or(first, |s| if horizontal { s.size().x } else { s.size().y })
}

/// A small chevron button that shows or hides a panel.
pub(super) fn chevron(ui: &mut egui::Ui, glyph: &str, tip: &str) -> bool {
    ui.add(egui::Button::new(glyph).small().frame(false))
        .on_hover_text(tip)
        .clicked()
}

impl DesignerApp {
    /// The side and bottom panels, then the canvas in what they leave. `window`: the room the
    /// window has; `bars`: the height of the menu and status bars already placed.
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, window: egui::Vec2, bars: f32) {
        let ctx = ui.ctx().clone();
        let shown = self.shell.panels;
        let side = |id: &str, open: bool, first: f32| {
            if open {
                last_size(&ctx, id, first, true)
            } else {
                STRIP
            }
        };
        let (left, right) = (
            side("palette", shown.palette, PALETTE.1),
            side("inspector", shown.inspector, INSPECTOR.1),
        );

        let bottom_max = max_bottom(window, bars, left + right).max(TABS.0);
        let mut open = shown.tabs;
        let tabs = egui::Panel::bottom("tabs")
            .resizable(true)
            .default_size(TABS.1.min(bottom_max))
            .size_range(TABS.0..=bottom_max)
            .show_collapsible(ui, &mut open, |ui| self.tabs_ui(ui));
        if !open {
            self.shell.panels.tabs = false;
        }
        let bottom = match &tabs {
            Some(r) => r.response.rect.height(),
            None => egui::Panel::bottom("tabs-strip")
                .resizable(false)
                .show(ui, |ui| {
                    if chevron(
                        ui,
                        "⏶ Tabs",
                        "Show the problems, resilience, cost and demands tabs",
                    ) {
                        self.shell.panels.tabs = true;
                    }
                })
                .response
                .rect
                .height(),
        };

        // The sides leave the tabs at least their reserve.
        let bottom = if tabs.is_some() {
            bottom.max(TABS_RESERVE)
        } else {
            bottom
        };
        let left_max = max_side(window, bars, bottom, right).max(PALETTE.0);
        let mut open = shown.palette;
        let palette = egui::Panel::left("palette")
            .resizable(true)
            .default_size(PALETTE.1.min(left_max))
            .size_range(PALETTE.0..=left_max)
            .show_collapsible(ui, &mut open, |ui| {
                if chevron(ui, "⏴", "Hide the palette (View menu)") {
                    self.shell.panels.palette = false;
                }
                self.palette_ui(ui);
            });
        if !open {
            self.shell.panels.palette = false;
        }
        let left = match &palette {
            Some(r) => r.response.rect.width(),
            None => {
                egui::Panel::left("palette-strip")
                    .resizable(false)
                    .exact_size(STRIP)
                    .show(ui, |ui| {
                        if chevron(ui, "⏵", "Show the palette") {
                            self.shell.panels.palette = true;
                        }
                    });
                STRIP
            }
        };

        let right_max = max_side(window, bars, bottom, left).max(INSPECTOR.0);
        let mut open = shown.inspector;
        let inspector = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(INSPECTOR.1.min(right_max))
            .size_range(INSPECTOR.0..=right_max)
            .show_collapsible(ui, &mut open, |ui| {
                ui.horizontal(|ui| {
                    ui.heading("Inspector");
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if chevron(ui, "⏵", "Hide the inspector (View menu)") {
                            self.shell.panels.inspector = false;
                        }
                    });
                });
                self.inspector_ui(ui);
            });
        if !open {
            self.shell.panels.inspector = false;
        }
        if inspector.is_none() {
            egui::Panel::right("inspector-strip")
                .resizable(false)
                .exact_size(STRIP)
                .show(ui, |ui| {
                    if chevron(ui, "⏴", "Show the inspector") {
                        self.shell.panels.inspector = true;
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.canvas_area_ui(ui));
    }

    /// The View menu's panel toggles.
    pub(super) fn panel_toggles_ui(&mut self, ui: &mut egui::Ui) {
        let panels = &mut self.shell.panels;
        ui.checkbox(&mut panels.palette, "Palette panel");
        ui.checkbox(&mut panels.inspector, "Inspector panel");
        ui.checkbox(&mut panels.tabs, "Tabs panel");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::test_support::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// A 1024×640 window: the harness keeps an 8-point margin around the app, so it is that
    /// much larger.
    fn small(app: DesignerApp) -> Harness<'static, DesignerApp> {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1024.0 + 16.0, 640.0 + 16.0))
            .build_ui_state(|ui, app: &mut DesignerApp| app.ui(ui), app);
        h.run_steps(6);
        h
    }

    fn canvas_share(h: &Harness<'static, DesignerApp>) -> f32 {
        h.state().view.rect.area() / (1024.0 * 640.0)
    }

    /// At 1024×640 the canvas has at least half the window with every panel shown, and
    /// collapsing a panel (from the View menu or its chevron) gives the canvas its room.
    #[test]
    fn at_1024_by_640_the_canvas_keeps_half_the_window_and_panels_collapse() {
        let mut h = small(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let all = canvas_share(&h);
        assert!(all >= CANVAS_SHARE, "the canvas has {all:.2} of the window");
        let tall = h.state().view.rect.height();
        h.get_by_label("View").click();
        h.run_steps(1);
        h.get_by_label("Tabs panel").click();
        h.run_steps(20);
        assert!(!h.state().shell.panels.tabs);
        assert!(
            h.state().view.rect.height() > tall + 50.0,
            "the canvas grows: {} then {}",
            tall,
            h.state().view.rect.height()
        );
        // The strip's chevron brings the tabs back.
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        h.get_by_label("⏶ Tabs").click();
        h.run_steps(20);
        assert!(h.state().shell.panels.tabs);
        h.get_by_label("Problems");
        // The palette's chevron hides it; the canvas widens.
        let wide = h.state().view.rect.width();
        h.get_by_label("⏴").click();
        h.run_steps(20);
        assert!(!h.state().shell.panels.palette);
        assert!(h.state().view.rect.width() > wide + 80.0);
        assert!(h.query_by_label("■ On-prem site").is_none());
    }

    #[test]
    fn panel_sizes_leave_the_canvas_its_share_at_their_largest() {
        let window = egui::vec2(1024.0, 640.0);
        let bars = 50.0;
        for (left, right) in [(130.0, 180.0), (STRIP, 300.0), (STRIP, STRIP)] {
            let bottom = max_bottom(window, bars, left + right);
            let canvas = (window.x - left - right - SLACK) * (window.y - bars - bottom - SLACK);
            assert!(canvas >= CANVAS_SHARE * window.x * window.y - 1.0);
        }
        let right = max_side(window, bars, 90.0, 130.0);
        let canvas = (window.x - 130.0 - right - SLACK) * (window.y - bars - 90.0 - SLACK);
        assert!(canvas >= CANVAS_SHARE * window.x * window.y - 1.0);
        for panels in [
            Panels::default(),
            Panels {
                palette: false,
                inspector: true,
                tabs: false,
            },
        ] {
            assert_eq!(Panels::from_text(&panels.to_text()), panels);
        }
    }
}

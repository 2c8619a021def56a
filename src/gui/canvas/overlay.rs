//! What floats over the drawing: the legend (bottom left; the same entries as the report's,
//! from `diagram::legend`) and the minimap (bottom right: the whole design, the part in view
//! as a box; a click or a drag on it moves the view there). Both take the pointer, so a click
//! on them never selects what is underneath.

use super::paint::{badge, glyph_shapes, group_colours, rgb};
use super::{Frame, Layers, Marks, View};
use crate::diagram::legend::{self, LinkLook, Mark};
use crate::gui::scene::{NODE_RADIUS, Scene};
use crate::look::Palette;
use crate::rules::Severity;
use eframe::egui::epaint::Galley;
use eframe::egui::epaint::RectShape;
use eframe::egui::{self, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2};
use std::sync::Arc;

/// Distance of the overlays from the canvas's edges.
const MARGIN: f32 = 10.0;
const LEGEND_FONT: f32 = 12.0;
const ROW: f32 = 20.0;
const MARK_W: f32 = 26.0;
/// Inside the legend's edge, and between its entries.
const PAD: f32 = 6.0;
const GAP: f32 = 16.0;

/// The legend of what the design holds: its node kinds (glyphs), link kinds (lines), the
/// badges shown and the group boxes when drawn, along the bottom of the canvas (left of the
/// minimap), in as many rows as its width needs. Laid out at the start of a frame, so fitting the
/// design to the window keeps clear of it.
pub(super) struct Legend {
    pub area: Rect,
    items: Vec<(Mark, Arc<Galley>, Pos2)>,
}

impl Legend {
    pub(super) fn layout(
        painter: &egui::Painter,
        palette: &Palette,
        scene: &Scene,
        marks: &Marks<'_>,
        layers: &Layers,
        canvas: Rect,
    ) -> Option<Legend> {
        let (mut errors, mut warnings) = (false, false);
        for s in marks.badges.values() {
            errors |= *s == Severity::Error;
            warnings |= *s == Severity::Warning;
            if errors && warnings {
                break;
            }
        }
        let badges: Vec<Severity> = [(Severity::Error, errors), (Severity::Warning, warnings)]
            .into_iter()
            .filter_map(|(s, shown)| shown.then_some(s))
            .collect();
        let entries = legend::entries(
            &scene.node_kinds,
            &scene.link_kinds,
            &badges,
            layers.groups && !scene.groups.is_empty(),
        );
        if entries.is_empty() || !canvas.is_positive() {
            return None;
        }
        let text = rgb(palette.text);
        let font = egui::FontId::proportional(LEGEND_FONT);
        let minimap = if layers.minimap {
            minimap_width(canvas) + MARGIN
        } else {
            0.0
        };
        let room = (canvas.width() - 2.0 * MARGIN - minimap - 2.0 * PAD).max(MARK_W + 60.0);
        let mut items = Vec::with_capacity(entries.len());
        let (mut x, mut row, mut widest) = (0.0_f32, 0usize, 0.0_f32);
        for e in entries {
            let galley = painter.layout_no_wrap(e.text, font.clone(), text);
            let w = MARK_W + 6.0 + galley.size().x;
            if x > 0.0 && x + w > room {
                x = 0.0;
                row += 1;
            }
            items.push((e.mark, galley, Pos2::new(x, row as f32 * ROW)));
            x += w + GAP;
            widest = widest.max(x - GAP);
        }
        let size = Vec2::new(widest + 2.0 * PAD, (row + 1) as f32 * ROW + 2.0 * PAD);
        let area = Rect::from_min_size(
            canvas.left_bottom() + Vec2::new(MARGIN, -MARGIN - size.y),
            size,
        );
        for item in &mut items {
            item.2 = area.min + Vec2::new(PAD, PAD) + item.2.to_vec2();
        }
        Some(Legend { area, items })
    }

    /// Take the pointer over the legend (a click on it selects nothing under it) and draw it.
    pub(super) fn ui(self, f: &Frame<'_>) {
        let pal = f.palette;
        f.ui.interact(
            self.area,
            egui::Id::new("canvas legend"),
            Sense::click_and_drag(),
        );
        let mut out = vec![Shape::Rect(RectShape::new(
            self.area,
            6.0,
            rgb(pal.halo).gamma_multiply(0.96),
            Stroke::new(1.0, rgb(pal.halo_edge)),
            StrokeKind::Inside,
        ))];
        for (mark, galley, at) in self.items {
            let r = Rect::from_min_size(at, Vec2::new(MARK_W, ROW));
            mark_shapes(&mut out, &mark, r, f);
            let y = at.y + (ROW - galley.size().y) / 2.0;
            out.push(Shape::galley(
                Pos2::new(at.x + MARK_W + 6.0, y),
                galley,
                rgb(pal.text),
            ));
        }
        f.painter.extend(out);
    }
}

/// What a legend entry shows beside its text, drawn as on the canvas.
fn mark_shapes(out: &mut Vec<Shape>, mark: &Mark, r: Rect, f: &Frame<'_>) {
    let pal = f.palette;
    let c = r.center();
    match mark {
        Mark::Node(kind) => glyph_shapes(out, *kind, c, 8.0, true, pal),
        Mark::Link(kind) => {
            let look = LinkLook::of(*kind);
            let stroke = Stroke::new((2.5 * look.width).max(1.2), rgb(pal.link(*kind)));
            let ends = [c - Vec2::new(11.0, 0.0), c + Vec2::new(11.0, 0.0)];
            match look.dash {
                Some([dash, gap]) => {
                    out.extend(Shape::dashed_line(&ends, stroke, dash * 1.6, gap * 1.6))
                }
                None => out.push(Shape::line_segment(ends, stroke)),
            }
        }
        Mark::Badge(severity) => badge(out, c, 5.5, *severity, pal),
        Mark::Group(kind) => {
            let colours = group_colours(pal, kind);
            out.push(Shape::Rect(RectShape::new(
                Rect::from_center_size(c, Vec2::new(22.0, 14.0)),
                3.0,
                rgb(colours.fill),
                Stroke::new(1.0, rgb(colours.stroke)),
                StrokeKind::Inside,
            )));
        }
    }
}

/// Canvas box the minimap shows: every node with room for its glyph.
fn shown_bounds(scene: &Scene) -> Rect {
    scene.bounds.expand(4.0 * NODE_RADIUS)
}

fn minimap_width(canvas: Rect) -> f32 {
    (canvas.width() * 0.2).clamp(110.0, 220.0)
}

/// Whether every node is on the screen (then the minimap would only repeat the canvas).
pub(super) fn all_in_view(scene: &Scene, view: &View, canvas: Rect) -> bool {
    let margin = Vec2::splat(2.0 * NODE_RADIUS);
    let shown = Rect::from_min_max(
        view.to_screen(canvas.min, point(scene.bounds.min - margin)),
        view.to_screen(canvas.min, point(scene.bounds.max + margin)),
    );
    canvas.contains_rect(shown)
}

fn point(p: Pos2) -> crate::model::Point {
    crate::model::Point::new(f64::from(p.x), f64::from(p.y))
}

/// Where the minimap goes on the canvas (None: nothing to show).
pub(super) fn minimap_rect(canvas: Rect, scene: &Scene) -> Option<Rect> {
    if scene.pos.is_empty() || !canvas.is_positive() {
        return None;
    }
    let bounds = shown_bounds(scene);
    let w = minimap_width(canvas);
    let h = (w * bounds.height() / bounds.width().max(1.0))
        .clamp(50.0, (canvas.height() * 0.3).max(50.0));
    Some(Rect::from_min_size(
        canvas.right_bottom() - Vec2::new(w + MARGIN, h + MARGIN),
        Vec2::new(w, h),
    ))
}

/// Canvas to minimap: the design's box fitted into the minimap, centred.
struct MiniMap {
    rect: Rect,
    centre: Pos2,
    scale: f32,
}

impl MiniMap {
    fn new(rect: Rect, scene: &Scene) -> MiniMap {
        let bounds = shown_bounds(scene);
        let inner = rect.shrink(4.0);
        let scale = (inner.width() / bounds.width().max(1.0))
            .min(inner.height() / bounds.height().max(1.0));
        MiniMap {
            rect,
            centre: bounds.center(),
            scale,
        }
    }
    fn to_map(&self, p: Pos2) -> Pos2 {
        self.rect.center() + (p - self.centre) * self.scale
    }
    fn to_canvas(&self, p: Pos2) -> Pos2 {
        self.centre + (p - self.rect.center()) / self.scale
    }
}

/// A press or a drag on the minimap centres the view on that point (before the frame is
/// drawn, so it draws the new view).
pub(super) fn minimap_pan(ui: &egui::Ui, rect: Rect, scene: &Scene, view: &mut View) {
    let response = ui.interact(
        rect,
        egui::Id::new("canvas minimap"),
        Sense::click_and_drag(),
    );
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
    }
    if !(response.is_pointer_button_down_on() || response.clicked()) {
        return;
    }
    let Some(p) = response.interact_pointer_pos() else {
        return;
    };
    let at = MiniMap::new(rect, scene).to_canvas(p);
    view.offset = view.rect.size() / 2.0 - at.to_vec2() * view.zoom;
    view.fit_pending = false;
}

/// The minimap: a dot per node (per overview blob of a large design) and the view's box.
pub(super) fn minimap(f: &Frame<'_>, scene: &Scene, rect: Rect) {
    let pal = f.palette;
    let map = MiniMap::new(rect, scene);
    let mut out = Vec::with_capacity(scene.minimap.len() + 4);
    out.push(Shape::Rect(RectShape::new(
        rect,
        4.0,
        rgb(crate::look::mix(pal.background, pal.text, 0.04)).gamma_multiply(0.97),
        Stroke::new(1.0, rgb(pal.halo_edge)),
        StrokeKind::Inside,
    )));
    for &(p, count, kind) in &scene.minimap {
        let r = (1.2 + (count as f32).sqrt() * 0.3).min(4.0);
        out.push(Shape::circle_filled(map.to_map(p), r, rgb(pal.node(kind))));
    }
    let seen = Rect::from_min_max(
        map.to_map(f.screen.to_canvas(f.rect.min)),
        map.to_map(f.screen.to_canvas(f.rect.max)),
    )
    .intersect(rect.shrink(1.0));
    if seen.is_positive() {
        let selection = rgb(pal.selection);
        out.push(Shape::Rect(RectShape::new(
            seen,
            2.0,
            selection.gamma_multiply(0.12),
            Stroke::new(1.5, selection),
            StrokeKind::Inside,
        )));
    }
    f.painter.extend(out);
}

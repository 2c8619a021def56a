//! The canvas: draws the design from its own positions (kinds by shape and colour, links by
//! kind with bandwidth labels, finding badges) and turns pointer input into proposals — select,
//! move — that the app applies as edits. A drag in flight is view state: the design changes
//! once, when the drag ends, so one drag is one undo step.
//!
//! Drawn with egui's painter rather than egui_graphs: egui_graphs keeps its own copy of
//! positions and selection, repaints every frame and draws without culling; painting the
//! Design directly keeps it the only truth, culls off-screen shapes and repaints only on input.

use crate::look;
use crate::model::{Design, LinkKindTag, NodeId, NodeKindTag, Point};
use crate::rules::Severity;
use eframe::egui::{self, Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

/// Pan and zoom: screen = origin + offset + canvas * zoom.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub offset: Vec2,
    pub zoom: f32,
    /// Fit the design to the window on the next frame.
    pub fit_pending: bool,
    /// Where the canvas was drawn last frame (screen coordinates).
    pub rect: Rect,
    /// Box selection in flight: where it started (screen).
    pub box_start: Option<Pos2>,
    pub show_grid: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            offset: Vec2::ZERO,
            zoom: 1.0,
            fit_pending: true,
            rect: Rect::NOTHING,
            box_start: None,
            show_grid: true,
        }
    }
}

/// A node being dragged: where it started and how far it has moved (screen delta).
#[derive(Debug, Clone)]
pub struct Drag {
    pub node: NodeId,
    pub start: Point,
    pub delta: Vec2,
}

/// What the canvas proposes; the app decides and applies edits.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// Select this element (None: clear); `add` keeps the current selection (Ctrl/Shift).
    Select { id: Option<String>, add: bool },
    /// A drag ended: move the node here.
    Move { id: NodeId, to: Point },
    /// Connect tool: join these two nodes (the app asks which kind of link).
    Connect { from: NodeId, to: NodeId },
    /// Something dragged from the palette was dropped here.
    Drop {
        item: super::palette::PaletteItem,
        at: Point,
    },
    /// A box was dragged on empty canvas: select what is inside.
    SelectBox { ids: Vec<String>, add: bool },
}

/// The connect tool's state: off, or on with the source node chosen so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConnectTool {
    pub active: bool,
    pub from: Option<NodeId>,
    /// Where the pointer was last seen (the release may come with the pointer already gone).
    pub last_pointer: Option<Pos2>,
}

pub const NODE_RADIUS: f32 = 14.0;

pub fn kind_color(kind: NodeKindTag) -> Color32 {
    rgb(look::node_rgb(kind))
}

pub fn link_color(kind: LinkKindTag) -> Color32 {
    rgb(look::link_rgb(kind))
}

pub fn severity_color(s: Severity) -> Color32 {
    rgb(look::severity_rgb(s))
}

fn rgb([r, g, b]: look::Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

impl View {
    pub fn to_screen(&self, origin: Pos2, p: Point) -> Pos2 {
        origin + self.offset + Vec2::new(p.x as f32, p.y as f32) * self.zoom
    }
    pub fn to_canvas(&self, origin: Pos2, s: Pos2) -> Point {
        let v = (s - origin - self.offset) / self.zoom;
        Point::new(f64::from(v.x), f64::from(v.y))
    }
    /// Fit every node into `rect` with a margin.
    pub fn fit(&mut self, design: &Design, rect: Rect) {
        if design.nodes.is_empty() {
            *self = View {
                fit_pending: false,
                rect,
                ..View::default()
            };
            return;
        }
        let (mut min, mut max) = (Pos2::new(f32::MAX, f32::MAX), Pos2::new(f32::MIN, f32::MIN));
        for n in &design.nodes {
            let p = Pos2::new(n.position.x as f32, n.position.y as f32);
            min = min.min(p);
            max = max.max(p);
        }
        let size = (max - min).max(Vec2::splat(1.0));
        let margin = 80.0;
        let zoom = ((rect.width() - 2.0 * margin) / size.x)
            .min((rect.height() - 2.0 * margin) / size.y)
            .clamp(0.05, 2.0);
        let center = min + size / 2.0;
        self.zoom = zoom;
        self.offset = rect.size() / 2.0 - center.to_vec2() * zoom;
        self.fit_pending = false;
    }
}

/// Draw the canvas and collect proposals.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    design: &Design,
    badges: &std::collections::HashMap<String, Severity>,
    selection: &[String],
    view: &mut View,
    drag: &mut Option<Drag>,
    connect: &mut ConnectTool,
) -> Vec<Proposal> {
    let mut proposals = Vec::new();
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    view.rect = rect;
    let origin = rect.min;
    if view.fit_pending {
        view.fit(design, rect);
    }
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    if view.show_grid {
        // A dot every grid step (every fifth when zoomed out, to stay legible and cheap).
        let mut step = super::app::GRID as f32 * view.zoom;
        while step < 12.0 {
            step *= 5.0;
        }
        let color = ui.visuals().faint_bg_color.gamma_multiply(3.0);
        let start = rect.min
            + Vec2::new(
                (view.offset.x).rem_euclid(step),
                (view.offset.y).rem_euclid(step),
            );
        let mut y = start.y;
        while y < rect.max.y {
            let mut x = start.x;
            while x < rect.max.x {
                painter.circle_filled(Pos2::new(x, y), 0.8, color);
                x += step;
            }
            y += step;
        }
    }

    // Zoom with the wheel (around the pointer) and pan with the middle or right button.
    if response.hovered() {
        let (scroll, zoom_delta, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let factor = if zoom_delta != 1.0 {
            zoom_delta
        } else if scroll.y != 0.0 {
            (scroll.y / 400.0).exp()
        } else {
            1.0
        };
        if factor != 1.0 {
            if let Some(p) = pointer {
                let before = view.to_canvas(origin, p);
                view.zoom = (view.zoom * factor).clamp(0.05, 4.0);
                let after = view.to_screen(origin, before);
                view.offset += p - after;
            }
        }
    }
    let panning = ui.input(|i| {
        i.pointer.middle_down() || i.pointer.secondary_down() || i.key_down(egui::Key::Space)
    });
    if panning && response.dragged() {
        view.offset += response.drag_delta();
    }

    let position_of = |id: &NodeId, p: Point| -> Pos2 {
        let base = view.to_screen(origin, p);
        match drag.as_ref() {
            Some(d) if &d.node == id => base + d.delta,
            _ => base,
        }
    };
    let screen: rustc_hash::FxHashMap<&str, Pos2> = design
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), position_of(&n.id, n.position)))
        .collect();
    let visible = rect.expand(60.0);

    // Links, parallel ones spread apart; one bandwidth label per pair of nodes.
    let pair_labels = look::pair_labels(design);
    let mut seen_pairs: rustc_hash::FxHashMap<(&str, &str), u32> = Default::default();
    let font = egui::FontId::proportional(11.0);
    let mut placer = look::LabelPlacer::default();
    for link in &design.links {
        let (Some(&a), Some(&b)) = (screen.get(link.a.as_str()), screen.get(link.b.as_str()))
        else {
            continue;
        };
        if !visible.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        let key = look::pair_of(link);
        let index = seen_pairs.entry(key).or_default();
        let spread = look::parallel_offset(*index) * 9.0;
        *index += 1;
        let dir = (b - a).normalized();
        let normal = Vec2::new(-dir.y, dir.x) * spread;
        let (a, b) = (a + normal, b + normal);
        let selected = selection.iter().any(|s| s == link.id.as_str());
        let color = link_color(link.tag());
        let width = if selected {
            4.0
        } else if look::link_is_thin(link.tag()) {
            1.5
        } else {
            2.5
        };
        let stroke = Stroke::new(width, color);
        if look::link_is_dashed(link.tag()) {
            painter.extend(Shape::dashed_line(&[a, b], stroke, 8.0, 5.0));
        } else {
            painter.line_segment([a, b], stroke);
        }
        let mid = a + (b - a) * 0.5;
        let label = pair_labels.get(&key);
        if let Some(text) = label.filter(|_| view.zoom > 0.3 && spread == 0.0) {
            let galley =
                painter.layout_no_wrap(text.clone(), font.clone(), ui.visuals().weak_text_color());
            let size = galley.size();
            let [x, y] = placer.place([a.x, a.y], [b.x, b.y], [size.x, size.y], 4.0);
            painter.galley(
                Pos2::new(x - size.x / 2.0, y - size.y),
                galley,
                ui.visuals().weak_text_color(),
            );
        }
        if let Some(&sev) = badges.get(link.id.as_str()) {
            painter.circle_filled(mid, 4.0, severity_color(sev));
        }
    }

    // Nodes.
    let text_color = ui.visuals().text_color();
    for n in &design.nodes {
        let Some(&p) = screen.get(n.id.as_str()) else {
            continue;
        };
        if !visible.contains(p) {
            continue;
        }
        let color = kind_color(n.tag());
        let r = NODE_RADIUS;
        match n.tag() {
            NodeKindTag::OnPremSite => {
                painter.rect_filled(
                    Rect::from_center_size(p, Vec2::new(2.2 * r, 1.6 * r)),
                    4.0,
                    color,
                );
            }
            NodeKindTag::ColocationFacility => {
                painter.rect_filled(Rect::from_center_size(p, Vec2::splat(1.8 * r)), 1.0, color);
            }
            NodeKindTag::FabricRouter => {
                let pts = vec![
                    p + Vec2::new(0.0, -r),
                    p + Vec2::new(r, 0.0),
                    p + Vec2::new(0.0, r),
                    p + Vec2::new(-r, 0.0),
                ];
                painter.add(Shape::convex_polygon(pts, color, Stroke::NONE));
            }
            NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => {
                painter.circle_filled(p, r, color);
            }
        }
        if selection.iter().any(|s| s == n.id.as_str()) {
            painter.circle_stroke(
                p,
                r + 5.0,
                Stroke::new(2.5, ui.visuals().selection.stroke.color),
            );
        }
        if let Some(&sev) = badges.get(n.id.as_str()) {
            painter.circle_filled(p + Vec2::new(r, -r), 5.0, severity_color(sev));
        }
        if view.zoom > 0.2 {
            painter.text(
                p + Vec2::new(0.0, r + 3.0),
                egui::Align2::CENTER_TOP,
                &n.name,
                egui::FontId::proportional(12.0),
                text_color,
            );
        }
    }

    // Pointer: hit-test nodes first, then links.
    let hit_node = |pos: Pos2| {
        design.nodes.iter().rev().find(|n| {
            screen
                .get(n.id.as_str())
                .is_some_and(|&p| p.distance(pos) <= NODE_RADIUS + 3.0)
        })
    };
    let hit_link = |pos: Pos2| {
        design.links.iter().find(|l| {
            let (Some(&a), Some(&b)) = (screen.get(l.a.as_str()), screen.get(l.b.as_str())) else {
                return false;
            };
            let ab = b - a;
            let t = ((pos - a).dot(ab) / ab.length_sq().max(1.0)).clamp(0.0, 1.0);
            (a + ab * t).distance(pos) <= 5.0
        })
    };
    // Palette items dropped on the canvas.
    if let Some(item) = response.dnd_release_payload::<super::palette::PaletteItem>() {
        if let Some(pos) = ui
            .input(|i| i.pointer.interact_pos())
            .or(response.hover_pos())
        {
            proposals.push(Proposal::Drop {
                item: (*item).clone(),
                at: view.to_canvas(origin, pos),
            });
        }
    }
    if connect.active {
        // Press on a source and release on a target, or click one then the other.
        let pointer = ui.input(|i| i.pointer.hover_pos());
        if pointer.is_some() {
            connect.last_pointer = pointer;
        }
        if let (Some(from), Some(p)) = (
            connect.from.as_ref().and_then(|f| screen.get(f.as_str())),
            pointer,
        ) {
            painter.line_segment(
                [*from, p],
                Stroke::new(2.0, ui.visuals().selection.stroke.color),
            );
        }
        if response.drag_started() {
            // Where the button went down, not where the pointer is once the drag is detected.
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .or(response.interact_pointer_pos());
            connect.from = origin.and_then(hit_node).map(|n| n.id.clone());
        }
        let released = response.drag_stopped() || response.clicked();
        if released {
            let target = ui
                .input(|i| i.pointer.interact_pos())
                .or(connect.last_pointer)
                .and_then(hit_node)
                .map(|n| n.id.clone());
            match (connect.from.clone(), target) {
                (Some(from), Some(to)) if from != to => {
                    proposals.push(Proposal::Connect { from, to });
                    connect.from = None;
                }
                (None, Some(first)) if response.clicked() => connect.from = Some(first),
                (_, None) => connect.from = None,
                _ => {}
            }
        }
        return proposals;
    }
    let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
    if response.clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let id = hit_node(pos)
                .map(|n| n.id.to_string())
                .or_else(|| hit_link(pos).map(|l| l.id.to_string()));
            proposals.push(Proposal::Select { id, add });
        }
    }
    if response.drag_started() && !panning {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        match origin.and_then(hit_node) {
            Some(n) => {
                *drag = Some(Drag {
                    node: n.id.clone(),
                    start: n.position,
                    delta: Vec2::ZERO,
                });
                proposals.push(Proposal::Select {
                    id: Some(n.id.to_string()),
                    add: false,
                });
            }
            // On empty canvas a drag draws a selection box.
            None => view.box_start = origin,
        }
    }
    if let Some(start) = view.box_start {
        let end = ui.input(|i| i.pointer.interact_pos()).unwrap_or(start);
        let area = Rect::from_two_pos(start, end);
        painter.rect_stroke(
            area,
            0.0,
            Stroke::new(1.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Inside,
        );
        if response.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
            let inside = |id: &str| screen.get(id).is_some_and(|p| area.contains(*p));
            let ids = design
                .nodes
                .iter()
                .filter(|n| inside(n.id.as_str()))
                .map(|n| n.id.to_string())
                .chain(
                    design
                        .links
                        .iter()
                        .filter(|l| inside(l.a.as_str()) && inside(l.b.as_str()))
                        .map(|l| l.id.to_string()),
                )
                .collect();
            proposals.push(Proposal::SelectBox { ids, add });
            view.box_start = None;
        }
    }
    if let Some(d) = drag.as_mut() {
        if response.dragged() {
            d.delta += response.drag_delta();
        }
        if response.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
            let moved = d.delta != Vec2::ZERO;
            let to = Point::new(
                d.start.x + f64::from(d.delta.x / view.zoom),
                d.start.y + f64::from(d.delta.y / view.zoom),
            );
            if moved {
                proposals.push(Proposal::Move {
                    id: d.node.clone(),
                    to,
                });
            }
            *drag = None;
        }
    }
    proposals
}

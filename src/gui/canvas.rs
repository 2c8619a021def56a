//! The canvas: draws the design from its own positions (kinds by shape and colour, links by
//! kind with bandwidth labels, finding badges) and turns pointer input into proposals — select,
//! move — that the app applies as edits. A drag in flight is view state: the design changes
//! once, when the drag ends, so one drag is one undo step.
//!
//! Drawn with egui's painter rather than egui_graphs: egui_graphs keeps its own copy of
//! positions and selection, repaints every frame and draws without culling; painting the
//! Design directly keeps it the only truth, culls off-screen shapes and repaints only on input.

use super::scene::{Blob, InView, Scene};
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

/// What is marked on the elements: the worst finding of each, and the selection.
pub struct Marks<'a> {
    pub badges: &'a std::collections::HashMap<String, Severity>,
    pub selection: &'a [String],
}

/// Draw the canvas and collect proposals: the background, this frame's zoom and pan, the
/// design (what is in view), then what the pointer proposes.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    design: &Design,
    scene: &mut Scene,
    marks: Marks<'_>,
    view: &mut View,
    drag: &mut Option<Drag>,
    connect: &mut ConnectTool,
) -> Vec<Proposal> {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    view.rect = rect;
    if view.fit_pending {
        view.fit(design, rect);
    }
    draw_background(ui, &painter, view, rect);
    let panning = zoom_and_pan(ui, &response, view);
    let f = Frame {
        ui,
        painter: &painter,
        response: &response,
        design,
        rect,
        visible: rect.expand(60.0),
        screen: Screen {
            origin: rect.min,
            offset: view.offset,
            zoom: view.zoom,
            dragged: drag
                .as_ref()
                .and_then(|d| Some((*scene.index.get(&d.node)?, d.delta))),
        },
    };
    draw_design(&f, scene, &marks);
    let mut proposals = Vec::new();
    proposals.extend(dropped_item(&f, view));
    if connect.active {
        proposals.extend(connect_tool(&f, scene, connect));
        return proposals;
    }
    let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
    proposals.extend(click_select(&f, scene, add));
    proposals.extend(start_drag(&f, scene, view, drag, panning));
    proposals.extend(box_select(&f, scene, view, add));
    proposals.extend(end_drag(&f, view.zoom, drag));
    proposals
}

/// What one frame of the canvas works with: the painter and the pointer's response, the
/// design, the canvas's rect and the part of the screen whose shapes are drawn (a margin
/// around it), and canvas-to-screen after this frame's zoom and pan.
struct Frame<'a> {
    ui: &'a egui::Ui,
    painter: &'a egui::Painter,
    response: &'a egui::Response,
    design: &'a Design,
    rect: Rect,
    visible: Rect,
    screen: Screen,
}

/// Canvas to screen for one frame: screen = origin + offset + canvas * zoom; the node being
/// dragged (its scene index) is drawn moved by the drag so far.
#[derive(Clone, Copy)]
struct Screen {
    origin: Pos2,
    offset: Vec2,
    zoom: f32,
    dragged: Option<(u32, Vec2)>,
}

impl Screen {
    /// A canvas position on the screen.
    fn of(&self, p: Pos2) -> Pos2 {
        self.origin + self.offset + p.to_vec2() * self.zoom
    }

    /// Where node `i` of the scene is drawn: with the drag added when it is being dragged.
    fn node(&self, scene: &Scene, i: u32) -> Pos2 {
        let base = self.of(scene.pos[i as usize]);
        match self.dragged {
            Some((n, delta)) if n == i => base + delta,
            _ => base,
        }
    }

    /// Screen position → canvas position, as a `Pos2`.
    fn to_canvas(self, s: Pos2) -> Pos2 {
        Pos2::ZERO + (s - self.origin - self.offset) / self.zoom
    }
}

impl<'a> Frame<'a> {
    /// The node under a screen position, if any.
    fn hit_node(&self, scene: &Scene, pos: Pos2) -> Option<&'a crate::model::Node> {
        let at = self.screen.to_canvas(pos);
        scene
            .node_at(at, (NODE_RADIUS + 3.0) / self.screen.zoom)
            .map(|i| &self.design.nodes[i as usize])
    }

    /// The link within a few pixels of a screen position, among those near it.
    fn hit_link(&self, scene: &mut Scene, pos: Pos2) -> Option<&'a crate::model::Link> {
        let at = self.screen.to_canvas(pos);
        let near = Rect::from_center_size(at, Vec2::splat(10.0 / self.screen.zoom));
        let InView::Detail { links, .. } = scene.in_view(near) else {
            return None;
        };
        links.into_iter().find_map(|l| {
            let (ia, ib) = scene.ends[l as usize]?;
            let (a, b) = (
                self.screen.of(scene.pos[ia as usize]),
                self.screen.of(scene.pos[ib as usize]),
            );
            let ab = b - a;
            let t = ((pos - a).dot(ab) / ab.length_sq().max(1.0)).clamp(0.0, 1.0);
            ((a + ab * t).distance(pos) <= 5.0).then(|| &self.design.links[l as usize])
        })
    }

    /// Where the pointer went down, not where it is once a drag is detected.
    fn press_origin(&self) -> Option<Pos2> {
        self.ui
            .input(|i| i.pointer.press_origin())
            .or(self.response.interact_pointer_pos())
    }
}

/// The canvas's background, and a dot every grid step (every fifth when zoomed out, to stay
/// legible and cheap).
fn draw_background(ui: &egui::Ui, painter: &egui::Painter, view: &View, rect: Rect) {
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    if !view.show_grid {
        return;
    }
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

/// Zoom with the wheel (around the pointer) and pan with the middle or right button (or
/// Space); returns whether the view is being panned.
fn zoom_and_pan(ui: &egui::Ui, response: &egui::Response, view: &mut View) -> bool {
    let origin = response.rect.min;
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
    panning
}

/// What is in view, from the scene (built once per revision): the frame's work follows what
/// is drawn, not the size of the design. Zoomed far out, groups; else every node and link.
fn draw_design(f: &Frame<'_>, scene: &mut Scene, marks: &Marks<'_>) {
    let area = Rect::from_two_pos(
        f.screen.to_canvas(f.visible.min),
        f.screen.to_canvas(f.visible.max),
    );
    let selected: rustc_hash::FxHashSet<&str> =
        marks.selection.iter().map(String::as_str).collect();
    match scene.in_view(area) {
        InView::Overview {
            blobs,
            lines,
            total_nodes,
        } => draw_overview(f, &blobs, &lines, total_nodes),
        InView::Detail {
            mut nodes,
            mut links,
        } => {
            if let Some((n, _)) = f.screen.dragged {
                // The dragged node and its links follow the pointer wherever it goes.
                if !nodes.contains(&n) {
                    nodes.push(n);
                }
                for (i, e) in scene.ends.iter().enumerate() {
                    if e.is_some_and(|(a, b)| a == n || b == n) && !links.contains(&(i as u32)) {
                        links.push(i as u32);
                    }
                }
            }
            let shown = Shown {
                badges: marks.badges,
                selected: &selected,
            };
            draw_links(f, scene, &links, &shown);
            draw_nodes(f, scene, &nodes, &shown);
        }
    }
}

/// What is marked on the elements drawn: the worst finding of each, and the selection.
struct Shown<'a> {
    badges: &'a std::collections::HashMap<String, Severity>,
    selected: &'a rustc_hash::FxHashSet<&'a str>,
}

/// Zoomed far out: a dot per group of nodes, sized by how many, lines between joined groups,
/// and a note saying so.
fn draw_overview(f: &Frame<'_>, blobs: &[Blob], lines: &[(Pos2, Pos2)], total_nodes: usize) {
    let (ui, painter) = (f.ui, f.painter);
    let line = Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.5));
    for &(a, b) in lines {
        painter.line_segment([f.screen.of(a), f.screen.of(b)], line);
    }
    for blob in blobs {
        let r = (2.5 + (blob.count as f32).sqrt() * 1.2).min(40.0);
        painter.circle_filled(f.screen.of(blob.centre), r, kind_color(blob.kind));
    }
    painter.text(
        f.rect.left_top() + Vec2::new(10.0, 8.0),
        egui::Align2::LEFT_TOP,
        format!(
            "Overview of {} nodes: each dot is a group; zoom in to see every node",
            crate::costing::thousands(total_nodes as u64)
        ),
        egui::FontId::proportional(12.0),
        ui.visuals().weak_text_color(),
    );
}

/// Links, parallel ones spread apart, by kind (thicker when selected); one bandwidth label per
/// pair of nodes, and a badge at the middle.
fn draw_links(f: &Frame<'_>, scene: &Scene, links: &[u32], shown: &Shown<'_>) {
    let (ui, painter) = (f.ui, f.painter);
    let font = egui::FontId::proportional(11.0);
    let mut placer = look::LabelPlacer::default();
    for &l in links {
        let link = &f.design.links[l as usize];
        let Some((ia, ib)) = scene.ends[l as usize] else {
            continue;
        };
        let (a, b) = (f.screen.node(scene, ia), f.screen.node(scene, ib));
        if !f.visible.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        let spread = look::parallel_offset(scene.parallel[l as usize]) * 9.0;
        let dir = (b - a).normalized();
        let normal = Vec2::new(-dir.y, dir.x) * spread;
        let (a, b) = (a + normal, b + normal);
        let color = link_color(link.tag());
        let width = if shown.selected.contains(link.id.as_str()) {
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
        let text = &scene.labels[scene.label[l as usize] as usize];
        if f.screen.zoom > 0.3 && spread == 0.0 && !text.is_empty() {
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
        if let Some(&sev) = shown.badges.get(link.id.as_str()) {
            painter.circle_filled(mid, 4.0, severity_color(sev));
        }
    }
}

/// Nodes by kind, ringed when selected, with a badge and (unless zoomed far out) the name.
fn draw_nodes(f: &Frame<'_>, scene: &Scene, nodes: &[u32], shown: &Shown<'_>) {
    let (ui, painter) = (f.ui, f.painter);
    let text_color = ui.visuals().text_color();
    for &i in nodes {
        let n = &f.design.nodes[i as usize];
        let p = f.screen.node(scene, i);
        if !f.visible.contains(p) {
            continue;
        }
        draw_node(painter, n.tag(), p);
        if shown.selected.contains(n.id.as_str()) {
            painter.circle_stroke(
                p,
                NODE_RADIUS + 5.0,
                Stroke::new(2.5, ui.visuals().selection.stroke.color),
            );
        }
        if let Some(&sev) = shown.badges.get(n.id.as_str()) {
            let r = NODE_RADIUS;
            painter.circle_filled(p + Vec2::new(r, -r), 5.0, severity_color(sev));
        }
        if f.screen.zoom > 0.2 {
            painter.text(
                p + Vec2::new(0.0, NODE_RADIUS + 3.0),
                egui::Align2::CENTER_TOP,
                &n.name,
                egui::FontId::proportional(12.0),
                text_color,
            );
        }
    }
}

/// A palette item dropped on the canvas: where it was released.
fn dropped_item(f: &Frame<'_>, view: &View) -> Option<Proposal> {
    let item = f
        .response
        .dnd_release_payload::<super::palette::PaletteItem>()?;
    let pos =
        f.ui.input(|i| i.pointer.interact_pos())
            .or(f.response.hover_pos())?;
    Some(Proposal::Drop {
        item: (*item).clone(),
        at: view.to_canvas(f.screen.origin, pos),
    })
}

/// The connect tool: press on a source and release on a target, or click one then the
/// other; a line follows the pointer from the source chosen so far.
fn connect_tool(f: &Frame<'_>, scene: &Scene, connect: &mut ConnectTool) -> Option<Proposal> {
    let (ui, response) = (f.ui, f.response);
    let pointer = ui.input(|i| i.pointer.hover_pos());
    if pointer.is_some() {
        connect.last_pointer = pointer;
    }
    if let (Some(from), Some(p)) = (
        connect
            .from
            .as_ref()
            .and_then(|from| scene.index.get(from))
            .map(|&i| f.screen.node(scene, i)),
        pointer,
    ) {
        f.painter.line_segment(
            [from, p],
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
        );
    }
    if response.drag_started() {
        connect.from = f
            .press_origin()
            .and_then(|p| f.hit_node(scene, p))
            .map(|n| n.id.clone());
    }
    let released = response.drag_stopped() || response.clicked();
    if !released {
        return None;
    }
    let target = ui
        .input(|i| i.pointer.interact_pos())
        .or(connect.last_pointer)
        .and_then(|p| f.hit_node(scene, p))
        .map(|n| n.id.clone());
    match (connect.from.clone(), target) {
        (Some(from), Some(to)) if from != to => {
            connect.from = None;
            return Some(Proposal::Connect { from, to });
        }
        (None, Some(first)) if response.clicked() => connect.from = Some(first),
        (_, None) => connect.from = None,
        _ => {}
    }
    None
}

/// A click selects the node or link under the pointer (nodes first), or clears.
fn click_select(f: &Frame<'_>, scene: &mut Scene, add: bool) -> Option<Proposal> {
    if !f.response.clicked() {
        return None;
    }
    let pos = f.response.interact_pointer_pos()?;
    let id = f
        .hit_node(scene, pos)
        .map(|n| n.id.to_string())
        .or_else(|| f.hit_link(scene, pos).map(|l| l.id.to_string()));
    Some(Proposal::Select { id, add })
}

/// A drag starting on a node picks it up (and selects it); on empty canvas it starts a
/// selection box.
fn start_drag(
    f: &Frame<'_>,
    scene: &Scene,
    view: &mut View,
    drag: &mut Option<Drag>,
    panning: bool,
) -> Option<Proposal> {
    if !f.response.drag_started() || panning {
        return None;
    }
    let origin = f.press_origin();
    match origin.and_then(|p| f.hit_node(scene, p)) {
        Some(n) => {
            *drag = Some(Drag {
                node: n.id.clone(),
                start: n.position,
                delta: Vec2::ZERO,
            });
            Some(Proposal::Select {
                id: Some(n.id.to_string()),
                add: false,
            })
        }
        None => {
            view.box_start = origin;
            None
        }
    }
}

/// A selection box in flight is drawn; when the button is released, what it encloses is
/// selected (links with both ends inside).
fn box_select(f: &Frame<'_>, scene: &Scene, view: &mut View, add: bool) -> Option<Proposal> {
    let start = view.box_start?;
    let ui = f.ui;
    let end = ui.input(|i| i.pointer.interact_pos()).unwrap_or(start);
    let area = Rect::from_two_pos(start, end);
    f.painter.rect_stroke(
        area,
        0.0,
        Stroke::new(1.0, ui.visuals().selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    let released = f.response.drag_stopped() || !ui.input(|i| i.pointer.any_down());
    if !released {
        return None;
    }
    let inside = |i: u32| area.contains(f.screen.node(scene, i));
    let ids = f
        .design
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| inside(*i as u32))
        .map(|(_, n)| n.id.to_string())
        .chain(
            f.design
                .links
                .iter()
                .zip(&scene.ends)
                .filter(|(_, e)| e.is_some_and(|(a, b)| inside(a) && inside(b)))
                .map(|(l, _)| l.id.to_string()),
        )
        .collect();
    view.box_start = None;
    Some(Proposal::SelectBox { ids, add })
}

/// A node being dragged follows the pointer; when the button is released it is moved there,
/// in one edit (none when it did not move).
fn end_drag(f: &Frame<'_>, zoom: f32, drag: &mut Option<Drag>) -> Option<Proposal> {
    let d = drag.as_mut()?;
    if f.response.dragged() {
        d.delta += f.response.drag_delta();
    }
    let released = f.response.drag_stopped() || !f.ui.input(|i| i.pointer.any_down());
    if !released {
        return None;
    }
    let moved = d.delta != Vec2::ZERO;
    let to = Point::new(
        d.start.x + f64::from(d.delta.x / zoom),
        d.start.y + f64::from(d.delta.y / zoom),
    );
    let id = d.node.clone();
    *drag = None;
    moved.then_some(Proposal::Move { id, to })
}

/// A node's shape by kind, centred on `p`.
fn draw_node(painter: &egui::Painter, kind: NodeKindTag, p: Pos2) {
    let color = kind_color(kind);
    let r = NODE_RADIUS;
    match kind {
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
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::gui::test_support::*;
    use crate::gui::{DesignerApp, app};
    use crate::model::{LinkKindTag, NodeKindTag, Point};
    use eframe::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn dragging_a_node_is_one_edit_and_one_undo() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        let start = h.state().design.node(&"site-dub".into()).unwrap().position;
        let at = h.state().view.to_screen(h.state().view.rect.min, start);
        let revision = h.state().history.revision();
        h.drag_at(at);
        h.run_steps(1);
        for step in 1..=5 {
            h.hover_at(at + egui::vec2(12.0 * step as f32, 6.0 * step as f32));
            h.run_steps(1);
        }
        assert_eq!(
            h.state().history.revision(),
            revision,
            "no edit while the drag is in flight"
        );
        h.drop_at(at + egui::vec2(60.0, 30.0));
        h.run_steps(2);
        assert_eq!(
            h.state().history.revision(),
            revision + 1,
            "one edit for the whole drag"
        );
        let moved = h.state().design.node(&"site-dub".into()).unwrap().position;
        assert!(moved.x > start.x && moved.y > start.y, "{moved:?}");
        assert_eq!(
            (moved.x % app::GRID, moved.y % app::GRID),
            (0.0, 0.0),
            "snapped to the grid"
        );
        h.state_mut().undo();
        assert_eq!(
            h.state().design.node(&"site-dub".into()).unwrap().position,
            start
        );
    }

    #[test]
    fn catalog_search_and_the_connect_tool_build_a_circuit() {
        let mut h = harness(empty_app());
        h.state_mut().search = "Ashburn".into();
        h.run_steps(2);
        // The Equinix DC2 building hosts both clouds.
        let hits = h.state().search_results(12);
        let dc2 = hits
            .iter()
            .find(|hit| hit.label().contains("Azure + AWS in this building"))
            .cloned()
            .expect("a shared building");
        h.state_mut().add_hit(&dc2, Point::new(0.0, 0.0));
        h.state_mut().search = "eastus2".into();
        let east = h
            .state()
            .search_results(12)
            .into_iter()
            .next()
            .expect("East US 2");
        h.state_mut().add_hit(&east, Point::new(300.0, 0.0));
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(-300.0, 0.0));
        h.state_mut().view.fit_pending = true;
        h.run_steps(3);
        let ids: Vec<String> = h
            .state()
            .design
            .nodes
            .iter()
            .map(|n| n.id.to_string())
            .collect();
        let (fac, az, site) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
        let screen = |h: &Harness<'static, DesignerApp>, id: &str| {
            let app = h.state();
            app.view.to_screen(
                app.view.rect.min,
                app.design.node(&id.into()).unwrap().position,
            )
        };
        // Connect tool: press on the site, release on the facility -> the only kind that joins
        // them, an access circuit.
        h.get_by_label("Connect (C)").click();
        h.run_steps(1);
        let (from, to) = (screen(&h, &site), screen(&h, &fac));
        h.drag_at(from);
        h.run_steps(1);
        h.hover_at(to);
        h.run_steps(1);
        h.drop_at(to);
        h.run_steps(2);
        assert_eq!(h.state().design.links.len(), 1);
        assert_eq!(h.state().design.links[0].tag(), LinkKindTag::AccessCircuit);
        // Click the facility then the region: an ExpressRoute circuit, valid by default.
        h.state_mut()
            .propose_link(fac.as_str().into(), az.as_str().into());
        h.run_steps(2);
        assert_eq!(h.state().design.links.len(), 2);
        assert_eq!(
            h.state().design.links[1].tag(),
            LinkKindTag::ExpressRouteCircuit
        );
        // Two sites cannot be joined: refused with the reason.
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(-300.0, 200.0));
        let other = h.state().design.nodes.last().unwrap().id.clone();
        h.state_mut().propose_link(site.as_str().into(), other);
        assert_eq!(h.state().design.links.len(), 2);
        assert!(
            h.state()
                .message
                .as_deref()
                .is_some_and(|m| m.contains("no link joins a on-prem site and a on-prem site"))
        );
        // The design is consistent for the rules: the circuit lands where ExpressRoute is.
        let codes: Vec<&str> = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
            .active()
            .map(|f| f.code)
            .collect();
        assert!(
            !codes.contains(&"ER007") && !codes.contains(&"GEN001"),
            "{codes:?}"
        );
    }

    #[test]
    fn a_box_on_empty_canvas_selects_what_it_encloses() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let app = h.state();
        let at = |id: &str| {
            app.view.to_screen(
                app.view.rect.min,
                app.design.node(&id.into()).unwrap().position,
            )
        };
        let (nyc, chi) = (at("site-nyc"), at("site-chi"));
        let from = egui::pos2(nyc.x - 40.0, nyc.y - 40.0);
        let to = egui::pos2(chi.x + 40.0, chi.y + 40.0);
        drag_path(&mut h, from, to);
        let mut selected = h.state().selection.clone();
        selected.sort();
        assert_eq!(selected, ["site-chi", "site-nyc"]);
    }
}

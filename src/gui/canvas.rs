//! The canvas: draws the design from its own positions — each node kind by its vector glyph,
//! links as curves (parallel ones side by side, each selectable), bandwidths and names on halos
//! where no line crosses them, group boxes, finding badges, a legend and a minimap — and turns
//! pointer input into proposals (select, move, connect) that the app applies as edits. A drag in
//! flight is view state: the design changes once, when the drag ends, so one drag is one undo
//! step; while it lasts, the node lines up with others it comes near (snap guides).
//!
//! Drawn with egui's painter rather than egui_graphs: egui_graphs keeps its own copy of
//! positions and selection, repaints every frame and draws without culling; painting the
//! Design directly keeps it the only truth, culls off-screen shapes and repaints only on input.
//! The pieces are the diagram core's (`crate::diagram`), so the canvas looks like the report;
//! `paint.rs` draws what is in view at a level of detail that follows the zoom, `overlay.rs` the
//! legend and the minimap, `snap.rs` the snap guides.

mod overlay;
pub(super) mod paint;
mod snap;

pub use paint::Lod;
pub use snap::{SNAP_POINTS, Snapped};

use super::scene::{InView, Scene};
use crate::look::{self, Palette, Theme};
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
    /// Where the minimap was drawn last frame (None: not shown).
    pub minimap: Option<Rect>,
    /// Box selection in flight: where it started (screen).
    pub box_start: Option<Pos2>,
    pub show_grid: bool,
    /// The canvas size, zoom and offset of the last fit: while neither zoom nor offset has
    /// changed since, a resized window fits the design again.
    pub fitted: Option<(Vec2, f32, Vec2)>,
}

impl Default for View {
    fn default() -> Self {
        View {
            offset: Vec2::ZERO,
            zoom: 1.0,
            fit_pending: true,
            rect: Rect::NOTHING,
            minimap: None,
            box_start: None,
            show_grid: true,
            fitted: None,
        }
    }
}

/// What the canvas draws over the design, as the View menu sets it (remembered by the window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    pub legend: bool,
    pub groups: bool,
    pub minimap: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            legend: true,
            groups: true,
            minimap: true,
        }
    }
}

/// A node being dragged: where it started, how far it has moved (screen delta), and where it
/// goes (lined up with another node, or on the grid).
#[derive(Debug, Clone)]
pub struct Drag {
    pub node: NodeId,
    pub start: Point,
    pub delta: Vec2,
    /// Where it is drawn and will be dropped (None: before the first frame of the drag).
    pub snapped: Option<Snapped>,
}

/// What the canvas proposes; the app decides and applies edits.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// Select this element (None: clear); `add` keeps the current selection (Ctrl/Shift).
    Select { id: Option<String>, add: bool },
    /// A drag ended: move the node here. `aligned`: on that axis (x, y) it lined up with
    /// another node, which the grid must not undo.
    Move {
        id: NodeId,
        to: Point,
        aligned: [bool; 2],
    },
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

pub use super::scene::NODE_RADIUS;

/// How far the view zooms out (a 100,000-site design fits a window) and in.
pub const MIN_ZOOM: f32 = 0.002;
pub const MAX_ZOOM: f32 = 4.0;

/// A link is picked within this many screen points of its curve.
const PICK_POINTS: f32 = 6.0;

/// A node kind's colour in the light look (the palette's swatches).
pub fn kind_color(kind: NodeKindTag) -> Color32 {
    paint::rgb(look::node_rgb(kind))
}

pub fn link_color(kind: LinkKindTag) -> Color32 {
    paint::rgb(look::link_rgb(kind))
}

/// A severity's colour for text on the window's panels: the badge colours, darkened on the light
/// theme and lightened on the dark one so the text reads on either (WCAG AA, 4.5:1).
pub fn severity_text_color(ui: &egui::Ui, s: Severity) -> Color32 {
    paint::rgb(severity_text_rgb(ui.visuals().dark_mode, s))
}

fn severity_text_rgb(dark: bool, s: Severity) -> look::Rgb {
    match (dark, s) {
        (true, Severity::Error) => [240, 100, 100],
        (true, Severity::Warning) => [225, 155, 20],
        (true, Severity::Info) => [110, 165, 235],
        (false, Severity::Error) => [190, 35, 35],
        (false, Severity::Warning) => [150, 90, 0],
        (false, Severity::Info) => [30, 90, 170],
    }
}

/// The drawing's look for the egui theme in use.
pub fn theme_of(ui: &egui::Ui) -> Theme {
    if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}

impl View {
    pub fn to_screen(&self, origin: Pos2, p: Point) -> Pos2 {
        origin + self.offset + Vec2::new(p.x as f32, p.y as f32) * self.zoom
    }
    pub fn to_canvas(&self, origin: Pos2, s: Pos2) -> Point {
        let v = (s - origin - self.offset) / self.zoom;
        Point::new(f64::from(v.x), f64::from(v.y))
    }
    /// Fit `content` (canvas units: the nodes with their names and group boxes; None for an
    /// empty design) into `rect` with a margin (smaller in a small window), at most at zoom 1:
    /// a small design is shown at its size, not blown up.
    pub fn fit(&mut self, content: Option<Rect>, rect: Rect) {
        let Some(content) = content.filter(|c| c.is_finite() && !c.is_negative()) else {
            *self = View {
                fit_pending: false,
                rect,
                show_grid: self.show_grid,
                ..View::default()
            };
            return;
        };
        let size = content.size().max(Vec2::splat(1.0));
        let margin = (0.05 * rect.width().min(rect.height())).clamp(16.0, 40.0);
        let zoom = ((rect.width() - 2.0 * margin) / size.x)
            .min((rect.height() - 2.0 * margin) / size.y)
            .clamp(MIN_ZOOM, 1.0);
        self.zoom = zoom;
        self.offset = rect.size() / 2.0 - content.center().to_vec2() * zoom;
        self.fit_pending = false;
    }
}

/// What is marked on the elements: the worst finding of each, the selection, and the demand
/// picked in the Resilience tab.
pub struct Marks<'a> {
    pub badges: &'a std::collections::HashMap<String, Severity>,
    pub selection: &'a [String],
    pub highlight: Option<&'a Highlight>,
}

/// One demand marked on the canvas (a row picked in the Resilience tab): the links of its
/// intact paths drawn wide in the palette's highlight colour, its site and region ringed in
/// it, and the members of its single points of failure ringed in the error colour. View state:
/// it selects nothing and moves no view.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The demand's id.
    pub demand: String,
    /// The demand as the Resilience table names it ("site → region"), found once.
    pub title: String,
    /// The analyses it was read from (read again when they change).
    pub key: (u64, u64),
    /// Its site and region.
    pub ends: [smol_str::SmolStr; 2],
    /// Links of its intact paths.
    pub links: rustc_hash::FxHashSet<smol_str::SmolStr>,
    /// Nodes and links whose failure alone loses it.
    pub spofs: rustc_hash::FxHashSet<smol_str::SmolStr>,
}

/// Draw the canvas and collect proposals: the background, this frame's zoom and pan, the
/// design (what is in view), the legend and the minimap, then what the pointer proposes.
/// `grid`: the grid a dragged node snaps to, when it does.
#[allow(clippy::too_many_arguments)] // the window's pieces the canvas reads and moves
pub fn canvas_ui(
    ui: &mut egui::Ui,
    design: &Design,
    scene: &mut Scene,
    marks: Marks<'_>,
    view: &mut View,
    drag: &mut Option<Drag>,
    connect: &mut ConnectTool,
    layers: &Layers,
    grid: Option<f32>,
) -> Vec<Proposal> {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    view.rect = rect;
    let palette = theme_of(ui).palette();
    let legend = if layers.legend {
        overlay::Legend::layout(&painter, palette, scene, &marks, layers, rect)
    } else {
        None
    };
    if let Some((size, zoom, offset)) = view.fitted {
        if (zoom, offset) != (view.zoom, view.offset) {
            view.fitted = None;
        } else if size != rect.size() {
            view.fit_pending = true;
        }
    }
    if view.fit_pending {
        // Fitted above the legend, so it covers nothing.
        let mut room = rect;
        if let Some(l) = legend
            .as_ref()
            .filter(|l| l.area.height() <= 0.3 * rect.height())
        {
            room.max.y = l.area.min.y - 8.0;
        }
        view.fit(scene.content(), room);
        view.fitted = Some((rect.size(), view.zoom, view.offset));
    }
    draw_background(&painter, palette, view, rect);
    let panning = zoom_and_pan(ui, &response, view);
    // The minimap shows when part of the design is out of view; it takes the pointer before
    // the drawing is laid out, so a click on it draws the view it moved to.
    view.minimap = (layers.minimap && !overlay::all_in_view(scene, view, rect))
        .then(|| overlay::minimap_rect(rect, scene))
        .flatten();
    if let Some(mini) = view.minimap {
        overlay::minimap_pan(ui, mini, scene, view);
    }
    if let Some(d) = drag.as_mut() {
        if response.dragged() {
            d.delta += response.drag_delta();
        }
    }
    let visible = rect.expand(60.0);
    let screen = Screen::of_view(view);
    let mut f = Frame {
        ui,
        painter: &painter,
        response: &response,
        design,
        rect,
        visible,
        area: Rect::from_two_pos(screen.to_canvas(visible.min), screen.to_canvas(visible.max)),
        screen,
        palette,
        lod: Lod::at(view.zoom),
    };
    let hovered = if drag.is_none() && view.box_start.is_none() && !panning {
        hovered(&f, scene)
    } else {
        None
    };
    draw_design(
        &mut f,
        scene,
        &marks,
        drag,
        grid,
        layers,
        hovered.as_deref(),
    );
    if let Some(legend) = legend {
        legend.ui(&f);
    }
    if let Some(mini) = view.minimap {
        overlay::minimap(&f, scene, mini);
    }
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
    proposals.extend(end_drag(&f, drag));
    proposals
}

/// What one frame of the canvas works with: the painter and the pointer's response, the
/// design, the canvas's rect, the part of the screen whose shapes are drawn (a margin around
/// it) and that part in canvas units, canvas-to-screen after this frame's zoom and pan, the
/// theme's palette and the level of detail.
struct Frame<'a> {
    ui: &'a egui::Ui,
    painter: &'a egui::Painter,
    response: &'a egui::Response,
    design: &'a Design,
    rect: Rect,
    visible: Rect,
    area: Rect,
    screen: Screen,
    palette: &'static Palette,
    lod: Lod,
}

/// Canvas to screen for one frame: screen = origin + offset + canvas * zoom; the node being
/// dragged (its scene index) is drawn where the drag puts it (canvas position).
#[derive(Clone, Copy)]
struct Screen {
    origin: Pos2,
    offset: Vec2,
    zoom: f32,
    dragged: Option<(u32, Pos2)>,
}

impl Screen {
    /// The view's canvas-to-screen, as last drawn (nothing being dragged).
    fn of_view(view: &View) -> Screen {
        Screen {
            origin: view.rect.min,
            offset: view.offset,
            zoom: view.zoom,
            dragged: None,
        }
    }

    /// A canvas position on the screen.
    fn of(&self, p: Pos2) -> Pos2 {
        self.origin + self.offset + p.to_vec2() * self.zoom
    }

    /// Where node `i` of the scene is drawn: where the drag puts it when it is being dragged.
    fn node(&self, scene: &Scene, i: u32) -> Pos2 {
        match self.dragged {
            Some((n, at)) if n == i => self.of(at),
            _ => self.of(scene.pos[i as usize]),
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
            .node_at(at, (self.lod.radius + 3.0) / self.screen.zoom)
            .map(|i| &self.design.nodes[i as usize])
    }

    /// The link whose curve is nearest a screen position, within a few points, among the links
    /// near it (parallel links are told apart by their lanes).
    fn hit_link(&self, scene: &mut Scene, pos: Pos2) -> Option<&'a crate::model::Link> {
        let at = self.screen.to_canvas(pos);
        // Room for the widest bow: three node sizes of shift and a bundle's lanes.
        let reach = 8.0 * NODE_RADIUS + 2.0 * PICK_POINTS / self.screen.zoom;
        let near = Rect::from_center_size(at, Vec2::splat(2.0 * reach));
        let InView::Detail { links, .. } = scene.in_view(near) else {
            return None;
        };
        scene.prepare(&links);
        let curves: Vec<(u32, crate::diagram::Curve)> = links
            .iter()
            .filter_map(|&l| Some((l, paint::link_curve(&self.screen, scene, l)?)))
            .collect();
        let picked = crate::diagram::curve::pick(
            curves.iter().map(|(l, c)| (*l, c)),
            super::scene::v2(pos),
            PICK_POINTS,
        )?;
        self.design.links.get(picked as usize)
    }

    /// Where the pointer went down, not where it is once a drag is detected.
    fn press_origin(&self) -> Option<Pos2> {
        self.ui
            .input(|i| i.pointer.press_origin())
            .or(self.response.interact_pointer_pos())
    }
}

/// The element under the pointer (a node before a link), to highlight it.
fn hovered(f: &Frame<'_>, scene: &mut Scene) -> Option<String> {
    if !f.response.hovered() {
        return None;
    }
    let pos = f.response.hover_pos()?;
    let id = f
        .hit_node(scene, pos)
        .map(|n| n.id.to_string())
        .or_else(|| f.hit_link(scene, pos).map(|l| l.id.to_string()));
    if id.is_some() {
        f.ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    id
}

/// The canvas's background, and a dot every grid step (every fifth when zoomed out, to stay
/// legible and cheap).
fn draw_background(painter: &egui::Painter, palette: &Palette, view: &View, rect: Rect) {
    painter.rect_filled(rect, 0.0, paint::rgb(palette.background));
    if !view.show_grid {
        return;
    }
    let mut step = super::app::GRID as f32 * view.zoom;
    while step < 12.0 {
        step *= 5.0;
    }
    let color = paint::rgb(look::mix(palette.grid, palette.text, 0.12));
    let start = rect.min
        + Vec2::new(
            (view.offset.x).rem_euclid(step),
            (view.offset.y).rem_euclid(step),
        );
    let mut dots = Vec::new();
    let mut y = start.y;
    while y < rect.max.y {
        let mut x = start.x;
        while x < rect.max.x {
            dots.push(Shape::circle_filled(Pos2::new(x, y), 0.9, color));
            x += step;
        }
        y += step;
    }
    painter.extend(dots);
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
                view.zoom = (view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
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
/// is drawn, not the size of the design. Zoomed far out, an overview; else every node and
/// link in view, the node being dragged where the drag (and its snapping) puts it.
fn draw_design(
    f: &mut Frame<'_>,
    scene: &mut Scene,
    marks: &Marks<'_>,
    drag: &mut Option<Drag>,
    grid: Option<f32>,
    layers: &Layers,
    hovered: Option<&str>,
) {
    let selected: rustc_hash::FxHashSet<&str> =
        marks.selection.iter().map(String::as_str).collect();
    match scene.in_view(f.area) {
        InView::Overview {
            blobs,
            lines,
            total_nodes,
        } => paint::overview(f, scene, &blobs, &lines, total_nodes, layers.groups),
        InView::Detail {
            mut nodes,
            mut links,
        } => {
            let mut guides = Vec::new();
            if let Some(d) = drag.as_mut() {
                if let Some(&n) = scene.index.get(&d.node) {
                    let raw = Pos2::new(
                        d.start.x as f32 + d.delta.x / f.screen.zoom,
                        d.start.y as f32 + d.delta.y / f.screen.zoom,
                    );
                    let snapped = snap::align(scene, &nodes, n, raw, f.screen.zoom, grid);
                    d.snapped = Some(snapped);
                    f.screen.dragged = Some((n, snapped.at));
                    guides = snapped
                        .with
                        .iter()
                        .flatten()
                        .map(|&other| (scene.pos[other as usize], snapped.at))
                        .collect();
                    // The dragged node and its links follow the pointer wherever it goes.
                    if !nodes.contains(&n) {
                        nodes.push(n);
                    }
                    for (i, e) in scene.ends.iter().enumerate() {
                        if e.is_some_and(|(a, b)| a == n || b == n) && !links.contains(&(i as u32))
                        {
                            links.push(i as u32);
                        }
                    }
                }
            }
            scene.prepare(&links);
            f.lod = f.lod.with_room(nodes.len(), links.len(), f.rect.area());
            let shown = Shown {
                badges: marks.badges,
                selected: &selected,
                hovered,
                highlight: marks.highlight,
            };
            paint::detail(f, scene, &nodes, &links, &shown, layers.groups);
            draw_guides(f, &guides);
        }
    }
}

/// The snap guides: a dashed line through the node dragged and the one it lined up with,
/// a little beyond both.
fn draw_guides(f: &Frame<'_>, guides: &[(Pos2, Pos2)]) {
    let stroke = Stroke::new(1.5, paint::rgb(f.palette.selection));
    for &(other, at) in guides {
        let (a, b) = (f.screen.of(other), f.screen.of(at));
        let along = (b - a).normalized() * 24.0;
        f.painter.extend(Shape::dashed_line(
            &[a - along, b + along],
            stroke,
            6.0,
            4.0,
        ));
    }
}

/// What is marked on the elements drawn: the worst finding of each, the selection, and the
/// element under the pointer.
struct Shown<'a> {
    badges: &'a std::collections::HashMap<String, Severity>,
    selected: &'a rustc_hash::FxHashSet<&'a str>,
    hovered: Option<&'a str>,
    highlight: Option<&'a Highlight>,
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
        f.painter
            .line_segment([from, p], Stroke::new(2.0, paint::rgb(f.palette.selection)));
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
            // The pointer has moved since the press (a drag is told from a click by moving).
            let moved = f.ui.input(|i| i.pointer.interact_pos());
            *drag = Some(Drag {
                node: n.id.clone(),
                start: n.position,
                delta: moved.zip(origin).map_or(Vec2::ZERO, |(p, o)| p - o),
                snapped: None,
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
    let selection = paint::rgb(f.palette.selection);
    f.painter.rect(
        area,
        0.0,
        selection.gamma_multiply(0.08),
        Stroke::new(1.0, selection),
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

/// When the button is released the dragged node is moved where the drag put it (lined up with
/// another node, or on the grid), in one edit (none when it did not move).
fn end_drag(f: &Frame<'_>, drag: &mut Option<Drag>) -> Option<Proposal> {
    let d = drag.as_mut()?;
    let released = f.response.drag_stopped() || !f.ui.input(|i| i.pointer.any_down());
    if !released {
        return None;
    }
    let moved = d.delta != Vec2::ZERO;
    let (to, aligned) = match d.snapped {
        Some(s) => (
            Point::new(f64::from(s.at.x), f64::from(s.at.y)),
            [s.with[0].is_some(), s.with[1].is_some()],
        ),
        None => {
            let zoom = f.screen.zoom;
            let at = Point::new(
                d.start.x + f64::from(d.delta.x / zoom),
                d.start.y + f64::from(d.delta.y / zoom),
            );
            (at, [false, false])
        }
    };
    let id = d.node.clone();
    *drag = None;
    moved.then_some(Proposal::Move { id, to, aligned })
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

    /// The menu row of a View toggle, by its label.
    fn toggle(h: &mut Harness<'static, DesignerApp>, label: &str) {
        h.get_by_label("View").click();
        h.run_steps(1);
        h.get_by_label(label).click();
        h.run_steps(2);
        // Close the menu, so it does not cover the canvas.
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
    }

    #[test]
    fn two_parallel_links_are_selected_one_by_one_by_clicking_their_curves() {
        let mut h = harness(app_with("designs/aws-dev-test-one-location.json"));
        let app = h.state();
        let scene = app.scene().unwrap();
        let screen = super::Screen::of_view(&app.view);
        let middle = |id: &str| {
            let l = app.design.links.iter().position(|l| l.id.as_str() == id);
            let curve = super::paint::link_curve(&screen, scene, l.unwrap() as u32).unwrap();
            super::super::scene::pos2(curve.midpoint())
        };
        let (first, second) = (middle("acc-dub-1"), middle("acc-dub-2"));
        assert!(
            first.distance(second) >= 5.0,
            "two lanes, apart on the screen: {first:?} {second:?}"
        );
        for (at, id) in [
            (first, "acc-dub-1"),
            (second, "acc-dub-2"),
            (first, "acc-dub-1"),
        ] {
            click_at(&mut h, at);
            assert_eq!(h.state().selection, [id], "clicked at {at:?}");
        }
    }

    #[test]
    fn the_legend_names_the_node_kinds_and_toggles_from_the_view_menu() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let kinds = [
            "On-prem site",
            "Colocation facility",
            "Azure region",
            "AWS region",
            "Direct Connect connection",
            "Site-to-site VPN",
        ];
        let texts = painted_texts(&h);
        for kind in kinds {
            assert!(texts.iter().any(|t| t == kind), "{kind} in {texts:?}");
        }
        assert!(
            !texts.iter().any(|t| t == "Fabric router"),
            "only the kinds the design holds"
        );
        toggle(&mut h, "Legend");
        assert!(!h.state().layers.legend);
        let texts = painted_texts(&h);
        for kind in kinds {
            assert!(!texts.iter().any(|t| t == kind), "{kind} hidden");
        }
        toggle(&mut h, "Legend");
        assert!(painted_texts(&h).iter().any(|t| t == "Colocation facility"));
    }

    #[test]
    fn group_boxes_are_titled_and_toggle_from_the_view_menu() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let titles = ["Washington DC", "Chicago", "Azure", "AWS", "On-premises"];
        let texts = painted_texts(&h);
        for title in titles {
            assert!(texts.iter().any(|t| t == title), "{title} in {texts:?}");
        }
        toggle(&mut h, "Groups (metros, clouds, on-premises)");
        assert!(!h.state().layers.groups);
        let texts = painted_texts(&h);
        for title in titles {
            assert!(!texts.iter().any(|t| t == title), "{title} hidden");
        }
        assert!(
            !texts.iter().any(|t| t == "Metro (facilities, routers)"),
            "nor in the legend"
        );
    }

    #[test]
    fn a_node_dragged_near_another_nodes_centre_lines_up_with_it() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().snap_to_grid = false;
        let app = h.state();
        let zoom = app.view.zoom;
        let at = |x: f64, y: f64| app.view.to_screen(app.view.rect.min, Point::new(x, y));
        // Chicago DC (0, 400) to 4 points right of the facilities' x (400) and 4 above the AWS
        // region's y (500).
        let from = at(0.0, 400.0);
        let to = at(400.0, 500.0) + egui::vec2(4.0, -4.0);
        let off = f64::from(4.0 / zoom);
        assert!(off > 1.0, "{off}: the drop would land visibly off the line");
        drag_path(&mut h, from, to);
        let moved = h.state().design.node(&"site-chi".into()).unwrap().position;
        assert_eq!(moved, Point::new(400.0, 500.0), "lined up on both axes");
        // Far from every node's lines, it stays where it was dropped.
        let app = h.state();
        let from = app.view.to_screen(app.view.rect.min, moved);
        let to = app
            .view
            .to_screen(app.view.rect.min, Point::new(230.0, 230.0));
        drag_path(&mut h, from, to);
        let moved = h.state().design.node(&"site-chi".into()).unwrap().position;
        assert!(
            (moved.x - 230.0).abs() < 1.0 && (moved.y - 230.0).abs() < 1.0,
            "{moved:?}"
        );
    }

    #[test]
    fn a_click_on_the_minimap_moves_the_view_there_and_selects_nothing() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["fac-dc2".into()];
        h.state_mut().zoom_to(2.0);
        h.run_steps(2);
        let mini = h
            .state()
            .view
            .minimap
            .expect("part of the design is out of view");
        let centre = |h: &Harness<'static, DesignerApp>| {
            let v = h.state().view;
            v.to_canvas(v.rect.min, v.rect.center())
        };
        // The design's nodes span (0, -100) to (800, 500): its middle is (400, 200).
        let before = centre(&h);
        assert!((before.x - 400.0).abs() > 50.0, "{before:?}");
        click_at(&mut h, mini.center());
        let after = centre(&h);
        assert!(
            (after.x - 400.0).abs() < 2.0 && (after.y - 200.0).abs() < 2.0,
            "{after:?}"
        );
        // Left of the middle on the minimap: left of the design's middle.
        click_at(&mut h, mini.center() - egui::vec2(mini.width() / 4.0, 0.0));
        assert!(centre(&h).x < 300.0, "{:?}", centre(&h));
        assert_eq!(
            h.state().selection,
            ["fac-dc2"],
            "the canvas under it was not clicked"
        );
    }

    #[test]
    fn the_idle_canvas_requests_no_repaint() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        h.state_mut().selection = vec!["fac-pa4".into()];
        h.state_mut().zoom_to(1.5);
        // Up a little, so the node below is on the canvas, not under the tabs.
        h.state_mut().pan_by(egui::vec2(0.0, -200.0));
        h.run_steps(2);
        assert!(h.state().layers.legend && h.state().layers.groups);
        assert!(h.state().view.minimap.is_some(), "the minimap is drawn too");
        // Pointer over a node (highlighted), then still: brought into view first, as at this
        // zoom it is drawn past the canvas's lower edge, under the tabs (whose widgets have
        // tooltips of their own).
        let where_is = |app: &DesignerApp| {
            let p = app.design.node(&"fac-sp2".into()).unwrap().position;
            app.view.to_screen(app.view.rect.min, p)
        };
        let below = where_is(h.state()).y - h.state().view.rect.center().y;
        h.state_mut().pan_by(egui::vec2(0.0, -below));
        h.run_steps(1);
        let over = where_is(h.state());
        assert!(
            h.state().view.rect.contains(over),
            "{over:?} is on the canvas"
        );
        h.hover_at(over);
        let steps = h.try_run().expect("no frame asks for another");
        assert!(steps <= 3, "{steps} frames");
    }

    /// Finding codes and counts read on the panels of either theme (WCAG AA, 4.5:1), and the
    /// canvas's own text on its halos (the palettes' test covers those).
    #[test]
    fn severity_text_reads_on_the_panels_of_both_themes() {
        use crate::rules::Severity;
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            for back in [
                visuals.panel_fill,
                visuals.window_fill,
                visuals.extreme_bg_color,
            ] {
                for s in [Severity::Error, Severity::Warning, Severity::Info] {
                    let text = super::severity_text_rgb(visuals.dark_mode, s);
                    let c = crate::look::contrast(text, [back.r(), back.g(), back.b()]);
                    assert!(c >= 4.5, "{s:?} on {back:?}: {c:.2}:1");
                }
            }
        }
    }

    /// Zoomed out over many nodes, names give way (they would cover the drawing) and metros
    /// become one shape; zoomed in, every name in view is drawn, beside its glyph.
    #[test]
    fn names_give_way_when_zoomed_out_and_come_back_when_zoomed_in() {
        let catalog = Catalog::builtin().unwrap();
        let design = crate::generate::generate(200, 1, &catalog);
        let mut app = empty_app();
        app.design = design;
        let mut h = harness(app);
        let names = |h: &Harness<'static, DesignerApp>| {
            painted_texts(h)
                .into_iter()
                .filter(|t| t.starts_with("Site "))
                .count()
        };
        h.state_mut().zoom_to(0.1);
        h.run_steps(2);
        assert_eq!(names(&h), 0, "no names at 10 %");
        h.state_mut().zoom_to(1.0);
        h.run_steps(2);
        let shown = names(&h);
        assert!(shown >= 5, "{shown} names at 100 %");
    }

    #[test]
    fn the_level_of_detail_follows_the_zoom_and_never_draws_unreadable_text() {
        use super::paint::{EACH_LINK_FROM, MIN_FONT, MIN_RADIUS};
        use crate::diagram::LinkLabels;
        let far = super::Lod::at(0.1);
        assert_eq!((far.names, far.link_labels), (None, LinkLabels::None));
        assert!(far.collapse_metros && far.radius >= MIN_RADIUS);
        let mid = super::Lod::at(0.6);
        assert_eq!(mid.link_labels, LinkLabels::Bundle, "one label per bundle");
        assert!(!mid.collapse_metros);
        let near = super::Lod::at(EACH_LINK_FROM);
        assert_eq!(near.link_labels, LinkLabels::EachLink, "one label per link");
        for zoom in [0.002, 0.05, 0.3, 0.5, 1.0, 4.0] {
            let lod = super::Lod::at(zoom);
            for font in lod.names.into_iter().chain([lod.link_font, lod.title_font]) {
                assert!(font >= MIN_FONT, "{zoom}: {font}");
            }
        }
        // A few nodes in a small window keep their names even zoomed out.
        let few = far.with_room(9, 12, 540.0 * 310.0);
        assert!(few.names.is_some() && few.link_labels == LinkLabels::Bundle);
        assert!(far.with_room(3_000, 5_000, 1100.0 * 650.0).names.is_none());
    }
}

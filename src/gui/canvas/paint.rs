//! Painting what is in view: group boxes, links as curves (parallel ones in lanes), node
//! glyphs, badges, and labels on halos placed where nothing else is — from the diagram core's
//! pieces (`diagram::glyph`, `curve`, `label`, `legend::LinkLook`), in the theme's palette, at a
//! level of detail that follows the zoom ([`Lod`]).
//!
//! Sizes scale with the zoom like the rest of the drawing, down to a floor that keeps a glyph
//! recognisable and text readable (and up to a ceiling, so text does not balloon); below the
//! zoom where the floor would blow a label up to several times its size on the drawing, the
//! label is left out instead, and a label with no free place is left out rather than drawn
//! over another. Placing costs O(what is in view): the placer holds only this frame's boxes
//! and lines.

use super::{Frame, Screen, Shown};
use crate::diagram::LinkLabels;
use crate::diagram::curve::Curve;
use crate::diagram::geom::{Rect as DRect, V2};
use crate::diagram::glyph::{Prim, glyph, place};
use crate::diagram::group::GroupKind;
use crate::diagram::label::{HALO_RADIUS, LINK_LABEL_T, Label, Placer, Side, beside};
use crate::diagram::legend::LinkLook;
use crate::gui::scene::{Blob, GROUP_TITLE_H, Group, LINK_WIDTH, NAME_FONT, NODE_RADIUS, Scene};
use crate::gui::scene::{pos2, v2};
use crate::look::{GlyphRole, GroupColours, Palette, Rgb};
use crate::model::NodeKindTag;
use crate::rules::Severity;
use eframe::egui::epaint::{Galley, RectShape};
use eframe::egui::{self, Color32, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};
use std::sync::Arc;

/// A glyph is never drawn smaller than this radius (screen points): it stays recognisable.
pub const MIN_RADIUS: f32 = 8.0;
/// Below this radius a glyph loses its small marks (windows, rack units, arrows).
const GLYPH_DETAIL_FROM: f32 = 10.0;
/// Text is never set smaller than this (screen points)...
pub const MIN_FONT: f32 = 10.0;
/// ...nor grows past this share of its size at zoom 1.
const MAX_TEXT_SCALE: f32 = 1.75;
/// Zoomed out below this, names are left out (at the floor they would be over three times
/// their size on the drawing, and cover it)... unless the few nodes in view leave room for them
/// ([`Lod::with_room`]).
pub const NAMES_FROM: f32 = 0.3;
/// Zoomed out below this, link labels are left out (with the same exception); below
/// [`EACH_LINK_FROM`] a bundle of parallel links has one label ("2 × 10 Gbps"), from it on each
/// link has its own.
pub const LINK_LABELS_FROM: f32 = 0.4;
/// The share of the canvas labels may take, by a rough count (a name 80 × 16 points, a link
/// label 60 × 14), for labels to be shown below their zoom.
const ROOM_FOR_LABELS: f32 = 0.2;
pub const EACH_LINK_FROM: f32 = 1.0;
/// Zoomed out below this, a metro's box is drawn as one shape instead of its members.
pub const COLLAPSE_BELOW: f32 = 0.2;
/// Parallel links stay at least this far apart on screen when their length allows it.
const MIN_LANE: f32 = 5.0;
/// Curves are drawn as polylines this close to them (screen points).
const FLATTEN: f32 = 0.3;

/// What one frame draws and how big, from its zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lod {
    pub zoom: f32,
    /// A glyph's radius on screen.
    pub radius: f32,
    /// Whether glyphs carry their small marks.
    pub glyph_detail: bool,
    /// Font size of names, when names are drawn.
    pub names: Option<f32>,
    pub link_labels: LinkLabels,
    pub link_font: f32,
    /// Font size of group titles.
    pub title_font: f32,
    /// Metro boxes drawn as one shape, without their members.
    pub collapse_metros: bool,
    /// A cloud link's width on screen (site-side links are thinner: `LinkLook`).
    pub link_width: f32,
}

impl Lod {
    pub fn at(zoom: f32) -> Lod {
        let font = |base: f32| (base * zoom.min(MAX_TEXT_SCALE)).max(MIN_FONT);
        Lod {
            zoom,
            radius: (NODE_RADIUS * glyph_scale(zoom)).max(MIN_RADIUS),
            glyph_detail: NODE_RADIUS * glyph_scale(zoom) >= GLYPH_DETAIL_FROM,
            names: (zoom >= NAMES_FROM).then(|| font(NAME_FONT)),
            link_labels: if zoom < LINK_LABELS_FROM {
                LinkLabels::None
            } else if zoom < EACH_LINK_FROM {
                LinkLabels::Bundle
            } else {
                LinkLabels::EachLink
            },
            link_font: font(NAME_FONT * 0.85),
            title_font: font(NAME_FONT * 0.9),
            collapse_metros: zoom < COLLAPSE_BELOW,
            link_width: (LINK_WIDTH * zoom).clamp(1.6, LINK_WIDTH * MAX_TEXT_SCALE),
        }
    }

    /// Names and bundle labels for a few nodes and links in view even when zoomed out, when
    /// the canvas (`area`, square points) has room for them: a small design in a small window
    /// keeps its names.
    pub fn with_room(mut self, nodes: usize, links: usize, area: f32) -> Lod {
        let room = ROOM_FOR_LABELS * area;
        let names = nodes as f32 * 80.0 * 16.0;
        if self.names.is_none() && names <= room {
            self.names = Some(MIN_FONT);
        }
        if self.link_labels == LinkLabels::None && names + links as f32 * 60.0 * 14.0 <= room {
            self.link_labels = LinkLabels::Bundle;
        }
        self
    }
}

/// How much a glyph grows with the zoom: as the drawing when zoomed in, less when zoomed out
/// (its square root), so a design fitted to a small window still shows what each node is.
fn glyph_scale(zoom: f32) -> f32 {
    if zoom < 1.0 { zoom.sqrt() } else { zoom }
}

pub fn rgb([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

fn rect(r: DRect) -> Rect {
    Rect::from_min_max(pos2(r.min), pos2(r.max))
}

fn drect(r: Rect) -> DRect {
    DRect {
        min: v2(r.min),
        max: v2(r.max),
    }
}

pub fn group_colours<'p>(palette: &'p Palette, kind: &GroupKind) -> &'p GroupColours {
    match kind {
        GroupKind::OnPrem => &palette.on_prem,
        GroupKind::Metro(_) => &palette.metro,
        GroupKind::Azure => &palette.azure,
        GroupKind::Aws => &palette.aws,
    }
}

/// Link `l` on the screen: its bundle's lane, the bundle shifted clear of other nodes.
pub(super) fn link_curve(screen: &Screen, scene: &Scene, l: u32) -> Option<Curve> {
    let b = scene.bundles.get(*scene.bundle.get(l as usize)? as usize)?;
    let (a, z) = (v2(screen.node(scene, b.from)), v2(screen.node(scene, b.to)));
    let zoom = screen.zoom;
    let mut spacing = b.spacing * zoom;
    if b.count > 1 {
        let room = 0.6 * a.distance(z) / (b.count as f32 - 1.0);
        spacing = spacing.max(MIN_LANE.min(room));
    }
    let lane = scene.lane.get(l as usize).copied().unwrap_or(0.0);
    Some(Curve::bowed(a, z, lane * spacing + b.shift() * zoom))
}

/// Where a group box is on the screen: its canvas box, grown by what the floors add to its
/// members' glyphs, names and title at this zoom (and around a member being dragged).
fn group_rect(f: &Frame<'_>, scene: &Scene, g: u32, group: &Group) -> Rect {
    let lod = &f.lod;
    let zoom = f.screen.zoom;
    let grow = (lod.radius - NODE_RADIUS * zoom).max(0.0);
    let below = lod
        .names
        .map_or(0.0, |font| (font - NAME_FONT * zoom).max(0.0) * 1.7);
    let above = (lod.title_font * 1.7 - GROUP_TITLE_H * zoom).max(0.0);
    let mut r = Rect::from_min_max(
        f.screen.of(group.rect.min) - Vec2::new(grow, grow + above),
        f.screen.of(group.rect.max) + Vec2::new(grow, grow + below),
    );
    if let Some((n, at)) = f.screen.dragged {
        if scene.group_of.get(n as usize) == Some(&g) {
            if group.members.len() == 1 {
                // Its only member: the box goes with it.
                r = r.translate((at - scene.pos[n as usize]) * zoom);
            } else {
                let p = f.screen.node(scene, n);
                r = r.union(Rect::from_center_size(p, Vec2::splat(3.0 * lod.radius)));
            }
        }
    }
    r
}

/// A text laid out in one line (egui keeps the layout of texts drawn last frame).
fn layout(f: &Frame<'_>, text: &str, size: f32, colour: Color32) -> Arc<Galley> {
    f.painter
        .layout_no_wrap(text.to_owned(), egui::FontId::proportional(size), colour)
}

/// A label's halo and its text centred in it.
fn halo_and_text(
    out: &mut Vec<Shape>,
    halo: Rect,
    font: f32,
    galley: Arc<Galley>,
    fill: Color32,
    edge: Option<Color32>,
) {
    let radius = font * HALO_RADIUS;
    out.push(Shape::Rect(RectShape::new(
        halo,
        radius,
        fill,
        edge.map_or(Stroke::NONE, |c| Stroke::new(1.0, c)),
        StrokeKind::Inside,
    )));
    let pos = halo.center() - galley.size() / 2.0;
    out.push(Shape::galley(pos, galley, Color32::PLACEHOLDER));
}

/// A label to draw: its halo, font size, text, the halo's fill and edge.
struct Pending {
    halo: Rect,
    font: f32,
    galley: Arc<Galley>,
    fill: Color32,
    edge: Option<Color32>,
}

/// Halos keep their hairline edge while at most this many labels are drawn; a crowded frame
/// drops it (it doubles a halo's triangles, and the halos then read by their fill alone).
const HALO_EDGES_UP_TO: usize = 400;

/// The labels' shapes, back to front.
fn label_shapes(labels: Vec<Pending>) -> Vec<Shape> {
    let edges = labels.len() <= HALO_EDGES_UP_TO;
    let mut out = Vec::with_capacity(2 * labels.len());
    for l in labels {
        let edge = l.edge.filter(|_| edges);
        halo_and_text(&mut out, l.halo, l.font, l.galley, l.fill, edge);
    }
    out
}

/// Every node and link in view, in detail: groups, links, collapsed metros, nodes, badges,
/// then the labels, back to front.
pub(super) fn detail(
    f: &Frame<'_>,
    scene: &Scene,
    nodes: &[u32],
    links: &[u32],
    shown: &Shown<'_>,
    groups_on: bool,
) {
    let (pal, lod) = (f.palette, f.lod);
    let mut back: Vec<Shape> = Vec::new();
    let mut lines: Vec<Shape> = Vec::with_capacity(links.len());
    let mut front: Vec<Shape> = Vec::new();
    let mut texts: Vec<Pending> = Vec::new();
    let cell = 4.0 * lod.link_font.max(lod.radius);
    let mut placer = Placer::new(cell);

    // Groups, behind everything; their titles keep labels off.
    let mut collapsed: Vec<(u32, Rect)> = Vec::new();
    if groups_on {
        for g in scene.groups_in(f.area) {
            let group = &scene.groups[g as usize];
            let r = group_rect(f, scene, g, group);
            if lod.collapse_metros && matches!(group.kind, GroupKind::Metro(_)) {
                collapsed.push((g, r));
                continue;
            }
            let c = group_colours(pal, &group.kind);
            // The box is as wide as its title (text does not shrink below the readable size
            // with the drawing), unless zoomed out too far for titles.
            let galley = layout(f, group.kind.title(), lod.title_font, rgb(c.title));
            let size = galley.size();
            let pad = Vec2::new(0.4 * lod.title_font, 0.2 * lod.title_font);
            let short = size.x + 2.0 * pad.x - r.width();
            let titled = short <= 0.0 || lod.names.is_some() || short <= 0.6 * r.width();
            let r = if titled && short > 0.0 {
                r.expand2(Vec2::new(short / 2.0, 0.0))
            } else {
                r
            };
            back.push(Shape::Rect(RectShape::new(
                r,
                6.0,
                rgb(c.fill),
                Stroke::new(1.0, rgb(c.stroke)),
                StrokeKind::Inside,
            )));
            if titled {
                let title = Rect::from_min_size(r.min + Vec2::new(pad.x * 0.5, 2.0), size + pad);
                placer.add_box(drect(title));
                texts.push(Pending {
                    halo: title,
                    font: lod.title_font,
                    galley,
                    fill: rgb(c.fill),
                    edge: None,
                });
            }
        }
    }

    // Links, each parallel one in its lane.
    let selection = rgb(pal.selection);
    let highlight = rgb(pal.highlight);
    let error = rgb(pal.severity(Severity::Error));
    let mut curves: Vec<(u32, Curve)> = Vec::with_capacity(links.len());
    for &l in links {
        let Some(curve) = link_curve(&f.screen, scene, l) else {
            continue;
        };
        if rect(curve.bounds()).intersects(f.visible) {
            curves.push((l, curve));
        }
    }
    let mut badges: Vec<(Pos2, Severity, f32)> = Vec::new();
    let mut on_top: Vec<Shape> = Vec::new();
    for (l, curve) in &curves {
        let link = &f.design.links[*l as usize];
        let kind = link.tag();
        let look = LinkLook::of(kind);
        let width = (lod.link_width * look.width).max(1.0);
        let points: Vec<Pos2> = curve.flatten(FLATTEN).into_iter().map(pos2).collect();
        let id = link.id.as_str();
        let selected = shown.selected.contains(id);
        // The highlighted demand: its paths wide in the highlight colour, under the line; a
        // single point of failure on a glow of the error colour.
        if let Some(h) = shown.highlight {
            if h.spofs.contains(id) {
                lines.push(Shape::line(
                    points.clone(),
                    Stroke::new(width + 10.0, error.gamma_multiply(0.55)),
                ));
            }
            if h.links.contains(id) {
                lines.push(Shape::line(
                    points.clone(),
                    Stroke::new(width + 5.0, highlight),
                ));
            }
        }
        // A selected link is drawn over the others, a little wider, on a glow, with handles.
        let (out, stroke) = if selected {
            on_top.push(Shape::line(
                points.clone(),
                Stroke::new(width + 7.0, selection.gamma_multiply(0.35)),
            ));
            // Handles where it leaves its nodes' glyphs, as a diagram editor marks an edge.
            let length = curve.from.distance(curve.to).max(1.0);
            let t = (1.4 * lod.radius / length).min(0.45);
            for t in [t, 1.0 - t] {
                let at = pos2(curve.point_at(t));
                front.push(Shape::circle_filled(at, 5.0, rgb(pal.background)));
                front.push(Shape::circle_filled(at, 3.5, selection));
            }
            (&mut on_top, Stroke::new(width + 1.0, rgb(pal.link(kind))))
        } else {
            if shown.hovered == Some(id) {
                lines.push(Shape::line(
                    points.clone(),
                    Stroke::new(width + 5.0, selection.gamma_multiply(0.2)),
                ));
            }
            (&mut lines, Stroke::new(width, rgb(pal.link(kind))))
        };
        match look.dash {
            Some([dash, gap]) => out.extend(Shape::dashed_line(
                &points,
                stroke,
                dash * lod.link_width,
                gap * lod.link_width,
            )),
            None => out.push(Shape::line(points, stroke)),
        }
        if let Some(&severity) = shown.badges.get(id) {
            let (at, radius) = (curve.midpoint(), (0.3 * lod.radius).max(4.0));
            // Labels keep off it.
            placer.add_box(DRect::from_centre(
                at,
                2.0 * radius + 3.0,
                2.0 * radius + 3.0,
            ));
            badges.push((pos2(at), severity, radius));
        }
    }

    // Metros far away: one shape each, over the links that reach their members, showing the
    // kind of its first member.
    for (g, r) in &mut collapsed {
        let group = &scene.groups[*g as usize];
        let c = group_colours(pal, &group.kind);
        *r = r.expand(((2.4 * MIN_RADIUS - r.width().min(r.height())) / 2.0).max(0.0));
        front.push(Shape::Rect(RectShape::new(
            *r,
            (r.height() / 3.0).min(8.0),
            rgb(c.stroke),
            Stroke::new(1.0, rgb(c.title)),
            StrokeKind::Inside,
        )));
        if let Some(&first) = group.members.first() {
            let kind = f.design.nodes[first as usize].tag();
            let radius =
                (0.36 * r.width().min(r.height())).clamp(MIN_RADIUS * 0.8, 2.0 * MIN_RADIUS);
            glyph_shapes(&mut front, kind, r.center(), radius, false, pal);
        }
        placer.add_box(drect(*r));
    }
    let collapsed_ids: rustc_hash::FxHashSet<u32> = collapsed.iter().map(|(g, _)| *g).collect();
    let hidden = |i: u32| {
        let g = scene.group_of.get(i as usize).copied().unwrap_or(u32::MAX);
        g != u32::MAX && collapsed_ids.contains(&g)
    };

    // Nodes: glyph, selection, badge.
    let mut named: Vec<(u32, Pos2)> = Vec::with_capacity(nodes.len());
    for &i in nodes {
        if hidden(i) {
            continue;
        }
        let p = f.screen.node(scene, i);
        if !f.visible.contains(p) {
            continue;
        }
        let n = &f.design.nodes[i as usize];
        let kind = n.tag();
        let bounds = rect(glyph(kind).bounds(v2(p), lod.radius));
        let id = n.id.as_str();
        if let Some(h) = shown.highlight {
            // A single point of failure in the error colour, the demand's ends in the
            // highlight colour, outside the selection's ring.
            let ring = if h.spofs.contains(id) {
                Some(error)
            } else if h.ends.iter().any(|e| e == id) {
                Some(highlight)
            } else {
                None
            };
            if let Some(colour) = ring {
                front.push(Shape::Rect(RectShape::new(
                    bounds.expand(8.0),
                    7.0,
                    Color32::TRANSPARENT,
                    Stroke::new(3.0, colour),
                    StrokeKind::Outside,
                )));
            }
        }
        if shown.selected.contains(id) {
            let ring = bounds.expand(4.0);
            front.push(Shape::Rect(RectShape::new(
                ring,
                5.0,
                selection.gamma_multiply(0.18),
                Stroke::new(2.0, selection),
                StrokeKind::Outside,
            )));
        } else if shown.hovered == Some(id) {
            front.push(Shape::rect_filled(
                bounds.expand(4.0),
                5.0,
                selection.gamma_multiply(0.12),
            ));
        }
        glyph_shapes(&mut front, kind, p, lod.radius, lod.glyph_detail, pal);
        placer.add_box(drect(bounds.expand(0.1 * lod.radius)));
        if let Some(&severity) = shown.badges.get(id) {
            let at = Pos2::new(
                bounds.max.x - 0.1 * lod.radius,
                bounds.min.y + 0.1 * lod.radius,
            );
            badges.push((at, severity, (0.34 * lod.radius).max(4.5)));
        }
        named.push((i, p));
    }
    for (at, severity, radius) in badges {
        badge(&mut front, at, radius, severity, pal);
    }

    // Labels, where nothing else is: names first (regions', then facilities', then sites'),
    // then the links' bandwidths beside their lines.
    if lod.names.is_some() || lod.link_labels != LinkLabels::None {
        let room = drect(f.visible);
        for (_, curve) in &curves {
            let points = curve.flatten(2.0);
            for w in points.windows(2) {
                if let Some((a, b)) = clip(w[0], w[1], &room) {
                    placer.add_line(a, b);
                }
            }
        }
    }
    if let Some(font) = lod.names {
        named.sort_by_key(|(i, _)| name_rank(f.design.nodes[*i as usize].tag()));
        let colour = rgb(pal.text);
        for (i, p) in named {
            let n = &f.design.nodes[i as usize];
            let name = if n.name.trim().is_empty() {
                n.id.as_str()
            } else {
                n.name.as_str()
            };
            let galley = layout(f, name, font, colour);
            let g = glyph(n.tag()).bounds(v2(p), lod.radius);
            if let Some(name) = name_beside(
                &mut placer,
                pal,
                &g,
                &Side::ORDER,
                0.25 * font,
                galley,
                font,
            ) {
                texts.push(name);
            }
        }
    }
    let font = lod.link_font;
    let mut place_beside = |curve: &Curve, text: &str, outward: f32, texts: &mut Vec<Pending>| {
        let galley = layout(f, text, font, rgb(pal.text_muted));
        let w = galley.size().x;
        let probe = Label::halo_at(V2::ZERO, w, font);
        let gap = 0.25 * font + 0.5 * lod.link_width;
        // Beside the line, from its middle outward; then a label's height further out (past
        // the neighbouring lanes of a bundle).
        let mut candidates = Vec::with_capacity(4 * LINK_LABEL_T.len());
        for gap in [gap, gap + probe.height()] {
            for t in LINK_LABEL_T {
                for side in [outward, -outward] {
                    let c = beside(curve, t, side, probe.width(), probe.height(), gap);
                    candidates.push(Label::halo_at(c, w, font));
                }
            }
        }
        if let Some(halo) = placer.place(&candidates) {
            let (fill, edge) = (rgb(pal.halo), rgb(pal.halo_edge));
            texts.push(Pending {
                halo: rect(halo),
                font,
                galley,
                fill,
                edge: Some(edge),
            });
        }
    };
    match lod.link_labels {
        LinkLabels::None => {}
        LinkLabels::EachLink => {
            for (l, curve) in &curves {
                let text = &scene.speeds[scene.speed[*l as usize] as usize];
                let lane = scene.lane[*l as usize];
                place_beside(curve, text, outward(lane), &mut texts);
            }
        }
        LinkLabels::Bundle => {
            for (l, curve) in &curves {
                let Some(b) = scene.bundles.get(scene.bundle[*l as usize] as usize) else {
                    continue;
                };
                if b.outer == *l {
                    place_beside(
                        curve,
                        &b.label,
                        outward(scene.lane[*l as usize]),
                        &mut texts,
                    );
                }
            }
        }
    }

    // Titles of collapsed metros, beside their shapes.
    {
        let font = lod.names.unwrap_or(MIN_FONT);
        for (g, r) in &collapsed {
            let group = &scene.groups[*g as usize];
            let c = group_colours(pal, &group.kind);
            let galley = layout(f, group.kind.title(), font, rgb(c.title));
            let sides = &[Side::Below, Side::Above, Side::Right, Side::Left];
            if let Some(name) = name_beside(&mut placer, pal, &drect(*r), sides, 2.0, galley, font)
            {
                texts.push(name);
            }
        }
    }

    f.painter.extend(back);
    f.painter.extend(lines);
    f.painter.extend(on_top);
    f.painter.extend(front);
    f.painter.extend(label_shapes(texts));
}

/// The side of its line a link's label goes first: out of the bundle (lanes count along the
/// curve's normal; the middle lane and a lone link label toward it).
fn outward(lane: f32) -> f32 {
    if lane < 0.0 { -1.0 } else { 1.0 }
}

/// Which names are placed first: regions, then facilities and routers, then sites.
fn name_rank(kind: NodeKindTag) -> u8 {
    match kind {
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 0,
        NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter => 1,
        NodeKindTag::OnPremSite => 2,
    }
}

/// The part of the segment `a`–`b` inside `r` (Liang–Barsky), if any.
fn clip(a: V2, b: V2, r: &DRect) -> Option<(V2, V2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    Some((a + d * t0, a + d * t1))
}

/// A node kind's glyph at `centre`, radius `r` (screen), its small marks only when `detail`.
pub(super) fn glyph_shapes(
    out: &mut Vec<Shape>,
    kind: NodeKindTag,
    centre: Pos2,
    r: f32,
    detail: bool,
    palette: &Palette,
) {
    let c = v2(centre);
    let at = |p: &[f32; 2]| pos2(place(*p, c, r));
    for prim in glyph(kind).prims {
        match *prim {
            Prim::Fill { points, role } => {
                if role == GlyphRole::Detail && !detail {
                    continue;
                }
                let colour = rgb(palette.glyph(kind, role));
                out.push(Shape::convex_polygon(
                    points.iter().map(at).collect(),
                    colour,
                    Stroke::NONE,
                ));
            }
            Prim::Stroke {
                points,
                closed,
                width,
                role,
            } => {
                if role == GlyphRole::Detail && !detail {
                    continue;
                }
                let stroke = Stroke::new((width * r).max(0.8), rgb(palette.glyph(kind, role)));
                let points: Vec<Pos2> = points.iter().map(at).collect();
                out.push(if closed {
                    Shape::closed_line(points, stroke)
                } else {
                    Shape::line(points, stroke)
                });
            }
            Prim::Circle {
                centre,
                radius,
                role,
            } => {
                if role == GlyphRole::Detail && !detail {
                    continue;
                }
                out.push(Shape::circle_filled(
                    at(&centre),
                    radius * r,
                    rgb(palette.glyph(kind, role)),
                ));
            }
        }
    }
}

/// A finding's badge: a disc in the severity's colour, ringed in the background so it reads
/// on a glyph or a line, with an exclamation mark when there is room for one.
pub(super) fn badge(
    out: &mut Vec<Shape>,
    at: Pos2,
    radius: f32,
    severity: Severity,
    palette: &Palette,
) {
    out.push(Shape::circle_filled(
        at,
        radius + 1.5,
        rgb(palette.background),
    ));
    out.push(Shape::circle_filled(
        at,
        radius,
        rgb(palette.severity(severity)),
    ));
    if radius >= 5.0 {
        let mark = if severity == Severity::Warning {
            Color32::from_rgb(40, 28, 0)
        } else {
            Color32::WHITE
        };
        let w = (radius * 0.28).max(1.2);
        out.push(Shape::line_segment(
            [
                at + Vec2::new(0.0, -0.55 * radius),
                at + Vec2::new(0.0, 0.12 * radius),
            ],
            Stroke::new(w, mark),
        ));
        out.push(Shape::circle_filled(
            at + Vec2::new(0.0, 0.45 * radius),
            w * 0.6,
            mark,
        ));
    }
}

/// Zoomed far out: a dot per group of nodes, sized by how many, lines between joined groups,
/// the group boxes large enough to see (metros as one shape each), and a note saying so.
pub(super) fn overview(
    f: &Frame<'_>,
    scene: &Scene,
    blobs: &[Blob],
    lines: &[(Pos2, Pos2)],
    total_nodes: usize,
    groups_on: bool,
) {
    let pal = f.palette;
    let mut shapes: Vec<Shape> = Vec::with_capacity(blobs.len() + lines.len());
    let mut titles = Vec::new();
    if groups_on {
        // Boxes large enough to read as boxes, metros as one solid shape each, titled when
        // the title fits inside.
        let mut drawn = 0;
        for g in scene.groups_in(f.area) {
            let group = &scene.groups[g as usize];
            let r = Rect::from_min_max(f.screen.of(group.rect.min), f.screen.of(group.rect.max));
            let metro = matches!(group.kind, GroupKind::Metro(_));
            if r.width().min(r.height()) < if metro { 8.0 } else { 16.0 } {
                continue;
            }
            let c = group_colours(pal, &group.kind);
            let (fill, stroke) = if metro {
                (rgb(c.stroke), rgb(c.title))
            } else {
                (rgb(c.fill), rgb(c.stroke))
            };
            shapes.push(Shape::Rect(RectShape::new(
                r,
                (r.height() / 3.0).min(6.0),
                fill,
                Stroke::new(1.0, stroke),
                StrokeKind::Inside,
            )));
            if r.height() >= 18.0 {
                let colour = if metro { rgb(pal.text) } else { rgb(c.title) };
                let galley = layout(f, group.kind.title(), MIN_FONT, colour);
                if galley.size().x + 8.0 <= r.width() {
                    titles.push(Shape::galley(r.min + Vec2::new(4.0, 2.0), galley, colour));
                }
            }
            drawn += 1;
            if drawn >= crate::gui::scene::OVERVIEW_BUDGET {
                break;
            }
        }
    }
    let line = Stroke::new(1.0, rgb(pal.text_muted).gamma_multiply(0.45));
    for &(a, b) in lines {
        shapes.push(Shape::line_segment([f.screen.of(a), f.screen.of(b)], line));
    }
    let ring = rgb(pal.background);
    for blob in blobs {
        let r = (2.5 + (blob.count as f32).sqrt() * 1.2).min(40.0);
        let at = f.screen.of(blob.centre);
        shapes.push(Shape::circle_filled(at, r + 1.0, ring));
        shapes.push(Shape::circle_filled(at, r, rgb(pal.node(blob.kind))));
    }
    f.painter.extend(shapes);
    f.painter.extend(titles);
    let text = format!(
        "Overview of {} nodes: each dot is a group; zoom in to see every node",
        crate::costing::thousands(total_nodes as u64)
    );
    let galley = layout(f, &text, 12.0, rgb(pal.text));
    let halo = Rect::from_min_size(
        f.rect.left_top() + Vec2::new(8.0, 8.0),
        galley.size() + Vec2::new(12.0, 6.0),
    );
    let mut out = Vec::new();
    halo_and_text(
        &mut out,
        halo,
        12.0,
        galley,
        rgb(pal.halo),
        Some(rgb(pal.halo_edge)),
    );
    f.painter.extend(out);
}

/// A name set on its halo at the first of `sides` around `around` (`gap` away) that the placer
/// finds free; None when none is.
fn name_beside(
    placer: &mut Placer,
    pal: &Palette,
    around: &DRect,
    sides: &[Side],
    gap: f32,
    galley: Arc<Galley>,
    font: f32,
) -> Option<Pending> {
    let w = galley.size().x;
    let probe = Label::halo_at(V2::ZERO, w, font);
    let candidates: Vec<DRect> = sides
        .iter()
        .map(|s| {
            Label::halo_at(
                s.centre(around, probe.width(), probe.height(), gap),
                w,
                font,
            )
        })
        .collect();
    let halo = placer.place(&candidates)?;
    Some(Pending {
        halo: rect(halo),
        font,
        galley,
        fill: rgb(pal.halo),
        edge: Some(rgb(pal.halo_edge)),
    })
}

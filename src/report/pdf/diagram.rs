//! The topology diagram: the design's one drawing (`diagram::Drawing`, as the SVG export
//! draws it: node glyphs, link curves, labels on halos beside their lines, group boxes, the
//! legend, in the light look) on one page when it is readable there, else an overview and
//! tiles at a readable scale (`plan`), or, for a design too large for that, an overview and a
//! few tiles (`overview`). Each page or tile lays out its own drawing at the page's scale,
//! restricted to its window, with the report's own font metrics.

use super::draw::{Paint, PathPoint, at, circle_path, quadratic_path, rounded_rect_path};
use super::plan::{MAX_TILES, Plan, bounds, fit, fit_padded, plan_tiles, typical_spacing};
use super::text::{Fonts, Weight};
use super::{BODY_SIZE, BOTTOM, GREY, INK, MARGIN, TOP, Writer};
use crate::diagram::drawing::{EACH_LINK_LABELS_MAX, LinkLabels};
use crate::diagram::label::{HALO_RADIUS, Label, Weight as LabelWeight};
use crate::diagram::legend::{Entry, LinkLook, Mark};
use crate::diagram::svg::group_colours;
use crate::diagram::{Drawing, Prim, Rect, Style, V2, glyph};
use crate::look::{Palette, Rgb, Theme};
use crate::model::NodeKindTag;
use crate::report::{Diagram, Orientation, Sketch};
use crate::rules::Severity;
use printpdf::Op;

/// Height of a tile page's heading line.
pub(super) const TILE_HEADING: f32 = 18.0;

/// Room kept under a drawing for the legend (three rows).
pub(super) const LEGEND_H: f32 = 3.0 * LEGEND_ROW;

/// A labelled drawing's sizes, in points: a node glyph's radius, names (link labels are 0.85
/// of it), a cloud link's width.
const NODE_RADIUS: f32 = 7.0;
const FONT_SIZE: f32 = 6.5;
const LINK_WIDTH: f32 = 1.25;
/// On a one-page drawing whose neighbours are further apart than this (points), glyphs and
/// names grow in proportion, up to 1.3 times.
const ROOMY_SPACING: f32 = 100.0;
/// An unlabelled overview's sizes (group titles only).
const OVERVIEW_RADIUS: f32 = 3.5;
const OVERVIEW_FONT: f32 = 5.5;
const OVERVIEW_LINK_WIDTH: f32 = 0.7;
/// The executive summary's picture of the topology: never lower than this (points), with
/// this much room around an unlabelled drawing.
const SKETCH_MIN_H: f32 = 90.0;
const SKETCH_PAD: f32 = 12.0;
/// The legend's text size and row height.
const LEGEND_SIZE: f32 = 7.0;
const LEGEND_ROW: f32 = 1.9 * LEGEND_SIZE;

/// The report draws in the light look (it is printed).
fn palette() -> &'static Palette {
    Theme::Light.palette()
}

impl Writer<'_> {
    /// The topology diagram from the cursor: on this page when it is readable there, else an
    /// overview and tiles, or an overview and a few tiles of a design too large to tile whole.
    /// What follows starts on a fresh page.
    pub(super) fn diagram(&mut self, diagram: &Diagram) {
        if diagram.nodes.is_empty() {
            self.paragraph(
                "Nothing to draw: the design has no nodes.",
                BODY_SIZE,
                Weight::Regular,
                GREY,
                0.0,
            );
            self.y += 6.0;
            return;
        }
        let first = self.diagram_area();
        let plan = plan_tiles(diagram, first.w, first.h);
        if plan.cols * plan.rows > MAX_TILES {
            // Too large to tile whole at a readable scale.
            let tile_h = self.height() - BOTTOM - TOP - TILE_HEADING - LEGEND_H;
            self.large_diagram(diagram, &first, plan.scale, (first.w, tile_h));
        } else if plan.cols * plan.rows == 1 {
            let drawing = self.one_page_diagram(diagram, &first, plan.scale);
            self.y = first.y + first.h + 6.0;
            self.legend(&drawing.legend);
        } else {
            // An overview of the whole design, then the tiles at a readable scale.
            self.tiled_overview(diagram, &first, &plan);
            self.tile_pages(diagram, &plan);
        }
        // What follows the diagram starts on a fresh page.
        self.new_page(self.orientation);
    }

    /// The topology in small from the cursor, as large as the page allows once `below`
    /// points are kept for what follows it (at most half as high as it is wide), and its
    /// caption: labelled when the labels are readable at that size, else unlabelled (density
    /// marks for a design whose elements would overlap, as on a large design's overview).
    /// Left out when the page has no room for a useful picture.
    pub(super) fn sketch(&mut self, sketch: &Sketch, below: f32) {
        let d = &sketch.diagram;
        let w = self.content_width();
        let caption_h =
            self.paragraph_height(&sketch.caption, super::NOTE_SIZE, Weight::Regular, 0.0);
        let h = (self.room() - below - caption_h - 14.0).min(w * 0.5);
        if d.nodes.is_empty() || h < SKETCH_MIN_H {
            return;
        }
        let area = Area {
            x: MARGIN,
            y: self.y + 2.0,
            w,
            h,
        };
        self.rect(area.x, area.y, area.w, area.h, [250, 251, 253]);
        self.outline((area.x, area.y, area.w, area.h), 0.5, super::RULE, None);
        let plan = plan_tiles(d, w, h);
        if plan.cols * plan.rows == 1 {
            self.one_page_diagram(d, &area, plan.scale);
        } else {
            let fitted = fit_padded(d, w, h, SKETCH_PAD, SKETCH_PAD);
            let (bx0, by0, bx1, by1) = bounds(d);
            let origin = (
                (bx0 + bx1) / 2.0 - f64::from(w / 2.0 / fitted.scale),
                (by0 + by1) / 2.0 - f64::from(h / 2.0 / fitted.scale),
            );
            if (typical_spacing(d) as f32) * fitted.scale < super::overview::SHAPES_SPACING {
                self.draw_density(d, &area, fitted.scale, origin);
            } else {
                self.draw_diagram(d, &area, fitted.scale, origin, false);
            }
        }
        self.y = area.y + area.h + 4.0;
        self.paragraph(
            &sketch.caption,
            super::NOTE_SIZE,
            Weight::Regular,
            GREY,
            0.0,
        );
        self.y += 6.0;
    }

    /// The room for a drawing: the content width, from the cursor down to the legend.
    fn diagram_area(&self) -> Area {
        Area {
            x: MARGIN,
            y: self.y,
            w: self.content_width(),
            h: self.height() - BOTTOM - self.y - LEGEND_H,
        }
    }

    /// The whole design laid out at `scale` (or smaller, so that its glyphs, names and group
    /// boxes fit), centred in `area`. Returns the drawing (for its legend).
    fn one_page_diagram(&mut self, d: &Diagram, area: &Area, scale: f32) -> Drawing {
        let drawing = self.fitted(d, area, scale, 1.0);
        // A sparse drawing has room for larger glyphs and names (up to 1.3 times), taken when
        // every label still has a place and the groups stay as they are.
        let roomy =
            (super::plan::typical_spacing(d) as f32 * scale / ROOMY_SPACING).clamp(1.0, 1.3);
        let drawing = if roomy > 1.0 {
            let larger = self.fitted(d, area, scale, roomy);
            if larger.hidden_labels <= drawing.hidden_labels
                && larger.groups.len() == drawing.groups.len()
            {
                larger
            } else {
                drawing
            }
        } else {
            drawing
        };
        let c = drawing.bounds.centre();
        let offset = (area.x + area.w / 2.0 - c.x, area.y + area.h / 2.0 - c.y);
        self.render(&drawing, offset, area);
        drawing
    }

    /// The whole design laid out at `scale`, at `size` times the labelled sizes, shrunk until
    /// it fits `area` (names and glyphs keep their size: only the spacing shrinks).
    fn fitted(&self, d: &Diagram, area: &Area, scale: f32, size: f32) -> Drawing {
        let (x0, y0, x1, y1) = super::plan::bounds(d);
        let span = (((x1 - x0) as f32).max(1e-3), ((y1 - y0) as f32).max(1e-3));
        let mut scale = scale;
        let mut drawing = self.lay_out(d, scale, None, size);
        for _ in 0..4 {
            let b = drawing.bounds;
            if b.width() <= area.w && b.height() <= area.h {
                break;
            }
            let extra = (b.width() - span.0 * scale, b.height() - span.1 * scale);
            let shrink = ((area.w - extra.0) / (span.0 * scale))
                .min((area.h - extra.1) / (span.1 * scale))
                .clamp(0.05, 0.98);
            scale *= shrink;
            drawing = self.lay_out(d, scale, None, size);
        }
        drawing
    }

    /// The whole design fitted to `first`, unlabelled, with the tiles of `plan` outlined and
    /// named on it, and a line saying where they follow.
    fn tiled_overview(&mut self, diagram: &Diagram, first: &Area, plan: &Plan) {
        let overview = fit(diagram, first.w, first.h);
        self.draw_diagram(diagram, first, overview.scale, overview.origin, false);
        // The last row and column of tiles may reach past the drawing's room.
        self.begin_clip(first);
        for r in 0..plan.rows {
            for c in 0..plan.cols {
                let (tx, ty) = (
                    first.x
                        + (plan.origin.0 - overview.origin.0) as f32 * overview.scale
                        + c as f32 * first.w * overview.scale / plan.scale,
                    first.y
                        + (plan.origin.1 - overview.origin.1) as f32 * overview.scale
                        + r as f32 * first.h * overview.scale / plan.scale,
                );
                let (tw, th) = (
                    first.w * overview.scale / plan.scale,
                    first.h * overview.scale / plan.scale,
                );
                self.outline((tx, ty, tw, th), 0.6, GREY, Some(&[3.0, 2.0]));
                // In the bottom corner: the group titles sit in the top ones.
                self.text(
                    tx + 3.0,
                    ty + th - 11.0,
                    8.0,
                    Weight::Bold,
                    GREY,
                    &tile_name(r, c),
                );
            }
        }
        self.page().ops.push(Op::RestoreGraphicsState);
        self.y = first.y + first.h + 6.0;
        self.paragraph(
            &format!("Overview: the design is drawn on {} detail pages (tiles {} to {}) at a scale where every label is readable.", plan.cols * plan.rows, tile_name(0, 0), tile_name(plan.rows - 1, plan.cols - 1)),
            8.0,
            Weight::Regular,
            GREY,
            0.0,
        );
    }

    /// Every tile of `plan` on a landscape page of its own, labelled, with the legend.
    fn tile_pages(&mut self, diagram: &Diagram, plan: &Plan) {
        for r in 0..plan.rows {
            for c in 0..plan.cols {
                self.new_page(Orientation::Landscape);
                let y = self.y;
                self.text(
                    MARGIN,
                    y,
                    11.0,
                    Weight::Bold,
                    INK,
                    &format!("Topology, tile {}", tile_name(r, c)),
                );
                self.y += TILE_HEADING;
                let a = self.diagram_area();
                let origin = (
                    plan.origin.0 + f64::from(c as f32 * a.w / plan.scale),
                    plan.origin.1 + f64::from(r as f32 * a.h / plan.scale),
                );
                let drawing = self.draw_diagram(diagram, &a, plan.scale, origin, true);
                self.y = a.y + a.h + 6.0;
                self.legend(&drawing.legend);
            }
        }
    }

    /// Draw the part of the diagram that falls in `area`: canvas point `origin` at the area's
    /// top-left corner, `scale` points per canvas unit, clipped to the area; `labels` names
    /// links and nodes (else a small unlabelled overview). Returns the drawing (for its
    /// legend).
    pub(super) fn draw_diagram(
        &mut self,
        d: &Diagram,
        area: &Area,
        scale: f32,
        origin: (f64, f64),
        labels: bool,
    ) -> Drawing {
        let corner = V2::new(origin.0 as f32 * scale, origin.1 as f32 * scale);
        let window = Rect {
            min: corner,
            max: corner + V2::new(area.w, area.h),
        };
        let drawing = self.lay_out(d, scale, Some(window), if labels { 1.0 } else { 0.0 });
        self.render(&drawing, (area.x - corner.x, area.y - corner.y), area);
        drawing
    }

    /// The diagram's drawing at `scale` points per canvas unit (drawing units are points),
    /// limited to `window` when given, measured with the report's font; `size` times the
    /// labelled sizes, or (0) an unlabelled overview.
    fn lay_out(&self, d: &Diagram, scale: f32, window: Option<Rect>, size: f32) -> Drawing {
        lay_out(self.fonts, d, scale, window, size)
    }

    /// Draw `drawing` back to front (groups, links, their badges and labels, group titles,
    /// nodes with their badges and names), `offset` added to its units to give page points,
    /// clipped to `area`.
    fn render(&mut self, drawing: &Drawing, offset: (f32, f32), area: &Area) {
        let p = palette();
        let to_page = |v: V2| (v.x + offset.0, v.y + offset.1);
        let shift = |r: &Rect| {
            let (a, b) = (to_page(r.min), to_page(r.max));
            (a.0, a.1, b.0, b.1)
        };
        let f = drawing.font_size;
        self.begin_clip(area);
        self.round_strokes();
        for g in &drawing.groups {
            let c = group_colours(&g.kind, p);
            let (x0, y0, x1, y1) = shift(&g.rect);
            self.path(
                &rounded_rect_path(x0, y0, x1, y1, 0.6 * f),
                true,
                Paint::FillStroke {
                    fill: c.fill,
                    stroke: c.stroke,
                    width: 0.08 * f,
                },
            );
        }
        for l in &drawing.links {
            let c = &l.curve;
            let points = if c.is_straight() {
                let (a, b) = (to_page(c.from), to_page(c.to));
                vec![at(a.0, a.1), at(b.0, b.1)]
            } else {
                quadratic_path(to_page(c.from), to_page(c.ctrl), to_page(c.to))
            };
            self.path(
                &points,
                false,
                Paint::Stroke {
                    rgb: p.link(l.kind),
                    width: l.width,
                    dash: l.dash,
                },
            );
        }
        let halos: Vec<Rect> = drawing.labels().map(|l| l.halo).collect();
        for l in &drawing.links {
            if let Some(severity) = l.severity {
                let r = l.width * 1.6 + 1.0;
                let m = to_page(badge_point(&l.curve, r, &halos));
                self.badge(m, r, severity);
            }
            if let Some(label) = &l.label {
                self.label(label, offset, p.text_muted, (p.halo, p.halo_edge));
            }
        }
        for g in &drawing.groups {
            if let Some(t) = &g.title {
                let c = group_colours(&g.kind, p);
                self.label(t, offset, c.title, (c.fill, c.fill));
            }
        }
        for n in &drawing.nodes {
            self.glyph_at(n.kind, to_page(n.centre), n.radius);
            if let Some(severity) = n.severity {
                let b = to_page(n.centre + V2::new(0.85 * n.radius, -0.85 * n.radius));
                self.badge(b, 0.36 * n.radius, severity);
            }
            if let Some(label) = &n.label {
                self.label(label, offset, p.text, (p.halo, p.halo_edge));
            }
        }
        self.page().ops.push(Op::RestoreGraphicsState);
    }

    /// A node kind's glyph centred on `c` (page points), radius `r`.
    pub(super) fn glyph_at(&mut self, kind: NodeKindTag, c: (f32, f32), r: f32) {
        let p = palette();
        let place = |q: &[f32; 2]| at(c.0 + q[0] * r, c.1 + q[1] * r);
        // Consecutive fills of one colour (a building's windows) go in one path.
        let mut fills: Vec<Vec<(f32, f32)>> = Vec::new();
        let mut fill_rgb: Option<Rgb> = None;
        for prim in glyph(kind).prims {
            if let Prim::Fill { points, role } = *prim {
                let rgb = p.glyph(kind, role);
                if let Some(previous) = fill_rgb.filter(|f| *f != rgb) {
                    self.paths(std::mem::take(&mut fills), previous, None);
                }
                fill_rgb = Some(rgb);
                fills.push(
                    points
                        .iter()
                        .map(|q| (c.0 + q[0] * r, c.1 + q[1] * r))
                        .collect(),
                );
                continue;
            }
            if let Some(rgb) = fill_rgb.take() {
                self.paths(std::mem::take(&mut fills), rgb, None);
            }
            match *prim {
                Prim::Fill { .. } => {}
                Prim::Stroke {
                    points,
                    closed,
                    width,
                    role,
                } => {
                    let points: Vec<PathPoint> = points.iter().map(place).collect();
                    self.path(
                        &points,
                        closed,
                        Paint::Stroke {
                            rgb: p.glyph(kind, role),
                            width: width * r,
                            dash: None,
                        },
                    );
                }
                Prim::Circle {
                    centre,
                    radius,
                    role,
                } => {
                    let o = place(&centre);
                    self.path(
                        &circle_path(o.x, o.y, radius * r),
                        true,
                        Paint::Fill(p.glyph(kind, role)),
                    );
                }
            }
        }
        if let Some(rgb) = fill_rgb {
            self.paths(fills, rgb, None);
        }
    }

    /// A severity badge: a dot ringed in the background colour.
    pub(super) fn badge(&mut self, (x, y): (f32, f32), r: f32, severity: Severity) {
        let p = palette();
        self.path(
            &circle_path(x, y, r),
            true,
            Paint::FillStroke {
                fill: p.severity(severity),
                stroke: p.background,
                width: r * 0.3,
            },
        );
    }

    /// A placed label: its halo (`fill`, `edge`) and its text centred on it.
    fn label(&mut self, label: &Label, offset: (f32, f32), rgb: Rgb, (fill, edge): (Rgb, Rgb)) {
        let h = label.halo;
        self.path(
            &rounded_rect_path(
                h.min.x + offset.0,
                h.min.y + offset.1,
                h.max.x + offset.0,
                h.max.y + offset.1,
                HALO_RADIUS * label.size,
            ),
            true,
            Paint::FillStroke {
                fill,
                stroke: edge,
                width: label.size * 0.06,
            },
        );
        let b = label.baseline_left();
        let weight = match label.weight {
            LabelWeight::Regular => Weight::Regular,
            LabelWeight::Bold => Weight::Bold,
        };
        // `text` takes the top of the line: DejaVu's ascent (0.93 em) above the baseline.
        self.text(
            b.x + offset.0,
            b.y + offset.1 - 0.93 * label.size,
            label.size,
            weight,
            rgb,
            &label.text,
        );
    }

    /// A short line in a link kind's colour, width and dash, from `x0` to `x1` at `y`.
    pub(super) fn link_mark(&mut self, kind: crate::model::LinkKindTag, x0: f32, x1: f32, y: f32) {
        let look = LinkLook::of(kind);
        self.path(
            &[at(x0, y), at(x1, y)],
            false,
            Paint::Stroke {
                rgb: palette().link(kind),
                width: look.width * LINK_WIDTH,
                dash: look
                    .dash
                    .map(|[on, off]| [on * LINK_WIDTH, off * LINK_WIDTH]),
            },
        );
    }

    /// The legend of a drawing, from the cursor, in rows across the content width: each
    /// entry's mark (glyph, line, badge, group box) and its text.
    pub(super) fn legend(&mut self, entries: &[Entry]) {
        let f = LEGEND_SIZE;
        let mark_w = 2.6 * f;
        let right = MARGIN + self.content_width();
        let (mut x, mut y) = (MARGIN, self.y);
        self.round_strokes();
        for e in entries {
            let w = mark_w + 0.5 * f + self.face(Weight::Regular).width(&e.text, f) + 1.5 * f;
            if x > MARGIN && x + w > right {
                x = MARGIN;
                y += LEGEND_ROW;
            }
            let (top, bottom) = (y + 0.2 * f, y + LEGEND_ROW - 0.2 * f);
            let c = (x + mark_w / 2.0, (top + bottom) / 2.0);
            match &e.mark {
                Mark::Node(kind) => self.glyph_at(*kind, c, 0.7 * f),
                Mark::Link(kind) => self.link_mark(*kind, x, x + mark_w, c.1),
                Mark::Badge(severity) => self.badge(c, 0.4 * f, *severity),
                Mark::Group(kind) => {
                    let g = group_colours(kind, palette());
                    self.path(
                        &rounded_rect_path(x, top, x + mark_w, bottom, 0.3 * f),
                        true,
                        Paint::FillStroke {
                            fill: g.fill,
                            stroke: g.stroke,
                            width: 0.08 * f,
                        },
                    );
                }
            }
            let text_top = y + LEGEND_ROW / 2.0 + 0.35 * f - 0.93 * f;
            self.text(
                x + mark_w + 0.5 * f,
                text_top,
                f,
                Weight::Regular,
                INK,
                &e.text,
            );
            x += w;
        }
        self.y = y + LEGEND_ROW;
    }
}

pub(super) struct Area {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// The diagram's drawing at `scale` points per canvas unit, measured with `fonts` (see
/// `Writer::lay_out`).
fn lay_out(fonts: &Fonts, d: &Diagram, scale: f32, window: Option<Rect>, size: f32) -> Drawing {
    let measure = move |text: &str, size: f32, weight: LabelWeight| match weight {
        LabelWeight::Regular => fonts.regular.width(text, size),
        LabelWeight::Bold => fonts.bold.width(text, size),
    };
    let mut style = Style::new(Theme::Light, &measure);
    style.scale = scale;
    style.window = window;
    if size > 0.0 {
        style.node_radius = NODE_RADIUS * size;
        style.font_size = FONT_SIZE * size;
        style.link_width = LINK_WIDTH * size;
        // One page of a small design labels each link; a tile of a dense one each bundle.
        style.link_labels = if window.is_none() && d.links.len() <= EACH_LINK_LABELS_MAX {
            LinkLabels::EachLink
        } else {
            LinkLabels::Bundle
        };
    } else {
        style.node_radius = OVERVIEW_RADIUS;
        style.font_size = OVERVIEW_FONT;
        style.link_width = OVERVIEW_LINK_WIDTH;
        style.link_labels = LinkLabels::None;
        style.node_labels = false;
    }
    Drawing::build(d, &style)
}

/// Where a link's badge goes: the middle of its curve, unless a label sits there (a bundle's
/// label may lie across a neighbour's middle), then the nearest point along the curve that no
/// label covers.
fn badge_point(curve: &crate::diagram::Curve, r: f32, halos: &[Rect]) -> V2 {
    let clear = |p: V2| {
        let b = Rect::from_centre(p, 2.0 * r, 2.0 * r);
        !halos.iter().any(|h| h.overlaps(&b))
    };
    [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74]
        .into_iter()
        .map(|t| curve.point_at(t))
        .find(|p| clear(*p))
        .unwrap_or_else(|| curve.midpoint())
}

/// "A1", "B3", "AA12": row letters (as spreadsheet columns are named), column number.
pub(super) fn tile_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = row + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), col + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the one page of each sample design, every name and bandwidth has a place.
    #[test]
    fn every_label_of_the_samples_one_page_diagrams_is_placed() {
        let fonts = Fonts::load().unwrap();
        for name in [
            "aws-dev-test-one-location",
            "dual-cloud-ashburn-chicago",
            "europe-azure-two-locations",
            "flawed-design",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("designs")
                .join(format!("{name}.json"));
            let design = crate::design_file::load(&path).unwrap();
            let d = Diagram::of(&design, &|_| None);
            // A4 landscape's content width, under the section title, above the legend.
            let plan = plan_tiles(&d, 745.9, 400.0);
            assert_eq!((plan.cols, plan.rows), (1, 1), "{name}");
            let drawing = lay_out(&fonts, &d, plan.scale, None, 1.0);
            assert_eq!(drawing.hidden_labels, 0, "{name}");
            assert!(drawing.nodes.iter().all(|n| n.label.is_some()), "{name}");
        }
    }

    #[test]
    fn tiles_are_named_like_spreadsheet_cells_beyond_26_rows() {
        assert_eq!(tile_name(0, 0), "A1");
        assert_eq!(tile_name(25, 2), "Z3");
        assert_eq!(tile_name(26, 0), "AA1");
        assert_eq!(tile_name(27, 11), "AB12");
        assert_eq!(tile_name(26 * 27, 0), "AAA1");
    }
}

//! The topology diagram: on one page when it is readable there, else an overview and tiles at
//! a readable scale (`plan`), or, for a design too large for that, an overview and a few
//! tiles (`overview`); shapes by kind, links by kind, badges, labels and the legend.

use super::plan::{MAX_TILES, Plan, fit, plan_tiles};
use super::text::{Weight, ellipsize};
use super::{BODY_SIZE, BOTTOM, GREY, INK, MARGIN, TOP, Writer};
use crate::look;
use crate::model::{LinkKindTag, NodeKindTag};
use crate::report::{Diagram, DiagramNode, Orientation};
use printpdf::Op;

/// Height of a tile page's heading line.
pub(super) const TILE_HEADING: f32 = 18.0;

/// Room kept under a drawing for the legend.
pub(super) const LEGEND_H: f32 = 34.0;

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
            self.draw_diagram(diagram, &first, plan.scale, plan.origin, true);
            self.y = first.y + first.h + 6.0;
            self.legend();
        } else {
            // An overview of the whole design, then the tiles at a readable scale.
            self.tiled_overview(diagram, &first, &plan);
            self.tile_pages(diagram, &plan);
        }
        // What follows the diagram starts on a fresh page.
        self.new_page(self.orientation);
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

    /// The whole design fitted to `first`, unlabelled, with the tiles of `plan` outlined and
    /// named on it, and a line saying where they follow.
    fn tiled_overview(&mut self, diagram: &Diagram, first: &Area, plan: &Plan) {
        let overview = fit(diagram, first.w, first.h);
        self.draw_diagram(diagram, first, overview.scale, overview.origin, false);
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
                self.text(
                    tx + 3.0,
                    ty + 3.0,
                    8.0,
                    Weight::Bold,
                    GREY,
                    &tile_name(r, c),
                );
            }
        }
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
                self.draw_diagram(diagram, &a, plan.scale, origin, true);
                self.y = a.y + a.h + 6.0;
                self.legend();
            }
        }
    }

    /// Draw the diagram into `area`: canvas point `origin` at the area's top-left corner,
    /// `scale` points per canvas unit, clipped to the area; `labels` names links and nodes.
    pub(super) fn draw_diagram(
        &mut self,
        d: &Diagram,
        area: &Area,
        scale: f32,
        origin: (f64, f64),
        labels: bool,
    ) {
        let at = Placement {
            area,
            scale,
            origin,
            labels,
        };
        self.begin_clip(area);
        let link_labels = self.diagram_links(d, &at);
        self.link_labels(link_labels);
        self.diagram_nodes(d, &at);
        self.page().ops.push(Op::RestoreGraphicsState);
    }

    /// The links that cross the area, parallel ones spread apart, with their badges; returns
    /// the labels to set (each with the link's ends), when labelled.
    fn diagram_links(&mut self, d: &Diagram, at: &Placement<'_>) -> Vec<(Segment, String)> {
        let labels = at.labels;
        let mut label_ops = Vec::new();
        for l in &d.links {
            let (a, b) = (at.to_page(&d.nodes[l.a]), at.to_page(&d.nodes[l.b]));
            if !at.inside(a, 0.0) && !at.inside(b, 0.0) && !crosses(a, b, at.area) {
                continue;
            }
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(0.001);
            let step = if labels { 4.0 } else { 2.0 };
            let (nx, ny) = (-dy / len * l.offset * step, dx / len * l.offset * step);
            let (a, b) = ((a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny));
            let width = if look::link_is_thin(l.kind) { 0.8 } else { 1.4 };
            let dash: Option<&[f32]> = look::link_is_dashed(l.kind).then_some(&[4.0, 2.5]);
            self.line(
                &[a, b],
                if labels { width } else { width * 0.6 },
                look::link_rgb(l.kind),
                dash,
            );
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            if let Some(rgb) = l.badge {
                self.circle(mid.0, mid.1, 2.5, rgb);
            }
            if labels && let Some(text) = &l.label {
                label_ops.push(((a, b), text.clone()));
            }
        }
        label_ops
    }

    /// The links' labels on white, placed along their links so that they do not overlap.
    fn link_labels(&mut self, label_ops: Vec<(Segment, String)>) {
        let mut placer = look::LabelPlacer::default();
        for ((a, b), text) in label_ops {
            let size = 6.0;
            let w = self.face(Weight::Regular).width(&text, size);
            let [cx, bottom] = placer.place([a.0, a.1], [b.0, b.1], [w + 2.0, size + 1.5], 2.0);
            let (x, top) = (cx - w / 2.0, bottom - size - 1.0);
            self.rect(x - 1.0, top - 0.5, w + 2.0, size + 1.5, [255, 255, 255]);
            self.text(x, top, size, Weight::Regular, GREY, &text);
        }
    }

    /// The nodes in and near the area, in their kinds' shapes, with badges and (when
    /// labelled) their names.
    fn diagram_nodes(&mut self, d: &Diagram, at: &Placement<'_>) {
        let labels = at.labels;
        let r = if labels { 7.0 } else { 4.0 };
        for n in &d.nodes {
            let p = at.to_page(n);
            if !at.inside(p, 40.0) {
                continue;
            }
            self.node_shape(n.kind, p, r);
            if let Some(rgb) = n.badge {
                self.circle(p.0 + r, p.1 - r, if labels { 2.8 } else { 1.8 }, rgb);
            }
            if labels {
                let size = 6.5;
                let face = self.face(Weight::Regular);
                let name = ellipsize(face, &n.name, size, 110.0);
                let w = face.width(&name, size);
                let (x, top) = (p.0 - w / 2.0, p.1 + r + 2.0);
                self.rect(x - 1.0, top - 0.5, w + 2.0, size + 1.5, [255, 255, 255]);
                self.text(x, top, size, Weight::Regular, INK, &name);
            }
        }
    }

    pub(super) fn node_shape(&mut self, kind: NodeKindTag, (x, y): (f32, f32), r: f32) {
        let rgb = look::node_rgb(kind);
        match kind {
            NodeKindTag::OnPremSite => {
                self.rect(x - 1.1 * r, y - 0.8 * r, 2.2 * r, 1.6 * r, rgb);
            }
            NodeKindTag::ColocationFacility => {
                self.rect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r, rgb);
            }
            NodeKindTag::FabricRouter => {
                self.shape(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], rgb);
            }
            NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => self.circle(x, y, r, rgb),
        }
    }

    pub(super) fn legend(&mut self) {
        let size = 7.0;
        let top = self.y;
        let mut x = MARGIN;
        for kind in NodeKindTag::ALL {
            self.node_shape(kind, (x + 5.0, top + 5.0), 5.0);
            let label = crate::report::capitalise(kind.label());
            self.text(x + 13.0, top + 1.5, size, Weight::Regular, INK, &label);
            x += 22.0 + self.face(Weight::Regular).width(&label, size);
        }
        let top = top + 15.0;
        let mut x = MARGIN;
        for kind in LinkKindTag::ALL {
            let dash: Option<&[f32]> = look::link_is_dashed(kind).then_some(&[4.0, 2.5]);
            let width = if look::link_is_thin(kind) { 0.8 } else { 1.4 };
            self.line(
                &[(x, top + 5.0), (x + 18.0, top + 5.0)],
                width,
                look::link_rgb(kind),
                dash,
            );
            let label = crate::report::capitalise(kind.label());
            self.text(x + 22.0, top + 1.5, size, Weight::Regular, INK, &label);
            x += 32.0 + self.face(Weight::Regular).width(&label, size);
        }
        for (severity, label) in [
            (crate::rules::Severity::Error, "has errors"),
            (crate::rules::Severity::Warning, "has warnings"),
        ] {
            self.circle(x + 3.0, top + 5.0, 2.8, look::severity_rgb(severity));
            self.text(x + 9.0, top + 1.5, size, Weight::Regular, INK, label);
            x += 18.0 + self.face(Weight::Regular).width(label, size);
        }
        self.y = top + 16.0;
    }
}

pub(super) struct Area {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// A link's two ends on the page.
type Segment = ((f32, f32), (f32, f32));

/// Where a diagram is drawn: canvas point `origin` at the `area`'s top-left corner, `scale`
/// points per canvas unit; `labels` names links and nodes.
struct Placement<'a> {
    area: &'a Area,
    scale: f32,
    origin: (f64, f64),
    labels: bool,
}

impl Placement<'_> {
    /// A node's position on the page.
    fn to_page(&self, n: &DiagramNode) -> (f32, f32) {
        let (area, scale, origin) = (self.area, self.scale, self.origin);
        (
            area.x + ((n.x - origin.0) as f32) * scale,
            area.y + ((n.y - origin.1) as f32) * scale,
        )
    }

    /// Whether a point on the page is in the area or within `m` points of it.
    fn inside(&self, (x, y): (f32, f32), m: f32) -> bool {
        let area = self.area;
        x >= area.x - m && x <= area.x + area.w + m && y >= area.y - m && y <= area.y + area.h + m
    }
}

/// Whether the segment a–b passes through the area (both ends outside).
fn crosses(a: (f32, f32), b: (f32, f32), area: &Area) -> bool {
    let (minx, maxx) = (a.0.min(b.0), a.0.max(b.0));
    let (miny, maxy) = (a.1.min(b.1), a.1.max(b.1));
    maxx >= area.x && minx <= area.x + area.w && maxy >= area.y && miny <= area.y + area.h
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

    #[test]
    fn tiles_are_named_like_spreadsheet_cells_beyond_26_rows() {
        assert_eq!(tile_name(0, 0), "A1");
        assert_eq!(tile_name(25, 2), "Z3");
        assert_eq!(tile_name(26, 0), "AA1");
        assert_eq!(tile_name(27, 11), "AB12");
        assert_eq!(tile_name(26 * 27, 0), "AAA1");
    }
}

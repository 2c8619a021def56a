//! A dense overview, drawn cheaply: one mark per kind per small cell of the page, one path
//! per kind, so the ops grow with the page's area and not with the design.

use super::Writer;
use super::diagram::Area;
use crate::look::{self, Rgb, Theme};
use crate::model::{LinkKindTag, NodeKindTag};
use crate::report::Diagram;
use crate::rules::Severity;
use printpdf::Op;
use std::collections::{BTreeMap, BTreeSet};

/// Side of the grid cells a dense overview is drawn on (points): one mark per kind per cell.
const DENSITY_CELL: f32 = 2.5;

/// A cell of a dense overview's grid (column, row).
type GridCell = (i32, i32);

impl Writer<'_> {
    /// The whole of a dense diagram, cheaply: the area is cut into cells of [`DENSITY_CELL`]
    /// points and each cell holding elements gets one mark per kind (links: one hairline per
    /// pair of cells they join), drawn as one path per kind. The ops grow with the page's
    /// area, not with the design.
    pub(super) fn draw_density(
        &mut self,
        d: &Diagram,
        area: &Area,
        scale: f32,
        origin: (f64, f64),
    ) {
        let cell_of = |x: f64, y: f64| -> Option<(i32, i32)> {
            let px = ((x - origin.0) as f32) * scale;
            let py = ((y - origin.1) as f32) * scale;
            (px >= 0.0 && py >= 0.0 && px <= area.w && py <= area.h)
                .then(|| ((px / DENSITY_CELL) as i32, (py / DENSITY_CELL) as i32))
        };
        let centre = |(i, j): (i32, i32)| {
            (
                area.x + (i as f32 + 0.5) * DENSITY_CELL,
                area.y + (j as f32 + 0.5) * DENSITY_CELL,
            )
        };
        let node_cells: Vec<Option<(i32, i32)>> =
            d.nodes.iter().map(|n| cell_of(n.x, n.y)).collect();
        let mut segments: BTreeSet<(LinkKindTag, GridCell, GridCell)> = BTreeSet::new();
        for l in &d.links {
            let (Some(a), Some(b)) = (node_cells[l.a], node_cells[l.b]) else {
                continue;
            };
            if a != b {
                segments.insert((l.kind, a.min(b), a.max(b)));
            }
        }
        let mut kinds: BTreeSet<(u8, (i32, i32))> = BTreeSet::new();
        let mut flags: BTreeMap<(i32, i32), Severity> = BTreeMap::new();
        for (n, at) in d.nodes.iter().zip(&node_cells) {
            let Some(at) = *at else { continue };
            kinds.insert((draw_rank(n.kind), at));
            if let Some(s) = n.severity {
                let e = flags.entry(at).or_insert(s);
                *e = (*e).max(s);
            }
        }
        self.begin_clip(area);
        for kind in LinkKindTag::ALL {
            let rings: Vec<Vec<(f32, f32)>> = segments
                .iter()
                .filter(|(k, _, _)| *k == kind)
                .map(|(_, a, b)| vec![centre(*a), centre(*b)])
                .collect();
            self.paths(
                rings,
                lighten(Theme::Light.palette().link(kind), 0.45),
                Some(0.3),
            );
        }
        for (rank, kind) in DRAW_ORDER.iter().enumerate() {
            let r = match kind {
                // At most half a cell, so that neighbouring marks stay apart.
                NodeKindTag::OnPremSite => 0.7,
                NodeKindTag::FabricRouter => 1.0,
                NodeKindTag::ColocationFacility => 1.0,
                NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 1.2,
            };
            let rings: Vec<Vec<(f32, f32)>> = kinds
                .iter()
                .filter(|(k, _)| usize::from(*k) == rank)
                .map(|(_, at)| mark(*kind, centre(*at), r))
                .collect();
            self.paths(rings, Theme::Light.palette().node(*kind), None);
        }
        for severity in [Severity::Warning, Severity::Error] {
            let rings: Vec<Vec<(f32, f32)>> = flags
                .iter()
                .filter(|(_, s)| **s == severity)
                .map(|(at, _)| {
                    let (x, y) = centre(*at);
                    octagon(x + 1.2, y - 1.2, 1.1)
                })
                .collect();
            self.paths(rings, look::severity_rgb(severity), None);
        }
        self.page().ops.push(Op::RestoreGraphicsState);
    }
}

/// Node kinds from the back of a dense overview to the front: the many sites first, the
/// few regions on top.
const DRAW_ORDER: [NodeKindTag; 5] = [
    NodeKindTag::OnPremSite,
    NodeKindTag::FabricRouter,
    NodeKindTag::ColocationFacility,
    NodeKindTag::AwsRegion,
    NodeKindTag::AzureRegion,
];

fn draw_rank(kind: NodeKindTag) -> u8 {
    DRAW_ORDER.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// A node's mark on a dense overview: a small square, diamond or dot by kind.
fn mark(kind: NodeKindTag, (x, y): (f32, f32), r: f32) -> Vec<(f32, f32)> {
    match kind {
        NodeKindTag::OnPremSite => rectangle(x, y, 1.1 * r, 0.8 * r),
        NodeKindTag::ColocationFacility => rectangle(x, y, 0.9 * r, 0.9 * r),
        NodeKindTag::FabricRouter => vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => octagon(x, y, r),
    }
}

fn rectangle(x: f32, y: f32, half_w: f32, half_h: f32) -> Vec<(f32, f32)> {
    vec![
        (x - half_w, y - half_h),
        (x + half_w, y - half_h),
        (x + half_w, y + half_h),
        (x - half_w, y + half_h),
    ]
}

/// A small circle as eight points: at the sizes of a dense overview it is round.
fn octagon(x: f32, y: f32, r: f32) -> Vec<(f32, f32)> {
    (0..8)
        .map(|i| {
            let a = (i as f32 + 0.5) / 8.0 * std::f32::consts::TAU;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect()
}

/// `rgb` mixed with white: `share` 0 keeps it, 1 is white.
fn lighten(rgb: Rgb, share: f32) -> Rgb {
    rgb.map(|c| (f32::from(c) + (255.0 - f32::from(c)) * share).round() as u8)
}

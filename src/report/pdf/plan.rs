//! How a diagram is laid on pages: the scale at which neighbouring nodes stay readable, fitted
//! to one page or cut into tiles, and the spacing of a design's nodes that decides it.

use crate::report::Diagram;
use rustc_hash::FxHashMap;

/// How the diagram is laid on pages: canvas `origin` at the top-left of tile (0, 0), `scale`
/// points per canvas unit.
pub(super) struct Plan {
    pub(super) scale: f32,
    pub(super) origin: (f64, f64),
    pub(super) cols: usize,
    pub(super) rows: usize,
}

/// Room around the nodes for their symbols and labels, in points.
pub(super) const DIAGRAM_PAD_X: f32 = 60.0;
pub(super) const DIAGRAM_PAD_Y: f32 = 24.0;
/// Neighbouring nodes are drawn at least this far apart (points) so labels stay readable.
const READABLE_SPACING: f32 = 55.0;
/// Never enlarge a small design beyond this (points per canvas unit).
const MAX_SCALE: f32 = 1.4;
/// A design is tiled whole when at most this many pages at a readable scale hold it.
pub(super) const MAX_TILES: usize = 16;
/// To tile a design whole, the scale may give way to this share of the readable one; a design
/// that needs more (or smaller) tiles is large: an overview and `overview::DETAIL_TILES` tiles.
const SMALLEST_TILE_SCALE: f32 = 0.6;

pub(super) fn bounds(d: &Diagram) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for n in &d.nodes {
        x0 = x0.min(n.x);
        y0 = y0.min(n.y);
        x1 = x1.max(n.x);
        y1 = y1.max(n.y);
    }
    (x0, y0, x1, y1)
}

/// The whole diagram on one area, centred.
pub(super) fn fit(d: &Diagram, w: f32, h: f32) -> Plan {
    fit_padded(d, w, h, DIAGRAM_PAD_X, DIAGRAM_PAD_Y)
}

/// The whole diagram on one area, centred, `pad_x` and `pad_y` points from its edges.
pub(super) fn fit_padded(d: &Diagram, w: f32, h: f32, pad_x: f32, pad_y: f32) -> Plan {
    let (x0, y0, x1, y1) = bounds(d);
    let (cw, ch) = (((x1 - x0) as f32).max(1.0), ((y1 - y0) as f32).max(1.0));
    let scale = ((w - 2.0 * pad_x) / cw)
        .min((h - 2.0 * pad_y) / ch)
        .clamp(0.0001, MAX_SCALE);
    // Centre: the origin is where the area's top-left corner falls in canvas units.
    let origin = (
        (x0 + x1) / 2.0 - f64::from(w / 2.0 / scale),
        (y0 + y1) / 2.0 - f64::from(h / 2.0 / scale),
    );
    Plan {
        scale,
        origin,
        cols: 1,
        rows: 1,
    }
}

/// One page when the fitted drawing keeps neighbours a readable distance apart; otherwise
/// tiles at a readable scale (at most `MAX_TILES`; beyond that the scale gives way).
pub(super) fn plan_tiles(d: &Diagram, w: f32, h: f32) -> Plan {
    let fitted = fit(d, w, h);
    let spacing = typical_spacing(d);
    if spacing <= 0.0
        || spacing as f32 * fitted.scale >= READABLE_SPACING.min(spacing as f32 * MAX_SCALE)
    {
        return fitted;
    }
    let (x0, y0, _, _) = bounds(d);
    let readable = READABLE_SPACING / spacing as f32;
    let mut scale = readable;
    loop {
        let (cols, rows) = grid(d, scale, w, h);
        let plan = Plan {
            scale,
            origin: (
                x0 - f64::from(DIAGRAM_PAD_X / scale),
                y0 - f64::from(DIAGRAM_PAD_Y / scale),
            ),
            cols,
            rows,
        };
        if cols * rows <= MAX_TILES || scale <= fitted.scale {
            if cols * rows == 1 || scale <= fitted.scale {
                return fitted;
            }
            return plan;
        }
        if scale * 0.9 < readable * SMALLEST_TILE_SCALE && scale * 0.9 > fitted.scale {
            // Large: the caller draws an overview and some tiles at the readable scale.
            let (cols, rows) = grid(d, readable, w, h);
            return Plan {
                scale: readable,
                origin: (
                    x0 - f64::from(DIAGRAM_PAD_X / readable),
                    y0 - f64::from(DIAGRAM_PAD_Y / readable),
                ),
                cols,
                rows,
            };
        }
        scale *= 0.9;
    }
}

/// Columns and rows of `w` × `h` tiles that hold the diagram at `scale`.
pub(super) fn grid(d: &Diagram, scale: f32, w: f32, h: f32) -> (usize, usize) {
    let (x0, y0, x1, y1) = bounds(d);
    let cols = (((x1 - x0) as f32 * scale + 2.0 * DIAGRAM_PAD_X) / w)
        .ceil()
        .max(1.0) as usize;
    let rows = (((y1 - y0) as f32 * scale + 2.0 * DIAGRAM_PAD_Y) / h)
        .ceil()
        .max(1.0) as usize;
    (cols, rows)
}

/// The median distance from a node to its nearest neighbour (canvas units), over a sample of
/// at most 400 nodes. Nodes are put in a grid of about one node per cell and each sampled
/// node's neighbours are looked for ring by ring around its cell, so the cost grows with the
/// sample, not with the sample times the design (400 × 120,000 distances at 100,000 sites).
pub(super) fn typical_spacing(d: &Diagram) -> f64 {
    let n = d.nodes.len();
    if n < 2 {
        return 0.0;
    }
    let (x0, y0, x1, y1) = bounds(d);
    let (w, h) = (x1 - x0, y1 - y0);
    let cell = (w * h / n as f64).sqrt().max(w.max(h) / n as f64);
    if !(cell > 0.0 && cell.is_finite()) {
        return 0.0; // every node at one spot
    }
    let key = |x: f64, y: f64| (((x - x0) / cell) as i64, ((y - y0) / cell) as i64);
    let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    for (i, p) in d.nodes.iter().enumerate() {
        grid.entry(key(p.x, p.y)).or_default().push(i);
    }
    let (cols, rows) = key(x1, y1);
    let nearest = |i: usize| -> f64 {
        let a = &d.nodes[i];
        let distance = |j: usize| {
            let b = &d.nodes[j];
            if j != i && (b.x != a.x || b.y != a.y) {
                (b.x - a.x).hypot(b.y - a.y)
            } else {
                f64::MAX
            }
        };
        let (ci, cj) = key(a.x, a.y);
        let mut best = f64::MAX;
        let closest_in = |gi: i64, gj: i64| {
            grid.get(&(gi, gj)).map_or(f64::MAX, |members| {
                members
                    .iter()
                    .map(|&j| distance(j))
                    .fold(f64::MAX, f64::min)
            })
        };
        for ring in 0_i64..=cols.max(rows) + 1 {
            // A node in ring `ring` (the cells `ring` steps from the node's own) is at least
            // `ring - 1` cells away.
            if best <= (ring - 1) as f64 * cell {
                break;
            }
            let (gi0, gi1) = ((ci - ring).max(0), (ci + ring).min(cols));
            for gj in [cj - ring, cj + ring] {
                if (0..=rows).contains(&gj) {
                    for gi in gi0..=gi1 {
                        best = best.min(closest_in(gi, gj));
                    }
                }
                if ring == 0 {
                    break;
                }
            }
            for gi in [ci - ring, ci + ring] {
                if ring > 0 && (0..=cols).contains(&gi) {
                    for gj in (cj - ring + 1).max(0)..=(cj + ring - 1).min(rows) {
                        best = best.min(closest_in(gi, gj));
                    }
                }
            }
        }
        best
    };
    let mut nearest: Vec<f64> = spacing_sample(n)
        .map(nearest)
        .filter(|d| *d < f64::MAX)
        .collect();
    if nearest.is_empty() {
        return 0.0;
    }
    nearest.sort_by(f64::total_cmp);
    nearest[nearest.len() / 2]
}

/// The nodes `typical_spacing` measures: all of up to 400, else 400 spread by a
/// multiplicative hash. A fixed stride fell in step with a design's repeating order (a
/// generated design repeats every 24 nodes: a stride of 300 measured only facilities and one
/// kind of site, and took the facilities' spacing for the design's).
fn spacing_sample(n: usize) -> impl Iterator<Item = usize> {
    let all = n <= 400;
    (0..n.min(400)).map(move |k| {
        if all {
            k
        } else {
            ((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20) as usize % n
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::TopoNode;
    use crate::model::NodeKindTag;

    /// The grid search finds the same nearest neighbours as comparing every pair.
    #[test]
    fn typical_spacing_matches_the_pairwise_median() {
        let brute = |d: &Diagram| {
            let n = d.nodes.len();
            let mut nearest: Vec<f64> = spacing_sample(n)
                .map(|i| {
                    let a = &d.nodes[i];
                    d.nodes
                        .iter()
                        .enumerate()
                        .filter(|&(j, b)| j != i && (b.x != a.x || b.y != a.y))
                        .map(|(_, b)| (b.x - a.x).hypot(b.y - a.y))
                        .fold(f64::MAX, f64::min)
                })
                .filter(|d| *d < f64::MAX)
                .collect();
            nearest.sort_by(f64::total_cmp);
            nearest.get(nearest.len() / 2).copied().unwrap_or(0.0)
        };
        let node = |x: f64, y: f64| TopoNode {
            id: String::new(),
            name: String::new(),
            kind: NodeKindTag::OnPremSite,
            x,
            y,
            group: None,
            severity: None,
        };
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as f64 / f64::from(1_u32 << 31)
        };
        let shapes: Vec<Vec<TopoNode>> = vec![
            // Scattered, clustered, on a line, with duplicates, far outliers.
            (0..900)
                .map(|_| node(next() * 5000.0, next() * 3000.0))
                .collect(),
            (0..900)
                .map(|i| node((i % 30) as f64 * 40.0 + next(), (i / 30) as f64 * 900.0))
                .collect(),
            (0..500).map(|i| node(f64::from(i) * 7.0, 10.0)).collect(),
            (0..300)
                .map(|i| node(f64::from(i / 3) * 10.0, 0.0))
                .chain([node(1e6, 1e6), node(-1e6, 5.0)])
                .collect(),
            vec![node(1.0, 1.0), node(1.0, 1.0)],
        ];
        for nodes in shapes {
            let d = Diagram {
                nodes,
                links: Vec::new(),
            };
            assert_eq!(typical_spacing(&d), brute(&d));
        }
    }
}

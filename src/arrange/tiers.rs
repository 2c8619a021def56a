//! Tiers: on-prem sites in the left column, colocation facilities and fabric routers in the
//! middle, Azure and AWS regions on the right.
//!
//! 1. egui_graphs' hierarchical layout runs on the design's graph, its links directed from
//!    the lower tier to the higher (sites → facilities → regions). Its result is a tree
//!    drawing: each node's place along the tier axis is where its subtree was packed, which
//!    groups each site with what it reaches. That place is the first order inside each tier.
//! 2. Its levels are depths in a spanning tree, not kinds (a region reached from a fabric
//!    router would sit one level further right), and a tree drawing ignores the links outside
//!    the tree, which cross. So the tier comes from the kind, and barycentre sweeps reorder
//!    each tier by the mean place of each node's neighbours in the other tiers, keeping the
//!    order with the fewest crossings ([`super::crossings::between_layers`]).
//! 3. Each connected part of the design is laid out as a block; a tier taller than the
//!    block's row limit wraps into several columns. The nodes of the tallest tier are packed;
//!    the others sit beside the mean height of their neighbours, in order, a row apart.
//! 4. Blocks are stacked in columns of about the height that makes the whole about 16:10.
//!
//! Spacing comes from the footprints ([`super::footprint`]): a row is a footprint's height
//! plus a gap, a column the widest footprint in it plus room for the links.

use super::crossings;
use super::footprint::{self, Footprint};
use crate::lists::Lists;
use crate::model::{Design, NodeKindTag, Point};
use egui_graphs::{
    Graph, Layout as _, LayoutHierarchical, LayoutHierarchicalOrientation, LayoutStateHierarchical,
};

/// Distance between rows: a footprint's height and a gap.
pub const ROW: f64 = footprint::HEIGHT + 16.0;
/// Space between a column's widest footprint and the next column's, where the links run.
pub const COLUMN_GAP: f64 = 160.0;
/// Space between stacked blocks.
pub const BLOCK_GAP: f64 = ROW;
/// A block's tiers wrap beyond `max(MIN_ROWS, sqrt(2.5 × nodes))` rows, which keeps a large
/// block about as wide as it is tall.
pub const MIN_ROWS: usize = 30;
/// Barycentre sweeps (each: middle, regions, middle, sites).
const SWEEPS: usize = 8;

/// The positions of every node, arranged in tiers.
pub fn positions(design: &Design) -> Vec<Point> {
    let (net, parts) = parts_in_tiers(design);
    let laid: Vec<&Block> = parts.iter().map(|p| &p.block).collect();
    place_stacked(net.len(), &parts, &stack(&laid))
}

/// One connected part of the design: its nodes (indices into `Design::nodes`, in the
/// hierarchical layout's order), its graph, and its layout.
pub(super) struct Part {
    pub members: Vec<usize>,
    pub net: Net,
    pub block: Block,
}

/// The design's graph, and each connected part laid out in tiers, parts in the hierarchical
/// layout's order (the part of its first node first).
pub(super) fn parts_in_tiers(design: &Design) -> (Net, Vec<Part>) {
    let net = Net::of(design);
    let key = hierarchical_places(&net);
    let mut parts: Vec<Part> = net
        .parts()
        .into_iter()
        .map(|mut members| {
            members.sort_by(|&a, &b| key[a].total_cmp(&key[b]).then(a.cmp(&b)));
            let part = net.part(&members);
            let block = Block::lay_out(&part);
            Part {
                members,
                net: part,
                block,
            }
        })
        .collect();
    let first = |p: &Part| p.members[0];
    parts.sort_by(|a, b| {
        key[first(a)]
            .total_cmp(&key[first(b)])
            .then(first(a).cmp(&first(b)))
    });
    (net, parts)
}

/// Every node's position from its part's stacked positions.
pub(super) fn place_stacked(nodes: usize, parts: &[Part], stacked: &[Vec<Point>]) -> Vec<Point> {
    let mut out = vec![Point::default(); nodes];
    for (part, at) in parts.iter().zip(stacked) {
        for (&v, p) in part.members.iter().zip(at) {
            out[v] = *p;
        }
    }
    out
}

/// The design as a graph: each node's tier, and its lines (linked pairs, once) by node.
pub(super) struct Net {
    pub tier: Vec<usize>,
    pub kind: Vec<NodeKindTag>,
    pub lines: Vec<(u32, u32)>,
    /// Lines at each node.
    pub at: Lists,
    pub footprint: Vec<Footprint>,
}

impl Net {
    pub fn of(design: &Design) -> Net {
        let lines = crossings::lines(design);
        let at = Lists::invert(
            design.nodes.len(),
            lines.iter().map(|&(a, b)| [a as usize, b as usize]),
        );
        Net {
            tier: design.nodes.iter().map(|n| super::tier(n.tag())).collect(),
            kind: design.nodes.iter().map(|n| n.tag()).collect(),
            lines,
            at,
            footprint: design.nodes.iter().map(Footprint::of).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.tier.len()
    }

    /// The nodes linked to `v`.
    pub fn neighbours(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.at.of(v).iter().map(move |&l| {
            let (a, b) = self.lines[l as usize];
            if a as usize == v {
                b as usize
            } else {
                a as usize
            }
        })
    }

    /// The sub-graph of `members` (nodes numbered by their place in `members`), with the lines
    /// between them.
    pub fn part(&self, members: &[usize]) -> Net {
        let mut local = rustc_hash::FxHashMap::default();
        for (i, &v) in members.iter().enumerate() {
            local.insert(v, i as u32);
        }
        let mut lines = Vec::new();
        for &v in members {
            for &l in self.at.of(v) {
                let (a, b) = self.lines[l as usize];
                // Each line once, from its first end.
                if a as usize != v {
                    continue;
                }
                if let (Some(&a), Some(&b)) = (local.get(&(a as usize)), local.get(&(b as usize))) {
                    lines.push((a, b));
                }
            }
        }
        let at = Lists::invert(
            members.len(),
            lines.iter().map(|&(a, b)| [a as usize, b as usize]),
        );
        Net {
            tier: members.iter().map(|&v| self.tier[v]).collect(),
            kind: members.iter().map(|&v| self.kind[v]).collect(),
            lines,
            at,
            footprint: members.iter().map(|&v| self.footprint[v]).collect(),
        }
    }

    /// The connected parts, each a list of nodes (in node order), parts by their first node.
    pub fn parts(&self) -> Vec<Vec<usize>> {
        let n = self.len();
        let mut part = vec![usize::MAX; n];
        let mut parts = Vec::new();
        let mut stack = Vec::new();
        for start in 0..n {
            if part[start] != usize::MAX {
                continue;
            }
            let id = parts.len();
            let mut members = Vec::new();
            part[start] = id;
            stack.push(start);
            while let Some(v) = stack.pop() {
                members.push(v);
                for u in self.neighbours(v) {
                    if part[u] == usize::MAX {
                        part[u] = id;
                        stack.push(u);
                    }
                }
            }
            members.sort_unstable();
            parts.push(members);
        }
        parts
    }
}

/// egui_graphs' hierarchical layout of the design, links directed from the lower tier to the
/// higher (links inside a tier left out: they would only deepen the tree, which egui_graphs
/// walks recursively; this way it is at most three levels deep at any size): each node's place
/// along the tier axis, in node order.
///
/// The layout's only entry point is `Layout::next(graph, &egui::Ui)`, and it does not read
/// the `Ui`; so it runs in one pass of a headless `egui::Context` (no window, nothing drawn),
/// the same way from the designer and the command line.
pub(super) fn hierarchical_places(net: &Net) -> Vec<f32> {
    let mut g: Graph<u32, ()> = Graph::new();
    let index: Vec<_> = (0..net.len())
        .map(|v| g.add_node_custom(v as u32, |_| {}))
        .collect();
    for &(a, b) in &net.lines {
        let (a, b) = (a as usize, b as usize);
        let (from, to) = match net.tier[a].cmp(&net.tier[b]) {
            std::cmp::Ordering::Less => (a, b),
            std::cmp::Ordering::Greater => (b, a),
            std::cmp::Ordering::Equal => continue,
        };
        g.add_edge_custom(index[from], index[to], (), |_| {});
    }
    let state = LayoutStateHierarchical {
        triggered: false,
        row_dist: 1.0,
        col_dist: 1.0,
        center_parent: false,
        orientation: LayoutHierarchicalOrientation::LeftRight,
    };
    let mut layout = LayoutHierarchical::from_state(state);
    let ctx = egui::Context::default();
    ctx.run_ui(egui::RawInput::default(), |ui| layout.next(&mut g, ui))
        .drop_without_applying_deltas();
    index
        .iter()
        .map(|&i| g.node(i).map_or(0.0, |n| n.location().y))
        .collect()
}

/// One connected part laid out in tiers, its footprints' top left corner at (0, 0).
pub(super) struct Block {
    /// Every node's position, in the part's order.
    pub placed: Vec<Point>,
    pub width: f64,
    pub height: f64,
}

impl Block {
    /// Lay out one part (its nodes in the hierarchical layout's order).
    pub fn lay_out(net: &Net) -> Block {
        let mut layers: [Vec<usize>; 3] = Default::default();
        for v in 0..net.len() {
            layers[net.tier[v]].push(v);
        }
        reduce_crossings(net, &mut layers);
        let rows_limit = MIN_ROWS.max((2.5 * net.len() as f64).sqrt().ceil() as usize);
        let mut y = vec![f64::NAN; net.len()];
        let rows = |layer: &Vec<usize>| layer.len().min(rows_limit);
        // The tallest tier first, packed; the others beside their neighbours.
        let mut by_height: Vec<usize> = (0..3).collect();
        by_height.sort_by_key(|&t| (std::cmp::Reverse(rows(&layers[t])), t));
        let tallest = rows(&layers[by_height[0]]) as f64;
        for (k, &t) in by_height.iter().enumerate() {
            let layer = &layers[t];
            if k == 0 || layer.len() > rows_limit {
                let offset = (tallest - rows(layer) as f64) * ROW / 2.0;
                for (i, &v) in layer.iter().enumerate() {
                    y[v] = offset + (i % rows_limit) as f64 * ROW;
                }
            } else {
                let wanted: Vec<f64> = layer
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| {
                        let (sum, count) = net
                            .neighbours(v)
                            .filter(|&u| !y[u].is_nan())
                            .fold((0.0, 0), |(s, c), u| (s + y[u], c + 1));
                        if count > 0 {
                            sum / f64::from(count)
                        } else {
                            (tallest - layer.len() as f64) * ROW / 2.0 + i as f64 * ROW
                        }
                    })
                    .collect();
                for (v, at) in layer.iter().zip(spaced(&wanted, ROW)) {
                    y[*v] = at;
                }
            }
        }
        // Columns left to right; a wrapped tier takes one column per `rows_limit` nodes, and
        // fabric routers step half a column right of the facilities in the middle tier, so a
        // link between the two is never drawn along the column through other nodes.
        let mut placed: Vec<Point> = vec![Point::default(); net.len()];
        let mut x = 0.0;
        for layer in &layers {
            if layer.is_empty() {
                continue;
            }
            let widest = layer
                .iter()
                .map(|&v| net.footprint[v].width())
                .fold(0.0, f64::max);
            let has = |kind| layer.iter().any(|&v| net.kind[v] == kind);
            let both = has(NodeKindTag::FabricRouter) && has(NodeKindTag::ColocationFacility);
            let lane = if both {
                (widest + COLUMN_GAP) / 2.0
            } else {
                0.0
            };
            let pitch = widest + COLUMN_GAP + lane;
            for (i, &v) in layer.iter().enumerate() {
                let column = (i / rows_limit) as f64;
                let shift = if net.kind[v] == NodeKindTag::FabricRouter {
                    lane
                } else {
                    0.0
                };
                placed[v] = Point::new(x + widest / 2.0 + column * pitch + shift, y[v]);
            }
            x += layer.len().div_ceil(rows_limit) as f64 * pitch;
        }
        clear_long_lines(net, &layers[1], rows_limit, &mut placed);
        Block::of(net, placed)
    }

    /// A block of the part's nodes at these positions, moved so that their footprints start
    /// at (0, 0), in whole units.
    pub fn of(net: &Net, mut placed: Vec<Point>) -> Block {
        let bounds = placed
            .iter()
            .enumerate()
            .map(|(v, &p)| net.footprint[v].at(p))
            .reduce(|a, b| a.union(&b));
        let Some(bounds) = bounds else {
            return Block {
                placed,
                width: 0.0,
                height: 0.0,
            };
        };
        for p in &mut placed {
            *p = Point::new((p.x - bounds.min.x).round(), (p.y - bounds.min.y).round());
        }
        Block {
            placed,
            width: bounds.width().ceil() + 1.0,
            height: bounds.height().ceil() + 1.0,
        }
    }
}

/// A link from a site straight to a region (a VPN) crosses the middle column; where it would
/// cross a node there, that node and the ones below it in its column move down until the link
/// passes above it. The order, and so the crossings, stay as they were.
fn clear_long_lines(net: &Net, middle: &[usize], rows_limit: usize, placed: &mut [Point]) {
    let mut long: Vec<(Point, Point)> = net
        .lines
        .iter()
        .filter(|&&(a, b)| net.tier[a as usize] != 1 && net.tier[b as usize] != 1)
        .filter(|&&(a, b)| net.tier[a as usize] != net.tier[b as usize])
        .map(|&(a, b)| (placed[a as usize], placed[b as usize]))
        .collect();
    if long.is_empty() {
        return;
    }
    // Top to bottom, so a node moved down is checked against the links below.
    long.sort_by(|p, q| (p.0.y + p.1.y).total_cmp(&(q.0.y + q.1.y)));
    for (from, to) in long {
        for (i, &v) in middle.iter().enumerate() {
            let f = net.footprint[v];
            let at = placed[v];
            let b = f.at(at);
            // The link's height across the footprint's width.
            let y_at = |x: f64| from.y + (to.y - from.y) * (x - from.x) / (to.x - from.x);
            let (ya, yb) = (y_at(b.min.x), y_at(b.max.x));
            let (low, high) = (ya.min(yb), ya.max(yb));
            if high <= b.min.y || low >= b.max.y {
                continue;
            }
            let down = high + footprint::ABOVE + 4.0 - at.y;
            let column = i / rows_limit;
            for (j, &u) in middle.iter().enumerate() {
                if j / rows_limit == column && j >= i {
                    placed[u].y += down;
                }
            }
        }
    }
}

/// Heights as near `wanted` as can be (least squares) keeping their order and at least
/// `gap` apart: pool-adjacent-violators on `wanted[i] - i × gap`, O(n).
pub(super) fn spaced(wanted: &[f64], gap: f64) -> Vec<f64> {
    // Blocks of (sum, count) whose means must not decrease.
    let mut blocks: Vec<(f64, usize)> = Vec::with_capacity(wanted.len());
    for (i, w) in wanted.iter().enumerate() {
        blocks.push((w - i as f64 * gap, 1));
        while blocks.len() > 1 {
            let (s2, c2) = blocks[blocks.len() - 1];
            let (s1, c1) = blocks[blocks.len() - 2];
            if s1 / c1 as f64 <= s2 / c2 as f64 {
                break;
            }
            blocks.pop();
            if let Some(last) = blocks.last_mut() {
                *last = (s1 + s2, c1 + c2);
            }
        }
    }
    let mut out = Vec::with_capacity(wanted.len());
    for (sum, count) in blocks {
        let mean = sum / count as f64;
        for _ in 0..count {
            out.push(mean + out.len() as f64 * gap);
        }
    }
    out
}

/// Reorder each tier by the barycentre of its nodes' neighbours in the other tiers, sweeping
/// back and forth; keep the order with the fewest crossings between tiers.
fn reduce_crossings(net: &Net, layers: &mut [Vec<usize>; 3]) {
    // Place of each node in its tier, 0..1 (so tiers of different sizes compare).
    let mut place = vec![0.0f64; net.len()];
    let set_places = |layers: &[Vec<usize>; 3], place: &mut Vec<f64>| {
        for layer in layers {
            let n = layer.len() as f64;
            for (i, &v) in layer.iter().enumerate() {
                place[v] = (i as f64 + 0.5) / n;
            }
        }
    };
    set_places(layers, &mut place);
    let mut best = layers.clone();
    let mut fewest = layer_crossings(net, layers);
    for sweep in 0..SWEEPS {
        if fewest == 0 {
            break;
        }
        // Down (middle from sites, regions from both) then up (middle from regions, sites).
        let order: [usize; 4] = if sweep % 2 == 0 {
            [1, 2, 1, 0]
        } else {
            [1, 0, 1, 2]
        };
        for t in order {
            let centre: Vec<(f64, usize)> = layers[t]
                .iter()
                .map(|&v| {
                    let (sum, count) = net
                        .neighbours(v)
                        .filter(|&u| net.tier[u] != t)
                        .fold((0.0, 0), |(s, c), u| (s + place[u], c + 1));
                    let at = if count > 0 {
                        sum / f64::from(count)
                    } else {
                        place[v]
                    };
                    (at, v)
                })
                .collect();
            let mut sorted = centre;
            // Stable: equal barycentres keep their order.
            sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
            layers[t] = sorted.into_iter().map(|(_, v)| v).collect();
            set_places(layers, &mut place);
        }
        let now = layer_crossings(net, layers);
        if now < fewest {
            fewest = now;
            best = layers.clone();
        }
    }
    *layers = best;
}

/// Crossings between the tiers' orders: each pair of tiers counted as two layers.
pub(super) fn layer_crossings(net: &Net, layers: &[Vec<usize>; 3]) -> u64 {
    let mut rank = vec![0u32; net.len()];
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            rank[v] = i as u32;
        }
    }
    let mut total = 0;
    for (low, high) in [(0, 1), (1, 2), (0, 2)] {
        let mut pairs: Vec<(u32, u32)> = net
            .lines
            .iter()
            .filter_map(|&(a, b)| {
                let (a, b) = (a as usize, b as usize);
                match (net.tier[a], net.tier[b]) {
                    (x, y) if x == low && y == high => Some((rank[a], rank[b])),
                    (x, y) if x == high && y == low => Some((rank[b], rank[a])),
                    _ => None,
                }
            })
            .collect();
        total += crossings::between_layers(&mut pairs, layers[high].len());
    }
    total
}

/// Stack blocks top to bottom in columns, left to right: each block's nodes moved to its
/// place. The column height is the one (of up to [`HEIGHTS_TRIED`] between the tallest block
/// and all of them stacked) that makes the whole nearest 16:10.
pub(super) fn stack(blocks: &[&Block]) -> Vec<Vec<Point>> {
    let tallest = blocks.iter().map(|b| b.height).fold(0.0, f64::max);
    let all: f64 = blocks.iter().map(|b| b.height + BLOCK_GAP).sum();
    let mut best = (f64::MAX, tallest);
    for k in 0..HEIGHTS_TRIED {
        // Geometric steps from the tallest block to one column of all.
        let height = tallest * (all / tallest.max(1.0)).powf(k as f64 / (HEIGHTS_TRIED - 1) as f64);
        let (width, used) = columns(blocks, height, |_, _, _| {});
        let misfit = ((width / used.max(1.0)) / 1.6).ln().abs();
        if misfit < best.0 {
            best = (misfit, height);
        }
    }
    let mut out = vec![Vec::new(); blocks.len()];
    columns(blocks, best.1, |i, x, y| {
        out[i] = blocks[i]
            .placed
            .iter()
            .map(|p| Point::new(x + p.x, y + p.y))
            .collect();
    });
    out
}

/// Column heights tried when stacking blocks.
const HEIGHTS_TRIED: usize = 48;

/// Lay blocks in columns of at most `height` (a taller block takes a column of its own):
/// `place(block, x, y)` for each; answers the width and height used.
fn columns(blocks: &[&Block], height: f64, mut place: impl FnMut(usize, f64, f64)) -> (f64, f64) {
    let (mut x, mut y, mut column_width, mut used) = (0.0, 0.0, 0.0f64, 0.0f64);
    for (i, b) in blocks.iter().enumerate() {
        if y > 0.0 && y + b.height > height {
            x += column_width + 2.0 * COLUMN_GAP;
            y = 0.0;
            column_width = 0.0;
        }
        place(i, x, y);
        used = used.max(y + b.height);
        y += b.height + BLOCK_GAP;
        column_width = column_width.max(b.width);
    }
    (x + column_width, used)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{SAMPLES, generated, meshed, sample};
    use super::*;

    fn columns(design: &Design, at: &[Point]) -> [Vec<f64>; 3] {
        let mut xs: [Vec<f64>; 3] = Default::default();
        for (n, p) in design.nodes.iter().zip(at) {
            xs[super::super::tier(n.tag())].push(p.x);
        }
        xs
    }

    /// Sites left of facilities left of regions, nothing overlapping, on every sample.
    #[test]
    fn samples_get_three_columns_left_to_right_without_overlaps() {
        for name in SAMPLES {
            let mut design = sample(name);
            let at = positions(&design);
            let [sites, middle, regions] = columns(&design, &at);
            let max = |v: &Vec<f64>| v.iter().copied().fold(f64::MIN, f64::max);
            let min = |v: &Vec<f64>| v.iter().copied().fold(f64::MAX, f64::min);
            assert!(max(&sites) < min(&middle), "{name}");
            assert!(max(&middle) < min(&regions), "{name}");
            for (n, p) in design.nodes.iter_mut().zip(&at) {
                n.position = *p;
            }
            assert_eq!(footprint::overlapping(&design.nodes), vec![], "{name}");
        }
    }

    #[test]
    fn the_same_design_gets_the_same_positions() {
        let design = generated(200);
        assert_eq!(positions(&design), positions(&design));
    }

    /// A part of 10,000 sites wraps into many columns, each at most the row limit tall: no
    /// 10,000-node column.
    #[test]
    fn a_tall_tier_wraps_into_columns() {
        let mut design = generated(20);
        // Hang 2,000 more sites off the first facility: one part with a tall site tier.
        let template = design.nodes.iter().find(|n| n.as_site().is_some()).cloned();
        let access = design
            .links
            .iter()
            .find(|l| l.as_access().is_some())
            .cloned();
        let (Some(template), Some(access)) = (template, access) else {
            panic!("generated design has sites and access circuits");
        };
        for i in 0..2_000 {
            let mut site = template.clone();
            site.id = format!("extra-{i}").into();
            site.name = format!("Extra site {i}");
            let mut link = access.clone();
            link.id = format!("extra-link-{i}").into();
            link.a = site.id.clone();
            design.nodes.push(site);
            design.links.push(link);
        }
        let at = positions(&design);
        let mut rows: std::collections::BTreeMap<i64, usize> = Default::default();
        for (n, p) in design.nodes.iter().zip(&at) {
            if n.as_site().is_some() {
                *rows.entry(p.x as i64).or_default() += 1;
            }
        }
        let limit = (2.5 * design.nodes.len() as f64).sqrt().ceil() as usize;
        assert!(rows.len() > 10, "{} site columns", rows.len());
        assert!(rows.values().all(|&n| n <= limit), "{rows:?}");
        for (n, p) in design.nodes.iter_mut().zip(&at) {
            n.position = *p;
        }
        assert_eq!(footprint::overlapping(&design.nodes), vec![]);
    }

    /// Where egui_graphs' tree order leaves crossings, the sweeps cut them; they never add any
    /// (the best order is kept), and the drawing has the crossings the orders have.
    #[test]
    fn sweeps_cut_the_crossings_of_the_hierarchical_order() {
        for (design, fewer) in [
            (sample("europe-azure-two-locations.json"), true),
            (sample("flawed-design.json"), true),
            (meshed(100), true),
            (generated(100), false),
        ] {
            let (hierarchical, swept) = measure::orders(&design);
            if fewer {
                assert!(
                    swept < hierarchical,
                    "{}: {hierarchical} -> {swept}",
                    design.name
                );
            } else {
                assert!(
                    swept <= hierarchical,
                    "{}: {hierarchical} -> {swept}",
                    design.name
                );
            }
        }
        // (A sample without links from sites straight to regions: those are drawn above the
        // middle column's nodes, which can add crossings the orders do not have.)
        let design = sample("europe-azure-two-locations.json");
        let mut drawn = design.clone();
        for (n, p) in drawn.nodes.iter_mut().zip(positions(&design)) {
            n.position = p;
        }
        assert_eq!(crossings::count(&drawn), measure::orders(&design).1);
    }

    /// A VPN from a site straight to a region passes above the facilities in between, not
    /// through them (in the sample it would run through Digital Realty DUB2).
    #[test]
    fn a_link_past_the_middle_column_never_runs_through_a_node_there() {
        for name in SAMPLES {
            let design = sample(name);
            let at = positions(&design);
            let net = Net::of(&design);
            for &(a, b) in &net.lines {
                let (a, b) = (a as usize, b as usize);
                if net.tier[a] == 1 || net.tier[b] == 1 || net.tier[a] == net.tier[b] {
                    continue;
                }
                for v in (0..net.len()).filter(|&v| net.tier[v] == 1) {
                    let b_ = net.footprint[v].at(at[v]);
                    let (p, q) = (at[a], at[b]);
                    let y = |x: f64| p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x);
                    let (y0, y1) = (y(b_.min.x), y(b_.max.x));
                    assert!(
                        y0.max(y1) <= b_.min.y || y0.min(y1) >= b_.max.y,
                        "{name}: {} -> {} through {}",
                        design.nodes[a].id,
                        design.nodes[b].id,
                        design.nodes[v].id
                    );
                }
            }
        }
    }

    #[test]
    fn spacing_keeps_order_and_gap_and_stays_near_what_is_wanted() {
        assert_eq!(spaced(&[0.0, 100.0, 300.0], 70.0), vec![0.0, 100.0, 300.0]);
        assert_eq!(spaced(&[50.0, 50.0], 70.0), vec![15.0, 85.0]);
        let out = spaced(&[10.0, 0.0, 5.0, 400.0], 70.0);
        assert!(
            out.windows(2).all(|w| w[1] - w[0] >= 70.0 - 1e-9),
            "{out:?}"
        );
    }
}
/// Crossings before and after, as the README's table gives them:
/// `cargo test --release --lib arrange::tiers::measure -- --ignored --nocapture`.
#[cfg(test)]
mod measure {
    use super::super::tests::{SAMPLES, generated, meshed, sample};
    use super::*;

    /// Crossings between the tiers in egui_graphs' hierarchical order, and after the sweeps.
    pub(crate) fn orders(design: &Design) -> (u64, u64) {
        let net = Net::of(design);
        let key = hierarchical_places(&net);
        let (mut hierarchical, mut swept) = (0, 0);
        for mut members in net.parts() {
            members.sort_by(|&a, &b| key[a].total_cmp(&key[b]).then(a.cmp(&b)));
            let part = net.part(&members);
            let mut layers: [Vec<usize>; 3] = Default::default();
            for v in 0..part.len() {
                layers[part.tier[v]].push(v);
            }
            hierarchical += layer_crossings(&part, &layers);
            reduce_crossings(&part, &mut layers);
            swept += layer_crossings(&part, &layers);
        }
        (hierarchical, swept)
    }

    fn drawn(design: &Design, at: Vec<Point>) -> u64 {
        let mut d = design.clone();
        for (n, p) in d.nodes.iter_mut().zip(at) {
            n.position = p;
        }
        crossings::count(&d)
    }

    #[test]
    #[ignore = "a measurement: prints the table of crossings"]
    fn crossings_table() {
        let mut designs: Vec<(String, Design)> =
            SAMPLES.iter().map(|n| (n.to_string(), sample(n))).collect();
        for sites in [200, 1_000] {
            designs.push((format!("generate --sites {sites}"), generated(sites)));
        }
        designs.push(("generate --sites 200, meshed".into(), meshed(200)));
        println!(
            "| design | as saved | egui_graphs order | after sweeps | tiers drawn | organic drawn |"
        );
        for (name, design) in designs {
            let (hierarchical, swept) = orders(&design);
            let tiers = drawn(&design, positions(&design));
            let organic = drawn(&design, super::super::organic::arrange(&design).positions);
            println!(
                "| {name} | {} | {hierarchical} | {swept} | {tiers} | {organic} |",
                crossings::count(&design)
            );
        }
    }
}

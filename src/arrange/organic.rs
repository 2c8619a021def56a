//! Organic: egui_graphs' force-directed layout (Fruchterman–Reingold with a pull toward the
//! centre) on each connected part of the design, an overlap-removal pass, and the parts packed
//! as the tiers layout packs them.
//!
//! Each part starts from its tiers layout (deterministic, and already with few crossings; a
//! force layout only finds a nearby balance) and runs a bounded number of steps, the largest
//! move shrinking as it goes (cooling). The algorithm is called directly
//! (`ForceAlgorithm::step(graph, rect)`): the rect sets the ideal link length (its area per
//! node), so no `Ui` is needed. Laying out parts apart keeps a node without links from being
//! pushed to the edge of the world, and the work small: each step compares every pair of nodes
//! *in a part*, O(n²) per part. The steps are bounded by a budget of pair comparisons, and a
//! design whose parts would need more than [`MAX_PAIRS`] comparisons a step (about one part of
//! 2,500 nodes) is arranged in tiers instead, with a note that says so. Positions are then
//! rounded to the grid and every node whose footprint overlaps one already placed, from the
//! part's centre out, moves to the nearest free place.

use super::Arranged;
use super::footprint::{Footprint, GRID_CELL, Taken};
use super::tiers::{self, Block, Net};
use crate::model::{Design, Point};
use egui_graphs::{
    CenterGravity, CenterGravityParams, Extra, ForceAlgorithm, FruchtermanReingoldState,
    FruchtermanReingoldWithCenterGravity, FruchtermanReingoldWithCenterGravityState, Graph,
};

/// The most pair comparisons one step may take (all parts together): one part of 2,500
/// nodes. Above it the design is arranged in tiers.
pub const MAX_PAIRS: usize = 2_500 * 2_500 / 2;
/// Pair comparisons for the whole run (steps × pairs), which bounds its time: measured at
/// about 0.45 s (release, `benches/arrange.rs`) for one part at `MAX_PAIRS`, where [`MIN_STEPS`] takes over.
const PAIR_BUDGET: f64 = 6e7;
const MIN_STEPS: usize = 20;
const MAX_STEPS: usize = 300;
/// The ideal distance between linked nodes.
pub const LINK_LENGTH: f32 = 220.0;
/// Positions land on this grid (the designer's snap grid).
const GRID: f64 = 20.0;

pub fn arrange(design: &Design) -> Arranged {
    let (net, parts) = tiers::parts_in_tiers(design);
    let pairs: usize = parts
        .iter()
        .map(|p| p.members.len() * p.members.len().saturating_sub(1) / 2)
        .sum();
    if pairs > MAX_PAIRS {
        let laid: Vec<&Block> = parts.iter().map(|p| &p.block).collect();
        return Arranged {
            positions: tiers::place_stacked(net.len(), &parts, &tiers::stack(&laid)),
            note: Some(format!(
                "the organic layout compares every pair of linked nodes, {} pairs here, at                  most {} a step: arranged in tiers instead",
                crate::costing::thousands(pairs as u64),
                crate::costing::thousands(MAX_PAIRS as u64)
            )),
        };
    }
    let steps = ((PAIR_BUDGET / pairs.max(1) as f64) as usize).clamp(MIN_STEPS, MAX_STEPS);
    let blocks: Vec<Block> = parts
        .iter()
        .map(|p| {
            let mut moved = relax(&p.net, &p.block.placed, steps);
            landscape(&p.net, &mut moved);
            Block::of(&p.net, without_overlaps(&p.net, &moved))
        })
        .collect();
    let laid: Vec<&Block> = blocks.iter().collect();
    Arranged {
        positions: tiers::place_stacked(net.len(), &parts, &tiers::stack(&laid)),
        note: None,
    }
}

/// Run `steps` steps of the force-directed layout on one part from `start`.
fn relax(net: &Net, start: &[Point], steps: usize) -> Vec<Point> {
    let n = start.len();
    if n < 2 {
        return start.to_vec();
    }
    let mut g: Graph<u32, ()> = Graph::new();
    let index: Vec<_> = start
        .iter()
        .enumerate()
        .map(|(v, p)| {
            // A start on one line (a site, its facility and its region side by side) would
            // only ever move along that line: a small fixed offset per node breaks the
            // symmetry, the same every time.
            let nudge = ((v * 7_919) % 13) as f32 - 6.0;
            let at = egui::pos2(p.x as f32, p.y as f32 + nudge);
            g.add_node_custom(v as u32, |node| node.set_location(at))
        })
        .collect();
    for &(a, b) in &net.lines {
        g.add_edge_custom(index[a as usize], index[b as usize], (), |_| {});
    }
    // The rect's area per node is the ideal link length squared; centred on the start.
    let (sum_x, sum_y) = start
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.x, y + p.y));
    let centre = egui::pos2((sum_x / n as f64) as f32, (sum_y / n as f64) as f32);
    let side = LINK_LENGTH * (n as f32).sqrt();
    let rect = egui::Rect::from_center_size(centre, egui::vec2(side, side));
    let mut state = FruchtermanReingoldWithCenterGravityState {
        base: FruchtermanReingoldState {
            dt: 0.35,
            damping: 0.3,
            ..FruchtermanReingoldState::default()
        },
        extras: (
            Extra::<CenterGravity, true>::new(CenterGravityParams { c: 0.02 }),
            (),
        ),
    };
    for step in 0..steps {
        // Cooling: moves of up to half a link at first, a unit at the end.
        let left = 1.0 - step as f32 / steps as f32;
        state.base.max_step = 1.0 + LINK_LENGTH / 2.0 * left;
        let mut algorithm = FruchtermanReingoldWithCenterGravity::from_state(state);
        algorithm.step(&mut g, rect);
        state = algorithm.state();
    }
    index
        .iter()
        .zip(start)
        .map(|(&i, p)| {
            g.node(i).map_or(*p, |node| {
                let at = node.location();
                Point::new(f64::from(at.x), f64::from(at.y))
            })
        })
        .collect()
}

/// Turn a part so its longest extent lies across (a screen is wider than tall), and mirror
/// it so its sites are left of its regions on average, as in the tiers layout.
fn landscape(net: &Net, at: &mut [Point]) {
    let n = at.len() as f64;
    if at.len() < 2 {
        return;
    }
    let cx = at.iter().map(|p| p.x).sum::<f64>() / n;
    let cy = at.iter().map(|p| p.y).sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in at.iter() {
        let (dx, dy) = (p.x - cx, p.y - cy);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    // The principal axis' angle; turning by its opposite lays it along x.
    let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (sin, cos) = (-angle).sin_cos();
    for p in at.iter_mut() {
        let (dx, dy) = (p.x - cx, p.y - cy);
        *p = Point::new(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
    }
    let mean_x = |tier: usize| {
        let xs: Vec<f64> = (0..at.len())
            .filter(|&v| net.tier[v] == tier)
            .map(|v| at[v].x)
            .collect();
        (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
    };
    if let (Some(sites), Some(regions)) = (mean_x(0), mean_x(2))
        && sites > regions
    {
        for p in at.iter_mut() {
            p.x = 2.0 * cx - p.x;
        }
    }
}

/// Round to the grid, then move every node that overlaps one placed before it (nodes taken
/// from the centre out) to the nearest free place.
pub(super) fn without_overlaps(net: &Net, at: &[Point]) -> Vec<Point> {
    let n = at.len();
    if n == 0 {
        return Vec::new();
    }
    let snap = |v: f64| (v / GRID).round() * GRID;
    let mut out: Vec<Point> = at
        .iter()
        .map(|p| Point::new(snap(p.x), snap(p.y)))
        .collect();
    let cx = out.iter().map(|p| p.x).sum::<f64>() / n as f64;
    let cy = out.iter().map(|p| p.y).sum::<f64>() / n as f64;
    let mut order: Vec<usize> = (0..n).collect();
    let far = |p: Point| (p.x - cx).powi(2) + (p.y - cy).powi(2);
    order.sort_by(|&a, &b| far(out[a]).total_cmp(&far(out[b])).then(a.cmp(&b)));
    let mut taken = Taken::new(GRID_CELL);
    for v in order {
        let f: Footprint = net.footprint[v];
        out[v] = taken.nearest_free(out[v], f, GRID, 200);
        taken.insert(f.at(out[v]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::footprint;
    use super::super::tests::{SAMPLES, generated, sample};
    use super::*;

    fn placed(mut design: Design, at: &[Point]) -> Design {
        for (n, p) in design.nodes.iter_mut().zip(at) {
            n.position = *p;
        }
        design
    }

    #[test]
    fn organic_moves_nodes_and_leaves_no_overlaps() {
        for name in SAMPLES.into_iter() {
            let design = sample(name);
            let arranged = arrange(&design);
            assert_eq!(arranged.note, None);
            assert_ne!(
                arranged.positions,
                tiers::positions(&design),
                "{name}: it relaxed"
            );
            let after = placed(design, &arranged.positions);
            assert_eq!(footprint::overlapping(&after.nodes), vec![], "{name}");
        }
        let design = generated(200);
        let arranged = arrange(&design);
        assert_eq!(
            arranged.positions,
            arrange(&design).positions,
            "deterministic"
        );
        let after = placed(design, &arranged.positions);
        assert_eq!(footprint::overlapping(&after.nodes), vec![]);
    }

    #[test]
    fn overlap_removal_separates_nodes_on_one_spot() {
        let design = generated(20);
        let heap = vec![Point::new(100.0, 100.0); design.nodes.len()];
        let at = without_overlaps(&Net::of(&design), &heap);
        let after = placed(design, &at);
        assert_eq!(footprint::overlapping(&after.nodes), vec![]);
    }

    /// Parts are laid out apart: a node without links stays near the rest, and the many small
    /// parts of a large generated design are arranged organically.
    #[test]
    fn parts_are_laid_out_apart_and_packed() {
        let design = sample("flawed-design.json");
        let at = arrange(&design).positions;
        let lyon = design
            .nodes
            .iter()
            .position(|n| n.id.as_str() == "site-orphan")
            .unwrap();
        let others: Vec<Point> = (0..at.len())
            .filter(|&i| i != lyon)
            .map(|i| at[i])
            .collect();
        let span = |f: fn(&Point) -> f64| {
            let v: Vec<f64> = others.iter().map(f).collect();
            v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
        };
        let width = span(|p| p.x).max(span(|p| p.y));
        let nearest = others
            .iter()
            .map(|p| ((p.x - at[lyon].x).powi(2) + (p.y - at[lyon].y).powi(2)).sqrt())
            .fold(f64::MAX, f64::min);
        assert!(
            nearest < width,
            "the lone node is {nearest} away, the rest {width} wide"
        );
        let large = generated(2_600);
        assert_eq!(arrange(&large).note, None, "130 parts of 24 nodes");
    }

    #[test]
    fn a_part_too_large_is_arranged_in_tiers_and_says_so() {
        let mut design = generated(40);
        // One part: 3,000 more sites, each also reaching the first facility.
        let fac = design
            .nodes
            .iter()
            .find(|n| n.as_facility().is_some())
            .unwrap()
            .id
            .clone();
        let access = design
            .links
            .iter()
            .find(|l| l.as_access().is_some())
            .cloned()
            .unwrap();
        let site = design
            .nodes
            .iter()
            .find(|n| n.as_site().is_some())
            .cloned()
            .unwrap();
        for i in 0..3_000 {
            let mut more = site.clone();
            more.id = format!("more-{i}").into();
            let mut link = access.clone();
            link.id = format!("more-link-{i}").into();
            link.a = more.id.clone();
            link.b = fac.clone();
            design.nodes.push(more);
            design.links.push(link);
        }
        let arranged = arrange(&design);
        let note = arranged.note.unwrap_or_default();
        assert!(note.contains("arranged in tiers instead"), "{note}");
        assert_eq!(arranged.positions, tiers::positions(&design));
    }
}

//! What the canvas derives from one revision of the design — canvas positions, link ends, the
//! order of parallel links, bandwidth labels, a grid of cells and coarser overview levels — built
//! once per revision, so that a frame's work follows what is visible, not the size of the design.
//!
//! A frame asks the scene for the cells in view: in detail (every node and link of those cells)
//! while at most [`DETAIL_BUDGET`] nodes are in view, else as an overview (one blob per occupied
//! cell of the finest level that keeps at most [`OVERVIEW_BUDGET`] blobs in view, and one line
//! per pair of joined blobs). Building costs O(nodes + links × cells a link crosses); a frame
//! costs O(what is drawn).

use crate::model::{Design, NodeKindTag};
use eframe::egui::{Pos2, Rect};
use rustc_hash::FxHashMap;

/// Side of a detail cell, in canvas units (a cluster of a generated design spans ~4 × 3 cells).
const CELL: f32 = 400.0;
/// Each overview level's cells are this many times wider than the level below.
const LEVEL_FACTOR: f32 = 4.0;
/// Overview levels above the detail cells (the coarsest cell is 400 × 4^8 ≈ 26 million units,
/// wider than any design the loader accepts).
const LEVELS: usize = 8;
/// A link whose bounding box crosses more cells than this is kept in one list checked every
/// frame instead of in every cell it crosses.
const MAX_CELLS_PER_LINK: i64 = 64;
/// The most nodes drawn one by one; beyond, the canvas shows the overview.
pub const DETAIL_BUDGET: usize = 3_000;
/// The most overview blobs drawn in one frame.
pub const OVERVIEW_BUDGET: usize = 1_500;

type CellKey = (i32, i32);

fn cell_of(p: Pos2, size: f32) -> CellKey {
    ((p.x / size).floor() as i32, (p.y / size).floor() as i32)
}

/// The nodes and links of one detail cell.
#[derive(Debug, Default)]
struct Cell {
    nodes: Vec<u32>,
    links: Vec<u32>,
}

/// One occupied cell of an overview level.
#[derive(Debug, Clone)]
pub struct Blob {
    /// Nodes in the cell.
    pub count: u32,
    /// Their centre (mean canvas position).
    pub centre: Pos2,
    /// The kind most of them are.
    pub kind: NodeKindTag,
    /// Cells of the same level that links from this cell reach (each pair once, from the
    /// smaller key).
    pub joined: Vec<CellKey>,
}

#[derive(Debug, Default)]
struct Level {
    size: f32,
    blobs: FxHashMap<CellKey, Blob>,
}

/// The canvas's view of one design revision.
#[derive(Debug, Default)]
pub struct Scene {
    /// The (generation, revision) this scene was built from.
    pub key: (u64, u64),
    /// Canvas position of each node, by index in `design.nodes`.
    pub pos: Vec<Pos2>,
    /// Node index by id.
    pub index: FxHashMap<crate::model::NodeId, u32>,
    /// Node indexes of each link's ends (None: an end is not a node, which loading refuses).
    pub ends: Vec<Option<(u32, u32)>>,
    /// Each link's place among the links joining the same two nodes (0 for the first).
    pub parallel: Vec<u32>,
    /// The bandwidth label of each link's pair of nodes ("2 × 10 Gbps"), by index in `labels`.
    pub label: Vec<u32>,
    pub labels: Vec<String>,
    cells: FxHashMap<CellKey, Cell>,
    long_links: Vec<u32>,
    levels: Vec<Level>,
    /// Per link, the last query that returned it (so a link in several cells is returned once).
    stamp: u32,
    seen: Vec<u32>,
}

/// What is in view, for one frame.
pub enum InView {
    Detail {
        nodes: Vec<u32>,
        links: Vec<u32>,
    },
    Overview {
        blobs: Vec<Blob>,
        /// One line per pair of joined blobs in view (canvas coordinates).
        lines: Vec<(Pos2, Pos2)>,
        total_nodes: usize,
    },
}

impl Scene {
    pub fn build(design: &Design, key: (u64, u64)) -> Scene {
        let pos: Vec<Pos2> = design
            .nodes
            .iter()
            .map(|n| Pos2::new(n.position.x as f32, n.position.y as f32))
            .collect();
        let index: FxHashMap<crate::model::NodeId, u32> = design
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i as u32))
            .collect();
        let ends: Vec<Option<(u32, u32)>> = design
            .links
            .iter()
            .map(|l| Some((*index.get(&l.a)?, *index.get(&l.b)?)))
            .collect();

        // Parallel order and one label per pair of nodes.
        let pair_labels = crate::look::pair_labels(design);
        let mut labels = Vec::new();
        let mut label_of: FxHashMap<(&str, &str), u32> = FxHashMap::default();
        let mut seen: FxHashMap<(&str, &str), u32> = FxHashMap::default();
        let mut parallel = Vec::with_capacity(design.links.len());
        let mut label = Vec::with_capacity(design.links.len());
        for link in &design.links {
            let pair = crate::look::pair_of(link);
            let n = seen.entry(pair).or_default();
            parallel.push(*n);
            *n += 1;
            let l = *label_of.entry(pair).or_insert_with(|| {
                labels.push(pair_labels.get(&pair).cloned().unwrap_or_default());
                (labels.len() - 1) as u32
            });
            label.push(l);
        }

        // Detail cells.
        let mut cells: FxHashMap<CellKey, Cell> = FxHashMap::default();
        for (i, p) in pos.iter().enumerate() {
            cells
                .entry(cell_of(*p, CELL))
                .or_default()
                .nodes
                .push(i as u32);
        }
        let mut long_links = Vec::new();
        for (i, e) in ends.iter().enumerate() {
            let Some((a, b)) = *e else { continue };
            let (ca, cb) = (
                cell_of(pos[a as usize], CELL),
                cell_of(pos[b as usize], CELL),
            );
            let (x0, x1) = (ca.0.min(cb.0), ca.0.max(cb.0));
            let (y0, y1) = (ca.1.min(cb.1), ca.1.max(cb.1));
            let crossed = (i64::from(x1) - i64::from(x0) + 1) * (i64::from(y1) - i64::from(y0) + 1);
            if crossed > MAX_CELLS_PER_LINK {
                long_links.push(i as u32);
                continue;
            }
            for x in x0..=x1 {
                for y in y0..=y1 {
                    cells.entry((x, y)).or_default().links.push(i as u32);
                }
            }
        }

        // Overview levels: blobs with their centre and main kind, and the cells links join.
        let mut levels = Vec::with_capacity(LEVELS);
        let mut size = CELL;
        for _ in 0..LEVELS {
            let mut sums: FxHashMap<CellKey, (u32, f64, f64, [u32; 5])> = FxHashMap::default();
            for (i, p) in pos.iter().enumerate() {
                let s = sums.entry(cell_of(*p, size)).or_default();
                s.0 += 1;
                s.1 += f64::from(p.x);
                s.2 += f64::from(p.y);
                s.3[kind_slot(design.nodes[i].tag())] += 1;
            }
            let mut blobs: FxHashMap<CellKey, Blob> = sums
                .into_iter()
                .map(|(key, (count, x, y, kinds))| {
                    let main = (0..5).max_by_key(|&k| (kinds[k], 5 - k)).unwrap_or(0);
                    let blob = Blob {
                        count,
                        centre: Pos2::new(
                            (x / f64::from(count)) as f32,
                            (y / f64::from(count)) as f32,
                        ),
                        kind: KINDS[main],
                        joined: Vec::new(),
                    };
                    (key, blob)
                })
                .collect();
            let mut joined: rustc_hash::FxHashSet<(CellKey, CellKey)> = Default::default();
            for (a, b) in ends.iter().flatten() {
                let (ca, cb) = (
                    cell_of(pos[*a as usize], size),
                    cell_of(pos[*b as usize], size),
                );
                if ca != cb {
                    joined.insert((ca.min(cb), ca.max(cb)));
                }
            }
            for (from, to) in joined {
                if let Some(blob) = blobs.get_mut(&from) {
                    blob.joined.push(to);
                }
            }
            levels.push(Level { size, blobs });
            size *= LEVEL_FACTOR;
        }
        let links = design.links.len();
        Scene {
            key,
            pos,
            index,
            ends,
            parallel,
            label,
            labels,
            cells,
            long_links,
            levels,
            stamp: 0,
            seen: vec![0; links],
        }
    }

    /// The nodes and links in `area` (canvas coordinates), or the overview when more than
    /// [`DETAIL_BUDGET`] nodes are in it.
    pub fn in_view(&mut self, area: Rect) -> InView {
        let total_nodes: usize = self.pos.len();
        // Count nodes in view from the finest level whose visible cells are few enough to visit.
        let mut in_area = 0usize;
        for level in &self.levels {
            if let Some(keys) = keys_in(area, level.size, level.blobs.len(), OVERVIEW_BUDGET) {
                in_area = keys
                    .filter_map(|k| level.blobs.get(&k))
                    .map(|b| b.count as usize)
                    .sum();
                break;
            }
        }
        if in_area <= DETAIL_BUDGET {
            let mut nodes = Vec::new();
            let mut links = Vec::new();
            self.stamp = self.stamp.wrapping_add(1);
            if self.stamp == 0 {
                self.seen.iter_mut().for_each(|s| *s = 0);
                self.stamp = 1;
            }
            let (stamp, seen, pos) = (self.stamp, &mut self.seen, &self.pos);
            let mut visit = |cell: &Cell| {
                nodes.extend(
                    cell.nodes
                        .iter()
                        .filter(|&&n| area.contains(pos[n as usize])),
                );
                for &l in &cell.links {
                    if seen[l as usize] != stamp {
                        seen[l as usize] = stamp;
                        links.push(l);
                    }
                }
            };
            match keys_in(area, CELL, self.cells.len(), usize::MAX) {
                Some(keys) => keys.filter_map(|k| self.cells.get(&k)).for_each(&mut visit),
                None => self
                    .cells
                    .iter()
                    .filter(|(k, _)| cell_rect(**k, CELL).intersects(area))
                    .for_each(|(_, cell)| visit(cell)),
            }
            links.extend(self.long_links.iter().copied());
            // Design order, so parallel links and overlaps draw as they always have.
            nodes.sort_unstable();
            links.sort_unstable();
            return InView::Detail { nodes, links };
        }
        // The finest level that keeps the blobs in view within budget (the coarsest always
        // does: its cells are wider than any design).
        for level in &self.levels {
            let Some(keys) = keys_in(area, level.size, level.blobs.len(), OVERVIEW_BUDGET) else {
                continue;
            };
            let found: Vec<&Blob> = keys.filter_map(|k| level.blobs.get(&k)).collect();
            if found.len() > OVERVIEW_BUDGET {
                continue;
            }
            let lines = found
                .iter()
                .flat_map(|b| {
                    b.joined
                        .iter()
                        .filter_map(|k| level.blobs.get(k))
                        .map(|other| (b.centre, other.centre))
                })
                .collect();
            let blobs = found.into_iter().cloned().collect();
            return InView::Overview {
                blobs,
                lines,
                total_nodes,
            };
        }
        InView::Overview {
            blobs: Vec::new(),
            lines: Vec::new(),
            total_nodes,
        }
    }

    /// The topmost node within `radius` (canvas units) of `p`.
    pub fn node_at(&self, p: Pos2, radius: f32) -> Option<u32> {
        let area = Rect::from_center_size(p, eframe::egui::Vec2::splat(2.0 * radius));
        let keys = keys_in(area, CELL, self.cells.len(), 64)?;
        keys.filter_map(|k| self.cells.get(&k))
            .flat_map(|c| c.nodes.iter().copied())
            .filter(|&n| self.pos[n as usize].distance(p) <= radius)
            .max()
    }
}

const KINDS: [NodeKindTag; 5] = [
    NodeKindTag::OnPremSite,
    NodeKindTag::ColocationFacility,
    NodeKindTag::AzureRegion,
    NodeKindTag::AwsRegion,
    NodeKindTag::FabricRouter,
];

fn kind_slot(kind: NodeKindTag) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(0)
}

fn cell_rect((x, y): CellKey, size: f32) -> Rect {
    Rect::from_min_size(
        Pos2::new(x as f32 * size, y as f32 * size),
        eframe::egui::Vec2::splat(size),
    )
}

/// The cell keys covering `area`, when there are at most `budget` of them and no more than
/// there are occupied cells (else None: the caller scans the occupied cells or goes coarser).
fn keys_in(
    area: Rect,
    size: f32,
    occupied: usize,
    budget: usize,
) -> Option<impl Iterator<Item = CellKey>> {
    if !area.is_finite() || area.is_negative() {
        return None;
    }
    let (x0, y0) = cell_of(area.min, size);
    let (x1, y1) = cell_of(area.max, size);
    let count = (i64::from(x1) - i64::from(x0) + 1) * (i64::from(y1) - i64::from(y0) + 1);
    if count > budget as i64 || count > occupied.max(1) as i64 * 4 {
        return None;
    }
    Some((x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn design(sites: usize) -> Design {
        crate::generate::generate(sites, 1, &Catalog::builtin().unwrap())
    }

    fn bounds(scene: &Scene) -> Rect {
        scene
            .pos
            .iter()
            .fold(Rect::NOTHING, |r, p| {
                r.union(Rect::from_center_size(*p, eframe::egui::Vec2::ZERO))
            })
            .expand(1.0)
    }

    #[test]
    fn a_small_design_in_view_is_drawn_in_full_and_in_order() {
        let d = design(40);
        let mut scene = Scene::build(&d, (0, 0));
        let InView::Detail { nodes, links } = scene.in_view(bounds(&scene)) else {
            panic!("a small design is drawn in detail");
        };
        assert_eq!(nodes, (0..d.nodes.len() as u32).collect::<Vec<_>>());
        assert_eq!(links, (0..d.links.len() as u32).collect::<Vec<_>>());
        // A second query returns the same (the once-per-query marks are reset).
        let InView::Detail { links: again, .. } = scene.in_view(bounds(&scene)) else {
            panic!()
        };
        assert_eq!(again.len(), d.links.len());
    }

    #[test]
    fn a_window_on_a_large_design_returns_what_is_in_it_not_the_design() {
        // The same window (about a screen at zoom 1) over a design ten times larger returns
        // about the same number of elements: a frame's work follows what is visible.
        let window = |sites| {
            let d = design(sites);
            let mut scene = Scene::build(&d, (0, 0));
            let area = Rect::from_min_size(Pos2::new(0.0, 0.0), eframe::egui::vec2(1600.0, 1000.0));
            let InView::Detail { nodes, links } = scene.in_view(area) else {
                panic!("a screenful is drawn in detail");
            };
            for &n in &nodes {
                assert!(area.contains(scene.pos[n as usize]));
            }
            (nodes.len(), links.len(), d.nodes.len())
        };
        let (small_nodes, small_links, small_total) = window(200);
        let (large_nodes, large_links, large_total) = window(2_000);
        assert!(large_total >= 9 * small_total);
        assert!(small_nodes > 0 && small_links > 0);
        assert!(
            large_nodes <= small_nodes * 2,
            "{small_nodes} → {large_nodes}"
        );
        assert!(
            large_links <= small_links * 2,
            "{small_links} → {large_links}"
        );
    }

    #[test]
    fn zoomed_out_on_many_nodes_the_canvas_shows_a_bounded_overview() {
        let d = design(3_000);
        assert!(d.nodes.len() > DETAIL_BUDGET);
        let mut scene = Scene::build(&d, (0, 0));
        let InView::Overview {
            blobs,
            lines,
            total_nodes,
        } = scene.in_view(bounds(&scene))
        else {
            panic!("{} nodes in view are drawn as an overview", d.nodes.len());
        };
        assert_eq!(total_nodes, d.nodes.len());
        assert!(!blobs.is_empty() && blobs.len() <= OVERVIEW_BUDGET);
        assert_eq!(
            blobs.iter().map(|b| b.count as usize).sum::<usize>(),
            d.nodes.len(),
            "every node is in one blob"
        );
        assert!(!lines.is_empty());
    }

    #[test]
    fn the_node_under_the_pointer_is_found_among_its_neighbours() {
        let d = design(200);
        let scene = Scene::build(&d, (0, 0));
        let target = 17;
        let p = scene.pos[target];
        assert_eq!(
            scene.node_at(p + eframe::egui::vec2(3.0, 2.0), 10.0),
            Some(target as u32)
        );
        assert_eq!(scene.node_at(Pos2::new(-5_000.0, -5_000.0), 10.0), None);
    }
}

//! What the canvas derives from one revision of the design — canvas positions, link ends, the
//! bundles of parallel links (lanes, spacing, bandwidth labels), group boxes, the legend's kinds,
//! the minimap's points, a grid of cells and coarser overview levels — built once per revision,
//! so that a frame's work follows what is visible, not the size of the design.
//!
//! Geometry is in canvas units at zoom 1, where a node's glyph has radius [`NODE_RADIUS`] (the
//! proportions `diagram::Style::new` gives a drawing at scale 1): a bundle's lanes, its shift clear of
//! the nodes it would pass over (worked out the first time the bundle is in view, then kept for
//! the revision) and the group boxes. The canvas scales them to the screen.
//!
//! A frame asks the scene for the cells in view: in detail (every node and link of those cells)
//! while at most [`DETAIL_BUDGET`] nodes are in view, else as an overview (one blob per occupied
//! cell of the finest level that keeps at most [`OVERVIEW_BUDGET`] blobs in view, and one line
//! per pair of joined blobs). Building costs O(nodes + links × cells a link crosses); a frame
//! costs O(what is drawn).

use crate::diagram::Metrics;
use crate::diagram::curve::{Curve, lane};
use crate::diagram::geom::{V2, segment_distance};
use crate::diagram::group::{GroupKind, Member, groups};
use crate::diagram::label::{LINE_HEIGHT, Weight};
use crate::model::{Design, LinkKindTag, NodeKindTag};
use eframe::egui::{Pos2, Rect};
use rustc_hash::FxHashMap;

/// A node glyph's radius at zoom 1, canvas units: a little larger than the report's 14 (a
/// page is read closer than a screen), so a glyph reads at the zoom a design is fitted at.
pub const NODE_RADIUS: f32 = 16.0;
/// Font size of node names at zoom 1; link labels are 0.85 of it, group titles 0.9.
pub const NAME_FONT: f32 = 12.0;
/// A cloud link's width at zoom 1 (site-side links are thinner: `legend::LinkLook`).
pub const LINK_WIDTH: f32 = 2.5;
/// Between the middles of neighbouring parallel links at zoom 1: a link label's line height
/// (as `diagram::Drawing::build` spaces them).
pub const LANE_SPACING: f32 = NAME_FONT * 0.85 * LINE_HEIGHT * 0.9;
/// Members of a group closer than this join one box (12 node radii, as the report draws).
const GROUP_GAP: f32 = 12.0 * NODE_RADIUS;
/// Padding around a group's members, and the strip above them for its title.
const GROUP_PAD: f32 = 0.8 * NODE_RADIUS;
pub const GROUP_TITLE_H: f32 = NAME_FONT * 0.9 * (LINE_HEIGHT + 0.5);
/// The most points the minimap draws (nodes of a small design, overview blobs of a large one).
const MINIMAP_POINTS: usize = 600;
/// Group boxes are indexed in cells this many times wider than the detail cells.
const GROUP_CELL_FACTOR: f32 = 4.0;

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

/// The links joining one pair of nodes, drawn as evenly spaced curves (`curve::bundle`).
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The nodes its curves run between, the lower index first (every lane is drawn this way
    /// round, so "outward" is the same side for all of them).
    pub from: u32,
    pub to: u32,
    /// How many links.
    pub count: u32,
    /// Between neighbouring lanes' middles, canvas units at zoom 1 (never more than the
    /// bundle's length allows: it bows at most a third of it).
    pub spacing: f32,
    /// The whole bundle's sideways shift, canvas units, so that no lane passes over another
    /// node (NaN until the bundle is first in view).
    shift: f32,
    /// The link whose lane is outermost, which carries the bundle's label.
    pub outer: u32,
    /// "2 × 10 Gbps".
    pub label: String,
}

impl Bundle {
    /// The whole bundle's sideways shift clear of other nodes, canvas units at zoom 1 (after
    /// [`Scene::prepare`]; before, none).
    pub fn shift(&self) -> f32 {
        if self.shift.is_nan() { 0.0 } else { self.shift }
    }
}

/// A group box (metro, Azure, AWS, on-premises), canvas units.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: GroupKind,
    pub rect: Rect,
    /// Node indexes.
    pub members: Vec<u32>,
}

impl Level {
    /// The blobs of this level in `area`, when there are at most `budget` of them: visiting
    /// the cells of the area, or (an area much larger than the design) the occupied cells, when
    /// either is few.
    fn blobs_in(&self, area: Rect, budget: usize) -> Option<Vec<&Blob>> {
        let found: Vec<&Blob> = match keys_in(area, self.size, self.blobs.len(), budget) {
            Some(keys) => keys.filter_map(|k| self.blobs.get(&k)).collect(),
            None if self.blobs.len() <= 4 * budget => self
                .blobs
                .iter()
                .filter(|(k, _)| cell_rect(**k, self.size).intersects(area))
                .map(|(_, b)| b)
                .collect(),
            None => return None,
        };
        (found.len() <= budget).then_some(found)
    }
}

/// The canvas's view of one design revision.
#[derive(Debug)]
pub struct Scene {
    /// The (generation, revision) this scene was built from.
    pub key: (u64, u64),
    /// Canvas position of each node, by index in `design.nodes`.
    pub pos: Vec<Pos2>,
    /// Node index by id.
    pub index: FxHashMap<crate::model::NodeId, u32>,
    /// Node indexes of each link's ends (None: an end is not a node, which loading refuses).
    pub ends: Vec<Option<(u32, u32)>>,
    /// Each link's bundle (index in `bundles`; `u32::MAX` when its ends are not nodes).
    pub bundle: Vec<u32>,
    /// Each link's lane in its bundle: evenly spaced, symmetric (`curve::lane`).
    pub lane: Vec<f32>,
    pub bundles: Vec<Bundle>,
    /// Each link's own label ("10 Gbps"), by index in `speeds`.
    pub speed: Vec<u32>,
    pub speeds: Vec<String>,
    /// Group boxes, in `group::groups` order, and each node's box (`u32::MAX`: none).
    pub groups: Vec<Group>,
    pub group_of: Vec<u32>,
    group_cells: FxHashMap<CellKey, Vec<u32>>,
    /// The kinds the design holds, in their usual order (the legend's entries).
    pub node_kinds: Vec<NodeKindTag>,
    pub link_kinds: Vec<LinkKindTag>,
    /// The box around every node (canvas), empty for an empty design.
    pub bounds: Rect,
    /// What the minimap draws: a point per node of a small design, per overview blob of a
    /// large one (centre, how many nodes, main kind).
    pub minimap: Vec<(Pos2, u32, NodeKindTag)>,
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

        let (bundle, lane, bundles) = bundles_of(design, &ends, &pos);
        let (speed, speeds) = speeds_of(design);

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
        let (groups, group_of) = groups_of(design, &pos);
        let mut group_cells: FxHashMap<CellKey, Vec<u32>> = FxHashMap::default();
        for (g, group) in groups.iter().enumerate() {
            let size = CELL * GROUP_CELL_FACTOR;
            let (a, b) = (cell_of(group.rect.min, size), cell_of(group.rect.max, size));
            for x in a.0..=b.0 {
                for y in a.1..=b.1 {
                    group_cells.entry((x, y)).or_default().push(g as u32);
                }
            }
        }
        let mut node_kinds: Vec<NodeKindTag> = design.nodes.iter().map(|n| n.tag()).collect();
        node_kinds.sort_unstable();
        node_kinds.dedup();
        let mut link_kinds: Vec<LinkKindTag> = design.links.iter().map(|l| l.tag()).collect();
        link_kinds.sort_unstable();
        link_kinds.dedup();
        let bounds = pos
            .iter()
            .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
        let minimap = if pos.len() <= MINIMAP_POINTS {
            pos.iter()
                .zip(&design.nodes)
                .map(|(p, n)| (*p, 1, n.tag()))
                .collect()
        } else {
            levels
                .iter()
                .find(|l| l.blobs.len() <= MINIMAP_POINTS)
                .or(levels.last())
                .map(|l| {
                    l.blobs
                        .values()
                        .map(|b| (b.centre, b.count, b.kind))
                        .collect()
                })
                .unwrap_or_default()
        };
        Scene {
            key,
            pos,
            index,
            ends,
            bundle,
            lane,
            bundles,
            speed,
            speeds,
            groups,
            group_of,
            group_cells,
            node_kinds,
            link_kinds,
            bounds,
            minimap,
            cells,
            long_links,
            levels,
            stamp: 0,
            seen: vec![0; links],
        }
    }

    /// Work out the shift of the bundles of these links that no frame has needed yet, so they
    /// bow around the nodes in their way (a bundle's lanes are tried straight, then shifted by
    /// one, two, three node sizes to either side, as `diagram::Drawing::build` does): done once
    /// per bundle per revision, for the bundles in view.
    pub fn prepare(&mut self, links: &[u32]) {
        for &l in links {
            let Some(&b) = self.bundle.get(l as usize) else {
                continue;
            };
            if self
                .bundles
                .get(b as usize)
                .is_some_and(|bundle| bundle.shift.is_nan())
            {
                let shift = self.clear_shift(&self.bundles[b as usize]);
                self.bundles[b as usize].shift = shift;
            }
        }
    }

    fn clear_shift(&self, b: &Bundle) -> f32 {
        let (a, z) = (v2(self.pos[b.from as usize]), v2(self.pos[b.to as usize]));
        crate::diagram::curve::clear_shift(
            a,
            z,
            b.count as usize,
            b.spacing,
            NODE_RADIUS,
            |curve, clearance| self.passes_over_a_node(curve, clearance, (b.from, b.to)),
        )
    }

    /// Whether `curve` passes within `clearance` of a node other than its ends. A curve over
    /// more than 64 cells is not checked (it crosses the design; bowing it would not help).
    fn passes_over_a_node(&self, curve: &Curve, clearance: f32, ends: (u32, u32)) -> bool {
        let span = curve.bounds().expand(clearance);
        let area = Rect::from_min_max(pos2(span.min), pos2(span.max));
        let Some(keys) = keys_in(area, CELL, self.cells.len(), 64) else {
            return false;
        };
        let points = curve.flatten(clearance / 8.0);
        keys.filter_map(|k| self.cells.get(&k))
            .flat_map(|c| c.nodes.iter().copied())
            .filter(|&i| i != ends.0 && i != ends.1)
            .map(|i| v2(self.pos[i as usize]))
            .any(|p| {
                span.contains(p)
                    && points
                        .windows(2)
                        .any(|w| segment_distance(p, w[0], w[1]) < clearance)
            })
    }

    /// What a drawing of the whole design covers (canvas): every node with room for its glyph
    /// and name, and every group box; None for an empty design.
    pub fn content(&self) -> Option<Rect> {
        if self.pos.is_empty() {
            return None;
        }
        let room = eframe::egui::vec2(5.0 * NODE_RADIUS, 2.0 * NODE_RADIUS + 2.0 * NAME_FONT);
        Some(
            self.groups
                .iter()
                .fold(self.bounds.expand2(room), |r, g| r.union(g.rect)),
        )
    }

    /// The group boxes that overlap `area` (canvas), in drawing order.
    pub fn groups_in(&self, area: Rect) -> Vec<u32> {
        let size = CELL * GROUP_CELL_FACTOR;
        let mut found: Vec<u32> = match keys_in(area, size, self.group_cells.len(), 4096) {
            Some(keys) => keys
                .filter_map(|k| self.group_cells.get(&k))
                .flatten()
                .copied()
                .collect(),
            None => (0..self.groups.len() as u32).collect(),
        };
        found.sort_unstable();
        found.dedup();
        found.retain(|&g| self.groups[g as usize].rect.intersects(area));
        found
    }

    /// The nodes and links in `area` (canvas coordinates), or the overview when more than
    /// [`DETAIL_BUDGET`] nodes are in it.
    pub fn in_view(&mut self, area: Rect) -> InView {
        let total_nodes: usize = self.pos.len();
        // Count nodes in view from the finest level whose blobs in view are few enough to visit.
        let mut in_area = 0usize;
        for level in &self.levels {
            if let Some(found) = level.blobs_in(area, OVERVIEW_BUDGET) {
                in_area = found.iter().map(|b| b.count as usize).sum();
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
            let Some(found) = level.blobs_in(area, OVERVIEW_BUDGET) else {
                continue;
            };
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

/// The bundles of parallel links: each link's bundle and lane, and per bundle its ends,
/// spacing, outermost link and bandwidth label.
fn bundles_of(
    design: &Design,
    ends: &[Option<(u32, u32)>],
    pos: &[Pos2],
) -> (Vec<u32>, Vec<f32>, Vec<Bundle>) {
    let mut of_pair: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut bundles: Vec<Bundle> = Vec::new();
    let mut bundle = Vec::with_capacity(ends.len());
    let mut place = Vec::with_capacity(ends.len());
    let mut speeds: Vec<Vec<u64>> = Vec::new();
    for (l, e) in ends.iter().enumerate() {
        let Some((a, b)) = *e else {
            bundle.push(u32::MAX);
            place.push(0);
            continue;
        };
        let pair = (a.min(b), a.max(b));
        let i = *of_pair.entry(pair).or_insert_with(|| {
            bundles.push(Bundle {
                from: pair.0,
                to: pair.1,
                count: 0,
                spacing: 0.0,
                shift: f32::NAN,
                outer: l as u32,
                label: String::new(),
            });
            speeds.push(Vec::new());
            (bundles.len() - 1) as u32
        });
        let b = &mut bundles[i as usize];
        bundle.push(i);
        place.push(b.count);
        b.count += 1;
        b.outer = l as u32; // the last link has the outermost lane
        speeds[i as usize].push(crate::resilience::flow::link_capacity_mbps(
            &design.links[l].kind,
        ));
    }
    for (b, s) in bundles.iter_mut().zip(&speeds) {
        b.label = crate::look::bandwidth_label(s);
        let n = b.count as f32;
        if b.count > 1 {
            let length = pos[b.from as usize].distance(pos[b.to as usize]);
            b.spacing = LANE_SPACING
                .min(0.6 * length / (n - 1.0))
                .max(1.5 * LINK_WIDTH);
        }
    }
    let lanes = bundle
        .iter()
        .zip(&place)
        .map(|(&b, &k)| {
            bundles
                .get(b as usize)
                .map_or(0.0, |b| lane(k as usize, b.count as usize))
        })
        .collect();
    (bundle, lanes, bundles)
}

/// Each link's own bandwidth label, as an index into a list of the distinct ones.
fn speeds_of(design: &Design) -> (Vec<u32>, Vec<String>) {
    let mut index: FxHashMap<u64, u32> = FxHashMap::default();
    let mut speeds = Vec::new();
    let speed = design
        .links
        .iter()
        .map(|l| {
            let mbps = crate::resilience::flow::link_capacity_mbps(&l.kind);
            *index.entry(mbps).or_insert_with(|| {
                speeds.push(crate::model::mbps(mbps));
                (speeds.len() - 1) as u32
            })
        })
        .collect();
    (speed, speeds)
}

/// The group boxes (`group::groups` with the drawing's sizes at zoom 1: each member's glyph
/// and its name below it, in DejaVu Sans widths), each at least as wide as its title, and each
/// node's box.
fn groups_of(design: &Design, pos: &[Pos2]) -> (Vec<Group>, Vec<u32>) {
    static METRICS: std::sync::OnceLock<Option<Metrics>> = std::sync::OnceLock::new();
    let metrics = METRICS.get_or_init(Metrics::dejavu).as_ref();
    let width = |text: &str, size: f32, weight: Weight| {
        metrics.map_or(0.6 * size * text.chars().count() as f32, |m| {
            m.width(text, size, weight)
        })
    };
    let kinds: Vec<Option<GroupKind>> = design
        .nodes
        .iter()
        .map(|n| GroupKind::of(&n.kind))
        .collect();
    let name_room = NAME_FONT * (LINE_HEIGHT + 0.5);
    let members: Vec<Member<'_>> = design
        .nodes
        .iter()
        .zip(pos)
        .zip(&kinds)
        .map(|((n, p), kind)| {
            let b = crate::diagram::glyph(n.tag()).bounds(v2(*p), NODE_RADIUS);
            let half_name = match kind {
                Some(_) => width(&n.name, NAME_FONT, Weight::Regular) / 2.0 + 0.3 * NAME_FONT,
                None => 0.0,
            };
            let half = (b.width() / 2.0).max(half_name);
            Member {
                group: kind.as_ref(),
                centre: v2(*p),
                bounds: crate::diagram::Rect {
                    min: V2::new(p.x - half, b.min.y),
                    max: V2::new(p.x + half, b.max.y + name_room),
                },
            }
        })
        .collect();
    let mut group_of = vec![u32::MAX; pos.len()];
    let title_font = NAME_FONT * 0.9;
    let boxes: Vec<Group> = groups(&members, GROUP_GAP, GROUP_PAD, GROUP_TITLE_H)
        .into_iter()
        .enumerate()
        .map(|(g, b)| {
            let members: Vec<u32> = b.members.iter().map(|&m| m as u32).collect();
            for &m in &members {
                group_of[m as usize] = g as u32;
            }
            let mut rect = Rect::from_min_max(pos2(b.rect.min), pos2(b.rect.max));
            let title = width(b.kind.title(), title_font, Weight::Bold) + 1.2 * title_font;
            if rect.width() < title {
                rect = rect.expand2(eframe::egui::vec2((title - rect.width()) / 2.0, 0.0));
            }
            Group {
                kind: b.kind,
                rect,
                members,
            }
        })
        .collect();
    (boxes, group_of)
}

pub fn v2(p: Pos2) -> V2 {
    V2::new(p.x, p.y)
}

pub fn pos2(v: V2) -> Pos2 {
    Pos2::new(v.x, v.y)
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

    /// Zoomed out until the design is a small part of the window, the overview still shows
    /// its parts, not one dot.
    #[test]
    fn a_design_far_smaller_than_the_view_is_still_shown_in_parts() {
        let d = design(3_000);
        let mut scene = Scene::build(&d, (0, 0));
        let b = bounds(&scene);
        let area = Rect::from_center_size(b.center(), b.size() * 20.0);
        let InView::Overview { blobs, .. } = scene.in_view(area) else {
            panic!("an overview");
        };
        assert!(blobs.len() >= 30, "{} blobs", blobs.len());
        assert!(blobs.len() <= OVERVIEW_BUDGET);
    }

    /// Parallel links share a bundle, each in its own lane, symmetric about the straight line;
    /// the bundle's label counts them.
    #[test]
    fn parallel_links_form_one_bundle_with_a_lane_each() {
        let d = crate::design_file::from_str(
            include_str!("../../designs/aws-dev-test-one-location.json"),
            std::path::Path::new("sample.json"),
        )
        .unwrap();
        let scene = Scene::build(&d, (0, 0));
        let of = |id: &str| d.links.iter().position(|l| l.id.as_str() == id).unwrap();
        let (a, b) = (of("acc-dub-1"), of("acc-dub-2"));
        assert_eq!(scene.bundle[a], scene.bundle[b]);
        assert_eq!(scene.lane[a], -scene.lane[b]);
        assert_ne!(scene.lane[a], 0.0);
        let bundle = &scene.bundles[scene.bundle[a] as usize];
        assert_eq!(bundle.count, 2);
        assert_eq!(bundle.label, "2 × 1 Gbps");
        assert_ne!(scene.bundle[of("vpn-dub")], scene.bundle[a]);
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

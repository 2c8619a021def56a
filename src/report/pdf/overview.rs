//! A design too large to tile whole: an overview page (the whole design, its key and the
//! list of detail tiles) and the detail tiles with the most errors, then warnings.

use super::diagram::{Area, LEGEND_H, TILE_HEADING, tile_name};
use super::plan::{DIAGRAM_PAD_X, DIAGRAM_PAD_Y, bounds, fit_padded, grid, typical_spacing};
use super::text::{Weight, ellipsize};
use super::{GREY, INK, MARGIN, Writer};
use crate::model::{LinkKindTag, NodeKindTag};
use crate::report::{Diagram, Orientation};
use crate::rules::Severity;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The detail tiles of a large design (the parts with the most errors, warnings, elements).
const DETAIL_TILES: usize = 12;
/// Room around a large design's overview map, in points (no labels to make room for).
const OVERVIEW_PAD: f32 = 10.0;
/// Width of the key beside a large design's overview.
const PANEL_W: f32 = 270.0;
/// Below this distance between neighbours on the overview (points) the overview draws
/// density marks instead of one shape per element.
pub(super) const SHAPES_SPACING: f32 = 6.0;
/// A tile with more nodes than this is drawn without labels (they would cover each other).
const TILE_LABELS_MAX: usize = 400;
/// Text size of the key's rows.
const KEY_SIZE: f32 = 7.5;

/// The tiles a large design is cut into at a readable scale: canvas point `origin` at the
/// top-left corner of tile A1, `scale` points per canvas unit, each tile `tile` (width,
/// height) points, `cols` × `rows` of them.
struct TileGrid {
    origin: (f64, f64),
    scale: f32,
    tile: (f32, f32),
    cols: usize,
    rows: usize,
}

impl TileGrid {
    fn new(d: &Diagram, scale: f32, tile: (f32, f32)) -> TileGrid {
        let (x0, y0, _, _) = bounds(d);
        let origin = (
            x0 - f64::from(DIAGRAM_PAD_X / scale),
            y0 - f64::from(DIAGRAM_PAD_Y / scale),
        );
        let (cols, rows) = grid(d, scale, tile.0, tile.1);
        TileGrid {
            origin,
            scale,
            tile,
            cols,
            rows,
        }
    }

    /// The tile (row, column) that holds canvas point (`x`, `y`).
    fn tile_of(&self, x: f64, y: f64) -> (usize, usize) {
        let (origin, scale, tile) = (self.origin, self.scale, self.tile);
        let c = ((x - origin.0) as f32 * scale / tile.0).floor().max(0.0) as usize;
        let r = ((y - origin.1) as f32 * scale / tile.1).floor().max(0.0) as usize;
        (r.min(self.rows - 1), c.min(self.cols - 1))
    }

    /// The canvas point at the top-left corner of tile (`r`, `c`).
    fn corner(&self, r: usize, c: usize) -> (f64, f64) {
        let (origin, scale, tile) = (self.origin, self.scale, self.tile);
        (
            origin.0 + f64::from(c as f32 * tile.0 / scale),
            origin.1 + f64::from(r as f32 * tile.1 / scale),
        )
    }
}

/// The chosen tiles: (row, column) and what the tile holds, in reading order.
type Chosen = [((usize, usize), TileStats)];

impl Writer<'_> {
    /// A design too large to tile whole: an overview page (the whole design, with a key and
    /// the list of detail tiles beside it), then the [`DETAIL_TILES`] tiles at a readable
    /// `scale` with the most errors, then warnings, then elements. `first` is the room under
    /// the section title; tiles are `tile` (width, height) points.
    pub(super) fn large_diagram(
        &mut self,
        d: &Diagram,
        first: &Area,
        scale: f32,
        tile: (f32, f32),
    ) {
        let grid = TileGrid::new(d, scale, tile);
        let chosen = choose_tiles(tile_stats(d, &grid), grid.cols);
        let flagged = chosen.iter().any(|(_, t)| t.errors + t.warnings > 0);
        let hubs = hubs(d, &grid, &chosen);
        let (map, dense) = self.overview_map(d, first, &grid, &chosen);
        let overview_page = self.current + 1;
        let detail = Detail {
            chosen,
            hubs,
            flagged,
            cols: grid.cols,
            rows: grid.rows,
        };
        self.overview_key(d, &detail, dense, (map.x + map.w + 24.0, map.y));
        for (at, tally) in &detail.chosen {
            self.detail_tile(d, &grid, *at, tally, overview_page);
        }
    }

    /// The overview's map, left of its key: the whole design as shapes, or as density marks
    /// when shapes would overlap, with the chosen tiles outlined. Returns where the map is and
    /// whether it is dense.
    fn overview_map(
        &mut self,
        d: &Diagram,
        first: &Area,
        grid: &TileGrid,
        chosen: &Chosen,
    ) -> (Area, bool) {
        let room = Area {
            x: first.x,
            y: first.y,
            w: first.w - PANEL_W - 24.0,
            h: first.h + LEGEND_H,
        };
        let fitted = fit_padded(d, room.w, room.h, OVERVIEW_PAD, OVERVIEW_PAD);
        let (bx0, by0, bx1, by1) = bounds(d);
        // The map is as wide as the drawing needs; map and key are centred together.
        let map_w = (((bx1 - bx0) as f32) * fitted.scale + 2.0 * OVERVIEW_PAD).min(room.w);
        let map_h = (((by1 - by0) as f32) * fitted.scale + 2.0 * OVERVIEW_PAD).min(room.h);
        let left = first.x + (first.w - map_w - 24.0 - PANEL_W).max(0.0) / 2.0;
        let map = Area {
            x: left,
            y: room.y,
            w: map_w,
            h: map_h,
        };
        let map_origin = (
            (bx0 + bx1) / 2.0 - f64::from(map.w / 2.0 / fitted.scale),
            (by0 + by1) / 2.0 - f64::from(map.h / 2.0 / fitted.scale),
        );
        let dense = (typical_spacing(d) as f32) * fitted.scale < SHAPES_SPACING;
        self.rect(map.x, map.y, map.w, map.h, [250, 251, 253]);
        if dense {
            self.draw_density(d, &map, fitted.scale, map_origin);
        } else {
            self.draw_diagram(d, &map, fitted.scale, map_origin, false);
        }
        self.outline_tiles(&map, fitted.scale, map_origin, grid, chosen);
        (map, dense)
    }

    /// The chosen tiles outlined (and named, when there is room) on the overview's map, drawn
    /// at `map_scale` with canvas point `map_origin` at its top-left corner.
    fn outline_tiles(
        &mut self,
        map: &Area,
        map_scale: f32,
        map_origin: (f64, f64),
        grid: &TileGrid,
        chosen: &Chosen,
    ) {
        let to_map = |(x, y): (f64, f64)| {
            (
                map.x + ((x - map_origin.0) as f32) * map_scale,
                map.y + ((y - map_origin.1) as f32) * map_scale,
            )
        };
        let (tile, scale) = (grid.tile, grid.scale);
        let accent = crate::look::Theme::Light
            .palette()
            .node(NodeKindTag::AzureRegion);
        for ((r, c), _) in chosen {
            let (tx, ty) = to_map(grid.corner(*r, *c));
            let (tw, th) = (tile.0 / scale * map_scale, tile.1 / scale * map_scale);
            self.outline((tx, ty, tw, th), 0.8, accent, None);
            if tw >= 14.0 && th >= 8.0 {
                self.text(
                    tx + 1.5,
                    ty + 1.5,
                    5.5,
                    Weight::Bold,
                    accent,
                    &tile_name(*r, *c),
                );
            }
        }
    }

    /// One detail tile on a page of its own: a heading with what the tile holds and where it is
    /// on the overview, the drawing at the readable scale (labelled unless crowded), the legend.
    fn detail_tile(
        &mut self,
        d: &Diagram,
        grid: &TileGrid,
        (r, c): (usize, usize),
        tally: &TileStats,
        overview_page: usize,
    ) {
        self.new_page(Orientation::Landscape);
        let y = self.y;
        let heading = format!("Topology, tile {}", tile_name(r, c));
        self.text(MARGIN, y, 11.0, Weight::Bold, INK, &heading);
        let hw = self.face(Weight::Bold).width(&heading, 11.0);
        let mut caption = format!("{} nodes, {} links", tally.nodes, tally.links);
        for (n, what) in [
            (tally.errors, "with errors"),
            (tally.warnings, "with warnings"),
        ] {
            if n > 0 {
                caption.push_str(&format!(", {n} {what}"));
            }
        }
        caption.push_str(&format!(
            " · tile {} of {} × {}, outlined on the overview (page {overview_page})",
            tile_name(r, c),
            number(grid.rows),
            number(grid.cols)
        ));
        self.text(
            MARGIN + hw + 12.0,
            y + 3.0,
            8.0,
            Weight::Regular,
            GREY,
            &caption,
        );
        self.y += TILE_HEADING;
        let a = Area {
            x: MARGIN,
            y: self.y,
            w: grid.tile.0,
            h: grid.tile.1,
        };
        let labels = tally.nodes <= TILE_LABELS_MAX;
        let drawing = self.draw_diagram(d, &a, grid.scale, grid.corner(r, c), labels);
        self.y = a.y + a.h + 6.0;
        self.legend(&drawing.legend);
    }

    /// The key beside a large design's overview: what the marks are, how many of each kind,
    /// and which tiles follow.
    fn overview_key(
        &mut self,
        d: &Diagram,
        detail: &Detail<'_>,
        dense: bool,
        (x, top): (f32, f32),
    ) {
        self.y = top;
        self.text(x, self.y, 11.0, Weight::Bold, INK, "Overview");
        self.y += 17.0;
        let intro = if dense {
            format!(
                "The whole design: {} nodes and {} links, too many to label on one page. Each mark stands for the elements at that spot, the most important kind on top; red and amber dots mark open errors and warnings.",
                number(d.nodes.len()),
                number(d.links.len())
            )
        } else {
            format!(
                "The whole design: {} nodes and {} links, drawn without labels; badges mark open errors and warnings.",
                number(d.nodes.len()),
                number(d.links.len())
            )
        };
        self.text_block(x, PANEL_W, &intro, 7.5, Weight::Regular, GREY);
        self.y += 6.0;
        self.key_counts(d, x);
        self.y += 10.0;
        self.tile_list(detail, x);
    }

    /// The key's counts: the nodes and links of each kind present, beside their marks, and the
    /// nodes with errors and with warnings.
    fn key_counts(&mut self, d: &Diagram, x: f32) {
        let mut errors = 0;
        let mut warnings = 0;
        for n in &d.nodes {
            match n.severity {
                Some(Severity::Error) => errors += 1,
                Some(Severity::Warning) => warnings += 1,
                _ => {}
            }
        }
        for kind in NodeKindTag::ALL {
            let n = d.nodes.iter().filter(|n| n.kind == kind).count();
            if n == 0 {
                continue;
            }
            let top = self.y;
            self.glyph_at(kind, (x + 5.0, top + 3.5), 3.5);
            self.key_row(x, &crate::report::capitalise(kind.label()), n);
        }
        for kind in LinkKindTag::ALL {
            let n = d.links.iter().filter(|l| l.kind == kind).count();
            if n == 0 {
                continue;
            }
            let top = self.y;
            self.link_mark(kind, x, x + 11.0, top + 3.5);
            self.key_row(x, &crate::report::capitalise(kind.label()), n);
        }
        for (severity, label, n) in [
            (Severity::Error, "Nodes with errors", errors),
            (Severity::Warning, "Nodes with warnings", warnings),
        ] {
            let top = self.y;
            self.badge((x + 5.0, top + 3.5), 2.5, severity);
            self.key_row(x, label, n);
        }
    }

    /// One row of the key: the label right of its mark, the count at the right edge.
    fn key_row(&mut self, x: f32, label: &str, n: usize) {
        let top = self.y;
        self.text(x + 16.0, top, KEY_SIZE, Weight::Regular, INK, label);
        let text = number(n);
        let tw = self.face(Weight::Regular).width(&text, KEY_SIZE);
        self.text(x + PANEL_W - tw, top, KEY_SIZE, Weight::Regular, INK, &text);
        self.y += 11.0;
    }

    /// The key's list of detail tiles: why these, then one line per tile with what it holds
    /// and the names of its hubs.
    fn tile_list(&mut self, detail: &Detail<'_>, x: f32) {
        let Detail {
            chosen,
            hubs,
            flagged,
            cols,
            rows,
        } = detail;
        let (cols, rows, flagged) = (*cols, *rows, *flagged);
        let w = PANEL_W;
        self.text(x, self.y, 9.5, Weight::Bold, INK, "Detail tiles");
        self.y += 14.0;
        let which = if flagged {
            format!(
                "The {} tiles with the most elements with errors, then warnings, follow",
                chosen.len()
            )
        } else {
            format!(
                "No element has an open error or warning, so the {} tiles of the design's top left corner follow as a sample",
                chosen.len()
            )
        };
        let explain = format!(
            "At a readable scale the design spans {} × {} = {} pages. {which}, outlined in blue on the map; the designer shows the whole design.",
            number(rows),
            number(cols),
            number(rows * cols),
        );
        self.text_block(x, w, &explain, 7.5, Weight::Regular, GREY);
        self.y += 4.0;
        for ((r, c), t) in chosen {
            let top = self.y;
            self.text(x, top, KEY_SIZE, Weight::Bold, INK, &tile_name(*r, *c));
            let mut what = format!("{} nodes, {} links", t.nodes, t.links);
            if t.errors > 0 {
                what.push_str(&format!(", {} with errors", t.errors));
            }
            if t.warnings > 0 {
                what.push_str(&format!(", {} with warnings", t.warnings));
            }
            if let Some(names) = hubs.get(&(*r, *c)).filter(|n| !n.is_empty()) {
                let names: Vec<&str> = names.iter().map(|(_, n)| *n).collect();
                what.push_str(&format!(": {}", names.join(", ")));
            }
            let what = ellipsize(self.face(Weight::Regular), &what, KEY_SIZE, w - 34.0);
            self.text(x + 34.0, top, KEY_SIZE, Weight::Regular, INK, &what);
            self.y += 11.0;
        }
    }
}

/// What each tile of the grid holds: its nodes, and the links whose middle falls in it.
fn tile_stats(d: &Diagram, grid: &TileGrid) -> FxHashMap<(usize, usize), TileStats> {
    let mut stats: FxHashMap<(usize, usize), TileStats> = FxHashMap::default();
    for n in &d.nodes {
        stats
            .entry(grid.tile_of(n.x, n.y))
            .or_default()
            .add(n.severity, true);
    }
    for l in &d.links {
        let (a, b) = (&d.nodes[l.a], &d.nodes[l.b]);
        let at = grid.tile_of((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        stats.entry(at).or_default().add(l.severity, false);
    }
    stats
}

/// What each chosen tile shows, by the names of its hubs: regions, then facilities and fabric
/// routers, two at most (in design order).
fn hubs<'d>(
    d: &'d Diagram,
    grid: &TileGrid,
    chosen: &Chosen,
) -> BTreeMap<(usize, usize), Vec<(u8, &'d str)>> {
    let mut hubs: BTreeMap<(usize, usize), Vec<(u8, &str)>> =
        chosen.iter().map(|(at, _)| (*at, Vec::new())).collect();
    for n in &d.nodes {
        let rank = match n.kind {
            NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 0,
            NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter => 1,
            NodeKindTag::OnPremSite => continue,
        };
        if let Some(names) = hubs.get_mut(&grid.tile_of(n.x, n.y)) {
            names.push((rank, &n.name));
            names.sort_by_key(|(r, _)| *r);
            names.truncate(2);
        }
    }
    hubs
}

/// The detail tiles of a large design and what the overview's key says about them.
struct Detail<'d> {
    /// (row, column) and what the tile holds, in reading order.
    chosen: Vec<((usize, usize), TileStats)>,
    /// The names of each chosen tile's hubs.
    hubs: BTreeMap<(usize, usize), Vec<(u8, &'d str)>>,
    /// Whether the tiles were chosen for their errors and warnings (else they are a sample).
    flagged: bool,
    /// The grid at a readable scale.
    cols: usize,
    rows: usize,
}

/// What one tile of a large design holds.
#[derive(Debug, Default, Clone, Copy)]
struct TileStats {
    nodes: usize,
    links: usize,
    /// Elements with an open error (warning) as their most severe finding.
    errors: usize,
    warnings: usize,
}

impl TileStats {
    fn add(&mut self, severity: Option<Severity>, node: bool) {
        if node {
            self.nodes += 1;
        } else {
            self.links += 1;
        }
        match severity {
            Some(Severity::Error) => self.errors += 1,
            Some(Severity::Warning) => self.warnings += 1,
            _ => {}
        }
    }
}

/// The detail tiles of a large design, in reading order: those with the most elements with
/// errors, then warnings (at most [`DETAIL_TILES`]); when nothing is flagged, a block of tiles
/// from the first one that holds anything, so the sample shows one connected part.
fn choose_tiles(
    stats: FxHashMap<(usize, usize), TileStats>,
    cols: usize,
) -> Vec<((usize, usize), TileStats)> {
    let mut tiles: Vec<((usize, usize), TileStats)> = stats.into_iter().collect();
    tiles.sort_by(|a, b| {
        (b.1.errors, b.1.warnings)
            .cmp(&(a.1.errors, a.1.warnings))
            .then(a.0.cmp(&b.0))
    });
    let mut chosen: Vec<_> = tiles
        .iter()
        .filter(|(_, t)| t.errors + t.warnings > 0)
        .take(DETAIL_TILES)
        .copied()
        .collect();
    if chosen.is_empty() {
        // Nothing flagged: four tiles wide (or the grid's width), as many rows as it takes.
        let width = cols.clamp(1, 4);
        let height = DETAIL_TILES / width;
        let Some(&((r0, c0), _)) = tiles.iter().min_by_key(|(at, _)| *at) else {
            return chosen;
        };
        let c0 = c0.min(cols.saturating_sub(width));
        chosen = tiles
            .into_iter()
            .filter(|((r, c), _)| (r0..r0 + height).contains(r) && (c0..c0 + width).contains(c))
            .collect();
    }
    chosen.sort_by_key(|(at, _)| *at);
    chosen
}

/// "1,234".
fn number(n: usize) -> String {
    crate::costing::thousands(n as u64)
}

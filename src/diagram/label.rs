//! Labels that stay readable: every label sits on a halo (a background-coloured rounded box),
//! a link's label *beside* its line (offset along the normal, never struck through), a node's
//! name at the first free side of its glyph (below, above, right, left, then the corners) that
//! no link crosses and no placed label covers. Placed boxes and link segments are kept in a
//! grid of cells, so placing n labels costs O(n).

use super::curve::Curve;
use super::geom::{Rect, V2};
use rustc_hash::FxHashMap;

/// Room between a label's text and its halo's edge, in units of the font size.
pub const HALO_PAD_X: f32 = 0.3;
pub const HALO_PAD_Y: f32 = 0.12;
/// Height of a line of text, in units of the font size (DejaVu Sans: ascent 0.93 + descent
/// 0.24, rounded up).
pub const LINE_HEIGHT: f32 = 1.2;
/// From the middle of a line of text down to its baseline, in units of the font size
/// (DejaVu Sans: (ascent − descent) / 2 ≈ 0.35).
pub const BASELINE_BELOW_MIDDLE: f32 = 0.35;
/// Corner radius of a halo, in units of the font size.
pub const HALO_RADIUS: f32 = 0.3;

/// The weight a label is set in (names and bandwidths regular, group titles bold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// How wide a text is at a font size and weight, in the same units as the size: the caller's
/// font metrics (text width differs per face and font).
pub type Measure<'m> = &'m dyn Fn(&str, f32, Weight) -> f32;

/// A placed label: its text centred in its halo.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// Font size, in drawing units.
    pub size: f32,
    /// The text's width as measured by the caller's measure function.
    pub text_width: f32,
    pub weight: Weight,
    /// The halo: the rounded box drawn behind the text (corner radius `size * HALO_RADIUS`).
    pub halo: Rect,
}

impl Label {
    /// The halo of a text of `text_width` at `size`, centred on `centre`.
    pub fn halo_at(centre: V2, text_width: f32, size: f32) -> Rect {
        Rect::from_centre(
            centre,
            text_width + 2.0 * HALO_PAD_X * size,
            size * LINE_HEIGHT + 2.0 * HALO_PAD_Y * size,
        )
    }
    /// Where the text's baseline starts when it is centred (x: the middle of the text).
    pub fn baseline_centre(&self) -> V2 {
        let c = self.halo.centre();
        V2::new(c.x, c.y + BASELINE_BELOW_MIDDLE * self.size)
    }
    /// Where the text's baseline starts when it is set from its left end.
    pub fn baseline_left(&self) -> V2 {
        let c = self.baseline_centre();
        V2::new(c.x - self.text_width / 2.0, c.y)
    }
}

/// The order of the sides a node's name is tried at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Below,
    Above,
    Right,
    Left,
    BelowRight,
    BelowLeft,
    AboveRight,
    AboveLeft,
}

impl Side {
    pub const ORDER: [Side; 8] = [
        Side::Below,
        Side::Above,
        Side::Right,
        Side::Left,
        Side::BelowRight,
        Side::BelowLeft,
        Side::AboveRight,
        Side::AboveLeft,
    ];

    /// The centre of a `w` × `h` box on this side of `glyph`, `gap` away from it.
    pub fn centre(self, glyph: &Rect, w: f32, h: f32, gap: f32) -> V2 {
        let c = glyph.centre();
        let below = glyph.max.y + gap + h / 2.0;
        let above = glyph.min.y - gap - h / 2.0;
        let right = glyph.max.x + gap + w / 2.0;
        let left = glyph.min.x - gap - w / 2.0;
        match self {
            Side::Below => V2::new(c.x, below),
            Side::Above => V2::new(c.x, above),
            Side::Right => V2::new(right, c.y),
            Side::Left => V2::new(left, c.y),
            Side::BelowRight => V2::new(glyph.max.x + w / 2.0, below),
            Side::BelowLeft => V2::new(glyph.min.x - w / 2.0, below),
            Side::AboveRight => V2::new(glyph.max.x + w / 2.0, above),
            Side::AboveLeft => V2::new(glyph.min.x - w / 2.0, above),
        }
    }
}

/// Where along a link its label is tried, from the middle outward.
pub const LINK_LABEL_T: [f32; 5] = [0.5, 0.4, 0.6, 0.3, 0.7];

/// The centre of a `w` × `h` box beside `curve` at `t`, on the side `side` (+1: toward the
/// normal, -1: away), `gap` clear of the line.
pub fn beside(curve: &Curve, t: f32, side: f32, w: f32, h: f32, gap: f32) -> V2 {
    let n = curve.normal_at(t);
    // How far the box reaches along the normal from its centre.
    let reach = (w * n.x.abs() + h * n.y.abs()) / 2.0;
    curve.point_at(t) + n * (side * (reach + gap))
}

type Cell = (i32, i32);

/// Placed boxes (labels, glyphs, group titles) and link segments, in a grid of cells.
#[derive(Debug)]
pub struct Placer {
    cell: f32,
    boxes: Vec<Rect>,
    box_cells: FxHashMap<Cell, Vec<u32>>,
    lines: Vec<(V2, V2)>,
    line_cells: FxHashMap<Cell, Vec<u32>>,
}

/// A box or segment over more cells than this is registered along its length only.
const MAX_CELLS: i64 = 256;

impl Placer {
    /// A placer whose grid cells are `cell` drawing units wide (about a label's width).
    pub fn new(cell: f32) -> Placer {
        Placer {
            cell: cell.max(1.0),
            boxes: Vec::new(),
            box_cells: FxHashMap::default(),
            lines: Vec::new(),
            line_cells: FxHashMap::default(),
        }
    }

    fn key(&self, p: V2) -> Cell {
        (
            (p.x / self.cell).floor() as i32,
            (p.y / self.cell).floor() as i32,
        )
    }

    fn cells(&self, r: &Rect) -> impl Iterator<Item = Cell> + use<> {
        // Boxes are a few cells wide (labels, glyphs, titles), so this is a handful of cells.
        let (a, b) = (self.key(r.min), self.key(r.max));
        (a.0..=b.0).flat_map(move |x| (a.1..=b.1).map(move |y| (x, y)))
    }

    /// A box later labels keep off (a placed label, a glyph, a group's title).
    pub fn add_box(&mut self, r: Rect) {
        let i = self.boxes.len() as u32;
        self.boxes.push(r);
        for c in self.cells(&r) {
            self.box_cells.entry(c).or_default().push(i);
        }
    }

    /// A stretch of link that node labels keep off.
    pub fn add_line(&mut self, a: V2, b: V2) {
        let i = self.lines.len() as u32;
        self.lines.push((a, b));
        let span = Rect::EMPTY.with_point(a).with_point(b);
        let (ka, kb) = (self.key(span.min), self.key(span.max));
        let count = i64::from(kb.0 - ka.0 + 1) * i64::from(kb.1 - ka.1 + 1);
        if count <= MAX_CELLS {
            for c in self.cells(&span) {
                self.line_cells.entry(c).or_default().push(i);
            }
            return;
        }
        // A long segment: the cells along it (and their neighbours), a quarter cell at a time.
        let steps = ((b - a).length() / (self.cell / 4.0)).ceil().max(1.0) as usize;
        let mut last = None;
        for s in 0..=steps {
            let k = self.key(a.lerp(b, s as f32 / steps as f32));
            if last == Some(k) {
                continue;
            }
            last = Some(k);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let list = self.line_cells.entry((k.0 + dx, k.1 + dy)).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
    }

    /// The curve's polyline as segments node labels keep off.
    pub fn add_curve(&mut self, curve: &Curve, tolerance: f32) {
        let points = curve.flatten(tolerance);
        for w in points.windows(2) {
            self.add_line(w[0], w[1]);
        }
    }

    /// Whether `r` overlaps a placed box.
    pub fn covers(&self, r: &Rect) -> bool {
        self.cells(r).any(|c| {
            self.box_cells
                .get(&c)
                .is_some_and(|ids| ids.iter().any(|&i| self.boxes[i as usize].overlaps(r)))
        })
    }

    /// Whether a link segment passes through `r`.
    pub fn crosses_line(&self, r: &Rect) -> bool {
        self.cells(r).any(|c| {
            self.line_cells.get(&c).is_some_and(|ids| {
                ids.iter().any(|&i| {
                    let (a, b) = self.lines[i as usize];
                    r.hits_segment(a, b)
                })
            })
        })
    }

    /// The first of `candidates` that no link crosses and no placed box covers, else the first
    /// that no placed box covers; it becomes a placed box. None: every candidate is covered
    /// (the caller leaves the label out rather than draw it over another).
    pub fn place(&mut self, candidates: &[Rect]) -> Option<Rect> {
        let chosen = candidates
            .iter()
            .find(|r| !self.covers(r) && !self.crosses_line(r))
            .or_else(|| candidates.iter().find(|r| !self.covers(r)))
            .copied()?;
        self.add_box(chosen);
        Some(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn halo(c: V2) -> Rect {
        Label::halo_at(c, 40.0, 10.0)
    }

    #[test]
    fn a_placed_label_is_never_covered_by_a_later_one() {
        let mut placer = Placer::new(64.0);
        let mut placed = Vec::new();
        // Many labels wanting nearly the same spot, each with four candidates.
        for i in 0..40 {
            let c = V2::new(100.0 + (i % 3) as f32, 100.0);
            let candidates: Vec<Rect> = [0.0, 15.0, -15.0, 30.0]
                .iter()
                .map(|dy| halo(c + V2::new(0.0, *dy)))
                .collect();
            if let Some(r) = placer.place(&candidates) {
                placed.push(r);
            }
        }
        assert_eq!(
            placed.len(),
            4,
            "four spots, four labels; the rest left out"
        );
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_name_goes_to_the_first_side_no_link_crosses() {
        let glyph = Rect::from_centre(V2::new(0.0, 0.0), 28.0, 28.0);
        let candidates = |w: f32, h: f32| -> Vec<Rect> {
            Side::ORDER
                .iter()
                .map(|s| Rect::from_centre(s.centre(&glyph, w, h, 3.0), w, h))
                .collect()
        };
        // A link leaves the node straight down: the name goes above instead of below.
        let mut placer = Placer::new(64.0);
        placer.add_line(V2::new(0.0, 0.0), V2::new(0.0, 300.0));
        let r = placer.place(&candidates(60.0, 12.0)).unwrap();
        assert!(r.max.y < glyph.min.y, "above: {r:?}");
        // Links down and up: to the right.
        let mut placer = Placer::new(64.0);
        placer.add_line(V2::new(0.0, -300.0), V2::new(0.0, 300.0));
        let r = placer.place(&candidates(60.0, 12.0)).unwrap();
        assert!(r.min.x > glyph.max.x, "right: {r:?}");
        // Nothing in the way: below.
        let mut placer = Placer::new(64.0);
        let r = placer.place(&candidates(60.0, 12.0)).unwrap();
        assert!(r.min.y > glyph.max.y, "below: {r:?}");
    }

    #[test]
    fn a_link_label_sits_beside_its_line_and_is_not_struck_through() {
        for (a, b) in [
            (V2::new(0.0, 0.0), V2::new(300.0, 0.0)),
            (V2::new(0.0, 0.0), V2::new(0.0, 300.0)),
            (V2::new(0.0, 0.0), V2::new(200.0, 150.0)),
        ] {
            for bow in [0.0, 20.0, -20.0] {
                let c = Curve::bowed(a, b, bow);
                for side in [1.0, -1.0] {
                    let centre = beside(&c, 0.5, side, 50.0, 12.0, 2.0);
                    let r = Rect::from_centre(centre, 50.0, 12.0);
                    let points = c.flatten(0.25);
                    assert!(
                        !points.windows(2).any(|w| r.hits_segment(w[0], w[1])),
                        "{a:?}-{b:?} bow {bow} side {side}: {r:?}"
                    );
                    assert!(c.distance_to(centre) < 40.0, "still beside it");
                }
            }
        }
    }

    #[test]
    fn long_lines_are_found_along_their_length() {
        let mut placer = Placer::new(10.0);
        placer.add_line(V2::new(0.0, 0.0), V2::new(5000.0, 5000.0));
        assert!(placer.crosses_line(&Rect::from_centre(V2::new(2500.0, 2500.0), 4.0, 4.0)));
        assert!(!placer.crosses_line(&Rect::from_centre(V2::new(2500.0, 2000.0), 4.0, 4.0)));
    }
}

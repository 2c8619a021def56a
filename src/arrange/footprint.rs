//! The room a node takes on the canvas, and a grid of those rooms to ask "is this free?".
//!
//! A node is drawn about 28–31 units wide (a site is 2.2 × 14 wide, a region a circle of
//! radius 14), ringed 19 units out when selected, with its name in 12-point text below it. Its
//! footprint is the box around all of that: 40 units wide or the name's width if wider, from
//! 20 units above its centre (the ring) to 34 below (shape, gap, one line of text). The name's
//! width is estimated at 7 units per character (egui's proportional font at 12 points averages
//! under 7), counting at most [`MAX_NAME_CHARS`] characters: a longer name may run into a
//! neighbour's, but never widens a column without bound.

use crate::model::{Node, Point};
use rustc_hash::FxHashMap;

/// Half the width of a node's shape with its selection ring.
pub const SHAPE_HALF_WIDTH: f64 = 20.0;
/// From the node's centre up to the top of its selection ring.
pub const ABOVE: f64 = 20.0;
/// From the node's centre down to the bottom of its name.
pub const BELOW: f64 = 34.0;
/// Estimated width of one character of a name, canvas units.
pub const CHAR_WIDTH: f64 = 7.0;
/// Names are measured up to this many characters.
pub const MAX_NAME_CHARS: usize = 40;

/// An axis-aligned box in canvas units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, other: &Bounds) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }
    /// The smallest box holding both.
    pub fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }
}

/// A node's footprint relative to its centre: its half width (the box is `ABOVE` up and
/// `BELOW` down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footprint {
    pub half_width: f64,
}

impl Footprint {
    /// The footprint of a node with this name.
    pub fn of_name(name: &str) -> Footprint {
        let chars = name.chars().count().min(MAX_NAME_CHARS);
        Footprint {
            half_width: SHAPE_HALF_WIDTH.max(chars as f64 * CHAR_WIDTH / 2.0),
        }
    }
    pub fn of(node: &Node) -> Footprint {
        Footprint::of_name(&node.name)
    }
    pub fn width(self) -> f64 {
        2.0 * self.half_width
    }
    /// Its box with the node centred at `at`.
    pub fn at(self, at: Point) -> Bounds {
        Bounds {
            min: Point::new(at.x - self.half_width, at.y - ABOVE),
            max: Point::new(at.x + self.half_width, at.y + BELOW),
        }
    }
}

/// The height of every footprint.
pub const HEIGHT: f64 = ABOVE + BELOW;

/// Boxes taken so far, in a grid of square cells, to ask whether a box is free.
pub struct Taken {
    cell: f64,
    cells: FxHashMap<(i64, i64), Vec<u32>>,
    boxes: Vec<Bounds>,
}

impl Taken {
    /// An empty grid whose cells are `cell` units wide (about the size of a footprint).
    pub fn new(cell: f64) -> Taken {
        Taken {
            cell: cell.max(1.0),
            cells: FxHashMap::default(),
            boxes: Vec::new(),
        }
    }

    /// The footprints of every node of these, at their positions.
    pub fn of_nodes<'a>(nodes: impl IntoIterator<Item = &'a Node>) -> Taken {
        let mut taken = Taken::new(GRID_CELL);
        for n in nodes {
            taken.insert(Footprint::of(n).at(n.position));
        }
        taken
    }

    fn range(&self, b: &Bounds) -> (i64, i64, i64, i64) {
        let c = |v: f64| (v / self.cell).floor() as i64;
        (c(b.min.x), c(b.min.y), c(b.max.x), c(b.max.y))
    }

    /// Take a box; returns its number (in order of insertion).
    pub fn insert(&mut self, b: Bounds) -> usize {
        let i = self.boxes.len();
        self.boxes.push(b);
        let (x0, y0, x1, y1) = self.range(&b);
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                self.cells.entry((cx, cy)).or_default().push(i as u32);
            }
        }
        i
    }

    /// The first box taken that overlaps `b`, if any.
    pub fn hit(&self, b: &Bounds) -> Option<usize> {
        let (x0, y0, x1, y1) = self.range(b);
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                let Some(list) = self.cells.get(&(cx, cy)) else {
                    continue;
                };
                if let Some(&i) = list.iter().find(|&&i| self.boxes[i as usize].overlaps(b)) {
                    return Some(i as usize);
                }
            }
        }
        None
    }

    pub fn is_free(&self, b: &Bounds) -> bool {
        self.hit(b).is_none()
    }

    /// The free place nearest `want` (on a lattice of `step` units around it) where a node of
    /// footprint `f` overlaps nothing taken; `want` itself when it is free.
    pub fn nearest_free(&self, want: Point, f: Footprint, step: f64, max_rings: i64) -> Point {
        let (dx, dy) = self.nearest_free_shift(&[f.at(want)], step, max_rings);
        Point::new(want.x + dx, want.y + dy)
    }

    /// The smallest shift (on a lattice of `step` units, nearest first) that puts every box of
    /// `group` where it overlaps nothing taken; (0, 0) when they are free where they are.
    /// Looks at most `max_rings` lattice rings out, then answers a shift below everything
    /// taken.
    pub fn nearest_free_shift(&self, group: &[Bounds], step: f64, max_rings: i64) -> (f64, f64) {
        let free = |dx: f64, dy: f64| {
            group.iter().all(|b| {
                self.is_free(&Bounds {
                    min: Point::new(b.min.x + dx, b.min.y + dy),
                    max: Point::new(b.max.x + dx, b.max.y + dy),
                })
            })
        };
        if free(0.0, 0.0) {
            return (0.0, 0.0);
        }
        let mut ring: Vec<(i64, i64)> = Vec::new();
        for r in 1..=max_rings {
            ring.clear();
            for i in -r..=r {
                ring.extend([(i, -r), (i, r)]);
            }
            for j in (-r + 1)..r {
                ring.extend([(-r, j), (r, j)]);
            }
            // Nearest first; ties broken by position so the answer is always the same.
            ring.sort_by_key(|&(i, j)| (i * i + j * j, j, i));
            for &(i, j) in &ring {
                let (dx, dy) = (i as f64 * step, j as f64 * step);
                if free(dx, dy) {
                    return (dx, dy);
                }
            }
        }
        // Everything near is taken: below all the boxes there is room.
        let bottom = self.boxes.iter().map(|b| b.max.y).fold(f64::MIN, f64::max);
        let top = group.iter().map(|b| b.min.y).fold(f64::MAX, f64::min);
        let down = ((bottom - top) / step).ceil() * step + step;
        (0.0, down.max(0.0))
    }
}

/// Cell size of the grids used for footprints: about one wide footprint.
pub const GRID_CELL: f64 = 160.0;

/// Pairs of nodes (indices into `nodes`) whose footprints overlap, each pair once.
pub fn overlapping(nodes: &[Node]) -> Vec<(usize, usize)> {
    let mut taken = Taken::new(GRID_CELL);
    let mut pairs = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let b = Footprint::of(n).at(n.position);
        let (x0, y0, x1, y1) = taken.range(&b);
        let mut hits: Vec<usize> = Vec::new();
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                if let Some(list) = taken.cells.get(&(cx, cy)) {
                    hits.extend(
                        list.iter()
                            .map(|&j| j as usize)
                            .filter(|&j| taken.boxes[j].overlaps(&b)),
                    );
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        pairs.extend(hits.into_iter().map(|j| (j, i)));
        taken.insert(b);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_widens_the_footprint_up_to_a_bound() {
        assert_eq!(Footprint::of_name("A").half_width, SHAPE_HALF_WIDTH);
        let thirty = Footprint::of_name(&"x".repeat(30));
        assert_eq!(thirty.width(), 30.0 * CHAR_WIDTH);
        let long = Footprint::of_name(&"x".repeat(500));
        assert_eq!(long.width(), MAX_NAME_CHARS as f64 * CHAR_WIDTH);
    }

    #[test]
    fn the_nearest_free_place_is_beside_what_is_taken() {
        let f = Footprint::of_name("Site");
        let mut taken = Taken::new(GRID_CELL);
        taken.insert(f.at(Point::new(0.0, 0.0)));
        let free = taken.nearest_free(Point::new(0.0, 0.0), f, 20.0, 50);
        assert!(taken.is_free(&f.at(free)));
        assert!(free != Point::new(0.0, 0.0));
        // Nearest: no further than one footprint's height or width away.
        assert!(free.x.abs() <= f.width() + 20.0 && free.y.abs() <= HEIGHT + 20.0);
        // A free place is answered as it is.
        let far = Point::new(1000.0, 1000.0);
        assert_eq!(taken.nearest_free(far, f, 20.0, 50), far);
    }
}

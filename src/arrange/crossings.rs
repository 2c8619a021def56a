//! Counting where links cross, as the canvas draws them: a straight line between the centres of
//! the two nodes, parallel links as one. Two lines that share a node never cross.
//!
//! Each line is entered in the cells of a grid that it passes through (walked cell by cell,
//! Amanatides and Woo's traversal); two lines are compared only where they share a cell, and a
//! crossing is counted only in the cell that holds the crossing point, so it is counted once.
//! The work grows with the lines and the cells they pass, not with the square of the lines:
//! O(E²) at 10,000 sites would be 10^9 comparisons.

use crate::model::{Design, Point};
use rustc_hash::FxHashMap;

/// The lines the canvas draws: each pair of linked nodes once, as indices into `nodes`
/// (smaller first), in link order.
pub fn lines(design: &Design) -> Vec<(u32, u32)> {
    let resolved = design.resolve();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for ends in &resolved.link_ends {
        let [Some(a), Some(b)] = *ends else { continue };
        if a == b {
            continue;
        }
        let pair = (a.min(b) as u32, a.max(b) as u32);
        if seen.insert(pair) {
            out.push(pair);
        }
    }
    out
}

/// How many pairs of the design's lines cross, at the nodes' current positions.
pub fn count(design: &Design) -> u64 {
    let points: Vec<Point> = design.nodes.iter().map(|n| n.position).collect();
    count_at(&points, &lines(design))
}

/// How many pairs of `lines` (node indices into `points`) cross.
pub fn count_at(points: &[Point], lines: &[(u32, u32)]) -> u64 {
    if lines.len() < 2 {
        return 0;
    }
    let seg = |&(a, b): &(u32, u32)| (points[a as usize], points[b as usize]);
    let (mut min, mut max) = (
        Point::new(f64::MAX, f64::MAX),
        Point::new(f64::MIN, f64::MIN),
    );
    let mut length = 0.0;
    for l in lines {
        let (p, q) = seg(l);
        for r in [p, q] {
            min = Point::new(min.x.min(r.x), min.y.min(r.y));
            max = Point::new(max.x.max(r.x), max.y.max(r.y));
        }
        length += ((q.x - p.x).powi(2) + (q.y - p.y).powi(2)).sqrt();
    }
    // Cells about as long as a line on average, but never more than ~4 per line in all.
    let extent = (max.x - min.x).max(max.y - min.y).max(1.0);
    let mean = length / lines.len() as f64;
    let cell = mean
        .max(extent / (2.0 * (lines.len() as f64).sqrt()))
        .max(1.0);
    let mut grid: FxHashMap<(i64, i64), Vec<u32>> = FxHashMap::default();
    for (i, l) in lines.iter().enumerate() {
        let (p, q) = seg(l);
        walk(p, q, min, cell, |c| {
            grid.entry(c).or_default().push(i as u32)
        });
    }
    let mut crossings = 0;
    for (&(cx, cy), members) in &grid {
        for (k, &i) in members.iter().enumerate() {
            let li = lines[i as usize];
            let (p1, p2) = seg(&li);
            for &j in &members[k + 1..] {
                let lj = lines[j as usize];
                if li.0 == lj.0 || li.0 == lj.1 || li.1 == lj.0 || li.1 == lj.1 {
                    continue;
                }
                let (q1, q2) = seg(&lj);
                let Some(x) = crossing(p1, p2, q1, q2) else {
                    continue;
                };
                let at = cell_of(x, min, cell);
                if at == (cx, cy) {
                    crossings += 1;
                }
            }
        }
    }
    crossings
}

fn cell_of(p: Point, origin: Point, cell: f64) -> (i64, i64) {
    (
        ((p.x - origin.x) / cell).floor() as i64,
        ((p.y - origin.y) / cell).floor() as i64,
    )
}

/// Call `visit` with every cell the segment `p`–`q` passes through (Amanatides–Woo).
fn walk(p: Point, q: Point, origin: Point, cell: f64, mut visit: impl FnMut((i64, i64))) {
    let (mut cx, mut cy) = cell_of(p, origin, cell);
    let end = cell_of(q, origin, cell);
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let step_x = if dx > 0.0 { 1 } else { -1 };
    let step_y = if dy > 0.0 { 1 } else { -1 };
    // Parameter t (0..1 along the segment) at the next vertical / horizontal cell border.
    let border = |c: i64, step: i64, o: f64| o + (c + i64::from(step > 0)) as f64 * cell;
    let mut t_x = if dx == 0.0 {
        f64::INFINITY
    } else {
        (border(cx, step_x, origin.x) - p.x) / dx
    };
    let mut t_y = if dy == 0.0 {
        f64::INFINITY
    } else {
        (border(cy, step_y, origin.y) - p.y) / dy
    };
    let dt_x = if dx == 0.0 {
        f64::INFINITY
    } else {
        cell / dx.abs()
    };
    let dt_y = if dy == 0.0 {
        f64::INFINITY
    } else {
        cell / dy.abs()
    };
    // A line crosses at most |Δcells| + 1 cells; the bound guards against rounding.
    let most = (end.0 - cx).abs() + (end.1 - cy).abs() + 1;
    for _ in 0..=most {
        visit((cx, cy));
        if (cx, cy) == end {
            break;
        }
        if t_x < t_y {
            cx += step_x;
            t_x += dt_x;
        } else {
            cy += step_y;
            t_y += dt_y;
        }
    }
}

/// Where segments `p1`–`p2` and `q1`–`q2` cross (strictly inside both), if they do.
fn crossing(p1: Point, p2: Point, q1: Point, q2: Point) -> Option<Point> {
    let r = (p2.x - p1.x, p2.y - p1.y);
    let s = (q2.x - q1.x, q2.y - q1.y);
    let denom = r.0 * s.1 - r.1 * s.0;
    if denom.abs() < 1e-12 {
        return None; // parallel or collinear: drawn over each other, not crossing
    }
    let w = (q1.x - p1.x, q1.y - p1.y);
    let t = (w.0 * s.1 - w.1 * s.0) / denom;
    let u = (w.0 * r.1 - w.1 * r.0) / denom;
    let inside = |v: f64| v > 1e-9 && v < 1.0 - 1e-9;
    (inside(t) && inside(u)).then(|| Point::new(p1.x + t * r.0, p1.y + t * r.1))
}

/// Crossings between two orders of the same lines' ends: `pairs` holds, per line, its
/// position in the first layer and in the second. Counted in O(E log E) (inversions, with a
/// Fenwick tree); lines that share an end never count.
pub fn between_layers(pairs: &mut [(u32, u32)], second_len: usize) -> u64 {
    pairs.sort_unstable();
    let mut tree = vec![0u32; second_len + 1];
    let mut crossings = 0u64;
    let mut seen = 0u64;
    let mut i = 0;
    while i < pairs.len() {
        // Lines from the same first-layer end never cross each other: count the group against
        // the lines before it, then add it.
        let mut j = i;
        while j < pairs.len() && pairs[j].0 == pairs[i].0 {
            let b = pairs[j].1 as usize;
            // Lines seen so far ending at or below b do not cross; the rest do.
            let mut at_or_below = 0u64;
            let mut k = b + 1;
            while k > 0 {
                at_or_below += u64::from(tree[k]);
                k &= k - 1;
            }
            crossings += seen - at_or_below;
            j += 1;
        }
        for &(_, b) in &pairs[i..j] {
            let mut k = b as usize + 1;
            while k <= second_len {
                tree[k] += 1;
                k += k & k.wrapping_neg();
            }
            seen += 1;
        }
        i = j;
    }
    crossings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid count agrees with comparing every pair, on lines in all directions and of all
    /// lengths, some sharing nodes.
    #[test]
    fn the_grid_count_agrees_with_comparing_every_pair() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let points: Vec<Point> = (0..60)
            .map(|_| Point::new(next() * 1000.0, next() * 600.0))
            .collect();
        let mut lines = Vec::new();
        for i in 0..60u32 {
            for k in 1..4u32 {
                let j = (i * 7 + k * 13) % 60;
                if i != j {
                    lines.push((i.min(j), i.max(j)));
                }
            }
        }
        lines.sort_unstable();
        lines.dedup();
        let mut brute = 0;
        for (x, a) in lines.iter().enumerate() {
            for b in &lines[x + 1..] {
                if a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1 {
                    continue;
                }
                let p = |i: u32| points[i as usize];
                if crossing(p(a.0), p(a.1), p(b.0), p(b.1)).is_some() {
                    brute += 1;
                }
            }
        }
        assert!(brute > 100, "the test draws crossing lines ({brute})");
        assert_eq!(count_at(&points, &lines), brute);
    }

    #[test]
    fn an_x_crosses_once_and_a_shared_end_never() {
        let points = [
            Point::new(0.0, 0.0),
            Point::new(100.0, 100.0),
            Point::new(0.0, 100.0),
            Point::new(100.0, 0.0),
        ];
        assert_eq!(count_at(&points, &[(0, 1), (2, 3)]), 1);
        assert_eq!(count_at(&points, &[(0, 1), (0, 3)]), 0);
        assert_eq!(count_at(&points, &[(0, 2), (1, 3)]), 0);
    }

    #[test]
    fn layer_crossings_count_inversions() {
        // 0-1 and 1-0 cross; 0-0 and 0-1 share an end.
        assert_eq!(between_layers(&mut [(0, 1), (1, 0)], 2), 1);
        assert_eq!(between_layers(&mut [(0, 0), (0, 1), (1, 1)], 2), 0);
        assert_eq!(between_layers(&mut [(0, 2), (1, 1), (2, 0)], 3), 3);
    }
}

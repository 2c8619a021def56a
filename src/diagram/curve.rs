//! Link geometry: a link is a quadratic Bézier curve between its nodes. One link between two
//! nodes is straight; parallel links (the same two nodes) bow out evenly on both sides of the
//! straight line, symmetric about it, one lane each, so the bundle grows wider with every link
//! and a VPN never hides under the access circuit it runs beside.

use super::geom::{Rect, V2, segment_distance};

/// A quadratic Bézier curve from `from` to `to`, pulled toward `ctrl`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub from: V2,
    pub ctrl: V2,
    pub to: V2,
}

/// Segments used to measure a bent curve (its chord error is under 1/2,000 of its bow).
const MEASURE_SEGMENTS: usize = 24;

impl Curve {
    pub fn straight(from: V2, to: V2) -> Curve {
        Curve {
            from,
            ctrl: from.lerp(to, 0.5),
            to,
        }
    }

    /// A curve whose middle lies `bow` from the straight line's middle, along the line's normal
    /// (`(to - from).perp()`); 0 is straight.
    pub fn bowed(from: V2, to: V2, bow: f32) -> Curve {
        let normal = (to - from).normalized().perp();
        // B(0.5) = (from + 2 ctrl + to) / 4: the middle moves half as far as the control point.
        Curve {
            from,
            ctrl: from.lerp(to, 0.5) + normal * (2.0 * bow),
            to,
        }
    }

    /// Whether the curve is (nearly) a straight line.
    pub fn is_straight(&self) -> bool {
        segment_distance(self.ctrl, self.from, self.to) < 1e-3
    }

    /// The point at parameter `t` (0: `from`, 1: `to`).
    pub fn point_at(&self, t: f32) -> V2 {
        let u = 1.0 - t;
        self.from * (u * u) + self.ctrl * (2.0 * u * t) + self.to * (t * t)
    }

    /// The unit direction of travel at `t`.
    pub fn tangent_at(&self, t: f32) -> V2 {
        let d = (self.ctrl - self.from) * (2.0 * (1.0 - t)) + (self.to - self.ctrl) * (2.0 * t);
        let d = d.normalized();
        if d == V2::ZERO {
            (self.to - self.from).normalized()
        } else {
            d
        }
    }

    /// The unit normal at `t`: the tangent turned as `bowed` turns it, so a curve bowed by a
    /// positive amount bulges toward `normal_at(0.5)`.
    pub fn normal_at(&self, t: f32) -> V2 {
        self.tangent_at(t).perp()
    }

    /// The point halfway along the parameter (where a label goes).
    pub fn midpoint(&self) -> V2 {
        self.point_at(0.5)
    }

    /// The curve as a polyline whose chords stray at most `tolerance` from it (at least one
    /// segment, at most 64).
    pub fn flatten(&self, tolerance: f32) -> Vec<V2> {
        let n = self.segments_for(tolerance);
        (0..=n)
            .map(|i| self.point_at(i as f32 / n as f32))
            .collect()
    }

    fn segments_for(&self, tolerance: f32) -> usize {
        // Uniform steps of 1/n stray at most |B''| / (8 n²) from the curve, |B''| = 2|from - 2 ctrl + to|.
        let second = (self.from - self.ctrl * 2.0 + self.to).length() * 2.0;
        if second < 1e-4 {
            return 1;
        }
        let n = (second / (8.0 * tolerance.max(1e-3))).sqrt().ceil();
        (n as usize).clamp(1, 64)
    }

    /// The shortest distance from `p` to the curve (for picking a link under the pointer).
    pub fn distance_to(&self, p: V2) -> f32 {
        if self.is_straight() {
            return segment_distance(p, self.from, self.to);
        }
        let mut best = f32::MAX;
        let mut prev = self.from;
        for i in 1..=MEASURE_SEGMENTS {
            let next = self.point_at(i as f32 / MEASURE_SEGMENTS as f32);
            best = best.min(segment_distance(p, prev, next));
            prev = next;
        }
        best
    }

    /// A box that holds the whole curve (that of its three points).
    pub fn bounds(&self) -> Rect {
        Rect::EMPTY
            .with_point(self.from)
            .with_point(self.ctrl)
            .with_point(self.to)
    }
}

/// How far the `i`-th of `n` parallel links sits from the straight line, in lanes: evenly
/// spaced and symmetric (n = 1: 0; n = 2: -0.5, 0.5; n = 3: -1, 0, 1).
pub fn lane(i: usize, n: usize) -> f32 {
    i as f32 - (n as f32 - 1.0) / 2.0
}

/// How far a bundle of `n` parallel links from `a` to `b` (lanes `spacing` apart, nodes of
/// radius `r`) bows sideways so that none of its curves passes over another node: the first of
/// 0, ±1, ±2, ±3 steps whose curves `passes_over(curve, clearance)` all refuse, else 0. The
/// one rule every face bows bundles by; each face says what "over a node" is in its own index.
pub fn clear_shift(
    a: V2,
    b: V2,
    n: usize,
    spacing: f32,
    r: f32,
    passes_over: impl Fn(&Curve, f32) -> bool,
) -> f32 {
    let clearance = 1.2 * r;
    let clear = |shift: f32| {
        (0..n).all(|k| !passes_over(&Curve::bowed(a, b, lane(k, n) * spacing + shift), clearance))
    };
    let step = 1.8 * r + spacing * (n as f32 - 1.0) / 2.0;
    [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0]
        .into_iter()
        .map(|k| k * step)
        .find(|&s| clear(s))
        .unwrap_or(0.0)
}

/// The curves of `n` parallel links from `a` to `b`, in lane order, their middles `spacing`
/// apart: one lane per link, so the bundle grows with its links.
pub fn bundle(a: V2, b: V2, n: usize, spacing: f32) -> Vec<Curve> {
    (0..n)
        .map(|i| Curve::bowed(a, b, lane(i, n) * spacing))
        .collect()
}

/// The curve nearest `p` among `curves`, if one is within `max_distance` (picking a link).
pub fn pick<'c, K: Copy>(
    curves: impl IntoIterator<Item = (K, &'c Curve)>,
    p: V2,
    max_distance: f32,
) -> Option<K> {
    curves
        .into_iter()
        .map(|(k, c)| (k, c.distance_to(p)))
        .filter(|(_, d)| *d <= max_distance)
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: V2, b: V2) -> bool {
        a.distance(b) < 1e-3
    }

    #[test]
    fn one_link_is_straight_and_parallel_ones_are_distinct_and_symmetric() {
        let (a, b) = (V2::new(0.0, 0.0), V2::new(400.0, 0.0));
        let one = bundle(a, b, 1, 12.0);
        assert!(one[0].is_straight());
        for n in 2..=5 {
            let curves = bundle(a, b, n, 12.0);
            let middles: Vec<V2> = curves.iter().map(Curve::midpoint).collect();
            for i in 0..n {
                // Mirrored about the straight line: lane i and lane n-1-i.
                let m = middles[n - 1 - i];
                assert!(close(middles[i], V2::new(m.x, -m.y)), "{n}: {middles:?}");
                if i > 0 {
                    let gap = middles[i].distance(middles[i - 1]);
                    assert!((gap - 12.0).abs() < 1e-3, "{n}: evenly spaced, {gap}");
                }
            }
            assert_eq!(
                curves[0].midpoint().distance(curves[n - 1].midpoint()),
                12.0 * (n - 1) as f32,
                "the bundle widens with its links"
            );
        }
    }

    #[test]
    fn a_curve_starts_and_ends_at_its_nodes_and_bows_toward_its_normal() {
        let c = Curve::bowed(V2::new(0.0, 0.0), V2::new(0.0, 100.0), 10.0);
        assert!(close(c.point_at(0.0), V2::new(0.0, 0.0)));
        assert!(close(c.point_at(1.0), V2::new(0.0, 100.0)));
        let off = c.midpoint() - V2::new(0.0, 50.0);
        assert!((off.length() - 10.0).abs() < 1e-3);
        assert!(off.dot(c.normal_at(0.5)) > 0.0);
    }

    #[test]
    fn flattening_follows_the_curve_within_the_tolerance() {
        let c = Curve::bowed(V2::new(0.0, 0.0), V2::new(300.0, 50.0), 60.0);
        let points = c.flatten(0.5);
        assert!(points.len() > 3);
        for w in points.windows(2) {
            // The middle of each chord is near the curve.
            let mid = w[0].lerp(w[1], 0.5);
            assert!(c.distance_to(mid) <= 0.6, "{}", c.distance_to(mid));
        }
        assert_eq!(
            Curve::straight(V2::ZERO, V2::new(5.0, 5.0))
                .flatten(0.1)
                .len(),
            2
        );
    }

    #[test]
    fn picking_finds_the_parallel_link_under_the_pointer() {
        let (a, b) = (V2::new(0.0, 0.0), V2::new(400.0, 0.0));
        let curves = bundle(a, b, 3, 14.0);
        for (i, c) in curves.iter().enumerate() {
            let p = c.point_at(0.4) + c.normal_at(0.4) * 2.0;
            let picked = pick(curves.iter().enumerate(), p, 6.0);
            assert_eq!(picked, Some(i), "pointer at {p:?}");
        }
        assert_eq!(
            pick(curves.iter().enumerate(), V2::new(200.0, 60.0), 6.0),
            None
        );
    }
}

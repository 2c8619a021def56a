//! Plain 2-D geometry in drawing units (f32): points and axis-aligned boxes.

use std::ops::{Add, Mul, Neg, Sub};

/// A point or a vector.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct V2 {
    pub x: f32,
    pub y: f32,
}

impl V2 {
    pub const ZERO: V2 = V2 { x: 0.0, y: 0.0 };

    pub const fn new(x: f32, y: f32) -> V2 {
        V2 { x, y }
    }
    pub fn dot(self, o: V2) -> f32 {
        self.x * o.x + self.y * o.y
    }
    pub fn length(self) -> f32 {
        self.x.hypot(self.y)
    }
    pub fn distance(self, o: V2) -> f32 {
        (self - o).length()
    }
    /// The unit vector of the same direction (zero stays zero).
    pub fn normalized(self) -> V2 {
        let l = self.length();
        if l > f32::EPSILON {
            self * (1.0 / l)
        } else {
            V2::ZERO
        }
    }
    /// Turned a quarter to the left in a y-down frame (to the right in a y-up one).
    pub fn perp(self) -> V2 {
        V2::new(self.y, -self.x)
    }
    pub fn lerp(self, o: V2, t: f32) -> V2 {
        self + (o - self) * t
    }
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2::new(self.x + o.x, self.y + o.y)
    }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        V2::new(self.x - o.x, self.y - o.y)
    }
}
impl Mul<f32> for V2 {
    type Output = V2;
    fn mul(self, k: f32) -> V2 {
        V2::new(self.x * k, self.y * k)
    }
}
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2::new(-self.x, -self.y)
    }
}

/// An axis-aligned box, `min` top-left, `max` bottom-right (y grows downward).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: V2,
    pub max: V2,
}

impl Rect {
    /// Nothing: the box `union` grows from.
    pub const EMPTY: Rect = Rect {
        min: V2::new(f32::MAX, f32::MAX),
        max: V2::new(f32::MIN, f32::MIN),
    };

    pub fn from_centre(c: V2, w: f32, h: f32) -> Rect {
        Rect {
            min: V2::new(c.x - w / 2.0, c.y - h / 2.0),
            max: V2::new(c.x + w / 2.0, c.y + h / 2.0),
        }
    }
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
    pub fn centre(&self) -> V2 {
        self.min.lerp(self.max, 0.5)
    }
    pub fn is_empty(&self) -> bool {
        self.max.x < self.min.x || self.max.y < self.min.y
    }
    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.min.x < o.max.x && o.min.x < self.max.x && self.min.y < o.max.y && o.min.y < self.max.y
    }
    pub fn contains(&self, p: V2) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
    pub fn contains_rect(&self, o: &Rect) -> bool {
        self.contains(o.min) && self.contains(o.max)
    }
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            min: V2::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: V2::new(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }
    pub fn with_point(&self, p: V2) -> Rect {
        self.union(&Rect { min: p, max: p })
    }
    /// Grown by `m` on every side.
    pub fn expand(&self, m: f32) -> Rect {
        Rect {
            min: self.min - V2::new(m, m),
            max: self.max + V2::new(m, m),
        }
    }
    /// Whether the segment `a`–`b` touches the box (Liang–Barsky clipping).
    pub fn hits_segment(&self, a: V2, b: V2) -> bool {
        let d = b - a;
        let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
        for (p, q) in [
            (-d.x, a.x - self.min.x),
            (d.x, self.max.x - a.x),
            (-d.y, a.y - self.min.y),
            (d.y, self.max.y - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: V2, a: V2, b: V2) -> f32 {
    let d = b - a;
    let len2 = d.dot(d);
    let t = if len2 > 0.0 {
        ((p - a).dot(d) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(a + d * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_hits_a_box_only_when_it_passes_through_it() {
        let r = Rect::from_centre(V2::ZERO, 10.0, 10.0);
        assert!(r.hits_segment(V2::new(-20.0, 0.0), V2::new(20.0, 0.0)));
        assert!(
            r.hits_segment(V2::new(1.0, 1.0), V2::new(2.0, 2.0)),
            "inside"
        );
        assert!(
            !r.hits_segment(V2::new(-20.0, 6.0), V2::new(20.0, 6.0)),
            "passes above"
        );
        assert!(
            !r.hits_segment(V2::new(6.0, -20.0), V2::new(20.0, -6.0)),
            "corner missed"
        );
        assert!(
            r.hits_segment(V2::new(-20.0, -20.0), V2::new(20.0, 20.0)),
            "diagonal"
        );
    }

    #[test]
    fn segment_distance_measures_to_the_nearest_point() {
        let (a, b) = (V2::new(0.0, 0.0), V2::new(10.0, 0.0));
        assert_eq!(segment_distance(V2::new(5.0, 3.0), a, b), 3.0);
        assert_eq!(segment_distance(V2::new(13.0, 4.0), a, b), 5.0);
    }
}

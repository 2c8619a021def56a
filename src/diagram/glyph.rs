//! One vector glyph per node kind, drawn by our code (no vendor logos): an office building for
//! an on-prem site, a building with a rack for a colocation facility, a cloud for a region
//! (coloured by cloud), a router puck with four arrows for a fabric router.
//!
//! A glyph is a static list of primitives in a unit box: coordinates are multiples of the
//! node's radius `r` around its centre (y down), so a glyph drawn at radius 14 covers about the
//! 28 × 28 square today's nodes did. Every face renders the same three primitives: **convex**
//! filled polygons (egui fills only convex ones), strokes (polylines) and filled circles. A
//! primitive's colour is a role ([`GlyphRole`]) that the theme's palette turns into a colour
//! for the node's kind (`Palette::glyph`). Primitives are listed back to front.

use super::geom::{Rect, V2};
use crate::look::GlyphRole;
use crate::model::NodeKindTag;

/// One primitive of a glyph, in units of the node's radius around its centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prim {
    /// A filled convex polygon.
    Fill {
        points: &'static [[f32; 2]],
        role: GlyphRole,
    },
    /// A polyline `width` units wide (closed: back to the first point), round joins.
    Stroke {
        points: &'static [[f32; 2]],
        closed: bool,
        width: f32,
        role: GlyphRole,
    },
    /// A filled circle.
    Circle {
        centre: [f32; 2],
        radius: f32,
        role: GlyphRole,
    },
}

/// A node kind's glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Half its width and height, in units of the radius (what labels keep clear of).
    pub half: [f32; 2],
    /// Back to front.
    pub prims: &'static [Prim],
}

impl Glyph {
    /// The box the glyph covers when drawn at `centre` with radius `r`.
    pub fn bounds(&self, centre: V2, r: f32) -> Rect {
        Rect::from_centre(centre, 2.0 * self.half[0] * r, 2.0 * self.half[1] * r)
    }
}

/// The glyph of a node kind.
pub fn glyph(kind: NodeKindTag) -> &'static Glyph {
    match kind {
        NodeKindTag::OnPremSite => &SITE,
        NodeKindTag::ColocationFacility => &COLOCATION,
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => &CLOUD,
        NodeKindTag::FabricRouter => &ROUTER,
    }
}

/// A glyph point scaled by `r` around `centre`.
pub fn place(p: [f32; 2], centre: V2, r: f32) -> V2 {
    V2::new(centre.x + p[0] * r, centre.y + p[1] * r)
}

const fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> [[f32; 2]; 4] {
    [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
}

const fn fill(points: &'static [[f32; 2]], role: GlyphRole) -> Prim {
    Prim::Fill { points, role }
}

const fn outline(points: &'static [[f32; 2]]) -> Prim {
    Prim::Stroke {
        points,
        closed: true,
        width: OUTLINE,
        role: GlyphRole::Outline,
    }
}

const fn detail(points: &'static [[f32; 2]]) -> Prim {
    Prim::Fill {
        points,
        role: GlyphRole::Detail,
    }
}

/// Width of a glyph's outline, in units of the radius.
const OUTLINE: f32 = 0.09;

// On-prem site: an office tower with a lower wing, lit windows.
const TOWER: [[f32; 2]; 4] = rect(-0.78, -0.9, 0.08, 0.86);
const WING: [[f32; 2]; 4] = rect(0.08, -0.32, 0.8, 0.86);
static SITE: Glyph = Glyph {
    half: [0.85, 0.95],
    prims: &[
        fill(&WING, GlyphRole::Accent),
        outline(&WING),
        fill(&TOWER, GlyphRole::Body),
        outline(&TOWER),
        detail(&rect(-0.6, -0.72, -0.4, -0.54)),
        detail(&rect(-0.26, -0.72, -0.06, -0.54)),
        detail(&rect(-0.6, -0.4, -0.4, -0.22)),
        detail(&rect(-0.26, -0.4, -0.06, -0.22)),
        detail(&rect(-0.6, -0.08, -0.4, 0.1)),
        detail(&rect(-0.26, -0.08, -0.06, 0.1)),
        detail(&rect(-0.46, 0.34, -0.2, 0.86)),
        detail(&rect(0.24, -0.14, 0.38, 0.02)),
        detail(&rect(0.5, -0.14, 0.64, 0.02)),
        detail(&rect(0.24, 0.18, 0.38, 0.34)),
        detail(&rect(0.5, 0.18, 0.64, 0.34)),
        detail(&rect(0.24, 0.5, 0.38, 0.66)),
        detail(&rect(0.5, 0.5, 0.64, 0.66)),
    ],
};

// Colocation facility: a wide hall under a roof, a rack cabinet in its doorway.
const HALL: [[f32; 2]; 4] = rect(-0.95, -0.42, 0.95, 0.86);
const ROOF: [[f32; 2]; 4] = [[-1.0, -0.42], [-0.72, -0.86], [0.72, -0.86], [1.0, -0.42]];
const RACK: [[f32; 2]; 4] = rect(-0.34, -0.24, 0.34, 0.86);
static COLOCATION: Glyph = Glyph {
    half: [1.05, 0.92],
    prims: &[
        fill(&HALL, GlyphRole::Body),
        outline(&HALL),
        fill(&ROOF, GlyphRole::Accent),
        outline(&ROOF),
        fill(&RACK, GlyphRole::Outline),
        Prim::Stroke {
            points: &[[-0.22, -0.08], [0.22, -0.08]],
            closed: false,
            width: 0.1,
            role: GlyphRole::Detail,
        },
        Prim::Stroke {
            points: &[[-0.22, 0.14], [0.22, 0.14]],
            closed: false,
            width: 0.1,
            role: GlyphRole::Detail,
        },
        Prim::Stroke {
            points: &[[-0.22, 0.36], [0.22, 0.36]],
            closed: false,
            width: 0.1,
            role: GlyphRole::Detail,
        },
        Prim::Stroke {
            points: &[[-0.22, 0.58], [0.22, 0.58]],
            closed: false,
            width: 0.1,
            role: GlyphRole::Detail,
        },
        detail(&rect(-0.8, -0.2, -0.54, 0.04)),
        detail(&rect(0.54, -0.2, 0.8, 0.04)),
        detail(&rect(-0.8, 0.26, -0.54, 0.5)),
        detail(&rect(0.54, 0.26, 0.8, 0.5)),
    ],
};

// Region: a cloud of three puffs on a flat base; the outline is the same shapes a little
// larger, drawn first, so it follows the union of the puffs.
const CLOUD_BASE: [[f32; 2]; 4] = rect(-0.5, 0.18, 0.52, 0.7);
const CLOUD_BASE_OUT: [[f32; 2]; 4] = rect(-0.5, 0.18 - OUTLINE, 0.52, 0.7 + OUTLINE);
static CLOUD: Glyph = Glyph {
    half: [1.01, 0.79],
    prims: &[
        Prim::Circle {
            centre: [-0.5, 0.28],
            radius: 0.42 + OUTLINE,
            role: GlyphRole::Outline,
        },
        Prim::Circle {
            centre: [0.0, -0.08],
            radius: 0.62 + OUTLINE,
            role: GlyphRole::Outline,
        },
        Prim::Circle {
            centre: [0.52, 0.3],
            radius: 0.4 + OUTLINE,
            role: GlyphRole::Outline,
        },
        fill(&CLOUD_BASE_OUT, GlyphRole::Outline),
        Prim::Circle {
            centre: [-0.5, 0.28],
            radius: 0.42,
            role: GlyphRole::Body,
        },
        Prim::Circle {
            centre: [0.0, -0.08],
            radius: 0.62,
            role: GlyphRole::Body,
        },
        Prim::Circle {
            centre: [0.52, 0.3],
            radius: 0.4,
            role: GlyphRole::Body,
        },
        fill(&CLOUD_BASE, GlyphRole::Body),
        Prim::Stroke {
            points: &[[-0.62, 0.46], [0.62, 0.46]],
            closed: false,
            width: 0.08,
            role: GlyphRole::Accent,
        },
    ],
};

// Fabric router: the classic router puck seen from above, arrows in from the sides and out to
// the top and bottom.
const ARROW_W: f32 = 0.13;
static ROUTER: Glyph = Glyph {
    half: [0.98, 0.98],
    prims: &[
        Prim::Circle {
            centre: [0.0, 0.0],
            radius: 0.98,
            role: GlyphRole::Outline,
        },
        Prim::Circle {
            centre: [0.0, 0.0],
            radius: 0.98 - OUTLINE,
            role: GlyphRole::Body,
        },
        Prim::Stroke {
            points: &[[-0.7, 0.0], [-0.3, 0.0]],
            closed: false,
            width: ARROW_W,
            role: GlyphRole::Detail,
        },
        detail(&[[-0.1, 0.0], [-0.34, -0.17], [-0.34, 0.17]]),
        Prim::Stroke {
            points: &[[0.7, 0.0], [0.3, 0.0]],
            closed: false,
            width: ARROW_W,
            role: GlyphRole::Detail,
        },
        detail(&[[0.1, 0.0], [0.34, 0.17], [0.34, -0.17]]),
        Prim::Stroke {
            points: &[[0.0, -0.12], [0.0, -0.5]],
            closed: false,
            width: ARROW_W,
            role: GlyphRole::Detail,
        },
        detail(&[[0.0, -0.76], [0.17, -0.5], [-0.17, -0.5]]),
        Prim::Stroke {
            points: &[[0.0, 0.12], [0.0, 0.5]],
            closed: false,
            width: ARROW_W,
            role: GlyphRole::Detail,
        },
        detail(&[[0.0, 0.76], [-0.17, 0.5], [0.17, 0.5]]),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    /// egui fills only convex polygons: every filled polygon turns the same way at every
    /// corner.
    #[test]
    fn every_filled_polygon_is_convex() {
        for kind in NodeKindTag::ALL {
            for prim in glyph(kind).prims {
                let Prim::Fill { points, .. } = prim else {
                    continue;
                };
                assert!(points.len() >= 3, "{kind:?}");
                let n = points.len();
                let turns: Vec<f32> = (0..n)
                    .map(|i| {
                        let (a, b, c) = (points[i], points[(i + 1) % n], points[(i + 2) % n]);
                        (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
                    })
                    .collect();
                assert!(
                    turns.iter().all(|t| *t >= 0.0) || turns.iter().all(|t| *t <= 0.0),
                    "{kind:?}: {points:?} is not convex"
                );
            }
        }
    }

    /// Every primitive stays inside the glyph's stated box (labels are placed outside it).
    #[test]
    fn every_primitive_stays_inside_the_glyph_box() {
        for kind in NodeKindTag::ALL {
            let g = glyph(kind);
            let inside = |x: f32, y: f32, m: f32| {
                x.abs() + m <= g.half[0] + 1e-4 && y.abs() + m <= g.half[1] + 1e-4
            };
            for prim in g.prims {
                match *prim {
                    Prim::Fill { points, .. } => {
                        assert!(points.iter().all(|p| inside(p[0], p[1], 0.0)), "{kind:?}")
                    }
                    Prim::Stroke { points, width, .. } => assert!(
                        points.iter().all(|p| inside(p[0], p[1], width / 2.0)),
                        "{kind:?}"
                    ),
                    Prim::Circle { centre, radius, .. } => {
                        assert!(inside(centre[0], centre[1], radius), "{kind:?}")
                    }
                }
            }
        }
    }

    #[test]
    fn the_clouds_and_the_buildings_are_different_glyphs() {
        let site = glyph(NodeKindTag::OnPremSite);
        let colo = glyph(NodeKindTag::ColocationFacility);
        let cloud = glyph(NodeKindTag::AzureRegion);
        assert_ne!(site, colo);
        assert_ne!(site, cloud);
        assert_eq!(cloud, glyph(NodeKindTag::AwsRegion), "told apart by colour");
        assert_ne!(glyph(NodeKindTag::FabricRouter), cloud);
    }
}

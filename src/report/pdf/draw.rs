//! Vector shapes on the page, in page coordinates from the top: rectangles, lines, filled
//! shapes and circles, many shapes in one path, and clipping.

use super::Writer;
use super::diagram::Area;
use crate::look::Rgb;
use printpdf::{
    Color, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Op, PaintMode, Point,
    Polygon, PolygonRing, Pt, WindingOrder,
};

/// A point of a path in page coordinates from the top; `ctrl` marks a cubic Bézier's control
/// point (two of them come before each curve's end point).
#[derive(Debug, Clone, Copy)]
pub(super) struct PathPoint {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) ctrl: bool,
}

pub(super) const fn at(x: f32, y: f32) -> PathPoint {
    PathPoint { x, y, ctrl: false }
}

const fn ctrl(x: f32, y: f32) -> PathPoint {
    PathPoint { x, y, ctrl: true }
}

/// How far a cubic Bézier's control points sit along a quarter circle's tangents.
const KAPPA: f32 = 0.552_284_8;

/// A circle as four cubic Béziers.
pub(super) fn circle_path(cx: f32, cy: f32, r: f32) -> Vec<PathPoint> {
    let k = KAPPA * r;
    vec![
        at(cx + r, cy),
        ctrl(cx + r, cy + k),
        ctrl(cx + k, cy + r),
        at(cx, cy + r),
        ctrl(cx - k, cy + r),
        ctrl(cx - r, cy + k),
        at(cx - r, cy),
        ctrl(cx - r, cy - k),
        ctrl(cx - k, cy - r),
        at(cx, cy - r),
        ctrl(cx + k, cy - r),
        ctrl(cx + r, cy - k),
        at(cx + r, cy),
    ]
}

/// A rectangle (`x0`, `y0` to `x1`, `y1`, page coordinates from the top) with corners rounded
/// by `r` (quarter circles as cubic Béziers).
pub(super) fn rounded_rect_path(x0: f32, y0: f32, x1: f32, y1: f32, r: f32) -> Vec<PathPoint> {
    let r = r.min((x1 - x0) / 2.0).min((y1 - y0) / 2.0).max(0.0);
    let k = (1.0 - KAPPA) * r;
    vec![
        at(x0 + r, y0),
        at(x1 - r, y0),
        ctrl(x1 - k, y0),
        ctrl(x1, y0 + k),
        at(x1, y0 + r),
        at(x1, y1 - r),
        ctrl(x1, y1 - k),
        ctrl(x1 - k, y1),
        at(x1 - r, y1),
        at(x0 + r, y1),
        ctrl(x0 + k, y1),
        ctrl(x0, y1 - k),
        at(x0, y1 - r),
        at(x0, y0 + r),
        ctrl(x0, y0 + k),
        ctrl(x0 + k, y0),
        at(x0 + r, y0),
    ]
}

/// A quadratic Bézier from `a` through control `c` to `b`, raised to the cubic PDF draws.
pub(super) fn quadratic_path(a: (f32, f32), c: (f32, f32), b: (f32, f32)) -> Vec<PathPoint> {
    let third = |p: (f32, f32), q: (f32, f32)| {
        (p.0 + 2.0 / 3.0 * (q.0 - p.0), p.1 + 2.0 / 3.0 * (q.1 - p.1))
    };
    let (c1, c2) = (third(a, c), third(b, c));
    vec![
        at(a.0, a.1),
        ctrl(c1.0, c1.1),
        ctrl(c2.0, c2.1),
        at(b.0, b.1),
    ]
}

/// A coordinate or colour component rounded to `digits` decimals: what the page needs (a
/// hundredth of a point; a thousandth tells the 256 levels of a channel apart), written in
/// fewer characters than an f32's shortest form, which keeps the diagram pages small.
fn round(v: f32, digits: i32) -> f32 {
    let k = 10_f32.powi(digits);
    (v * k).round() / k
}

/// A page coordinate, rounded to a hundredth of a point.
pub(super) fn pt(v: f32) -> Pt {
    Pt(round(v, 2))
}

pub(super) fn color([r, g, b]: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: round(f32::from(r) / 255.0, 3),
        g: round(f32::from(g) / 255.0, 3),
        b: round(f32::from(b) / 255.0, 3),
        icc_profile: None,
    })
}

pub(super) fn polygon(points: &[(f32, f32)], mode: PaintMode) -> Polygon {
    Polygon {
        rings: vec![PolygonRing {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                })
                .collect(),
        }],
        mode,
        winding_order: WindingOrder::NonZero,
    }
}

/// How a path is painted.
#[derive(Debug, Clone, Copy)]
pub(super) enum Paint {
    Fill(Rgb),
    /// Stroked `width` points wide, dashed (dash and gap lengths) when given.
    Stroke {
        rgb: Rgb,
        width: f32,
        dash: Option<[f32; 2]>,
    },
    /// Filled, then its edge stroked `width` points wide.
    FillStroke {
        fill: Rgb,
        stroke: Rgb,
        width: f32,
    },
}

impl Writer<'_> {
    /// Strokes from here on have round joins and caps (as the SVG export draws them).
    pub(super) fn round_strokes(&mut self) {
        let ops = &mut self.page().ops;
        ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        });
        ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Round,
        });
    }

    /// A path of straight segments and cubic Béziers (page coordinates from the top), closed
    /// when `closed` (a filled path always is), painted as `paint` says.
    pub(super) fn path(&mut self, points: &[PathPoint], closed: bool, paint: Paint) {
        if points.len() < 2 {
            return;
        }
        let page = self.page();
        let h = page.height;
        let points: Vec<LinePoint> = points
            .iter()
            .map(|q| LinePoint {
                p: Point {
                    x: pt(q.x),
                    y: pt(h - q.y),
                },
                bezier: q.ctrl,
            })
            .collect();
        let stroke = |ops: &mut Vec<Op>, rgb: Rgb, width: f32, dash: Option<[f32; 2]>| {
            ops.push(Op::SetOutlineColor { col: color(rgb) });
            ops.push(Op::SetOutlineThickness { pt: pt(width) });
            ops.push(Op::SetLineDashPattern {
                dash: dash.map_or_else(LineDashPattern::solid, |d| LineDashPattern::new(0.0, &d)),
            });
        };
        let polygon = |points, mode| Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        };
        match paint {
            Paint::Fill(rgb) => {
                page.ops.push(Op::SetFillColor { col: color(rgb) });
                page.ops.push(polygon(points, PaintMode::Fill));
            }
            Paint::Stroke { rgb, width, dash } => {
                stroke(&mut page.ops, rgb, width, dash);
                page.ops.push(Op::DrawLine {
                    line: Line {
                        points,
                        is_closed: closed,
                    },
                });
            }
            Paint::FillStroke {
                fill,
                stroke: edge,
                width,
            } => {
                page.ops.push(Op::SetFillColor { col: color(fill) });
                stroke(&mut page.ops, edge, width, None);
                page.ops.push(polygon(points, PaintMode::FillStroke));
            }
        }
    }

    pub(super) fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, rgb: Rgb) {
        let page = self.page();
        let y = page.height - top - h;
        page.ops.push(Op::SetFillColor { col: color(rgb) });
        page.ops.push(Op::DrawPolygon {
            polygon: polygon(
                &[(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
                PaintMode::Fill,
            ),
        });
    }

    /// A stroked polyline in page coordinates from the top.
    pub(super) fn line(
        &mut self,
        points: &[(f32, f32)],
        width: f32,
        rgb: Rgb,
        dash: Option<&[f32]>,
    ) {
        let page = self.page();
        let h = page.height;
        page.ops.push(Op::SetOutlineColor { col: color(rgb) });
        page.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        page.ops.push(Op::SetLineDashPattern {
            dash: dash.map_or_else(LineDashPattern::solid, |d| LineDashPattern::new(0.0, d)),
        });
        page.ops.push(Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: Point {
                            x: Pt(x),
                            y: Pt(h - y),
                        },
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
    }

    /// A filled shape given in page coordinates from the top.
    /// The outline of a rectangle (`x`, `top`: its top-left corner, in the page's
    /// top-down coordinates, as `line` takes them).
    pub(super) fn outline(
        &mut self,
        (x, top, w, h): (f32, f32, f32, f32),
        width: f32,
        rgb: Rgb,
        dash: Option<&[f32]>,
    ) {
        let corners = [
            (x, top),
            (x + w, top),
            (x + w, top + h),
            (x, top + h),
            (x, top),
        ];
        self.line(&corners, width, rgb, dash);
    }

    pub(super) fn shape(&mut self, points: &[(f32, f32)], rgb: Rgb) {
        let page = self.page();
        let h = page.height;
        let flipped: Vec<(f32, f32)> = points.iter().map(|&(x, y)| (x, h - y)).collect();
        page.ops.push(Op::SetFillColor { col: color(rgb) });
        page.ops.push(Op::DrawPolygon {
            polygon: polygon(&flipped, PaintMode::Fill),
        });
    }

    pub(super) fn circle(&mut self, cx: f32, cy: f32, r: f32, rgb: Rgb) {
        let points: Vec<(f32, f32)> = (0..24)
            .map(|i| {
                let a = i as f32 / 24.0 * std::f32::consts::TAU;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        self.shape(&points, rgb);
    }

    /// Clip what follows to `area` until the graphics state is restored.
    pub(super) fn begin_clip(&mut self, area: &Area) {
        let page = self.page();
        let h = page.height;
        page.ops.push(Op::SaveGraphicsState);
        page.ops.push(Op::DrawPolygon {
            polygon: polygon(
                &[
                    (area.x, h - area.y),
                    (area.x + area.w, h - area.y),
                    (area.x + area.w, h - area.y - area.h),
                    (area.x, h - area.y - area.h),
                ],
                PaintMode::Clip,
            ),
        });
    }

    /// Many shapes (page coordinates from the top) in one path: filled, or stroked `width`
    /// points wide when given (then each ring is an open polyline).
    pub(super) fn paths(&mut self, rings: Vec<Vec<(f32, f32)>>, rgb: Rgb, stroke: Option<f32>) {
        if rings.is_empty() {
            return;
        }
        let page = self.page();
        let h = page.height;
        let rings = rings
            .into_iter()
            .map(|ring| PolygonRing {
                points: ring
                    .into_iter()
                    .map(|(x, y)| LinePoint {
                        p: Point {
                            x: pt(x),
                            y: pt(h - y),
                        },
                        bezier: false,
                    })
                    .collect(),
            })
            .collect();
        let mode = match stroke {
            Some(width) => {
                page.ops.push(Op::SetOutlineColor { col: color(rgb) });
                page.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                page.ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::solid(),
                });
                PaintMode::Stroke
            }
            None => {
                page.ops.push(Op::SetFillColor { col: color(rgb) });
                PaintMode::Fill
            }
        };
        page.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings,
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
}

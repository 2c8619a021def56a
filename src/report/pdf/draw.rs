//! Vector shapes on the page, in page coordinates from the top: rectangles, lines, filled
//! shapes and circles, many shapes in one path, and clipping.

use super::Writer;
use super::diagram::Area;
use crate::look::Rgb;
use printpdf::{
    Color, Line, LineDashPattern, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt,
    WindingOrder,
};

pub(super) fn color([r, g, b]: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
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

impl Writer<'_> {
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
                            x: Pt(x),
                            y: Pt(h - y),
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

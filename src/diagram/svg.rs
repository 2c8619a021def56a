//! The drawing as SVG: one `<g>` per node (its `id`/`data-id` the element's id, a `<title>`
//! with its name), one `<path>` per link, labels as real `<text>` on halo `<rect>`s, the group
//! boxes behind, the legend below. Glyphs are defined once per kind in `<defs>` and placed
//! with `<use>`, so a large design's file grows by one short element per node.
//!
//! Only presentation attributes (no CSS, no `dominant-baseline`, no fonts embedded): what
//! browsers, draw.io (which shows an SVG through the browser) and resvg all read the same way.
//! Text stays text, set in `DejaVu Sans, Verdana, Arial, sans-serif`: the labels were placed
//! with DejaVu Sans' widths, Verdana is as wide and Arial narrower, so a reader without DejaVu
//! still sees every label inside its halo; text stays selectable, searchable and editable.

use super::drawing::Drawing;
use super::geom::{Rect, V2};
use super::glyph::{Prim, glyph};
use super::group::GroupKind;
use super::label::{HALO_RADIUS, Label, Measure, Weight};
use super::legend::{Entry, LinkLook, Mark};
use crate::look::{GlyphRole, Palette, Rgb};
use crate::model::NodeKindTag;
use std::fmt::Write as _;

/// The font stack of every label (see the module's note).
pub const FONT_STACK: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// The page an SVG of a drawing covers: the drawing, a margin, the legend below.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The view box, in drawing units.
    pub view: Rect,
    /// Where the legend's rows start, each entry's mark box and text position.
    pub legend: Vec<(Entry, Rect, V2)>,
}

/// Lay the page out: the drawing with a margin of two font sizes, the legend in rows under it
/// (as wide as the drawing, at least 40 font sizes).
pub fn page(d: &Drawing, measure: Measure<'_>) -> Page {
    let f = d.font_size;
    let margin = 2.0 * f;
    let b = d.bounds;
    let row_h = 1.9 * f;
    let mark_w = 2.6 * f;
    let max_w = b.width().max(40.0 * f);
    let top = b.max.y + 1.5 * f;
    let (mut x, mut y) = (b.min.x, top);
    let mut legend = Vec::new();
    let mut right = b.max.x;
    for e in &d.legend {
        let w = mark_w + 0.5 * f + measure(&e.text, f, Weight::Regular) + 1.5 * f;
        if x > b.min.x && x + w > b.min.x + max_w {
            x = b.min.x;
            y += row_h;
        }
        let mark = Rect {
            min: V2::new(x, y + 0.2 * f),
            max: V2::new(x + mark_w, y + row_h - 0.2 * f),
        };
        let text = V2::new(x + mark_w + 0.5 * f, y + row_h / 2.0 + 0.35 * f);
        legend.push((e.clone(), mark, text));
        x += w;
        right = right.max(x);
    }
    let bottom = if legend.is_empty() {
        b.max.y
    } else {
        y + row_h
    };
    Page {
        view: Rect {
            min: V2::new(b.min.x - margin, b.min.y - margin),
            max: V2::new(right + margin, bottom + margin),
        },
        legend,
    }
}

/// The SVG document of `d`, titled `title`, `width_px` wide (None: one pixel per drawing unit).
pub fn svg(d: &Drawing, title: &str, width_px: Option<u32>, measure: Measure<'_>) -> String {
    let p = d.theme.palette();
    let page = page(d, measure);
    let v = page.view;
    let (w, h) = match width_px {
        Some(px) => (px as f32, px as f32 * v.height() / v.width().max(1.0)),
        None => (v.width(), v.height()),
    };
    let mut s = String::with_capacity(4096 + 400 * (d.nodes.len() + d.links.len()));
    let _ = write!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="{}" height="{}" viewBox="{} {} {} {}">
<title>{}</title>
"#,
        num(w),
        num(h),
        num(v.min.x),
        num(v.min.y),
        num(v.width()),
        num(v.height()),
        escape(title)
    );
    defs(&mut s, p);
    let _ = writeln!(
        s,
        r#"<rect id="background" x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(v.min.x),
        num(v.min.y),
        num(v.width()),
        num(v.height()),
        hex(p.background)
    );
    groups(&mut s, d, p);
    links(&mut s, d, p);
    group_titles(&mut s, d, p);
    nodes(&mut s, d, p);
    legend(&mut s, &page, d.font_size, p);
    s.push_str("</svg>\n");
    s
}

fn defs(s: &mut String, p: &Palette) {
    s.push_str("<defs>\n");
    for kind in NodeKindTag::ALL {
        let _ = writeln!(s, r#"<g id="glyph-{}">"#, kind_key(kind));
        for prim in glyph(kind).prims {
            prim_svg(s, prim, |role| hex(p.glyph(kind, role)));
        }
        s.push_str("</g>\n");
    }
    s.push_str("</defs>\n");
}

fn prim_svg(s: &mut String, prim: &Prim, colour: impl Fn(GlyphRole) -> String) {
    let points = |pts: &[[f32; 2]]| {
        pts.iter()
            .map(|q| format!("{},{}", num(q[0]), num(q[1])))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match *prim {
        Prim::Fill { points: pts, role } => {
            let _ = writeln!(
                s,
                r#"<polygon points="{}" fill="{}"/>"#,
                points(pts),
                colour(role)
            );
        }
        Prim::Stroke {
            points: pts,
            closed,
            width,
            role,
        } => {
            let _ = writeln!(
                s,
                r#"<{} points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"/>"#,
                if closed { "polygon" } else { "polyline" },
                points(pts),
                colour(role),
                num(width)
            );
        }
        Prim::Circle {
            centre,
            radius,
            role,
        } => {
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{}"/>"#,
                num(centre[0]),
                num(centre[1]),
                num(radius),
                colour(role)
            );
        }
    }
}

fn groups(s: &mut String, d: &Drawing, p: &Palette) {
    s.push_str("<g id=\"groups\">\n");
    for g in &d.groups {
        let c = group_colours(&g.kind, p);
        let r = d.font_size * 0.6;
        let _ = writeln!(
            s,
            r#"<g data-group="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
            escape(g.kind.title()),
            num(g.rect.min.x),
            num(g.rect.min.y),
            num(g.rect.width()),
            num(g.rect.height()),
            num(r),
            hex(c.fill),
            hex(c.stroke),
            num(d.font_size * 0.08)
        );
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
}

/// The groups' titles, on halos above the links that cross them.
fn group_titles(s: &mut String, d: &Drawing, p: &Palette) {
    s.push_str("<g id=\"group-titles\">\n");
    for g in &d.groups {
        if let Some(t) = &g.title {
            let c = group_colours(&g.kind, p);
            text(s, t, c.title, Some((c.fill, c.fill)));
            s.push('\n');
        }
    }
    s.push_str("</g>\n");
}

pub(crate) fn group_colours<'p>(kind: &GroupKind, p: &'p Palette) -> &'p crate::look::GroupColours {
    match kind {
        GroupKind::OnPrem => &p.on_prem,
        GroupKind::Metro(_) => &p.metro,
        GroupKind::Azure => &p.azure,
        GroupKind::Aws => &p.aws,
    }
}

fn links(s: &mut String, d: &Drawing, p: &Palette) {
    s.push_str("<g id=\"links\" fill=\"none\" stroke-linecap=\"round\">\n");
    for l in &d.links {
        let c = &l.curve;
        let path = if c.is_straight() {
            format!(
                "M{} {} L{} {}",
                num(c.from.x),
                num(c.from.y),
                num(c.to.x),
                num(c.to.y)
            )
        } else {
            format!(
                "M{} {} Q{} {} {} {}",
                num(c.from.x),
                num(c.from.y),
                num(c.ctrl.x),
                num(c.ctrl.y),
                num(c.to.x),
                num(c.to.y)
            )
        };
        let dash = l.dash.map_or(String::new(), |[on, off]| {
            format!(r#" stroke-dasharray="{} {}""#, num(on), num(off))
        });
        let _ = writeln!(
            s,
            r#"<path id="link-{}" data-id="{}" d="{path}" stroke="{}" stroke-width="{}"{dash}><title>{}</title></path>"#,
            escape(&l.id),
            escape(&l.id),
            hex(p.link(l.kind)),
            num(l.width),
            escape(&l.name)
        );
    }
    s.push_str("</g>\n<g id=\"link-labels\">\n");
    for l in &d.links {
        if let Some(severity) = l.severity {
            let m = l.curve.midpoint();
            badge(
                s,
                m,
                l.width * 1.6 + 1.0,
                p.severity(severity),
                p.background,
            );
        }
        if let Some(label) = &l.label {
            let _ = write!(s, r#"<g data-for="{}">"#, escape(&l.id));
            text(s, label, p.text_muted, Some((p.halo, p.halo_edge)));
            s.push_str("</g>\n");
        }
    }
    s.push_str("</g>\n");
}

fn nodes(s: &mut String, d: &Drawing, p: &Palette) {
    s.push_str("<g id=\"nodes\">\n");
    for n in &d.nodes {
        let _ = write!(
            s,
            r##"<g id="node-{}" data-id="{}"><title>{}</title><use xlink:href="#glyph-{}" transform="translate({} {}) scale({})"/>"##,
            escape(&n.id),
            escape(&n.id),
            escape(&n.name),
            kind_key(n.kind),
            num(n.centre.x),
            num(n.centre.y),
            num(n.radius)
        );
        if let Some(severity) = n.severity {
            let at = n.centre + V2::new(0.85 * n.radius, -0.85 * n.radius);
            badge(s, at, 0.36 * n.radius, p.severity(severity), p.background);
        }
        if let Some(label) = &n.label {
            text(s, label, p.text, Some((p.halo, p.halo_edge)));
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
}

fn legend(s: &mut String, page: &Page, f: f32, p: &Palette) {
    if page.legend.is_empty() {
        return;
    }
    s.push_str("<g id=\"legend\">\n");
    for (e, mark, at) in &page.legend {
        let c = mark.centre();
        match &e.mark {
            Mark::Node(kind) => {
                let _ = write!(
                    s,
                    r##"<use xlink:href="#glyph-{}" transform="translate({} {}) scale({})"/>"##,
                    kind_key(*kind),
                    num(c.x),
                    num(c.y),
                    num(0.7 * f)
                );
            }
            Mark::Link(kind) => {
                let look = LinkLook::of(*kind);
                let w = 0.2 * f;
                let dash = look.dash.map_or(String::new(), |[on, off]| {
                    format!(r#" stroke-dasharray="{} {}""#, num(on * w), num(off * w))
                });
                let _ = write!(
                    s,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{dash}/>"#,
                    num(mark.min.x),
                    num(c.y),
                    num(mark.max.x),
                    num(c.y),
                    hex(p.link(*kind)),
                    num(look.width * w)
                );
            }
            Mark::Badge(severity) => badge(s, c, 0.4 * f, p.severity(*severity), p.background),
            Mark::Group(kind) => {
                let g = group_colours(kind, p);
                let _ = write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(mark.min.x),
                    num(mark.min.y),
                    num(mark.width()),
                    num(mark.height()),
                    num(0.3 * f),
                    hex(g.fill),
                    hex(g.stroke),
                    num(0.08 * f)
                );
            }
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-family="{FONT_STACK}" font-size="{}" fill="{}">{}</text>"#,
            num(at.x),
            num(at.y),
            num(f),
            hex(p.text),
            escape(&e.text)
        );
    }
    s.push_str("</g>\n");
}

/// A label: its halo (when `halo` gives the palette) and its text centred on it.
fn text(s: &mut String, label: &Label, colour: Rgb, halo: Option<(Rgb, Rgb)>) {
    if let Some((fill, edge)) = halo {
        let h = label.halo;
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
            num(h.min.x),
            num(h.min.y),
            num(h.width()),
            num(h.height()),
            num(HALO_RADIUS * label.size),
            hex(fill),
            hex(edge),
            num(label.size * 0.06)
        );
    }
    let at = label.baseline_centre();
    let weight = match label.weight {
        Weight::Regular => "",
        Weight::Bold => r#" font-weight="bold""#,
    };
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" font-family="{FONT_STACK}" font-size="{}"{weight} text-anchor="middle" fill="{}">{}</text>"#,
        num(at.x),
        num(at.y),
        num(label.size),
        hex(colour),
        escape(&label.text)
    );
}

fn badge(s: &mut String, at: V2, r: f32, fill: Rgb, ring: Rgb) {
    let _ = write!(
        s,
        r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
        num(at.x),
        num(at.y),
        num(r),
        hex(fill),
        hex(ring),
        num(r * 0.3)
    );
}

/// The kind as an id fragment ("azure_region").
pub fn kind_key(kind: NodeKindTag) -> &'static str {
    match kind {
        NodeKindTag::OnPremSite => "on_prem_site",
        NodeKindTag::ColocationFacility => "colocation_facility",
        NodeKindTag::AzureRegion => "azure_region",
        NodeKindTag::AwsRegion => "aws_region",
        NodeKindTag::FabricRouter => "fabric_router",
    }
}

/// A number with at most two decimals, no trailing zeros ("12.5", "-3", "0").
pub(crate) fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 || !r.is_finite() {
        "0".into()
    } else {
        format!("{r}")
    }
}

/// A colour as CSS and SVG write it ("#0078d4").
pub(crate) fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            escape(r#"A&B <"x"> 'y'"#),
            "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;"
        );
        assert_eq!(escape("a\u{1}b"), "a\u{FFFD}b");
    }
}

//! The page's figures as inline SVG: bar charts (each bar's label, its length in proportion
//! to the largest, its value as the PDF prints it) and the topology, drawn by the diagram's
//! own SVG writer in the light look with its legend.

use super::text;
use crate::diagram::svg::{FONT_STACK, escape, hex, num};
use crate::diagram::{Drawing, Metrics, Style, Weight};
use crate::look::Theme;
use crate::report::pdf::INK;
use crate::report::{BarChart, Diagram, LineChart, Sketch};
use std::fmt::Write as _;

/// A bar chart's width, its text size, the bars' height and a row's height, in SVG units
/// (pixels at full size). Each row is the label, then under it the bar and its value: narrow
/// enough that a phone shows the text at about 12 pixels, where the PDF's label-beside-bar
/// layout, shrunk to a phone's width, set it at 7.
const CHART_W: f32 = 420.0;
const CHART_FONT: f32 = 14.0;
const BAR_H: f32 = 14.0;
const CHART_ROW: f32 = 2.0 * CHART_FONT + BAR_H + 2.0;

pub(super) fn bars(out: &mut String, chart: &BarChart, metrics: &Metrics) {
    let _ = writeln!(
        out,
        "<figure class=\"bars\">\n<figcaption>{}</figcaption>",
        text(&chart.title)
    );
    if chart.bars.is_empty() {
        out.push_str("<p class=\"note\">Nothing is priced yet.</p>\n</figure>\n");
        return;
    }
    let width = |t: &str, w: Weight| metrics.width(t, CHART_FONT, w);
    let gap = CHART_FONT / 2.0;
    let value_w = chart
        .bars
        .iter()
        .map(|b| width(&b.text, Weight::Bold))
        .fold(0.0_f32, f32::max);
    // The longest bar leaves room for the longest value beside it.
    let area = (CHART_W - gap - value_w).max(CHART_W * 0.25);
    let max = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let height = chart.bars.len() as f32 * CHART_ROW;
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" \
         role=\"img\" aria-label=\"{}\" font-family=\"{FONT_STACK}\" font-size=\"{}\">",
        num(CHART_W),
        num(height),
        num(CHART_W),
        num(height),
        escape(&chart.title),
        num(CHART_FONT)
    );
    for (i, bar) in chart.bars.iter().enumerate() {
        let row = i as f32 * CHART_ROW;
        // Baselines: the label's in its line; the value's centred on the bar (DejaVu's
        // capitals are 0.73 em high).
        let label_baseline = row + CHART_FONT;
        let bar_top = row + 1.3 * CHART_FONT;
        let value_baseline = bar_top + BAR_H / 2.0 + 0.36 * CHART_FONT;
        let len = if max > 0.0 {
            (bar.value / max) as f32 * area
        } else {
            0.0
        };
        let label = ellipsize(&bar.label, CHART_W, |t| width(t, Weight::Regular));
        let _ = writeln!(
            out,
            "<g><title>{}: {}</title><text x=\"0\" y=\"{}\" fill=\"{}\">{}</text>\
             <rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"{}\" font-weight=\"bold\">{}</text></g>",
            escape(&bar.label),
            escape(&bar.text),
            num(label_baseline),
            hex(INK),
            escape(&label),
            num(bar_top),
            num(len.max(1.0)),
            num(BAR_H),
            hex(bar.rgb),
            num(len.max(1.0) + gap),
            num(value_baseline),
            hex(INK),
            escape(&bar.text)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

/// `t` cut with "…" to fit `room` as `width` measures it.
fn ellipsize(t: &str, room: f32, width: impl Fn(&str) -> f32) -> String {
    if width(t) <= room {
        return t.to_string();
    }
    let mut cut = String::new();
    for c in t.chars() {
        cut.push(c);
        if width(&cut) + width("…") > room {
            cut.pop();
            break;
        }
    }
    format!("{}…", cut.trim_end())
}

/// The most nodes the page draws. The whole design is one SVG, about 1.3 KB per node with its
/// links and labels (measured on generated designs: 0.3 MB at 240 nodes, 1.5 MB at 1,200,
/// 9 MB at 12,000); up to here the page stays a size a wiki or an e-mail takes (~3 MB) and a
/// reader zooms into it. Beyond, the page says where the drawing is.
pub const WHOLE_DIAGRAM_NODES: usize = 2_500;

/// The topology: the whole design as one SVG (the `linkwright diagram` export's drawing, in
/// the light look, with its legend), scaled to the page's width.
pub(super) fn diagram(out: &mut String, diagram: &Diagram, metrics: &Metrics) {
    if diagram.nodes.is_empty() {
        out.push_str("<p class=\"note\">Nothing to draw: the design has no nodes.</p>\n");
        return;
    }
    if diagram.nodes.len() > WHOLE_DIAGRAM_NODES {
        let count = |n: usize| crate::costing::thousands(n as u64);
        let _ = writeln!(
            out,
            "<p class=\"note\">The design has {} nodes and {} links: too many to draw legibly on a \
             web page. The PDF report of the same design draws it as an overview map with detail \
             pages, and the diagram export draws it whole (SVG or PNG).</p>",
            count(diagram.nodes.len()),
            count(diagram.links.len())
        );
        return;
    }
    let measure = |t: &str, size: f32, w: Weight| metrics.width(t, size, w);
    let style = Style::for_export(Theme::Light, &measure, diagram);
    let drawing = Drawing::build(diagram, &style);
    let svg = crate::diagram::svg::svg(&drawing, "Topology", None, &measure);
    // The XML declaration belongs to a file of its own, not inside a page.
    let svg = svg
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>"))
        .map_or(svg.as_str(), |(_, rest)| rest.trim_start());
    out.push_str("<figure class=\"diagram\">\n");
    out.push_str(svg);
    out.push_str("</figure>\n");
}

/// The most nodes the executive summary's sketch draws; a larger design's sketch is its caption,
/// pointing at the Topology section.
pub const SKETCH_NODES: usize = 400;

/// The executive summary's sketch: the Topology section's drawing again, small, beside the
/// verdict. Its SVG ids are prefixed so the page's ids stay unique.
pub(super) fn sketch(out: &mut String, sketch: &Sketch, metrics: &Metrics) {
    let d = &sketch.diagram;
    if d.nodes.is_empty() {
        return;
    }
    out.push_str("<figure class=\"sketch\">\n");
    if d.nodes.len() <= SKETCH_NODES {
        let measure = |t: &str, size: f32, w: Weight| metrics.width(t, size, w);
        let style = Style::for_export(Theme::Light, &measure, d);
        let drawing = Drawing::build(d, &style);
        let svg = crate::diagram::svg::svg(&drawing, "The design at a glance", None, &measure);
        let svg = svg
            .strip_prefix("<?xml")
            .and_then(|rest| rest.split_once("?>"))
            .map_or(svg.as_str(), |(_, rest)| rest.trim_start());
        out.push_str(
            &svg.replace(" id=\"", " id=\"sketch-")
                .replace("xlink:href=\"#", "xlink:href=\"#sketch-"),
        );
    }
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>\n</figure>",
        text(&sketch.caption)
    );
}

/// A line chart as inline SVG: axes from 0 with their ticks, one line per series, markers as a
/// vertical line up to a labelled dot, and a legend of the series.
pub(super) fn lines(out: &mut String, chart: &LineChart, metrics: &Metrics) {
    const W: f32 = 560.0;
    const H: f32 = 300.0;
    const FONT: f32 = 12.0;
    let (left, right, top, bottom) = (72.0, 16.0, 16.0, 58.0);
    let (pw, ph) = (W - left - right, H - top - bottom);
    let x_of = |x: f64| {
        left + if chart.x_axis.max > 0.0 {
            (x / chart.x_axis.max) as f32 * pw
        } else {
            0.0
        }
    };
    let y_of = |y: f64| {
        top + ph
            - if chart.y_axis.max > 0.0 {
                (y / chart.y_axis.max) as f32 * ph
            } else {
                0.0
            }
    };
    let _ = writeln!(
        out,
        "<figure class=\"lines\">\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" font-family=\"{FONT_STACK}\" font-size=\"{}\">",
        text(&chart.title),
        num(W),
        num(H),
        num(W),
        num(H),
        escape(&chart.title),
        num(FONT)
    );
    let grey = "#d2d4da";
    for (x, t) in &chart.x_axis.ticks {
        let px = x_of(*x);
        let _ = writeln!(
            out,
            "<line x1=\"{px}\" y1=\"{}\" x2=\"{px}\" y2=\"{}\" stroke=\"{grey}\"/><text x=\"{px}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
            num(top),
            num(top + ph),
            num(top + ph + FONT + 4.0),
            hex(INK),
            escape(t),
            px = num(px)
        );
    }
    for (y, t) in &chart.y_axis.ticks {
        let py = y_of(*y);
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{py}\" x2=\"{}\" y2=\"{py}\" stroke=\"{grey}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>",
            num(left),
            num(left + pw),
            num(left - 6.0),
            num(py + FONT * 0.35),
            hex(INK),
            escape(t),
            py = num(py)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
        num(left + pw / 2.0),
        num(top + ph + 2.0 * FONT + 8.0),
        hex(INK),
        escape(&chart.x_axis.title)
    );
    let _ = writeln!(
        out,
        "<text transform=\"translate({} {}) rotate(-90)\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
        num(FONT),
        num(top + ph / 2.0),
        hex(INK),
        escape(&chart.y_axis.title)
    );
    for s in &chart.series {
        let points: Vec<String> = s
            .points
            .iter()
            .map(|&(x, y)| format!("{},{}", num(x_of(x)), num(y_of(y))))
            .collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"><title>{}</title></polyline>",
            points.join(" "),
            hex(s.rgb),
            escape(&s.label)
        );
    }
    for m in &chart.markers {
        let (px, py) = (x_of(m.x), y_of(m.y));
        let _ = writeln!(
            out,
            "<line x1=\"{px}\" y1=\"{}\" x2=\"{px}\" y2=\"{py}\" stroke=\"{c}\" stroke-dasharray=\"4 3\"/><circle cx=\"{px}\" cy=\"{py}\" r=\"4\" fill=\"{c}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>",
            num(top + ph),
            num(px - 6.0),
            num(py - 8.0),
            hex(INK),
            escape(&m.label),
            px = num(px),
            py = num(py),
            c = hex(m.rgb)
        );
    }
    // The legend under the x axis' title.
    let mut x = left;
    let y = H - 6.0;
    for s in &chart.series {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"/><text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>",
            num(x),
            num(y - FONT * 0.35),
            num(x + 18.0),
            num(y - FONT * 0.35),
            hex(s.rgb),
            num(x + 22.0),
            num(y),
            hex(INK),
            escape(&s.label)
        );
        x += 22.0 + metrics.width(&s.label, FONT, Weight::Regular) + 18.0;
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::TopoNode;
    use crate::model::NodeKindTag;

    fn nodes(n: usize) -> Diagram {
        Diagram {
            nodes: (0..n)
                .map(|i| TopoNode {
                    id: format!("site-{i}"),
                    name: format!("Site {i}"),
                    kind: NodeKindTag::OnPremSite,
                    x: (i % 100) as f64 * 120.0,
                    y: (i / 100) as f64 * 120.0,
                    group: None,
                    severity: None,
                })
                .collect(),
            links: Vec::new(),
        }
    }

    #[test]
    fn a_design_too_large_for_a_page_is_not_drawn_and_the_page_says_where_it_is() {
        let m = Metrics::dejavu().unwrap();
        let mut out = String::new();
        diagram(&mut out, &nodes(WHOLE_DIAGRAM_NODES + 1), &m);
        assert!(!out.contains("<svg"), "{out}");
        assert!(
            out.contains("The design has 2,501 nodes and 0 links"),
            "{out}"
        );
        assert!(out.contains("overview map"), "{out}");
        let mut out = String::new();
        diagram(&mut out, &nodes(3), &m);
        assert!(
            out.starts_with("<figure class=\"diagram\">\n<svg "),
            "{out}"
        );
        assert_eq!(out.matches("<g id=\"node-site-").count(), 3, "{out}");
        assert!(!out.contains("<?xml"), "{out}");
    }

    #[test]
    fn long_labels_are_cut_to_their_room() {
        let m = Metrics::dejavu().unwrap();
        let w = |t: &str| m.width(t, CHART_FONT, Weight::Regular);
        assert_eq!(ellipsize("Azure", 200.0, w), "Azure");
        let cut = ellipsize("Île-de-France interconnect hub and more", 120.0, w);
        assert!(cut.ends_with('…') && w(&cut) <= 120.0, "{cut}");
    }
}

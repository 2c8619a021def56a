//! Charts: horizontal bar charts (a label, a bar in proportion to the largest value, and the
//! value's text) and line charts (series as lines over axes with their ticks, markers as
//! labelled points).

use super::text::{Weight, ellipsize};
use super::{GREY, INK, MARGIN, RULE, Writer};
use crate::report::{BarChart, LineChart};

const BAR_H: f32 = 12.0;
const BAR_STEP: f32 = 17.0;
/// A bar chart's title line and the space above it.
const BARS_TITLE_H: f32 = 22.0;

/// The height of a bar chart's title and its first `bars` bars.
pub(super) fn bars_height(bars: usize) -> f32 {
    BARS_TITLE_H + BAR_STEP * bars as f32
}

/// A line chart's parts, in points: the plot's height, the room left of it for the y ticks'
/// text, below it for the x ticks and the x axis' title, above it for the title and the y
/// axis' title, and the legend's row.
const PLOT_H: f32 = 150.0;
const Y_TICKS_W: f32 = 58.0;
const X_TICKS_H: f32 = 28.0;
const TITLE_H: f32 = 30.0;
const LEGEND_H: f32 = 16.0;
/// The height a line chart takes.
pub(super) const LINE_CHART_H: f32 = TITLE_H + PLOT_H + X_TICKS_H + LEGEND_H + 8.0;
const CHART_SIZE: f32 = 7.5;

impl Writer<'_> {
    /// A bar chart; `keep_after` is the height of the notes that stay with its last bar.
    pub(super) fn bars(&mut self, chart: &BarChart, keep_after: f32) {
        let n = chart.bars.len();
        self.ensure(bars_height(n.min(4)) + if n <= 4 { keep_after } else { 0.0 });
        self.y += 4.0;
        self.paragraph(&chart.title, 10.0, Weight::Bold, INK, 0.0);
        if chart.bars.is_empty() {
            self.paragraph("Nothing is priced yet.", 8.5, Weight::Regular, GREY, 0.0);
            self.y += 6.0;
            return;
        }
        let label_w = 170.0;
        // Room for the longest value's text, so that it never runs off the page.
        let bold = self.face(Weight::Bold);
        let value_w = chart
            .bars
            .iter()
            .map(|b| bold.width(&b.text, 8.5) + 12.0)
            .fold(60.0_f32, f32::max);
        let area = (self.content_width() - label_w - value_w).max(20.0);
        let max = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        for (i, bar) in chart.bars.iter().enumerate() {
            // The last bar stays with the notes under the chart.
            let keep = if i + 1 == n { keep_after } else { 0.0 };
            self.ensure(BAR_STEP + keep);
            let top = self.y;
            let label = ellipsize(self.face(Weight::Regular), &bar.label, 8.5, label_w - 8.0);
            self.text(MARGIN, top + 1.5, 8.5, Weight::Regular, INK, &label);
            let len = if max > 0.0 {
                (bar.value / max) as f32 * area
            } else {
                0.0
            };
            self.rect(MARGIN + label_w, top, len.max(1.0), BAR_H, bar.rgb);
            let x = MARGIN + label_w + len + 6.0;
            self.text(x, top + 1.5, 8.5, Weight::Bold, INK, &bar.text);
            self.y += BAR_STEP;
        }
        self.y += 8.0;
    }

    /// A line chart across the content width, kept on one page with `keep_after` (its notes).
    pub(super) fn line_chart(&mut self, chart: &LineChart, keep_after: f32) {
        self.ensure(LINE_CHART_H + keep_after);
        let top = self.y + 4.0;
        self.text(MARGIN, top, 10.0, Weight::Bold, INK, &chart.title);
        let regular = self.face(Weight::Regular);
        // The y axis' title above its ticks.
        self.text(
            MARGIN,
            top + 16.0,
            CHART_SIZE,
            Weight::Regular,
            GREY,
            &chart.y_axis.title,
        );
        let (left, right) = (MARGIN + Y_TICKS_W, MARGIN + self.content_width() - 8.0);
        let (plot_top, plot_bottom) = (top + TITLE_H, top + TITLE_H + PLOT_H);
        let (x_max, y_max) = (chart.x_axis.max.max(1e-9), chart.y_axis.max.max(1e-9));
        let px = |x: f64| left + ((x / x_max) as f32).clamp(0.0, 1.0) * (right - left);
        let py = |y: f64| plot_bottom - ((y / y_max) as f32).clamp(0.0, 1.0) * PLOT_H;
        // Grid lines and the y ticks' text.
        for (y, text) in &chart.y_axis.ticks {
            let at = py(*y);
            self.line(&[(left, at), (right, at)], 0.4, RULE, None);
            let w = regular.width(text, CHART_SIZE);
            self.text(
                left - 4.0 - w,
                at - CHART_SIZE / 2.0,
                CHART_SIZE,
                Weight::Regular,
                GREY,
                text,
            );
        }
        for (x, text) in &chart.x_axis.ticks {
            let at = px(*x);
            self.line(
                &[(at, plot_bottom), (at, plot_bottom + 3.0)],
                0.6,
                INK,
                None,
            );
            let w = regular.width(text, CHART_SIZE);
            let tx = (at - w / 2.0).min(right + 8.0 - w);
            self.text(
                tx,
                plot_bottom + 5.0,
                CHART_SIZE,
                Weight::Regular,
                GREY,
                text,
            );
        }
        // The axes.
        self.line(
            &[(left, plot_top), (left, plot_bottom), (right, plot_bottom)],
            0.8,
            INK,
            None,
        );
        let title_w = regular.width(&chart.x_axis.title, CHART_SIZE);
        self.text(
            (left + right - title_w) / 2.0,
            plot_bottom + 16.0,
            CHART_SIZE,
            Weight::Regular,
            GREY,
            &chart.x_axis.title,
        );
        for s in &chart.series {
            let points: Vec<(f32, f32)> = s.points.iter().map(|&(x, y)| (px(x), py(y))).collect();
            self.line(&points, 1.8, s.rgb, None);
        }
        // Markers: a dashed line up from the axis, a dot, the label beside it (left of the
        // line when there is no room right of it), one label lower than the one before when
        // they would overlap.
        let bold = self.face(Weight::Bold);
        let mut taken: Vec<(f32, f32, f32)> = Vec::new();
        for m in &chart.markers {
            let (x, y) = (px(m.x), py(m.y));
            self.line(&[(x, plot_bottom), (x, y)], 0.7, m.rgb, Some(&[2.5, 2.0]));
            self.circle(x, y, 2.6, m.rgb);
            let w = bold.width(&m.label, CHART_SIZE);
            // Above and left of its point: clear of a rising line through the point, and of a
            // level line it lies on; right of it when there is no room on the left.
            let lx = if x - 5.0 - w >= left {
                x - 5.0 - w
            } else {
                x + 5.0
            };
            let mut ly = (y - 12.0).max(plot_top - 6.0);
            while taken
                .iter()
                .any(|&(tx, tw, ty)| (ly - ty).abs() < 10.0 && lx < tx + tw && tx < lx + w)
            {
                ly += 11.0;
            }
            taken.push((lx, w, ly));
            self.rect(
                lx - 1.5,
                ly - 1.0,
                w + 3.0,
                CHART_SIZE + 2.5,
                [255, 255, 255],
            );
            self.text(lx, ly, CHART_SIZE, Weight::Bold, m.rgb, &m.label);
        }
        // The legend: each series' line and label.
        let mut x = left;
        let ly = plot_bottom + X_TICKS_H + 2.0;
        for s in &chart.series {
            self.line(&[(x, ly + 4.0), (x + 18.0, ly + 4.0)], 1.8, s.rgb, None);
            self.text(x + 22.0, ly, CHART_SIZE, Weight::Regular, INK, &s.label);
            x += 22.0 + regular.width(&s.label, CHART_SIZE) + 16.0;
        }
        self.y = top + LINE_CHART_H - 4.0;
    }
}

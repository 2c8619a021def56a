//! Bar charts: a label, a bar in proportion to the largest value, and the value's text.

use super::text::{Weight, ellipsize};
use super::{GREY, INK, MARGIN, Writer};
use crate::report::BarChart;

impl Writer<'_> {
    pub(super) fn bars(&mut self, chart: &BarChart) {
        let bar_h = 12.0;
        let step = 17.0;
        self.ensure(22.0 + step * chart.bars.len().min(4) as f32);
        self.y += 4.0;
        self.paragraph(&chart.title, 10.0, Weight::Bold, INK, 0.0);
        if chart.bars.is_empty() {
            self.paragraph("Nothing is priced yet.", 8.5, Weight::Regular, GREY, 0.0);
            self.y += 6.0;
            return;
        }
        let label_w = 170.0;
        let value_w = 80.0;
        let area = self.content_width() - label_w - value_w;
        let max = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        for bar in &chart.bars {
            self.ensure(step);
            let top = self.y;
            let label = ellipsize(self.face(Weight::Regular), &bar.label, 8.5, label_w - 8.0);
            self.text(MARGIN, top + 1.5, 8.5, Weight::Regular, INK, &label);
            let len = if max > 0.0 {
                (bar.value / max) as f32 * area
            } else {
                0.0
            };
            self.rect(MARGIN + label_w, top, len.max(1.0), bar_h, bar.rgb);
            let x = MARGIN + label_w + len + 6.0;
            self.text(x, top + 1.5, 8.5, Weight::Bold, INK, &bar.text);
            self.y += step;
        }
        self.y += 8.0;
    }
}

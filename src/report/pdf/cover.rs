//! The cover: the design's name, the headline figures in boxes, the facts and the contents.

use super::text::{Weight, ellipsize, wrap};
use super::{GREY, GROUP_FILL, INK, MARGIN, Writer};
use crate::look;
use crate::model::NodeKindTag;
use crate::report::{Figure, Orientation};

impl Writer<'_> {
    /// The cover page: the title, the headline figures, the facts and the contents.
    pub(super) fn cover(&mut self) {
        let report = self.report;
        let cover = &report.cover;
        self.new_page(Orientation::Portrait);
        let width = self.content_width();
        self.cover_title(&cover.design_name);
        self.headline_boxes(&cover.headline, width);
        self.cover_facts(&cover.facts, width);
        self.y += 14.0;
        self.contents();
    }

    /// The clouds' colours across the top, then what the report is and the design's name.
    fn cover_title(&mut self, design_name: &str) {
        self.rect(
            0.0,
            0.0,
            self.width(),
            8.0,
            look::node_rgb(NodeKindTag::AzureRegion),
        );
        self.rect(
            self.width() / 2.0,
            0.0,
            self.width() / 2.0,
            8.0,
            look::node_rgb(NodeKindTag::AwsRegion),
        );
        self.y = 90.0;
        self.paragraph(
            "Hybrid-cloud interconnect design report",
            12.0,
            Weight::Regular,
            GREY,
            0.0,
        );
        self.y += 6.0;
        self.paragraph(design_name, 24.0, Weight::Bold, INK, 0.0);
        self.y += 18.0;
    }

    /// Headline figures: a grid of boxes, three to a row, across `width`.
    fn headline_boxes(&mut self, headline: &[Figure], width: f32) {
        let gap = 10.0;
        let box_w = (width - 2.0 * gap) / 3.0;
        let box_h = 66.0;
        for (i, figure) in headline.iter().enumerate() {
            let (col, row) = (i % 3, i / 3);
            let x = MARGIN + col as f32 * (box_w + gap);
            let top = self.y + row as f32 * (box_h + gap);
            self.rect(x, top, box_w, box_h, GROUP_FILL);
            self.rect(x, top, 4.0, box_h, figure.tone.rgb());
            let inner = box_w - 16.0;
            let regular = self.face(Weight::Regular);
            let bold = self.face(Weight::Bold);
            let label = ellipsize(regular, &figure.label, 8.5, inner);
            let value_size = if bold.width(&figure.value, 16.0) <= inner {
                16.0
            } else {
                11.0
            };
            let value = ellipsize(bold, &figure.value, value_size, inner);
            self.text(x + 12.0, top + 9.0, 8.5, Weight::Regular, GREY, &label);
            self.text(x + 12.0, top + 24.0, value_size, Weight::Bold, INK, &value);
            for (j, line) in wrap(regular, &figure.detail, 7.5, inner)
                .iter()
                .take(2)
                .enumerate()
            {
                let line_top = top + 45.0 + j as f32 * 9.5;
                self.text(x + 12.0, line_top, 7.5, Weight::Regular, GREY, line);
            }
        }
        let rows = headline.len().div_ceil(3);
        self.y += rows as f32 * (box_h + gap) + 20.0;
    }

    /// Facts: label and value in two columns, across `width`.
    fn cover_facts(&mut self, facts: &[(String, String)], width: f32) {
        let label_w = 200.0;
        for (label, value) in facts {
            let labels = wrap(self.face(Weight::Bold), label, 8.5, label_w - 10.0);
            let lines = wrap(self.face(Weight::Regular), value, 8.5, width - label_w);
            let n = lines.len().max(labels.len()).max(1);
            self.ensure(n as f32 * 12.0 + 4.0);
            let top = self.y;
            for (j, line) in labels.iter().enumerate() {
                self.text(MARGIN, top + j as f32 * 12.0, 8.5, Weight::Bold, INK, line);
            }
            for (j, line) in lines.iter().enumerate() {
                let line_top = top + j as f32 * 12.0;
                self.text(MARGIN + label_w, line_top, 8.5, Weight::Regular, INK, line);
            }
            self.y += n as f32 * 12.0 + 4.0;
        }
    }

    /// The contents: the sections, numbered from 2 (the cover is 1).
    fn contents(&mut self) {
        let contents: Vec<String> = self
            .report
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 2, s.title))
            .collect();
        self.paragraph("Contents", 10.0, Weight::Bold, INK, 0.0);
        // One line each (titles are short); where it is, to link it to its section and give it
        // its page number when the pages are known.
        let leading = 9.0 * 1.38;
        for (i, line) in contents.iter().enumerate() {
            self.ensure(leading);
            let top = self.y;
            self.text(MARGIN + 10.0, top, 9.0, Weight::Regular, INK, line);
            self.contents.push((i, self.current, top, leading));
            self.y += leading;
        }
    }
}

//! Lays a `Report` out on pages and writes a PDF with printpdf: DejaVu Sans embedded as a
//! subset (so "Zürich", "Kraków", "€" and "→" render and extract as text), vectors for the
//! charts and the topology diagram, table headers repeated on every page a table spans, and a
//! running footer with page numbers. The output depends only on the report: the trailer ID is
//! derived from the content, so the same report gives the same bytes.
//!
//! This file is the entry point and the page flow (the writer, its pages and cursor, sections
//! and blocks); each kind of content has a file of its own: `text` (fonts, measuring,
//! wrapping), `draw` (shapes, lines, clipping), `cover`, `chart`, `table`, `diagram` (one page
//! or tiles), `plan` (how a diagram is laid on pages), `overview` (a design too large to tile
//! whole), `density` (an overview's marks when shapes would overlap), and `finish` (footers and
//! the file).

mod chart;
mod cover;
mod density;
mod diagram;
mod draw;
mod finish;
mod overview;
mod plan;
mod table;
mod text;

use super::{Block, Orientation, Report};
use crate::look::{self, Rgb};
use crate::model::NodeKindTag;
use printpdf::Op;
use text::{Face, Fonts, Weight};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the embedded report font (DejaVu Sans {0}) could not be read")]
    Font(&'static str),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    render_counted(report).map(|r| r.bytes)
}

/// A rendered report and its page count.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The report as PDF bytes, with the number of pages (without reading the PDF back).
pub fn render_counted(report: &Report) -> Result<Rendered, RenderError> {
    let fonts = Fonts::load()?;
    let mut w = Writer::new(report, &fonts);
    w.cover();
    for (i, section) in report.sections.iter().enumerate() {
        w.section(i + 2, section);
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Pages

const MARGIN: f32 = 48.0;
const TOP: f32 = 50.0;
/// Space kept free at the bottom for the footer.
const BOTTOM: f32 = 50.0;
const BODY_SIZE: f32 = 9.5;
const TABLE_SIZE: f32 = 7.5;
const NOTE_SIZE: f32 = 7.5;
// The report's colours; the HTML page takes the same.
pub(in crate::report) const INK: Rgb = [30, 30, 36];
pub(in crate::report) const GREY: Rgb = [110, 110, 120];
pub(in crate::report) const RULE: Rgb = [210, 212, 218];
pub(in crate::report) const HEADER_FILL: Rgb = [228, 231, 237];
pub(in crate::report) const GROUP_FILL: Rgb = [243, 245, 249];

struct Page {
    width: f32,
    height: f32,
    ops: Vec<Op>,
}

struct Writer<'a> {
    report: &'a Report,
    fonts: &'a Fonts,
    pages: Vec<Page>,
    /// The page being drawn on (the last one, except while footers are added).
    current: usize,
    /// Distance of the cursor from the top of the current page, in points.
    y: f32,
    orientation: Orientation,
    /// Where each section starts: its numbered title and its page (0-based), for the PDF's
    /// bookmarks and the contents' page numbers and links.
    starts: Vec<(String, usize)>,
    /// Each contents line on the cover: (section index, page, top, height), made clickable
    /// and given its page number once every page is laid out.
    contents: Vec<(usize, usize, f32, f32)>,
}

impl<'a> Writer<'a> {
    fn new(report: &'a Report, fonts: &'a Fonts) -> Self {
        Writer {
            report,
            fonts,
            pages: Vec::new(),
            current: 0,
            y: TOP,
            orientation: Orientation::Portrait,
            starts: Vec::new(),
            contents: Vec::new(),
        }
    }

    fn face(&self, weight: Weight) -> &'a Face {
        match weight {
            Weight::Regular => &self.fonts.regular,
            Weight::Bold => &self.fonts.bold,
        }
    }

    fn new_page(&mut self, orientation: Orientation) {
        let (w, h) = self.report.paper.size_pt();
        let (width, height) = match orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        };
        self.pages.push(Page {
            width,
            height,
            ops: Vec::new(),
        });
        self.current = self.pages.len() - 1;
        self.orientation = orientation;
        self.y = TOP;
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page(self.orientation);
        }
        &mut self.pages[self.current]
    }

    fn width(&self) -> f32 {
        self.pages.get(self.current).map_or(0.0, |p| p.width)
    }

    fn height(&self) -> f32 {
        self.pages.get(self.current).map_or(0.0, |p| p.height)
    }

    fn content_width(&self) -> f32 {
        self.width() - 2.0 * MARGIN
    }

    /// Room left on the page below the cursor.
    fn room(&self) -> f32 {
        self.height() - BOTTOM - self.y
    }

    /// Start a new page (same orientation) unless `h` points fit below the cursor.
    fn ensure(&mut self, h: f32) -> bool {
        if self.room() < h {
            self.new_page(self.orientation);
            return true;
        }
        false
    }

    // -----------------------------------------------------------------------------------------
    // Sections and blocks

    fn section(&mut self, number: usize, section: &super::Section) {
        self.new_page(section.orientation);
        let title = format!("{number}. {}", section.title);
        self.starts.push((title.clone(), self.current));
        self.section_title(&title);
        for (i, block) in section.blocks.iter().enumerate() {
            self.block(block, &section.blocks[i + 1..]);
        }
    }

    fn section_title(&mut self, title: &str) {
        let y = self.y;
        self.text(MARGIN, y, 17.0, Weight::Bold, INK, title);
        self.y += 25.0;
        let (x1, y) = (self.width() - MARGIN, self.y);
        self.line(&[(MARGIN, y), (x1, y)], 0.8, RULE, None);
        self.y += 12.0;
    }

    /// Draw `block`; `rest` is what follows it in its section (a heading stays with the start
    /// of what follows, a table or chart with the notes under it, a sketch leaves room for the
    /// rest of its page).
    fn block(&mut self, block: &Block, rest: &[Block]) {
        match block {
            Block::Heading(text) => {
                // Keep a heading with the start of what follows.
                self.ensure(self.heading_height(text) + self.lead_in_height(rest));
                self.y += 6.0;
                self.paragraph(text, 11.5, Weight::Bold, INK, 0.0);
                self.y += 3.0;
            }
            Block::Paragraph(text) => {
                // A paragraph introducing a table stays with the table's start.
                if let Some(Block::Table(table)) = rest.first() {
                    let h = self.paragraph_height(text, BODY_SIZE, Weight::Regular, 0.0);
                    self.ensure(h + 6.0 + self.table_start_height(table));
                }
                self.paragraph(text, BODY_SIZE, Weight::Regular, INK, 0.0);
                self.y += 6.0;
            }
            Block::Note(text) => {
                self.paragraph(text, NOTE_SIZE, Weight::Regular, GREY, 0.0);
                self.y += 6.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    self.ensure(14.0);
                    let y = self.y;
                    self.text(MARGIN + 4.0, y, BODY_SIZE, Weight::Regular, INK, "•");
                    self.paragraph(item, BODY_SIZE, Weight::Regular, INK, 16.0);
                    self.y += 2.0;
                }
                self.y += 4.0;
            }
            Block::Recommendations(items) => {
                for (i, (headline, detail)) in items.iter().enumerate() {
                    self.ensure(36.0);
                    let y = self.y;
                    self.circle(
                        MARGIN + 7.0,
                        y + 6.5,
                        7.0,
                        look::node_rgb(NodeKindTag::AzureRegion),
                    );
                    let digit = format!("{}", i + 1);
                    let dw = self.face(Weight::Bold).width(&digit, 8.5);
                    self.text(
                        MARGIN + 7.0 - dw / 2.0,
                        y + 2.2,
                        8.5,
                        Weight::Bold,
                        [255, 255, 255],
                        &digit,
                    );
                    self.paragraph(headline, BODY_SIZE, Weight::Bold, INK, 22.0);
                    self.paragraph(detail, 8.5, Weight::Regular, GREY, 22.0);
                    self.y += 6.0;
                }
            }
            Block::Bars(chart) => self.bars(chart, self.notes_height(rest)),
            Block::Lines(chart) => self.line_chart(chart, self.notes_height(rest)),
            Block::Table(table) => self.table(table, self.notes_height(rest)),
            Block::Diagram(diagram) => self.diagram(diagram),
            Block::Sketch(sketch) => {
                let below = self.measure(rest);
                self.sketch(sketch, below);
            }
        }
    }

    /// A heading's height, with the space around it.
    fn heading_height(&self, text: &str) -> f32 {
        self.paragraph_height(text, 11.5, Weight::Bold, 0.0) + 9.0
    }

    /// The height of `text` wrapped across the content width (less `indent`).
    fn paragraph_height(&self, text: &str, size: f32, weight: Weight, indent: f32) -> f32 {
        let lines = text::wrap(self.face(weight), text, size, self.content_width() - indent);
        lines.len() as f32 * size * 1.38
    }

    /// The height of the notes at the start of `rest`: what stays with the table or chart
    /// above them.
    fn notes_height(&self, rest: &[Block]) -> f32 {
        rest.iter()
            .map_while(|b| match b {
                Block::Note(text) => {
                    Some(self.paragraph_height(text, NOTE_SIZE, Weight::Regular, 0.0) + 6.0)
                }
                _ => None,
            })
            .sum()
    }

    /// What a heading keeps with it: the paragraphs and notes right after it (they introduce
    /// what follows), then the start of the first other block; at most half a page.
    fn lead_in_height(&self, rest: &[Block]) -> f32 {
        let mut h = 0.0;
        for block in rest {
            match block {
                Block::Paragraph(text) => {
                    h += self.paragraph_height(text, BODY_SIZE, Weight::Regular, 0.0) + 6.0;
                }
                Block::Note(text) => {
                    h += self.paragraph_height(text, NOTE_SIZE, Weight::Regular, 0.0) + 6.0;
                }
                other => {
                    h += self.start_height(other);
                    break;
                }
            }
        }
        h.min((self.height() - TOP - BOTTOM) / 2.0)
    }

    /// The height of the start of `block` that a heading above it must stay with: a short
    /// paragraph or note whole, else its first three lines; a table's header and first row; a
    /// chart's title and first bars; a list's first item.
    fn start_height(&self, block: &Block) -> f32 {
        let lines = |text: &str, size: f32, weight: Weight, indent: f32| {
            let all = self.paragraph_height(text, size, weight, indent);
            all.min(3.0 * size * 1.38)
        };
        match block {
            Block::Heading(text) => self.heading_height(text),
            Block::Paragraph(text) => lines(text, BODY_SIZE, Weight::Regular, 0.0),
            Block::Note(text) => self.paragraph_height(text, NOTE_SIZE, Weight::Regular, 0.0),
            Block::Bullets(items) => items
                .first()
                .map_or(0.0, |i| lines(i, BODY_SIZE, Weight::Regular, 16.0)),
            Block::Recommendations(_) => 36.0,
            Block::Bars(chart) => chart::bars_height(chart.bars.len().min(2)),
            Block::Lines(_) => chart::LINE_CHART_H,
            Block::Table(table) => self.table_start_height(table),
            // These place themselves.
            Block::Diagram(_) | Block::Sketch(_) => 0.0,
        }
    }

    /// The height `blocks` take when laid out from the top of a page long enough for all of
    /// them: laid out on a scratch page that is then dropped.
    fn measure(&mut self, blocks: &[Block]) -> f32 {
        let (current, y, orientation, pages) =
            (self.current, self.y, self.orientation, self.pages.len());
        let width = self.width();
        self.pages.push(Page {
            width,
            height: 1.0e6,
            ops: Vec::new(),
        });
        self.current = pages;
        self.y = 0.0;
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, &blocks[i + 1..]);
        }
        let h = self.y;
        self.pages.truncate(pages);
        (self.current, self.y, self.orientation) = (current, y, orientation);
        h
    }
}

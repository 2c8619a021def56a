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
        for block in &section.blocks {
            self.block(block);
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

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(text) => {
                // Keep a heading with at least a few lines of what follows.
                self.ensure(60.0);
                self.y += 6.0;
                self.paragraph(text, 11.5, Weight::Bold, INK, 0.0);
                self.y += 3.0;
            }
            Block::Paragraph(text) => {
                self.paragraph(text, BODY_SIZE, Weight::Regular, INK, 0.0);
                self.y += 6.0;
            }
            Block::Note(text) => {
                self.paragraph(text, 7.5, Weight::Regular, GREY, 0.0);
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
            Block::Bars(chart) => self.bars(chart),
            Block::Table(table) => self.table(table),
            Block::Diagram(diagram) => self.diagram(diagram),
        }
    }
}

//! Lays a `Report` out on pages and writes a PDF with printpdf: DejaVu Sans embedded as a
//! subset (so "Zürich", "Kraków", "€" and "→" render and extract as text), vectors for the
//! charts and the topology diagram, table headers repeated on every page a table spans, and a
//! running footer with page numbers. The output depends only on the report: the trailer ID is
//! derived from the content, so the same report gives the same bytes.

use super::{
    Align, BarChart, Block, Cell, Diagram, DiagramNode, Orientation, Report, RowKind, Table,
};
use crate::look::{self, Rgb};
use crate::model::{LinkKindTag, NodeKindTag};
use crate::rules::Severity;
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem,
    WindingOrder,
};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
// Fonts and text measurement

/// Font ids double as the subset tag in the PDF ("LWSANR+DejaVuSans"): six capital letters.
const REGULAR_ID: &str = "LWSANR";
const BOLD_ID: &str = "LWSANB";

/// Drawn in place of a character DejaVu Sans has no glyph for (CJK, emoji).
const MISSING: char = '□';
const MISSING_EM: f32 = 0.8;

struct Face {
    parsed: ParsedFont,
    id: FontId,
    units_per_em: f32,
    widths: RefCell<HashMap<char, Option<f32>>>,
}

impl Face {
    fn load(bytes: &[u8], id: &str, name: &'static str) -> Result<Face, RenderError> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(RenderError::Font(name))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        Ok(Face {
            parsed,
            id: FontId(id.to_string()),
            units_per_em,
            widths: RefCell::new(HashMap::new()),
        })
    }

    /// Advance of `c` in ems, or None when the font has no glyph for it.
    fn advance(&self, c: char) -> Option<f32> {
        *self.widths.borrow_mut().entry(c).or_insert_with(|| {
            self.parsed
                .lookup_glyph_index(c as u32)
                .filter(|&g| g != 0)
                .map(|g| f32::from(self.parsed.get_horizontal_advance(g)) / self.units_per_em)
        })
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let em: f32 = text
            .chars()
            .map(|c| self.advance(c).unwrap_or(MISSING_EM))
            .sum();
        em * size
    }

    /// `text` with every character the font cannot draw shown as "□", so a reader sees that
    /// something is missing instead of a silently shortened name.
    fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if text.chars().all(|c| self.advance(c).is_some()) {
            return std::borrow::Cow::Borrowed(text);
        }
        text.chars()
            .map(|c| {
                if self.advance(c).is_some() {
                    c
                } else {
                    MISSING
                }
            })
            .collect::<String>()
            .into()
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Result<Fonts, RenderError> {
        Ok(Fonts {
            regular: Face::load(dejavu::sans::regular(), REGULAR_ID, "Regular")?,
            bold: Face::load(dejavu::sans::bold(), BOLD_ID, "Bold")?,
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

/// Break `text` into lines no wider than `max` points: at spaces, and inside a word only when
/// the word alone is wider than a line. Linear in the length of `text`: each character is
/// measured once and widths are kept as running sums, never re-measured per candidate line.
fn wrap(face: &Face, text: &str, size: f32, max: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0_f32;
        for word in paragraph.split_whitespace() {
            let word_width = face.width(word, size);
            let joined = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if joined <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            line_width = 0.0;
            for c in word.chars() {
                let w = face.advance(c).unwrap_or(MISSING_EM) * size;
                if line_width + w > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` shortened with "…" to fit `max` points (linear in the length of `text`).
fn ellipsize(face: &Face, text: &str, size: f32, max: f32) -> String {
    if face.width(text, size) <= max {
        return text.to_string();
    }
    let room = max - face.width("…", size);
    let mut out = String::new();
    let mut width = 0.0_f32;
    for c in text.chars() {
        let w = face.advance(c).unwrap_or(MISSING_EM) * size;
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

// ---------------------------------------------------------------------------------------------
// Pages

const MARGIN: f32 = 48.0;
const TOP: f32 = 50.0;
/// Space kept free at the bottom for the footer.
const BOTTOM: f32 = 50.0;
const BODY_SIZE: f32 = 9.5;
const TABLE_SIZE: f32 = 7.5;
const INK: Rgb = [30, 30, 36];
const GREY: Rgb = [110, 110, 120];
const RULE: Rgb = [210, 212, 218];
const HEADER_FILL: Rgb = [228, 231, 237];
const GROUP_FILL: Rgb = [243, 245, 249];

fn color([r, g, b]: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

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

    /// Text with its top at `top` (points from the top of the page).
    fn text(&mut self, x: f32, top: f32, size: f32, weight: Weight, rgb: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        let face = self.face(weight);
        let id = face.id.clone();
        let text = face.printable(text).into_owned();
        let page = self.page();
        let baseline = page.height - top - size * 0.93;
        page.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(rgb) },
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(baseline),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text)],
            },
            Op::EndTextSection,
        ]);
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, rgb: Rgb) {
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
    fn line(&mut self, points: &[(f32, f32)], width: f32, rgb: Rgb, dash: Option<&[f32]>) {
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
    fn shape(&mut self, points: &[(f32, f32)], rgb: Rgb) {
        let page = self.page();
        let h = page.height;
        let flipped: Vec<(f32, f32)> = points.iter().map(|&(x, y)| (x, h - y)).collect();
        page.ops.push(Op::SetFillColor { col: color(rgb) });
        page.ops.push(Op::DrawPolygon {
            polygon: polygon(&flipped, PaintMode::Fill),
        });
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, rgb: Rgb) {
        let points: Vec<(f32, f32)> = (0..24)
            .map(|i| {
                let a = i as f32 / 24.0 * std::f32::consts::TAU;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        self.shape(&points, rgb);
    }

    /// Wrapped text at the cursor across the content width; moves the cursor down.
    fn paragraph(&mut self, text: &str, size: f32, weight: Weight, rgb: Rgb, indent: f32) {
        let leading = size * 1.38;
        let max = self.content_width() - indent;
        for line in wrap(self.face(weight), text, size, max) {
            self.ensure(leading);
            let y = self.y;
            self.text(MARGIN + indent, y, size, weight, rgb, &line);
            self.y += leading;
        }
    }

    // -----------------------------------------------------------------------------------------
    // Cover

    fn cover(&mut self) {
        let report = self.report;
        let cover = &report.cover;
        self.new_page(Orientation::Portrait);
        let width = self.content_width();
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
        self.paragraph(&cover.design_name, 24.0, Weight::Bold, INK, 0.0);
        self.y += 18.0;

        // Headline figures: a grid of boxes, three to a row.
        let gap = 10.0;
        let box_w = (width - 2.0 * gap) / 3.0;
        let box_h = 66.0;
        for (i, figure) in cover.headline.iter().enumerate() {
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
        let rows = cover.headline.len().div_ceil(3);
        self.y += rows as f32 * (box_h + gap) + 20.0;

        // Facts: label and value in two columns.
        let label_w = 200.0;
        for (label, value) in &cover.facts {
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
        self.y += 14.0;
        let contents: Vec<String> = report
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 2, s.title))
            .collect();
        self.paragraph("Contents", 10.0, Weight::Bold, INK, 0.0);
        for line in contents {
            self.paragraph(&line, 9.0, Weight::Regular, INK, 10.0);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Sections and blocks

    fn section(&mut self, number: usize, section: &super::Section) {
        self.new_page(section.orientation);
        self.section_title(&format!("{number}. {}", section.title));
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

    fn bars(&mut self, chart: &BarChart) {
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

    fn table(&mut self, table: &Table) {
        let pad = 3.0;
        let leading = TABLE_SIZE * 1.3;
        let width = self.content_width();
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.01);
        let mut widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.weight / total * width)
            .collect();
        // Figures are never broken across lines: a right-aligned column is at least as wide as
        // its widest entry, and the text columns give up the room.
        let bold = self.face(Weight::Bold);
        let needed: Vec<f32> = (0..table.columns.len())
            .map(|i| {
                if table.columns[i].align == Align::Left {
                    return 0.0;
                }
                table
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i))
                    .map(|c| bold.width(&c.text, TABLE_SIZE) + 2.0 * pad + 1.0)
                    .fold(0.0, f32::max)
            })
            .collect();
        let extra: f32 = widths
            .iter()
            .zip(&needed)
            .map(|(w, n)| (n - w).max(0.0))
            .sum();
        if extra > 0.0 {
            let flexible: f32 = widths
                .iter()
                .zip(&table.columns)
                .filter(|(_, c)| c.align == Align::Left)
                .map(|(w, _)| w)
                .sum();
            for (i, w) in widths.iter_mut().enumerate() {
                if table.columns[i].align == Align::Left {
                    *w -= extra * *w / flexible.max(1.0);
                } else {
                    *w = w.max(needed[i]);
                }
            }
        }
        let badge_w = 9.0;
        // Lines of every cell, and the height of every row.
        let layout_row = |w: &Self, cells: &[Cell], kind: RowKind| -> (Vec<Vec<String>>, f32) {
            let weight = if kind == RowKind::Body {
                Weight::Regular
            } else {
                Weight::Bold
            };
            let face = w.face(weight);
            let lines: Vec<Vec<String>> = if kind == RowKind::Group {
                vec![wrap(
                    face,
                    cells.first().map_or("", |c| c.text.as_str()),
                    TABLE_SIZE,
                    width - 2.0 * pad,
                )]
            } else {
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        // A subtotal's label runs on over the empty cells after it.
                        let mut cw = widths[i];
                        if matches!(kind, RowKind::Subtotal | RowKind::Total) {
                            cw += cells[i + 1..]
                                .iter()
                                .zip(&widths[i + 1..])
                                .take_while(|(c, _)| c.text.is_empty())
                                .map(|(_, w)| w)
                                .sum::<f32>();
                        }
                        let room = cw - 2.0 * pad - if c.badge.is_some() { badge_w } else { 0.0 };
                        wrap(face, &c.text, TABLE_SIZE, room.max(4.0))
                    })
                    .collect()
            };
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (lines, n as f32 * leading + 2.0 * pad)
        };
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::text(c.title.clone()))
            .collect();
        let (header_lines, header_h) = layout_row(self, &header_cells, RowKind::Subtotal);
        let draw_header = |w: &mut Self| {
            let top = w.y;
            w.rect(MARGIN, top, width, header_h, HEADER_FILL);
            w.draw_cells(
                &header_lines,
                &header_cells,
                &widths,
                table,
                RowStyle {
                    top,
                    pad,
                    leading,
                    weight: Weight::Bold,
                },
            );
            w.y += header_h;
        };
        let first_row_h = table
            .rows
            .first()
            .map_or(0.0, |r| layout_row(self, &r.cells, r.kind).1);
        self.ensure(header_h + first_row_h);
        draw_header(self);
        for row in &table.rows {
            let (lines, h) = layout_row(self, &row.cells, row.kind);
            // A group heading stays with its first row.
            let keep = if row.kind == RowKind::Group {
                3.0 * leading + 2.0 * pad
            } else {
                0.0
            };
            if self.room() < h + keep {
                self.new_page(self.orientation);
                draw_header(self);
            }
            let top = self.y;
            match row.kind {
                RowKind::Group => {
                    self.rect(MARGIN, top, width, h, GROUP_FILL);
                    let text = lines.first().map(|l| l.join(" ")).unwrap_or_default();
                    self.text(
                        MARGIN + pad,
                        top + pad,
                        TABLE_SIZE,
                        Weight::Bold,
                        INK,
                        &text,
                    );
                }
                RowKind::Body | RowKind::Subtotal | RowKind::Total => {
                    if row.kind == RowKind::Total {
                        self.line(&[(MARGIN, top), (MARGIN + width, top)], 1.0, INK, None);
                    }
                    let weight = if row.kind == RowKind::Body {
                        Weight::Regular
                    } else {
                        Weight::Bold
                    };
                    let style = RowStyle {
                        top,
                        pad,
                        leading,
                        weight,
                    };
                    self.draw_cells(&lines, &row.cells, &widths, table, style);
                }
            }
            self.y += h;
            let y = self.y;
            self.line(&[(MARGIN, y), (MARGIN + width, y)], 0.4, RULE, None);
        }
        self.y += 10.0;
    }

    fn draw_cells(
        &mut self,
        lines: &[Vec<String>],
        cells: &[Cell],
        widths: &[f32],
        table: &Table,
        RowStyle {
            top,
            pad,
            leading,
            weight,
        }: RowStyle,
    ) {
        let mut x = MARGIN;
        for (i, cell_lines) in lines.iter().enumerate() {
            let cw = widths[i];
            let cell = &cells[i];
            let mut text_x = x + pad;
            if let Some(rgb) = cell.badge {
                self.rect(text_x, top + pad + 1.5, 6.0, 6.0, rgb);
                text_x += 9.0;
            }
            for (j, line) in cell_lines.iter().enumerate() {
                let line_top = top + pad + j as f32 * leading;
                let lx = match table.columns[i].align {
                    Align::Left => text_x,
                    Align::Right => x + cw - pad - self.face(weight).width(line, TABLE_SIZE),
                };
                self.text(lx, line_top, TABLE_SIZE, weight, INK, line);
            }
            x += cw;
        }
    }

    // -----------------------------------------------------------------------------------------
    // The topology diagram

    fn diagram(&mut self, diagram: &Diagram) {
        if diagram.nodes.is_empty() {
            self.paragraph(
                "Nothing to draw: the design has no nodes.",
                BODY_SIZE,
                Weight::Regular,
                GREY,
                0.0,
            );
            self.y += 6.0;
            return;
        }
        let legend_h = 34.0;
        let area = |w: &Self| Area {
            x: MARGIN,
            y: w.y,
            w: w.content_width(),
            h: w.height() - BOTTOM - w.y - legend_h,
        };
        let first = area(self);
        let plan = plan_tiles(diagram, first.w, first.h);
        if plan.cols * plan.rows > MAX_TILES {
            // Too large to tile whole at a readable scale.
            let tile_h = self.height() - BOTTOM - TOP - TILE_HEADING - legend_h;
            self.large_diagram(diagram, &first, legend_h, plan.scale, (first.w, tile_h));
        } else if plan.cols * plan.rows == 1 {
            self.draw_diagram(diagram, &first, plan.scale, plan.origin, true);
            self.y = first.y + first.h + 6.0;
            self.legend();
        } else {
            // An overview of the whole design, then the tiles at a readable scale.
            let overview = fit(diagram, first.w, first.h);
            self.draw_diagram(diagram, &first, overview.scale, overview.origin, false);
            for r in 0..plan.rows {
                for c in 0..plan.cols {
                    let (tx, ty) = (
                        first.x
                            + (plan.origin.0 - overview.origin.0) as f32 * overview.scale
                            + c as f32 * first.w * overview.scale / plan.scale,
                        first.y
                            + (plan.origin.1 - overview.origin.1) as f32 * overview.scale
                            + r as f32 * first.h * overview.scale / plan.scale,
                    );
                    let (tw, th) = (
                        first.w * overview.scale / plan.scale,
                        first.h * overview.scale / plan.scale,
                    );
                    self.line(
                        &[
                            (tx, ty),
                            (tx + tw, ty),
                            (tx + tw, ty + th),
                            (tx, ty + th),
                            (tx, ty),
                        ],
                        0.6,
                        GREY,
                        Some(&[3.0, 2.0]),
                    );
                    self.text(
                        tx + 3.0,
                        ty + 3.0,
                        8.0,
                        Weight::Bold,
                        GREY,
                        &tile_name(r, c),
                    );
                }
            }
            self.y = first.y + first.h + 6.0;
            self.paragraph(
                &format!("Overview: the design is drawn on {} detail pages (tiles {} to {}) at a scale where every label is readable.", plan.cols * plan.rows, tile_name(0, 0), tile_name(plan.rows - 1, plan.cols - 1)),
                8.0,
                Weight::Regular,
                GREY,
                0.0,
            );
            for r in 0..plan.rows {
                for c in 0..plan.cols {
                    self.new_page(Orientation::Landscape);
                    let y = self.y;
                    self.text(
                        MARGIN,
                        y,
                        11.0,
                        Weight::Bold,
                        INK,
                        &format!("Topology, tile {}", tile_name(r, c)),
                    );
                    self.y += TILE_HEADING;
                    let a = area(self);
                    let origin = (
                        plan.origin.0 + f64::from(c as f32 * a.w / plan.scale),
                        plan.origin.1 + f64::from(r as f32 * a.h / plan.scale),
                    );
                    self.draw_diagram(diagram, &a, plan.scale, origin, true);
                    self.y = a.y + a.h + 6.0;
                    self.legend();
                }
            }
        }
        // What follows the diagram starts on a fresh page.
        self.new_page(self.orientation);
    }

    /// A design too large to tile whole: an overview page (the whole design, with a key and
    /// the list of detail tiles beside it), then the [`DETAIL_TILES`] tiles at a readable
    /// `scale` with the most errors, then warnings, then elements. `first` is the room under
    /// the section title; tiles are `tile` (width, height) points.
    fn large_diagram(
        &mut self,
        d: &Diagram,
        first: &Area,
        legend_h: f32,
        scale: f32,
        tile: (f32, f32),
    ) {
        let (x0, y0, _, _) = bounds(d);
        let origin = (
            x0 - f64::from(DIAGRAM_PAD_X / scale),
            y0 - f64::from(DIAGRAM_PAD_Y / scale),
        );
        let (cols, rows) = grid(d, scale, tile.0, tile.1);
        let tile_of = |x: f64, y: f64| {
            let c = ((x - origin.0) as f32 * scale / tile.0).floor().max(0.0) as usize;
            let r = ((y - origin.1) as f32 * scale / tile.1).floor().max(0.0) as usize;
            (r.min(rows - 1), c.min(cols - 1))
        };
        let mut stats: FxHashMap<(usize, usize), TileStats> = FxHashMap::default();
        for n in &d.nodes {
            stats
                .entry(tile_of(n.x, n.y))
                .or_default()
                .add(n.severity, true);
        }
        for l in &d.links {
            let (a, b) = (&d.nodes[l.a], &d.nodes[l.b]);
            let at = tile_of((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            stats.entry(at).or_default().add(l.severity, false);
        }
        let chosen = choose_tiles(stats, cols);
        let flagged = chosen.iter().any(|(_, t)| t.errors + t.warnings > 0);
        // What each chosen tile shows, by the names of its hubs: regions, then facilities and
        // fabric routers, two at most (in design order).
        let mut hubs: BTreeMap<(usize, usize), Vec<(u8, &str)>> =
            chosen.iter().map(|(at, _)| (*at, Vec::new())).collect();
        for n in &d.nodes {
            let rank = match n.kind {
                NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 0,
                NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter => 1,
                NodeKindTag::OnPremSite => continue,
            };
            if let Some(names) = hubs.get_mut(&tile_of(n.x, n.y)) {
                names.push((rank, &n.name));
                names.sort_by_key(|(r, _)| *r);
                names.truncate(2);
            }
        }

        // The overview: the map on the left, its key and the tiles' list beside it.
        let room = Area {
            x: first.x,
            y: first.y,
            w: first.w - PANEL_W - 24.0,
            h: first.h + legend_h,
        };
        let fitted = fit_padded(d, room.w, room.h, OVERVIEW_PAD, OVERVIEW_PAD);
        let (bx0, by0, bx1, by1) = bounds(d);
        // The map is as wide as the drawing needs; map and key are centred together.
        let map_w = (((bx1 - bx0) as f32) * fitted.scale + 2.0 * OVERVIEW_PAD).min(room.w);
        let map_h = (((by1 - by0) as f32) * fitted.scale + 2.0 * OVERVIEW_PAD).min(room.h);
        let left = first.x + (first.w - map_w - 24.0 - PANEL_W).max(0.0) / 2.0;
        let map = Area {
            x: left,
            y: room.y,
            w: map_w,
            h: map_h,
        };
        let map_origin = (
            (bx0 + bx1) / 2.0 - f64::from(map.w / 2.0 / fitted.scale),
            (by0 + by1) / 2.0 - f64::from(map.h / 2.0 / fitted.scale),
        );
        let dense = (typical_spacing(d) as f32) * fitted.scale < SHAPES_SPACING;
        self.rect(map.x, map.y, map.w, map.h, [250, 251, 253]);
        if dense {
            self.draw_density(d, &map, fitted.scale, map_origin);
        } else {
            self.draw_diagram(d, &map, fitted.scale, map_origin, false);
        }
        let to_map = |x: f64, y: f64| {
            (
                map.x + ((x - map_origin.0) as f32) * fitted.scale,
                map.y + ((y - map_origin.1) as f32) * fitted.scale,
            )
        };
        let accent = look::node_rgb(NodeKindTag::AzureRegion);
        for ((r, c), _) in &chosen {
            let (tx, ty) = to_map(
                origin.0 + f64::from(*c as f32 * tile.0 / scale),
                origin.1 + f64::from(*r as f32 * tile.1 / scale),
            );
            let (tw, th) = (tile.0 / scale * fitted.scale, tile.1 / scale * fitted.scale);
            self.line(
                &[
                    (tx, ty),
                    (tx + tw, ty),
                    (tx + tw, ty + th),
                    (tx, ty + th),
                    (tx, ty),
                ],
                0.8,
                accent,
                None,
            );
            if tw >= 14.0 && th >= 8.0 {
                self.text(
                    tx + 1.5,
                    ty + 1.5,
                    5.5,
                    Weight::Bold,
                    accent,
                    &tile_name(*r, *c),
                );
            }
        }
        let overview_page = self.current + 1;
        let detail = Detail {
            chosen,
            hubs,
            flagged,
            cols,
            rows,
        };
        self.overview_key(d, &detail, dense, (map.x + map.w + 24.0, map.y));
        let Detail { chosen, .. } = detail;

        for ((r, c), tally) in &chosen {
            self.new_page(Orientation::Landscape);
            let y = self.y;
            let heading = format!("Topology, tile {}", tile_name(*r, *c));
            self.text(MARGIN, y, 11.0, Weight::Bold, INK, &heading);
            let hw = self.face(Weight::Bold).width(&heading, 11.0);
            let mut caption = format!("{} nodes, {} links", tally.nodes, tally.links);
            for (n, what) in [
                (tally.errors, "with errors"),
                (tally.warnings, "with warnings"),
            ] {
                if n > 0 {
                    caption.push_str(&format!(", {n} {what}"));
                }
            }
            caption.push_str(&format!(
                " · tile {} of {} × {}, outlined on the overview (page {overview_page})",
                tile_name(*r, *c),
                number(rows),
                number(cols)
            ));
            self.text(
                MARGIN + hw + 12.0,
                y + 3.0,
                8.0,
                Weight::Regular,
                GREY,
                &caption,
            );
            self.y += TILE_HEADING;
            let a = Area {
                x: MARGIN,
                y: self.y,
                w: tile.0,
                h: tile.1,
            };
            let at = (
                origin.0 + f64::from(*c as f32 * tile.0 / scale),
                origin.1 + f64::from(*r as f32 * tile.1 / scale),
            );
            self.draw_diagram(d, &a, scale, at, tally.nodes <= TILE_LABELS_MAX);
            self.y = a.y + a.h + 6.0;
            self.legend();
        }
    }

    /// The key beside a large design's overview: what the marks are, how many of each kind,
    /// and which tiles follow.
    fn overview_key(
        &mut self,
        d: &Diagram,
        detail: &Detail<'_>,
        dense: bool,
        (x, top): (f32, f32),
    ) {
        let Detail {
            chosen,
            hubs,
            flagged,
            cols,
            rows,
        } = detail;
        let (cols, rows, flagged) = (*cols, *rows, *flagged);
        let w = PANEL_W;
        self.y = top;
        self.text(x, self.y, 11.0, Weight::Bold, INK, "Overview");
        self.y += 17.0;
        let intro = if dense {
            format!(
                "The whole design: {} nodes and {} links, too many to label on one page. Each mark stands for the elements at that spot, the most important kind on top; red and amber dots mark open errors and warnings.",
                number(d.nodes.len()),
                number(d.links.len())
            )
        } else {
            format!(
                "The whole design: {} nodes and {} links, drawn without labels; badges mark open errors and warnings.",
                number(d.nodes.len()),
                number(d.links.len())
            )
        };
        self.text_block(x, w, &intro, 7.5, Weight::Regular, GREY);
        self.y += 6.0;
        let size = 7.5;
        let row = |me: &mut Self, label: &str, n: usize| {
            let top = me.y;
            me.text(x + 16.0, top, size, Weight::Regular, INK, label);
            let text = number(n);
            let tw = me.face(Weight::Regular).width(&text, size);
            me.text(x + w - tw, top, size, Weight::Regular, INK, &text);
            me.y += 11.0;
        };
        let mut errors = 0;
        let mut warnings = 0;
        for n in &d.nodes {
            match n.severity {
                Some(Severity::Error) => errors += 1,
                Some(Severity::Warning) => warnings += 1,
                _ => {}
            }
        }
        for kind in NodeKindTag::ALL {
            let n = d.nodes.iter().filter(|n| n.kind == kind).count();
            if n == 0 {
                continue;
            }
            let top = self.y;
            self.node_shape(kind, (x + 5.0, top + 3.5), 3.5);
            row(self, &super::capitalise(kind.label()), n);
        }
        for kind in LinkKindTag::ALL {
            let n = d.links.iter().filter(|l| l.kind == kind).count();
            if n == 0 {
                continue;
            }
            let top = self.y;
            let dash: Option<&[f32]> = look::link_is_dashed(kind).then_some(&[4.0, 2.5]);
            let width = if look::link_is_thin(kind) { 0.8 } else { 1.4 };
            self.line(
                &[(x, top + 3.5), (x + 11.0, top + 3.5)],
                width,
                look::link_rgb(kind),
                dash,
            );
            row(self, &super::capitalise(kind.label()), n);
        }
        for (severity, label, n) in [
            (Severity::Error, "Nodes with errors", errors),
            (Severity::Warning, "Nodes with warnings", warnings),
        ] {
            let top = self.y;
            self.circle(x + 5.0, top + 3.5, 2.5, look::severity_rgb(severity));
            row(self, label, n);
        }
        self.y += 10.0;
        self.text(x, self.y, 9.5, Weight::Bold, INK, "Detail tiles");
        self.y += 14.0;
        let which = if flagged {
            format!(
                "The {} tiles with the most elements with errors, then warnings, follow",
                chosen.len()
            )
        } else {
            format!(
                "No element has an open error or warning, so the {} tiles of the design's top left corner follow as a sample",
                chosen.len()
            )
        };
        let explain = format!(
            "At a readable scale the design spans {} × {} = {} pages. {which}, outlined in blue on the map; linkwright open shows the whole design.",
            number(rows),
            number(cols),
            number(rows * cols),
        );
        self.text_block(x, w, &explain, 7.5, Weight::Regular, GREY);
        self.y += 4.0;
        for ((r, c), t) in chosen {
            let top = self.y;
            self.text(x, top, size, Weight::Bold, INK, &tile_name(*r, *c));
            let mut what = format!("{} nodes, {} links", t.nodes, t.links);
            if t.errors > 0 {
                what.push_str(&format!(", {} with errors", t.errors));
            }
            if t.warnings > 0 {
                what.push_str(&format!(", {} with warnings", t.warnings));
            }
            if let Some(names) = hubs.get(&(*r, *c)).filter(|n| !n.is_empty()) {
                let names: Vec<&str> = names.iter().map(|(_, n)| *n).collect();
                what.push_str(&format!(": {}", names.join(", ")));
            }
            let what = ellipsize(self.face(Weight::Regular), &what, size, w - 34.0);
            self.text(x + 34.0, top, size, Weight::Regular, INK, &what);
            self.y += 11.0;
        }
    }

    /// Wrapped text at `x`, `w` points wide, from the cursor down; moves the cursor.
    fn text_block(&mut self, x: f32, w: f32, text: &str, size: f32, weight: Weight, rgb: Rgb) {
        let leading = size * 1.35;
        for line in wrap(self.face(weight), text, size, w) {
            let y = self.y;
            self.text(x, y, size, weight, rgb, &line);
            self.y += leading;
        }
    }

    /// The whole of a dense diagram, cheaply: the area is cut into cells of [`DENSITY_CELL`]
    /// points and each cell holding elements gets one mark per kind (links: one hairline per
    /// pair of cells they join), drawn as one path per kind. The ops grow with the page's
    /// area, not with the design.
    fn draw_density(&mut self, d: &Diagram, area: &Area, scale: f32, origin: (f64, f64)) {
        let cell_of = |x: f64, y: f64| -> Option<(i32, i32)> {
            let px = ((x - origin.0) as f32) * scale;
            let py = ((y - origin.1) as f32) * scale;
            (px >= 0.0 && py >= 0.0 && px <= area.w && py <= area.h)
                .then(|| ((px / DENSITY_CELL) as i32, (py / DENSITY_CELL) as i32))
        };
        let centre = |(i, j): (i32, i32)| {
            (
                area.x + (i as f32 + 0.5) * DENSITY_CELL,
                area.y + (j as f32 + 0.5) * DENSITY_CELL,
            )
        };
        let node_cells: Vec<Option<(i32, i32)>> =
            d.nodes.iter().map(|n| cell_of(n.x, n.y)).collect();
        let mut segments: BTreeSet<(LinkKindTag, GridCell, GridCell)> = BTreeSet::new();
        for l in &d.links {
            let (Some(a), Some(b)) = (node_cells[l.a], node_cells[l.b]) else {
                continue;
            };
            if a != b {
                segments.insert((l.kind, a.min(b), a.max(b)));
            }
        }
        let mut kinds: BTreeSet<(u8, (i32, i32))> = BTreeSet::new();
        let mut flags: BTreeMap<(i32, i32), Severity> = BTreeMap::new();
        for (n, at) in d.nodes.iter().zip(&node_cells) {
            let Some(at) = *at else { continue };
            kinds.insert((draw_rank(n.kind), at));
            if let Some(s) = n.severity {
                let e = flags.entry(at).or_insert(s);
                *e = (*e).max(s);
            }
        }
        self.begin_clip(area);
        for kind in LinkKindTag::ALL {
            let rings: Vec<Vec<(f32, f32)>> = segments
                .iter()
                .filter(|(k, _, _)| *k == kind)
                .map(|(_, a, b)| vec![centre(*a), centre(*b)])
                .collect();
            self.paths(rings, lighten(look::link_rgb(kind), 0.45), Some(0.3));
        }
        for (rank, kind) in DRAW_ORDER.iter().enumerate() {
            let r = match kind {
                // At most half a cell, so that neighbouring marks stay apart.
                NodeKindTag::OnPremSite => 0.7,
                NodeKindTag::FabricRouter => 1.0,
                NodeKindTag::ColocationFacility => 1.0,
                NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 1.2,
            };
            let rings: Vec<Vec<(f32, f32)>> = kinds
                .iter()
                .filter(|(k, _)| usize::from(*k) == rank)
                .map(|(_, at)| mark(*kind, centre(*at), r))
                .collect();
            self.paths(rings, look::node_rgb(*kind), None);
        }
        for severity in [Severity::Warning, Severity::Error] {
            let rings: Vec<Vec<(f32, f32)>> = flags
                .iter()
                .filter(|(_, s)| **s == severity)
                .map(|(at, _)| {
                    let (x, y) = centre(*at);
                    octagon(x + 1.2, y - 1.2, 1.1)
                })
                .collect();
            self.paths(rings, look::severity_rgb(severity), None);
        }
        self.page().ops.push(Op::RestoreGraphicsState);
    }

    /// Clip what follows to `area` until the graphics state is restored.
    fn begin_clip(&mut self, area: &Area) {
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
    fn paths(&mut self, rings: Vec<Vec<(f32, f32)>>, rgb: Rgb, stroke: Option<f32>) {
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

    /// Draw the diagram into `area`: canvas point `origin` at the area's top-left corner,
    /// `scale` points per canvas unit, clipped to the area.
    fn draw_diagram(
        &mut self,
        d: &Diagram,
        area: &Area,
        scale: f32,
        origin: (f64, f64),
        labels: bool,
    ) {
        let to_page = |n: &DiagramNode| {
            (
                area.x + ((n.x - origin.0) as f32) * scale,
                area.y + ((n.y - origin.1) as f32) * scale,
            )
        };
        let inside = |(x, y): (f32, f32), m: f32| {
            x >= area.x - m
                && x <= area.x + area.w + m
                && y >= area.y - m
                && y <= area.y + area.h + m
        };
        {
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
        let r = if labels { 7.0 } else { 4.0 };
        let mut label_ops = Vec::new();
        for l in &d.links {
            let (a, b) = (to_page(&d.nodes[l.a]), to_page(&d.nodes[l.b]));
            if !inside(a, 0.0) && !inside(b, 0.0) && !crosses(a, b, area) {
                continue;
            }
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(0.001);
            let step = if labels { 4.0 } else { 2.0 };
            let (nx, ny) = (-dy / len * l.offset * step, dx / len * l.offset * step);
            let (a, b) = ((a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny));
            let width = if look::link_is_thin(l.kind) { 0.8 } else { 1.4 };
            let dash: Option<&[f32]> = look::link_is_dashed(l.kind).then_some(&[4.0, 2.5]);
            self.line(
                &[a, b],
                if labels { width } else { width * 0.6 },
                look::link_rgb(l.kind),
                dash,
            );
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            if let Some(rgb) = l.badge {
                self.circle(mid.0, mid.1, 2.5, rgb);
            }
            if labels && let Some(text) = &l.label {
                label_ops.push(((a, b), text.clone()));
            }
        }
        let mut placer = look::LabelPlacer::default();
        for ((a, b), text) in label_ops {
            let size = 6.0;
            let w = self.face(Weight::Regular).width(&text, size);
            let [cx, bottom] = placer.place([a.0, a.1], [b.0, b.1], [w + 2.0, size + 1.5], 2.0);
            let (x, top) = (cx - w / 2.0, bottom - size - 1.0);
            self.rect(x - 1.0, top - 0.5, w + 2.0, size + 1.5, [255, 255, 255]);
            self.text(x, top, size, Weight::Regular, GREY, &text);
        }
        for n in &d.nodes {
            let p = to_page(n);
            if !inside(p, 40.0) {
                continue;
            }
            self.node_shape(n.kind, p, r);
            if let Some(rgb) = n.badge {
                self.circle(p.0 + r, p.1 - r, if labels { 2.8 } else { 1.8 }, rgb);
            }
            if labels {
                let size = 6.5;
                let face = self.face(Weight::Regular);
                let name = ellipsize(face, &n.name, size, 110.0);
                let w = face.width(&name, size);
                let (x, top) = (p.0 - w / 2.0, p.1 + r + 2.0);
                self.rect(x - 1.0, top - 0.5, w + 2.0, size + 1.5, [255, 255, 255]);
                self.text(x, top, size, Weight::Regular, INK, &name);
            }
        }
        self.page().ops.push(Op::RestoreGraphicsState);
    }

    fn node_shape(&mut self, kind: NodeKindTag, (x, y): (f32, f32), r: f32) {
        let rgb = look::node_rgb(kind);
        match kind {
            NodeKindTag::OnPremSite => {
                self.rect(x - 1.1 * r, y - 0.8 * r, 2.2 * r, 1.6 * r, rgb);
            }
            NodeKindTag::ColocationFacility => {
                self.rect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r, rgb);
            }
            NodeKindTag::FabricRouter => {
                self.shape(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], rgb);
            }
            NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => self.circle(x, y, r, rgb),
        }
    }

    fn legend(&mut self) {
        let size = 7.0;
        let top = self.y;
        let mut x = MARGIN;
        for kind in NodeKindTag::ALL {
            self.node_shape(kind, (x + 5.0, top + 5.0), 5.0);
            let label = super::capitalise(kind.label());
            self.text(x + 13.0, top + 1.5, size, Weight::Regular, INK, &label);
            x += 22.0 + self.face(Weight::Regular).width(&label, size);
        }
        let top = top + 15.0;
        let mut x = MARGIN;
        for kind in LinkKindTag::ALL {
            let dash: Option<&[f32]> = look::link_is_dashed(kind).then_some(&[4.0, 2.5]);
            let width = if look::link_is_thin(kind) { 0.8 } else { 1.4 };
            self.line(
                &[(x, top + 5.0), (x + 18.0, top + 5.0)],
                width,
                look::link_rgb(kind),
                dash,
            );
            let label = super::capitalise(kind.label());
            self.text(x + 22.0, top + 1.5, size, Weight::Regular, INK, &label);
            x += 32.0 + self.face(Weight::Regular).width(&label, size);
        }
        for (severity, label) in [
            (crate::rules::Severity::Error, "has errors"),
            (crate::rules::Severity::Warning, "has warnings"),
        ] {
            self.circle(x + 3.0, top + 5.0, 2.8, look::severity_rgb(severity));
            self.text(x + 9.0, top + 1.5, size, Weight::Regular, INK, label);
            x += 18.0 + self.face(Weight::Regular).width(label, size);
        }
        self.y = top + 16.0;
    }

    // -----------------------------------------------------------------------------------------
    // Footer and file

    fn finish(mut self) -> Result<Rendered, RenderError> {
        // A page left empty by a section break at the very end is dropped.
        if self.pages.len() > 1 && self.pages.last().is_some_and(|p| p.ops.is_empty()) {
            self.pages.pop();
        }
        let total = self.pages.len();
        let footer = self.report.footer.clone();
        for i in 0..total {
            let (width, height) = (self.pages[i].width, self.pages[i].height);
            let numbers = format!("Page {} of {total}", i + 1);
            let nw = self.fonts.regular.width(&numbers, 7.5);
            self.current = i;
            let y = height - 30.0;
            self.line(&[(MARGIN, y), (width - MARGIN, y)], 0.4, RULE, None);
            let room = width - 2.0 * MARGIN - nw - 20.0;
            let text = ellipsize(&self.fonts.regular, &footer, 7.5, room);
            self.text(MARGIN, y + 5.0, 7.5, Weight::Regular, GREY, &text);
            self.text(
                width - MARGIN - nw,
                y + 5.0,
                7.5,
                Weight::Regular,
                GREY,
                &numbers,
            );
        }

        let mut doc = PdfDocument::new(&self.report.title);
        for face in [&self.fonts.regular, &self.fonts.bold] {
            doc.resources.fonts.map.insert(
                face.id.clone(),
                printpdf::font::PdfFont::new(face.parsed.clone()),
            );
        }
        let info = &mut doc.metadata.info;
        info.document_title = self.report.title.clone();
        info.author = self
            .report
            .cover
            .facts
            .first()
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        info.creator = format!("linkwright {}", env!("CARGO_PKG_VERSION"));
        info.producer = info.creator.clone();
        info.subject = "Hybrid-cloud interconnect design report".into();
        if let Some(date) = pdf_date(&self.report.date) {
            info.creation_date = date;
            info.modification_date = date;
            info.metadata_date = date;
        }
        let pages: Vec<PdfPage> = self
            .pages
            .into_iter()
            .map(|p| PdfPage::new(Mm::from(Pt(p.width)), Mm::from(Pt(p.height)), p.ops))
            .collect();
        doc.with_pages(pages);
        let options = PdfSaveOptions {
            subset_fonts: true,
            optimize: true,
            ..PdfSaveOptions::default()
        };
        let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
        // printpdf draws the trailer ID at random; a digest of the content keeps the output
        // reproducible (same report, same bytes).
        lo.trailer.remove(b"ID");
        lo.compress();
        let mut body = Vec::new();
        lo.save_to(&mut body)
            .map_err(|e| RenderError::Write(e.to_string()))?;
        let id = format!("{:016x}", fnv1a(&body));
        lo.trailer.set(
            "ID",
            lopdf::Object::Array(vec![
                lopdf::Object::string_literal(id.clone()),
                lopdf::Object::string_literal(id),
            ]),
        );
        let mut bytes = Vec::new();
        lo.save_to(&mut bytes)
            .map_err(|e| RenderError::Write(e.to_string()))?;
        Ok(Rendered {
            bytes,
            pages: total,
        })
    }
}

struct Area {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

/// How the diagram is laid on pages: canvas `origin` at the top-left of tile (0, 0), `scale`
/// points per canvas unit.
struct Plan {
    scale: f32,
    origin: (f64, f64),
    cols: usize,
    rows: usize,
}

/// Room around the nodes for their symbols and labels, in points.
const DIAGRAM_PAD_X: f32 = 60.0;
const DIAGRAM_PAD_Y: f32 = 24.0;
/// Neighbouring nodes are drawn at least this far apart (points) so labels stay readable.
const READABLE_SPACING: f32 = 55.0;
/// Never enlarge a small design beyond this (points per canvas unit).
const MAX_SCALE: f32 = 1.4;
/// A design is tiled whole when at most this many pages at a readable scale hold it.
const MAX_TILES: usize = 16;
/// To tile a design whole, the scale may give way to this share of the readable one; a design
/// that needs more (or smaller) tiles is large: an overview and [`DETAIL_TILES`] tiles.
const SMALLEST_TILE_SCALE: f32 = 0.6;
/// The detail tiles of a large design (the parts with the most errors, warnings, elements).
const DETAIL_TILES: usize = 12;
/// Height of a tile page's heading line.
const TILE_HEADING: f32 = 18.0;
/// Room around a large design's overview map, in points (no labels to make room for).
const OVERVIEW_PAD: f32 = 10.0;
/// Width of the key beside a large design's overview.
const PANEL_W: f32 = 270.0;
/// Below this distance between neighbours on the overview (points) the overview draws
/// density marks instead of one shape per element.
const SHAPES_SPACING: f32 = 6.0;
/// Side of the grid cells a dense overview is drawn on (points): one mark per kind per cell.
const DENSITY_CELL: f32 = 2.5;
/// A tile with more nodes than this is drawn without labels (they would cover each other).
const TILE_LABELS_MAX: usize = 400;

fn bounds(d: &Diagram) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for n in &d.nodes {
        x0 = x0.min(n.x);
        y0 = y0.min(n.y);
        x1 = x1.max(n.x);
        y1 = y1.max(n.y);
    }
    (x0, y0, x1, y1)
}

/// The whole diagram on one area, centred.
fn fit(d: &Diagram, w: f32, h: f32) -> Plan {
    fit_padded(d, w, h, DIAGRAM_PAD_X, DIAGRAM_PAD_Y)
}

/// The whole diagram on one area, centred, `pad_x` and `pad_y` points from its edges.
fn fit_padded(d: &Diagram, w: f32, h: f32, pad_x: f32, pad_y: f32) -> Plan {
    let (x0, y0, x1, y1) = bounds(d);
    let (cw, ch) = (((x1 - x0) as f32).max(1.0), ((y1 - y0) as f32).max(1.0));
    let scale = ((w - 2.0 * pad_x) / cw)
        .min((h - 2.0 * pad_y) / ch)
        .clamp(0.0001, MAX_SCALE);
    // Centre: the origin is where the area's top-left corner falls in canvas units.
    let origin = (
        (x0 + x1) / 2.0 - f64::from(w / 2.0 / scale),
        (y0 + y1) / 2.0 - f64::from(h / 2.0 / scale),
    );
    Plan {
        scale,
        origin,
        cols: 1,
        rows: 1,
    }
}

/// One page when the fitted drawing keeps neighbours a readable distance apart; otherwise
/// tiles at a readable scale (at most `MAX_TILES`; beyond that the scale gives way).
fn plan_tiles(d: &Diagram, w: f32, h: f32) -> Plan {
    let fitted = fit(d, w, h);
    let spacing = typical_spacing(d);
    if spacing <= 0.0
        || spacing as f32 * fitted.scale >= READABLE_SPACING.min(spacing as f32 * MAX_SCALE)
    {
        return fitted;
    }
    let (x0, y0, _, _) = bounds(d);
    let readable = READABLE_SPACING / spacing as f32;
    let mut scale = readable;
    loop {
        let (cols, rows) = grid(d, scale, w, h);
        let plan = Plan {
            scale,
            origin: (
                x0 - f64::from(DIAGRAM_PAD_X / scale),
                y0 - f64::from(DIAGRAM_PAD_Y / scale),
            ),
            cols,
            rows,
        };
        if cols * rows <= MAX_TILES || scale <= fitted.scale {
            if cols * rows == 1 || scale <= fitted.scale {
                return fitted;
            }
            return plan;
        }
        if scale * 0.9 < readable * SMALLEST_TILE_SCALE && scale * 0.9 > fitted.scale {
            // Large: the caller draws an overview and some tiles at the readable scale.
            let (cols, rows) = grid(d, readable, w, h);
            return Plan {
                scale: readable,
                origin: (
                    x0 - f64::from(DIAGRAM_PAD_X / readable),
                    y0 - f64::from(DIAGRAM_PAD_Y / readable),
                ),
                cols,
                rows,
            };
        }
        scale *= 0.9;
    }
}

/// Columns and rows of `w` × `h` tiles that hold the diagram at `scale`.
fn grid(d: &Diagram, scale: f32, w: f32, h: f32) -> (usize, usize) {
    let (x0, y0, x1, y1) = bounds(d);
    let cols = (((x1 - x0) as f32 * scale + 2.0 * DIAGRAM_PAD_X) / w)
        .ceil()
        .max(1.0) as usize;
    let rows = (((y1 - y0) as f32 * scale + 2.0 * DIAGRAM_PAD_Y) / h)
        .ceil()
        .max(1.0) as usize;
    (cols, rows)
}

/// The median distance from a node to its nearest neighbour (canvas units), over a sample of
/// at most 400 nodes. Nodes are put in a grid of about one node per cell and each sampled
/// node's neighbours are looked for ring by ring around its cell, so the cost grows with the
/// sample, not with the sample times the design (400 × 120,000 distances at 100,000 sites).
fn typical_spacing(d: &Diagram) -> f64 {
    let n = d.nodes.len();
    if n < 2 {
        return 0.0;
    }
    let (x0, y0, x1, y1) = bounds(d);
    let (w, h) = (x1 - x0, y1 - y0);
    let cell = (w * h / n as f64).sqrt().max(w.max(h) / n as f64);
    if !(cell > 0.0 && cell.is_finite()) {
        return 0.0; // every node at one spot
    }
    let key = |x: f64, y: f64| (((x - x0) / cell) as i64, ((y - y0) / cell) as i64);
    let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    for (i, p) in d.nodes.iter().enumerate() {
        grid.entry(key(p.x, p.y)).or_default().push(i);
    }
    let (cols, rows) = key(x1, y1);
    let nearest = |i: usize| -> f64 {
        let a = &d.nodes[i];
        let distance = |j: usize| {
            let b = &d.nodes[j];
            if j != i && (b.x != a.x || b.y != a.y) {
                (b.x - a.x).hypot(b.y - a.y)
            } else {
                f64::MAX
            }
        };
        let (ci, cj) = key(a.x, a.y);
        let mut best = f64::MAX;
        let closest_in = |gi: i64, gj: i64| {
            grid.get(&(gi, gj)).map_or(f64::MAX, |members| {
                members
                    .iter()
                    .map(|&j| distance(j))
                    .fold(f64::MAX, f64::min)
            })
        };
        for ring in 0_i64..=cols.max(rows) + 1 {
            // A node in ring `ring` (the cells `ring` steps from the node's own) is at least
            // `ring - 1` cells away.
            if best <= (ring - 1) as f64 * cell {
                break;
            }
            let (gi0, gi1) = ((ci - ring).max(0), (ci + ring).min(cols));
            for gj in [cj - ring, cj + ring] {
                if (0..=rows).contains(&gj) {
                    for gi in gi0..=gi1 {
                        best = best.min(closest_in(gi, gj));
                    }
                }
                if ring == 0 {
                    break;
                }
            }
            for gi in [ci - ring, ci + ring] {
                if ring > 0 && (0..=cols).contains(&gi) {
                    for gj in (cj - ring + 1).max(0)..=(cj + ring - 1).min(rows) {
                        best = best.min(closest_in(gi, gj));
                    }
                }
            }
        }
        best
    };
    let mut nearest: Vec<f64> = spacing_sample(n)
        .map(nearest)
        .filter(|d| *d < f64::MAX)
        .collect();
    if nearest.is_empty() {
        return 0.0;
    }
    nearest.sort_by(f64::total_cmp);
    nearest[nearest.len() / 2]
}

/// The detail tiles of a large design and what the overview's key says about them.
struct Detail<'d> {
    /// (row, column) and what the tile holds, in reading order.
    chosen: Vec<((usize, usize), TileStats)>,
    /// The names of each chosen tile's hubs.
    hubs: BTreeMap<(usize, usize), Vec<(u8, &'d str)>>,
    /// Whether the tiles were chosen for their errors and warnings (else they are a sample).
    flagged: bool,
    /// The grid at a readable scale.
    cols: usize,
    rows: usize,
}

/// A cell of a dense overview's grid (column, row).
type GridCell = (i32, i32);

/// The nodes `typical_spacing` measures: all of up to 400, else 400 spread by a
/// multiplicative hash. A fixed stride fell in step with a design's repeating order (a
/// generated design repeats every 24 nodes: a stride of 300 measured only facilities and one
/// kind of site, and took the facilities' spacing for the design's).
fn spacing_sample(n: usize) -> impl Iterator<Item = usize> {
    let all = n <= 400;
    (0..n.min(400)).map(move |k| {
        if all {
            k
        } else {
            ((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20) as usize % n
        }
    })
}

/// What one tile of a large design holds.
#[derive(Debug, Default, Clone, Copy)]
struct TileStats {
    nodes: usize,
    links: usize,
    /// Elements with an open error (warning) as their most severe finding.
    errors: usize,
    warnings: usize,
}

impl TileStats {
    fn add(&mut self, severity: Option<Severity>, node: bool) {
        if node {
            self.nodes += 1;
        } else {
            self.links += 1;
        }
        match severity {
            Some(Severity::Error) => self.errors += 1,
            Some(Severity::Warning) => self.warnings += 1,
            _ => {}
        }
    }
}

/// The detail tiles of a large design, in reading order: those with the most elements with
/// errors, then warnings (at most [`DETAIL_TILES`]); when nothing is flagged, a block of tiles
/// from the first one that holds anything, so the sample shows one connected part.
fn choose_tiles(
    stats: FxHashMap<(usize, usize), TileStats>,
    cols: usize,
) -> Vec<((usize, usize), TileStats)> {
    let mut tiles: Vec<((usize, usize), TileStats)> = stats.into_iter().collect();
    tiles.sort_by(|a, b| {
        (b.1.errors, b.1.warnings)
            .cmp(&(a.1.errors, a.1.warnings))
            .then(a.0.cmp(&b.0))
    });
    let mut chosen: Vec<_> = tiles
        .iter()
        .filter(|(_, t)| t.errors + t.warnings > 0)
        .take(DETAIL_TILES)
        .copied()
        .collect();
    if chosen.is_empty() {
        // Nothing flagged: four tiles wide (or the grid's width), as many rows as it takes.
        let width = cols.clamp(1, 4);
        let height = DETAIL_TILES / width;
        let Some(&((r0, c0), _)) = tiles.iter().min_by_key(|(at, _)| *at) else {
            return chosen;
        };
        let c0 = c0.min(cols.saturating_sub(width));
        chosen = tiles
            .into_iter()
            .filter(|((r, c), _)| (r0..r0 + height).contains(r) && (c0..c0 + width).contains(c))
            .collect();
    }
    chosen.sort_by_key(|(at, _)| *at);
    chosen
}

/// Node kinds from the back of a dense overview to the front: the many sites first, the
/// few regions on top.
const DRAW_ORDER: [NodeKindTag; 5] = [
    NodeKindTag::OnPremSite,
    NodeKindTag::FabricRouter,
    NodeKindTag::ColocationFacility,
    NodeKindTag::AwsRegion,
    NodeKindTag::AzureRegion,
];

fn draw_rank(kind: NodeKindTag) -> u8 {
    DRAW_ORDER.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// A node's mark on a dense overview, in its kind's shape (as `node_shape` draws it).
fn mark(kind: NodeKindTag, (x, y): (f32, f32), r: f32) -> Vec<(f32, f32)> {
    match kind {
        NodeKindTag::OnPremSite => rectangle(x, y, 1.1 * r, 0.8 * r),
        NodeKindTag::ColocationFacility => rectangle(x, y, 0.9 * r, 0.9 * r),
        NodeKindTag::FabricRouter => vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => octagon(x, y, r),
    }
}

fn rectangle(x: f32, y: f32, half_w: f32, half_h: f32) -> Vec<(f32, f32)> {
    vec![
        (x - half_w, y - half_h),
        (x + half_w, y - half_h),
        (x + half_w, y + half_h),
        (x - half_w, y + half_h),
    ]
}

/// A small circle as eight points: at the sizes of a dense overview it is round.
fn octagon(x: f32, y: f32, r: f32) -> Vec<(f32, f32)> {
    (0..8)
        .map(|i| {
            let a = (i as f32 + 0.5) / 8.0 * std::f32::consts::TAU;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect()
}

/// `rgb` mixed with white: `share` 0 keeps it, 1 is white.
fn lighten(rgb: Rgb, share: f32) -> Rgb {
    rgb.map(|c| (f32::from(c) + (255.0 - f32::from(c)) * share).round() as u8)
}

/// "1,234".
fn number(n: usize) -> String {
    crate::costing::thousands(n as u64)
}

/// Whether the segment a–b passes through the area (both ends outside).
fn crosses(a: (f32, f32), b: (f32, f32), area: &Area) -> bool {
    let (minx, maxx) = (a.0.min(b.0), a.0.max(b.0));
    let (miny, maxy) = (a.1.min(b.1), a.1.max(b.1));
    maxx >= area.x && minx <= area.x + area.w && maxy >= area.y && miny <= area.y + area.h
}

/// "A1", "B3", "AA12": row letters (as spreadsheet columns are named), column number.
fn tile_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = row + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), col + 1)
}

fn polygon(points: &[(f32, f32)], mode: PaintMode) -> Polygon {
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

/// "2026-01-31" as a PDF date at midnight UTC.
fn pdf_date(iso: &str) -> Option<printpdf::OffsetDateTime> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(printpdf::DateTime::new_in_offset(
        printpdf::Date {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    ))
}

/// FNV-1a, 64 bit: a stable digest for the trailer ID (not a security property).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Where a table row's text goes and how it is set: the row's top, the cell padding, the line
/// spacing and the weight.
#[derive(Clone, Copy)]
struct RowStyle {
    top: f32,
    pad: f32,
    leading: f32,
    weight: Weight,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_splits_only_overlong_words() {
        let fonts = Fonts::load().unwrap();
        let face = &fonts.regular;
        let lines = wrap(face, "Equinix DC2 Ashburn to Azure East US", 10.0, 80.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| face.width(l, 10.0) <= 80.0));
        assert_eq!(lines.join(" "), "Equinix DC2 Ashburn to Azure East US");
        let long = wrap(face, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10.0, 40.0);
        assert!(long.len() > 1 && long.concat() == "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    }

    #[test]
    fn ellipsize_keeps_short_text_and_marks_cut_text() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(ellipsize(&fonts.regular, "Zürich", 8.0, 200.0), "Zürich");
        let cut = ellipsize(&fonts.regular, "Île-de-France interconnect hub", 8.0, 50.0);
        assert!(cut.ends_with('…') && fonts.regular.width(&cut, 8.0) <= 50.0);
    }

    /// The grid search finds the same nearest neighbours as comparing every pair.
    #[test]
    fn typical_spacing_matches_the_pairwise_median() {
        let brute = |d: &Diagram| {
            let n = d.nodes.len();
            let mut nearest: Vec<f64> = spacing_sample(n)
                .map(|i| {
                    let a = &d.nodes[i];
                    d.nodes
                        .iter()
                        .enumerate()
                        .filter(|&(j, b)| j != i && (b.x != a.x || b.y != a.y))
                        .map(|(_, b)| (b.x - a.x).hypot(b.y - a.y))
                        .fold(f64::MAX, f64::min)
                })
                .filter(|d| *d < f64::MAX)
                .collect();
            nearest.sort_by(f64::total_cmp);
            nearest.get(nearest.len() / 2).copied().unwrap_or(0.0)
        };
        let node = |x: f64, y: f64| DiagramNode {
            name: String::new(),
            kind: NodeKindTag::OnPremSite,
            x,
            y,
            badge: None,
            severity: None,
        };
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as f64 / f64::from(1_u32 << 31)
        };
        let shapes: Vec<Vec<DiagramNode>> = vec![
            // Scattered, clustered, on a line, with duplicates, far outliers.
            (0..900)
                .map(|_| node(next() * 5000.0, next() * 3000.0))
                .collect(),
            (0..900)
                .map(|i| node((i % 30) as f64 * 40.0 + next(), (i / 30) as f64 * 900.0))
                .collect(),
            (0..500).map(|i| node(f64::from(i) * 7.0, 10.0)).collect(),
            (0..300)
                .map(|i| node(f64::from(i / 3) * 10.0, 0.0))
                .chain([node(1e6, 1e6), node(-1e6, 5.0)])
                .collect(),
            vec![node(1.0, 1.0), node(1.0, 1.0)],
        ];
        for nodes in shapes {
            let d = Diagram {
                nodes,
                links: Vec::new(),
            };
            assert_eq!(typical_spacing(&d), brute(&d));
        }
    }

    #[test]
    fn tiles_are_named_like_spreadsheet_cells_beyond_26_rows() {
        assert_eq!(tile_name(0, 0), "A1");
        assert_eq!(tile_name(25, 2), "Z3");
        assert_eq!(tile_name(26, 0), "AA1");
        assert_eq!(tile_name(27, 11), "AB12");
        assert_eq!(tile_name(26 * 27, 0), "AAA1");
    }

    #[test]
    fn pdf_dates_parse_iso_days_only() {
        assert!(pdf_date("2026-01-31").is_some());
        assert!(pdf_date("2026-01").is_none());
        assert!(pdf_date("yesterday").is_none());
    }
}

//! The report's document model: cover, sections of blocks (paragraphs, tables, charts, the
//! diagram), plain text and drawing instructions; `pdf/` lays it out on pages and `html/`
//! writes it as one web page.

use super::*;

/// Page size of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Portrait width and height in PDF points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// What the report says about itself (not taken from the design).
#[derive(Debug, Clone)]
pub struct Meta {
    /// The design file's name as shown on the cover ("dual-cloud.json"), or "unsaved design".
    pub file_name: String,
    /// The report date, ISO 8601 (YYYY-MM-DD); fixed in tests for byte-identical output.
    pub date: String,
    pub paper: Paper,
}

/// The whole report: a cover and sections in reading order.
#[derive(Debug, Clone)]
pub struct Report {
    pub title: String,
    pub paper: Paper,
    pub date: String,
    /// Shown at the foot of every page, with the page number.
    pub footer: String,
    pub cover: Cover,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone)]
pub struct Cover {
    pub design_name: String,
    /// Author, date, file, catalog and price-book dates.
    pub facts: Vec<(String, String)>,
    pub headline: Vec<Figure>,
}

/// One headline figure on the cover.
#[derive(Debug, Clone)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub detail: String,
    pub tone: Tone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Good,
    Warning,
    Bad,
}

impl Tone {
    pub fn rgb(self) -> Rgb {
        match self {
            Tone::Neutral => [60, 60, 70],
            Tone::Good => [40, 140, 70],
            Tone::Warning => look::severity_rgb(Severity::Warning),
            Tone::Bad => look::severity_rgb(Severity::Error),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A numbered section; each starts on a new page.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A small grey paragraph (explanations under a table or chart).
    Note(String),
    Bullets(Vec<String>),
    /// Numbered recommendations: a bold headline and its explanation.
    Recommendations(Vec<(String, String)>),
    Bars(BarChart),
    /// A line chart (the metered-vs-unlimited break-even of an ExpressRoute circuit).
    Lines(LineChart),
    Table(Table),
    Diagram(Diagram),
    /// A small picture of the whole topology (on the executive summary), sized by the renderer
    /// to the room its page has left, with a caption pointing to the full diagram.
    Sketch(Sketch),
}

/// The topology in small: the same diagram the Topology section draws, and a caption.
#[derive(Debug, Clone)]
pub struct Sketch {
    pub diagram: Diagram,
    pub caption: String,
}

/// A line chart drawn as vectors: each series a line through its points, markers as vertical
/// lines from the x axis to a dot, each with its label. Axes start at 0; the ticks are given
/// with their text.
#[derive(Debug, Clone)]
pub struct LineChart {
    pub title: String,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub series: Vec<Series>,
    pub markers: Vec<Marker>,
}

#[derive(Debug, Clone)]
pub struct Axis {
    /// What the axis measures, with its unit ("Egress per month (GB)").
    pub title: String,
    /// The axis runs from 0 to `max`.
    pub max: f64,
    /// Where ticks go and what they say.
    pub ticks: Vec<(f64, String)>,
}

#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub rgb: Rgb,
    /// (x, y), in order of x.
    pub points: Vec<(f64, f64)>,
}

/// A point of note on a chart: a vertical line from the x axis up to (`x`, `y`), a dot there,
/// and its label.
#[derive(Debug, Clone)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub rgb: Rgb,
}

/// A horizontal bar chart drawn as vectors.
#[derive(Debug, Clone)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// Length relative to the other bars (>= 0).
    pub value: f64,
    pub text: String,
    pub rgb: Rgb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
    /// What the column's cells are to a reader following a citation.
    pub refs: Refs,
}

/// Citations of the Sources appendix's numbered notes, as a column holds them: the PDF sets
/// them as text, the HTML links each "[3]" to note 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Refs {
    /// Plain text.
    #[default]
    None,
    /// Cells cite notes: "[3]", "[1] [3]" (other words stay text).
    Cites,
    /// Each cell is a note's own number ("[3]"): where its citations lead.
    Notes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Body,
    /// A group heading spanning the row (e.g. a cloud in the bill of materials).
    Group,
    Subtotal,
    Total,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    /// A coloured badge drawn before the text (resiliency model, severity).
    pub badge: Option<Rgb>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            badge: None,
        }
    }
    pub fn badge(text: impl Into<String>, rgb: Rgb) -> Self {
        Cell {
            text: text.into(),
            badge: Some(rgb),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

/// A table whose header repeats on every page it spans.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    pub(super) fn new(columns: &[(&str, f32, Align)]) -> Self {
        Table {
            columns: columns
                .iter()
                .map(|&(title, weight, align)| Column {
                    title: title.to_string(),
                    weight,
                    align,
                    refs: Refs::None,
                })
                .collect(),
            rows: Vec::new(),
        }
    }
    /// The table with column `index` holding `refs` (citations of notes, or the notes).
    pub(super) fn with_refs(mut self, index: usize, refs: Refs) -> Self {
        if let Some(c) = self.columns.get_mut(index) {
            c.refs = refs;
        }
        self
    }
    pub(super) fn row(&mut self, kind: RowKind, cells: Vec<Cell>) {
        self.rows.push(Row { kind, cells });
    }
    pub(super) fn body(&mut self, cells: Vec<String>) {
        self.row(RowKind::Body, cells.into_iter().map(Cell::text).collect());
    }
}

/// The topology diagram: the design as a drawing shows it (nodes at their canvas positions,
/// links, groups, the badges of open errors and warnings), plain data; the renderer lays it
/// out (`diagram::Drawing`) at the page's scale.
pub type Diagram = crate::diagram::Topology;

pub const SECTION_SUMMARY: &str = "Executive summary";
pub const SECTION_TOPOLOGY: &str = "Topology";
pub const SECTION_BOM: &str = "Bill of materials";
pub const SECTION_RESILIENCE: &str = "Resilience";
pub const SECTION_FINDINGS: &str = "Findings";
pub const SECTION_ASSUMPTIONS: &str = "Assumptions and sources";
pub const ACCEPTED_RISKS: &str = "Accepted risks";

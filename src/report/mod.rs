//! The stakeholder report. `build` turns a design and its analyses into a document model —
//! plain text, figures and drawing instructions, no layout — and `pdf::render` lays that model
//! out on pages. Every number in the report comes from the analyses (the same ones `cost`,
//! `resilience` and `check` print); the renderer never computes a domain answer.

pub mod pdf;
mod summary;

use summary::{
    bom_summary, demands_summary, elements_summary, findings_by_rule, most_severe, omitted,
    unpriced_summary,
};

use crate::analyses::Analyses;
use crate::catalog::Catalog;
use crate::costing::{Biller, Category, LineItem, Provenance, UserBook};
use crate::look::{self, Rgb};
use crate::model::{
    Design, DxConnectionType, ErBilling, LinkKind, LinkKindTag, NodeKind, NodeKindTag, Usd, dollars,
};
use crate::resilience::ModelKind;
use crate::rules::{Finding, Severity, mbps};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    Table(Table),
    Diagram(Diagram),
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
    fn new(columns: &[(&str, f32, Align)]) -> Self {
        Table {
            columns: columns
                .iter()
                .map(|&(title, weight, align)| Column {
                    title: title.to_string(),
                    weight,
                    align,
                })
                .collect(),
            rows: Vec::new(),
        }
    }
    fn row(&mut self, kind: RowKind, cells: Vec<Cell>) {
        self.rows.push(Row { kind, cells });
    }
    fn body(&mut self, cells: Vec<String>) {
        self.row(RowKind::Body, cells.into_iter().map(Cell::text).collect());
    }
}

/// The canvas, as drawing instructions in canvas units (the renderer scales it to the page).
#[derive(Debug, Clone, Default)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub links: Vec<DiagramLink>,
}

#[derive(Debug, Clone)]
pub struct DiagramNode {
    pub name: String,
    pub kind: NodeKindTag,
    pub x: f64,
    pub y: f64,
    pub badge: Option<Rgb>,
    /// The most severe open error or warning about the node (what a large design's detail
    /// tiles are chosen by).
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone)]
pub struct DiagramLink {
    /// Indexes into `Diagram::nodes`.
    pub a: usize,
    pub b: usize,
    pub kind: LinkKindTag,
    /// Sideways offset of a parallel link, in steps (see `look::parallel_offset`).
    pub offset: f32,
    /// The bandwidth label of the node pair, on the first link of the pair only.
    pub label: Option<String>,
    pub badge: Option<Rgb>,
    pub severity: Option<Severity>,
}

pub const SECTION_SUMMARY: &str = "Executive summary";
pub const SECTION_TOPOLOGY: &str = "Topology";
pub const SECTION_BOM: &str = "Bill of materials";
pub const SECTION_RESILIENCE: &str = "Resilience";
pub const SECTION_FINDINGS: &str = "Findings";
pub const SECTION_ASSUMPTIONS: &str = "Assumptions and sources";
pub const ACCEPTED_RISKS: &str = "Accepted risks";

/// A table lists every row up to this many (about ten pages). Above it the table is
/// summarised: its rows grouped (by kind and location, cloud and meter, model, rule) with
/// counts and totals, then only the [`SHOWN_ROWS`] worst or costliest rows, and a sentence
/// saying how many rows are omitted and which command lists them all. Past ten pages a reader
/// stops reading and starts searching, which the JSON output serves better; and a report that
/// grew a page per element took 11,000 pages and 3.6 GB of memory for 10,000 sites.
pub const FULL_TABLE_ROWS: usize = 300;
/// The rows listed under a summarised table (about a page).
pub const SHOWN_ROWS: usize = 25;

/// "1,234".
fn number(n: usize) -> String {
    crate::costing::thousands(n as u64)
}

/// Analyse `design` and render its report as PDF bytes: what `linkwright report` and
/// File → Export report… both call.
pub fn pdf_of(
    design: &Design,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
) -> Result<Vec<u8>, pdf::RenderError> {
    let analyses = crate::analyses::run(
        design,
        catalog,
        user_book,
        crate::costing::Options::default(),
        crate::resilience::Depth::Single,
    );
    pdf::render(&build(design, &analyses, catalog, user_book, meta))
}

/// Today's date (UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Whether `text` is a real calendar date written YYYY-MM-DD.
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Build the report of `design` from its analyses.
pub fn build(
    design: &Design,
    analyses: &Analyses,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
) -> Report {
    let names = Names::new(design);
    let title = if design.name.trim().is_empty() {
        "Untitled design".to_string()
    } else {
        design.name.clone()
    };
    Report {
        footer: format!("{title} · {}", meta.date),
        cover: cover(design, analyses, catalog, user_book, meta, &title),
        title,
        paper: meta.paper,
        date: meta.date.clone(),
        sections: vec![
            summary(design, analyses, &names),
            topology(design, analyses, &names),
            bill_of_materials(analyses, &names),
            resilience(analyses, &names),
            findings(analyses, &names),
            assumptions(design, analyses, catalog, user_book, &names),
        ],
    }
}

/// Display names of elements by id (nodes, links, demands), made when asked for: a large
/// design has hundreds of thousands of elements and a summarised report names only a few.
struct Names<'a> {
    design: &'a Design,
    by_id: FxHashMap<&'a str, Named>,
}

#[derive(Clone, Copy)]
enum Named {
    Node(usize),
    Link(usize),
    Demand(usize),
}

impl<'a> Names<'a> {
    fn new(design: &'a Design) -> Self {
        let mut by_id = FxHashMap::default();
        by_id.reserve(design.nodes.len() + design.links.len() + design.demands.len());
        // Ids are unique across kinds; if not, the later kind wins, as it always has.
        for (i, n) in design.nodes.iter().enumerate() {
            by_id.insert(n.id.as_str(), Named::Node(i));
        }
        for (i, l) in design.links.iter().enumerate() {
            by_id.insert(l.id.as_str(), Named::Link(i));
        }
        for (i, d) in design.demands.iter().enumerate() {
            by_id.insert(d.id.as_str(), Named::Demand(i));
        }
        Names { design, by_id }
    }
    /// A node's or link's name (never a demand's: a demand is named after its ends).
    fn element(&self, id: &str) -> String {
        match self.by_id.get(id) {
            Some(Named::Node(i)) => {
                let n = &self.design.nodes[*i];
                label_or_id(&n.name, n.id.as_str())
            }
            Some(Named::Link(i)) => self.design.links[*i].label().to_string(),
            _ => id.to_string(),
        }
    }
    fn of(&self, id: &str) -> String {
        match self.by_id.get(id) {
            Some(Named::Demand(i)) => {
                let d = &self.design.demands[*i];
                format!(
                    "{} to {}",
                    self.element(d.site.as_str()),
                    self.element(d.region.as_str())
                )
            }
            _ => self.element(id),
        }
    }
    /// The link of `id`, found through the index (`Design::link` scans every link: once per
    /// circuit of a large design that was 200 million comparisons at 30,000 sites).
    fn link(&self, id: &str) -> Option<&'a crate::model::Link> {
        match self.by_id.get(id) {
            Some(Named::Link(i)) => self.design.links.get(*i),
            _ => None,
        }
    }
    fn list(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.of(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn label_or_id(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        id.to_string()
    } else {
        name.to_string()
    }
}

fn counts(analyses: &Analyses) -> (usize, usize) {
    let active: Vec<&Finding> = analyses.findings.active().collect();
    let errors = active
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = active
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    (errors, warnings)
}

fn model_rgb(kind: ModelKind) -> Rgb {
    rank_rgb(kind.rank())
}

/// The colour of a resiliency model's rank (`ModelKind::rank`): none red, standard amber,
/// high and maximum green.
pub(crate) fn rank_rgb(rank: u8) -> Rgb {
    match rank {
        0 => look::severity_rgb(Severity::Error),
        1 => look::severity_rgb(Severity::Warning),
        _ => Tone::Good.rgb(),
    }
}

fn cover(
    design: &Design,
    analyses: &Analyses,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
    title: &str,
) -> Cover {
    let cost = &analyses.cost;
    let mut facts = vec![
        (
            "Author".to_string(),
            label_or_id(&design.author, "not stated"),
        ),
        ("Date".to_string(), meta.date.clone()),
        ("Design file".to_string(), meta.file_name.clone()),
    ];
    for p in &catalog.provenance {
        facts.push((
            format!("Catalog: {}", p.part),
            format!("{} as of {} [{}]", p.source, p.as_of, p.confidence),
        ));
    }
    facts.push((
        "Price book".to_string(),
        price_book_dates(catalog, user_book),
    ));

    let incomplete = if cost.unpriced.is_empty() {
        "all items priced".to_string()
    } else {
        format!("excludes {} unpriced item(s)", cost.unpriced.len())
    };
    let tone = if cost.unpriced.is_empty() {
        Tone::Neutral
    } else {
        Tone::Warning
    };
    let (errors, warnings) = counts(analyses);
    let worst = analyses
        .resilience
        .demands
        .iter()
        .min_by_key(|d| d.model.kind.rank());
    let worst_figure = match worst {
        Some(d) => {
            let count = analyses
                .resilience
                .demands
                .iter()
                .filter(|x| x.model.kind == d.model.kind)
                .count();
            Figure {
                label: "Worst resiliency model".into(),
                value: d.model.kind.label().to_string(),
                detail: format!(
                    "{count} of {} demand(s); SLA target {}",
                    analyses.resilience.demands.len(),
                    d.model.sla.unwrap_or("none")
                ),
                tone: match d.model.kind.rank() {
                    0 => Tone::Bad,
                    1 => Tone::Warning,
                    _ => Tone::Good,
                },
            }
        }
        None => Figure {
            label: "Worst resiliency model".into(),
            value: "no demands".into(),
            detail: "add site-to-region demands to analyse failures".into(),
            tone: Tone::Neutral,
        },
    };
    let headline = vec![
        Figure {
            label: "Monthly".into(),
            value: dollars(cost.totals.monthly),
            detail: incomplete.clone(),
            tone,
        },
        Figure {
            label: "Annual".into(),
            value: dollars(cost.totals.annual),
            detail: incomplete.clone(),
            tone,
        },
        Figure {
            label: "3 years".into(),
            value: dollars(cost.totals.three_year),
            detail: incomplete,
            tone,
        },
        worst_figure,
        Figure {
            label: "Errors / warnings".into(),
            value: format!("{errors} / {warnings}"),
            detail: format!(
                "open findings; {} accepted risk(s)",
                analyses.findings.excluded().count()
            ),
            tone: if errors > 0 {
                Tone::Bad
            } else if warnings > 0 {
                Tone::Warning
            } else {
                Tone::Good
            },
        },
    ];
    Cover {
        design_name: title.to_string(),
        facts,
        headline,
    }
}

/// "catalog 2026-09-20 to 2026-10-01; user book: none" — the as-of dates of the price layers.
fn price_book_dates(catalog: &Catalog, user_book: &UserBook) -> String {
    let range = |dates: BTreeSet<&str>| match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => format!("as of {a}"),
        (Some(a), Some(b)) => format!("as of {a} to {b}"),
        _ => "no entries".to_string(),
    };
    let catalog_dates: BTreeSet<&str> = catalog
        .prices
        .prices
        .iter()
        .map(|e| e.as_of.as_str())
        .collect();
    let user_dates: BTreeSet<&str> = user_book.prices.iter().map(|e| e.as_of.as_str()).collect();
    let user = if user_book.prices.is_empty() {
        "no user price book".to_string()
    } else {
        format!(
            "user price book ({} entries) {}",
            user_book.prices.len(),
            range(user_dates)
        )
    };
    format!("catalog prices {}; {user}", range(catalog_dates))
}

fn summary(design: &Design, analyses: &Analyses, names: &Names<'_>) -> Section {
    let cost = &analyses.cost;
    let mut blocks = Vec::new();
    blocks.push(Block::Paragraph(format!(
        "{} node(s), {} link(s) and {} demand(s). Monthly list-price estimate {}{}, at a {}-hour month.",
        design.nodes.len(),
        design.links.len(),
        design.demands.len(),
        dollars(cost.totals.monthly),
        if cost.unpriced.is_empty() {
            String::new()
        } else {
            format!(
                " (excludes {} unpriced item(s), listed under {SECTION_ASSUMPTIONS})",
                cost.unpriced.len()
            )
        },
        cost.hours_per_month
    )));
    blocks.push(Block::Heading("Recommendations".into()));
    blocks.push(Block::Recommendations(recommendations(analyses, names)));
    let biller_rgb = |b: Biller| match b {
        Biller::Azure => look::node_rgb(NodeKindTag::AzureRegion),
        Biller::Aws => look::node_rgb(NodeKindTag::AwsRegion),
        Biller::Carriers => look::node_rgb(NodeKindTag::OnPremSite),
    };
    let mut per_biller: BTreeMap<Biller, (Usd, usize)> = BTreeMap::new();
    let mut per_category: BTreeMap<Category, (Usd, usize)> = BTreeMap::new();
    for i in &cost.items {
        for (usd, unpriced) in [
            per_biller.entry(i.biller).or_default(),
            per_category.entry(i.category).or_default(),
        ] {
            // The costing checked these sums; a line that would not fit counts as unpriced.
            match i.monthly.and_then(|m| usd.checked_add(m)) {
                Some(sum) => *usd = sum,
                None => *unpriced += 1,
            }
        }
    }
    blocks.push(Block::Bars(BarChart {
        title: "Monthly cost by cloud".into(),
        bars: per_biller
            .iter()
            .map(|(b, &(usd, unpriced))| bar(b.label(), usd, unpriced, biller_rgb(*b)))
            .collect(),
    }));
    blocks.push(Block::Bars(BarChart {
        title: "Monthly cost by category".into(),
        bars: per_category
            .iter()
            .map(|(c, &(usd, unpriced))| bar(c.label(), usd, unpriced, category_rgb(*c)))
            .collect(),
    }));
    blocks.push(Block::Heading("Resiliency per demand".into()));
    let demands = &analyses.resilience.demands;
    let mut sla_notes: Vec<String> = Vec::new();
    let mut sla = |d: &crate::resilience::DemandResult| {
        let (head, note) = sla_parts(d.model.sla.unwrap_or("none"));
        if let Some(n) = note.filter(|n| !sla_notes.contains(n)) {
            sla_notes.push(n);
        }
        head
    };
    if demands.is_empty() {
        blocks.push(Block::Paragraph(
            "The design has no demands, so no failure analysis was run.".into(),
        ));
    } else if demands.len() <= SUMMARY_DEMANDS {
        let mut t = Table::new(&[
            ("Demand", 2.6, Align::Left),
            ("Model", 1.8, Align::Left),
            ("SLA target", 2.2, Align::Left),
            ("Required", 0.9, Align::Right),
            ("Intact", 0.9, Align::Right),
        ]);
        for d in demands {
            t.row(
                RowKind::Body,
                vec![
                    Cell::text(names.of(&d.demand)),
                    Cell::badge(d.model.kind.label(), model_rgb(d.model.kind)),
                    Cell::text(sla(d)),
                    Cell::text(mbps(d.required_mbps)),
                    Cell::text(mbps(d.intact_mbps)),
                ],
            );
        }
        blocks.push(Block::Table(t));
    } else {
        // Many demands: one row per model and SLA; the per-demand table is in Resilience.
        let mut groups: BTreeMap<(u8, &str, String), usize> = BTreeMap::new();
        for d in demands {
            let key = (d.model.kind.rank(), d.model.kind.label(), sla(d));
            *groups.entry(key).or_default() += 1;
        }
        let mut t = Table::new(&[
            ("Model", 2.0, Align::Left),
            ("SLA target", 3.0, Align::Left),
            ("Demands", 1.0, Align::Right),
        ]);
        for ((rank, label, sla), n) in groups {
            let rgb = rank_rgb(rank);
            t.row(
                RowKind::Body,
                vec![
                    Cell::badge(label, rgb),
                    Cell::text(sla),
                    Cell::text(n.to_string()),
                ],
            );
        }
        blocks.push(Block::Table(t));
        blocks.push(Block::Note(format!(
            "{} demands, grouped by model; every demand is listed under {SECTION_RESILIENCE}.",
            demands.len()
        )));
    }
    for note in sla_notes {
        blocks.push(Block::Note(note));
    }
    Section {
        title: SECTION_SUMMARY.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// Up to this many demands the executive summary lists each one; beyond, it groups them.
const SUMMARY_DEMANDS: usize = 12;

/// "99.95% per circuit ... (ER-SLA-1 [3P]); Microsoft's figures ... (Q5)": the target, and the
/// caveat after it as a note.
fn sla_parts(sla: &str) -> (String, Option<String>) {
    match sla.split_once("; ") {
        Some((head, rest)) => (head.to_string(), Some(capitalise(rest))),
        None => (sla.to_string(), None),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn bar(label: &str, usd: Usd, unpriced: usize, rgb: Rgb) -> Bar {
    let text = if unpriced > 0 {
        format!("{} + {unpriced} unpriced", dollars(usd))
    } else {
        dollars(usd)
    };
    Bar {
        label: label.to_string(),
        value: usd.micros().max(0) as f64,
        text,
        rgb,
    }
}

fn category_rgb(c: Category) -> Rgb {
    match c {
        Category::ExpressRouteCircuits
        | Category::ExpressRouteEgress
        | Category::ExpressRouteDirect
        | Category::GlobalReach
        | Category::Gateways => look::node_rgb(NodeKindTag::AzureRegion),
        Category::DirectConnectPorts
        | Category::DataTransferOut
        | Category::TransitGateway
        | Category::Vpn => look::node_rgb(NodeKindTag::AwsRegion),
        Category::AccessCircuits => look::node_rgb(NodeKindTag::OnPremSite),
        Category::FabricConnections => look::node_rgb(NodeKindTag::FabricRouter),
    }
}

/// The rule that flags a demand whose target resiliency model is not met (its recommendation
/// carries the cheapest configuration that meets it).
const TARGET_NOT_MET: &str = "RES003";

/// The three most important things to do, most important first: resilience targets missed,
/// other errors, resilience warnings, then money (unpriced items, cheaper billing), then other
/// warnings.
fn recommendations(analyses: &Analyses, names: &Names<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(u8, String, String)> = Vec::new();
    let mut seen_codes = BTreeSet::new();
    for f in analyses.findings.active() {
        if f.severity == Severity::Info || !seen_codes.insert(f.code) {
            continue;
        }
        // What the business asked for comes first: a demand that misses its resilience
        // target, then what cannot be built as drawn, then resilience warnings.
        let rank = match (f.severity, f.code.starts_with("RES")) {
            (Severity::Error, true) => 0,
            (Severity::Error, false) => 1,
            (_, true) => 2,
            _ => 4,
        };
        let others = analyses
            .findings
            .active()
            .filter(|g| g.code == f.code)
            .count()
            - 1;
        let more = if others > 0 {
            format!(" ({others} more like it under {SECTION_FINDINGS})")
        } else {
            String::new()
        };
        // A target that is not met: say what the cheapest configuration meeting it is.
        let cheapest = analyses
            .what_if
            .demands
            .iter()
            .filter(|_| f.code == TARGET_NOT_MET)
            .find(|d| f.subjects.contains(&d.demand))
            .and_then(|d| d.options.first())
            .map(|o| {
                let price = o
                    .monthly
                    .map(|m| format!("{} a month at list prices", dollars(m)))
                    .unwrap_or_else(|| format!("unpriced: {}", o.reason));
                format!(
                    " The cheapest configuration that meets the target: {} ({price}).",
                    o.description
                )
            })
            .unwrap_or_default();
        out.push((
            rank,
            format!(
                "{} ({}): {}",
                f.rule,
                f.code,
                names_in(&f.message, names, f)
            ),
            format!("{}{cheapest}{more}", f.hint),
        ));
    }
    for c in &analyses.what_if.express_route {
        let (Some(metered), Some(unlimited)) = (c.metered_monthly, c.unlimited_monthly) else {
            continue;
        };
        let Some(billing) = names
            .link(&c.circuit)
            .and_then(|l| l.as_er())
            .map(|e| e.billing)
        else {
            continue;
        };
        let (now, other, other_name) = match billing {
            ErBilling::Metered => (metered, unlimited, "Unlimited"),
            ErBilling::Unlimited => (unlimited, metered, "Metered"),
        };
        if other < now
            && let Some(saving) = now.checked_sub(other)
        {
            out.push((
                3,
                format!(
                    "Bill {} as {other_name}: saves {} a month",
                    names.of(&c.circuit),
                    dollars(saving)
                ),
                format!(
                    "At {} GB a month of egress the circuit costs {} now and {} as {other_name}{}.",
                    c.egress_gb,
                    dollars(now),
                    dollars(other),
                    c.break_even_gb
                        .map(|b| format!("; Unlimited is cheaper above {b} GB a month"))
                        .unwrap_or_default()
                ),
            ));
        }
    }
    let unpriced = &analyses.cost.unpriced;
    if !unpriced.is_empty() {
        let meters: BTreeSet<&str> = unpriced.iter().map(|u| u.meter.as_str()).collect();
        out.push((
            3,
            format!(
                "Price the {} unpriced item(s): the totals exclude them",
                unpriced.len()
            ),
            format!(
                "The price sources have no figure for: {}. Record a quote in the design or import the provider's price page into the user price book (linkwright prices import).",
                meters.into_iter().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    out.sort_by_key(|(rank, _, _)| *rank);
    let mut picked: Vec<(String, String)> =
        out.into_iter().take(3).map(|(_, h, d)| (h, d)).collect();
    if picked.is_empty() {
        picked.push((
            "No changes needed".into(),
            "No errors or warnings, every item is priced, and no cheaper billing option was found in the price book."
                .into(),
        ));
    }
    picked
}

/// Findings name their subjects by id; the report adds the names people know them by.
fn names_in(message: &str, names: &Names<'_>, f: &Finding) -> String {
    let subjects: Vec<String> = f
        .subjects
        .iter()
        .filter(|s| names.of(s) != **s && !message.contains(&names.of(s)))
        .map(|s| names.of(s))
        .collect();
    if subjects.is_empty() {
        message.to_string()
    } else {
        format!("{message} [{}]", subjects.join(", "))
    }
}

fn topology(design: &Design, analyses: &Analyses, names: &Names<'_>) -> Section {
    let worst = analyses.findings.worst_by_subject();
    let attention = |id: &str| worst.get(id).copied().filter(|s| *s != Severity::Info);
    let index: HashMap<&str, usize> = design
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let labels = look::pair_labels(design);
    let mut seen: HashMap<(&str, &str), u32> = HashMap::new();
    let mut diagram = Diagram {
        nodes: design
            .nodes
            .iter()
            .map(|n| {
                let severity = attention(n.id.as_str());
                DiagramNode {
                    name: names.of(n.id.as_str()),
                    kind: n.tag(),
                    x: n.position.x,
                    y: n.position.y,
                    badge: severity.map(look::severity_rgb),
                    severity,
                }
            })
            .collect(),
        links: Vec::new(),
    };
    for l in &design.links {
        let (Some(&a), Some(&b)) = (index.get(l.a.as_str()), index.get(l.b.as_str())) else {
            continue;
        };
        let pair = look::pair_of(l);
        let n = seen.entry(pair).or_default();
        let severity = attention(l.id.as_str());
        diagram.links.push(DiagramLink {
            a,
            b,
            kind: l.tag(),
            offset: look::parallel_offset(*n),
            label: (*n == 0).then(|| labels.get(&pair).cloned()).flatten(),
            badge: severity.map(look::severity_rgb),
            severity,
        });
        *n += 1;
    }
    let mut blocks = vec![Block::Diagram(diagram)];
    blocks.push(Block::Heading("Elements".into()));
    let elements = design.nodes.len() + design.links.len();
    if design.nodes.is_empty() {
        blocks.push(Block::Paragraph("The design is empty.".into()));
    } else if elements <= FULL_TABLE_ROWS {
        let mut inventory = inventory_table();
        for n in &design.nodes {
            inventory.body(node_row(n, names));
        }
        for l in &design.links {
            inventory.body(link_row(l, names));
        }
        blocks.push(Block::Table(inventory));
    } else {
        elements_summary(design, &worst, names, &mut blocks);
    }
    Section {
        title: SECTION_TOPOLOGY.into(),
        orientation: Orientation::Landscape,
        blocks,
    }
}

fn inventory_table() -> Table {
    Table::new(&[
        ("Element", 2.4, Align::Left),
        ("Kind", 1.6, Align::Left),
        ("Details", 4.0, Align::Left),
    ])
}

fn node_row(n: &crate::model::Node, names: &Names<'_>) -> Vec<String> {
    vec![
        names.of(n.id.as_str()),
        n.tag().label().to_string(),
        node_details(&n.kind),
    ]
}

fn link_row(l: &crate::model::Link, names: &Names<'_>) -> Vec<String> {
    vec![
        names.of(l.id.as_str()),
        l.tag().label().to_string(),
        format!(
            "{} to {}; {}",
            names.of(l.a.as_str()),
            names.of(l.b.as_str()),
            link_details(&l.kind)
        ),
    ]
}

fn node_details(kind: &NodeKind) -> String {
    let join = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match kind {
        NodeKind::OnPremSite(s) => join(vec![
            s.metro.clone(),
            s.asn.map(|a| format!("AS{a}")).unwrap_or_default(),
            if s.edge_routers.is_empty() {
                String::new()
            } else {
                format!("edge routers {}", s.edge_routers.join(", "))
            },
        ]),
        NodeKind::ColocationFacility(f) => join(vec![
            [f.operator.as_str(), f.facility_name.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
            f.metro.clone(),
            f.er_peering_location
                .as_ref()
                .map(|l| format!("ExpressRoute location {l}"))
                .unwrap_or_default(),
            f.dx_location
                .as_ref()
                .map(|l| format!("Direct Connect location {l}"))
                .unwrap_or_default(),
        ]),
        NodeKind::AzureRegion(r) => join(vec![
            r.region.clone(),
            r.gateway
                .as_ref()
                .map(|g| format!("gateway {}", g.sku.label()))
                .unwrap_or_else(|| "no ExpressRoute gateway".into()),
        ]),
        NodeKind::AwsRegion(r) => join(vec![r.region.clone(), r.attachment.label().to_string()]),
        NodeKind::FabricRouter(f) => join(vec![
            f.operator.clone(),
            f.metro.clone(),
            if f.diversity_zone.is_empty() {
                String::new()
            } else {
                format!("zone {}", f.diversity_zone)
            },
        ]),
    }
}

fn link_details(kind: &LinkKind) -> String {
    match kind {
        LinkKind::AccessCircuit(a) => {
            let carrier = if a.carrier.is_empty() {
                "carrier not stated"
            } else {
                &a.carrier
            };
            format!("{}, {carrier}", mbps(a.bandwidth_mbps))
        }
        LinkKind::ExpressRouteCircuit(c) => {
            let via = match &c.direct_port {
                Some(p) => format!("ExpressRoute Direct port {p}"),
                None if c.provider.is_empty() => "provider not stated".into(),
                None => c.provider.clone(),
            };
            format!(
                "{}, {:?} tier, {:?} billing, {via}",
                mbps(c.bandwidth_mbps),
                c.sku_tier,
                c.billing
            )
        }
        LinkKind::DirectConnectConnection(d) => {
            let kind = match d.connection_type {
                DxConnectionType::Dedicated => "dedicated",
                DxConnectionType::Hosted => "hosted",
            };
            let lag = if d.lag_members > 1 {
                format!(" LAG of {}", d.lag_members)
            } else {
                String::new()
            };
            let device = if d.aws_device.is_empty() {
                String::new()
            } else {
                format!(", device {}", d.aws_device)
            };
            format!(
                "{} {kind}{lag}, {} VIF(s){device}",
                mbps(d.capacity_mbps),
                d.vifs.len()
            )
        }
        other => mbps(crate::resilience::flow::link_capacity_mbps(other)),
    }
}

fn bill_of_materials(analyses: &Analyses, names: &Names<'_>) -> Section {
    let cost = &analyses.cost;
    let mut blocks = Vec::new();
    if cost.items.is_empty() {
        blocks.push(Block::Paragraph(
            "Nothing in the design carries a cost yet.".into(),
        ));
    } else if cost.items.len() <= FULL_TABLE_ROWS {
        let mut t = bom_table();
        let mut by_biller: BTreeMap<Biller, Vec<&LineItem>> = BTreeMap::new();
        for i in &cost.items {
            by_biller.entry(i.biller).or_default().push(i);
        }
        for (biller, items) in &by_biller {
            t.row(RowKind::Group, vec![Cell::text(biller.label())]);
            for i in items {
                t.body(bom_cells(i, names));
            }
            let subtotal = cost.by_biller.get(biller).copied().unwrap_or(Usd::ZERO);
            t.row(
                RowKind::Subtotal,
                subtotal_cells(&format!("Subtotal {}", biller.label()), subtotal, 7, 5),
            );
        }
        t.row(
            RowKind::Total,
            subtotal_cells("Total monthly", cost.totals.monthly, 7, 5),
        );
        blocks.push(Block::Table(t));
    } else {
        bom_summary(cost, names, &mut blocks);
    }
    let excludes = if cost.unpriced.is_empty() {
        String::new()
    } else {
        format!(" — excludes {} unpriced item(s)", cost.unpriced.len())
    };
    blocks.push(Block::Paragraph(format!(
        "Total: {} monthly, {} annual, {} over 3 years{excludes}. Completeness: {} of {} item(s) priced.",
        dollars(cost.totals.monthly),
        dollars(cost.totals.annual),
        dollars(cost.totals.three_year),
        cost.priced_items,
        cost.items.len()
    )));
    what_if_blocks(analyses, names, &mut blocks);
    Section {
        title: SECTION_BOM.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

fn bom_table() -> Table {
    Table::new(&[
        ("Element", 2.0, Align::Left),
        ("Category", 1.6, Align::Left),
        ("Item and meter", 2.6, Align::Left),
        ("Quantity", 1.1, Align::Right),
        ("Unit price", 1.0, Align::Right),
        ("Monthly USD", 1.2, Align::Right),
        ("Provenance", 2.1, Align::Left),
    ])
}

fn unit_text(unit: crate::model::PriceUnit) -> &'static str {
    match unit {
        crate::model::PriceUnit::Hour => "h",
        crate::model::PriceUnit::Month => "month",
        crate::model::PriceUnit::Gb => "GB",
    }
}

/// One line item as a row of the bill of materials.
fn bom_cells(i: &LineItem, names: &Names<'_>) -> Vec<String> {
    let unit_price = i
        .unit_price
        .map(|u| format!("${u}/{}", unit_text(i.unit)))
        .unwrap_or_else(|| "unpriced".into());
    let discount = i
        .discount
        .map(|d| format!(" (after {d} discount)"))
        .unwrap_or_default();
    let provenance = match (&i.provenance, &i.unpriced_reason) {
        (Some(p), _) => p.short(),
        (None, Some(reason)) => format!("unpriced: {reason}"),
        (None, None) => "unpriced".into(),
    };
    vec![
        names.of(&i.element),
        i.category.label().to_string(),
        format!("{}{discount}\n{}", i.description, i.meter),
        i.quantity_text(),
        unit_price,
        i.monthly.map(dollars).unwrap_or_else(|| "unpriced".into()),
        provenance,
    ]
}

/// A subtotal row of a table of `columns` columns: the label first, the amount in column `at`.
fn subtotal_cells(label: &str, amount: Usd, columns: usize, at: usize) -> Vec<Cell> {
    let mut cells: Vec<Cell> = (0..columns).map(|_| Cell::text("")).collect();
    cells[0] = Cell::text(label);
    cells[at] = Cell::text(dollars(amount));
    cells
}

fn what_if_blocks(analyses: &Analyses, names: &Names<'_>, blocks: &mut Vec<Block>) {
    let w = &analyses.what_if;
    if !w.express_route.is_empty() {
        blocks.push(Block::Heading("ExpressRoute: metered or unlimited".into()));
        let mut t = Table::new(&[
            ("Circuit", 2.0, Align::Left),
            ("Egress GB/month", 1.2, Align::Right),
            ("Metered", 1.1, Align::Right),
            ("Unlimited", 1.1, Align::Right),
            ("Break-even", 2.2, Align::Left),
        ]);
        let row = |c: &crate::costing::whatif::MeteredVsUnlimited| {
            let money = |u: Option<Usd>| u.map(dollars).unwrap_or_else(|| "unpriced".into());
            let verdict = match c.break_even_gb {
                Some(b) => format!("Unlimited is cheaper above {b} GB/month"),
                None if c.missing.is_empty() => "no break-even".into(),
                None => format!("cannot compare: missing {}", c.missing.join("; ")),
            };
            vec![
                names.of(&c.circuit),
                format!("{}", c.egress_gb),
                money(c.metered_monthly),
                money(c.unlimited_monthly),
                verdict,
            ]
        };
        if w.express_route.len() <= FULL_TABLE_ROWS {
            for c in &w.express_route {
                t.body(row(c));
            }
        } else {
            // What the comparison is for: circuits that would cost less billed the other way,
            // largest saving first; then the most egress (the nearest to a break-even).
            let saving = |c: &crate::costing::whatif::MeteredVsUnlimited| {
                let (metered, unlimited) = (c.metered_monthly?, c.unlimited_monthly?);
                let billing = names
                    .link(&c.circuit)
                    .and_then(|l| l.as_er())
                    .map(|e| e.billing)?;
                let (now, other) = match billing {
                    ErBilling::Metered => (metered, unlimited),
                    ErBilling::Unlimited => (unlimited, metered),
                };
                now.checked_sub(other).filter(|s| *s > Usd::ZERO)
            };
            let savings: Vec<Option<Usd>> = w.express_route.iter().map(saving).collect();
            let mut order: Vec<usize> = (0..w.express_route.len()).collect();
            order.sort_by(|&a, &b| {
                savings[b].cmp(&savings[a]).then(
                    w.express_route[b]
                        .egress_gb
                        .total_cmp(&w.express_route[a].egress_gb),
                )
            });
            let cheaper = savings.iter().flatten().count();
            let total_saving = savings
                .iter()
                .flatten()
                .try_fold(Usd::ZERO, |sum, s| sum.checked_add(*s));
            let verdict = match (cheaper, total_saving) {
                (0, _) => "none would cost less billed the other way".to_string(),
                (n, Some(sum)) => format!(
                    "{} would cost less billed the other way, together {} a month",
                    number(n),
                    dollars(sum)
                ),
                (n, None) => format!("{} would cost less billed the other way", number(n)),
            };
            blocks.push(Block::Paragraph(format!(
                "{} circuits compared: {verdict}. Too many to list one by one: those that would save most, then those with the most egress, are listed ({SHOWN_ROWS}); the other {} are omitted here. linkwright cost --format json lists them all.",
                number(w.express_route.len()),
                number(w.express_route.len() - SHOWN_ROWS),
            )));
            for &i in order.iter().take(SHOWN_ROWS) {
                t.body(row(&w.express_route[i]));
            }
        }
        blocks.push(Block::Table(t));
    }
    if !w.demands.is_empty() {
        blocks.push(Block::Heading(
            "Cheapest way to serve each demand (list prices)".into(),
        ));
        let mut t = Table::new(&[
            ("Demand", 2.2, Align::Left),
            ("Option", 2.2, Align::Left),
            ("Monthly", 1.0, Align::Right),
            ("Why", 3.0, Align::Left),
        ]);
        let best: Vec<(&str, &crate::costing::whatif::DemandOption)> = w
            .demands
            .iter()
            .filter_map(|d| Some((d.demand.as_str(), d.options.first()?)))
            .collect();
        let row = |demand: &str, o: &crate::costing::whatif::DemandOption| {
            vec![
                names.of(demand),
                o.description.clone(),
                o.monthly.map(dollars).unwrap_or_else(|| "unpriced".into()),
                o.reason.clone(),
            ]
        };
        if best.len() <= FULL_TABLE_ROWS {
            for (demand, o) in &best {
                t.body(row(demand, o));
            }
            blocks.push(Block::Table(t));
        } else {
            let mut by_option: BTreeMap<&str, (usize, Option<Usd>, Option<Usd>)> = BTreeMap::new();
            for (_, o) in &best {
                let (n, low, high) = by_option.entry(o.description.as_str()).or_default();
                *n += 1;
                if let Some(m) = o.monthly {
                    *low = Some(low.map_or(m, |l| l.min(m)));
                    *high = Some(high.map_or(m, |h| h.max(m)));
                }
            }
            blocks.push(Block::Paragraph(format!(
                "{} demands: too many to list one by one. They are grouped by their cheapest option below, then the {SHOWN_ROWS} whose cheapest option costs the most are listed; the other {} are omitted here. linkwright cost --format json lists them all.",
                number(best.len()),
                number(best.len() - SHOWN_ROWS),
            )));
            let mut groups = Table::new(&[
                ("Cheapest option", 4.4, Align::Left),
                ("Demands", 0.9, Align::Right),
                ("Monthly per demand", 2.0, Align::Right),
            ]);
            let mut options: Vec<_> = by_option.into_iter().collect();
            options.sort_by(|a, b| (b.1).0.cmp(&(a.1).0).then(a.0.cmp(b.0)));
            let kinds = options.len();
            for (description, (n, low, high)) in options.into_iter().take(FULL_TABLE_ROWS) {
                let range = match (low, high) {
                    (Some(l), Some(h)) if l == h => dollars(l),
                    (Some(l), Some(h)) => format!("{} to {}", dollars(l), dollars(h)),
                    _ => "unpriced".into(),
                };
                groups.body(vec![description.to_string(), number(n), range]);
            }
            blocks.push(Block::Table(groups));
            if kinds > FULL_TABLE_ROWS {
                blocks.push(Block::Note(format!(
                    "The {} most common options of {} are shown.",
                    number(FULL_TABLE_ROWS),
                    number(kinds)
                )));
            }
            let mut order: Vec<usize> = (0..best.len()).collect();
            order.sort_by(|&a, &b| best[b].1.monthly.cmp(&best[a].1.monthly));
            for &i in order.iter().take(SHOWN_ROWS) {
                t.body(row(best[i].0, best[i].1));
            }
            blocks.push(Block::Heading(format!(
                "The {SHOWN_ROWS} demands whose cheapest option costs the most"
            )));
            blocks.push(Block::Table(t));
        }
        blocks.push(Block::Note(
            "The cheapest option meets the demand's bandwidth and target model with the fewest, smallest ports the clouds offer; it is a comparison point, not a design."
                .into(),
        ));
    }
}

fn resilience(analyses: &Analyses, names: &Names<'_>) -> Section {
    let a = &analyses.resilience;
    let mut blocks = Vec::new();
    if a.demands.is_empty() {
        blocks.push(Block::Paragraph(
            "The design has no demands, so no failure analysis was run. Add a demand for every site that must reach a cloud region.".into(),
        ));
    } else {
        blocks.push(Block::Paragraph(
            "Every single failure (N-1) of a link, device, building, metro, provider or shared-risk group was simulated; residual capacity is the maximum flow left from the site to the region.".into(),
        ));
        let mut t = Table::new(&[
            ("Demand", 2.2, Align::Left),
            ("Model", 1.5, Align::Left),
            ("Required", 1.0, Align::Right),
            ("Intact", 0.9, Align::Right),
            ("Worst single failure", 2.2, Align::Left),
            ("Residual", 1.0, Align::Right),
            ("Single points of failure", 2.4, Align::Left),
        ]);
        if a.demands.len() <= FULL_TABLE_ROWS {
            for d in &a.demands {
                t.row(RowKind::Body, demand_cells(a, d, names));
            }
            blocks.push(Block::Table(t));
        } else {
            demands_summary(a, names, t, &mut blocks);
        }
        let notes: Vec<(&str, &str)> = a
            .demands
            .iter()
            .flat_map(|d| {
                d.model
                    .notes
                    .iter()
                    .map(move |n| (d.demand.as_str(), n.as_str()))
            })
            .collect();
        if !notes.is_empty() {
            blocks.push(Block::Heading("Model notes".into()));
        }
        if notes.len() <= FULL_TABLE_ROWS {
            if !notes.is_empty() {
                blocks.push(Block::Bullets(
                    notes
                        .iter()
                        .map(|(d, n)| format!("{}: {n}", names.of(d)))
                        .collect(),
                ));
            }
        } else {
            // The same note about many demands, once, with how many it concerns.
            let mut by_note: HashMap<&str, usize> = HashMap::new();
            for (_, n) in &notes {
                *by_note.entry(n).or_default() += 1;
            }
            let mut by_note: Vec<(&str, usize)> = by_note.into_iter().collect();
            by_note.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let kinds = by_note.len();
            let mut bullets: Vec<String> = by_note
                .iter()
                .take(SHOWN_ROWS)
                .map(|(n, c)| format!("{} demand(s): {n}", number(*c)))
                .collect();
            if kinds > SHOWN_ROWS {
                bullets.push(format!(
                    "{} other notes, each about fewer demands; linkwright resilience --format json lists every note.",
                    number(kinds - SHOWN_ROWS)
                ));
            }
            blocks.push(Block::Bullets(bullets));
        }
    }
    if !analyses.gateways.is_empty() {
        blocks.push(Block::Heading("Azure resiliency index per gateway".into()));
        let mut t = Table::new(&[
            ("Region", 2.0, Align::Left),
            ("Gateway", 1.2, Align::Left),
            ("Index (design)", 1.0, Align::Right),
            ("Index (validated)", 1.0, Align::Right),
            ("Components", 4.2, Align::Left),
        ]);
        let row = |g: &crate::resilience::GatewayIndex| {
            vec![
                names.of(&g.region),
                g.gateway_sku.clone(),
                g.design_index.to_string(),
                g.validated_index.to_string(),
                format!(
                    "R = {} ({}); Z = {} ({}); A = {}; weights v{}",
                    g.r, g.r_reason, g.z, g.z_reason, g.a, g.weights_version
                ),
            ]
        };
        let gateways = &analyses.gateways;
        if gateways.len() <= FULL_TABLE_ROWS {
            for g in gateways {
                t.body(row(g));
            }
            blocks.push(Block::Table(t));
        } else {
            let mut by_index: BTreeMap<(&str, u32, u32), usize> = BTreeMap::new();
            for g in gateways {
                *by_index
                    .entry((g.gateway_sku.as_str(), g.design_index, g.validated_index))
                    .or_default() += 1;
            }
            blocks.push(omitted(
                gateways.len(),
                "gateways",
                "SKU and index",
                SHOWN_ROWS,
                "with the lowest index",
                "linkwright resilience --format json",
            ));
            let mut groups = Table::new(&[
                ("Gateway", 2.0, Align::Left),
                ("Index (design)", 1.2, Align::Right),
                ("Index (validated)", 1.2, Align::Right),
                ("Gateways", 1.0, Align::Right),
            ]);
            for ((sku, design, validated), n) in by_index.into_iter().take(FULL_TABLE_ROWS) {
                groups.body(vec![
                    sku.to_string(),
                    design.to_string(),
                    validated.to_string(),
                    number(n),
                ]);
            }
            blocks.push(Block::Table(groups));
            let mut order: Vec<&crate::resilience::GatewayIndex> = gateways.iter().collect();
            order.sort_by_key(|g| (g.design_index, g.validated_index));
            for g in order.into_iter().take(SHOWN_ROWS) {
                t.body(row(g));
            }
            blocks.push(Block::Heading(format!(
                "The {SHOWN_ROWS} gateways with the lowest index"
            )));
            blocks.push(Block::Table(t));
        }
        blocks.push(Block::Note(
            "Index = R × M + Z + A: R location redundancy, M the validation multiplier (design or validated by failover testing), Z the gateway's zone resilience, A advisories cleared.".into(),
        ));
    }
    Section {
        title: SECTION_RESILIENCE.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// One demand as a row of the resilience table.
fn demand_cells(
    a: &crate::resilience::Analysis,
    d: &crate::resilience::DemandResult,
    names: &Names<'_>,
) -> Vec<Cell> {
    let (worst, residual) = match d.worst_single() {
        Some(s) => (
            s.domains
                .iter()
                .map(|i| a.domain_label(i).to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            mbps(s.residual_mbps),
        ),
        None => ("none".into(), mbps(d.intact_mbps)),
    };
    let spofs = if d.intact_mbps == 0 {
        "no path".to_string()
    } else if d.spofs.is_empty() {
        "none".to_string()
    } else {
        d.spofs
            .iter()
            .map(|&i| a.domain_label(i).to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        Cell::text(names.of(&d.demand)),
        Cell::badge(d.model.kind.label(), model_rgb(d.model.kind)),
        Cell::text(mbps(d.required_mbps)),
        Cell::text(mbps(d.intact_mbps)),
        Cell::text(worst),
        Cell::text(residual),
        Cell::text(spofs),
    ]
}

/// The capacity a demand keeps after its worst single failure.
fn residual_mbps(d: &crate::resilience::DemandResult) -> u64 {
    d.worst_single().map_or(d.intact_mbps, |s| s.residual_mbps)
}

fn findings(analyses: &Analyses, names: &Names<'_>) -> Section {
    let columns: &[(&str, f32, Align)] = &[
        ("Code", 0.8, Align::Left),
        ("Severity", 0.9, Align::Left),
        ("Finding", 3.4, Align::Left),
        ("Elements", 1.8, Align::Left),
        ("How to fix", 2.6, Align::Left),
    ];
    let row = |f: &Finding, last: String| {
        vec![
            Cell::text(f.code),
            Cell::badge(f.severity.label(), look::severity_rgb(f.severity)),
            Cell::text(f.message.clone()),
            Cell::text(names.list(&f.subjects)),
            Cell::text(last),
        ]
    };
    let mut blocks = Vec::new();
    let active: Vec<&Finding> = analyses.findings.active().collect();
    let mut table = Table::new(columns);
    if active.is_empty() {
        blocks.push(Block::Paragraph(
            "No open findings: the design passes every enabled rule.".into(),
        ));
    } else if active.len() <= FULL_TABLE_ROWS {
        for f in &active {
            table.row(RowKind::Body, row(f, f.hint.to_string()));
        }
        blocks.push(Block::Table(table));
    } else {
        blocks.push(omitted(
            active.len(),
            "open findings",
            "rule",
            SHOWN_ROWS,
            "most severe",
            "linkwright check --format json",
        ));
        blocks.push(Block::Table(findings_by_rule(
            &active,
            |f| f.hint.to_string(),
            "How to fix",
        )));
        for f in most_severe(&active) {
            table.row(RowKind::Body, row(f, f.hint.to_string()));
        }
        blocks.push(Block::Heading(format!(
            "The {SHOWN_ROWS} most severe findings"
        )));
        blocks.push(Block::Table(table));
    }
    blocks.push(Block::Heading(ACCEPTED_RISKS.into()));
    let mut accepted = Table::new(&[
        ("Code", 0.8, Align::Left),
        ("Severity", 0.9, Align::Left),
        ("Finding", 3.4, Align::Left),
        ("Elements", 1.8, Align::Left),
        ("Why accepted", 2.6, Align::Left),
    ]);
    let excluded: Vec<&Finding> = analyses.findings.excluded().collect();
    let comment = |f: &Finding| f.excluded.clone().unwrap_or_default();
    if excluded.is_empty() {
        blocks.push(Block::Paragraph(
            "No findings were accepted as risks.".into(),
        ));
    } else if excluded.len() <= FULL_TABLE_ROWS {
        for f in &excluded {
            accepted.row(RowKind::Body, row(f, comment(f)));
        }
        blocks.push(Block::Table(accepted));
    } else {
        blocks.push(omitted(
            excluded.len(),
            "accepted risks",
            "rule and reason",
            SHOWN_ROWS,
            "most severe",
            "linkwright check --format json",
        ));
        blocks.push(Block::Table(findings_by_rule(
            &excluded,
            comment,
            "Why accepted",
        )));
        for f in most_severe(&excluded) {
            accepted.row(RowKind::Body, row(f, comment(f)));
        }
        blocks.push(Block::Heading(format!(
            "The {SHOWN_ROWS} most severe accepted risks"
        )));
        blocks.push(Block::Table(accepted));
    }
    Section {
        title: SECTION_FINDINGS.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

fn assumptions(
    design: &Design,
    analyses: &Analyses,
    catalog: &Catalog,
    user_book: &UserBook,
    names: &Names<'_>,
) -> Section {
    let cost = &analyses.cost;
    let mut blocks = vec![Block::Bullets(vec![
        format!(
            "Hourly prices are billed for a {}-hour month; annual = 12 months, 3 years = 36 months, no price changes assumed.",
            cost.hours_per_month
        ),
        format!("Egress split: {}", cost.egress_rule),
        "All prices are list prices in USD before tax, from the sources below; negotiated quotes and discounts are listed separately.".into(),
        "Failure analysis: one failure at a time (N-1) over the failure domains the design and the catalog imply.".into(),
    ])];

    blocks.push(Block::Heading("Price sources".into()));
    // Every source actually behind a priced line, with its date and confidence.
    let mut sources: BTreeMap<(&str, &str, &str, &str), usize> = BTreeMap::new();
    for i in &cost.items {
        let key = match &i.provenance {
            Some(Provenance::Catalog {
                source,
                as_of,
                confidence,
                ..
            }) => (
                source.as_str(),
                as_of.as_str(),
                confidence.as_str(),
                "catalog",
            ),
            Some(Provenance::UserBook {
                source,
                as_of,
                confidence,
                ..
            }) => (
                source.as_str(),
                as_of.as_str(),
                confidence.as_str(),
                "user price book",
            ),
            Some(Provenance::DesignQuote { .. }) => ("quote", "", "", "design"),
            Some(Provenance::UserEntered) => ("entered on the element", "", "", "design"),
            None => continue,
        };
        *sources.entry(key).or_default() += 1;
    }
    if sources.is_empty() {
        blocks.push(Block::Paragraph("No priced lines.".into()));
    } else {
        let mut t = Table::new(&[
            ("Source", 1.3, Align::Left),
            ("Layer", 1.0, Align::Left),
            ("What it is", 3.6, Align::Left),
            ("As of", 1.0, Align::Left),
            ("Confidence", 0.9, Align::Left),
            ("Lines", 0.6, Align::Right),
        ]);
        for ((source, as_of, confidence, layer), n) in sources {
            let what = catalog
                .prices
                .sources
                .get(source)
                .cloned()
                .unwrap_or_default();
            let confidence = if confidence == crate::costing::book::SECONDARY {
                "secondary source"
            } else {
                confidence
            };
            t.body(vec![
                source.to_string(),
                layer.to_string(),
                what,
                as_of.to_string(),
                confidence.to_string(),
                number(n),
            ]);
        }
        blocks.push(Block::Table(t));
    }
    blocks.push(Block::Note(
        "Confidence: OFF = the provider's own page; OFF-copy = a copy of it; 3P = third party; secondary source = a third party's restructuring of the provider's price data (names and dates dropped); DER = derived from the others.".into(),
    ));
    blocks.push(Block::Heading("Catalog".into()));
    blocks.push(Block::Bullets(
        catalog
            .provenance
            .iter()
            .map(|p| {
                format!(
                    "{}: {} as of {} [{}]",
                    p.part, p.source, p.as_of, p.confidence
                )
            })
            .chain(std::iter::once(format!(
                "Prices: {}",
                price_book_dates(catalog, user_book)
            )))
            .collect(),
    ));

    blocks.push(Block::Heading("User quotes and discounts".into()));
    let settings = &design.settings;
    let mut quotes: Vec<String> = settings
        .price_overrides
        .iter()
        .map(|o| {
            let unit = match o.unit {
                crate::model::PriceUnit::Hour => "hour",
                crate::model::PriceUnit::Month => "month",
                crate::model::PriceUnit::Gb => "GB",
            };
            let scope = o
                .element
                .as_deref()
                .map_or_else(|| "every element".to_string(), |e| names.of(e));
            let note = if o.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", o.note)
            };
            format!(
                "Quote: {} for {scope}: ${} per {unit}{note}",
                o.meter, o.usd
            )
        })
        .collect();
    quotes.extend(settings.discounts.iter().map(|d| {
        let note = if d.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", d.note)
        };
        format!("Discount: {} off {}{note}", d.percent, d.provider)
    }));
    let user_entered = cost
        .items
        .iter()
        .filter(|i| matches!(i.provenance, Some(Provenance::UserEntered)))
        .count();
    if user_entered > 0 {
        quotes.push(format!(
            "{user_entered} line(s) use the monthly cost entered on the element (access circuits, fabric connections)."
        ));
    }
    if quotes.is_empty() {
        blocks.push(Block::Paragraph(
            "None: every price is a list price.".into(),
        ));
    } else {
        blocks.push(Block::Bullets(quotes));
    }

    blocks.push(Block::Heading("Unpriced items".into()));
    if cost.unpriced.is_empty() {
        blocks.push(Block::Paragraph("None: every line item is priced.".into()));
    } else {
        blocks.push(Block::Paragraph(format!(
            "The totals exclude these {} item(s); enter a quote in the design or a price in the user price book to include them.",
            cost.unpriced.len()
        )));
        if cost.unpriced.len() <= FULL_TABLE_ROWS {
            let mut t = Table::new(&[
                ("Element", 2.0, Align::Left),
                ("Meter", 2.0, Align::Left),
                ("Why unpriced", 4.0, Align::Left),
            ]);
            for u in &cost.unpriced {
                t.body(vec![u.element.clone(), u.meter.clone(), u.reason.clone()]);
            }
            blocks.push(Block::Table(t));
        } else {
            unpriced_summary(&cost.unpriced, &mut blocks);
        }
    }
    Section {
        title: SECTION_ASSUMPTIONS.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_match_the_calendar() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_484), "2026-01-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn iso_dates_are_checked_against_the_calendar() {
        assert!(is_iso_date("2026-01-31"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-01-31"));
        assert!(!is_iso_date("2026/01/31"));
    }
}

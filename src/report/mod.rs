//! The stakeholder report. `build` turns a design and its analyses into a document model —
//! plain text, figures and drawing instructions, no layout — and two writers render it:
//! `pdf::render` lays it out on pages, `html::render` writes it as one web page. Every number
//! in the report comes from the analyses (the same ones `cost`, `resilience` and `check`
//! print); a writer never computes a domain answer.

pub mod html;
pub mod pdf;
mod summary;
/// The document model: what the report says, without layout.
mod document;
pub use document::*;
// One file per section.
mod assumptions;
mod bill;
mod cover;
mod executive;
mod findings_section;
mod resilience_section;
mod options;
mod sources;
mod topology;
use assumptions::*;
use bill::*;
use cover::*;
use executive::*;
use findings_section::*;
pub use options::{Alternative, SECTION_OPTIONS};
use resilience_section::*;
use sources::{SourceNotes, bill_order};
use topology::*;

use summary::{
    FULL_RESILIENCE, bom_summary, demands_summary, elements_summary, findings_by_rule, most_severe,
    omitted, unpriced_summary,
};

use crate::analyses::Analyses;
use crate::catalog::Catalog;
use crate::costing::{Biller, Category, LineItem, Provenance, UserBook};
use crate::look::{self, Rgb};
use crate::model::mbps;
use crate::model::{
    Design, DxConnectionType, ErBilling, LinkKind, NodeKind, NodeKindTag, Usd, dollars,
};
use crate::resilience::ModelKind;
use crate::rules::{Finding, Severity};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

use crate::model::count;

/// The file formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    /// One self-contained web page.
    Html,
}

impl Format {
    /// The format a file name asks for by its extension, in any case: `.pdf` a PDF, `.html` or
    /// `.htm` a web page; a name without an extension (a device such as `/dev/stdout`) a PDF,
    /// as the report always was; None for any other extension.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let Some(extension) = path.extension() else {
            return Some(Format::Pdf);
        };
        match extension.to_string_lossy().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Pdf(#[from] pdf::RenderError),
    #[error(transparent)]
    Html(#[from] html::RenderError),
}

/// `report` as the bytes of a `format` file.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Pdf => pdf::render(report)?,
        Format::Html => html::render(report)?.into_bytes(),
    })
}

/// Analyse `design` and render its report as a `format` file's bytes: what `linkwright
/// report` does and File → Export report… can call with the format of the chosen file's name
/// (`Format::of_path`).
pub fn export(
    design: &Design,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    let analyses = crate::analyses::run(
        design,
        catalog,
        user_book,
        crate::costing::Options::default(),
        crate::resilience::Depth::Single,
    );
    render(&build(design, &analyses, catalog, user_book, meta), format)
}

/// How the options page names a design: its name, or its file's when it has none.
pub fn option_label(design: &Design, path: &std::path::Path) -> String {
    if design.name.trim().is_empty() {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    } else {
        design.name.clone()
    }
}

/// The report of `design` (with its `analyses`) with an options page comparing it (option A,
/// named `label`) with each of `others` (B, C, …), every option analysed as the report's own
/// design is: what `linkwright report --compare` writes and the designer's File → Export
/// options report….
pub fn compared(
    design: &Design,
    analyses: &Analyses,
    label: String,
    others: &[(String, &Design)],
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
) -> Report {
    let run = |d: &Design| {
        crate::analyses::run(
            d,
            catalog,
            user_book,
            crate::costing::Options::default(),
            crate::resilience::Depth::Single,
        )
    };
    let doc = build(design, analyses, catalog, user_book, meta);
    let analysed: Vec<_> = others.iter().map(|(_, d)| run(d)).collect();
    let mut options = vec![Alternative {
        label,
        design,
        analyses,
    }];
    options.extend(
        others
            .iter()
            .zip(&analysed)
            .map(|((label, d), a)| Alternative {
                label: label.clone(),
                design: d,
                analyses: a,
            }),
    );
    with_options(doc, &options)
}

/// Analyse `design` and render its report as PDF bytes (`export` as a PDF).
pub fn pdf_of(
    design: &Design,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
) -> Result<Vec<u8>, RenderError> {
    export(design, catalog, user_book, meta, Format::Pdf)
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
    let notes = SourceNotes::of(bill_order(&analyses.cost));
    let title = if design.name.trim().is_empty() {
        "Untitled design".to_string()
    } else {
        design.name.clone()
    };
    let diagram = diagram_of(design, analyses, &names);
    Report {
        footer: footer(design, &title, &meta.date),
        cover: cover(design, analyses, catalog, user_book, meta, &title),
        title,
        paper: meta.paper,
        date: meta.date.clone(),
        sections: vec![
            summary(design, analyses, &names, diagram.clone()),
            topology(design, analyses, &names, diagram),
            bill_of_materials(analyses, &names, &notes),
            resilience(analyses, &names),
            findings(analyses, &names),
            assumptions(design, analyses, catalog, user_book, &names, &notes),
        ],
    }
}

/// The running footer: the title, the version and the confidentiality line when the design
/// states them, and the date.
fn footer(design: &Design, title: &str, date: &str) -> String {
    let version = design.version.trim();
    let version = (!version.is_empty()).then(|| format!("version {version}"));
    let confidentiality = design.confidentiality.trim();
    [
        Some(title.to_string()),
        version,
        Some(confidentiality.to_string()),
        Some(date.to_string()),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `report` (of the first option) with an options page after its executive summary, comparing
/// the options side by side and recommending one (`report A.json --compare B.json`).
pub fn with_options(mut report: Report, options: &[Alternative<'_>]) -> Report {
    let at = report.sections.len().min(1);
    report
        .sections
        .insert(at, options::options_section(options));
    report
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
    /// `text` with each "demand ID" of a demand of the design written with the demand's name:
    /// the costing describes a line by ids, the reader knows the demands by their ends.
    fn with_demand_names(&self, text: &str) -> String {
        const WORD: &str = "demand ";
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        while let Some(at) = rest.find(WORD) {
            let after = &rest[at + WORD.len()..];
            let end = after
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ')' | ';'))
                .unwrap_or(after.len());
            let id = &after[..end];
            out.push_str(&rest[..at + WORD.len()]);
            match self.by_id.get(id) {
                Some(Named::Demand(_)) => {
                    out.push('“');
                    out.push_str(&self.of(id));
                    out.push('”');
                }
                _ => out.push_str(id),
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
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

/// Up to this many demands the executive summary lists each one; beyond, it groups them.
const SUMMARY_DEMANDS: usize = 12;

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

/// The rule that flags a demand whose target resiliency model is not met (its recommendation
/// carries the cheapest configuration that meets it).
const TARGET_NOT_MET: &str = "RES003";

/// The demands that miss their resilience target (`analyses::misses_target`: a demand left
/// without any path misses it too, although the target rule leaves it to the no-path rule, and
/// an accepted shortfall is still a shortfall).
fn below_target<'a>(design: &Design, analyses: &'a Analyses) -> BTreeSet<&'a str> {
    analyses
        .resilience
        .demands
        .iter()
        .filter(|r| crate::analyses::misses_target(design, r))
        .map(|r| r.demand.as_str())
        .collect()
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
    fn the_output_name_chooses_the_writer() {
        use std::path::Path;
        let of = |p: &str| Format::of_path(Path::new(p));
        assert_eq!(of("r.pdf"), Some(Format::Pdf));
        assert_eq!(of("r.PDF"), Some(Format::Pdf));
        assert_eq!(of("wiki/r.html"), Some(Format::Html));
        assert_eq!(of("r.HTM"), Some(Format::Html));
        // No extension: a device or a pipe, the PDF as always.
        assert_eq!(of("/dev/stdout"), Some(Format::Pdf));
        assert_eq!(of("r.txt"), None);
        assert_eq!(of("r.html.bak"), None);
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

//! Writes a `Report` as one self-contained HTML page, for wikis and e-mail: the same document
//! model the PDF lays out, in the same order and words. Inline CSS only (print-friendly, light
//! colours as the PDF's, readable on a phone), no scripts, no external resources: the bar
//! charts and the topology are inline SVG, the topology from the diagram's own SVG writer
//! (`diagram::svg`, the light look, its legend). Deterministic: the page depends only on the
//! report.
//!
//! Text is escaped with `diagram::svg::escape` (the five markup characters and the control
//! characters neither XML nor HTML may carry); the page is also well-formed XML (void
//! elements closed, attributes quoted), so its tests read it back with an XML parser.
//!
//! This file is the page (head, cover, contents, sections) and the blocks, one `match`; the
//! stylesheet is in `style`, the SVG figures in `figures`.

mod figures;
mod style;

use super::{Align, Block, Cell, Figure, Refs, Report, Row, RowKind, Section, Table};
use crate::diagram::svg::{escape, hex};
use std::fmt::Write as _;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the embedded DejaVu Sans did not parse")]
    Font,
}

/// The report as one HTML page.
pub fn render(report: &Report) -> Result<String, RenderError> {
    let metrics = crate::diagram::Metrics::dejavu().ok_or(RenderError::Font)?;
    let anchors = Anchors::of(report);
    let mut page = Page {
        out: String::with_capacity(64 * 1024),
        metrics: &metrics,
    };
    page.head(report);
    page.out.push_str("<body>\n");
    page.cover(report);
    page.contents(report, &anchors);
    page.out.push_str("<main>\n");
    for (i, section) in report.sections.iter().enumerate() {
        page.section(i + 2, section, &anchors.sections[i]);
    }
    page.out.push_str("</main>\n");
    let _ = writeln!(
        page.out,
        "<footer class=\"page-footer\">{}</footer>",
        text(&report.footer)
    );
    page.out.push_str("</body>\n</html>\n");
    Ok(page.out)
}

/// The subject of the report, as the PDF's metadata gives it.
const SUBJECT: &str = "Hybrid-cloud interconnect design report";
const KEYWORDS: &str = "hybrid cloud, interconnect, ExpressRoute, Direct Connect";

/// Each section's anchor and its headings' (unique in the page), made before any is written so
/// the contents can link to them.
struct Anchors {
    sections: Vec<SectionAnchors>,
}

struct SectionAnchors {
    id: String,
    /// One per `Block::Heading` of the section, in order.
    headings: Vec<String>,
}

impl Anchors {
    fn of(report: &Report) -> Anchors {
        let mut taken = std::collections::BTreeSet::new();
        let mut unique = |base: String| {
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        };
        let sections = report
            .sections
            .iter()
            .map(|s| {
                let id = unique(format!("sec-{}", slug(&s.title)));
                let headings = s
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Heading(h) => Some(unique(format!("{id}-{}", slug(h)))),
                        _ => None,
                    })
                    .collect();
                SectionAnchors { id, headings }
            })
            .collect();
        Anchors { sections }
    }
}

/// "Bill of materials" → "bill-of-materials": lower-case letters and digits, runs of anything
/// else one hyphen.
fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "part".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Escaped text, line breaks kept as `<br/>`.
fn text(t: &str) -> String {
    escape(t).replace('\n', "<br/>")
}

/// The id of source note `n`, where "[n]" links to.
fn note_id(n: &str) -> String {
    format!("note-{n}")
}

/// The number of a citation token: "[3]" → "3".
fn cited(token: &str) -> Option<&str> {
    let n = token.strip_prefix('[')?.strip_suffix(']')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(n)
}

struct Page<'m> {
    out: String,
    metrics: &'m crate::diagram::Metrics,
}

impl Page<'_> {
    fn head(&mut self, report: &Report) {
        let author = report
            .cover
            .facts
            .iter()
            .find(|(label, _)| label == "Author")
            .map_or("", |(_, v)| v.as_str());
        let title = escape(&report.title);
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
             <title>{title} — {SUBJECT}</title>\n\
             <meta name=\"author\" content=\"{}\"/>\n\
             <meta name=\"description\" content=\"{SUBJECT}: {title}\"/>\n\
             <meta name=\"keywords\" content=\"{KEYWORDS}\"/>\n\
             <meta name=\"generator\" content=\"linkwright {}\"/>\n\
             <meta name=\"date\" content=\"{}\"/>\n\
             <style>\n{}</style>\n</head>\n",
            escape(author),
            env!("CARGO_PKG_VERSION"),
            escape(&report.date),
            style::css(report.paper)
        );
    }

    /// The title band, the design's name, the headline figures and the facts.
    fn cover(&mut self, report: &Report) {
        let cover = &report.cover;
        let _ = writeln!(
            self.out,
            "<header class=\"cover\" id=\"cover\">\n<div class=\"band\"></div>\n\
             <p class=\"kicker\">{SUBJECT}</p>\n<h1>{}</h1>",
            text(&cover.design_name)
        );
        if !cover.headline.is_empty() {
            self.out.push_str("<div class=\"figures\">\n");
            for f in &cover.headline {
                self.figure(f);
            }
            self.out.push_str("</div>\n");
        }
        if !cover.facts.is_empty() {
            self.out.push_str("<dl class=\"facts\">\n");
            for (label, value) in &cover.facts {
                let _ = writeln!(
                    self.out,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    text(label),
                    text(value)
                );
            }
            self.out.push_str("</dl>\n");
        }
        self.out.push_str("</header>\n");
    }

    fn figure(&mut self, f: &Figure) {
        let _ = writeln!(
            self.out,
            "<div class=\"figure\" style=\"border-left-color:{}\"><div class=\"label\">{}</div>\
             <div class=\"value\">{}</div><div class=\"detail\">{}</div></div>",
            hex(f.tone.rgb()),
            text(&f.label),
            text(&f.value),
            text(&f.detail)
        );
    }

    /// The contents: each section, numbered from 2 as in the PDF (the cover is 1), linked to
    /// its anchor.
    fn contents(&mut self, report: &Report, anchors: &Anchors) {
        self.out.push_str(
            "<nav class=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n",
        );
        for (i, (section, a)) in report.sections.iter().zip(&anchors.sections).enumerate() {
            let _ = writeln!(
                self.out,
                "<li><a href=\"#{}\">{}. {}</a></li>",
                escape(&a.id),
                i + 2,
                text(&section.title)
            );
        }
        self.out.push_str("</ol>\n</nav>\n");
    }

    fn section(&mut self, number: usize, section: &Section, anchors: &SectionAnchors) {
        let class = match section.orientation {
            super::Orientation::Portrait => "portrait",
            super::Orientation::Landscape => "landscape",
        };
        let _ = writeln!(
            self.out,
            "<section id=\"{}\" class=\"{class}\">\n<h2>{number}. {}</h2>",
            escape(&anchors.id),
            text(&section.title)
        );
        let mut headings = anchors.headings.iter();
        for block in &section.blocks {
            self.block(block, &mut headings);
        }
        self.out.push_str("</section>\n");
    }

    /// One block of a section. `headings` gives each heading its anchor, in order.
    fn block<'a>(&mut self, block: &Block, headings: &mut impl Iterator<Item = &'a String>) {
        match block {
            Block::Heading(t) => {
                let id = headings
                    .next()
                    .map_or(String::new(), |id| format!(" id=\"{}\"", escape(id)));
                let _ = writeln!(self.out, "<h3{id}>{}</h3>", text(t));
            }
            Block::Paragraph(t) => {
                let _ = writeln!(self.out, "<p>{}</p>", text(t));
            }
            Block::Note(t) => {
                let _ = writeln!(self.out, "<p class=\"note\">{}</p>", text(t));
            }
            Block::Bullets(items) => {
                self.out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(self.out, "<li>{}</li>", text(item));
                }
                self.out.push_str("</ul>\n");
            }
            Block::Recommendations(items) => {
                self.out.push_str("<ol class=\"recommendations\">\n");
                for (headline, detail) in items {
                    let _ = writeln!(
                        self.out,
                        "<li><strong>{}</strong><br/><span class=\"detail\">{}</span></li>",
                        text(headline),
                        text(detail)
                    );
                }
                self.out.push_str("</ol>\n");
            }
            Block::Bars(chart) => figures::bars(&mut self.out, chart, self.metrics),
            Block::Table(table) => self.table(table),
            Block::Diagram(diagram) => figures::diagram(&mut self.out, diagram, self.metrics),
            Block::Lines(chart) => figures::lines(&mut self.out, chart, self.metrics),
            Block::Sketch(sketch) => figures::sketch(&mut self.out, sketch, self.metrics),
        }
    }

    /// A real table: the columns' shares as widths, a header, figures right-aligned and never
    /// broken, group headings across the row, subtotals and the total in bold.
    fn table(&mut self, table: &Table) {
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.01);
        self.out
            .push_str("<div class=\"table-wrap\">\n<table>\n<colgroup>");
        for c in &table.columns {
            let _ = write!(
                self.out,
                "<col style=\"width:{:.1}%\"/>",
                c.weight / total * 100.0
            );
        }
        self.out.push_str("</colgroup>\n<thead><tr>");
        for c in &table.columns {
            let _ = write!(
                self.out,
                "<th scope=\"col\"{}>{}</th>",
                align_class(c.align),
                text(&c.title)
            );
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            self.row(table, row);
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
    }

    fn row(&mut self, table: &Table, row: &Row) {
        let columns = table.columns.len().max(1);
        match row.kind {
            RowKind::Group => {
                let _ = writeln!(
                    self.out,
                    "<tr class=\"group\"><th colspan=\"{columns}\" scope=\"rowgroup\">{}</th></tr>",
                    text(row.cells.first().map_or("", |c| c.text.as_str()))
                );
            }
            RowKind::Body | RowKind::Subtotal | RowKind::Total => {
                let class = match row.kind {
                    RowKind::Subtotal => " class=\"subtotal\"",
                    RowKind::Total => " class=\"total\"",
                    _ => "",
                };
                let _ = write!(self.out, "<tr{class}>");
                let mut i = 0;
                while i < columns {
                    let empty = Cell::text("");
                    let cell = row.cells.get(i).unwrap_or(&empty);
                    let column = table.columns.get(i);
                    let align = column.map_or(Align::Left, |c| c.align);
                    // A subtotal's label runs on over the empty cells after it (as in the PDF),
                    // up to its figure, which stays in its own column.
                    let mut span = 1;
                    if row.kind != RowKind::Body && align == Align::Left && !cell.text.is_empty() {
                        while i + span < columns
                            && row.cells.get(i + span).is_none_or(|c| c.text.is_empty())
                        {
                            span += 1;
                        }
                    }
                    let refs = column.map_or(Refs::None, |c| c.refs);
                    self.cell(cell, align, refs, span);
                    i += span;
                }
                self.out.push_str("</tr>\n");
            }
        }
    }

    fn cell(&mut self, cell: &Cell, align: Align, refs: Refs, span: usize) {
        let span = if span > 1 {
            format!(" colspan=\"{span}\"")
        } else {
            String::new()
        };
        let id = match refs {
            Refs::Notes => cited(cell.text.trim()).map_or(String::new(), |n| {
                format!(" id=\"{}\"", escape(&note_id(n)))
            }),
            _ => String::new(),
        };
        let _ = write!(self.out, "<td{}{span}{id}>", align_class(align));
        if let Some(rgb) = cell.badge {
            let _ = write!(
                self.out,
                "<span class=\"badge\" style=\"background:{}\"></span>",
                hex(rgb)
            );
        }
        match refs {
            Refs::Cites => self.citations(&cell.text),
            Refs::None | Refs::Notes => self.out.push_str(&text(&cell.text)),
        }
        self.out.push_str("</td>");
    }

    /// Cell text whose "[3]" tokens link to note 3 of the Sources appendix.
    fn citations(&mut self, t: &str) {
        for (i, token) in t.split(' ').enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            match cited(token) {
                Some(n) => {
                    let _ = write!(
                        self.out,
                        "<a class=\"cite\" href=\"#{}\">{}</a>",
                        escape(&note_id(n)),
                        escape(token)
                    );
                }
                None => self.out.push_str(&text(token)),
            }
        }
    }
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slug("Bill of materials"), "bill-of-materials");
        assert_eq!(slug("Assumptions and sources"), "assumptions-and-sources");
        assert_eq!(slug("  What-if: 10 Gbps?  "), "what-if-10-gbps");
        assert_eq!(slug("Zürich"), "zürich");
        assert_eq!(slug("—"), "part");
    }

    #[test]
    fn only_bracketed_numbers_are_citations() {
        assert_eq!(cited("[3]"), Some("3"));
        assert_eq!(cited("[12]"), Some("12"));
        assert_eq!(cited("[]"), None);
        assert_eq!(cited("[3P]"), None);
        assert_eq!(cited("unpriced"), None);
    }

    #[test]
    fn text_is_escaped_and_keeps_its_line_breaks() {
        assert_eq!(
            text("a <b> & \"c\"\nd"),
            "a &lt;b&gt; &amp; &quot;c&quot;<br/>d"
        );
    }
}

//! The findings section, by severity, with the accepted risks apart.

use super::*;

pub(super) fn findings(analyses: &Analyses, names: &Names<'_>) -> Section {
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
            Cell::text(with_names(&f.message, names)),
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
            "linkwright check --format json lists them all.",
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
            "linkwright check --format json lists them all.",
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

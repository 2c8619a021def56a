//! The cover: title, facts and the key figures.

use super::*;

pub(super) fn cover(
    design: &Design,
    analyses: &Analyses,
    catalog: &Catalog,
    user_book: &UserBook,
    meta: &Meta,
    title: &str,
) -> Cover {
    let cost = &analyses.cost;
    let mut facts = vec![(
        "Author".to_string(),
        label_or_id(&design.author, "not stated"),
    )];
    // The properties the design states (File → Design properties… in the designer).
    for (label, value) in [
        ("Organisation", &design.organisation),
        ("Version", &design.version),
        ("Confidentiality", &design.confidentiality),
    ] {
        if !value.trim().is_empty() {
            facts.push((label.to_string(), value.trim().to_string()));
        }
    }
    facts.push(("Date".to_string(), meta.date.clone()));
    facts.push(("Design file".to_string(), meta.file_name.clone()));
    // The catalog's parts by date and confidence in words; their sources are listed in the
    // appendix.
    for p in &catalog.provenance {
        let confidence = p.confidence.split_whitespace().next().unwrap_or("");
        facts.push((
            format!("Catalog: {}", p.part),
            format!(
                "as of {}; {}",
                p.as_of,
                super::sources::confidence_words(confidence)
            ),
        ));
    }
    facts.push((
        "Price book".to_string(),
        price_book_dates(catalog, user_book),
    ));

    let incomplete = if cost.unpriced.is_empty() {
        "all items priced".to_string()
    } else {
        format!(
            "excludes {}",
            count(cost.unpriced.len(), "unpriced item", "unpriced items")
        )
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
                // The target without its source codes and notes, as the summary gives it (the
                // PDF's box showed two lines of it; the web page shows it whole).
                detail: format!(
                    "{count} of {}; SLA target {}",
                    super::count(analyses.resilience.demands.len(), "demand", "demands"),
                    without_citations(&sla_parts(d.model.sla.unwrap_or("none")).0)
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
                "open findings; {}",
                count(
                    analyses.findings.excluded().count(),
                    "accepted risk",
                    "accepted risks"
                )
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
pub(super) fn price_book_dates(catalog: &Catalog, user_book: &UserBook) -> String {
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

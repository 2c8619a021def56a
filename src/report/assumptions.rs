//! Assumptions and sources.

use super::sources::{Layer, confidence_words};
use super::*;

pub(super) fn assumptions(
    design: &Design,
    analyses: &Analyses,
    catalog: &Catalog,
    user_book: &UserBook,
    names: &Names<'_>,
    notes: &SourceNotes<'_>,
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
        "Full lists behind the tables a large design summarises: the cost export (linkwright cost FILE --format csv, or --format json), the resilience export (linkwright resilience FILE --format json) and the findings export (linkwright check FILE --format json).".into(),
    ])];

    blocks.push(Block::Heading("Price sources".into()));
    // Every source behind a priced line, by the number the bill of materials cites it with.
    if notes.is_empty() {
        blocks.push(Block::Paragraph("No priced lines.".into()));
    } else {
        let mut t = Table::new(&[
            ("Note", 0.6, Align::Left),
            ("Source", 3.9, Align::Left),
            ("Read", 1.0, Align::Left),
            ("Confidence", 2.0, Align::Left),
            ("Lines", 0.7, Align::Right),
        ])
        .with_refs(0, Refs::Notes);
        for (n, source, lines) in notes.iter() {
            let what = match source.layer {
                Layer::Catalog | Layer::UserBook => {
                    let described = catalog.prices.sources.get(source.key);
                    let text = described.map_or(source.key, String::as_str);
                    format!("{text} ({}, {})", source.layer.label(), source.key)
                }
                Layer::Quote if source.key.is_empty() => "A quote recorded in the design".into(),
                Layer::Quote => format!("A quote recorded in the design: {}", source.key),
                Layer::Entered => {
                    "The monthly cost entered on the element (access circuits, fabric connections)"
                        .to_string()
                }
            };
            t.body(vec![
                format!("[{n}]"),
                what,
                source.as_of.to_string(),
                confidence_words(source.confidence).to_string(),
                number(lines),
            ]);
        }
        blocks.push(Block::Table(t));
    }
    meters(cost, notes, &mut blocks);
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
        .filter(|i| matches!(i.provenance.as_deref(), Some(Provenance::UserEntered)))
        .count();
    if user_entered > 0 {
        quotes.push(format!(
            "{} the monthly cost entered on the element (access circuits, fabric connections).",
            count(user_entered, "line uses", "lines use")
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
            "The totals exclude {}; enter a quote in the design or a price in the user price book to include {}.",
            if cost.unpriced.len() == 1 {
                "this item".to_string()
            } else {
                format!("these {} items", number(cost.unpriced.len()))
            },
            if cost.unpriced.len() == 1 { "it" } else { "them" }
        )));
        if cost.unpriced.len() <= FULL_TABLE_ROWS {
            let mut t = Table::new(&[
                ("Element", 2.0, Align::Left),
                ("Meter", 2.0, Align::Left),
                ("Why unpriced", 4.0, Align::Left),
            ]);
            for u in &cost.unpriced {
                t.body(vec![
                    u.element.to_string(),
                    u.meter.to_string(),
                    u.reason.to_string(),
                ]);
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

/// The price meters behind the bill, with the sources that priced them: what a reader checking
/// a line against a price list looks for.
fn meters(cost: &crate::costing::Costing, notes: &SourceNotes<'_>, blocks: &mut Vec<Block>) {
    let mut meters: BTreeMap<(&str, &str), (BTreeSet<String>, usize)> = BTreeMap::new();
    for i in &cost.items {
        let (cites, lines) = meters.entry((i.biller.label(), i.meter)).or_default();
        *lines += 1;
        cites.insert(notes.cite(i).unwrap_or_else(|| "unpriced".into()));
    }
    if meters.is_empty() {
        return;
    }
    blocks.push(Block::Heading("Price meters".into()));
    let mut t = Table::new(&[
        ("Cloud", 1.6, Align::Left),
        ("Meter", 3.2, Align::Left),
        ("Priced by", 1.6, Align::Left),
        ("Lines", 0.7, Align::Right),
    ])
    .with_refs(2, Refs::Cites);
    for ((cloud, meter), (cites, lines)) in meters {
        t.body(vec![
            cloud.to_string(),
            meter.to_string(),
            cites.into_iter().collect::<Vec<_>>().join(" "),
            number(lines),
        ]);
    }
    blocks.push(Block::Table(t));
}

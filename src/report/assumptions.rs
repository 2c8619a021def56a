//! Assumptions and sources.

use super::*;

pub(super) fn assumptions(
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
        let key = match i.provenance.as_deref() {
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
        .filter(|i| matches!(i.provenance.as_deref(), Some(Provenance::UserEntered)))
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

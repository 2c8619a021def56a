//! The bill of materials and the what-if.

use super::*;

pub(super) fn bill_of_materials(
    analyses: &Analyses,
    names: &Names<'_>,
    notes: &SourceNotes<'_>,
) -> Section {
    let cost = &analyses.cost;
    let mut blocks = Vec::new();
    if cost.items.is_empty() {
        blocks.push(Block::Paragraph(
            "Nothing in the design carries a cost yet.".into(),
        ));
    } else if cost.items.len() <= FULL_TABLE_ROWS {
        blocks.push(Block::Table(bom(cost, names, notes)));
    } else {
        bom_summary(cost, names, notes, &mut blocks);
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

/// Every line, grouped by cloud and, inside a cloud, by category, each group with its subtotal.
fn bom(cost: &crate::costing::Costing, names: &Names<'_>, notes: &SourceNotes<'_>) -> Table {
    let mut t = bom_table();
    let columns = t.columns.len();
    let lines = bill_order(cost);
    let mut rest = lines.as_slice();
    while let Some(first) = rest.first() {
        let biller = first.biller;
        let in_cloud = rest.iter().take_while(|i| i.biller == biller).count();
        let (cloud, after) = rest.split_at(in_cloud);
        t.row(RowKind::Group, vec![Cell::text(biller.label())]);
        let mut cloud_rest = cloud;
        while let Some(first) = cloud_rest.first() {
            let category = first.category;
            let n = cloud_rest
                .iter()
                .take_while(|i| i.category == category)
                .count();
            let (group, after) = cloud_rest.split_at(n);
            for i in group {
                t.body(bom_cells(i, names, notes));
            }
            // The category's priced lines; the costing's totals are over the same lines.
            let sum = group
                .iter()
                .filter_map(|i| i.monthly)
                .try_fold(Usd::ZERO, |sum, m| sum.checked_add(m));
            // A cloud of one category needs no subtotal of it.
            if let Some(sum) = sum.filter(|_| n < in_cloud) {
                t.row(
                    RowKind::Subtotal,
                    subtotal_cells(category.label(), sum, columns, MONTHLY_COLUMN),
                );
            }
            cloud_rest = after;
        }
        let subtotal = cost.by_biller.get(&biller).copied().unwrap_or(Usd::ZERO);
        t.row(
            RowKind::Subtotal,
            subtotal_cells(
                &format!("Subtotal {}", biller.label()),
                subtotal,
                columns,
                MONTHLY_COLUMN,
            ),
        );
        rest = after;
    }
    t.row(
        RowKind::Total,
        subtotal_cells(
            "Total monthly",
            cost.totals.monthly,
            columns,
            MONTHLY_COLUMN,
        ),
    );
    t
}

/// Where [`bom_table`] puts the monthly amount.
const MONTHLY_COLUMN: usize = 4;

/// The columns of the bill of materials: what a reader needs to check a line. The meter keys
/// and the sources' details are in the appendix; a line cites its source by number.
pub(super) fn bom_table() -> Table {
    Table::new(&[
        ("Element", 1.9, Align::Left),
        ("Item", 3.3, Align::Left),
        ("Quantity", 1.1, Align::Right),
        ("Unit price", 1.1, Align::Right),
        ("Monthly USD", 1.2, Align::Right),
        ("Source", 0.8, Align::Left),
    ])
    .with_refs(5, Refs::Cites)
}

pub(super) fn unit_text(unit: crate::model::PriceUnit) -> &'static str {
    match unit {
        crate::model::PriceUnit::Hour => "h",
        crate::model::PriceUnit::Month => "month",
        crate::model::PriceUnit::Gb => "GB",
    }
}

/// One line item as a row of the bill of materials.
pub(super) fn bom_cells(i: &LineItem, names: &Names<'_>, notes: &SourceNotes<'_>) -> Vec<String> {
    let unit_price = i
        .unit_price
        .map(|u| format!("{}/{}", price_text(u), unit_text(i.unit)))
        .unwrap_or_else(|| "unpriced".into());
    let description = without_citations(&names.with_demand_names(&i.description));
    let discount = i
        .discount
        .map(|d| format!(" (after {d} discount)"))
        .unwrap_or_default();
    let item = match &i.unpriced_reason {
        Some(reason) if i.monthly.is_none() => {
            format!(
                "{description}{discount}\nUnpriced: {}",
                without_citations(reason)
            )
        }
        _ => format!("{description}{discount}"),
    };
    vec![
        names.of(&i.element),
        item,
        i.quantity_text(),
        unit_price,
        i.monthly.map(dollars).unwrap_or_else(|| "unpriced".into()),
        notes.cite(i).unwrap_or_default(),
    ]
}

/// A unit price as written in the bill: every digit the price book gives (sub-cent prices
/// such as $0.025/GB stay exact), thousands separated: "$4,200.00".
fn price_text(u: Usd) -> String {
    let text = u.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    match whole.parse::<u64>() {
        Ok(n) if fraction.is_empty() => format!("${}", number(n as usize)),
        Ok(n) => format!("${}.{fraction}", crate::costing::thousands(n)),
        // Negative amounts are refused when read; shown as they are if one ever arrives.
        Err(_) => format!("${text}"),
    }
}

/// A subtotal row of a table of `columns` columns: the label first, the amount in column `at`.
pub(super) fn subtotal_cells(label: &str, amount: Usd, columns: usize, at: usize) -> Vec<Cell> {
    let mut cells: Vec<Cell> = (0..columns).map(|_| Cell::text("")).collect();
    cells[0] = Cell::text(label);
    cells[at] = Cell::text(dollars(amount));
    cells
}

pub(super) fn what_if_blocks(analyses: &Analyses, names: &Names<'_>, blocks: &mut Vec<Block>) {
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
                Some(b) => format!(
                    "Unlimited is cheaper above {} GB/month",
                    crate::costing::thousands(b)
                ),
                None if c.missing.is_empty() => "no break-even".into(),
                None => format!("cannot compare: missing {}", c.missing.join("; ")),
            };
            vec![
                names.of(&c.circuit),
                crate::costing::thousands(c.egress_gb.round() as u64),
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
                "{} circuits compared: {verdict}. Too many to list one by one: those that would save most, then those with the most egress, are listed ({SHOWN_ROWS}); the other {} are omitted here. Every one is in the design's cost export (see Assumptions and sources).",
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
                "{} demands: too many to list one by one. They are grouped by their cheapest option below, then the {SHOWN_ROWS} whose cheapest option costs the most are listed; the other {} are omitted here. Every one is in the design's cost export (see Assumptions and sources).",
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

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
    } else {
        blocks.push(Block::Bars(by_category(cost)));
        if cost.items.len() <= FULL_TABLE_ROWS {
            blocks.push(Block::Table(bom(cost, names, notes)));
        } else {
            bom_summary(cost, names, notes, &mut blocks);
        }
    }
    let excludes = if cost.unpriced.is_empty() {
        String::new()
    } else {
        format!(
            " — excludes {}",
            count(cost.unpriced.len(), "unpriced item", "unpriced items")
        )
    };
    blocks.push(Block::Paragraph(format!(
        "Total: {} monthly, {} annual, {} over 3 years{excludes}. Completeness: {} of {} priced.",
        dollars(cost.totals.monthly),
        dollars(cost.totals.annual),
        dollars(cost.totals.three_year),
        number(cost.priced_items),
        count(cost.items.len(), "item", "items")
    )));
    what_if_blocks(analyses, names, &mut blocks);
    Section {
        title: SECTION_BOM.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// The monthly cost by category, as bars (unpriced lines counted beside each amount).
fn by_category(cost: &crate::costing::Costing) -> BarChart {
    let mut per_category: BTreeMap<Category, (Usd, usize)> = BTreeMap::new();
    for i in &cost.items {
        let (usd, unpriced) = per_category.entry(i.category).or_default();
        // The costing checked these sums; a line that would not fit counts as unpriced.
        match i.monthly.and_then(|m| usd.checked_add(m)) {
            Some(sum) => *usd = sum,
            None => *unpriced += 1,
        }
    }
    BarChart {
        title: "Monthly cost by category".into(),
        bars: per_category
            .iter()
            .map(|(c, &(usd, unpriced))| {
                bar(c.label(), usd, unpriced, crate::look::category_rgb(*c))
            })
            .collect(),
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
        break_even_blocks(w, names, blocks);
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

/// The break-even of one circuit drawn, with a note saying what it shows: the circuit that
/// would save most billed the other way, else the one whose egress is nearest its break-even
/// (one chart, whatever the design's size; the table under it gives every circuit). When no
/// circuit has both plans and the egress rate priced, a sentence says what is missing.
fn break_even_blocks(
    w: &crate::costing::whatif::WhatIf,
    names: &Names<'_>,
    blocks: &mut Vec<Block>,
) {
    let priced = |c: &&crate::costing::whatif::MeteredVsUnlimited| {
        c.metered_fee.is_some()
            && c.egress_rate.is_some_and(|r| r > Usd::ZERO)
            && c.unlimited_monthly.is_some()
            && c.break_even_gb.is_some_and(|b| b > 0)
    };
    let saving = |c: &crate::costing::whatif::MeteredVsUnlimited| {
        let billing = names
            .link(&c.circuit)
            .and_then(|l| l.as_er())
            .map(|e| e.billing)?;
        let (metered, unlimited) = (c.metered_monthly?, c.unlimited_monthly?);
        let (now, other) = match billing {
            ErBilling::Metered => (metered, unlimited),
            ErBilling::Unlimited => (unlimited, metered),
        };
        now.checked_sub(other).filter(|s| *s > Usd::ZERO)
    };
    // How near a circuit's egress is to its break-even: 1 at it, towards 0 far either side.
    let nearness = |c: &crate::costing::whatif::MeteredVsUnlimited| {
        let b = c.break_even_gb.unwrap_or(0).max(1) as f64;
        let r = (c.egress_gb / b).max(1e-9);
        r.min(1.0 / r)
    };
    let chosen = w.express_route.iter().filter(priced).max_by(|a, b| {
        saving(a)
            .cmp(&saving(b))
            .then(nearness(a).total_cmp(&nearness(b)))
            // The first in design order among equals.
            .then(std::cmp::Ordering::Greater)
    });
    let Some(c) = chosen else {
        let missing: BTreeSet<String> = w
            .express_route
            .iter()
            .flat_map(|c| c.missing.iter().map(|m| without_citations(m)))
            .collect();
        let why = if missing.is_empty() {
            "no circuit's unlimited plan costs more than its metered fee, so there is no break-even to draw".to_string()
        } else {
            format!(
                "the price sources lack {}",
                missing.into_iter().collect::<Vec<_>>().join("; ")
            )
        };
        blocks.push(Block::Paragraph(format!(
            "No break-even chart: {why}. Only prices the sources give are drawn."
        )));
        return;
    };
    let (Some(fee), Some(rate), Some(unlimited), Some(break_even)) = (
        c.metered_fee,
        c.egress_rate,
        c.unlimited_monthly,
        c.break_even_gb,
    ) else {
        return; // `priced` checked each of them
    };
    let usd = |u: Usd| u.micros() as f64 / 1e6;
    let (fee_usd, rate_usd, unlimited_usd) = (usd(fee), usd(rate), usd(unlimited));
    // At least 1 GB and $1: an axis of nothing would say nothing.
    let x_max = nice_ceiling((break_even as f64 * 2.0).max(c.egress_gb * 1.25).max(1.0));
    let metered_at = |gb: f64| fee_usd + rate_usd * gb;
    let y_max = nice_ceiling((metered_at(x_max).max(unlimited_usd) * 1.1).max(1.0));
    let gb = |x: f64| format!("{} GB", crate::costing::thousands(x.round() as u64));
    let money = |y: f64| format!("${}", crate::costing::thousands(y.round() as u64));
    let name = names.of(&c.circuit);
    let metered_rgb = look::node_rgb(NodeKindTag::AzureRegion);
    let unlimited_rgb = Tone::Good.rgb();
    blocks.push(Block::Lines(LineChart {
        title: format!("Monthly cost of “{name}” by its egress"),
        x_axis: Axis {
            title: "Egress per month (GB)".into(),
            max: x_max,
            ticks: ticks(x_max).into_iter().map(|x| (x, gb(x))).collect(),
        },
        y_axis: Axis {
            title: "Monthly cost (USD)".into(),
            max: y_max,
            ticks: ticks(y_max).into_iter().map(|y| (y, money(y))).collect(),
        },
        series: vec![
            Series {
                label: format!(
                    "Metered: {} a month + {} per GB",
                    dollars(fee),
                    price_text(rate)
                ),
                rgb: metered_rgb,
                points: vec![(0.0, fee_usd), (x_max, metered_at(x_max))],
            },
            Series {
                label: format!("Unlimited: {} a month", dollars(unlimited)),
                rgb: unlimited_rgb,
                points: vec![(0.0, unlimited_usd), (x_max, unlimited_usd)],
            },
        ],
        markers: vec![
            Marker {
                x: break_even as f64,
                y: unlimited_usd,
                label: format!("Break-even: {}", gb(break_even as f64)),
                rgb: INK_RGB,
            },
            Marker {
                x: c.egress_gb,
                y: metered_at(c.egress_gb),
                label: format!("This design: {}", gb(c.egress_gb)),
                rgb: look::severity_rgb(Severity::Warning),
            },
        ],
    }));
    let cheaper = if c.egress_gb > break_even as f64 {
        "Unlimited"
    } else {
        "Metered"
    };
    let billed = match names
        .link(&c.circuit)
        .and_then(|l| l.as_er())
        .map(|e| e.billing)
    {
        Some(ErBilling::Metered) => "Metered",
        Some(ErBilling::Unlimited) => "Unlimited",
        None => "",
    };
    let today = match saving(c) {
        Some(s) if !billed.is_empty() => format!(
            "; the circuit is billed {billed}, so billing it {cheaper} would save {} a month",
            dollars(s)
        ),
        _ if !billed.is_empty() => format!("; the circuit is billed {billed}"),
        _ => String::new(),
    };
    let others = if w.express_route.len() > 1 {
        " The table gives every circuit's figures."
    } else {
        ""
    };
    blocks.push(Block::Note(format!(
        "Metered costs a fixed {} a month plus {} per GB of egress; Unlimited a flat {}. The lines cross at the break-even, {} a month: below it Metered is cheaper, above it Unlimited. At the design's {} a month, {cheaper} is the cheaper plan{today}.{others}",
        dollars(fee),
        price_text(rate),
        dollars(unlimited),
        gb(break_even as f64),
        gb(c.egress_gb),
    )));
}

/// The text colour of a chart's neutral marks.
const INK_RGB: Rgb = [30, 30, 36];

/// The smallest 1, 2 or 5 times a power of ten at or above `x` (1 for nothing to show).
fn nice_ceiling(x: f64) -> f64 {
    // NaN, zero and below give 1.
    if x.is_nan() || x <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|v| *v >= x)
        .unwrap_or(10.0 * power)
}

/// Ticks from 0 to `max` (a value from [`nice_ceiling`]) at a round step: four to ten of them.
fn ticks(max: f64) -> Vec<f64> {
    let mut step = nice_ceiling(max / 5.0);
    if max / step < 4.0 {
        step /= 2.0;
    }
    (0..=((max / step).round() as usize))
        .map(|i| i as f64 * step)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_axes_end_on_round_values_with_four_to_ten_ticks() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(0.15), 0.2);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
        assert_eq!(nice_ceiling(421_120.0), 500_000.0);
        assert_eq!(nice_ceiling(11_000.0), 20_000.0);
        assert_eq!(nice_ceiling(5_000.0), 5_000.0);
        for max in [1.0, 20_000.0, 500_000.0, 5_000_000.0] {
            let t = ticks(max);
            assert!((5..=11).contains(&t.len()), "{max}: {t:?}");
            assert_eq!(t[0], 0.0);
            assert_eq!(*t.last().unwrap(), max, "{max}: {t:?}");
        }
    }
}

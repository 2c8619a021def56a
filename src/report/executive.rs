//! The executive summary: the verdict, the cost, the risks and what fixing them costs.

use super::*;

pub(super) fn summary(design: &Design, analyses: &Analyses, names: &Names<'_>) -> Section {
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

/// "99.95% per circuit ... (ER-SLA-1 [3P]); Microsoft's figures ... (Q5)": the target, and the
/// caveat after it as a note.
pub(super) fn sla_parts(sla: &str) -> (String, Option<String>) {
    match sla.split_once("; ") {
        Some((head, rest)) => (head.to_string(), Some(capitalise(rest))),
        None => (sla.to_string(), None),
    }
}

/// The three most important things to do, most important first: resilience targets missed,
/// other errors, resilience warnings, then money (unpriced items, cheaper billing), then other
/// warnings.
pub(super) fn recommendations(analyses: &Analyses, names: &Names<'_>) -> Vec<(String, String)> {
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
        let meters: BTreeSet<&str> = unpriced.iter().map(|u| u.meter).collect();
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

//! The executive summary: the verdict, the cost, the risks and what fixing them costs.

use super::*;

pub(super) fn summary(
    design: &Design,
    analyses: &Analyses,
    names: &Names<'_>,
    diagram: Diagram,
) -> Section {
    let cost = &analyses.cost;
    let mut blocks = vec![
        Block::Paragraph(verdict(design, analyses, names)),
        Block::Paragraph(cost_in_words(cost)),
        Block::Paragraph(format!(
            "The design has {}, {} and {}; hourly prices are counted for a {}-hour month.",
            count(design.nodes.len(), "node", "nodes"),
            count(design.links.len(), "link", "links"),
            count(design.demands.len(), "demand", "demands"),
            cost.hours_per_month
        )),
        // The picture takes the room the rest of the page leaves.
        Block::Sketch(Sketch {
            diagram,
            caption: format!(
                "The design at a glance. Under {SECTION_TOPOLOGY} it is drawn in full, with every name and a legend."
            ),
        }),
    ];
    blocks.push(Block::Heading("Recommendations".into()));
    blocks.push(Block::Recommendations(recommendations(analyses, names)));
    let biller_rgb = |b: Biller| match b {
        Biller::Azure => look::node_rgb(NodeKindTag::AzureRegion),
        Biller::Aws => look::node_rgb(NodeKindTag::AwsRegion),
        Biller::Carriers => look::node_rgb(NodeKindTag::OnPremSite),
    };
    // Cost by cloud here; by category with the bill of materials, where finance reads on.
    let mut per_biller: BTreeMap<Biller, (Usd, usize)> = BTreeMap::new();
    for i in &cost.items {
        let (usd, unpriced) = per_biller.entry(i.biller).or_default();
        // The costing checked these sums; a line that would not fit counts as unpriced.
        match i.monthly.and_then(|m| usd.checked_add(m)) {
            Some(sum) => *usd = sum,
            None => *unpriced += 1,
        }
    }
    blocks.push(Block::Bars(BarChart {
        title: "Monthly cost by cloud".into(),
        bars: per_biller
            .iter()
            .map(|(b, &(usd, unpriced))| bar(b.label(), usd, unpriced, biller_rgb(*b)))
            .collect(),
    }));
    blocks.push(Block::Heading("Resiliency per demand".into()));
    let demands = &analyses.resilience.demands;
    let mut sla_notes: Vec<String> = Vec::new();
    let mut sla = |d: &crate::resilience::DemandResult| {
        // The summary speaks to readers: the targets without their source codes (the
        // Resilience section keeps them).
        let (head, note) = sla_parts(d.model.sla.unwrap_or("none"));
        if let Some(n) = note
            .map(|n| without_citations(&n))
            .filter(|n| !sla_notes.contains(n))
        {
            sla_notes.push(n);
        }
        without_citations(&head)
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
            capitalise(&plain(&f.message, names)),
            format!("{}{cheapest}{more}", plain(f.hint, names)),
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
        let categories = unpriced_categories(&analyses.cost);
        out.push((
            3,
            format!(
                "Price the {}: the totals exclude {}",
                count(unpriced.len(), "unpriced item", "unpriced items"),
                if unpriced.len() == 1 { "it" } else { "them" }
            ),
            format!(
                "The price sources have no figure for: {}. Ask the providers for quotes and record them in the design, or import their price pages into the price book.",
                categories.into_iter().collect::<Vec<_>>().join(", ")
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

/// The answer to "does it do what we asked?": which demands meet their resilience targets, and
/// whether anything in the design breaks the clouds' rules.
fn verdict(design: &Design, analyses: &Analyses, names: &Names<'_>) -> String {
    let demands = &analyses.resilience.demands;
    let missed = below_target(design, analyses);
    let errors = analyses
        .findings
        .active()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let resilience = match (demands.len(), missed.len()) {
        (0, _) => {
            "The design states no demands, so whether it is resilient enough was not assessed."
                .to_string()
        }
        (n, 0) => format!(
            "{} meet{} the resilience target{} set for {}.",
            if n == 1 {
                "The demand".to_string()
            } else {
                format!("All {n} demands")
            },
            if n == 1 { "s" } else { "" },
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        ),
        (n, k) => {
            let listed: Vec<String> = missed
                .iter()
                .take(5)
                .map(|d| format!("“{}”", names.of(d)))
                .collect();
            let more = if k > listed.len() {
                format!(" and {} more", number(k - listed.len()))
            } else {
                String::new()
            };
            format!(
                "{} of {} demands do not meet their resilience target: {}{more}.",
                number(k),
                number(n),
                listed.join(", ")
            )
        }
    };
    let build = match errors {
        0 => "Nothing in the design breaks the clouds' rules.".to_string(),
        1 => "One error must be fixed before it can be built as drawn (see Findings).".to_string(),
        e => format!(
            "{} errors must be fixed before it can be built as drawn (see Findings).",
            number(e)
        ),
    };
    format!("Verdict: {resilience} {build}")
}

/// How sure a figure is, by where its price comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sureness {
    Official,
    ThirdParty,
    Secondary,
    Derived,
    Yours,
}

impl Sureness {
    fn of(p: &Provenance) -> Sureness {
        let code = match p {
            Provenance::Catalog { confidence, .. } | Provenance::UserBook { confidence, .. } => {
                confidence.as_str()
            }
            Provenance::DesignQuote { .. } | Provenance::UserEntered => return Sureness::Yours,
        };
        match code {
            "OFF" | "OFF-copy" => Sureness::Official,
            crate::costing::book::SECONDARY => Sureness::Secondary,
            "DER" => Sureness::Derived,
            _ => Sureness::ThirdParty,
        }
    }
    fn words(self) -> &'static str {
        match self {
            Sureness::Official => "the providers' official prices",
            Sureness::ThirdParty => "third-party price lists",
            Sureness::Secondary => {
                "secondary sources (third parties' copies of the providers' price data)"
            }
            Sureness::Derived => "figures derived from the other sources",
            Sureness::Yours => "your own figures (quotes and costs entered on the elements)",
        }
    }
}

/// The cost, and how sure it is: the share of it from each kind of source, in words and
/// amounts, and what is left out because nothing prices it.
fn cost_in_words(cost: &crate::costing::Costing) -> String {
    let total = cost.totals.monthly;
    let mut out = format!(
        "At list prices it costs {} a month: {} a year, {} over three years.",
        dollars(total),
        dollars(cost.totals.annual),
        dollars(cost.totals.three_year)
    );
    let mut by: BTreeMap<Sureness, Usd> = BTreeMap::new();
    for i in &cost.items {
        if let (Some(m), Some(p)) = (i.monthly, i.provenance.as_deref()) {
            let sum = by.entry(Sureness::of(p)).or_default();
            *sum = sum.checked_add(m).unwrap_or(*sum);
        }
    }
    let shares: Vec<(Sureness, Usd)> = by.into_iter().filter(|(_, u)| u.micros() > 0).collect();
    if total.micros() > 0 && !shares.is_empty() {
        // Whole percents that add up to 100 (largest remainder).
        let weights: Vec<u64> = shares
            .iter()
            .map(|(_, u)| u.micros().unsigned_abs())
            .collect();
        let percents = crate::costing::split_exact(100, &weights);
        let parts: Vec<String> = shares
            .iter()
            .zip(percents)
            .map(|((s, u), percent)| {
                let percent = if percent == 0 {
                    "under 1".to_string()
                } else {
                    percent.to_string()
                };
                format!("{percent}% ({}) from {}", dollars(*u), s.words())
            })
            .collect();
        out.push_str(&format!(" Of the monthly figure, {}.", join_words(&parts)));
    }
    match cost.unpriced.len() {
        0 => out.push_str(" Every item is priced."),
        n => out.push_str(&format!(
            " {} no price and {} not included: {}.",
            count(n, "item has", "items have"),
            if n == 1 { "is" } else { "are" },
            unpriced_categories(cost)
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    out
}

/// What the unpriced lines are, in the bill's words.
fn unpriced_categories(cost: &crate::costing::Costing) -> BTreeSet<&'static str> {
    cost.items
        .iter()
        .filter(|i| i.monthly.is_none())
        .map(|i| i.category.label())
        .collect()
}

/// "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A finding's message or hint for readers: elements by their names instead of their ids, and
/// without the source codes the findings appendix cites.
fn plain(text: &str, names: &Names<'_>) -> String {
    without_citations(&with_names(text, names))
}

/// `text` with each backticked id of an element written as the element's name (“name”); an id
/// right after the name it belongs to, "NAME (`id`)", is left out.
pub(super) fn with_names(text: &str, names: &Names<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let Some(len) = rest[start + 1..].find('`') else {
            break;
        };
        let id = &rest[start + 1..start + 1 + len];
        out.push_str(&rest[..start]);
        let name = names.of(id);
        let after = &rest[start + len + 2..];
        // "connection NAME (`id`)": the name is already there.
        if out.ends_with(" (") && after.starts_with(')') && out.contains(&name) {
            out.truncate(out.len() - 2);
            rest = &after[1..];
            continue;
        }
        if name == id {
            out.push_str(id);
        } else {
            out.push('“');
            out.push_str(&name);
            out.push('”');
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// `text` without parenthesised source citations: "(ER-SLA-1 [3P])", "(DX-RES-1)", "(Q5)",
/// "([GAP], AZ-PRICE-NOTES)", "(INFRACOST, 2025-01-15)" — a group every part of which is a
/// code (capitals, digits and hyphens, with a digit or hyphen in it or five letters or more,
/// maybe followed by a bracketed confidence), "[GAP]" or a date. Prose in brackets stays.
pub(super) fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let inner_start = open + 2;
        let Some(close) = rest[inner_start..].find(')') else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close];
        out.push_str(&rest[..open]);
        if !is_citation(inner) {
            out.push_str(&rest[open..inner_start + close + 1]);
        }
        rest = &rest[inner_start + close + 1..];
    }
    out.push_str(rest);
    // A gap named in prose ("is [GAP]: …") says what the reader needs to know in words.
    out.replace("[GAP]", "not priced")
}

fn is_citation(inner: &str) -> bool {
    let code = |w: &str| {
        !w.is_empty()
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && (w.chars().any(|c| c.is_ascii_digit() || c == '-') || w.len() >= 5)
    };
    let date =
        |w: &str| super::is_iso_date(w) || (w.len() == 7 && super::is_iso_date(&format!("{w}-01")));
    let part = |p: &str| {
        let mut words = p.split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        let first_ok = first == "[GAP]" || code(first) || date(first);
        // A confidence after the code: "[3P]", "[OFF-copy]".
        first_ok && words.all(|w| w.starts_with('[') && w.ends_with(']'))
    };
    inner.split([',', ';']).all(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_codes_are_taken_out_and_other_brackets_kept() {
        assert_eq!(
            without_citations("99.95% per circuit with both BGP sessions up (ER-SLA-1 [3P])"),
            "99.95% per circuit with both BGP sessions up"
        );
        assert_eq!(without_citations("99.99% (DX-RES-1)"), "99.99%");
        assert_eq!(
            without_citations("figures were not obtained (Q5)"),
            "figures were not obtained"
        );
        assert_eq!(
            without_citations("circuit at Chicago (zone 1) and (TGW attachment)"),
            "circuit at Chicago (zone 1) and (TGW attachment)"
        );
        assert_eq!(without_citations("an (AWS) note"), "an (AWS) note");
        assert_eq!(
            without_citations("not in our sources ([GAP], AZ-PRICE-NOTES): enter it"),
            "not in our sources: enter it"
        );
        assert_eq!(
            without_citations("read for eastus only (INFRACOST, 2025-01-15); other"),
            "read for eastus only; other"
        );
        assert_eq!(
            without_citations("Local starts at 1 Gbps (reference 1.3, Q4; our source), so"),
            "Local starts at 1 Gbps (reference 1.3, Q4; our source), so"
        );
    }
}

//! What a large design's tables become: above [`FULL_TABLE_ROWS`] rows a table is replaced by
//! its rows grouped (by kind and place, cloud and meter, model, rule, meter and reason) with
//! counts and sums over every row, then the [`SHOWN_ROWS`] rows that matter most, and a
//! sentence saying how many rows are omitted and which command lists them all.

use super::{
    Align, Block, Cell, FULL_TABLE_ROWS, Names, Refs, RowKind, SHOWN_ROWS, Table, bom_cells,
    bom_table, capitalise, demand_cells, inventory_table, link_row, node_row, number,
    residual_mbps, sla_parts, subtotal_cells,
};
use crate::costing::{Biller, Category, LineItem, Provenance};
use crate::look;
use crate::model::mbps;
use crate::model::{
    Design, DxConnectionType, LinkKind, LinkKindTag, NodeKind, NodeKindTag, Usd, dollars,
};
use crate::rules::{Finding, Severity};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The sentence above a summarised table: how many rows there are, which are shown, how many
/// are omitted and where to find them all.
pub(super) fn omitted(
    total: usize,
    noun: &str,
    grouped_by: &str,
    shown: usize,
    which: &str,
    full_list: &str,
) -> Block {
    Block::Paragraph(format!(
        "{} {noun}: too many to list one by one. They are grouped by {grouped_by} below, then the {shown} {which} are listed; the other {} are omitted here. {full_list}",
        number(total),
        number(total.saturating_sub(shown)),
    ))
}

/// Where the full lists of the body's summarised tables are: named in words here, the commands
/// that make them in the Assumptions and sources appendix.
pub(super) const FULL_BILL: &str =
    "Every line is in the design's cost export (see Assumptions and sources).";
pub(super) const FULL_RESILIENCE: &str =
    "Every one is in the design's resilience export (see Assumptions and sources).";

/// Where a node is, for grouping: its metro or cloud region.
pub(super) fn node_place(kind: &NodeKind) -> &str {
    match kind {
        NodeKind::OnPremSite(s) => &s.metro,
        NodeKind::ColocationFacility(f) => &f.metro,
        NodeKind::AzureRegion(r) => &r.region,
        NodeKind::AwsRegion(r) => &r.region,
        NodeKind::FabricRouter(f) => &f.metro,
    }
}

/// Who provides a link, or what it is, for grouping.
pub(super) fn link_provider(kind: &LinkKind) -> String {
    match kind {
        LinkKind::AccessCircuit(a) => a.carrier.clone(),
        LinkKind::ExpressRouteCircuit(c) => match &c.direct_port {
            Some(_) => "ExpressRoute Direct".into(),
            None => c.provider.clone(),
        },
        LinkKind::DirectConnectConnection(d) => {
            let kind = match d.connection_type {
                DxConnectionType::Dedicated => "dedicated",
                DxConnectionType::Hosted => "hosted",
            };
            format!("{} {kind}", mbps(d.capacity_mbps))
        }
        LinkKind::SiteToSiteVpn(v) => mbps(v.bandwidth_mbps),
        LinkKind::FabricConnection(f) => f.operator.clone(),
    }
}

/// "Washington DC 120, Chicago 80, Amsterdam 60 and 35 more": the most common values first.
pub(super) fn most_common(counts: HashMap<String, usize>) -> String {
    let distinct = counts.len();
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let shown: Vec<String> = counts
        .iter()
        .take(3)
        .map(|(value, n)| {
            let value = if value.trim().is_empty() {
                "not stated"
            } else {
                value
            };
            format!("{value} {}", number(*n))
        })
        .collect();
    let more = if distinct > 3 {
        format!(" and {} more", number(distinct - 3))
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

/// A large design's elements: counted by kind with their most common places and providers,
/// then the elements with the most severe open findings.
pub(super) fn elements_summary(
    design: &Design,
    worst: &HashMap<String, Severity>,
    names: &Names<'_>,
    blocks: &mut Vec<Block>,
) {
    let mut by_node_kind: BTreeMap<NodeKindTag, HashMap<String, usize>> = BTreeMap::new();
    for n in &design.nodes {
        let places = by_node_kind.entry(n.tag()).or_default();
        let place = node_place(&n.kind);
        match places.get_mut(place) {
            Some(c) => *c += 1,
            None => {
                places.insert(place.to_string(), 1);
            }
        }
    }
    let mut by_link_kind: BTreeMap<LinkKindTag, (HashMap<String, usize>, u64)> = BTreeMap::new();
    for l in &design.links {
        let (providers, bandwidth) = by_link_kind.entry(l.tag()).or_default();
        *providers.entry(link_provider(&l.kind)).or_default() += 1;
        *bandwidth = bandwidth.saturating_add(crate::resilience::flow::link_capacity_mbps(&l.kind));
    }
    let mut t = Table::new(&[
        ("Kind", 1.6, Align::Left),
        ("Count", 0.7, Align::Right),
        ("Total bandwidth", 1.0, Align::Right),
        (
            "Most common places, carriers and providers",
            4.7,
            Align::Left,
        ),
    ]);
    for (kind, places) in by_node_kind {
        let n: usize = places.values().sum();
        t.body(vec![
            capitalise(kind.label()),
            number(n),
            String::new(),
            most_common(places),
        ]);
    }
    for (kind, (providers, bandwidth)) in by_link_kind {
        let n: usize = providers.values().sum();
        t.body(vec![
            capitalise(kind.label()),
            number(n),
            mbps(bandwidth),
            most_common(providers),
        ]);
    }
    // The elements that need attention: most severe open finding first, then design order.
    let mut flagged: Vec<(Severity, usize)> = design
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .chain(design.links.iter().map(|l| l.id.as_str()))
        .enumerate()
        .filter_map(|(i, id)| worst.get(id).map(|s| (*s, i)))
        .collect();
    flagged.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let total = design.nodes.len() + design.links.len();
    let shown = flagged.len().min(SHOWN_ROWS);
    let (nodes, links) = (number(design.nodes.len()), number(design.links.len()));
    blocks.push(Block::Paragraph(if shown == 0 {
        format!(
            "{nodes} nodes and {links} links: too many to list one by one, so they are counted by kind below. None has an open finding. The design file lists every element."
        )
    } else {
        format!(
            "{nodes} nodes and {links} links: too many to list one by one. They are counted by kind below, then the {shown} with the most severe open findings are listed; the other {} are omitted here. The design file lists every element, and the findings export every finding with the elements it concerns (see Assumptions and sources).",
            number(total - shown)
        )
    }));
    blocks.push(Block::Table(t));
    if flagged.is_empty() {
        return;
    }
    blocks.push(Block::Heading(format!(
        "The {} elements with the most severe findings",
        number(shown)
    )));
    let mut t = inventory_table();
    for &(severity, i) in flagged.iter().take(SHOWN_ROWS) {
        let mut cells = match design.nodes.get(i) {
            Some(n) => node_row(n, names),
            None => link_row(&design.links[i - design.nodes.len()], names),
        };
        let name = std::mem::take(&mut cells[0]);
        let mut row = vec![Cell::badge(name, look::severity_rgb(severity))];
        row.extend(cells.into_iter().skip(1).map(Cell::text));
        t.row(RowKind::Body, row);
    }
    blocks.push(Block::Table(t));
}

/// The lines of one meter of one cloud, added up.
pub(super) struct MeterGroup<'c> {
    lines: usize,
    /// Sum of the quantities, in thousandths of `unit`; None when the lines' units differ.
    quantity_milli: Option<u64>,
    unit: crate::model::PriceUnit,
    /// Sum of the priced lines' amounts.
    monthly: Usd,
    /// Lines without an amount (or whose amount would not add up: counted, never wrapped).
    unpriced: usize,
    description: &'c str,
    descriptions: usize,
    provenance: Option<&'c Provenance>,
    provenances: BTreeSet<String>,
}

/// A summed quantity written as `LineItem::quantity_text` writes one line's: whole units,
/// rounded half up, with thousands separators.
pub(super) fn quantity_text(milli: u64, unit: crate::model::PriceUnit) -> String {
    let whole = milli.saturating_add(500) / 1000;
    match unit {
        crate::model::PriceUnit::Hour => format!("{} h", crate::costing::thousands(whole)),
        crate::model::PriceUnit::Month => format!(
            "{} month{}",
            crate::costing::thousands(whole),
            if whole == 1 { "" } else { "s" }
        ),
        crate::model::PriceUnit::Gb => crate::costing::gb_text(milli),
    }
}

/// Every line of the bill added up per cloud, category and meter.
pub(super) fn meter_groups<'c>(
    cost: &'c crate::costing::Costing,
    notes: &super::sources::SourceNotes<'_>,
) -> BTreeMap<(Biller, Category, &'c str), MeterGroup<'c>> {
    let mut groups: BTreeMap<(Biller, Category, &str), MeterGroup<'_>> = BTreeMap::new();
    for i in &cost.items {
        let g = groups
            .entry((i.biller, i.category, i.meter))
            .or_insert_with(|| MeterGroup {
                lines: 0,
                quantity_milli: Some(0),
                unit: i.unit,
                monthly: Usd::ZERO,
                unpriced: 0,
                description: &i.description,
                descriptions: 1,
                provenance: None,
                provenances: BTreeSet::new(),
            });
        g.lines += 1;
        g.quantity_milli = g
            .quantity_milli
            .filter(|_| g.unit == i.unit)
            .and_then(|q| q.checked_add(i.quantity_milli));
        match i.monthly.and_then(|m| g.monthly.checked_add(m)) {
            Some(sum) => g.monthly = sum,
            None => g.unpriced += 1,
        }
        if g.descriptions == 1 && i.description != g.description {
            g.descriptions = 2;
        }
        // A provenance's one-line text is made once per change of provenance, not per line.
        if let Some(p) = i.provenance.as_deref()
            && g.provenance != Some(p)
        {
            g.provenance = Some(p);
            g.provenances
                .insert(notes.cite_provenance(p).unwrap_or_default());
        }
    }
    groups
}

/// A large bill of materials: every line added up per cloud and meter (subtotals and total
/// are the costing's own, over every line), then the costliest lines.
pub(super) fn bom_summary(
    cost: &crate::costing::Costing,
    names: &Names<'_>,
    notes: &super::sources::SourceNotes<'_>,
    blocks: &mut Vec<Block>,
) {
    let groups = meter_groups(cost, notes);
    blocks.push(omitted(
        cost.items.len(),
        "lines in the bill of materials",
        "cloud and meter",
        SHOWN_ROWS,
        "costliest lines",
        FULL_BILL,
    ));

    let mut t = Table::new(&[
        ("Category", 1.6, Align::Left),
        ("Item", 3.4, Align::Left),
        ("Lines", 0.7, Align::Right),
        ("Quantity", 1.1, Align::Right),
        ("Monthly USD", 1.3, Align::Right),
        ("Source", 0.9, Align::Left),
    ])
    .with_refs(5, Refs::Cites);
    let mut billers = groups.iter().peekable();
    while let Some(((biller, _, _), _)) = billers.peek() {
        let biller = *biller;
        t.row(RowKind::Group, vec![Cell::text(biller.label())]);
        while let Some(((_, category, _), g)) = billers.next_if(|((b, _, _), _)| *b == biller) {
            let description = names.with_demand_names(g.description);
            let item = if g.descriptions == 1 {
                description
            } else {
                format!("e.g. {description}")
            };
            let monthly = match (g.unpriced, g.lines) {
                (0, _) => dollars(g.monthly),
                (u, l) if u == l => "unpriced".to_string(),
                (u, _) => format!("{} + {} unpriced", dollars(g.monthly), number(u)),
            };
            let provenance = g
                .provenances
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            t.body(vec![
                category.label().to_string(),
                item,
                number(g.lines),
                g.quantity_milli
                    .map(|q| quantity_text(q, g.unit))
                    .unwrap_or_else(|| "mixed units".into()),
                monthly,
                provenance,
            ]);
        }
        let subtotal = cost.by_biller.get(&biller).copied().unwrap_or(Usd::ZERO);
        t.row(
            RowKind::Subtotal,
            subtotal_cells(&format!("Subtotal {}", biller.label()), subtotal, 6, 4),
        );
    }
    t.row(
        RowKind::Total,
        subtotal_cells("Total monthly", cost.totals.monthly, 6, 4),
    );
    blocks.push(Block::Table(t));
    blocks.push(Block::Heading(format!("The {SHOWN_ROWS} costliest lines")));
    let mut costliest: Vec<&LineItem> = cost.items.iter().filter(|i| i.monthly.is_some()).collect();
    // Costliest first; equal amounts in the costing's order (a stable sort).
    costliest.sort_by_key(|i| std::cmp::Reverse(i.monthly));
    let mut t = bom_table();
    for i in costliest.into_iter().take(SHOWN_ROWS) {
        t.body(bom_cells(i, names, notes));
    }
    blocks.push(Block::Table(t));
}

/// Many demands: counted by model and SLA target with how many fail how, then the weakest.
pub(super) fn demands_summary(
    a: &crate::resilience::Analysis,
    names: &Names<'_>,
    mut weakest: Table,
    blocks: &mut Vec<Block>,
) {
    #[derive(Default)]
    struct Tally {
        demands: usize,
        no_path: usize,
        below: usize,
        spof: usize,
    }
    let mut groups: BTreeMap<(u8, &str, String), Tally> = BTreeMap::new();
    for d in &a.demands {
        let sla = sla_parts(d.model.sla.unwrap_or("none")).0;
        let t = groups
            .entry((d.model.kind.rank(), d.model.kind.label(), sla))
            .or_default();
        t.demands += 1;
        if d.intact_mbps == 0 {
            t.no_path += 1;
        } else {
            t.below += usize::from(residual_mbps(d) < d.required_mbps);
            t.spof += usize::from(!d.spofs.is_empty());
        }
    }
    blocks.push(omitted(
        a.demands.len(),
        "demands",
        "resiliency model",
        SHOWN_ROWS,
        "weakest",
        FULL_RESILIENCE,
    ));
    let mut t = Table::new(&[
        ("Model", 1.6, Align::Left),
        ("SLA target", 2.4, Align::Left),
        ("Demands", 0.9, Align::Right),
        ("No path", 0.8, Align::Right),
        ("Below requirement after one failure", 1.5, Align::Right),
        ("With a single point of failure", 1.4, Align::Right),
    ]);
    for ((rank, label, sla), tally) in groups {
        let rgb = super::rank_rgb(rank);
        t.row(
            RowKind::Body,
            vec![
                Cell::badge(label, rgb),
                Cell::text(sla),
                Cell::text(number(tally.demands)),
                Cell::text(number(tally.no_path)),
                Cell::text(number(tally.below)),
                Cell::text(number(tally.spof)),
            ],
        );
    }
    blocks.push(Block::Table(t));
    // Weakest first: no path, the lowest model, the least capacity left after the worst
    // failure (as a share of the requirement), the most single points of failure.
    let left = |d: &crate::resilience::DemandResult| {
        u128::from(residual_mbps(d)) * 1_000_000 / u128::from(d.required_mbps.max(1))
    };
    let mut order: Vec<&crate::resilience::DemandResult> = a.demands.iter().collect();
    order.sort_by(|x, y| {
        (x.intact_mbps > 0)
            .cmp(&(y.intact_mbps > 0))
            .then(x.model.kind.rank().cmp(&y.model.kind.rank()))
            .then(left(x).cmp(&left(y)))
            .then(y.spofs.len().cmp(&x.spofs.len()))
    });
    for d in order.into_iter().take(SHOWN_ROWS) {
        weakest.row(RowKind::Body, demand_cells(a, d, names));
    }
    blocks.push(Block::Heading(format!("The {SHOWN_ROWS} weakest demands")));
    blocks.push(Block::Table(weakest));
}

/// The first [`SHOWN_ROWS`] findings, most severe first (in check order among equals).
pub(super) fn most_severe<'f>(findings: &[&'f Finding]) -> Vec<&'f Finding> {
    let mut sorted = findings.to_vec();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    sorted.truncate(SHOWN_ROWS);
    sorted
}

/// Findings counted by rule (and by `last`, the fix or the reason for accepting): most severe
/// rule first, then the most findings.
pub(super) fn findings_by_rule(
    findings: &[&Finding],
    last: impl Fn(&Finding) -> String,
    last_title: &str,
) -> Table {
    let mut groups: BTreeMap<(std::cmp::Reverse<Severity>, &str, String), (usize, &Finding)> =
        BTreeMap::new();
    for f in findings {
        groups
            .entry((std::cmp::Reverse(f.severity), f.code, last(f)))
            .or_insert((0, f))
            .0 += 1;
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by(|a, b| (a.0).0.cmp(&(b.0).0).then((b.1).0.cmp(&(a.1).0)));
    let mut t = Table::new(&[
        ("Code", 0.8, Align::Left),
        ("Severity", 0.9, Align::Left),
        ("Rule, and one of its findings", 3.6, Align::Left),
        ("Findings", 0.8, Align::Right),
        (last_title, 2.6, Align::Left),
    ]);
    for ((_, code, last), (n, example)) in groups.into_iter().take(FULL_TABLE_ROWS) {
        t.row(
            RowKind::Body,
            vec![
                Cell::text(code),
                Cell::badge(
                    example.severity.label(),
                    look::severity_rgb(example.severity),
                ),
                Cell::text(format!("{}\ne.g. {}", example.rule, example.message)),
                Cell::text(number(n)),
                Cell::text(last),
            ],
        );
    }
    t
}

/// Many unpriced items: counted by meter and reason, with a few of their elements.
pub(super) fn unpriced_summary(unpriced: &[crate::costing::Unpriced], blocks: &mut Vec<Block>) {
    let mut groups: BTreeMap<(&str, &str), (usize, Vec<&str>)> = BTreeMap::new();
    for u in unpriced {
        let (n, examples) = groups.entry((u.meter, &*u.reason)).or_default();
        *n += 1;
        if examples.len() < 3 {
            examples.push(u.element.as_str());
        }
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by(|a, b| (b.1).0.cmp(&(a.1).0).then(a.0.cmp(&b.0)));
    let kinds = groups.len();
    blocks.push(Block::Paragraph(format!(
        "{} unpriced items: too many to list one by one, so they are counted by meter and reason; linkwright cost --format json lists them all.",
        number(unpriced.len())
    )));
    let mut t = Table::new(&[
        ("Meter", 1.8, Align::Left),
        ("Why unpriced", 3.6, Align::Left),
        ("Items", 0.7, Align::Right),
        ("For example", 1.9, Align::Left),
    ]);
    for ((meter, reason), (n, examples)) in groups.into_iter().take(FULL_TABLE_ROWS) {
        let more = if n > examples.len() { ", …" } else { "" };
        t.body(vec![
            meter.to_string(),
            reason.to_string(),
            number(n),
            format!("{}{more}", examples.join(", ")),
        ]);
    }
    blocks.push(Block::Table(t));
    if kinds > FULL_TABLE_ROWS {
        blocks.push(Block::Note(format!(
            "The {} most common of {} meter-and-reason pairs are shown.",
            number(FULL_TABLE_ROWS),
            number(kinds)
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::costing::UserBook;

    /// A summarised bill shows sums per cloud and meter; they are sums over every line, so
    /// they add up to the costing's subtotals and total.
    #[test]
    fn a_summarised_bill_adds_up_to_the_costing_totals() {
        let catalog = Catalog::builtin().unwrap();
        let design = crate::generate::generate(200, 1, &catalog);
        let cost = crate::costing::cost(
            &design,
            &catalog,
            &UserBook::empty(),
            crate::costing::Options::default(),
        );
        assert!(cost.items.len() > FULL_TABLE_ROWS, "{}", cost.items.len());
        let notes = crate::report::sources::SourceNotes::of(&cost.items);
        let groups = meter_groups(&cost, &notes);
        let lines: usize = groups.values().map(|g| g.lines).sum();
        assert_eq!(lines, cost.items.len());
        let unpriced: usize = groups.values().map(|g| g.unpriced).sum();
        assert_eq!(unpriced, cost.items.len() - cost.priced_items);
        let mut per_biller: BTreeMap<Biller, Usd> = BTreeMap::new();
        for ((biller, _, _), g) in &groups {
            let sum = per_biller.entry(*biller).or_default();
            *sum = sum.checked_add(g.monthly).unwrap();
        }
        for (biller, amount) in &cost.by_biller {
            assert_eq!(per_biller.get(biller).copied().unwrap_or_default(), *amount);
        }
        let total = per_biller
            .values()
            .try_fold(Usd::ZERO, |a, b| a.checked_add(*b))
            .unwrap();
        assert_eq!(total, cost.totals.monthly);
    }
}

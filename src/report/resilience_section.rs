//! The resilience section: per demand, the model achieved and what each failure leaves.

use super::*;

pub(super) fn resilience(analyses: &Analyses, names: &Names<'_>) -> Section {
    let a = &analyses.resilience;
    let mut blocks = Vec::new();
    if a.demands.is_empty() {
        blocks.push(Block::Paragraph(
            "The design has no demands, so no failure analysis was run. Add a demand for every site that must reach a cloud region.".into(),
        ));
    } else {
        blocks.push(Block::Paragraph(
            "Every single failure (N-1) of a link, device, building, metro, provider or shared-risk group was simulated; residual capacity is the maximum flow left from the site to the region.".into(),
        ));
        let mut t = Table::new(&[
            ("Demand", 2.2, Align::Left),
            ("Model", 1.5, Align::Left),
            ("Required", 1.0, Align::Right),
            ("Intact", 0.9, Align::Right),
            ("Worst single failure", 2.2, Align::Left),
            ("Residual", 1.0, Align::Right),
            ("Single points of failure", 2.4, Align::Left),
        ]);
        if a.demands.len() <= FULL_TABLE_ROWS {
            for d in &a.demands {
                t.row(RowKind::Body, demand_cells(a, d, names));
            }
            blocks.push(Block::Table(t));
        } else {
            demands_summary(a, names, t, &mut blocks);
        }
        let notes: Vec<(&str, &str)> = a
            .demands
            .iter()
            .flat_map(|d| {
                d.model
                    .notes
                    .iter()
                    .map(move |n| (d.demand.as_str(), n.as_str()))
            })
            .collect();
        if !notes.is_empty() {
            blocks.push(Block::Heading("Model notes".into()));
        }
        if notes.len() <= FULL_TABLE_ROWS {
            if !notes.is_empty() {
                blocks.push(Block::Bullets(
                    notes
                        .iter()
                        .map(|(d, n)| format!("{}: {}", names.of(d), without_citations(n)))
                        .collect(),
                ));
            }
        } else {
            // The same note about many demands, once, with how many it concerns.
            let mut by_note: HashMap<&str, usize> = HashMap::new();
            for (_, n) in &notes {
                *by_note.entry(n).or_default() += 1;
            }
            let mut by_note: Vec<(&str, usize)> = by_note.into_iter().collect();
            by_note.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let kinds = by_note.len();
            let mut bullets: Vec<String> = by_note
                .iter()
                .take(SHOWN_ROWS)
                .map(|(n, c)| format!("{}: {n}", count(*c, "demand", "demands")))
                .collect();
            if kinds > SHOWN_ROWS {
                bullets.push(format!(
                    "{} other notes, each about fewer demands; the design's resilience export lists every note (see Assumptions and sources).",
                    number(kinds - SHOWN_ROWS)
                ));
            }
            blocks.push(Block::Bullets(bullets));
        }
    }
    if !analyses.gateways.is_empty() {
        blocks.push(Block::Heading("Azure resiliency index per gateway".into()));
        let mut t = Table::new(&[
            ("Region", 2.0, Align::Left),
            ("Gateway", 1.2, Align::Left),
            ("Index (design)", 1.0, Align::Right),
            ("Index (validated)", 1.0, Align::Right),
            ("Components", 4.2, Align::Left),
        ]);
        let row = |g: &crate::resilience::GatewayIndex| {
            vec![
                names.of(&g.region),
                g.gateway_sku.clone(),
                g.design_index.to_string(),
                g.validated_index.to_string(),
                format!(
                    "R = {} ({}); Z = {} ({}); A = {}; weights v{}",
                    g.r, g.r_reason, g.z, g.z_reason, g.a, g.weights_version
                ),
            ]
        };
        let gateways = &analyses.gateways;
        if gateways.len() <= FULL_TABLE_ROWS {
            for g in gateways {
                t.body(row(g));
            }
            blocks.push(Block::Table(t));
        } else {
            let mut by_index: BTreeMap<(&str, u32, u32), usize> = BTreeMap::new();
            for g in gateways {
                *by_index
                    .entry((g.gateway_sku.as_str(), g.design_index, g.validated_index))
                    .or_default() += 1;
            }
            blocks.push(omitted(
                gateways.len(),
                "gateways",
                "SKU and index",
                SHOWN_ROWS,
                "with the lowest index",
                FULL_RESILIENCE,
            ));
            let mut groups = Table::new(&[
                ("Gateway", 2.0, Align::Left),
                ("Index (design)", 1.2, Align::Right),
                ("Index (validated)", 1.2, Align::Right),
                ("Gateways", 1.0, Align::Right),
            ]);
            for ((sku, design, validated), n) in by_index.into_iter().take(FULL_TABLE_ROWS) {
                groups.body(vec![
                    sku.to_string(),
                    design.to_string(),
                    validated.to_string(),
                    number(n),
                ]);
            }
            blocks.push(Block::Table(groups));
            let mut order: Vec<&crate::resilience::GatewayIndex> = gateways.iter().collect();
            order.sort_by_key(|g| (g.design_index, g.validated_index));
            for g in order.into_iter().take(SHOWN_ROWS) {
                t.body(row(g));
            }
            blocks.push(Block::Heading(format!(
                "The {SHOWN_ROWS} gateways with the lowest index"
            )));
            blocks.push(Block::Table(t));
        }
        blocks.push(Block::Note(
            "Index = R × M + Z + A: R location redundancy, M the validation multiplier (design or validated by failover testing), Z the gateway's zone resilience, A advisories cleared.".into(),
        ));
    }
    Section {
        title: SECTION_RESILIENCE.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// One demand as a row of the resilience table.
pub(super) fn demand_cells(
    a: &crate::resilience::Analysis,
    d: &crate::resilience::DemandResult,
    names: &Names<'_>,
) -> Vec<Cell> {
    let (worst, residual) = match d.worst_single() {
        Some(s) => (
            s.domains
                .iter()
                .map(|i| a.domain_label(i).to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            mbps(s.residual_mbps),
        ),
        None => ("none".into(), mbps(d.intact_mbps)),
    };
    let spofs = if d.intact_mbps == 0 {
        "no path".to_string()
    } else if d.spofs.is_empty() {
        "none".to_string()
    } else {
        d.spofs
            .iter()
            .map(|&i| a.domain_label(i).to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        Cell::text(names.of(&d.demand)),
        Cell::badge(d.model.kind.label(), model_rgb(d.model.kind)),
        Cell::text(mbps(d.required_mbps)),
        Cell::text(mbps(d.intact_mbps)),
        Cell::text(worst),
        Cell::text(residual),
        Cell::text(spofs),
    ]
}

/// The capacity a demand keeps after its worst single failure.
pub(super) fn residual_mbps(d: &crate::resilience::DemandResult) -> u64 {
    d.worst_single().map_or(d.intact_mbps, |s| s.residual_mbps)
}

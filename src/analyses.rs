//! Every analysis of one design, computed together: what the faces (GUI, report) show.
//! The only place that combines the rules' findings with the resilience engine (the gateway
//! index's A component counts the resilience findings).

use crate::catalog::Catalog;
use crate::costing::{self, Costing, Options, UserBook, whatif::WhatIf};
use crate::model::Design;
use crate::resilience::{self, Analysis, Depth, GatewayIndex, IndexWeights};
use crate::rules::{self, Findings};

/// Findings, failure analysis (with paths), gateway indexes, cost and what-if of one design.
#[derive(Debug, Clone)]
pub struct Analyses {
    pub findings: Findings,
    pub resilience: Analysis,
    pub gateways: Vec<GatewayIndex>,
    pub cost: Costing,
    pub what_if: WhatIf,
}

/// Whether a demand misses the resilience model it names: no target, nothing to miss; no path
/// at all (capacity 0, which the target rule leaves to the no-path rule) misses it; otherwise the
/// model achieved is below the one required. An accepted shortfall still misses its target.
pub fn misses_target(design: &Design, r: &resilience::DemandResult) -> bool {
    let Some(target) = design
        .demands
        .get(r.index)
        .and_then(|d| d.target_resiliency)
    else {
        return false;
    };
    r.intact_mbps == 0 || !r.model.kind.meets(target)
}

/// Run every analysis on `design` with the effective price book (catalog + user book + the
/// design's quotes and discounts).
pub fn run(
    design: &Design,
    catalog: &Catalog,
    user_book: &UserBook,
    options: Options,
    depth: Depth,
) -> Analyses {
    // At depth 1 the resilience rules and the Resilience view read one analysis.
    // One failure analysis (with paths) serves all three: the resilience rules, the Resilience
    // view, and costing's split of egress over intact paths.
    let (findings, analysis) = match depth {
        Depth::Single => rules::check_with_analysis(design, catalog),
        Depth::Pairs => (
            rules::check(design, catalog),
            resilience::analyze(design, catalog, depth),
        ),
    };
    // The index weights are embedded at compile time and parsed by the test below; an empty
    // list is the honest answer if they ever were not.
    let gateways = gateway_indexes(design, &findings).unwrap_or_default();
    let book = costing::Book::new(catalog, user_book, design);
    let intact = resilience::EgressPaths::of(design, &analysis);
    let cost = costing::cost_with_book(design, catalog, &book, options, &intact);
    let what_if = costing::whatif::what_if(design, catalog, &book, &cost, options);
    Analyses {
        findings,
        resilience: analysis,
        gateways,
        cost,
        what_if,
    }
}

/// The gateway indexes of a design: the A component counts the active resilience findings that
/// concern the region or a demand toward it.
pub fn gateway_indexes(
    design: &Design,
    findings: &Findings,
) -> Result<Vec<GatewayIndex>, serde_json::Error> {
    let weights = IndexWeights::builtin()?;
    let region_of_demand: std::collections::HashMap<&str, &str> = design
        .demands
        .iter()
        .map(|d| (d.id.as_str(), d.region.as_str()))
        .collect();
    let mut advisories_by_region: std::collections::HashMap<&str, usize> = Default::default();
    // Microsoft: the recommendations on multi-site and zone redundancy are "already factored
    // into" the index (its R and Z components), so the findings that restate them — circuits
    // sharing a building or a metro, the target model not met — do not lower A as well.
    // A single point of failure made only of peering locations (their buildings, metros, MSEE
    // pairs) and the circuits there is the same multi-site recommendation.
    const ALREADY_IN_R_OR_Z: [&str; 3] = ["RES003", "RES005", "RES006"];
    let nodes = design.node_index();
    let er_circuits: rustc_hash::FxHashSet<&str> = design
        .links
        .iter()
        .filter(|l| l.as_er().is_some())
        .map(|l| l.id.as_str())
        .collect();
    let location_only = |f: &crate::rules::Finding| {
        f.subjects.iter().all(|s| {
            region_of_demand.contains_key(s.as_str())
                || nodes
                    .get(s.as_str())
                    .is_some_and(|&i| design.nodes[i].as_facility().is_some())
                || er_circuits.contains(s.as_str())
        })
    };
    let advisory = |f: &&crate::rules::Finding| {
        f.code.starts_with("RES")
            && !ALREADY_IN_R_OR_Z.contains(&f.code)
            && !(f.code == "RES001" && location_only(f))
    };
    for f in findings.active().filter(advisory) {
        let mut regions: Vec<&str> = f
            .subjects
            .iter()
            .map(|s| {
                region_of_demand
                    .get(s.as_str())
                    .copied()
                    .unwrap_or(s.as_str())
            })
            .collect();
        regions.sort_unstable();
        regions.dedup();
        for r in regions {
            *advisories_by_region.entry(r).or_default() += 1;
        }
    }
    let advisories = |region: &str| advisories_by_region.get(region).copied().unwrap_or(0);
    let circuits = resilience::CircuitsByRegion::new(design);
    Ok(resilience::models::gateway_indexes(
        design,
        |region| circuits.into_region(region),
        advisories,
        &weights,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_index_weights_parse() {
        let w = super::IndexWeights::builtin().expect("resiliency_index.json parses");
        assert!(w.version >= 1);
    }
}

//! RES005: all circuits of a demand land in one metro: a metro-wide event (power, fibre cuts,
//! disaster) takes them all. Microsoft's Maximum resiliency puts circuits at two peering
//! locations, AWS's at two locations (ER-RES-1, DX-RES-1); partners advise distant metros.
use super::prelude::*;
use crate::resilience::domains::metro_of;

pub static RULE: Rule = Rule {
    code: "RES005",
    name: "circuits-share-one-metro",
    default_severity: Severity::Warning,
    summary: "All of a demand's redundant circuits land in facilities of one metro.",
    hint: "Move one circuit to a peering/DX location in another metro.",
    reference: "ER-RES-1; DX-RES-1",
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    // Each facility's metro, looked up once (designs have few facilities, many demands).
    let mut metro_cache: rustc_hash::FxHashMap<&str, Option<String>> = Default::default();
    for d in &analysis.demands {
        if d.circuit_links.len() < 2 {
            continue;
        }
        let metros: Vec<Option<String>> = d
            .circuit_links
            .iter()
            .map(|&l| {
                let link = &cx.design.links[l];
                let node = [&link.a, &link.b]
                    .into_iter()
                    .filter_map(|id| cx.node(id.as_str()))
                    .find(|n| n.as_facility().is_some() || n.as_fabric().is_some())?;
                metro_cache
                    .entry(node.id.as_str())
                    .or_insert_with(|| metro_of(node, cx.catalog).map(|m| m.to_lowercase()))
                    .clone()
            })
            .collect();
        let Some(Some(first)) = metros.first() else {
            continue;
        };
        if metros.iter().all(|m| m.as_ref() == Some(first)) {
            let mut subjects = vec![d.demand.clone()];
            subjects.extend(cx.link_ids(&d.circuit_links));
            out.flag(
                subjects,
                format!(
                    "all {} circuits of demand `{}` land in one metro ({first})",
                    d.circuit_links.len(),
                    d.demand
                ),
            );
        }
    }
}

//! RES006: all circuits of a demand land in one building (one facility node, or facilities the
//! catalog or their names put in the same building): two circuits, one roof.
use super::prelude::*;
use crate::resilience::DomainKind;

pub static RULE: Rule = Rule {
    code: "RES006",
    name: "circuits-share-one-building",
    default_severity: Severity::Warning,
    summary: "All of a demand's redundant circuits land in one building.",
    hint: "Land one circuit in another building (another peering/DX location).",
    reference: "ER-RES-1; DX-RES-1, DX-RES-3",
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    let mut buildings: rustc_hash::FxHashMap<&str, &str> = Default::default();
    for dm in analysis
        .domains
        .iter()
        .filter(|dm| dm.kind == DomainKind::Building)
    {
        for m in &dm.members {
            buildings.insert(m.as_str(), dm.id.as_str());
        }
    }
    let building_of =
        |node_id: &'_ str| -> String { buildings.get(node_id).map_or(node_id, |b| b).to_string() };
    for d in &analysis.demands {
        if d.circuit_links.len() < 2 {
            continue;
        }
        let buildings: Vec<Option<String>> = d
            .circuit_links
            .iter()
            .map(|&l| {
                let link = &cx.design.links[l];
                // A Metro circuit spans two buildings by design.
                if link
                    .as_er()
                    .is_some_and(|c| c.metro_secondary_facility.is_some())
                {
                    return None;
                }
                [&link.a, &link.b]
                    .into_iter()
                    .filter_map(|id| cx.node(id.as_str()))
                    .find(|n| n.as_facility().is_some())
                    .map(|n| building_of(n.id.as_str()))
            })
            .collect();
        let Some(Some(first)) = buildings.first() else {
            continue;
        };
        if buildings.iter().all(|b| b.as_ref() == Some(first)) {
            let mut subjects = vec![d.demand.clone()];
            subjects.extend(cx.link_ids(&d.circuit_links));
            out.flag(
                subjects,
                format!(
                    "all {} circuits of demand `{}` land in one building",
                    d.circuit_links.len(),
                    d.demand
                ),
            );
        }
    }
}

//! ER014: circuits per gateway: at most 4 from one peering location; from different locations
//! 4 (Standard/ErGw1AZ), 8 (HighPerformance/ErGw2AZ), 16 (Ultra/ErGw3AZ) (ER-VNET-4, AZ-FAQ
//! 2026-03-31). The per-location limit applies to every SKU; no cross-location figure is
//! documented for ErGwScale, so that part is not checked for it.
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "ER014",
    name: "too-many-circuits-on-gateway",
    default_severity: Severity::Error,
    summary: "More circuits connect to one ExpressRoute gateway than its SKU allows (4 per peering location; 4/8/16 across locations).",
    hint: "Use a larger gateway SKU, or spread the circuits over more gateways/VNets.",
    reference: "ER-VNET-4 (AZ-FAQ 2026-03-31)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(gw) = node.as_azure().and_then(|a| a.gateway.as_ref()) else {
            continue;
        };
        let limit = match gw.sku {
            ErGatewaySku::Standard | ErGatewaySku::ErGw1Az => Some(4),
            ErGatewaySku::HighPerformance | ErGatewaySku::ErGw2Az => Some(8),
            ErGatewaySku::UltraPerformance | ErGatewaySku::ErGw3Az => Some(16),
            ErGatewaySku::ErGwScale => None,
        };
        let mut by_location: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for v in cx.er_circuits_into(node.id.as_str()) {
            let loc = v
                .facility
                .er_peering_location
                .clone()
                .unwrap_or_else(|| v.facility_node.id.to_string());
            by_location
                .entry(loc)
                .or_default()
                .push(v.link.id.to_string());
        }
        for (loc, circuits) in &by_location {
            if circuits.len() > 4 {
                let mut subjects = vec![node.id.to_string()];
                subjects.extend(circuits.iter().cloned());
                out.flag(
                    subjects,
                    format!("gateway of {} has {} circuits from {loc}; at most 4 from one peering location", cx.name_of(node.id.as_str()), circuits.len()),
                );
            }
        }
        let total: usize = by_location.values().map(Vec::len).sum();
        let Some(limit) = limit else { continue };
        if by_location.len() > 1 && total > limit {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "{} gateway of {} has {total} circuits; it takes at most {limit}",
                    gw.sku.label(),
                    cx.name_of(node.id.as_str())
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        assert_fixture(
            &RULE,
            |d| {
                gateway(d, ErGatewaySku::ErGw1Az, None);
                for i in 0..3 {
                    clone_link(d, "er-1", &format!("er-1-{i}"));
                }
            },
            &["az"],
            |d| {
                gateway(d, ErGatewaySku::ErGw2Az, None);
                for i in 0..3 {
                    clone_link(d, "er-1", &format!("er-1-{i}"));
                }
            },
        );
    }
}

//! ER020: a gateway learns at most 4,000 routes from on-premises (Standard/ErGw1AZ) or 9,500
//! (others) (ER-RT-6; AZ-GWPERF 2024-07-09, AZ-FAQ 2026-03-31). For ErGwScale the 2026 FAQ's
//! 9,500 is used; a 2024 page said 60,000 (conflict, Q3).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER020",
    name: "gateway-route-limit-exceeded",
    default_severity: Severity::Error,
    summary: "The private-peering prefixes of all circuits into one gateway exceed what the gateway learns (4,000 on Standard/ErGw1AZ, 9,500 on larger SKUs).",
    hint: "Summarise routes, or use a larger gateway SKU.",
    reference: "ER-RT-6 (AZ-GWPERF 2024-07-09; AZ-FAQ 2026-03-31); Q3",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(gw) = node.as_azure().and_then(|a| a.gateway.as_ref()) else {
            continue;
        };
        let limit: u64 = match gw.sku {
            ErGatewaySku::Standard | ErGatewaySku::ErGw1Az => 4_000,
            _ => 9_500,
        };
        let circuits: Vec<_> = cx.er_circuits_into(node.id.as_str()).collect();
        let learned: u64 = circuits
            .iter()
            .filter_map(|v| v.circuit.peerings.private.as_ref())
            .map(|p| u64::from(p.advertised_ipv4_prefixes))
            .sum();
        if learned > limit {
            let mut subjects = vec![node.id.to_string()];
            subjects.extend(circuits.iter().map(|v| v.link.id.to_string()));
            out.flag(
                subjects,
                format!(
                    "{} gateway of {} would learn {learned} routes; it learns at most {limit}",
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
                for id in ["er-1", "er-2"] {
                    er_mut(d, id)
                        .peerings
                        .private
                        .as_mut()
                        .unwrap()
                        .advertised_ipv4_prefixes = 2_500;
                }
            },
            &["az", "er-1", "er-2"],
            |d| {
                gateway(d, ErGatewaySku::ErGw2Az, None);
                for id in ["er-1", "er-2"] {
                    er_mut(d, id)
                        .peerings
                        .private
                        .as_mut()
                        .unwrap()
                        .advertised_ipv4_prefixes = 2_500;
                }
            },
        );
    }
}

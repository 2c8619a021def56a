//! ER029: a gateway carries at most 1 Gbps (Standard/ErGw1AZ), 2 Gbps (HighPerformance/ErGw2AZ),
//! 10 Gbps (Ultra/ErGw3AZ) or 1 Gbps per ErGwScale unit; a faster circuit is throttled by it
//! (reference 1.5, AZ-GWPERF 2024-07-09).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER029",
    name: "gateway-slower-than-circuit",
    default_severity: Severity::Warning,
    summary: "A circuit is faster than the ExpressRoute gateway it reaches; the gateway caps the traffic into the VNet.",
    hint: "Use a larger gateway SKU (ErGw2AZ, ErGw3AZ or ErGwScale with more units), or FastPath where it applies.",
    reference: "AZ-GWPERF 2024-07-09 (reference 1.5)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(gw) = &v.region.gateway else {
            continue;
        };
        let max = gw.sku.max_bandwidth_mbps(gw.scale_units);
        if v.circuit.bandwidth_mbps > max && v.circuit.peerings.private.is_some() {
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "circuit {} ({}) reaches the {} gateway of {}, which carries at most {}",
                    cx.name_of(v.link.id.as_str()),
                    mbps(v.circuit.bandwidth_mbps),
                    gw.sku.label(),
                    cx.name_of(v.region_node.id.as_str()),
                    mbps(max)
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
                er_mut(d, "er-1").bandwidth_mbps = 10_000;
            },
            &["az", "er-1"],
            |d| er_mut(d, "er-1").bandwidth_mbps = 10_000,
        );
    }
}

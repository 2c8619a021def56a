//! ER028: private peering reaches VNets through an ExpressRoute virtual network gateway; a
//! region without one cannot receive the circuit's private traffic (reference 1.5).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER028",
    name: "private-peering-without-gateway",
    default_severity: Severity::Error,
    summary: "A circuit with private peering connects to an Azure region that has no ExpressRoute gateway, so no VNet can be reached.",
    hint: "Add an ExpressRoute gateway (e.g. ErGw1AZ) to the region's hub VNet.",
    reference: "AZ-GWPERF 2024-07-09 (reference 1.5)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.peerings.private.is_some() && v.region.gateway.is_none() {
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "circuit {} has private peering but {} has no ExpressRoute gateway",
                    cx.name_of(v.link.id.as_str()),
                    cx.name_of(v.region_node.id.as_str())
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
            |d| azure_mut(d, "az").gateway = None,
            &["az", "er-1", "er-2"],
            |d| {
                azure_mut(d, "az").gateway = None;
                for id in ["er-1", "er-2"] {
                    let c = er_mut(d, id);
                    c.peerings.private = None;
                    c.peerings.microsoft = ms_peering(10, true, false);
                }
            },
        );
    }
}

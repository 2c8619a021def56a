//! ER034: a Basic VPN gateway cannot coexist with an ExpressRoute gateway in one virtual
//! network (VPN-GW-1, AZ-COEXIST [OFF]): Azure refuses the configuration, so the VPN backup
//! drawn beside ExpressRoute cannot be built.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER034",
    name: "basic-vpn-gateway-beside-expressroute",
    default_severity: Severity::Error,
    summary: "An Azure region has both an ExpressRoute gateway and a Basic VPN gateway; Azure does not support ExpressRoute and VPN gateway coexistence on the Basic SKU.",
    hint: "Use VpnGw1 or larger (an AZ SKU for zone redundancy) for the VPN gateway beside ExpressRoute.",
    reference: "VPN-GW-1 (AZ-COEXIST)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(region) = node.as_azure() else {
            continue;
        };
        let basic = region
            .vpn_gateway
            .as_ref()
            .is_some_and(|g| g.sku == VpnGatewaySku::Basic);
        if basic && region.gateway.is_some() {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "{} has an ExpressRoute gateway and a Basic VPN gateway; Basic does not support coexistence with ExpressRoute",
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
                azure_mut(d, "az").vpn_gateway = Some(VpnGateway {
                    sku: VpnGatewaySku::Basic,
                    generation: None,
                    zone_redundant: false,
                })
            },
            &["az"],
            |d| {
                azure_mut(d, "az").vpn_gateway = Some(VpnGateway {
                    sku: VpnGatewaySku::VpnGw1Az,
                    generation: None,
                    zone_redundant: true,
                })
            },
        );
    }
}

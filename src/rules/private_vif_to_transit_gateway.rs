//! DX012: a private VIF cannot reach a Transit Gateway; a Direct Connect gateway associated with
//! a TGW takes transit VIFs only (DX-GW-7, DX-UG direct-connect-transit-gateways).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX012",
    name: "private-vif-to-transit-gateway",
    default_severity: Severity::Error,
    summary: "A private VIF reaches a region attached through a Direct Connect gateway + Transit Gateway, which takes transit VIFs only.",
    hint: "Make it a transit VIF, or attach the region's VPCs through VGWs.",
    reference: "DX-GW-7 (DX-UG direct-connect-transit-gateways)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        if v.region.attachment != AwsAttachment::DxGatewayTgw {
            continue;
        }
        for vif in v
            .connection
            .vifs
            .iter()
            .filter(|x| x.vif_type == VifType::Private)
        {
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "private VIF \"{}\" on {} reaches {}, which is attached through a Transit Gateway; use a transit VIF",
                    vif.name,
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
            |d| dx_mut(d, "dx-1").vifs = vifs(1, VifType::Private, 1500),
            &["aws", "dx-1"],
            |d| dx_mut(d, "dx-1").vifs = vifs(1, VifType::Public, 1500),
        );
    }
}

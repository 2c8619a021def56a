//! DX013: a Direct Connect gateway is associated with either VGWs or Transit Gateways, not both
//! (DX-GW-7, DX-UG direct-connect-transit-gateways).
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "DX013",
    name: "dx-gateway-mixes-vgw-and-tgw",
    default_severity: Severity::Error,
    summary: "One Direct Connect gateway is used both with VGWs and with a Transit Gateway; a gateway takes one kind of association.",
    hint: "Use two Direct Connect gateways: one for VGW associations, one for Transit Gateways.",
    reference: "DX-GW-7 (DX-UG)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut by_gateway: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for node in &cx.design.nodes {
        if let Some(gw) = node.as_aws().and_then(|a| a.dx_gateway.as_deref()) {
            by_gateway.entry(gw).or_default().push(node);
        }
    }
    for (gw, regions) in by_gateway {
        let has = |a: AwsAttachment| {
            regions
                .iter()
                .any(|n| n.as_aws().is_some_and(|r| r.attachment == a))
        };
        if has(AwsAttachment::DxGatewayTgw) && has(AwsAttachment::DxGatewayVgw) {
            out.flag(
                regions.iter().map(|n| n.id.to_string()).collect(),
                format!("Direct Connect gateway \"{gw}\" is associated with both VGWs and a Transit Gateway"),
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
                aws_regions_on_gateway(d, 1);
                aws_mut(d, "aws-extra-0").attachment = AwsAttachment::DxGatewayVgw;
            },
            &["aws", "aws-extra-0"],
            |d| {
                aws_regions_on_gateway(d, 1);
                let r = aws_mut(d, "aws-extra-0");
                r.attachment = AwsAttachment::DxGatewayVgw;
                r.dx_gateway = Some("dxgw-vgw".into());
            },
        );
    }
}

//! DX018: the Transit Gateway ASN must differ from the Direct Connect gateway ASN (the default
//! 64512 on both makes the association fail), and TGWs in different regions behind one Direct
//! Connect gateway need different ASNs (DX-GW-9; API CreateTransitVirtualInterface, DX-UG).
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "DX018",
    name: "transit-gateway-asn-conflict",
    default_severity: Severity::Error,
    summary: "A Transit Gateway has the same ASN as its Direct Connect gateway, or two Transit Gateways behind one Direct Connect gateway share an ASN; the association fails.",
    hint: "Give each Transit Gateway its own ASN, different from the Direct Connect gateway's.",
    reference: "DX-GW-9 (API CreateTransitVirtualInterface; DX-UG)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut tgw_by_gateway: BTreeMap<(&str, u32), Vec<&Node>> = BTreeMap::new();
    for node in &cx.design.nodes {
        let Some(r) = node.as_aws() else { continue };
        if r.attachment != AwsAttachment::DxGatewayTgw {
            continue;
        }
        if let (Some(dx), Some(tgw)) = (r.dx_gateway_asn, r.tgw_asn) {
            if dx == tgw {
                out.flag(
                    vec![node.id.to_string()],
                    format!(
                        "Transit Gateway and Direct Connect gateway of {} both use ASN {tgw}",
                        cx.name_of(node.id.as_str())
                    ),
                );
            }
        }
        if let (Some(gw), Some(tgw)) = (r.dx_gateway.as_deref(), r.tgw_asn) {
            tgw_by_gateway.entry((gw, tgw)).or_default().push(node);
        }
    }
    for ((gw, asn), regions) in tgw_by_gateway {
        if regions.len() > 1 {
            out.flag(
                regions.iter().map(|n| n.id.to_string()).collect(),
                format!(
                    "{} Transit Gateways behind Direct Connect gateway \"{gw}\" share ASN {asn}",
                    regions.len()
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
            |d| aws_mut(d, "aws").tgw_asn = Some(64600),
            &["aws"],
            |d| aws_mut(d, "aws").tgw_asn = Some(64601),
        );
    }
}

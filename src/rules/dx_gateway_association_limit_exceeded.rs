//! DX024: a Direct Connect gateway takes at most 20 VGWs and 6 Transit Gateways (DX-GW-2,
//! DX-GW-3; DX-UG limits, older docs 10 and 3).
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "DX024",
    name: "dx-gateway-association-limit-exceeded",
    default_severity: Severity::Error,
    summary: "More VGWs (20) or Transit Gateways (6) are associated with one Direct Connect gateway than AWS allows.",
    hint: "Split the associations over more Direct Connect gateways.",
    reference: "DX-GW-2, DX-GW-3 (DX-UG limits)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut groups: BTreeMap<(&str, AwsAttachment), Vec<String>> = BTreeMap::new();
    for node in &cx.design.nodes {
        let Some(r) = node.as_aws() else { continue };
        let Some(gw) = r.dx_gateway.as_deref() else {
            continue;
        };
        if r.attachment != AwsAttachment::VirtualPrivateGateway {
            groups
                .entry((gw, r.attachment))
                .or_default()
                .push(node.id.to_string());
        }
    }
    for ((gw, attachment), regions) in groups {
        let (limit, what) = if attachment == AwsAttachment::DxGatewayTgw {
            (6, "Transit Gateways")
        } else {
            (20, "VGWs")
        };
        if regions.len() > limit {
            let n = regions.len();
            out.flag(
                regions,
                format!("Direct Connect gateway \"{gw}\" has {n} {what}; the limit is {limit}"),
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
            |d| aws_regions_on_gateway(d, 6),
            &["aws", "aws-extra-0", "aws-extra-1", "aws-extra-2", "aws-extra-3", "aws-extra-4", "aws-extra-5"],
            |d| aws_regions_on_gateway(d, 5),
        );
    }
}

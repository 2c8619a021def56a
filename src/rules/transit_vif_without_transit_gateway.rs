//! DX011: a transit VIF must attach to a Direct Connect gateway associated with a Transit
//! Gateway (DX-GW-8, DX-UG; CreateTransitVirtualInterface).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX011",
    name: "transit-vif-without-transit-gateway",
    default_severity: Severity::Error,
    summary: "A transit VIF reaches a region whose attachment is not a Direct Connect gateway with a Transit Gateway.",
    hint: "Attach the region through a Direct Connect gateway + Transit Gateway, or use a private VIF.",
    reference: "DX-GW-8 (DX-UG; API CreateTransitVirtualInterface)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        if v.region.attachment == AwsAttachment::DxGatewayTgw {
            continue;
        }
        for vif in v
            .connection
            .vifs
            .iter()
            .filter(|x| x.vif_type == VifType::Transit)
        {
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "transit VIF \"{}\" on {} reaches {}, attached by {}; a transit VIF needs a Direct Connect gateway with a Transit Gateway",
                    vif.name,
                    cx.name_of(v.link.id.as_str()),
                    cx.name_of(v.region_node.id.as_str()),
                    v.region.attachment.label()
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
            |d| aws_mut(d, "aws").attachment = AwsAttachment::VirtualPrivateGateway,
            &["aws", "dx-1", "dx-2"],
            |d| {
                aws_mut(d, "aws").attachment = AwsAttachment::VirtualPrivateGateway;
                for id in ["dx-1", "dx-2"] {
                    dx_mut(d, id).vifs = vifs(1, VifType::Private, 1500);
                }
            },
        );
    }
}

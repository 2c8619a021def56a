//! DX025: a Direct Connect gateway takes at most 30 private + transit VIFs (DX-GW-4, DX-UG
//! limits).
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "DX025",
    name: "dx-gateway-vif-limit-exceeded",
    default_severity: Severity::Error,
    summary: "More than 30 private and transit VIFs attach to one Direct Connect gateway.",
    hint: "Split the VIFs over more Direct Connect gateways.",
    reference: "DX-GW-4 (DX-UG limits)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut groups: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
    for v in &cx.dx_connections {
        if v.region.attachment == AwsAttachment::VirtualPrivateGateway {
            continue;
        }
        let Some(gw) = v.region.dx_gateway.as_deref() else {
            continue;
        };
        let n = v
            .connection
            .vifs
            .iter()
            .filter(|x| x.vif_type != VifType::Public)
            .count();
        let entry = groups.entry(gw).or_default();
        entry.0 += n;
        if n > 0 {
            entry.1.push(v.link.id.to_string());
        }
    }
    for (gw, (count, links)) in groups {
        if count > 30 {
            out.flag(links, format!("Direct Connect gateway \"{gw}\" has {count} private/transit VIFs; the limit is 30"));
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
                aws_mut(d, "aws").attachment = AwsAttachment::DxGatewayVgw;
                dx_mut(d, "dx-1").vifs = vifs(30, VifType::Private, 1500);
            },
            &["dx-1", "dx-2"],
            |d| {
                aws_mut(d, "aws").attachment = AwsAttachment::DxGatewayVgw;
                dx_mut(d, "dx-1").vifs = vifs(29, VifType::Private, 1500);
            },
        );
    }
}

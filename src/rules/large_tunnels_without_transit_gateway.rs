//! NET005: Large (5 Gbps) tunnels on a VPN that does not end on a Transit Gateway. AWS offers
//! Large tunnels only on Site-to-Site VPN connections to a Transit Gateway or AWS Cloud WAN,
//! not to a virtual private gateway (VPN-2); they are no option of an Azure VPN gateway's
//! connections at all.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "NET005",
    name: "large-tunnels-without-transit-gateway",
    default_severity: Severity::Error,
    summary: "A site-to-site VPN asks for Large (5 Gbps) tunnels but does not end on a Transit Gateway; AWS offers Large tunnels only on Transit Gateway (and Cloud WAN) VPN connections, not on a virtual private gateway.",
    hint: "On AWS, terminate the VPN on the region's Transit Gateway; on Azure, turn Large tunnels off (an Azure VPN gateway's throughput is its SKU's); or count on Standard (1.25 Gbps) tunnels.",
    reference: "VPN-2 (AWS-VPN-BW)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for link in &cx.design.links {
        let Some(vpn) = link.as_vpn() else { continue };
        if !vpn.large_tunnels {
            continue;
        }
        let region = [&link.a, &link.b].into_iter().find_map(|id| {
            cx.node(id.as_str())
                .filter(|n| n.as_aws().is_some() || n.as_azure().is_some())
        });
        let Some(region) = region else { continue };
        let message = if region.as_aws().is_some() {
            if vpn.on_transit_gateway {
                continue;
            }
            format!(
                "VPN {} asks for Large (5 Gbps) tunnels on the virtual private gateway of {}; AWS offers them only on Transit Gateway and Cloud WAN connections",
                cx.name_of(link.id.as_str()),
                cx.name_of(region.id.as_str())
            )
        } else {
            format!(
                "VPN {} asks for Large (5 Gbps) tunnels, an option of AWS VPN connections to a Transit Gateway, but ends on {}",
                cx.name_of(link.id.as_str()),
                cx.name_of(region.id.as_str())
            )
        };
        out.flag(vec![link.id.to_string(), region.id.to_string()], message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    fn large(d: &mut Design) {
        for l in &mut d.links {
            if let LinkKind::SiteToSiteVpn(v) = &mut l.kind {
                v.large_tunnels = true;
            }
        }
    }

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        // On a virtual private gateway: flagged; the same VPN on the Transit Gateway is not.
        assert_fixture(
            &RULE,
            |d| {
                add_vpn(d, false, 1000);
                large(d);
            },
            &["vpn", "aws"],
            |d| {
                add_vpn(d, true, 1000);
                large(d);
            },
        );
    }

    #[test]
    fn flags_large_tunnels_into_azure() {
        assert_fixture(
            &RULE,
            |d| {
                add_vpn(d, true, 1000);
                large(d);
                link_mut(d, "vpn").b = "az".into();
            },
            &["vpn", "az"],
            |d| {
                add_vpn(d, true, 1000);
                link_mut(d, "vpn").b = "az".into();
            },
        );
    }
}

//! NET003: a VPN whose internet bandwidth exceeds what its tunnels can carry: one standard
//! tunnel carries up to 1.25 Gbps (large tunnels 5 Gbps) and a VGW or Azure gateway does not
//! spread one flow set over several tunnels; only a Transit Gateway uses ECMP (VPN-1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "NET003",
    name: "vpn-capped-by-tunnels",
    default_severity: Severity::Warning,
    summary: "A site-to-site VPN is given more bandwidth than its tunnels can carry (1.25 Gbps per standard tunnel, no ECMP on a VGW).",
    hint: "Count on the tunnel throughput, or terminate on a Transit Gateway with ECMP (and Large tunnels, offered only there).",
    reference: "VPN-1 (reference 2.6)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for link in &cx.design.links {
        let Some(vpn) = link.as_vpn() else { continue };
        let usable = vpn.throughput_mbps();
        if vpn.bandwidth_mbps > usable {
            out.flag(
                vec![link.id.to_string()],
                format!(
                    "VPN {} is given {} but its {} {} at most {}",
                    cx.name_of(link.id.as_str()),
                    mbps(vpn.bandwidth_mbps),
                    crate::model::count(vpn.tunnels as usize, "tunnel", "tunnels"),
                    if vpn.tunnels == 1 { "carries" } else { "carry" },
                    mbps(usable)
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
            |d| add_vpn(d, false, 2000),
            &["vpn"],
            |d| add_vpn(d, true, 2000),
        );
    }
}

//! NET004: a VPN on a virtual private gateway backing up Direct Connect faster than 1 Gbps.
//! AWS does not recommend it: one tunnel carries 1.25 Gbps and a VGW does not ECMP across
//! tunnels (reference 2.6, DX resiliency recommendations).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "NET004",
    name: "vpn-backup-on-vgw-for-fast-direct-connect",
    default_severity: Severity::Warning,
    summary: "A VPN on a virtual private gateway backs up Direct Connect connections faster than 1 Gbps; AWS does not recommend this because a VGW cannot spread traffic over tunnels.",
    hint: "Terminate the backup VPN on a Transit Gateway (ECMP up to 50 Gbps), or add a second Direct Connect connection instead.",
    reference: "VPN-1; reference 2.6",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for link in &cx.design.links {
        let Some(vpn) = link.as_vpn() else { continue };
        if vpn.on_transit_gateway {
            continue;
        }
        let region = [&link.a, &link.b]
            .into_iter()
            .find_map(|id| cx.node(id.as_str()).filter(|n| n.as_aws().is_some()));
        let Some(region) = region else { continue };
        let fastest = cx
            .dx_connections_into(region.id.as_str())
            .map(|d| d.connection.total_capacity_mbps())
            .max()
            .unwrap_or(0);
        if fastest > 1_000 {
            out.flag(
                vec![link.id.to_string(), region.id.to_string()],
                format!(
                    "VPN {} on a virtual private gateway backs up Direct Connect of {} into {}",
                    cx.name_of(link.id.as_str()),
                    mbps(fastest),
                    cx.name_of(region.id.as_str())
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
            |d| add_vpn(d, false, 1000),
            &["aws", "vpn"],
            |d| add_vpn(d, true, 1000),
        );
    }
}

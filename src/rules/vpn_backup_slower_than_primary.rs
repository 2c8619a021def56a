//! RES007: a VPN that backs up a demand's private circuits cannot carry the demand when they
//! fail: one standard tunnel carries 1.25 Gbps and a VGW or Azure gateway does not spread one
//! flow set over tunnels (VPN-1, reference 2.6).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "RES007",
    name: "vpn-backup-slower-than-primary",
    default_severity: Severity::Warning,
    summary: "A demand's VPN backup carries less than the demand requires, so losing the private circuits degrades it.",
    hint: "Use more or large tunnels on a Transit Gateway (ECMP), more internet bandwidth, or a second private circuit instead.",
    reference: "VPN-1 (reference 2.6)",
    needs: Needs::FailureAnalysis,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    for d in &analysis.demands {
        if d.vpn_links.is_empty() || d.circuit_links.is_empty() {
            continue;
        }
        let vpn_mbps: u64 = d
            .vpn_links
            .iter()
            .filter_map(|&l| cx.design.links[l].as_vpn())
            .map(|v| v.throughput_mbps())
            .sum();
        let private_mbps: u64 = d
            .circuit_links
            .iter()
            .map(|&l| crate::resilience::flow::link_capacity_mbps(&cx.design.links[l].kind))
            .sum();
        if vpn_mbps < d.required_mbps.min(private_mbps) {
            let mut subjects = vec![d.demand.to_string()];
            subjects.extend(cx.link_ids(&d.vpn_links));
            out.flag(
                subjects,
                format!(
                    "VPN backup of demand `{}` carries {} but the demand needs {} (private circuits: {})",
                    d.demand,
                    mbps(vpn_mbps),
                    mbps(d.required_mbps),
                    mbps(private_mbps)
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
                add_vpn(d, false, 5_000);
                d.demands[1].required_mbps = 2_000;
            },
            &["d-aws", "vpn"],
            |d| {
                add_vpn(d, false, 5_000);
                d.demands[1].required_mbps = 1_000;
            },
        );
    }
}

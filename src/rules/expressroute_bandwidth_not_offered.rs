//! ER001: an ExpressRoute circuit bandwidth that is not offered: provider circuits come in 50,
//! 100, 200, 500 Mbps and 1, 2, 5, 10 Gbps (ER-BW-1); circuits on an ExpressRoute Direct port
//! in the sizes of its port speed (reference 1.6, AZ-DIRECT 2026-03-02).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER001",
    name: "expressroute-bandwidth-not-offered",
    default_severity: Severity::Error,
    summary: "An ExpressRoute circuit has a bandwidth Azure does not offer (provider circuits: 50, 100, 200, 500 Mbps, 1, 2, 5, 10 Gbps; ExpressRoute Direct: the sizes of the port speed).",
    hint: "Choose an offered bandwidth.",
    reference: "ER-BW-1 (AZ-FAQ 2026-03-31); AZ-DIRECT 2026-03-02",
    needs: Needs::Design,
    check,
};

use crate::offers::er::{DIRECT_ONLY_MBPS, PROVIDER_MBPS, direct_sizes_mbps};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let bw = v.circuit.bandwidth_mbps;
        match &v.circuit.direct_port {
            None => {
                if bw > 0 && !PROVIDER_MBPS.contains(&bw) && !DIRECT_ONLY_MBPS.contains(&bw) {
                    out.flag(
                        vec![v.link.id.to_string()],
                        format!(
                            "ExpressRoute circuit {} has {}, which is not an offered provider bandwidth (50, 100, 200, 500 Mbps, 1, 2, 5, 10 Gbps)",
                            cx.name_of(v.link.id.as_str()),
                            mbps(bw)
                        ),
                    );
                }
            }
            Some(port_id) => {
                let Some(port) = v.facility.er_direct_ports.iter().find(|p| &p.id == port_id)
                else {
                    continue;
                };
                let sizes = direct_sizes_mbps(port.port_speed_mbps);
                if !sizes.contains(&bw) {
                    let offered = if sizes.is_empty() {
                        "no circuit sizes (port speed must be 10, 100 or 400 Gbps)".to_string()
                    } else {
                        sizes
                            .iter()
                            .map(|&s| mbps(s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    out.flag(
                        vec![v.link.id.to_string(), v.facility_node.id.to_string()],
                        format!(
                            "ExpressRoute circuit {} has {} on ExpressRoute Direct port `{port_id}` ({}), which offers {}",
                            cx.name_of(v.link.id.as_str()),
                            mbps(bw),
                            mbps(port.port_speed_mbps),
                            offered,
                        ),
                    );
                }
            }
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
            |d| er_mut(d, "er-1").bandwidth_mbps = 300,
            &["er-1"],
            |d| er_mut(d, "er-1").bandwidth_mbps = 500,
        );
    }
}

//! ER016: the circuits on an ExpressRoute Direct port pair may add up to twice the port speed
//! (20 Gbps on 10G, 200 Gbps on 100G) and no more (ER-DIR-1, AZ-DIRECT 2026-03-02).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER016",
    name: "expressroute-direct-port-oversubscribed",
    default_severity: Severity::Error,
    summary: "The circuits carved from an ExpressRoute Direct port pair add up to more than twice the port speed.",
    hint: "Move circuits to another port pair or reduce their bandwidth.",
    reference: "ER-DIR-1 (AZ-DIRECT 2026-03-02)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(f) = node.as_facility() else {
            continue;
        };
        for port in &f.er_direct_ports {
            let on_port: Vec<_> = cx
                .er_circuits
                .iter()
                .filter(|v| {
                    v.facility_node.id == node.id
                        && v.circuit.direct_port.as_deref() == Some(port.id.as_str())
                })
                .collect();
            let total: u64 = on_port.iter().map(|v| v.circuit.bandwidth_mbps).sum();
            let allowed = port.port_speed_mbps.saturating_mul(2);
            if total > allowed {
                let mut subjects = vec![node.id.to_string()];
                subjects.extend(on_port.iter().map(|v| v.link.id.to_string()));
                out.flag(
                    subjects,
                    format!(
                        "ExpressRoute Direct port `{}` at {} carries {} of circuits; a {} port pair allows {}",
                        port.id,
                        cx.name_of(node.id.as_str()),
                        mbps(total),
                        mbps(port.port_speed_mbps),
                        mbps(allowed)
                    ),
                );
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
            |d| {
                direct_port(d, 10_000);
                for (id, bw) in [("er-1", 10_000), ("er-1b", 10_000), ("er-1c", 5_000)] {
                    if id != "er-1" {
                        clone_link(d, "er-1", id);
                    }
                    let c = er_mut(d, id);
                    c.direct_port = Some("p1".into());
                    c.bandwidth_mbps = bw;
                }
            },
            &["er-1", "er-1b", "er-1c", "fac-dc2"],
            |d| {
                direct_port(d, 10_000);
                for id in ["er-1", "er-1b"] {
                    if id != "er-1" {
                        clone_link(d, "er-1", id);
                    }
                    let c = er_mut(d, id);
                    c.direct_port = Some("p1".into());
                    c.bandwidth_mbps = 10_000;
                }
            },
        );
    }
}

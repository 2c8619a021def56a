//! ER002: 40 and 100 Gbps circuits exist only on ExpressRoute Direct 100G/400G ports, 200/400
//! Gbps only on 400G ports (ER-BW-2, AZ-DIRECT 2026-03-02).
use super::prelude::*;
use crate::offers::er::DIRECT_ONLY_MBPS;

pub static RULE: Rule = Rule {
    code: "ER002",
    name: "expressroute-bandwidth-needs-direct",
    default_severity: Severity::Error,
    summary: "A provider ExpressRoute circuit asks for 40 Gbps or more, which exists only on ExpressRoute Direct ports.",
    hint: "Order an ExpressRoute Direct port pair (100G or 400G) and carve the circuit from it, or use several 10 Gbps circuits.",
    reference: "ER-BW-2 (AZ-DIRECT 2026-03-02)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.direct_port.is_none() && DIRECT_ONLY_MBPS.contains(&v.circuit.bandwidth_mbps) {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "ExpressRoute circuit {} has {} from a provider; that size exists only on ExpressRoute Direct",
                    cx.name_of(v.link.id.as_str()),
                    mbps(v.circuit.bandwidth_mbps)
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
            |d| er_mut(d, "er-1").bandwidth_mbps = 100_000,
            &["er-1"],
            |d| {
                direct_port(d, 100_000);
                let c = er_mut(d, "er-1");
                c.direct_port = Some("p1".into());
                c.bandwidth_mbps = 100_000;
            },
        );
    }
}

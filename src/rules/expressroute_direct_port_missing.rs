//! ER017: a circuit names an ExpressRoute Direct port pair its facility does not have.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER017",
    name: "expressroute-direct-port-missing",
    default_severity: Severity::Error,
    summary: "A circuit says it is carved from an ExpressRoute Direct port pair that its facility does not have.",
    hint: "Add the port pair to the facility, or pick one of its port pairs.",
    reference: "AZ-DIRECT 2026-03-02",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(port) = v.circuit.direct_port.as_deref() else {
            continue;
        };
        if !v.facility.er_direct_ports.iter().any(|p| p.id == port) {
            out.flag(
                vec![v.link.id.to_string(), v.facility_node.id.to_string()],
                format!(
                    "circuit {} uses ExpressRoute Direct port `{port}`, which {} does not have",
                    cx.name_of(v.link.id.as_str()),
                    cx.name_of(v.facility_node.id.as_str())
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
            |d| er_mut(d, "er-1").direct_port = Some("nope".into()),
            &["er-1", "fac-dc2"],
            |d| {
                direct_port(d, 10_000);
                er_mut(d, "er-1").direct_port = Some("p1".into());
            },
        );
    }
}

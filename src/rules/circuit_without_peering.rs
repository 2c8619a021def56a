//! ER032: a circuit with neither private nor Microsoft peering carries no traffic.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER032",
    name: "circuit-without-peering",
    default_severity: Severity::Warning,
    summary: "An ExpressRoute circuit has no peering configured, so it carries no traffic (but is still billed).",
    hint: "Configure private peering (VNets) and/or Microsoft peering (Microsoft services).",
    reference: "AZ-ROUTE 2023-09-06",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let p = &v.circuit.peerings;
        if p.private.is_none() && p.microsoft.is_none() {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "circuit {} has no peering configured",
                    cx.name_of(v.link.id.as_str())
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
            |d| er_mut(d, "er-1").peerings = ErPeerings::default(),
            &["er-1"],
            |d| {
                er_mut(d, "er-1").peerings = ErPeerings {
                    private: None,
                    microsoft: ms_peering(10, true, false),
                }
            },
        );
    }
}

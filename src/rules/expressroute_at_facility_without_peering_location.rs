//! ER007: an ExpressRoute circuit lands at a facility that hosts no ExpressRoute peering
//! location: every circuit terminates on the MSEE pair of one peering location (ER-TOPO-1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER007",
    name: "expressroute-at-facility-without-peering-location",
    default_severity: Severity::Error,
    summary: "An ExpressRoute circuit starts at a facility that is not an ExpressRoute peering location.",
    hint: "Set the facility's ExpressRoute peering location, or move the circuit to a facility that is one (reach it with an access circuit or a fabric).",
    reference: "ER-TOPO-1 (AZ-FAQ 2026-03-31)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.facility.er_peering_location.is_none() {
            out.flag(
                vec![v.link.id.to_string(), v.facility_node.id.to_string()],
                format!(
                    "ExpressRoute circuit {} starts at {}, which is not an ExpressRoute peering location",
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
            |d| fac_mut(d, "fac-dc2").er_peering_location = None,
            &["er-1", "fac-dc2"],
            |d| fac_mut(d, "fac-dc2").er_peering_location = Some("Washington DC2".into()),
        );
    }
}

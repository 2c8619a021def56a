//! DX004: a Direct Connect connection lands at a facility that is not a Direct Connect location.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX004",
    name: "direct-connect-at-facility-without-dx-location",
    default_severity: Severity::Error,
    summary: "A Direct Connect connection starts at a facility that is not a Direct Connect location.",
    hint: "Set the facility's Direct Connect location code, or move the connection to a facility that is one.",
    reference: "DX-LOCS 2026-02-17 (reference 4.4)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        if v.facility.dx_location.is_none() {
            out.flag(
                vec![v.link.id.to_string(), v.facility_node.id.to_string()],
                format!(
                    "Direct Connect connection {} starts at {}, which is not a Direct Connect location",
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
            |d| fac_mut(d, "fac-dc2").dx_location = None,
            &["dx-1", "fac-dc2"],
            |d| fac_mut(d, "fac-dc2").dx_location = Some("eqdc2".into()),
        );
    }
}

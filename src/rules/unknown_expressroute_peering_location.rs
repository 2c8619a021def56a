//! GEN002: a facility names an ExpressRoute peering location the catalog does not know
//! (reference 4.1, AZ-LOC 2026-04-28). Every later ER rule (zone, reach, Local, Direct) needs
//! the real location.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN002",
    name: "unknown-expressroute-peering-location",
    default_severity: Severity::Error,
    summary: "A colocation facility names an ExpressRoute peering location that is not in the catalog, so its zone, reach and options cannot be checked.",
    hint: "Pick the peering location from the catalog (e.g. \"Washington DC\", \"Amsterdam2\"), or add it in a user catalog file.",
    reference: "AZ-LOC 2026-04-28 (reference 4.1)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(name) = node
            .as_facility()
            .and_then(|f| f.er_peering_location.as_deref())
        else {
            continue;
        };
        if cx.catalog.er_location(name).is_none()
            && cx.catalog.national_cloud_location(name).is_none()
        {
            out.flag(
                vec![node.id.to_string()],
                format!("facility {} names ExpressRoute peering location \"{name}\", which is not in the catalog", cx.name_of(node.id.as_str())),
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
            |d| fac_mut(d, "fac-dc2").er_peering_location = Some("Washington D.C.".into()),
            &["fac-dc2"],
            |d| fac_mut(d, "fac-dc2").er_peering_location = Some("washington dc".into()),
        );
    }
}

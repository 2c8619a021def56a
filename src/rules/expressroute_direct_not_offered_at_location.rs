//! ER015: ExpressRoute Direct ports exist only at locations marked "ER Direct" in table 4.1
//! (ER-DIR-3, AZ-LOC 2026-04-28).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER015",
    name: "expressroute-direct-not-offered-at-location",
    default_severity: Severity::Error,
    summary: "An ExpressRoute Direct port pair is placed at a peering location that does not offer ExpressRoute Direct.",
    hint: "Use a provider circuit at this location, or place the Direct ports at a location that offers them.",
    reference: "ER-DIR-3 (AZ-LOC 2026-04-28)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(f) = node.as_facility() else {
            continue;
        };
        if f.er_direct_ports.is_empty() {
            continue;
        }
        let Some(loc) = f
            .er_peering_location
            .as_deref()
            .and_then(|n| cx.catalog.er_location(n))
        else {
            continue;
        };
        if !loc.er_direct {
            out.flag(
                vec![node.id.to_string()],
                format!("facility {} has ExpressRoute Direct ports, but {} does not offer ExpressRoute Direct", cx.name_of(node.id.as_str()), loc.name),
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
                direct_port(d, 10_000);
                fac_mut(d, "fac-dc2").er_peering_location = Some("Washington DC2".into());
            },
            &["fac-dc2"],
            |d| direct_port(d, 10_000),
        );
    }
}

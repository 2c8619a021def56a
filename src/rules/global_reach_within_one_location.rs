//! ER008: Global Reach joins circuits at different peering locations only (ER-GR-1, AZ-GR
//! 2023-06-29).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER008",
    name: "global-reach-within-one-location",
    default_severity: Severity::Error,
    summary: "Two circuits joined by Global Reach are at the same peering location; Global Reach needs circuits at different locations.",
    hint: "Join circuits at different peering locations, or route between them on your own network at the location.",
    reference: "ER-GR-1 (AZ-GR 2023-06-29)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for (a, b) in cx.global_reach_pairs() {
        let (Some(la), Some(lb)) = (a.location, b.location) else {
            continue;
        };
        if la.name == lb.name {
            out.flag(
                vec![a.link.id.to_string(), b.link.id.to_string()],
                format!(
                    "Global Reach joins {} and {}, both at {}",
                    cx.name_of(a.link.id.as_str()),
                    cx.name_of(b.link.id.as_str()),
                    la.name
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
                global_reach(d);
                fac_mut(d, "fac-ch1").er_peering_location = Some("Washington DC".into());
            },
            &["er-1", "er-2"],
            global_reach,
        );
    }
}

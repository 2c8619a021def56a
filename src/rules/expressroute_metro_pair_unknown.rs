//! ER027: ExpressRoute Metro pairs two facilities of one metro; the documented Metro locations
//! are Amsterdam (AM5 + AMS8), Singapore (SG1 + Tai Seng) and Zurich (ZUR2 + ZH5) (reference
//! 1.7, AZ-METRO 2024-06-03, preview; more may exist, Q13).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER027",
    name: "expressroute-metro-pair-unknown",
    default_severity: Severity::Warning,
    summary: "An ExpressRoute Metro circuit's two facilities are not one of the documented Metro pairs (Amsterdam, Singapore, Zurich as of 2024-06-03).",
    hint: "Use a documented Metro pair, or confirm the location on the live Metro page and exclude this finding with a note.",
    reference: "AZ-METRO 2024-06-03 (reference 1.7); Q13",
    needs: Needs::Design,
    check,
};

const METRO_PAIRS: [(&str, &str); 3] = [
    ("Amsterdam", "Amsterdam2"),
    ("Singapore", "Singapore2"),
    ("Zurich", "Zurich2"),
];

/// The peering location an ExpressRoute Metro circuit at `location` pairs with, if any.
pub fn metro_partner(location: &str) -> Option<&'static str> {
    METRO_PAIRS.iter().find_map(|&(x, y)| {
        if location.eq_ignore_ascii_case(x) {
            Some(y)
        } else if location.eq_ignore_ascii_case(y) {
            Some(x)
        } else {
            None
        }
    })
}

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(second_id) = &v.circuit.metro_secondary_facility else {
            continue;
        };
        let second = cx.node(second_id.as_str()).and_then(|n| n.as_facility());
        let first_loc = v.facility.er_peering_location.as_deref().unwrap_or("");
        let second_loc = second
            .and_then(|f| f.er_peering_location.as_deref())
            .unwrap_or("");
        let known = METRO_PAIRS.iter().any(|&(x, y)| {
            (first_loc.eq_ignore_ascii_case(x) && second_loc.eq_ignore_ascii_case(y))
                || (first_loc.eq_ignore_ascii_case(y) && second_loc.eq_ignore_ascii_case(x))
        });
        if !known {
            out.flag(
                vec![v.link.id.to_string(), v.facility_node.id.to_string(), second_id.to_string()],
                format!(
                    "Metro circuit {} pairs \"{first_loc}\" with \"{second_loc}\", which is not a documented ExpressRoute Metro pair",
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
            |d| er_mut(d, "er-1").metro_secondary_facility = Some("fac-ch1".into()),
            &["er-1", "fac-ch1", "fac-dc2"],
            |d| {
                fac_mut(d, "fac-dc2").er_peering_location = Some("Amsterdam".into());
                fac_mut(d, "fac-ch1").er_peering_location = Some("Amsterdam2".into());
                er_mut(d, "er-1").metro_secondary_facility = Some("fac-ch1".into());
            },
        );
    }
}

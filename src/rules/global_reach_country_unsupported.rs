//! ER011: Global Reach is offered only for circuits at peering locations in supported
//! countries (ER-GR-5, AZ-GR 2023-06-29; the list may have grown, Q15).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER011",
    name: "global-reach-country-unsupported",
    default_severity: Severity::Error,
    summary: "A circuit in Global Reach is at a peering location in a country where Global Reach is not offered (list as of 2023-06-29).",
    hint: "Use a peering location in a supported country, or check the live Global Reach page (the list may have grown) and exclude this finding with a note.",
    reference: "ER-GR-5 (AZ-GR 2023-06-29); Q15",
    needs: Needs::Design,
    check,
};

/// Countries with Global Reach (ER-GR-5). South Africa: Johannesburg only.
const SUPPORTED: [&str; 21] = [
    "Australia",
    "Canada",
    "Denmark",
    "France",
    "Germany",
    "Hong Kong SAR",
    "India",
    "Ireland",
    "Japan",
    "Korea",
    "Netherlands",
    "New Zealand",
    "Norway",
    "Poland",
    "Singapore",
    "South Africa",
    "Sweden",
    "Switzerland",
    "Taiwan",
    "United Kingdom",
    "United States",
];

fn check(cx: &Context, out: &mut Report) {
    for (a, b) in cx.global_reach_pairs() {
        for v in [a, b] {
            let Some(loc) = v.location else { continue };
            let ok = SUPPORTED.contains(&loc.country.as_str())
                && (loc.country != "South Africa" || loc.metro == "Johannesburg");
            if !ok {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "circuit {} is at {} ({}), where Global Reach is not offered",
                        cx.name_of(v.link.id.as_str()),
                        loc.name,
                        loc.country
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
                global_reach(d);
                fac_mut(d, "fac-ch1").er_peering_location = Some("Cape Town".into());
            },
            &["er-2"],
            |d| {
                global_reach(d);
                fac_mut(d, "fac-ch1").er_peering_location = Some("Johannesburg".into());
            },
        );
    }
}

//! ER019: Microsoft peering accepts at most 200 IPv4 and 200 IPv6 prefixes per BGP session
//! (ER-RT-3, ER-RT-4; AZ-LIM, AZ-ROUTE).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER019",
    name: "microsoft-peering-prefix-limit-exceeded",
    default_severity: Severity::Error,
    summary: "More than 200 IPv4 or 200 IPv6 prefixes are advertised over Microsoft peering; the BGP session would drop.",
    hint: "Advertise only the public prefixes that need to reach Microsoft services, summarised.",
    reference: "ER-RT-3, ER-RT-4 (AZ-LIM 2023-10-09; AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(p) = &v.circuit.peerings.microsoft else {
            continue;
        };
        for (family, count) in [
            ("IPv4", p.advertised_ipv4_prefixes),
            ("IPv6", p.advertised_ipv6_prefixes),
        ] {
            if count > 200 {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!("circuit {} advertises {count} {family} prefixes over Microsoft peering; the limit is 200", cx.name_of(v.link.id.as_str())),
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
            |d| er_mut(d, "er-1").peerings.microsoft = ms_peering(201, true, false),
            &["er-1"],
            |d| er_mut(d, "er-1").peerings.microsoft = ms_peering(200, true, false),
        );
    }
}

//! ER018: private peering accepts at most 4,000 IPv4 prefixes (10,000 with Premium) and 100
//! IPv6 prefixes; above that the BGP session drops (ER-RT-1, ER-RT-2, ER-RT-4; AZ-LIM, AZ-ROUTE).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER018",
    name: "private-peering-prefix-limit-exceeded",
    default_severity: Severity::Error,
    summary: "More prefixes are advertised over private peering than the circuit accepts (4,000 IPv4, or 10,000 with Premium; 100 IPv6); the BGP session would drop.",
    hint: "Summarise routes, or upgrade to Premium for up to 10,000 IPv4 prefixes.",
    reference: "ER-RT-1, ER-RT-2, ER-RT-4 (AZ-LIM 2023-10-09; AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(p) = &v.circuit.peerings.private else {
            continue;
        };
        let v4_limit = if v.circuit.sku_tier == ErSkuTier::Premium {
            10_000
        } else {
            4_000
        };
        if p.advertised_ipv4_prefixes > v4_limit {
            out.flag(
                vec![v.link.id.to_string()],
                format!("circuit {} advertises {} IPv4 prefixes over private peering; the limit is {v4_limit}", cx.name_of(v.link.id.as_str()), p.advertised_ipv4_prefixes),
            );
        }
        if p.advertised_ipv6_prefixes > 100 {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "circuit {} advertises {} IPv6 prefixes over private peering; the limit is 100",
                    cx.name_of(v.link.id.as_str()),
                    p.advertised_ipv6_prefixes
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
                er_mut(d, "er-1")
                    .peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .advertised_ipv4_prefixes = 4_001;
            },
            &["er-1"],
            |d| {
                let c = er_mut(d, "er-1");
                c.peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .advertised_ipv4_prefixes = 4_001;
                c.sku_tier = ErSkuTier::Premium;
            },
        );
    }
}

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
            // Premium accepts 10,000 (ER-RT-1): the fix when a Standard circuit then fits.
            let fix = (v.circuit.sku_tier == ErSkuTier::Standard
                && p.advertised_ipv4_prefixes <= 10_000)
                .then(|| fix::premium(v.link))
                .flatten();
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!("circuit {} advertises {} IPv4 prefixes over private peering; the limit is {v4_limit}", cx.name_of(v.link.id.as_str()), p.advertised_ipv4_prefixes),
                fix,
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

    #[test]
    fn premium_resolves_it_up_to_10000_prefixes() {
        let prefixes = |d: &mut Design, n: u32| {
            let c = er_mut(d, "er-1");
            c.peerings.private.as_mut().unwrap().advertised_ipv4_prefixes = n;
        };
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| prefixes(d, 10_000));
        assert_eq!(labels, ["Upgrade er-1 to Premium"]);
        let mut d = base();
        prefixes(&mut d, 10_001);
        let found = crate::rules::check(&d, catalog());
        let f = found.items.iter().find(|f| f.code == RULE.code).unwrap();
        assert_eq!(f.fix, None, "Premium accepts 10,000 at most: summarising is the fix");
    }
}

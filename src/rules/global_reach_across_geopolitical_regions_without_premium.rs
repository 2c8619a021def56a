//! ER009: Global Reach across geopolitical regions needs both circuits Premium (ER-GR-2, AZ-GR
//! 2023-06-29).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER009",
    name: "global-reach-across-geopolitical-regions-without-premium",
    default_severity: Severity::Error,
    summary: "Global Reach joins circuits in different geopolitical regions while not both are Premium.",
    hint: "Upgrade both circuits to Premium.",
    reference: "ER-GR-2 (AZ-GR 2023-06-29)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for (a, b) in cx.global_reach_pairs() {
        let (Some(la), Some(lb)) = (a.location, b.location) else {
            continue;
        };
        let both_premium =
            a.circuit.sku_tier == ErSkuTier::Premium && b.circuit.sku_tier == ErSkuTier::Premium;
        if la.geopolitical_region != lb.geopolitical_region && !both_premium {
            out.flag(
                vec![a.link.id.to_string(), b.link.id.to_string()],
                format!(
                    "Global Reach joins {} ({}) and {} ({}) across geopolitical regions; both must be Premium",
                    cx.name_of(a.link.id.as_str()),
                    la.geopolitical_region,
                    cx.name_of(b.link.id.as_str()),
                    lb.geopolitical_region
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
                fac_mut(d, "fac-ch1").er_peering_location = Some("Amsterdam".into());
            },
            &["er-1", "er-2"],
            |d| {
                global_reach(d);
                fac_mut(d, "fac-ch1").er_peering_location = Some("Amsterdam".into());
                er_mut(d, "er-1").sku_tier = ErSkuTier::Premium;
                er_mut(d, "er-2").sku_tier = ErSkuTier::Premium;
            },
        );
    }
}

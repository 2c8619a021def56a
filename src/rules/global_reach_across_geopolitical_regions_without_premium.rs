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
            out.flag_with_fix(
                vec![a.link.id.to_string(), b.link.id.to_string()],
                format!(
                    "Global Reach joins {} ({}) and {} ({}) across geopolitical regions; both must be Premium",
                    cx.name_of(a.link.id.as_str()),
                    la.geopolitical_region,
                    cx.name_of(b.link.id.as_str()),
                    lb.geopolitical_region
                ),
                premium_for_both(a.link, b.link),
            );
        }
    }
}

/// Upgrade whichever of the two circuits is not Premium, as one step.
fn premium_for_both(a: &Link, b: &Link) -> Option<Fix> {
    let upgrades: Vec<Fix> = [a, b]
        .into_iter()
        .filter(|l| l.as_er().is_some_and(|c| c.sku_tier != ErSkuTier::Premium))
        .filter_map(fix::premium)
        .collect();
    match <[Fix; 2]>::try_from(upgrades) {
        Ok([first, second]) => Some(Fix {
            label: format!(
                "Upgrade {} and {} to Premium",
                a.label(),
                b.label()
            ),
            edit: crate::edit::Edit::Batch(vec![first.edit, second.edit]),
        }),
        Err(mut one) => one.pop(),
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

    #[test]
    fn upgrading_what_is_not_premium_resolves_it() {
        let across = |d: &mut Design| {
            global_reach(d);
            fac_mut(d, "fac-ch1").er_peering_location = Some("Amsterdam".into());
        };
        let (_, labels) = fix::testing::assert_fix(&RULE, across);
        assert_eq!(labels, ["Upgrade er-1 and er-2 to Premium"]);
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            across(d);
            er_mut(d, "er-2").sku_tier = ErSkuTier::Premium;
        });
        assert_eq!(labels, ["Upgrade er-1 to Premium"]);
    }
}

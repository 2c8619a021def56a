//! ER005: a Standard circuit reaches the Azure regions of its peering location's geopolitical
//! region only; reaching another geopolitical region needs Premium (ER-SKU-2, AZ-GEO
//! 2024-04-05).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER005",
    name: "standard-circuit-outside-geopolitical-region",
    default_severity: Severity::Error,
    summary: "A Standard ExpressRoute circuit connects to an Azure region in another geopolitical region than its peering location; that needs the Premium add-on.",
    hint: "Upgrade the circuit to Premium, or use a peering location in the region's geopolitical region.",
    reference: "ER-SKU-2 (AZ-GEO 2024-04-05)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.sku_tier != ErSkuTier::Standard {
            continue;
        }
        let (Some(loc), Some(region)) = (v.location, v.region_info) else {
            continue;
        };
        if region.is_commercial() && loc.geopolitical_region != region.geopolitical_region {
            let uncertain = loc.geopolitical_region_derived || region.geopolitical_region_derived;
            let derived = if uncertain {
                " (geopolitical membership assigned by geography, reference Q14)"
            } else {
                ""
            };
            out.flag_with_fix(
                vec![
                    v.link.id.to_string(),
                    v.facility_node.id.to_string(),
                    v.region_node.id.to_string(),
                ],
                format!(
                    "Standard circuit {} at {} ({}) cannot reach {} ({}){derived}",
                    cx.name_of(v.link.id.as_str()),
                    loc.name,
                    loc.geopolitical_region,
                    region.name,
                    region.geopolitical_region
                ),
                // Premium reaches every commercial region (ER-SKU-3); where the membership is only
                // assigned by geography, the finding may be wrong, and so would the upgrade be.
                if uncertain { None } else { fix::premium(v.link) },
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
            |d| azure_mut(d, "az").region = "westeurope".into(),
            &["az", "er-1", "er-2", "fac-ch1", "fac-dc2"],
            |d| {
                azure_mut(d, "az").region = "westeurope".into();
                er_mut(d, "er-1").sku_tier = ErSkuTier::Premium;
                er_mut(d, "er-2").sku_tier = ErSkuTier::Premium;
            },
        );
    }

    #[test]
    fn upgrading_to_premium_resolves_it() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            azure_mut(d, "az").region = "westeurope".into();
            er_mut(d, "er-2").sku_tier = ErSkuTier::Premium;
        });
        assert_eq!(labels, ["Upgrade er-1 to Premium"]);
    }

    /// Brussels' geopolitical region is assigned by geography in the catalog (reference Q14):
    /// the finding says so, and offers no upgrade that may not be needed.
    #[test]
    fn no_upgrade_is_offered_where_the_membership_is_uncertain() {
        let mut d = crate::fixture_design::base();
        fac_mut(&mut d, "fac-dc2").er_peering_location = Some("Brussels".into());
        let found = crate::rules::check(&d, crate::fixture_design::catalog());
        let hits: Vec<_> = found.items.iter().filter(|f| f.code == RULE.code).collect();
        assert!(!hits.is_empty());
        for f in hits {
            assert!(f.message.contains("reference Q14"), "{}", f.message);
            assert!(f.fix.is_none(), "{}", f.message);
        }
    }
}

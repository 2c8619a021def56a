//! ER004: an ExpressRoute Local circuit reaches only the one or two Azure regions local to its
//! peering location; a location with no local region cannot host Local (ER-SKU-1, AZ-LOC
//! 2026-04-28, table 4.1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER004",
    name: "local-circuit-to-non-local-region",
    default_severity: Severity::Error,
    summary: "An ExpressRoute Local circuit connects to an Azure region that is not local to its peering location (or the location offers no Local at all).",
    hint: "Use a Standard circuit (same geopolitical region) or Premium, or connect the Local circuit to the location's local region.",
    reference: "ER-SKU-1 (AZ-LOC 2026-04-28)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.sku_tier != ErSkuTier::Local {
            continue;
        }
        let (Some(loc), Some(region)) = (v.location, v.region_info) else {
            continue;
        };
        let subjects = vec![
            v.link.id.to_string(),
            v.facility_node.id.to_string(),
            v.region_node.id.to_string(),
        ];
        if loc.local_regions.is_empty() {
            out.flag(
                subjects,
                format!(
                    "ExpressRoute Local circuit {} is at {}, which has no local Azure region: Local is not offered there",
                    cx.name_of(v.link.id.as_str()),
                    loc.name
                ),
            );
        } else if !loc.local_regions.iter().any(|r| r == &region.name) {
            out.flag(
                subjects,
                format!(
                    "ExpressRoute Local circuit {} at {} reaches only {}, not {}",
                    cx.name_of(v.link.id.as_str()),
                    loc.name,
                    loc.local_regions.join(" and "),
                    region.name
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
            |d| er_mut(d, "er-2").sku_tier = ErSkuTier::Local,
            &["az", "er-2", "fac-ch1"],
            |d| er_mut(d, "er-1").sku_tier = ErSkuTier::Local,
        );
    }
}

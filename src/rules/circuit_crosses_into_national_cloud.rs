//! ER006: national clouds (US Government, China) are isolated: a circuit at a commercial peering
//! location cannot reach them (ER-SKU-4, AZ-LOC 2026-04-28).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER006",
    name: "circuit-crosses-into-national-cloud",
    default_severity: Severity::Error,
    summary: "An ExpressRoute circuit at a commercial peering location connects to a national-cloud region (US Government, China), which is isolated from global Azure.",
    hint: "Order a separate circuit in the national cloud, at one of its own peering locations.",
    reference: "ER-SKU-4 (AZ-LOC 2026-04-28)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let (Some(loc), Some(region)) = (v.location, v.region_info) else {
            continue;
        };
        if !region.is_commercial() {
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "circuit {} at commercial peering location {} cannot reach {} ({})",
                    cx.name_of(v.link.id.as_str()),
                    loc.name,
                    region.name,
                    region.cloud
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
            |d| azure_mut(d, "az").region = "usgovvirginia".into(),
            &["az", "er-1", "er-2"],
            |d| azure_mut(d, "az").region = "eastus2".into(),
        );
    }
}

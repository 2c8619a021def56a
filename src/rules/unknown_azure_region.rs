//! GEN004: an Azure region node names a region the catalog does not know (reference 4.2).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN004",
    name: "unknown-azure-region",
    default_severity: Severity::Error,
    summary: "An Azure region node names a region that is not in the catalog, so ExpressRoute reach cannot be checked.",
    hint: "Use the ARM region name (e.g. \"westeurope\", \"eastus2\").",
    reference: "AZ-GEO 2024-04-05 (reference 4.2)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(region) = node.as_azure() else {
            continue;
        };
        if cx.catalog.azure_region(&region.region).is_none() {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "Azure region node {} names region \"{}\", which is not in the catalog",
                    cx.name_of(node.id.as_str()),
                    region.region
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
            |d| azure_mut(d, "az").region = "east-us".into(),
            &["az"],
            |d| azure_mut(d, "az").region = "East US".into(),
        );
    }
}

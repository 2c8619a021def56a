//! ER031: ErGwScale was not available (as of 2025-11-06) in Belgium Central, Japan East, Qatar
//! Central, Southeast Asia, West Europe, West India, West US 2, South Central US and East US 2
//! (AZ-SCALE 2025-11-06).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER031",
    name: "scalable-gateway-unavailable-in-region",
    default_severity: Severity::Warning,
    summary: "An ErGwScale gateway is placed in a region where the scalable gateway was not available (list as of 2025-11-06).",
    hint: "Use ErGw1AZ/2AZ/3AZ in this region, or confirm availability on the live page and exclude this finding with a note.",
    reference: "AZ-SCALE 2025-11-06",
    needs: Needs::Design,
    check,
};

const UNAVAILABLE: [&str; 9] = [
    "belgiumcentral",
    "japaneast",
    "qatarcentral",
    "southeastasia",
    "westeurope",
    "westindia",
    "westus2",
    "southcentralus",
    "eastus2",
];

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(region) = node.as_azure() else {
            continue;
        };
        let Some(gw) = &region.gateway else { continue };
        let code = cx
            .catalog
            .azure_region(&region.region)
            .map_or(region.region.as_str(), |r| r.code.as_str());
        if gw.sku == ErGatewaySku::ErGwScale && UNAVAILABLE.contains(&code) {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "ErGwScale gateway in {} ({code}): not available there as of 2025-11-06",
                    cx.name_of(node.id.as_str())
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
                gateway(d, ErGatewaySku::ErGwScale, Some(2));
                azure_mut(d, "az").region = "eastus2".into();
            },
            &["az"],
            |d| gateway(d, ErGatewaySku::ErGwScale, Some(2)),
        );
    }
}

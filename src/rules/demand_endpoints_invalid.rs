//! GEN006: a demand must run from an on-prem site to a cloud region.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN006",
    name: "demand-endpoints-invalid",
    default_severity: Severity::Error,
    summary: "A demand does not run from an on-prem site to an Azure or AWS region, so it cannot be analysed.",
    hint: "Set the demand's site to an on-prem site and its region to a cloud region.",
    reference: "design model",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let nodes = &cx.design.nodes;
    for (d, [site, region]) in cx.design.demands.iter().zip(cx.demand_ends) {
        let site_ok = site.is_some_and(|n| nodes[n].tag() == NodeKindTag::OnPremSite);
        let region_ok = region.is_some_and(|n| {
            matches!(
                nodes[n].tag(),
                NodeKindTag::AzureRegion | NodeKindTag::AwsRegion
            )
        });
        if !site_ok || !region_ok {
            out.flag(
                vec![d.id.to_string(), d.site.to_string(), d.region.to_string()],
                format!(
                    "demand `{}` runs from {} to {}; it must run from an on-prem site to an Azure or AWS region",
                    d.id,
                    cx.name_of(d.site.as_str()),
                    cx.name_of(d.region.as_str())
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
            |d| d.demands[0].region = "fac-dc2".into(),
            &["d-az", "fac-dc2", "site"],
            |d| d.demands[0].region = "aws".into(),
        );
    }
}

//! DX021: Direct Connect locations and regions belong to partitions (aws, aws-cn, aws-eusc); a
//! connection cannot cross them, and a Direct Connect gateway reaches any commercial region
//! except China (DX-GW-11; reference 4.3/4.4).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX021",
    name: "connection-crosses-partition",
    default_severity: Severity::Error,
    summary: "A Direct Connect connection joins a location and a region of different AWS partitions (commercial, China, European Sovereign Cloud).",
    hint: "Use a Direct Connect location of the region's partition.",
    reference: "DX-GW-11 (DX-FAQ); DX-LOCS 2026-02-17",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let (Some(loc), Some(region)) = (v.location, v.region_info) else {
            continue;
        };
        if loc.partition != region.partition {
            out.flag(
                vec![
                    v.link.id.to_string(),
                    v.facility_node.id.to_string(),
                    v.region_node.id.to_string(),
                ],
                format!(
                    "connection {} joins {} ({}) to {} ({})",
                    cx.name_of(v.link.id.as_str()),
                    loc.code,
                    loc.partition,
                    region.code,
                    region.partition
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
            |d| fac_mut(d, "fac-dc2").dx_location = Some("SINJI".into()),
            &["aws", "dx-1", "fac-dc2"],
            |d| fac_mut(d, "fac-dc2").dx_location = Some("EQNY5".into()),
        );
    }
}

//! DX022: at most 10 active connections per Direct Connect location per region per account
//! (DX-CONN-1, DX-UG limits; LAG members count as connections).
use super::prelude::*;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "DX022",
    name: "too-many-connections-at-location",
    default_severity: Severity::Warning,
    summary: "More than 10 connections (LAG members included) at one Direct Connect location reach one region; that is above the default quota per account.",
    hint: "Request a quota increase, spread over accounts, or use faster ports.",
    reference: "DX-CONN-1 (DX-UG limits)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut groups: BTreeMap<(&str, &str), (u32, Vec<String>)> = BTreeMap::new();
    for v in &cx.dx_connections {
        let Some(loc) = v.facility.dx_location.as_deref() else {
            continue;
        };
        let entry = groups.entry((loc, v.region_node.id.as_str())).or_default();
        entry.0 += v.connection.lag_members.max(1);
        entry.1.push(v.link.id.to_string());
    }
    for ((loc, region), (count, links)) in groups {
        if count > 10 {
            out.flag(
                links,
                format!(
                    "{count} connections at {loc} reach {}; the quota is 10",
                    cx.name_of(region)
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
                dx_mut(d, "dx-1").lag_members = 4;
                clone_link(d, "dx-1", "dx-1b");
                clone_link(d, "dx-1", "dx-1c");
                dx_mut(d, "dx-1c").lag_members = 3;
            },
            &["dx-1", "dx-1b", "dx-1c"],
            |d| {
                dx_mut(d, "dx-1").lag_members = 4;
                clone_link(d, "dx-1", "dx-1b");
                clone_link(d, "dx-1", "dx-1c");
                dx_mut(d, "dx-1c").lag_members = 2;
            },
        );
    }
}

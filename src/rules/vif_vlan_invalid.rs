//! DX010: a VIF's VLAN is 1-4094 and unique on its connection or LAG (DX-VIF-5, TF-AWS).
use super::prelude::*;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    code: "DX010",
    name: "vif-vlan-invalid",
    default_severity: Severity::Error,
    summary: "A virtual interface has a VLAN outside 1-4094, or two VIFs on one connection share a VLAN.",
    hint: "Give each VIF on the connection its own VLAN between 1 and 4094.",
    reference: "DX-VIF-5 (TF-AWS 2026)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let mut seen = HashSet::new();
        for (i, vif) in v.connection.vifs.iter().enumerate() {
            if !(1..=4094).contains(&vif.vlan) {
                // Counting on from the connection's highest VLAN keeps the VIFs together.
                let after = v.connection.vifs.iter().map(|x| x.vlan).filter(|n| VLANS.contains(n)).max();
                out.flag_with_fix(
                    vec![v.link.id.to_string()],
                    format!(
                        "VIF \"{}\" on {} has VLAN {}; VLANs are 1-4094",
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.vlan
                    ),
                    after.and_then(|after| free_vlan_fix(v.link, v.connection, i, after)),
                );
            } else if !seen.insert(vif.vlan) {
                out.flag_with_fix(
                    vec![v.link.id.to_string()],
                    format!(
                        "VIF \"{}\" on {} reuses VLAN {}",
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.vlan
                    ),
                    free_vlan_fix(v.link, v.connection, i, vif.vlan),
                );
            }
        }
    }
}

/// The VLAN IDs a VIF can have (DX-VIF-5).
const VLANS: std::ops::RangeInclusive<u16> = 1..=4094;

/// Move VIF `index` of a dedicated connection or LAG to the first VLAN after `after` that no
/// VIF on the connection uses (wrapping round to 1). A hosted connection's VLAN is assigned by
/// its partner, so none is offered there.
fn free_vlan_fix(
    link: &Link,
    connection: &DirectConnectConnection,
    index: usize,
    after: u16,
) -> Option<Fix> {
    if connection.connection_type != DxConnectionType::Dedicated {
        return None;
    }
    let used: HashSet<u16> = connection.vifs.iter().map(|v| v.vlan).collect();
    let vlan = (after..=*VLANS.end())
        .skip(1)
        .chain(VLANS)
        .find(|n| !used.contains(n))?;
    let vif = connection.vifs.get(index)?;
    let edit = fix::dx_connection(link, |c| {
        if let Some(v) = c.vifs.get_mut(index) {
            v.vlan = vlan;
        }
    })?;
    Some(Fix {
        label: format!(
            "Move VIF \"{}\" on {} from VLAN {} to VLAN {vlan}, free on the connection",
            vif.name,
            link.label(),
            vif.vlan
        ),
        edit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        assert_fixture(
            &RULE,
            |d| dx_mut(d, "dx-1").vifs[0].vlan = 4095,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].vlan = 4094,
        );
    }

    #[test]
    fn a_free_vlan_resolves_it() {
        // Two VIFs on VLAN 300, 301 taken: the second moves to 302.
        let (fixed, labels) = fix::testing::assert_fix(&RULE, |d| {
            dx_mut(d, "dx-1").vifs = vec![
                vif("a", VifType::Transit, 300, 8500),
                vif("b", VifType::Transit, 301, 8500),
                vif("c", VifType::Transit, 300, 8500),
            ];
        });
        assert_eq!(
            labels,
            ["Move VIF \"c\" on dx-1 from VLAN 300 to VLAN 302, free on the connection"]
        );
        let vlans: Vec<u16> = fixed.links.iter().find(|l| l.id.as_str() == "dx-1").unwrap().as_dx().unwrap().vifs.iter().map(|v| v.vlan).collect();
        assert_eq!(vlans, [300, 301, 302]);
        // Out of range, beside VIFs at the top of the range: counting wraps round to 1.
        let (fixed, _) = fix::testing::assert_fix(&RULE, |d| {
            dx_mut(d, "dx-1").vifs = vec![
                vif("a", VifType::Transit, 4094, 8500),
                vif("b", VifType::Transit, 4095, 8500),
            ];
        });
        let vlans: Vec<u16> = fixed.links.iter().find(|l| l.id.as_str() == "dx-1").unwrap().as_dx().unwrap().vifs.iter().map(|v| v.vlan).collect();
        assert_eq!(vlans, [4094, 1]);
    }

    #[test]
    fn no_vlan_is_made_up_where_the_architect_or_partner_chooses_it() {
        let fix_of = |change: &dyn Fn(&mut Design)| {
            let mut d = base();
            change(&mut d);
            let found = crate::rules::check(&d, catalog());
            found.items.iter().find(|f| f.code == RULE.code).unwrap().fix.clone()
        };
        // The only VIF, out of range: nothing to count from.
        assert_eq!(fix_of(&|d| dx_mut(d, "dx-1").vifs[0].vlan = 0), None);
        // A hosted connection: the partner assigns the VLAN.
        assert_eq!(
            fix_of(&|d| {
                let c = dx_mut(d, "dx-1");
                c.connection_type = DxConnectionType::Hosted;
                c.vifs.push(vif("b", VifType::Transit, 300, 8500));
            }),
            None
        );
    }
}

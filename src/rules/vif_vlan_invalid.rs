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
        for vif in &v.connection.vifs {
            if !(1..=4094).contains(&vif.vlan) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "VIF \"{}\" on {} has VLAN {}; VLANs are 1-4094",
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.vlan
                    ),
                );
            } else if !seen.insert(vif.vlan) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "VIF \"{}\" on {} reuses VLAN {}",
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.vlan
                    ),
                );
            }
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
            |d| dx_mut(d, "dx-1").vifs[0].vlan = 4095,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].vlan = 4094,
        );
    }
}

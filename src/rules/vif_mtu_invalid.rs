//! DX014: private VIFs run MTU 1500 or 9001, transit VIFs 1500 or 8500; no other values
//! (DX-MTU-1, DX-UG set-jumbo-frames-vif).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX014",
    name: "vif-mtu-invalid",
    default_severity: Severity::Error,
    summary: "A VIF has an MTU AWS does not accept (private: 1500 or 9001; transit: 1500 or 8500).",
    hint: "Set 1500, or the jumbo value of the VIF type (9001 private, 8500 transit).",
    reference: "DX-MTU-1 (DX-UG set-jumbo-frames-vif)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        for vif in &v.connection.vifs {
            if vif.vif_type == VifType::Public {
                continue;
            }
            let allowed = crate::offers::dx::mtus(vif.vif_type);
            if !allowed.contains(&vif.mtu) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "{} VIF \"{}\" on {} has MTU {}; allowed are {} and {}",
                        vif.vif_type.label(),
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.mtu,
                        allowed[0],
                        allowed[1]
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
            |d| dx_mut(d, "dx-1").vifs[0].mtu = 9001,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].mtu = 1500,
        );
    }
}

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
        for (i, vif) in v.connection.vifs.iter().enumerate() {
            if vif.vif_type == VifType::Public {
                continue;
            }
            let allowed = crate::offers::dx::mtus(vif.vif_type);
            if !allowed.contains(&vif.mtu) {
                out.flag_with_fix(
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
                    mtu_fix(v.link, i, vif),
                );
            }
        }
    }
}

/// The MTU the VIF was meant to have: above 1500 it asks for jumbo frames, and its type has one
/// jumbo MTU (9001 private, 8500 transit); below, 1500 is the only value that is not larger.
fn mtu_fix(link: &Link, index: usize, vif: &VirtualInterface) -> Option<Fix> {
    let allowed = crate::offers::dx::mtus(vif.vif_type);
    let mtu = if vif.mtu > 1500 {
        *allowed.iter().max()?
    } else {
        1500
    };
    let edit = fix::dx_connection(link, |c| {
        if let Some(v) = c.vifs.get_mut(index) {
            v.mtu = mtu;
        }
    })?;
    let jumbo = if mtu > 1500 { " (jumbo frames)" } else { "" };
    Some(Fix {
        label: format!(
            "Set the MTU of {} VIF \"{}\" on {} to {mtu}{jumbo}",
            vif.vif_type.label(),
            vif.name,
            link.label()
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
            |d| dx_mut(d, "dx-1").vifs[0].mtu = 9001,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].mtu = 1500,
        );
    }

    #[test]
    fn the_mtu_of_the_vif_type_resolves_it() {
        // The fixture: a transit VIF given the private VIFs' jumbo MTU.
        let (fixed, labels) =
            fix::testing::assert_fix(&RULE, |d| dx_mut(d, "dx-1").vifs[0].mtu = 9001);
        assert_eq!(
            labels,
            ["Set the MTU of transit VIF \"transit\" on dx-1 to 8500 (jumbo frames)"]
        );
        assert_eq!(fixed.link(&"dx-1".into()).unwrap().as_dx().unwrap().vifs[0].mtu, 8500);
        let (fixed, _) = fix::testing::assert_fix(&RULE, |d| {
            dx_mut(d, "dx-1").vifs = vec![vif("p", VifType::Private, 100, 8500)];
        });
        assert_eq!(fixed.link(&"dx-1".into()).unwrap().as_dx().unwrap().vifs[0].mtu, 9001);
        let (fixed, _) =
            fix::testing::assert_fix(&RULE, |d| dx_mut(d, "dx-1").vifs[0].mtu = 1400);
        assert_eq!(fixed.link(&"dx-1".into()).unwrap().as_dx().unwrap().vifs[0].mtu, 1500);
    }
}

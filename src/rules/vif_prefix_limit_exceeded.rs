//! DX016: a private or transit VIF's BGP session takes at most 100 prefixes from the customer,
//! a public VIF 1,000; above that the session goes down (DX-RT-1, DX-RT-2, DX-RT-3; DX-UG
//! limits). Whether 100 can now be raised is open (Q11).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX016",
    name: "vif-prefix-limit-exceeded",
    default_severity: Severity::Error,
    summary: "A VIF advertises more prefixes than its BGP session accepts (100 on private/transit VIFs, 1,000 on public VIFs); the session would go down.",
    hint: "Summarise the advertised routes (or advertise a default/aggregate).",
    reference: "DX-RT-1, DX-RT-2, DX-RT-3 (DX-UG limits); Q11",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        for vif in &v.connection.vifs {
            let limit = if vif.vif_type == VifType::Public {
                1_000
            } else {
                100
            };
            if vif.advertised_prefixes > limit {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "{} VIF \"{}\" on {} advertises {} prefixes; the limit is {limit}",
                        vif.vif_type.label(),
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.advertised_prefixes
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
            |d| dx_mut(d, "dx-1").vifs[0].advertised_prefixes = 101,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].advertised_prefixes = 100,
        );
    }
}

//! ER025: Microsoft 365 over Microsoft peering needs the Premium add-on and Microsoft's
//! authorization (ER-MSP-2, AZ-FAQ 2026-03-31).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER025",
    name: "microsoft-365-without-premium",
    default_severity: Severity::Error,
    summary: "Microsoft 365 is reached over Microsoft peering of a circuit that is not Premium.",
    hint: "Upgrade the circuit to Premium (and obtain Microsoft's authorization for Microsoft 365 over ExpressRoute).",
    reference: "ER-MSP-2 (AZ-FAQ 2026-03-31)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let m365 = v
            .circuit
            .peerings
            .microsoft
            .as_ref()
            .is_some_and(|p| p.microsoft_365);
        if m365 && v.circuit.sku_tier != ErSkuTier::Premium {
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!(
                    "circuit {} carries Microsoft 365 but is not Premium",
                    cx.name_of(v.link.id.as_str())
                ),
                fix::premium(v.link),
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
            |d| er_mut(d, "er-1").peerings.microsoft = ms_peering(10, true, true),
            &["er-1"],
            |d| {
                let c = er_mut(d, "er-1");
                c.peerings.microsoft = ms_peering(10, true, true);
                c.sku_tier = ErSkuTier::Premium;
            },
        );
    }

    #[test]
    fn upgrading_to_premium_resolves_it() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            er_mut(d, "er-1").peerings.microsoft = ms_peering(10, true, true)
        });
        assert_eq!(labels, ["Upgrade er-1 to Premium"]);
    }
}

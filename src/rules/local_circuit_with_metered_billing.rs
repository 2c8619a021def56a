//! ER033: ExpressRoute Local is billed unlimited only (B4): a Local circuit with metered
//! billing does not exist. Source confidence: [OFF] (AZ-COST, AZ-FAQ).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER033",
    name: "local-circuit-with-metered-billing",
    default_severity: Severity::Error,
    summary: "An ExpressRoute Local circuit is set to metered billing; Local circuits exist only with unlimited data (egress included in the circuit fee), so the design cannot be ordered as drawn and is not priced.",
    hint: "Set the circuit's billing to unlimited, or use a Standard circuit if metered billing is wanted.",
    reference: "B4 (AZ-COST, AZ-FAQ)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.sku_tier == ErSkuTier::Local && v.circuit.billing == ErBilling::Metered {
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!(
                    "ExpressRoute Local circuit {} is set to metered billing; Local is unlimited only",
                    cx.name_of(v.link.id.as_str())
                ),
                fix::er_circuit(v.link, |c| c.billing = ErBilling::Unlimited).map(|edit| Fix {
                    label: format!(
                        "Set {} to unlimited data",
                        v.link.label()
                    ),
                    edit,
                }),
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
                let c = er_mut(d, "er-1");
                c.sku_tier = ErSkuTier::Local;
                c.billing = ErBilling::Metered;
            },
            &["er-1"],
            |d| {
                let c = er_mut(d, "er-1");
                c.sku_tier = ErSkuTier::Local;
                c.billing = ErBilling::Unlimited;
            },
        );
    }

    #[test]
    fn unlimited_data_resolves_it() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            let c = er_mut(d, "er-1");
            c.sku_tier = ErSkuTier::Local;
            c.billing = ErBilling::Metered;
        });
        assert_eq!(labels, ["Set er-1 to unlimited data"]);
    }
}

//! ER030: ErGwScale takes 1 to 40 scale units; the unit count means nothing on other SKUs
//! (AZ-SCALE 2025-11-06).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER030",
    name: "gateway-scale-units-invalid",
    default_severity: Severity::Error,
    summary: "An ErGwScale gateway has no unit count or one outside 1-40, or another SKU is given scale units.",
    hint: "Give ErGwScale 1-40 units (at least 2 for autoscale); remove units from fixed SKUs.",
    reference: "AZ-SCALE 2025-11-06 (reference 1.5)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(gw) = node.as_azure().and_then(|a| a.gateway.as_ref()) else {
            continue;
        };
        let problem = match (gw.sku, gw.scale_units) {
            (ErGatewaySku::ErGwScale, Some(1..=40)) => None,
            (ErGatewaySku::ErGwScale, Some(u)) => {
                Some(format!("has {u} scale units; ErGwScale takes 1-40"))
            }
            (ErGatewaySku::ErGwScale, None) => Some("has no scale unit count".to_string()),
            (sku, Some(u)) => Some(format!(
                "is {} but is given {u} scale units, which only ErGwScale has",
                sku.label()
            )),
            (_, None) => None,
        };
        if let Some(problem) = problem {
            out.flag(
                vec![node.id.to_string()],
                format!("gateway of {} {problem}", cx.name_of(node.id.as_str())),
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
            |d| gateway(d, ErGatewaySku::ErGwScale, Some(41)),
            &["az"],
            |d| gateway(d, ErGatewaySku::ErGwScale, Some(40)),
        );
    }
}

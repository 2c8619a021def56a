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
        // A fixed SKU's unit count means nothing: removing it is the fix. How many units an
        // ErGwScale gateway needs is the architect's call.
        let (problem, fix) = match (gw.sku, gw.scale_units) {
            (ErGatewaySku::ErGwScale, Some(1..=40)) => (None, None),
            (ErGatewaySku::ErGwScale, Some(u)) => (
                Some(format!("has {u} scale units; ErGwScale takes 1-40")),
                None,
            ),
            (ErGatewaySku::ErGwScale, None) => (Some("has no scale unit count".to_string()), None),
            (sku, Some(u)) => (
                Some(format!(
                    "is {} but is given {u} scale units, which only ErGwScale has",
                    sku.label()
                )),
                remove_units(node),
            ),
            (_, None) => (None, None),
        };
        if let Some(problem) = problem {
            out.flag_with_fix(
                vec![node.id.to_string()],
                format!("gateway of {} {problem}", cx.name_of(node.id.as_str())),
                fix,
            );
        }
    }
}

fn remove_units(node: &Node) -> Option<Fix> {
    let edit = fix::azure_region(node, |a| {
        if let Some(gw) = &mut a.gateway {
            gw.scale_units = None;
        }
    })?;
    Some(Fix {
        label: format!(
            "Remove the scale units from the gateway of {}",
            fix::shown(&node.name, node.id.as_str())
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
            |d| gateway(d, ErGatewaySku::ErGwScale, Some(41)),
            &["az"],
            |d| gateway(d, ErGatewaySku::ErGwScale, Some(40)),
        );
    }

    #[test]
    fn removing_units_from_a_fixed_sku_resolves_it() {
        let (_, labels) =
            fix::testing::assert_fix(&RULE, |d| gateway(d, ErGatewaySku::ErGw3Az, Some(4)));
        assert_eq!(labels, ["Remove the scale units from the gateway of AZ"]);
    }
}

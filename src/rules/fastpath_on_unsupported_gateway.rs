//! ER012: FastPath needs an Ultra Performance or ErGw3AZ gateway, or ErGwScale with at least
//! 10 scale units (ER-FP-1, AZ-FP 2025-11-05).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER012",
    name: "fastpath-on-unsupported-gateway",
    default_severity: Severity::Error,
    summary: "FastPath is enabled on a circuit whose gateway is not Ultra Performance, ErGw3AZ or ErGwScale with 10+ units.",
    hint: "Upgrade the gateway (ErGw3AZ, or ErGwScale with at least 10 units), or turn FastPath off.",
    reference: "ER-FP-1 (AZ-FP 2025-11-05)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if !v.circuit.fastpath {
            continue;
        }
        let Some(gw) = &v.region.gateway else {
            continue;
        };
        let ok = match gw.sku {
            ErGatewaySku::UltraPerformance | ErGatewaySku::ErGw3Az => true,
            ErGatewaySku::ErGwScale => gw.scale_units.unwrap_or(0) >= 10,
            _ => false,
        };
        if !ok {
            let units = gw
                .scale_units
                .map(|u| format!(" with {u} units"))
                .unwrap_or_default();
            out.flag(
                vec![v.link.id.to_string(), v.region_node.id.to_string()],
                format!(
                    "FastPath on circuit {} needs Ultra Performance, ErGw3AZ or ErGwScale ≥ 10 units; gateway of {} is {}{units}",
                    cx.name_of(v.link.id.as_str()),
                    cx.name_of(v.region_node.id.as_str()),
                    gw.sku.label()
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
                er_mut(d, "er-1").fastpath = true;
                gateway(d, ErGatewaySku::ErGwScale, Some(9));
            },
            &["az", "er-1"],
            |d| {
                er_mut(d, "er-1").fastpath = true;
                gateway(d, ErGatewaySku::ErGwScale, Some(10));
            },
        );
    }
}

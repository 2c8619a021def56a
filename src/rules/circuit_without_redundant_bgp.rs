//! ER026: both BGP sessions (primary and secondary link to the MSEE pair) must be configured for
//! the SLA to apply (ER-BGP-1, AZ-ROUTE 2023-09-06; ER-TOPO-1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER026",
    name: "circuit-without-redundant-bgp",
    default_severity: Severity::Warning,
    summary: "Only one of the circuit's two BGP sessions is configured: the circuit loses its MSEE redundancy and the SLA does not apply.",
    hint: "Configure BGP on both the primary and the secondary link.",
    reference: "ER-BGP-1 (AZ-ROUTE 2023-09-06); ER-TOPO-1",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if !v.circuit.redundant_bgp {
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!(
                    "circuit {} runs BGP on one link only; the SLA needs both sessions",
                    cx.name_of(v.link.id.as_str())
                ),
                fix::er_circuit(v.link, |c| c.redundant_bgp = true).map(|edit| Fix {
                    label: format!(
                        "Enable the second BGP session of {}",
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
            |d| er_mut(d, "er-1").redundant_bgp = false,
            &["er-1"],
            |d| er_mut(d, "er-1").redundant_bgp = true,
        );
    }

    #[test]
    fn enabling_the_second_session_resolves_it() {
        let (_, labels) =
            fix::testing::assert_fix(&RULE, |d| er_mut(d, "er-1").redundant_bgp = false);
        assert_eq!(labels, ["Enable the second BGP session of er-1"]);
    }
}

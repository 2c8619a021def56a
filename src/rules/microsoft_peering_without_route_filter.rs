//! ER024: Microsoft peering on circuits created after 2017-08-01 advertises nothing until a
//! route filter is attached (ER-MSP-1, AZ-FAQ 2026-03-31 / AZ-ROUTE).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER024",
    name: "microsoft-peering-without-route-filter",
    default_severity: Severity::Error,
    summary: "Microsoft peering is configured without a route filter; Microsoft advertises no prefixes over it until one is attached.",
    hint: "Attach a route filter selecting the service communities you need.",
    reference: "ER-MSP-1 (AZ-FAQ 2026-03-31; AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        let Some(p) = &v.circuit.peerings.microsoft else {
            continue;
        };
        if !p.route_filter {
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!("Microsoft peering of circuit {} has no route filter: Microsoft will advertise no prefixes", cx.name_of(v.link.id.as_str())),
                fix::er_circuit(v.link, |c| {
                    if let Some(p) = &mut c.peerings.microsoft {
                        p.route_filter = true;
                    }
                })
                .map(|edit| Fix {
                    label: format!(
                        "Attach a route filter to the Microsoft peering of {}",
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
            |d| er_mut(d, "er-1").peerings.microsoft = ms_peering(10, false, false),
            &["er-1"],
            |d| er_mut(d, "er-1").peerings.microsoft = ms_peering(10, true, false),
        );
    }

    #[test]
    fn attaching_a_route_filter_resolves_it() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            er_mut(d, "er-1").peerings.microsoft = ms_peering(10, false, false)
        });
        assert_eq!(
            labels,
            ["Attach a route filter to the Microsoft peering of er-1"]
        );
    }
}

//! ER022: A peering uses an ASN from 65515-65520, which Microsoft reserves for internal use. (ER-ASN-2, AZ-ROUTE 2023-09-06)
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER022",
    name: "asn-reserved-by-azure",
    default_severity: Severity::Error,
    summary: "A peering uses an ASN from 65515-65520, which Microsoft reserves for internal use.",
    hint: "Pick another private ASN (e.g. 65000-65514).",
    reference: "ER-ASN-2 (AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        for (peering, asn) in v.peer_asns() {
            if (65515..=65520).contains(&asn) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!("{peering} peering of circuit {} uses ASN {asn}, which Azure reserves for internal use (65515-65520)", cx.name_of(v.link.id.as_str())),
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
            |d| {
                er_mut(d, "er-1")
                    .peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .peer_asn = Some(65517)
            },
            &["er-1"],
            |d| {
                er_mut(d, "er-1")
                    .peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .peer_asn = Some(65514)
            },
        );
    }
}

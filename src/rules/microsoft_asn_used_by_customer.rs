//! ER021: Microsoft's ASN 12076 is configured as the customer ASN of a peering. (ER-ASN-1, AZ-ROUTE 2023-09-06)
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER021",
    name: "microsoft-asn-used-by-customer",
    default_severity: Severity::Error,
    summary: "Microsoft's ASN 12076 is configured as the customer ASN of a peering.",
    hint: "Use your own public ASN or a private ASN outside Microsoft's reserved ranges.",
    reference: "ER-ASN-1 (AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        for (peering, asn) in v.peer_asns() {
            if asn == 12076 {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!("{peering} peering of circuit {} uses ASN {asn}, which is Microsoft's own ASN", cx.name_of(v.link.id.as_str())),
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
                    .peer_asn = Some(12076)
            },
            &["er-1"],
            |d| {
                er_mut(d, "er-1")
                    .peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .peer_asn = Some(12075)
            },
        );
    }
}

//! ER023: A peering uses an ASN from the documentation range 64496-64511, which ExpressRoute does not accept. (ER-ASN-3, AZ-ROUTE 2023-09-06)
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER023",
    name: "documentation-asn-used",
    default_severity: Severity::Error,
    summary: "A peering uses an ASN from the documentation range 64496-64511, which ExpressRoute does not accept.",
    hint: "Use your registered ASN or a private ASN.",
    reference: "ER-ASN-3 (AZ-ROUTE 2023-09-06)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        for (peering, asn) in v.peer_asns() {
            if (64496..=64511).contains(&asn) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!("{peering} peering of circuit {} uses ASN {asn} from the documentation range (64496-64511), which ExpressRoute refuses", cx.name_of(v.link.id.as_str())),
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
                    .peer_asn = Some(64500)
            },
            &["er-1"],
            |d| {
                er_mut(d, "er-1")
                    .peerings
                    .private
                    .as_mut()
                    .unwrap()
                    .peer_asn = Some(64512)
            },
        );
    }
}

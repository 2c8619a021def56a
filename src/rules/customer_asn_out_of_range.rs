//! DX019: the customer BGP ASN of a VIF is 1-4,294,967,294 (DX-ASN-3; 4-byte values through
//! the `asnLong` field).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX019",
    name: "customer-asn-out-of-range",
    default_severity: Severity::Error,
    summary: "A VIF's customer ASN is 0 or 4294967295, which BGP does not allow.",
    hint: "Use your public ASN or a private ASN (64512-65534 or 4200000000-4294967294).",
    reference: "DX-ASN-3 (DX-UG create-vif; API)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        for vif in &v.connection.vifs {
            if vif.customer_asn == 0 || vif.customer_asn == u32::MAX {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "VIF \"{}\" on {} has customer ASN {}",
                        vif.name,
                        cx.name_of(v.link.id.as_str()),
                        vif.customer_asn
                    ),
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
            |d| dx_mut(d, "dx-1").vifs[0].customer_asn = 0,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].customer_asn = 1,
        );
    }
}

//! DX017: Amazon-side ASNs (VGW, Direct Connect gateway, Transit Gateway) are 64512-65534 or
//! 4,200,000,000-4,294,967,294 (DX-ASN-1); old VGWs may keep a legacy Amazon ASN (7224, 9059,
//! 10124, 17493; DX-ASN-2).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX017",
    name: "amazon-side-asn-out-of-range",
    default_severity: Severity::Error,
    summary: "An Amazon-side ASN (VGW, Direct Connect gateway or Transit Gateway) is outside 64512-65534 and 4200000000-4294967294.",
    hint: "Pick a private ASN in 64512-65534 or 4200000000-4294967294 (default 64512).",
    reference: "DX-ASN-1, DX-ASN-2 (DX-UG; API)",
    needs: Needs::Design,
    check,
};

pub fn is_amazon_side(asn: u32) -> bool {
    (64_512..=65_534).contains(&asn) || (4_200_000_000..=4_294_967_294).contains(&asn)
}

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(r) = node.as_aws() else { continue };
        for (what, asn) in [
            ("VGW", r.vgw_asn),
            ("Direct Connect gateway", r.dx_gateway_asn),
            ("Transit Gateway", r.tgw_asn),
        ] {
            let Some(asn) = asn else { continue };
            let legacy = what == "VGW" && [7224, 9059, 10124, 17493].contains(&asn);
            if !is_amazon_side(asn) && !legacy {
                out.flag(
                    vec![node.id.to_string()],
                    format!(
                        "{what} ASN {asn} of {} is outside the Amazon-side ranges",
                        cx.name_of(node.id.as_str())
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
            |d| aws_mut(d, "aws").tgw_asn = Some(65535),
            &["aws"],
            |d| aws_mut(d, "aws").tgw_asn = Some(65534),
        );
    }
}

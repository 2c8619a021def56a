//! DX020: on a public VIF a private customer ASN must be 64512-65535; 4-byte private ASNs are
//! not accepted there (DX-ASN-4, DX-FAQ [OFF-copy]).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX020",
    name: "public-vif-private-asn-out-of-range",
    default_severity: Severity::Error,
    summary: "A public VIF uses a 4-byte private ASN; on public VIFs a private ASN must be 64512-65535 (better: your own public ASN).",
    hint: "Use your registered public ASN, or a private ASN in 64512-65535.",
    reference: "DX-ASN-4 (DX-FAQ)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        for vif in v
            .connection
            .vifs
            .iter()
            .filter(|x| x.vif_type == VifType::Public)
        {
            if (4_200_000_000..=4_294_967_294).contains(&vif.customer_asn) {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "public VIF \"{}\" on {} uses private ASN {}",
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
            |d| {
                let v = &mut dx_mut(d, "dx-1").vifs[0];
                v.vif_type = VifType::Public;
                v.customer_asn = 4_200_000_000;
            },
            &["dx-1"],
            |d| {
                let v = &mut dx_mut(d, "dx-1").vifs[0];
                v.vif_type = VifType::Public;
                v.customer_asn = 65_000;
            },
        );
    }
}

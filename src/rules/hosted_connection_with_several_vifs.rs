//! DX008: a hosted connection carries exactly one virtual interface (DX-VIF-3, DX-UG quotas).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX008",
    name: "hosted-connection-with-several-vifs",
    default_severity: Severity::Error,
    summary: "A hosted connection has more than one virtual interface; hosted connections carry one VIF.",
    hint: "Order one hosted connection per VIF, or use a dedicated connection.",
    reference: "DX-VIF-3 (DX-UG limits)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if c.connection_type == DxConnectionType::Hosted && c.vifs.len() > 1 {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "hosted connection {} has {} VIFs; a hosted connection carries one",
                    cx.name_of(v.link.id.as_str()),
                    c.vifs.len()
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
                let c = dx_mut(d, "dx-1");
                c.connection_type = DxConnectionType::Hosted;
                c.capacity_mbps = 1_000;
                c.vifs = vifs(2, VifType::Transit, 8500);
            },
            &["dx-1"],
            |d| {
                let c = dx_mut(d, "dx-1");
                c.connection_type = DxConnectionType::Hosted;
                c.capacity_mbps = 1_000;
            },
        );
    }
}

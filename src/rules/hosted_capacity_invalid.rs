//! DX002: hosted connections come in 50-500 Mbps steps and 1, 2, 5, 10, 25 Gbps (DX-CAP-2; 25
//! Gbps per TF-AWS 2026 [3P]).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX002",
    name: "hosted-capacity-invalid",
    default_severity: Severity::Error,
    summary: "A hosted Direct Connect connection has a capacity AWS does not offer (50, 100, 200, 300, 400, 500 Mbps; 1, 2, 5, 10, 25 Gbps).",
    hint: "Choose an offered hosted capacity; capacities cannot be changed after creation.",
    reference: "DX-CAP-2 (DX-UG; TF-AWS 2026)",
    needs: Needs::Design,
    check,
};

use crate::offers::dx::HOSTED_MBPS;

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if c.connection_type == DxConnectionType::Hosted && !HOSTED_MBPS.contains(&c.capacity_mbps)
        {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "hosted connection {} has {}, which AWS does not offer for hosted connections",
                    cx.name_of(v.link.id.as_str()),
                    mbps(c.capacity_mbps)
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
                c.capacity_mbps = 250;
            },
            &["dx-1"],
            |d| {
                let c = dx_mut(d, "dx-1");
                c.connection_type = DxConnectionType::Hosted;
                c.capacity_mbps = 300;
            },
        );
    }
}

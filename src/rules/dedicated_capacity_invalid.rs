//! DX001: dedicated connections come as 1, 10, 100 or 400 Gbps ports (DX-CAP-1, DX-UG).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX001",
    name: "dedicated-capacity-invalid",
    default_severity: Severity::Error,
    summary: "A dedicated Direct Connect connection has a capacity other than 1, 10, 100 or 400 Gbps.",
    hint: "Choose a port speed of 1, 10, 100 or 400 Gbps, or order a hosted connection for smaller capacities.",
    reference: "DX-CAP-1 (DX-UG; DX-LOCS 2026-02-17)",
    needs: Needs::Design,
    check,
};

use crate::offers::dx::DEDICATED_MBPS;

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if c.connection_type == DxConnectionType::Dedicated
            && !DEDICATED_MBPS.contains(&c.capacity_mbps)
        {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "dedicated connection {} has {}; dedicated ports are 1, 10, 100 or 400 Gbps",
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
            |d| dx_mut(d, "dx-1").capacity_mbps = 2_000,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").capacity_mbps = 100_000,
        );
    }
}

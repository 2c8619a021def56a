//! DX007: a LAG has at most 4 members below 100 Gbps and 2 at 100 or 400 Gbps (DX-LAG-2, DX-UG
//! lags + quotas; the CreateLag API text mentions 10, Q10). Members share one speed, location
//! and AWS device by construction (one link = one LAG), as DX-LAG-1 requires.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX007",
    name: "lag-member-count-invalid",
    default_severity: Severity::Error,
    summary: "A LAG has more members than AWS allows (4 below 100 Gbps, 2 at 100/400 Gbps), or none.",
    hint: "Reduce the members, or use a faster port speed / a second LAG on another device.",
    reference: "DX-LAG-2 (DX-UG lags, quotas); Q10",
    needs: Needs::Design,
    check,
};

use crate::offers::dx::max_lag_members as max_members;

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        let max = max_members(c.capacity_mbps);
        if c.lag_members == 0 || c.lag_members > max {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "connection {} has {} LAG members; at {} a LAG takes 1 to {max}",
                    cx.name_of(v.link.id.as_str()),
                    c.lag_members,
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
            |d| dx_mut(d, "dx-1").lag_members = 5,
            &["dx-1"],
            |d| dx_mut(d, "dx-1").lag_members = 4,
        );
    }
}

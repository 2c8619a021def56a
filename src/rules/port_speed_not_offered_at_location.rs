//! DX003: each Direct Connect location offers its own set of port speeds (400G at nine US
//! locations only; some locations have no 1G or no 100G) (DX-CAP-1, reference 4.4, DX-LOCS
//! 2026-02-17).
use super::prelude::*;
use crate::offers::dx::DEDICATED_MBPS;

pub static RULE: Rule = Rule {
    code: "DX003",
    name: "port-speed-not-offered-at-location",
    default_severity: Severity::Error,
    summary: "A dedicated connection's port speed is not offered at its Direct Connect location.",
    hint: "Pick a speed the location offers, or another location in the metro.",
    reference: "DX-CAP-1; DX-LOCS 2026-02-17 (reference 4.4)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        let Some(loc) = v.location else { continue };
        if c.connection_type == DxConnectionType::Dedicated
            && DEDICATED_MBPS.contains(&c.capacity_mbps)
            && !loc.port_speeds_mbps.contains(&c.capacity_mbps)
        {
            let offered: Vec<String> = loc.port_speeds_mbps.iter().map(|&s| mbps(s)).collect();
            out.flag(
                vec![v.link.id.to_string(), v.facility_node.id.to_string()],
                format!(
                    "{} ports are not offered at {} ({}); it offers {}",
                    mbps(c.capacity_mbps),
                    loc.code,
                    loc.short_name,
                    offered.join(", ")
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
                fac_mut(d, "fac-ch1").dx_location = Some("CSCH1".into());
                dx_mut(d, "dx-2").capacity_mbps = 1_000;
            },
            &["dx-2", "fac-ch1"],
            |d| fac_mut(d, "fac-ch1").dx_location = Some("CSCH1".into()),
        );
    }
}

//! DX005: MACsec only on dedicated connections of 10, 100 or 400 Gbps at locations capable of
//! it at that speed; not on 1G ports, not on hosted connections (DX-MAC-1, DX-UG MACsec,
//! DX-LOCS 2026-02-17).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX005",
    name: "macsec-not-supported",
    default_severity: Severity::Error,
    summary: "MACsec is enabled where AWS does not support it: hosted connections, 1 Gbps ports, or a location without MACsec at that speed.",
    hint: "Use a dedicated 10/100/400 Gbps port at a MACsec-capable location, or turn MACsec off.",
    reference: "DX-MAC-1 (DX-UG; DX-LOCS 2026-02-17)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if !c.macsec {
            continue;
        }
        let why = if c.connection_type == DxConnectionType::Hosted {
            Some("hosted connections do not support MACsec".to_string())
        } else if c.capacity_mbps < 10_000 {
            Some(format!(
                "{} ports do not support MACsec",
                mbps(c.capacity_mbps)
            ))
        } else {
            v.location
                .filter(|l| !l.macsec_speeds_mbps.contains(&c.capacity_mbps))
                .map(|loc| {
                    format!(
                        "{} ({}) offers no MACsec at {}",
                        loc.code,
                        loc.short_name,
                        mbps(c.capacity_mbps)
                    )
                })
        };
        if let Some(why) = why {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "MACsec on connection {}: {why}",
                    cx.name_of(v.link.id.as_str())
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
                c.macsec = true;
                c.capacity_mbps = 1_000;
            },
            &["dx-1"],
            |d| dx_mut(d, "dx-1").macsec = true,
        );
    }
}

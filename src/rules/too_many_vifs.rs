//! DX009: a dedicated connection or LAG takes at most 50 private + public VIFs (cannot be
//! raised) and 4 transit VIFs (DX-VIF-1, DX-VIF-2, DX-VIF-4; DX-UG limits).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX009",
    name: "too-many-vifs",
    default_severity: Severity::Error,
    summary: "A dedicated connection or LAG has more than 50 private and public VIFs, or more than 4 transit VIFs.",
    hint: "Spread VIFs over more connections, or consolidate VPCs behind a Transit Gateway.",
    reference: "DX-VIF-1, DX-VIF-2, DX-VIF-4 (DX-UG limits)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if c.connection_type != DxConnectionType::Dedicated {
            continue;
        }
        let transit = c
            .vifs
            .iter()
            .filter(|x| x.vif_type == VifType::Transit)
            .count();
        let others = c.vifs.len() - transit;
        if others > 50 {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "connection {} has {others} private/public VIFs; the limit is 50",
                    cx.name_of(v.link.id.as_str())
                ),
            );
        }
        if transit > 4 {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "connection {} has {transit} transit VIFs; the limit is 4",
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
            |d| dx_mut(d, "dx-1").vifs = vifs(5, VifType::Transit, 8500),
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs = vifs(4, VifType::Transit, 8500),
        );
    }
}

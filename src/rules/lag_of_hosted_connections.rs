//! DX006: LAG members must be dedicated connections (DX-LAG-1, DX-UG lags).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX006",
    name: "lag-of-hosted-connections",
    default_severity: Severity::Error,
    summary: "A LAG is made of hosted connections; only dedicated connections can form a LAG.",
    hint: "Use dedicated connections for the LAG, or separate hosted connections.",
    reference: "DX-LAG-1 (DX-UG lags)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        let c = v.connection;
        if c.connection_type == DxConnectionType::Hosted && c.lag_members > 1 {
            out.flag(
                vec![v.link.id.to_string()],
                format!("connection {} is a LAG of {} hosted connections; LAGs take dedicated connections only", cx.name_of(v.link.id.as_str()), c.lag_members),
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
                c.lag_members = 2;
            },
            &["dx-1"],
            |d| dx_mut(d, "dx-1").lag_members = 2,
        );
    }
}

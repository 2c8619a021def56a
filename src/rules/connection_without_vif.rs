//! DX023: a connection without a virtual interface carries no traffic but is billed port-hours
//! (P1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX023",
    name: "connection-without-vif",
    default_severity: Severity::Warning,
    summary: "A Direct Connect connection has no virtual interface, so it carries no traffic while port-hours are billed.",
    hint: "Add a private, transit or public VIF.",
    reference: "P1 (DX-UG Welcome)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        if v.connection.vifs.is_empty() {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "connection {} has no virtual interface",
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
            |d| dx_mut(d, "dx-1").vifs.clear(),
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs = vifs(1, VifType::Transit, 1500),
        );
    }
}

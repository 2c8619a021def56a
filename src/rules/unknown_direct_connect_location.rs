//! GEN003: a facility names a Direct Connect location code the catalog does not know
//! (reference 4.4, DX-LOCS 2026-02-17).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN003",
    name: "unknown-direct-connect-location",
    default_severity: Severity::Error,
    summary: "A colocation facility names a Direct Connect location code that is not in the catalog, so port speeds and MACsec cannot be checked.",
    hint: "Use the AWS location code (e.g. \"EQDC2\", \"EQFA5\"), or add it in a user catalog file.",
    reference: "DX-LOCS 2026-02-17 (reference 4.4)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(code) = node.as_facility().and_then(|f| f.dx_location.as_deref()) else {
            continue;
        };
        if cx.catalog.dx_location(code).is_none() {
            out.flag(
                vec![node.id.to_string()],
                format!("facility {} names Direct Connect location \"{code}\", which is not in the catalog", cx.name_of(node.id.as_str())),
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
            |d| fac_mut(d, "fac-dc2").dx_location = Some("EQDC9".into()),
            &["fac-dc2"],
            |d| fac_mut(d, "fac-dc2").dx_location = Some("eqdc2".into()),
        );
    }
}

//! NET002: a prefix written with host bits set (10.1.2.3/16): usually a typo for the network
//! address; routers either reject it or silently mask it.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "NET002",
    name: "prefix-with-host-bits",
    default_severity: Severity::Warning,
    summary: "A prefix has bits set beyond its length (e.g. 10.1.2.3/16), which is usually a typo for the network address.",
    hint: "Write the network address (e.g. 10.1.0.0/16).",
    reference: "routing",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let list = node.address_space();
        for c in list.iter().filter(|c| c.has_host_bits()) {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "prefix {c} of {} has host bits set",
                    cx.name_of(node.id.as_str())
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
            |d| site_mut(d, "site").prefixes = cidrs(&["10.0.0.1/16"]),
            &["site"],
            |d| site_mut(d, "site").prefixes = cidrs(&["10.0.0.1/32"]),
        );
    }
}

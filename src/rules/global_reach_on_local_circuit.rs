//! ER010: Global Reach is not available on Local circuits (ER-GR-3, AZ-FAQ 2026-03-31).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER010",
    name: "global-reach-on-local-circuit",
    default_severity: Severity::Error,
    summary: "A Local ExpressRoute circuit takes part in Global Reach, which Local does not support.",
    hint: "Use Standard or Premium for circuits joined by Global Reach.",
    reference: "ER-GR-3 (AZ-FAQ 2026-03-31)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for (a, b) in cx.global_reach_pairs() {
        for v in [a, b] {
            if v.circuit.sku_tier == ErSkuTier::Local {
                out.flag(
                    vec![
                        v.link.id.to_string(),
                        if v.link.id == a.link.id { b } else { a }
                            .link
                            .id
                            .to_string(),
                    ],
                    format!(
                        "Local circuit {} cannot use Global Reach",
                        cx.name_of(v.link.id.as_str())
                    ),
                );
            }
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
                global_reach(d);
                er_mut(d, "er-1").sku_tier = ErSkuTier::Local;
            },
            &["er-1", "er-2"],
            global_reach,
        );
    }
}

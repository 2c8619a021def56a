//! ER003: ExpressRoute Local starts at 1 Gbps (ER-BW-3). Source confidence: [3P] (DE-CIX and
//! third-party guides); Microsoft's own statement was not found (open question Q4).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER003",
    name: "local-circuit-below-1-gbps",
    default_severity: Severity::Error,
    summary: "An ExpressRoute Local circuit is smaller than 1 Gbps; Local is offered at 1, 2, 5 and 10 Gbps (and on Direct).",
    hint: "Use 1 Gbps or more, or a Standard circuit for smaller bandwidths.",
    reference: "ER-BW-3 [3P, DE-CIX]; Q4",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.er_circuits {
        if v.circuit.sku_tier == ErSkuTier::Local
            && v.circuit.bandwidth_mbps < crate::offers::er::LOCAL_MIN_MBPS
        {
            out.flag(
                vec![v.link.id.to_string()],
                format!(
                    "ExpressRoute Local circuit {} has {}; Local starts at 1 Gbps",
                    cx.name_of(v.link.id.as_str()),
                    mbps(v.circuit.bandwidth_mbps)
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
                let c = er_mut(d, "er-1");
                c.sku_tier = ErSkuTier::Local;
                c.bandwidth_mbps = 500;
            },
            &["er-1"],
            |d| er_mut(d, "er-1").sku_tier = ErSkuTier::Local,
        );
    }
}

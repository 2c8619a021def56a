//! GEN011: a link with zero bandwidth carries nothing.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN011",
    name: "zero-bandwidth-link",
    default_severity: Severity::Error,
    summary: "A link has a bandwidth of 0 and can carry no traffic.",
    hint: "Enter the link's bandwidth.",
    reference: "design model",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for link in &cx.design.links {
        let bandwidth = match &link.kind {
            LinkKind::AccessCircuit(c) => c.bandwidth_mbps,
            LinkKind::ExpressRouteCircuit(c) => c.bandwidth_mbps,
            LinkKind::DirectConnectConnection(c) => c.capacity_mbps,
            LinkKind::SiteToSiteVpn(c) => c.bandwidth_mbps,
            LinkKind::FabricConnection(c) => c.bandwidth_mbps,
        };
        if bandwidth == 0 {
            out.flag(
                vec![link.id.to_string()],
                format!(
                    "{} {} has a bandwidth of 0",
                    link.tag().label(),
                    cx.name_of(link.id.as_str())
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
            |d| er_mut(d, "er-1").bandwidth_mbps = 0,
            &["er-1"],
            |d| er_mut(d, "er-1").bandwidth_mbps = 50,
        );
    }
}

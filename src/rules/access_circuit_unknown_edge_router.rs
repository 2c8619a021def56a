//! GEN008: an access circuit lands on a customer edge router the site does not list, so
//! router diversity cannot be judged.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN008",
    name: "access-circuit-unknown-edge-router",
    default_severity: Severity::Error,
    summary: "An access circuit lands on a customer edge router that its site does not list.",
    hint: "Add the router to the site's edge routers, or pick one of the listed routers.",
    reference: "design model",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for (link, ends) in cx.design.links.iter().zip(cx.link_ends) {
        let Some(router) = link.as_access().and_then(|a| a.edge_router.as_deref()) else {
            continue;
        };
        let site = ends
            .iter()
            .flatten()
            .map(|&i| &cx.design.nodes[i])
            .find(|n| n.as_site().is_some());
        let Some(site_node) = site else { continue };
        let listed = site_node
            .as_site()
            .is_some_and(|s| s.edge_routers.iter().any(|r| r == router));
        if !listed {
            out.flag(
                vec![link.id.to_string(), site_node.id.to_string()],
                format!(
                    "access circuit {} lands on edge router \"{router}\", which site {} does not list",
                    cx.name_of(link.id.as_str()),
                    cx.name_of(site_node.id.as_str())
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
                if let LinkKind::AccessCircuit(a) = &mut link_mut(d, "acc-1").kind {
                    a.edge_router = Some("ce9".into());
                }
            },
            &["acc-1", "site"],
            |d| {
                if let LinkKind::AccessCircuit(a) = &mut link_mut(d, "acc-1").kind {
                    a.edge_router = None;
                }
            },
        );
    }
}

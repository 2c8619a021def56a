//! GEN010: a node with no links: usually an unfinished part of the drawing.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN010",
    name: "isolated-node",
    default_severity: Severity::Info,
    summary: "A node has no links; it takes no part in any path.",
    hint: "Connect it, or delete it if it is not part of the design.",
    reference: "design model",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        if cx.links_at(node.id.as_str()).is_empty() {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "{} {} has no links",
                    node.tag().label(),
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
            |d| d.nodes.push(node("lonely", 9.0, facility(None, None))),
            &["lonely"],
            |d| {
                d.nodes.push(node(
                    "lonely",
                    9.0,
                    NodeKind::FabricRouter(FabricRouter::default()),
                ));
                d.links.push(link(
                    "fab",
                    "lonely",
                    "fac-dc2",
                    LinkKind::FabricConnection(FabricConnection {
                        bandwidth_mbps: 1000,
                        ..Default::default()
                    }),
                ));
            },
        );
    }
}

//! GEN001: a link joins node kinds its kind cannot join (e.g. an ExpressRoute circuit from a
//! site straight to an Azure region). Files with this are refused at load and edits refuse to
//! create it; the rule guards designs built in code and reports it like any other problem.
//! Endpoint rules: ER-TOPO-1 (circuits land at a peering location), DX-UG (connections land at
//! a DX location).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN001",
    name: "link-endpoint-kinds-invalid",
    default_severity: Severity::Error,
    summary: "A link joins two kinds of node that this kind of link cannot join (e.g. an ExpressRoute circuit must run from a colocation facility to an Azure region).",
    hint: "Reconnect the link between valid endpoints, or choose the link kind that fits them.",
    reference: "ER-TOPO-1; DX-UG",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let nodes = &cx.design.nodes;
    for (link, ends) in cx.design.links.iter().zip(cx.link_ends) {
        let [Some(a), Some(b)] = ends.map(|e| e.map(|i| &nodes[i])) else {
            continue;
        };
        if !link.tag().joins(a.tag(), b.tag()) {
            out.flag(
                vec![link.id.to_string(), a.id.to_string(), b.id.to_string()],
                format!(
                    "{} {} joins a {} and a {}; it must join {}",
                    link.tag().label(),
                    cx.name_of(link.id.as_str()),
                    a.tag().label(),
                    b.tag().label(),
                    link.tag().endpoint_description()
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
            |d| link_mut(d, "er-1").b = "site".into(),
            &["er-1", "fac-dc2", "site"],
            |d| {
                let l = link_mut(d, "er-1");
                std::mem::swap(&mut l.a, &mut l.b);
            },
        );
    }
}

//! RES005: all circuits of a demand land in one metro: a metro-wide event (power, fibre cuts,
//! disaster) takes them all. Microsoft's Maximum resiliency puts circuits at two peering
//! locations, AWS's at two locations (ER-RES-1, DX-RES-1); partners advise distant metros.
use super::prelude::*;
use crate::resilience::domains::metro_of;

pub static RULE: Rule = Rule {
    code: "RES005",
    name: "circuits-share-one-metro",
    default_severity: Severity::Warning,
    summary: "All of a demand's redundant circuits land in facilities of one metro.",
    hint: "Move one circuit to a peering/DX location in another metro.",
    reference: "ER-RES-1; DX-RES-1",
    needs: Needs::FailureAnalysis,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let nodes = &cx.design.nodes;
    // Each facility's metro, looked up once (designs have few facilities, many demands).
    let metros: Vec<std::cell::OnceCell<Option<String>>> = vec![Default::default(); nodes.len()];
    let metro = |link: usize| -> Option<&str> {
        let node = cx.link_ends[link]
            .iter()
            .flatten()
            .copied()
            .find(|&n| nodes[n].as_facility().is_some() || nodes[n].as_fabric().is_some())?;
        metros[node]
            .get_or_init(|| metro_of(&nodes[node], cx.catalog).map(|m| m.to_lowercase()))
            .as_deref()
    };
    for (d, first, subjects) in cx.circuits_in_one_place(metro) {
        out.flag(
            subjects,
            format!(
                "all {} circuits of demand `{}` land in one metro ({first})",
                d.circuit_links.len(),
                d.demand
            ),
        );
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
            |d| move_ch1(d, "Washington DC2", "CSVA1"),
            &["d-aws", "d-az", "dx-1", "dx-2", "er-1", "er-2"],
            |d| move_ch1(d, "Chicago2", "CSCH1"),
        );
    }
}

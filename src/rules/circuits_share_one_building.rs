//! RES006: all circuits of a demand land in one building (one facility node, or facilities the
//! catalog or their names put in the same building): two circuits, one roof.
use super::prelude::*;
use crate::resilience::DomainKind;

pub static RULE: Rule = Rule {
    code: "RES006",
    name: "circuits-share-one-building",
    default_severity: Severity::Warning,
    summary: "All of a demand's redundant circuits land in one building.",
    hint: "Land one circuit in another building (another peering/DX location).",
    reference: "ER-RES-1; DX-RES-1, DX-RES-3",
    needs: Needs::FailureAnalysis,
    check,
};

/// Where a circuit lands: a building the analysis found, or a facility that is its own.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Building(usize),
    Facility(usize),
}

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    let nodes = &cx.design.nodes;
    let mut building_of: Vec<Option<usize>> = vec![None; nodes.len()];
    for (i, dm) in analysis.domains.iter().enumerate() {
        if dm.kind == DomainKind::Building {
            for &n in &dm.nodes {
                building_of[n] = Some(i);
            }
        }
    }
    let place = |link: usize| -> Option<Place> {
        // A Metro circuit spans two buildings by design.
        if cx.design.links[link]
            .as_er()
            .is_some_and(|c| c.metro_secondary_facility.is_some())
        {
            return None;
        }
        let facility = cx.link_ends[link]
            .iter()
            .flatten()
            .copied()
            .find(|&n| nodes[n].as_facility().is_some())?;
        Some(building_of[facility].map_or(Place::Facility(facility), Place::Building))
    };
    for (d, _, subjects) in cx.circuits_in_one_place(place) {
        out.flag(
            subjects,
            format!(
                "all {} circuits of demand `{}` land in one building",
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
            |d| move_ch1(d, "Washington DC", "EQDC2"),
            &["d-aws", "d-az", "dx-1", "dx-2", "er-1", "er-2"],
            |d| move_ch1(d, "Washington DC2", "CSVA1"),
        );
    }
}

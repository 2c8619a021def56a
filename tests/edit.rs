//! Edits and undo: every sequence of applied edits undoes back to the identical design and
//! redoes to the identical result; invalid edits leave the design untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::*;
use linkwright::edit::{Edit, EditError, History, apply};
use linkwright::model::*;

fn new_site(id: &str) -> Node {
    node(
        id,
        50.0,
        NodeKind::OnPremSite(OnPremSite {
            edge_routers: vec!["r1".into()],
            ..Default::default()
        }),
    )
}

fn edits() -> Vec<Edit> {
    let base = base();
    let mut renamed = base.nodes[1].clone();
    renamed.name = "Equinix DC2 (renamed)".into();
    let mut faster = base.links[2].clone();
    if let LinkKind::ExpressRouteCircuit(c) = &mut faster.kind {
        c.bandwidth_mbps = 10_000;
    }
    let mut demand = base.demands[0].clone();
    demand.required_mbps = 900;
    vec![
        Edit::InsertNode {
            index: None,
            node: new_site("site-2"),
        },
        Edit::MoveNode {
            id: "fac-dc2".into(),
            to: Point::new(123.0, -45.5),
        },
        Edit::ReplaceNode { node: renamed },
        Edit::ReplaceLink { link: faster },
        Edit::InsertLink {
            index: Some(0),
            link: link(
                "acc-9",
                "site-2",
                "fac-ch1",
                LinkKind::AccessCircuit(AccessCircuit {
                    bandwidth_mbps: 100,
                    ..Default::default()
                }),
            ),
        },
        Edit::ReplaceDemand { demand },
        Edit::RemoveNode {
            id: "fac-dc2".into(),
        },
        Edit::RemoveDemand { id: "d-aws".into() },
        Edit::SetInfo {
            info: linkwright::model::Info {
                name: "renamed".into(),
                author: "me".into(),
                organisation: "Contoso".into(),
                version: "1.2".into(),
                confidentiality: "Internal".into(),
                notes: "n".into(),
            },
        },
        Edit::SetSettings {
            settings: Settings {
                exclusions: vec![Exclusion {
                    code: "GEN010".into(),
                    subjects: vec!["x".into()],
                    comment: "ok".into(),
                }],
                ..Default::default()
            },
        },
        Edit::Batch(vec![
            Edit::RemoveLink { id: "dx-2".into() },
            Edit::MoveNode {
                id: "aws".into(),
                to: Point::new(1.0, 2.0),
            },
        ]),
    ]
}

#[test]
fn undo_all_returns_the_identical_design_and_redo_all_the_identical_result() {
    let original = base();
    let mut design = original.clone();
    let mut history = History::new();
    let mut states = vec![design.clone()];
    for e in edits() {
        history.apply(&mut design, e).unwrap();
        states.push(design.clone());
    }
    assert_eq!(history.revision(), states.len() as u64 - 1);
    for expected in states.iter().rev().skip(1) {
        assert!(history.undo(&mut design).unwrap());
        assert_eq!(&design, expected);
    }
    assert!(!history.undo(&mut design).unwrap(), "nothing left to undo");
    assert_eq!(design, original);
    for expected in states.iter().skip(1) {
        assert!(history.redo(&mut design).unwrap());
        assert_eq!(&design, expected);
    }
    assert!(!history.redo(&mut design).unwrap());
}

#[test]
fn removing_a_node_takes_its_links_and_demands_in_one_step() {
    let mut d = base();
    let mut h = History::new();
    h.apply(&mut d, Edit::RemoveNode { id: "az".into() })
        .unwrap();
    assert!(d.node(&"az".into()).is_none());
    assert!(
        d.links.iter().all(|l| !l.touches(&"az".into())),
        "links of a removed node go too"
    );
    assert!(d.demands.iter().all(|x| x.region.as_str() != "az"));
    h.undo(&mut d).unwrap();
    assert_eq!(
        d,
        base(),
        "one undo brings node, links and demands back in place"
    );
}

#[test]
fn removing_a_circuit_drops_global_reach_references() {
    let mut d = base();
    er_mut(&mut d, "er-1").global_reach = vec!["er-2".into()];
    let before = d.clone();
    let inverse = apply(&mut d, Edit::RemoveLink { id: "er-2".into() }).unwrap();
    assert!(er_mut(&mut d, "er-1").global_reach.is_empty());
    apply(&mut d, inverse).unwrap();
    assert_eq!(d, before);
}

#[test]
fn invalid_edits_are_refused_and_change_nothing() {
    let mut d = base();
    let before = d.clone();
    // Duplicate id.
    let e = apply(
        &mut d,
        Edit::InsertNode {
            index: None,
            node: new_site("fac-dc2"),
        },
    )
    .unwrap_err();
    assert!(matches!(e, EditError::Invalid(_)), "{e}");
    // Link between kinds it cannot join (ER circuit from a site).
    let bad = link(
        "er-x",
        "site",
        "az",
        LinkKind::ExpressRouteCircuit(er_circuit(1000, ErSkuTier::Standard)),
    );
    let e = apply(
        &mut d,
        Edit::InsertLink {
            index: None,
            link: bad,
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("cannot join"), "{e}");
    // Dangling endpoint.
    let bad = link(
        "acc-x",
        "site",
        "ghost",
        LinkKind::AccessCircuit(AccessCircuit::default()),
    );
    assert!(
        apply(
            &mut d,
            Edit::InsertLink {
                index: None,
                link: bad
            }
        )
        .is_err()
    );
    // Non-finite position.
    assert!(
        apply(
            &mut d,
            Edit::MoveNode {
                id: "site".into(),
                to: Point::new(f64::NAN, 0.0)
            }
        )
        .is_err()
    );
    // Unknown ids and bad indices.
    assert!(matches!(
        apply(&mut d, Edit::RemoveNode { id: "nope".into() }),
        Err(EditError::UnknownNode(_))
    ));
    assert!(matches!(
        apply(
            &mut d,
            Edit::InsertNode {
                index: Some(99),
                node: new_site("s9")
            }
        ),
        Err(EditError::BadIndex { .. })
    ));
    // A batch whose second step fails rolls back its first step.
    let batch = Edit::Batch(vec![
        Edit::MoveNode {
            id: "site".into(),
            to: Point::new(5.0, 5.0),
        },
        Edit::RemoveLink { id: "nope".into() },
    ]);
    assert!(apply(&mut d, batch).is_err());
    assert_eq!(d, before);
}

#[test]
fn a_new_edit_clears_redo() {
    let mut d = base();
    let mut h = History::new();
    h.apply(
        &mut d,
        Edit::MoveNode {
            id: "site".into(),
            to: Point::new(1.0, 1.0),
        },
    )
    .unwrap();
    h.undo(&mut d).unwrap();
    assert!(h.can_redo());
    h.apply(
        &mut d,
        Edit::MoveNode {
            id: "site".into(),
            to: Point::new(2.0, 2.0),
        },
    )
    .unwrap();
    assert!(!h.can_redo());
}

/// A long pseudo-random sequence of edits on a generated design: undoing everything returns
/// the identical design, redoing everything the identical result.
#[test]
fn random_edit_sequences_undo_and_redo_exactly() {
    let original = linkwright::generate::generate(60, 5, catalog());
    let mut design = original.clone();
    let mut history = History::new();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut applied = 0;
    for step in 0..300 {
        let edit = match next(6) {
            0 if !design.nodes.is_empty() => {
                let n = &design.nodes[next(design.nodes.len())];
                Edit::MoveNode {
                    id: n.id.clone(),
                    to: Point::new(step as f64, -(step as f64)),
                }
            }
            1 if !design.nodes.is_empty() => Edit::RemoveNode {
                id: design.nodes[next(design.nodes.len())].id.clone(),
            },
            2 if !design.links.is_empty() => Edit::RemoveLink {
                id: design.links[next(design.links.len())].id.clone(),
            },
            3 if !design.demands.is_empty() => Edit::RemoveDemand {
                id: design.demands[next(design.demands.len())].id.clone(),
            },
            4 => Edit::InsertNode {
                index: Some(next(design.nodes.len() + 1)),
                node: new_site(&format!("new-{step}")),
            },
            _ if !design.links.is_empty() => {
                let mut l = design.links[next(design.links.len())].clone();
                l.name = format!("renamed {step}");
                Edit::ReplaceLink { link: l }
            }
            _ => continue,
        };
        history.apply(&mut design, edit).unwrap();
        applied += 1;
    }
    let edited = design.clone();
    for _ in 0..applied {
        assert!(history.undo(&mut design).unwrap());
    }
    assert_eq!(design, original);
    for _ in 0..applied {
        assert!(history.redo(&mut design).unwrap());
    }
    assert_eq!(design, edited);
}

/// An Arrange is one batch of a move per node: with thousands of nodes it finds them through
/// an index. The batch must do exactly what the moves one by one do, around other edits in the
/// same batch, and refuse as a whole when one move names no node.
#[test]
fn a_large_batch_of_moves_moves_every_node_and_undoes_in_one_step() {
    let mut design = base();
    for i in 0..60 {
        let mut site = new_site(&format!("site-x{i}"));
        site.position = Point::new(i as f64, 0.0);
        apply(
            &mut design,
            Edit::InsertNode {
                index: None,
                node: site,
            },
        )
        .unwrap();
    }
    let before = design.clone();
    let moved = |i: usize| Point::new(1000.0 + i as f64, 7.0 * i as f64);
    let mut moves: Vec<Edit> = design
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| Edit::MoveNode {
            id: n.id.clone(),
            to: moved(i),
        })
        .collect();
    // Another kind of edit in the middle of the moves, and moves of the node it adds after it.
    moves.insert(
        30,
        Edit::InsertNode {
            index: Some(0),
            node: new_site("site-new"),
        },
    );
    moves.push(Edit::MoveNode {
        id: "site-new".into(),
        to: Point::new(-5.0, -5.0),
    });
    let mut history = History::new();
    history
        .apply(&mut design, Edit::Batch(moves.clone()))
        .unwrap();
    for (i, n) in before.nodes.iter().enumerate() {
        let now = design.node(&n.id).unwrap();
        assert_eq!(now.position, moved(i), "{}", n.id);
    }
    assert_eq!(
        design.node(&"site-new".into()).unwrap().position,
        Point::new(-5.0, -5.0)
    );
    history.undo(&mut design).unwrap();
    assert_eq!(design, before, "one undo restores every position");

    // A move of a node that does not exist refuses the whole batch.
    moves.push(Edit::MoveNode {
        id: "no-such-node".into(),
        to: Point::new(0.0, 0.0),
    });
    let err = apply(&mut design, Edit::Batch(moves)).unwrap_err();
    assert!(matches!(err, EditError::UnknownNode(_)), "{err}");
    assert_eq!(design, before, "nothing of a refused batch stays");
}

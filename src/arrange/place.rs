//! Where new nodes land: in free space, never on another node's footprint
//! ([`super::footprint`]). A node added without a place (a click in the palette or the catalog
//! search) goes beside the selected nodes, to their right, or else in the middle of the visible
//! area; a node dropped at a place goes there, or to the nearest free place from it; pasted
//! nodes keep their arrangement and move together to the nearest free place. Places are on
//! the designer's snap grid.

use super::footprint::{Bounds, Footprint, Taken};
use crate::model::{Design, Node, Point};

/// The lattice free places are looked for on (the designer's snap grid).
pub const STEP: f64 = 20.0;
/// How far out the search looks, in lattice steps, before it settles below everything.
const RINGS: i64 = 150;
/// Space between the selection's footprints and a new node's.
const GAP: f64 = 40.0;

fn snap(v: f64) -> f64 {
    (v / STEP).round() * STEP
}

/// The free place nearest `want` (snapped to the grid) for a node named `name`.
pub fn free_place(design: &Design, want: Point, name: &str) -> Point {
    let want = Point::new(snap(want.x), snap(want.y));
    Taken::of_nodes(&design.nodes).nearest_free(want, Footprint::of_name(name), STEP, RINGS)
}

/// Where a new node named `name` goes when the user gave no place: beside the selected nodes
/// (right of them, level with their middle), else the middle of `visible` (canvas units), else
/// the origin; the nearest free place from there.
pub fn beside(design: &Design, selection: &[String], visible: Option<Bounds>, name: &str) -> Point {
    let f = Footprint::of_name(name);
    let selected = design
        .nodes
        .iter()
        .filter(|n| selection.iter().any(|s| s == n.id.as_str()))
        .map(|n| Footprint::of(n).at(n.position))
        .reduce(|a, b| a.union(&b));
    let want = match (selected, visible) {
        (Some(b), _) => Point::new(
            b.max.x + GAP + f.half_width,
            (b.min.y + b.max.y) / 2.0 - (super::footprint::BELOW - super::footprint::ABOVE) / 2.0,
        ),
        (None, Some(v)) => Point::new((v.min.x + v.max.x) / 2.0, (v.min.y + v.max.y) / 2.0),
        (None, None) => Point::default(),
    };
    free_place(design, want, name)
}

/// The shift (on the grid) that puts `nodes`, new ones at their positions, where none of them
/// overlaps a node of `design`: none when they are free where they are.
pub fn free_shift(design: &Design, nodes: &[Node]) -> (f64, f64) {
    let group: Vec<Bounds> = nodes
        .iter()
        .map(|n| Footprint::of(n).at(n.position))
        .collect();
    Taken::of_nodes(&design.nodes).nearest_free_shift(&group, STEP, RINGS)
}

#[cfg(test)]
mod tests {
    use super::super::footprint::{self, Footprint};
    use super::super::tests::sample;
    use super::*;
    use crate::model::NodeKindTag;

    fn add(design: &mut Design, at: Point) {
        let (_, name, kind) = crate::offers::defaults::new_node(NodeKindTag::OnPremSite);
        let n = design.nodes.len();
        design.nodes.push(Node {
            id: format!("new-{n}").into(),
            name: name.into(),
            position: at,
            notes: String::new(),
            kind,
        });
    }

    /// Six nodes added one after another beside the last: six places, no overlaps, each
    /// right of the one before.
    #[test]
    fn nodes_added_beside_the_selection_never_overlap() {
        let mut design = sample("dual-cloud-ashburn-chicago.json");
        let mut selection = vec!["fac-dc2".to_string()];
        let mut xs = Vec::new();
        for _ in 0..6 {
            let at = beside(&design, &selection, None, "On-prem site");
            add(&mut design, at);
            selection = vec![design.nodes.last().unwrap().id.to_string()];
            xs.push(at.x);
        }
        assert_eq!(footprint::overlapping(&design.nodes), vec![]);
        assert!(xs.windows(2).all(|w| w[1] > w[0]), "{xs:?}");
    }

    #[test]
    fn a_place_on_a_node_moves_to_the_nearest_free_one() {
        let design = sample("dual-cloud-ashburn-chicago.json");
        let on = design.nodes[0].position;
        let at = free_place(&design, on, "On-prem site");
        assert_ne!(at, on);
        let f = Footprint::of_name("On-prem site");
        assert!(Taken::of_nodes(&design.nodes).is_free(&f.at(at)));
        assert!(
            (at.x - on.x).abs() + (at.y - on.y).abs() < 200.0,
            "{at:?} near {on:?}"
        );
        // In the middle of the visible area when nothing is selected.
        let view = Bounds {
            min: Point::new(2000.0, 2000.0),
            max: Point::new(2400.0, 2200.0),
        };
        assert_eq!(
            beside(&design, &[], Some(view), "x"),
            Point::new(2200.0, 2100.0)
        );
    }

    #[test]
    fn a_pasted_group_moves_together_off_the_originals() {
        let design = sample("dual-cloud-ashburn-chicago.json");
        let copies: Vec<Node> = design.nodes[..2].to_vec();
        let (dx, dy) = free_shift(&design, &copies);
        assert!((dx, dy) != (0.0, 0.0));
        let mut after = design.clone();
        for (i, mut n) in copies.into_iter().enumerate() {
            n.id = format!("copy-{i}").into();
            n.position = Point::new(n.position.x + dx, n.position.y + dy);
            after.nodes.push(n);
        }
        assert_eq!(footprint::overlapping(&after.nodes), vec![]);
    }
}

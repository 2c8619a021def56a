//! Align and distribute selected nodes, each as one undo step. Nodes are aligned by their
//! centres (every node's shape is about as wide as any other's; the name below it varies):
//! Align left moves every node to the x of the leftmost, Centre to the middle of the
//! selection, and so on. Distribute keeps the two outermost nodes and spaces the others
//! evenly between them, in their current order.

use crate::edit::Edit;
use crate::model::{Design, NodeId, Point};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distribute {
    Horizontally,
    Vertically,
}

/// Nodes needed: to align, 2; to distribute, 3.
pub const TO_ALIGN: usize = 2;
pub const TO_DISTRIBUTE: usize = 3;

/// The selected nodes (ids that name a node, each once, in design order) and their positions.
fn selected(design: &Design, ids: &[String]) -> Vec<(NodeId, Point)> {
    design
        .nodes
        .iter()
        .filter(|n| ids.iter().any(|s| s == n.id.as_str()))
        .map(|n| (n.id.clone(), n.position))
        .collect()
}

/// How many of `ids` name nodes (links and demands do not move).
pub fn node_count(design: &Design, ids: &[String]) -> usize {
    selected(design, ids).len()
}

fn moves(nodes: Vec<(NodeId, Point)>, to: impl Fn(usize, Point) -> Point) -> Option<Edit> {
    let steps: Vec<Edit> = nodes
        .into_iter()
        .enumerate()
        .filter_map(|(i, (id, p))| {
            let to = to(i, p);
            (to != p).then_some(Edit::MoveNode { id, to })
        })
        .collect();
    (!steps.is_empty()).then_some(Edit::Batch(steps))
}

/// Align the selected nodes; `None` when fewer than two are selected or none moves.
pub fn align(design: &Design, ids: &[String], how: Align) -> Option<Edit> {
    let nodes = selected(design, ids);
    if nodes.len() < TO_ALIGN {
        return None;
    }
    let xs = nodes.iter().map(|(_, p)| p.x);
    let ys = nodes.iter().map(|(_, p)| p.y);
    let (min_x, max_x) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    let (min_y, max_y) = (
        ys.clone().fold(f64::MAX, f64::min),
        ys.fold(f64::MIN, f64::max),
    );
    let to = |_, p: Point| match how {
        Align::Left => Point::new(min_x, p.y),
        Align::Centre => Point::new((min_x + max_x) / 2.0, p.y),
        Align::Right => Point::new(max_x, p.y),
        Align::Top => Point::new(p.x, min_y),
        Align::Middle => Point::new(p.x, (min_y + max_y) / 2.0),
        Align::Bottom => Point::new(p.x, max_y),
    };
    moves(nodes, to)
}

/// Space the selected nodes evenly between the outermost two; `None` when fewer than three
/// are selected or none moves.
pub fn distribute(design: &Design, ids: &[String], how: Distribute) -> Option<Edit> {
    let mut nodes = selected(design, ids);
    if nodes.len() < TO_DISTRIBUTE {
        return None;
    }
    let along = |p: &Point| match how {
        Distribute::Horizontally => p.x,
        Distribute::Vertically => p.y,
    };
    // By place, ties by design order (the sort is stable).
    nodes.sort_by(|a, b| along(&a.1).total_cmp(&along(&b.1)));
    let first = along(&nodes[0].1);
    let last = along(&nodes[nodes.len() - 1].1);
    let step = (last - first) / (nodes.len() - 1) as f64;
    moves(nodes, |i, p| {
        let at = first + step * i as f64;
        match how {
            Distribute::Horizontally => Point::new(at, p.y),
            Distribute::Vertically => Point::new(p.x, at),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn at(design: &Design, id: &str) -> Point {
        design.node(&id.into()).unwrap().position
    }

    #[test]
    fn align_left_and_bottom_move_only_the_selected_nodes() {
        let mut design = sample("flawed-design.json");
        let before = design.clone();
        let picked = ids(&["site-par", "fac-sp2", "az-eus", "no-such-node"]);
        let edit = align(&design, &picked, Align::Left).unwrap();
        crate::edit::apply(&mut design, edit).unwrap();
        for id in ["site-par", "fac-sp2", "az-eus"] {
            assert_eq!(at(&design, id).x, 0.0, "{id}");
            assert_eq!(at(&design, id).y, at(&before, id).y, "{id}");
        }
        assert_eq!(at(&design, "fac-pa4"), at(&before, "fac-pa4"));
        let edit = align(&design, &picked, Align::Bottom).unwrap();
        crate::edit::apply(&mut design, edit).unwrap();
        assert!(picked[..3].iter().all(|id| at(&design, id).y == 500.0));
    }

    #[test]
    fn distribute_spaces_evenly_between_the_outermost() {
        let mut design = sample("flawed-design.json");
        // Sites at y 0, 500, 900: the middle one moves to 450.
        let picked = ids(&["site-par", "site-sp", "site-orphan"]);
        let edit = distribute(&design, &picked, Distribute::Vertically).unwrap();
        crate::edit::apply(&mut design, edit).unwrap();
        assert_eq!(at(&design, "site-sp").y, 450.0);
        assert_eq!(at(&design, "site-par").y, 0.0);
        assert_eq!(at(&design, "site-orphan").y, 900.0);
        // Already even: nothing to do.
        assert_eq!(distribute(&design, &picked, Distribute::Vertically), None);
    }

    #[test]
    fn too_few_nodes_is_nothing_to_do() {
        let design = sample("flawed-design.json");
        assert_eq!(align(&design, &ids(&["site-par"]), Align::Left), None);
        assert_eq!(
            distribute(
                &design,
                &ids(&["site-par", "fac-pa4"]),
                Distribute::Horizontally
            ),
            None
        );
    }
}

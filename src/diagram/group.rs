//! Groups, derived from the design (nothing is stored): the facilities and fabric routers of one
//! metro in a box titled with the metro, Azure regions in an Azure band, AWS regions in an AWS
//! band, on-prem sites together. A box is the members' boxes plus padding, drawn behind them.
//!
//! Members far apart, or with another group's node between them, get separate boxes (each
//! titled): one box around Paris facilities at both ends of the drawing would claim the São
//! Paulo facility between them.

use super::geom::{Rect, V2};
use crate::model::NodeKind;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// What a group gathers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// On-prem sites.
    OnPrem,
    /// Colocation facilities and fabric routers of one metro (as the design spells it).
    Metro(String),
    Azure,
    Aws,
}

impl GroupKind {
    /// The group of a node of this kind: none for a facility or router without a metro.
    pub fn of(kind: &NodeKind) -> Option<GroupKind> {
        let metro = |m: &str| {
            let m = m.trim();
            (!m.is_empty()).then(|| GroupKind::Metro(m.to_string()))
        };
        match kind {
            NodeKind::OnPremSite(_) => Some(GroupKind::OnPrem),
            NodeKind::ColocationFacility(f) => metro(&f.metro),
            NodeKind::FabricRouter(f) => metro(&f.metro),
            NodeKind::AzureRegion(_) => Some(GroupKind::Azure),
            NodeKind::AwsRegion(_) => Some(GroupKind::Aws),
        }
    }

    /// The box's title.
    pub fn title(&self) -> &str {
        match self {
            GroupKind::OnPrem => "On-premises",
            GroupKind::Metro(m) => m,
            GroupKind::Azure => "Azure",
            GroupKind::Aws => "AWS",
        }
    }
}

/// One group box.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupBox {
    pub kind: GroupKind,
    /// The box, padding and title strip included.
    pub rect: Rect,
    /// Indexes of the member nodes (into the caller's list).
    pub members: Vec<usize>,
}

/// A node as grouping sees it.
pub struct Member<'k> {
    pub group: Option<&'k GroupKind>,
    pub centre: V2,
    /// What the box must hold of it (its glyph and the room for its name).
    pub bounds: Rect,
}

/// The group boxes of `nodes`: members of one kind join a box when they lie within
/// `merge_gap` of it and the grown box would hold no node of another group; `pad` around the
/// members, `title_h` more at the top for the title. Boxes are in a stable order (by kind,
/// then first member).
pub fn groups(nodes: &[Member<'_>], merge_gap: f32, pad: f32, title_h: f32) -> Vec<GroupBox> {
    let cell = merge_gap.max(1.0);
    let key = |p: V2| ((p.x / cell).floor() as i32, (p.y / cell).floor() as i32);
    let mut grid: FxHashMap<(i32, i32), Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        grid.entry(key(n.centre)).or_default().push(i);
    }
    // Whether a node of another group (or of none) lies inside `r`.
    let foreign_inside = |r: &Rect, kind: &GroupKind| -> bool {
        let (a, b) = (key(r.min), key(r.max));
        if i64::from(b.0 - a.0 + 1) * i64::from(b.1 - a.1 + 1) > 4096 {
            return true; // too wide to check cheaply: keep the boxes apart
        }
        (a.0..=b.0)
            .flat_map(|x| (a.1..=b.1).map(move |y| (x, y)))
            .any(|c| {
                grid.get(&c).is_some_and(|ids| {
                    ids.iter()
                        .any(|&i| nodes[i].group != Some(kind) && r.contains(nodes[i].centre))
                })
            })
    };
    let mut by_kind: BTreeMap<&GroupKind, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(k) = n.group {
            by_kind.entry(k).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (kind, members) in by_kind {
        let mut clusters: Vec<(Rect, Vec<usize>)> = Vec::new();
        for i in members {
            let b = nodes[i].bounds;
            let joined = clusters.iter_mut().find(|(r, _)| {
                r.expand(merge_gap).overlaps(&b) && !foreign_inside(&r.union(&b), kind)
            });
            match joined {
                Some((r, m)) => {
                    *r = r.union(&b);
                    m.push(i);
                }
                None => clusters.push((b, vec![i])),
            }
        }
        for (r, members) in clusters {
            let mut rect = r.expand(pad);
            rect.min.y -= title_h;
            out.push(GroupBox {
                kind: kind.clone(),
                rect,
                members,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(group: &GroupKind, x: f32, y: f32) -> Member<'_> {
        let centre = V2::new(x, y);
        Member {
            group: Some(group),
            centre,
            bounds: Rect::from_centre(centre, 28.0, 28.0),
        }
    }

    #[test]
    fn every_member_is_inside_its_group_box() {
        let (paris, azure, sites) = (
            GroupKind::Metro("Paris".into()),
            GroupKind::Azure,
            GroupKind::OnPrem,
        );
        let nodes = vec![
            member(&sites, 0.0, 0.0),
            member(&sites, 0.0, 300.0),
            member(&paris, 400.0, 0.0),
            member(&paris, 400.0, 200.0),
            member(&azure, 800.0, 0.0),
            member(&azure, 800.0, 300.0),
        ];
        let boxes = groups(&nodes, 400.0, 10.0, 16.0);
        assert_eq!(boxes.len(), 3, "{boxes:?}");
        for g in &boxes {
            for &m in &g.members {
                assert!(g.rect.contains_rect(&nodes[m].bounds), "{g:?}");
                assert_eq!(nodes[m].group, Some(&g.kind));
            }
            for (i, n) in nodes.iter().enumerate() {
                if !g.members.contains(&i) {
                    assert!(!g.rect.contains(n.centre), "{:?} holds {i}", g.kind);
                }
            }
        }
        assert_eq!(boxes.iter().map(|g| g.members.len()).sum::<usize>(), 6);
    }

    #[test]
    fn a_metro_split_by_another_metro_gets_two_boxes() {
        let (paris, sao_paulo) = (
            GroupKind::Metro("Paris".into()),
            GroupKind::Metro("São Paulo".into()),
        );
        let nodes = vec![
            member(&paris, 400.0, 0.0),
            member(&sao_paulo, 400.0, 250.0),
            member(&paris, 400.0, 500.0),
        ];
        let boxes = groups(&nodes, 600.0, 10.0, 16.0);
        let paris_boxes = boxes.iter().filter(|g| g.kind == paris).count();
        assert_eq!(paris_boxes, 2, "{boxes:?}");
        assert!(
            boxes
                .iter()
                .all(|g| !g.rect.contains(V2::new(400.0, 250.0)) || g.kind == sao_paulo)
        );
    }

    #[test]
    fn groups_come_from_the_node_kinds() {
        use crate::model::{ColocationFacility, FabricRouter};
        let colo = NodeKind::ColocationFacility(ColocationFacility {
            metro: " Ashburn ".into(),
            ..Default::default()
        });
        assert_eq!(
            GroupKind::of(&colo),
            Some(GroupKind::Metro("Ashburn".into()))
        );
        let no_metro = NodeKind::ColocationFacility(ColocationFacility::default());
        assert_eq!(GroupKind::of(&no_metro), None);
        let router = NodeKind::FabricRouter(FabricRouter {
            metro: "Ashburn".into(),
            ..Default::default()
        });
        assert_eq!(
            GroupKind::of(&router),
            GroupKind::of(&colo),
            "one metro, one box"
        );
    }
}

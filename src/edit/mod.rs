//! Every change to a design is an [`Edit`] applied by [`apply`], which returns the edit that
//! undoes it. [`History`] keeps undo/redo stacks on top of that. The GUI, the CLI and rule
//! quick-fixes all change designs through here, so every change is undoable and validated.

use crate::design_file::{StructureError, check_structure};
use crate::model::count as counted;
use crate::model::{
    Demand, DemandId, Design, Link, LinkId, Node, NodeId, Point, RiskGroup, Settings,
};

/// One change to a design.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Insert a node at `index` (at the end when `None`).
    InsertNode {
        index: Option<usize>,
        node: Node,
    },
    /// Remove a node together with its links and the demands that name it.
    RemoveNode {
        id: NodeId,
    },
    /// Replace the node with the same id (properties, name, kind).
    ReplaceNode {
        node: Node,
    },
    MoveNode {
        id: NodeId,
        to: Point,
    },
    InsertLink {
        index: Option<usize>,
        link: Link,
    },
    /// Remove a link; Global Reach references to it are removed from partner circuits.
    RemoveLink {
        id: LinkId,
    },
    ReplaceLink {
        link: Link,
    },
    InsertDemand {
        index: Option<usize>,
        demand: Demand,
    },
    RemoveDemand {
        id: DemandId,
    },
    ReplaceDemand {
        demand: Demand,
    },
    /// The design's properties (name, author, organisation, version, confidentiality, notes).
    SetInfo {
        info: crate::model::Info,
    },
    SetRiskGroups {
        groups: Vec<RiskGroup>,
    },
    SetSettings {
        settings: Settings,
    },
    /// Several edits as one undo step, applied in order.
    Batch(Vec<Edit>),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no node `{0}` in the design")]
    UnknownNode(NodeId),
    #[error("no link `{0}` in the design")]
    UnknownLink(LinkId),
    #[error("no demand `{0}` in the design")]
    UnknownDemand(DemandId),
    #[error("index {index} is past the end of the list ({len} items)")]
    BadIndex { index: usize, len: usize },
    #[error("the edit would make the design invalid: {0}")]
    Invalid(#[from] StructureError),
}

/// Apply `edit` to `design`. On success returns the edit that undoes it; on error the design
/// is unchanged.
pub fn apply(design: &mut Design, edit: Edit) -> Result<Edit, EditError> {
    let inverse = apply_unchecked(design, edit)?;
    if let Err(err) = check_structure(design) {
        // Roll back: the inverse of a successful primitive edit always applies.
        let _ = apply_unchecked(design, inverse);
        return Err(err.into());
    }
    Ok(inverse)
}

/// From how many edits a batch indexes the nodes it moves.
const INDEXED_BATCH: usize = 32;

fn position<T>(items: &[T], pred: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(pred)
}

fn insert_at<T>(items: &mut Vec<T>, index: Option<usize>, item: T) -> Result<usize, EditError> {
    let i = index.unwrap_or(items.len());
    if i > items.len() {
        return Err(EditError::BadIndex {
            index: i,
            len: items.len(),
        });
    }
    items.insert(i, item);
    Ok(i)
}

/// Refuse an insert whose id is taken, before inserting: the inverse of an insert removes by
/// id, so a duplicate must never get in, even for a moment.
fn ensure_free(design: &Design, id: &str) -> Result<(), EditError> {
    let taken = design.nodes.iter().any(|n| n.id.as_str() == id)
        || design.links.iter().any(|l| l.id.as_str() == id)
        || design.demands.iter().any(|d| d.id.as_str() == id)
        || design.risk_groups.iter().any(|g| g.id == id);
    if taken {
        return Err(StructureError::DuplicateId { id: id.to_owned() }.into());
    }
    Ok(())
}

fn apply_unchecked(design: &mut Design, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::InsertNode { index, node } => {
            ensure_free(design, node.id.as_str())?;
            let id = node.id.clone();
            insert_at(&mut design.nodes, index, node)?;
            Edit::RemoveNode { id }
        }
        Edit::RemoveNode { id } => {
            // Expand into primitive steps so the inverse restores every position exactly.
            let mut steps = Vec::new();
            for link in design.links.iter().filter(|l| l.touches(&id)) {
                steps.push(Edit::RemoveLink {
                    id: link.id.clone(),
                });
            }
            for demand in design
                .demands
                .iter()
                .filter(|d| d.site == id || d.region == id)
            {
                steps.push(Edit::RemoveDemand {
                    id: demand.id.clone(),
                });
            }
            let i = position(&design.nodes, |n| n.id == id).ok_or(EditError::UnknownNode(id))?;
            let mut inverses = apply_all(design, steps)?;
            let node = design.nodes.remove(i);
            inverses.push(Edit::InsertNode {
                index: Some(i),
                node,
            });
            inverses.reverse();
            Edit::Batch(inverses)
        }
        Edit::ReplaceNode { node } => {
            let i = position(&design.nodes, |n| n.id == node.id)
                .ok_or_else(|| EditError::UnknownNode(node.id.clone()))?;
            Edit::ReplaceNode {
                node: std::mem::replace(&mut design.nodes[i], node),
            }
        }
        Edit::MoveNode { id, to } => {
            let node = design.nodes.iter_mut().find(|n| n.id == id);
            let node = node.ok_or_else(|| EditError::UnknownNode(id.clone()))?;
            let from = std::mem::replace(&mut node.position, to);
            Edit::MoveNode { id, to: from }
        }
        Edit::InsertLink { index, link } => {
            ensure_free(design, link.id.as_str())?;
            let id = link.id.clone();
            insert_at(&mut design.links, index, link)?;
            Edit::RemoveLink { id }
        }
        Edit::RemoveLink { id } => {
            let i = position(&design.links, |l| l.id == id).ok_or(EditError::UnknownLink(id))?;
            let link = design.links.remove(i);
            let removed = link.id.clone();
            let mut inverses = vec![Edit::InsertLink {
                index: Some(i),
                link,
            }];
            for other in design.links.iter_mut() {
                let refers = other
                    .as_er()
                    .is_some_and(|er| er.global_reach.contains(&removed));
                if !refers {
                    continue;
                }
                let before = other.clone();
                if let crate::model::LinkKind::ExpressRouteCircuit(er) = &mut other.kind {
                    er.global_reach.retain(|p| p != &removed);
                }
                inverses.push(Edit::ReplaceLink { link: before });
            }
            inverses.reverse();
            Edit::Batch(inverses)
        }
        Edit::ReplaceLink { link } => {
            let i = position(&design.links, |l| l.id == link.id)
                .ok_or_else(|| EditError::UnknownLink(link.id.clone()))?;
            Edit::ReplaceLink {
                link: std::mem::replace(&mut design.links[i], link),
            }
        }
        Edit::InsertDemand { index, demand } => {
            ensure_free(design, demand.id.as_str())?;
            let id = demand.id.clone();
            insert_at(&mut design.demands, index, demand)?;
            Edit::RemoveDemand { id }
        }
        Edit::RemoveDemand { id } => {
            let i =
                position(&design.demands, |d| d.id == id).ok_or(EditError::UnknownDemand(id))?;
            Edit::InsertDemand {
                index: Some(i),
                demand: design.demands.remove(i),
            }
        }
        Edit::ReplaceDemand { demand } => {
            let i = position(&design.demands, |d| d.id == demand.id)
                .ok_or_else(|| EditError::UnknownDemand(demand.id.clone()))?;
            Edit::ReplaceDemand {
                demand: std::mem::replace(&mut design.demands[i], demand),
            }
        }
        Edit::SetInfo { info } => Edit::SetInfo {
            info: design.replace_info(info),
        },
        Edit::SetRiskGroups { groups } => Edit::SetRiskGroups {
            groups: std::mem::replace(&mut design.risk_groups, groups),
        },
        Edit::SetSettings { settings } => Edit::SetSettings {
            settings: std::mem::replace(&mut design.settings, settings),
        },
        Edit::Batch(edits) => {
            let mut inverses = apply_all(design, edits)?;
            inverses.reverse();
            Edit::Batch(inverses)
        }
    })
}

/// Apply edits in order; on failure undo the ones already applied and return the error.
fn apply_all(design: &mut Design, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    // A large batch of moves (an Arrange of thousands of nodes) finds its nodes through an
    // index made once, not by a scan per move: moves do not reorder the nodes, so the index
    // holds until an edit of another kind, which drops it.
    let index_moves = edits.len() >= INDEXED_BATCH;
    let mut index: Option<rustc_hash::FxHashMap<NodeId, usize>> = None;
    for edit in edits {
        let applied = match edit {
            Edit::MoveNode { id, to } if index_moves => {
                let index = index.get_or_insert_with(|| {
                    design
                        .nodes
                        .iter()
                        .enumerate()
                        .map(|(i, n)| (n.id.clone(), i))
                        .collect()
                });
                match index.get(&id) {
                    Some(&i) => {
                        let from = std::mem::replace(&mut design.nodes[i].position, to);
                        Ok(Edit::MoveNode { id, to: from })
                    }
                    None => Err(EditError::UnknownNode(id)),
                }
            }
            other => {
                index = None;
                apply_unchecked(design, other)
            }
        };
        match applied {
            Ok(inv) => inverses.push(inv),
            Err(err) => {
                for inv in inverses.into_iter().rev() {
                    let _ = apply_unchecked(design, inv);
                }
                return Err(err);
            }
        }
    }
    Ok(inverses)
}

/// What an edit does to, in the words of an Undo or Redo entry: the verb and the kind of
/// element it touches, and the element's id when it touches one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verb {
    Add,
    Delete,
    Move,
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Noun {
    Node,
    Link,
    Demand,
}

impl Noun {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Noun::Node => ("node", "nodes"),
            Noun::Link => ("link", "links"),
            Noun::Demand => ("demand", "demands"),
        }
    }
}

impl Verb {
    fn word(self) -> &'static str {
        match self {
            Verb::Add => "add",
            Verb::Delete => "delete",
            Verb::Move => "move",
            Verb::Change => "change",
        }
    }
    /// "move of", "change to".
    fn preposition(self) -> &'static str {
        if self == Verb::Change { "to" } else { "of" }
    }
}

/// One primitive step as (verb, what): an element by kind and id, or a whole-design part
/// ("the design properties").
enum Step<'a> {
    Element(Verb, Noun, &'a str),
    Part(&'static str),
}

fn steps<'a>(edit: &'a Edit, out: &mut Vec<Step<'a>>) {
    use Step::{Element, Part};
    out.push(match edit {
        Edit::InsertNode { node, .. } => Element(Verb::Add, Noun::Node, node.id.as_str()),
        Edit::RemoveNode { id } => Element(Verb::Delete, Noun::Node, id.as_str()),
        Edit::ReplaceNode { node } => Element(Verb::Change, Noun::Node, node.id.as_str()),
        Edit::MoveNode { id, .. } => Element(Verb::Move, Noun::Node, id.as_str()),
        Edit::InsertLink { link, .. } => Element(Verb::Add, Noun::Link, link.id.as_str()),
        Edit::RemoveLink { id } => Element(Verb::Delete, Noun::Link, id.as_str()),
        Edit::ReplaceLink { link } => Element(Verb::Change, Noun::Link, link.id.as_str()),
        Edit::InsertDemand { demand, .. } => Element(Verb::Add, Noun::Demand, demand.id.as_str()),
        Edit::RemoveDemand { id } => Element(Verb::Delete, Noun::Demand, id.as_str()),
        Edit::ReplaceDemand { demand } => Element(Verb::Change, Noun::Demand, demand.id.as_str()),
        Edit::SetInfo { .. } => Part("the design properties"),
        Edit::SetRiskGroups { .. } => Part("the risk groups"),
        Edit::SetSettings { .. } => Part("the design settings"),
        Edit::Batch(edits) => {
            for e in edits {
                steps(e, out);
            }
            return;
        }
    });
}

impl Edit {
    /// The edit in plain words, as an Undo or Redo entry names it: "move of node fac-dc2",
    /// "move of 3 nodes", "delete of 2 nodes and 1 link", "change to the design properties".
    /// A batch of several verbs is "3 changes".
    pub fn describe(&self) -> String {
        let mut all = Vec::new();
        steps(self, &mut all);
        let parts: Vec<&str> = all
            .iter()
            .filter_map(|s| match s {
                Step::Part(p) => Some(*p),
                Step::Element(..) => None,
            })
            .collect();
        let elements: Vec<(Verb, Noun, &str)> = all
            .iter()
            .filter_map(|s| match s {
                Step::Element(v, n, id) => Some((*v, *n, *id)),
                Step::Part(_) => None,
            })
            .collect();
        let mut verbs: Vec<Verb> = elements.iter().map(|e| e.0).collect();
        verbs.sort();
        verbs.dedup();
        match (elements.as_slice(), parts.as_slice(), verbs.as_slice()) {
            ([], [], _) => "no change".to_string(),
            ([], [part], _) => format!("change to {part}"),
            ([(verb, noun, id)], [], _) => {
                format!(
                    "{} {} {} {id}",
                    verb.word(),
                    verb.preposition(),
                    noun.words().0
                )
            }
            (_, [], [verb]) => {
                let mut nouns: Vec<(Noun, usize)> = Vec::new();
                for (_, noun, _) in &elements {
                    match nouns.iter_mut().find(|(n, _)| n == noun) {
                        Some((_, count)) => *count += 1,
                        None => nouns.push((*noun, 1)),
                    }
                }
                nouns.sort();
                let counts: Vec<String> = nouns
                    .iter()
                    .map(|(noun, count)| {
                        let (one, many) = noun.words();
                        counted(*count, one, many)
                    })
                    .collect();
                format!(
                    "{} {} {}",
                    verb.word(),
                    verb.preposition(),
                    counts.join(" and ")
                )
            }
            _ => counted(all.len(), "change", "changes"),
        }
    }
}

/// Undo/redo stacks and a revision number that changes with every change to the design
/// (analyses and views recompute only when it changes). Each step keeps the words of the edit
/// the user made ([`Edit::describe`]), so Undo and Redo can name it.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<(Edit, String)>,
    redo: Vec<(Edit, String)>,
    revision: u64,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }
    /// Increases by one with every applied edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// What Undo would undo, in words ("move of 3 nodes").
    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(|(_, name)| name.as_str())
    }
    /// What Redo would redo, in words.
    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(|(_, name)| name.as_str())
    }
    /// Apply an edit as one undo step; clears the redo stack.
    pub fn apply(&mut self, design: &mut Design, edit: Edit) -> Result<(), EditError> {
        let name = edit.describe();
        let inverse = apply(design, edit)?;
        self.undo.push((inverse, name));
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }
    /// Undo the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        let Some((edit, name)) = self.undo.pop() else {
            return Ok(false);
        };
        let inverse = apply(design, edit)?;
        self.redo.push((inverse, name));
        self.revision += 1;
        Ok(true)
    }
    /// Redo the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        let Some((edit, name)) = self.redo.pop() else {
            return Ok(false);
        };
        let inverse = apply(design, edit)?;
        self.undo.push((inverse, name));
        self.revision += 1;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Point;

    fn moved(id: &str) -> Edit {
        Edit::MoveNode {
            id: id.into(),
            to: Point::new(0.0, 0.0),
        }
    }

    #[test]
    fn an_edit_is_named_in_plain_words_with_the_right_number() {
        assert_eq!(moved("fac-dc2").describe(), "move of node fac-dc2");
        assert_eq!(
            Edit::Batch(vec![moved("a"), moved("b"), moved("c")]).describe(),
            "move of 3 nodes"
        );
        assert_eq!(
            Edit::RemoveLink { id: "ER-1".into() }.describe(),
            "delete of link ER-1"
        );
        let delete = Edit::Batch(vec![
            Edit::RemoveNode { id: "a".into() },
            Edit::RemoveLink { id: "l1".into() },
            Edit::RemoveNode { id: "b".into() },
        ]);
        assert_eq!(delete.describe(), "delete of 2 nodes and 1 link");
        // A batch of one step reads as that step; nested batches count their steps.
        assert_eq!(Edit::Batch(vec![moved("a")]).describe(), "move of node a");
        assert_eq!(
            Edit::Batch(vec![Edit::Batch(vec![moved("a"), moved("b")])]).describe(),
            "move of 2 nodes"
        );
        assert_eq!(
            Edit::Batch(vec![moved("a"), Edit::RemoveNode { id: "b".into() }]).describe(),
            "2 changes"
        );
        assert_eq!(
            Edit::SetInfo {
                info: Default::default()
            }
            .describe(),
            "change to the design properties"
        );
        assert_eq!(Edit::Batch(vec![]).describe(), "no change");
        assert_eq!(counted(1, "warning", "warnings"), "1 warning");
        assert_eq!(counted(0, "error", "errors"), "0 errors");
        assert_eq!(counted(12_000, "node", "nodes"), "12,000 nodes");
    }

    #[test]
    fn undo_and_redo_name_the_edit_the_user_made_not_its_inverse() {
        let mut design = crate::fixture_design::base();
        let id = design.nodes[0].id.to_string();
        let mut history = History::new();
        assert_eq!(history.undo_name(), None);
        history
            .apply(
                &mut design,
                Edit::RemoveNode {
                    id: id.as_str().into(),
                },
            )
            .unwrap();
        // The inverse is a batch of inserts; the entry still says what the user did.
        assert_eq!(
            history.undo_name(),
            Some(format!("delete of node {id}").as_str())
        );
        history.undo(&mut design).unwrap();
        assert_eq!(history.undo_name(), None);
        assert_eq!(
            history.redo_name(),
            Some(format!("delete of node {id}").as_str())
        );
        history.redo(&mut design).unwrap();
        assert_eq!(
            history.undo_name(),
            Some(format!("delete of node {id}").as_str())
        );
        assert_eq!(history.redo_name(), None);
    }
}

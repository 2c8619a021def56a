//! Every change to a design is an [`Edit`] applied by [`apply`], which returns the edit that
//! undoes it. [`History`] keeps undo/redo stacks on top of that. The GUI, the CLI and rule
//! quick-fixes all change designs through here, so every change is undoable and validated.

use crate::design_file::{StructureError, check_structure};
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

/// Undo/redo stacks and a revision number that changes with every change to the design
/// (analyses and views recompute only when it changes).
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
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
    /// Apply an edit as one undo step; clears the redo stack.
    pub fn apply(&mut self, design: &mut Design, edit: Edit) -> Result<(), EditError> {
        let inverse = apply(design, edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }
    /// Undo the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        let Some(edit) = self.undo.pop() else {
            return Ok(false);
        };
        let inverse = apply(design, edit)?;
        self.redo.push(inverse);
        self.revision += 1;
        Ok(true)
    }
    /// Redo the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, design: &mut Design) -> Result<bool, EditError> {
        let Some(edit) = self.redo.pop() else {
            return Ok(false);
        };
        let inverse = apply(design, edit)?;
        self.undo.push(inverse);
        self.revision += 1;
        Ok(true)
    }
}

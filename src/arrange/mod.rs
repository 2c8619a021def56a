//! Arranging a design's nodes: in tiers (left to right: on-prem sites | colocation facilities
//! and fabric routers | Azure and AWS regions) or organically (force-directed), new nodes in
//! free space, and a selection aligned or distributed.
//!
//! The layouts are egui_graphs': a graph is built from the design (node payloads are indices
//! into `Design::nodes`), its hierarchical or Fruchterman–Reingold layout runs, and the
//! positions are read back. Where those fall short for a design people read, a pass on top
//! does the rest: tiers take their column from the node's kind and their order inside it from
//! barycentre sweeps that cut crossings ([`crossings`] measures them), tall tiers wrap into
//! several columns, separate parts of the design are stacked as blocks; the organic layout
//! starts from the tiers (a deterministic start), runs a bounded number of steps and then
//! moves any node whose footprint overlaps another's to the nearest free place.
//!
//! The result is positions only; [`as_edit`] turns them into one `Edit::Batch` of moves, so
//! one undo restores every position. Same design in, same positions out: nothing here reads a
//! clock or a random source.
//!
//! A layer of its own (feature `arrange`), between the core and the faces: it names egui
//! (egui_graphs' types are egui's) but never a window, the designer or the command line.

pub mod align;
pub mod crossings;
pub mod footprint;
pub mod organic;
pub mod place;
pub mod tiers;

use crate::edit::Edit;
use crate::model::{Design, NodeKindTag, Point};

/// How to arrange a whole design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Columns by kind: sites, then facilities and fabric routers, then cloud regions.
    Tiers,
    /// Force-directed: linked nodes near each other, the rest apart.
    Organic,
}

impl Style {
    pub fn label(self) -> &'static str {
        match self {
            Style::Tiers => "tiers",
            Style::Organic => "organic",
        }
    }
}

/// New positions for every node (in the order of `Design::nodes`), and what the user should
/// know about how they were made.
#[derive(Debug, Clone, PartialEq)]
pub struct Arranged {
    pub positions: Vec<Point>,
    /// E.g. that a design too large for the organic layout was arranged in tiers.
    pub note: Option<String>,
}

/// Arrange every node of `design`.
pub fn arrange(design: &Design, style: Style) -> Arranged {
    match style {
        Style::Tiers => Arranged {
            positions: tiers::positions(design),
            note: None,
        },
        Style::Organic => organic::arrange(design),
    }
}

/// Arrange a design in tiers in place: an import's result, before it is written or shown
/// (`linkwright import` and the designer's File → Import… both call this). Answers the
/// layer's note, if any.
pub fn in_tiers(design: &mut Design) -> Result<Option<String>, crate::edit::EditError> {
    let arranged = arrange(design, Style::Tiers);
    if let Some(edit) = as_edit(design, &arranged.positions) {
        crate::edit::apply(design, edit)?;
    }
    Ok(arranged.note)
}

/// The column a node's kind belongs to: sites 0, facilities and fabric routers 1, regions 2.
pub fn tier(kind: NodeKindTag) -> usize {
    match kind {
        NodeKindTag::OnPremSite => 0,
        NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter => 1,
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 2,
    }
}

/// One undo step moving each node whose position changes to its new one (`positions` in the
/// order of `Design::nodes`); `None` when nothing moves.
pub fn as_edit(design: &Design, positions: &[Point]) -> Option<Edit> {
    let moves: Vec<Edit> = design
        .nodes
        .iter()
        .zip(positions)
        .filter(|(n, p)| n.position != **p)
        .map(|(n, &to)| Edit::MoveNode {
            id: n.id.clone(),
            to,
        })
        .collect();
    (!moves.is_empty()).then_some(Edit::Batch(moves))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::design_file;

    pub(crate) fn sample(name: &str) -> Design {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("designs")
            .join(name);
        design_file::load(&path).unwrap()
    }

    pub(crate) fn generated(sites: usize) -> Design {
        crate::generate::generate(sites, 1, &Catalog::builtin().unwrap())
    }

    /// A generated design whose clusters are tied together: each site also has an access
    /// circuit to a facility seven clusters on, so no tree order is free of crossings.
    pub(crate) fn meshed(sites: usize) -> Design {
        let mut design = generated(sites);
        let facilities: Vec<_> = design
            .nodes
            .iter()
            .filter(|n| n.as_facility().is_some())
            .map(|n| n.id.clone())
            .collect();
        let site_ids: Vec<_> = design
            .nodes
            .iter()
            .filter(|n| n.as_site().is_some())
            .map(|n| n.id.clone())
            .collect();
        let template = design
            .links
            .iter()
            .find(|l| l.as_access().is_some())
            .cloned();
        let Some(template) = template else {
            return design;
        };
        for (i, site) in site_ids.into_iter().enumerate() {
            let mut link = template.clone();
            link.id = format!("mesh-{i}").into();
            link.a = site;
            link.b = facilities[(i / 10 + 14) % facilities.len()].clone();
            design.links.push(link);
        }
        design
    }

    pub(crate) const SAMPLES: [&str; 4] = [
        "aws-dev-test-one-location.json",
        "dual-cloud-ashburn-chicago.json",
        "europe-azure-two-locations.json",
        "flawed-design.json",
    ];

    /// One edit moves every node that moves; applying it and its inverse restores the design.
    #[test]
    fn the_edit_is_one_step_and_its_inverse_restores_every_position() {
        let mut design = sample("flawed-design.json");
        let before = design.clone();
        let arranged = arrange(&design, Style::Tiers);
        let edit = as_edit(&design, &arranged.positions).unwrap();
        let inverse = crate::edit::apply(&mut design, edit).unwrap();
        let now: Vec<Point> = design.nodes.iter().map(|n| n.position).collect();
        assert_eq!(now, arranged.positions);
        crate::edit::apply(&mut design, inverse).unwrap();
        assert_eq!(design, before);
        // Arranged again: nothing moves, no edit.
        let mut again = before.clone();
        crate::edit::apply(&mut again, as_edit(&before, &arranged.positions).unwrap()).unwrap();
        assert_eq!(
            as_edit(&again, &arrange(&again, Style::Tiers).positions),
            None
        );
    }
}

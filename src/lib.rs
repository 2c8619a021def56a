//! linkwright: a designer for hybrid-cloud interconnects (Azure ExpressRoute, AWS Direct
//! Connect). Modules are declared bottom-up; data flows one way:
//! file -> model -> analyses (rules, resilience, costing) -> report -> faces (CLI, GUI).

/// The design: nodes, links, demands, settings (plain data).
pub mod model;
/// Reading the user's files: regular files only, never more than a limit.
pub mod user_file;
/// Provider facts (locations, regions, prices with provenance), embedded and overridable.
pub mod catalog;
/// What the clouds offer (bandwidths, capacities, MTUs, LAG sizes): one list each.
pub mod offers;
/// Where every citation leads: the sources under their short ids, the reference sheet's
/// entries, sections and open questions.
pub mod reference;
/// Helpers for the analyses that split work over threads.
pub(crate) mod par;
pub use par::keep_freed_memory;
pub use par::without_huge_pages;
/// Lists of indices per key in one array (adjacency and membership tables).
pub(crate) mod lists;
/// The clean base design the tests mutate (tests only; `tests/common` includes the same file).
#[cfg(test)]
pub(crate) mod fixture_design {
    use crate::catalog::Catalog;
    use crate::model::*;
    use std::sync::OnceLock;
    include!("fixture_design.rs");
}
/// The versioned on-disk format: load with located errors, atomic save, schema.
pub mod design_file;
/// Every change to a design, with undo/redo.
pub mod edit;
/// Failure analysis: failure domains, N-1/N-2 max-flow, the clouds' resiliency models.
pub mod resilience;
/// The rule engine and its rules.
pub mod rules;
/// Costing: the layered price book, line items with provenance, totals.
pub mod costing;
/// Every analysis of one design together (findings, resilience, gateway indexes, cost).
pub mod analyses;
/// What changed between two designs: elements, findings, cost, resilience (`diff`).
pub mod diff;
/// How elements look on the canvas and in the report (colours, link labels).
pub mod look;
/// The one drawing of a design (glyphs, link curves, labels, groups, legend) and its SVG/PNG
/// export, shared by the canvas and the report.
pub mod diagram;
/// The stakeholder report: document model and PDF rendering.
pub mod report;
/// The design as Terraform configuration (azurerm and aws resources, variables for what the
/// design does not know), for `export terraform`.
pub mod terraform;
/// Synthetic designs for benchmarks and demos.
pub mod generate;
/// Import what already runs: the clouds' command-line JSON (Direct Connect, ExpressRoute) as a
/// design, with what could not be mapped and why.
pub mod import;
/// Arranging nodes (tiers, organic, free places for new nodes, align and distribute) with
/// egui_graphs' layouts (feature `arrange`): a layer between the core and the faces.
#[cfg(feature = "arrange")]
pub mod arrange;
/// Command-line face.
pub mod cli;
/// Desktop face (feature `gui`), the only place that names egui.
#[cfg(feature = "gui")]
pub mod gui;

//! linkwright: a designer for hybrid-cloud interconnects (Azure ExpressRoute, AWS Direct
//! Connect). Modules are declared bottom-up; data flows one way:
//! file -> model -> analyses (rules) -> faces (CLI, GUI).

/// Provider facts (locations, regions, prices with provenance), embedded and overridable.
pub mod catalog;
/// Command-line face.
pub mod cli;
/// The versioned on-disk format: load with located errors, atomic save, schema.
pub mod design_file;
/// Every change to a design, with undo/redo.
pub mod edit;
/// Synthetic designs for benchmarks and demos.
pub mod generate;
/// Desktop face (feature `gui`), the only place that names egui.
#[cfg(feature = "gui")]
pub mod gui;
/// The design: nodes, links, demands, settings (plain data).
pub mod model;
/// The rule engine and its rules.
pub mod rules;

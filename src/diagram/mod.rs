//! The one drawing of a design, shared by every face: node glyphs, link curves, readable
//! labels, groups, the legend, light and dark looks, and its SVG and PNG export.
//!
//! The core is pure geometry in f32 drawing units (no egui): a face that draws live (the
//! canvas) uses the pieces — [`glyph`] for a node, [`curve::bundle`] for parallel links and
//! [`curve::pick`] to hit-test them, [`label::Placer`] with [`label::Side`] and
//! [`label::beside`] for labels, [`group::groups`] for the boxes, [`legend::entries`] — at its
//! own zoom; a static face (SVG, PNG, the report's PDF) builds one [`Drawing`] from a
//! [`Topology`] and a [`Style`] and renders it back to front. Colours come from
//! `look::Theme::palette`.
//!
//! ```text
//! Design ─Topology::of─▶ Topology ─Drawing::build(Style)─▶ Drawing ─▶ svg / png / report PDF
//! ```

pub mod curve;
pub mod drawing;
pub mod export;
pub mod geom;
pub mod glyph;
pub mod group;
pub mod label;
pub mod legend;
pub mod metrics;
pub mod png;
pub mod svg;

pub use curve::Curve;
pub use drawing::{
    Drawing, DrawnGroup, DrawnLink, DrawnNode, LinkLabels, Style, TopoLink, TopoNode, Topology,
};
pub use geom::{Rect, V2};
pub use glyph::{Glyph, Prim, glyph};
pub use group::GroupKind;
pub use label::{Label, Measure, Weight};
pub use metrics::Metrics;

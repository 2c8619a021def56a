//! What the palette offers and drags onto the canvas: node kinds and catalog search results.

use crate::model::NodeKindTag;

/// Dragged from the palette, dropped on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteItem {
    Kind(NodeKindTag),
    Hit(SearchHit),
}

/// A catalog search result (the core's).
pub use crate::catalog::CatalogHit as SearchHit;

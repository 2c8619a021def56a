//! What the palette offers and drags onto the canvas: node kinds and catalog search results.

use crate::model::NodeKindTag;

/// Dragged from the palette, dropped on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteItem {
    Kind(NodeKindTag),
    Hit(SearchHit),
}

/// A catalog search result.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchHit {
    /// A building: its ExpressRoute peering location and/or Direct Connect location.
    Facility {
        er: Option<String>,
        dx: Option<String>,
        facility: String,
        metro: String,
    },
    Azure {
        code: String,
        name: String,
    },
    Aws {
        code: String,
        name: String,
    },
}

impl SearchHit {
    pub fn label(&self) -> String {
        match self {
            SearchHit::Facility {
                er: Some(er),
                dx: Some(dx),
                facility,
                ..
            } => format!("{facility} — {er} / {dx} (Azure + AWS in this building)"),
            SearchHit::Facility {
                er: Some(er),
                dx: None,
                facility,
                ..
            } => format!("{facility} — ExpressRoute {er}"),
            SearchHit::Facility {
                er: None,
                dx: Some(dx),
                facility,
                ..
            } => format!("{facility} — Direct Connect {dx}"),
            SearchHit::Facility { facility, .. } => facility.clone(),
            SearchHit::Azure { code, name } => format!("Azure region {name} ({code})"),
            SearchHit::Aws { code, name } => format!("AWS region {code} — {name}"),
        }
    }
}

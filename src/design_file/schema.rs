//! The JSON Schema of the file format (generated; `linkwright schema`).

use crate::model::Design;
use schemars::JsonSchema;

/// A linkwright design file.
#[derive(JsonSchema)]
#[schemars(title = "linkwright design file")]
#[allow(dead_code)] // only its schema is used
pub struct DesignFileSchema {
    /// Always "linkwright-design".
    #[schemars(extend("const" = "linkwright-design"))]
    format: String,
    /// Format version (this build writes 1).
    #[schemars(range(min = 1))]
    version: u32,
    design: Design,
}

//! Stable string ids. Elements are named by these everywhere (files, findings, edits), never
//! by container indices.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::fmt;

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(#[schemars(with = "String")] pub SmolStr);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(SmolStr::from(id.into()))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(SmolStr::new(id))
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(SmolStr::from(id))
            }
        }
    };
}

string_id!(
    /// Id of a node (site, facility, region, fabric router).
    NodeId
);
string_id!(
    /// Id of a link (circuit, connection, VPN).
    LinkId
);
string_id!(
    /// Id of a demand.
    DemandId
);

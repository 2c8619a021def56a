//! Import what already runs: the JSON the clouds' own command lines print (`aws directconnect
//! describe-*`, `az network express-route list`, `az network vnet-gateway list`) and the JSON
//! of `terraform show -json` turned into a design. Nothing is invented: a field the input does not give stays at the model's
//! documented default or absent, and an element the model cannot hold from what the input says
//! is left out and listed with the reason ([`Skipped`]). The result passes the same structural
//! checks as a loaded design. Positions are a plain grid ([`place_on_grid`]); the command line
//! and the designer arrange the result with the arrange layer where it is built.

mod aws;
mod azure;
mod terraform;

use crate::catalog::Catalog;
use crate::model::{Design, Point};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Which cloud's command-line output the files are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `aws directconnect describe-connections`, `describe-virtual-interfaces`,
    /// `describe-direct-connect-gateways`, `describe-lags`.
    Aws,
    /// `az network express-route list`, `az network vnet-gateway list`.
    Azure,
    /// `terraform show -json` of a state or a saved plan (one file).
    Terraform,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Aws => "AWS Direct Connect",
            Source::Azure => "Azure ExpressRoute",
            Source::Terraform => "Terraform",
        }
    }
}

/// An input file that could not be read or is not what the import reads. Nothing is written
/// when one of these occurs.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        path: PathBuf,
        source: crate::user_file::ReadError,
    },
    #[error("{}:{line}:{column}: not valid JSON: {message}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not {what}: {found}", path.display())]
    Unrecognised {
        path: PathBuf,
        what: &'static str,
        found: String,
    },
    /// The imported design failed the design file's structural checks: a bug in the import.
    #[error("the imported design is not valid ({0}); please report this with the input files")]
    Invalid(String),
}

/// An element of the input left out of the design, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: PathBuf,
    /// What it is, as the cloud names it: "connection dxcon-fgq9rgot (NYC-1)".
    pub element: String,
    pub reason: String,
}

/// What an import made: the design, what was left out, and notes on what was chosen.
#[derive(Debug, Clone)]
pub struct Imported {
    pub design: Design,
    pub skipped: Vec<Skipped>,
    /// Facts about the mapping the architect should know (e.g. a field left at its default).
    pub notes: Vec<String>,
}

impl Imported {
    /// Whether anything of the input became part of the design.
    pub fn is_empty(&self) -> bool {
        self.design.nodes.is_empty() && self.design.links.is_empty()
    }
}

/// Read and map the files. The design is placed on a grid ([`place_on_grid`]); arrange it
/// before showing it.
pub fn import(
    source: Source,
    paths: &[PathBuf],
    catalog: &Catalog,
) -> Result<Imported, ImportError> {
    let mut inputs = Vec::with_capacity(paths.len());
    for path in paths {
        inputs.push((path.clone(), read_json(path)?));
    }
    let mut imported = match source {
        Source::Aws => aws::map(&inputs, catalog)?,
        Source::Azure => azure::map(&inputs, catalog)?,
        Source::Terraform => {
            let mut all: Option<Imported> = None;
            for (path, value) in &inputs {
                let one = terraform::map(path, value, catalog)?;
                match &mut all {
                    None => all = Some(one),
                    Some(a) => {
                        // Two states may name the same element: keep the first (ids looked up
                        // in a set, not by a scan of the design per element).
                        let mut nodes: std::collections::HashSet<_> =
                            a.design.nodes.iter().map(|n| n.id.clone()).collect();
                        for node in one.design.nodes {
                            if nodes.insert(node.id.clone()) {
                                a.design.nodes.push(node);
                            }
                        }
                        let mut links: std::collections::HashSet<_> =
                            a.design.links.iter().map(|l| l.id.clone()).collect();
                        for link in one.design.links {
                            if links.insert(link.id.clone()) {
                                a.design.links.push(link);
                            }
                        }
                        a.skipped.extend(one.skipped);
                        a.notes.extend(one.notes);
                    }
                }
            }
            all.unwrap_or(Imported {
                design: Design::default(),
                skipped: Vec::new(),
                notes: Vec::new(),
            })
        }
    };
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    imported.design.name = format!("Imported from {}", source.label());
    imported.design.notes = format!("Imported with linkwright from {}.", names.join(", "));
    place_on_grid(&mut imported.design);
    crate::design_file::check_structure(&imported.design)
        .map_err(|e| ImportError::Invalid(e.to_string()))?;
    Ok(imported)
}

/// Read one input file as JSON, with the file, line and column of a syntax error.
fn read_json(path: &Path) -> Result<Value, ImportError> {
    let text =
        crate::user_file::read_text(path, crate::user_file::MAX_FILE_BYTES).map_err(|source| {
            ImportError::Io {
                path: path.to_owned(),
                source,
            }
        })?;
    serde_json::from_str(&text).map_err(|e| ImportError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Canvas units between grid places.
const GRID_STEP: f64 = 240.0;

/// Put the nodes on a grid of columns by kind (sites | facilities and fabric | regions), in
/// their order: a readable start for a design without positions.
pub fn place_on_grid(design: &mut Design) {
    use crate::model::NodeKindTag::*;
    let mut rows = [0usize; 3];
    for node in &mut design.nodes {
        let column = match node.tag() {
            OnPremSite => 0,
            ColocationFacility | FabricRouter => 1,
            AzureRegion | AwsRegion => 2,
        };
        node.position = Point::new(
            column as f64 * GRID_STEP * 2.0,
            rows[column] as f64 * GRID_STEP,
        );
        rows[column] += 1;
    }
}

/// An id from a cloud's name or id: lower case, letters, digits and dashes.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Ids handed out so far, across every element kind (ids are unique across kinds).
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    /// `prefix-slug(name)` (the slug alone when it starts with `prefix-` already or there is
    /// no prefix), with `-2`, `-3`… when that is taken.
    fn make(&mut self, prefix: &str, name: &str) -> String {
        let slugged = slug(name);
        let base = if slugged.is_empty() {
            prefix.to_owned()
        } else if prefix.is_empty() || slugged.starts_with(&format!("{prefix}-")) {
            slugged
        } else {
            format!("{prefix}-{slugged}")
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// A string field of a JSON object.
fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// A whole-number field of a JSON object.
fn number(v: &Value, key: &str) -> Option<u64> {
    v.get(key).and_then(Value::as_u64)
}

/// A short description of a JSON value's shape, for "not X: found Y" messages.
fn shape(v: &Value) -> String {
    match v {
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(4).map(String::as_str).collect();
            if keys.is_empty() {
                "an empty object".into()
            } else {
                format!("an object with keys {}", keys.join(", "))
            }
        }
        Value::Array(items) => format!(
            "an array of {}",
            crate::model::count(items.len(), "item", "items")
        ),
        Value::String(_) => "a string".into(),
        Value::Number(_) => "a number".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ColocationFacility, Node, NodeId, NodeKind};

    /// What a build without the arrange layer writes: facilities in one column, regions in the
    /// next, one row each, no two nodes in one place.
    #[test]
    fn the_grid_puts_each_kind_in_its_column() {
        let catalog = Catalog::builtin().unwrap();
        let files = [
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/import/azure/express-route-list.json"
            )),
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/import/azure/vnet-gateway-list.json"
            )),
        ];
        let imported = import(Source::Azure, &files, &catalog).unwrap();
        let d = &imported.design;
        let mut places: Vec<(i64, i64)> = d
            .nodes
            .iter()
            .map(|n| (n.position.x as i64, n.position.y as i64))
            .collect();
        for n in &d.nodes {
            let column = if n.as_facility().is_some() { 1.0 } else { 2.0 };
            assert_eq!(n.position.x, column * GRID_STEP * 2.0, "{}", n.id);
        }
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), d.nodes.len());
        let mut one = Design::default();
        one.nodes.push(Node {
            id: NodeId::new("f"),
            name: String::new(),
            position: Point::new(9.0, 9.0),
            notes: String::new(),
            kind: NodeKind::ColocationFacility(ColocationFacility::default()),
        });
        place_on_grid(&mut one);
        assert_eq!(one.nodes[0].position, Point::new(GRID_STEP * 2.0, 0.0));
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("dx", "dxcon-FGQ9rgot"), "dx-dxcon-fgq9rgot");
        assert_eq!(ids.make("er", "ER Chicago / primary"), "er-chicago-primary");
        assert_eq!(
            ids.make("er", "ER Chicago / primary"),
            "er-chicago-primary-2"
        );
        assert_eq!(ids.make("", "dxlag-FG1"), "dxlag-fg1");
        assert_eq!(ids.make("aws", "us-east-1"), "aws-us-east-1");
        assert_eq!(ids.make("er", "!!"), "er");
    }
}

//! `linkwright import aws|azure|terraform FILE… [-o OUT [--force]]`: a design from what already runs.
//!
//! The core (`crate::import`) maps the files; this face arranges the result (the arrange
//! layer, where it is built; a grid otherwise, and it says so), writes it atomically or to
//! standard output, and lists what was left out on standard error. An existing OUT is replaced
//! only with `--force`: an import is a starting point, and the file it would replace is often
//! the design the architect has since worked on. On any failure nothing is written.

use super::exit;
use crate::catalog::Catalog;
use crate::import::{self, Source};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum ImportSource {
    /// The JSON of `aws directconnect describe-connections`, `describe-lags`,
    /// `describe-virtual-interfaces` and `describe-direct-connect-gateways` (any of them, one
    /// per file, recognised by its top-level key).
    Aws(Files),
    /// The JSON of `az network express-route list` and `az network vnet-gateway list` (one
    /// per file, resources recognised by their type).
    Azure(Files),
    /// The JSON of `terraform show -json` for a state or a saved plan: the AWS provider's
    /// `aws_dx_*` resources and azurerm's ExpressRoute circuits, peerings and virtual network
    /// gateways; other resource types are listed as not read.
    Terraform(Files),
}

#[derive(Debug, clap::Args)]
pub struct Files {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the design here (atomically) instead of to standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT when it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run(
    source: ImportSource,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (source, files) = match source {
        ImportSource::Aws(f) => (Source::Aws, f),
        ImportSource::Azure(f) => (Source::Azure, f),
        ImportSource::Terraform(f) => (Source::Terraform, f),
    };
    let Files {
        files,
        output,
        force,
    } = files;
    if let Some(target) = &output {
        if target.is_dir() {
            writeln!(
                err,
                "error: cannot write the design to {}: it is a folder; give a file name such as design.json",
                target.display()
            )?;
            return Ok(exit::UNWRITABLE);
        }
        if target.exists() && !force {
            writeln!(
                err,
                "error: {} exists; give --force to replace it (nothing was read or written)",
                target.display()
            )?;
            return Ok(exit::UNWRITABLE);
        }
    }
    let mut imported = match import::import(source, &files, catalog) {
        Ok(i) => i,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            writeln!(err, "nothing was written")?;
            return Ok(exit::UNREADABLE);
        }
    };
    for s in &imported.skipped {
        writeln!(
            err,
            "left out: {}: {}: {}",
            s.file.display(),
            s.element,
            s.reason
        )?;
    }
    if imported.is_empty() {
        writeln!(
            err,
            "error: nothing in the input could be mapped to a design; nothing was written"
        )?;
        return Ok(exit::UNREADABLE);
    }
    for note in &imported.notes {
        writeln!(err, "note: {note}")?;
    }
    if let Some(note) = arrange(&mut imported.design)? {
        writeln!(err, "note: {note}")?;
    }
    let text = crate::design_file::to_string(&imported.design)?;
    // The design must load back as any saved design does (structural checks included).
    let shown = output.as_deref().unwrap_or(Path::new("<standard output>"));
    crate::design_file::from_str(&text, shown)?;
    match &output {
        Some(target) => {
            if let Err(e) = crate::design_file::write_atomic(target, text.as_bytes()) {
                writeln!(
                    err,
                    "error: cannot write the design to {}: {e}",
                    target.display()
                )?;
                return Ok(exit::UNWRITABLE);
            }
        }
        None => out.write_all(text.as_bytes())?,
    }
    writeln!(
        err,
        "{}: {}, {} imported; {} left out",
        shown.display(),
        crate::model::count(imported.design.nodes.len(), "node", "nodes"),
        crate::model::count(imported.design.links.len(), "link", "links"),
        crate::model::count(imported.skipped.len(), "element", "elements")
    )?;
    Ok(exit::OK)
}

/// Arrange in tiers with the arrange layer; answers the layer's note, if any.
#[cfg(feature = "arrange")]
fn arrange(design: &mut crate::model::Design) -> anyhow::Result<Option<String>> {
    Ok(crate::arrange::in_tiers(design)?)
}

/// Built without the arrange layer: the core's grid stays, and the note says so.
#[cfg(not(feature = "arrange"))]
fn arrange(_design: &mut crate::model::Design) -> anyhow::Result<Option<String>> {
    Ok(Some(
        "this linkwright was built without the `arrange` feature: the nodes are placed on a \
         simple grid (sites | facilities | regions); `linkwright layout` in a build with it \
         arranges them"
            .into(),
    ))
}

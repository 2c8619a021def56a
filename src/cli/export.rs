//! `linkwright export terraform FILE -o DIR`: the design as Terraform configuration, one file
//! per cloud plus `providers.tf` and `variables.tf`, each written atomically into DIR.

use super::exit;
use crate::catalog::Catalog;
use crate::terraform;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `export` writes (a subcommand each, so `export` can grow).
#[derive(Debug, clap::Subcommand)]
pub enum ExportWhat {
    /// Terraform configuration: azure.tf (azurerm: ExpressRoute circuits, ports, peerings,
    /// gateways, connections, Global Reach), aws.tf (aws: Direct Connect connections, LAGs,
    /// gateways, VIFs, Transit Gateways), providers.tf and variables.tf (every fact the design
    /// does not hold, described). Files of the same names in DIR are replaced; others are
    /// left alone.
    Terraform {
        file: PathBuf,
        /// The folder to write into (created if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

pub fn run(
    what: ExportWhat,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    match what {
        ExportWhat::Terraform { file, output } => terraform_run(&file, &output, catalog, out, err),
    }
}

fn terraform_run(
    file: &Path,
    dir: &Path,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if dir.exists() && !dir.is_dir() {
        writeln!(
            err,
            "error: cannot write the Terraform files to {}: it is a file, not a folder",
            dir.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    // Everything is generated before anything is written: a failure writes nothing.
    let export = match terraform::export(&design, catalog) {
        Ok(export) => export,
        Err(e) => {
            writeln!(err, "error: {}: {e}; nothing written", file.display())?;
            return Ok(exit::UNREADABLE);
        }
    };
    let written = match export.write_into(dir) {
        Ok(written) => written,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(exit::UNWRITABLE);
        }
    };
    let names: Vec<&str> = export.files.iter().map(|f| f.name).collect();
    writeln!(
        out,
        "wrote {} into {} ({} resources, {} variables)",
        names.join(", "),
        dir.display(),
        export.resources,
        export.variables
    )?;
    for line in written.warnings() {
        writeln!(err, "warning: {line}")?;
    }
    for note in &export.notes {
        writeln!(err, "note: {note}")?;
    }
    Ok(exit::OK)
}

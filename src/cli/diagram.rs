//! `linkwright diagram FILE -o OUT.svg|OUT.png [--theme light|dark] [--width PX]`: the design's
//! drawing (glyphs, link curves, labels, groups, legend) as SVG or PNG, written atomically.

use super::exit;
use crate::design_file;
use crate::diagram::export::{self, ExportError, Format};
use crate::diagram::png;
use crate::look::Theme;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

impl From<ThemeArg> for Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }
    }
}

pub fn run(
    file: &Path,
    output: &Path,
    theme: Theme,
    width_px: Option<u32>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if let Some(message) = unwritable(output) {
        writeln!(
            err,
            "error: cannot write the diagram to {}: {message}",
            output.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    let Some(format) = Format::of_path(output) else {
        writeln!(
            err,
            "error: cannot tell which format to write {} in: give a file name ending in .svg or .png",
            output.display()
        )?;
        return Ok(exit::UNKNOWN_NAME);
    };
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    let title = file.file_stem().map_or_else(
        || "linkwright diagram".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let drawing = match export::export(&design, &title, theme, format, width_px) {
        Ok(drawing) => drawing,
        Err(ExportError::Png(e @ png::PngError::TooLarge { .. })) => {
            writeln!(err, "error: {e}")?;
            return Ok(exit::TOO_LARGE);
        }
        Err(e) => return Err(e.into()),
    };
    drop(design);
    let bytes = &drawing.bytes;
    if let Err(e) = design_file::write_atomic(output, bytes) {
        writeln!(
            err,
            "error: cannot write the diagram to {}: {e}",
            output.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    writeln!(
        out,
        "wrote {} ({} nodes, {} links, {} KB)",
        output.display(),
        drawing.nodes,
        drawing.links,
        bytes.len().div_ceil(1024)
    )?;
    if drawing.hidden_labels > 0 {
        writeln!(
            err,
            "note: {} labels were left out where they would have covered others; every element's name is in its tooltip (SVG <title>)",
            drawing.hidden_labels
        )?;
    }
    Ok(exit::OK)
}

/// Why `output` cannot be written, if that is plain before any work: it is a folder, or its
/// folder does not exist.
fn unwritable(output: &Path) -> Option<String> {
    if output.is_dir() {
        return Some("it is a folder; give a file name such as topology.svg".into());
    }
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty())?;
    if !parent.is_dir() {
        return Some(format!("the folder {} does not exist", parent.display()));
    }
    None
}

//! `linkwright diagram FILE -o OUT.svg|OUT.png [--theme light|dark] [--width PX]`: the design's
//! drawing (glyphs, link curves, labels, groups, legend) as SVG or PNG, written atomically.

use super::exit;
use crate::design_file;
use crate::diagram::{Drawing, Metrics, Style, Topology, Weight, png, svg};
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

/// What the output's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

/// A PNG without `--width` is as wide as the drawing, within these bounds (pixels).
const DEFAULT_PNG_WIDTH: (u32, u32) = (800, 4096);

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
    let extension = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let format = match extension.as_deref() {
        Some("svg") => Format::Svg,
        Some("png") => Format::Png,
        _ => {
            writeln!(
                err,
                "error: cannot tell which format to write {} in: give a file name ending in .svg or .png",
                output.display()
            )?;
            return Ok(exit::UNKNOWN_NAME);
        }
    };
    if let Some(message) = unwritable(output) {
        writeln!(
            err,
            "error: cannot write the diagram to {}: {message}",
            output.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    let Some(metrics) = Metrics::dejavu() else {
        anyhow::bail!("the embedded DejaVu Sans did not parse");
    };
    let measure = |t: &str, size: f32, w: Weight| metrics.width(t, size, w);
    let topology = Topology::of(&design, &|_| None);
    drop(design);
    let style = Style::for_export(theme, &measure, &topology);
    let drawing = Drawing::build(&topology, &style);
    let title = file.file_stem().map_or_else(
        || "linkwright diagram".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let bytes = match format {
        Format::Svg => svg::svg(&drawing, &title, width_px, &measure).into_bytes(),
        Format::Png => {
            let text = svg::svg(&drawing, &title, None, &measure);
            let natural = svg::page(&drawing, &measure).view.width().ceil() as u32;
            let width =
                width_px.unwrap_or_else(|| natural.clamp(DEFAULT_PNG_WIDTH.0, DEFAULT_PNG_WIDTH.1));
            match png::png(&text, width) {
                Ok(bytes) => bytes,
                Err(e @ png::PngError::TooLarge { .. }) => {
                    writeln!(err, "error: {e}")?;
                    return Ok(exit::TOO_LARGE);
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    if let Err(e) = design_file::write_atomic(output, &bytes) {
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
        drawing.nodes.len(),
        drawing.links.len(),
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

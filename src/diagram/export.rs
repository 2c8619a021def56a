//! A design's drawing as the bytes of an SVG or PNG file: what `linkwright diagram` and the
//! designer's File → Export diagram… both write.

use super::{Drawing, Metrics, Style, Topology, Weight, png, svg};
use crate::look::Theme;
use crate::model::Design;
use std::path::Path;

/// The file formats a diagram is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The format a file name asks for by its extension (`.svg`, `.png`, any case).
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// A PNG without a width asked for is as wide as the drawing, within these bounds (pixels).
pub const DEFAULT_PNG_WIDTH: (u32, u32) = (800, 4096);

/// An exported diagram.
#[derive(Debug)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub nodes: usize,
    pub links: usize,
    /// Labels left out where they would have covered others.
    pub hidden_labels: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the embedded DejaVu Sans did not parse")]
    Font,
    #[error(transparent)]
    Png(#[from] png::PngError),
}

/// `design` drawn in `theme` as `format`, titled `title`; `width_px` sets the SVG's width
/// attribute or the PNG's width.
pub fn export(
    design: &Design,
    title: &str,
    theme: Theme,
    format: Format,
    width_px: Option<u32>,
) -> Result<Exported, ExportError> {
    let metrics = Metrics::dejavu().ok_or(ExportError::Font)?;
    let measure = |t: &str, size: f32, w: Weight| metrics.width(t, size, w);
    let topology = Topology::of(design, &|_| None);
    let style = Style::for_export(theme, &measure, &topology);
    let drawing = Drawing::build(&topology, &style);
    let bytes = match format {
        Format::Svg => svg::svg(&drawing, title, width_px, &measure).into_bytes(),
        Format::Png => {
            let text = svg::svg(&drawing, title, None, &measure);
            let natural = svg::page(&drawing, &measure).view.width().ceil() as u32;
            let width =
                width_px.unwrap_or_else(|| natural.clamp(DEFAULT_PNG_WIDTH.0, DEFAULT_PNG_WIDTH.1));
            png::png(&text, width)?
        }
    };
    Ok(Exported {
        bytes,
        nodes: drawing.nodes.len(),
        links: drawing.links.len(),
        hidden_labels: drawing.hidden_labels,
    })
}

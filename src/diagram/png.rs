//! The drawing as PNG: its SVG rasterised by resvg (tiny-skia), with DejaVu Sans loaded from
//! the `dejavu` crate's bytes (no system fonts), so every machine draws the same pixels.

use resvg::tiny_skia;
use resvg::usvg;
use std::sync::Arc;

/// The widest PNG written, in pixels.
pub const MAX_WIDTH_PX: u32 = 16_384;
/// The most pixels a PNG may hold (width × height): 64 million, 256 MB while drawn.
pub const MAX_PIXELS: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the drawing's SVG did not parse: {0}")]
    Svg(String),
    #[error(
        "a PNG {width} pixels wide would be {height} pixels high ({pixels} million pixels); at most {max} million are drawn: give a smaller --width or write SVG"
    )]
    TooLarge {
        width: u32,
        height: u32,
        pixels: u64,
        max: u64,
    },
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// Rasterise `svg` (as `svg::svg` writes it) `width_px` wide.
pub fn png(svg: &str, width_px: u32) -> Result<Vec<u8>, PngError> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = width_px as f32 / size.width().max(1.0);
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let pixels = u64::from(width_px) * u64::from(height);
    if width_px > MAX_WIDTH_PX || pixels > MAX_PIXELS {
        return Err(PngError::TooLarge {
            width: width_px,
            height,
            pixels: pixels.div_ceil(1 << 20),
            max: MAX_PIXELS >> 20,
        });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height)
        .ok_or_else(|| PngError::Encode(format!("no room for {width_px} × {height} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}

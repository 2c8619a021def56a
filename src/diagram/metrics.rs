//! Text widths from the DejaVu Sans the exports embed (the `dejavu` crate's bytes, never the
//! system's fonts), so labels are placed with the widths they are drawn with.

use super::label::Weight;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Width, in ems, of a character the font has no glyph for (drawn as a box).
const MISSING_EM: f32 = 0.8;

/// The advance widths of DejaVu Sans, regular and bold.
pub struct Metrics {
    regular: Face,
    bold: Face,
}

struct Face {
    font: FontRef<'static>,
    units_per_em: f32,
    /// Advances of the ASCII characters, in ems (the most common by far).
    ascii: [f32; 128],
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let mut face = Face {
            font,
            units_per_em,
            ascii: [MISSING_EM; 128],
        };
        for c in 0..128_u8 {
            face.ascii[usize::from(c)] = face.lookup(char::from(c));
        }
        Some(face)
    }

    fn lookup(&self, c: char) -> f32 {
        let Some(glyph) = self.font.charmap().map(c) else {
            return MISSING_EM;
        };
        self.font
            .glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(glyph)
            .map_or(MISSING_EM, |w| w / self.units_per_em)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let em: f32 = text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    self.ascii[c as usize]
                } else {
                    self.lookup(c)
                }
            })
            .sum();
        em * size
    }
}

impl Metrics {
    /// DejaVu Sans as the `dejavu` crate ships it. None only if those bytes do not parse.
    pub fn dejavu() -> Option<Metrics> {
        Some(Metrics {
            regular: Face::load(dejavu::sans::regular())?,
            bold: Face::load(dejavu::sans::bold())?,
        })
    }

    /// The width of `text` set at `size` (same units as `size`).
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        match weight {
            Weight::Regular => self.regular.width(text, size),
            Weight::Bold => self.bold.width(text, size),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_widths_are_the_fonts_own() {
        let m = Metrics::dejavu().unwrap();
        // DejaVu Sans: "M" is 1767/2048 em, space 651/2048 em.
        assert!((m.width("M", 2048.0, Weight::Regular) - 1767.0).abs() < 0.5);
        assert!((m.width(" ", 2048.0, Weight::Regular) - 651.0).abs() < 0.5);
        assert!(m.width("Zürich", 10.0, Weight::Bold) > m.width("Zürich", 10.0, Weight::Regular));
        assert_eq!(m.width("", 10.0, Weight::Regular), 0.0);
    }
}

//! Fonts and text: DejaVu Sans loaded and measured, lines wrapped and shortened to fit, and
//! text set on the page.

use super::{MARGIN, RenderError, Writer, draw::color};
use crate::look::Rgb;
use printpdf::{FontId, Op, ParsedFont, PdfFontHandle, Point, Pt, TextItem};
use std::cell::RefCell;
use std::collections::HashMap;

/// Font ids double as the subset tag in the PDF ("LWSANR+DejaVuSans"): six capital letters.
const REGULAR_ID: &str = "LWSANR";
const BOLD_ID: &str = "LWSANB";

/// Drawn in place of a character DejaVu Sans has no glyph for (CJK, emoji).
const MISSING: char = '□';
const MISSING_EM: f32 = 0.8;

pub(super) struct Face {
    pub(super) parsed: ParsedFont,
    pub(super) id: FontId,
    units_per_em: f32,
    widths: RefCell<HashMap<char, Option<f32>>>,
}

impl Face {
    fn load(bytes: &[u8], id: &str, name: &'static str) -> Result<Face, RenderError> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(RenderError::Font(name))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        Ok(Face {
            parsed,
            id: FontId(id.to_string()),
            units_per_em,
            widths: RefCell::new(HashMap::new()),
        })
    }

    /// Advance of `c` in ems, or None when the font has no glyph for it.
    fn advance(&self, c: char) -> Option<f32> {
        *self.widths.borrow_mut().entry(c).or_insert_with(|| {
            self.parsed
                .lookup_glyph_index(c as u32)
                .filter(|&g| g != 0)
                .map(|g| f32::from(self.parsed.get_horizontal_advance(g)) / self.units_per_em)
        })
    }

    /// Width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let em: f32 = text
            .chars()
            .map(|c| self.advance(c).unwrap_or(MISSING_EM))
            .sum();
        em * size
    }

    /// `text` with every character the font cannot draw shown as "□", so a reader sees that
    /// something is missing instead of a silently shortened name.
    fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if text.chars().all(|c| self.advance(c).is_some()) {
            return std::borrow::Cow::Borrowed(text);
        }
        text.chars()
            .map(|c| {
                if self.advance(c).is_some() {
                    c
                } else {
                    MISSING
                }
            })
            .collect::<String>()
            .into()
    }
}

pub(super) struct Fonts {
    pub(super) regular: Face,
    pub(super) bold: Face,
}

impl Fonts {
    pub(super) fn load() -> Result<Fonts, RenderError> {
        Ok(Fonts {
            regular: Face::load(dejavu::sans::regular(), REGULAR_ID, "Regular")?,
            bold: Face::load(dejavu::sans::bold(), BOLD_ID, "Bold")?,
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

/// Break `text` into lines no wider than `max` points: at spaces, and inside a word only when
/// the word alone is wider than a line. Linear in the length of `text`: each character is
/// measured once and widths are kept as running sums, never re-measured per candidate line.
pub(super) fn wrap(face: &Face, text: &str, size: f32, max: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0_f32;
        for word in paragraph.split_whitespace() {
            let word_width = face.width(word, size);
            let joined = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if joined <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            line_width = 0.0;
            for c in word.chars() {
                let w = face.advance(c).unwrap_or(MISSING_EM) * size;
                if line_width + w > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` shortened with "…" to fit `max` points (linear in the length of `text`).
pub(super) fn ellipsize(face: &Face, text: &str, size: f32, max: f32) -> String {
    if face.width(text, size) <= max {
        return text.to_string();
    }
    let room = max - face.width("…", size);
    let mut out = String::new();
    let mut width = 0.0_f32;
    for c in text.chars() {
        let w = face.advance(c).unwrap_or(MISSING_EM) * size;
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

impl Writer<'_> {
    /// Text with its top at `top` (points from the top of the page).
    pub(super) fn text(
        &mut self,
        x: f32,
        top: f32,
        size: f32,
        weight: Weight,
        rgb: Rgb,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let face = self.face(weight);
        let id = face.id.clone();
        let text = face.printable(text).into_owned();
        let page = self.page();
        let baseline = page.height - top - size * 0.93;
        page.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(rgb) },
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(baseline),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text)],
            },
            Op::EndTextSection,
        ]);
    }

    /// Wrapped text at the cursor across the content width; moves the cursor down.
    pub(super) fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        weight: Weight,
        rgb: Rgb,
        indent: f32,
    ) {
        let leading = size * 1.38;
        let max = self.content_width() - indent;
        for line in wrap(self.face(weight), text, size, max) {
            self.ensure(leading);
            let y = self.y;
            self.text(MARGIN + indent, y, size, weight, rgb, &line);
            self.y += leading;
        }
    }

    /// Wrapped text at `x`, `w` points wide, from the cursor down; moves the cursor.
    pub(super) fn text_block(
        &mut self,
        x: f32,
        w: f32,
        text: &str,
        size: f32,
        weight: Weight,
        rgb: Rgb,
    ) {
        let leading = size * 1.35;
        for line in wrap(self.face(weight), text, size, w) {
            let y = self.y;
            self.text(x, y, size, weight, rgb, &line);
            self.y += leading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_splits_only_overlong_words() {
        let fonts = Fonts::load().unwrap();
        let face = &fonts.regular;
        let lines = wrap(face, "Equinix DC2 Ashburn to Azure East US", 10.0, 80.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| face.width(l, 10.0) <= 80.0));
        assert_eq!(lines.join(" "), "Equinix DC2 Ashburn to Azure East US");
        let long = wrap(face, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10.0, 40.0);
        assert!(long.len() > 1 && long.concat() == "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    }

    #[test]
    fn ellipsize_keeps_short_text_and_marks_cut_text() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(ellipsize(&fonts.regular, "Zürich", 8.0, 200.0), "Zürich");
        let cut = ellipsize(&fonts.regular, "Île-de-France interconnect hub", 8.0, 50.0);
        assert!(cut.ends_with('…') && fonts.regular.width(&cut, 8.0) <= 50.0);
    }
}

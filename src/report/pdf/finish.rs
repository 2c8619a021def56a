//! The end of the writing: the running footer on every page, then the PDF file, its metadata
//! and a trailer ID derived from the content (same report, same bytes).

use super::text::{Weight, ellipsize};
use super::{GREY, INK, MARGIN, RULE, RenderError, Rendered, Writer};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, LinkAnnotation, Mm, PdfDocument, PdfPage,
    PdfSaveOptions, Pt,
};

impl Writer<'_> {
    /// The footers, then the PDF file's bytes.
    pub(super) fn finish(mut self) -> Result<Rendered, RenderError> {
        // A page left empty by a section break at the very end is dropped.
        if self.pages.len() > 1 && self.pages.last().is_some_and(|p| p.ops.is_empty()) {
            self.pages.pop();
        }
        let total = self.pages.len();
        self.footers();
        self.contents_pages();
        let bytes = self.into_pdf()?;
        Ok(Rendered {
            bytes,
            pages: total,
        })
    }

    /// Each contents line gets its section's page number, right-aligned, and becomes a link to
    /// that page.
    fn contents_pages(&mut self) {
        for &(section, page, top, height) in &self.contents.clone() {
            let Some(&(_, start)) = self.starts.get(section) else {
                continue;
            };
            let width = self.pages[page].width;
            let number = (start + 1).to_string();
            let nw = self.fonts.regular.width(&number, 9.0);
            self.current = page;
            self.text(width - MARGIN - nw, top, 9.0, Weight::Regular, INK, &number);
            let page_height = self.pages[page].height;
            let link = LinkAnnotation::new(
                printpdf::Rect {
                    x: Pt(MARGIN),
                    // PDF coordinates: from the bottom of the page.
                    y: Pt(page_height - top - height + 2.0),
                    width: Pt(width - 2.0 * MARGIN),
                    height: Pt(height),
                    mode: None,
                    winding_order: None,
                },
                Actions::go_to(Destination::Xyz {
                    page: start + 1,
                    left: None,
                    top: None,
                    zoom: None,
                }),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                None,
            );
            self.pages[page]
                .ops
                .push(printpdf::Op::LinkAnnotation { link });
        }
    }

    /// The running footer on every page: a rule, the report's footer text (shortened to fit)
    /// and "Page n of N".
    fn footers(&mut self) {
        let total = self.pages.len();
        let footer = self.report.footer.clone();
        for i in 0..total {
            let (width, height) = (self.pages[i].width, self.pages[i].height);
            let numbers = format!("Page {} of {total}", i + 1);
            let nw = self.fonts.regular.width(&numbers, 7.5);
            self.current = i;
            let y = height - 30.0;
            self.line(&[(MARGIN, y), (width - MARGIN, y)], 0.4, RULE, None);
            let room = width - 2.0 * MARGIN - nw - 20.0;
            let text = ellipsize(&self.fonts.regular, &footer, 7.5, room);
            self.text(MARGIN, y + 5.0, 7.5, Weight::Regular, GREY, &text);
            self.text(
                width - MARGIN - nw,
                y + 5.0,
                7.5,
                Weight::Regular,
                GREY,
                &numbers,
            );
        }
    }

    /// The pages as a PDF document: the fonts embedded as subsets, the metadata, and a trailer
    /// ID derived from the content.
    fn into_pdf(self) -> Result<Vec<u8>, RenderError> {
        let mut doc = PdfDocument::new(&self.report.title);
        for face in [&self.fonts.regular, &self.fonts.bold] {
            doc.resources.fonts.map.insert(
                face.id.clone(),
                printpdf::font::PdfFont::new(face.parsed.clone()),
            );
        }
        let info = &mut doc.metadata.info;
        info.document_title = self.report.title.clone();
        info.author = self
            .report
            .cover
            .facts
            .first()
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        info.creator = format!("linkwright {}", env!("CARGO_PKG_VERSION"));
        info.producer = info.creator.clone();
        info.subject = "Hybrid-cloud interconnect design report".into();
        info.keywords = [
            "hybrid cloud",
            "interconnect",
            "ExpressRoute",
            "Direct Connect",
        ]
        .map(String::from)
        .to_vec();
        if let Some(date) = pdf_date(&self.report.date) {
            info.creation_date = date;
            info.modification_date = date;
            info.metadata_date = date;
        }
        let pages: Vec<PdfPage> = self
            .pages
            .into_iter()
            .map(|p| PdfPage::new(Mm::from(Pt(p.width)), Mm::from(Pt(p.height)), p.ops))
            .collect();
        doc.with_pages(pages);
        // A bookmark (outline entry) per section, the cover first.
        doc.add_bookmark("1. Cover", 1);
        for (title, page) in &self.starts {
            doc.add_bookmark(title, page + 1);
        }
        let options = PdfSaveOptions {
            subset_fonts: true,
            optimize: true,
            ..PdfSaveOptions::default()
        };
        let mut lo = doc.to_lopdf_document(&options, &mut Vec::new());
        // printpdf draws the trailer ID at random; a digest of the content keeps the output
        // reproducible (same report, same bytes).
        lo.trailer.remove(b"ID");
        indirect_annotations(&mut lo);
        lo.compress();
        let mut body = Vec::new();
        lo.save_to(&mut body)
            .map_err(|e| RenderError::Write(e.to_string()))?;
        let id = format!("{:016x}", fnv1a(&body));
        lo.trailer.set(
            "ID",
            lopdf::Object::Array(vec![
                lopdf::Object::string_literal(id.clone()),
                lopdf::Object::string_literal(id),
            ]),
        );
        let mut bytes = Vec::new();
        lo.save_to(&mut bytes)
            .map_err(|e| RenderError::Write(e.to_string()))?;
        Ok(bytes)
    }
}

/// "2026-01-31" as a PDF date at midnight UTC.
fn pdf_date(iso: &str) -> Option<printpdf::OffsetDateTime> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(printpdf::DateTime::new_in_offset(
        printpdf::Date {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    ))
}

/// FNV-1a, 64 bit: a stable digest for the trailer ID (not a security property).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// printpdf writes a page's link annotations inline in its `Annots` array; the PDF standard
/// wants indirect references there (ISO 32000-1, table 30), and readers that follow it (lopdf
/// among them) see no links otherwise. Each becomes an object of its own, in page order.
fn indirect_annotations(doc: &mut lopdf::Document) {
    for page in doc.get_pages().into_values() {
        let annots: Vec<lopdf::Object> = match doc
            .get_dictionary(page)
            .ok()
            .and_then(|p| p.get(b"Annots").ok())
            .and_then(|a| a.as_array().ok())
        {
            Some(annots) if annots.iter().any(|a| a.as_dict().is_ok()) => annots.clone(),
            _ => continue,
        };
        let refs: Vec<lopdf::Object> = annots
            .into_iter()
            .map(|a| match a {
                lopdf::Object::Dictionary(d) => lopdf::Object::Reference(doc.add_object(d)),
                other => other,
            })
            .collect();
        if let Ok(p) = doc.get_dictionary_mut(page) {
            p.set("Annots", lopdf::Object::Array(refs));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_parse_iso_days_only() {
        assert!(pdf_date("2026-01-31").is_some());
        assert!(pdf_date("2026-01").is_none());
        assert!(pdf_date("yesterday").is_none());
    }
}

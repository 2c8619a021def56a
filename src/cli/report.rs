//! `linkwright report FILE -o report.pdf|report.html [--paper a4|letter] [--date YYYY-MM-DD]
//! [--compare OTHER]`: the PDF, or the same report as one web page, by the output's extension.

use super::exit;
use crate::design_file;
use crate::report::{self, Format, Meta, Paper};
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// clap value parser for `--date`.
pub fn parse_date(text: &str) -> Result<String, String> {
    if report::is_iso_date(text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "`{text}` is not a date: expected YYYY-MM-DD, e.g. 2026-01-31"
        ))
    }
}

/// What `report` was asked for.
pub struct Asked<'a> {
    pub file: &'a Path,
    pub output: &'a Path,
    pub paper: Paper,
    pub date: Option<String>,
    /// Other designs to compare with as options.
    pub compare: &'a [std::path::PathBuf],
}

pub fn run(
    Asked {
        file,
        output,
        paper,
        date,
        compare,
    }: Asked<'_>,
    super::cost::Prices {
        catalog,
        user: user_book,
    }: super::cost::Prices<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    // Refused before anything is read or analysed: the name alone says what to write.
    let Some(format) = Format::of_path(output) else {
        writeln!(
            err,
            "error: cannot tell which format to write {} in: give a file name ending in .pdf, .html or .htm",
            output.display()
        )?;
        return Ok(exit::UNKNOWN_NAME);
    };
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    if output.is_dir() {
        writeln!(
            err,
            "error: cannot write the report to {}: it is a folder; give a file name such as report.pdf or report.html",
            output.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    let meta = Meta {
        file_name: file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        date: date.unwrap_or_else(report::today),
        paper,
    };
    let analyses = crate::analyses::run(
        &design,
        catalog,
        user_book,
        crate::costing::Options::default(),
        crate::resilience::Depth::Single,
    );
    let doc = if compare.is_empty() {
        report::build(&design, &analyses, catalog, user_book, &meta)
    } else {
        let mut others = Vec::with_capacity(compare.len());
        for path in compare {
            let Some(other) = super::load_design(path, err)? else {
                return Ok(exit::UNREADABLE);
            };
            others.push((report::option_label(&other, path), other));
        }
        let others: Vec<(String, &crate::model::Design)> =
            others.iter().map(|(l, d)| (l.clone(), d)).collect();
        let label = report::option_label(&design, file);
        report::compared(
            &design, &analyses, label, &others, catalog, user_book, &meta,
        )
    };
    let errors = analyses
        .findings
        .active()
        .filter(|f| f.severity == crate::rules::Severity::Error)
        .count();
    // The document holds all the report says: the design and its analyses can go before the
    // pages are laid out, so their memory and the PDF's are not needed at once.
    drop(analyses);
    drop(design);
    let (bytes, what) = match format {
        Format::Pdf => {
            let report::pdf::Rendered { bytes, pages } = report::pdf::render_counted(&doc)?;
            (bytes, format!("{pages} pages"))
        }
        Format::Html => {
            let bytes = report::html::render(&doc)?.into_bytes();
            (
                bytes,
                format!("{} sections, one web page", doc.sections.len()),
            )
        }
    };
    drop(doc);
    if let Err(e) = design_file::write_atomic(output, &bytes) {
        writeln!(
            err,
            "error: cannot write the report to {}: {e}",
            output.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    writeln!(
        out,
        "wrote {} ({what}, {} KB)",
        output.display(),
        bytes.len().div_ceil(1024)
    )?;
    if errors > 0 {
        writeln!(
            err,
            "note: the design has {}; the report lists them under Findings",
            crate::model::count(errors, "error", "errors")
        )?;
    }
    Ok(exit::OK)
}

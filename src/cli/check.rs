//! `linkwright check FILE...`
//!
//! Output goes through a buffered writer; the JSON document is written as it is serialized,
//! finding by finding.

use super::exit;
use super::json_out::{Seq, pretty};
use crate::catalog::Catalog;
use crate::design_file;
use crate::rules::{self, Finding, Severity};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// What of the findings is written.
#[derive(Clone, Copy)]
pub struct Shown {
    /// Findings at or above this severity.
    pub min: Severity,
    /// Each finding's fix, when its rule offers one (`--fixes`).
    pub fixes: bool,
    /// Apply the fixes and write the designs back first (`--fix`).
    pub apply: bool,
}

/// One file's entry in the JSON document.
struct FileReport<'a> {
    file: &'a str,
    result: &'a Result<rules::Findings, String>,
    shown: Shown,
}

/// A finding in the JSON document: as it serializes, and with `--fixes` the fix of an active
/// finding (the label; the edit itself is applied by `--fix` or the designer).
struct Written<'a> {
    finding: &'a Finding,
    fixes: bool,
}

impl Serialize for Written<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithFix<'a> {
            #[serde(flatten)]
            finding: &'a Finding,
            #[serde(skip_serializing_if = "Option::is_none")]
            fix: Option<&'a rules::Fix>,
        }
        // An accepted finding is left as it is: no fix offered.
        match (self.fixes, &self.finding.fix) {
            (true, Some(fix)) if self.finding.excluded.is_none() => WithFix {
                finding: self.finding,
                fix: Some(fix),
            }
            .serialize(s),
            _ => self.finding.serialize(s),
        }
    }
}

impl Serialize for FileReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let FileReport {
            file,
            result,
            shown: Shown { min, fixes, .. },
        } = *self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("file", file)?;
        match result {
            Ok(findings) => {
                map.serialize_entry(
                    "findings",
                    &Seq(|| {
                        findings
                            .items
                            .iter()
                            .filter(|f| f.severity >= min)
                            .map(|finding| Written { finding, fixes })
                    }),
                )?;
                map.serialize_entry("summary", &summarize(findings))?;
            }
            Err(e) => {
                map.serialize_entry("error", e)?;
                map.serialize_entry("findings", &[(); 0])?;
                map.serialize_entry("summary", &Summary::default())?;
            }
        }
        map.end()
    }
}

#[derive(Serialize, Default)]
struct Summary {
    errors: usize,
    warnings: usize,
    info: usize,
    excluded: usize,
}

/// What `check` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    /// SARIF 2.1.0: code-scanning tools annotate the pull request at each element's line.
    Sarif,
    /// JUnit XML: one test case per rule per file, for CI test reports.
    Junit,
}

pub fn run(
    files: &[PathBuf],
    format: CheckFormat,
    shown: Shown,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let mut code = exit::OK;
    let mut results = Vec::new();
    // Per file, the rules its design turns off (JUnit skips them).
    let mut off: Vec<Vec<&'static str>> = Vec::new();
    for path in files {
        // A design only read is mapped; one the fixes rewrite is read.
        let loaded = if shown.apply {
            design_file::load(path)
        } else {
            design_file::load_mapped(path)
        };
        match loaded {
            Ok(mut design) => {
                // With --fix, the findings of the design as written come from the fixes' last
                // check; a file that could not be written is checked as it is on disk.
                let mut fixed = None;
                if shown.apply {
                    let loaded = design.clone();
                    fixed = fix_file(path, &mut design, shown.min, catalog, err)?;
                    if fixed.is_none() {
                        code = exit::UNWRITABLE;
                        design = loaded;
                    }
                }
                let wrote = fixed.is_some();
                let findings = match fixed {
                    Some(findings) => findings,
                    None => rules::check(&design, catalog),
                };
                off.push(rules::turned_off(&design).map(|r| r.code).collect());
                if wrote {
                    // `apply_fixes` stops after a bounded number of rounds: the check of what is
                    // left says whether fixes are still offered.
                    let left = findings
                        .active()
                        .filter(|f| f.severity >= shown.min && f.fix.is_some())
                        .count();
                    if left > 0 {
                        writeln!(
                            err,
                            "{}: {} more {} offered; run check --fix again",
                            path.display(),
                            crate::model::count(left, "fix", "fixes"),
                            if left == 1 { "is" } else { "are" }
                        )?;
                    }
                }
                // A large design's memory is handed back while the findings are written.
                crate::par::drop_in_background(design);
                if findings.has_errors() && code == exit::OK {
                    code = exit::FINDINGS_ERRORS;
                }
                results.push((path.display().to_string(), Ok(findings)));
            }
            Err(e) => {
                writeln!(err, "error: {e}")?;
                code = exit::UNREADABLE;
                off.push(Vec::new());
                results.push((path.display().to_string(), Err(e.to_string())));
            }
        }
    }
    // Standard output is line-buffered; a large design can have many findings.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    match format {
        CheckFormat::Sarif => {
            // Findings are located at their elements' lines: the text is read again (the
            // design was parsed from it and dropped) and its ids found in one pass each.
            let texts: Vec<Option<String>> = results
                .iter()
                .map(|(file, result)| {
                    result.as_ref().ok().and_then(|_| {
                        crate::user_file::read_text(
                            std::path::Path::new(file),
                            crate::user_file::MAX_FILE_BYTES,
                        )
                        .ok()
                    })
                })
                .collect();
            super::check_formats::write_sarif(&mut out, &results, &texts, shown.min)?;
        }
        CheckFormat::Junit => {
            super::check_formats::write_junit(&mut out, &results, &off, shown.min)?
        }
        CheckFormat::Text => {
            for (file, result) in &results {
                let Ok(findings) = result else { continue };
                for f in findings.items.iter().filter(|f| f.severity >= shown.min) {
                    write_text(&mut out, file, f, shown.fixes)?;
                }
                let s = summarize(findings);
                writeln!(
                    out,
                    "{file}: {}, {}, {} info, {} excluded",
                    crate::model::count(s.errors, "error", "errors"),
                    crate::model::count(s.warnings, "warning", "warnings"),
                    s.info,
                    s.excluded
                )?;
            }
        }
        CheckFormat::Json => {
            use serde::ser::{SerializeMap, Serializer};
            let mut serializer = pretty(&mut out);
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry(
                "files",
                &Seq(|| {
                    results.iter().map(|(file, result)| FileReport {
                        file,
                        result,
                        shown,
                    })
                }),
            )?;
            map.end()?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(code)
}

/// Apply the fixes offered on `design` and write it back to `path` when any was applied, saying
/// what changed on `err`; answers the findings of the design as written. None when the file
/// could not be written (it is then as it was).
fn fix_file(
    path: &std::path::Path,
    design: &mut crate::model::Design,
    min: Severity,
    catalog: &Catalog,
    err: &mut dyn Write,
) -> anyhow::Result<Option<rules::Findings>> {
    let file = path.display();
    // The writer renames a new file over the old one, which a read-only file's folder allows:
    // the file's own permission is asked first.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        writeln!(
            err,
            "error: {file} is read-only; nothing fixed, it is unchanged"
        )?;
        return Ok(None);
    }
    let (labels, findings) = rules::apply_fixes(design, catalog, min);
    if labels.is_empty() {
        writeln!(err, "{file}: nothing to fix")?;
        return Ok(Some(findings));
    }
    if let Err(e) = design_file::save(design, path) {
        writeln!(err, "error: {e}; {file} is unchanged")?;
        return Ok(None);
    }
    for label in &labels {
        writeln!(err, "{file}: fixed: {label}")?;
    }
    let n = labels.len();
    writeln!(
        err,
        "{file}: {} applied",
        crate::model::count(n, "fix", "fixes")
    )?;
    Ok(Some(findings))
}

fn summarize(findings: &rules::Findings) -> Summary {
    Summary {
        errors: findings.count(Severity::Error),
        warnings: findings.count(Severity::Warning),
        info: findings.count(Severity::Info),
        excluded: findings.excluded().count(),
    }
}

fn write_text(out: &mut dyn Write, file: &str, f: &Finding, fixes: bool) -> std::io::Result<()> {
    let excluded = if f.excluded.is_some() {
        " (excluded)"
    } else {
        ""
    };
    writeln!(
        out,
        "{}[{}]{excluded} {}: {}",
        f.severity.label(),
        f.code,
        f.rule,
        f.message
    )?;
    writeln!(out, "  --> {file}: {}", f.subjects.join(", "))?;
    if let Some(comment) = &f.excluded {
        writeln!(out, "  = accepted: {comment}")?;
    }
    writeln!(out, "  = hint: {}", f.hint)?;
    writeln!(out, "  = ref: {}", f.reference)?;
    match &f.fix {
        Some(fix) if fixes && f.excluded.is_none() => writeln!(out, "  = fix: {}", fix.label),
        _ => Ok(()),
    }
}

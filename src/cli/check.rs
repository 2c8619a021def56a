//! `linkwright check FILE...`

use super::{Format, exit};
use crate::catalog::Catalog;
use crate::design_file;
use crate::rules::{self, Finding, Severity};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    findings: Vec<&'a Finding>,
    summary: Summary,
}

#[derive(Serialize, Default)]
struct Summary {
    errors: usize,
    warnings: usize,
    info: usize,
    excluded: usize,
}

pub fn run(
    files: &[PathBuf],
    format: Format,
    min: Severity,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let mut code = exit::OK;
    let mut results = Vec::new();
    for path in files {
        match design_file::load(path) {
            Ok(design) => {
                let findings = rules::check(&design, catalog);
                if findings.has_errors() && code == exit::OK {
                    code = exit::FINDINGS_ERRORS;
                }
                results.push((path.display().to_string(), Ok(findings)));
            }
            Err(e) => {
                writeln!(err, "error: {e}")?;
                code = exit::UNREADABLE;
                results.push((path.display().to_string(), Err(e.to_string())));
            }
        }
    }
    match format {
        Format::Text => {
            for (file, result) in &results {
                let Ok(findings) = result else { continue };
                for f in findings.items.iter().filter(|f| f.severity >= min) {
                    write_text(out, file, f)?;
                }
                let s = summarize(findings);
                writeln!(
                    out,
                    "{file}: {} error(s), {} warning(s), {} info, {} excluded",
                    s.errors, s.warnings, s.info, s.excluded
                )?;
            }
        }
        Format::Json => {
            let reports: Vec<FileReport> = results
                .iter()
                .map(|(file, result)| match result {
                    Ok(findings) => FileReport {
                        file: file.clone(),
                        error: None,
                        findings: findings
                            .items
                            .iter()
                            .filter(|f| f.severity >= min)
                            .collect(),
                        summary: summarize(findings),
                    },
                    Err(e) => FileReport {
                        file: file.clone(),
                        error: Some(e.clone()),
                        findings: Vec::new(),
                        summary: Summary::default(),
                    },
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "files": reports }))?;
            writeln!(out)?;
        }
    }
    Ok(code)
}

fn summarize(findings: &rules::Findings) -> Summary {
    Summary {
        errors: findings.count(Severity::Error),
        warnings: findings.count(Severity::Warning),
        info: findings.count(Severity::Info),
        excluded: findings.excluded().count(),
    }
}

fn write_text(out: &mut dyn Write, file: &str, f: &Finding) -> std::io::Result<()> {
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
    writeln!(out, "  = ref: {}", f.reference)
}

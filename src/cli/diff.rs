//! `linkwright diff A.json B.json`: what changed, for a reviewer — as text, as JSON, or as
//! Markdown ready to post as a pull-request comment.

use super::cost::Prices;
use super::exit;
use crate::costing::Options;
use crate::diff::{Changed, DemandDelta, DemandState, Diff, Element, FieldChange};
use crate::model::{Usd, dollars};
use crate::resilience::Depth;
use serde_json::Value;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

/// At most this many rows per list in Markdown: a pull-request comment has a size limit
/// (65,536 characters on GitHub); the rest is counted and left to `--format json`.
const MARKDOWN_ROWS: usize = 60;

pub fn run_diff(
    before: &Path,
    after: &Path,
    format: DiffFormat,
    options: Options,
    Prices { catalog, user }: Prices<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    // The two designs are read and analysed independently: one on each core.
    let analysed = |path: &Path| {
        crate::design_file::load_mapped(path).map(|d| {
            let x = crate::analyses::run(&d, catalog, user, options, Depth::Single);
            (d, x)
        })
    };
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| analysed(after));
        (analysed(before), crate::par::join(other))
    });
    let mut unreadable = false;
    for e in [first.as_ref().err(), second.as_ref().err()]
        .into_iter()
        .flatten()
    {
        writeln!(err, "error: {e}")?;
        unreadable = true;
    }
    let (Ok((a, x)), Ok((b, y))) = (first, second) else {
        debug_assert!(unreadable);
        return Ok(exit::UNREADABLE);
    };
    let d = crate::diff::diff(&a, &x, &b, &y);
    let mut out = std::io::BufWriter::new(out);
    let files = (before.display().to_string(), after.display().to_string());
    match format {
        DiffFormat::Json => {
            #[derive(serde::Serialize)]
            struct Doc<'a> {
                before: &'a str,
                after: &'a str,
                diff: &'a Diff,
            }
            let doc = Doc {
                before: &files.0,
                after: &files.1,
                diff: &d,
            };
            serde::Serialize::serialize(&doc, &mut super::json_out::pretty(&mut out))?;
            writeln!(out)?;
        }
        DiffFormat::Text => write!(out, "{}", text(&d, &files))?,
        DiffFormat::Markdown => write!(out, "{}", markdown(&d, &files))?,
    }
    out.flush()?;
    Ok(exit::OK)
}

/// A field's value as a reader reads it: text without quotes, anything else as compact JSON,
/// on one line and at most `VALUE_CHARS` characters (a long note is cut with "…").
fn value(v: &Option<Value>) -> String {
    let text = match v {
        None => return "(not set)".into(),
        Some(Value::String(s)) => one_line(s),
        Some(v) => v.to_string(),
    };
    if text.chars().count() <= VALUE_CHARS {
        text
    } else {
        text.chars().take(VALUE_CHARS).collect::<String>() + "…"
    }
}

/// The longest value a changed field shows (the JSON output has it whole).
const VALUE_CHARS: usize = 200;

/// The longest Markdown comment written: GitHub takes 65,536 characters in a comment, and a
/// workflow may post several designs' diffs in one.
const MARKDOWN_CHARS: usize = 30_000;

/// "+$200.00", "-$35.50", "±$0.00".
fn signed(before: Usd, after: Usd) -> String {
    match after.checked_sub(before) {
        Some(d) if d.micros() > 0 => format!("+{}", dollars(d)),
        Some(d) if d.micros() < 0 => dollars(d),
        Some(_) => "±$0.00".into(),
        None => "out of range".into(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn named(e: &Element) -> String {
    if e.name.is_empty() || e.name == e.id {
        format!("{} {}", e.kind, e.id)
    } else {
        format!("{} “{}” ({})", e.kind, one_line(&e.name), e.id)
    }
}

fn fields_text(fields: &[FieldChange]) -> Vec<String> {
    fields
        .iter()
        .map(|f| format!("{}: {} → {}", f.field, value(&f.before), value(&f.after)))
        .collect()
}

/// The summary line of the elements: "2 added, 1 removed, 3 changed, 5 moved".
fn element_counts(d: &Diff) -> String {
    let moved = d.changed.iter().filter(|c| c.moved_only()).count();
    format!(
        "{} added, {} removed, {} changed, {} only moved on the drawing",
        d.added.len(),
        d.removed.len(),
        d.changed.len() - moved,
        moved
    )
}

fn model_change(p: &Option<DemandState>, q: &Option<DemandState>) -> String {
    match (p, q) {
        (Some(p), Some(q)) if p.model == q.model => p.model.to_string(),
        (Some(p), Some(q)) => format!("{} → {}", p.model, q.model),
        (None, Some(q)) => format!("{} (new demand)", q.model),
        (Some(p), None) => format!("{} (demand removed)", p.model),
        (None, None) => String::new(),
    }
}

fn target_text(q: Option<&DemandState>) -> String {
    match q {
        Some(DemandState {
            target: Some(t),
            meets_target,
            ..
        }) => format!("{t}, {}", if *meets_target { "met" } else { "NOT met" }),
        _ => "none".into(),
    }
}

fn mbps(n: u64) -> String {
    let mut s = String::new();
    crate::model::push_thousands(&mut s, n);
    s + " Mbps"
}

fn capacity_change(p: &Option<DemandState>, q: &Option<DemandState>) -> String {
    match (p, q) {
        (Some(p), Some(q))
            if p.intact_mbps == q.intact_mbps && p.required_mbps == q.required_mbps =>
        {
            format!("{} of {}", mbps(q.intact_mbps), mbps(q.required_mbps))
        }
        (Some(p), Some(q)) => format!(
            "{} of {} → {} of {}",
            mbps(p.intact_mbps),
            mbps(p.required_mbps),
            mbps(q.intact_mbps),
            mbps(q.required_mbps)
        ),
        (None, Some(s)) | (Some(s), None) => {
            format!("{} of {}", mbps(s.intact_mbps), mbps(s.required_mbps))
        }
        (None, None) => String::new(),
    }
}

fn spof_change(r: &DemandDelta) -> String {
    let n = |s: &Option<DemandState>| s.as_ref().map(|s| s.spofs);
    match (n(&r.before), n(&r.after)) {
        (Some(p), Some(q)) if p == q => p.to_string(),
        (Some(p), Some(q)) => format!("{p} → {q}"),
        (None, Some(q)) => q.to_string(),
        (Some(p), None) => p.to_string(),
        (None, None) => String::new(),
    }
}

fn text(d: &Diff, (before, after): &(String, String)) -> String {
    let mut o = format!("Changes from {before} to {after}\n");
    if !d.properties.is_empty() {
        o += "\nDesign properties and settings\n";
        for f in fields_text(&d.properties) {
            o += &format!("  {f}\n");
        }
    }
    o += &format!("\nElements: {}\n", element_counts(d));
    for e in &d.added {
        o += &format!("  + {}\n", named(e));
    }
    for e in &d.removed {
        o += &format!("  - {}\n", named(e));
    }
    for c in d.changed.iter().filter(|c| !c.moved_only()) {
        o += &format!("  ~ {}\n", named(&c.element));
        for f in fields_text(&c.fields) {
            o += &format!("      {f}\n");
        }
    }
    o += &format!("\nFindings: {}\n", findings_counts(d));
    for (mark, f) in finding_rows(d) {
        o += &format!(
            "  {mark} {} {}: {}\n",
            f.severity.label(),
            f.code,
            one_line(&f.message)
        );
    }
    let c = &d.cost;
    o += &format!(
        "\nCost per month: {} → {} ({})\n",
        dollars(c.monthly_before),
        dollars(c.monthly_after),
        signed(c.monthly_before, c.monthly_after)
    );
    for k in c.by_category.iter().filter(|k| k.before != k.after) {
        o += &format!(
            "  {}: {} → {} ({})\n",
            k.category,
            dollars(k.before),
            dollars(k.after),
            signed(k.before, k.after)
        );
    }
    if let Some(note) = unpriced_note(d) {
        o += &format!("  {note}\n");
    }
    o += &format!(
        "\nResilience: {} changed, {} unchanged\n",
        plural(d.resilience.len(), "demand", "demands"),
        d.demands_unchanged
    );
    for r in &d.resilience {
        o += &format!(
            "  {}: model {} (target {}); capacity {}; single points of failure {}\n",
            one_line(&r.name),
            model_change(&r.before, &r.after),
            target_text(r.after.as_ref().or(r.before.as_ref())),
            capacity_change(&r.before, &r.after),
            spof_change(r)
        );
        if !r.spofs_added.is_empty() {
            o += &format!("      new: {}\n", r.spofs_added.join(", "));
        }
        if !r.spofs_removed.is_empty() {
            o += &format!("      gone: {}\n", r.spofs_removed.join(", "));
        }
    }
    o
}

/// "1 new, 2 resolved" and, when there are any, how many were accepted or had their rule
/// turned off (neither is a fix).
fn findings_counts(d: &Diff) -> String {
    let f = &d.findings;
    let mut s = format!("{} new, {} resolved", f.new.len(), f.resolved.len());
    if !f.accepted.is_empty() {
        s += &format!(", {} accepted as risks", f.accepted.len());
    }
    if !f.turned_off.is_empty() {
        s += &format!(
            ", {} no longer checked (rule turned off)",
            f.turned_off.len()
        );
    }
    s
}

/// Every finding that changed, marked: `+` new, `-` resolved, `=` accepted, `off` rule off.
fn finding_rows(d: &Diff) -> impl Iterator<Item = (&'static str, &crate::diff::FindingRef)> {
    let f = &d.findings;
    f.new
        .iter()
        .map(|x| ("+", x))
        .chain(f.resolved.iter().map(|x| ("-", x)))
        .chain(f.accepted.iter().map(|x| ("=", x)))
        .chain(f.turned_off.iter().map(|x| ("off", x)))
}

/// Text on one line: a name or message with line breaks cannot forge lines of the output.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn unpriced_note(d: &Diff) -> Option<String> {
    let c = &d.cost;
    (c.unpriced_before + c.unpriced_after > 0).then(|| {
        format!(
            "Lines without a price: {} before, {} after; a total with unpriced lines is a lower bound.",
            c.unpriced_before, c.unpriced_after
        )
    })
}

/// Text in a Markdown table cell or line: characters Markdown or HTML would read as syntax
/// are escaped, line breaks become spaces.
fn md(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                o.push('\\');
                o.push(ch);
            }
            '<' => o.push_str("&lt;"),
            // Not a mention: posting the comment must not notify anyone named in a design.
            '@' => o.push_str("&#64;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '\n' | '\r' => o.push(' '),
            _ => o.push(ch),
        }
    }
    o
}

fn more(o: &mut String, shown: usize, total: usize) {
    if total > shown {
        *o += &format!(
            "\n… and {} more (`linkwright diff --format json` lists them all).\n",
            total - shown
        );
    }
}

fn markdown(d: &Diff, (before, after): &(String, String)) -> String {
    let c = &d.cost;
    let errors_new = d
        .findings
        .new
        .iter()
        .filter(|f| f.severity == crate::rules::Severity::Error)
        .count();
    let missed_now = d
        .resilience
        .iter()
        .filter(|r| r.after.as_ref().is_some_and(|s| !s.meets_target))
        .count();
    let mut o = format!("### linkwright: {} → {}\n\n", md(before), md(after));
    o += &format!(
        "| | |\n|---|---|\n| Cost per month | {} → {} (**{}**) |\n| Findings | {} ({} new {}) |\n| Demands with changed resilience | {} ({} below target after) |\n| Elements | {} |\n",
        dollars(c.monthly_before),
        dollars(c.monthly_after),
        signed(c.monthly_before, c.monthly_after),
        findings_counts(d),
        errors_new,
        if errors_new == 1 { "error" } else { "errors" },
        d.resilience.len(),
        missed_now,
        element_counts(d)
    );
    if let Some(note) = unpriced_note(d) {
        o += &format!("\n> {}\n", md(&note));
    }
    let changed_categories: Vec<_> = c
        .by_category
        .iter()
        .filter(|k| k.before != k.after)
        .collect();
    if !changed_categories.is_empty() {
        o += "\n#### Cost by category (per month)\n\n| Category | Before | After | Change |\n|---|--:|--:|--:|\n";
        for k in changed_categories {
            o += &format!(
                "| {} | {} | {} | {} |\n",
                md(k.category),
                dollars(k.before),
                dollars(k.after),
                signed(k.before, k.after)
            );
        }
    }
    if !d.resilience.is_empty() {
        o += "\n#### Resilience per demand\n\n| Demand | Model | Target | Capacity (intact of required) | Single points of failure |\n|---|---|---|---|---|\n";
        for r in d.resilience.iter().take(MARKDOWN_ROWS) {
            let mut spofs = spof_change(r);
            if !r.spofs_added.is_empty() {
                spofs += &format!("; new: {}", r.spofs_added.join(", "));
            }
            if !r.spofs_removed.is_empty() {
                spofs += &format!("; gone: {}", r.spofs_removed.join(", "));
            }
            o += &format!(
                "| {} | {} | {} | {} | {} |\n",
                md(&r.name),
                md(&model_change(&r.before, &r.after)),
                md(&target_text(r.after.as_ref().or(r.before.as_ref()))),
                capacity_change(&r.before, &r.after),
                md(&spofs)
            );
        }
        more(&mut o, MARKDOWN_ROWS, d.resilience.len());
    }
    let findings = finding_rows(d).count();
    if findings > 0 {
        o += "\n#### Findings\n\n| | Severity | Rule | Finding |\n|---|---|---|---|\n";
        let rows = finding_rows(d).map(|(mark, f)| {
            let what = match mark {
                "+" => "new",
                "-" => "resolved",
                "=" => "accepted as a risk",
                _ => "rule turned off",
            };
            (what, f)
        });
        for (what, f) in rows.take(MARKDOWN_ROWS) {
            o += &format!(
                "| {what} | {} | {} | {} |\n",
                f.severity.label(),
                f.code,
                md(&f.message)
            );
        }
        more(&mut o, MARKDOWN_ROWS, findings);
    }
    let listed: Vec<(&str, &Element, Option<&Changed>)> = d
        .added
        .iter()
        .map(|e| ("added", e, None))
        .chain(d.removed.iter().map(|e| ("removed", e, None)))
        .chain(
            d.changed
                .iter()
                .filter(|c| !c.moved_only())
                .map(|c| ("changed", &c.element, Some(c))),
        )
        .collect();
    if !d.properties.is_empty() || !listed.is_empty() {
        o += &format!(
            "\n<details><summary>Elements: {}</summary>\n\n| | Element | What changed |\n|---|---|---|\n",
            element_counts(d)
        );
        for f in &d.properties {
            o += &format!(
                "| changed | design | {} |\n",
                md(&fields_text(std::slice::from_ref(f)).join(""))
            );
        }
        for (what, e, c) in listed.iter().take(MARKDOWN_ROWS) {
            let fields = c
                .map(|c| fields_text(&c.fields).join("; "))
                .unwrap_or_default();
            o += &format!("| {what} | {} | {} |\n", md(&named(e)), md(&fields));
        }
        more(&mut o, MARKDOWN_ROWS, listed.len());
        o += "\n</details>\n";
    }
    bounded(o)
}

/// The comment cut at a line to `MARKDOWN_CHARS`, saying where the rest is (an open
/// `<details>` closed).
fn bounded(o: String) -> String {
    if o.len() <= MARKDOWN_CHARS {
        return o;
    }
    let mut end = MARKDOWN_CHARS;
    while !o.is_char_boundary(end) {
        end -= 1;
    }
    let mut cut = o[..end].to_string();
    if let Some(line) = cut.rfind('\n') {
        cut.truncate(line + 1);
    }
    cut += "\n… cut to stay within a comment's size (`linkwright diff --format json` gives all of it).\n";
    if cut.matches("<details>").count() > cut.matches("</details>").count() {
        cut += "\n</details>\n";
    }
    cut
}

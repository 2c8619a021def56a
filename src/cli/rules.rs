//! `linkwright rules --explain CODE` and `linkwright rules --sources`: a rule explained, and the
//! sources every citation resolves to.

use super::RulesFormat;
use crate::reference::{self, Citation, Cited, Source};
use crate::rules::Rule;
use crate::rules::explain::{self, Explanation};

/// What `--explain` names: a rule, or one of the citations the product prints.
enum Explained {
    Rule(&'static Rule, &'static Explanation),
    Source(&'static Source),
    Citation(&'static Citation),
}

fn find(query: &str) -> Option<Explained> {
    let query = query.trim();
    if let Some(rule) = explain::find_rule(query) {
        // A registered rule without an explanation fails the tests; at run time it is shown
        // without the two added sections rather than refused.
        let e = explain::explanation(rule.code).unwrap_or(&NO_EXPLANATION);
        return Some(Explained::Rule(rule, e));
    }
    let query = query.strip_prefix("reference ").unwrap_or(query);
    reference::source(query)
        .map(Explained::Source)
        .or_else(|| reference::citation(query).map(Explained::Citation))
}

static NO_EXPLANATION: Explanation = Explanation {
    code: "",
    why: "(not written yet)",
    example_fix: "(not written yet)",
};

/// The explanation of a rule (by code or kebab-case name, any case), or of a source id,
/// reference entry, section or open question; None when nothing has that name.
pub fn explain(query: &str, format: RulesFormat) -> Option<String> {
    let found = find(query)?;
    Some(match format {
        RulesFormat::Json => {
            let mut s = serde_json::to_string_pretty(&explained_json(&found)).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Text | RulesFormat::Markdown => explained_text(&found),
    })
}

/// The message for a name `--explain` does not know.
pub fn unknown(query: &str) -> String {
    format!(
        "error: no rule, source or reference entry is called \"{query}\"\n  \
         = help: `linkwright rules` lists the rule codes and names; \
         `linkwright rules --sources` lists the source ids and reference entries"
    )
}

fn source_lines(s: &Source, indent: &str) -> String {
    let mut out = format!("{indent}{}  {}\n", s.id, s.title);
    out.push_str(&format!(
        "{indent}    {}; {}; {}\n",
        s.publisher,
        s.dated,
        s.confidence.words()
    ));
    out.push_str(&format!("{indent}    {}\n", s.url));
    out
}

fn explained_text(found: &Explained) -> String {
    match found {
        Explained::Rule(rule, e) => {
            let mut s = format!(
                "{} {} ({} by default)\n\nWhat it flags\n  {}\n\nWhy it matters\n  {}\n\nSources\n  Reference: {}\n",
                rule.code,
                rule.name,
                rule.default_severity.label(),
                rule.summary,
                e.why,
                rule.reference
            );
            for cited in reference::scan(rule.reference).0 {
                if let Cited::Citation(c) = cited {
                    s.push_str(&format!("  {}: {}\n", c.id, c.about));
                }
            }
            let sources = explain::sources(rule);
            if sources.is_empty() {
                s.push_str(
                    "  No cloud document: a check of the design's own consistency or of general IP practice (see why).\n",
                );
            }
            for src in sources {
                s.push_str(&source_lines(src, "  "));
            }
            s.push_str(&format!(
                "  More: docs/REFERENCE.md\n\nHow to fix\n  {}\n\nExample fix\n  {}\n",
                rule.hint, e.example_fix
            ));
            s
        }
        Explained::Source(src) => {
            let mut s = source_lines(src, "");
            if src.confidence != reference::Confidence::Gap {
                s.push_str(&format!("    read for our reference sheet: {}\n", src.read));
            }
            if !src.note.is_empty() {
                s.push_str(&format!("    {}\n", src.note));
            }
            s
        }
        Explained::Citation(c) => {
            let mut s = format!("{}  {}\n", c.id, c.about);
            if c.sources.is_empty() {
                s.push_str("  No source read.\n");
            }
            for src in c.sources.iter().filter_map(|id| reference::source(id)) {
                s.push_str(&source_lines(src, "  "));
            }
            s
        }
    }
}

fn explained_json(found: &Explained) -> serde_json::Value {
    match found {
        Explained::Rule(rule, e) => rule_json(rule, e),
        Explained::Source(src) => serde_json::json!({ "source": src }),
        Explained::Citation(c) => serde_json::json!({
            "citation": c,
            "sources": c.sources.iter().filter_map(|id| reference::source(id)).collect::<Vec<_>>(),
        }),
    }
}

/// One rule with its explanation and resolved sources (the JSON of the listing and of --explain).
pub fn rule_json(rule: &Rule, e: &Explanation) -> serde_json::Value {
    serde_json::json!({
        "code": rule.code, "name": rule.name, "severity": rule.default_severity,
        "summary": rule.summary, "hint": rule.hint, "reference": rule.reference,
        "why": e.why, "example_fix": e.example_fix,
        "sources": explain::sources(rule).iter().map(|s| s.id).collect::<Vec<_>>(),
    })
}

/// The rule's explanation, or the placeholder when none is written.
pub fn explanation_of(rule: &Rule) -> &'static Explanation {
    explain::explanation(rule.code).unwrap_or(&NO_EXPLANATION)
}

/// Every source and citation: text (one line each), Markdown (the tables of docs/REFERENCE.md)
/// or JSON.
pub fn sources_listing(format: RulesFormat) -> String {
    match format {
        RulesFormat::Markdown => reference::markdown(),
        RulesFormat::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "sources": reference::SOURCES,
                "citations": reference::CITATIONS,
            }))
            .unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Text => {
            let mut s = String::new();
            for src in reference::SOURCES {
                s.push_str(&format!(
                    "{:<17} {} ({}, {})\n",
                    src.id,
                    src.title,
                    src.dated,
                    src.confidence.words()
                ));
            }
            s.push('\n');
            for c in reference::CITATIONS {
                s.push_str(&format!(
                    "{:<17} {} [{}]\n",
                    c.id,
                    c.about,
                    c.sources.join(", ")
                ));
            }
            s
        }
    }
}

//! What a rule is and what it reports.

use super::context::Context;
use super::fix::Fix;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One validation rule: a stable code that is never reused, a kebab-case name for the problem,
/// a default severity, the reference entry it implements, and the check itself.
pub struct Rule {
    /// Stable code, e.g. "ER005".
    pub code: &'static str,
    /// The problem, kebab-case, e.g. "standard-circuit-outside-geopolitical-region".
    pub name: &'static str,
    pub default_severity: Severity,
    /// What the rule flags and why, one or two sentences (user-facing rule list).
    pub summary: &'static str,
    /// How to fix it.
    pub hint: &'static str,
    /// Reference-sheet entries implemented (e.g. "ER-SKU-2").
    pub reference: &'static str,
    /// What the check reads beyond the design: the failure analysis is computed (once, on its
    /// own thread for large designs) only when an enabled rule needs it.
    pub needs: Needs,
    pub check: fn(&Context, &mut Report),
}

/// What a rule's check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The design and the catalog.
    Design,
    /// Also the N-1 failure analysis (`Context::resilience`).
    FailureAnalysis,
}

/// Findings a rule reports: the element ids it concerns, a message naming them, and the fix
/// when the rule offers one.
#[derive(Default)]
pub struct Report {
    pub(super) raw: Vec<(Vec<String>, String, Option<Fix>)>,
}

impl Report {
    pub fn flag(&mut self, subjects: Vec<String>, message: String) {
        self.raw.push((subjects, message, None));
    }
    /// A finding with the change that resolves it (see [`Fix`]: only mechanical changes that
    /// are certainly right). `None` flags it without one.
    pub fn flag_with_fix(&mut self, subjects: Vec<String>, message: String, fix: Option<Fix>) {
        self.raw.push((subjects, message, fix));
    }
}

/// A rule's finding on a design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Ids of the nodes, links and demands concerned.
    pub subjects: Vec<String>,
    pub hint: &'static str,
    pub reference: &'static str,
    /// The comment of the exclusion that accepted this finding, when excluded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<String>,
    /// The change that resolves it, when the rule offers one. Written out only on request
    /// (`check --fixes`), so the JSON of a plain check stays as it was.
    #[serde(skip)]
    pub fix: Option<Fix>,
}

/// All findings of a check, most severe first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Findings {
    pub items: Vec<Finding>,
}

impl Findings {
    /// Findings that are not excluded.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter().filter(|f| f.excluded.is_none())
    }
    pub fn excluded(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter().filter(|f| f.excluded.is_some())
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.active().filter(|f| f.severity == severity).count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    /// The most severe active finding of every element mentioned (for badges): one pass over
    /// the findings instead of one per element.
    pub fn worst_by_subject(&self) -> std::collections::HashMap<String, Severity> {
        let mut worst: std::collections::HashMap<String, Severity> = Default::default();
        for f in self.active() {
            for s in &f.subjects {
                let e = worst.entry(s.clone()).or_insert(f.severity);
                *e = (*e).max(f.severity);
            }
        }
        worst
    }
    /// Active findings that mention `id`.
    pub fn about<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.active()
            .filter(move |f| f.subjects.iter().any(|s| s == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &'static str, severity: Severity, subjects: &[&str]) -> Finding {
        Finding {
            code,
            rule: "r",
            severity,
            message: String::new(),
            subjects: subjects.iter().map(|s| s.to_string()).collect(),
            hint: "",
            reference: "",
            excluded: None,
            fix: None,
        }
    }

    #[test]
    fn badges_show_the_worst_open_finding_of_each_element() {
        let mut accepted = finding("X3", Severity::Error, &["c"]);
        accepted.excluded = Some("accepted".into());
        let findings = Findings {
            items: vec![
                finding("X1", Severity::Warning, &["a", "b"]),
                finding("X2", Severity::Error, &["a"]),
                accepted,
            ],
        };
        let worst = findings.worst_by_subject();
        assert_eq!(worst.get("a"), Some(&Severity::Error));
        assert_eq!(worst.get("b"), Some(&Severity::Warning));
        assert_eq!(worst.get("c"), None, "an accepted risk carries no badge");
    }
}

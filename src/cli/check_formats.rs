//! `check --format sarif` (SARIF 2.1.0, for code-scanning tools that annotate a pull request
//! at the line of each finding) and `check --format junit` (JUnit XML, for CI test reports).

use crate::rules::{self, Finding, Severity};
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use std::io::Write;

/// One checked file: its name as given, its findings or why it could not be read.
pub(super) type Checked = (String, Result<rules::Findings, String>);

/// Where each element's `"id": "…"` member starts in a design file's text: 1-based line and
/// column (in characters), found in one pass over the text. The design's elements (nodes,
/// links, demands, risk groups) hold their `"id"` at the shallowest depth of any `"id"` in the
/// file, and their ids are unique across kinds; an id nested deeper (an ExpressRoute Direct
/// port in a facility's kind) may equal an element's id, which the loader allows, and then the
/// element's wins. Among ids at the same depth the first occurrence wins.
pub(super) fn id_lines(text: &str) -> FxHashMap<String, (usize, usize)> {
    // Each id with its place and the depth (open brackets) its `"id"` key is at.
    let mut out: FxHashMap<String, (usize, usize, usize)> = FxHashMap::default();
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut depth) = (1usize, 0usize, 0usize);
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => {
                line += 1;
                line_start = at + 1;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                // A string (JSON strings hold no raw line breaks): skip to its closing quote.
                let mut end = at + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                if end < bytes.len() && &text[at..end] == "\"id" {
                    if let Some(id) = id_value(&text[end + 1..]) {
                        let column = text[line_start..at].chars().count() + 1;
                        let found = out.entry(id.to_string()).or_insert((line, column, depth));
                        if depth < found.2 {
                            *found = (line, column, depth);
                        }
                    }
                }
                at = end + 1;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    out.into_iter()
        .map(|(id, (line, column, _))| (id, (line, column)))
        .collect()
}

/// The id after an `"id"` key: blanks, `:`, blanks, then a string without escapes (an escaped
/// id is not guessed at).
fn id_value(rest: &str) -> Option<&str> {
    let value = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    let end = value.find(['"', '\\'])?;
    (value.as_bytes()[end] == b'"').then(|| &value[..end])
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact location: relative paths against the checkout's root
/// (`%SRCROOT%`), with forward slashes.
fn artifact(file: &str) -> Value {
    let uri = percent_encoded(&file.replace('\\', "/"));
    if std::path::Path::new(file).is_absolute() {
        json!({ "uri": format!("file://{uri}") })
    } else {
        json!({ "uri": uri.trim_start_matches("./"), "uriBaseId": "%SRCROOT%" })
    }
}

/// A path as a URI reference: every byte but letters, digits, `-._~` and the separator `/`
/// percent-encoded (a space, `#` or `%` in a folder's name would otherwise change the URI).
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(file: &str, at: Option<(usize, usize)>, id: &str) -> Value {
    let mut physical = json!({ "artifactLocation": artifact(file) });
    // An element the text does not name (a demand's implied path) is located at the file.
    physical["region"] = match at {
        Some((line, column)) => json!({ "startLine": line, "startColumn": column }),
        None => json!({ "startLine": 1 }),
    };
    json!({
        "physicalLocation": physical,
        "logicalLocations": [{ "name": id, "kind": "element" }],
    })
}

/// The SARIF log of a check: one run, every rule described once, one result per finding at
/// the line of its first element (the others as related locations); accepted risks carry a
/// suppression with their comment; an unreadable file is a tool notification.
pub(super) fn write_sarif(
    out: &mut dyn Write,
    results: &[Checked],
    texts: &[Option<String>],
    min: Severity,
) -> anyhow::Result<()> {
    let index: FxHashMap<&str, usize> = rules::RULES
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code, i))
        .collect();
    let driver_rules: Vec<Value> = rules::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "help": { "text": r.hint },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "reference": r.reference },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    let mut notifications = Vec::new();
    for ((file, result), text) in results.iter().zip(texts) {
        let findings = match result {
            Ok(f) => f,
            Err(e) => {
                notifications.push(json!({
                    "level": "error",
                    "message": { "text": e },
                    "locations": [{ "physicalLocation": { "artifactLocation": artifact(file) } }],
                }));
                continue;
            }
        };
        let lines = text.as_deref().map(id_lines).unwrap_or_default();
        for f in findings.items.iter().filter(|f| f.severity >= min) {
            sarif_results.push(result_of(f, file, &lines, &index));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "linkwright",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": sarif_results,
        }],
    });
    serde::Serialize::serialize(&log, &mut super::json_out::pretty(&mut *out))?;
    writeln!(out)?;
    Ok(())
}

fn result_of(
    f: &Finding,
    file: &str,
    lines: &FxHashMap<String, (usize, usize)>,
    index: &FxHashMap<&str, usize>,
) -> Value {
    let at = |id: &String| location(file, lines.get(id.as_str()).copied(), id);
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": format!("{} Hint: {}", f.message, f.hint) },
        "locations": f.subjects.first().map(at).into_iter().collect::<Vec<_>>(),
    });
    if let Some(&i) = index.get(f.code) {
        r["ruleIndex"] = i.into();
    }
    if f.subjects.len() > 1 {
        r["relatedLocations"] = f.subjects[1..]
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut l = at(id);
                l["id"] = (i + 1).into();
                l["message"] = json!({ "text": id });
                l
            })
            .collect();
    }
    if let Some(comment) = &f.excluded {
        r["suppressions"] = json!([{ "kind": "external", "justification": comment }]);
    }
    // Same rule on the same elements: the same finding from run to run, however the message's
    // figures change.
    r["partialFingerprints"] =
        json!({ "elements/v1": format!("{}:{}", f.code, f.subjects.join(",")) });
    r
}

/// JUnit XML: one test suite per file, one test case per rule; a rule with active errors
/// fails, warnings and notes are the case's output; a rule the design turns off (`off[i]` for
/// the i-th file) is skipped, since it did not run; a rule whose findings are accepted risks ran
/// and passes, the accepted findings and their comments in its output; an unreadable file is an
/// error.
pub(super) fn write_junit(
    out: &mut dyn Write,
    results: &[Checked],
    off: &[Vec<&'static str>],
    min: Severity,
) -> anyhow::Result<()> {
    use crate::diagram::svg::escape;
    let mut failures_all = 0;
    let mut errors_all = 0;
    let mut suites = String::new();
    let none = Vec::new();
    for (i, (file, result)) in results.iter().enumerate() {
        let findings = match result {
            Ok(f) => f,
            Err(e) => {
                errors_all += 1;
                suites += &format!(
                    "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"{0}\" name=\"load\">\n      <error message=\"the file cannot be read\">{}</error>\n    </testcase>\n  </testsuite>\n",
                    escape(file),
                    escape(e)
                );
                continue;
            }
        };
        let off = off.get(i).unwrap_or(&none);
        let mut by_rule: FxHashMap<&str, Vec<&Finding>> = FxHashMap::default();
        for f in findings.items.iter().filter(|f| f.severity >= min) {
            by_rule.entry(f.code).or_default().push(f);
        }
        let (mut failures, mut skipped) = (0, 0);
        let mut cases = String::new();
        for r in rules::RULES {
            let fs = by_rule.remove(r.code).unwrap_or_default();
            cases += &format!(
                "    <testcase classname=\"{}\" name=\"{} {}\">\n",
                escape(file),
                r.code,
                r.name
            );
            if off.contains(&r.code) {
                skipped += 1;
                cases += &format!(
                    "      <skipped message=\"{}\"/>\n    </testcase>\n",
                    escape(&format!(
                        "{} is turned off in the design's settings (severity_overrides: off)",
                        r.code
                    ))
                );
                continue;
            }
            let line = |f: &Finding| {
                format!(
                    "{}[{}] {} ({})",
                    f.severity.label(),
                    f.code,
                    f.message,
                    f.subjects.join(", ")
                )
            };
            let errors: Vec<&&Finding> = fs
                .iter()
                .filter(|f| f.excluded.is_none() && f.severity == Severity::Error)
                .collect();
            if !errors.is_empty() {
                failures += 1;
                cases += &format!(
                    "      <failure message=\"{}\" type=\"error\">{}</failure>\n",
                    escape(&crate::model::count(errors.len(), "error", "errors")),
                    escape(
                        &errors
                            .iter()
                            .map(|f| line(f))
                            .chain(std::iter::once(format!("hint: {}", r.hint)))
                            .collect::<Vec<_>>()
                            .join("\n")
                    )
                );
            }
            // Active warnings and notes, then the accepted risks with their comments: the rule
            // ran and found them, and the design accepts them.
            let output: Vec<String> = fs
                .iter()
                .filter(|f| f.excluded.is_none() && f.severity != Severity::Error)
                .map(|f| line(f))
                .chain(fs.iter().filter_map(|f| {
                    let comment = f.excluded.as_deref()?;
                    Some(format!("accepted risk: {} — {comment}", line(f)))
                }))
                .collect();
            if !output.is_empty() {
                cases += &format!(
                    "      <system-out>{}</system-out>\n",
                    escape(&output.join("\n"))
                );
            }
            cases += "    </testcase>\n";
        }
        failures_all += failures;
        suites += &format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n",
            escape(file),
            rules::RULES.len()
        );
    }
    let tests: usize = results
        .iter()
        .map(|(_, r)| if r.is_ok() { rules::RULES.len() } else { 1 })
        .sum();
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"linkwright check\" tests=\"{tests}\" failures=\"{failures_all}\" errors=\"{errors_all}\">\n{suites}</testsuites>\n"
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_at_their_line_and_column_in_one_pass() {
        let text = "{\n  \"nodes\": [\n    { \"id\": \"a\" },\n    {\"id\":\"b\"}\n  ],\n  \"x\": [{ \"id\" : \"c\\\"d\" }],\n  \"y\": [{ \"id\": \"a\", \"n\": \"{[\\\"id\\\": \\\"e\\\"\" }]\n}";
        let lines = id_lines(text);
        assert_eq!(lines.get("a"), Some(&(3, 7)), "the first occurrence wins");
        assert_eq!(lines.get("b"), Some(&(4, 6)));
        assert_eq!(lines.get("c"), None, "an escaped id is not guessed at");
        assert_eq!(lines.get("e"), None, "an id inside a string is no member");
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn an_element_id_wins_over_an_equal_nested_id_before_it() {
        // A facility's ExpressRoute Direct port named like a link, the port first in the file.
        let text = "{\"design\": {\n\"nodes\": [{\"id\": \"fac\", \"kind\": {\"facility\": {\"er_direct_ports\": [\n  {\"id\": \"er-1\"}]}}}],\n\"links\": [\n  {\"id\": \"er-1\"}\n]}}";
        let lines = id_lines(text);
        assert_eq!(
            lines.get("er-1"),
            Some(&(5, 4)),
            "the link's line, not the port's"
        );
        assert_eq!(lines.get("fac"), Some(&(2, 12)));
    }

    #[test]
    fn paths_become_valid_uri_references() {
        assert_eq!(
            artifact("designs/dir #1/my design%é.json")["uri"],
            "designs/dir%20%231/my%20design%25%C3%A9.json"
        );
        assert_eq!(artifact("./a/b.json")["uri"], "a/b.json");
        assert_eq!(artifact("/srv/x y.json")["uri"], "file:///srv/x%20y.json");
    }
}

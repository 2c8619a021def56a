//! What a report's body must not say (the PDF's and the web page's): the body speaks to
//! stakeholders in names and words; rule slugs and codes, meter keys, source codes, commands
//! and raw three-decimal quantities belong in the appendices.

/// The first thing in `body` that a stakeholder should not read there, described, or None.
pub fn codes_in_body(body: &str) -> Option<String> {
    for code in [
        "`",
        "[OFF",
        "[3P]",
        "[DER",
        "(Q5)",
        "[GAP]",
        "PRICE-NOTES",
        "(DX-SLA-1)",
        "aws.dx.",
        "azure.er.",
        "aws.tgw.",
        "linkwright cost",
        "linkwright prices",
        "linkwright check",
    ] {
        if body.contains(code) {
            return Some(format!("{code} in the body"));
        }
    }
    // No rule names ("target-resiliency-not-met") and no rule codes ("(RES003)").
    for rule in linkwright::rules::RULES {
        if body.contains(rule.name) {
            return Some(format!("rule {} in the body", rule.name));
        }
        if body.contains(&format!("({})", rule.code)) {
            return Some(format!("rule code ({}) in the body", rule.code));
        }
    }
    // Quantities are rounded: no "9523.809 GB".
    body.split_whitespace()
        .zip(body.split_whitespace().skip(1))
        .find(|(q, unit)| {
            matches!(*unit, "GB" | "h" | "month" | "months")
                && q.split_once('.').is_some_and(|(_, f)| f.len() == 3)
        })
        .map(|(q, unit)| format!("unrounded quantity {q} {unit} in the body"))
}

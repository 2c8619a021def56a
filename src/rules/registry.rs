//! Looking rules up in the one table ([`super::RULES`], declared in `rules/mod.rs`). Codes are
//! never reused: a retired rule keeps its code out of circulation.

use super::RULES;
use super::rule::Rule;

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

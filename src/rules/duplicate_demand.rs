//! GEN009: two demands for the same site and region: capacity and egress would be counted
//! twice.
use super::prelude::*;
use rustc_hash::FxHashMap as HashMap;

pub static RULE: Rule = Rule {
    code: "GEN009",
    name: "duplicate-demand",
    default_severity: Severity::Warning,
    summary: "Two demands name the same site and region; their bandwidth and egress would be counted twice.",
    hint: "Merge them into one demand with the combined bandwidth and egress.",
    reference: "design model",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut first: HashMap<(&str, &str), &str> = HashMap::default();
    for d in &cx.design.demands {
        if let Some(other) = first.insert((d.site.as_str(), d.region.as_str()), d.id.as_str()) {
            first.insert((d.site.as_str(), d.region.as_str()), other);
            out.flag(
                vec![other.to_string(), d.id.to_string()],
                format!(
                    "demands `{other}` and `{}` both run from {} to {}",
                    d.id,
                    cx.name_of(d.site.as_str()),
                    cx.name_of(d.region.as_str())
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        assert_fixture(
            &RULE,
            |d| {
                let mut dup = d.demands[0].clone();
                dup.id = "d-az-2".into();
                d.demands.push(dup);
            },
            &["d-az", "d-az-2"],
            |d| {
                let mut dup = d.demands[0].clone();
                dup.id = "d-az-2".into();
                d.demands.remove(0);
                d.demands.push(dup);
            },
        );
    }
}

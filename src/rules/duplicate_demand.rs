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

/// A demand's end: the node its id resolves to, or the id itself when it names no node (two
/// equal ids resolve alike, so this is the same test as comparing the ids, without hashing
/// two strings per demand).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum End<'a> {
    Node(usize),
    Id(&'a str),
}

impl<'a> End<'a> {
    fn of(resolved: Option<usize>, id: &'a str) -> Self {
        match resolved {
            Some(node) => End::Node(node),
            None => End::Id(id),
        }
    }
}

fn check(cx: &Context, out: &mut Report) {
    let mut first: HashMap<[End<'_>; 2], &str> = HashMap::default();
    first.reserve(cx.design.demands.len());
    for (d, ends) in cx.design.demands.iter().zip(cx.demand_ends) {
        let key = [
            End::of(ends[0], d.site.as_str()),
            End::of(ends[1], d.region.as_str()),
        ];
        if let Some(other) = first.insert(key, d.id.as_str()) {
            first.insert(key, other);
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

    /// Ids that name no node are compared as written: the same missing site twice is a
    /// duplicate, two different missing sites are not.
    #[test]
    fn ends_that_name_no_node_are_compared_by_id() {
        let flagged = |sites: [&str; 2]| {
            let mut d = base();
            let mut dup = d.demands[0].clone();
            dup.id = "d-az-2".into();
            d.demands.push(dup);
            d.demands[0].site = sites[0].into();
            let last = d.demands.len() - 1;
            d.demands[last].site = sites[1].into();
            let found = crate::rules::check(&d, catalog());
            found.items.iter().filter(|f| f.code == "GEN009").count()
        };
        assert_eq!(flagged(["gone", "gone"]), 1);
        assert_eq!(flagged(["gone", "lost"]), 0);
        assert_eq!(flagged(["gone", "site"]), 0);
    }
}

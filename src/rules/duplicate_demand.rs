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
/// equal ids resolve alike, so comparing ends is comparing the ids, without hashing strings).
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
    let demands = &cx.design.demands;
    // (first, duplicate) by index into the demands.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // Demands whose two ends are nodes, by the nodes' indices: sorted, a demand's duplicates
    // follow it (the index breaks ties). The others (an end names no node) go through a map.
    let mut by_nodes: Vec<(usize, usize, usize)> = Vec::with_capacity(demands.len());
    let mut by_ids: HashMap<[End<'_>; 2], usize> = HashMap::default();
    for (i, (d, ends)) in demands.iter().zip(cx.demand_ends).enumerate() {
        if let [Some(site), Some(region)] = *ends {
            by_nodes.push((site, region, i));
            continue;
        }
        let key = [
            End::of(ends[0], d.site.as_str()),
            End::of(ends[1], d.region.as_str()),
        ];
        match by_ids.get(&key) {
            Some(&first) => pairs.push((first, i)),
            None => {
                by_ids.insert(key, i);
            }
        }
    }
    by_nodes.sort_unstable();
    for group in by_nodes.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let first = group[0].2;
        pairs.extend(group[1..].iter().map(|&(_, _, i)| (first, i)));
    }
    // In the demands' order, as they are read.
    pairs.sort_unstable_by_key(|&(_, i)| i);
    for (first, i) in pairs {
        let (other, d) = (&demands[first].id, &demands[i]);
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

    /// Each later duplicate is paired with the first demand of its site and region.
    #[test]
    fn later_duplicates_pair_with_the_first() {
        let mut d = base();
        for n in [2, 3] {
            let mut dup = d.demands[0].clone();
            dup.id = format!("d-az-{n}").into();
            d.demands.push(dup);
        }
        let found = crate::rules::check(&d, catalog());
        let pairs: Vec<&[String]> = found
            .items
            .iter()
            .filter(|f| f.code == "GEN009")
            .map(|f| f.subjects.as_slice())
            .collect();
        assert_eq!(
            pairs,
            [["d-az", "d-az-2"], ["d-az", "d-az-3"]].map(|p| p.map(String::from)),
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

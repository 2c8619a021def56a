//! GEN007: a demand whose site has no path at all to its region. Paths run through
//! facilities and fabric routers; cloud regions and other sites are not transit (ExpressRoute
//! is not a transit service, ER-TOPO-2).
//!
//! Linear time: facilities and fabric routers joined by links form transit components
//! (union-find); a site reaches a region when a link joins them directly or joins the site to a
//! component that has a link to the region.
use super::prelude::*;
use crate::resilience::flow::find_root;
use rustc_hash::{FxHashMap, FxHashSet};

pub static RULE: Rule = Rule {
    code: "GEN007",
    name: "demand-without-path",
    default_severity: Severity::Error,
    summary: "A demand's site has no path at all to its cloud region: the traffic it needs has no way to flow.",
    hint: "Connect the site to the region: an access circuit to a facility plus an ExpressRoute circuit or Direct Connect connection, or a VPN.",
    reference: "ER-TOPO-2",
    needs: Needs::Design,
    check,
};

fn is_transit(n: &Node) -> bool {
    matches!(
        n.tag(),
        NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter
    )
}

fn check(cx: &Context, out: &mut Report) {
    if cx.design.demands.is_empty() {
        return;
    }
    let nodes = &cx.design.nodes;
    // Union-find over every node; only transit nodes are ever joined.
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    for ends in cx.link_ends {
        if let [Some(a), Some(b)] = *ends {
            if is_transit(&nodes[a]) && is_transit(&nodes[b]) {
                let (ra, rb) = (find_root(&mut parent, a), find_root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let gateway_of = |n: &Node| {
        n.as_aws()
            .filter(|r| r.attachment != AwsAttachment::VirtualPrivateGateway)
            .and_then(|r| r.dx_gateway.as_deref())
            .map(|g| g.trim().to_lowercase())
    };
    let mut behind_gateway: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(g) = gateway_of(n) {
            behind_gateway.entry(g).or_default().push(i);
        }
    }
    // (transit component, region node) pairs joined by a link.
    let mut reaches: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (link, ends) in cx.design.links.iter().zip(cx.link_ends) {
        let [Some(a), Some(b)] = *ends else { continue };
        for (t, other) in [(a, b), (b, a)] {
            let region = &nodes[other];
            if !is_transit(&nodes[t]) || (region.as_azure().is_none() && region.as_aws().is_none())
            {
                continue;
            }
            let root = find_root(&mut parent, t);
            reaches.insert((root, other));
            if link.as_dx().is_some() {
                if let Some(regions) = gateway_of(region).and_then(|g| behind_gateway.get(&g)) {
                    reaches.extend(regions.iter().map(|&r| (root, r)));
                }
            }
        }
    }
    for (d, ends) in cx.design.demands.iter().zip(cx.demand_ends) {
        let [Some(site), Some(region)] = *ends else {
            continue;
        };
        if nodes[site].tag() != NodeKindTag::OnPremSite {
            continue;
        }
        let reachable = cx.neighbours(site).any(|(_, next)| {
            next.is_some_and(|next| {
                next == region
                    || (is_transit(&nodes[next])
                        && reaches.contains(&(find_root(&mut parent, next), region)))
            })
        });
        if !reachable {
            out.flag(
                vec![d.id.to_string(), d.site.to_string(), d.region.to_string()],
                format!(
                    "demand `{}` ({}) from {} to {} has no path: no chain of links joins them",
                    d.id,
                    mbps(d.required_mbps),
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
            |d| d.links.retain(|l| !l.id.as_str().starts_with("acc")),
            &["aws", "az", "d-aws", "d-az", "site"],
            |d| d.links.retain(|l| l.id.as_str() != "acc-1"),
        );
    }
}

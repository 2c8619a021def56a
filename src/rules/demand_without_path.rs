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
    let transit: FxHashMap<&str, usize> = cx
        .design
        .nodes
        .iter()
        .filter(|n| is_transit(n))
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..transit.len()).collect();
    for link in &cx.design.links {
        if let (Some(&a), Some(&b)) = (transit.get(link.a.as_str()), transit.get(link.b.as_str())) {
            let (ra, rb) = (find_root(&mut parent, a), find_root(&mut parent, b));
            parent[ra] = rb;
        }
    }
    // Regions behind one Direct Connect gateway: a connection into one reaches them all.
    let gateway_of = |n: &Node| {
        n.as_aws()
            .filter(|r| r.attachment != AwsAttachment::VirtualPrivateGateway)
            .and_then(|r| r.dx_gateway.as_deref())
            .map(|g| g.trim().to_lowercase())
    };
    let mut behind_gateway: FxHashMap<String, Vec<&str>> = FxHashMap::default();
    for n in &cx.design.nodes {
        if let Some(g) = gateway_of(n) {
            behind_gateway.entry(g).or_default().push(n.id.as_str());
        }
    }
    let mut reaches: FxHashSet<(usize, &str)> = FxHashSet::default();
    for link in &cx.design.links {
        for (t, other) in [(&link.a, &link.b), (&link.b, &link.a)] {
            let (Some(&i), Some(region)) = (transit.get(t.as_str()), cx.node(other.as_str()))
            else {
                continue;
            };
            if region.as_azure().is_none() && region.as_aws().is_none() {
                continue;
            }
            let root = find_root(&mut parent, i);
            reaches.insert((root, other.as_str()));
            if link.as_dx().is_some() {
                if let Some(regions) = gateway_of(region).and_then(|g| behind_gateway.get(&g)) {
                    reaches.extend(regions.iter().map(|r| (root, *r)));
                }
            }
        }
    }
    for d in &cx.design.demands {
        let (Some(site), Some(_)) = (cx.node(d.site.as_str()), cx.node(d.region.as_str())) else {
            continue;
        };
        if site.tag() != NodeKindTag::OnPremSite {
            continue;
        }
        let region = d.region.as_str();
        let reachable = cx.links_at(site.id.as_str()).iter().any(|link| {
            let next = if link.a == site.id {
                link.b.as_str()
            } else {
                link.a.as_str()
            };
            next == region
                || transit
                    .get(next)
                    .is_some_and(|&i| reaches.contains(&(find_root(&mut parent, i), region)))
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

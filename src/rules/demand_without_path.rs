//! GEN007: a demand whose site has no path at all to its region. Paths run through
//! facilities and fabric routers; cloud regions and other sites are not transit (ExpressRoute
//! is not a transit service, ER-TOPO-2).
use super::prelude::*;
use std::collections::{HashSet, VecDeque};

pub static RULE: Rule = Rule {
    code: "GEN007",
    name: "demand-without-path",
    default_severity: Severity::Error,
    summary: "A demand's site has no path at all to its cloud region: the traffic it needs has no way to flow.",
    hint: "Connect the site to the region: an access circuit to a facility plus an ExpressRoute circuit or Direct Connect connection, or a VPN.",
    reference: "ER-TOPO-2",
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for d in &cx.design.demands {
        let (Some(site), Some(region)) = (cx.node(d.site.as_str()), cx.node(d.region.as_str()))
        else {
            continue;
        };
        if site.tag() != NodeKindTag::OnPremSite {
            continue;
        }
        if !reaches(cx, site.id.as_str(), region.id.as_str()) {
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

fn reaches(cx: &Context, from: &str, to: &str) -> bool {
    let mut seen = HashSet::from([from]);
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        for link in cx.links_at(at) {
            let next = if link.a.as_str() == at {
                link.b.as_str()
            } else {
                link.a.as_str()
            };
            if next == to {
                return true;
            }
            let transit = cx.node(next).is_some_and(|n| {
                matches!(
                    n.tag(),
                    NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter
                )
            });
            if transit && seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    false
}

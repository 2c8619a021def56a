//! Failure domains (shared-risk groups) derived from the design: what can break together.

use super::flow::find_root;
use crate::catalog::Catalog;
use crate::model::{Design, LinkKind, NodeKind, Resolved};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use smol_str::SmolStr;

/// What kind of thing fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    /// One link (circuit, connection, VPN).
    Link,
    /// One node (site, facility, region, fabric router).
    Node,
    /// A customer edge router at a site: the access circuits that land on it.
    EdgeRouter,
    /// An AWS device: the Direct Connect connections (and LAGs) that terminate on it.
    AwsDevice,
    /// The Microsoft Enterprise Edge router pair of a peering location: its ExpressRoute
    /// circuits (ER-TOPO-1).
    MseePair,
    /// A building: facility nodes that are one building or campus.
    Building,
    /// A metro: the facilities and fabric routers in it.
    Metro,
    /// A carrier or provider: the circuits it delivers.
    Provider,
    /// A fabric diversity zone: the fabric routers in it.
    FabricZone,
    /// A risk group the user named in the design (e.g. "same conduit").
    UserGroup,
}

impl DomainKind {
    pub fn label(self) -> &'static str {
        match self {
            DomainKind::Link => "link",
            DomainKind::Node => "node",
            DomainKind::EdgeRouter => "edge router",
            DomainKind::AwsDevice => "AWS device",
            DomainKind::MseePair => "MSEE pair",
            DomainKind::Building => "building",
            DomainKind::Metro => "metro",
            DomainKind::Provider => "provider",
            DomainKind::FabricZone => "fabric diversity zone",
            DomainKind::UserGroup => "risk group",
        }
    }
}

/// A set of nodes and links that fail together.
#[derive(Debug, Clone, Serialize)]
pub struct FailureDomain {
    /// Stable id, e.g. "link:er-1", "metro:chicago", "device:EQDC2/EqDC2-1a".
    pub id: String,
    pub kind: DomainKind,
    /// For people: "metro Chicago", "AWS device EqDC2-1a at EQDC2".
    pub label: String,
    /// Indices into `design.nodes`.
    #[serde(skip)]
    pub nodes: Vec<usize>,
    /// Indices into `design.links`.
    #[serde(skip)]
    pub links: Vec<usize>,
    /// Ids of the members, for output and highlighting (written by [`materialize`], which
    /// the analysis runs for every domain a result refers to).
    pub members: Vec<SmolStr>,
}

/// The metro a facility or fabric router is in: its own field, else the catalog's metro of its
/// ExpressRoute or Direct Connect location.
pub fn metro_of(node: &crate::model::Node, catalog: &Catalog) -> Option<String> {
    let own = match &node.kind {
        NodeKind::ColocationFacility(f) => &f.metro,
        NodeKind::FabricRouter(r) => &r.metro,
        NodeKind::OnPremSite(s) => &s.metro,
        _ => return None,
    };
    if !own.trim().is_empty() {
        return Some(own.trim().to_string());
    }
    let f = node.as_facility()?;
    f.er_peering_location
        .as_deref()
        .and_then(|l| catalog.er_location(l))
        .map(|l| l.metro.clone())
        .or_else(|| {
            f.dx_location
                .as_deref()
                .and_then(|c| catalog.dx_location(c))
                .map(|l| l.metro.clone())
        })
}

fn normalize(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Write the members of a domain, and the id and label of a single-link or single-node one
/// (groups have those from the start). Large designs have tens of thousands of domains and
/// most are never shown, so these are written on demand.
pub fn materialize(domain: &mut FailureDomain, design: &Design) {
    if domain.members.is_empty() {
        domain.members = domain
            .nodes
            .iter()
            .map(|&n| design.nodes[n].id.0.clone())
            .chain(domain.links.iter().map(|&l| design.links[l].id.0.clone()))
            .collect();
    }
    if !domain.id.is_empty() {
        return;
    }
    let join = |parts: &[&str]| {
        let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        parts.iter().for_each(|p| s.push_str(p));
        s
    };
    match domain.kind {
        DomainKind::Link => {
            let l = &design.links[domain.links[0]];
            domain.id = join(&["link:", l.id.as_str()]);
            domain.label = join(&[l.tag().label(), " ", l.label()]);
        }
        DomainKind::Node => {
            let n = &design.nodes[domain.nodes[0]];
            domain.id = join(&["node:", n.id.as_str()]);
            let name = if n.name.is_empty() {
                n.id.as_str()
            } else {
                n.name.as_str()
            };
            domain.label = join(&[n.tag().label(), " ", name]);
        }
        _ => {}
    }
}

/// Groups being collected. Each is found by its raw strings first (no allocation for the
/// thousands of links of one carrier) and by its normalised key on first sight, so "Lumen" and
/// "lumen " join one group.
/// A group: kind, normalised key, label, node indices, link indices.
type Group = (DomainKind, String, String, Vec<usize>, Vec<usize>);

#[derive(Default)]
struct Groups<'d> {
    by_raw: FxHashMap<(DomainKind, &'d str, &'d str), usize>,
    by_key: FxHashMap<(DomainKind, String), usize>,
    list: Vec<Group>,
}

impl<'d> Groups<'d> {
    fn add(
        &mut self,
        kind: DomainKind,
        raw: Option<(&'d str, &'d str)>,
        key: &dyn Fn() -> String,
        label: &dyn Fn() -> String,
        node: Option<usize>,
        link: Option<usize>,
    ) {
        let cached = raw.and_then(|(a, b)| self.by_raw.get(&(kind, a, b)).copied());
        let index = match cached {
            Some(i) => i,
            None => {
                let k = key();
                let i = match self.by_key.get(&(kind, k.clone())) {
                    Some(&i) => i,
                    None => {
                        self.list.push((kind, k.clone(), label(), vec![], vec![]));
                        self.by_key.insert((kind, k), self.list.len() - 1);
                        self.list.len() - 1
                    }
                };
                if let Some((a, b)) = raw {
                    self.by_raw.insert((kind, a, b), i);
                }
                i
            }
        };
        self.list[index].3.extend(node);
        self.list[index].4.extend(link);
    }

    /// The groups in a stable order: by kind, then key.
    fn into_sorted(mut self) -> Vec<Group> {
        self.list.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        self.list
    }
}

/// Derive every failure domain of the design. Single links and nodes always; groups only when
/// they hold two or more members, and a group identical to an earlier domain is dropped (the
/// earlier, more specific one stays).
pub fn derive(design: &Design, catalog: &Catalog) -> Vec<FailureDomain> {
    derive_resolved(design, catalog, &design.resolve())
}

/// [`derive`] with the design's references already resolved.
pub fn derive_resolved<'d>(
    design: &'d Design,
    catalog: &Catalog,
    resolved: &Resolved<'d>,
) -> Vec<FailureDomain> {
    let mut out: Vec<FailureDomain> = Vec::with_capacity(design.links.len() + design.nodes.len());
    let node_index = &resolved.node_index;
    // The nodes at a link's ends, by index into `design.links`.
    let ends = |l: usize| {
        resolved.link_ends[l]
            .into_iter()
            .flatten()
            .map(|n| &design.nodes[n])
    };

    // Single links and nodes: their names are written by `materialize` when needed.
    // An ExpressRoute circuit with both BGP sessions is two connections to two Microsoft edge
    // routers (ER-TOPO-1; a Metro circuit's two land in two buildings), each carrying the
    // circuit's bandwidth: losing one is not the loss of the circuit, so the circuit alone is
    // no failure domain. What takes both down is shared — the peering location's MSEE pair,
    // the building, the metro, the provider — and those are domains below.
    for (i, link) in design.links.iter().enumerate() {
        let two_connections = link.as_er().is_some_and(|c| c.redundant_bgp);
        out.push(if two_connections {
            FailureDomain {
                id: format!("link:{}", link.id),
                kind: DomainKind::Link,
                label: format!(
                    "one of the two connections of {} {} (the other keeps the circuit up)",
                    link.tag().label(),
                    link.label()
                ),
                nodes: vec![],
                links: vec![],
                members: vec![link.id.0.clone()],
            }
        } else {
            FailureDomain {
                id: String::new(),
                kind: DomainKind::Link,
                label: String::new(),
                nodes: vec![],
                links: vec![i],
                members: vec![],
            }
        });
    }
    for i in 0..design.nodes.len() {
        out.push(FailureDomain {
            id: String::new(),
            kind: DomainKind::Node,
            label: String::new(),
            nodes: vec![i],
            links: vec![],
            members: vec![],
        });
    }

    let mut groups = Groups::default();
    let mut add =
        |kind: DomainKind,
         raw: Option<(&'d str, &'d str)>,
         key: &dyn Fn() -> String,
         label: &dyn Fn() -> String,
         node: Option<usize>,
         link: Option<usize>| groups.add(kind, raw, key, label, node, link);

    // Edge routers and AWS devices usually carry one link each; count first so groups are
    // built only where two or more links share one (large designs have tens of thousands).
    let site_of = |l: usize| ends(l).find(|n| n.as_site().is_some()).map(|n| &n.id);
    let dx_location_of = |l: usize| -> &'d str {
        ends(l)
            .find_map(|n| n.as_facility())
            .and_then(|f| f.dx_location.as_deref())
            .unwrap_or("")
    };
    let mut shared_count: FxHashMap<(&str, &str), u32> = FxHashMap::default();
    for (i, l) in design.links.iter().enumerate() {
        match &l.kind {
            LinkKind::AccessCircuit(a) => {
                if let (Some(router), Some(site)) = (&a.edge_router, site_of(i)) {
                    *shared_count
                        .entry((site.as_str(), router.as_str()))
                        .or_default() += 1;
                }
            }
            LinkKind::DirectConnectConnection(c) if !c.aws_device.trim().is_empty() => {
                *shared_count
                    .entry((dx_location_of(i), c.aws_device.as_str()))
                    .or_default() += 1;
            }
            _ => {}
        }
    }
    let shared = |key: (&str, &str)| shared_count.get(&key).is_some_and(|&n| n >= 2);

    for (i, l) in design.links.iter().enumerate() {
        match &l.kind {
            LinkKind::AccessCircuit(a) => {
                if let Some(router) = &a.edge_router {
                    let site = site_of(i).filter(|s| shared((s.as_str(), router.as_str())));
                    if let Some(site) = site {
                        add(
                            DomainKind::EdgeRouter,
                            Some((site.as_str(), router.as_str())),
                            &|| format!("{site}/{router}"),
                            &|| format!("edge router {router} at {site}"),
                            None,
                            Some(i),
                        );
                    }
                }
                if !a.carrier.trim().is_empty() {
                    add(
                        DomainKind::Provider,
                        Some((a.carrier.as_str(), "")),
                        &|| normalize(&a.carrier),
                        &|| format!("provider {}", a.carrier.trim()),
                        None,
                        Some(i),
                    );
                }
            }
            LinkKind::ExpressRouteCircuit(c) => {
                if !c.provider.trim().is_empty() {
                    add(
                        DomainKind::Provider,
                        Some((c.provider.as_str(), "")),
                        &|| normalize(&c.provider),
                        &|| format!("provider {}", c.provider.trim()),
                        None,
                        Some(i),
                    );
                }
                if c.metro_secondary_facility.is_none() {
                    let location = ends(i)
                        .find_map(|n| n.as_facility())
                        .and_then(|f| f.er_peering_location.as_deref());
                    if let Some(loc) = location {
                        add(
                            DomainKind::MseePair,
                            Some((loc, "")),
                            &|| normalize(loc),
                            &|| format!("MSEE pair at {loc}"),
                            None,
                            Some(i),
                        );
                    }
                }
            }
            LinkKind::DirectConnectConnection(c) => {
                let location = dx_location_of(i);
                if !c.aws_device.trim().is_empty() && shared((location, c.aws_device.as_str())) {
                    add(
                        DomainKind::AwsDevice,
                        Some((location, c.aws_device.as_str())),
                        &|| format!("{}/{}", location.to_uppercase(), c.aws_device.trim()),
                        &|| format!("AWS device {} at {location}", c.aws_device.trim()),
                        None,
                        Some(i),
                    );
                }
                if !c.partner.trim().is_empty() {
                    add(
                        DomainKind::Provider,
                        Some((c.partner.as_str(), "")),
                        &|| normalize(&c.partner),
                        &|| format!("provider {}", c.partner.trim()),
                        None,
                        Some(i),
                    );
                }
            }
            LinkKind::FabricConnection(c) => {
                if !c.operator.trim().is_empty() {
                    add(
                        DomainKind::Provider,
                        Some((c.operator.as_str(), "")),
                        &|| normalize(&c.operator),
                        &|| format!("provider {}", c.operator.trim()),
                        None,
                        Some(i),
                    );
                }
            }
            LinkKind::SiteToSiteVpn(_) => {}
        }
    }

    // Buildings: facilities with the same operator + building name, the same ER peering
    // location or DX location, or an ER location and DX location in one building (4.5).
    let facilities: Vec<usize> = design
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_facility().is_some())
        .map(|(i, _)| i)
        .collect();
    let mut parent: Vec<usize> = (0..facilities.len()).collect();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (fi, &ni) in facilities.iter().enumerate() {
        let Some(f) = design.nodes[ni].as_facility() else {
            continue;
        };
        let mut keys = Vec::new();
        if !f.facility_name.trim().is_empty() {
            keys.push(format!(
                "name:{}/{}",
                normalize(&f.operator),
                normalize(&f.facility_name)
            ));
        }
        if let Some(er) = &f.er_peering_location {
            keys.push(format!("er:{}", normalize(er)));
        }
        if let Some(dx) = &f.dx_location {
            keys.push(format!("dx:{}", normalize(dx)));
        }
        for s in &catalog.shared_metros.same_building {
            if f.er_peering_location
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(&s.er_location))
            {
                keys.push(format!("dx:{}", normalize(&s.dx_location)));
            }
            if f.dx_location
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case(&s.dx_location))
            {
                keys.push(format!("er:{}", normalize(&s.er_location)));
            }
        }
        for key in keys {
            match by_key.get(&key) {
                Some(&other) => {
                    let (a, b) = (find_root(&mut parent, fi), find_root(&mut parent, other));
                    parent[a] = b;
                }
                None => {
                    by_key.insert(key, fi);
                }
            }
        }
    }
    for (fi, &ni) in facilities.iter().enumerate() {
        let root = facilities[find_root(&mut parent, fi)];
        let root_node = &design.nodes[root];
        add(
            DomainKind::Building,
            Some((root_node.id.as_str(), "")),
            &|| root_node.id.to_string(),
            &|| format!("building of {}", root_node.name),
            Some(ni),
            None,
        );
    }

    // Metros and fabric zones.
    for (i, n) in design.nodes.iter().enumerate() {
        match &n.kind {
            NodeKind::ColocationFacility(_) => {
                let metro = metro_of(n, catalog).unwrap_or_default();
                if !metro.trim().is_empty() {
                    add(
                        DomainKind::Metro,
                        None,
                        &|| normalize(&metro),
                        &|| format!("metro {}", metro.trim()),
                        Some(i),
                        None,
                    );
                }
            }
            NodeKind::FabricRouter(r) => {
                if !r.metro.trim().is_empty() {
                    add(
                        DomainKind::Metro,
                        Some((r.metro.as_str(), "")),
                        &|| normalize(&r.metro),
                        &|| format!("metro {}", r.metro.trim()),
                        Some(i),
                        None,
                    );
                }
                if !r.diversity_zone.trim().is_empty() {
                    add(
                        DomainKind::FabricZone,
                        Some((r.operator.as_str(), r.diversity_zone.as_str())),
                        &|| {
                            format!(
                                "{}/{}",
                                normalize(&r.operator),
                                normalize(&r.diversity_zone)
                            )
                        },
                        &|| {
                            format!(
                                "{} diversity zone {}",
                                r.operator.trim(),
                                r.diversity_zone.trim()
                            )
                        },
                        Some(i),
                        None,
                    );
                }
            }
            _ => {}
        }
    }

    // A group can only duplicate another group: single links and nodes have one member.
    let kind_prefix = |k: DomainKind| match k {
        DomainKind::EdgeRouter => "router",
        DomainKind::AwsDevice => "device",
        DomainKind::MseePair => "msee",
        DomainKind::Building => "building",
        DomainKind::Metro => "metro",
        DomainKind::Provider => "provider",
        DomainKind::FabricZone => "zone",
        DomainKind::Link => "link",
        DomainKind::Node => "node",
        DomainKind::UserGroup => "group",
    };
    let candidates: Vec<Group> = groups
        .into_sorted()
        .into_iter()
        .filter(|(kind, _, _, nodes, links)| {
            // An MSEE pair with one circuit is kept when that circuit has two connections:
            // the pair is then the circuit's own shared risk (its link is no domain).
            nodes.len() + links.len() >= 2
                || (*kind == DomainKind::MseePair
                    && links
                        .first()
                        .and_then(|&l| design.links[l].as_er())
                        .is_some_and(|c| c.redundant_bgp))
        })
        .map(|(kind, key, label, mut nodes, mut links)| {
            nodes.sort_unstable();
            nodes.dedup();
            links.sort_unstable();
            links.dedup();
            (kind, key, label, nodes, links)
        })
        .collect();
    let mut seen: FxHashSet<(&[usize], &[usize])> = FxHashSet::default();
    let first: Vec<bool> = candidates
        .iter()
        .map(|(_, _, _, nodes, links)| seen.insert((&nodes[..], &links[..])))
        .collect();
    drop(seen);
    for ((kind, key, label, nodes, links), first) in candidates.into_iter().zip(first) {
        if first {
            // Members are written by `materialize`, as for single links and nodes.
            out.push(FailureDomain {
                id: format!("{}:{key}", kind_prefix(kind)),
                kind,
                label,
                nodes,
                links,
                members: Vec::new(),
            });
        }
    }

    if design.risk_groups.is_empty() {
        return out;
    }
    let link_index: FxHashMap<&str, usize> = design
        .links
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    for g in &design.risk_groups {
        let nodes: Vec<usize> = g
            .members
            .iter()
            .filter_map(|m| node_index.get(m.as_str()).copied())
            .collect();
        let links: Vec<usize> = g
            .members
            .iter()
            .filter_map(|m| link_index.get(m.as_str()).copied())
            .collect();
        out.push(FailureDomain {
            id: format!("group:{}", g.id),
            kind: DomainKind::UserGroup,
            label: format!("risk group {}", g.name),
            nodes,
            links,
            members: g.members.iter().map(SmolStr::from).collect(),
        });
    }
    out
}

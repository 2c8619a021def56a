//! Failure domains (shared-risk groups) derived from the design: what can break together.

use super::flow::find_root;
use crate::catalog::Catalog;
use crate::model::{
    AccessCircuit, ColocationFacility, Design, DirectConnectConnection, FabricRouter, LinkKind,
    Node, NodeId, NodeKind, Resolved,
};
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
    /// the analysis runs for every domain a result refers to; for the rules' analysis, only
    /// those the rules write about).
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
    push_single_links(design, &mut out);
    push_single_nodes(design, &mut out);

    let finder = GroupFinder {
        design,
        catalog,
        resolved,
    };
    let mut groups = Groups::default();
    let shared = finder.count_shared_equipment();
    finder.add_link_groups(&shared, &mut groups);
    finder.add_buildings(&mut groups);
    finder.add_metros_and_zones(&mut groups);

    push_distinct_groups(design, groups, &mut out);
    push_user_groups(design, resolved, &mut out);
    out
}

/// Single links: their names are written by `materialize` when needed.
///
/// An ExpressRoute circuit with both BGP sessions is two connections to two Microsoft edge
/// routers (ER-TOPO-1; a Metro circuit's two land in two buildings), each carrying the
/// circuit's bandwidth: losing one is not the loss of the circuit, so the circuit alone is
/// no failure domain. What takes both down is shared — the peering location's MSEE pair,
/// the building, the metro, the provider — and those are domains below.
fn push_single_links(design: &Design, out: &mut Vec<FailureDomain>) {
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
}

/// Single nodes: their names are written by `materialize` when needed.
fn push_single_nodes(design: &Design, out: &mut Vec<FailureDomain>) {
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
}

/// Finds the groups of the design: what it reads (the design, the catalog, the resolved
/// references) and the steps that add each kind of group.
struct GroupFinder<'a, 'd> {
    design: &'d Design,
    catalog: &'a Catalog,
    resolved: &'a Resolved<'d>,
}

/// How many links share each edge router (site, router) and each AWS device (DX location,
/// device).
struct SharedEquipment<'d> {
    count: FxHashMap<(&'d str, &'d str), u32>,
}

impl SharedEquipment<'_> {
    /// Two or more links share it.
    fn shared(&self, key: (&str, &str)) -> bool {
        self.count.get(&key).is_some_and(|&n| n >= 2)
    }
}

impl<'d> GroupFinder<'_, 'd> {
    /// The nodes at a link's ends, by index into `design.links`.
    fn ends(&self, l: usize) -> impl Iterator<Item = &'d Node> + '_ {
        let design: &'d Design = self.design;
        self.resolved.link_ends[l]
            .into_iter()
            .flatten()
            .map(move |n| &design.nodes[n])
    }

    fn site_of(&self, l: usize) -> Option<&'d NodeId> {
        self.ends(l).find(|n| n.as_site().is_some()).map(|n| &n.id)
    }

    fn dx_location_of(&self, l: usize) -> &'d str {
        self.ends(l)
            .find_map(|n| n.as_facility())
            .and_then(|f| f.dx_location.as_deref())
            .unwrap_or("")
    }

    /// Edge routers and AWS devices usually carry one link each; count first so groups are
    /// built only where two or more links share one (large designs have tens of thousands).
    fn count_shared_equipment(&self) -> SharedEquipment<'d> {
        let design: &'d Design = self.design;
        let mut count: FxHashMap<(&str, &str), u32> = FxHashMap::default();
        for (i, l) in design.links.iter().enumerate() {
            match &l.kind {
                LinkKind::AccessCircuit(a) => {
                    if let (Some(router), Some(site)) = (&a.edge_router, self.site_of(i)) {
                        *count.entry((site.as_str(), router.as_str())).or_default() += 1;
                    }
                }
                LinkKind::DirectConnectConnection(c) if !c.aws_device.trim().is_empty() => {
                    *count
                        .entry((self.dx_location_of(i), c.aws_device.as_str()))
                        .or_default() += 1;
                }
                _ => {}
            }
        }
        SharedEquipment { count }
    }

    /// The groups links are in: edge routers, MSEE pairs, AWS devices and providers.
    fn add_link_groups(&self, shared: &SharedEquipment<'d>, groups: &mut Groups<'d>) {
        let design: &'d Design = self.design;
        for (i, l) in design.links.iter().enumerate() {
            match &l.kind {
                LinkKind::AccessCircuit(a) => {
                    self.add_edge_router(shared, groups, i, a);
                    add_provider(groups, &a.carrier, i);
                }
                LinkKind::ExpressRouteCircuit(c) => {
                    add_provider(groups, &c.provider, i);
                    if c.metro_secondary_facility.is_none() {
                        self.add_msee_pair(groups, i);
                    }
                }
                LinkKind::DirectConnectConnection(c) => {
                    self.add_aws_device(shared, groups, i, c);
                    add_provider(groups, &c.partner, i);
                }
                LinkKind::FabricConnection(c) => add_provider(groups, &c.operator, i),
                LinkKind::SiteToSiteVpn(_) => {}
            }
        }
    }

    /// The edge router an access circuit lands on, when another circuit lands on it too.
    fn add_edge_router(
        &self,
        shared: &SharedEquipment<'d>,
        groups: &mut Groups<'d>,
        i: usize,
        a: &'d AccessCircuit,
    ) {
        let Some(router) = &a.edge_router else {
            return;
        };
        let site = self
            .site_of(i)
            .filter(|s| shared.shared((s.as_str(), router.as_str())));
        if let Some(site) = site {
            groups.add(
                DomainKind::EdgeRouter,
                Some((site.as_str(), router.as_str())),
                &|| format!("{site}/{router}"),
                &|| format!("edge router {router} at {site}"),
                None,
                Some(i),
            );
        }
    }

    /// The MSEE pair of the peering location an ExpressRoute circuit (not a Metro one) lands at.
    fn add_msee_pair(&self, groups: &mut Groups<'d>, i: usize) {
        let location = self
            .ends(i)
            .find_map(|n| n.as_facility())
            .and_then(|f| f.er_peering_location.as_deref());
        if let Some(loc) = location {
            groups.add(
                DomainKind::MseePair,
                Some((loc, "")),
                &|| normalize(loc),
                &|| format!("MSEE pair at {loc}"),
                None,
                Some(i),
            );
        }
    }

    /// The AWS device a Direct Connect connection terminates on, when another one does too.
    fn add_aws_device(
        &self,
        shared: &SharedEquipment<'d>,
        groups: &mut Groups<'d>,
        i: usize,
        c: &'d DirectConnectConnection,
    ) {
        let location = self.dx_location_of(i);
        if !c.aws_device.trim().is_empty() && shared.shared((location, c.aws_device.as_str())) {
            groups.add(
                DomainKind::AwsDevice,
                Some((location, c.aws_device.as_str())),
                &|| format!("{}/{}", location.to_uppercase(), c.aws_device.trim()),
                &|| format!("AWS device {} at {location}", c.aws_device.trim()),
                None,
                Some(i),
            );
        }
    }

    /// Buildings: facilities with the same operator + building name, the same ER peering
    /// location or DX location, or an ER location and DX location in one building (4.5).
    fn add_buildings(&self, groups: &mut Groups<'d>) {
        let design: &'d Design = self.design;
        let facilities: Vec<usize> = design
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.as_facility().is_some())
            .map(|(i, _)| i)
            .collect();
        let mut parent = self.join_buildings(&facilities);
        for (fi, &ni) in facilities.iter().enumerate() {
            let root = facilities[find_root(&mut parent, fi)];
            let root_node = &design.nodes[root];
            groups.add(
                DomainKind::Building,
                Some((root_node.id.as_str(), "")),
                &|| root_node.id.to_string(),
                &|| format!("building of {}", root_node.name),
                Some(ni),
                None,
            );
        }
    }

    /// Union-find over `facilities` (indices into `design.nodes`): facilities that share a
    /// building key are joined. Returns the parent of each, by position in `facilities`.
    fn join_buildings(&self, facilities: &[usize]) -> Vec<usize> {
        let mut parent: Vec<usize> = (0..facilities.len()).collect();
        let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
        for (fi, &ni) in facilities.iter().enumerate() {
            let Some(f) = self.design.nodes[ni].as_facility() else {
                continue;
            };
            for key in building_keys(f, self.catalog) {
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
        parent
    }

    /// Metros and fabric zones.
    fn add_metros_and_zones(&self, groups: &mut Groups<'d>) {
        let design: &'d Design = self.design;
        for (i, n) in design.nodes.iter().enumerate() {
            match &n.kind {
                NodeKind::ColocationFacility(_) => {
                    let metro = metro_of(n, self.catalog).unwrap_or_default();
                    if !metro.trim().is_empty() {
                        groups.add(
                            DomainKind::Metro,
                            None,
                            &|| normalize(&metro),
                            &|| format!("metro {}", metro.trim()),
                            Some(i),
                            None,
                        );
                    }
                }
                NodeKind::FabricRouter(r) => add_fabric_router_groups(groups, i, r),
                _ => {}
            }
        }
    }
}

/// The provider (carrier, ExpressRoute provider, Direct Connect partner, fabric operator) that
/// delivers a link, when the design names one.
fn add_provider<'d>(groups: &mut Groups<'d>, name: &'d str, link: usize) {
    if !name.trim().is_empty() {
        groups.add(
            DomainKind::Provider,
            Some((name, "")),
            &|| normalize(name),
            &|| format!("provider {}", name.trim()),
            None,
            Some(link),
        );
    }
}

/// The keys under which a facility is one building with another: operator + building name,
/// ER peering location, DX location, and the other location of a building that hosts both.
fn building_keys(f: &ColocationFacility, catalog: &Catalog) -> Vec<String> {
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
    keys
}

/// The metro and the diversity zone of a fabric router.
fn add_fabric_router_groups<'d>(groups: &mut Groups<'d>, i: usize, r: &'d FabricRouter) {
    if !r.metro.trim().is_empty() {
        groups.add(
            DomainKind::Metro,
            Some((r.metro.as_str(), "")),
            &|| normalize(&r.metro),
            &|| format!("metro {}", r.metro.trim()),
            Some(i),
            None,
        );
    }
    if !r.diversity_zone.trim().is_empty() {
        groups.add(
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

/// The prefix of a group domain's id.
fn kind_prefix(k: DomainKind) -> &'static str {
    match k {
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
    }
}

/// The groups that are failure domains, in stable order, members sorted: those with two or
/// more members.
fn candidate_groups(design: &Design, groups: Groups<'_>) -> Vec<Group> {
    groups
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
        .collect()
}

/// The group domains, each the first of the groups with its members.
fn push_distinct_groups(design: &Design, groups: Groups<'_>, out: &mut Vec<FailureDomain>) {
    // A group can only duplicate another group: single links and nodes have one member.
    let candidates = candidate_groups(design, groups);
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
}

/// The risk groups the user named in the design.
fn push_user_groups(design: &Design, resolved: &Resolved<'_>, out: &mut Vec<FailureDomain>) {
    if design.risk_groups.is_empty() {
        return;
    }
    let node_index = &resolved.node_index;
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
}

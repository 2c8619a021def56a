//! The flow network of a design and max-flow on the small per-demand subgraph.
//!
//! Every link is an undirected edge with its capacity (an ExpressRoute circuit its bandwidth,
//! a Direct Connect link its port speed times LAG members, a VPN its usable tunnel throughput,
//! access and fabric connections their bandwidth). An ExpressRoute Metro circuit gets a virtual
//! vertex joined to both of its facilities and to the region, all three edges belonging to the
//! one circuit, so losing one facility keeps the circuit. Only facilities, fabric routers and
//! Metro vertices carry transit traffic; other sites and other regions do not.
//!
//! Traffic follows what the clouds route, not every path a graph would allow:
//! - **A Direct Connect gateway is not a transit point** between its connections (DX user
//!   guide: traffic is not routed between the virtual interfaces of one gateway). For a demand
//!   toward a region associated with the gateway, the gateway is that region (every connection
//!   into it reaches the region); for any other demand it is absent. Only connections with a
//!   **SiteLink** virtual interface are joined through a SiteLink vertex of their gateway, which
//!   carries traffic between Direct Connect locations — for demands whose region is not behind
//!   that gateway, and each such path is named (`via`). **Transit Gateway peering** is the other
//!   documented crossing: a region whose Transit Gateway peers with another region's is reached
//!   through that region's Direct Connect gateway too (no bandwidth limit of the peering is in
//!   our sources), and such a path is named.
//! - **Gateways with a documented throughput are ceilings.** An Azure region's ExpressRoute
//!   gateway is a vertex of its own: the region's circuits end there and one edge with the SKU's
//!   maximum bandwidth joins it to the region, so every demand through it is capped, intact and
//!   under every failure. The same holds for the Azure VPN gateway and the VPNs into it.

use crate::lists::Lists;
use crate::model::{
    AwsAttachment, AwsRegion, AzureRegion, Design, ErGatewaySku, Link, LinkKind, NodeKindTag,
    Resolved,
};
use rustc_hash::FxHashMap;

/// Union-find: the root of `i`, halving paths on the way.
pub fn find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// `Edge::link` of the edges that belong to no design link (gateway to region).
pub const NO_LINK: usize = usize::MAX;
/// Capacity of edges that do not limit traffic.
pub const UNBOUNDED_MBPS: u64 = u64::MAX / 4;

pub struct Edge {
    pub u: usize,
    pub v: usize,
    pub capacity_mbps: u64,
    /// Index into `design.links`.
    pub link: usize,
}

/// The whole design as a network: design nodes are vertices `0..nodes`, Metro circuit vertices
/// follow.
pub struct Network {
    pub vertex_count: usize,
    pub node_count: usize,
    pub transit: Vec<bool>,
    pub edges: Vec<Edge>,
    /// Edges at each vertex whose other end is a transit vertex, in edge order.
    transit_incident: Lists,
    /// Edges at each vertex whose other end is not a transit vertex, by that other end: a
    /// facility shared by thousands of sites finds the one site of a demand without reading
    /// the others (see [`Local::rebuild`]).
    other_incident: ByNeighbour,
    /// Per design node: the Direct Connect gateway vertices associated with it (AWS regions).
    dx_gateways_of: Vec<Vec<usize>>,
    /// Per design node: its capped gateway vertices (an Azure region's ExpressRoute and VPN
    /// gateways).
    ceilings_of: Vec<Vec<usize>>,
    /// The SiteLink vertex of each Direct Connect gateway vertex that has one.
    sitelink_of: FxHashMap<usize, usize>,
    /// Per design node: Direct Connect gateway vertices of Transit Gateway regions peered with
    /// it (a Transit Gateway peering attachment either way), with the peer region's node.
    peered_gateways_of: Vec<Vec<(usize, usize)>>,
    /// What each vertex beyond the design's nodes stands for (for naming paths).
    pub virtual_kind: FxHashMap<usize, VirtualVertex>,
}

/// A vertex that is not a design node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VirtualVertex {
    /// A Direct Connect gateway, by its name.
    DxGateway(String),
    /// The SiteLink mesh of a Direct Connect gateway, by the gateway's name.
    SiteLink(String),
    /// An Azure region's ExpressRoute gateway (region node index).
    ErGateway(usize),
    /// An Azure region's VPN gateway (region node index).
    VpnGateway(usize),
    /// The middle of an ExpressRoute Metro circuit.
    Metro,
}

pub fn link_capacity_mbps(kind: &LinkKind) -> u64 {
    match kind {
        LinkKind::AccessCircuit(c) => c.bandwidth_mbps,
        LinkKind::ExpressRouteCircuit(c) => c.bandwidth_mbps,
        LinkKind::DirectConnectConnection(c) => c.total_capacity_mbps(),
        LinkKind::SiteToSiteVpn(c) => c.throughput_mbps(),
        LinkKind::FabricConnection(c) => c.bandwidth_mbps,
    }
}

/// The documented throughput of an Azure region's VPN gateway, when the design states its SKU
/// (and, for SKUs that exist in both, its generation); otherwise no ceiling is assumed.
fn vpn_ceiling_mbps(region: &crate::model::AzureRegion) -> Option<u64> {
    region.vpn_gateway.as_ref()?.max_throughput_mbps()
}

impl Network {
    pub fn build(design: &Design) -> Network {
        Network::build_resolved(design, &design.resolve())
    }

    /// [`Network::build`] with the design's references already resolved.
    pub fn build_resolved(design: &Design, resolved: &Resolved<'_>) -> Network {
        let mut builder = Builder::new(design);
        builder.add_region_gateways(design);
        let peered_gateways_of = peered_gateways(design, &builder.dx_gateways_of);
        for (li, (link, ends)) in design.links.iter().zip(&resolved.link_ends).enumerate() {
            let [Some(a), Some(b)] = *ends else {
                continue;
            };
            builder.add_link(li, link, (a, b), &resolved.node_index);
        }
        builder.finish(peered_gateways_of)
    }

    /// The peer region (design node) when `vertex` is the Direct Connect gateway of a Transit
    /// Gateway peered with `region`'s.
    pub fn peered_through(&self, region: usize, vertex: usize) -> Option<usize> {
        self.peered_gateways_of
            .get(region)?
            .iter()
            .find(|&&(g, _)| g == vertex)
            .map(|&(_, peer)| peer)
    }
}

/// The network while it is built: its vertices and edges, and the gateway vertices of each
/// region.
struct Builder {
    node_count: usize,
    transit: Vec<bool>,
    edges: Vec<Edge>,
    virtual_kind: FxHashMap<usize, VirtualVertex>,
    /// Per design node: the Direct Connect gateway vertex of an AWS region behind one.
    gateway_of_region: Vec<Option<usize>>,
    dx_gateways_of: Vec<Vec<usize>>,
    ceilings_of: Vec<Vec<usize>>,
    /// Azure gateways with a documented throughput: (ExpressRoute gateway, VPN gateway).
    azure_gateways: Vec<[Option<usize>; 2]>,
    sitelink_of: FxHashMap<usize, usize>,
}

impl Builder {
    /// The design's nodes, no edges yet: facilities and fabric routers are transit vertices.
    fn new(design: &Design) -> Builder {
        let node_count = design.nodes.len();
        Builder {
            node_count,
            transit: design
                .nodes
                .iter()
                .map(|n| {
                    matches!(
                        n.tag(),
                        NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter
                    )
                })
                .collect(),
            edges: Vec::with_capacity(design.links.len()),
            virtual_kind: FxHashMap::default(),
            gateway_of_region: vec![None; node_count],
            dx_gateways_of: vec![Vec::new(); node_count],
            ceilings_of: vec![Vec::new(); node_count],
            azure_gateways: vec![[None, None]; node_count],
            sitelink_of: FxHashMap::default(),
        }
    }

    /// A vertex that is not a design node.
    fn add_vertex(&mut self, is_transit: bool, kind: VirtualVertex) -> usize {
        self.transit.push(is_transit);
        self.virtual_kind.insert(self.transit.len() - 1, kind);
        self.transit.len() - 1
    }

    /// The gateway vertices of the regions, each joined to its region.
    fn add_region_gateways(&mut self, design: &Design) {
        // A Direct Connect gateway is a vertex of its own joined to every region associated
        // with it (DX-GW-11), with no bandwidth limit of the gateway itself. It is never a
        // transit vertex: see the module documentation.
        let mut gateway_vertex: FxHashMap<String, usize> = FxHashMap::default();
        for (i, n) in design.nodes.iter().enumerate() {
            if let Some(az) = n.as_azure() {
                self.add_azure_gateways(i, az);
            } else if let Some(r) = n.as_aws() {
                self.add_dx_gateway(i, r, &mut gateway_vertex);
            }
        }
    }

    /// An Azure region's ExpressRoute and VPN gateways, when their throughput is documented:
    /// each is joined to the region by an edge of that capacity.
    fn add_azure_gateways(&mut self, i: usize, az: &AzureRegion) {
        let ceilings = [
            // An ErGwScale gateway without its unit count has no known ceiling (ER030
            // flags it); none is assumed.
            az.gateway
                .as_ref()
                .filter(|g| g.sku != ErGatewaySku::ErGwScale || g.scale_units.is_some())
                .map(|g| (g.sku.max_bandwidth_mbps(g.scale_units), false)),
            vpn_ceiling_mbps(az).map(|m| (m, true)),
        ];
        for (slot, ceiling) in ceilings.into_iter().enumerate() {
            let Some((mbps, vpn)) = ceiling else { continue };
            let kind = if vpn {
                VirtualVertex::VpnGateway(i)
            } else {
                VirtualVertex::ErGateway(i)
            };
            let v = self.add_vertex(false, kind);
            self.edges.push(Edge {
                u: v,
                v: i,
                capacity_mbps: mbps,
                link: NO_LINK,
            });
            self.azure_gateways[i][slot] = Some(v);
            self.ceilings_of[i].push(v);
        }
    }

    /// The Direct Connect gateway an AWS region is behind, unless it is attached through a
    /// virtual private gateway (one vertex per gateway name, trimmed and in lower case).
    fn add_dx_gateway(
        &mut self,
        i: usize,
        r: &AwsRegion,
        gateway_vertex: &mut FxHashMap<String, usize>,
    ) {
        let Some(gw) = r
            .dx_gateway
            .as_deref()
            .filter(|_| r.attachment != AwsAttachment::VirtualPrivateGateway)
        else {
            return;
        };
        let key = gw.trim().to_lowercase();
        let v = match gateway_vertex.get(&key) {
            Some(&v) => v,
            None => {
                let v = self.add_vertex(false, VirtualVertex::DxGateway(gw.trim().to_string()));
                gateway_vertex.insert(key, v);
                v
            }
        };
        self.gateway_of_region[i] = Some(v);
        self.dx_gateways_of[i].push(v);
        self.edges.push(Edge {
            u: v,
            v: i,
            capacity_mbps: UNBOUNDED_MBPS,
            link: NO_LINK,
        });
    }

    /// The edges of a design link between nodes `a` and `b`.
    fn add_link(
        &mut self,
        li: usize,
        link: &Link,
        (a, b): (usize, usize),
        node_index: &FxHashMap<&str, usize>,
    ) {
        let capacity_mbps = link_capacity_mbps(&link.kind);
        let (a, b) = (self.redirect(&link.kind, a), self.redirect(&link.kind, b));
        // SiteLink: the connection also joins its gateway's SiteLink vertex.
        if let LinkKind::DirectConnectConnection(c) = &link.kind
            && c.vifs.iter().any(|v| v.sitelink)
        {
            self.add_sitelink_edge(li, capacity_mbps, a, b);
        }
        let metro = link
            .as_er()
            .and_then(|c| c.metro_secondary_facility.as_ref())
            .and_then(|f| node_index.get(f.as_str()).copied());
        match metro {
            Some(second) => self.add_metro_circuit(li, capacity_mbps, (a, b), second),
            None => self.edges.push(Edge {
                u: a,
                v: b,
                capacity_mbps,
                link: li,
            }),
        }
    }

    /// Where a link's end lands. A Direct Connect link into a region behind a gateway ends at
    /// the gateway; an ExpressRoute circuit or a VPN into an Azure region ends at the region's
    /// gateway of that kind, when the design states it.
    fn redirect(&self, kind: &LinkKind, end: usize) -> usize {
        match kind {
            LinkKind::DirectConnectConnection(_) => self.gateway_of_region[end].unwrap_or(end),
            LinkKind::ExpressRouteCircuit(_) => self.azure_gateways[end][0].unwrap_or(end),
            LinkKind::SiteToSiteVpn(_) => self.azure_gateways[end][1].unwrap_or(end),
            _ => end,
        }
    }

    /// A SiteLink connection's edge from its facility to its gateway's SiteLink vertex (made
    /// on first use).
    fn add_sitelink_edge(&mut self, li: usize, capacity_mbps: u64, a: usize, b: usize) {
        let (fac, gw) = if self.transit[a] { (a, b) } else { (b, a) };
        let Some(VirtualVertex::DxGateway(name)) = self.virtual_kind.get(&gw) else {
            return;
        };
        let s = match self.sitelink_of.get(&gw) {
            Some(&s) => s,
            None => {
                let s = self.add_vertex(true, VirtualVertex::SiteLink(name.clone()));
                self.sitelink_of.insert(gw, s);
                s
            }
        };
        self.edges.push(Edge {
            u: fac,
            v: s,
            capacity_mbps,
            link: li,
        });
    }

    /// An ExpressRoute Metro circuit: a virtual vertex joined to both facilities and to the
    /// region, all three edges the circuit's.
    fn add_metro_circuit(
        &mut self,
        li: usize,
        capacity_mbps: u64,
        (a, b): (usize, usize),
        second: usize,
    ) {
        let (fac, region) = if self.transit[a] { (a, b) } else { (b, a) };
        let m = self.add_vertex(true, VirtualVertex::Metro);
        for (u, v) in [(fac, m), (second, m), (m, region)] {
            self.edges.push(Edge {
                u,
                v,
                capacity_mbps,
                link: li,
            });
        }
    }

    /// The network, with its edges listed at each vertex.
    fn finish(self, peered_gateways_of: Vec<Vec<(usize, usize)>>) -> Network {
        let vertex_count = self.transit.len();
        let (transit_incident, other_incident) = incidence(&self.transit, &self.edges);
        Network {
            vertex_count,
            node_count: self.node_count,
            transit: self.transit,
            edges: self.edges,
            transit_incident,
            other_incident,
            dx_gateways_of: self.dx_gateways_of,
            ceilings_of: self.ceilings_of,
            sitelink_of: self.sitelink_of,
            peered_gateways_of,
            virtual_kind: self.virtual_kind,
        }
    }
}

/// Transit Gateway peering (documented transit): a region whose Transit Gateway peers with
/// another's reaches that region's Direct Connect gateway through the peering. Per design node,
/// those gateways with the peer region's node, sorted.
fn peered_gateways(design: &Design, dx_gateways_of: &[Vec<usize>]) -> Vec<Vec<(usize, usize)>> {
    let mut peered_gateways_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); design.nodes.len()];
    let tgw_regions: FxHashMap<&str, usize> = design
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let r = n.as_aws()?;
            (r.attachment == AwsAttachment::DxGatewayTgw).then_some((r.region.as_str(), i))
        })
        .collect();
    for (&_, &i) in &tgw_regions {
        let Some(r) = design.nodes[i].as_aws() else {
            continue;
        };
        for peering in &r.tgw_peering_attachments {
            let Some(&j) = tgw_regions.get(peering.peer_region.trim()) else {
                continue;
            };
            if i == j {
                continue;
            }
            for (from, to) in [(i, j), (j, i)] {
                for &g in &dx_gateways_of[to] {
                    if !dx_gateways_of[from].contains(&g)
                        && !peered_gateways_of[from].iter().any(|&(pg, _)| pg == g)
                    {
                        peered_gateways_of[from].push((g, to));
                    }
                }
            }
        }
    }
    for list in &mut peered_gateways_of {
        list.sort_unstable();
    }
    peered_gateways_of
}

/// The edges at each vertex whose other end is a transit vertex, and those whose other end is
/// not, by that other end.
fn incidence(transit: &[bool], edges: &[Edge]) -> (Lists, ByNeighbour) {
    let vertex_count = transit.len();
    // An edge is listed at an end when the other end is (not) a transit vertex.
    let ends_where = |other_is_transit: bool| {
        edges.iter().map(move |e| {
            [
                (transit[e.v] == other_is_transit).then_some(e.u),
                (transit[e.u] == other_is_transit).then_some(e.v),
            ]
            .into_iter()
            .flatten()
        })
    };
    let transit_incident = Lists::invert(vertex_count, ends_where(true));
    let other_incident = ByNeighbour::new(
        &Lists::invert(vertex_count, ends_where(false)),
        edges,
        vertex_count,
    );
    (transit_incident, other_incident)
}

/// Per vertex, (neighbour, edge) pairs sorted by neighbour, then edge.
struct ByNeighbour {
    offsets: Vec<u32>,
    items: Vec<(u32, u32)>,
}

impl ByNeighbour {
    fn new(lists: &Lists, edges: &[Edge], vertex_count: usize) -> ByNeighbour {
        let mut offsets = Vec::with_capacity(vertex_count + 1);
        let mut items = Vec::with_capacity(lists.all().len());
        offsets.push(0);
        for v in 0..vertex_count {
            let start = items.len();
            items.extend(lists.of(v).iter().map(|&ei| {
                let e = &edges[ei as usize];
                let w = if e.u == v { e.v } else { e.u };
                (w as u32, ei)
            }));
            items[start..].sort_unstable();
            offsets.push(items.len() as u32);
        }
        ByNeighbour { offsets, items }
    }

    /// The edges between `v` and `w`, in edge order, and how many entries were looked at.
    fn between(&self, v: usize, w: usize) -> (impl Iterator<Item = usize> + '_, u64) {
        let all = &self.items[self.offsets[v] as usize..self.offsets[v + 1] as usize];
        let w = w as u32;
        let start = all.partition_point(|&(x, _)| x < w);
        let found = all[start..].iter().take_while(move |&&(x, _)| x == w);
        let looked = u64::from(usize::BITS - all.len().leading_zeros()) + 1;
        (found.map(|&(_, ei)| ei as usize), looked)
    }
}

/// The part of the network a demand can use: its site, the transit vertices reachable from it,
/// and its region; edges among them. Local indices are small, for bit masks.
#[derive(Default)]
pub struct Local {
    /// Global vertex of each local vertex; local 0 is the site, local 1 the region.
    pub vertices: Vec<usize>,
    /// Global edge of each local edge.
    pub edges: Vec<usize>,
    /// (local u, local v, capacity) per local edge.
    pub ends: Vec<(usize, usize, u64)>,
    /// Local edges incident to each local vertex.
    pub adjacency: Vec<Vec<usize>>,
    /// Scratch: the local vertices that are not transit vertices (site, region, the gateways
    /// standing for it, its capped gateways).
    specials: Vec<usize>,
    /// Scratch: the network edges at one local vertex that may join another local vertex.
    candidates: Vec<usize>,
}

/// The local index of a vertex kept out of a local graph.
const BLOCKED: usize = u32::MAX as usize;

/// Reusable scratch space (global vertex -> local index), so building a local graph costs only
/// what it touches.
pub struct Scratch {
    local_of: Vec<u32>,
    stamp_of: Vec<u32>,
    stamp: u32,
    /// Network edges looked at while building local graphs (a work count for tests: it must
    /// grow with the number of demands, not with the design's size per demand).
    pub edges_scanned: u64,
}

impl Scratch {
    pub fn new(vertex_count: usize) -> Self {
        Scratch {
            local_of: vec![0; vertex_count],
            stamp_of: vec![0; vertex_count],
            stamp: 0,
            edges_scanned: 0,
        }
    }
    fn get(&self, v: usize) -> Option<usize> {
        (self.stamp_of[v] == self.stamp).then_some(self.local_of[v] as usize)
    }
    /// Keep a vertex out of this local graph.
    fn block(&mut self, v: usize) {
        self.set(v, BLOCKED);
    }
    fn set(&mut self, v: usize, local: usize) {
        self.stamp_of[v] = self.stamp;
        self.local_of[v] = local as u32;
    }
}

impl Local {
    pub fn build(net: &Network, site: usize, region: usize, scratch: &mut Scratch) -> Local {
        let mut local = Local::default();
        local.rebuild(net, site, region, scratch);
        local
    }

    /// Refill this local graph for another demand, keeping the buffers' capacity.
    pub fn rebuild(&mut self, net: &Network, site: usize, region: usize, scratch: &mut Scratch) {
        scratch.stamp = scratch.stamp.wrapping_add(1);
        if scratch.stamp == 0 {
            scratch.stamp_of.iter_mut().for_each(|s| *s = u32::MAX);
            scratch.stamp = 1;
        }
        let Local {
            vertices,
            edges,
            ends,
            adjacency,
            specials,
            candidates,
        } = self;
        vertices.clear();
        edges.clear();
        ends.clear();
        vertices.extend([site, region]);
        scratch.set(site, 0);
        scratch.set(region, 1);
        // The region's Direct Connect gateways are the region itself for this demand (every
        // connection into them reaches it, none transits through them); their SiteLink
        // vertices are not needed to reach it and stay out.
        for &g in &net.dx_gateways_of[region] {
            scratch.set(g, 1);
            if let Some(&s) = net.sitelink_of.get(&g) {
                scratch.block(s);
            }
        }
        // So are the Direct Connect gateways of Transit Gateways peered with the region's.
        for &(g, _) in &net.peered_gateways_of[region] {
            scratch.set(g, 1);
            if let Some(&s) = net.sitelink_of.get(&g) {
                scratch.block(s);
            }
        }
        // The region's capped gateways are vertices of their own, never expanded.
        for &c in &net.ceilings_of[region] {
            scratch.set(c, vertices.len());
            vertices.push(c);
        }
        // Depth-first over transit vertices; `vertices` doubles as the work list.
        let mut next = 0;
        while next < vertices.len() {
            let v = vertices[next];
            next += 1;
            if v == region || (v != site && !net.transit[v]) {
                continue;
            }
            let next_transit = net.transit_incident.of(v);
            scratch.edges_scanned += next_transit.len() as u64;
            for &ei in next_transit {
                let e = &net.edges[ei as usize];
                let w = if e.u == v { e.v } else { e.u };
                if w != region && scratch.get(w).is_none() {
                    scratch.set(w, vertices.len());
                    vertices.push(w);
                }
            }
        }
        adjacency.truncate(vertices.len());
        adjacency.iter_mut().for_each(Vec::clear);
        adjacency.resize_with(vertices.len(), Vec::new);
        // The edges among the local vertices. A vertex shared by many demands (a facility with
        // a link per site, a region with a VPN per site) has edges to many vertices outside this
        // graph; only those to transit vertices and to the few local non-transit vertices are
        // read, the latter by a search. The edges of each vertex are then taken in edge order,
        // as a scan of all its edges would.
        specials.clear();
        specials.extend([site, region]);
        specials.extend(net.dx_gateways_of[region].iter().copied());
        specials.extend(net.peered_gateways_of[region].iter().map(|&(g, _)| g));
        specials.extend(net.ceilings_of[region].iter().copied());
        specials.retain(|&x| !net.transit[x]);
        specials.sort_unstable();
        specials.dedup();
        for (lv, &v) in vertices.iter().enumerate() {
            candidates.clear();
            if net.transit[v] || v == site {
                let to_transit = net.transit_incident.of(v);
                scratch.edges_scanned += to_transit.len() as u64;
                candidates.extend(to_transit.iter().map(|&ei| ei as usize));
            } else {
                // The region or a capped gateway: its edges to transit vertices, from their side.
                for &u in vertices.iter().filter(|&&u| net.transit[u]) {
                    let (found, looked) = net.other_incident.between(u, v);
                    scratch.edges_scanned += looked;
                    candidates.extend(found);
                }
            }
            for &x in specials.iter().filter(|&&x| x != v) {
                let (found, looked) = net.other_incident.between(v, x);
                scratch.edges_scanned += looked;
                candidates.extend(found);
            }
            candidates.sort_unstable();
            for &ei in candidates.iter() {
                let e = &net.edges[ei];
                let w = if e.u == v { e.v } else { e.u };
                let Some(lw) = scratch.get(w).filter(|&lw| lw != BLOCKED) else {
                    continue;
                };
                // Each edge once, from its lower local end; an edge into a vertex that stands
                // for the region (a gateway, never in `vertices`) from its other end.
                let alias = lw == 1 && w != region;
                if (lw <= lv && !alias) || (alias && lv == 1) {
                    continue;
                }
                let le = edges.len();
                edges.push(ei);
                ends.push((lv, lw, e.capacity_mbps));
                adjacency[lv].push(le);
                adjacency[lw].push(le);
            }
        }
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }
}

/// A set of failed local edges: inline for up to 128 edges (every realistic demand), a word
/// vector beyond.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Mask {
    Small(u128),
    Large(Vec<u64>),
}

impl Mask {
    pub fn empty(edges: usize) -> Mask {
        if edges <= 128 {
            Mask::Small(0)
        } else {
            Mask::Large(vec![0; edges.div_ceil(64)])
        }
    }
    pub fn set(&mut self, e: usize) {
        match self {
            Mask::Small(bits) => *bits |= 1 << e,
            Mask::Large(words) => words[e / 64] |= 1 << (e % 64),
        }
    }
    pub fn has(&self, e: usize) -> bool {
        match self {
            Mask::Small(bits) => bits & (1 << e) != 0,
            Mask::Large(words) => words[e / 64] & (1 << (e % 64)) != 0,
        }
    }
    pub fn union(&self, other: &Mask) -> Mask {
        match (self, other) {
            (Mask::Small(a), Mask::Small(b)) => Mask::Small(a | b),
            (Mask::Large(a), Mask::Large(b)) => {
                Mask::Large(a.iter().zip(b).map(|(x, y)| x | y).collect())
            }
            _ => self.clone(),
        }
    }
    pub fn intersects(&self, other: &Mask) -> bool {
        match (self, other) {
            (Mask::Small(a), Mask::Small(b)) => a & b != 0,
            (Mask::Large(a), Mask::Large(b)) => a.iter().zip(b).any(|(x, y)| x & y != 0),
            _ => true,
        }
    }
}

/// Buffers reused by every max-flow run.
#[derive(Default)]
pub struct FlowScratch {
    pub flow: Vec<i64>,
    /// Breadth-first searches run (one per augmenting path, plus the last that finds none): a
    /// work count for tests.
    pub searches: u64,
    /// Max-flow runs from scratch ([`max_flow`]; [`augment`] continues one): a work count.
    pub runs: u64,
    /// How the search reached each local vertex: `(local edge << 1) | forward`, or one of the
    /// two markers below.
    prev: Vec<u32>,
    queue: Vec<u32>,
}

const UNREACHED: u32 = u32::MAX;
const SOURCE: u32 = u32::MAX - 1;

/// Max-flow from local 0 (site) to local 1 (region) with the masked edges removed
/// (Edmonds-Karp on the small local graph). Returns the value; the flow on each local edge
/// (positive in the direction `ends.0 -> ends.1`) is left in `scratch.flow`.
pub fn max_flow(local: &Local, failed: &Mask, scratch: &mut FlowScratch) -> u64 {
    scratch.runs += 1;
    scratch.flow.clear();
    scratch.flow.resize(local.edges.len(), 0);
    augment(local, failed, scratch)
}

/// Augment the flow left in `scratch.flow` (a valid flow of the same local graph, e.g. one
/// found with more edges masked) to a maximum flow with only `failed` removed. Returns the
/// value added. Flow into the region never decreases on any edge (an augmenting path stops at
/// the region), so what the earlier flow delivered over each circuit is kept: this is how
/// preferred paths are filled first.
pub fn augment(local: &Local, failed: &Mask, scratch: &mut FlowScratch) -> u64 {
    let FlowScratch {
        flow,
        prev,
        queue,
        searches,
        runs: _,
    } = scratch;
    prev.clear();
    prev.resize(local.vertices.len(), UNREACHED);
    // The mask is almost always one word: test it without matching the enum per edge.
    let small = match failed {
        Mask::Small(bits) => Some(*bits),
        Mask::Large(_) => None,
    };
    let removed = |le: usize| match small {
        Some(bits) => (bits >> le) & 1 != 0,
        None => failed.has(le),
    };
    // Spare capacity of a local edge, crossed forward (`ends.0 -> ends.1`) or backward.
    let spare = |flow: &[i64], le: usize, forward: bool| {
        let cap = local.ends[le].2 as i64;
        if forward {
            cap - flow[le]
        } else {
            cap + flow[le]
        }
    };
    let mut total: u64 = 0;
    loop {
        *searches += 1;
        // Breadth-first search for a shortest augmenting path, stopping at the region.
        prev.fill(UNREACHED);
        prev[0] = SOURCE;
        queue.clear();
        queue.push(0);
        let mut head = 0;
        'search: while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            for &le in &local.adjacency[v] {
                if removed(le) {
                    continue;
                }
                let (a, b, _) = local.ends[le];
                let forward = a == v;
                let w = if forward { b } else { a };
                if prev[w] == UNREACHED && spare(flow, le, forward) > 0 {
                    prev[w] = ((le as u32) << 1) | u32::from(forward);
                    if w == 1 {
                        break 'search;
                    }
                    queue.push(w as u32);
                }
            }
        }
        if prev[1] == UNREACHED {
            return total;
        }
        let step = |v: usize| {
            let p = prev[v];
            let (le, forward) = ((p >> 1) as usize, p & 1 == 1);
            let (a, b, _) = local.ends[le];
            (le, forward, if forward { a } else { b })
        };
        let mut bottleneck = i64::MAX;
        let mut v = 1;
        while prev[v] != SOURCE {
            let (le, forward, from) = step(v);
            bottleneck = bottleneck.min(spare(flow, le, forward));
            v = from;
        }
        let mut v = 1;
        while prev[v] != SOURCE {
            let (le, forward, from) = step(v);
            flow[le] += if forward { bottleneck } else { -bottleneck };
            v = from;
        }
        total += bottleneck as u64;
    }
}

/// Split a flow into site-to-region paths: (local edges in order, Mbps).
pub fn decompose(local: &Local, flow: &[i64]) -> Vec<(Vec<usize>, u64)> {
    let mut remaining = flow.to_vec();
    let mut paths = Vec::new();
    loop {
        // Depth-first walk from the site along edges carrying flow away from the current vertex.
        let mut path = Vec::new();
        let mut v = 0;
        let mut seen = vec![false; local.vertices.len()];
        seen[0] = true;
        while v != 1 {
            let next = local.adjacency[v].iter().find_map(|&le| {
                let (a, b, _) = local.ends[le];
                let out = if a == v {
                    remaining[le]
                } else {
                    -remaining[le]
                };
                let w = if a == v { b } else { a };
                (out > 0 && !seen[w]).then_some((le, w))
            });
            match next {
                Some((le, w)) => {
                    path.push(le);
                    seen[w] = true;
                    v = w;
                }
                None => break,
            }
        }
        if v != 1 || path.is_empty() {
            return paths;
        }
        let amount = path
            .iter()
            .map(|&le| remaining[le].unsigned_abs())
            .min()
            .unwrap_or(0);
        let mut at = 0;
        for &le in &path {
            let (a, b, _) = local.ends[le];
            if a == at {
                remaining[le] -= amount as i64;
                at = b;
            } else {
                remaining[le] += amount as i64;
                at = a;
            }
        }
        paths.push((path, amount));
    }
}

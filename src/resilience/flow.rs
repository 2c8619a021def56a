//! The flow network of a design and max-flow on the small per-demand subgraph.
//!
//! Every link is an undirected edge with its capacity (an ExpressRoute circuit its bandwidth,
//! a Direct Connect link its port speed times LAG members, a VPN its usable tunnel throughput,
//! access and fabric connections their bandwidth). An ExpressRoute Metro circuit gets a virtual
//! vertex joined to both of its facilities and to the region, all three edges belonging to the
//! one circuit, so losing one facility keeps the circuit. Only facilities, fabric routers and
//! Metro vertices carry transit traffic; other sites and other regions do not. A Direct
//! Connect gateway is a transit vertex joined to every region associated with it, so one
//! connection reaches them all, as in AWS.

use crate::lists::Lists;
use crate::model::{AwsAttachment, Design, LinkKind, NodeKindTag, Resolved};
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
    /// Edges at each vertex.
    incident: Lists,
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

impl Network {
    pub fn build(design: &Design) -> Network {
        Network::build_resolved(design, &design.resolve())
    }

    /// [`Network::build`] with the design's references already resolved.
    pub fn build_resolved(design: &Design, resolved: &Resolved<'_>) -> Network {
        let node_index = &resolved.node_index;
        let node_count = design.nodes.len();
        let mut transit: Vec<bool> = design
            .nodes
            .iter()
            .map(|n| {
                matches!(
                    n.tag(),
                    NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter
                )
            })
            .collect();
        let mut edges = Vec::with_capacity(design.links.len());
        // A Direct Connect gateway is a vertex of its own: a connection into any region behind
        // it reaches every region associated with it (DX-GW-11), with no bandwidth limit of the
        // gateway itself.
        let mut gateway_vertex: FxHashMap<String, usize> = FxHashMap::default();
        let mut gateway_of_region: Vec<Option<usize>> = vec![None; node_count];
        for (i, n) in design.nodes.iter().enumerate() {
            let Some(r) = n.as_aws() else { continue };
            let Some(gw) = r
                .dx_gateway
                .as_deref()
                .filter(|_| r.attachment != AwsAttachment::VirtualPrivateGateway)
            else {
                continue;
            };
            let v = *gateway_vertex
                .entry(gw.trim().to_lowercase())
                .or_insert_with(|| {
                    transit.push(true);
                    transit.len() - 1
                });
            gateway_of_region[i] = Some(v);
            edges.push(Edge {
                u: v,
                v: i,
                capacity_mbps: UNBOUNDED_MBPS,
                link: NO_LINK,
            });
        }
        for (li, (link, ends)) in design.links.iter().zip(&resolved.link_ends).enumerate() {
            let [Some(a), Some(b)] = *ends else {
                continue;
            };
            let capacity_mbps = link_capacity_mbps(&link.kind);
            // A Direct Connect link into a region behind a gateway ends at the gateway.
            let (a, b) = match link.kind {
                LinkKind::DirectConnectConnection(_) => (
                    gateway_of_region[a].unwrap_or(a),
                    gateway_of_region[b].unwrap_or(b),
                ),
                _ => (a, b),
            };
            let metro = link
                .as_er()
                .and_then(|c| c.metro_secondary_facility.as_ref())
                .and_then(|f| node_index.get(f.as_str()).copied());
            match metro {
                Some(second) => {
                    let (fac, region) = if transit[a] { (a, b) } else { (b, a) };
                    let m = transit.len();
                    transit.push(true);
                    for (u, v) in [(fac, m), (second, m), (m, region)] {
                        edges.push(Edge {
                            u,
                            v,
                            capacity_mbps,
                            link: li,
                        });
                    }
                }
                None => edges.push(Edge {
                    u: a,
                    v: b,
                    capacity_mbps,
                    link: li,
                }),
            }
        }
        let vertex_count = transit.len();
        let incident = Lists::invert(vertex_count, edges.iter().map(|e| [e.u, e.v]));
        Network {
            vertex_count,
            node_count,
            transit,
            edges,
            incident,
        }
    }

    /// Indices into `edges` of the edges at a vertex.
    pub fn incident(&self, vertex: usize) -> impl Iterator<Item = usize> + '_ {
        self.incident.of(vertex).iter().map(|&e| e as usize)
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
}

/// Reusable scratch space (global vertex -> local index), so building a local graph costs only
/// what it touches.
pub struct Scratch {
    local_of: Vec<u32>,
    stamp_of: Vec<u32>,
    stamp: u32,
}

impl Scratch {
    pub fn new(vertex_count: usize) -> Self {
        Scratch {
            local_of: vec![0; vertex_count],
            stamp_of: vec![0; vertex_count],
            stamp: 0,
        }
    }
    fn get(&self, v: usize) -> Option<usize> {
        (self.stamp_of[v] == self.stamp).then_some(self.local_of[v] as usize)
    }
    fn set(&mut self, v: usize, local: usize) {
        self.stamp_of[v] = self.stamp;
        self.local_of[v] = local as u32;
    }
}

impl Local {
    pub fn build(net: &Network, site: usize, region: usize, scratch: &mut Scratch) -> Local {
        let mut local = Local {
            vertices: Vec::new(),
            edges: Vec::new(),
            ends: Vec::new(),
            adjacency: Vec::new(),
        };
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
        } = self;
        vertices.clear();
        edges.clear();
        ends.clear();
        vertices.extend([site, region]);
        scratch.set(site, 0);
        scratch.set(region, 1);
        // Depth-first over transit vertices; `vertices` doubles as the work list.
        let mut next = 0;
        while next < vertices.len() {
            let v = vertices[next];
            next += 1;
            if v == region {
                continue;
            }
            for ei in net.incident(v) {
                let e = &net.edges[ei];
                let w = if e.u == v { e.v } else { e.u };
                if w != region && net.transit[w] && scratch.get(w).is_none() {
                    scratch.set(w, vertices.len());
                    vertices.push(w);
                }
            }
        }
        adjacency.truncate(vertices.len());
        adjacency.iter_mut().for_each(Vec::clear);
        adjacency.resize_with(vertices.len(), Vec::new);
        for (lv, &v) in vertices.iter().enumerate() {
            for ei in net.incident(v) {
                let e = &net.edges[ei];
                let w = if e.u == v { e.v } else { e.u };
                let Some(lw) = scratch.get(w) else { continue };
                // Each edge once, from its lower local end.
                if lw <= lv {
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
    let FlowScratch { flow, prev, queue } = scratch;
    flow.clear();
    flow.resize(local.edges.len(), 0);
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

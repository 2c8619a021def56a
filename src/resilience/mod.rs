//! Automatic failure analysis of a proposed design: for every demand (site -> cloud region),
//! the capacity it gets in the intact design, what each single failure (N-1) or pair of
//! failures (N-2) leaves it, its single points of failure, and the resiliency model each cloud
//! would grant it.
//!
//! # Algorithm
//!
//! 1. **Failure domains** ([`domains::derive`]): every link and node, plus the shared-risk
//!    groups the design implies (edge routers, AWS devices, MSEE pairs, buildings, metros,
//!    providers, fabric diversity zones) and the user's named risk groups. Groups identical to
//!    a smaller domain are dropped.
//! 2. **One network** ([`flow::Network`]) for the whole design, built once: links are
//!    undirected edges with capacities; ExpressRoute Metro circuits get a virtual vertex.
//! 3. **Per demand, a local subgraph** ([`flow::Local`]): the site, the transit vertices
//!    (facilities, fabric routers) reachable from it, and the region. Other sites and regions
//!    are not transit. For a typical dual-homed site this is 4-6 vertices, whatever the size of
//!    the design.
//! 4. **Intact max-flow** (Edmonds-Karp) on the local graph; its flow is split into paths.
//! 5. **Only domains that touch the local graph matter.** Each is turned into a bit mask of
//!    the local edges it removes (a node removes its incident edges). Domains containing the
//!    demand's own site or region are inherent and skipped. A domain whose mask misses every
//!    edge carrying intact flow leaves the capacity unchanged (the same flow still fits), so
//!    no max-flow is run for it; the others are run once per distinct mask (many domains
//!    remove the same edges, e.g. a link, its AWS device and its provider), cached.
//! 6. **N-2** combines the relevant domains pairwise with the same cache.
//!
//! Work per demand depends on the size of its local graph, not of the design, so the whole
//! analysis grows linearly with the number of demands.

pub mod domains;
mod egress_paths;
pub mod flow;
pub mod models;

pub use domains::{DomainKind, FailureDomain};
pub use egress_paths::{DemandPaths, EgressPath, EgressPaths, egress_paths};
pub use models::{GatewayIndex, IndexWeights, Model, ModelKind};

use crate::catalog::Catalog;
use crate::lists::Lists;
use crate::model::{Design, LinkKindTag, NodeKindTag, Resolved};
use flow::{FlowScratch, Local, Mask, Network, Scratch, max_flow};
use rustc_hash::FxHashMap;
use serde::Serialize;
use smol_str::SmolStr;

/// How many simultaneous failures to enumerate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Depth {
    /// Every single failure (N-1).
    Single,
    /// Every single failure and every pair (N-2).
    Pairs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cloud {
    Azure,
    Aws,
}

/// What a failure does to a demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No capacity left.
    Lost,
    /// Capacity left, but below the demand's required bandwidth.
    Degraded,
    /// Capacity cut, still at or above the requirement.
    Cut,
}

/// The one or two failure domains of a scenario (indices into [`Analysis::domains`]), stored
/// inline: millions of scenarios on large designs must not each allocate. Stored as `u32`, as
/// the domain lists are ([`crate::lists::Lists`]): a design has far fewer domains (its links,
/// nodes and their groups), and a scenario is then 24 bytes instead of 40.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DomainRefs {
    ids: [u32; 2],
    len: u8,
}

impl DomainRefs {
    pub fn one(d: usize) -> Self {
        debug_assert!(u32::try_from(d).is_ok());
        DomainRefs {
            ids: [d as u32, 0],
            len: 1,
        }
    }
    pub fn two(a: usize, b: usize) -> Self {
        debug_assert!(u32::try_from(a.max(b)).is_ok());
        DomainRefs {
            ids: [a as u32, b as u32],
            len: 2,
        }
    }
    fn as_slice(&self) -> &[u32] {
        &self.ids[..usize::from(self.len)]
    }
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.as_slice().iter().map(|&d| d as usize)
    }
    /// The `i`th domain (0 or 1).
    pub fn at(&self, i: usize) -> usize {
        self.as_slice()[i] as usize
    }
}

impl Serialize for DomainRefs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// Indices into [`Analysis::domains`].
    pub domains: DomainRefs,
    pub residual_mbps: u64,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathFlow {
    /// Link ids from the site to the region (the design's own ids, shared, not copied: a large
    /// design's paths hold a million of them).
    pub links: Vec<SmolStr>,
    /// Capacity of the path in the intact maximum flow.
    pub mbps: u64,
    /// What the path carries in the intact design when traffic follows the clouds' route
    /// preference: private circuits first, a VPN only for what they cannot carry of the
    /// demand's requirement (0 for a VPN backup that is not needed).
    pub traffic_mbps: u64,
    /// Where the path crosses between two links of a cloud because the cloud documents it
    /// (e.g. "SiteLink over Direct Connect gateway dxgw-main").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemandResult {
    /// Index into `design.demands`.
    #[serde(skip)]
    pub index: usize,
    pub demand: SmolStr,
    pub site: SmolStr,
    pub region: SmolStr,
    pub cloud: Cloud,
    pub required_mbps: u64,
    pub intact_mbps: u64,
    pub paths: Vec<PathFlow>,
    pub model: Model,
    /// Single failures that reduce the capacity, worst first.
    pub single_failures: Vec<Scenario>,
    /// Domains whose failure alone loses the demand, broadest first.
    pub spofs: Vec<usize>,
    /// Pairs that lose or degrade the demand although neither member does alone (N-2 only).
    pub double_failures: Vec<Scenario>,
    /// Links from the site into the transit network (access circuits, fabric), and VPNs.
    #[serde(skip)]
    pub access_links: Vec<usize>,
    /// Private circuits into the region (ExpressRoute, Direct Connect, fabric connections).
    #[serde(skip)]
    pub circuit_links: Vec<usize>,
    #[serde(skip)]
    pub vpn_links: Vec<usize>,
}

impl DemandResult {
    /// The single failure that leaves the least capacity, if any failure reduces it.
    pub fn worst_single(&self) -> Option<&Scenario> {
        self.single_failures.first()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub depth: Depth,
    pub domains: Vec<FailureDomain>,
    pub demands: Vec<DemandResult>,
    /// What the analysis did, counted.
    #[serde(skip)]
    pub work: Work,
}

/// Work done by an analysis, counted rather than timed, so a test can tell growth linear in the
/// number of demands from worse at any machine's speed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Network edges looked at while building the demands' local graphs.
    pub edges_scanned: u64,
    /// Max-flow runs (intact, and each failure that the cache and the intact flow do not
    /// answer).
    pub max_flows: u64,
    /// Breadth-first searches for augmenting paths, over all max-flow runs.
    pub searches: u64,
}

impl Work {
    fn of(scratch: &Scratch, flow: &FlowScratch) -> Work {
        Work {
            edges_scanned: scratch.edges_scanned,
            max_flows: flow.runs,
            searches: flow.searches,
        }
    }
    fn add(self, other: Work) -> Work {
        Work {
            edges_scanned: self.edges_scanned + other.edges_scanned,
            max_flows: self.max_flows + other.max_flows,
            searches: self.searches + other.searches,
        }
    }
}

impl Analysis {
    pub fn demand(&self, id: &str) -> Option<&DemandResult> {
        self.demands.iter().find(|d| d.demand == id)
    }
    /// "metro Chicago", "link ER Chicago", ...
    pub fn domain_label(&self, index: usize) -> &str {
        &self.domains[index].label
    }
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Lost => "lost",
            Outcome::Degraded => "degraded below requirement",
            Outcome::Cut => "capacity cut, requirement still met",
        }
    }
}

impl Cloud {
    pub fn label(self) -> &'static str {
        match self {
            Cloud::Azure => "Azure",
            Cloud::Aws => "AWS",
        }
    }
}

fn outcome(residual: u64, required: u64) -> Outcome {
    if residual == 0 {
        Outcome::Lost
    } else if residual < required {
        Outcome::Degraded
    } else {
        Outcome::Cut
    }
}

/// Analyse every demand of the design.
pub fn analyze(design: &Design, catalog: &Catalog, depth: Depth) -> Analysis {
    analyze_with(design, catalog, depth, Parts::All, &design.resolve())
}

/// The same without splitting flows into paths: what the resilience rules need, a little
/// cheaper on large designs. Of the domains, only those the rules write about are named (their
/// id, label and members): each demand's single points of failure and the first single failure
/// that degrades it. The others keep their kind, nodes and links.
pub fn analyze_without_paths(design: &Design, catalog: &Catalog, depth: Depth) -> Analysis {
    analyze_with(design, catalog, depth, Parts::Failures, &design.resolve())
}

/// What an analysis computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parts {
    /// Paths and failures.
    All,
    /// Failures only.
    Failures,
    /// Paths only.
    IntactPaths,
}

/// Read-only state shared by the workers.
struct Shared<'a> {
    design: &'a Design,
    depth: Depth,
    with_paths: bool,
    with_failures: bool,
    net: Network,
    resolved: &'a Resolved<'a>,
    /// Kind of each link, by index into `design.links` (a small table the workers read often).
    link_kinds: Vec<LinkKindTag>,
    /// The domains each link is in, by index into `design.links`.
    link_domains: Lists,
    /// The domains each node is in, by index into `design.nodes`.
    node_domains: Lists,
    breadth: Vec<usize>,
}

/// Per-thread buffers, reused from one demand to the next.
struct Worker {
    scratch: Scratch,
    slot_of_domain: Vec<u32>,
    flow: FlowScratch,
    local: Local,
    relevant: Vec<(usize, Mask)>,
    inherent: Vec<usize>,
    cache: FxHashMap<Mask, u64>,
    gateway_to_region: Vec<usize>,
    single_residual: Vec<u64>,
    /// The demand's scenarios as they are found; the result gets a copy of exactly their size.
    failures: Failures,
}

impl<'a> Shared<'a> {
    /// The state the workers share, and the design's failure domains (none when `parts` needs
    /// no failures).
    fn new(
        design: &'a Design,
        catalog: &Catalog,
        depth: Depth,
        parts: Parts,
        resolved: &'a Resolved<'a>,
    ) -> (Shared<'a>, Vec<FailureDomain>) {
        let with_failures = parts != Parts::IntactPaths;
        let domains = || {
            if with_failures {
                domains::derive_resolved(design, catalog, resolved)
            } else {
                Vec::new()
            }
        };
        // On large designs the network is built on a thread of its own while the domains are
        // derived: both only read the design, and in `check` the other core has finished the
        // plain rules by then and waits for this.
        let (domains, net) = if with_failures && design.demands.len() >= PARALLEL_DEMANDS {
            std::thread::scope(|scope| {
                let net = scope.spawn(|| Network::build_resolved(design, resolved));
                let domains = domains();
                (domains, crate::par::join(net))
            })
        } else {
            (domains(), Network::build_resolved(design, resolved))
        };
        let link_domains = Lists::invert(
            design.links.len(),
            domains.iter().map(|d| d.links.iter().copied()),
        );
        let node_domains = Lists::invert(
            design.nodes.len(),
            domains.iter().map(|d| d.nodes.iter().copied()),
        );
        let shared = Shared {
            design,
            depth,
            with_paths: parts != Parts::Failures,
            with_failures,
            resolved,
            link_kinds: design.links.iter().map(|l| l.tag()).collect(),
            breadth: domains
                .iter()
                .map(|d| d.nodes.len() + d.links.len())
                .collect(),
            link_domains,
            node_domains,
            net,
        };
        (shared, domains)
    }
}

/// From how many demands the analysis uses every core.
const PARALLEL_DEMANDS: usize = 2_000;

/// `task` for every demand of the design, in demand order (the demands it answers `None` for
/// are left out), and the work counted. Demands are independent: on large designs, batches of
/// them go to whichever core is free; the result is the same whatever the split.
fn each_demand<T: Send>(
    shared: &Shared<'_>,
    domain_count: usize,
    task: impl Fn(&Shared<'_>, &mut Worker, usize) -> Option<T> + Sync,
) -> (Vec<T>, Work) {
    let new_worker = || Worker {
        scratch: Scratch::new(shared.net.vertex_count),
        slot_of_domain: vec![u32::MAX; domain_count],
        flow: FlowScratch::default(),
        local: Local::default(),
        relevant: Vec::new(),
        inherent: Vec::new(),
        cache: FxHashMap::default(),
        gateway_to_region: Vec::new(),
        single_residual: Vec::new(),
        failures: Failures::default(),
    };
    let demand_count = shared.design.demands.len();
    const BATCH: usize = 500;
    let threads = if demand_count >= PARALLEL_DEMANDS {
        crate::par::threads()
    } else {
        1
    };
    let (results, workers) =
        crate::par::filter_map_in_place(demand_count, BATCH, threads, new_worker, |worker, i| {
            task(shared, worker, i)
        });
    // Each worker counts its work from zero.
    let work = workers.iter().fold(Work::default(), |work, worker| {
        work.add(Work::of(&worker.scratch, &worker.flow))
    });
    (results, work)
}

/// The analysis of `parts`, for a design whose references the caller has resolved
/// (`design.resolve()`): the check resolves once for its rules and this analysis.
pub(crate) fn analyze_with(
    design: &Design,
    catalog: &Catalog,
    depth: Depth,
    parts: Parts,
    resolved: &Resolved<'_>,
) -> Analysis {
    let (shared, mut domains) = Shared::new(design, catalog, depth, parts, resolved);
    let (results, work) = each_demand(&shared, domains.len(), analyze_demand);
    // Names of the link and node domains are written only for those a result refers to (for
    // the rules, those they write about); on large designs, on every core.
    let mut referenced = vec![false; domains.len()];
    for r in &results {
        if parts == Parts::Failures {
            let degrading = r
                .single_failures
                .iter()
                .find(|s| s.outcome == Outcome::Degraded)
                .map(|s| s.domains.at(0));
            for d in r.spofs.iter().copied().chain(degrading) {
                referenced[d] = true;
            }
            continue;
        }
        for d in r.spofs.iter().copied().chain(
            r.single_failures
                .iter()
                .chain(&r.double_failures)
                .flat_map(|s| s.domains.iter()),
        ) {
            referenced[d] = true;
        }
    }
    let name = |domains: &mut [FailureDomain], referenced: &[bool]| {
        for (d, _) in domains.iter_mut().zip(referenced).filter(|(_, r)| **r) {
            domains::materialize(d, design);
        }
    };
    let threads = crate::par::threads();
    if threads > 1 && domains.len() >= 5_000 {
        let chunk = domains.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for (part, refs) in domains.chunks_mut(chunk).zip(referenced.chunks(chunk)) {
                scope.spawn(move || name(part, refs));
            }
        });
    } else {
        name(&mut domains, &referenced);
    }
    Analysis {
        depth,
        domains,
        demands: results,
        work,
    }
}

/// One demand's result: intact capacity and paths, links by role, model and failures. None when
/// the demand is not from an on-prem site to a cloud region.
fn analyze_demand(sh: &Shared<'_>, w: &mut Worker, demand_index: usize) -> Option<DemandResult> {
    let demand = &sh.design.demands[demand_index];
    let (site, region, cloud) = demand_ends(sh, demand_index)?;
    w.local.rebuild(&sh.net, site, region, &mut w.scratch);
    let intact = intact_flow(sh, &w.local, &mut w.flow, demand.required_mbps);
    // Split the intact flow into paths before the scratch is reused.
    let paths = if sh.with_paths {
        let names = PathNames {
            sh,
            local: &w.local,
            vpn_edges: &intact.vpn_edges,
            region,
        };
        names.split(&w.flow.flow, intact.vpn_traffic)
    } else {
        Vec::new()
    };
    let roles = links_by_role(sh, &w.local, &mut w.gateway_to_region);
    let model = match cloud {
        Cloud::Aws => models::aws_model(&dx_uses(sh.design, &roles.circuits, sh.resolved)),
        Cloud::Azure => models::azure_model(&er_uses(sh.design, &roles.circuits, sh.resolved)),
    };
    // Found in the worker's buffers and copied out at their size: grown in the result, they
    // took a third more memory on large designs, every step of the growth fresh from the kernel.
    let mut failures = std::mem::take(&mut w.failures);
    failures.clear();
    if intact.mbps > 0 && sh.with_failures {
        find_failures(sh, w, &intact, demand.required_mbps, &mut failures);
    }
    failures.sort(&sh.breadth);
    let (single_failures, spofs, double_failures) = (
        failures.single.to_vec(),
        failures.spofs.to_vec(),
        failures.double.to_vec(),
    );
    w.failures = failures;

    Some(DemandResult {
        index: demand_index,
        demand: demand.id.0.clone(),
        site: demand.site.0.clone(),
        region: demand.region.0.clone(),
        cloud,
        required_mbps: demand.required_mbps,
        intact_mbps: intact.mbps,
        paths,
        model,
        single_failures,
        spofs,
        double_failures,
        access_links: roles.access,
        circuit_links: roles.circuits,
        vpn_links: roles.vpns,
    })
}

/// A demand's site and region (network vertices) and the region's cloud, when the demand runs
/// from an on-prem site to a cloud region.
fn demand_ends(sh: &Shared<'_>, demand_index: usize) -> Option<(usize, usize, Cloud)> {
    let [Some(s), Some(t)] = sh.resolved.demand_ends[demand_index] else {
        return None;
    };
    let cloud = match sh.design.nodes[t].tag() {
        NodeKindTag::AzureRegion => Cloud::Azure,
        NodeKindTag::AwsRegion => Cloud::Aws,
        _ => return None,
    };
    if sh.design.nodes[s].tag() != NodeKindTag::OnPremSite {
        return None;
    }
    Some((s, t, cloud))
}

/// A demand's intact flow, private circuits filled first; the flow on each local edge is left
/// in the flow scratch.
struct Intact {
    /// The local edges of site-to-site VPNs.
    vpn_edges: Mask,
    /// The maximum flow, VPNs included.
    mbps: u64,
    /// What the VPNs carry of the demand.
    vpn_traffic: u64,
    /// The local edges that carry flow.
    used: Mask,
}

fn intact_flow(
    sh: &Shared<'_>,
    local: &Local,
    flow_scratch: &mut FlowScratch,
    required_mbps: u64,
) -> Intact {
    let edge_count = local.edge_count();
    // Route preference (AWS prefers Direct Connect routes over VPN routes, Azure ExpressRoute
    // over VPN): fill the private circuits first, then let VPNs add what they can.
    let mut vpn_edges = Mask::empty(edge_count);
    let mut has_vpn = false;
    for le in 0..edge_count {
        let link = sh.net.edges[local.edges[le]].link;
        if link != flow::NO_LINK && sh.link_kinds[link] == LinkKindTag::SiteToSiteVpn {
            vpn_edges.set(le);
            has_vpn = true;
        }
    }
    let (private, intact) = if has_vpn {
        let private = max_flow(local, &vpn_edges, flow_scratch);
        let more = flow::augment(local, &Mask::empty(edge_count), flow_scratch);
        (private, private + more)
    } else {
        let intact = max_flow(local, &Mask::empty(edge_count), flow_scratch);
        (intact, intact)
    };
    let mut used = Mask::empty(edge_count);
    for (le, f) in flow_scratch.flow.iter().enumerate() {
        if *f != 0 {
            used.set(le);
        }
    }
    Intact {
        vpn_edges,
        mbps: intact,
        vpn_traffic: vpn_traffic(required_mbps, private, intact),
        used,
    }
}

/// What the VPNs carry: nothing while the private circuits meet the requirement (or carry
/// anything, when no requirement is stated); otherwise the shortfall, up to their capacity.
fn vpn_traffic(required_mbps: u64, private: u64, intact: u64) -> u64 {
    let vpn_capacity = intact - private;
    if private == 0 {
        match required_mbps {
            0 => vpn_capacity,
            required => vpn_capacity.min(required),
        }
    } else if required_mbps > private {
        vpn_capacity.min(required_mbps - private)
    } else {
        0
    }
}

/// Names the paths of a demand's intact flow: their links and documented crossings.
struct PathNames<'a, 'd> {
    sh: &'a Shared<'d>,
    local: &'a Local,
    vpn_edges: &'a Mask,
    /// The demand's region (network vertex).
    region: usize,
}

impl PathNames<'_, '_> {
    /// The intact flow split into paths, the VPNs' traffic shared over the VPN paths.
    fn split(&self, flow: &[i64], vpn_traffic: u64) -> Vec<PathFlow> {
        let paths = flow::decompose(self.local, flow);
        let carried = carried(self.vpn_edges, &paths, vpn_traffic);
        paths
            .iter()
            .zip(carried)
            .map(|((edges, _), c)| self.path(edges, c))
            .collect()
    }

    /// One path (local edges in order) and what it carries.
    fn path(&self, edges: &[usize], carry: Carry) -> PathFlow {
        let mut links: Vec<SmolStr> = Vec::new();
        let mut via: Vec<String> = Vec::new();
        for &le in edges {
            let edge = &self.sh.net.edges[self.local.edges[le]];
            for v in [edge.u, edge.v] {
                if let Some(text) = self.crossing(v)
                    && !via.contains(&text)
                {
                    via.push(text);
                }
            }
            if edge.link == flow::NO_LINK {
                continue;
            }
            let id = &self.sh.design.links[edge.link].id.0;
            if links.last() != Some(id) {
                links.push(id.clone());
            }
        }
        PathFlow {
            links,
            mbps: carry.mbps,
            traffic_mbps: carry.traffic_mbps,
            via,
        }
    }

    /// The documented crossing at vertex `v` of a path, if it is one.
    fn crossing(&self, v: usize) -> Option<String> {
        let (net, design, t) = (&self.sh.net, self.sh.design, self.region);
        match net.virtual_kind.get(&v) {
            Some(flow::VirtualVertex::SiteLink(gw)) => {
                Some(format!("SiteLink over Direct Connect gateway {gw}"))
            }
            _ => net.peered_through(t, v).map(|peer| {
                format!(
                    "Transit Gateway peering from {} to {}",
                    design.nodes[peer]
                        .as_aws()
                        .map_or("", |r| r.region.as_str()),
                    design.nodes[t].as_aws().map_or("", |r| r.region.as_str())
                )
            }),
        }
    }
}

/// What one path of an intact flow carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Carry {
    /// The path's capacity in the intact maximum flow.
    mbps: u64,
    /// Whether the path runs over a site-to-site VPN.
    vpn: bool,
    /// What it carries when traffic follows the clouds' route preference (see
    /// [`PathFlow::traffic_mbps`]).
    traffic_mbps: u64,
}

/// What each path of a decomposed intact flow (local edges, capacity) carries: private paths
/// their flow, VPN paths a share of the VPNs' traffic in proportion to their flow.
fn carried(vpn_edges: &Mask, paths: &[(Vec<usize>, u64)], vpn_traffic: u64) -> Vec<Carry> {
    let mut carried: Vec<Carry> = paths
        .iter()
        .map(|(edges, mbps)| {
            let vpn = edges.iter().any(|&le| vpn_edges.has(le));
            Carry {
                mbps: *mbps,
                vpn,
                traffic_mbps: if vpn { 0 } else { *mbps },
            }
        })
        .collect();
    let mut left = vpn_traffic;
    let vpn_count = carried.iter().filter(|c| c.vpn).count();
    let vpn_flow: u64 = carried.iter().filter(|c| c.vpn).map(|c| c.mbps).sum();
    for (k, path) in carried.iter_mut().filter(|c| c.vpn).enumerate() {
        let share = if k + 1 == vpn_count {
            left
        } else {
            (u128::from(vpn_traffic) * u128::from(path.mbps) / u128::from(vpn_flow.max(1))) as u64
        };
        let share = share.min(left).min(path.mbps);
        path.traffic_mbps = share;
        left -= share;
    }
    carried
}

/// A demand's links by role (indices into `design.links`).
struct LinkRoles {
    /// From the site into the transit network (access circuits, fabric).
    access: Vec<usize>,
    /// Private circuits into the region.
    circuits: Vec<usize>,
    vpns: Vec<usize>,
}

fn links_by_role(sh: &Shared<'_>, local: &Local, gateway_to_region: &mut Vec<usize>) -> LinkRoles {
    let net = &sh.net;
    let mut roles = LinkRoles {
        access: Vec::new(),
        circuits: Vec::new(),
        vpns: Vec::new(),
    };
    // Local vertices that are gateways with an edge to the region: circuits ending there reach
    // the region too.
    gateway_to_region.clear();
    gateway_to_region.extend(
        local
            .ends
            .iter()
            .enumerate()
            .filter(|&(le, &(a, b, _))| {
                (a == 1 || b == 1) && net.edges[local.edges[le]].link == flow::NO_LINK
            })
            .map(|(_, &(a, b, _))| if a == 1 { b } else { a }),
    );
    for (le, &(a, b, _)) in local.ends.iter().enumerate() {
        let link = net.edges[local.edges[le]].link;
        if link == flow::NO_LINK {
            continue;
        }
        let reaches_region =
            a == 1 || b == 1 || gateway_to_region.contains(&a) || gateway_to_region.contains(&b);
        let is_vpn = sh.link_kinds[link] == LinkKindTag::SiteToSiteVpn;
        let list = if is_vpn {
            &mut roles.vpns
        } else if reaches_region {
            &mut roles.circuits
        } else if a == 0 || b == 0 {
            &mut roles.access
        } else {
            continue;
        };
        if !list.contains(&link) {
            list.push(link);
        }
    }
    roles
}

/// A demand's failure scenarios.
#[derive(Default)]
struct Failures {
    single: Vec<Scenario>,
    spofs: Vec<usize>,
    double: Vec<Scenario>,
}

impl Failures {
    fn clear(&mut self) {
        self.single.clear();
        self.spofs.clear();
        self.double.clear();
    }

    /// Worst first (least capacity left, then the broadest domain); SPOFs broadest first.
    fn sort(&mut self, breadth: &[usize]) {
        self.single.sort_by(|a, b| {
            a.residual_mbps
                .cmp(&b.residual_mbps)
                .then(breadth[b.domains.at(0)].cmp(&breadth[a.domains.at(0)]))
                .then(a.domains.cmp(&b.domains))
        });
        self.spofs
            .sort_by(|&a, &b| breadth[b].cmp(&breadth[a]).then(a.cmp(&b)));
        self.double.sort_by(|a, b| {
            a.residual_mbps
                .cmp(&b.residual_mbps)
                .then(a.domains.cmp(&b.domains))
        });
    }
}

/// The single failures (and, at depth 2, the pairs) that cut a demand's intact capacity.
fn find_failures(
    sh: &Shared<'_>,
    w: &mut Worker,
    intact: &Intact,
    required_mbps: u64,
    out: &mut Failures,
) {
    relevant_domains(sh, w);
    let Worker {
        flow,
        local,
        relevant,
        cache,
        single_residual,
        ..
    } = w;
    cache.clear();
    let mut residuals = Residuals {
        local,
        used: &intact.used,
        intact: intact.mbps,
        cache,
        flow_scratch: flow,
    };
    single_failures(
        relevant,
        &mut residuals,
        required_mbps,
        single_residual,
        out,
    );
    if sh.depth == Depth::Pairs {
        double_failures(
            relevant,
            single_residual,
            &mut residuals,
            required_mbps,
            &mut out.double,
        );
    }
}

/// Fill `w.relevant`: each domain that touches the demand's local graph, with the mask of the
/// local edges it removes, by domain index. Domains containing the demand's own site or region
/// are inherent (`w.inherent`) and left out.
fn relevant_domains(sh: &Shared<'_>, w: &mut Worker) {
    let net = &sh.net;
    let Worker {
        slot_of_domain,
        local,
        relevant,
        inherent,
        ..
    } = w;
    let edge_count = local.edge_count();
    // Domain -> mask of the local edges it removes.
    relevant.clear();
    inherent.clear();
    let mut touch = |d: usize, relevant: &mut Vec<(usize, Mask)>| -> usize {
        if slot_of_domain[d] == u32::MAX {
            slot_of_domain[d] = relevant.len() as u32;
            relevant.push((d, Mask::empty(edge_count)));
        }
        slot_of_domain[d] as usize
    };
    for (lv, &v) in local.vertices.iter().enumerate() {
        if v >= net.node_count {
            continue;
        }
        for &d in sh.node_domains.of(v) {
            if lv <= 1 {
                inherent.push(d as usize);
                continue;
            }
            let slot = touch(d as usize, relevant);
            for &le in &local.adjacency[lv] {
                relevant[slot].1.set(le);
            }
        }
    }
    for le in 0..edge_count {
        let link = net.edges[local.edges[le]].link;
        if link == flow::NO_LINK {
            continue;
        }
        for &d in sh.link_domains.of(link) {
            let slot = touch(d as usize, relevant);
            relevant[slot].1.set(le);
        }
    }
    for (d, _) in relevant.iter() {
        slot_of_domain[*d] = u32::MAX;
    }
    relevant.retain(|(d, _)| !inherent.contains(d));
    relevant.sort_unstable_by_key(|(d, _)| *d);
}

/// The capacity a demand keeps with some local edges removed. A mask that misses every edge
/// carrying intact flow leaves the intact capacity (the same flow still fits); others run a
/// max-flow once per distinct mask.
struct Residuals<'a> {
    local: &'a Local,
    used: &'a Mask,
    intact: u64,
    cache: &'a mut FxHashMap<Mask, u64>,
    flow_scratch: &'a mut FlowScratch,
}

impl Residuals<'_> {
    #[inline]
    fn of(&mut self, mask: &Mask) -> u64 {
        if !mask.intersects(self.used) {
            return self.intact;
        }
        if let Some(&r) = self.cache.get(mask) {
            return r;
        }
        let r = max_flow(self.local, mask, self.flow_scratch);
        self.cache.insert(mask.clone(), r);
        r
    }
}

/// Each relevant domain's failure alone: the capacity it leaves (into `single_residual`, by
/// position in `relevant`), the scenarios that cut capacity, and the SPOFs.
fn single_failures(
    relevant: &[(usize, Mask)],
    residuals: &mut Residuals<'_>,
    required_mbps: u64,
    single_residual: &mut Vec<u64>,
    out: &mut Failures,
) {
    single_residual.clear();
    for (d, mask) in relevant {
        let r = residuals.of(mask);
        single_residual.push(r);
        if r < residuals.intact {
            out.single.push(Scenario {
                domains: DomainRefs::one(*d),
                residual_mbps: r,
                outcome: outcome(r, required_mbps),
            });
        }
        if r == 0 {
            out.spofs.push(*d);
        }
    }
}

/// Pairs of relevant domains, neither a SPOF, whose failure together loses or degrades the
/// demand although neither alone does as much.
fn double_failures(
    relevant: &[(usize, Mask)],
    single_residual: &[u64],
    residuals: &mut Residuals<'_>,
    required_mbps: u64,
    out: &mut Vec<Scenario>,
) {
    for i in 0..relevant.len() {
        if single_residual[i] == 0 {
            continue;
        }
        for j in i + 1..relevant.len() {
            if single_residual[j] == 0 {
                continue;
            }
            let r = residuals.of(&relevant[i].1.union(&relevant[j].1));
            let o = outcome(r, required_mbps);
            let worse_than_singles = o < outcome(single_residual[i], required_mbps)
                && o < outcome(single_residual[j], required_mbps);
            if o != Outcome::Cut && worse_than_singles {
                out.push(Scenario {
                    domains: DomainRefs::two(relevant[i].0, relevant[j].0),
                    residual_mbps: r,
                    outcome: o,
                });
            }
        }
    }
}

/// The facility at either end of a link.
fn facility_of<'a>(
    design: &'a Design,
    link: usize,
    resolved: &Resolved<'_>,
) -> Option<&'a crate::model::ColocationFacility> {
    resolved.link_ends[link]
        .into_iter()
        .flatten()
        .find_map(|n| design.nodes[n].as_facility())
}

fn dx_uses<'a>(
    design: &'a Design,
    links: &[usize],
    resolved: &Resolved<'_>,
) -> Vec<models::DxUse<'a>> {
    links
        .iter()
        .filter_map(|&l| {
            let c = design.links[l].as_dx()?;
            let fac = facility_of(design, l, resolved);
            Some(models::DxUse {
                location: fac.and_then(|f| f.dx_location.as_deref()).unwrap_or(""),
                device: &c.aws_device,
                connection_type: c.connection_type,
                capacity_mbps: c.total_capacity_mbps(),
                lag_members: c.lag_members,
            })
        })
        .collect()
}

fn er_uses<'a>(
    design: &'a Design,
    links: &[usize],
    resolved: &Resolved<'_>,
) -> Vec<models::ErUse<'a>> {
    links
        .iter()
        .filter_map(|&l| {
            let c = design.links[l].as_er()?;
            let fac = facility_of(design, l, resolved);
            Some(models::ErUse {
                location: fac
                    .and_then(|f| f.er_peering_location.as_deref())
                    .unwrap_or(design.links[l].a.as_str()),
                metro: c.metro_secondary_facility.is_some(),
                redundant_bgp: c.redundant_bgp,
            })
        })
        .collect()
}

/// The ExpressRoute circuits that end at an Azure region node, as the index sees them.
pub fn circuits_into<'a>(design: &'a Design, region_id: &str) -> Vec<models::ErUse<'a>> {
    CircuitsByRegion::new(design).into_region(region_id)
}

/// The ExpressRoute circuits into every region, found in one pass over the links: asking
/// [`circuits_into`] for each of a design's regions would scan every link once per region.
pub struct CircuitsByRegion<'a> {
    design: &'a Design,
    resolved: Resolved<'a>,
    /// Indices into `design.links`, in link order, by region node id.
    by_region: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> CircuitsByRegion<'a> {
    pub fn new(design: &'a Design) -> Self {
        let mut by_region: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
        for (i, l) in design.links.iter().enumerate() {
            if l.as_er().is_none() {
                continue;
            }
            by_region.entry(l.a.as_str()).or_default().push(i);
            if l.b != l.a {
                by_region.entry(l.b.as_str()).or_default().push(i);
            }
        }
        CircuitsByRegion {
            design,
            resolved: design.resolve(),
            by_region,
        }
    }

    /// What [`circuits_into`] answers for this region.
    pub fn into_region(&self, region_id: &str) -> Vec<models::ErUse<'a>> {
        let links = self.by_region.get(region_id).map_or(&[][..], Vec::as_slice);
        er_uses(self.design, links, &self.resolved)
    }
}

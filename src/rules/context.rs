//! Indexes over a design, built once per check and shared by every rule.

use crate::catalog::{AwsRegionInfo, AzureRegionInfo, Catalog, DxLocation, ErLocation};
use crate::lists::Lists;
use crate::model::{
    AwsRegion, AzureRegion, ColocationFacility, Design, DirectConnectConnection,
    ExpressRouteCircuit, Link, Node, NodeKindTag,
};
use crate::resilience::{self, Analysis, Depth};
use rustc_hash::FxHashMap as HashMap;

/// An ExpressRoute circuit with its resolved endpoints and catalog entries.
pub struct ErView<'a> {
    pub link: &'a Link,
    pub circuit: &'a ExpressRouteCircuit,
    pub facility_node: &'a Node,
    pub facility: &'a ColocationFacility,
    pub region_node: &'a Node,
    pub region: &'a AzureRegion,
    /// The peering location, when the facility names one the catalog knows.
    pub location: Option<&'a ErLocation>,
    pub region_info: Option<&'a AzureRegionInfo>,
}

impl ErView<'_> {
    /// The customer ASNs configured on the circuit's peerings: ("private" | "Microsoft", ASN).
    pub fn peer_asns(&self) -> Vec<(&'static str, u32)> {
        let p = &self.circuit.peerings;
        let private = p
            .private
            .as_ref()
            .and_then(|x| x.peer_asn)
            .map(|a| ("private", a));
        let microsoft = p
            .microsoft
            .as_ref()
            .and_then(|x| x.peer_asn)
            .map(|a| ("Microsoft", a));
        private.into_iter().chain(microsoft).collect()
    }
}

/// A Direct Connect connection with its resolved endpoints and catalog entries.
pub struct DxView<'a> {
    pub link: &'a Link,
    pub connection: &'a DirectConnectConnection,
    pub facility_node: &'a Node,
    pub facility: &'a ColocationFacility,
    pub region_node: &'a Node,
    pub region: &'a AwsRegion,
    pub location: Option<&'a DxLocation>,
    pub region_info: Option<&'a AwsRegionInfo>,
}

pub struct Context<'a> {
    pub design: &'a Design,
    pub catalog: &'a Catalog,
    /// Node index by node id.
    nodes: &'a HashMap<&'a str, usize>,
    /// Links at each node, in node order: `adjacency[at_node.range(i)]`.
    at_node: Lists,
    adjacency: Vec<&'a Link>,
    /// The node at the other end of each `adjacency` entry (`usize::MAX` when it is missing).
    neighbours: Vec<usize>,
    /// Node indices of each link's ends (`a`, `b`), by index into `design.links`.
    pub link_ends: &'a [[Option<usize>; 2]],
    /// Node indices of each demand's site and region, by index into `design.demands`.
    pub demand_ends: &'a [[Option<usize>; 2]],
    pub er_circuits: Vec<ErView<'a>>,
    pub dx_connections: Vec<DxView<'a>>,
    /// Indices into `er_circuits`, by Azure region node id.
    er_by_region: HashMap<&'a str, Vec<usize>>,
    /// Index into `design.links`, by link id.
    links: HashMap<&'a str, usize>,
    /// Index into `er_circuits`, by link id.
    er_by_link: HashMap<&'a str, usize>,
    /// Indices into `dx_connections`, by AWS region node id.
    dx_by_region: HashMap<&'a str, Vec<usize>>,
    /// The failure analysis (N-1), computed on first use by a resilience rule.
    resilience: std::sync::OnceLock<Analysis>,
    /// The design's references, for the analysis.
    resolved: &'a crate::model::Resolved<'a>,
}

impl<'a> Context<'a> {
    /// The indexes of `design`, whose references the caller has resolved (`design.resolve()`:
    /// a check resolves once, for the rules and the failure analysis).
    pub fn new(
        design: &'a Design,
        catalog: &'a Catalog,
        resolved: &'a crate::model::Resolved<'a>,
    ) -> Self {
        let crate::model::Resolved {
            node_index: nodes,
            link_ends,
            demand_ends,
        } = resolved;
        // The links at each node, and the node at each one's other end.
        let at_node = Lists::invert(
            design.nodes.len(),
            link_ends.iter().map(|ends| ends.iter().flatten().copied()),
        );
        let mut adjacency = Vec::with_capacity(at_node.all().len());
        let mut neighbours = Vec::with_capacity(at_node.all().len());
        for node in 0..design.nodes.len() {
            for &l in at_node.of(node) {
                let ends = link_ends[l as usize];
                let other = if ends[0] == Some(node) {
                    ends[1]
                } else {
                    ends[0]
                };
                adjacency.push(&design.links[l as usize]);
                neighbours.push(other.unwrap_or(usize::MAX));
            }
        }
        let mut er_circuits = Vec::new();
        let mut dx_connections = Vec::new();
        for (link, ends) in design.links.iter().zip(link_ends) {
            let [Some(a), Some(b)] = ends.map(|e| e.map(|i| &design.nodes[i])) else {
                continue;
            };
            let (fac, other) = if a.tag() == NodeKindTag::ColocationFacility {
                (a, b)
            } else {
                (b, a)
            };
            let Some(facility) = fac.as_facility() else {
                continue;
            };
            if let (Some(circuit), Some(region)) = (link.as_er(), other.as_azure()) {
                er_circuits.push(ErView {
                    link,
                    circuit,
                    facility_node: fac,
                    facility,
                    region_node: other,
                    region,
                    location: facility
                        .er_peering_location
                        .as_deref()
                        .and_then(|n| catalog.er_location(n)),
                    region_info: catalog.azure_region(&region.region),
                });
            }
            if let (Some(connection), Some(region)) = (link.as_dx(), other.as_aws()) {
                dx_connections.push(DxView {
                    link,
                    connection,
                    facility_node: fac,
                    facility,
                    region_node: other,
                    region,
                    location: facility
                        .dx_location
                        .as_deref()
                        .and_then(|c| catalog.dx_location(c)),
                    region_info: catalog.aws_region(&region.region),
                });
            }
        }
        let mut er_by_region: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut er_by_link: HashMap<&str, usize> = HashMap::default();
        for (i, v) in er_circuits.iter().enumerate() {
            er_by_region
                .entry(v.region_node.id.as_str())
                .or_default()
                .push(i);
            er_by_link.insert(v.link.id.as_str(), i);
        }
        let mut dx_by_region: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, v) in dx_connections.iter().enumerate() {
            dx_by_region
                .entry(v.region_node.id.as_str())
                .or_default()
                .push(i);
        }
        let links = design
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        Context {
            design,
            catalog,
            links,
            er_by_region,
            er_by_link,
            dx_by_region,
            resilience: std::sync::OnceLock::new(),
            resolved,
            nodes,
            at_node,
            adjacency,
            neighbours,
            link_ends,
            demand_ends,
            er_circuits,
            dx_connections,
        }
    }

    /// The ids of links given by index into `design.links`.
    pub fn link_ids(&self, links: &[usize]) -> Vec<String> {
        links
            .iter()
            .map(|&l| self.design.links[l].id.to_string())
            .collect()
    }

    /// Hand over an analysis computed elsewhere (in parallel with the other rules).
    pub fn provide_resilience(&self, analysis: Analysis) {
        let _ = self.resilience.set(analysis);
    }

    /// The analysis the rules used (or were handed), if any rule asked for it or it was handed.
    pub fn into_resilience(self) -> Option<Analysis> {
        self.resilience.into_inner()
    }

    /// The single-failure analysis of every demand (computed once per check).
    /// The demands whose two or more circuits all land in one `place` (a building, a metro),
    /// with that place, in the analysis' order; with the demand and its circuits as subjects.
    pub fn circuits_in_one_place<P: PartialEq>(
        &self,
        place: impl Fn(usize) -> Option<P>,
    ) -> Vec<(&resilience::DemandResult, P, Vec<String>)> {
        let mut found = Vec::new();
        for d in &self.resilience().demands {
            if d.circuit_links.len() < 2 {
                continue;
            }
            let Some(first) = place(d.circuit_links[0]) else {
                continue;
            };
            if d.circuit_links[1..]
                .iter()
                .all(|&l| place(l).as_ref() == Some(&first))
            {
                let mut subjects = vec![d.demand.to_string()];
                subjects.extend(self.link_ids(&d.circuit_links));
                found.push((d, first, subjects));
            }
        }
        found
    }

    pub fn resilience(&self) -> &Analysis {
        self.resilience.get_or_init(|| {
            resilience::analyze_with(
                self.design,
                self.catalog,
                Depth::Single,
                resilience::Parts::Failures,
                self.resolved,
            )
        })
    }

    pub fn node(&self, id: &str) -> Option<&'a Node> {
        self.nodes.get(id).map(|&i| &self.design.nodes[i])
    }

    /// Index into `design.nodes` of a node id.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.get(id).copied()
    }

    /// The links at a node (by index) with the index of the node at their other end.
    pub fn neighbours(&self, node: usize) -> impl Iterator<Item = (&'a Link, Option<usize>)> + '_ {
        let range = self.at_node.range(node);
        self.adjacency[range.clone()]
            .iter()
            .zip(&self.neighbours[range])
            .map(|(l, &n)| (*l, (n != usize::MAX).then_some(n)))
    }

    pub fn links_at(&self, id: &str) -> &[&'a Link] {
        match self.nodes.get(id) {
            Some(&i) => &self.adjacency[self.at_node.range(i)],
            None => &[],
        }
    }

    /// Display name of an element for messages: "name" (id) or just the id.
    pub fn name_of(&self, id: &str) -> String {
        if let Some(n) = self.node(id) {
            return if n.name.is_empty() {
                format!("`{id}`")
            } else {
                format!("{} (`{id}`)", n.name)
            };
        }
        if let Some(l) = self.links.get(id).map(|&i| &self.design.links[i]) {
            return if l.name.is_empty() {
                format!("`{id}`")
            } else {
                format!("{} (`{id}`)", l.name)
            };
        }
        format!("`{id}`")
    }

    /// The ExpressRoute circuits that end at this Azure region node.
    pub fn er_circuits_into(&self, region_id: &str) -> impl Iterator<Item = &ErView<'a>> {
        self.er_by_region
            .get(region_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.er_circuits[i])
    }

    /// The Direct Connect connections that end at this AWS region node.
    pub fn dx_connections_into(&self, region_id: &str) -> impl Iterator<Item = &DxView<'a>> {
        self.dx_by_region
            .get(region_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.dx_connections[i])
    }

    pub fn er(&self, link_id: &str) -> Option<&ErView<'a>> {
        self.er_by_link.get(link_id).map(|&i| &self.er_circuits[i])
    }

    /// Global Reach connections as pairs of circuits, each pair once (whichever side lists it).
    pub fn global_reach_pairs(&self) -> Vec<(&ErView<'a>, &ErView<'a>)> {
        let mut seen = std::collections::HashSet::new();
        let mut pairs = Vec::new();
        for v in &self.er_circuits {
            for partner in &v.circuit.global_reach {
                let Some(p) = self.er(partner.as_str()) else {
                    continue;
                };
                let key = if v.link.id <= p.link.id {
                    (&v.link.id, &p.link.id)
                } else {
                    (&p.link.id, &v.link.id)
                };
                if key.0 != key.1 && seen.insert(key) {
                    pairs.push((v, p));
                }
            }
        }
        pairs
    }
}

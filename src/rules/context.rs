//! Indexes over a design, built once per check and shared by every rule.

use crate::catalog::{AwsRegionInfo, AzureRegionInfo, Catalog, DxLocation, ErLocation};
use crate::model::{
    AwsRegion, AzureRegion, ColocationFacility, Design, DirectConnectConnection,
    ExpressRouteCircuit, Link, Node, NodeKindTag,
};
use std::collections::HashMap;

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
    nodes: HashMap<&'a str, &'a Node>,
    links_at: HashMap<&'a str, Vec<&'a Link>>,
    pub er_circuits: Vec<ErView<'a>>,
    pub dx_connections: Vec<DxView<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(design: &'a Design, catalog: &'a Catalog) -> Self {
        let nodes: HashMap<&str, &Node> = design.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut links_at: HashMap<&str, Vec<&Link>> = HashMap::new();
        for link in &design.links {
            links_at.entry(link.a.as_str()).or_default().push(link);
            links_at.entry(link.b.as_str()).or_default().push(link);
        }
        let mut er_circuits = Vec::new();
        let mut dx_connections = Vec::new();
        for link in &design.links {
            let (Some(a), Some(b)) = (nodes.get(link.a.as_str()), nodes.get(link.b.as_str()))
            else {
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
        Context {
            design,
            catalog,
            nodes,
            links_at,
            er_circuits,
            dx_connections,
        }
    }

    pub fn node(&self, id: &str) -> Option<&'a Node> {
        self.nodes.get(id).copied()
    }

    pub fn links_at(&self, id: &str) -> &[&'a Link] {
        self.links_at.get(id).map_or(&[], |v| v.as_slice())
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
        if let Some(l) = self.design.links.iter().find(|l| l.id.as_str() == id) {
            return if l.name.is_empty() {
                format!("`{id}`")
            } else {
                format!("{} (`{id}`)", l.name)
            };
        }
        format!("`{id}`")
    }

    pub fn er(&self, link_id: &str) -> Option<&ErView<'a>> {
        self.er_circuits
            .iter()
            .find(|v| v.link.id.as_str() == link_id)
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

/// "50 Mbps", "1 Gbps", "2.5 Gbps".
pub fn mbps(value: u64) -> String {
    if value < 1000 {
        return format!("{value} Mbps");
    }
    let mut fraction = format!("{:03}", value % 1000);
    while fraction.ends_with('0') {
        fraction.pop();
    }
    if fraction.is_empty() {
        format!("{} Gbps", value / 1000)
    } else {
        format!("{}.{fraction} Gbps", value / 1000)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bandwidth_labels() {
        assert_eq!(super::mbps(50), "50 Mbps");
        assert_eq!(super::mbps(1_000), "1 Gbps");
        assert_eq!(super::mbps(1_250), "1.25 Gbps");
        assert_eq!(super::mbps(400_000), "400 Gbps");
    }
}

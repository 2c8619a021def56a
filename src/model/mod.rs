//! The design: nodes (sites, facilities, cloud regions, fabric routers), links (access circuits,
//! ExpressRoute circuits, Direct Connect connections, VPNs, fabric connections), demands and
//! per-design settings. Plain data; every analysis reads it and only `edit::apply` changes it.

mod cidr;
mod ids;
mod link;
mod money;
mod node;

pub use cidr::{Cidr, CidrError};
pub use ids::{DemandId, LinkId, NodeId};
pub use link::*;
pub use money::{Percent, Usd, UsdParseError, count, dollars, push_dollars, push_thousands};
pub use node::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A position on the canvas, in canvas units (not screen pixels).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// A whole design: what the design file holds (below its format header).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Design {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The organisation the design is made for or by (the report's cover and footer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The design's version as its authors number it ("1.2", "draft 3").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// A confidentiality line printed on every page of the report ("Confidential — internal use").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub confidentiality: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub demands: Vec<Demand>,
    /// Named shared-risk groups the user adds by hand (e.g. "same conduit").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk_groups: Vec<RiskGroup>,
    #[serde(default, skip_serializing_if = "Settings::is_default")]
    pub settings: Settings,
}

/// What a design says about itself: its properties (File → Design properties…), as one value
/// so that changing them is one edit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Info {
    pub name: String,
    pub author: String,
    pub organisation: String,
    pub version: String,
    pub confidentiality: String,
    pub notes: String,
}

impl Design {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
    /// The design's properties.
    pub fn info(&self) -> Info {
        Info {
            name: self.name.clone(),
            author: self.author.clone(),
            organisation: self.organisation.clone(),
            version: self.version.clone(),
            confidentiality: self.confidentiality.clone(),
            notes: self.notes.clone(),
        }
    }
    /// Sets the design's properties, giving back the ones it had.
    pub fn replace_info(&mut self, info: Info) -> Info {
        let old = self.info();
        let Info {
            name,
            author,
            organisation,
            version,
            confidentiality,
            notes,
        } = info;
        self.name = name;
        self.author = author;
        self.organisation = organisation;
        self.version = version;
        self.confidentiality = confidentiality;
        self.notes = notes;
        old
    }
    pub fn node(&self, id: &NodeId) -> Option<&Node> {
        self.nodes.iter().find(|n| &n.id == id)
    }
    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|l| &l.id == id)
    }
    pub fn demand(&self, id: &DemandId) -> Option<&Demand> {
        self.demands.iter().find(|d| &d.id == id)
    }
    /// The nodes at the two ends of `link` (those that exist), each found by a scan of `nodes`:
    /// for one link at a time; analyses over many links use `resolve`.
    pub fn end_nodes<'a>(&'a self, link: &'a Link) -> impl Iterator<Item = &'a Node> + 'a {
        [&link.a, &link.b]
            .into_iter()
            .filter_map(move |id| self.node(id))
    }
    /// Node id -> index into `nodes`, for analyses that look nodes up by id.
    pub fn node_index(&self) -> rustc_hash::FxHashMap<&str, usize> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect()
    }

    /// Every reference between elements resolved to indices, once, for analyses that would
    /// otherwise look the same ids up again and again.
    pub fn resolve(&self) -> Resolved<'_> {
        let node_index = self.node_index();
        let index = |id: &str| node_index.get(id).copied();
        let ends = |a: &str, b: &str| [index(a), index(b)];
        // On a large design, in blocks handed to whichever core is free.
        const BLOCK: usize = 8192;
        let threads = if self.links.len() + self.demands.len() >= PARALLEL_RESOLVE {
            crate::par::threads()
        } else {
            1
        };
        let links: Vec<_> = self.links.chunks(BLOCK).collect();
        let demands: Vec<_> = self.demands.chunks(BLOCK).collect();
        let blocks = crate::par::map_in_order(
            links.len() + demands.len(),
            threads,
            || (),
            |(), i| match links.get(i) {
                Some(block) => block
                    .iter()
                    .map(|l| ends(l.a.as_str(), l.b.as_str()))
                    .collect(),
                None => demands[i - links.len()]
                    .iter()
                    .map(|d| ends(d.site.as_str(), d.region.as_str()))
                    .collect::<Vec<_>>(),
            },
        );
        let (link_blocks, demand_blocks) = blocks.split_at(links.len());
        let link_ends = link_blocks.concat();
        let demand_ends = demand_blocks.concat();
        Resolved {
            node_index,
            link_ends,
            demand_ends,
        }
    }

    /// Number of elements (nodes + links + demands), the size measure used in docs and benches.
    pub fn element_count(&self) -> usize {
        self.nodes.len() + self.links.len() + self.demands.len()
    }
}

/// From how many links and demands [`Design::resolve`] uses every core.
const PARALLEL_RESOLVE: usize = 20_000;

/// A design's references as indices into its `nodes` (`None` where an id names no node; a
/// loaded design has none of those, a design being edited may).
pub struct Resolved<'a> {
    /// Node id -> index.
    pub node_index: rustc_hash::FxHashMap<&'a str, usize>,
    /// Each link's ends `a`, `b`, by index into `links`.
    pub link_ends: Vec<[Option<usize>; 2]>,
    /// Each demand's site and region, by index into `demands`.
    pub demand_ends: Vec<[Option<usize>; 2]>,
}

/// Traffic a site needs toward one cloud region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    pub id: DemandId,
    /// The on-prem site (node id).
    pub site: NodeId,
    /// The Azure or AWS region (node id).
    pub region: NodeId,
    pub required_mbps: u64,
    /// Monthly data volume from the cloud to the site, in GB (drives egress cost).
    #[serde(default)]
    pub egress_gb_per_month: u64,
    #[serde(default)]
    pub criticality: Criticality,
    /// The resiliency model the architect requires for this demand, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_resiliency: Option<ResiliencyTarget>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    Low,
    #[default]
    Medium,
    High,
    MissionCritical,
}

/// Target resiliency in the clouds' own terms: Maximum (two locations, two devices each /
/// two ExpressRoute circuits at two peering locations), High (one connection at each of two
/// locations / ExpressRoute Metro), Standard (device redundancy at one location / one circuit).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResiliencyTarget {
    Standard,
    High,
    Maximum,
}

/// A failure domain the design cannot show by itself (e.g. two carriers in one conduit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskGroup {
    pub id: String,
    pub name: String,
    /// Ids of the nodes and links that fail together.
    pub members: Vec<String>,
}

/// Per-design settings: rule severities, accepted risks (exclusions), negotiated prices.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Rule code -> severity to use instead of the rule's default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity_overrides: BTreeMap<String, SeverityOverride>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_overrides: Vec<PriceOverride>,
    /// Negotiated discounts per provider, applied after every other price layer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discounts: Vec<Discount>,
}

/// A percentage off every priced line of one provider ("aws", "azure", or a carrier or fabric
/// operator as written on its links), e.g. an enterprise discount agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discount {
    pub provider: String,
    /// Percent off, as a decimal string from "0" to "100", e.g. "12.5".
    pub percent: Percent,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Settings {
    pub fn is_default(&self) -> bool {
        self == &Self::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SeverityOverride {
    Error,
    Warning,
    Info,
    /// The rule does not run for this design.
    Off,
}

/// A finding the architect has accepted: it stays visible as excluded, with this comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub code: String,
    /// The finding's subject ids (order does not matter).
    pub subjects: Vec<String>,
    pub comment: String,
}

/// A negotiated or quoted price that replaces the price book for this design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceOverride {
    /// The meter priced, e.g. `azure.er.circuit` (see the price book).
    pub meter: String,
    /// Restrict the override to one element (node or link id); all elements when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    pub unit: PriceUnit,
    pub usd: Usd,
    /// Where the figure comes from (quote number, contact, date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriceUnit {
    Hour,
    Month,
    #[serde(rename = "GB")]
    Gb,
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
    /// A design large enough to be resolved on every core gives every link and demand the
    /// indices of the nodes it names, in its own order.
    #[test]
    fn a_large_design_resolves_each_reference_to_its_node() {
        let mut d = crate::generate::generate(5_000, 3, crate::fixture_design::catalog());
        assert!(d.links.len() + d.demands.len() >= super::PARALLEL_RESOLVE);
        // One reference to nothing: resolved as none, the others unaffected.
        d.demands[7].region = "nowhere".into();
        let r = d.resolve();
        let by_id: std::collections::BTreeMap<&str, usize> = d
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let index = |id: &str| by_id.get(id).copied();
        let link_ends: Vec<_> = d
            .links
            .iter()
            .map(|l| [index(l.a.as_str()), index(l.b.as_str())])
            .collect();
        let demand_ends: Vec<_> = d
            .demands
            .iter()
            .map(|x| [index(x.site.as_str()), index(x.region.as_str())])
            .collect();
        assert_eq!(r.link_ends, link_ends);
        assert_eq!(r.demand_ends, demand_ends);
        assert_eq!(r.demand_ends[7][1], None);
    }

    #[test]
    fn bandwidth_labels() {
        assert_eq!(super::mbps(50), "50 Mbps");
        assert_eq!(super::mbps(1_000), "1 Gbps");
        assert_eq!(super::mbps(1_250), "1.25 Gbps");
        assert_eq!(super::mbps(400_000), "400 Gbps");
    }
}

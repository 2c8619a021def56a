//! Structural validity of a design: what must hold for a design to be loaded at all (as
//! opposed to rule findings, which a loaded design may have). The GUI and edits use the same
//! checks.

use super::locate;
use crate::model::{Design, LinkKindTag, NodeKindTag};
use rustc_hash::FxHashMap as HashMap;

/// The longest id or name (the design's, an element's, its author) in characters. Names are
/// shown on the canvas, in tables and in the report; a thousand characters is far beyond any
/// real name and keeps layout cheap.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The longest notes or exclusion comment, in characters.
pub const MAX_NOTES_CHARS: usize = 100_000;
/// The largest coordinate of a node's position, either sign. The canvas works in points; ten
/// million is far beyond any drawing, and keeps every scaled coordinate a finite number.
pub const MAX_COORDINATE: f64 = 10_000_000.0;
/// The largest bandwidth, capacity, port speed or required rate, in Mbps (10 Tbps). The largest
/// port either cloud offers is 400 Gbps; this bound only catches typos and hostile files, and
/// keeps every sum of capacities over a design exact in 64 bits.
pub const MAX_BANDWIDTH_MBPS: u64 = 10_000_000;
/// The largest count a design states (LAG members, VPN tunnels, VNet links, gateway scale units,
/// advertised prefixes): far above any cloud quota, so only typos and hostile files meet it.
pub const MAX_QUANTITY: u64 = 100_000;
/// The largest monthly egress a demand states, in GB (one exabyte).
pub const MAX_EGRESS_GB_PER_MONTH: u64 = 1_000_000_000;

/// `id` shortened for a message.
fn shown(id: &str) -> String {
    if id.chars().count() <= 40 {
        id.to_owned()
    } else {
        format!("{}…", id.chars().take(40).collect::<String>())
    }
}

/// The element a message is about: "the design" or "node `id`".
fn subject(kind: &str, id: &str) -> String {
    if kind == "design" {
        "the design".to_owned()
    } else {
        format!("{kind} `{}`", shown(id))
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StructureError {
    #[error("duplicate id `{id}`: every node, link, demand and risk group needs its own id")]
    DuplicateId { id: String },
    #[error("empty id: every element needs a non-empty id")]
    EmptyId,
    #[error("link `{link}`: endpoint `{endpoint}` is not a node of this design")]
    DanglingEndpoint {
        link: String,
        endpoint: String,
        side: &'static str,
    },
    #[error(
        "link `{link}`: a {} cannot join a {} and a {}; it joins {}",
        kind.label(), a.label(), b.label(), kind.endpoint_description()
    )]
    EndpointKinds {
        link: String,
        kind: LinkKindTag,
        a: NodeKindTag,
        b: NodeKindTag,
    },
    #[error("link `{link}` joins node `{node}` to itself")]
    SelfLoop { link: String, node: String },
    #[error(
        "node `{}`: position must be finite numbers from -{MAX_COORDINATE} to {MAX_COORDINATE}, found ({x}, {y})",
        shown(node)
    )]
    NonFinitePosition { node: String, x: f64, y: f64 },
    #[error(
        "{}: {field} is {length} characters long; at most {limit} are allowed",
        subject(kind, id)
    )]
    TextTooLong {
        /// "design", "node", "link", "demand", "risk group", "exclusion".
        kind: &'static str,
        /// The element's id (empty for the design itself; the code for an exclusion).
        id: String,
        field: &'static str,
        length: usize,
        limit: usize,
    },
    #[error("demand `{demand}`: {field} `{target}` is not a node of this design")]
    DanglingDemand {
        demand: String,
        field: &'static str,
        target: String,
    },
    #[error("risk group `{group}`: member `{member}` is not a node or link of this design")]
    DanglingRiskMember { group: String, member: String },
    #[error(
        "ExpressRoute circuit `{link}`: Global Reach partner `{partner}` is not a link of this design"
    )]
    DanglingGlobalReach { link: String, partner: String },
    #[error(
        "ExpressRoute circuit `{link}`: Metro secondary facility `{node}` is not a node of this design"
    )]
    DanglingMetroFacility { link: String, node: String },
    #[error(
        "{}: {field} is {value}; at most {limit} is accepted ({why})",
        subject(kind, id)
    )]
    NumberOutOfRange {
        /// "node", "link", "demand".
        kind: &'static str,
        id: String,
        /// The field as written in the file, e.g. "bandwidth_mbps".
        field: &'static str,
        value: u64,
        limit: u64,
        /// What the bound is, in words.
        why: &'static str,
    },
    #[error("discount for provider `{provider}`: {percent} is not a percentage from 0 to 100")]
    DiscountOutOfRange { provider: String, percent: String },
}

impl StructureError {
    /// Where in `text` the offending element is.
    pub fn locate(&self, text: &str) -> Option<(usize, usize)> {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        match self {
            StructureError::DuplicateId { id } => locate::key_value(text, "id", &q(id), 1),
            StructureError::EmptyId => locate::key_value(text, "id", "\"\"", 0),
            StructureError::DanglingEndpoint {
                link,
                endpoint,
                side,
            } => locate::key_value_after_id(text, &q(link), 0, side, &q(endpoint)),
            StructureError::EndpointKinds { link, .. }
            | StructureError::SelfLoop { link, .. }
            | StructureError::DanglingGlobalReach { link, .. }
            | StructureError::DanglingMetroFacility { link, .. } => {
                locate::key_value(text, "id", &q(link), 0)
            }
            StructureError::NonFinitePosition { node, .. } => {
                locate::key_value_after_id(text, &q(node), 0, "position", "{")
            }
            StructureError::DanglingDemand {
                demand,
                field,
                target,
            } => locate::key_value_after_id(text, &q(demand), 0, field, &q(target)),
            StructureError::DiscountOutOfRange { provider, .. } => {
                locate::key_value(text, "provider", &q(provider), 0)
            }
            StructureError::DanglingRiskMember { group, .. } => {
                locate::key_value(text, "id", &q(group), 0)
            }
            StructureError::NumberOutOfRange {
                id, field, value, ..
            } => locate::key_value_after_id(text, &q(id), 0, field, &value.to_string()),
            StructureError::TextTooLong {
                kind, id, field, ..
            } => match (*kind, *field) {
                ("design", _) => locate::key(text, field),
                ("exclusion", _) => locate::key_value(text, "code", &q(id), 0),
                (_, "id") => locate::key_value(text, "id", &q(id), 0),
                _ => locate::key_value_after_id(text, &q(id), 0, field, "\""),
            },
        }
    }
}

/// What an id names, in [`check_structure`].
#[derive(Clone, Copy)]
enum Named {
    Node(NodeKindTag),
    Link,
    /// A demand or a risk group.
    Other,
}

/// First structural problem of the design, if any.
///
/// A large design is checked on every core: the text and number bounds while the id table is
/// built, then the links and demands in blocks. Every block is checked (up to its first
/// problem), even after an earlier block's problem, and the first problem in document order is
/// the one reported, so the answer is the same whatever the split.
pub fn check_structure(design: &Design) -> Result<(), StructureError> {
    let parallel =
        crate::par::threads() > 1 && design.links.len() + design.demands.len() >= PARALLEL_ELEMENTS;
    let fields = || check_text_lengths(design).and_then(|()| check_numbers(design));
    let ids = if parallel {
        std::thread::scope(|scope| {
            let fields = scope.spawn(fields);
            let ids = id_table(design);
            crate::par::join(fields).and(ids)
        })
    } else {
        fields().and_then(|()| id_table(design))
    }?;
    let refs = References { ids: &ids };
    for node in &design.nodes {
        let in_range = |v: f64| v.abs() <= MAX_COORDINATE;
        if !node.position.is_finite() || !in_range(node.position.x) || !in_range(node.position.y) {
            return Err(StructureError::NonFinitePosition {
                node: node.id.to_string(),
                x: node.position.x,
                y: node.position.y,
            });
        }
    }
    // In blocks handed to whichever core is free; the first problem in document order wins.
    let links: Vec<_> = design.links.chunks(CHECK_BLOCK).collect();
    let demands: Vec<_> = design.demands.chunks(CHECK_BLOCK).collect();
    let threads = if parallel { crate::par::threads() } else { 1 };
    crate::par::map_in_order(
        links.len() + demands.len(),
        threads,
        || (),
        |(), i| match links.get(i) {
            Some(block) => refs.links(block),
            None => refs.demands(demands[i - links.len()]),
        },
    )
    .into_iter()
    .collect::<Result<(), _>>()?;
    for d in &design.settings.discounts {
        if !(0..=100_000_000).contains(&d.percent.micros()) {
            return Err(StructureError::DiscountOutOfRange {
                provider: d.provider.clone(),
                percent: d.percent.to_string(),
            });
        }
    }
    for group in &design.risk_groups {
        if let Some(m) = group
            .members
            .iter()
            .find(|m| !refs.is_node(m.as_str()) && !refs.is_link(m.as_str()))
        {
            return Err(StructureError::DanglingRiskMember {
                group: group.id.clone(),
                member: m.clone(),
            });
        }
    }
    Ok(())
}

/// From how many links and demands [`check_structure`] uses every core.
const PARALLEL_ELEMENTS: usize = 20_000;

/// How many links or demands [`check_structure`] checks at a time on one core.
const CHECK_BLOCK: usize = 4096;

/// Every id, unique across all kinds of element, with what it names (one table, each id hashed
/// once).
fn id_table(design: &Design) -> Result<HashMap<&str, Named>, StructureError> {
    let mut ids: HashMap<&str, Named> = HashMap::default();
    ids.reserve(design.nodes.len() + design.links.len() + design.demands.len());
    let all_ids = design
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), Named::Node(n.tag())))
        .chain(design.links.iter().map(|l| (l.id.as_str(), Named::Link)))
        .chain(design.demands.iter().map(|d| (d.id.as_str(), Named::Other)))
        .chain(
            design
                .risk_groups
                .iter()
                .map(|g| (g.id.as_str(), Named::Other)),
        );
    for (id, named) in all_ids {
        if id.is_empty() {
            return Err(StructureError::EmptyId);
        }
        if ids.insert(id, named).is_some() {
            return Err(StructureError::DuplicateId { id: id.to_owned() });
        }
    }
    Ok(ids)
}

/// What the links, demands and risk groups refer to, checked against the id table.
struct References<'t, 'd> {
    ids: &'t HashMap<&'d str, Named>,
}

impl References<'_, '_> {
    fn node_kind(&self, id: &str) -> Option<NodeKindTag> {
        match self.ids.get(id) {
            Some(Named::Node(kind)) => Some(*kind),
            _ => None,
        }
    }

    fn is_node(&self, id: &str) -> bool {
        self.node_kind(id).is_some()
    }

    fn is_link(&self, id: &str) -> bool {
        matches!(self.ids.get(id), Some(Named::Link))
    }

    /// The first link, in order, whose ends or references are wrong.
    fn links(&self, links: &[crate::model::Link]) -> Result<(), StructureError> {
        for link in links {
            let kind_of = |endpoint: &crate::model::NodeId, side| {
                self.node_kind(endpoint.as_str())
                    .ok_or_else(|| StructureError::DanglingEndpoint {
                        link: link.id.to_string(),
                        endpoint: endpoint.to_string(),
                        side,
                    })
            };
            let a = kind_of(&link.a, "a")?;
            let b = kind_of(&link.b, "b")?;
            if link.a == link.b {
                return Err(StructureError::SelfLoop {
                    link: link.id.to_string(),
                    node: link.a.to_string(),
                });
            }
            if !link.tag().joins(a, b) {
                return Err(StructureError::EndpointKinds {
                    link: link.id.to_string(),
                    kind: link.tag(),
                    a,
                    b,
                });
            }
            if let Some(er) = link.as_er() {
                if let Some(partner) = er.global_reach.iter().find(|p| !self.is_link(p.as_str())) {
                    return Err(StructureError::DanglingGlobalReach {
                        link: link.id.to_string(),
                        partner: partner.to_string(),
                    });
                }
                if let Some(f) = &er.metro_secondary_facility {
                    if !self.is_node(f.as_str()) {
                        return Err(StructureError::DanglingMetroFacility {
                            link: link.id.to_string(),
                            node: f.to_string(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// The first demand, in order, whose site or region names no node.
    fn demands(&self, demands: &[crate::model::Demand]) -> Result<(), StructureError> {
        for demand in demands {
            for (field, target) in [("site", &demand.site), ("region", &demand.region)] {
                if !self.is_node(target.as_str()) {
                    return Err(StructureError::DanglingDemand {
                        demand: demand.id.to_string(),
                        field,
                        target: target.to_string(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Every id, name, notes and comment within its bound ([`MAX_NAME_CHARS`],
/// [`MAX_NOTES_CHARS`]). Lengths are counted only past the byte length that could exceed the
/// bound, so the check costs nothing for ordinary text.
fn check_text_lengths(design: &Design) -> Result<(), StructureError> {
    let check = |kind: &'static str, id: &str, field: &'static str, text: &str, limit: usize| {
        // A character is at least one byte: text of `limit` bytes or fewer is within bounds.
        if text.len() <= limit {
            return Ok(());
        }
        let length = text.chars().count();
        if length <= limit {
            return Ok(());
        }
        Err(StructureError::TextTooLong {
            kind,
            id: id.to_owned(),
            field,
            length,
            limit,
        })
    };
    let name = MAX_NAME_CHARS;
    let notes = MAX_NOTES_CHARS;
    check("design", "", "name", &design.name, name)?;
    check("design", "", "author", &design.author, name)?;
    check("design", "", "organisation", &design.organisation, name)?;
    check("design", "", "version", &design.version, name)?;
    check(
        "design",
        "",
        "confidentiality",
        &design.confidentiality,
        name,
    )?;
    check("design", "", "notes", &design.notes, notes)?;
    for n in &design.nodes {
        check("node", n.id.as_str(), "id", n.id.as_str(), name)?;
        check("node", n.id.as_str(), "name", &n.name, name)?;
        check("node", n.id.as_str(), "notes", &n.notes, notes)?;
    }
    for l in &design.links {
        check("link", l.id.as_str(), "id", l.id.as_str(), name)?;
        check("link", l.id.as_str(), "name", &l.name, name)?;
        check("link", l.id.as_str(), "notes", &l.notes, notes)?;
    }
    for d in &design.demands {
        check("demand", d.id.as_str(), "id", d.id.as_str(), name)?;
        check("demand", d.id.as_str(), "notes", &d.notes, notes)?;
    }
    for g in &design.risk_groups {
        check("risk group", &g.id, "id", &g.id, name)?;
        check("risk group", &g.id, "name", &g.name, name)?;
    }
    for e in &design.settings.exclusions {
        check("exclusion", &e.code, "comment", &e.comment, notes)?;
    }
    Ok(())
}

/// Every bandwidth, count and egress volume within its bound ([`MAX_BANDWIDTH_MBPS`],
/// [`MAX_QUANTITY`], [`MAX_EGRESS_GB_PER_MONTH`]).
fn check_numbers(design: &Design) -> Result<(), StructureError> {
    use crate::model::LinkKind;
    const RATE: &str = "10 Tbps; the largest port offered is 400 Gbps";
    const COUNT: &str = "far above any cloud quota";
    const EGRESS: &str = "one exabyte a month";
    let check = |kind: &'static str, id: &str, field: &'static str, value: u64, limit, why| {
        if value <= limit {
            return Ok(());
        }
        Err(StructureError::NumberOutOfRange {
            kind,
            id: id.to_owned(),
            field,
            value,
            limit,
            why,
        })
    };
    let rate = MAX_BANDWIDTH_MBPS;
    let count = MAX_QUANTITY;
    for n in &design.nodes {
        let id = n.id.as_str();
        if let Some(f) = n.as_facility() {
            for p in &f.er_direct_ports {
                check("node", id, "port_speed_mbps", p.port_speed_mbps, rate, RATE)?;
            }
        }
        if let Some(az) = n.as_azure() {
            if let Some(gw) = &az.gateway {
                let units = gw.scale_units.map_or(0, u64::from);
                check("node", id, "scale_units", units, count, COUNT)?;
            }
        }
    }
    for l in &design.links {
        let id = l.id.as_str();
        match &l.kind {
            LinkKind::AccessCircuit(a) => {
                check("link", id, "bandwidth_mbps", a.bandwidth_mbps, rate, RATE)?;
            }
            LinkKind::ExpressRouteCircuit(er) => {
                check("link", id, "bandwidth_mbps", er.bandwidth_mbps, rate, RATE)?;
                check("link", id, "vnet_links", er.vnet_links.into(), count, COUNT)?;
            }
            LinkKind::DirectConnectConnection(dx) => {
                check("link", id, "capacity_mbps", dx.capacity_mbps, rate, RATE)?;
                check(
                    "link",
                    id,
                    "lag_members",
                    dx.lag_members.into(),
                    count,
                    COUNT,
                )?;
                for v in &dx.vifs {
                    let prefixes = v.advertised_prefixes.into();
                    check("link", id, "advertised_prefixes", prefixes, count, COUNT)?;
                }
            }
            LinkKind::SiteToSiteVpn(vpn) => {
                check("link", id, "bandwidth_mbps", vpn.bandwidth_mbps, rate, RATE)?;
                check("link", id, "tunnels", vpn.tunnels.into(), count, COUNT)?;
            }
            LinkKind::FabricConnection(f) => {
                check("link", id, "bandwidth_mbps", f.bandwidth_mbps, rate, RATE)?;
            }
        }
    }
    for d in &design.demands {
        let id = d.id.as_str();
        check("demand", id, "required_mbps", d.required_mbps, rate, RATE)?;
        let egress = d.egress_gb_per_month;
        check(
            "demand",
            id,
            "egress_gb_per_month",
            egress,
            MAX_EGRESS_GB_PER_MONTH,
            EGRESS,
        )?;
    }
    Ok(())
}

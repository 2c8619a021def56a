//! AWS Direct Connect: the JSON of `aws directconnect describe-connections` (`connections`),
//! `describe-lags` (`lags`), `describe-virtual-interfaces` (`virtualInterfaces`) and
//! `describe-direct-connect-gateways` (`directConnectGateways`), each recognised by its
//! top-level key (AWS Direct Connect API Reference, the actions' "Response Syntax").

use super::{Ids, ImportError, Imported, Skipped, number, shape, text};
use crate::catalog::Catalog;
use crate::model::*;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

const WHAT: &str = "the JSON of `aws directconnect describe-connections`, `describe-lags`, \
                    `describe-virtual-interfaces` or `describe-direct-connect-gateways` \
                    (an object with the key `connections`, `lags`, `virtualInterfaces` or \
                    `directConnectGateways`)";

/// Connection and LAG states that mean the port is gone or never will be
/// (`connectionState`, `lagState`).
const GONE: [&str; 4] = ["deleting", "deleted", "rejected", "unknown"];
/// Virtual interface states that mean the VIF is gone (`virtualInterfaceState`).
const VIF_GONE: [&str; 4] = ["deleting", "deleted", "rejected", "unknown"];

struct Input<'a> {
    file: &'a PathBuf,
    value: &'a Value,
}

/// How a VIF says its region is reached: the attachment, its Direct Connect gateway id and
/// the Amazon-side ASN it reports.
#[derive(Clone)]
struct Reach {
    kind: AwsAttachment,
    gateway: Option<String>,
    asn: Option<u64>,
}

/// One connection or LAG as the input gives it: what becomes one link.
struct Port {
    file: PathBuf,
    /// `connectionId` or `lagId`.
    id: String,
    /// Member connection ids (a LAG's), which VIFs may name too.
    member_ids: Vec<String>,
    name: String,
    element: String,
    location: String,
    region: Option<String>,
    bandwidth: String,
    members: u32,
    partner: Option<String>,
    device: String,
    macsec: bool,
    /// `connectionState` or `lagState`.
    state: String,
}

struct Vif {
    file: PathBuf,
    element: String,
    connection: String,
    value: Value,
}

/// The element's words in messages: "connection dxcon-fg5678 (NYC-1)".
fn element(kind: &str, id: &str, name: Option<&str>) -> String {
    match name {
        Some(n) if n != id => format!("{kind} {id} ({n})"),
        _ => format!("{kind} {id}"),
    }
}

pub(super) fn map(inputs: &[(PathBuf, Value)], catalog: &Catalog) -> Result<Imported, ImportError> {
    let mut connections: Vec<Input> = Vec::new();
    let mut lags: Vec<Input> = Vec::new();
    let mut vifs_in: Vec<Input> = Vec::new();
    let mut gateways: HashMap<String, (Option<String>, Option<u64>)> = HashMap::new();
    for (file, value) in inputs {
        let list = |key: &str| value.get(key).and_then(Value::as_array);
        if let Some(items) = list("connections") {
            connections.extend(items.iter().map(|value| Input { file, value }));
        } else if let Some(items) = list("lags") {
            lags.extend(items.iter().map(|value| Input { file, value }));
        } else if let Some(items) = list("virtualInterfaces") {
            vifs_in.extend(items.iter().map(|value| Input { file, value }));
        } else if let Some(items) = list("directConnectGateways") {
            for g in items {
                if let Some(id) = text(g, "directConnectGatewayId") {
                    gateways.insert(
                        id.to_owned(),
                        (
                            text(g, "directConnectGatewayName").map(str::to_owned),
                            number(g, "amazonSideAsn"),
                        ),
                    );
                }
            }
        } else {
            return Err(ImportError::Unrecognised {
                path: file.clone(),
                what: WHAT,
                found: shape(value),
            });
        }
    }

    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    let skip = |skipped: &mut Vec<Skipped>, file: &PathBuf, element: String, reason: String| {
        skipped.push(Skipped {
            file: file.clone(),
            element,
            reason,
        })
    };

    // LAGs as describe-lags gives them; their member connections join the connections.
    let mut lag_info: BTreeMap<String, (PathBuf, Value)> = BTreeMap::new();
    let mut gone_lags: HashSet<String> = HashSet::new();
    for Input { file, value } in &lags {
        let Some(id) = text(value, "lagId") else {
            continue;
        };
        let name = text(value, "lagName");
        let state = text(value, "lagState").unwrap_or("");
        if GONE.contains(&state) {
            skip(
                &mut skipped,
                file,
                element("LAG", id, name),
                format!("its state is `{state}`"),
            );
            gone_lags.insert(id.to_owned());
            continue;
        }
        lag_info.insert(id.to_owned(), ((*file).clone(), (*value).clone()));
        if let Some(members) = value.get("connections").and_then(Value::as_array) {
            connections.extend(members.iter().map(|value| Input { file, value }));
        }
    }

    // Connections, each once (the same one may come from describe-connections and
    // describe-lags), grouped into plain connections and LAGs.
    let mut seen: HashSet<String> = HashSet::new();
    let mut ports: Vec<Port> = Vec::new();
    let mut lag_members: BTreeMap<String, Vec<(PathBuf, Value)>> = BTreeMap::new();
    for Input { file, value } in &connections {
        let Some(id) = text(value, "connectionId") else {
            skip(
                &mut skipped,
                file,
                "a connection".into(),
                "it has no `connectionId`".into(),
            );
            continue;
        };
        if !seen.insert(id.to_owned()) {
            continue;
        }
        let name = text(value, "connectionName");
        let state = text(value, "connectionState").unwrap_or("");
        if GONE.contains(&state) {
            skip(
                &mut skipped,
                file,
                element("connection", id, name),
                format!("its state is `{state}`"),
            );
            continue;
        }
        if let Some(lag) = text(value, "lagId") {
            if gone_lags.contains(lag) {
                skip(
                    &mut skipped,
                    file,
                    element("connection", id, name),
                    format!("it is a member of LAG {lag}, which is left out"),
                );
                continue;
            }
            lag_members
                .entry(lag.to_owned())
                .or_default()
                .push(((*file).clone(), (*value).clone()));
            continue;
        }
        ports.push(port_of(file, id, value, Vec::new(), 1));
    }
    let lag_ids: Vec<String> = lag_members
        .keys()
        .chain(lag_info.keys())
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for lag in lag_ids {
        let members = lag_members.remove(&lag).unwrap_or_default();
        let info = lag_info.get(&lag);
        let file = info
            .map(|(f, _)| f.clone())
            .or_else(|| members.first().map(|(f, _)| f.clone()))
            .unwrap_or_default();
        let lag_name = info.and_then(|(_, v)| text(v, "lagName"));
        let label = element("LAG", &lag, lag_name);
        let speeds: HashSet<&str> = members
            .iter()
            .filter_map(|(_, v)| text(v, "bandwidth"))
            .collect();
        if speeds.len() > 1 {
            let mut speeds: Vec<&str> = speeds.into_iter().collect();
            speeds.sort_unstable();
            skip(
                &mut skipped,
                &file,
                label,
                format!(
                    "its members have different bandwidths ({}); a LAG's members share one",
                    speeds.join(", ")
                ),
            );
            continue;
        }
        let member_ids: Vec<String> = members
            .iter()
            .filter_map(|(_, v)| text(v, "connectionId").map(str::to_owned))
            .collect();
        // The LAG's own record when describe-lags was given, else its first member's.
        let (count, record) = match (info, members.first()) {
            (_, Some((_, first))) => (members.len() as u64, first.clone()),
            (Some((_, v)), None) => {
                let mut record = v.clone();
                if let (Some(obj), Some(bw)) =
                    (record.as_object_mut(), text(v, "connectionsBandwidth"))
                {
                    obj.insert("bandwidth".into(), Value::String(bw.to_owned()));
                }
                (number(v, "numberOfConnections").unwrap_or(0), record)
            }
            (None, None) => continue,
        };
        if count == 0 {
            skip(
                &mut skipped,
                &file,
                label,
                "it has no member connections in the input".into(),
            );
            continue;
        }
        let mut port = port_of(&file, &lag, &record, member_ids, count as u32);
        if let Some((_, v)) = info {
            // The LAG's own record wins over its first member's.
            if let Some(l) = text(v, "location") {
                port.location = l.to_owned();
            }
            if let Some(r) = text(v, "region") {
                port.region = Some(r.to_owned());
            }
            if let Some(d) = text(v, "awsDeviceV2").or_else(|| text(v, "awsDevice")) {
                port.device = d.to_owned();
            }
            if let Some(state) = text(v, "lagState") {
                port.state = state.to_owned();
            }
        }
        port.name = lag_name.map_or_else(|| lag.clone(), str::to_owned);
        port.element = label;
        ports.push(port);
    }

    // Where each port lands, and its speed, from the catalog and its bandwidth.
    struct Placed {
        port: Port,
        region: String,
        capacity_mbps: u64,
        vifs: Vec<VirtualInterface>,
        attachments: Vec<Reach>,
    }
    let mut placed: Vec<Placed> = Vec::new();
    for port in ports {
        let Some(loc) = catalog.dx_location(&port.location) else {
            let reason = if port.location.is_empty() {
                "it names no `location`".to_owned()
            } else {
                format!(
                    "its location `{}` is not a Direct Connect location in the catalog",
                    port.location
                )
            };
            skip(&mut skipped, &port.file, port.element, reason);
            continue;
        };
        let region = port
            .region
            .clone()
            .unwrap_or_else(|| loc.home_region.clone());
        if catalog.aws_region(&region).is_none() {
            skip(
                &mut skipped,
                &port.file,
                port.element,
                format!("its region `{region}` is not an AWS region in the catalog"),
            );
            continue;
        }
        let Some(capacity_mbps) = parse_bandwidth(&port.bandwidth) else {
            skip(
                &mut skipped,
                &port.file,
                port.element,
                format!(
                    "its bandwidth `{}` is not a speed such as 50Mbps or 10Gbps",
                    port.bandwidth
                ),
            );
            continue;
        };
        placed.push(Placed {
            region,
            capacity_mbps,
            vifs: Vec::new(),
            attachments: Vec::new(),
            port: Port {
                location: loc.code.clone(),
                ..port
            },
        });
    }

    // Virtual interfaces onto their connection or LAG.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, p) in placed.iter().enumerate() {
        by_id.insert(p.port.id.as_str(), i);
        for m in &p.port.member_ids {
            by_id.insert(m.as_str(), i);
        }
    }
    let by_id: HashMap<String, usize> = by_id.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let mut vifs: Vec<Vif> = Vec::new();
    for Input { file, value } in &vifs_in {
        let id = text(value, "virtualInterfaceId").unwrap_or("?");
        let label = element("virtual interface", id, text(value, "virtualInterfaceName"));
        let state = text(value, "virtualInterfaceState").unwrap_or("");
        if VIF_GONE.contains(&state) {
            skip(&mut skipped, file, label, format!("its state is `{state}`"));
            continue;
        }
        vifs.push(Vif {
            file: (*file).clone(),
            element: label,
            connection: text(value, "connectionId").unwrap_or("").to_owned(),
            value: (*value).clone(),
        });
    }
    for vif in vifs {
        let Some(&i) = by_id.get(&vif.connection) else {
            let left_out = skipped.iter().any(|s| {
                let mut words = s.element.split_whitespace();
                matches!(words.next(), Some("connection" | "LAG"))
                    && words.next() == Some(vif.connection.as_str())
            });
            let reason = if vif.connection.is_empty() {
                "it names no `connectionId`".to_owned()
            } else if left_out {
                format!("its connection {} is left out", vif.connection)
            } else {
                format!("its connection {} is not in the input", vif.connection)
            };
            skip(&mut skipped, &vif.file, vif.element, reason);
            continue;
        };
        match vif_of(&vif.value) {
            Ok((v, attachment)) => {
                if let Some(a) = attachment {
                    placed[i].attachments.push(a);
                }
                placed[i].vifs.push(v);
            }
            Err(reason) => skip(&mut skipped, &vif.file, vif.element, reason),
        }
    }

    // A region node needs its attachment, which only its VIFs tell.
    let mut regions: BTreeMap<String, Vec<Reach>> = BTreeMap::new();
    for p in &placed {
        regions
            .entry(p.region.clone())
            .or_default()
            .extend(p.attachments.iter().cloned());
    }
    let mut design = Design::default();
    let mut ids = Ids::default();
    let mut region_ids: HashMap<String, NodeId> = HashMap::new();
    for (region, attachments) in &regions {
        let Some(attachment) = attachments.iter().map(|a| a.kind).max_by_key(|a| rank(*a)) else {
            continue;
        };
        let kinds: HashSet<AwsAttachment> = attachments.iter().map(|a| a.kind).collect();
        if kinds.len() > 1 {
            notes.push(format!(
                "AWS region {region}: its VIFs reach it in more than one way; the region is \
                 modelled as {} (the model holds one attachment per region)",
                attachment.label()
            ));
        }
        let gateway = attachments
            .iter()
            .find_map(|a| a.gateway.as_ref())
            .map(|g| {
                gateways
                    .get(g)
                    .and_then(|(n, _)| n.clone())
                    .unwrap_or(g.clone())
            });
        // The gateway's own ASN (describe-direct-connect-gateways), else what its VIFs report.
        let dx_gateway_asn = attachments
            .iter()
            .filter_map(|a| Some((a.gateway.as_ref()?, a.asn)))
            .find_map(|(g, asn)| gateways.get(g).and_then(|(_, a)| *a).or(asn));
        let vgw_asn = attachments
            .iter()
            .find(|a| a.kind == AwsAttachment::VirtualPrivateGateway && a.gateway.is_none())
            .and_then(|a| a.asn);
        let id = NodeId::new(ids.make("aws", region));
        let name = format!("AWS {region}");
        design.nodes.push(Node {
            id: id.clone(),
            name,
            position: Point::default(),
            notes: String::new(),
            kind: NodeKind::AwsRegion(AwsRegion {
                region: region.clone(),
                attachment,
                dx_gateway: gateway,
                vgw_asn: vgw_asn.and_then(|a| u32::try_from(a).ok()),
                dx_gateway_asn: dx_gateway_asn.and_then(|a| u32::try_from(a).ok()),
                tgw_asn: None,
                tgw_vpc_attachments: Vec::new(),
                tgw_peering_attachments: Vec::new(),
                vpc_cidrs: Vec::new(),
            }),
        });
        region_ids.insert(region.clone(), id);
    }

    let mut facility_ids: HashMap<String, NodeId> = HashMap::new();
    for p in placed {
        let Some(region) = region_ids.get(&p.region).cloned() else {
            skip(
                &mut skipped,
                &p.port.file,
                p.port.element,
                format!(
                    "no virtual interface in the input says how region {} is attached \
                     (virtual private gateway, Direct Connect gateway + VGWs or + Transit \
                     Gateway), which the design needs; add the output of \
                     describe-virtual-interfaces",
                    p.region
                ),
            );
            continue;
        };
        let facility = match facility_ids.get(&p.port.location) {
            Some(id) => id.clone(),
            None => {
                let Some(loc) = catalog.dx_location(&p.port.location) else {
                    continue;
                };
                let id = NodeId::new(ids.make("dx", &loc.code));
                design.nodes.push(Node {
                    id: id.clone(),
                    name: format!("{} ({})", loc.short_name, loc.code),
                    position: Point::default(),
                    notes: String::new(),
                    kind: NodeKind::ColocationFacility(ColocationFacility {
                        facility_name: loc.facility.clone(),
                        metro: loc.metro.clone(),
                        dx_location: Some(loc.code.clone()),
                        ..ColocationFacility::default()
                    }),
                });
                facility_ids.insert(p.port.location.clone(), id.clone());
                id
            }
        };
        // Kept, but not yet (or no longer) carrying traffic: the architect should know.
        if ["ordering", "requested", "pending", "down"].contains(&p.port.state.as_str()) {
            notes.push(format!(
                "{} is imported, but its state is `{}`",
                p.port.element, p.port.state
            ));
        }
        let hosted = p.port.partner.is_some() || p.capacity_mbps < 1_000;
        design.links.push(Link {
            // The cloud's own id (dxcon-…, dxlag-…): unique, and what the architect searches for.
            id: LinkId::new(ids.make("", &p.port.id)),
            name: p.port.name.clone(),
            a: facility,
            b: region,
            notes: String::new(),
            kind: LinkKind::DirectConnectConnection(DirectConnectConnection {
                connection_type: if hosted {
                    DxConnectionType::Hosted
                } else {
                    DxConnectionType::Dedicated
                },
                capacity_mbps: p.capacity_mbps,
                lag_members: p.port.members,
                macsec: p.port.macsec,
                aws_device: p.port.device.clone(),
                partner: p.port.partner.clone().unwrap_or_default(),
                vifs: p.vifs,
            }),
        });
    }
    Ok(Imported {
        design,
        skipped,
        notes,
    })
}

/// Which attachment wins when a region's VIFs disagree: the one that reaches the most.
fn rank(a: AwsAttachment) -> u8 {
    match a {
        AwsAttachment::VirtualPrivateGateway => 0,
        AwsAttachment::DxGatewayVgw => 1,
        AwsAttachment::DxGatewayTgw => 2,
    }
}

fn port_of(file: &Path, id: &str, v: &Value, member_ids: Vec<String>, members: u32) -> Port {
    let name = text(v, "connectionName");
    Port {
        file: file.to_owned(),
        id: id.to_owned(),
        member_ids,
        name: name.unwrap_or(id).to_owned(),
        element: element("connection", id, name),
        location: text(v, "location").unwrap_or("").to_owned(),
        region: text(v, "region").map(str::to_owned),
        bandwidth: text(v, "bandwidth").unwrap_or("").to_owned(),
        members,
        partner: text(v, "partnerName").map(str::to_owned),
        device: text(v, "awsDeviceV2")
            .or_else(|| text(v, "awsDevice"))
            .unwrap_or("")
            .to_owned(),
        macsec: text(v, "portEncryptionStatus") == Some("Encryption Up"),
        state: text(v, "connectionState").unwrap_or("").to_owned(),
    }
}

/// A VIF, and what it says about its region's attachment (kind, Direct Connect gateway id,
/// Amazon-side ASN).
fn vif_of(v: &Value) -> Result<(VirtualInterface, Option<Reach>), String> {
    let vif_type = match text(v, "virtualInterfaceType") {
        Some("private") => VifType::Private,
        Some("public") => VifType::Public,
        Some("transit") => VifType::Transit,
        Some(other) => {
            return Err(format!(
                "its type `{other}` is not private, public or transit"
            ));
        }
        None => return Err("it has no `virtualInterfaceType`".into()),
    };
    let vlan = number(v, "vlan")
        .and_then(|n| u16::try_from(n).ok())
        .ok_or("it has no `vlan` (a number up to 4094)")?;
    // `asnLong` carries every ASN; `asn` is 0 when the ASN does not fit it (4-byte ASNs).
    let customer_asn = number(v, "asnLong")
        .or_else(|| number(v, "asn"))
        .filter(|&n| n > 0)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or("it has no `asnLong` or `asn` (the customer's BGP ASN)")?;
    let mtu = match number(v, "mtu") {
        Some(m) => u32::try_from(m).map_err(|_| format!("its MTU {m} is not a valid MTU"))?,
        // The model's documented default (`VirtualInterface::mtu`).
        None => 1500,
    };
    let gateway = text(v, "directConnectGatewayId").map(str::to_owned);
    let asn = number(v, "amazonSideAsn");
    let attachment = match (vif_type, &gateway, text(v, "virtualGatewayId")) {
        (VifType::Transit, Some(_), _) => Some(AwsAttachment::DxGatewayTgw),
        (VifType::Private, Some(_), _) => Some(AwsAttachment::DxGatewayVgw),
        (VifType::Private, None, Some(_)) => Some(AwsAttachment::VirtualPrivateGateway),
        _ => None,
    };
    let vif = VirtualInterface {
        name: text(v, "virtualInterfaceName")
            .or_else(|| text(v, "virtualInterfaceId"))
            .unwrap_or("")
            .to_owned(),
        vif_type,
        vlan,
        customer_asn,
        mtu,
        advertised_prefixes: 0,
        sitelink: v
            .get("siteLinkEnabled")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    };
    Ok((vif, attachment.map(|kind| Reach { kind, gateway, asn })))
}

/// "50Mbps", "1Gbps", "2.5Gbps" (Direct Connect's `bandwidth`) in Mbps.
pub(super) fn parse_bandwidth(text: &str) -> Option<u64> {
    let t = text.trim();
    let (number, scale) = if let Some(n) = t.strip_suffix("Gbps") {
        (n, 1_000.0)
    } else if let Some(n) = t.strip_suffix("Mbps") {
        (n, 1.0)
    } else {
        return None;
    };
    let value: f64 = number.trim().parse().ok()?;
    let mbps = value * scale;
    (mbps.is_finite() && mbps >= 1.0 && mbps.fract() == 0.0 && mbps <= 1e7).then_some(mbps as u64)
}

#[cfg(test)]
mod tests {
    use super::parse_bandwidth;

    #[test]
    fn bandwidths_as_direct_connect_writes_them() {
        assert_eq!(parse_bandwidth("50Mbps"), Some(50));
        assert_eq!(parse_bandwidth("1Gbps"), Some(1_000));
        assert_eq!(parse_bandwidth("10Gbps"), Some(10_000));
        assert_eq!(parse_bandwidth("100Gbps"), Some(100_000));
        assert_eq!(parse_bandwidth("400Gbps"), Some(400_000));
        assert_eq!(parse_bandwidth("ten"), None);
        assert_eq!(parse_bandwidth("10"), None);
        assert_eq!(parse_bandwidth("0Mbps"), None);
    }
}

//! Terraform: the JSON of `terraform show -json` for a state (`values.root_module`) or a saved
//! plan (`planned_values.root_module`), modules included (`child_modules[]`). Each resource
//! (`type`, `name`, `address`, `values`) of the AWS provider's `aws_dx_*` types and the
//! azurerm provider's ExpressRoute circuit, peering and virtual network gateway types is
//! rewritten into the shape the clouds' command lines print, then mapped by the AWS and Azure
//! imports, so one mapping serves both. Site-to-site VPN connections are listed one by one as
//! not imported (the design's VPN needs the site's internet bandwidth, which Terraform does not
//! hold); every other resource type is listed (once per type, with its count) as not read.

use super::{ImportError, Imported, Skipped, aws, azure, shape, text};
use crate::catalog::Catalog;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a site-to-site VPN of the state is not imported.
const VPN_NOT_READ: &str = "site-to-site VPNs are not imported: a VPN of the design needs the \
                            site's internet bandwidth, which no Terraform resource holds";

const WHAT: &str = "the JSON of `terraform show -json` (an object with `format_version` and \
                    `values` or `planned_values`)";

/// The resources of a module and its child modules, depth first.
fn resources<'a>(module: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(list) = module.get("resources").and_then(Value::as_array) {
        out.extend(list);
    }
    if let Some(children) = module.get("child_modules").and_then(Value::as_array) {
        for child in children {
            resources(child, out);
        }
    }
}

/// A value of the resource: strings as they are, numbers as numbers; absent when null.
fn put(obj: &mut Map<String, Value>, key: &str, value: Option<&Value>) {
    if let Some(v) = value.filter(|v| !v.is_null()) {
        obj.insert(key.to_owned(), v.clone());
    }
}

/// A number Terraform may hold as a string (`amazon_side_asn`).
fn num(value: Option<&Value>) -> Option<Value> {
    match value? {
        Value::Number(n) => Some(Value::Number(n.clone())),
        Value::String(s) => s.parse::<u64>().ok().map(Value::from),
        _ => None,
    }
}

pub(super) fn map(path: &Path, value: &Value, catalog: &Catalog) -> Result<Imported, ImportError> {
    let root = value
        .get("format_version")
        .and(
            value
                .pointer("/values/root_module")
                .or_else(|| value.pointer("/planned_values/root_module")),
        )
        .or_else(|| value.get("format_version").map(|_| &Value::Null));
    let Some(root) = root else {
        return Err(ImportError::Unrecognised {
            path: path.to_owned(),
            what: WHAT,
            found: shape(value),
        });
    };
    let empty = Value::Null;
    let mut all = Vec::new();
    resources(root, &mut all);
    // A private VIF on a virtual private gateway reports the gateway's Amazon-side ASN as its
    // own `amazon_side_asn`; where the VIF's values lack it (a plan, or a state written by
    // another tool), the `aws_vpn_gateway` it names says it.
    let vgw_asns: BTreeMap<&str, Value> = all
        .iter()
        .filter(|r| text(r, "type") == Some("aws_vpn_gateway"))
        .filter_map(|r| {
            let v = r.get("values")?;
            Some((text(v, "id")?, num(v.get("amazon_side_asn"))?))
        })
        .collect();

    let mut connections: Vec<Map<String, Value>> = Vec::new();
    let mut lags = Vec::new();
    let mut vifs = Vec::new();
    let mut gateways = Vec::new();
    let mut associations: Vec<(String, String)> = Vec::new();
    let mut circuits: Vec<Map<String, Value>> = Vec::new();
    let mut peerings: Vec<&Value> = Vec::new();
    let mut vnet_gateways = Vec::new();
    let mut other: BTreeMap<String, usize> = BTreeMap::new();
    let mut early: Vec<Skipped> = Vec::new();
    let mut vpn_ends: BTreeMap<String, usize> = BTreeMap::new();
    for r in all {
        let kind = text(r, "type").unwrap_or("");
        let address = text(r, "address").unwrap_or(kind);
        let v = r.get("values").unwrap_or(&empty);
        // A planned resource has no id until it is applied: its address stands in.
        let id = text(v, "id").unwrap_or(address).to_owned();
        let mut o = Map::new();
        match kind {
            "aws_dx_connection" => {
                o.insert("connectionId".into(), id.into());
                put(&mut o, "connectionName", v.get("name"));
                put(&mut o, "bandwidth", v.get("bandwidth"));
                put(&mut o, "location", v.get("location"));
                put(&mut o, "region", v.get("region"));
                put(&mut o, "partnerName", v.get("partner_name"));
                put(&mut o, "awsDeviceV2", v.get("aws_device"));
                put(
                    &mut o,
                    "portEncryptionStatus",
                    v.get("port_encryption_status"),
                );
                connections.push(o);
            }
            "aws_dx_lag" => {
                o.insert("lagId".into(), id.clone().into());
                put(&mut o, "lagName", v.get("name"));
                put(&mut o, "location", v.get("location"));
                put(&mut o, "region", v.get("region"));
                put(
                    &mut o,
                    "connectionsBandwidth",
                    v.get("connections_bandwidth"),
                );
                put(&mut o, "awsDeviceV2", v.get("aws_device"));
                if let Some(c) = text(v, "connection_id") {
                    associations.push((c.to_owned(), id));
                }
                lags.push(Value::Object(o));
            }
            "aws_dx_connection_association" => {
                if let (Some(c), Some(l)) = (text(v, "connection_id"), text(v, "lag_id")) {
                    associations.push((c.to_owned(), l.to_owned()));
                }
            }
            "aws_dx_private_virtual_interface"
            | "aws_dx_transit_virtual_interface"
            | "aws_dx_public_virtual_interface" => {
                if text(v, "connection_id").is_none() {
                    let name = text(v, "name").map_or(String::new(), |n| format!(" ({n})"));
                    early.push(Skipped {
                        file: path.to_owned(),
                        element: format!("virtual interface {id}{name}"),
                        reason: "its `connection_id` is not known (in a plan, a new \
                                 connection's id is known only after apply)"
                            .into(),
                    });
                    continue;
                }
                let vif_type = kind
                    .trim_start_matches("aws_dx_")
                    .trim_end_matches("_virtual_interface");
                o.insert("virtualInterfaceId".into(), id.into());
                o.insert("virtualInterfaceType".into(), vif_type.into());
                put(&mut o, "virtualInterfaceName", v.get("name"));
                put(&mut o, "connectionId", v.get("connection_id"));
                put(&mut o, "vlan", v.get("vlan"));
                put(&mut o, "asnLong", v.get("bgp_asn"));
                put(&mut o, "mtu", v.get("mtu"));
                put(&mut o, "directConnectGatewayId", v.get("dx_gateway_id"));
                put(&mut o, "virtualGatewayId", v.get("vpn_gateway_id"));
                let amazon_asn = num(v.get("amazon_side_asn"))
                    .or_else(|| text(v, "vpn_gateway_id").and_then(|g| vgw_asns.get(g).cloned()));
                put(&mut o, "amazonSideAsn", amazon_asn.as_ref());
                put(&mut o, "siteLinkEnabled", v.get("sitelink_enabled"));
                vifs.push(Value::Object(o));
            }
            "aws_dx_gateway" => {
                o.insert("directConnectGatewayId".into(), id.into());
                put(&mut o, "directConnectGatewayName", v.get("name"));
                put(
                    &mut o,
                    "amazonSideAsn",
                    num(v.get("amazon_side_asn")).as_ref(),
                );
                gateways.push(Value::Object(o));
            }
            "azurerm_express_route_circuit" => {
                let sku = v.get("sku").and_then(|s| s.get(0)).unwrap_or(&empty);
                o.insert(
                    "type".into(),
                    "Microsoft.Network/expressRouteCircuits".into(),
                );
                put(&mut o, "name", v.get("name"));
                put(&mut o, "location", v.get("location"));
                put(&mut o, "resourceGroup", v.get("resource_group_name"));
                o.insert(
                    "serviceProviderProperties".into(),
                    json!({
                        "serviceProviderName": v.get("service_provider_name"),
                        "peeringLocation": v.get("peering_location"),
                        "bandwidthInMbps": v.get("bandwidth_in_mbps"),
                    }),
                );
                o.insert(
                    "sku".into(),
                    json!({ "tier": sku.get("tier"), "family": sku.get("family") }),
                );
                put(&mut o, "expressRoutePort", v.get("express_route_port_id"));
                o.insert("peerings".into(), Value::Array(Vec::new()));
                circuits.push(o);
            }
            "azurerm_express_route_circuit_peering" => peerings.push(v),
            // Read above, for the Amazon-side ASN of the private VIFs on it.
            "aws_vpn_gateway" => {}
            "aws_vpn_connection" => {
                let name = v
                    .pointer("/tags/Name")
                    .and_then(Value::as_str)
                    .map_or(String::new(), |n| format!(" ({n})"));
                early.push(Skipped {
                    file: path.to_owned(),
                    element: format!("site-to-site VPN connection {id}{name}"),
                    reason: VPN_NOT_READ.into(),
                });
            }
            "azurerm_virtual_network_gateway_connection" if text(v, "type") == Some("IPsec") => {
                let name = text(v, "name").map_or(String::new(), |n| format!(" ({n})"));
                early.push(Skipped {
                    file: path.to_owned(),
                    element: format!("site-to-site VPN connection {id}{name}"),
                    reason: VPN_NOT_READ.into(),
                });
            }
            // The on-prem end of a VPN: left out with it.
            "aws_customer_gateway" | "azurerm_local_network_gateway" => {
                *vpn_ends.entry(kind.to_owned()).or_default() += 1;
            }
            "azurerm_virtual_network_gateway" => {
                o.insert(
                    "type".into(),
                    "Microsoft.Network/virtualNetworkGateways".into(),
                );
                put(&mut o, "name", v.get("name"));
                put(&mut o, "location", v.get("location"));
                put(&mut o, "gatewayType", v.get("type"));
                o.insert("sku".into(), json!({ "name": v.get("sku") }));
                put(&mut o, "vpnGatewayGeneration", v.get("generation"));
                vnet_gateways.push(Value::Object(o));
            }
            _ => *other.entry(kind.to_owned()).or_default() += 1,
        }
    }
    for (connection, lag) in associations {
        if let Some(c) = connections
            .iter_mut()
            .find(|c| c.get("connectionId").and_then(Value::as_str) == Some(&connection))
        {
            c.insert("lagId".into(), lag.into());
        }
    }
    for p in peerings {
        let circuit = text(p, "express_route_circuit_name");
        let group = text(p, "resource_group_name");
        let Some(c) = circuits.iter_mut().find(|c| {
            c.get("name").and_then(Value::as_str) == circuit
                && c.get("resourceGroup").and_then(Value::as_str) == group
        }) else {
            continue;
        };
        let peering = json!({
            "peeringType": p.get("peering_type"),
            "peerASN": p.get("peer_asn"),
            "vlanId": p.get("vlan_id"),
            "primaryPeerAddressPrefix": p.get("primary_peer_address_prefix"),
            "secondaryPeerAddressPrefix": p.get("secondary_peer_address_prefix"),
            "routeFilter": p.get("route_filter_id"),
        });
        if let Some(Value::Array(list)) = c.get_mut("peerings") {
            list.push(peering);
        }
    }

    let file = path.to_owned();
    let mut aws_inputs: Vec<(PathBuf, Value)> = Vec::new();
    if !connections.is_empty() {
        let list: Vec<Value> = connections.into_iter().map(Value::Object).collect();
        aws_inputs.push((file.clone(), json!({ "connections": list })));
    }
    for (key, list) in [
        ("lags", lags),
        ("virtualInterfaces", vifs),
        ("directConnectGateways", gateways),
    ] {
        if !list.is_empty() {
            aws_inputs.push((file.clone(), json!({ key: list })));
        }
    }
    let mut azure_items: Vec<Value> = circuits.into_iter().map(Value::Object).collect();
    azure_items.extend(vnet_gateways);

    let mut imported = aws::map(&aws_inputs, catalog)?;
    if !azure_items.is_empty() {
        let az = azure::map(&[(file.clone(), Value::Array(azure_items))], catalog)?;
        // The two mappings' ids cannot meet: AWS ids start with aws-, dx-, dxcon- or dxlag-
        // (or a planned resource's `aws_dx_…` address), Azure's with azure- or er-.
        imported.design.nodes.extend(az.design.nodes);
        imported.design.links.extend(az.design.links);
        imported.skipped.extend(az.skipped);
        imported.notes.extend(az.notes);
    }
    imported.skipped.extend(early);
    let counted = [
        (
            vpn_ends,
            "the on-prem end of a site-to-site VPN, left out with its VPN",
        ),
        (other, "not an interconnect resource the import reads"),
    ];
    for (types, reason) in counted {
        for (kind, count) in types {
            imported.skipped.push(Skipped {
                file: file.clone(),
                element: format!(
                    "{} of type {kind}",
                    crate::model::count(count, "resource", "resources")
                ),
                reason: reason.into(),
            });
        }
    }
    Ok(imported)
}

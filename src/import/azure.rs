//! Azure: the JSON of `az network express-route list` (ExpressRoute circuits) and
//! `az network vnet-gateway list` (virtual network gateways): arrays of resources, each
//! recognised by its `type` (`Microsoft.Network/expressRouteCircuits`,
//! `Microsoft.Network/virtualNetworkGateways`), the ARM resource with its properties
//! flattened as the Azure CLI prints them.

use super::{Ids, ImportError, Imported, Skipped, number, shape, text};
use crate::catalog::Catalog;
use crate::model::*;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

const WHAT: &str = "the JSON of `az network express-route list` or `az network vnet-gateway \
                    list` (an array of resources of type Microsoft.Network/expressRouteCircuits \
                    or Microsoft.Network/virtualNetworkGateways)";

const CIRCUIT: &str = "microsoft.network/expressroutecircuits";
const GATEWAY: &str = "microsoft.network/virtualnetworkgateways";

/// A property of the resource: flattened (the Azure CLI) or under `properties` (ARM REST).
fn prop<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key)
        .or_else(|| v.get("properties").and_then(|p| p.get(key)))
}

fn prop_text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    prop(v, key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

pub(super) fn map(inputs: &[(PathBuf, Value)], catalog: &Catalog) -> Result<Imported, ImportError> {
    let mut circuits = Vec::new();
    let mut gateways = Vec::new();
    let mut skipped = Vec::new();
    for (file, value) in inputs {
        // `az ... list` prints an array; `az ... show` one object.
        let items: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            Value::Object(_) if text(value, "type").is_some() => vec![value],
            _ => {
                return Err(ImportError::Unrecognised {
                    path: file.clone(),
                    what: WHAT,
                    found: shape(value),
                });
            }
        };
        // An array none of whose items is an ARM resource (an object with a `type`) is
        // another tool's file.
        if !items.is_empty() && !items.iter().any(|i| text(i, "type").is_some()) {
            return Err(ImportError::Unrecognised {
                path: file.clone(),
                what: WHAT,
                found: shape(value),
            });
        }
        for item in items {
            let kind = text(item, "type").unwrap_or("").to_ascii_lowercase();
            let name = text(item, "name").unwrap_or("?");
            if kind == CIRCUIT {
                circuits.push((file, item));
            } else if kind == GATEWAY {
                gateways.push((file, item));
            } else {
                skipped.push(Skipped {
                    file: file.clone(),
                    element: format!("resource {name}"),
                    reason: if kind.is_empty() {
                        "it has no `type`".into()
                    } else {
                        format!(
                            "its type `{}` is not an ExpressRoute circuit or a virtual network \
                             gateway",
                            text(item, "type").unwrap_or("")
                        )
                    },
                });
            }
        }
    }

    let mut notes = Vec::new();
    let mut design = Design::default();
    let mut ids = Ids::default();
    let mut regions: BTreeMap<String, usize> = BTreeMap::new();
    let mut facilities: HashMap<String, NodeId> = HashMap::new();
    let region_node = |design: &mut Design,
                       ids: &mut Ids,
                       regions: &mut BTreeMap<String, usize>,
                       code: &str,
                       display: &str|
     -> NodeId {
        if let Some(&i) = regions.get(code) {
            return design.nodes[i].id.clone();
        }
        let id = NodeId::new(ids.make("azure", code));
        design.nodes.push(Node {
            id: id.clone(),
            name: format!("Azure {display}"),
            position: Point::default(),
            notes: String::new(),
            kind: NodeKind::AzureRegion(AzureRegion {
                region: code.to_owned(),
                ..AzureRegion::default()
            }),
        });
        regions.insert(code.to_owned(), design.nodes.len() - 1);
        id
    };

    for (file, c) in circuits {
        let name = text(c, "name").unwrap_or("?");
        let element = format!("ExpressRoute circuit {name}");
        let mut skip = |reason: String| {
            skipped.push(Skipped {
                file: file.clone(),
                element: element.clone(),
                reason,
            })
        };
        if let Some(state) =
            prop_text(c, "provisioningState").filter(|s| ["Failed", "Deleting"].contains(s))
        {
            skip(format!("its provisioning state is `{state}`"));
            continue;
        }
        if prop_text(c, "serviceProviderProvisioningState") == Some("Deprovisioning") {
            skip("the provider is deprovisioning it".into());
            continue;
        }
        if let Some(state) = prop_text(c, "serviceProviderProvisioningState")
            .filter(|s| ["NotProvisioned", "Provisioning"].contains(s))
        {
            notes.push(format!(
                "{element} is imported, but its provider state is `{state}` (not yet carrying \
                 traffic)"
            ));
        }
        if prop(c, "expressRoutePort").is_some_and(|p| !p.is_null()) {
            skip(
                "it is an ExpressRoute Direct circuit: its peering location and port speed are \
                 the port's (`az network express-route port list`), which this import does not \
                 read yet"
                    .into(),
            );
            continue;
        }
        let provider = prop(c, "serviceProviderProperties");
        let peering_location = provider.and_then(|p| text(p, "peeringLocation"));
        let Some(peering_location) = peering_location else {
            skip("it names no `serviceProviderProperties.peeringLocation`".into());
            continue;
        };
        let Some(location) = catalog.er_location(peering_location) else {
            skip(format!(
                "its peering location `{peering_location}` is not an ExpressRoute peering \
                 location in the catalog"
            ));
            continue;
        };
        let Some(region_code) = text(c, "location") else {
            skip("it names no `location` (Azure region)".into());
            continue;
        };
        let Some(region) = catalog.azure_region(region_code) else {
            skip(format!(
                "its location `{region_code}` is not an Azure region in the catalog"
            ));
            continue;
        };
        let Some(bandwidth_mbps) = provider.and_then(|p| number(p, "bandwidthInMbps")) else {
            skip("it has no `serviceProviderProperties.bandwidthInMbps`".into());
            continue;
        };
        let sku = prop(c, "sku");
        let sku_tier = match sku.and_then(|s| text(s, "tier")) {
            Some("Standard") => ErSkuTier::Standard,
            Some("Premium") => ErSkuTier::Premium,
            Some("Local") => ErSkuTier::Local,
            Some(other) => {
                skip(format!(
                    "its SKU tier `{other}` is not Local, Standard or Premium"
                ));
                continue;
            }
            None => {
                skip("it has no `sku.tier`".into());
                continue;
            }
        };
        let billing = match sku.and_then(|s| text(s, "family")) {
            Some("MeteredData") => ErBilling::Metered,
            Some("UnlimitedData") => ErBilling::Unlimited,
            Some(other) => {
                skip(format!(
                    "its SKU family `{other}` is not MeteredData or UnlimitedData"
                ));
                continue;
            }
            None => {
                skip("it has no `sku.family`".into());
                continue;
            }
        };
        let (peerings, redundant_bgp) = peerings_of(prop(c, "peerings"));
        let facility = match facilities.get(&location.name) {
            Some(id) => id.clone(),
            None => {
                let id = NodeId::new(ids.make("er", &location.name));
                design.nodes.push(Node {
                    id: id.clone(),
                    name: format!("{} ({})", location.facility, location.name),
                    position: Point::default(),
                    notes: String::new(),
                    kind: NodeKind::ColocationFacility(ColocationFacility {
                        facility_name: location.facility.clone(),
                        metro: location.metro.clone(),
                        er_peering_location: Some(location.name.clone()),
                        ..ColocationFacility::default()
                    }),
                });
                facilities.insert(location.name.clone(), id.clone());
                id
            }
        };
        let region_id = region_node(
            &mut design,
            &mut ids,
            &mut regions,
            &region.code,
            &region.name,
        );
        design.links.push(Link {
            id: LinkId::new(ids.make("er", name)),
            name: name.to_owned(),
            a: facility,
            b: region_id,
            notes: String::new(),
            kind: LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                provider: provider
                    .and_then(|p| text(p, "serviceProviderName"))
                    .unwrap_or("")
                    .to_owned(),
                direct_port: None,
                bandwidth_mbps,
                sku_tier,
                billing,
                peerings,
                redundant_bgp,
                fastpath: false,
                metro_secondary_facility: None,
                global_reach: Vec::new(),
                vnet_links: 1,
            }),
        });
    }
    if design.links.iter().any(|l| l.as_er().is_some()) {
        notes.push(
            "ExpressRoute circuits: connected VNets (`vnet_links`) are left at the model's \
             default of 1, and FastPath and Global Reach are off: the circuit's own listing does \
             not say (they are properties of the gateway connections)"
                .into(),
        );
    }

    for (file, g) in gateways {
        let name = text(g, "name").unwrap_or("?");
        let element = format!("virtual network gateway {name}");
        let mut skip = |reason: String| {
            skipped.push(Skipped {
                file: file.clone(),
                element: element.clone(),
                reason,
            })
        };
        let Some(region_code) = text(g, "location") else {
            skip("it names no `location` (Azure region)".into());
            continue;
        };
        let Some(region) = catalog.azure_region(region_code) else {
            skip(format!(
                "its location `{region_code}` is not an Azure region in the catalog"
            ));
            continue;
        };
        let sku_name = prop(g, "sku").and_then(|s| text(s, "name")).unwrap_or("");
        match prop_text(g, "gatewayType") {
            Some("ExpressRoute") => {
                let Some(sku) = er_gateway_sku(sku_name) else {
                    skip(format!(
                        "its SKU `{sku_name}` is not an ExpressRoute gateway SKU the model knows"
                    ));
                    continue;
                };
                let scale_units = (sku == ErGatewaySku::ErGwScale)
                    .then(|| {
                        prop(g, "autoScaleConfiguration")
                            .and_then(|a| a.get("bounds"))
                            .and_then(|b| number(b, "min"))
                            .and_then(|n| u32::try_from(n).ok())
                    })
                    .flatten();
                let i = regions.get(&region.code).copied();
                if let Some(existing) = i.and_then(|i| design.nodes[i].as_azure())
                    && existing.gateway.is_some()
                {
                    skip(format!(
                        "region {} already has an ExpressRoute gateway from the input; the \
                         design holds one per region (its hub VNet)",
                        region.code
                    ));
                    continue;
                }
                let id = region_node(
                    &mut design,
                    &mut ids,
                    &mut regions,
                    &region.code,
                    &region.name,
                );
                if let Some(NodeKind::AzureRegion(r)) = design
                    .nodes
                    .iter_mut()
                    .find(|n| n.id == id)
                    .map(|n| &mut n.kind)
                {
                    r.gateway = Some(ErGateway {
                        sku,
                        scale_units,
                        zone_redundant: false,
                    });
                }
            }
            Some("Vpn") => {
                let Some(sku) = VpnGatewaySku::ALL
                    .into_iter()
                    .find(|s| s.label().eq_ignore_ascii_case(sku_name))
                else {
                    skip(format!(
                        "its SKU `{sku_name}` is not a VPN gateway SKU the model knows"
                    ));
                    continue;
                };
                let generation = match prop_text(g, "vpnGatewayGeneration") {
                    Some("Generation1") => Some(VpnGatewayGeneration::Generation1),
                    Some("Generation2") => Some(VpnGatewayGeneration::Generation2),
                    _ => None,
                };
                let i = regions.get(&region.code).copied();
                if let Some(existing) = i.and_then(|i| design.nodes[i].as_azure())
                    && existing.vpn_gateway.is_some()
                {
                    skip(format!(
                        "region {} already has a VPN gateway from the input; the design holds \
                         one per region (its hub VNet)",
                        region.code
                    ));
                    continue;
                }
                let id = region_node(
                    &mut design,
                    &mut ids,
                    &mut regions,
                    &region.code,
                    &region.name,
                );
                if let Some(NodeKind::AzureRegion(r)) = design
                    .nodes
                    .iter_mut()
                    .find(|n| n.id == id)
                    .map(|n| &mut n.kind)
                {
                    r.vpn_gateway = Some(VpnGateway {
                        sku,
                        generation,
                        zone_redundant: false,
                    });
                }
            }
            Some(other) => skip(format!(
                "its gateway type `{other}` is not ExpressRoute or Vpn"
            )),
            None => skip("it has no `gatewayType`".into()),
        }
    }
    if design
        .nodes
        .iter()
        .filter_map(Node::as_azure)
        .any(|r| r.gateway.is_some() || r.vpn_gateway.is_some())
    {
        notes.push(
            "gateways: zone redundancy is left off (the model's default); the gateway listing \
             does not say how the gateway is deployed across zones"
                .into(),
        );
    }
    Ok(Imported {
        design,
        skipped,
        notes,
    })
}

fn er_gateway_sku(name: &str) -> Option<ErGatewaySku> {
    ErGatewaySku::ALL
        .into_iter()
        .find(|s| s.label().eq_ignore_ascii_case(name))
}

/// The circuit's private and Microsoft peerings (`peerings[]`: `peeringType`, `peerASN`,
/// `vlanId`, the primary and secondary /30 or /126), and whether every configured peering
/// has both BGP sessions' subnets. Without peerings the model's default (both sessions) holds.
fn peerings_of(list: Option<&Value>) -> (ErPeerings, bool) {
    let mut peerings = ErPeerings::default();
    let mut redundant = true;
    for p in list.and_then(Value::as_array).into_iter().flatten() {
        let peering = prop(p, "peeringType").and_then(Value::as_str);
        let asn = prop(p, "peerASN")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok());
        let vlan = prop(p, "vlanId")
            .and_then(Value::as_u64)
            .and_then(|n| u16::try_from(n).ok());
        let both = prop_text(p, "primaryPeerAddressPrefix").is_some()
            && prop_text(p, "secondaryPeerAddressPrefix").is_some();
        match peering {
            Some("AzurePrivatePeering") => {
                redundant &= both;
                peerings.private = Some(ErPrivatePeering {
                    peer_asn: asn,
                    vlan,
                    ..ErPrivatePeering::default()
                });
            }
            Some("MicrosoftPeering") => {
                redundant &= both;
                let advertised = prop(p, "microsoftPeeringConfig")
                    .and_then(|c| c.get("advertisedPublicPrefixes"))
                    .and_then(Value::as_array)
                    .map_or(0, |a| a.len() as u32);
                peerings.microsoft = Some(ErMicrosoftPeering {
                    peer_asn: asn,
                    vlan,
                    advertised_ipv4_prefixes: advertised,
                    route_filter: prop(p, "routeFilter").is_some_and(|r| !r.is_null()),
                    ..ErMicrosoftPeering::default()
                });
            }
            _ => {}
        }
    }
    (peerings, redundant)
}

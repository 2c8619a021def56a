//! azurerm resources: ExpressRoute Direct ports, circuits, their private and Microsoft
//! peerings, each region's ExpressRoute gateway, the gateway connections and Global Reach;
//! each region's VPN gateway and, per site-to-site VPN, a local network gateway (the site) and
//! an IPsec connection.

use super::{Cx, Item, element_comment, reference};
use crate::model::{
    Design, ErBilling, ErSkuTier, ExpressRouteCircuit, Link, LinkKind, Node, NodeKind,
};
use hcl::Block;
use hcl::expr::Expression;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

const CIRCUIT: &str = "azurerm_express_route_circuit";
const PEERING: &str = "azurerm_express_route_circuit_peering";
const PORT: &str = "azurerm_express_route_port";
const GATEWAY: &str = "azurerm_virtual_network_gateway";
const CONNECTION: &str = "azurerm_virtual_network_gateway_connection";
const GLOBAL_REACH: &str = "azurerm_express_route_circuit_connection";
const LOCAL_GATEWAY: &str = "azurerm_local_network_gateway";

/// An ExpressRoute circuit with its two ends.
struct Circuit<'a> {
    link: &'a Link,
    er: &'a ExpressRouteCircuit,
    facility: Option<&'a Node>,
    region: Option<&'a Node>,
}

fn circuits(design: &Design) -> Vec<Circuit<'_>> {
    let nodes = design.node_index();
    let node = |id: &str| nodes.get(id).map(|&i| &design.nodes[i]);
    design
        .links
        .iter()
        .filter_map(|link| {
            let LinkKind::ExpressRouteCircuit(er) = &link.kind else {
                return None;
            };
            let ends = [node(link.a.as_str()), node(link.b.as_str())];
            let facility = ends
                .into_iter()
                .flatten()
                .find(|n| n.as_facility().is_some());
            let region = ends.into_iter().flatten().find(|n| n.as_azure().is_some());
            Some(Circuit {
                link,
                er,
                facility,
                region,
            })
        })
        .collect()
}

pub(super) fn resources(design: &Design, cx: &mut Cx) -> Vec<Item> {
    let circuits = circuits(design);
    let mut items = Vec::new();
    if circuits.is_empty() && !design.nodes.iter().any(|n| n.as_azure().is_some()) {
        return items;
    }
    let rg = |cx: &mut Cx| {
        cx.vars.var(
            "azure_resource_group_name",
            "string",
            "Name of the existing Azure resource group that holds every azurerm resource of this export",
        )
    };

    // ExpressRoute Direct port pairs, at their facilities.
    let mut port_names: Vec<(String, String, String)> = Vec::new(); // (facility id, port id, resource name)
    for node in &design.nodes {
        let Some(facility) = node.as_facility() else {
            continue;
        };
        for port in &facility.er_direct_ports {
            let name = cx.claim(
                PORT,
                &format!(
                    "{}_{}",
                    cx.id(node.id.as_str()),
                    super::identifier(&port.id)
                ),
            );
            let base = super::identifier(&format!("{}_{}", node.id, port.id));
            let location = circuits
                .iter()
                .find(|c| {
                    c.er.direct_port.as_deref() == Some(port.id.as_str())
                        && c.facility.is_some_and(|f| f.id == node.id)
                })
                .and_then(|c| c.region)
                .and_then(|r| r.as_azure())
                .map(|a| Expression::from(a.region.as_str()))
                .unwrap_or_else(|| {
                    cx.vars.var(
                        &format!("{base}_location"),
                        "string",
                        format!(
                            "Azure region (resource location) of the ExpressRoute Direct port pair {} at {} \"{}\": no circuit of the design is carved from it",
                            port.id, node.id, node.name
                        ),
                    )
                });
            let peering_location = peering_location(
                cx,
                node,
                &base,
                &format!("the ExpressRoute Direct port pair {}", port.id),
            );
            let encapsulation = cx.vars.var(
                &format!("{base}_encapsulation"),
                "string",
                format!(
                    "Encapsulation (Dot1Q or QinQ) of the ExpressRoute Direct port pair {} at {} \"{}\"",
                    port.id, node.id, node.name
                ),
            );
            let block = Block::builder("resource")
                .add_label(PORT)
                .add_label(name.as_str())
                .add_attribute(("name", port.id.as_str()))
                .add_attribute(("resource_group_name", rg(cx)))
                .add_attribute(("location", location))
                .add_attribute(("peering_location", peering_location))
                .add_attribute(("bandwidth_in_gbps", gbps(port.port_speed_mbps)))
                .add_attribute(("encapsulation", encapsulation))
                .build();
            items.push(Item::new(
                format!(
                    "{} port pair {} ({})",
                    element_comment(node.id.as_str(), &node.name),
                    port.id,
                    crate::model::mbps(port.port_speed_mbps)
                ),
                block,
            ));
            port_names.push((node.id.to_string(), port.id.clone(), name));
        }
    }

    // Circuits and their peerings.
    // Link id -> resource name of its private peering.
    let mut private_peerings: HashMap<String, String> = HashMap::new();
    let mut circuit_names: Vec<String> = Vec::new(); // by index into `circuits`
    for c in &circuits {
        let link = c.link;
        let base = cx.id(link.id.as_str());
        let name = cx.claim(CIRCUIT, &base);
        circuit_names.push(name.clone());
        let comment = element_comment(link.id.as_str(), link.label());
        let location = region_of(cx, c, &base);
        let mut block = Block::builder("resource")
            .add_label(CIRCUIT)
            .add_label(name.as_str())
            .add_attribute(("name", link.id.as_str()))
            .add_attribute(("resource_group_name", rg(cx)))
            .add_attribute(("location", location));
        let port = c.er.direct_port.as_deref().and_then(|p| {
            port_names
                .iter()
                .find(|(f, id, _)| id == p && c.facility.is_some_and(|n| n.id.as_str() == f))
        });
        match (c.er.direct_port.as_deref(), port) {
            (Some(_), Some((_, _, port_name))) => {
                block = block
                    .add_attribute(("express_route_port_id", reference(&[PORT, port_name, "id"])))
                    .add_attribute(("bandwidth_in_gbps", gbps(c.er.bandwidth_mbps)));
            }
            (Some(port_id), None) => {
                let port = cx.vars.var(
                    &format!("{base}_express_route_port_id"),
                    "string",
                    format!(
                        "Resource id of the ExpressRoute Direct port pair {port_id} that circuit {} \"{}\" is carved from (not a port of its facility in the design)",
                        link.id, link.label()
                    ),
                );
                block = block
                    .add_attribute(("express_route_port_id", port))
                    .add_attribute(("bandwidth_in_gbps", gbps(c.er.bandwidth_mbps)));
            }
            (None, _) => {
                let provider = if c.er.provider.is_empty() {
                    cx.vars.var(
                        &format!("{base}_service_provider_name"),
                        "string",
                        format!(
                            "ExpressRoute connectivity provider of circuit {} \"{}\" (the design names none)",
                            link.id,
                            link.label()
                        ),
                    )
                } else {
                    Expression::from(c.er.provider.as_str())
                };
                let peering_location = match c.facility {
                    Some(f) => peering_location(cx, f, &base, &format!("circuit {}", link.id)),
                    None => cx.vars.var(
                        &format!("{base}_peering_location"),
                        "string",
                        format!(
                            "ExpressRoute peering location of circuit {} \"{}\"",
                            link.id,
                            link.label()
                        ),
                    ),
                };
                block = block
                    .add_attribute(("service_provider_name", provider))
                    .add_attribute(("peering_location", peering_location))
                    .add_attribute(("bandwidth_in_mbps", c.er.bandwidth_mbps));
            }
        }
        block = block.add_block(
            Block::builder("sku")
                .add_attribute(("tier", tier(c.er.sku_tier)))
                .add_attribute(("family", family(c.er.billing)))
                .build(),
        );
        let mut item = Item::new(comment.clone(), block.build());
        if c.er.metro_secondary_facility.is_some() {
            item = item.note("ExpressRoute Metro: the peering location is the facility's, as the design names it");
        }
        items.push(item);

        if let Some(p) = &c.er.peerings.private {
            let peering = cx.claim(PEERING, &format!("{base}_private"));
            let mut block = Block::builder("resource")
                .add_label(PEERING)
                .add_label(peering.as_str())
                .add_attribute(("peering_type", "AzurePrivatePeering"))
                .add_attribute((
                    "express_route_circuit_name",
                    reference(&[CIRCUIT, &name, "name"]),
                ))
                .add_attribute(("resource_group_name", rg(cx)));
            block = peering_body(cx, block, &base, "private", link, p.peer_asn, p.vlan);
            items.push(Item::new(
                format!("{comment}: private peering"),
                block.build(),
            ));
            private_peerings.insert(link.id.to_string(), peering);
        }
        if let Some(m) = &c.er.peerings.microsoft {
            let peering = cx.claim(PEERING, &format!("{base}_microsoft"));
            let mut block = Block::builder("resource")
                .add_label(PEERING)
                .add_label(peering.as_str())
                .add_attribute(("peering_type", "MicrosoftPeering"))
                .add_attribute((
                    "express_route_circuit_name",
                    reference(&[CIRCUIT, &name, "name"]),
                ))
                .add_attribute(("resource_group_name", rg(cx)));
            block = peering_body(cx, block, &base, "microsoft", link, m.peer_asn, m.vlan);
            if m.route_filter {
                let filter = cx.vars.var(
                    &format!("{base}_route_filter_id"),
                    "string",
                    format!("Resource id of the route filter attached to the Microsoft peering of circuit {} \"{}\"", link.id, link.label()),
                );
                block = block.add_attribute(("route_filter_id", filter));
            }
            let prefixes = cx.vars.var(
                &format!("{base}_microsoft_advertised_public_prefixes"),
                "list(string)",
                format!("Public prefixes advertised to Microsoft over the Microsoft peering of circuit {} \"{}\"", link.id, link.label()),
            );
            block = block.add_block(
                Block::builder("microsoft_peering_config")
                    .add_attribute(("advertised_public_prefixes", prefixes))
                    .build(),
            );
            items.push(Item::new(
                format!("{comment}: Microsoft peering"),
                block.build(),
            ));
        }
    }

    // Each region's ExpressRoute gateway, and a connection from it to each circuit.
    let mut gateways: Vec<(String, String)> = Vec::new(); // (region node id, resource name)
    for node in &design.nodes {
        let NodeKind::AzureRegion(region) = &node.kind else {
            continue;
        };
        let Some(gateway) = &region.gateway else {
            continue;
        };
        let base = cx.id(node.id.as_str());
        let name = cx.claim(GATEWAY, &format!("{base}_er"));
        let subnet = gateway_subnet(cx, node, &region.region);
        let mut item = Item::new(
            format!(
                "{}: ExpressRoute gateway",
                element_comment(node.id.as_str(), &node.name)
            ),
            Block::builder("resource")
                .add_label(GATEWAY)
                .add_label(name.as_str())
                .add_attribute(("name", format!("{}-ergw", node.id)))
                .add_attribute(("location", region.region.as_str()))
                .add_attribute(("resource_group_name", rg(cx)))
                .add_attribute(("type", "ExpressRoute"))
                .add_attribute(("sku", gateway.sku.label()))
                .add_block(
                    Block::builder("ip_configuration")
                        .add_attribute(("subnet_id", subnet))
                        .build(),
                )
                .build(),
        );
        if let Some(units) = gateway.scale_units {
            item = item.note(format!("The design gives {units} scale units; set them in Azure (the azurerm gateway has no argument for them)"));
        }
        items.push(item);
        gateways.push((node.id.to_string(), name));
    }
    let gateways: FxHashMap<String, String> = gateways.into_iter().collect();
    for (c, circuit) in circuits.iter().zip(&circuit_names) {
        let Some(region) = c.region else { continue };
        let Some(gateway) = gateways.get(region.id.as_str()) else {
            continue;
        };
        let Some(azure) = region.as_azure() else {
            continue;
        };
        let link = c.link;
        let base = cx.id(link.id.as_str());
        let name = cx.claim(CONNECTION, &base);
        let mut block = Block::builder("resource")
            .add_label(CONNECTION)
            .add_label(name.as_str())
            .add_attribute(("name", format!("{}-{}", link.id, region.id)))
            .add_attribute(("location", azure.region.as_str()))
            .add_attribute(("resource_group_name", rg(cx)))
            .add_attribute(("type", "ExpressRoute"))
            .add_attribute((
                "virtual_network_gateway_id",
                reference(&[GATEWAY, gateway, "id"]),
            ))
            .add_attribute((
                "express_route_circuit_id",
                reference(&[CIRCUIT, circuit, "id"]),
            ));
        if c.er.fastpath {
            block = block.add_attribute(("express_route_gateway_bypass", true));
        }
        if let Some(peering) = private_peerings.get(link.id.as_str()) {
            block = block.add_attribute((
                "depends_on",
                Expression::Array(vec![reference(&[PEERING, peering])]),
            ));
        }
        items.push(Item::new(
            format!(
                "{}: connection to {} \"{}\"",
                element_comment(link.id.as_str(), link.label()),
                region.id,
                region.name
            ),
            block.build(),
        ));
    }

    // Global Reach: one connection per pair of circuits, between their private peerings.
    let mut pairs_done: Vec<(String, String)> = Vec::new();
    for c in &circuits {
        for other in &c.er.global_reach {
            let (a, b) = (c.link.id.to_string(), other.to_string());
            if pairs_done
                .iter()
                .any(|(x, y)| (x == &a && y == &b) || (x == &b && y == &a))
            {
                continue;
            }
            pairs_done.push((a.clone(), b.clone()));
            let peering_of = |id: &str| private_peerings.get(id).cloned();
            let (Some(pa), Some(pb)) = (peering_of(&a), peering_of(&b)) else {
                cx.notes.push(format!(
                    "Global Reach between {a} and {b} left out: Global Reach joins two circuits' private peerings, and the design gives {} none",
                    if peering_of(&a).is_none() { &a } else { &b }
                ));
                continue;
            };
            let base = format!("{}_{}", cx.id(&a), cx.id(&b));
            let name = cx.claim(GLOBAL_REACH, &base);
            let prefix = cx.vars.var(
                &format!("{base}_global_reach_prefix"),
                "string",
                format!(
                    "IPv4 /29 subnet for the Global Reach connection between circuits {a} and {b}"
                ),
            );
            items.push(Item::new(
                format!(
                    "{}: Global Reach to {b}",
                    element_comment(&a, c.link.label())
                ),
                Block::builder("resource")
                    .add_label(GLOBAL_REACH)
                    .add_label(name.as_str())
                    .add_attribute(("name", format!("{a}-{b}")))
                    .add_attribute(("peering_id", reference(&[PEERING, &pa, "id"])))
                    .add_attribute(("peer_peering_id", reference(&[PEERING, &pb, "id"])))
                    .add_attribute(("address_prefix_ipv4", prefix))
                    .build(),
            ));
        }
    }
    items.extend(vpn_resources(design, cx));
    items
}

/// `var.REGION_gateway_subnet_id`: the hub VNet's GatewaySubnet, which the ExpressRoute and
/// the VPN gateway of a region share.
fn gateway_subnet(cx: &mut Cx, node: &Node, region: &str) -> Expression {
    cx.vars.var(
        &format!("{}_gateway_subnet_id", cx.id(node.id.as_str())),
        "string",
        format!(
            "Resource id of the GatewaySubnet of the hub VNet of {} \"{}\" ({region})",
            node.id, node.name
        ),
    )
}

/// Each region's VPN gateway (type Vpn, the design's SKU), and per site-to-site VPN into an
/// Azure region a local network gateway (the site's device and prefixes) and an IPsec
/// connection from the region's VPN gateway to it.
fn vpn_resources(design: &Design, cx: &mut Cx) -> Vec<Item> {
    let rg = |cx: &mut Cx| {
        cx.vars.var(
            "azure_resource_group_name",
            "string",
            "Name of the existing Azure resource group that holds every azurerm resource of this export",
        )
    };
    let mut items = Vec::new();
    let mut gateways: Vec<(String, String)> = Vec::new(); // (region node id, resource name)
    for node in &design.nodes {
        let NodeKind::AzureRegion(region) = &node.kind else {
            continue;
        };
        let Some(gateway) = &region.vpn_gateway else {
            continue;
        };
        let base = cx.id(node.id.as_str());
        let name = cx.claim(GATEWAY, &format!("{base}_vpn"));
        let public_ip = cx.vars.var(
            &format!("{base}_vpn_gateway_public_ip_id"),
            "string",
            format!(
                "Resource id of the public IP address of the VPN gateway of {} \"{}\" ({})",
                node.id, node.name, region.region
            ),
        );
        let subnet = gateway_subnet(cx, node, &region.region);
        let mut block = Block::builder("resource")
            .add_label(GATEWAY)
            .add_label(name.as_str())
            .add_attribute(("name", format!("{}-vpngw", node.id)))
            .add_attribute(("location", region.region.as_str()))
            .add_attribute(("resource_group_name", rg(cx)))
            .add_attribute(("type", "Vpn"))
            .add_attribute(("sku", gateway.sku.label()));
        if let Some(generation) = gateway.generation {
            block = block.add_attribute(("generation", generation.label()));
        }
        block = block.add_block(
            Block::builder("ip_configuration")
                .add_attribute(("public_ip_address_id", public_ip))
                .add_attribute(("subnet_id", subnet))
                .build(),
        );
        items.push(Item::new(
            format!(
                "{}: VPN gateway",
                element_comment(node.id.as_str(), &node.name)
            ),
            block.build(),
        ));
        gateways.push((node.id.to_string(), name));
    }
    // ((site, region), resource): one lookup per VPN, so the export stays linear in sites.
    let mut local_gateways: FxHashMap<(String, String), String> = FxHashMap::default();
    let gateways: FxHashMap<String, String> = gateways.into_iter().collect();
    for v in super::vpns(design) {
        let Some(azure) = v.region.as_azure() else {
            continue;
        };
        let link = v.link;
        let base = cx.id(link.id.as_str());
        let comment = element_comment(link.id.as_str(), link.label());
        // One local network gateway per site and region, whichever VPNs use it.
        let key = (v.site.id.to_string(), azure.region.clone());
        let local = match local_gateways.get(&key) {
            Some(name) => name.clone(),
            None => {
                let site = cx.id(v.site.id.as_str());
                let mut normalised: Vec<String> = Vec::new(); // "10.30.5.9/24 is written as 10.30.5.0/24"
                let prefixes = v
                    .site
                    .as_site()
                    .map(|s| s.prefixes.as_slice())
                    .unwrap_or(&[]);
                let address_space = if prefixes.is_empty() {
                    cx.vars.var(
                        &format!("{site}_address_space"),
                        "list(string)",
                        format!(
                            "Prefixes (CIDRs) of site {} \"{}\" reached over its VPNs (the design gives the site none)",
                            v.site.id, v.site.name
                        ),
                    )
                } else {
                    // Azure wants network addresses: a prefix with host bits (10.30.5.9/24) is
                    // written as its network (10.30.5.0/24), and the user is told.
                    let mut written = Vec::new();
                    for p in prefixes {
                        let network = p.network();
                        if network.to_string() != p.to_string() {
                            normalised.push(format!("{p} is written as {network}"));
                        }
                        written.push(Expression::from(network.to_string()));
                    }
                    Expression::Array(written)
                };
                let ip = cx.site_vpn_ip(v.site);
                let local = cx.claim(
                    LOCAL_GATEWAY,
                    &format!("{site}_{}", super::identifier(&azure.region)),
                );
                let mut item = Item::new(
                    format!(
                        "{}: local network gateway in {} (the site's VPN device and prefixes)",
                        element_comment(v.site.id.as_str(), &v.site.name),
                        azure.region
                    ),
                    Block::builder("resource")
                        .add_label(LOCAL_GATEWAY)
                        .add_label(local.as_str())
                        .add_attribute(("name", format!("{}-{}", v.site.id, azure.region)))
                        .add_attribute(("location", azure.region.as_str()))
                        .add_attribute(("resource_group_name", rg(cx)))
                        .add_attribute(("gateway_address", ip))
                        .add_attribute(("address_space", address_space))
                        .build(),
                );
                if !normalised.is_empty() {
                    let note = format!(
                        "address_space takes network addresses, and the design gives {} with host bits set: {}",
                        crate::model::count(normalised.len(), "prefix", "prefixes"),
                        normalised.join(", ")
                    );
                    cx.notes.push(format!(
                        "{} (local network gateway in {}): {note}",
                        v.site.id, azure.region
                    ));
                    item = item.note(note);
                }
                items.push(item);
                local_gateways.insert(key, local.clone());
                local
            }
        };
        let gateway = match gateways.get(v.region.id.as_str()) {
            Some(name) => reference(&[GATEWAY, name, "id"]),
            None => cx.vars.var(
                &format!("{}_vpn_gateway_id", cx.id(v.region.id.as_str())),
                "string",
                format!(
                    "Resource id of the VPN gateway (virtual network gateway of type Vpn) of {} \"{}\" ({}): the design gives the region none",
                    v.region.id, v.region.name, azure.region
                ),
            ),
        };
        let key = cx.vars.secret(
            &format!("{base}_shared_key"),
            format!(
                "IPsec shared key of VPN {} \"{}\" (the same key is set on the device at {})",
                link.id,
                link.label(),
                v.site.id
            ),
        );
        let name = cx.claim(CONNECTION, &base);
        let mut item = Item::new(
            format!(
                "{comment}: IPsec connection to {} \"{}\"",
                v.region.id, v.region.name
            ),
            Block::builder("resource")
                .add_label(CONNECTION)
                .add_label(name.as_str())
                .add_attribute(("name", format!("{}-{}", link.id, v.region.id)))
                .add_attribute(("location", azure.region.as_str()))
                .add_attribute(("resource_group_name", rg(cx)))
                .add_attribute(("type", "IPsec"))
                .add_attribute(("virtual_network_gateway_id", gateway))
                .add_attribute((
                    "local_network_gateway_id",
                    reference(&[LOCAL_GATEWAY, &local, "id"]),
                ))
                .add_attribute(("shared_key", key))
                .build(),
        );
        // Settings of AWS VPNs the design may hold on an Azure one: left out, and said so.
        let mut left_out = Vec::new();
        if v.vpn.tunnels != 2 {
            left_out.push(format!(
                "The design gives {}: not written, the export makes one IPsec connection per Azure VPN and sets no tunnel count",
                crate::model::count(v.vpn.tunnels as usize, "tunnel", "tunnels")
            ));
        }
        if v.vpn.large_tunnels {
            left_out.push(
                "The design asks for Large (5 Gbps) tunnels: not written, they are an option of AWS VPN connections to a Transit Gateway, not of an Azure VPN gateway's connections".to_string(),
            );
        }
        if v.vpn.on_transit_gateway {
            left_out.push(
                "The design puts the VPN on a Transit Gateway: not written, that is an AWS gateway; the connection ends on the region's VPN gateway".to_string(),
            );
        }
        for note in left_out {
            cx.notes.push(format!("{}: {note}", link.id));
            item = item.note(note);
        }
        items.push(item);
    }
    items
}

/// The peer ASN, VLAN and the two /30 subnets of a peering.
fn peering_body(
    cx: &mut Cx,
    mut block: hcl::structure::BlockBuilder,
    base: &str,
    kind: &str,
    link: &Link,
    peer_asn: Option<u32>,
    vlan: Option<u16>,
) -> hcl::structure::BlockBuilder {
    let what = format!(
        "the {kind} peering of circuit {} \"{}\"",
        link.id,
        link.label()
    );
    let asn = match peer_asn {
        Some(asn) => Expression::from(u64::from(asn)),
        None => cx.vars.var(
            &format!("{base}_{kind}_peer_asn"),
            "number",
            format!("Customer (peer) ASN of {what}"),
        ),
    };
    let vlan = match vlan {
        Some(vlan) => Expression::from(u64::from(vlan)),
        None => cx.vars.var(
            &format!("{base}_{kind}_vlan_id"),
            "number",
            format!("VLAN id of {what}"),
        ),
    };
    let primary = cx.vars.var(
        &format!("{base}_{kind}_primary_peer_address_prefix"),
        "string",
        format!("/30 subnet of the primary link of {what}"),
    );
    let secondary = cx.vars.var(
        &format!("{base}_{kind}_secondary_peer_address_prefix"),
        "string",
        format!("/30 subnet of the secondary link of {what}"),
    );
    block = block
        .add_attribute(("peer_asn", asn))
        .add_attribute(("vlan_id", vlan))
        .add_attribute(("primary_peer_address_prefix", primary))
        .add_attribute(("secondary_peer_address_prefix", secondary));
    block
}

/// The facility's ExpressRoute peering location, or a variable when it names none.
fn peering_location(cx: &mut Cx, facility: &Node, base: &str, what: &str) -> Expression {
    match facility
        .as_facility()
        .and_then(|f| f.er_peering_location.as_deref())
    {
        Some(location) => Expression::from(location),
        None => cx.vars.var(
            &format!("{base}_peering_location"),
            "string",
            format!(
                "ExpressRoute peering location of {what} at {} \"{}\" (the facility names none)",
                facility.id, facility.name
            ),
        ),
    }
}

/// The circuit's resource location: the Azure region the design connects it to.
fn region_of(cx: &mut Cx, c: &Circuit<'_>, base: &str) -> Expression {
    match c.region.and_then(|r| r.as_azure()) {
        Some(a) => Expression::from(a.region.as_str()),
        None => cx.vars.var(
            &format!("{base}_location"),
            "string",
            format!(
                "Azure region (resource location) of circuit {} \"{}\"",
                c.link.id,
                c.link.label()
            ),
        ),
    }
}

/// Gbps as the provider's number: whole where whole (10), else decimal (2.5).
fn gbps(mbps: u64) -> Expression {
    if mbps % 1000 == 0 {
        Expression::from(mbps / 1000)
    } else {
        Expression::from(mbps as f64 / 1000.0)
    }
}

fn tier(t: ErSkuTier) -> &'static str {
    match t {
        ErSkuTier::Local => "Local",
        ErSkuTier::Standard => "Standard",
        ErSkuTier::Premium => "Premium",
    }
}

fn family(b: ErBilling) -> &'static str {
    match b {
        ErBilling::Metered => "MeteredData",
        ErBilling::Unlimited => "UnlimitedData",
    }
}

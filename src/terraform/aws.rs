//! aws resources: Direct Connect connections, LAGs and their members, hosted connections
//! (accepted), Direct Connect gateways, virtual private gateways, Transit Gateways and their
//! VPC and peering attachments, gateway associations, private / transit / public VIFs, and
//! site-to-site VPNs (a customer gateway and a VPN connection to the region's Transit Gateway
//! or virtual private gateway).

use super::{Cx, ExportError, Item, element_comment, reference};
use crate::catalog::Catalog;
use crate::model::{AwsAttachment, AwsRegion, Design, DxConnectionType, LinkKind, Node, VifType};
use hcl::Block;
use hcl::expr::Expression;
use rustc_hash::{FxHashMap, FxHashSet};

const CONNECTION: &str = "aws_dx_connection";
const CONFIRMATION: &str = "aws_dx_connection_confirmation";
const LAG: &str = "aws_dx_lag";
const ASSOCIATION_LAG: &str = "aws_dx_connection_association";
const DX_GATEWAY: &str = "aws_dx_gateway";
const VGW: &str = "aws_vpn_gateway";
const TGW: &str = "aws_ec2_transit_gateway";
const TGW_VPC: &str = "aws_ec2_transit_gateway_vpc_attachment";
const TGW_PEERING: &str = "aws_ec2_transit_gateway_peering_attachment";
const GATEWAY_ASSOCIATION: &str = "aws_dx_gateway_association";
const PRIVATE_VIF: &str = "aws_dx_private_virtual_interface";
const TRANSIT_VIF: &str = "aws_dx_transit_virtual_interface";
const PUBLIC_VIF: &str = "aws_dx_public_virtual_interface";
const CUSTOMER_GATEWAY: &str = "aws_customer_gateway";
const VPN_CONNECTION: &str = "aws_vpn_connection";
/// The only VPN type AWS supports (`aws_customer_gateway.type`, `aws_vpn_connection.type`).
const IPSEC: &str = "ipsec.1";

/// The largest ASN `aws_customer_gateway.bgp_asn` takes (AWS CreateCustomerGateway: BgpAsn
/// 1 to 2,147,483,647; larger ASNs go in BgpAsnExtended).
const BGP_ASN_MAX: u32 = 2_147_483_647;

/// Why a customer gateway's ASN is written as `bgp_asn_extended`.
const EXTENDED_ASN: &str = "The site's ASN is above 2,147,483,647, so it is written as bgp_asn_extended (bgp_asn takes 1 to 2,147,483,647); that argument needs aws provider 5.53.0 or later, which ~> 5.0 allows but an older lock file may hold back (terraform init -upgrade)";

/// Large tunnels on a Transit Gateway VPN: possible in AWS, not written.
const LARGE_ON_TGW: &str = "The design asks for Large (5 Gbps) tunnels: set the connection's tunnel bandwidth to large in AWS (not written: the aws provider documentation read for the pinned ~> 5.0 has no argument for it)";

/// Large tunnels on a virtual private gateway VPN: AWS does not offer them.
const LARGE_ON_VGW: &str = "The design asks for Large (5 Gbps) tunnels, which AWS offers only on a VPN connection to a Transit Gateway (or Cloud WAN), not to a virtual private gateway: this connection gets Standard (1.25 Gbps) tunnels unless the VPN moves to a Transit Gateway";

/// Why the VIFs of a "LAG" of hosted connections are not written.
const HOSTED_LAG: &str = "its VIFs are left out: the design bundles several hosted connections, and AWS offers LAGs of dedicated connections only";

/// Why SiteLink on a public VIF is not written.
const PUBLIC_SITELINK: &str = "SiteLink is not written: the design enables it on a public VIF, and it is a setting of private and transit VIFs only";

/// The gateways made for one AWS region node.
#[derive(Default, Clone)]
struct RegionGateways {
    dx_gateway: Option<String>,
    vgw: Option<String>,
    tgw: Option<String>,
}

/// The Direct Connect bandwidth in the provider's format: "50Mbps" … "500Mbps", "1Gbps",
/// "10Gbps", "100Gbps", "400Gbps".
pub fn bandwidth(element: &str, mbps: u64) -> Result<String, ExportError> {
    match mbps {
        1..=999 => Ok(format!("{mbps}Mbps")),
        _ if mbps % 1000 == 0 && mbps > 0 => Ok(format!("{}Gbps", mbps / 1000)),
        _ => Err(ExportError::Bandwidth {
            element: element.to_string(),
            mbps,
        }),
    }
}

pub(super) fn resources(
    design: &Design,
    catalog: &Catalog,
    cx: &mut Cx,
) -> Result<Vec<Item>, ExportError> {
    let mut items = Vec::new();
    let nodes = design.node_index();
    let node = |id: &str| nodes.get(id).map(|&i| &design.nodes[i]);
    let vpns: Vec<super::Vpn<'_>> = super::vpns(design)
        .into_iter()
        .filter(|v| v.region.as_aws().is_some())
        .collect();
    // The gateway each region's VPNs end on: a VPN says whether it is on a Transit Gateway;
    // otherwise it is on the region's virtual private gateway.
    let vpn_ends: FxHashSet<(&str, bool)> = vpns
        .iter()
        .map(|v| (v.region.id.as_str(), v.vpn.on_transit_gateway))
        .collect();
    let vpn_on = |region: &Node, tgw: bool| vpn_ends.contains(&(region.id.as_str(), tgw));

    // Gateways per region: Direct Connect gateways (one per name), VGWs, Transit Gateways.
    let mut gateways: Vec<(String, RegionGateways)> = Vec::new();
    let mut dx_gateway_names: Vec<(String, String)> = Vec::new(); // (gateway name, resource)
    for n in &design.nodes {
        let Some(region) = n.as_aws() else { continue };
        let base = cx.id(n.id.as_str());
        let provider = cx.aws_provider(&region.region);
        let comment = element_comment(n.id.as_str(), &n.name);
        let mut made = RegionGateways::default();
        let uses_dx_gateway = matches!(
            region.attachment,
            AwsAttachment::DxGatewayVgw | AwsAttachment::DxGatewayTgw
        );
        if uses_dx_gateway {
            let known = region
                .dx_gateway
                .as_deref()
                .and_then(|g| dx_gateway_names.iter().find(|(name, _)| name == g));
            if let Some((_, resource)) = known {
                made.dx_gateway = Some(resource.clone());
            } else {
                let resource = cx.claim(DX_GATEWAY, &base);
                let name = match &region.dx_gateway {
                    Some(g) => Expression::from(g.as_str()),
                    None => cx.vars.var(
                        &format!("{base}_dx_gateway_name"),
                        "string",
                        format!("Name of the Direct Connect gateway of {} \"{}\" (the design names none)", n.id, n.name),
                    ),
                };
                // amazon_side_asn is a string argument in the aws provider.
                let asn = match region.dx_gateway_asn {
                    Some(asn) => Expression::from(asn.to_string()),
                    None => cx.vars.var(
                        &format!("{base}_dx_gateway_asn"),
                        "string",
                        format!("Amazon-side ASN of the Direct Connect gateway of {} \"{}\" (the design does not give it)", n.id, n.name),
                    ),
                };
                items.push(Item::new(
                    format!("{comment}: Direct Connect gateway"),
                    Block::builder("resource")
                        .add_label(DX_GATEWAY)
                        .add_label(resource.as_str())
                        .add_attribute(("provider", provider.clone()))
                        .add_attribute(("name", name))
                        .add_attribute(("amazon_side_asn", asn))
                        .build(),
                ));
                if let Some(g) = &region.dx_gateway {
                    dx_gateway_names.push((g.clone(), resource.clone()));
                }
                made.dx_gateway = Some(resource);
            }
        }
        if matches!(
            region.attachment,
            AwsAttachment::VirtualPrivateGateway | AwsAttachment::DxGatewayVgw
        ) || vpn_on(n, false)
        {
            let resource = cx.claim(VGW, &base);
            let vpc = cx.vars.var(
                &format!("{base}_vpc_id"),
                "string",
                format!(
                    "Id of the VPC the virtual private gateway of {} \"{}\" is attached to",
                    n.id, n.name
                ),
            );
            let mut block = Block::builder("resource")
                .add_label(VGW)
                .add_label(resource.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute(("vpc_id", vpc));
            if let Some(asn) = region.vgw_asn {
                block = block.add_attribute(("amazon_side_asn", asn.to_string()));
            }
            block = block.add_attribute(("tags", name_tag(&n.name)));
            items.push(Item::new(
                format!("{comment}: virtual private gateway"),
                block.build(),
            ));
            made.vgw = Some(resource);
        }
        let has_tgw = region.attachment == AwsAttachment::DxGatewayTgw
            || !region.tgw_vpc_attachments.is_empty()
            || !region.tgw_peering_attachments.is_empty()
            || vpn_on(n, true);
        if has_tgw {
            let resource = cx.claim(TGW, &base);
            let mut block = Block::builder("resource")
                .add_label(TGW)
                .add_label(resource.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute(("description", n.name.as_str()));
            if let Some(asn) = region.tgw_asn {
                block = block.add_attribute(("amazon_side_asn", u64::from(asn)));
            }
            items.push(Item::new(
                format!("{comment}: Transit Gateway"),
                block.build(),
            ));
            made.tgw = Some(resource);
        }
        // The gateway association: the Direct Connect gateway to the VGW or Transit Gateway.
        let associated = match region.attachment {
            AwsAttachment::DxGatewayVgw => made.vgw.as_ref().map(|g| reference(&[VGW, g, "id"])),
            AwsAttachment::DxGatewayTgw => made.tgw.as_ref().map(|g| reference(&[TGW, g, "id"])),
            AwsAttachment::VirtualPrivateGateway => None,
        };
        if let (Some(dx_gateway), Some(associated)) = (&made.dx_gateway, associated) {
            let resource = cx.claim(GATEWAY_ASSOCIATION, &base);
            let mut block = Block::builder("resource")
                .add_label(GATEWAY_ASSOCIATION)
                .add_label(resource.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute(("dx_gateway_id", reference(&[DX_GATEWAY, dx_gateway, "id"])))
                .add_attribute(("associated_gateway_id", associated));
            if !region.vpc_cidrs.is_empty() {
                let prefixes: Vec<Expression> = region
                    .vpc_cidrs
                    .iter()
                    .map(|c| Expression::from(c.to_string()))
                    .collect();
                block = block.add_attribute(("allowed_prefixes", Expression::Array(prefixes)));
            }
            items.push(Item::new(
                format!("{comment}: gateway association"),
                block.build(),
            ));
        }
        items.extend(tgw_attachments(
            cx,
            n,
            region,
            &base,
            &made,
            provider.clone(),
        ));
        gateways.push((n.id.to_string(), made));
    }
    // Peering attachments name the peer region's Transit Gateway when the design has one.
    resolve_tgw_peers(design, cx, &gateways, &mut items);

    // Site-to-site VPNs: a customer gateway for the site's device, a VPN connection from it to
    // the region's Transit Gateway or virtual private gateway.
    // ((site, region), resource), and each region node's gateways by its id: one lookup per
    // VPN, so the export stays linear in the number of sites.
    let mut customer_gateways: FxHashMap<(String, String), String> = FxHashMap::default();
    let gateways_of: FxHashMap<&str, &RegionGateways> =
        gateways.iter().map(|(id, g)| (id.as_str(), g)).collect();
    for v in &vpns {
        let Some(region) = v.region.as_aws() else {
            continue;
        };
        let Some(made) = gateways_of.get(v.region.id.as_str()).copied() else {
            continue;
        };
        let link = v.link;
        let base = cx.id(link.id.as_str());
        let provider = cx.aws_provider(&region.region);
        let comment = element_comment(link.id.as_str(), link.label());
        // One customer gateway per site and region, whichever VPNs use it: AWS answers a
        // second identical request with the existing gateway.
        let key = (v.site.id.to_string(), region.region.clone());
        let cgw = match customer_gateways.get(&key) {
            Some(name) => name.clone(),
            None => {
                let site = cx.id(v.site.id.as_str());
                // `bgp_asn` takes 1 to 2,147,483,647; a larger (4-byte) ASN goes in
                // `bgp_asn_extended` (2,147,483,648 to 4,294,967,295), which conflicts with it
                // and needs aws provider 5.53.0 or later (docs/REFERENCE.md).
                let mut asn_key = "bgp_asn";
                let asn = match v.site.as_site().and_then(|s| s.asn) {
                    Some(asn) => {
                        if asn > BGP_ASN_MAX {
                            asn_key = "bgp_asn_extended";
                        }
                        Expression::from(u64::from(asn))
                    }
                    None => cx.vars.var(
                        &format!("{site}_bgp_asn"),
                        "number",
                        format!(
                            "BGP ASN of the VPN device at site {} \"{}\" (the design gives the site none)",
                            v.site.id, v.site.name
                        ),
                    ),
                };
                let ip = cx.site_vpn_ip(v.site);
                let cgw = cx.claim(
                    CUSTOMER_GATEWAY,
                    &format!("{site}_{}", super::identifier(&region.region)),
                );
                let mut item = Item::new(
                    format!(
                        "{}: customer gateway in {} (the site's VPN device)",
                        element_comment(v.site.id.as_str(), &v.site.name),
                        region.region
                    ),
                    Block::builder("resource")
                        .add_label(CUSTOMER_GATEWAY)
                        .add_label(cgw.as_str())
                        .add_attribute(("provider", provider.clone()))
                        .add_attribute((asn_key, asn))
                        .add_attribute(("ip_address", ip))
                        .add_attribute(("type", IPSEC))
                        .add_attribute(("tags", name_tag(&v.site.name)))
                        .build(),
                );
                if asn_key == "bgp_asn_extended" {
                    cx.notes.push(format!(
                        "{} (customer gateway in {}): {EXTENDED_ASN}",
                        v.site.id, region.region
                    ));
                    item = item.note(EXTENDED_ASN);
                }
                items.push(item);
                customer_gateways.insert(key, cgw.clone());
                cgw
            }
        };
        let (key, gateway) = if v.vpn.on_transit_gateway {
            (
                "transit_gateway_id",
                made.tgw.as_ref().map(|g| reference(&[TGW, g, "id"])),
            )
        } else {
            (
                "vpn_gateway_id",
                made.vgw.as_ref().map(|g| reference(&[VGW, g, "id"])),
            )
        };
        let Some(gateway) = gateway else { continue };
        let connection = cx.claim(VPN_CONNECTION, &base);
        let mut item = Item::new(
            format!(
                "{comment}: VPN connection to the {} of {} \"{}\"",
                if v.vpn.on_transit_gateway {
                    "Transit Gateway"
                } else {
                    "virtual private gateway"
                },
                v.region.id,
                v.region.name
            ),
            Block::builder("resource")
                .add_label(VPN_CONNECTION)
                .add_label(connection.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute((
                    "customer_gateway_id",
                    reference(&[CUSTOMER_GATEWAY, &cgw, "id"]),
                ))
                .add_attribute((key, gateway))
                .add_attribute(("type", IPSEC))
                .add_attribute(("tags", name_tag(link.label())))
                .build(),
        );
        if v.vpn.tunnels != 2 {
            let note = format!(
                "The design gives {}; an AWS Site-to-Site VPN connection always has two",
                crate::model::count(v.vpn.tunnels as usize, "tunnel", "tunnels")
            );
            cx.notes.push(format!("{}: {note}", link.id));
            item = item.note(note);
        }
        if v.vpn.large_tunnels {
            // AWS offers Large tunnels on Transit Gateway (and Cloud WAN) connections only, not
            // on a virtual private gateway (docs/REFERENCE.md, AWS-VPN-TUNNELS).
            let note = if v.vpn.on_transit_gateway {
                LARGE_ON_TGW
            } else {
                LARGE_ON_VGW
            };
            cx.notes.push(format!("{}: {note}", link.id));
            item = item.note(note);
        }
        items.push(item);
    }

    // Connections, LAGs and hosted connections, with their VIFs.
    for link in &design.links {
        let LinkKind::DirectConnectConnection(dx) = &link.kind else {
            continue;
        };
        let ends = [node(link.a.as_str()), node(link.b.as_str())];
        let facility = ends
            .into_iter()
            .flatten()
            .find(|n| n.as_facility().is_some());
        let region_node = ends.into_iter().flatten().find(|n| n.as_aws().is_some());
        let base = cx.id(link.id.as_str());
        let comment = element_comment(link.id.as_str(), link.label());
        let location_code = facility
            .and_then(|f| f.as_facility())
            .and_then(|f| f.dx_location.clone());
        // A connection is created in its location's home region (catalog); else in the
        // region the design connects it to.
        let home = location_code
            .as_deref()
            .and_then(|code| catalog.dx_location(code))
            .map(|l| l.home_region.clone())
            .or_else(|| {
                region_node
                    .and_then(|r| r.as_aws())
                    .map(|a| a.region.clone())
            });
        let Some(home) = home else {
            cx.notes
                .push(format!("{}: left out, it reaches no AWS region", link.id));
            continue;
        };
        let provider = cx.aws_provider(&home);
        // A dedicated connection's location (a hosted one's is the partner's business).
        let location = if dx.connection_type == DxConnectionType::Dedicated {
            match &location_code {
                Some(code) => Expression::from(code.as_str()),
                None => cx.vars.var(
                    &format!("{base}_location"),
                    "string",
                    format!(
                        "Direct Connect location code of connection {} \"{}\" (its facility names none)",
                        link.id,
                        link.label()
                    ),
                ),
            }
        } else {
            Expression::Null
        };
        let members = dx.lag_members.max(1);
        // The id the VIFs are created on.
        let on: Option<Expression> = match dx.connection_type {
            DxConnectionType::Dedicated if members == 1 => {
                let resource = cx.claim(CONNECTION, &base);
                let mut block = Block::builder("resource")
                    .add_label(CONNECTION)
                    .add_label(resource.as_str())
                    .add_attribute(("provider", provider.clone()))
                    .add_attribute(("name", link.label()))
                    .add_attribute(("bandwidth", bandwidth(link.id.as_str(), dx.capacity_mbps)?))
                    .add_attribute(("location", location.clone()));
                if dx.macsec {
                    block = block.add_attribute(("request_macsec", true));
                }
                items.push(Item::new(comment.clone(), block.build()));
                Some(reference(&[CONNECTION, &resource, "id"]))
            }
            DxConnectionType::Dedicated => {
                let lag = cx.claim(LAG, &base);
                let speed = bandwidth(link.id.as_str(), dx.capacity_mbps)?;
                items.push(Item::new(
                    format!("{comment}: LAG of {members} connections"),
                    Block::builder("resource")
                        .add_label(LAG)
                        .add_label(lag.as_str())
                        .add_attribute(("provider", provider.clone()))
                        .add_attribute(("name", link.label()))
                        .add_attribute(("connections_bandwidth", speed.as_str()))
                        .add_attribute(("location", location.clone()))
                        .build(),
                ));
                for k in 1..=members {
                    let member = cx.claim(CONNECTION, &format!("{base}_{k}"));
                    let mut block = Block::builder("resource")
                        .add_label(CONNECTION)
                        .add_label(member.as_str())
                        .add_attribute(("provider", provider.clone()))
                        .add_attribute(("name", format!("{} member {k}", link.label())))
                        .add_attribute(("bandwidth", speed.as_str()))
                        .add_attribute(("location", location.clone()));
                    if dx.macsec {
                        block = block.add_attribute(("request_macsec", true));
                    }
                    items.push(Item::new(
                        format!("{comment}: LAG member {k} of {members}"),
                        block.build(),
                    ));
                    let association = cx.claim(ASSOCIATION_LAG, &format!("{base}_{k}"));
                    items.push(Item::new(
                        format!("{comment}: LAG member {k} of {members} in the LAG"),
                        Block::builder("resource")
                            .add_label(ASSOCIATION_LAG)
                            .add_label(association.as_str())
                            .add_attribute(("provider", provider.clone()))
                            .add_attribute((
                                "connection_id",
                                reference(&[CONNECTION, &member, "id"]),
                            ))
                            .add_attribute(("lag_id", reference(&[LAG, &lag, "id"])))
                            .build(),
                    ));
                }
                Some(reference(&[LAG, &lag, "id"]))
            }
            DxConnectionType::Hosted => {
                let partner = if dx.partner.is_empty() {
                    "the partner".to_string()
                } else {
                    dx.partner.clone()
                };
                let mut first = None;
                for k in 1..=members {
                    let (suffix, what) = if members == 1 {
                        (String::new(), String::new())
                    } else {
                        (format!("_{k}"), format!(" (member {k} of {members})"))
                    };
                    let id = cx.vars.var(
                        &format!("{base}{suffix}_connection_id"),
                        "string",
                        format!(
                            "Id (dxcon-…) of the hosted connection {} \"{}\"{what} that {partner} provisions in this account",
                            link.id,
                            link.label()
                        ),
                    );
                    let resource = cx.claim(CONFIRMATION, &format!("{base}{suffix}"));
                    let mut item = Item::new(
                        format!("{comment}: accept the hosted connection{what}"),
                        Block::builder("resource")
                            .add_label(CONFIRMATION)
                            .add_label(resource.as_str())
                            .add_attribute(("provider", provider.clone()))
                            .add_attribute(("connection_id", id))
                            .build(),
                    );
                    if members > 1 {
                        item = item.note(HOSTED_LAG);
                    }
                    items.push(item);
                    first.get_or_insert(resource);
                }
                if members > 1 {
                    cx.notes.push(format!("{}: {HOSTED_LAG}", link.id));
                    None
                } else {
                    first.map(|r| reference(&[CONFIRMATION, &r, "id"]))
                }
            }
        };
        let Some(on) = on else { continue };
        let made = region_node
            .and_then(|r| gateways_of.get(r.id.as_str()))
            .map(|g| (*g).clone())
            .unwrap_or_default();
        for vif in &dx.vifs {
            let vif_base = format!("{base}_{}", super::identifier(&vif.name));
            let what = format!(
                "VIF {} of connection {} \"{}\"",
                vif.name,
                link.id,
                link.label()
            );
            let family = cx.vars.var(
                "aws_dx_vif_address_family",
                "string",
                "Address family (ipv4 or ipv6) of the BGP peers of every Direct Connect VIF of this export (the design does not say)",
            );
            let (resource_type, gateway) = match vif.vif_type {
                VifType::Private => match (&made.dx_gateway, &made.vgw) {
                    (Some(dxgw), _) => (
                        PRIVATE_VIF,
                        Some(("dx_gateway_id", reference(&[DX_GATEWAY, dxgw, "id"]))),
                    ),
                    (None, Some(vgw)) => (
                        PRIVATE_VIF,
                        Some(("vpn_gateway_id", reference(&[VGW, vgw, "id"]))),
                    ),
                    (None, None) => (PRIVATE_VIF, None),
                },
                VifType::Transit => (
                    TRANSIT_VIF,
                    made.dx_gateway
                        .as_ref()
                        .map(|g| ("dx_gateway_id", reference(&[DX_GATEWAY, g, "id"]))),
                ),
                VifType::Public => (PUBLIC_VIF, None),
            };
            if vif.vif_type != VifType::Public && gateway.is_none() {
                cx.notes.push(format!(
                    "{what}: left out: a {} VIF ends on a gateway, and its region has none it can use",
                    vif.vif_type.label()
                ));
                continue;
            }
            let resource = cx.claim(resource_type, &vif_base);
            let mut block = Block::builder("resource")
                .add_label(resource_type)
                .add_label(resource.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute(("connection_id", on.clone()))
                .add_attribute(("name", vif.name.as_str()))
                .add_attribute(("vlan", u64::from(vif.vlan)))
                .add_attribute(("address_family", family))
                .add_attribute(("bgp_asn", u64::from(vif.customer_asn)));
            if let Some((key, gateway)) = gateway {
                block = block.add_attribute((key, gateway));
            }
            if vif.vif_type == VifType::Public {
                let amazon = cx.vars.var(
                    &format!("{vif_base}_amazon_address"),
                    "string",
                    format!("Amazon-side IPv4 address (CIDR) of the BGP peer of public {what}"),
                );
                let customer = cx.vars.var(
                    &format!("{vif_base}_customer_address"),
                    "string",
                    format!("Customer-side IPv4 address (CIDR) of the BGP peer of public {what}"),
                );
                let prefixes = cx.vars.var(
                    &format!("{vif_base}_route_filter_prefixes"),
                    "list(string)",
                    format!("Public prefixes advertised to AWS over public {what}"),
                );
                block = block
                    .add_attribute(("amazon_address", amazon))
                    .add_attribute(("customer_address", customer))
                    .add_attribute(("route_filter_prefixes", prefixes));
            } else {
                block = block.add_attribute(("mtu", u64::from(vif.mtu)));
                if vif.sitelink {
                    block = block.add_attribute(("sitelink_enabled", true));
                }
            }
            let mut item = Item::new(
                format!("{comment}: {} VIF {}", vif.vif_type.label(), vif.name),
                block.build(),
            );
            if vif.vif_type == VifType::Public && vif.sitelink {
                item = item.note(PUBLIC_SITELINK);
                cx.notes.push(format!("{what}: {PUBLIC_SITELINK}"));
            }
            items.push(item);
        }
    }
    Ok(items)
}

/// `tags = { Name = "..." }`.
fn name_tag(name: &str) -> Expression {
    let mut object = hcl::expr::Object::new();
    object.insert(
        hcl::expr::ObjectKey::Identifier(hcl::Identifier::sanitized("Name")),
        Expression::from(name),
    );
    Expression::Object(object)
}

/// The Transit Gateway's VPC attachments (peering attachments come later, once every
/// region's Transit Gateway is known).
fn tgw_attachments(
    cx: &mut Cx,
    n: &Node,
    region: &AwsRegion,
    base: &str,
    made: &RegionGateways,
    provider: Expression,
) -> Vec<Item> {
    let Some(tgw) = &made.tgw else {
        return Vec::new();
    };
    let mut items = Vec::new();
    for attachment in &region.tgw_vpc_attachments {
        let a_base = format!("{base}_{}", super::identifier(&attachment.name));
        let resource = cx.claim(TGW_VPC, &a_base);
        let what = format!(
            "VPC {} attached to the Transit Gateway of {} \"{}\"",
            attachment.name, n.id, n.name
        );
        let vpc = cx.vars.var(
            &format!("{a_base}_vpc_id"),
            "string",
            format!("Id of the {what}"),
        );
        let subnets = cx.vars.var(
            &format!("{a_base}_subnet_ids"),
            "list(string)",
            format!("Subnet ids (one per availability zone) of the attachment of the {what}"),
        );
        items.push(Item::new(
            format!(
                "{}: Transit Gateway VPC attachment {}",
                element_comment(n.id.as_str(), &n.name),
                attachment.name
            ),
            Block::builder("resource")
                .add_label(TGW_VPC)
                .add_label(resource.as_str())
                .add_attribute(("provider", provider.clone()))
                .add_attribute(("transit_gateway_id", reference(&[TGW, tgw, "id"])))
                .add_attribute(("vpc_id", vpc))
                .add_attribute(("subnet_ids", subnets))
                .add_attribute(("tags", name_tag(&attachment.name)))
                .build(),
        ));
    }
    items
}

/// Peering attachments: to the peer region's Transit Gateway when the design has one there,
/// else to a Transit Gateway id given as a variable.
fn resolve_tgw_peers(
    design: &Design,
    cx: &mut Cx,
    gateways: &[(String, RegionGateways)],
    items: &mut Vec<Item>,
) {
    // Each region node's Transit Gateway, and the first (in the design's order) of each AWS
    // region code: one lookup per node and per peering.
    let tgw_of: FxHashMap<&str, &str> = gateways
        .iter()
        .filter_map(|(id, g)| Some((id.as_str(), g.tgw.as_deref()?)))
        .collect();
    let mut tgw_in_region: FxHashMap<&str, &str> = FxHashMap::default();
    for m in &design.nodes {
        if let (Some(a), Some(tgw)) = (m.as_aws(), tgw_of.get(m.id.as_str())) {
            tgw_in_region.entry(a.region.as_str()).or_insert(tgw);
        }
    }
    for n in &design.nodes {
        let Some(region) = n.as_aws() else { continue };
        let Some(tgw) = tgw_of.get(n.id.as_str()).map(|t| (*t).to_string()) else {
            continue;
        };
        let base = cx.id(n.id.as_str());
        let provider = cx.aws_provider(&region.region);
        for peering in &region.tgw_peering_attachments {
            let p_base = format!("{base}_{}", super::identifier(&peering.name));
            let peer_tgw = tgw_in_region.get(peering.peer_region.as_str());
            let peer = match peer_tgw {
                Some(peer) => reference(&[TGW, peer, "id"]),
                None => cx.vars.var(
                    &format!("{p_base}_peer_transit_gateway_id"),
                    "string",
                    format!(
                        "Id of the Transit Gateway in {} that peering attachment {} of {} \"{}\" joins (not in the design)",
                        peering.peer_region, peering.name, n.id, n.name
                    ),
                ),
            };
            let resource = cx.claim(TGW_PEERING, &p_base);
            items.push(Item::new(
                format!(
                    "{}: Transit Gateway peering attachment {}",
                    element_comment(n.id.as_str(), &n.name),
                    peering.name
                ),
                Block::builder("resource")
                    .add_label(TGW_PEERING)
                    .add_label(resource.as_str())
                    .add_attribute(("provider", provider.clone()))
                    .add_attribute(("transit_gateway_id", reference(&[TGW, &tgw, "id"])))
                    .add_attribute(("peer_region", peering.peer_region.as_str()))
                    .add_attribute(("peer_transit_gateway_id", peer))
                    .add_attribute(("tags", name_tag(&peering.name)))
                    .build(),
            ));
        }
    }
}

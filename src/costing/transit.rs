//! Transit Gateway attachments and Azure VPN gateways, one line each.
//!
//! - **Transit Gateway VPC attachments** (reference 2.6): one line per attachment stated on the
//!   AWS region, attachment-hours on meter `aws.tgw.attachment` (dims `region`, `attachment` =
//!   `vpc`). The per-GB processing of what the VPCs send to the gateway is not repeated here:
//!   it is the per-demand line of the egress (`tgw_processing` in `mod.rs`), billed once per
//!   demand and path.
//! - **Transit Gateway peering attachments**: one line per attachment, attachment-hours on the
//!   same meter (`attachment` = `peering`); no data-processing line (reference 2.6: none in
//!   Infracost). Inter-region transfer over the peering is not costed: the design states no
//!   traffic between regions.
//! - The Direct Connect gateway association and VPN attachments stay where they are
//!   (`mod.rs`).
//! - **Azure VPN gateways**: one line per gateway, hours on meter `azure.vpn.gateway` (dims
//!   `sku`, `region`), not one per VPN. A region that VPNs end on without a stated gateway
//!   gives one unpriced line saying the SKU is not stated.

use super::{Biller, Category, Line, Pricer};
use crate::catalog::Catalog;
use crate::model::{Design, LinkKind, NodeKind, PriceUnit};
use serde_json::Value;

/// The lines of this module, added to `p`.
pub(super) fn cost(design: &Design, catalog: &Catalog, p: &mut Pricer<'_>, hours_milli: u64) {
    let node_index = design.node_index();
    // Azure regions that at least one site-to-site VPN ends on.
    let mut vpn_ends = vec![false; design.nodes.len()];
    for link in &design.links {
        if !matches!(link.kind, LinkKind::SiteToSiteVpn(_)) {
            continue;
        }
        for end in [&link.a, &link.b] {
            if let Some(&i) = node_index.get(end.as_str()) {
                vpn_ends[i] = true;
            }
        }
    }
    for (n, &has_vpn) in design.nodes.iter().zip(&vpn_ends) {
        let element = n.id.as_str();
        match &n.kind {
            NodeKind::AwsRegion(r) => {
                for vpc in &r.tgw_vpc_attachments {
                    p.add(attachment_line(
                        element,
                        &r.region,
                        "vpc",
                        format!("Transit Gateway VPC attachment {}", vpc.name),
                        hours_milli,
                    ));
                }
                for peering in &r.tgw_peering_attachments {
                    p.add(attachment_line(
                        element,
                        &r.region,
                        "peering",
                        format!(
                            "Transit Gateway peering attachment {} to {}",
                            peering.name, peering.peer_region
                        ),
                        hours_milli,
                    ));
                }
            }
            NodeKind::AzureRegion(r) => {
                let code = catalog
                    .azure_region(&r.region)
                    .map_or(r.region.as_str(), |i| i.code.as_str());
                match &r.vpn_gateway {
                    Some(gw) => p.add(Line {
                        element,
                        category: Category::Vpn,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.vpn.gateway",
                        dims: vec![
                            ("sku", Value::from(gw.sku.key())),
                            ("region", Value::from(code)),
                        ],
                        provider: "azure",
                        description: format!("{} VPN gateway in {code}", gw.sku.label()),
                        quantity_milli: hours_milli,
                        unit: PriceUnit::Hour,
                        gap: None,
                    }),
                    None if has_vpn => p.add(Line {
                        element,
                        category: Category::Vpn,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.vpn.gateway",
                        dims: vec![],
                        provider: "azure",
                        description: format!("VPN gateway in {code}"),
                        quantity_milli: hours_milli,
                        unit: PriceUnit::Hour,
                        gap: Some(
                            format!(
                                "site-to-site VPNs end on {} but its VPN gateway SKU is not stated",
                                n.name
                            )
                            .into(),
                        ),
                    }),
                    None => {}
                }
            }
            _ => {}
        }
    }
}

/// Attachment-hours of one Transit Gateway attachment (price AWS-TGW-ATTACH, reference 2.6).
fn attachment_line<'q>(
    element: &'q str,
    region: &'q str,
    attachment: &'static str,
    description: String,
    hours_milli: u64,
) -> Line<'q> {
    Line {
        element,
        category: Category::TransitGateway,
        biller: Biller::Aws,
        site: None,
        meter: "aws.tgw.attachment",
        dims: vec![
            ("region", Value::from(region)),
            ("attachment", Value::from(attachment)),
        ],
        provider: "aws",
        description,
        quantity_milli: hours_milli,
        unit: PriceUnit::Hour,
        gap: None,
    }
}

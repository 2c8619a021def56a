//! What the clouds offer, written down once: ExpressRoute bandwidths by SKU and port, Direct
//! Connect capacities by connection type and location, VIF MTUs and LAG sizes. The rules check
//! a design against these lists, the inspector offers exactly these choices, and the what-if
//! and costing enumerate them; a test proves the inspector's choices are what the rules accept.
//! Each list names its source (the keys resolve in `docs/REFERENCE.md`).

use crate::catalog::DxLocation;
use crate::model::{DxConnectionType, ErSkuTier, VifType};

/// ExpressRoute.
pub mod er {
    use super::ErSkuTier;

    /// Provider circuit bandwidths (ER-BW-1, AZ-FAQ 2026-03-31; reference 1.3).
    pub const PROVIDER_MBPS: [u64; 8] = [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

    /// Bandwidths that exist only on ExpressRoute Direct (ER-BW-2).
    pub const DIRECT_ONLY_MBPS: [u64; 4] = [40_000, 100_000, 200_000, 400_000];

    /// The smallest Local SKU circuit (reference 1.3: Local from 1 Gbps).
    pub const LOCAL_MIN_MBPS: u64 = 1_000;

    /// Circuit sizes on an ExpressRoute Direct port of this speed (reference 1.6,
    /// AZ-DIRECT 2026-03-02); none for a speed Azure does not sell.
    pub fn direct_sizes_mbps(port_speed_mbps: u64) -> &'static [u64] {
        match port_speed_mbps {
            10_000 => &[1_000, 2_000, 5_000, 10_000],
            100_000 => &[5_000, 10_000, 40_000, 100_000],
            400_000 => &[5_000, 10_000, 40_000, 100_000, 200_000, 400_000],
            _ => &[],
        }
    }

    /// Provider circuit bandwidths a circuit of this SKU tier can have.
    pub fn provider_sizes_mbps(tier: ErSkuTier) -> Vec<u64> {
        PROVIDER_MBPS
            .into_iter()
            .filter(|&s| tier != ErSkuTier::Local || s >= LOCAL_MIN_MBPS)
            .collect()
    }
}

/// AWS Direct Connect.
pub mod dx {
    use super::{DxConnectionType, DxLocation, VifType};

    /// Dedicated port speeds (DX-CAP-1).
    pub const DEDICATED_MBPS: [u64; 4] = [1_000, 10_000, 100_000, 400_000];

    /// Hosted connection capacities (DX-CAP-2).
    pub const HOSTED_MBPS: [u64; 11] = [
        50, 100, 200, 300, 400, 500, 1_000, 2_000, 5_000, 10_000, 25_000,
    ];

    /// The capacities a connection of this type can have: hosted capacities, or the dedicated
    /// port speeds of its location (all of them when the location is unknown).
    pub fn capacities_mbps(kind: DxConnectionType, location: Option<&DxLocation>) -> Vec<u64> {
        match (kind, location) {
            (DxConnectionType::Dedicated, Some(l)) => l.port_speeds_mbps.clone(),
            (DxConnectionType::Dedicated, None) => DEDICATED_MBPS.to_vec(),
            (DxConnectionType::Hosted, _) => HOSTED_MBPS.to_vec(),
        }
    }

    /// Most LAG members at a port speed: 4 below 100 Gbps, 2 at 100 or 400 Gbps (DX-LAG-2; the
    /// CreateLag API text mentions 10, Q10).
    pub fn max_lag_members(capacity_mbps: u64) -> u32 {
        if capacity_mbps >= 100_000 { 2 } else { 4 }
    }

    /// The MTUs a VIF of this type accepts: 1500, or its jumbo size (9001 on private, 8500 on
    /// transit VIFs, DX-MTU-1); public VIFs 1500 (jumbo frames only on private and transit
    /// VIFs; DX014 does not judge public VIFs).
    pub fn mtus(vif_type: VifType) -> &'static [u32] {
        match vif_type {
            VifType::Private => &[1500, 9001],
            VifType::Transit => &[1500, 8500],
            VifType::Public => &[1500],
        }
    }
}

/// What a new element is when the palette, the connect tool or the catalog search creates it:
/// the id prefix, the name, and settings the rules accept (sizes from the lists above).
pub mod defaults {
    use crate::model::*;

    /// A new node of this kind: (id prefix, name, kind).
    pub fn new_node(kind: NodeKindTag) -> (&'static str, &'static str, NodeKind) {
        match kind {
            NodeKindTag::OnPremSite => (
                "site",
                "New site",
                NodeKind::OnPremSite(OnPremSite {
                    edge_routers: vec!["ce1".into(), "ce2".into()],
                    ..Default::default()
                }),
            ),
            NodeKindTag::ColocationFacility => (
                "fac",
                "New facility",
                NodeKind::ColocationFacility(ColocationFacility::default()),
            ),
            NodeKindTag::AzureRegion => ("az", "Azure East US", azure_region("eastus")),
            NodeKindTag::AwsRegion => ("aws", "AWS us-east-1", aws_region("us-east-1")),
            NodeKindTag::FabricRouter => (
                "fabric",
                "New fabric router",
                NodeKind::FabricRouter(FabricRouter::default()),
            ),
        }
    }

    /// A new link of this kind between `a` and `b`: (id prefix, kind). Its VIF's ASN is the
    /// site's, its VIF type follows the region's attachment.
    pub fn new_link(kind: LinkKindTag, a: &Node, b: &Node) -> (&'static str, LinkKind) {
        let site = [a, b].into_iter().find_map(|n| n.as_site());
        let aws = [a, b].into_iter().find_map(|n| n.as_aws());
        match kind {
            LinkKindTag::AccessCircuit => (
                "acc",
                LinkKind::AccessCircuit(AccessCircuit {
                    carrier: String::new(),
                    bandwidth_mbps: 1_000,
                    edge_router: site.and_then(|s| s.edge_routers.first().cloned()),
                    monthly_usd: None,
                }),
            ),
            LinkKindTag::ExpressRouteCircuit => (
                "er",
                LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    provider: "Equinix".into(),
                    direct_port: None,
                    bandwidth_mbps: 1_000,
                    sku_tier: ErSkuTier::Standard,
                    billing: ErBilling::Metered,
                    peerings: ErPeerings {
                        private: Some(ErPrivatePeering {
                            peer_asn: Some(65000),
                            vlan: Some(100),
                            ..Default::default()
                        }),
                        microsoft: None,
                    },
                    redundant_bgp: true,
                    fastpath: false,
                    metro_secondary_facility: None,
                    global_reach: vec![],
                    vnet_links: 1,
                }),
            ),
            LinkKindTag::DirectConnectConnection => {
                let transit = aws.is_some_and(|r| r.attachment == AwsAttachment::DxGatewayTgw);
                (
                    "dx",
                    LinkKind::DirectConnectConnection(DirectConnectConnection {
                        connection_type: DxConnectionType::Dedicated,
                        capacity_mbps: 10_000,
                        lag_members: 1,
                        macsec: false,
                        aws_device: String::new(),
                        partner: String::new(),
                        vifs: vec![VirtualInterface {
                            name: if transit {
                                "transit".into()
                            } else {
                                "private".into()
                            },
                            vif_type: if transit {
                                VifType::Transit
                            } else {
                                VifType::Private
                            },
                            vlan: 100,
                            customer_asn: site.and_then(|s| s.asn).unwrap_or(65000),
                            mtu: 1500,
                            advertised_prefixes: 0,
                            sitelink: false,
                        }],
                    }),
                )
            }
            LinkKindTag::SiteToSiteVpn => (
                "vpn",
                LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                    tunnels: 2,
                    bandwidth_mbps: 1_000,
                    large_tunnels: false,
                    on_transit_gateway: false,
                }),
            ),
            LinkKindTag::FabricConnection => (
                "vxc",
                LinkKind::FabricConnection(FabricConnection {
                    bandwidth_mbps: 1_000,
                    ..Default::default()
                }),
            ),
        }
    }

    /// An Azure region with an ErGw1Az gateway.
    pub fn azure_region(code: &str) -> NodeKind {
        NodeKind::AzureRegion(AzureRegion {
            region: code.to_string(),
            gateway: Some(ErGateway {
                sku: ErGatewaySku::ErGw1Az,
                scale_units: None,
                zone_redundant: true,
            }),
            vpn_gateway: None,
            vnet_cidrs: vec![],
        })
    }

    /// A new AWS region node's properties: a virtual private gateway with Amazon's default ASN,
    /// the simplest attachment; the inspector offers the others.
    pub fn aws_region(region: &str) -> NodeKind {
        NodeKind::AwsRegion(AwsRegion {
            region: region.to_string(),
            attachment: AwsAttachment::VirtualPrivateGateway,
            dx_gateway: None,
            vgw_asn: Some(64512),
            dx_gateway_asn: None,
            tgw_asn: None,
            tgw_vpc_attachments: vec![],
            tgw_peering_attachments: vec![],
            vpc_cidrs: vec![],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// New elements are created with what the clouds offer: the palette never draws a circuit
    /// the rules then flag.
    #[test]
    fn new_links_have_offered_sizes() {
        let node = |id: &str, kind: NodeKindTag| Node {
            id: id.into(),
            name: id.into(),
            position: Point::new(0.0, 0.0),
            notes: String::new(),
            kind: defaults::new_node(kind).2,
        };
        let facility = node("fac", NodeKindTag::ColocationFacility);
        let (_, er) = defaults::new_link(
            LinkKindTag::ExpressRouteCircuit,
            &facility,
            &node("az", NodeKindTag::AzureRegion),
        );
        let er = match er {
            LinkKind::ExpressRouteCircuit(c) => c,
            other => panic!("{other:?}"),
        };
        assert!(er::provider_sizes_mbps(er.sku_tier).contains(&er.bandwidth_mbps));
        let (_, dx) = defaults::new_link(
            LinkKindTag::DirectConnectConnection,
            &facility,
            &node("aws", NodeKindTag::AwsRegion),
        );
        let dx = match dx {
            LinkKind::DirectConnectConnection(c) => c,
            other => panic!("{other:?}"),
        };
        assert!(dx::capacities_mbps(dx.connection_type, None).contains(&dx.capacity_mbps));
        assert!((1..=dx::max_lag_members(dx.capacity_mbps)).contains(&dx.lag_members));
        for vif in &dx.vifs {
            assert!(dx::mtus(vif.vif_type).contains(&vif.mtu));
        }
    }
}

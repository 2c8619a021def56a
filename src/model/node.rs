//! Node kinds: on-prem site, colocation facility, Azure region, AWS region, fabric router.

use super::{Cidr, NodeId, Point};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: NodeId,
    pub name: String,
    pub position: Point,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// What the node is, with the properties of that kind.
    pub kind: NodeKind,
}

/// The kind of a node, written as `{"on_prem_site": {...}}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    OnPremSite(OnPremSite),
    ColocationFacility(ColocationFacility),
    AzureRegion(AzureRegion),
    AwsRegion(AwsRegion),
    FabricRouter(FabricRouter),
}

/// The kind without its properties: for endpoint rules, palettes and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKindTag {
    OnPremSite,
    ColocationFacility,
    AzureRegion,
    AwsRegion,
    FabricRouter,
}

impl NodeKindTag {
    pub const ALL: [NodeKindTag; 5] = [
        NodeKindTag::OnPremSite,
        NodeKindTag::ColocationFacility,
        NodeKindTag::AzureRegion,
        NodeKindTag::AwsRegion,
        NodeKindTag::FabricRouter,
    ];
    pub fn label(self) -> &'static str {
        match self {
            NodeKindTag::OnPremSite => "on-prem site",
            NodeKindTag::ColocationFacility => "colocation facility",
            NodeKindTag::AzureRegion => "Azure region",
            NodeKindTag::AwsRegion => "AWS region",
            NodeKindTag::FabricRouter => "fabric router",
        }
    }
}

impl NodeKind {
    pub fn tag(&self) -> NodeKindTag {
        match self {
            NodeKind::OnPremSite(_) => NodeKindTag::OnPremSite,
            NodeKind::ColocationFacility(_) => NodeKindTag::ColocationFacility,
            NodeKind::AzureRegion(_) => NodeKindTag::AzureRegion,
            NodeKind::AwsRegion(_) => NodeKindTag::AwsRegion,
            NodeKind::FabricRouter(_) => NodeKindTag::FabricRouter,
        }
    }
}

impl Node {
    pub fn tag(&self) -> NodeKindTag {
        self.kind.tag()
    }
    /// The prefixes the node owns: a site's advertised prefixes, VNet or VPC ranges.
    pub fn address_space(&self) -> &[Cidr] {
        match &self.kind {
            NodeKind::OnPremSite(s) => &s.prefixes,
            NodeKind::AzureRegion(a) => &a.vnet_cidrs,
            NodeKind::AwsRegion(a) => &a.vpc_cidrs,
            NodeKind::ColocationFacility(_) | NodeKind::FabricRouter(_) => &[],
        }
    }
    pub fn as_site(&self) -> Option<&OnPremSite> {
        match &self.kind {
            NodeKind::OnPremSite(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_facility(&self) -> Option<&ColocationFacility> {
        match &self.kind {
            NodeKind::ColocationFacility(f) => Some(f),
            _ => None,
        }
    }
    pub fn as_azure(&self) -> Option<&AzureRegion> {
        match &self.kind {
            NodeKind::AzureRegion(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_aws(&self) -> Option<&AwsRegion> {
        match &self.kind {
            NodeKind::AwsRegion(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_fabric(&self) -> Option<&FabricRouter> {
        match &self.kind {
            NodeKind::FabricRouter(f) => Some(f),
            _ => None,
        }
    }
}

/// A customer location: data centre, campus, branch hub.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnPremSite {
    /// City or metro, e.g. "Zürich".
    #[serde(default)]
    pub metro: String,
    /// Customer edge routers (named devices) that circuits land on.
    #[serde(default)]
    pub edge_routers: Vec<String>,
    /// The site's BGP ASN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<u32>,
    /// Prefixes the site advertises toward the clouds.
    #[serde(default)]
    pub prefixes: Vec<Cidr>,
}

/// A colocation building where the clouds' edges are reached.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColocationFacility {
    /// Operator, e.g. "Equinix".
    #[serde(default)]
    pub operator: String,
    /// Building, e.g. "DC2".
    #[serde(default)]
    pub facility_name: String,
    #[serde(default)]
    pub metro: String,
    /// ExpressRoute peering location hosted here (catalog name, e.g. "Washington DC").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub er_peering_location: Option<String>,
    /// Direct Connect location hosted here (catalog code, e.g. "EQDC2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dx_location: Option<String>,
    /// ExpressRoute Direct port pairs owned at this facility.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub er_direct_ports: Vec<ErDirectPort>,
}

/// An ExpressRoute Direct port pair (two ports on two Microsoft routers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErDirectPort {
    pub id: String,
    /// Speed of each port of the pair: 10000, 100000 or 400000.
    pub port_speed_mbps: u64,
}

/// An Azure region with the virtual network gateways of its hub VNet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureRegion {
    /// ARM region name, e.g. "westeurope".
    pub region: String,
    /// The ExpressRoute gateway in the hub VNet, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<ErGateway>,
    /// The VPN gateway in the hub VNet, where site-to-site VPNs into this region end.
    ///
    /// It coexists with the ExpressRoute gateway (`gateway`) of the same VNet: a VNet has one
    /// gateway subnet (`GatewaySubnet`) and at most one gateway of each type, so a VPN backup
    /// of an ExpressRoute circuit needs both gateways in that one subnet. Every SKU except
    /// Basic supports ExpressRoute/VPN coexistence ("About gateway SKUs", feature table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn_gateway: Option<VpnGateway>,
    #[serde(default)]
    pub vnet_cidrs: Vec<Cidr>,
}

/// An Azure VPN gateway (virtual network gateway of type Vpn). One gateway serves every
/// site-to-site VPN into its VNet; its hours are billed once, by SKU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VpnGateway {
    pub sku: VpnGatewaySku,
    /// The gateway generation, when stated. VpnGw2/VpnGw3 (and their AZ SKUs) exist in both
    /// generations with different throughput; Basic and VpnGw1 are Generation1 only,
    /// VpnGw4/VpnGw5 Generation2 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<VpnGatewayGeneration>,
    /// Deployed across availability zones (AZ SKUs only), as opposed to zonal (pinned to one
    /// zone) or regional.
    #[serde(default)]
    pub zone_redundant: bool,
}

/// Azure VPN gateway SKUs, written as `basic`, `vpn_gw1` … `vpn_gw5`, `vpn_gw1_az` …
/// `vpn_gw5_az` (the keys of the `azure.vpn.gateway` meter's `sku` dimension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VpnGatewaySku {
    Basic,
    VpnGw1,
    VpnGw2,
    VpnGw3,
    VpnGw4,
    VpnGw5,
    VpnGw1Az,
    VpnGw2Az,
    VpnGw3Az,
    VpnGw4Az,
    VpnGw5Az,
}

/// Azure VPN gateway generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VpnGatewayGeneration {
    Generation1,
    Generation2,
}

impl VpnGatewayGeneration {
    pub fn label(self) -> &'static str {
        match self {
            VpnGatewayGeneration::Generation1 => "Generation1",
            VpnGatewayGeneration::Generation2 => "Generation2",
        }
    }
}

impl VpnGatewaySku {
    pub const ALL: [VpnGatewaySku; 11] = [
        VpnGatewaySku::Basic,
        VpnGatewaySku::VpnGw1,
        VpnGatewaySku::VpnGw2,
        VpnGatewaySku::VpnGw3,
        VpnGatewaySku::VpnGw4,
        VpnGatewaySku::VpnGw5,
        VpnGatewaySku::VpnGw1Az,
        VpnGatewaySku::VpnGw2Az,
        VpnGatewaySku::VpnGw3Az,
        VpnGatewaySku::VpnGw4Az,
        VpnGatewaySku::VpnGw5Az,
    ];

    /// Azure's name of the SKU, e.g. "VpnGw2AZ".
    pub fn label(self) -> &'static str {
        match self {
            VpnGatewaySku::Basic => "Basic",
            VpnGatewaySku::VpnGw1 => "VpnGw1",
            VpnGatewaySku::VpnGw2 => "VpnGw2",
            VpnGatewaySku::VpnGw3 => "VpnGw3",
            VpnGatewaySku::VpnGw4 => "VpnGw4",
            VpnGatewaySku::VpnGw5 => "VpnGw5",
            VpnGatewaySku::VpnGw1Az => "VpnGw1AZ",
            VpnGatewaySku::VpnGw2Az => "VpnGw2AZ",
            VpnGatewaySku::VpnGw3Az => "VpnGw3AZ",
            VpnGatewaySku::VpnGw4Az => "VpnGw4AZ",
            VpnGatewaySku::VpnGw5Az => "VpnGw5AZ",
        }
    }

    /// The key of the SKU in the price book (`azure.vpn.gateway`, dimension `sku`): the
    /// serialized name, e.g. "vpn_gw2_az".
    pub fn key(self) -> &'static str {
        match self {
            VpnGatewaySku::Basic => "basic",
            VpnGatewaySku::VpnGw1 => "vpn_gw1",
            VpnGatewaySku::VpnGw2 => "vpn_gw2",
            VpnGatewaySku::VpnGw3 => "vpn_gw3",
            VpnGatewaySku::VpnGw4 => "vpn_gw4",
            VpnGatewaySku::VpnGw5 => "vpn_gw5",
            VpnGatewaySku::VpnGw1Az => "vpn_gw1_az",
            VpnGatewaySku::VpnGw2Az => "vpn_gw2_az",
            VpnGatewaySku::VpnGw3Az => "vpn_gw3_az",
            VpnGatewaySku::VpnGw4Az => "vpn_gw4_az",
            VpnGatewaySku::VpnGw5Az => "vpn_gw5_az",
        }
    }

    /// An availability-zone SKU (zone-redundant or zonal deployment).
    pub fn is_az(self) -> bool {
        matches!(
            self,
            VpnGatewaySku::VpnGw1Az
                | VpnGatewaySku::VpnGw2Az
                | VpnGatewaySku::VpnGw3Az
                | VpnGatewaySku::VpnGw4Az
                | VpnGatewaySku::VpnGw5Az
        )
    }

    /// The generations the SKU exists in (Microsoft's table, see `max_throughput_mbps`).
    pub fn generations(self) -> &'static [VpnGatewayGeneration] {
        use VpnGatewayGeneration::*;
        match self {
            VpnGatewaySku::Basic | VpnGatewaySku::VpnGw1 | VpnGatewaySku::VpnGw1Az => {
                &[Generation1]
            }
            VpnGatewaySku::VpnGw2
            | VpnGatewaySku::VpnGw3
            | VpnGatewaySku::VpnGw2Az
            | VpnGatewaySku::VpnGw3Az => &[Generation1, Generation2],
            VpnGatewaySku::VpnGw4
            | VpnGatewaySku::VpnGw5
            | VpnGatewaySku::VpnGw4Az
            | VpnGatewaySku::VpnGw5Az => &[Generation2],
        }
    }

    /// The documented aggregate throughput of the SKU, in Mbps, where it does not depend on
    /// the generation; `None` where it does (VpnGw2/VpnGw3 and their AZ SKUs: see
    /// [`VpnGatewaySku::max_throughput_mbps_in`]).
    ///
    /// A ceiling for the failure analysis: the "Aggregate Throughput Benchmark" of Microsoft
    /// Learn, "About gateway SKUs" (<https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus>,
    /// table "Gateway SKUs by tunnel, connection, and throughput"; article dated 2025-06-23, its
    /// table include `includes/vpn-gateway-table-gwtype-aggtput-include.md` in
    /// MicrosoftDocs/azure-docs dated 2026-06-08; read 2026-11-29): Basic 100 Mbps; VpnGw1,
    /// VpnGw1AZ 650 Mbps; Generation1 VpnGw2(AZ) 1 Gbps, VpnGw3(AZ) 1.25 Gbps; Generation2
    /// VpnGw2(AZ) 1.25 Gbps, VpnGw3(AZ) 2.5 Gbps, VpnGw4(AZ) 5 Gbps, VpnGw5(AZ) 10 Gbps. The
    /// article says the benchmarks were measured with S2S and P2S connections combined, that a
    /// single connection can have much lower throughput, and that they are not guaranteed.
    pub fn max_throughput_mbps(self) -> Option<u64> {
        match self.generations() {
            [only] => self.max_throughput_mbps_in(*only),
            _ => None,
        }
    }

    /// The documented aggregate throughput of the SKU in a generation, in Mbps (same table as
    /// [`VpnGatewaySku::max_throughput_mbps`]); `None` where the SKU does not exist in that
    /// generation.
    pub fn max_throughput_mbps_in(self, generation: VpnGatewayGeneration) -> Option<u64> {
        use VpnGatewayGeneration::*;
        use VpnGatewaySku::*;
        match (self, generation) {
            (Basic, Generation1) => Some(100),
            (VpnGw1 | VpnGw1Az, Generation1) => Some(650),
            (VpnGw2 | VpnGw2Az, Generation1) => Some(1_000),
            (VpnGw3 | VpnGw3Az, Generation1) => Some(1_250),
            (VpnGw2 | VpnGw2Az, Generation2) => Some(1_250),
            (VpnGw3 | VpnGw3Az, Generation2) => Some(2_500),
            (VpnGw4 | VpnGw4Az, Generation2) => Some(5_000),
            (VpnGw5 | VpnGw5Az, Generation2) => Some(10_000),
            _ => None,
        }
    }
}

impl VpnGateway {
    /// The documented aggregate throughput of this gateway: by SKU and, where it matters, the
    /// stated generation; `None` when the generation it depends on is not stated (or the SKU
    /// does not exist in the stated generation).
    pub fn max_throughput_mbps(&self) -> Option<u64> {
        match self.generation {
            Some(g) => self.sku.max_throughput_mbps_in(g),
            None => self.sku.max_throughput_mbps(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErGateway {
    pub sku: ErGatewaySku,
    /// Scale units, for ErGwScale only (1-40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_units: Option<u32>,
    /// Deployed across availability zones (AZ SKUs and ErGwScale), as opposed to zonal.
    #[serde(default)]
    pub zone_redundant: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErGatewaySku {
    Standard,
    HighPerformance,
    UltraPerformance,
    ErGw1Az,
    ErGw2Az,
    ErGw3Az,
    ErGwScale,
}

impl ErGatewaySku {
    pub const ALL: [ErGatewaySku; 7] = [
        ErGatewaySku::Standard,
        ErGatewaySku::HighPerformance,
        ErGatewaySku::UltraPerformance,
        ErGatewaySku::ErGw1Az,
        ErGatewaySku::ErGw2Az,
        ErGatewaySku::ErGw3Az,
        ErGatewaySku::ErGwScale,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ErGatewaySku::Standard => "Standard",
            ErGatewaySku::HighPerformance => "HighPerformance",
            ErGatewaySku::UltraPerformance => "UltraPerformance",
            ErGatewaySku::ErGw1Az => "ErGw1AZ",
            ErGatewaySku::ErGw2Az => "ErGw2AZ",
            ErGatewaySku::ErGw3Az => "ErGw3AZ",
            ErGatewaySku::ErGwScale => "ErGwScale",
        }
    }
    /// Maximum throughput of the gateway (reference 1.5, AZ-GWPERF).
    pub fn max_bandwidth_mbps(self, scale_units: Option<u32>) -> u64 {
        match self {
            ErGatewaySku::Standard | ErGatewaySku::ErGw1Az => 1_000,
            ErGatewaySku::HighPerformance | ErGatewaySku::ErGw2Az => 2_000,
            ErGatewaySku::UltraPerformance | ErGatewaySku::ErGw3Az => 10_000,
            ErGatewaySku::ErGwScale => 1_000 * u64::from(scale_units.unwrap_or(1).clamp(1, 40)),
        }
    }
}

/// An AWS region reached over Direct Connect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwsRegion {
    /// Region code, e.g. "us-east-1".
    pub region: String,
    pub attachment: AwsAttachment,
    /// Name of the Direct Connect gateway (one gateway may serve several regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dx_gateway: Option<String>,
    /// Amazon-side ASN of the virtual private gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vgw_asn: Option<u32>,
    /// Amazon-side ASN of the Direct Connect gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dx_gateway_asn: Option<u32>,
    /// Amazon-side ASN of the Transit Gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tgw_asn: Option<u32>,
    /// The Transit Gateway's VPC attachments, one per attached VPC. Each is billed per
    /// attachment-hour; the data the VPCs send to the gateway is billed per GB on the
    /// demands' egress (one processing line per demand and path, never again per attachment).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tgw_vpc_attachments: Vec<TgwVpcAttachment>,
    /// The Transit Gateway's peering attachments to other Transit Gateways (in other regions,
    /// or in this one). Each is billed per attachment-hour; state a peering once, on the
    /// gateway that is billed for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tgw_peering_attachments: Vec<TgwPeeringAttachment>,
    #[serde(default)]
    pub vpc_cidrs: Vec<Cidr>,
}

/// A VPC attached to the region's Transit Gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TgwVpcAttachment {
    /// The VPC (its name or id, e.g. "prod" or "vpc-0a1b2c3d").
    pub name: String,
}

/// A peering attachment between the region's Transit Gateway and another Transit Gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TgwPeeringAttachment {
    /// The attachment's name, e.g. "use1-euw1".
    pub name: String,
    /// Region code of the peer Transit Gateway, e.g. "eu-west-1".
    pub peer_region: String,
}

/// How VPCs in the region are attached to Direct Connect.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AwsAttachment {
    /// Private VIFs straight to a virtual private gateway.
    VirtualPrivateGateway,
    /// Private VIFs to a Direct Connect gateway associated with VGWs.
    DxGatewayVgw,
    /// Transit VIFs to a Direct Connect gateway associated with a Transit Gateway.
    DxGatewayTgw,
}

impl AwsAttachment {
    pub fn label(self) -> &'static str {
        match self {
            AwsAttachment::VirtualPrivateGateway => "virtual private gateway",
            AwsAttachment::DxGatewayVgw => "Direct Connect gateway + VGWs",
            AwsAttachment::DxGatewayTgw => "Direct Connect gateway + Transit Gateway",
        }
    }
}

/// A virtual router in a fabric (Megaport MCR, Equinix Fabric Cloud Router).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FabricRouter {
    #[serde(default)]
    pub operator: String,
    #[serde(default)]
    pub metro: String,
    /// The fabric's diversity zone (e.g. "red" / "blue").
    #[serde(default)]
    pub diversity_zone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vpn_gateway_throughput_is_the_documented_benchmark_or_none() {
        use VpnGatewayGeneration::*;
        use VpnGatewaySku::*;
        // Figures that do not depend on the generation.
        for (sku, mbps) in [
            (Basic, 100),
            (VpnGw1, 650),
            (VpnGw1Az, 650),
            (VpnGw4, 5_000),
            (VpnGw4Az, 5_000),
            (VpnGw5, 10_000),
            (VpnGw5Az, 10_000),
        ] {
            assert_eq!(sku.max_throughput_mbps(), Some(mbps), "{}", sku.label());
        }
        // VpnGw2/3 differ by generation: no single figure without it.
        for sku in [VpnGw2, VpnGw3, VpnGw2Az, VpnGw3Az] {
            assert_eq!(sku.max_throughput_mbps(), None, "{}", sku.label());
        }
        for (sku, g1, g2) in [
            (VpnGw2, 1_000, 1_250),
            (VpnGw2Az, 1_000, 1_250),
            (VpnGw3, 1_250, 2_500),
            (VpnGw3Az, 1_250, 2_500),
        ] {
            assert_eq!(sku.max_throughput_mbps_in(Generation1), Some(g1));
            assert_eq!(sku.max_throughput_mbps_in(Generation2), Some(g2));
        }
        // A SKU in a generation it does not exist in has no figure.
        assert_eq!(VpnGw1.max_throughput_mbps_in(Generation2), None);
        assert_eq!(VpnGw5Az.max_throughput_mbps_in(Generation1), None);
        // The gateway uses its stated generation where it matters.
        let gw = |sku, generation| VpnGateway {
            sku,
            generation,
            zone_redundant: false,
        };
        assert_eq!(
            gw(VpnGw3Az, Some(Generation2)).max_throughput_mbps(),
            Some(2_500)
        );
        assert_eq!(gw(VpnGw3Az, None).max_throughput_mbps(), None);
        assert_eq!(gw(VpnGw1, None).max_throughput_mbps(), Some(650));
    }

    #[test]
    fn vpn_gateway_sku_keys_are_the_serialized_names() {
        for sku in VpnGatewaySku::ALL {
            assert_eq!(
                serde_json::to_value(sku).unwrap(),
                serde_json::Value::from(sku.key())
            );
            assert_eq!(sku.is_az(), sku.label().ends_with("AZ"));
        }
    }
}

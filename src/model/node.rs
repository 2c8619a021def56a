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

/// An Azure region with its ExpressRoute virtual network gateway.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureRegion {
    /// ARM region name, e.g. "westeurope".
    pub region: String,
    /// The ExpressRoute gateway in the hub VNet, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<ErGateway>,
    #[serde(default)]
    pub vnet_cidrs: Vec<Cidr>,
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
    #[serde(default)]
    pub vpc_cidrs: Vec<Cidr>,
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

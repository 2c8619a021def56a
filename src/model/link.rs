//! Link kinds and the node kinds each may join.

use super::{LinkId, NodeId, NodeKindTag, Usd};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: LinkId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// One endpoint (node id).
    pub a: NodeId,
    /// The other endpoint (node id).
    pub b: NodeId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub kind: LinkKind,
}

impl Link {
    pub fn tag(&self) -> LinkKindTag {
        self.kind.tag()
    }
    /// The endpoint that is not `id`, if `id` is an endpoint.
    pub fn other_end(&self, id: &NodeId) -> Option<&NodeId> {
        if &self.a == id {
            Some(&self.b)
        } else if &self.b == id {
            Some(&self.a)
        } else {
            None
        }
    }
    pub fn touches(&self, id: &NodeId) -> bool {
        &self.a == id || &self.b == id
    }
    /// Display name: the name, or the id when unnamed.
    pub fn label(&self) -> &str {
        if self.name.is_empty() {
            self.id.as_str()
        } else {
            &self.name
        }
    }
    pub fn as_er(&self) -> Option<&ExpressRouteCircuit> {
        match &self.kind {
            LinkKind::ExpressRouteCircuit(c) => Some(c),
            _ => None,
        }
    }
    pub fn as_dx(&self) -> Option<&DirectConnectConnection> {
        match &self.kind {
            LinkKind::DirectConnectConnection(c) => Some(c),
            _ => None,
        }
    }
    pub fn as_access(&self) -> Option<&AccessCircuit> {
        match &self.kind {
            LinkKind::AccessCircuit(c) => Some(c),
            _ => None,
        }
    }
    pub fn as_vpn(&self) -> Option<&SiteToSiteVpn> {
        match &self.kind {
            LinkKind::SiteToSiteVpn(c) => Some(c),
            _ => None,
        }
    }
}

/// The kind of a link, written as `{"express_route_circuit": {...}}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    AccessCircuit(AccessCircuit),
    ExpressRouteCircuit(ExpressRouteCircuit),
    DirectConnectConnection(DirectConnectConnection),
    SiteToSiteVpn(SiteToSiteVpn),
    FabricConnection(FabricConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKindTag {
    AccessCircuit,
    ExpressRouteCircuit,
    DirectConnectConnection,
    SiteToSiteVpn,
    FabricConnection,
}

impl LinkKind {
    pub fn tag(&self) -> LinkKindTag {
        match self {
            LinkKind::AccessCircuit(_) => LinkKindTag::AccessCircuit,
            LinkKind::ExpressRouteCircuit(_) => LinkKindTag::ExpressRouteCircuit,
            LinkKind::DirectConnectConnection(_) => LinkKindTag::DirectConnectConnection,
            LinkKind::SiteToSiteVpn(_) => LinkKindTag::SiteToSiteVpn,
            LinkKind::FabricConnection(_) => LinkKindTag::FabricConnection,
        }
    }
}

impl LinkKindTag {
    pub const ALL: [LinkKindTag; 5] = [
        LinkKindTag::AccessCircuit,
        LinkKindTag::ExpressRouteCircuit,
        LinkKindTag::DirectConnectConnection,
        LinkKindTag::SiteToSiteVpn,
        LinkKindTag::FabricConnection,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LinkKindTag::AccessCircuit => "access circuit",
            LinkKindTag::ExpressRouteCircuit => "ExpressRoute circuit",
            LinkKindTag::DirectConnectConnection => "Direct Connect connection",
            LinkKindTag::SiteToSiteVpn => "site-to-site VPN",
            LinkKindTag::FabricConnection => "fabric virtual connection",
        }
    }

    /// The unordered endpoint pairs this kind of link may join.
    pub fn endpoint_pairs(self) -> &'static [(NodeKindTag, NodeKindTag)] {
        use NodeKindTag::*;
        match self {
            LinkKindTag::AccessCircuit => {
                &[(OnPremSite, ColocationFacility), (OnPremSite, FabricRouter)]
            }
            LinkKindTag::ExpressRouteCircuit => &[(ColocationFacility, AzureRegion)],
            LinkKindTag::DirectConnectConnection => &[(ColocationFacility, AwsRegion)],
            LinkKindTag::SiteToSiteVpn => &[(OnPremSite, AzureRegion), (OnPremSite, AwsRegion)],
            LinkKindTag::FabricConnection => &[
                (FabricRouter, ColocationFacility),
                (FabricRouter, AzureRegion),
                (FabricRouter, AwsRegion),
                (FabricRouter, FabricRouter),
            ],
        }
    }

    /// Whether this kind of link may join nodes of these kinds (in either order).
    pub fn joins(self, a: NodeKindTag, b: NodeKindTag) -> bool {
        self.endpoint_pairs()
            .iter()
            .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
    }

    /// "on-prem site ↔ colocation facility or on-prem site ↔ fabric router".
    pub fn endpoint_description(self) -> String {
        self.endpoint_pairs()
            .iter()
            .map(|(x, y)| format!("{} ↔ {}", x.label(), y.label()))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The link kinds that may join these two node kinds, for connect tools.
    pub fn valid_between(a: NodeKindTag, b: NodeKindTag) -> Vec<LinkKindTag> {
        Self::ALL.into_iter().filter(|k| k.joins(a, b)).collect()
    }
}

/// The carrier's circuit from a site to a facility or fabric.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessCircuit {
    #[serde(default)]
    pub carrier: String,
    pub bandwidth_mbps: u64,
    /// The customer edge router (at the site) the circuit lands on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_router: Option<String>,
    /// The carrier's monthly charge, as quoted to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_usd: Option<Usd>,
}

/// An ExpressRoute circuit: two links (primary and secondary) to a pair of Microsoft
/// Enterprise Edge routers at one peering location (ER-TOPO-1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpressRouteCircuit {
    /// Connectivity provider (e.g. "Equinix", "Megaport"); empty for ExpressRoute Direct.
    #[serde(default)]
    pub provider: String,
    /// The ExpressRoute Direct port pair (id at the facility) the circuit is carved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_port: Option<String>,
    pub bandwidth_mbps: u64,
    pub sku_tier: ErSkuTier,
    pub billing: ErBilling,
    #[serde(default)]
    pub peerings: ErPeerings,
    /// Both BGP sessions (primary and secondary link) configured (ER-BGP-1).
    #[serde(default = "yes")]
    pub redundant_bgp: bool,
    #[serde(default)]
    pub fastpath: bool,
    /// ExpressRoute Metro: the secondary link lands in a second facility of the same metro.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metro_secondary_facility: Option<NodeId>,
    /// Circuits joined to this one by Global Reach (link ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub global_reach: Vec<LinkId>,
    /// Number of VNets connected to the circuit.
    #[serde(default = "one")]
    pub vnet_links: u32,
}

fn yes() -> bool {
    true
}
fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErSkuTier {
    Local,
    Standard,
    Premium,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErBilling {
    Metered,
    Unlimited,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErPeerings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<ErPrivatePeering>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub microsoft: Option<ErMicrosoftPeering>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErPrivatePeering {
    /// Customer (peer) ASN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_asn: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan: Option<u16>,
    /// IPv4 prefixes advertised to Microsoft over this peering.
    #[serde(default)]
    pub advertised_ipv4_prefixes: u32,
    #[serde(default)]
    pub advertised_ipv6_prefixes: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErMicrosoftPeering {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_asn: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan: Option<u16>,
    #[serde(default)]
    pub advertised_ipv4_prefixes: u32,
    #[serde(default)]
    pub advertised_ipv6_prefixes: u32,
    /// A route filter is attached (needed before any prefix is advertised, ER-MSP-1).
    #[serde(default)]
    pub route_filter: bool,
    /// Microsoft 365 is reached over this peering (ER-MSP-2).
    #[serde(default)]
    pub microsoft_365: bool,
}

/// An AWS Direct Connect connection, or a LAG of `lag_members` identical connections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectConnectConnection {
    pub connection_type: DxConnectionType,
    /// Port speed of one connection (each LAG member), e.g. 10000.
    pub capacity_mbps: u64,
    /// Number of connections bundled in a LAG; 1 = a plain connection. Members of one LAG
    /// share speed, location and AWS device by construction (DX-LAG-1).
    #[serde(default = "one")]
    pub lag_members: u32,
    #[serde(default)]
    pub macsec: bool,
    /// The AWS device the connection terminates on (e.g. "EqDC2-3jd0r4kr1l6qb"), for
    /// diversity reasoning.
    #[serde(default)]
    pub aws_device: String,
    /// Partner delivering a hosted connection.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub partner: String,
    #[serde(default)]
    pub vifs: Vec<VirtualInterface>,
}

impl DirectConnectConnection {
    /// Total capacity: the port speed times the LAG members.
    pub fn total_capacity_mbps(&self) -> u64 {
        self.capacity_mbps
            .saturating_mul(u64::from(self.lag_members.max(1)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DxConnectionType {
    Dedicated,
    Hosted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VirtualInterface {
    pub name: String,
    pub vif_type: VifType,
    pub vlan: u16,
    pub customer_asn: u32,
    #[serde(default = "default_mtu")]
    pub mtu: u32,
    /// Prefixes the customer advertises to AWS over this VIF's BGP session.
    #[serde(default)]
    pub advertised_prefixes: u32,
    #[serde(default)]
    pub sitelink: bool,
}

fn default_mtu() -> u32 {
    1500
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VifType {
    Private,
    Public,
    Transit,
}

impl VifType {
    pub fn label(self) -> &'static str {
        match self {
            VifType::Private => "private",
            VifType::Public => "public",
            VifType::Transit => "transit",
        }
    }
}

/// The internet backup path: IPsec tunnels from a site to a cloud VPN gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteToSiteVpn {
    #[serde(default = "two")]
    pub tunnels: u32,
    /// The site's internet bandwidth available to the VPN.
    pub bandwidth_mbps: u64,
    #[serde(default)]
    pub large_tunnels: bool,
    /// AWS: the VPN terminates on a Transit Gateway (ECMP across tunnels) instead of a VGW.
    #[serde(default)]
    pub on_transit_gateway: bool,
}

fn two() -> u32 {
    2
}

/// Standard tunnel throughput (VPN-1).
pub const VPN_TUNNEL_MBPS: u64 = 1_250;
/// Large tunnel throughput (VPN-1, reference 2.6).
pub const VPN_LARGE_TUNNEL_MBPS: u64 = 5_000;

impl SiteToSiteVpn {
    /// Throughput one flow set can use: one tunnel (no ECMP on a VGW or Azure gateway), or all
    /// tunnels with ECMP on a Transit Gateway; never more than the site's internet bandwidth.
    /// Large tunnels count only on a Transit Gateway, the one place AWS offers them (VPN-2);
    /// elsewhere a tunnel carries what a standard one does (and NET005 flags the setting).
    pub fn throughput_mbps(&self) -> u64 {
        let per_tunnel = if self.large_tunnels && self.on_transit_gateway {
            VPN_LARGE_TUNNEL_MBPS
        } else {
            VPN_TUNNEL_MBPS
        };
        let usable_tunnels = if self.on_transit_gateway {
            u64::from(self.tunnels)
        } else {
            1
        };
        (per_tunnel * usable_tunnels.min(u64::from(self.tunnels))).min(self.bandwidth_mbps)
    }
}

/// A fabric's virtual connection (Megaport VXC, Equinix Fabric virtual connection).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FabricConnection {
    pub bandwidth_mbps: u64,
    #[serde(default)]
    pub operator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_usd: Option<Usd>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vpn(large_tunnels: bool, on_transit_gateway: bool) -> SiteToSiteVpn {
        SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 20_000,
            large_tunnels,
            on_transit_gateway,
        }
    }

    /// One standard tunnel on a VGW; both with ECMP on a Transit Gateway; Large tunnels only
    /// where AWS offers them (a Transit Gateway): on a VGW they carry what a standard one does.
    #[test]
    fn vpn_throughput_follows_where_the_vpn_ends() {
        assert_eq!(vpn(false, false).throughput_mbps(), 1_250);
        assert_eq!(vpn(false, true).throughput_mbps(), 2_500);
        assert_eq!(vpn(true, true).throughput_mbps(), 10_000);
        assert_eq!(vpn(true, false).throughput_mbps(), 1_250);
        let capped = SiteToSiteVpn {
            bandwidth_mbps: 800,
            ..vpn(true, true)
        };
        assert_eq!(
            capped.throughput_mbps(),
            800,
            "never more than the internet link"
        );
    }
}

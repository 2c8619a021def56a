// The clean base design of the library's unit tests (the rule fixtures, costing) and of the
// integration tests, and the helpers that build and change it: one definition for both.
// Included (`include!`) by `src/lib.rs` (module `fixture_design`, tests only) and by
// `tests/common/mod.rs`, each of which brings the model's names into scope first (the library
// as `crate::model`, the tests as `linkwright::model`), so this file names no crate path.

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("built-in catalog parses"))
}

pub fn cidrs(list: &[&str]) -> Vec<Cidr> {
    list.iter()
        .map(|c| c.parse().expect("test prefix"))
        .collect()
}

pub fn node(id: &str, x: f64, kind: NodeKind) -> Node {
    Node {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 0.0),
        notes: String::new(),
        kind,
    }
}

pub fn link(id: &str, a: &str, b: &str, kind: LinkKind) -> Link {
    Link {
        id: id.into(),
        name: String::new(),
        a: a.into(),
        b: b.into(),
        notes: String::new(),
        kind,
    }
}

pub fn er_circuit(bandwidth_mbps: u64, tier: ErSkuTier) -> ExpressRouteCircuit {
    ExpressRouteCircuit {
        provider: "Equinix".into(),
        direct_port: None,
        bandwidth_mbps,
        sku_tier: tier,
        billing: ErBilling::Metered,
        peerings: ErPeerings {
            private: Some(ErPrivatePeering {
                peer_asn: Some(65010),
                vlan: Some(100),
                advertised_ipv4_prefixes: 10,
                advertised_ipv6_prefixes: 0,
            }),
            microsoft: None,
        },
        redundant_bgp: true,
        fastpath: false,
        metro_secondary_facility: None,
        global_reach: vec![],
        vnet_links: 1,
    }
}

pub fn vif(name: &str, vif_type: VifType, vlan: u16, mtu: u32) -> VirtualInterface {
    VirtualInterface {
        name: name.into(),
        vif_type,
        vlan,
        customer_asn: 65010,
        mtu,
        advertised_prefixes: 10,
        sitelink: false,
    }
}

pub fn dx_connection(capacity_mbps: u64, device: &str) -> DirectConnectConnection {
    DirectConnectConnection {
        connection_type: DxConnectionType::Dedicated,
        capacity_mbps,
        lag_members: 1,
        macsec: false,
        aws_device: device.into(),
        partner: String::new(),
        vifs: vec![vif("transit", VifType::Transit, 300, 8500)],
    }
}

pub fn facility(er: Option<&str>, dx: Option<&str>) -> NodeKind {
    NodeKind::ColocationFacility(ColocationFacility {
        operator: "Equinix".into(),
        facility_name: String::new(),
        metro: String::new(),
        er_peering_location: er.map(Into::into),
        dx_location: dx.map(Into::into),
        er_direct_ports: vec![],
    })
}

/// A clean dual-cloud design (two carriers, two ER providers): one site dual-homed to Equinix
/// DC2 (Washington DC / EQDC2) and Equinix CH1 (Chicago / EQC50), one ER circuit and one DX
/// connection from each, an East US hub (ErGw3AZ) and us-east-1 behind a DX gateway + TGW, and
/// a demand toward each cloud.
pub fn base() -> Design {
    let mut d = Design::new("fixture base");
    d.nodes = vec![
        node(
            "site",
            0.0,
            NodeKind::OnPremSite(OnPremSite {
                metro: "New York".into(),
                edge_routers: vec!["ce1".into(), "ce2".into()],
                asn: Some(65010),
                prefixes: cidrs(&["10.0.0.0/16"]),
            }),
        ),
        node(
            "fac-dc2",
            100.0,
            facility(Some("Washington DC"), Some("EQDC2")),
        ),
        node("fac-ch1", 200.0, facility(Some("Chicago"), Some("EQC50"))),
        node(
            "az",
            300.0,
            NodeKind::AzureRegion(AzureRegion {
                region: "eastus".into(),
                gateway: Some(ErGateway {
                    sku: ErGatewaySku::ErGw3Az,
                    scale_units: None,
                    zone_redundant: true,
                }),
                vpn_gateway: None,
                vnet_cidrs: cidrs(&["172.16.0.0/16"]),
            }),
        ),
        node(
            "aws",
            400.0,
            NodeKind::AwsRegion(AwsRegion {
                region: "us-east-1".into(),
                attachment: AwsAttachment::DxGatewayTgw,
                dx_gateway: Some("dxgw".into()),
                vgw_asn: None,
                dx_gateway_asn: Some(64600),
                tgw_asn: Some(64700),
                tgw_vpc_attachments: vec![],
                tgw_peering_attachments: vec![],
                vpc_cidrs: cidrs(&["100.64.0.0/16"]),
            }),
        ),
    ];
    let access = |router: &str, carrier: &str| {
        LinkKind::AccessCircuit(AccessCircuit {
            carrier: carrier.into(),
            bandwidth_mbps: 10_000,
            edge_router: Some(router.into()),
            monthly_usd: Some(Usd::from_cents(250_000)),
        })
    };
    d.links = vec![
        link("acc-1", "site", "fac-dc2", access("ce1", "Lumen")),
        link("acc-2", "site", "fac-ch1", access("ce2", "Zayo")),
        link(
            "er-1",
            "fac-dc2",
            "az",
            LinkKind::ExpressRouteCircuit(er_circuit(1_000, ErSkuTier::Standard)),
        ),
        link(
            "er-2",
            "fac-ch1",
            "az",
            LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                provider: "Megaport".into(),
                ..er_circuit(1_000, ErSkuTier::Standard)
            }),
        ),
        link(
            "dx-1",
            "fac-dc2",
            "aws",
            LinkKind::DirectConnectConnection(dx_connection(10_000, "EqDC2-a")),
        ),
        link(
            "dx-2",
            "fac-ch1",
            "aws",
            LinkKind::DirectConnectConnection(dx_connection(10_000, "EqC50-b")),
        ),
    ];
    d.demands = vec![
        Demand {
            id: "d-az".into(),
            site: "site".into(),
            region: "az".into(),
            required_mbps: 500,
            egress_gb_per_month: 1000,
            criticality: Criticality::High,
            target_resiliency: None,
            notes: String::new(),
        },
        Demand {
            id: "d-aws".into(),
            site: "site".into(),
            region: "aws".into(),
            required_mbps: 500,
            egress_gb_per_month: 1000,
            criticality: Criticality::High,
            target_resiliency: None,
            notes: String::new(),
        },
    ];
    d
}

pub fn node_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut Node {
    d.nodes
        .iter_mut()
        .find(|n| n.id.as_str() == id)
        .expect("fixture node")
}

pub fn link_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut Link {
    d.links
        .iter_mut()
        .find(|l| l.id.as_str() == id)
        .expect("fixture link")
}

pub fn er_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut ExpressRouteCircuit {
    match &mut link_mut(d, id).kind {
        LinkKind::ExpressRouteCircuit(c) => c,
        _ => panic!("{id} is not an ER circuit"),
    }
}

pub fn dx_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut DirectConnectConnection {
    match &mut link_mut(d, id).kind {
        LinkKind::DirectConnectConnection(c) => c,
        _ => panic!("{id} is not a DX connection"),
    }
}

pub fn site_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut OnPremSite {
    match &mut node_mut(d, id).kind {
        NodeKind::OnPremSite(s) => s,
        _ => panic!("{id} is not a site"),
    }
}

pub fn fac_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut ColocationFacility {
    match &mut node_mut(d, id).kind {
        NodeKind::ColocationFacility(f) => f,
        _ => panic!("{id} is not a facility"),
    }
}

pub fn azure_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut AzureRegion {
    match &mut node_mut(d, id).kind {
        NodeKind::AzureRegion(a) => a,
        _ => panic!("{id} is not an Azure region"),
    }
}

pub fn aws_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut AwsRegion {
    match &mut node_mut(d, id).kind {
        NodeKind::AwsRegion(a) => a,
        _ => panic!("{id} is not an AWS region"),
    }
}


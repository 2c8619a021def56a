//! Costing: the reference's worked examples to the cent, layering, unpriced Azure lines.

mod common;

use common::*;
use linkwright::costing::{self, Category, Options, UserBook};
use linkwright::model::*;

fn usd(s: &str) -> Usd {
    s.parse().unwrap()
}

/// One site, one facility at Equinix DC2 (EQDC2), one 1 Gbps dedicated connection into
/// us-east-1 through a VGW; the access circuit has no cost entered (it is a carrier line).
fn dx_design() -> Design {
    let mut d = Design::new("worked example");
    d.nodes = vec![
        node(
            "site",
            0.0,
            NodeKind::OnPremSite(OnPremSite {
                edge_routers: vec!["ce1".into()],
                ..Default::default()
            }),
        ),
        node("fac", 1.0, facility(Some("Washington DC"), Some("EQDC2"))),
        node(
            "use1",
            2.0,
            NodeKind::AwsRegion(AwsRegion {
                region: "us-east-1".into(),
                attachment: AwsAttachment::VirtualPrivateGateway,
                dx_gateway: None,
                vgw_asn: Some(64512),
                dx_gateway_asn: None,
                tgw_asn: None,
                tgw_vpc_attachments: vec![],
                tgw_peering_attachments: vec![],
                vpc_cidrs: vec![],
            }),
        ),
    ];
    let mut dx = dx_connection(1_000, "EqDC2-a");
    dx.vifs = vec![vif("p", VifType::Private, 100, 1500)];
    d.links = vec![
        link(
            "acc",
            "site",
            "fac",
            LinkKind::AccessCircuit(AccessCircuit {
                bandwidth_mbps: 10_000,
                edge_router: Some("ce1".into()),
                ..Default::default()
            }),
        ),
        link("dx", "fac", "use1", LinkKind::DirectConnectConnection(dx)),
    ];
    d
}

fn aws_total(d: &Design) -> Usd {
    let c = costing::cost(d, catalog(), &UserBook::empty(), Options::default());
    c.items
        .iter()
        .filter(|i| i.biller == costing::Biller::Aws)
        .filter_map(|i| i.monthly)
        .fold(Usd::ZERO, |a, b| Usd::from_micros(a.micros() + b.micros()))
}

fn add_region_demand(d: &mut Design, id: &str, region: &str, gb: u64) {
    // The us-east-1 connection reaches regions behind the same DX gateway.
    if let NodeKind::AwsRegion(r) = &mut node_mut(d, "use1").kind {
        r.attachment = AwsAttachment::DxGatewayVgw;
        r.dx_gateway = Some("gw".into());
    }
    d.nodes.push(node(
        id,
        3.0,
        NodeKind::AwsRegion(AwsRegion {
            region: region.into(),
            attachment: AwsAttachment::DxGatewayVgw,
            dx_gateway: Some("gw".into()),
            vgw_asn: Some(64512),
            dx_gateway_asn: None,
            tgw_asn: None,
            tgw_vpc_attachments: vec![],
            tgw_peering_attachments: vec![],
            vpc_cidrs: vec![],
        }),
    ));
    d.demands.push(Demand {
        id: format!("d-{id}").into(),
        site: "site".into(),
        region: id.into(),
        required_mbps: 100,
        egress_gb_per_month: gb,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
}

#[test]
fn inf_aws_dx_01_one_gbps_dedicated_at_eqdc2() {
    assert_eq!(aws_total(&dx_design()), usd("219.00"));
}

#[test]
fn inf_aws_dx_03_with_200_gb_from_us_east_1() {
    let mut d = dx_design();
    d.demands.push(Demand {
        id: "d".into(),
        site: "site".into(),
        region: "use1".into(),
        required_mbps: 100,
        egress_gb_per_month: 200,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
    assert_eq!(aws_total(&d), usd("223.00"));
}

#[test]
fn inf_aws_dx_02_with_eu_west_1_and_ap_east_1() {
    let mut d = dx_design();
    add_region_demand(&mut d, "euw1", "eu-west-1", 1_000);
    add_region_demand(&mut d, "ape1", "ap-east-1", 3_000);
    assert_eq!(aws_total(&d), usd("517.20"));
}

#[test]
fn inf_aws_dxga_02_gateway_association_with_100_gb() {
    let mut d = dx_design();
    if let NodeKind::AwsRegion(r) = &mut node_mut(&mut d, "use1").kind {
        r.attachment = AwsAttachment::DxGatewayTgw;
        r.dx_gateway = Some("gw".into());
    }
    dx_mut(&mut d, "dx").vifs = vec![vif("t", VifType::Transit, 100, 8500)];
    d.demands.push(Demand {
        id: "d".into(),
        site: "site".into(),
        region: "use1".into(),
        required_mbps: 100,
        egress_gb_per_month: 100,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let tgw: i64 = c
        .items
        .iter()
        .filter(|i| i.category == Category::TransitGateway)
        .filter_map(|i| i.monthly)
        .map(|m| m.micros())
        .sum();
    assert_eq!(Usd::from_micros(tgw), usd("38.50"));
}

#[test]
fn inf_aws_vpn_04_vpn_on_a_tgw_with_100_gb() {
    let mut d = dx_design();
    d.links.retain(|l| l.id.as_str() == "acc");
    if let NodeKind::AwsRegion(r) = &mut node_mut(&mut d, "use1").kind {
        r.attachment = AwsAttachment::DxGatewayTgw;
        r.dx_gateway = Some("gw".into());
    }
    d.links.push(link(
        "vpn",
        "site",
        "use1",
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 1_000,
            large_tunnels: false,
            on_transit_gateway: true,
        }),
    ));
    d.demands.push(Demand {
        id: "d".into(),
        site: "site".into(),
        region: "use1".into(),
        required_mbps: 100,
        egress_gb_per_month: 100,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    // VPN connection + its TGW attachment + 100 GB processing; the DX gateway association of the
    // region is a separate attachment and not part of the example.
    let vpn: i64 = c
        .items
        .iter()
        .filter(|i| i.element == "vpn")
        .filter_map(|i| i.monthly)
        .map(|m| m.micros())
        .sum();
    assert_eq!(Usd::from_micros(vpn), usd("75.00"));
    // Internet egress over the VPN is not priced: it is listed as unpriced.
    assert!(
        c.unpriced
            .iter()
            .any(|u| u.meter == "aws.internet.data_transfer_out")
    );
}

#[test]
fn two_gbps_hosted_is_481_80_and_two_are_963_60() {
    let mut d = dx_design();
    let c = dx_mut(&mut d, "dx");
    c.connection_type = DxConnectionType::Hosted;
    c.capacity_mbps = 2_000;
    assert_eq!(aws_total(&d), usd("481.80"));
    let mut second = link_mut(&mut d, "dx").clone();
    second.id = "dx2".into();
    d.links.push(second);
    assert_eq!(aws_total(&d), usd("963.60"));
}

#[test]
fn azure_circuits_are_unpriced_until_quoted_and_layers_apply_in_order() {
    let d = base();
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let er: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.category == Category::ExpressRouteCircuits)
        .collect();
    assert_eq!(er.len(), 2);
    assert!(
        er.iter()
            .all(|i| i.monthly.is_none() && i.unpriced_reason.is_some())
    );
    assert!(!c.is_complete());
    assert!(
        c.unpriced
            .iter()
            .any(|u| u.element == "er-1" && u.meter == "azure.er.circuit")
    );

    // A user price book entry prices both circuits ...
    let mut book = UserBook::empty();
    book.prices.push(serde_json::from_value(serde_json::json!({
        "id": "my-er-1g", "meter": "azure.er.circuit",
        "dims": {"tier": "standard", "billing": "metered", "bandwidth_mbps": 1000, "zone": 1},
        "unit": "month", "usd": "436.00", "source": "Azure Retail Prices API", "as_of": "2026-11-01",
        "confidence": "OFF", "reference": "import"
    })).unwrap());
    let c = costing::cost(&d, catalog(), &book, Options::default());
    let er1 = c
        .items
        .iter()
        .find(|i| i.element == "er-1" && i.category == Category::ExpressRouteCircuits)
        .unwrap();
    assert_eq!(er1.monthly, Some(usd("436.00")));

    // ... a design quote for one circuit beats the book ...
    let mut quoted = d.clone();
    quoted.settings.price_overrides.push(PriceOverride {
        meter: "azure.er.circuit".into(),
        element: Some("er-1".into()),
        unit: PriceUnit::Month,
        usd: usd("400.00"),
        note: "Q-2026-118".into(),
    });
    let c = costing::cost(&quoted, catalog(), &book, Options::default());
    let er = |c: &costing::Costing, id: &str| {
        c.items
            .iter()
            .find(|i| i.element == id && i.category == Category::ExpressRouteCircuits)
            .unwrap()
            .monthly
    };
    assert_eq!(er(&c, "er-1"), Some(usd("400.00")));
    assert_eq!(er(&c, "er-2"), Some(usd("436.00")));

    // ... and a discount applies last.
    quoted.settings.discounts.push(Discount {
        provider: "Azure".into(),
        percent: "10".parse().unwrap(),
        note: String::new(),
    });
    let c = costing::cost(&quoted, catalog(), &book, Options::default());
    assert_eq!(er(&c, "er-1"), Some(usd("360.00")));
    assert_eq!(er(&c, "er-2"), Some(usd("392.40")));
}

#[test]
fn totals_are_exact_and_the_month_is_configurable() {
    let d = dx_design();
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    assert_eq!(c.hours_per_month, 730);
    assert_eq!(c.totals.monthly, usd("219.00"));
    assert_eq!(c.totals.annual, usd("2628.00"));
    assert_eq!(c.totals.three_year, usd("7884.00"));
    // AWS-UG-PORT: 24 h x 31 days at $0.30 = $223.20.
    let c = costing::cost(
        &d,
        catalog(),
        &UserBook::empty(),
        Options {
            hours_per_month: 744,
        },
    );
    assert_eq!(c.totals.monthly, usd("223.20"));
    // The access circuit has no cost entered: unpriced, named.
    assert!(c.unpriced.iter().any(|u| u.element == "acc"));
}

fn entry(
    id: &str,
    meter: &str,
    dims: serde_json::Value,
    unit: &str,
    usd: &str,
) -> linkwright::catalog::PriceEntry {
    serde_json::from_value(serde_json::json!({
        "id": id, "meter": meter, "dims": dims, "unit": unit, "usd": usd,
        "source": "test quote", "as_of": "2026-11-01", "confidence": "OFF", "reference": "test"
    }))
    .unwrap()
}

#[test]
fn metered_vs_unlimited_break_even() {
    let mut d = base();
    d.demands[0].egress_gb_per_month = 10_000; // split over er-1 and er-2: 5,000 GB each
    let mut book = UserBook::empty();
    book.prices.push(entry(
        "m",
        "azure.er.circuit",
        serde_json::json!({"tier": "standard", "billing": "metered", "bandwidth_mbps": 1000}),
        "month",
        "100.00",
    ));
    book.prices.push(entry(
        "u",
        "azure.er.circuit",
        serde_json::json!({"tier": "standard", "billing": "unlimited", "bandwidth_mbps": 1000}),
        "month",
        "400.00",
    ));
    book.prices.push(entry(
        "e",
        "azure.er.egress",
        serde_json::json!({"zone": 1}),
        "GB",
        "0.025",
    ));
    let c = costing::cost(&d, catalog(), &book, Options::default());
    let b = costing::Book::new(catalog(), &book, &d);
    let w = costing::whatif::what_if(&d, catalog(), &b, &c, Options::default());
    let er1 = w
        .express_route
        .iter()
        .find(|x| x.circuit == "er-1")
        .unwrap();
    assert_eq!(er1.egress_gb, 5_000.0);
    assert_eq!(er1.metered_monthly, Some(usd("225.00"))); // 100 + 5,000 x 0.025
    assert_eq!(er1.unlimited_monthly, Some(usd("400.00")));
    assert_eq!(er1.break_even_gb, Some(12_000)); // (400 - 100) / 0.025
    // Without prices the comparison names what is missing.
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let empty = UserBook::empty();
    let b = costing::Book::new(catalog(), &empty, &d);
    let w = costing::whatif::what_if(&d, catalog(), &b, &c, Options::default());
    assert_eq!(w.express_route[0].missing.len(), 3);
    assert_eq!(w.express_route[0].break_even_gb, None);
}

#[test]
fn cheapest_option_per_demand_follows_the_target_model() {
    let mut d = base();
    d.demands[1].required_mbps = 800;
    d.demands[1].egress_gb_per_month = 0;
    let empty = UserBook::empty();
    let run = |d: &Design| {
        let c = costing::cost(d, catalog(), &empty, Options::default());
        let b = costing::Book::new(catalog(), &empty, d);
        costing::whatif::what_if(d, catalog(), &b, &c, Options::default())
    };
    // No target: a dedicated 1 Gbps port ($219.00) and a hosted 1 Gbps connection ($240.90)
    // both serve it; the cheaper is listed first.
    let w = run(&d);
    let opts = &w
        .demands
        .iter()
        .find(|x| x.demand == "d-aws")
        .unwrap()
        .options;
    assert_eq!(opts[0].description, "1 × 1 Gbps dedicated Direct Connect");
    assert_eq!(opts[0].monthly, Some(usd("219.00")));
    assert_eq!(opts[1].description, "1 × 1 Gbps hosted Direct Connect");
    assert_eq!(opts[1].monthly, Some(usd("240.90")));
    // Maximum: four dedicated connections, no hosted option.
    d.demands[1].target_resiliency = Some(ResiliencyTarget::Maximum);
    let w = run(&d);
    let opts = &w
        .demands
        .iter()
        .find(|x| x.demand == "d-aws")
        .unwrap()
        .options;
    assert_eq!(opts.len(), 1);
    assert_eq!(opts[0].monthly, Some(usd("876.00")));
}

#[test]
fn transfer_out_falls_back_to_a_location_with_the_same_home_region() {
    // us-east-1 -> EQNY5 has no price of its own; EQDC2 is homed in us-east-1 too and is priced.
    let mut d = dx_design();
    fac_mut(&mut d, "fac").dx_location = Some("EQNY5".into());
    d.demands.push(Demand {
        id: "d".into(),
        site: "site".into(),
        region: "use1".into(),
        required_mbps: 100,
        egress_gb_per_month: 1_000,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let dto = c
        .items
        .iter()
        .find(|i| i.category == Category::DataTransferOut)
        .unwrap();
    assert_eq!(dto.monthly, Some(usd("20.00")));
    assert!(
        dto.description.contains("priced as EQDC2") && dto.description.contains("fallback"),
        "{}",
        dto.description
    );
    // A region with no priced location homed in the same region stays unpriced.
    if let NodeKind::AwsRegion(r) = &mut node_mut(&mut d, "use1").kind {
        r.region = "eu-central-1".into();
    }
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    assert!(
        c.unpriced
            .iter()
            .any(|u| u.meter == "aws.dx.data_transfer_out")
    );
}

/// The worked-example region behind a DX gateway + Transit Gateway, reached over a transit VIF,
/// with 100 GB of egress (INF-AWS-DXGA-02).
fn tgw_design() -> Design {
    let mut d = dx_design();
    let r = aws_mut(&mut d, "use1");
    r.attachment = AwsAttachment::DxGatewayTgw;
    r.dx_gateway = Some("gw".into());
    r.vgw_asn = None;
    dx_mut(&mut d, "dx").vifs = vec![vif("t", VifType::Transit, 100, 8500)];
    d.demands.push(Demand {
        id: "d".into(),
        site: "site".into(),
        region: "use1".into(),
        required_mbps: 100,
        egress_gb_per_month: 100,
        criticality: Criticality::Low,
        target_resiliency: None,
        notes: String::new(),
    });
    d
}

fn tgw_lines(c: &costing::Costing) -> Vec<&costing::LineItem> {
    c.items
        .iter()
        .filter(|i| i.category == Category::TransitGateway)
        .collect()
}

#[test]
fn each_tgw_vpc_and_peering_attachment_is_its_own_line_at_the_catalog_price() {
    // Clean twin: no attachments stated, the DX gateway association and 100 GB processed.
    let clean = tgw_design();
    let c = costing::cost(&clean, catalog(), &UserBook::empty(), Options::default());
    assert_eq!(tgw_lines(&c).len(), 2, "association + processing");

    let mut d = tgw_design();
    let r = aws_mut(&mut d, "use1");
    r.tgw_vpc_attachments = vec![
        TgwVpcAttachment {
            name: "prod".into(),
        },
        TgwVpcAttachment {
            name: "shared-services".into(),
        },
    ];
    r.tgw_peering_attachments = vec![TgwPeeringAttachment {
        name: "use1-euw1".into(),
        peer_region: "eu-west-1".into(),
    }];
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let lines = tgw_lines(&c);
    assert_eq!(
        lines.len(),
        5,
        "association + 2 VPC + 1 peering + processing"
    );
    for needle in [
        "VPC attachment prod",
        "VPC attachment shared-services",
        "peering attachment use1-euw1 to eu-west-1",
    ] {
        let line = lines
            .iter()
            .find(|i| i.description.contains(needle))
            .unwrap_or_else(|| panic!("no line for {needle}: {lines:#?}"));
        assert_eq!(line.element, "use1");
        assert_eq!(line.meter, "aws.tgw.attachment");
        assert_eq!(line.quantity_text(), "730 h");
        assert_eq!(line.unit_price, Some(usd("0.05")));
        assert_eq!(line.monthly, Some(usd("36.50")));
        match &line.provenance {
            Some(costing::Provenance::Catalog { id, reference, .. }) => {
                assert_eq!(id, "AWS-TGW-ATTACH");
                assert_eq!(reference, "2.6");
            }
            other => panic!("{needle}: {other:?}"),
        }
    }
    // Data processing is the demand's one line, not repeated per VPC attachment or peering.
    let processing: Vec<_> = lines
        .iter()
        .filter(|i| i.meter == "aws.tgw.data_processing")
        .collect();
    assert_eq!(processing.len(), 1);
    assert_eq!(processing[0].monthly, Some(usd("2.00")));
    let tgw: i64 = lines
        .iter()
        .filter_map(|i| i.monthly)
        .map(|m| m.micros())
        .sum();
    // INF-AWS-DXGA-02 ($38.50) + three attachments at $36.50.
    assert_eq!(Usd::from_micros(tgw), usd("148.00"));
}

#[test]
fn tgw_attachments_outside_us_east_1_are_unpriced_with_the_reason() {
    let mut d = tgw_design();
    let r = aws_mut(&mut d, "use1");
    r.region = "eu-west-1".into();
    r.tgw_vpc_attachments = vec![TgwVpcAttachment {
        name: "prod".into(),
    }];
    r.tgw_peering_attachments = vec![TgwPeeringAttachment {
        name: "euw1-use1".into(),
        peer_region: "us-east-1".into(),
    }];
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let attachments: Vec<_> = tgw_lines(&c)
        .into_iter()
        .filter(|i| i.description.contains("VPC attachment") || i.description.contains("peering"))
        .collect();
    assert_eq!(attachments.len(), 2);
    for line in attachments {
        assert_eq!(line.monthly, None);
        let reason = line.unpriced_reason.as_deref().unwrap();
        assert!(
            reason.contains("no price for aws.tgw.attachment") && reason.contains("eu-west-1"),
            "{reason}"
        );
    }
}

/// A site with two VPNs into an Azure region (no ExpressRoute).
fn azure_vpn_design(gateway: Option<VpnGateway>) -> Design {
    let mut d = Design::new("azure vpn");
    d.nodes = vec![
        node(
            "site",
            0.0,
            NodeKind::OnPremSite(OnPremSite {
                edge_routers: vec!["ce1".into(), "ce2".into()],
                ..Default::default()
            }),
        ),
        node(
            "az",
            1.0,
            NodeKind::AzureRegion(AzureRegion {
                region: "eastus".into(),
                vpn_gateway: gateway,
                ..Default::default()
            }),
        ),
    ];
    let vpn = || {
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 500,
            large_tunnels: false,
            on_transit_gateway: false,
        })
    };
    d.links = vec![
        link("vpn-1", "site", "az", vpn()),
        link("vpn-2", "site", "az", vpn()),
    ];
    d
}

fn vpn_gateway_lines(c: &costing::Costing) -> Vec<&costing::LineItem> {
    c.items
        .iter()
        .filter(|i| i.meter == "azure.vpn.gateway")
        .collect()
}

#[test]
fn vpns_into_an_azure_region_without_a_gateway_give_one_unpriced_line_with_the_reason() {
    let d = azure_vpn_design(None);
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let lines = vpn_gateway_lines(&c);
    assert_eq!(lines.len(), 1, "one gateway, not one per VPN: {lines:#?}");
    assert_eq!(lines[0].element, "az");
    assert_eq!(lines[0].monthly, None);
    let reason = lines[0].unpriced_reason.as_deref().unwrap();
    assert!(reason.contains("VPN gateway SKU is not stated"), "{reason}");
    assert!(
        c.unpriced
            .iter()
            .any(|u| u.element == "az" && u.meter == "azure.vpn.gateway")
    );
    // A region that no VPN ends on needs no VPN gateway: no line.
    let mut quiet = d.clone();
    quiet.links.clear();
    let c = costing::cost(&quiet, catalog(), &UserBook::empty(), Options::default());
    assert!(vpn_gateway_lines(&c).is_empty());
}

#[test]
fn the_azure_vpn_gateway_is_one_line_priced_by_its_sku() {
    let gateway = VpnGateway {
        sku: VpnGatewaySku::VpnGw2Az,
        generation: Some(VpnGatewayGeneration::Generation2),
        zone_redundant: true,
    };
    let d = azure_vpn_design(Some(gateway));
    // A price for another SKU does not apply; the gateway's own SKU does.
    let mut book = UserBook::empty();
    book.prices.push(entry(
        "gw1",
        "azure.vpn.gateway",
        serde_json::json!({"sku": "vpn_gw1"}),
        "hour",
        "0.19",
    ));
    let c = costing::cost(&d, catalog(), &book, Options::default());
    let lines = vpn_gateway_lines(&c);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0].element, "az");
    assert_eq!(lines[0].description, "VpnGw2AZ VPN gateway in eastus");
    assert!(
        !matches!(&lines[0].provenance, Some(costing::Provenance::UserBook { id, .. }) if id == "gw1"),
        "{:?}",
        lines[0].provenance
    );
    book.prices.push(entry(
        "gw2az",
        "azure.vpn.gateway",
        serde_json::json!({"sku": "vpn_gw2_az"}),
        "hour",
        "0.50",
    ));
    let c = costing::cost(&d, catalog(), &book, Options::default());
    let lines = vpn_gateway_lines(&c);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].quantity_text(), "730 h");
    assert_eq!(lines[0].unit_price, Some(usd("0.50")));
    assert_eq!(lines[0].monthly, Some(usd("365.00")));
    assert!(
        matches!(&lines[0].provenance, Some(costing::Provenance::UserBook { id, .. }) if id == "gw2az"),
        "{:?}",
        lines[0].provenance
    );
    // A design quote for the gateway beats the book.
    let mut quoted = d.clone();
    quoted.settings.price_overrides.push(PriceOverride {
        meter: "azure.vpn.gateway".into(),
        element: Some("az".into()),
        unit: PriceUnit::Month,
        usd: usd("300.00"),
        note: "EA rate".into(),
    });
    let c = costing::cost(&quoted, catalog(), &book, Options::default());
    let lines = vpn_gateway_lines(&c);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].monthly, Some(usd("300.00")));
}

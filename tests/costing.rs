//! Costing: the reference's worked examples to the cent, layering, unpriced Azure lines.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

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
    let internet = |i: &&costing::LineItem| i.meter == "aws.internet.data_transfer_out";
    let vpn: i64 = c
        .items
        .iter()
        .filter(|i| i.element == "vpn" && !internet(i))
        .filter_map(|i| i.monthly)
        .map(|m| m.micros())
        .sum();
    assert_eq!(Usd::from_micros(vpn), usd("75.00"));
    // Internet egress over the VPN is priced apart, by monthly tier: 100 GB in the first 10 TB.
    let out: Vec<_> = c.items.iter().filter(internet).collect();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].monthly, Some(usd("9.00")));
    assert_eq!(out[0].quantity_text(), "100 GB");
    assert!(
        out[0].description.contains("first 10 TB"),
        "{}",
        out[0].description
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
fn azure_circuits_are_priced_from_the_catalog_and_layers_apply_in_order() {
    let d = base();
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let er: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.category == Category::ExpressRouteCircuits)
        .collect();
    assert_eq!(er.len(), 2);
    // Standard Metered 1 Gbps in Zone 1 (Washington DC, Chicago): $436.00 a month, from the
    // secondary collector (azure-er-prices.md S4), which the line says.
    for i in &er {
        assert_eq!(i.monthly, Some(usd("436.00")), "{}", i.description);
        let p = i.provenance.as_ref().unwrap().short();
        assert_eq!(p, "AZ-TCO-S4 [secondary source, 2026-07]");
    }

    // A user price book entry beats the catalog for both circuits ...
    let mut book = UserBook::empty();
    book.prices.push(serde_json::from_value(serde_json::json!({
        "id": "my-er-1g", "meter": "azure.er.circuit",
        "dims": {"tier": "standard", "billing": "metered", "bandwidth_mbps": 1000, "zone": 1},
        "unit": "month", "usd": "436.00", "source": "Azure Retail Prices API", "as_of": "2026-11-01",
        "confidence": "OFF", "reference": "import"
    })).unwrap());
    book.prices[0].usd = usd("430.00");
    let c = costing::cost(&d, catalog(), &book, Options::default());
    let er1 = c
        .items
        .iter()
        .find(|i| i.element == "er-1" && i.category == Category::ExpressRouteCircuits)
        .unwrap();
    assert_eq!(er1.monthly, Some(usd("430.00")));
    assert!(
        er1.provenance
            .as_ref()
            .unwrap()
            .short()
            .starts_with("user book")
    );

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
    assert_eq!(er(&c, "er-2"), Some(usd("430.00")));

    // ... and a discount applies last.
    quoted.settings.discounts.push(Discount {
        provider: "Azure".into(),
        percent: "10".parse().unwrap(),
        note: String::new(),
    });
    let c = costing::cost(&quoted, catalog(), &book, Options::default());
    assert_eq!(er(&c, "er-1"), Some(usd("360.00")));
    assert_eq!(er(&c, "er-2"), Some(usd("387.00")));
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
    // With the built-in book (zone 1: metered 436.00, unlimited 5,700.00, 0.025 per GB).
    let empty = UserBook::empty();
    let c = costing::cost(&d, catalog(), &empty, Options::default());
    let b = costing::Book::new(catalog(), &empty, &d);
    let w = costing::whatif::what_if(&d, catalog(), &b, &c, Options::default());
    assert!(w.express_route[0].missing.is_empty());
    assert_eq!(w.express_route[0].break_even_gb, Some(210_560)); // (5,700 - 436) / 0.025
    // Without prices (no 40 Gbps provider circuit is priced) the comparison names what is missing.
    er_mut(&mut d, "er-1").bandwidth_mbps = 40_000;
    let c = costing::cost(&d, catalog(), &empty, Options::default());
    let b = costing::Book::new(catalog(), &empty, &d);
    let w = costing::whatif::what_if(&d, catalog(), &b, &c, Options::default());
    let er1 = w
        .express_route
        .iter()
        .find(|x| x.circuit == "er-1")
        .unwrap();
    assert_eq!(er1.missing.len(), 2, "{:?}", er1.missing);
    assert_eq!(er1.break_even_gb, None);
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

/// The what-if of a design priced from the built-in catalog alone.
fn what_if_of(d: &Design) -> costing::whatif::WhatIf {
    let empty = UserBook::empty();
    let c = costing::cost(d, catalog(), &empty, Options::default());
    let b = costing::Book::new(catalog(), &empty, d);
    costing::whatif::what_if(d, catalog(), &b, &c, Options::default())
}

fn options_of<'w>(
    w: &'w costing::whatif::WhatIf,
    demand: &str,
) -> &'w [costing::whatif::DemandOption] {
    &w.demands
        .iter()
        .find(|x| x.demand == demand)
        .unwrap()
        .options
}

#[test]
fn azure_options_follow_the_target_model_the_zone_and_the_billing() {
    let mut d = base();
    d.demands[0].required_mbps = 800;
    d.demands[0].egress_gb_per_month = 2_000;
    d.demands[0].target_resiliency = Some(ResiliencyTarget::High);
    let w = what_if_of(&d);
    let opts = options_of(&w, "d-az");
    let texts: Vec<&str> = opts.iter().map(|o| o.description.as_str()).collect();
    // High is met by two locations (priced, metered cheapest at 2,000 GB: 2 × $436 + 2,000 GB
    // × $0.025 in zone 1, where the design's circuits are) or by Metro (not in our sources).
    assert_eq!(
        texts,
        [
            "2 × 1 Gbps Standard Metered ExpressRoute at two peering locations",
            "2 × 1 Gbps Standard Unlimited ExpressRoute at two peering locations",
            "1 × 1 Gbps ExpressRoute Metro circuit",
        ]
    );
    assert_eq!(opts[0].monthly, Some(usd("922.00")));
    assert!(
        opts[0]
            .reason
            .contains("zone 1 (the design's peering locations"),
        "{}",
        opts[0].reason
    );
    assert_eq!(opts[1].monthly, Some(usd("11400.00")));
    assert_eq!(opts[2].monthly, None);
    assert!(
        opts[2]
            .reason
            .contains("Metro prices are not in our sources")
    );
    // A region no circuit reaches yet: zone 1 is assumed, and said so.
    d.links.retain(|l| l.as_er().is_none());
    let w = what_if_of(&d);
    let opts = options_of(&w, "d-az");
    assert!(
        opts[0].reason.contains("zone 1 assumed"),
        "{}",
        opts[0].reason
    );
}

#[test]
fn transfer_out_falls_back_to_a_location_with_the_same_home_region() {
    // eu-west-1 -> EQNY5 has no price of its own and no group price; EQDC2 is homed in
    // us-east-1 like EQNY5 and eu-west-1 -> EQDC2 is priced (0.0282).
    let mut d = dx_design();
    fac_mut(&mut d, "fac").dx_location = Some("EQNY5".into());
    if let NodeKind::AwsRegion(r) = &mut node_mut(&mut d, "use1").kind {
        r.region = "eu-west-1".into();
    }
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
    assert_eq!(dto.monthly, Some(usd("28.20")));
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

fn cost_of(d: &Design) -> costing::Costing {
    costing::cost(d, catalog(), &UserBook::empty(), Options::default())
}

fn line<'c>(c: &'c costing::Costing, element: &str, meter: &str) -> &'c costing::LineItem {
    c.items
        .iter()
        .find(|i| i.element == element && i.meter == meter)
        .unwrap_or_else(|| panic!("no {meter} line on {element}: {:#?}", c.items))
}

fn reason(i: &costing::LineItem) -> &str {
    assert!(i.monthly.is_none(), "{} is priced", i.description);
    i.unpriced_reason.as_deref().unwrap()
}

/// base() with er-1 moved to another peering location.
fn er1_at(location: &str, tier: ErSkuTier, billing: ErBilling) -> Design {
    let mut d = base();
    fac_mut(&mut d, "fac-dc2").er_peering_location = Some(location.into());
    let c = er_mut(&mut d, "er-1");
    c.sku_tier = tier;
    c.billing = billing;
    d
}

#[test]
fn circuits_are_priced_by_tier_plan_bandwidth_and_zone() {
    // Premium is priced by its own meter (no derived add-on): Premium Unlimited 1 Gbps, Zone 2.
    let c = cost_of(&er1_at("Tokyo", ErSkuTier::Premium, ErBilling::Unlimited));
    let er1 = line(&c, "er-1", "azure.er.circuit");
    assert_eq!(er1.monthly, Some(usd("10150.00")));
    assert!(er1.description.contains("zone 2"), "{}", er1.description);
    // Its twin in Zone 1 (Washington DC) is cheaper.
    let c = cost_of(&er1_at(
        "Washington DC",
        ErSkuTier::Premium,
        ErBilling::Unlimited,
    ));
    assert_eq!(
        line(&c, "er-1", "azure.er.circuit").monthly,
        Some(usd("6450.00"))
    );
    // The S4 oddity is kept as read: Standard Metered 100 Mbps is 110 in Zone 1, 100 in Zone 2.
    let mut d = er1_at("Washington DC", ErSkuTier::Standard, ErBilling::Metered);
    er_mut(&mut d, "er-1").bandwidth_mbps = 100;
    assert_eq!(
        line(&cost_of(&d), "er-1", "azure.er.circuit").monthly,
        Some(usd("110.00"))
    );
    fac_mut(&mut d, "fac-dc2").er_peering_location = Some("Tokyo".into());
    assert_eq!(
        line(&cost_of(&d), "er-1", "azure.er.circuit").monthly,
        Some(usd("100.00"))
    );
}

#[test]
fn local_circuits_are_unlimited_only_and_zone_4_has_no_local_price() {
    // Local Unlimited 1 Gbps in Zone 1: $1,200.00.
    let c = cost_of(&er1_at(
        "Washington DC",
        ErSkuTier::Local,
        ErBilling::Unlimited,
    ));
    assert_eq!(
        line(&c, "er-1", "azure.er.circuit").monthly,
        Some(usd("1200.00"))
    );
    // Local + Metered does not exist: not re-priced as unlimited, unpriced with the reason.
    let c = cost_of(&er1_at(
        "Washington DC",
        ErSkuTier::Local,
        ErBilling::Metered,
    ));
    let why = reason(line(&c, "er-1", "azure.er.circuit"));
    assert!(why.contains("only with unlimited data"), "{why}");
    assert!(c.unpriced.iter().any(|u| u.element == "er-1"));
    // Zone 4 (Queretaro) has no Local row: unpriced, saying so; Standard there is priced.
    let c = cost_of(&er1_at(
        "Queretaro (Mexico)",
        ErSkuTier::Local,
        ErBilling::Unlimited,
    ));
    let why = reason(line(&c, "er-1", "azure.er.circuit"));
    assert!(why.contains("Zone 4"), "{why}");
    let c = cost_of(&er1_at(
        "Queretaro (Mexico)",
        ErSkuTier::Standard,
        ErBilling::Unlimited,
    ));
    assert_eq!(
        line(&c, "er-1", "azure.er.circuit").monthly,
        Some(usd("8700.00"))
    );
}

#[test]
fn metro_fastpath_direct_and_global_reach_stay_unpriced_with_the_reason() {
    let mut d = base();
    let c = cost_of(&d);
    assert!(line(&c, "er-1", "azure.er.circuit").monthly.is_some());
    assert!(!c.items.iter().any(|i| i.meter == "azure.er.fastpath"));
    // A bandwidth that is not sold is unpriced because it does not exist.
    er_mut(&mut d, "er-1").bandwidth_mbps = 300;
    assert!(reason(line(&cost_of(&d), "er-1", "azure.er.circuit")).contains("is not offered"));
    er_mut(&mut d, "er-1").bandwidth_mbps = 1_000;
    er_mut(&mut d, "er-1").metro_secondary_facility = Some("fac-ch1".into());
    er_mut(&mut d, "er-1").fastpath = true;
    er_mut(&mut d, "er-1").global_reach = vec!["er-2".into()];
    let c = cost_of(&d);
    let metro = line(&c, "er-1", "azure.er.metro_circuit");
    assert!(
        metro.description.contains("ExpressRoute Metro"),
        "{}",
        metro.description
    );
    let why = reason(metro);
    assert!(
        why.contains("costs as a standard circuit") && why.contains("quote"),
        "{why}"
    );
    assert!(reason(line(&c, "er-1", "azure.er.fastpath")).contains("FastPath"));
    assert!(
        reason(line(&c, "er-1", "azure.er.global_reach_addon")).contains("Global Reach prices")
    );
    // ExpressRoute Direct: the port pair and a Premium circuit's add-on.
    fac_mut(&mut d, "fac-dc2").er_direct_ports = vec![ErDirectPort {
        id: "p1".into(),
        port_speed_mbps: 10_000,
    }];
    let er = er_mut(&mut d, "er-1");
    er.direct_port = Some("p1".into());
    er.sku_tier = ErSkuTier::Premium;
    let c = cost_of(&d);
    assert!(
        reason(line(&c, "fac-dc2", "azure.er.direct_port"))
            .contains("ExpressRoute Direct port-pair")
    );
    assert!(reason(line(&c, "er-1", "azure.er.direct_premium_addon")).contains("Premium add-on"));
}

#[test]
fn metered_egress_is_priced_by_zone_and_shares_add_up_exactly() {
    let mut d = base();
    d.demands[0].egress_gb_per_month = 10_001;
    let c = cost_of(&d);
    let egress: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.meter == "azure.er.egress")
        .collect();
    assert_eq!(egress.len(), 2);
    let total: u64 = egress.iter().map(|i| i.quantity_milli).sum();
    assert_eq!(total, 10_001_000, "billed volumes add up to the demand");
    let cost: i64 = egress.iter().map(|i| i.monthly.unwrap().micros()).sum();
    assert_eq!(Usd::from_micros(cost), usd("250.025")); // 10,001 GB x 0.025, Zone 1
    for i in &egress {
        assert_eq!(i.quantity_text(), "5,001 GB");
        assert!(
            i.description.starts_with("5,001 GB of demand d-az"),
            "{}",
            i.description
        );
        assert!(
            i.provenance
                .as_ref()
                .unwrap()
                .short()
                .contains("secondary source, 2026-07")
        );
    }
    // Unlimited circuits include egress: no egress line.
    er_mut(&mut d, "er-1").billing = ErBilling::Unlimited;
    er_mut(&mut d, "er-2").billing = ErBilling::Unlimited;
    assert!(
        !cost_of(&d)
            .items
            .iter()
            .any(|i| i.meter == "azure.er.egress")
    );
}

#[test]
fn largest_remainder_split_and_quantities_as_read() {
    assert_eq!(
        costing::split_exact(10_000_000, &[1, 1, 1]),
        vec![3_333_334, 3_333_333, 3_333_333]
    );
    assert_eq!(costing::split_exact(7, &[2, 1]), vec![5, 2]);
    assert_eq!(costing::split_exact(7, &[0, 0]), vec![0, 0]);
    assert_eq!(costing::split_exact(1_000, &[1, 0, 2]), vec![333, 0, 667]);
    assert_eq!(costing::gb_text(9_523_809), "9,524 GB");
    assert_eq!(costing::gb_text(1_234_567_499), "1,234,567 GB");
    assert_eq!(costing::gb_text(400), "<1 GB");
    assert_eq!(costing::gb_text(0), "0 GB");
}

#[test]
fn gateways_are_priced_per_region_and_say_when_the_sampled_price_stands_in() {
    // eastus has no row of its own in the Retail API snapshot: the price all 14 sampled regions
    // share, and the line says so.
    let mut d = base();
    let c = cost_of(&d);
    let gw = line(&c, "az", "azure.er.gateway");
    assert_eq!(gw.monthly, Some(usd("1570.23"))); // ErGw3AZ 2.151 x 730
    assert!(
        gw.description.contains("14 sampled commercial regions"),
        "{}",
        gw.description
    );
    assert!(
        gw.provenance
            .as_ref()
            .unwrap()
            .short()
            .contains("AZ-RETAIL-S1 2026-08-15 [OFF-copy]")
    );
    // westeurope has its own row: no such note.
    azure_mut(&mut d, "az").region = "westeurope".into();
    let gw = line(&cost_of(&d), "az", "azure.er.gateway").clone();
    assert_eq!(gw.monthly, Some(usd("1570.23")));
    assert!(!gw.description.contains("sampled"), "{}", gw.description);
    // The legacy top SKU and ErGwScale per unit.
    azure_mut(&mut d, "az").gateway.as_mut().unwrap().sku = ErGatewaySku::UltraPerformance;
    assert_eq!(
        line(&cost_of(&d), "az", "azure.er.gateway").monthly,
        Some(usd("1365.10"))
    );
    let gw = azure_mut(&mut d, "az").gateway.as_mut().unwrap();
    gw.sku = ErGatewaySku::ErGwScale;
    gw.scale_units = Some(2);
    azure_mut(&mut d, "az").region = "uksouth".into();
    assert_eq!(
        line(&cost_of(&d), "az", "azure.er.gateway").monthly,
        Some(usd("306.60"))
    );
    // mexicocentral has gateway rows but no ErGwScale row: unpriced, not the sampled price.
    azure_mut(&mut d, "az").region = "mexicocentral".into();
    let c = cost_of(&d);
    assert!(reason(line(&c, "az", "azure.er.gateway")).contains("no ErGwScale row"));
}

#[test]
fn direct_connect_transfer_out_by_group() {
    let with_demand = |region: &str, dx_location: &str| {
        let mut d = dx_design();
        fac_mut(&mut d, "fac").dx_location = Some(dx_location.into());
        if let NodeKind::AwsRegion(r) = &mut node_mut(&mut d, "use1").kind {
            r.region = region.into();
        }
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
        let c = cost_of(&d);
        line(&c, "dx", "aws.dx.data_transfer_out").clone()
    };
    // A mainland-US region to a US location without a pair price: the US group price.
    let l = with_demand("us-west-2", "EQNY5");
    assert_eq!(l.monthly, Some(usd("20.00")));
    assert!(
        l.description.contains("group price DX-DTO-US-US"),
        "{}",
        l.description
    );
    // The pair's own price when there is one (no group note).
    let l = with_demand("us-east-1", "EQDC2");
    assert_eq!(l.monthly, Some(usd("20.00")));
    assert!(!l.description.contains("group"), "{}", l.description);
    // Hawaii, Tokyo -> Japan, Tokyo -> US, Frankfurt -> Montreal.
    assert_eq!(
        with_demand("us-east-1", "ALN91").monthly,
        Some(usd("35.00"))
    );
    let jp = catalog()
        .dx_locations
        .iter()
        .find(|l| l.country == "JP")
        .unwrap();
    assert_eq!(
        with_demand("ap-northeast-1", &jp.code).monthly,
        Some(usd("41.00"))
    );
    assert_eq!(
        with_demand("ap-northeast-1", "EQNY5").monthly,
        Some(usd("90.00"))
    );
    assert_eq!(
        with_demand("eu-central-1", "NTM62").monthly,
        Some(usd("30.00"))
    );
    // A pair no source prices stays unpriced, saying why.
    let l = with_demand("eu-central-1", "EQNY5");
    assert!(
        reason(&l).contains("eu-central-1 → EQNY5"),
        "{}",
        reason(&l)
    );
}

#[test]
fn sitelink_is_priced_per_enabled_vif() {
    let mut d = dx_design();
    dx_mut(&mut d, "dx").vifs[0].sitelink = true;
    let c = cost_of(&d);
    let s = line(&c, "dx", "aws.dx.sitelink");
    assert_eq!(s.monthly, Some(usd("365.00"))); // 0.50 x 730
    assert!(s.description.contains("per GB") && s.description.contains("not included"));
    assert!(
        s.provenance
            .as_ref()
            .unwrap()
            .short()
            .contains("AWS-DTO-WB")
    );
}

/// dx_design() without the DX connection, with a VPN into us-east-1 and demands of `gbs`.
fn vpn_design(gbs: &[u64]) -> Design {
    let mut d = dx_design();
    d.links.retain(|l| l.id.as_str() == "acc");
    d.links.push(link(
        "vpn",
        "site",
        "use1",
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 1_000,
            large_tunnels: false,
            on_transit_gateway: false,
        }),
    ));
    for (i, &gb) in gbs.iter().enumerate() {
        d.demands.push(Demand {
            id: format!("d{i}").into(),
            site: "site".into(),
            region: "use1".into(),
            required_mbps: 100,
            egress_gb_per_month: gb,
            criticality: Criticality::Low,
            target_resiliency: None,
            notes: String::new(),
        });
    }
    d
}

fn internet_lines(c: &costing::Costing) -> Vec<&costing::LineItem> {
    c.items
        .iter()
        .filter(|i| i.meter == "aws.internet.data_transfer_out")
        .collect()
}

#[test]
fn internet_transfer_out_over_a_vpn_is_applied_by_tier() {
    // 60,000 GB: 10,240 x 0.09 + 40,960 x 0.085 + 8,800 x 0.07 = 921.60 + 3,481.60 + 616.00.
    let c = cost_of(&vpn_design(&[60_000]));
    let lines = internet_lines(&c);
    let amounts: Vec<_> = lines.iter().map(|i| i.monthly.unwrap()).collect();
    assert_eq!(amounts, vec![usd("921.60"), usd("3481.60"), usd("616.00")]);
    assert_eq!(lines[1].quantity_text(), "40,960 GB");
    assert!(
        lines[1].description.contains("next 40 TB"),
        "{}",
        lines[1].description
    );
    // Not an average: the same volume below the first tier bound is all at 0.09.
    let c = cost_of(&vpn_design(&[10_000]));
    assert_eq!(internet_lines(&c)[0].monthly, Some(usd("900.00")));
    // Two demands in one region share the month's tiers: 6,000 + 6,000 GB fill the first
    // 10,240 GB, the rest (1,760 GB) is in the next tier.
    let c = cost_of(&vpn_design(&[6_000, 6_000]));
    let lines = internet_lines(&c);
    let total: i64 = lines.iter().map(|i| i.monthly.unwrap().micros()).sum();
    assert_eq!(Usd::from_micros(total), usd("1071.20")); // 10,240 x 0.09 + 1,760 x 0.085
    let quantity: u64 = lines.iter().map(|i| i.quantity_milli).sum();
    assert_eq!(quantity, 12_000_000);
    assert!(costing::EGRESS_RULE.contains("100 GB free monthly allowance"));
}

#[test]
fn azure_egress_over_a_vpn_is_an_unpriced_line_not_a_missing_one() {
    let mut d = base();
    d.links.retain(|l| !l.id.as_str().starts_with("er-"));
    d.links.push(link(
        "vpn-az",
        "site",
        "az",
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 1_000,
            large_tunnels: false,
            on_transit_gateway: false,
        }),
    ));
    let c = cost_of(&d);
    let l = line(&c, "vpn-az", "azure.internet.data_transfer_out");
    assert_eq!(l.quantity_milli, 1_000_000);
    assert!(reason(l).contains("[GAP]"), "{}", reason(l));
    assert!(
        c.unpriced
            .iter()
            .any(|u| u.element == "vpn-az" && u.meter == "azure.internet.data_transfer_out")
    );
    // A quote prices it.
    d.settings.price_overrides.push(PriceOverride {
        meter: "azure.internet.data_transfer_out".into(),
        element: None,
        unit: PriceUnit::Gb,
        usd: usd("0.08"),
        note: "EA rate".into(),
    });
    let c = cost_of(&d);
    assert_eq!(
        line(&c, "vpn-az", "azure.internet.data_transfer_out").monthly,
        Some(usd("80.00"))
    );
}

#[test]
fn us_gov_circuits_are_priced_in_us_gov_zone_1() {
    let mut d = er1_at("Washington DC", ErSkuTier::Standard, ErBilling::Metered);
    azure_mut(&mut d, "az").region = "usgovvirginia".into();
    let c = cost_of(&d);
    let er1 = line(&c, "er-1", "azure.er.circuit");
    assert_eq!(er1.monthly, Some(usd("545.00")));
    assert!(
        er1.description.contains("US Gov Zone 1"),
        "{}",
        er1.description
    );
    let egress: i64 = c
        .items
        .iter()
        .filter(|i| i.element == "er-1" && i.meter == "azure.er.egress")
        .map(|i| i.monthly.unwrap().micros())
        .sum();
    assert!(egress > 0);
}

fn book_price(meter: &str, dims: &[(&str, serde_json::Value)]) -> Option<costing::Price> {
    let d = Design::default();
    let empty = UserBook::empty();
    let b = costing::Book::new(catalog(), &empty, &d);
    b.undiscounted(&costing::book::Query {
        meter,
        dims,
        element: "",
        provider: "azure",
    })
}

#[test]
fn azure_vpn_gateways_are_in_the_book_for_the_priced_skus_only() {
    use serde_json::json;
    let vpn = |sku: &str, region: &str| {
        book_price(
            "azure.vpn.gateway",
            &[("sku", json!(sku)), ("region", json!(region))],
        )
    };
    for (sku, price) in [
        ("basic", "0.036"),
        ("vpn_gw1", "0.19"),
        ("vpn_gw2", "0.49"),
        ("vpn_gw3", "1.25"),
        ("vpn_gw4", "2.10"),
        ("vpn_gw5", "3.65"),
        ("vpn_gw1_az", "0.21"),
    ] {
        let p = vpn(sku, "eastus").unwrap_or_else(|| panic!("{sku}"));
        assert_eq!(p.usd, usd(price), "{sku}");
        assert_eq!(p.fallback_note, None);
        // Another region: our source read eastus only, so no price is assumed.
        assert!(vpn(sku, "westeurope").is_none(), "{sku}");
    }
    for sku in ["vpn_gw2_az", "vpn_gw3_az", "vpn_gw4_az", "vpn_gw5_az"] {
        assert!(vpn(sku, "eastus").is_none(), "{sku}");
    }
}

#[test]
fn virtual_wan_scale_units_are_applied_by_tier() {
    let d = Design::default();
    let empty = UserBook::empty();
    let b = costing::Book::new(catalog(), &empty, &d);
    // INF-AZ-ERGW-01: 4 units = 4 x 306.60.
    assert_eq!(
        costing::vwan_er_scale_units_monthly(&b, "hub", 4, 730),
        Ok(usd("1226.40"))
    );
    // 7 units: 5 x 0.42 x 730 + 2 x 0.25 x 730.
    assert_eq!(
        costing::vwan_er_scale_units_monthly(&b, "hub", 7, 730),
        Ok(usd("1898.00"))
    );
    assert!(costing::vwan_er_scale_units_monthly(&b, "hub", 11, 730).is_err());
    let conn = book_price("azure.vwan.er_connection_unit", &[]).unwrap();
    assert_eq!(conn.usd, usd("0.05"));
}

#[test]
fn sample_designs_price_every_azure_circuit_gateway_and_egress_and_us_transfer_out() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("designs");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        seen += 1;
        let d = linkwright::design_file::load(&path).unwrap();
        let c = cost_of(&d);
        for i in c.items.iter().filter(|i| i.monthly.is_none()) {
            // flawed-design.json has circuits that do not exist (Local 500 Mbps, 300 Mbps):
            // unpriced because no such product is sold, which the line says.
            let why = i.unpriced_reason.as_deref().unwrap_or("");
            if i.meter == "azure.er.circuit" && why.contains("is not offered") {
                continue;
            }
            assert!(
                !matches!(
                    i.meter,
                    "azure.er.circuit" | "azure.er.gateway" | "azure.er.egress"
                ),
                "{}: {} {} unpriced: {:?}",
                path.display(),
                i.element,
                i.description,
                i.unpriced_reason
            );
            if i.meter == "aws.dx.data_transfer_out" {
                assert!(
                    !(i.description.contains(" from us-") && why.contains("(US)")),
                    "{}: {}",
                    path.display(),
                    i.description
                );
            }
        }
    }
    assert_eq!(seen, 4);
}

#[test]
fn cheapest_option_uses_the_transfer_out_group_price() {
    // us-west-2 has no pair price at any of its home locations; the US group price applies, as
    // in the bill: 1 dedicated 1 Gbps port (219.00) + 1,000 GB x 0.02.
    let mut d = base();
    aws_mut(&mut d, "aws").region = "us-west-2".into();
    d.demands[1].required_mbps = 800;
    let w = what_if_of(&d);
    let opts = options_of(&w, "d-aws");
    assert_eq!(opts[0].description, "1 × 1 Gbps dedicated Direct Connect");
    assert_eq!(opts[0].monthly, Some(usd("239.00")));
}

#[test]
fn sitelink_per_gb_and_internet_tiers_are_in_the_book() {
    use serde_json::json;
    let p = book_price(
        "aws.dx.sitelink_data",
        &[("from_area", json!("US")), ("to_area", json!("GB"))],
    )
    .unwrap();
    assert_eq!(p.usd, usd("0.0282"));
    // Other SiteLink pairs are not known.
    assert!(
        book_price(
            "aws.dx.sitelink_data",
            &[("from_area", json!("US")), ("to_area", json!("DE"))],
        )
        .is_none()
    );
    let tier = |region: &str, t: u64| {
        book_price(
            "aws.internet.data_transfer_out",
            &[("region", json!(region)), ("tier", json!(t))],
        )
        .map(|p| p.usd)
    };
    assert_eq!(tier("sa-east-1", 1), Some(usd("0.15")));
    assert_eq!(tier("ap-southeast-2", 4), Some(usd("0.092")));
    assert_eq!(tier("us-east-1", 4), Some(usd("0.05")));
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
        match line.provenance.as_deref() {
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
        !matches!(lines[0].provenance.as_deref(), Some(costing::Provenance::UserBook { id, .. }) if id == "gw1"),
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
        matches!(lines[0].provenance.as_deref(), Some(costing::Provenance::UserBook { id, .. }) if id == "gw2az"),
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

#[test]
fn the_sampled_gateway_price_stands_in_for_commercial_regions_only() {
    // eastus has no row of its own: the 14 sampled commercial regions' price, said so.
    let c = cost_of(&base());
    let gw = line(&c, "az", "azure.er.gateway");
    assert_eq!(gw.unit_price, Some(usd("2.151")));
    assert!(
        gw.description.contains("14 sampled commercial regions"),
        "{}",
        gw.description
    );
    // A US Government region is another price list: unpriced, with the reason.
    let mut d = base();
    azure_mut(&mut d, "az").region = "usgovvirginia".into();
    let c = cost_of(&d);
    let gw = line(&c, "az", "azure.er.gateway");
    assert!(reason(gw).contains("usgovvirginia"), "{}", reason(gw));
}

#[test]
fn an_azure_vpn_gateway_outside_eastus_is_unpriced_with_the_reason() {
    let mut d = azure_vpn_design(Some(VpnGateway {
        sku: VpnGatewaySku::VpnGw1,
        generation: None,
        zone_redundant: false,
    }));
    let c = cost_of(&d);
    assert_eq!(vpn_gateway_lines(&c)[0].monthly, Some(usd("138.70")));
    azure_mut(&mut d, "az").region = "francecentral".into();
    let c = cost_of(&d);
    let lines = vpn_gateway_lines(&c);
    assert!(
        reason(lines[0]).contains("eastus only"),
        "{}",
        reason(lines[0])
    );
}

/// Money never wraps (issue 12, item 7): an amount out of range is named, never a wrong figure.
#[test]
fn a_total_out_of_range_is_reported_not_wrapped() {
    let carrier_cost = |d: &mut Design, amount: &str| {
        if let LinkKind::AccessCircuit(a) = &mut link_mut(d, "acc").kind {
            a.monthly_usd = Some(usd(amount));
        }
    };
    // The clean twin: a large but representable carrier line is summed exactly.
    let mut clean = dx_design();
    carrier_cost(&mut clean, "1000000000.00");
    let c = costing::cost(&clean, catalog(), &UserBook::empty(), Options::default());
    assert!(c.is_complete(), "{:?}", c.unpriced);
    assert_eq!(c.totals.monthly, usd("1000000219.00"));
    assert_eq!(c.totals.annual, usd("12000002628.00"));
    assert_eq!(c.totals.three_year, usd("36000007884.00"));

    // A trillion dollars a month (the largest amount a design may state) makes the annual
    // total overflow i64 micro-dollars: the line is unpriced and says why; the totals stay
    // those of the lines that fit, never negative.
    let mut huge = dx_design();
    carrier_cost(&mut huge, "1000000000000");
    let c = costing::cost(&huge, catalog(), &UserBook::empty(), Options::default());
    assert!(!c.is_complete());
    let line = c.items.iter().find(|i| i.element == "acc").unwrap();
    assert_eq!(line.monthly, None);
    let unpriced = c.unpriced.iter().find(|u| u.element == "acc").unwrap();
    assert!(
        unpriced.reason.contains("out of range"),
        "{}",
        unpriced.reason
    );
    assert_eq!(c.totals.monthly, usd("219.00"));
    assert_eq!(c.totals.annual, usd("2628.00"));
    assert!(c.by_site.values().all(|v| *v >= Usd::ZERO));
}

#[test]
fn a_line_amount_out_of_range_is_reported_not_wrapped() {
    // A quote of $1e12 an hour for the port: 730 hours of it is out of range.
    let mut d = dx_design();
    d.settings.price_overrides.push(PriceOverride {
        meter: "aws.dx.port.dedicated".into(),
        element: Some("dx".into()),
        unit: PriceUnit::Hour,
        usd: usd("1000000000000"),
        note: "typo".into(),
    });
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    let port = c
        .items
        .iter()
        .find(|i| i.element == "dx" && i.meter == "aws.dx.port.dedicated")
        .unwrap();
    assert_eq!(port.monthly, None);
    assert!(
        port.unpriced_reason
            .as_deref()
            .unwrap()
            .contains("out of range"),
        "{:?}",
        port.unpriced_reason
    );
    assert!(c.unpriced.iter().any(|u| u.element == "dx"));
    assert!(c.totals.monthly >= Usd::ZERO && c.totals.three_year >= Usd::ZERO);

    // Its twin at a sane quote is priced.
    d.settings.price_overrides[0].usd = usd("0.30");
    let c = costing::cost(&d, catalog(), &UserBook::empty(), Options::default());
    assert!(
        !c.unpriced.iter().any(|u| u.element == "dx"),
        "{:?}",
        c.unpriced
    );
    assert_eq!(c.totals.monthly, usd("219.00"));
}

#[test]
fn amounts_above_a_trillion_dollars_are_refused_when_read() {
    let e = "1000000000000.01".parse::<Usd>().unwrap_err().to_string();
    assert!(e.contains("out of range"), "{e}");
    assert!(e.contains("1,000,000,000,000"), "{e}");
}

/// Costing finds the intact paths alone (no failure scenarios); the designer and the report hand
/// it the full failure analysis instead. Both must give the same bill, line for line, on every
/// sample and on a generated design with VPN backups and shared circuits.
#[test]
fn the_intact_paths_alone_give_the_same_bill_as_the_full_analysis() {
    let catalog = catalog();
    let user = UserBook::empty();
    let mut designs: Vec<(String, Design)> =
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("designs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.display().to_string(),
                    linkwright::design_file::load(&p).unwrap(),
                )
            })
            .collect();
    designs.push((
        "generated".into(),
        linkwright::generate::generate(300, 7, catalog),
    ));
    for (name, design) in &designs {
        let alone = costing::cost(design, catalog, &user, Options::default());
        for depth in [
            linkwright::resilience::Depth::Single,
            linkwright::resilience::Depth::Pairs,
        ] {
            let full = linkwright::resilience::analyze(design, catalog, depth);
            let shared =
                costing::cost_with_analysis(design, catalog, &user, Options::default(), &full);
            assert_eq!(
                serde_json::to_value(&alone).unwrap(),
                serde_json::to_value(&shared).unwrap(),
                "{name} at {depth:?}"
            );
        }
        assert!(
            alone
                .items
                .iter()
                .any(|i| i.category == Category::DataTransferOut
                    || i.category == Category::ExpressRouteEgress)
                || name.contains("aws-dev"),
            "{name}: the comparison covers egress lines"
        );
    }
}

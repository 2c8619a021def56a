//! Failure analysis: the clouds' reference topologies, hand-computed capacities and single
//! points of failure, N-2, the Azure index, and properties under adding/removing links.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::*;
use linkwright::model::*;
use linkwright::resilience::{self, Analysis, Depth, DomainKind, ModelKind, Outcome};
use proptest::prelude::*;

fn analyze(d: &Design) -> Analysis {
    resilience::analyze(d, catalog(), Depth::Single)
}

fn model(d: &Design, demand: &str) -> ModelKind {
    analyze(d).demand(demand).unwrap().model.kind
}

fn add_dx(d: &mut Design, id: &str, facility: &str, device: &str) {
    d.links.push(link(
        id,
        facility,
        "aws",
        LinkKind::DirectConnectConnection(dx_connection(10_000, device)),
    ));
}

fn spof_labels(a: &Analysis, demand: &str) -> Vec<String> {
    a.demand(demand)
        .unwrap()
        .spofs
        .iter()
        .map(|&i| a.domains[i].label.clone())
        .collect()
}

fn spof_kinds(a: &Analysis, demand: &str) -> Vec<DomainKind> {
    a.demand(demand)
        .unwrap()
        .spofs
        .iter()
        .map(|&i| a.domains[i].kind)
        .collect()
}

// ---- AWS Direct Connect models (DX-RES-1..3, DX-SLA-1) ----

#[test]
fn aws_two_locations_two_devices_each_is_maximum() {
    let mut d = base();
    add_dx(&mut d, "dx-1b", "fac-dc2", "EqDC2-c");
    add_dx(&mut d, "dx-2b", "fac-ch1", "EqC50-d");
    let a = analyze(&d);
    let r = a.demand("d-aws").unwrap();
    assert_eq!(r.model.kind, ModelKind::Maximum);
    assert_eq!(r.model.sla, Some("99.99% (DX-RES-1)"));
}

#[test]
fn aws_one_connection_at_each_of_two_locations_is_high() {
    let r = analyze(&base()).demand("d-aws").unwrap().clone();
    assert_eq!(r.model.kind, ModelKind::High);
    assert_eq!(r.model.sla, Some("99.9% (DX-RES-2)"));
}

#[test]
fn aws_two_devices_at_one_location_is_development_and_test() {
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "dx-2");
    add_dx(&mut d, "dx-1b", "fac-dc2", "EqDC2-c");
    let a = analyze(&d);
    let r = a.demand("d-aws").unwrap();
    assert_eq!(r.model.kind, ModelKind::DevelopmentAndTest);
    assert_eq!(r.model.sla, None);
    // Two connections on the same device are not device redundancy.
    dx_mut(&mut d, "dx-1b").aws_device = "EqDC2-a".into();
    assert_eq!(model(&d, "d-aws"), ModelKind::None);
}

#[test]
fn aws_single_connection_has_no_model() {
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "dx-2");
    assert_eq!(model(&d, "d-aws"), ModelKind::None);
}

#[test]
fn aws_hosted_connections_do_not_count() {
    let mut d = base();
    add_dx(&mut d, "dx-1b", "fac-dc2", "EqDC2-c");
    add_dx(&mut d, "dx-2b", "fac-ch1", "EqC50-d");
    for id in ["dx-1", "dx-1b", "dx-2", "dx-2b"] {
        let c = dx_mut(&mut d, id);
        c.connection_type = DxConnectionType::Hosted;
        c.capacity_mbps = 1_000;
    }
    let a = analyze(&d);
    let r = a.demand("d-aws").unwrap();
    assert_eq!(
        r.model.kind,
        ModelKind::None,
        "four hosted connections are not Maximum"
    );
    assert!(
        r.model
            .notes
            .iter()
            .any(|n| n.contains("hosted") && n.contains("DX-SLA-1")),
        "{:?}",
        r.model.notes
    );
}

#[test]
fn aws_lag_of_four_counts_as_one_connection() {
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "dx-2");
    dx_mut(&mut d, "dx-1").lag_members = 4;
    let a = analyze(&d);
    let r = a.demand("d-aws").unwrap();
    assert_eq!(r.model.kind, ModelKind::None);
    assert!(
        r.model
            .notes
            .iter()
            .any(|n| n.contains("LAG counts as one"))
    );
    // ... but carries four ports' worth: 4 x 10 Gbps, limited by the 10 Gbps access circuit.
    assert_eq!(r.intact_mbps, 10_000);
}

#[test]
fn aws_unequal_speeds_are_flagged() {
    let mut d = base();
    dx_mut(&mut d, "dx-2").capacity_mbps = 1_000;
    let notes = analyze(&d).demand("d-aws").unwrap().model.notes.clone();
    assert!(
        notes.iter().any(|n| n.contains("unequal speeds")),
        "{notes:?}"
    );
}

// ---- Azure ExpressRoute models and index (ER-RES-1) ----

#[test]
fn azure_two_circuits_at_two_locations_is_maximum_with_documented_index() {
    let d = base();
    assert_eq!(model(&d, "d-az"), ModelKind::Maximum);
    let findings = linkwright::rules::check(&d, catalog());
    let idx = linkwright::analyses::gateway_indexes(&d, &findings).unwrap();
    let g = &idx[0];
    assert_eq!(
        (g.r, g.z, g.a),
        (20, 10, 10),
        "two locations, ErGw3AZ zone-redundant, no findings"
    );
    assert_eq!(g.design_index, 20 + 10 + 10);
    assert_eq!(g.validated_index, 20 * 4 + 10 + 10);
}

#[test]
fn azure_metro_is_high_and_one_circuit_is_standard() {
    let mut d = base();
    fac_mut(&mut d, "fac-dc2").er_peering_location = Some("Amsterdam".into());
    fac_mut(&mut d, "fac-ch1").er_peering_location = Some("Amsterdam2".into());
    azure_mut(&mut d, "az").region = "westeurope".into();
    d.links.retain(|l| l.id.as_str() != "er-2");
    assert_eq!(model(&d, "d-az"), ModelKind::Standard);
    let findings = linkwright::rules::check(&d, catalog());
    let g = linkwright::analyses::gateway_indexes(&d, &findings)
        .unwrap()
        .remove(0);
    assert_eq!(g.r, 5);

    er_mut(&mut d, "er-1").metro_secondary_facility = Some("fac-ch1".into());
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.model.kind, ModelKind::High);
    // The Metro circuit survives the loss of either facility.
    assert!(
        !spof_kinds(&a, "d-az").contains(&DomainKind::Node),
        "{:?}",
        spof_labels(&a, "d-az")
    );
    let findings = linkwright::rules::check(&d, catalog());
    let g = linkwright::analyses::gateway_indexes(&d, &findings)
        .unwrap()
        .remove(0);
    assert_eq!(g.r, 10);
}

#[test]
fn gateway_zone_component_follows_the_sku() {
    let mut d = base();
    let z = |d: &Design| {
        let f = linkwright::rules::check(d, catalog());
        linkwright::analyses::gateway_indexes(d, &f).unwrap()[0].z
    };
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGw3Az,
        scale_units: None,
        zone_redundant: false,
    });
    assert_eq!(z(&d), 8);
    // The index counts instances, two per scale unit: up to four instances (two units)
    // scores 8, more than four 10.
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: Some(2),
        zone_redundant: true,
    });
    assert_eq!(z(&d), 8);
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: Some(3),
        zone_redundant: true,
    });
    assert_eq!(z(&d), 10);
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::UltraPerformance,
        scale_units: None,
        zone_redundant: false,
    });
    assert_eq!(z(&d), 2);
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::Standard,
        scale_units: None,
        zone_redundant: false,
    });
    assert_eq!(z(&d), 0);
}

// ---- Hand-computed capacities and single points of failure ----

#[test]
fn capacities_and_residuals_by_hand() {
    // Site: access 1 Gbps to DC2 and 500 Mbps to CH1. ER circuits 1 Gbps each.
    // Intact toward Azure: min(1000, 1000) + min(500, 1000) = 1500.
    // Lose acc-1: 500 left (degraded for an 800 Mbps demand). Lose acc-2: 1000 (cut).
    let mut d = base();
    for (id, bw) in [("acc-1", 1_000), ("acc-2", 500)] {
        if let LinkKind::AccessCircuit(a) = &mut link_mut(&mut d, id).kind {
            a.bandwidth_mbps = bw;
        }
    }
    d.demands[0].required_mbps = 800;
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 1_500);
    let worst = r.worst_single().unwrap();
    assert_eq!(worst.residual_mbps, 500);
    assert_eq!(worst.outcome, Outcome::Degraded);
    let residual_of = |member: &str| {
        r.single_failures
            .iter()
            .find(|s| {
                a.domains[s.domains.at(0)].kind == DomainKind::Link
                    && a.domains[s.domains.at(0)].members == [member]
            })
            .map(|s| (s.residual_mbps, s.outcome))
    };
    assert_eq!(residual_of("acc-1"), Some((500, Outcome::Degraded)));
    assert_eq!(residual_of("acc-2"), Some((1_000, Outcome::Cut)));
    assert!(r.spofs.is_empty());
    let codes: Vec<_> = linkwright::rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect();
    assert!(codes.contains(&"RES002"), "{codes:?}");
}

#[test]
fn shared_carrier_is_a_single_point_of_failure() {
    // Two access circuits, two facilities, two circuits: looks redundant on the canvas, but one
    // carrier delivers both access circuits.
    let mut d = base();
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Lumen".into();
    }
    let a = analyze(&d);
    assert!(
        a.demand("d-az")
            .unwrap()
            .spofs
            .iter()
            .any(|&i| a.domains[i].kind == DomainKind::Provider)
    );
    assert!(spof_labels(&a, "d-az").contains(&"provider Lumen".to_string()));
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Zayo".into();
    }
    let a = analyze(&d);
    assert!(
        a.demand("d-az").unwrap().spofs.is_empty(),
        "{:?}",
        spof_labels(&a, "d-az")
    );
    let codes: Vec<_> = linkwright::rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect();
    assert!(!codes.contains(&"RES001"), "{codes:?}");
}

#[test]
fn shared_building_is_a_single_point_of_failure() {
    // Two facility nodes drawn apart, but one is Equinix DC2 by ER location and the other
    // names EQDC2 as its DX location: the catalog puts both in one building.
    let mut d = base();
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Zayo".into();
    }
    fac_mut(&mut d, "fac-ch1").er_peering_location = None;
    fac_mut(&mut d, "fac-ch1").dx_location = Some("EQDC2".into());
    fac_mut(&mut d, "fac-dc2").dx_location = None;
    let a = analyze(&d);
    assert!(
        spof_kinds(&a, "d-aws").contains(&DomainKind::Building),
        "{:?}",
        spof_labels(&a, "d-aws")
    );
    let codes: Vec<_> = linkwright::rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect();
    assert!(
        codes.contains(&"RES006") && codes.contains(&"RES001"),
        "{codes:?}"
    );
}

#[test]
fn edge_router_and_aws_device_domains() {
    let mut d = base();
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Zayo".into();
        c.edge_router = Some("ce1".into());
    }
    let a = analyze(&d);
    assert!(
        spof_labels(&a, "d-aws").contains(&"edge router ce1 at site".to_string()),
        "{:?}",
        spof_labels(&a, "d-aws")
    );
}

#[test]
fn a_user_risk_group_is_honoured() {
    let mut d = base();
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Zayo".into();
    }
    d.risk_groups.push(RiskGroup {
        id: "conduit".into(),
        name: "Same conduit on 5th Ave".into(),
        members: vec!["acc-1".into(), "acc-2".into()],
    });
    let a = analyze(&d);
    assert!(spof_labels(&a, "d-az").contains(&"risk group Same conduit on 5th Ave".to_string()));
}

#[test]
fn pairs_of_failures_are_enumerated_on_request() {
    let mut d = base();
    if let LinkKind::AccessCircuit(c) = &mut link_mut(&mut d, "acc-2").kind {
        c.carrier = "Zayo".into();
    }
    let single = resilience::analyze(&d, catalog(), Depth::Single);
    assert!(single.demand("d-az").unwrap().double_failures.is_empty());
    let pairs = resilience::analyze(&d, catalog(), Depth::Pairs);
    let r = pairs.demand("d-az").unwrap();
    assert!(r.spofs.is_empty());
    let lost: Vec<(String, String)> = r
        .double_failures
        .iter()
        .filter(|s| s.outcome == Outcome::Lost)
        .map(|s| {
            (
                pairs.domains[s.domains.at(0)].id.clone(),
                pairs.domains[s.domains.at(1)].id.clone(),
            )
        })
        .collect();
    assert!(
        lost.contains(&("link:acc-1".to_string(), "link:acc-2".to_string())),
        "{lost:?}"
    );
    // Each circuit has two connections: what takes one down is its peering location's MSEE
    // pair (or building), never the circuit alone.
    assert!(
        lost.contains(&("msee:chicago".to_string(), "msee:washington dc".to_string())),
        "{lost:?}"
    );
    assert!(
        !lost
            .iter()
            .any(|(a, b)| a == "link:er-1" || b == "link:er-2")
    );
}

#[test]
fn vpn_backup_counts_with_its_tunnel_throughput() {
    let mut d = base();
    d.links.push(link(
        "vpn",
        "site",
        "az",
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps: 10_000,
            large_tunnels: false,
            on_transit_gateway: false,
        }),
    ));
    // 2 Gbps of ER + one 1.25 Gbps tunnel (no ECMP on an Azure gateway).
    assert_eq!(
        analyze(&d).demand("d-az").unwrap().intact_mbps,
        2_000 + 1_250
    );
}

#[test]
fn no_path_means_no_capacity_and_no_scenarios() {
    let mut d = base();
    d.links.retain(|l| !l.id.as_str().starts_with("acc"));
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 0);
    assert!(r.single_failures.is_empty() && r.spofs.is_empty());
}

// ---- Properties ----

fn capacities_and_models(d: &Design) -> Vec<(u64, u8)> {
    analyze(d)
        .demands
        .iter()
        .map(|r| (r.intact_mbps, r.model.kind.rank()))
        .collect()
}

fn random_design(extra: &[(u8, u8)]) -> Design {
    let mut d = base();
    // Extra parallel links chosen by the strategy: (which link to copy, capacity factor).
    for (i, &(which, factor)) in extra.iter().enumerate() {
        let mut l = d.links[which as usize % d.links.len()].clone();
        l.id = format!("extra-{i}").into();
        match &mut l.kind {
            LinkKind::AccessCircuit(c) => c.bandwidth_mbps = 100 * u64::from(factor.max(1)),
            LinkKind::ExpressRouteCircuit(c) => {
                c.bandwidth_mbps = [50, 100, 200, 500, 1000][factor as usize % 5]
            }
            LinkKind::DirectConnectConnection(c) => {
                c.aws_device = format!("dev-{factor}");
                c.capacity_mbps = [1_000, 10_000][factor as usize % 2];
            }
            _ => {}
        }
        d.links.push(l);
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn adding_a_parallel_link_never_reduces_capacity_or_model(
        extra in proptest::collection::vec((0u8..6, 0u8..20), 0..5),
        which in 0u8..6,
        factor in 0u8..20,
    ) {
        let before = random_design(&extra);
        let mut more = extra.clone();
        more.push((which, factor));
        let after = random_design(&more);
        for ((c0, m0), (c1, m1)) in capacities_and_models(&before).into_iter().zip(capacities_and_models(&after)) {
            prop_assert!(c1 >= c0, "capacity fell from {} to {}", c0, c1);
            prop_assert!(m1 >= m0, "model fell from {} to {}", m0, m1);
        }
    }

    #[test]
    fn removing_a_link_never_increases_capacity_or_model(
        extra in proptest::collection::vec((0u8..6, 0u8..20), 0..5),
        remove in 0usize..11,
    ) {
        let before = random_design(&extra);
        let mut after = before.clone();
        let i = remove % after.links.len();
        after.links.remove(i);
        for ((c0, m0), (c1, m1)) in capacities_and_models(&before).into_iter().zip(capacities_and_models(&after)) {
            prop_assert!(c1 <= c0);
            prop_assert!(m1 <= m0);
        }
    }
}

#[test]
fn a_direct_connect_gateway_reaches_every_region_behind_it() {
    // A second region on the same DX gateway, with no link of its own: the two connections into
    // us-east-1's gateway reach it too (DX-GW-11).
    let mut d = base();
    let mut west = node_mut(&mut d, "aws").clone();
    west.id = "aws-west".into();
    if let NodeKind::AwsRegion(r) = &mut west.kind {
        r.region = "us-west-2".into();
        r.tgw_asn = Some(64701);
        r.vpc_cidrs = cidrs(&["100.65.0.0/16"]);
    }
    d.nodes.push(west);
    d.demands.push(Demand {
        id: "d-west".into(),
        region: "aws-west".into(),
        ..d.demands[1].clone()
    });
    let a = analyze(&d);
    let r = a.demand("d-west").unwrap();
    assert_eq!(r.intact_mbps, 20_000);
    assert_eq!(r.model.kind, ModelKind::High);
    let codes: Vec<_> = linkwright::rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect();
    assert!(!codes.contains(&"GEN007"), "{codes:?}");
    // Without the shared gateway it has no path.
    aws_mut(&mut d, "aws-west").dx_gateway = Some("other".into());
    assert_eq!(analyze(&d).demand("d-west").unwrap().intact_mbps, 0);
    let codes: Vec<_> = linkwright::rules::check(&d, catalog())
        .active()
        .map(|f| f.code)
        .collect();
    assert!(codes.contains(&"GEN007"), "{codes:?}");
}

// ---- Traffic follows what the clouds route (issue #11 §2, §3, §5) ----

fn vpn_to(region: &str) -> LinkKind {
    let _ = region;
    LinkKind::SiteToSiteVpn(SiteToSiteVpn {
        tunnels: 2,
        bandwidth_mbps: 10_000,
        large_tunnels: false,
        on_transit_gateway: false,
    })
}

#[test]
fn a_gateway_caps_every_demand_through_it() {
    let mut d = base();
    for id in ["er-1", "er-2"] {
        er_mut(&mut d, id).bandwidth_mbps = 10_000;
    }
    d.demands[0].required_mbps = 5_000;
    // ErGw3AZ: 10 Gbps, the two 10 Gbps circuits deliver 10 Gbps and the demand is met.
    let r = analyze(&d).demand("d-az").unwrap().clone();
    assert_eq!(r.intact_mbps, 10_000);
    assert!(r.single_failures.iter().all(|s| s.outcome == Outcome::Cut));
    // ErGw1AZ: 1 Gbps, whatever the circuits; the 5 Gbps demand is not met.
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGw1Az,
        scale_units: None,
        zone_redundant: true,
    });
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 1_000);
    // Under a failure too: losing a location leaves one 10 Gbps circuit, still capped at the
    // gateway's 1 Gbps, so no single failure changes anything.
    assert!(r.single_failures.is_empty(), "{:?}", r.single_failures);
    // ErGwScale by its units.
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: Some(3),
        zone_redundant: true,
    });
    assert_eq!(analyze(&d).demand("d-az").unwrap().intact_mbps, 3_000);
    // Without its unit count the ceiling is unknown (ER030 flags it): none is assumed.
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: None,
        zone_redundant: true,
    });
    assert_eq!(analyze(&d).demand("d-az").unwrap().intact_mbps, 20_000);
}

#[test]
fn a_direct_connect_gateway_does_not_carry_traffic_between_its_connections() {
    // Only the Chicago circuit reaches Azure; the Washington facility reaches Chicago only
    // through AWS (dx-1 -> Direct Connect gateway -> dx-2), which AWS does not route.
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "er-1");
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 1_000);
    assert!(
        r.paths
            .iter()
            .all(|p| !p.links.iter().any(|l| l.starts_with("dx"))),
        "{:?}",
        r.paths
    );
    // Losing the Chicago access circuit loses the demand.
    assert!(
        spof_labels(&a, "d-az").iter().any(|l| l.contains("acc-2")),
        "{:?}",
        spof_labels(&a, "d-az")
    );
    // The AWS demand still reaches its region over both connections.
    assert_eq!(a.demand("d-aws").unwrap().intact_mbps, 20_000);

    // With SiteLink on both connections' VIFs, AWS carries traffic between the two Direct
    // Connect locations, and the path says so.
    for id in ["dx-1", "dx-2"] {
        for v in &mut dx_mut(&mut d, id).vifs {
            v.sitelink = true;
        }
    }
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert!(
        !spof_labels(&a, "d-az").iter().any(|l| l.contains("acc-2")),
        "{:?}",
        spof_labels(&a, "d-az")
    );
    let worst_without_acc2 = r
        .single_failures
        .iter()
        .find(|s| a.domains[s.domains.at(0)].id == "link:acc-2")
        .map(|s| s.residual_mbps);
    assert_eq!(
        worst_without_acc2, None,
        "capacity unchanged: {:?}",
        r.single_failures
    );
    // AWS demands do not count SiteLink twice.
    assert_eq!(a.demand("d-aws").unwrap().intact_mbps, 20_000);
}

#[test]
fn sitelink_paths_are_named() {
    let mut d = base();
    d.links
        .retain(|l| l.id.as_str() != "er-1" && l.id.as_str() != "acc-2");
    for id in ["dx-1", "dx-2"] {
        for v in &mut dx_mut(&mut d, id).vifs {
            v.sitelink = true;
        }
    }
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 1_000);
    assert!(
        r.paths
            .iter()
            .all(|p| p.via == ["SiteLink over Direct Connect gateway dxgw"]),
        "{:?}",
        r.paths
    );
}

#[test]
fn a_vpn_backup_carries_traffic_only_when_the_private_circuits_cannot() {
    let mut d = base();
    d.links.push(link("vpn", "site", "az", vpn_to("az")));
    let r = analyze(&d).demand("d-az").unwrap().clone();
    // Capacity counts the VPN (it is there after a failure) ...
    assert_eq!(r.intact_mbps, 2_000 + 1_250);
    // ... but the 500 Mbps demand is carried by ExpressRoute alone.
    let on_vpn: u64 = r
        .paths
        .iter()
        .filter(|p| p.links.iter().any(|l| l == "vpn"))
        .map(|p| p.traffic_mbps)
        .sum();
    assert_eq!(on_vpn, 0, "{:?}", r.paths);
    let private: u64 = r.paths.iter().map(|p| p.traffic_mbps).sum();
    assert_eq!(private, 2_000);
    // A demand larger than the circuits: the VPN carries the shortfall, no more.
    d.demands[0].required_mbps = 2_500;
    let r = analyze(&d).demand("d-az").unwrap().clone();
    let on_vpn: u64 = r
        .paths
        .iter()
        .filter(|p| p.links.iter().any(|l| l == "vpn"))
        .map(|p| p.traffic_mbps)
        .sum();
    assert_eq!(on_vpn, 500, "{:?}", r.paths);
    // With no private circuit left, the VPN carries the demand, up to its requirement.
    d.links.retain(|l| l.as_er().is_none());
    d.demands[0].required_mbps = 800;
    let r = analyze(&d).demand("d-az").unwrap().clone();
    assert_eq!(r.intact_mbps, 1_250);
    assert_eq!(r.paths.iter().map(|p| p.traffic_mbps).sum::<u64>(), 800);
}

#[test]
fn losing_one_connection_of_a_circuit_is_not_losing_the_circuit() {
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "er-2");
    let a = analyze(&d);
    let labels = spof_labels(&a, "d-az");
    // The real shared risks of the one location, not "the circuit".
    assert!(
        labels
            .iter()
            .any(|l| l.contains("MSEE pair at Washington DC")),
        "{labels:?}"
    );
    assert!(
        !labels.iter().any(|l| l.starts_with("ExpressRoute circuit")),
        "{labels:?}"
    );
    assert_eq!(model(&d, "d-az"), ModelKind::Standard);

    // One BGP session: no SLA, no model, and the one connection is a single point of failure.
    er_mut(&mut d, "er-1").redundant_bgp = false;
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.model.kind, ModelKind::None);
    assert_eq!(r.model.sla, None);
    assert!(
        r.model
            .notes
            .iter()
            .any(|n| n.contains("both BGP sessions")),
        "{:?}",
        r.model.notes
    );
    assert!(spof_labels(&a, "d-az").iter().any(|l| l.contains("er-1")));
}

#[test]
fn the_index_does_not_count_location_advice_twice() {
    // Both circuits at one location: R already scores one location; the findings that say
    // "add a second location" do not also take A away.
    let mut d = base();
    d.links.retain(|l| l.id.as_str() != "er-2");
    link_mut(&mut d, "acc-2").b = "fac-dc2".into();
    let findings = linkwright::rules::check(&d, catalog());
    assert!(findings.active().any(|f| f.code == "RES001"));
    let res: Vec<_> = findings
        .active()
        .filter(|f| f.code.starts_with("RES"))
        .collect();
    let g = linkwright::analyses::gateway_indexes(&d, &findings)
        .unwrap()
        .remove(0);
    assert_eq!((g.r, g.a), (5, 10), "{g:?} {res:#?}");
    // An access circuit as single point of failure is advice the index does not hold.
    d.links.retain(|l| l.id.as_str() != "acc-2");
    let findings = linkwright::rules::check(&d, catalog());
    let g = linkwright::analyses::gateway_indexes(&d, &findings)
        .unwrap()
        .remove(0);
    assert_eq!(g.a, 0, "{g:?}");
    // A circuit with one BGP session earns no location redundancy.
    let mut d = base();
    er_mut(&mut d, "er-1").redundant_bgp = false;
    er_mut(&mut d, "er-2").redundant_bgp = false;
    let findings = linkwright::rules::check(&d, catalog());
    let g = linkwright::analyses::gateway_indexes(&d, &findings)
        .unwrap()
        .remove(0);
    assert_eq!(g.r, 0, "{g:?}");
}

#[test]
fn an_azure_vpn_gateway_caps_the_vpns_into_it() {
    let mut d = base();
    d.links.retain(|l| l.as_er().is_none());
    d.links.push(link("vpn", "site", "az", vpn_to("az")));
    d.links.push(link("vpn-2", "site", "az", vpn_to("az")));
    // Two VPNs of one 1.25 Gbps tunnel each, no gateway stated: no ceiling assumed.
    assert_eq!(analyze(&d).demand("d-az").unwrap().intact_mbps, 2_500);
    // VpnGw1: 650 Mbps aggregate (Microsoft's SKU table), whatever the tunnels.
    azure_mut(&mut d, "az").vpn_gateway = Some(VpnGateway {
        sku: VpnGatewaySku::VpnGw1,
        generation: None,
        zone_redundant: false,
    });
    let a = analyze(&d);
    let r = a.demand("d-az").unwrap();
    assert_eq!(r.intact_mbps, 650);
    assert!(r.single_failures.iter().all(|s| s.residual_mbps <= 650));
    // VpnGw2 without its generation: the throughput is not known, so no ceiling.
    azure_mut(&mut d, "az").vpn_gateway = Some(VpnGateway {
        sku: VpnGatewaySku::VpnGw2,
        generation: None,
        zone_redundant: false,
    });
    assert_eq!(analyze(&d).demand("d-az").unwrap().intact_mbps, 2_500);
}

#[test]
fn transit_gateway_peering_carries_traffic_to_the_peer_region_and_says_so() {
    let mut d = base();
    let mut west = node_mut(&mut d, "aws").clone();
    west.id = "aws-w".into();
    if let NodeKind::AwsRegion(r) = &mut west.kind {
        r.region = "us-west-2".into();
        r.dx_gateway = Some("dxgw-west".into());
    }
    d.nodes.push(west);
    let mut demand = d.demands[1].clone();
    demand.id = "d-west".into();
    demand.region = "aws-w".into();
    d.demands.push(demand);
    // No connection reaches the west region's gateway: nothing gets there.
    assert_eq!(analyze(&d).demand("d-west").unwrap().intact_mbps, 0);
    // Its Transit Gateway peers with us-east-1's: the east connections reach it.
    aws_mut(&mut d, "aws-w").tgw_peering_attachments = vec![TgwPeeringAttachment {
        name: "usw2-use1".into(),
        peer_region: "us-east-1".into(),
    }];
    let a = analyze(&d);
    let r = a.demand("d-west").unwrap();
    assert_eq!(r.intact_mbps, 20_000);
    assert!(
        r.paths
            .iter()
            .all(|p| p.via == ["Transit Gateway peering from us-east-1 to us-west-2"]),
        "{:?}",
        r.paths
    );
    // The east demand is unchanged and its paths cross nothing.
    let east = a.demand("d-aws").unwrap();
    assert_eq!(east.intact_mbps, 20_000);
    assert!(east.paths.iter().all(|p| p.via.is_empty()));
}

/// The commonest enterprise shape: many branch sites, each with access circuits into the same
/// two colocation facilities and a VPN straight to the cloud, so the facilities and the regions
/// have a link per site. Each demand's local graph must cost what the demand can use, not what
/// the shared facilities and regions are linked to: the work per site stays flat.
#[test]
fn hub_and_spoke_through_two_facilities_stays_linear() {
    fn hub_and_spoke(sites: usize) -> Design {
        let base = common::base();
        let mut d = base.clone();
        d.nodes.retain(|n| n.id.as_str() != "site");
        d.links.retain(|l| !l.id.as_str().starts_with("acc-"));
        d.demands.clear();
        let site = base.nodes.iter().find(|n| n.id.as_str() == "site").unwrap();
        let accesses: Vec<&Link> = base
            .links
            .iter()
            .filter(|l| l.id.as_str().starts_with("acc-"))
            .collect();
        for i in 0..sites {
            let id = format!("site-{i}");
            let mut n = site.clone();
            n.id = id.as_str().into();
            n.name = format!("Branch {i}");
            d.nodes.push(n);
            for a in &accesses {
                let mut l = (*a).clone();
                l.id = format!("{}-{i}", a.id.as_str()).as_str().into();
                l.a = id.as_str().into();
                d.links.push(l);
            }
            for region in ["az", "aws"] {
                d.links.push(common::link(
                    &format!("vpn-{region}-{i}"),
                    &id,
                    region,
                    LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                        tunnels: 2,
                        bandwidth_mbps: 500,
                        large_tunnels: false,
                        on_transit_gateway: region == "aws",
                    }),
                ));
                let mut demand = base.demands[if region == "az" { 0 } else { 1 }].clone();
                demand.id = format!("d-{region}-{i}").as_str().into();
                demand.site = id.as_str().into();
                d.demands.push(demand);
            }
        }
        d
    }
    let catalog = common::catalog();
    let per_site = |sites: usize| {
        let design = hub_and_spoke(sites);
        let analysis = resilience::analyze(&design, catalog, Depth::Single);
        assert_eq!(analysis.demands.len(), 2 * sites);
        assert!(
            analysis.demands.iter().all(|r| r.paths.len() == 3),
            "each demand: two circuits and its VPN"
        );
        analysis.work.edges_scanned as f64 / sites as f64
    };
    let (small, large) = (per_site(100), per_site(1_000));
    assert!(
        large / small < 1.6,
        "edges scanned per site grew {:.1}x from 100 to 1,000 sites ({small:.0} -> {large:.0})",
        large / small
    );
}

//! Failure analysis: the clouds' reference topologies, hand-computed capacities and single
//! points of failure, N-2, the Azure index, and properties under adding/removing links.

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
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: Some(4),
        zone_redundant: true,
    });
    assert_eq!(z(&d), 8);
    azure_mut(&mut d, "az").gateway = Some(ErGateway {
        sku: ErGatewaySku::ErGwScale,
        scale_units: Some(5),
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
                a.domains[s.domains[0]].kind == DomainKind::Link
                    && a.domains[s.domains[0]].members == [member]
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
                pairs.domains[s.domains[0]].id.clone(),
                pairs.domains[s.domains[1]].id.clone(),
            )
        })
        .collect();
    assert!(
        lost.contains(&("link:acc-1".to_string(), "link:acc-2".to_string())),
        "{lost:?}"
    );
    assert!(
        lost.contains(&("link:er-1".to_string(), "link:er-2".to_string())),
        "{lost:?}"
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

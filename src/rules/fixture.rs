//! Rule fixtures (tests only): the clean base design every rule's fixture mutates, helpers to
//! mutate it, and [`assert_fixture`], which each rule file's test calls with its own pair: a
//! mutation that triggers the rule on the elements it names, and a clean twin (a near miss)
//! that does not trigger it.
//!
//! The base design is the one `tests/common`'s `base()` builds for the integration tests (a
//! copy: the library's unit tests cannot reach the integration tests' helpers).

use super::{Finding, Rule};
use crate::catalog::Catalog;
use crate::model::*;
use std::sync::OnceLock;

/// Run every rule on `base()` changed by `fail`: the rule must flag it, and the subjects of its
/// findings together must be exactly `subjects` (in any order). Then run every rule on `base()`
/// changed by `pass`, the clean twin: the rule must not flag it.
pub(crate) fn assert_fixture(
    rule: &Rule,
    fail: impl Fn(&mut Design),
    subjects: &[&str],
    pass: impl Fn(&mut Design),
) {
    let code = rule.code;
    let mut failing = base();
    fail(&mut failing);
    let found = super::check(&failing, catalog());
    let hits = of_rule(&found.items, code);
    let codes: Vec<&str> = found.items.iter().map(|f| f.code).collect();
    assert!(
        !hits.is_empty(),
        "{code} ({}): its fixture did not trigger it; the fixture's findings are {codes:?}",
        rule.name
    );
    let mut expected: Vec<&str> = subjects.to_vec();
    expected.sort_unstable();
    expected.dedup();
    let mut actual: Vec<&str> = hits
        .iter()
        .flat_map(|f| f.subjects.iter().map(String::as_str))
        .collect();
    actual.sort_unstable();
    actual.dedup();
    assert!(
        actual == expected,
        "{code} ({}): its fixture's findings name other subjects\n  expected subjects: {expected:?}\n  actual subjects: {actual:?}\n  findings: {:#?}",
        rule.name,
        described(&hits)
    );

    let mut passing = base();
    pass(&mut passing);
    let found = super::check(&passing, catalog());
    let hits = of_rule(&found.items, code);
    assert!(
        hits.is_empty(),
        "{code} ({}): its clean twin triggered it\n  findings: {:#?}",
        rule.name,
        described(&hits)
    );
}

fn of_rule<'a>(items: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    items.iter().filter(|f| f.code == code).collect()
}

/// Each finding's subjects and message, for a failure message.
fn described(hits: &[&Finding]) -> Vec<String> {
    hits.iter()
        .map(|f| format!("{:?}: {}", f.subjects, f.message))
        .collect()
}

pub(crate) fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("built-in catalog parses"))
}

pub(crate) fn cidrs(list: &[&str]) -> Vec<Cidr> {
    list.iter()
        .map(|c| c.parse().expect("test prefix"))
        .collect()
}

pub(crate) fn node(id: &str, x: f64, kind: NodeKind) -> Node {
    Node {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 0.0),
        notes: String::new(),
        kind,
    }
}

pub(crate) fn link(id: &str, a: &str, b: &str, kind: LinkKind) -> Link {
    Link {
        id: id.into(),
        name: String::new(),
        a: a.into(),
        b: b.into(),
        notes: String::new(),
        kind,
    }
}

pub(crate) fn er_circuit(bandwidth_mbps: u64, tier: ErSkuTier) -> ExpressRouteCircuit {
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

pub(crate) fn vif(name: &str, vif_type: VifType, vlan: u16, mtu: u32) -> VirtualInterface {
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

pub(crate) fn dx_connection(capacity_mbps: u64, device: &str) -> DirectConnectConnection {
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

pub(crate) fn facility(er: Option<&str>, dx: Option<&str>) -> NodeKind {
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
pub(crate) fn base() -> Design {
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

pub(crate) fn node_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut Node {
    d.nodes
        .iter_mut()
        .find(|n| n.id.as_str() == id)
        .expect("fixture node")
}

pub(crate) fn link_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut Link {
    d.links
        .iter_mut()
        .find(|l| l.id.as_str() == id)
        .expect("fixture link")
}

pub(crate) fn er_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut ExpressRouteCircuit {
    match &mut link_mut(d, id).kind {
        LinkKind::ExpressRouteCircuit(c) => c,
        _ => panic!("{id} is not an ER circuit"),
    }
}

pub(crate) fn dx_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut DirectConnectConnection {
    match &mut link_mut(d, id).kind {
        LinkKind::DirectConnectConnection(c) => c,
        _ => panic!("{id} is not a DX connection"),
    }
}

pub(crate) fn site_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut OnPremSite {
    match &mut node_mut(d, id).kind {
        NodeKind::OnPremSite(s) => s,
        _ => panic!("{id} is not a site"),
    }
}

pub(crate) fn fac_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut ColocationFacility {
    match &mut node_mut(d, id).kind {
        NodeKind::ColocationFacility(f) => f,
        _ => panic!("{id} is not a facility"),
    }
}

pub(crate) fn azure_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut AzureRegion {
    match &mut node_mut(d, id).kind {
        NodeKind::AzureRegion(a) => a,
        _ => panic!("{id} is not an Azure region"),
    }
}

pub(crate) fn aws_mut<'a>(d: &'a mut Design, id: &str) -> &'a mut AwsRegion {
    match &mut node_mut(d, id).kind {
        NodeKind::AwsRegion(a) => a,
        _ => panic!("{id} is not an AWS region"),
    }
}

/// Copy link `id` under `new_id`.
pub(crate) fn clone_link(d: &mut Design, id: &str, new_id: &str) {
    let mut l = link_mut(d, id).clone();
    l.id = new_id.into();
    d.links.push(l);
}

/// A site-to-site VPN "vpn" from the site to AWS, on the transit gateway or a VGW.
pub(crate) fn add_vpn(d: &mut Design, on_tgw: bool, bandwidth_mbps: u64) {
    d.links.push(link(
        "vpn",
        "site",
        "aws",
        LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            tunnels: 2,
            bandwidth_mbps,
            large_tunnels: false,
            on_transit_gateway: on_tgw,
        }),
    ));
}

pub(crate) fn ms_peering(
    prefixes: u32,
    route_filter: bool,
    m365: bool,
) -> Option<ErMicrosoftPeering> {
    Some(ErMicrosoftPeering {
        peer_asn: Some(65010),
        vlan: Some(101),
        advertised_ipv4_prefixes: prefixes,
        advertised_ipv6_prefixes: 0,
        route_filter,
        microsoft_365: m365,
    })
}

/// An ExpressRoute Direct port "p1" of `speed` at Equinix DC2.
pub(crate) fn direct_port(d: &mut Design, speed: u64) {
    fac_mut(d, "fac-dc2").er_direct_ports = vec![ErDirectPort {
        id: "p1".into(),
        port_speed_mbps: speed,
    }];
}

/// The East US hub's ExpressRoute gateway.
pub(crate) fn gateway(d: &mut Design, sku: ErGatewaySku, units: Option<u32>) {
    azure_mut(d, "az").gateway = Some(ErGateway {
        sku,
        scale_units: units,
        zone_redundant: true,
    });
}

/// Global Reach from er-1 to er-2.
pub(crate) fn global_reach(d: &mut Design) {
    er_mut(d, "er-1").global_reach = vec!["er-2".into()];
}

/// `n` VIFs "v0".. of one type, on VLANs 100 and up.
pub(crate) fn vifs(n: usize, vif_type: VifType, mtu: u32) -> Vec<VirtualInterface> {
    (0..n)
        .map(|i| vif(&format!("v{i}"), vif_type, 100 + i as u16, mtu))
        .collect()
}

/// `n` copies "aws-extra-0".. of the us-east-1 region on the same DX gateway, each with its own
/// TGW ASN.
pub(crate) fn aws_regions_on_gateway(d: &mut Design, n: usize) {
    for i in 0..n {
        let mut r = node_mut(d, "aws").clone();
        r.id = format!("aws-extra-{i}").into();
        if let NodeKind::AwsRegion(a) = &mut r.kind {
            a.tgw_asn = Some(65000 + i as u32);
        }
        d.nodes.push(r);
    }
}

/// The carrier of access circuit `id`.
pub(crate) fn carrier(d: &mut Design, id: &str, name: &str) {
    if let LinkKind::AccessCircuit(a) = &mut link_mut(d, id).kind {
        a.carrier = name.into();
    }
}

/// The bandwidth of access circuit `id`.
pub(crate) fn access_bandwidth(d: &mut Design, id: &str, mbps: u64) {
    if let LinkKind::AccessCircuit(a) = &mut link_mut(d, id).kind {
        a.bandwidth_mbps = mbps;
    }
}

/// Give Equinix CH1 another ER peering location and DX location.
pub(crate) fn move_ch1(d: &mut Design, er: &str, dx: &str) {
    let f = fac_mut(d, "fac-ch1");
    f.er_peering_location = Some(er.into());
    f.dx_location = Some(dx.into());
}

mod tests {
    use super::*;
    use crate::rules::RULES;

    /// Every rule file calls [`assert_fixture`] on its own rule: a rule without a fixture fails
    /// here (the test runner cannot list tests, so the rule files' text is read).
    #[test]
    fn every_rule_file_asserts_a_fixture_of_its_rule() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut missing = Vec::new();
        for rule in RULES {
            let file = folder.join(format!("{}.rs", rule.name.replace('-', "_")));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
                panic!("{} ({}): {}: {e}", rule.code, rule.name, file.display())
            });
            // Code only: comments dropped, then whitespace, as rustfmt may break the call.
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .collect();
            let tested = code.contains("#[cfg(test)]")
                && code.contains("#[test]")
                && code.contains("assert_fixture(&RULE,");
            if !tested {
                missing.push(format!(
                    "{} ({}) in {}",
                    rule.code,
                    rule.name,
                    file.display()
                ));
            }
        }
        assert!(
            missing.is_empty(),
            "rules without a fixture (a #[test] calling assert_fixture(&RULE, ...)):\n{}",
            missing.join("\n")
        );
    }

    /// Each rule's clean twin proves only that its own rule stays quiet; the base itself must
    /// trigger nothing.
    #[test]
    fn the_base_design_is_clean() {
        let found = crate::rules::check(&base(), catalog());
        assert!(found.items.is_empty(), "{:#?}", found.items);
    }
}

//! Rule fixtures (tests only): the clean base design every rule's fixture mutates, helpers to
//! mutate it, and [`assert_fixture`], which each rule file's test calls with its own pair: a
//! mutation that triggers the rule on the elements it names, and a clean twin (a near miss)
//! that does not trigger it.
//!
//! The base design and its builders are in `src/fixture_design.rs`, which the integration
//! tests' `tests/common` includes too: one definition of the design both kinds of test mutate.

use super::{Finding, Rule};
use crate::model::*;

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

pub(crate) use crate::fixture_design::*;

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

//! The catalog against the reference sheet: counts, spot values, prices with provenance, and
//! the user overlay file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use common::catalog;
use linkwright::catalog::Catalog;
use std::fs;

#[test]
fn counts_match_the_reference() {
    let c = catalog();
    assert_eq!(c.er_locations.len(), 105);
    assert_eq!(c.dx_locations.len(), 151);
    assert_eq!(
        c.aws_regions
            .iter()
            .filter(|r| r.partition == "aws")
            .count(),
        34
    );
    assert_eq!(
        c.dx_locations
            .iter()
            .filter(|l| l.port_speeds_mbps.contains(&400_000))
            .count(),
        9,
        "400G at nine US locations"
    );
    assert_eq!(c.national_cloud_locations.len(), 13);
}

#[test]
fn spot_values() {
    let c = catalog();
    let dc = c.er_location("Washington DC").unwrap();
    assert_eq!(dc.facility, "Equinix DC2, DC6 (Ashburn)");
    assert_eq!(dc.zone, 1);
    assert_eq!(dc.local_regions, ["East US", "East US 2"]);
    assert!(dc.er_direct);
    assert_eq!(c.er_location("Queretaro (Mexico)").unwrap().zone, 4);
    assert!(c.er_location("Perth").unwrap().local_regions.is_empty());
    assert!(!c.er_location("Washington DC2").unwrap().er_direct);

    let eqdc2 = c.dx_location("EQDC2").unwrap();
    assert_eq!(eqdc2.port_speeds_mbps, [1_000, 10_000, 100_000, 400_000]);
    assert_eq!(eqdc2.home_region, "us-east-1");
    let cssv2 = c.dx_location("CSSV2").unwrap();
    assert!(cssv2.macsec_speeds_mbps.is_empty());
    assert_eq!(c.dx_location("SINJI").unwrap().partition, "aws-cn");
    assert!(c.dx_location("EQTY2").unwrap().is_japan());

    assert_eq!(
        c.azure_region("germanywestcentral")
            .unwrap()
            .geopolitical_region,
        "Europe"
    );
    assert_eq!(c.azure_region("East US 2").unwrap().code, "eastus2");
    assert!(!c.azure_region("usgovvirginia").unwrap().is_commercial());
    assert_eq!(
        c.aws_region("ap-southeast-5").unwrap().name,
        "Asia Pacific (Malaysia)"
    );
    assert!(c.same_building("Washington DC", "EQDC2"));
    assert!(
        !c.same_building("Amsterdam", "EQAM3"),
        "AM5 and AM3 are different buildings"
    );
}

#[test]
fn prices_carry_provenance_and_gaps_stay_empty() {
    let c = catalog();
    let p = c
        .prices
        .prices
        .iter()
        .find(|p| p.id == "DX-PORT-DED-1G")
        .unwrap();
    assert_eq!(p.usd.to_string(), "0.30");
    assert_eq!(
        (p.source.as_str(), p.as_of.as_str(), p.confidence.as_str()),
        ("DX-PRICE", "2026-09-20", "OFF-copy")
    );
    let hosted_2g = c
        .prices
        .prices
        .iter()
        .find(|p| p.id == "DX-PORT-HC-2G")
        .unwrap();
    assert_eq!(hosted_2g.usd.to_string(), "0.66");
    for p in &c.prices.prices {
        assert!(
            !p.source.is_empty() && !p.as_of.is_empty(),
            "{} lacks provenance",
            p.id
        );
        assert!(
            ["OFF", "OFF-copy", "3P", "DER", "secondary"].contains(&p.confidence.as_str()),
            "{}",
            p.id
        );
        assert!(
            c.prices.sources.contains_key(&p.source),
            "{}: {}",
            p.id,
            p.source
        );
    }
    // azure-er-prices.md: circuits and metered egress come from the secondary collector (S4)
    // and say so; no Direct port, Direct Premium add-on, Global Reach, FastPath or Metro price
    // exists, and each of those is a listed gap with its reason.
    for p in c
        .prices
        .prices
        .iter()
        .filter(|p| p.meter == "azure.er.circuit" || p.meter == "azure.er.egress")
    {
        assert_eq!(
            (p.source.as_str(), p.confidence.as_str()),
            ("AZ-TCO-S4", "secondary"),
            "{}",
            p.id
        );
    }
    for meter in [
        "azure.er.direct_port",
        "azure.er.direct_premium_addon",
        "azure.er.global_reach_addon",
        "azure.er.fastpath",
        "azure.er.metro_circuit",
    ] {
        assert!(!c.prices.prices.iter().any(|p| p.meter == meter), "{meter}");
        assert!(
            c.prices
                .gaps
                .iter()
                .any(|g| g.meter == meter && g.reason.contains("[GAP]")),
            "{meter}"
        );
    }
    // 4 zones + US Gov Zone 1: Standard/Premium x Metered/Unlimited x 8 sizes, Local (unlimited
    // only) x 4 sizes x 4 zones (no Zone 4 row).
    let circuits = c
        .prices
        .prices
        .iter()
        .filter(|p| p.meter == "azure.er.circuit")
        .count();
    assert_eq!(circuits, 2 * 2 * 8 * 5 + 4 * 4);
    // Reference 2.2: 100G/400G Japan rates are [GAP].
    assert!(
        !c.prices
            .prices
            .iter()
            .any(|p| p.id == "DX-PORT-DED-100G-JP")
    );
}

#[test]
fn user_overlay_adds_and_replaces_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-catalog.json");
    let builtin = catalog().dx_location("EQDC2").unwrap().clone();
    let mut replaced = serde_json::to_value(&builtin).unwrap();
    replaced["short_name"] = "Equinix DC2 (corrected)".into();
    let mut added = replaced.clone();
    added["code"] = "NEW01".into();
    fs::write(
        &path,
        serde_json::json!({ "dx_locations": [replaced, added] }).to_string(),
    )
    .unwrap();
    let c = Catalog::with_user_file(&path).unwrap();
    assert_eq!(
        c.dx_location("EQDC2").unwrap().short_name,
        "Equinix DC2 (corrected)"
    );
    assert!(c.dx_location("NEW01").is_some());
    assert_eq!(c.dx_locations.len(), 152);

    fs::write(&path, "{ \"dx_locations\": [ { \"code\": 5 } ] }").unwrap();
    let e = Catalog::with_user_file(&path).unwrap_err().to_string();
    assert!(e.contains("my-catalog.json:1:"), "{e}");
    fs::write(&path, "{ \"regions\": [] }").unwrap();
    assert!(
        Catalog::with_user_file(&path)
            .unwrap_err()
            .to_string()
            .contains("unknown field")
    );
}

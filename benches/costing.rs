//! Costing at scale: `cost` and its what-if on generated designs of 1,000 and 10,000 sites, and
//! 100,000 sites with `LINKWRIGHT_BENCH_100K=1` (seconds an iteration, so not in the default
//! run); `prices import` of a generated Azure Retail Prices page of 100,000 items; a generated
//! `--catalog` overlay of 50,000 entries read and laid over the built-in catalog.
//! Run: `cargo bench --no-default-features --bench costing`
//! (`LINKWRIGHT_BENCH_100K=1 cargo bench --no-default-features --bench costing` for all).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

/// The binary's allocator (src/main.rs), so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use linkwright::catalog::Catalog;
use linkwright::costing::{self, Options, UserBook, import};
use linkwright::generate;
use serde_json::{Value, json};
use std::hint::black_box;

fn cost_bench(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let book = UserBook::empty();
    let mut group = c.benchmark_group("costing");
    let mut sizes = vec![1_000usize, 10_000];
    if std::env::var_os("LINKWRIGHT_BENCH_100K").is_some_and(|v| v == "1") {
        sizes.push(100_000);
    }
    for sites in sizes {
        // Criterion's least: large designs take long enough per iteration to be steady.
        group.sample_size(if sites >= 10_000 { 10 } else { 20 });
        let design = generate::generate(sites, 1, &catalog);
        // What `linkwright cost` computes: the lines (with the failure analysis that splits
        // the egress) and the what-if.
        group.bench_with_input(BenchmarkId::new("cost+what-if", sites), &design, |b, d| {
            b.iter(|| {
                let cost = costing::cost(d, &catalog, &book, Options::default());
                let prices = costing::Book::new(&catalog, &book, d);
                let what_if =
                    costing::whatif::what_if(d, &catalog, &prices, &cost, Options::default());
                black_box((cost, what_if))
            })
        });
    }
    group.finish();
}

/// An Azure Retail Prices page of `items` items in the API's shape: ExpressRoute circuits by
/// tier, plan, bandwidth and zone, egress by zone, gateways by region, one item in ten of
/// another service (ignored), and one in about a thousand repeating an earlier item's meter
/// and region (reported as a duplicate).
fn azure_page(items: usize) -> Value {
    let bandwidths = [
        "50 Mbps", "100 Mbps", "200 Mbps", "500 Mbps", "1 Gbps", "2 Gbps", "5 Gbps", "10 Gbps",
    ];
    let items: Vec<Value> = (0..items)
        .map(|i| {
            let (meter_name, unit, region, service) = match i % 10 {
                0..=5 => (
                    format!(
                        "{} {} Data {} Circuit",
                        ["Standard", "Premium"][i % 2],
                        ["Metered", "Unlimited"][(i / 2) % 2],
                        bandwidths[i % 8]
                    ),
                    "1/Month",
                    format!("Zone {}", 1 + i % 4),
                    "ExpressRoute",
                ),
                6 | 7 => (
                    "Metered Data - Data Transfer Out".to_string(),
                    "1 GB",
                    format!("Zone {}", 1 + i % 4),
                    "ExpressRoute",
                ),
                8 => (
                    "ErGw1AZ Gateway".to_string(),
                    "1 Hour",
                    format!("region{i}"),
                    "ExpressRoute",
                ),
                _ => (
                    "ExpressRoute Scale Unit".to_string(),
                    "1 Hour",
                    format!("region{i}"),
                    "Virtual WAN",
                ),
            };
            // A repeat of item i - 7 (same meter id and region: the same price twice).
            let meter = if i % 997 == 996 { i - 7 } else { i };
            json!({
                "currencyCode": "USD",
                "retailPrice": 1.0 + (i % 5_000) as f64 + (i % 100) as f64 / 100.0,
                "armRegionName": region,
                "effectiveStartDate": "2026-10-01T00:00:00Z",
                "meterId": format!("gen-{meter:07}"),
                "meterName": meter_name,
                "productName": "ExpressRoute",
                "skuName": "generated",
                "serviceName": service,
                "unitOfMeasure": unit,
                "type": "Consumption",
            })
        })
        .collect();
    json!({ "BillingCurrency": "USD", "Items": items, "NextPageLink": null })
}

/// A user catalog file of `entries` entries: prices on three meters (one in a hundred
/// replacing a built-in price, one in a thousand repeating an earlier id) and, one entry in
/// five, Direct Connect locations (one in ten of those replacing a built-in one).
fn catalog_overlay(catalog: &Catalog, entries: usize) -> Value {
    let mut prices = Vec::new();
    let mut dx_locations = Vec::new();
    let builtin_prices = &catalog.prices.prices;
    let builtin_dx = &catalog.dx_locations;
    for i in 0..entries {
        if i % 5 == 4 {
            let mut location = serde_json::to_value(&builtin_dx[i % builtin_dx.len()])
                .expect("a location serializes");
            if i % 50 != 49 {
                location["code"] = format!("GEN{i}").into();
            }
            dx_locations.push(location);
            continue;
        }
        if i % 100 == 0 {
            let mut price = serde_json::to_value(&builtin_prices[i % builtin_prices.len()])
                .expect("a price serializes");
            price["usd"] = "1.25".into();
            prices.push(price);
            continue;
        }
        let (meter, dims, unit) = match i % 3 {
            0 => (
                "azure.er.gateway",
                json!({ "sku": "er_gw1_az", "region": format!("region{i}") }),
                "hour",
            ),
            1 => (
                "aws.dx.data_transfer_out",
                json!({ "from_region": "us-east-1", "dx_location": format!("GEN{i}") }),
                "GB",
            ),
            _ => (
                "azure.er.circuit",
                json!({ "tier": "standard", "billing": "metered", "bandwidth_mbps": 1_000 * (1 + i), "zone": 1 + i % 4 }),
                "month",
            ),
        };
        let id = if i % 1_000 == 999 { i - 1 } else { i };
        prices.push(json!({
            "id": format!("OVERLAY-{id}"), "meter": meter, "dims": dims, "unit": unit,
            "usd": format!("{}.5", i % 900), "source": "generated", "as_of": "2026-11-01",
            "confidence": "OFF", "reference": "bench",
        }));
    }
    json!({ "prices": prices, "dx_locations": dx_locations })
}

fn files_bench(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("price files");
    group.sample_size(10);

    let items = 100_000;
    let page = dir.path().join("azure-page.json");
    let text = serde_json::to_string_pretty(&azure_page(items)).expect("page serializes");
    std::fs::write(&page, text).expect("write the page");
    group.bench_with_input(
        BenchmarkId::new("prices import (Azure page, into an empty book)", items),
        &page,
        |b, page| {
            b.iter_batched(
                UserBook::empty,
                |mut book| black_box(import::import(page, &mut book, &catalog).expect("imports")),
                BatchSize::LargeInput,
            )
        },
    );

    let entries = 50_000;
    let overlay = dir.path().join("catalog-overlay.json");
    let text = serde_json::to_string_pretty(&catalog_overlay(&catalog, entries))
        .expect("overlay serializes");
    std::fs::write(&overlay, text).expect("write the overlay");
    group.bench_with_input(
        BenchmarkId::new(
            "--catalog overlay (read and laid over the built-in)",
            entries,
        ),
        &overlay,
        |b, overlay| b.iter(|| black_box(Catalog::with_user_file(overlay).expect("reads"))),
    );
    group.finish();
}

criterion_group!(benches, cost_bench, files_bench);
criterion_main!(benches);

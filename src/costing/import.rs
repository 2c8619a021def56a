//! Price imports into the user's price book: pages of the Azure Retail Prices API
//! (`{"Items": [...]}`) and the AWS Price List offer file for `AWSDirectConnect`
//! (`{"products": ..., "terms": {"OnDemand": ...}}`). Nothing is merged unless every file
//! parses; every item is reported as added, replaced, unchanged or ignored (with the reason).

use super::book::UserBook;
use crate::catalog::{Catalog, PriceEntry};
use crate::model::Usd;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: crate::user_file::ReadError,
    },
    #[error("{}:{line}:{column}: not a price page: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: neither an Azure Retail Prices page (\"Items\") nor an AWS Price List offer file (\"products\" and \"terms\")", path.display())]
    UnknownFormat { path: PathBuf },
    #[error("{}: no .json files in the folder", path.display())]
    EmptyFolder { path: PathBuf },
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub added: Vec<String>,
    pub replaced: Vec<String>,
    pub unchanged: Vec<String>,
    /// (item, reason)
    pub ignored: Vec<(String, String)>,
}

/// Read every file (a file, or the `.json` files of a folder), then merge into `book`.
pub fn import(
    path: &Path,
    book: &mut UserBook,
    catalog: &Catalog,
) -> Result<ImportReport, ImportError> {
    let files = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| ImportError::Io {
                path: path.to_owned(),
                source: source.into(),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(ImportError::EmptyFolder {
                path: path.to_owned(),
            });
        }
        files
    } else {
        vec![path.to_owned()]
    };
    // Parse everything first: a malformed page merges nothing.
    let mut entries = Vec::new();
    let mut report = ImportReport::default();
    for file in &files {
        let text = crate::user_file::read_text(file, crate::user_file::MAX_FILE_BYTES).map_err(
            |source| ImportError::Io {
                path: file.clone(),
                source,
            },
        )?;
        let value: Value = serde_json::from_str(&text).map_err(|e| ImportError::Invalid {
            path: file.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let invalid = |e: serde_json::Error| ImportError::Invalid {
            path: file.clone(),
            line: 1,
            column: 1,
            message: e.to_string(),
        };
        if value.get("Items").is_some() {
            let page: AzurePage = serde_json::from_value(value).map_err(invalid)?;
            azure_entries(&page, &mut entries, &mut report);
        } else if value.get("products").is_some() && value.get("terms").is_some() {
            let offer: AwsOffer = serde_json::from_value(value).map_err(invalid)?;
            aws_entries(&offer, catalog, &mut entries, &mut report);
        } else {
            return Err(ImportError::UnknownFormat { path: file.clone() });
        }
    }
    for e in entries {
        match book.prices.iter_mut().find(|p| p.id == e.id) {
            Some(existing) if existing.usd == e.usd && existing.dims == e.dims => {
                report.unchanged.push(e.id)
            }
            Some(existing) => {
                report
                    .replaced
                    .push(format!("{} ({} → {})", e.id, existing.usd, e.usd));
                *existing = e;
            }
            None => {
                report
                    .added
                    .push(format!("{} = {} per {}", e.id, e.usd, e.unit));
                book.prices.push(e);
            }
        }
    }
    Ok(report)
}

/// A decimal price string with any number of trailing zeros ("0.3000000000").
fn exact_usd(text: &str) -> Option<Usd> {
    let t = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    };
    t.parse().ok()
}

#[derive(Deserialize)]
struct AzurePage {
    #[serde(rename = "Items")]
    items: Vec<AzureItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AzureItem {
    #[serde(default)]
    currency_code: Option<String>,
    retail_price: serde_json::Number,
    #[serde(default)]
    arm_region_name: String,
    #[serde(default)]
    effective_start_date: String,
    #[serde(default)]
    meter_id: String,
    meter_name: String,
    #[serde(default)]
    product_name: String,
    #[serde(default)]
    sku_name: String,
    service_name: String,
    unit_of_measure: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

fn bandwidth_mbps(number: &str, unit: &str) -> Option<u64> {
    let n: u64 = number.parse().ok()?;
    match unit {
        "Mbps" => Some(n),
        "Gbps" => Some(n * 1000),
        _ => None,
    }
}

fn azure_entries(page: &AzurePage, out: &mut Vec<PriceEntry>, report: &mut ImportReport) {
    for item in &page.items {
        let name = format!(
            "{} / {} [{}]",
            item.product_name, item.meter_name, item.arm_region_name
        );
        let ignore = |report: &mut ImportReport, why: &str| {
            report.ignored.push((name.clone(), why.to_string()))
        };
        if item.service_name != "ExpressRoute" {
            ignore(report, "not an ExpressRoute meter");
            continue;
        }
        if item.currency_code.as_deref().is_some_and(|c| c != "USD") {
            ignore(report, "not priced in USD");
            continue;
        }
        if item.kind.as_deref().is_some_and(|k| k != "Consumption") {
            ignore(report, "not a pay-as-you-go (Consumption) price");
            continue;
        }
        let Some(usd) = exact_usd(&item.retail_price.to_string()) else {
            ignore(report, "price is not an exact decimal");
            continue;
        };
        let zone: Option<Value> = if item.arm_region_name == super::US_GOV_ZONE_1 {
            Some(super::US_GOV_ZONE_1.into())
        } else {
            item.arm_region_name
                .strip_prefix("Zone ")
                .and_then(|z| z.trim().parse::<u8>().ok())
                .map(Value::from)
        };
        let words: Vec<&str> = item.meter_name.split_whitespace().collect();
        let mut dims: BTreeMap<String, Value> = BTreeMap::new();
        let (meter, unit) = match words.as_slice() {
            [
                tier @ ("Standard" | "Premium"),
                billing @ ("Metered" | "Unlimited"),
                "Data",
                n,
                u,
                "Circuit",
            ] => {
                let Some(bw) = bandwidth_mbps(n, u) else {
                    ignore(report, "bandwidth not understood");
                    continue;
                };
                dims.insert("tier".into(), tier.to_lowercase().into());
                dims.insert("billing".into(), billing.to_lowercase().into());
                dims.insert("bandwidth_mbps".into(), bw.into());
                ("azure.er.circuit", "month")
            }
            ["Local", "Unlimited", "Data", n, u, "Circuit"] | ["Local", n, u, "Circuit"] => {
                let Some(bw) = bandwidth_mbps(n, u) else {
                    ignore(report, "bandwidth not understood");
                    continue;
                };
                dims.insert("tier".into(), "local".into());
                dims.insert("billing".into(), "unlimited".into());
                dims.insert("bandwidth_mbps".into(), bw.into());
                ("azure.er.circuit", "month")
            }
            ["Metered", "Data", "-", "Data", "Transfer", "Out"] => ("azure.er.egress", "GB"),
            // Retail API meter names (azure-er-prices.md S1): "ErGw1AZ Gateway", "ErGwScale
            // Unit", "Standard Gateway", "High Performance Gateway" and, for the legacy top
            // SKU, "Ultra High Performance Gateway" (not "Ultra Performance Gateway").
            [sku, "Gateway"]
            | [sku, "Performance", "Gateway"]
            | [sku, "High", "Performance", "Gateway"]
            | [sku, "Unit"] => {
                let key = match *sku {
                    "ErGw1AZ" => "er_gw1_az",
                    "ErGw2AZ" => "er_gw2_az",
                    "ErGw3AZ" => "er_gw3_az",
                    "ErGwScale" => "er_gw_scale",
                    "Standard" => "standard",
                    "High" if words.len() == 3 => "high_performance",
                    "Ultra" => "ultra_performance",
                    _ => {
                        ignore(report, "gateway SKU not understood");
                        continue;
                    }
                };
                dims.insert("sku".into(), key.into());
                dims.insert("region".into(), item.arm_region_name.clone().into());
                ("azure.er.gateway", "hour")
            }
            _ => {
                ignore(report, "meter not used by linkwright");
                continue;
            }
        };
        if meter != "azure.er.gateway" {
            let Some(z) = zone else {
                ignore(report, "priced by Azure region, expected a zone");
                continue;
            };
            dims.insert("zone".into(), z);
        }
        let expected_unit = match unit {
            "month" => "1/Month",
            "GB" => "1 GB",
            _ => "1 Hour",
        };
        if item.unit_of_measure != expected_unit {
            ignore(
                report,
                &format!(
                    "unit {} where {expected_unit} was expected",
                    item.unit_of_measure
                ),
            );
            continue;
        }
        out.push(PriceEntry {
            id: format!(
                "azure:{}:{}",
                if item.meter_id.is_empty() {
                    &item.meter_name
                } else {
                    &item.meter_id
                },
                item.arm_region_name
            ),
            meter: meter.into(),
            dims,
            unit: unit.into(),
            usd,
            source: "Azure Retail Prices API".into(),
            as_of: item.effective_start_date.chars().take(10).collect(),
            confidence: "OFF".into(),
            reference: "import".into(),
            note: format!("{} / {}", item.product_name, item.sku_name),
            fallback_note: String::new(),
        });
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AwsOffer {
    #[serde(default)]
    offer_code: String,
    #[serde(default)]
    publication_date: String,
    products: BTreeMap<String, AwsProduct>,
    terms: AwsTerms,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AwsProduct {
    #[serde(default)]
    product_family: String,
    attributes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct AwsTerms {
    #[serde(rename = "OnDemand", default)]
    on_demand: BTreeMap<String, BTreeMap<String, AwsTerm>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AwsTerm {
    price_dimensions: BTreeMap<String, AwsPriceDimension>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AwsPriceDimension {
    unit: String,
    price_per_unit: BTreeMap<String, String>,
}

fn capacity_mbps(text: &str) -> Option<u64> {
    let (n, unit) = text
        .trim()
        .split_at(text.trim().find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = n.parse().ok()?;
    match unit.trim() {
        "M" | "Mbps" => Some(n),
        "G" | "Gbps" => Some(n * 1000),
        _ => None,
    }
}

fn aws_entries(
    offer: &AwsOffer,
    catalog: &Catalog,
    out: &mut Vec<PriceEntry>,
    report: &mut ImportReport,
) {
    if !offer.offer_code.is_empty() && offer.offer_code != "AWSDirectConnect" {
        report.ignored.push((
            offer.offer_code.clone(),
            "not the AWSDirectConnect offer".into(),
        ));
        return;
    }
    let as_of: String = offer.publication_date.chars().take(10).collect();
    for (sku, product) in &offer.products {
        let attr = |k: &str| product.attributes.get(k).map(String::as_str).unwrap_or("");
        let usage = attr("usagetype");
        let name = format!("{sku} ({usage})");
        let Some(dimension) = offer
            .terms
            .on_demand
            .get(sku)
            .and_then(|t| t.values().next())
            .and_then(|t| t.price_dimensions.values().next())
        else {
            report.ignored.push((name, "no on-demand price".into()));
            continue;
        };
        let Some(usd) = dimension
            .price_per_unit
            .get("USD")
            .and_then(|p| exact_usd(p))
        else {
            report.ignored.push((name, "no exact USD price".into()));
            continue;
        };
        // usagetype: "<REGION>-<LOCATION>-PortUsage:1G", "...-HCPortUsage:1G", "<REGION>-<LOCATION>-DataXfer-Out..."
        let mut parts = usage.splitn(3, '-');
        let (region_prefix, location_code) =
            (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let location = catalog.dx_location(location_code);
        let mut dims: BTreeMap<String, Value> = BTreeMap::new();
        let (meter, unit) = if usage.contains("PortUsage") {
            let Some(cap) = capacity_mbps(attr("capacity")) else {
                report
                    .ignored
                    .push((name, "capacity not understood".into()));
                continue;
            };
            dims.insert("capacity_mbps".into(), cap.into());
            let hosted = usage.contains("HCPortUsage")
                || attr("connectionType").eq_ignore_ascii_case("hosted");
            if hosted {
                ("aws.dx.port.hosted", "hour")
            } else {
                let japan =
                    location.map_or(matches!(region_prefix, "APN1" | "APN3"), |l| l.is_japan());
                dims.insert(
                    "location_group".into(),
                    if japan { "japan" } else { "other" }.into(),
                );
                ("aws.dx.port.dedicated", "hour")
            }
        } else if usage.contains("DataXfer-Out") {
            let from = attr("fromLocation");
            let region = catalog.aws_regions.iter().find(|r| r.name == from);
            let (Some(region), Some(location)) = (region, location) else {
                let why = format!(
                    "source region \"{from}\" or DX location \"{location_code}\" not in the catalog"
                );
                report.ignored.push((name, why));
                continue;
            };
            dims.insert("from_region".into(), region.code.clone().into());
            dims.insert("dx_location".into(), location.code.clone().into());
            ("aws.dx.data_transfer_out", "GB")
        } else {
            report
                .ignored
                .push((name, "usage type not used by linkwright".into()));
            continue;
        };
        let expected = if unit == "hour" { "Hrs" } else { "GB" };
        if dimension.unit != expected {
            report.ignored.push((
                name,
                format!("unit {} where {expected} was expected", dimension.unit),
            ));
            continue;
        }
        out.push(PriceEntry {
            id: format!("aws:{usage}"),
            meter: meter.into(),
            dims,
            unit: unit.into(),
            usd,
            source: "AWS Price List API (AWSDirectConnect)".into(),
            as_of: as_of.clone(),
            confidence: "OFF".into(),
            reference: "import".into(),
            note: format!("{} {}", product.product_family, attr("location")),
            fallback_note: String::new(),
        });
    }
}

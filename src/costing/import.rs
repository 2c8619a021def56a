//! Price imports into the user's price book: pages of the Azure Retail Prices API
//! (`{"Items": [...]}`) and the AWS Price List offer file for `AWSDirectConnect`
//! (`{"products": ..., "terms": {"OnDemand": ...}}`). Nothing is merged unless every file
//! parses; every item is reported as added, replaced, unchanged or ignored (with the reason).

use super::book::UserBook;
use crate::catalog::{Catalog, PriceEntry};
use crate::model::Usd;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
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
    #[error("{}:{line}:{column}: price page refused: {message}", path.display())]
    Refused {
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
    /// The same price twice in one page: which, and which one was kept.
    pub duplicates: Vec<String>,
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
        let keys: TopLevelKeys = serde_json::from_str(&text).map_err(|e| ImportError::Invalid {
            path: file.clone(),
            line: e.line().max(1),
            column: e.column().max(1),
            message: plain_words(&e),
        })?;
        let invalid = |(line, column): (usize, usize), message: String| ImportError::Invalid {
            path: file.clone(),
            line,
            column,
            message,
        };
        let refused = |(line, column): (usize, usize), message: String| ImportError::Refused {
            path: file.clone(),
            line,
            column,
            message,
        };
        if keys.items {
            let page: AzurePage = parse_located(&text).map_err(|(at, m)| invalid(at, m))?;
            let mut page_entries = Vec::with_capacity(page.items.len());
            azure_entries(&text, &page, &mut page_entries, &mut report)
                .map_err(|(at, m)| refused(at, m))?;
            keep_first_of_duplicates(page_entries, &mut entries, &mut report);
        } else if keys.products && keys.terms {
            let offer: AwsOffer = parse_located(&text).map_err(|(at, m)| invalid(at, m))?;
            aws_entries(&text, &offer, catalog, &mut entries, &mut report)
                .map_err(|(at, m)| refused(at, m))?;
        } else {
            return Err(ImportError::UnknownFormat { path: file.clone() });
        }
    }
    merge(entries, book, &mut report);
    Ok(report)
}

/// Merge imported entries into the book in their order: an entry replaces the book's first
/// entry with its id, or is added at the end. The book's entries are found by id through a
/// map built once, so the merge grows linearly with the book and the import. (The ids come
/// from files off the internet: std's hasher, which crafted ids cannot make collide.)
fn merge(entries: Vec<PriceEntry>, book: &mut UserBook, report: &mut ImportReport) {
    let mut at: HashMap<String, usize> = HashMap::with_capacity(book.prices.len() + entries.len());
    super::count_steps(book.prices.len());
    book.prices.reserve(entries.len());
    for (i, p) in book.prices.iter().enumerate() {
        at.entry(p.id.clone()).or_insert(i);
    }
    for e in entries {
        super::count_steps(1);
        match at.get(&e.id).map(|&i| &mut book.prices[i]) {
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
                at.insert(e.id.clone(), book.prices.len());
                book.prices.push(e);
            }
        }
    }
}

/// A position in a page (1-based line and column) and what is wrong there, in plain words.
type Located = ((usize, usize), String);

/// Which of the keys that tell the formats apart the top level of a JSON text has (none when
/// it is not an object). Read by parsing the whole text as a `serde_json::Value` would, with
/// the same errors at the same places, but keeping nothing: the tree of a page of 100,000
/// items took a quarter of the import's time.
#[derive(Default)]
struct TopLevelKeys {
    items: bool,
    products: bool,
    terms: bool,
}

impl<'de> Deserialize<'de> for TopLevelKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top;
        impl<'de> serde::de::Visitor<'de> for Top {
            type Value = TopLevelKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TopLevelKeys, A::Error> {
                let mut keys = TopLevelKeys::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "Items" => keys.items = true,
                        "products" => keys.products = true,
                        "terms" => keys.terms = true,
                        _ => {}
                    }
                    map.next_value::<Checked>()?;
                }
                Ok(keys)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<TopLevelKeys, A::Error> {
                Checked.visit_seq(seq).map(|_| TopLevelKeys::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
            fn visit_unit<E>(self) -> Result<TopLevelKeys, E> {
                Ok(TopLevelKeys::default())
            }
        }
        d.deserialize_any(Top)
    }
}

/// Any JSON value, parsed in full (every number and string read as a `Value` reads it, so the
/// same texts are refused) and dropped as it is read.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Checked)
    }
}

impl<'de> serde::de::Visitor<'de> for Checked {
    type Value = Checked;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_key::<Checked>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
}

/// Parse `text` (already known to be JSON) as a page, locating an error at its line and
/// column and naming where in the page it is ("Items", item 3, "retailPrice") instead of the
/// types linkwright reads it into.
fn parse_located<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Located> {
    // Most pages read: only a page that does not is read again, tracking where it failed.
    if let Ok(page) = serde_json::from_str(text) {
        return Ok(page);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let place: Vec<String> = e
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    Some(format!("item {index} (counting from 0)"))
                }
                serde_path_to_error::Segment::Map { key } => Some(format!("\"{key}\"")),
                _ => None,
            })
            .collect();
        let inner = e.inner();
        let message = plain_words(inner);
        let message = if place.is_empty() {
            message
        } else {
            format!("at {}: {message}", place.join(", "))
        };
        ((inner.line().max(1), inner.column().max(1)), message)
    })
}

/// A JSON error's message without the position serde_json appends (the position leads the
/// message instead) and in plain words.
fn plain_words(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => &message,
    };
    message.replace("EOF", "end of file")
}

/// Byte offsets of the elements of the top-level `"Items"` array of a JSON text (already
/// known to be valid), so an item found wrong after parsing can be located in the page.
fn item_offsets(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut last_string_at_top = "";
    let mut in_items = false;
    let mut want_item = false;
    let mut offsets = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_items && depth == 2 && want_item && !c.is_ascii_whitespace() && c != b']' {
            offsets.push(i);
            want_item = false;
        }
        match c {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if depth == 1 {
                    last_string_at_top = text.get(start..i).unwrap_or("");
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if c == b'[' && depth == 2 && last_string_at_top == "Items" {
                    in_items = true;
                    want_item = true;
                    offsets.clear();
                }
            }
            b'}' | b']' => {
                if depth == 2 {
                    in_items = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if in_items && depth == 2 => want_item = true,
            _ => {}
        }
        i += 1;
    }
    offsets
}

/// Keep the first entry of each id in one page's entries and report the others.
fn keep_first_of_duplicates(
    page: Vec<(usize, PriceEntry)>,
    out: &mut Vec<PriceEntry>,
    report: &mut ImportReport,
) {
    let mut first_item: HashMap<&str, usize> = HashMap::with_capacity(page.len());
    let mut kept = Vec::with_capacity(page.len());
    for (item, entry) in &page {
        match first_item.entry(entry.id.as_str()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let first = first.get();
                report.duplicates.push(format!(
                    "{}: items {first} and {item} (counting from 0) price the same meter and region; kept item {first}",
                    entry.id
                ));
                kept.push(false);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(*item);
                kept.push(true);
            }
        }
    }
    out.reserve(kept.iter().filter(|&&k| k).count());
    out.extend(
        page.into_iter()
            .zip(kept)
            .filter_map(|((_, entry), kept)| kept.then_some(entry)),
    );
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
#[serde(expecting = "a price page (an object with \"Items\")")]
struct AzurePage {
    #[serde(rename = "Items")]
    items: Vec<AzureItem>,
    /// The page's currency (the Retail Prices API's `currencyCode` query; USD by default).
    #[serde(rename = "CurrencyCode", default)]
    currency_code: Option<String>,
    #[serde(rename = "BillingCurrency", default)]
    billing_currency: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a price item (an object)")]
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

/// "1" "Gbps" → 1000; `None` for what is not a bandwidth or lies beyond the design bound
/// ([`crate::design_file::MAX_BANDWIDTH_MBPS`]), so no figure ever wraps.
fn bandwidth_mbps(number: &str, unit: &str) -> Option<u64> {
    let n: u64 = number.parse().ok()?;
    let mbps = match unit {
        "Mbps" => Some(n),
        "Gbps" => n.checked_mul(1000),
        _ => None,
    }?;
    (mbps <= crate::design_file::MAX_BANDWIDTH_MBPS).then_some(mbps)
}

fn azure_entries(
    text: &str,
    page: &AzurePage,
    out: &mut Vec<(usize, PriceEntry)>,
    report: &mut ImportReport,
) -> Result<(), Located> {
    use crate::design_file::locate;
    for (key, currency) in [
        ("CurrencyCode", &page.currency_code),
        ("BillingCurrency", &page.billing_currency),
    ] {
        if let Some(c) = currency.as_deref().filter(|c| *c != "USD") {
            return Err((
                locate::key(text, key).unwrap_or((1, 1)),
                format!(
                    "the page is priced in {c} (\"{key}\"); linkwright imports USD prices only (the Retail Prices API's default currency)"
                ),
            ));
        }
    }
    let offsets = item_offsets(text);
    let item_at = |index: usize| {
        offsets.get(index).map_or((1, 1), |&off| {
            locate::line_col_of_byte(text.as_bytes(), off)
        })
    };
    for (index, item) in page.items.iter().enumerate() {
        let described = || {
            format!(
                "item {index} (counting from 0, meter \"{}\" in \"{}\")",
                item.meter_name, item.arm_region_name
            )
        };
        if let Some(c) = item.currency_code.as_deref().filter(|c| *c != "USD") {
            return Err((
                item_at(index),
                format!(
                    "{} is priced in {c} (\"currencyCode\"); linkwright imports USD prices only",
                    described()
                ),
            ));
        }
        let price = item.retail_price.to_string();
        if price.starts_with('-') && price.bytes().any(|b| matches!(b, b'1'..=b'9')) {
            return Err((
                item_at(index),
                format!("{} has a negative price ({price})", described()),
            ));
        }
    }
    for (index, item) in page.items.iter().enumerate() {
        // The item's name, written only for an item that is ignored.
        let ignore = |report: &mut ImportReport, why: &str| {
            let name = format!(
                "{} / {} [{}]",
                item.product_name, item.meter_name, item.arm_region_name
            );
            report.ignored.push((name, why.to_string()))
        };
        if item.service_name != "ExpressRoute" {
            ignore(report, "not an ExpressRoute meter");
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
        out.push((
            index,
            PriceEntry {
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
            },
        ));
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an offer file (an object with \"products\" and \"terms\")"
)]
struct AwsOffer {
    #[serde(default)]
    offer_code: String,
    #[serde(default)]
    publication_date: String,
    products: BTreeMap<String, AwsProduct>,
    terms: AwsTerms,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a product (an object)")]
struct AwsProduct {
    #[serde(default)]
    product_family: String,
    attributes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(expecting = "the terms (an object)")]
struct AwsTerms {
    #[serde(rename = "OnDemand", default)]
    on_demand: BTreeMap<String, BTreeMap<String, AwsTerm>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a term (an object)")]
struct AwsTerm {
    price_dimensions: BTreeMap<String, AwsPriceDimension>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a price dimension (an object)")]
struct AwsPriceDimension {
    unit: String,
    price_per_unit: BTreeMap<String, String>,
}

fn capacity_mbps(text: &str) -> Option<u64> {
    let (n, unit) = text
        .trim()
        .split_at(text.trim().find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = n.parse().ok()?;
    let mbps = match unit.trim() {
        "M" | "Mbps" => Some(n),
        "G" | "Gbps" => n.checked_mul(1000),
        _ => None,
    }?;
    (mbps <= crate::design_file::MAX_BANDWIDTH_MBPS).then_some(mbps)
}

fn aws_entries(
    text: &str,
    offer: &AwsOffer,
    catalog: &Catalog,
    out: &mut Vec<PriceEntry>,
    report: &mut ImportReport,
) -> Result<(), Located> {
    if !offer.offer_code.is_empty() && offer.offer_code != "AWSDirectConnect" {
        report.ignored.push((
            offer.offer_code.clone(),
            "not the AWSDirectConnect offer".into(),
        ));
        return Ok(());
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
        if let Some(price) = dimension
            .price_per_unit
            .get("USD")
            .filter(|p| p.starts_with('-') && p.bytes().any(|b| matches!(b, b'1'..=b'9')))
        {
            return Err((
                crate::design_file::locate::key(text, sku).unwrap_or((1, 1)),
                format!("product \"{sku}\" ({usage}) has a negative price ({price} USD)"),
            ));
        }
        let Some(usd) = dimension
            .price_per_unit
            .get("USD")
            .and_then(|p| exact_usd(p))
        else {
            let found: Vec<&str> = dimension
                .price_per_unit
                .keys()
                .map(String::as_str)
                .collect();
            report.ignored.push((
                name,
                if found.is_empty() {
                    "no exact USD price".into()
                } else {
                    format!("no exact USD price (found {})", found.join(", "))
                },
            ));
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::costing::steps;

    fn entry(id: &str, usd: &str) -> PriceEntry {
        PriceEntry {
            id: id.into(),
            meter: "azure.er.egress".into(),
            dims: BTreeMap::from([("zone".to_string(), Value::from(1))]),
            unit: "GB".into(),
            usd: usd.parse().expect("test price"),
            source: "test".into(),
            as_of: "2026-11-01".into(),
            confidence: "OFF".into(),
            reference: "test".into(),
            note: String::new(),
            fallback_note: String::new(),
        }
    }

    #[test]
    fn merge_replaces_the_first_entry_of_an_id_and_adds_the_rest_in_order() {
        let mut book = UserBook::empty();
        book.prices = vec![entry("a", "1"), entry("b", "2"), entry("a", "3")];
        let mut report = ImportReport::default();
        let import = vec![
            entry("a", "1"),
            entry("c", "4"),
            entry("b", "5"),
            entry("c", "6"),
        ];
        merge(import, &mut book, &mut report);
        let prices: Vec<(&str, String)> = book
            .prices
            .iter()
            .map(|p| (p.id.as_str(), p.usd.to_string()))
            .collect();
        assert_eq!(
            prices,
            [("a", "1.00"), ("b", "5.00"), ("a", "3.00"), ("c", "6.00")]
                .map(|(i, u)| (i, u.to_string()))
        );
        assert_eq!(report.unchanged, ["a"]);
        assert_eq!(report.added, ["c = 4.00 per GB"]);
        assert_eq!(report.replaced, ["b (2.00 → 5.00)", "c (4.00 → 6.00)"]);
    }

    #[test]
    fn merge_work_grows_linearly_with_the_book_and_the_import() {
        // A book of n entries and an import of n: half already in the book (every third of
        // those at a new price), half new.
        let work = |n: usize| {
            let mut book = UserBook::empty();
            book.prices = (0..n).map(|i| entry(&format!("e{i}"), "1")).collect();
            let import = (n / 2..n / 2 + n)
                .map(|i| entry(&format!("e{i}"), if i % 3 == 0 { "2" } else { "1" }))
                .collect();
            let mut report = ImportReport::default();
            steps::take();
            merge(import, &mut book, &mut report);
            let counts = (
                report.added.len(),
                report.replaced.len() + report.unchanged.len(),
            );
            (steps::take(), counts)
        };
        let (small, counts) = work(1_000);
        assert_eq!(counts, (500, 500));
        let (large, counts) = work(10_000);
        assert_eq!(counts, (5_000, 5_000));
        // A search of the book per imported entry was a hundred times the work here.
        assert!(
            large <= 12 * small,
            "{small} steps for 1,000 entries, {large} for 10,000"
        );
    }

    #[test]
    fn item_offsets_find_each_item_past_strings_and_nested_arrays() {
        let text = r#"{"Note": "Items [x", "Other": [1, {"Items": [9]}],
  "Items": [ {"a": "q\"]", "b": [1, 2]} ,
    {"c": {}}, 3 ], "After": [4]}"#;
        let found: Vec<&str> = item_offsets(text)
            .into_iter()
            .map(|o| &text[o..o + 4])
            .collect();
        assert_eq!(found, [r#"{"a""#, r#"{"c""#, "3 ],"]);
    }
}

//! The catalog's record types, one per JSON file in `assets/catalog/`.

use crate::model::Usd;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Source key, date and confidence tag of a catalog file (reference §0).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileHeader {
    pub source: String,
    pub source_date: String,
    pub confidence: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogProvenance {
    pub part: String,
    pub source: String,
    pub as_of: String,
    pub confidence: String,
}

impl CatalogProvenance {
    pub(super) fn of(part: &str, header: &FileHeader) -> Self {
        Self {
            part: part.into(),
            source: header.source.clone(),
            as_of: header.source_date.clone(),
            confidence: header.confidence.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct ErLocationsFile {
    #[serde(flatten)]
    pub header: FileHeader,
    pub locations: Vec<ErLocation>,
    pub national_cloud_locations: Vec<NationalCloudLocation>,
}

/// An ExpressRoute peering location of global commercial Azure (reference 4.1).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErLocation {
    pub name: String,
    pub facility: String,
    pub metro: String,
    pub country: String,
    /// Pricing zone 1-4.
    pub zone: u8,
    /// Display names of the Azure regions a Local circuit here reaches.
    pub local_regions: Vec<String>,
    pub geopolitical_region: String,
    /// The geopolitical region was assigned by country, not read from Microsoft's table.
    pub geopolitical_region_derived: bool,
    pub er_direct: bool,
    pub fabrics: Vec<String>,
}

/// A peering location of a national cloud (US Government, China).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NationalCloudLocation {
    pub name: String,
    pub facility: Option<String>,
    pub cloud: String,
    pub local_regions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct DxLocationsFile {
    #[serde(flatten)]
    pub header: FileHeader,
    pub locations: Vec<DxLocation>,
}

/// An AWS Direct Connect location (reference 4.4).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DxLocation {
    pub code: String,
    pub facility: String,
    pub short_name: String,
    pub country: String,
    pub home_region: String,
    /// "aws", "aws-cn" or "aws-eusc".
    pub partition: String,
    pub metro: String,
    pub port_speeds_mbps: Vec<u64>,
    pub macsec_speeds_mbps: Vec<u64>,
}

impl DxLocation {
    /// DX port-hour pricing group (reference 2.2): Japan or all other locations.
    pub fn is_japan(&self) -> bool {
        self.country == "JP"
    }

    /// The area a transfer-out price group names (more-prices.md): the country code, with
    /// Hawaii apart from the rest of the US ("US-HI").
    pub fn pricing_area(&self) -> String {
        if self.country == "US" && self.facility.contains(", HI, ") {
            "US-HI".to_string()
        } else {
            self.country.clone()
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct AzureRegionsFile {
    #[serde(flatten)]
    pub header: FileHeader,
    pub regions: Vec<AzureRegionInfo>,
}

/// An Azure region (reference 4.2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AzureRegionInfo {
    /// ARM name, e.g. "eastus2".
    pub code: String,
    /// Display name, e.g. "East US 2".
    pub name: String,
    /// "AzureCloud", "AzureUSGovernment" or "AzureChinaCloud".
    pub cloud: String,
    pub geopolitical_region: String,
    pub geopolitical_region_derived: bool,
    pub local_peering_locations: Vec<String>,
    pub zone: Option<u8>,
}

impl AzureRegionInfo {
    pub fn is_commercial(&self) -> bool {
        self.cloud == "AzureCloud"
    }
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct AwsRegionsFile {
    #[serde(flatten)]
    pub header: FileHeader,
    pub regions: Vec<AwsRegionInfo>,
}

/// An AWS region (reference 4.3).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AwsRegionInfo {
    pub code: String,
    pub name: String,
    pub geography: String,
    /// "aws", "aws-cn" or "aws-eusc".
    pub partition: String,
    #[serde(default)]
    pub japan: bool,
}

impl AwsRegionInfo {
    /// The area a transfer-out price group names (more-prices.md): "US" for the commercial US
    /// regions (all in the mainland US), else none.
    pub fn pricing_area(&self) -> Option<&'static str> {
        (self.partition == "aws" && self.code.starts_with("us-")).then_some("US")
    }
}

/// Metros where both clouds are present, and the buildings that host both (reference 4.5).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SharedMetros {
    pub source: String,
    pub source_date: String,
    pub confidence: String,
    pub metros: Vec<SharedMetro>,
    pub same_building: Vec<SameBuilding>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SharedMetro {
    pub metro: String,
    pub azure: String,
    pub aws: String,
    pub dx_codes: Vec<String>,
    pub same_building: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SameBuilding {
    pub er_location: String,
    pub dx_location: String,
}

/// Prices with provenance (reference 1-2). [GAP] items are absent on purpose; the known ones
/// are listed in `gaps` with the reason a line priced by them shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PriceBook {
    pub notes: String,
    pub sources: BTreeMap<String, String>,
    pub prices: Vec<PriceEntry>,
    #[serde(default)]
    pub gaps: Vec<PriceGap>,
}

/// A key our sources do not price, with the reason. It matches like an entry (all its dims in
/// the query) and, in the built-in layer, beats any entry with fewer dims: a sampled region
/// without a row of its own is not priced by the region-less entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PriceGap {
    pub meter: String,
    pub dims: BTreeMap<String, serde_json::Value>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PriceEntry {
    pub id: String,
    /// What is priced, e.g. "aws.dx.port.dedicated".
    pub meter: String,
    /// The meter's dimensions, e.g. {"capacity_mbps": 1000, "location_group": "other"}.
    pub dims: BTreeMap<String, serde_json::Value>,
    /// "hour", "month" or "GB".
    pub unit: String,
    pub usd: Usd,
    pub source: String,
    pub as_of: String,
    /// OFF, OFF-copy, 3P, DER, or "secondary" (a third party's restructuring of a price API).
    pub confidence: String,
    /// Section of the reference sheet.
    pub reference: String,
    #[serde(default)]
    pub note: String,
    /// Set on an entry that stands in for keys it does not name (a region-less gateway price used
    /// for a region without a row of its own): the line that uses it says so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fallback_note: String,
}

/// A user catalog file: any of these lists; entries replace built-in ones with the same key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CatalogOverlay {
    #[serde(default)]
    pub er_locations: Vec<ErLocation>,
    #[serde(default)]
    pub dx_locations: Vec<DxLocation>,
    #[serde(default)]
    pub azure_regions: Vec<AzureRegionInfo>,
    #[serde(default)]
    pub aws_regions: Vec<AwsRegionInfo>,
    #[serde(default)]
    pub prices: Vec<PriceEntry>,
}

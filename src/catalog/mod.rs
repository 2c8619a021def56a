//! Read-only lookups over the provider facts in `assets/catalog/*.json`: ExpressRoute peering
//! locations, Direct Connect locations, Azure and AWS regions, shared buildings and prices with
//! provenance. The data is embedded at compile time and can be extended or corrected by a user
//! file (same shape, entries with the same key replace the built-in ones).

mod data;

pub use data::*;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const ER_LOCATIONS: &str = include_str!("../../assets/catalog/er_locations.json");
const DX_LOCATIONS: &str = include_str!("../../assets/catalog/dx_locations.json");
const AZURE_REGIONS: &str = include_str!("../../assets/catalog/azure_regions.json");
const AWS_REGIONS: &str = include_str!("../../assets/catalog/aws_regions.json");
const SHARED_METROS: &str = include_str!("../../assets/catalog/shared_metros.json");
const PRICES: &str = include_str!("../../assets/catalog/prices.json");

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("built-in catalog file {file} is invalid at line {line}, column {column}: {message}")]
    BuiltIn {
        file: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("cannot read catalog file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: crate::user_file::ReadError,
    },
    #[error("{}:{line}:{column}: invalid catalog file: {message}", path.display())]
    User {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// All provider facts, indexed for lookup.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub er_locations: Vec<ErLocation>,
    pub national_cloud_locations: Vec<NationalCloudLocation>,
    pub dx_locations: Vec<DxLocation>,
    pub azure_regions: Vec<AzureRegionInfo>,
    pub aws_regions: Vec<AwsRegionInfo>,
    pub shared_metros: SharedMetros,
    pub prices: PriceBook,
    /// Where each part came from, with its as-of date (shown in reports and About).
    pub provenance: Vec<CatalogProvenance>,
    er_index: HashMap<String, usize>,
    dx_index: HashMap<String, usize>,
    azure_index: HashMap<String, usize>,
    azure_name_index: HashMap<String, usize>,
    aws_index: HashMap<String, usize>,
}

fn parse_builtin<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, CatalogError> {
    serde_json::from_str(text).map_err(|e| CatalogError::BuiltIn {
        file,
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Lay `extra` over `base` in order: an item replaces the first item of `base` with its key
/// (exact), or is added at the end (so a later item with the same key replaces it). Items are
/// found by key through a map built once, so an overlay costs time linear in both lists.
fn merge<T>(base: &mut Vec<T>, extra: Vec<T>, key: impl Fn(&T) -> &str) {
    // Positions by key, owned: `base` changes while the map is in use. (std's hasher: the keys
    // come from the user's file.)
    let mut at: HashMap<String, usize> = HashMap::with_capacity(base.len() + extra.len());
    for (i, item) in base.iter().enumerate() {
        at.entry(key(item).to_owned()).or_insert(i);
    }
    for item in extra {
        match at.get(key(&item)) {
            Some(&i) => base[i] = item,
            None => {
                at.insert(key(&item).to_owned(), base.len());
                base.push(item);
            }
        }
    }
}

impl Catalog {
    /// The catalog compiled into the program.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        let er: ErLocationsFile = parse_builtin("er_locations.json", ER_LOCATIONS)?;
        let dx: DxLocationsFile = parse_builtin("dx_locations.json", DX_LOCATIONS)?;
        let az: AzureRegionsFile = parse_builtin("azure_regions.json", AZURE_REGIONS)?;
        let aws: AwsRegionsFile = parse_builtin("aws_regions.json", AWS_REGIONS)?;
        let shared: SharedMetros = parse_builtin("shared_metros.json", SHARED_METROS)?;
        let prices: PriceBook = parse_builtin("prices.json", PRICES)?;
        let provenance = vec![
            CatalogProvenance::of("ExpressRoute peering locations", &er.header),
            CatalogProvenance::of("Direct Connect locations", &dx.header),
            CatalogProvenance::of("Azure regions", &az.header),
            CatalogProvenance::of("AWS regions", &aws.header),
            CatalogProvenance {
                part: "Shared metros and buildings".into(),
                source: shared.source.clone(),
                as_of: shared.source_date.clone(),
                confidence: shared.confidence.clone(),
            },
        ];
        let mut catalog = Catalog {
            er_locations: er.locations,
            national_cloud_locations: er.national_cloud_locations,
            dx_locations: dx.locations,
            azure_regions: az.regions,
            aws_regions: aws.regions,
            shared_metros: shared,
            prices,
            provenance,
            er_index: HashMap::new(),
            dx_index: HashMap::new(),
            azure_index: HashMap::new(),
            azure_name_index: HashMap::new(),
            aws_index: HashMap::new(),
        };
        catalog.reindex();
        Ok(catalog)
    }

    /// The built-in catalog, with `overlay` laid over it when given (`--catalog FILE`).
    pub fn with_overlay(overlay: Option<&Path>) -> Result<Catalog, CatalogError> {
        match overlay {
            Some(path) => Catalog::with_user_file(path),
            None => Catalog::builtin(),
        }
    }

    /// The built-in catalog with a user file laid over it.
    pub fn with_user_file(path: &Path) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::builtin()?;
        let text = crate::user_file::read_text(path, crate::user_file::MAX_FILE_BYTES).map_err(
            |source| CatalogError::Io {
                path: path.to_owned(),
                source,
            },
        )?;
        let overlay: CatalogOverlay =
            serde_json::from_str(&text).map_err(|e| CatalogError::User {
                path: path.to_owned(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        catalog.apply_overlay(overlay);
        Ok(catalog)
    }

    fn apply_overlay(&mut self, overlay: CatalogOverlay) {
        merge(&mut self.er_locations, overlay.er_locations, |l| &l.name);
        merge(&mut self.dx_locations, overlay.dx_locations, |l| &l.code);
        merge(&mut self.azure_regions, overlay.azure_regions, |r| &r.code);
        merge(&mut self.aws_regions, overlay.aws_regions, |r| &r.code);
        merge(&mut self.prices.prices, overlay.prices, |p| &p.id);
        self.provenance.push(CatalogProvenance {
            part: "User catalog file".into(),
            source: "user".into(),
            as_of: String::new(),
            confidence: "user".into(),
        });
        self.reindex();
    }

    fn reindex(&mut self) {
        fn index<T>(items: &[T], key: impl Fn(&T) -> String) -> HashMap<String, usize> {
            items.iter().enumerate().map(|(i, t)| (key(t), i)).collect()
        }
        self.er_index = index(&self.er_locations, |l| l.name.to_lowercase());
        self.dx_index = index(&self.dx_locations, |l| l.code.to_uppercase());
        self.azure_index = index(&self.azure_regions, |r| r.code.clone());
        self.azure_name_index = index(&self.azure_regions, |r| r.name.to_lowercase());
        self.aws_index = index(&self.aws_regions, |r| r.code.clone());
    }

    /// ExpressRoute peering location by name ("Washington DC"), case-insensitive.
    pub fn er_location(&self, name: &str) -> Option<&ErLocation> {
        self.er_index
            .get(&name.to_lowercase())
            .map(|&i| &self.er_locations[i])
    }
    /// A national-cloud peering location by name (US Government, China).
    pub fn national_cloud_location(&self, name: &str) -> Option<&NationalCloudLocation> {
        self.national_cloud_locations
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name))
    }
    /// Direct Connect location by code ("EQDC2"), case-insensitive.
    pub fn dx_location(&self, code: &str) -> Option<&DxLocation> {
        self.dx_index
            .get(&code.to_uppercase())
            .map(|&i| &self.dx_locations[i])
    }
    /// Azure region by ARM name ("eastus2") or display name ("East US 2").
    pub fn azure_region(&self, code_or_name: &str) -> Option<&AzureRegionInfo> {
        self.azure_index
            .get(code_or_name)
            .or_else(|| self.azure_name_index.get(&code_or_name.to_lowercase()))
            .map(|&i| &self.azure_regions[i])
    }
    /// AWS region by code ("us-east-1").
    pub fn aws_region(&self, code: &str) -> Option<&AwsRegionInfo> {
        self.aws_index.get(code).map(|&i| &self.aws_regions[i])
    }
    /// The Direct Connect location in the same building as this ExpressRoute peering location.
    pub fn dx_in_building_of(&self, er_location: &str) -> Option<&str> {
        self.shared_metros
            .same_building
            .iter()
            .find(|s| s.er_location.eq_ignore_ascii_case(er_location))
            .map(|s| s.dx_location.as_str())
    }

    /// The ExpressRoute peering location in the same building as this Direct Connect location.
    pub fn er_in_building_of(&self, dx_location: &str) -> Option<&str> {
        self.shared_metros
            .same_building
            .iter()
            .find(|s| s.dx_location.eq_ignore_ascii_case(dx_location))
            .map(|s| s.er_location.as_str())
    }

    /// Search facilities (by peering location, DX code, building, metro) and regions (by code or
    /// name), case-insensitive; a building that hosts both clouds is one hit. At most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<CatalogHit> {
        let q = query.trim().to_lowercase();
        if q.len() < 2 {
            return Vec::new();
        }
        let has = |fields: &[&str]| fields.iter().any(|s| s.to_lowercase().contains(&q));
        let mut hits = Vec::new();
        for l in self
            .er_locations
            .iter()
            .filter(|l| has(&[&l.name, &l.facility, &l.metro]))
        {
            hits.push(CatalogHit::Facility {
                er: Some(l.name.clone()),
                dx: self.dx_in_building_of(&l.name).map(str::to_string),
                facility: l.facility.clone(),
                metro: l.metro.clone(),
            });
        }
        for l in self
            .dx_locations
            .iter()
            .filter(|l| has(&[&l.code, &l.facility, &l.short_name, &l.metro]))
        {
            // A shared building is already listed through its peering location.
            if self.er_in_building_of(&l.code).is_none() {
                hits.push(CatalogHit::Facility {
                    er: None,
                    dx: Some(l.code.clone()),
                    facility: l.short_name.clone(),
                    metro: l.metro.clone(),
                });
            }
        }
        for r in self
            .azure_regions
            .iter()
            .filter(|r| r.is_commercial() && has(&[&r.code, &r.name]))
        {
            hits.push(CatalogHit::Azure {
                code: r.code.clone(),
                name: r.name.clone(),
            });
        }
        for r in self
            .aws_regions
            .iter()
            .filter(|r| r.partition == "aws" && has(&[&r.code, &r.name]))
        {
            hits.push(CatalogHit::Aws {
                code: r.code.clone(),
                name: r.name.clone(),
            });
        }
        hits.truncate(limit);
        hits
    }

    /// True when the ER peering location and the DX location are in one building (4.5).
    pub fn same_building(&self, er_location: &str, dx_location: &str) -> bool {
        self.shared_metros.same_building.iter().any(|s| {
            s.er_location.eq_ignore_ascii_case(er_location)
                && s.dx_location.eq_ignore_ascii_case(dx_location)
        })
    }
}

/// A catalog search result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum CatalogHit {
    /// A building: its ExpressRoute peering location and/or Direct Connect location.
    Facility {
        er: Option<String>,
        dx: Option<String>,
        facility: String,
        metro: String,
    },
    Azure {
        code: String,
        name: String,
    },
    Aws {
        code: String,
        name: String,
    },
}

impl CatalogHit {
    /// "Equinix DC2, DC6 (Ashburn) — Washington DC / EQDC2 (Azure + AWS in this building)".
    pub fn label(&self) -> String {
        match self {
            CatalogHit::Facility {
                er: Some(er),
                dx: Some(dx),
                facility,
                ..
            } => format!("{facility} — {er} / {dx} (Azure + AWS in this building)"),
            CatalogHit::Facility {
                er: Some(er),
                dx: None,
                facility,
                ..
            } => format!("{facility} — ExpressRoute {er}"),
            CatalogHit::Facility {
                er: None,
                dx: Some(dx),
                facility,
                ..
            } => format!("{facility} — Direct Connect {dx}"),
            CatalogHit::Facility { facility, .. } => facility.clone(),
            CatalogHit::Azure { code, name } => format!("Azure region {name} ({code})"),
            CatalogHit::Aws { code, name } => format!("AWS region {code} — {name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn an_overlay_replaces_the_first_item_with_its_key_and_adds_the_rest_in_order() {
        let mut base = vec![("a", 1), ("b", 2), ("a", 3)];
        merge(
            &mut base,
            vec![("b", 4), ("c", 5), ("a", 6), ("c", 7)],
            |item| item.0,
        );
        assert_eq!(base, [("a", 6), ("b", 4), ("a", 3), ("c", 7)]);
    }

    #[test]
    fn overlay_work_grows_linearly_with_the_catalog_and_the_overlay() {
        // Keys read by the merge for a base of n items and an overlay of n, half of them new.
        let work = |n: usize| {
            let reads = Cell::new(0usize);
            let mut base: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
            let overlay = (n / 2..n / 2 + n).map(|i| format!("k{i}")).collect();
            merge(&mut base, overlay, |k| {
                reads.set(reads.get() + 1);
                k.as_str()
            });
            assert_eq!(base.len(), n + n / 2);
            reads.get()
        };
        let (small, large) = (work(1_000), work(10_000));
        // Comparing each overlay item with every item before it was a hundred times the work.
        assert!(
            large <= 12 * small,
            "{small} key reads for 1,000 items, {large} for 10,000"
        );
    }

    #[test]
    fn builtin_catalog_parses_with_reference_counts() {
        let c = Catalog::builtin().unwrap();
        assert_eq!(c.er_locations.len(), 105);
        assert_eq!(c.dx_locations.len(), 151);
        assert_eq!(c.er_locations.iter().filter(|l| l.er_direct).count(), 100);
        assert_eq!(
            c.er_locations
                .iter()
                .filter(|l| !l.local_regions.is_empty())
                .count(),
            84
        );
    }
}

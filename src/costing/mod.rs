//! Costing: every element of a design turned into line items, each priced from the layered
//! price book with its provenance, or marked unpriced with the reason — never guessed.
//!
//! Rules (reference §1–2, azure-er-prices.md, more-prices.md):
//! - A month is 730 hours unless configured (stated in every output).
//! - **Direct Connect** (P1–P9): port-hours by type, capacity and location group (Japan or
//!   not) × LAG members; data transfer out per GB by (source region, DX location): the pair's
//!   own price, else its group's (mainland-US region → US location, US region → Hawaii
//!   location, Tokyo → Japan or US location, Frankfurt → Montreal; more-prices.md), else the
//!   pair at another DX location with the same home region (reference 2.5, marked), else
//!   unpriced with the reason; Transit Gateway attachment-hours for each DX gateway ↔ TGW
//!   association and per-GB processing of traffic through it; DX gateways are free (P8);
//!   SiteLink hours per SiteLink-enabled VIF (its per-GB charges need traffic between DX
//!   locations, which the design does not state); VPN connection-hours, plus a TGW attachment
//!   when the VPN ends on a TGW. Hosted connections in Japan are unpriced (no Japan rate, Q8).
//! - **AWS internet egress over VPNs**: summed per region over the month and priced by tier
//!   (first 10 TB, next 40 TB, next 100 TB, over 150 TB), never averaged; the region's demands
//!   fill the tiers in demand order, so a share that crosses a tier bound is two lines. The
//!   account-wide 100 GB free monthly allowance is an assumption stated in `EGRESS_RULE`, not
//!   subtracted (it is shared by every service of the account).
//! - **ExpressRoute** (B1–B15): circuit fee by tier × billing × bandwidth × zone (Zone 1–4, US
//!   Gov Zone 1), Premium by its own meter; Local is unlimited only (B4): a Local circuit set to
//!   metered is unpriced, not re-priced; a Metro circuit has its own meter, unpriced until
//!   quoted (B14 says it costs as a standard circuit, from a preview page); FastPath is an
//!   unpriced line when on; metered egress per GB by the zone of the peering location (B2;
//!   unlimited and Local include it, B3/B4); circuits on an ExpressRoute Direct port pair carry
//!   no circuit fee (B11) but the port pair does, and Premium there is an add-on; Global Reach
//!   add-on per circuit (B10); gateway hours by SKU and region, ErGwScale per unit (B15), a
//!   region without a Retail API row of its own priced as the sampled regions (the line says
//!   so). Circuit and egress prices come from a secondary collector and say so. Known gaps
//!   (ER Direct, Global Reach, FastPath, Metro, Azure internet egress) carry the reason from
//!   the catalog's `gaps`.
//! - **Access circuits and fabric connections**: the monthly cost entered on the link.
//! - **Egress split**: a demand's monthly egress is split over the paths that carry it in the
//!   intact design in proportion to the flow each carries (max-flow, see `resilience`), with a
//!   largest-remainder split so the shares add up to the demand exactly; each path's share is
//!   billed on the circuit that enters the cloud on that path. A share that leaves a cloud on a
//!   path we cannot price is an unpriced line, never a missing one.
//! - Money is exact: unit prices and amounts are integer micro-dollars; quantities are
//!   thousandths of a unit; each line is rounded half up to a micro-dollar once. Quantities are
//!   shown rounded (`LineItem::quantity_text`: "9,524 GB"); totals use the exact quantities.

pub mod book;
pub mod import;
mod transit;
pub mod whatif;

pub use book::{Book, Price, Provenance, UserBook};

use crate::catalog::Catalog;
use crate::model::{
    AwsAttachment, Design, DxConnectionType, ErBilling, ErSkuTier, LinkKind, NodeKind, Percent,
    PriceUnit, Usd, VifType, mbps,
};
use crate::resilience;
use book::Query;
use serde::Serialize;
use serde_json::Value;
use smol_str::SmolStr;
use std::collections::BTreeMap;
use std::sync::Arc;

pub const DEFAULT_HOURS_PER_MONTH: u64 = 730;

/// Counts `n` steps of work whose number must grow linearly with the design or the book (line
/// items and links visited by the what-if, price entries compared by a lookup, entries probed
/// by an import's merge). Only the crate's own tests count, to compare the work at two sizes
/// (operation counts, not times, so CI can check it); elsewhere this is nothing.
#[inline(always)]
pub(crate) fn count_steps(_n: usize) {
    #[cfg(test)]
    steps::STEPS.with(|s| s.set(s.get() + _n as u64));
}

#[cfg(test)]
pub(crate) mod steps {
    use std::cell::Cell;

    thread_local! {
        pub(super) static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    /// The steps counted on this thread since the last call.
    pub(crate) fn take() -> u64 {
        STEPS.with(|s| s.replace(0))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    DirectConnectPorts,
    DataTransferOut,
    TransitGateway,
    Vpn,
    ExpressRouteCircuits,
    ExpressRouteEgress,
    ExpressRouteDirect,
    GlobalReach,
    Gateways,
    AccessCircuits,
    FabricConnections,
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Category::DirectConnectPorts => "Direct Connect ports",
            Category::DataTransferOut => "Direct Connect data transfer out",
            Category::TransitGateway => "Transit Gateway",
            Category::Vpn => "VPN",
            Category::ExpressRouteCircuits => "ExpressRoute circuits",
            Category::ExpressRouteEgress => "ExpressRoute metered egress",
            Category::ExpressRouteDirect => "ExpressRoute Direct",
            Category::GlobalReach => "Global Reach",
            Category::Gateways => "ExpressRoute gateways",
            Category::AccessCircuits => "Access circuits",
            Category::FabricConnections => "Fabric connections",
        }
    }
}

/// Who bills the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Biller {
    Aws,
    Azure,
    /// Carriers and fabrics (access circuits, fabric connections).
    Carriers,
}

impl Biller {
    pub fn label(self) -> &'static str {
        match self {
            Biller::Aws => "AWS",
            Biller::Azure => "Azure",
            Biller::Carriers => "Carriers and fabrics",
        }
    }
}

/// One line of the bill of materials.
#[derive(Debug, Clone, Serialize)]
pub struct LineItem {
    /// The design element (link or node id).
    pub element: SmolStr,
    pub category: Category,
    pub biller: Biller,
    /// The site the line is attributed to (access circuits, a demand's egress), if any.
    pub site: Option<SmolStr>,
    pub meter: &'static str,
    pub description: String,
    /// Quantity in thousandths of `unit` (730 hours = 730000).
    pub quantity_milli: u64,
    pub unit: PriceUnit,
    /// Unit price before any discount.
    pub unit_price: Option<Usd>,
    pub discount: Option<Percent>,
    pub monthly: Option<Usd>,
    /// Shared with every line priced from the same entry.
    pub provenance: Option<Arc<Provenance>>,
    /// Why the line has no price.
    /// Shared with every line left unpriced for the same reason.
    pub unpriced_reason: Option<Arc<str>>,
}

impl LineItem {
    /// The quantity as a user reads it: whole units with thousands separators ("9,524 GB",
    /// "2,920 h"), rounded half up; a volume under half a GB is "<1 GB". The amount is computed
    /// from the exact quantity.
    pub fn quantity_text(&self) -> String {
        let mut out = String::with_capacity(24);
        self.push_quantity(&mut out);
        out
    }

    /// [`LineItem::quantity_text`] appended to `out` (a large bill writes 800,000 of them).
    pub fn push_quantity(&self, out: &mut String) {
        let n = round_milli(self.quantity_milli);
        match self.unit {
            PriceUnit::Gb if n == 0 && self.quantity_milli > 0 => out.push_str("<1 GB"),
            unit => {
                crate::model::push_thousands(out, n);
                out.push_str(match unit {
                    PriceUnit::Hour => " h",
                    PriceUnit::Gb => " GB",
                    PriceUnit::Month if n == 1 => " month",
                    PriceUnit::Month => " months",
                });
            }
        }
    }
}

fn round_milli(milli: u64) -> u64 {
    (milli + 500) / 1000
}

/// "1,234,567".
pub fn thousands(n: u64) -> String {
    let mut out = String::with_capacity(26);
    crate::model::push_thousands(&mut out, n);
    out
}

/// A volume in thousandths of a GB as shown: "9,524 GB", "<1 GB".
pub fn gb_text(milli: u64) -> String {
    let mut out = String::with_capacity(16);
    push_gb(&mut out, milli);
    out
}

/// [`gb_text`] appended to `out` (a large design's egress lines start with it, 600,000 times).
fn push_gb(out: &mut String, milli: u64) {
    match round_milli(milli) {
        0 if milli > 0 => out.push_str("<1 GB"),
        n => {
            crate::model::push_thousands(out, n);
            out.push_str(" GB");
        }
    }
}

/// Split `total` in proportion to `weights` so that the parts add up to `total` exactly
/// (largest remainder: every part gets its floor, then the units left go one each to the parts
/// with the largest remainders, ties to the earlier part). All zero weights give all zero parts.
pub fn split_exact(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let x = u128::from(total) * u128::from(w);
        // x / sum <= total, so it fits in u64.
        parts.push((x / sum) as u64);
        remainders.push((x % sum, i));
    }
    let mut left = total - parts.iter().sum::<u64>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub monthly: Usd,
    pub annual: Usd,
    pub three_year: Usd,
}

impl Totals {
    /// The totals of a monthly amount; `None` when the three-year total is out of range.
    fn of(monthly: Usd) -> Option<Totals> {
        Some(Totals {
            monthly,
            annual: monthly.checked_mul(12)?,
            three_year: monthly.checked_mul(36)?,
        })
    }
}

/// Why a line whose amount cannot be represented is unpriced: money never wraps.
pub const OUT_OF_RANGE: &str = "amount out of range: more than linkwright can add up exactly (about 9.2 trillion US dollars in micro-dollars, or a monthly total whose three-year total would be more); check the quantity and the price";

#[derive(Debug, Clone, Serialize)]
pub struct Unpriced {
    pub element: SmolStr,
    pub meter: &'static str,
    pub reason: Arc<str>,
}

/// The costed design.
#[derive(Debug, Clone, Serialize)]
pub struct Costing {
    pub hours_per_month: u64,
    pub egress_rule: &'static str,
    pub items: Vec<LineItem>,
    /// Totals of the priced lines.
    pub totals: Totals,
    pub by_biller: BTreeMap<Biller, Usd>,
    pub by_category: BTreeMap<Category, Usd>,
    /// By site id; lines not attributable to one site are under "shared".
    pub by_site: BTreeMap<String, Usd>,
    pub priced_items: usize,
    pub unpriced: Vec<Unpriced>,
}

impl Costing {
    pub fn is_complete(&self) -> bool {
        self.unpriced.is_empty()
    }
}

pub const EGRESS_RULE: &str = "a demand's monthly egress is split over the paths that carry it in the intact design, in proportion to what each carries (max-flow, private circuits first: a VPN backup carries only what the private circuits cannot; largest-remainder rounding, so the shares add up to the demand exactly); each share is billed on the circuit that enters the cloud on that path. AWS internet data transfer out over VPNs is summed per region and priced by monthly tier (first 10 TB, next 40 TB, next 100 TB, over 150 TB), the region's demands filling the tiers in demand order; the account-wide 100 GB free monthly allowance is assumed used elsewhere and not subtracted";

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub hours_per_month: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hours_per_month: DEFAULT_HOURS_PER_MONTH,
        }
    }
}

struct Pricer<'a> {
    book: &'a Book<'a>,
    items: Vec<LineItem>,
    /// "No price for …" reasons made so far: lines of one meter and dimensions share one
    /// (200,000 lines of a 100,000-site design carry the same few).
    no_price: rustc_hash::FxHashSet<Arc<str>>,
}

impl<'a> Pricer<'a> {
    fn new(book: &'a Book<'a>, capacity: usize) -> Self {
        Pricer {
            book,
            items: Vec::with_capacity(capacity),
            no_price: Default::default(),
        }
    }
}

/// A line to price.
struct Line<'q> {
    element: &'q str,
    category: Category,
    biller: Biller,
    site: Option<&'q str>,
    meter: &'static str,
    dims: Vec<(&'q str, Value)>,
    provider: &'q str,
    description: String,
    quantity_milli: u64,
    unit: PriceUnit,
    /// Set to make the line unpriced without a lookup (a known gap).
    gap: Option<Arc<str>>,
}

/// Transit Gateway data processing (price AWS-TGW-PROC, reference 2.6) for traffic of one
/// demand in `region`.
fn tgw_processing<'q>(
    element: &'q str,
    site: Option<&'q str>,
    region: &'q str,
    description: String,
    quantity_milli: u64,
) -> Line<'q> {
    Line {
        element,
        category: Category::TransitGateway,
        biller: Biller::Aws,
        site,
        meter: "aws.tgw.data_processing",
        dims: vec![("region", Value::from(region))],
        provider: "aws",
        description,
        quantity_milli,
        unit: PriceUnit::Gb,
        gap: None,
    }
}

/// The price of `quantity_milli` thousandths of a unit, rounded half up (away from zero) to a
/// micro-dollar; `None` when it is out of range.
fn amount(unit_price: Usd, quantity_milli: u64) -> Option<Usd> {
    let micros = i128::from(unit_price.micros()) * i128::from(quantity_milli);
    let rounded = if micros < 0 {
        micros - 500
    } else {
        micros + 500
    } / 1000;
    i64::try_from(rounded).ok().map(Usd::from_micros)
}

impl<'a> Pricer<'a> {
    fn add(&mut self, mut line: Line<'_>) {
        let query = Query {
            meter: line.meter,
            dims: &line.dims,
            element: line.element,
            provider: line.provider,
        };
        let price = if line.gap.is_some() {
            None
        } else {
            self.book.undiscounted(&query)
        };
        if price.is_none() && line.gap.is_none() {
            line.gap = self.book.unpriced_gap_reason(&query);
        }
        if let Some(note) = price.as_ref().and_then(|p| p.fallback_note.as_ref()) {
            line.description = format!("{} ({note})", line.description);
        }
        // A price in another unit than the line's (e.g. a monthly quote for an hourly meter) is
        // converted only between hour and month.
        let (unit_price, monthly, provenance, reason, discount) = match price {
            Some(p) => {
                let qty = match (line.unit, p.unit) {
                    (a, b) if a == b => Some(line.quantity_milli),
                    (PriceUnit::Hour, PriceUnit::Month) => Some(1000),
                    _ => None,
                };
                match qty {
                    Some(q) => {
                        let discount = self.book.discount(line.provider);
                        let net = amount(p.usd, q)
                            .and_then(|gross| discount.map_or(Some(gross), |d| d.off(gross)));
                        let mut provenance = p.provenance;
                        if let Some(note) = p.fallback_note
                            && let Provenance::Catalog { note: n, .. } =
                                Arc::make_mut(&mut provenance)
                        {
                            *n = note;
                        }
                        let reason = net.is_none().then(|| Arc::from(OUT_OF_RANGE));
                        (Some(p.usd), net, Some(provenance), reason, discount)
                    }
                    None => (
                        None,
                        None,
                        None,
                        Some(
                            format!(
                                "the price found is per {:?}, the line is per {:?}",
                                p.unit, line.unit
                            )
                            .into(),
                        ),
                        None,
                    ),
                }
            }
            None => (
                None,
                None,
                None,
                Some(line.gap.unwrap_or_else(|| {
                    let text = format!(
                        "no price for {} ({})",
                        line.meter,
                        book::dims_text(line.dims.iter().map(|(k, v)| (k, v)))
                    );
                    match self.no_price.get(text.as_str()) {
                        Some(shared) => shared.clone(),
                        None => {
                            let shared: Arc<str> = text.into();
                            self.no_price.insert(shared.clone());
                            shared
                        }
                    }
                })),
                None,
            ),
        };
        self.items.push(LineItem {
            element: SmolStr::new(line.element),
            category: line.category,
            biller: line.biller,
            site: line.site.map(SmolStr::new),
            meter: line.meter,
            description: line.description,
            quantity_milli: line.quantity_milli,
            unit: line.unit,
            unit_price,
            discount,
            monthly,
            provenance,
            unpriced_reason: reason,
        });
    }
}

/// The pricing zone of an ExpressRoute peering location as the price book keys it (reference
/// 4.1): 1–4, or "US Gov Zone 1" when the circuit reaches a US Government region through a US
/// Government peering location (names collide with commercial ones, so the region decides).
pub(crate) fn er_zone(
    catalog: &Catalog,
    peering_location: Option<&str>,
    azure_region: Option<&crate::model::Node>,
) -> Option<Value> {
    let location = peering_location?;
    let us_gov = azure_region
        .and_then(|n| n.as_azure())
        .and_then(|r| catalog.azure_region(&r.region))
        .is_some_and(|r| r.cloud == "AzureUSGovernment");
    if us_gov {
        return catalog
            .national_cloud_location(location)
            .filter(|l| l.cloud == "AzureUSGovernment")
            .map(|_| Value::from(US_GOV_ZONE_1));
    }
    catalog.er_location(location).map(|l| Value::from(l.zone))
}

use crate::offers::er::PROVIDER_MBPS as PROVIDER_CIRCUIT_MBPS;

/// Why a provider circuit of this tier and bandwidth has no price: it is not offered.
fn not_offered_reason(tier: ErSkuTier, bandwidth_mbps: u64) -> Option<String> {
    if !PROVIDER_CIRCUIT_MBPS.contains(&bandwidth_mbps) {
        Some(format!(
            "a {} provider circuit is not offered (reference 1.3: 50, 100, 200, 500 Mbps, 1, 2, \
             5, 10 Gbps; larger circuits only on ExpressRoute Direct), so it has no price",
            mbps(bandwidth_mbps)
        ))
    } else if tier == ErSkuTier::Local && bandwidth_mbps < crate::offers::er::LOCAL_MIN_MBPS {
        Some(format!(
            "a Local {} circuit is not offered: Local starts at 1 Gbps (reference 1.3, Q4; our \
             price source lists Local from 1 Gbps), so it has no price",
            mbps(bandwidth_mbps)
        ))
    } else {
        None
    }
}

/// The zone key of US Government peering locations (the Retail API's armRegionName).
pub const US_GOV_ZONE_1: &str = "US Gov Zone 1";

/// "zone 2", "US Gov Zone 1", "zone ?".
pub(crate) fn zone_text(zone: Option<&Value>) -> String {
    match zone {
        Some(Value::String(s)) => s.clone(),
        Some(z) => format!("zone {z}"),
        None => "zone ?".to_string(),
    }
}

fn tier_key(t: ErSkuTier) -> &'static str {
    match t {
        ErSkuTier::Local => "local",
        ErSkuTier::Standard => "standard",
        ErSkuTier::Premium => "premium",
    }
}

fn gateway_key(sku: crate::model::ErGatewaySku) -> &'static str {
    use crate::model::ErGatewaySku::*;
    match sku {
        Standard => "standard",
        HighPerformance => "high_performance",
        UltraPerformance => "ultra_performance",
        ErGw1Az => "er_gw1_az",
        ErGw2Az => "er_gw2_az",
        ErGw3Az => "er_gw3_az",
        ErGwScale => "er_gw_scale",
    }
}

/// Cost a design. The egress is split over the intact paths of each demand (see `Egress`):
/// each share leaving a cloud is a line, priced or unpriced with the reason; shares included in
/// an unlimited or Local circuit's fee are not billed. The paths are found here by the failure
/// analysis's intact flows alone.
pub fn cost(design: &Design, catalog: &Catalog, user: &UserBook, options: Options) -> Costing {
    cost_with_book(
        design,
        catalog,
        &Book::new(catalog, user, design),
        options,
        &resilience::egress_paths(design, catalog),
    )
}

/// [`cost`] with the design's failure analysis already at hand (any depth, with paths): its
/// intact paths are not searched again. (The analyses shown together build their price book
/// once too and call [`cost_with_book`].)
pub fn cost_with_analysis(
    design: &Design,
    catalog: &Catalog,
    user: &UserBook,
    options: Options,
    analysis: &resilience::Analysis,
) -> Costing {
    cost_with_book(
        design,
        catalog,
        &Book::new(catalog, user, design),
        options,
        &resilience::EgressPaths::of(design, analysis),
    )
}

/// Cost a design with its price book already built (the what-if that follows reads the same
/// book) and its intact paths found ([`resilience::egress_paths`], or
/// [`resilience::EgressPaths::of`] an analysis at hand).
pub fn cost_with_book(
    design: &Design,
    catalog: &Catalog,
    book: &Book<'_>,
    options: Options,
    intact: &resilience::EgressPaths,
) -> Costing {
    let hours = options.hours_per_month;
    let hours_milli = hours * 1000;
    // Room for every line at once: a line item is a few hundred bytes, and growing the vector
    // of a large design's lines by doubling copied them again at each step (about a tenth of
    // the costing's time at 30,000 sites). A bound, not an exact count: about one line per
    // element, and up to two egress lines per path.
    let paths: usize = intact
        .demands
        .iter()
        .map(|d| intact.paths(d).len().max(1))
        .sum();
    let mut p = Pricer::new(book, design.links.len() + design.nodes.len() + 2 * paths);
    let parallel = crate::par::threads() > 1 && design.links.len() + paths >= PARALLEL_LINES;
    let elements = |p: &mut Pricer<'_>| {
        element_lines(design, catalog, hours_milli, p);
        node_lines(design, catalog, hours_milli, p);
        transit::cost(design, catalog, p, hours_milli);
    };
    if parallel {
        egress_on_two_cores(design, catalog, intact, EGRESS_BLOCK, elements, &mut p);
    } else {
        elements(&mut p);
        let mut e = Egress::new(design, catalog);
        for d in &intact.demands {
            e.demand(d, intact.paths(d), &mut p);
        }
    }
    totals(hours, p.items)
}

/// How many demands' egress one core prices at a time on a large design.
const EGRESS_BLOCK: usize = 1024;

/// The elements' lines (`elements`) and the demands' egress lines, in that order, on two cores:
/// this one prices the elements, then takes blocks of demands from the front; the other takes
/// them from the back meanwhile, each block's lines kept apart and appended in order at the
/// end. Whichever core is faster prices more blocks (one core of a shared machine can run much
/// slower than the other). The lines are those of one pass in demand order: for the blocks
/// taken from the back, the AWS internet egress of the month before each block (which tiers
/// the VPN lines) is counted first.
fn egress_on_two_cores<'b>(
    design: &Design,
    catalog: &Catalog,
    intact: &resilience::EgressPaths,
    block: usize,
    elements: impl FnOnce(&mut Pricer<'b>),
    p: &mut Pricer<'b>,
) {
    let blocks: Vec<&[resilience::DemandPaths]> = intact.demands.chunks(block).collect();
    let claims = std::sync::Mutex::new(0..blocks.len());
    let claim = |from_back: bool| {
        let mut left = claims
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if from_back {
            left.next_back()
        } else {
            left.next()
        }
    };
    let book = p.book;
    let from_back = || {
        let mut e = Egress::new(design, catalog);
        let mut before = e.internet_before_blocks(intact, &blocks);
        let mut pricer = Pricer::new(book, 0);
        let mut done = Vec::new();
        while let Some(b) = claim(true) {
            e.internet_so_far = std::mem::take(&mut before[b]);
            for d in blocks[b] {
                e.demand(d, intact.paths(d), &mut pricer);
            }
            done.push(std::mem::take(&mut pricer.items));
        }
        done
    };
    std::thread::scope(|scope| {
        let helper = scope.spawn(from_back);
        elements(p);
        let mut e = Egress::new(design, catalog);
        // The blocks taken from the front follow one another: the month's internet egress
        // runs on from one to the next.
        while let Some(b) = claim(false) {
            for d in blocks[b] {
                e.demand(d, intact.paths(d), p);
            }
        }
        for mut items in crate::par::join(helper).into_iter().rev() {
            p.items.append(&mut items);
        }
    });
}

/// From how many links and paths the costing prices egress on another core.
const PARALLEL_LINES: usize = 20_000;

/// One line (or a few) per link: ports, circuits, VPNs, access circuits, fabric connections.
fn element_lines(design: &Design, catalog: &Catalog, hours_milli: u64, p: &mut Pricer<'_>) {
    let node_index = design.node_index();
    let node_of =
        |id: &crate::model::NodeId| node_index.get(id.as_str()).map(|&i| &design.nodes[i]);

    for link in &design.links {
        let (Some(a), Some(b)) = (node_of(&link.a), node_of(&link.b)) else {
            continue;
        };
        let site_end = [a, b]
            .into_iter()
            .find(|n| n.as_site().is_some())
            .map(|n| n.id.as_str());
        let facility = [a, b]
            .into_iter()
            .find_map(|n| n.as_facility().map(|f| (n, f)));
        let element = link.id.as_str();
        let cx = LinkCx {
            catalog,
            element,
            a,
            b,
            site_end,
            facility,
            hours_milli,
        };
        match &link.kind {
            LinkKind::AccessCircuit(c) => p.add_user_entered(
                element,
                Category::AccessCircuits,
                site_end,
                &c.carrier,
                c.monthly_usd,
                format!(
                    "{} access circuit, {} ({})",
                    mbps(c.bandwidth_mbps),
                    c.carrier,
                    link.label()
                ),
            ),
            LinkKind::FabricConnection(c) => p.add_user_entered(
                element,
                Category::FabricConnections,
                None,
                &c.operator,
                c.monthly_usd,
                format!(
                    "{} fabric connection ({})",
                    mbps(c.bandwidth_mbps),
                    c.operator
                ),
            ),
            LinkKind::DirectConnectConnection(c) => dx_connection_lines(p, cx, c),
            LinkKind::SiteToSiteVpn(v) => vpn_lines(p, cx, v),
            LinkKind::ExpressRouteCircuit(c) => er_circuit_lines(p, cx, c),
        }
    }
}

/// The lines of nodes: ExpressRoute Direct port pairs, ExpressRoute gateways, Transit Gateway
/// attachments of Direct Connect gateways.
fn node_lines(design: &Design, catalog: &Catalog, hours_milli: u64, p: &mut Pricer<'_>) {
    for n in &design.nodes {
        match &n.kind {
            NodeKind::ColocationFacility(f) => {
                for port in &f.er_direct_ports {
                    p.add(Line {
                        element: n.id.as_str(),
                        category: Category::ExpressRouteDirect,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.er.direct_port",
                        dims: vec![("port_speed_mbps", Value::from(port.port_speed_mbps))],
                        provider: "azure",
                        description: format!(
                            "ExpressRoute Direct port pair {} ({})",
                            port.id,
                            mbps(port.port_speed_mbps)
                        ),
                        quantity_milli: 1000,
                        unit: PriceUnit::Month,
                        gap: None,
                    });
                }
            }
            NodeKind::AzureRegion(r) => {
                if let Some(gw) = &r.gateway {
                    let units = if gw.sku == crate::model::ErGatewaySku::ErGwScale {
                        u64::from(gw.scale_units.unwrap_or(1).max(1))
                    } else {
                        1
                    };
                    let info = catalog.azure_region(&r.region);
                    let code = info.map_or(r.region.as_str(), |i| i.code.as_str());
                    // The cloud (commercial, US Government, China): the sampled regions'
                    // price stands in only for commercial regions without a row of their own.
                    let mut dims = vec![
                        ("sku", Value::from(gateway_key(gw.sku))),
                        ("region", Value::from(code)),
                    ];
                    if let Some(i) = info {
                        dims.push(("cloud", Value::from(i.cloud.as_str())));
                    }
                    p.add(Line {
                        element: n.id.as_str(),
                        category: Category::Gateways,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.er.gateway",
                        dims,
                        provider: "azure",
                        description: format!(
                            "{} gateway in {code}{}",
                            gw.sku.label(),
                            if units > 1 {
                                format!(" × {units} units")
                            } else {
                                String::new()
                            }
                        ),
                        quantity_milli: hours_milli * units,
                        unit: PriceUnit::Hour,
                        gap: None,
                    });
                }
            }
            NodeKind::AwsRegion(r) if r.attachment == AwsAttachment::DxGatewayTgw => {
                p.add(Line {
                    element: n.id.as_str(),
                    category: Category::TransitGateway,
                    biller: Biller::Aws,
                    site: None,
                    meter: "aws.tgw.attachment",
                    dims: vec![("region", Value::from(r.region.as_str()))],
                    provider: "aws",
                    description:
                        "Direct Connect gateway ↔ Transit Gateway association (TGW attachment)"
                            .into(),
                    quantity_milli: hours_milli,
                    unit: PriceUnit::Hour,
                    gap: None,
                });
            }
            _ => {}
        }
    }
}

/// The costing of priced lines: totals by cloud, category and site, and the unpriced list.
fn totals(hours: u64, mut items: Vec<LineItem>) -> Costing {
    let mut total = Usd::ZERO;
    let mut by_biller: BTreeMap<Biller, Usd> = BTreeMap::new();
    let mut by_category: BTreeMap<Category, Usd> = BTreeMap::new();
    // By site in a hash map while adding up (a site's name is copied once, not per line);
    // sorted once at the end.
    let mut by_site: rustc_hash::FxHashMap<String, Usd> = rustc_hash::FxHashMap::default();
    // Room for the lines without a price (a large design has hundreds of thousands), and for
    // the few whose amount is out of range.
    let mut unpriced =
        Vec::with_capacity(items.iter().filter(|i| i.monthly.is_none()).count() + 16);
    for item in &mut items {
        // A line is added to every sum or to none: a sum out of range (or a monthly total whose
        // three-year total would be) makes the line unpriced, so every figure shown is exact.
        let site = item.site.as_deref().unwrap_or("shared");
        let sums = item.monthly.and_then(|m| {
            let plus = |sum: Option<&Usd>| sum.copied().unwrap_or_default().checked_add(m);
            let new_total = total.checked_add(m)?;
            Totals::of(new_total)?;
            Some((
                new_total,
                plus(by_biller.get(&item.biller))?,
                plus(by_category.get(&item.category))?,
                plus(by_site.get(site))?,
            ))
        });
        match sums {
            Some((new_total, biller, category, site_sum)) => {
                total = new_total;
                by_biller.insert(item.biller, biller);
                by_category.insert(item.category, category);
                match by_site.get_mut(site) {
                    Some(sum) => *sum = site_sum,
                    None => {
                        by_site.insert(site.to_string(), site_sum);
                    }
                }
            }
            None => {
                if item.monthly.take().is_some() {
                    item.unpriced_reason = Some(OUT_OF_RANGE.into());
                }
                unpriced.push(Unpriced {
                    element: item.element.clone(),
                    meter: item.meter,
                    reason: item.unpriced_reason.clone().unwrap_or_else(|| "".into()),
                });
            }
        }
    }
    Costing {
        hours_per_month: hours,
        egress_rule: EGRESS_RULE,
        priced_items: items.len() - unpriced.len(),
        // `total` was checked by `Totals::of` as each line was added.
        totals: Totals::of(total).unwrap_or(Totals {
            monthly: Usd::ZERO,
            annual: Usd::ZERO,
            three_year: Usd::ZERO,
        }),
        by_biller,
        by_category,
        by_site: by_site.into_iter().collect(),
        unpriced,
        items,
    }
}

/// The monthly cost of a Virtual WAN hub's ExpressRoute gateway of `units` scale units, applied
/// by tier (azure-er-prices.md, S2): units 1–5 at the `unit_band` "1-5" price, the 6th to 10th
/// at the "6-10" price. Units beyond 10, or a band without a price, give the reason instead.
pub fn vwan_er_scale_units_monthly(
    book: &Book<'_>,
    element: &str,
    units: u32,
    hours_per_month: u64,
) -> Result<Usd, String> {
    if units > 10 {
        return Err(format!(
            "{units} scale units: our sources price units 1-10 only (AZ-PRICE-NOTES)"
        ));
    }
    let mut total = Usd::ZERO;
    for (band, count) in [("1-5", units.min(5)), ("6-10", units.saturating_sub(5))] {
        if count == 0 {
            continue;
        }
        let dims = [("unit_band", Value::from(band))];
        let price = book
            .undiscounted(&Query {
                meter: "azure.vwan.er_scale_unit",
                dims: &dims,
                element,
                provider: "azure",
            })
            .filter(|p| p.unit == PriceUnit::Hour)
            .ok_or_else(|| format!("no hourly price for Virtual WAN scale units {band}"))?;
        total = u64::from(count)
            .checked_mul(hours_per_month)
            .and_then(|hours| hours.checked_mul(1000))
            .and_then(|milli| amount(price.usd, milli))
            .and_then(|a| total.checked_add(a))
            .ok_or_else(|| OUT_OF_RANGE.to_string())?;
    }
    Ok(total)
}

impl Pricer<'_> {
    fn add_user_entered(
        &mut self,
        element: &str,
        category: Category,
        site: Option<&str>,
        provider: &str,
        monthly: Option<Usd>,
        description: String,
    ) {
        let discount = monthly.and_then(|_| self.book.discount(provider));
        let net = monthly.and_then(|m| discount.map_or(Some(m), |d| d.off(m)));
        self.items.push(LineItem {
            element: SmolStr::new(element),
            category,
            biller: Biller::Carriers,
            site: site.map(SmolStr::new),
            meter: if category == Category::AccessCircuits {
                "access.circuit"
            } else {
                "fabric.connection"
            },
            description,
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            unit_price: monthly,
            discount,
            monthly: net,
            provenance: monthly.map(|_| Arc::new(Provenance::UserEntered)),
            unpriced_reason: match (monthly, net) {
                (None, _) => Some("enter the provider's monthly cost on the link".into()),
                (Some(_), None) => Some(OUT_OF_RANGE.into()),
                (Some(_), Some(_)) => None,
            },
        });
    }
}

/// How the transfer out of (region, DX location) is priced: the pair's own price, else the
/// price of the group the pair falls in (more-prices.md: mainland-US region → US location,
/// Tokyo → Japan location, …), else the pair's price at another DX location with the same home
/// region (reference 2.5), else none.
#[derive(Debug, Clone)]
enum DtoPricing {
    Pair,
    Group(String),
    SameHomeRegion(String),
    /// Why the pair is unpriced (made once per pair, shared by its lines).
    Unknown(Arc<str>),
}

fn dto_pair_dims<'q>(region: &'q str, code: &'q str) -> Vec<(&'q str, Value)> {
    vec![
        ("from_region", Value::from(region)),
        ("dx_location", Value::from(code)),
    ]
}

/// The group dimensions of a transfer-out pair: the source region, its area ("US" for the
/// mainland-US regions), the location's area (country code, "US-HI" for Hawaii) and metro.
fn dto_group_dims<'q>(
    catalog: &Catalog,
    region: &'q str,
    location: &crate::catalog::DxLocation,
) -> Vec<(&'q str, Value)> {
    let mut dims = vec![
        ("from_region", Value::from(region)),
        ("location_area", Value::from(location.pricing_area())),
        ("location_metro", Value::from(location.metro.as_str())),
    ];
    if let Some(area) = catalog.aws_region(region).and_then(|r| r.pricing_area()) {
        dims.push(("from_area", Value::from(area)));
    }
    dims
}

fn dto_pricing(
    book: &Book<'_>,
    catalog: &Catalog,
    region: &str,
    location: &crate::catalog::DxLocation,
) -> DtoPricing {
    let priced = |dims: &[(&str, Value)]| {
        book.undiscounted(&Query {
            meter: "aws.dx.data_transfer_out",
            dims,
            element: "",
            provider: "aws",
        })
    };
    if priced(&dto_pair_dims(region, &location.code)).is_some() {
        return DtoPricing::Pair;
    }
    if let Some(p) = priced(&dto_group_dims(catalog, region, location)) {
        let name = match &*p.provenance {
            Provenance::Catalog { id, .. } | Provenance::UserBook { id, .. } => id.clone(),
            Provenance::DesignQuote { .. } | Provenance::UserEntered => "a quote".into(),
        };
        return DtoPricing::Group(name);
    }
    catalog
        .dx_locations
        .iter()
        .filter(|l| l.home_region == location.home_region && l.code != location.code)
        .find(|l| priced(&dto_pair_dims(region, &l.code)).is_some())
        .map_or_else(
            || {
                DtoPricing::Unknown(Arc::from(format!(
                    "no transfer-out price for {} → {} ({}) in our sources: the matrix is known only in part (MORE-PRICE-NOTES); enter it in the price book or as a design quote",
                    region,
                    location.code,
                    location.pricing_area()
                )))
            },
            |l| DtoPricing::SameHomeRegion(l.code.clone()),
        )
}

/// Monthly tiers of AWS internet data transfer out, in thousandths of a GB (more-prices.md:
/// first 10 TB = 10,240 GB, next 40 TB, next 100 TB, over 150 TB).
const INTERNET_TIERS: [(u64, u64, &str); 4] = [
    (0, 10_240_000, "first 10 TB"),
    (10_240_000, 51_200_000, "next 40 TB"),
    (51_200_000, 153_600_000, "next 100 TB"),
    (153_600_000, u64::MAX, "over 150 TB"),
];

/// The parts of a volume `[start, start + volume)` of a region's month that fall in each tier:
/// (tier number 1–4, its label, thousandths of a GB).
fn internet_tier_parts(start: u64, volume: u64) -> Vec<(u64, &'static str, u64)> {
    let end = start.saturating_add(volume);
    INTERNET_TIERS
        .iter()
        .enumerate()
        .filter_map(|(i, &(lo, hi, label))| {
            let part = end.min(hi).saturating_sub(start.max(lo));
            (part > 0).then_some((i as u64 + 1, label, part))
        })
        .collect()
}

/// What a link's lines read besides its own kind: the catalog, the link's id and ends, the
/// site it serves and the facility it starts from, the hours in the month.
#[derive(Clone, Copy)]
struct LinkCx<'a> {
    catalog: &'a Catalog,
    element: &'a str,
    a: &'a crate::model::Node,
    b: &'a crate::model::Node,
    site_end: Option<&'a str>,
    facility: Option<(&'a crate::model::Node, &'a crate::model::ColocationFacility)>,
    hours_milli: u64,
}

/// A Direct Connect connection: its port hours, by type, speed and location (LAG members counted).
fn dx_connection_lines(
    p: &mut Pricer<'_>,
    cx: LinkCx<'_>,
    c: &crate::model::DirectConnectConnection,
) {
    let LinkCx {
        catalog,
        element,
        facility,
        hours_milli,
        ..
    } = cx;
    let location = facility
        .and_then(|(_, f)| f.dx_location.as_deref())
        .and_then(|code| catalog.dx_location(code));
    let members = u64::from(c.lag_members.max(1));
    let kind = if c.connection_type == DxConnectionType::Dedicated {
        "dedicated"
    } else {
        "hosted"
    };
    let description = format!(
        "{} {kind} port{} at {}",
        mbps(c.capacity_mbps),
        if members > 1 {
            format!(" × {members} LAG members")
        } else {
            String::new()
        },
        location.map_or("an unknown location", |l| l.code.as_str())
    );
    let (meter, dims, gap) = match (c.connection_type, location) {
        (_, None) => (
            "aws.dx.port.dedicated",
            vec![],
            Some("the facility names no known Direct Connect location".to_string()),
        ),
        (DxConnectionType::Dedicated, Some(l)) => (
            "aws.dx.port.dedicated",
            vec![
                ("capacity_mbps", Value::from(c.capacity_mbps)),
                (
                    "location_group",
                    Value::from(if l.is_japan() { "japan" } else { "other" }),
                ),
            ],
            None,
        ),
        (DxConnectionType::Hosted, Some(l)) => (
            "aws.dx.port.hosted",
            vec![("capacity_mbps", Value::from(c.capacity_mbps))],
            l.is_japan()
                .then(|| "no Japan rate is published for hosted connections (Q8)".to_string()),
        ),
    };
    p.add(Line {
        element,
        category: Category::DirectConnectPorts,
        biller: Biller::Aws,
        site: None,
        meter,
        dims,
        provider: "aws",
        description,
        quantity_milli: hours_milli * members,
        unit: PriceUnit::Hour,
        gap: gap.map(Arc::from),
    });
    for vif in c.vifs.iter().filter(|v| v.sitelink) {
        p.add(Line {
            element,
            category: Category::DirectConnectPorts,
            biller: Biller::Aws,
            site: None,
            meter: "aws.dx.sitelink",
            dims: vec![],
            provider: "aws",
            description: format!(
                "SiteLink on VIF {} (hourly fee per SiteLink-enabled VIF; SiteLink \
                     also bills per GB between Direct Connect locations, e.g. US ↔ UK \
                     $0.0282/GB, for traffic the design does not state: not included)",
                vif.name
            ),
            quantity_milli: hours_milli,
            unit: PriceUnit::Hour,
            gap: None,
        });
    }
}

/// A site-to-site VPN: its connection hours on the AWS side (the Azure VPN gateway is costed per gateway, `transit.rs`).
fn vpn_lines(p: &mut Pricer<'_>, cx: LinkCx<'_>, v: &crate::model::SiteToSiteVpn) {
    let LinkCx {
        element,
        a,
        b,
        site_end,
        hours_milli,
        ..
    } = cx;
    let region = [a, b].into_iter().find(|n| n.as_site().is_none());
    match region.map(|n| &n.kind) {
        Some(NodeKind::AwsRegion(r)) => {
            p.add(Line {
                element,
                category: Category::Vpn,
                biller: Biller::Aws,
                site: site_end,
                meter: "aws.vpn.connection",
                dims: vec![("region", Value::from(r.region.as_str()))],
                provider: "aws",
                description: "Site-to-Site VPN connection".into(),
                quantity_milli: hours_milli,
                unit: PriceUnit::Hour,
                gap: None,
            });
            if v.on_transit_gateway {
                p.add(Line {
                    element,
                    category: Category::TransitGateway,
                    biller: Biller::Aws,
                    site: site_end,
                    meter: "aws.tgw.attachment",
                    dims: vec![("region", Value::from(r.region.as_str()))],
                    provider: "aws",
                    description: "Transit Gateway VPN attachment".into(),
                    quantity_milli: hours_milli,
                    unit: PriceUnit::Hour,
                    gap: None,
                });
            }
        }
        // The Azure VPN gateway is costed once per gateway (`transit.rs`).
        Some(NodeKind::AzureRegion(_)) => {}
        _ => {}
    }
}

/// An ExpressRoute circuit: its monthly fee by zone, tier, billing and bandwidth (or its share of an ER Direct port), Premium and Global Reach.
fn er_circuit_lines(p: &mut Pricer<'_>, cx: LinkCx<'_>, c: &crate::model::ExpressRouteCircuit) {
    let LinkCx {
        catalog,
        element,
        a,
        b,
        facility,
        ..
    } = cx;
    let Some((fac_node, fac)) = facility else {
        return;
    };
    let azure_end = [a, b].into_iter().find(|n| n.as_azure().is_some());
    let zone = er_zone(catalog, fac.er_peering_location.as_deref(), azure_end);
    let on_direct = c.direct_port.is_some();
    let billing_key = if c.billing == ErBilling::Metered {
        "metered"
    } else {
        "unlimited"
    };
    // B4: Local is unlimited only. A Local circuit set to metered is not re-priced as
    // unlimited: its line stays unpriced (the design is wrong, not the bill).
    let local_metered =
        (c.sku_tier == ErSkuTier::Local && c.billing == ErBilling::Metered).then(|| {
            "a Local circuit exists only with unlimited data (B4): there is no \
                 Local Metered price; set the circuit's billing to unlimited"
                .to_string()
        });
    // B14 / reference 1.7: a Metro circuit has its own (unpriced) meter.
    let meter = if c.metro_secondary_facility.is_some() {
        "azure.er.metro_circuit"
    } else {
        "azure.er.circuit"
    };
    if on_direct && c.sku_tier != ErSkuTier::Premium {
        // B11: no circuit fee on the port pair (the port pair is billed instead).
    } else if on_direct {
        p.add(Line {
            element,
            category: Category::ExpressRouteDirect,
            biller: Biller::Azure,
            site: None,
            meter: "azure.er.direct_premium_addon",
            dims: vec![("bandwidth_mbps", Value::from(c.bandwidth_mbps))],
            provider: "azure",
            description: format!(
                "Premium add-on, {} circuit on ExpressRoute Direct (B11)",
                mbps(c.bandwidth_mbps)
            ),
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            gap: None,
        });
    } else {
        let mut dims = vec![
            ("tier", Value::from(tier_key(c.sku_tier))),
            ("billing", Value::from(billing_key)),
            ("bandwidth_mbps", Value::from(c.bandwidth_mbps)),
        ];
        if let Some(z) = &zone {
            dims.push(("zone", z.clone()));
        }
        // A combination that is not offered has no price; say so unless the user's
        // book or a quote prices it anyway.
        let not_offered = not_offered_reason(c.sku_tier, c.bandwidth_mbps).filter(|_| {
            p.book
                .undiscounted_usd(&Query {
                    meter,
                    dims: &dims,
                    element,
                    provider: "azure",
                })
                .is_none()
        });
        p.add(Line {
            element,
            category: Category::ExpressRouteCircuits,
            biller: Biller::Azure,
            site: None,
            meter,
            dims,
            provider: "azure",
            description: format!(
                "{:?} {billing_key} {} {}circuit at {} ({})",
                c.sku_tier,
                mbps(c.bandwidth_mbps),
                if c.metro_secondary_facility.is_some() {
                    "ExpressRoute Metro "
                } else {
                    ""
                },
                fac.er_peering_location
                    .as_deref()
                    .unwrap_or(fac_node.id.as_str()),
                zone_text(zone.as_ref())
            ),
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            gap: local_metered.or(not_offered).map(Arc::from),
        });
    }
    if c.fastpath {
        p.add(Line {
            element,
            category: Category::ExpressRouteCircuits,
            biller: Biller::Azure,
            site: None,
            meter: "azure.er.fastpath",
            dims: vec![],
            provider: "azure",
            description: "FastPath on the circuit".into(),
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            gap: None,
        });
    }
    if !c.global_reach.is_empty() {
        const GLOBAL_REACH: &str = "Global Reach add-on (B10)";
        p.add(Line {
            element,
            category: Category::GlobalReach,
            biller: Biller::Azure,
            site: None,
            meter: "azure.er.global_reach_addon",
            dims: vec![("bandwidth_mbps", Value::from(c.bandwidth_mbps))],
            provider: "azure",
            description: GLOBAL_REACH.into(),
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            gap: None,
        });
    }
}

/// A demand's egress (thousandths of a GB) split over its intact paths, weighted by what each
/// carries in the intact design: a VPN backup that the private circuits do not need carries
/// nothing and bills nothing. `None` when no path carries anything.
fn path_shares(paths: &[resilience::EgressPath], total_milli: u64) -> Option<Vec<u64>> {
    let weights: Vec<u64> = paths.iter().map(|path| path.traffic_mbps).collect();
    (!weights.iter().all(|&w| w == 0)).then(|| split_exact(total_milli, &weights))
}

/// An ExpressRoute pricing zone as the price book keys it, and as a line reads it.
type ErZone = (Option<Value>, String);

/// What pricing the demands' egress keeps from one demand to the next: the AWS internet tiers
/// of the month are filled in demand order, so a block of demands priced on its own starts
/// from what the demands before it sent (`internet_before_blocks`).
struct Egress<'d> {
    design: &'d Design,
    catalog: &'d Catalog,
    node_index: rustc_hash::FxHashMap<&'d str, usize>,
    /// How each (region, Direct Connect location) pair is priced, found once per pair.
    dto: rustc_hash::FxHashMap<(&'d str, &'d str), DtoPricing>,
    /// AWS internet egress over VPNs so far this month, per region (thousandths of a GB).
    internet_so_far: BTreeMap<String, u64>,
    /// The ExpressRoute pricing zone (and how it reads) by (peering location, region id).
    er_zones: rustc_hash::FxHashMap<(Option<&'d str>, &'d str), ErZone>,
}

/// One share of a demand's egress: the part one intact path carries.
#[derive(Clone, Copy)]
struct Share<'d> {
    demand: &'d crate::model::Demand,
    region: &'d crate::model::Node,
    site: Option<&'d str>,
    milli: u64,
}

impl<'d> Share<'d> {
    /// How the share reads on its line: "412 GB of demand d-1" and then `tail`, written as `format!` would write it without its
    /// machinery (a large design has hundreds of thousands of these lines).
    fn describe(&self, tail: &[&str]) -> String {
        let id = self.demand.id.as_str();
        let mut out =
            String::with_capacity(32 + id.len() + tail.iter().map(|t| t.len()).sum::<usize>());
        push_gb(&mut out, self.milli);
        out.push_str(" of demand ");
        out.push_str(id);
        for t in tail {
            out.push_str(t);
        }
        out
    }

    /// Who bills egress out of the share's region, and under which category.
    fn biller(&self) -> (Category, Biller, &'static str) {
        if self.region.as_aws().is_some() {
            (Category::DataTransferOut, Biller::Aws, "aws")
        } else {
            (Category::ExpressRouteEgress, Biller::Azure, "azure")
        }
    }

    /// A line of egress no circuit of ours can be billed for: unpriced, never missing.
    fn unattributed(&self, p: &mut Pricer<'_>, element: &str, description: String, why: Arc<str>) {
        let (category, biller, provider) = self.biller();
        p.add(Line {
            element,
            category,
            biller,
            site: self.site,
            meter: "egress.unattributed",
            dims: vec![],
            provider,
            description,
            quantity_milli: self.milli,
            unit: PriceUnit::Gb,
            gap: Some(why),
        });
    }
}

impl<'d> Egress<'d> {
    fn new(design: &'d Design, catalog: &'d Catalog) -> Self {
        Egress {
            design,
            catalog,
            node_index: design.node_index(),
            dto: Default::default(),
            internet_so_far: BTreeMap::new(),
            er_zones: Default::default(),
        }
    }

    /// The AWS internet egress over VPNs of the month before each block of demands, as
    /// pricing the blocks in order leaves it.
    fn internet_before_blocks(
        &mut self,
        intact: &resilience::EgressPaths,
        blocks: &[&[resilience::DemandPaths]],
    ) -> Vec<BTreeMap<String, u64>> {
        let mut before = Vec::with_capacity(blocks.len());
        for block in blocks {
            before.push(self.internet_so_far.clone());
            for d in *block {
                self.count_vpn_internet(d, intact.paths(d));
            }
        }
        before
    }

    /// The circuit that enters the cloud on a path: its last link of the design.
    fn entering_link(&self, path: &resilience::EgressPath) -> Option<&'d crate::model::Link> {
        path.entering.map(|li| &self.design.links[li])
    }

    /// Adds what a demand sends out over AWS VPNs to its region's internet egress of the month,
    /// as pricing it would, without pricing it.
    fn count_vpn_internet(
        &mut self,
        d: &resilience::DemandPaths,
        paths: &[resilience::EgressPath],
    ) {
        let demand = &self.design.demands[d.demand];
        let Some(aws) = self.design.nodes[d.region].as_aws() else {
            return;
        };
        let total = demand.egress_gb_per_month.saturating_mul(1000);
        let Some(shares) = path_shares(paths, total) else {
            return;
        };
        for (path, milli) in paths.iter().zip(shares) {
            let vpn = self
                .entering_link(path)
                .is_some_and(|l| matches!(l.kind, LinkKind::SiteToSiteVpn(_)));
            if milli > 0 && vpn {
                let so_far = self.internet_so_far.entry(aws.region.clone()).or_default();
                *so_far = so_far.saturating_add(milli);
            }
        }
    }

    /// A demand's monthly egress split over its intact paths, each share billed on the circuit
    /// that enters the cloud on its path.
    fn demand(
        &mut self,
        d: &resilience::DemandPaths,
        paths: &[resilience::EgressPath],
        p: &mut Pricer<'_>,
    ) {
        let demand = &self.design.demands[d.demand];
        if demand.egress_gb_per_month == 0 {
            return;
        }
        let whole = Share {
            demand,
            region: &self.design.nodes[d.region],
            site: Some(demand.site.as_str()),
            milli: demand.egress_gb_per_month.saturating_mul(1000),
        };
        let Some(shares) = path_shares(paths, whole.milli) else {
            whole.unattributed(
                p,
                demand.id.as_str(),
                whole.describe(&[" with no intact path"]),
                "the demand has no intact path, so no circuit carries its egress".into(),
            );
            return;
        };
        for (path, milli) in paths.iter().zip(shares) {
            if milli > 0 {
                self.path_share(path, Share { milli, ..whole }, p);
            }
        }
    }

    /// One path's share, billed on the circuit that enters the cloud: the last ER/DX/VPN link
    /// of the path.
    fn path_share(&mut self, path: &resilience::EgressPath, share: Share<'d>, p: &mut Pricer<'_>) {
        let design = self.design;
        let link = self.entering_link(path);
        let region = share.region.id.as_str();
        let out_of = |why: Arc<str>, element: &str, p: &mut Pricer<'_>| {
            let description = share.describe(&[" out of ", region]);
            share.unattributed(p, element, description, why)
        };
        let Some(link) = link else {
            out_of(
                "the path names no link of the design".into(),
                share.demand.id.as_str(),
                p,
            );
            return;
        };
        let facility = [&link.a, &link.b]
            .into_iter()
            .filter_map(|id| self.node_index.get(id.as_str()))
            .find_map(|&i| design.nodes[i].as_facility());
        match (&link.kind, &share.region.kind) {
            (LinkKind::DirectConnectConnection(c), NodeKind::AwsRegion(aws)) => {
                self.dx_share(link, c, aws, facility, share, p)
            }
            (LinkKind::ExpressRouteCircuit(c), NodeKind::AzureRegion(_)) => {
                self.er_share(link, c, facility, share, p)
            }
            (LinkKind::SiteToSiteVpn(v), NodeKind::AwsRegion(aws)) => {
                self.aws_vpn_share(link, v, aws, share, p)
            }
            (LinkKind::SiteToSiteVpn(_), NodeKind::AzureRegion(az)) => {
                azure_vpn_share(link, az, share, p)
            }
            _ => out_of(
                format!(
                    "the path leaves {} over {}, which has no egress price in linkwright",
                    region,
                    link.label()
                )
                .into(),
                link.id.as_str(),
                p,
            ),
        }
    }

    /// Direct Connect data transfer out by (region, location): the pair's price, its group's,
    /// another location's of the same home region, or unpriced with the reason; plus Transit
    /// Gateway processing when the connection carries a transit VIF to a TGW.
    fn dx_share(
        &mut self,
        link: &crate::model::Link,
        c: &crate::model::DirectConnectConnection,
        aws: &'d crate::model::AwsRegion,
        facility: Option<&crate::model::ColocationFacility>,
        share: Share<'d>,
        p: &mut Pricer<'_>,
    ) {
        let catalog = self.catalog;
        let element = link.id.as_str();
        let location = facility
            .and_then(|f| f.dx_location.as_deref())
            .and_then(|code| catalog.dx_location(code));
        let Some(location) = location else {
            p.add(Line {
                element,
                category: Category::DataTransferOut,
                biller: Biller::Aws,
                site: share.site,
                meter: "aws.dx.data_transfer_out",
                dims: vec![],
                provider: "aws",
                description: share.describe(&[" out of ", &aws.region]),
                quantity_milli: share.milli,
                unit: PriceUnit::Gb,
                gap: Some("the facility names no known Direct Connect location".into()),
            });
            return;
        };
        let pricing = self
            .dto
            .entry((aws.region.as_str(), location.code.as_str()))
            .or_insert_with(|| dto_pricing(p.book, catalog, &aws.region, location));
        let pair = share.describe(&[" from ", &aws.region, " over ", &location.code]);
        let (dims, description, gap) = match pricing {
            DtoPricing::Pair => (dto_pair_dims(&aws.region, &location.code), pair, None),
            DtoPricing::Group(name) => (
                dto_group_dims(catalog, &aws.region, location),
                format!("{pair} (no price for the exact pair: group price {name})"),
                None,
            ),
            DtoPricing::SameHomeRegion(code) => (
                vec![
                    ("from_region", Value::from(aws.region.as_str())),
                    ("dx_location", Value::from(code.clone())),
                ],
                format!(
                    "{pair} (priced as {code}, same home region {} — reference 2.5 fallback [DER])",
                    location.home_region
                ),
                None,
            ),
            DtoPricing::Unknown(reason) => (
                dto_pair_dims(&aws.region, &location.code),
                pair,
                Some(Arc::clone(reason)),
            ),
        };
        p.add(Line {
            element,
            category: Category::DataTransferOut,
            biller: Biller::Aws,
            site: share.site,
            meter: "aws.dx.data_transfer_out",
            dims,
            provider: "aws",
            description,
            quantity_milli: share.milli,
            unit: PriceUnit::Gb,
            gap,
        });
        let transit = aws.attachment == AwsAttachment::DxGatewayTgw
            && c.vifs.iter().any(|v| v.vif_type == VifType::Transit);
        if transit {
            p.add(tgw_processing(
                share.region.id.as_str(),
                share.site,
                &aws.region,
                share.describe(&[" processed by the Transit Gateway"]),
                share.milli,
            ));
        }
    }

    /// ExpressRoute metered egress by the zone of the peering location; none on unlimited and
    /// Local circuits (B3/B4: egress included in the circuit fee).
    fn er_share(
        &mut self,
        link: &crate::model::Link,
        c: &crate::model::ExpressRouteCircuit,
        facility: Option<&'d crate::model::ColocationFacility>,
        share: Share<'d>,
        p: &mut Pricer<'_>,
    ) {
        if c.sku_tier == ErSkuTier::Local || c.billing == ErBilling::Unlimited {
            return;
        }
        let location = facility.and_then(|f| f.er_peering_location.as_deref());
        let catalog = self.catalog;
        // Found once per peering location and region.
        let (zone, zone_label) = self
            .er_zones
            .entry((location, share.region.id.as_str()))
            .or_insert_with(|| {
                let zone = er_zone(catalog, location, Some(share.region));
                let label = zone_text(zone.as_ref());
                (zone, label)
            });
        let dims = zone.clone().map(|z| vec![("zone", z)]).unwrap_or_default();
        p.add(Line {
            element: link.id.as_str(),
            category: Category::ExpressRouteEgress,
            biller: Biller::Azure,
            site: share.site,
            meter: "azure.er.egress",
            dims,
            provider: "azure",
            description: share.describe(&[" over metered circuit (", zone_label, ")"]),
            quantity_milli: share.milli,
            unit: PriceUnit::Gb,
            gap: None,
        });
    }

    /// AWS internet data transfer out over a VPN, by monthly tier: the region's VPN egress so
    /// far decides which tier each part of the share falls in; plus Transit Gateway processing
    /// when the VPN ends on a TGW.
    fn aws_vpn_share(
        &mut self,
        link: &crate::model::Link,
        v: &crate::model::SiteToSiteVpn,
        aws: &crate::model::AwsRegion,
        share: Share<'d>,
        p: &mut Pricer<'_>,
    ) {
        let element = link.id.as_str();
        let so_far = self.internet_so_far.entry(aws.region.clone()).or_default();
        let parts = internet_tier_parts(*so_far, share.milli);
        *so_far = so_far.saturating_add(share.milli);
        for (tier, label, part) in parts {
            p.add(Line {
                element,
                category: Category::Vpn,
                biller: Biller::Aws,
                site: share.site,
                meter: "aws.internet.data_transfer_out",
                dims: vec![
                    ("region", Value::from(aws.region.as_str())),
                    ("tier", Value::from(tier)),
                ],
                provider: "aws",
                description: Share {
                    milli: part,
                    ..share
                }
                .describe(&[
                    " over the VPN: internet data transfer out of ",
                    &aws.region,
                    ", ",
                    label,
                    " tier of the month",
                ]),
                quantity_milli: part,
                unit: PriceUnit::Gb,
                gap: None,
            });
        }
        if v.on_transit_gateway {
            p.add(tgw_processing(
                element,
                share.site,
                &aws.region,
                share.describe(&[" processed by the Transit Gateway (VPN)"]),
                share.milli,
            ));
        }
    }
}

/// Azure internet egress over a VPN (priced by region when the book has it).
fn azure_vpn_share(
    link: &crate::model::Link,
    az: &crate::model::AzureRegion,
    share: Share<'_>,
    p: &mut Pricer<'_>,
) {
    p.add(Line {
        element: link.id.as_str(),
        category: Category::Vpn,
        biller: Biller::Azure,
        site: share.site,
        meter: "azure.internet.data_transfer_out",
        dims: vec![("region", Value::from(az.region.as_str()))],
        provider: "azure",
        description: share.describe(&[
            " over the VPN (Azure internet egress out of ",
            &az.region,
            ")",
        ]),
        quantity_milli: share.milli,
        unit: PriceUnit::Gb,
        gap: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture_design::{base, catalog, link};

    /// Large designs price the demands' egress in blocks on two cores, one taking blocks from
    /// the front and the other from the back, each of the latter from the month's AWS internet
    /// egress counted before it; the tiers must come out as one pass over all demands gives them.
    #[test]
    fn egress_priced_in_blocks_from_both_ends_gives_the_lines_of_one_pass() {
        let mut d = base();
        d.links.push(link(
            "vpn",
            "site",
            "aws",
            LinkKind::SiteToSiteVpn(crate::model::SiteToSiteVpn {
                tunnels: 2,
                bandwidth_mbps: 10_000,
                large_tunnels: false,
                on_transit_gateway: false,
            }),
        ));
        // Only the VPN reaches AWS, so every AWS demand's egress is internet egress.
        d.links
            .retain(|l| !matches!(l.kind, LinkKind::DirectConnectConnection(_)));
        let aws = d
            .demands
            .iter()
            .find(|x| x.region.as_str() == "aws")
            .cloned();
        let aws = aws.expect("the base design has a demand toward AWS");
        for i in 0..6 {
            let mut x = aws.clone();
            x.id = format!("d-aws-{i}").into();
            x.egress_gb_per_month = 9_000;
            d.demands.push(x);
        }
        let intact = resilience::egress_paths(&d, catalog());
        let user = UserBook::empty();
        let book = Book::new(catalog(), &user, &d);
        let text = |items: &[LineItem]| {
            items
                .iter()
                .map(|i| format!("{} {} {:?}", i.element, i.description, i.monthly))
                .collect::<Vec<_>>()
        };
        // The first `front` blocks of `block` demands priced in order on one core, the others
        // each on its own from the back, as the other core prices them.
        let lines = |block: usize, front: usize| {
            let blocks: Vec<_> = intact.demands.chunks(block).collect();
            let mut p = Pricer::new(&book, 0);
            let mut e = Egress::new(&d, catalog());
            for b in &blocks[..front] {
                for x in *b {
                    e.demand(x, intact.paths(x), &mut p);
                }
            }
            let mut e = Egress::new(&d, catalog());
            let mut before = e.internet_before_blocks(&intact, &blocks);
            let mut back = Vec::new();
            for b in (front..blocks.len()).rev() {
                e.internet_so_far = std::mem::take(&mut before[b]);
                let mut q = Pricer::new(&book, 0);
                for x in blocks[b] {
                    e.demand(x, intact.paths(x), &mut q);
                }
                back.push(q.items);
            }
            for mut items in back.into_iter().rev() {
                p.items.append(&mut items);
            }
            text(&p.items)
        };
        let whole = lines(intact.demands.len(), 1);

        // 55 TB in the month: the shares cross from the first tier into the second and third.
        for tier in ["next 40 TB", "next 100 TB"] {
            assert!(
                whole.iter().any(|l| l.contains(tier)),
                "no line in the {tier} tier: {whole:#?}"
            );
        }
        for block in 1..=3 {
            let count = intact.demands.len().div_ceil(block);
            for front in 0..=count {
                assert_eq!(
                    lines(block, front),
                    whole,
                    "blocks of {block}, {front} from the front"
                );
            }
            // On two cores: whichever takes which blocks, the same lines.
            for _ in 0..20 {
                let mut p = Pricer::new(&book, 0);
                egress_on_two_cores(&d, catalog(), &intact, block, |_| {}, &mut p);
                assert_eq!(text(&p.items), whole, "two cores, blocks of {block}");
            }
        }
    }

    /// A share's description reads as `format!` writes it, for every size of volume.
    #[test]
    fn a_share_describes_itself_as_format_would() {
        let d = base();
        let demand = &d.demands[0];
        let region = d
            .nodes
            .iter()
            .find(|n| n.id == demand.region)
            .expect("the demand's region");
        for milli in [
            0,
            1,
            499,
            500,
            1_000,
            12_345_678,
            // The largest egress a design may state (MAX_EGRESS_GB_PER_MONTH), in thousandths.
            1_000_000_000_000,
        ] {
            let share = Share {
                demand,
                region,
                site: None,
                milli,
            };
            assert_eq!(
                share.describe(&[" from ", "us-east-1", " over ", "EQDC2"]),
                format!(
                    "{} of demand {} from us-east-1 over EQDC2",
                    gb_text(milli),
                    demand.id
                )
            );
            assert_eq!(
                share.describe(&[]),
                format!("{} of demand {}", gb_text(milli), demand.id)
            );
        }
        assert_eq!(gb_text(499), "<1 GB");
        assert_eq!(gb_text(12_345_678), "12,346 GB");
    }

    /// A generated design's lines are the same priced on two cores in blocks as on one.
    #[test]
    fn a_generated_design_costs_the_same_on_two_cores() {
        let d = crate::generate::generate(600, 5, catalog());
        let intact = resilience::egress_paths(&d, catalog());
        let user = UserBook::empty();
        let book = Book::new(catalog(), &user, &d);
        let elements = |p: &mut Pricer<'_>| {
            element_lines(&d, catalog(), 730_000, p);
            node_lines(&d, catalog(), 730_000, p);
        };
        let mut one = Pricer::new(&book, 0);
        elements(&mut one);
        let mut e = Egress::new(&d, catalog());
        for x in &intact.demands {
            e.demand(x, intact.paths(x), &mut one);
        }
        let one = serde_json::to_value(&one.items).unwrap();
        for block in [1, 7, 64] {
            let mut two = Pricer::new(&book, 0);
            egress_on_two_cores(&d, catalog(), &intact, block, elements, &mut two);
            assert_eq!(
                serde_json::to_value(&two.items).unwrap(),
                one,
                "blocks of {block}"
            );
        }
    }
}

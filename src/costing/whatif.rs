//! What-if: metered vs unlimited per ExpressRoute circuit, and the cheapest way to serve each
//! demand at its bandwidth and target model, from the effective price book. Unknown prices are
//! named, never assumed.

use super::book::{Book, Query};
use super::{Category, Costing, Options};
use crate::catalog::{Catalog, DxLocation};
use crate::model::{
    AwsRegion, Demand, Design, ErSkuTier, ExpressRouteCircuit, Link, Node, ResiliencyTarget, Usd,
};
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
pub struct MeteredVsUnlimited {
    pub circuit: String,
    /// Egress over the circuit in the design, GB per month (from the cost's egress lines).
    pub egress_gb: f64,
    pub metered_monthly: Option<Usd>,
    pub unlimited_monthly: Option<Usd>,
    /// The metered circuit's fixed fee and its egress rate per GB, when known.
    pub metered_fee: Option<Usd>,
    pub egress_rate: Option<Usd>,
    /// GB per month above which Unlimited is cheaper.
    pub break_even_gb: Option<u64>,
    /// The prices that are missing for the comparison.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemandOption {
    pub description: String,
    pub monthly: Option<Usd>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemandOptions {
    pub demand: String,
    pub required_mbps: u64,
    pub target: Option<ResiliencyTarget>,
    /// Priced options cheapest first, then unpriced ones.
    pub options: Vec<DemandOption>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WhatIf {
    pub express_route: Vec<MeteredVsUnlimited>,
    pub demands: Vec<DemandOptions>,
}

fn price(
    book: &Book<'_>,
    meter: &str,
    dims: &[(&str, Value)],
    element: &str,
    provider: &str,
) -> Option<Usd> {
    book.undiscounted_usd(&Query {
        meter,
        dims,
        element,
        provider,
    })
    .and_then(|gross| {
        book.discount(provider)
            .map_or(Some(gross), |d| d.off(gross))
    })
}

/// `n` times `u`; `None` when out of range (the option is then shown without a figure).
fn times(u: Usd, n: u64) -> Option<Usd> {
    u.checked_mul(n)
}

pub fn what_if(
    design: &Design,
    catalog: &Catalog,
    book: &Book<'_>,
    costing: &Costing,
    options: Options,
) -> WhatIf {
    let mut planner = Planner::new(design, catalog, book, options);
    WhatIf {
        express_route: compare_circuits(&planner.cx, costing),
        demands: design
            .demands
            .iter()
            .filter_map(|d| planner.options(d))
            .collect(),
    }
}

/// Finds [`WhatIf::demands`] one demand at a time, so that a large design's options can be
/// written as they are found (on several threads, a planner each) instead of all held first.
/// Work per demand does not grow with the design: what depends only on a demand's region is
/// found once per region and planner, from indexes built in one pass.
pub struct Planner<'a, 'b> {
    cx: Ctx<'a, 'b>,
    regions: RegionIndexes<'a>,
}

impl<'a, 'b> Planner<'a, 'b> {
    pub fn new(
        design: &'a Design,
        catalog: &'a Catalog,
        book: &'a Book<'b>,
        options: Options,
    ) -> Self {
        Planner {
            cx: Ctx {
                design,
                catalog,
                book,
                hours: options.hours_per_month,
                node_index: design.node_index(),
            },
            regions: RegionIndexes::new(design),
        }
    }

    /// The cheapest ways to serve demand `d` at its bandwidth and target model; `None` when its
    /// region is not a node of the design.
    pub fn options(&mut self, d: &'a Demand) -> Option<DemandOptions> {
        let cx = &self.cx;
        let region = cx.node(d.region.as_str())?;
        // At most three options (unlimited, metered and Metro; or dedicated and hosted).
        let mut opts: Vec<DemandOption> = Vec::with_capacity(4);
        if let Some(aws) = region.as_aws() {
            let home = self.regions.home_of(cx, d, aws);
            aws_options(cx, d, aws, home, &mut opts);
        } else if region.as_azure().is_some() {
            let (zone, zone_text) = self.regions.zone_of(cx, d.region.as_str(), region);
            azure_options(cx, d, zone, zone_text, &mut opts);
        }
        sort_cheapest_first(&mut opts);
        Some(DemandOptions {
            demand: d.id.to_string(),
            required_mbps: d.required_mbps,
            target: d.target_resiliency,
            options: opts,
        })
    }

    /// [`WhatIf::express_route`]: metered vs unlimited for each ExpressRoute circuit that has
    /// both variants, in design order.
    pub fn express_route(&self, costing: &Costing) -> Vec<MeteredVsUnlimited> {
        compare_circuits(&self.cx, costing)
    }
}

/// The what-if as [`what_if`] gives it, serialized as it is found: the demands' options one by
/// one, never all in memory (the JSON of `cost --format json`).
pub struct Streamed<'a, 'b> {
    pub design: &'a Design,
    pub catalog: &'a Catalog,
    pub book: &'a Book<'b>,
    pub costing: &'a Costing,
    pub options: Options,
}

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        use std::cell::RefCell;
        /// The demands' options, found as they are written.
        struct Demands<'p, 'a, 'b> {
            design: &'a Design,
            planner: &'p RefCell<Planner<'a, 'b>>,
        }
        impl Serialize for Demands<'_, '_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut planner = self.planner.borrow_mut();
                s.collect_seq(
                    self.design
                        .demands
                        .iter()
                        .filter_map(|d| planner.options(d)),
                )
            }
        }
        let planner = RefCell::new(Planner::new(
            self.design,
            self.catalog,
            self.book,
            self.options,
        ));
        let express_route = planner.borrow().express_route(self.costing);
        let mut w = serializer.serialize_struct("WhatIf", 2)?;
        w.serialize_field("express_route", &express_route)?;
        w.serialize_field(
            "demands",
            &Demands {
                design: self.design,
                planner: &planner,
            },
        )?;
        w.end()
    }
}

/// What every step reads: the design, the catalog, the price book, the hours in a month, and
/// the design's node index (built once).
struct Ctx<'a, 'b> {
    design: &'a Design,
    catalog: &'a Catalog,
    book: &'a Book<'b>,
    hours: u64,
    node_index: FxHashMap<&'a str, usize>,
}

impl<'a> Ctx<'a, '_> {
    /// The design's node with this id.
    fn node(&self, id: &str) -> Option<&'a Node> {
        let design = self.design;
        self.node_index.get(id).map(|&i| &design.nodes[i])
    }
}

/// Metered vs unlimited for each ExpressRoute circuit that has both variants, in design order.
fn compare_circuits(cx: &Ctx<'_, '_>, costing: &Costing) -> Vec<MeteredVsUnlimited> {
    let egress_by_circuit = egress_by_circuit(costing);
    let mut express_route = Vec::new();
    for link in &cx.design.links {
        let Some(c) = link.as_er() else { continue };
        if c.sku_tier == ErSkuTier::Local || c.direct_port.is_some() {
            continue; // Local has no metered variant (B4); Direct circuits carry no circuit fee.
        }
        let egress_milli = egress_by_circuit
            .get(link.id.as_str())
            .copied()
            .unwrap_or(0);
        express_route.push(compare_circuit(cx, link, c, egress_milli));
    }
    express_route
}

/// The egress over each circuit, from one pass over the lines (not one pass per circuit).
fn egress_by_circuit(costing: &Costing) -> FxHashMap<&str, u64> {
    let mut egress_by_circuit: FxHashMap<&str, u64> = FxHashMap::default();
    super::count_steps(costing.items.len());
    for i in &costing.items {
        if i.category == Category::ExpressRouteEgress {
            *egress_by_circuit.entry(i.element.as_str()).or_default() += i.quantity_milli;
        }
    }
    egress_by_circuit
}

/// One circuit: its metered and unlimited fees and the egress rate in its zone, priced for
/// the egress it carries.
fn compare_circuit(
    cx: &Ctx<'_, '_>,
    link: &Link,
    c: &ExpressRouteCircuit,
    egress_milli: u64,
) -> MeteredVsUnlimited {
    let zone = circuit_zone(cx, link);
    let tier = if c.sku_tier == ErSkuTier::Premium {
        "premium"
    } else {
        "standard"
    };
    let dims = |billing: &str| {
        let mut d = vec![
            ("tier", Value::from(tier)),
            ("billing", Value::from(billing)),
            ("bandwidth_mbps", Value::from(c.bandwidth_mbps)),
        ];
        if let Some(z) = &zone {
            d.push(("zone", z.clone()));
        }
        d
    };
    let element = link.id.as_str();
    let book = cx.book;
    let metered_fee = price(book, "azure.er.circuit", &dims("metered"), element, "azure");
    let unlimited_fee = price(
        book,
        "azure.er.circuit",
        &dims("unlimited"),
        element,
        "azure",
    );
    let zone_dims: Vec<(&str, Value)> = zone.clone().map(|z| vec![("zone", z)]).unwrap_or_default();
    let rate = price(book, "azure.er.egress", &zone_dims, element, "azure");
    let prices = CircuitPrices {
        metered_fee,
        unlimited_fee,
        rate,
    };
    MeteredVsUnlimited {
        circuit: link.id.to_string(),
        egress_gb: egress_milli as f64 / 1000.0,
        metered_monthly: prices.metered_monthly(egress_milli),
        unlimited_monthly: prices.unlimited_fee,
        metered_fee: prices.metered_fee,
        egress_rate: prices.rate,
        break_even_gb: prices.break_even_gb(),
        missing: prices.missing(tier, c.bandwidth_mbps, zone.as_ref()),
    }
}

/// The zone a circuit is priced in: its facility end's peering location, else its Azure end.
fn circuit_zone(cx: &Ctx<'_, '_>, link: &Link) -> Option<Value> {
    let ends: Vec<&Node> = [&link.a, &link.b]
        .into_iter()
        .filter_map(|id| cx.node(id.as_str()))
        .collect();
    super::er_zone(
        cx.catalog,
        ends.iter()
            .find_map(|n| n.as_facility())
            .and_then(|f| f.er_peering_location.as_deref()),
        ends.iter().copied().find(|n| n.as_azure().is_some()),
    )
}

/// The prices of one circuit's comparison, each `None` when the book lacks it.
#[derive(Clone, Copy)]
struct CircuitPrices {
    metered_fee: Option<Usd>,
    unlimited_fee: Option<Usd>,
    rate: Option<Usd>,
}

impl CircuitPrices {
    /// The metered fee plus the egress at the rate.
    fn metered_monthly(self, egress_milli: u64) -> Option<Usd> {
        match (self.metered_fee, self.rate) {
            (Some(f), Some(r)) => super::amount(r, egress_milli).and_then(|e| f.checked_add(e)),
            _ => None,
        }
    }

    /// GB per month above which Unlimited is cheaper.
    fn break_even_gb(self) -> Option<u64> {
        match (self.metered_fee, self.unlimited_fee, self.rate) {
            (Some(m), Some(u), Some(r)) if r.micros() > 0 && u > m => u
                .checked_sub(m)
                .map(|diff| (diff.micros() / r.micros()).unsigned_abs()),
            (Some(m), Some(u), Some(_)) if u <= m => Some(0),
            _ => None,
        }
    }

    /// The missing prices, named.
    fn missing(self, tier: &str, bandwidth_mbps: u64, zone: Option<&Value>) -> Vec<String> {
        let mut missing = Vec::new();
        if self.metered_fee.is_none() {
            missing.push(format!(
                "{tier} metered {} circuit fee",
                crate::model::mbps(bandwidth_mbps)
            ));
        }
        if self.unlimited_fee.is_none() {
            missing.push(format!(
                "{tier} unlimited {} circuit fee",
                crate::model::mbps(bandwidth_mbps)
            ));
        }
        if self.rate.is_none() {
            missing.push(format!(
                "metered egress per GB in {}",
                super::zone_text(zone)
            ));
        }
        missing
    }
}

/// What depends only on a demand's region, found once per region from indexes built in one
/// pass.
struct RegionIndexes<'a> {
    /// The ExpressRoute circuits ending on each node, in design order.
    circuits_at: FxHashMap<&'a str, Vec<&'a Link>>,
    /// Per Azure region node: the zone its options are priced in, and how that zone was chosen.
    zone_of_region: FxHashMap<&'a str, (Value, String)>,
    /// Per AWS region code: the home Direct Connect location its options are priced at, and
    /// the transfer-out price from the region to it.
    home_of_region: FxHashMap<&'a str, AwsHome<'a>>,
}

/// An AWS region's home Direct Connect location, and the transfer-out price to it.
type AwsHome<'a> = (Option<&'a DxLocation>, Option<Usd>);

impl<'a> RegionIndexes<'a> {
    fn new(design: &'a Design) -> Self {
        let mut circuits_at: FxHashMap<&str, Vec<&Link>> = FxHashMap::default();
        super::count_steps(design.links.len());
        for l in design.links.iter().filter(|l| l.as_er().is_some()) {
            circuits_at.entry(l.a.as_str()).or_default().push(l);
            if l.b != l.a {
                circuits_at.entry(l.b.as_str()).or_default().push(l);
            }
        }
        RegionIndexes {
            circuits_at,
            zone_of_region: FxHashMap::default(),
            home_of_region: FxHashMap::default(),
        }
    }

    /// The zone an Azure region's options are priced in, and how it was chosen.
    fn zone_of(&mut self, cx: &Ctx<'a, '_>, region_id: &'a str, region: &Node) -> &(Value, String) {
        let circuits_at = &self.circuits_at;
        self.zone_of_region.entry(region_id).or_insert_with(|| {
            let circuits = circuits_at.get(region_id).map_or(&[][..], Vec::as_slice);
            peering_zone(cx, circuits, region)
        })
    }

    /// The home location of an AWS region, the same for every demand into the region, unless
    /// a quote names the demand.
    fn home_of(&mut self, cx: &Ctx<'a, '_>, d: &Demand, aws: &'a AwsRegion) -> AwsHome<'a> {
        if cx.book.has_quote_for(d.id.as_str()) {
            aws_home(cx, d, aws)
        } else {
            *self
                .home_of_region
                .entry(aws.region.as_str())
                .or_insert_with(|| aws_home(cx, d, aws))
        }
    }
}

/// Priced options cheapest first, then unpriced ones (in the order they were found).
fn sort_cheapest_first(opts: &mut [DemandOption]) {
    opts.sort_by(|a, b| match (a.monthly, b.monthly) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// The transfer-out price from an AWS region to a Direct Connect location: the pair's own
/// price, else its group's (as `cost` prices it).
fn dto_at(cx: &Ctx<'_, '_>, d: &Demand, aws: &AwsRegion, code: &str) -> Option<Usd> {
    let location = cx.catalog.dx_location(code)?;
    price(
        cx.book,
        "aws.dx.data_transfer_out",
        &super::dto_pair_dims(&aws.region, code),
        d.id.as_str(),
        "aws",
    )
    .or_else(|| {
        price(
            cx.book,
            "aws.dx.data_transfer_out",
            &super::dto_group_dims(cx.catalog, &aws.region, location),
            d.id.as_str(),
            "aws",
        )
    })
}

/// The DX location group and transfer price follow the home DX location of the region when
/// the design has none: use a location homed in the region, else "other". This is the
/// cheapest priced home location (a region's home locations can differ: us-west-2 is home to
/// Honolulu, priced apart from the mainland), and its transfer price.
fn aws_home<'a>(cx: &Ctx<'a, '_>, d: &Demand, aws: &AwsRegion) -> AwsHome<'a> {
    let catalog = cx.catalog;
    super::count_steps(catalog.dx_locations.len());
    let homed: Vec<_> = catalog
        .dx_locations
        .iter()
        .filter(|l| l.home_region == aws.region)
        .collect();
    let location = homed
        .iter()
        .filter_map(|l| dto_at(cx, d, aws, &l.code).map(|r| (r, *l)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, l)| l)
        .or(homed.first().copied());
    (location, location.and_then(|l| dto_at(cx, d, aws, &l.code)))
}

/// A demand into an AWS region: dedicated Direct Connect for its target model, and a hosted
/// connection when it has none.
fn aws_options(
    cx: &Ctx<'_, '_>,
    d: &Demand,
    aws: &AwsRegion,
    (location, dto): AwsHome<'_>,
    opts: &mut Vec<DemandOption>,
) {
    let egress_cost =
        dto.and_then(|r| super::amount(r, d.egress_gb_per_month.saturating_mul(1000)));
    if let Some(option) = dedicated_option(cx, d, aws, location, egress_cost) {
        opts.push(option);
    }
    if d.target_resiliency.is_none() {
        if let Some(option) = hosted_option(cx, d, egress_cost) {
            opts.push(option);
        }
    }
}

/// Dedicated connections at the smallest port that carries the demand, as many as its target
/// model needs; `None` when no port is large enough.
fn dedicated_option(
    cx: &Ctx<'_, '_>,
    d: &Demand,
    aws: &AwsRegion,
    location: Option<&DxLocation>,
    egress_cost: Option<Usd>,
) -> Option<DemandOption> {
    let hours = cx.hours;
    let egress_gb = d.egress_gb_per_month;
    // Connections the model needs: Maximum 2 locations x 2 devices; High one per
    // location at two; Development & Test two at one location; none: one.
    let count: u64 = match d.target_resiliency {
        Some(ResiliencyTarget::Maximum) => 4,
        Some(ResiliencyTarget::High) | Some(ResiliencyTarget::Standard) => 2,
        None => 1,
    };
    let port = crate::offers::dx::DEDICATED_MBPS
        .into_iter()
        .find(|&p| p >= d.required_mbps)?;
    let group = if location.is_some_and(|l| l.is_japan()) {
        "japan"
    } else {
        "other"
    };
    let rate = price(
        cx.book,
        "aws.dx.port.dedicated",
        &[
            ("capacity_mbps", Value::from(port)),
            ("location_group", Value::from(group)),
        ],
        d.id.as_str(),
        "aws",
    );
    let description = format!(
        "{count} × {} dedicated Direct Connect",
        crate::model::mbps(port)
    );
    let monthly = match (rate, egress_cost) {
        (Some(r), Some(e)) => hours
            .checked_mul(count)
            .and_then(|n| times(r, n))
            .and_then(|ports| ports.checked_add(e)),
        (Some(r), None) if egress_gb == 0 => hours.checked_mul(count).and_then(|n| times(r, n)),
        _ => None,
    };
    let at = location.map_or(String::new(), |l| format!(" at {}", l.code));
    let reason = if monthly.is_some() {
        format!(
            "{} for the target model{at}: port-hours + {egress_gb} GB transfer out",
            crate::model::count(count as usize, "connection", "connections")
        )
    } else if rate.is_none() {
        "no port price in the book".to_string()
    } else {
        format!(
            "no transfer-out price from {} to its Direct Connect locations",
            aws.region
        )
    };
    Some(DemandOption {
        description,
        monthly,
        reason,
    })
}

/// One hosted connection at the smallest capacity that carries the demand (for a demand with
/// no target model); `None` when no capacity is large enough.
fn hosted_option(cx: &Ctx<'_, '_>, d: &Demand, egress_cost: Option<Usd>) -> Option<DemandOption> {
    let hours = cx.hours;
    let cap = crate::offers::dx::HOSTED_MBPS
        .into_iter()
        .find(|&c| c >= d.required_mbps)?;
    let rate = price(
        cx.book,
        "aws.dx.port.hosted",
        &[("capacity_mbps", Value::from(cap))],
        d.id.as_str(),
        "aws",
    );
    let monthly = match (rate, egress_cost) {
        (Some(r), Some(e)) => times(r, hours).and_then(|p| p.checked_add(e)),
        (Some(r), None) if d.egress_gb_per_month == 0 => times(r, hours),
        _ => None,
    };
    Some(DemandOption {
        description: format!("1 × {} hosted Direct Connect", crate::model::mbps(cap)),
        monthly,
        reason: "no target model: a hosted connection suffices (hosted connections never count toward a model, DX-SLA-1); the partner's fee is extra".into(),
    })
}

/// The zone of the peering locations the design already uses for an Azure region (the
/// cheapest of them), else Zone 1, said so.
fn peering_zone(cx: &Ctx<'_, '_>, circuits: &[&Link], region: &Node) -> (Value, String) {
    super::count_steps(circuits.len());
    let zones: Vec<Value> = circuits
        .iter()
        .filter_map(|l| {
            let fac = [&l.a, &l.b]
                .into_iter()
                .filter_map(|id| cx.node(id.as_str()))
                .find_map(|n| n.as_facility())?;
            super::er_zone(cx.catalog, fac.er_peering_location.as_deref(), Some(region))
        })
        .collect();
    match zones.iter().min_by_key(|z| z.to_string()) {
        Some(z) => (
            z.clone(),
            format!(
                "zone {} (the design's peering locations for this region)",
                z.as_str().map_or_else(|| z.to_string(), str::to_string)
            ),
        ),
        None => (
            Value::from(1),
            "zone 1 assumed (no circuit reaches this region yet)".to_string(),
        ),
    }
}

const NO_ER_PRICES: &str = "ExpressRoute circuit prices for this size and zone \
    are not in the price book: enter them in the price book or as a quote";

/// A demand into an Azure region: Standard circuits at the smallest provider bandwidth that
/// carries it, unlimited and metered, as many as its target model needs (and Metro for High).
fn azure_options(
    cx: &Ctx<'_, '_>,
    d: &Demand,
    zone: &Value,
    zone_text: &str,
    opts: &mut Vec<DemandOption>,
) {
    let Some(bw) = crate::offers::er::PROVIDER_MBPS
        .into_iter()
        .find(|&b| b >= d.required_mbps)
    else {
        return;
    };
    let speed = crate::model::mbps(bw);
    let circuit = |billing: &str| {
        price(
            cx.book,
            "azure.er.circuit",
            &[
                ("tier", Value::from("standard")),
                ("billing", Value::from(billing)),
                ("bandwidth_mbps", Value::from(bw)),
                ("zone", zone.clone()),
            ],
            d.id.as_str(),
            "azure",
        )
    };
    let egress_rate = price(
        cx.book,
        "azure.er.egress",
        &[("zone", zone.clone())],
        d.id.as_str(),
        "azure",
    );
    // Maximum needs circuits at two peering locations (ER-RES-1); High is met by
    // an ExpressRoute Metro circuit, or by two locations, which exceeds it.
    let (count, where_) = match d.target_resiliency {
        Some(ResiliencyTarget::Maximum) | Some(ResiliencyTarget::High) => {
            (2u64, " at two peering locations")
        }
        _ => (1, ""),
    };
    let unlimited = circuit("unlimited");
    opts.push(DemandOption {
        description: format!("{count} × {speed} Standard Unlimited ExpressRoute{where_}"),
        monthly: unlimited.and_then(|r| times(r, count)),
        reason: if unlimited.is_some() {
            format!(
                "{} for the target model, {zone_text}",
                crate::model::count(count as usize, "circuit", "circuits")
            )
        } else {
            NO_ER_PRICES.into()
        },
    });
    // Metered: the fee of each circuit plus the demand's egress at the zone's rate
    // (the egress is billed once, whichever circuit carries it).
    let metered = match (circuit("metered"), egress_rate) {
        (Some(fee), Some(rate)) => times(fee, count)
            .zip(times(rate, d.egress_gb_per_month))
            .and_then(|(fees, egress)| fees.checked_add(egress)),
        _ => None,
    };
    opts.push(DemandOption {
        description: format!("{count} × {speed} Standard Metered ExpressRoute{where_}"),
        monthly: metered,
        reason: if metered.is_some() {
            format!(
                "{} for the target model plus {} of egress a month, {zone_text}",
                crate::model::count(count as usize, "circuit", "circuits"),
                super::gb_text(d.egress_gb_per_month.saturating_mul(1000))
            )
        } else {
            NO_ER_PRICES.into()
        },
    });
    if d.target_resiliency == Some(ResiliencyTarget::High) {
        opts.push(metro_option(&speed));
    }
}

/// The ExpressRoute Metro circuit that meets High, unpriced.
fn metro_option(speed: &str) -> DemandOption {
    DemandOption {
        description: format!("1 × {speed} ExpressRoute Metro circuit"),
        monthly: None,
        reason: "ExpressRoute Metro prices are not in our sources \
            (AZ-PRICE-NOTES); Microsoft's preview page says a Metro circuit \
            costs as a standard circuit: quote it to compare"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::costing::{UserBook, cost, steps};

    /// The work of `cost` and of the what-if on a generated design: (steps of each, circuits
    /// compared). Steps are lines and links visited and price entries compared (see
    /// `count_steps`).
    fn work(sites: usize) -> (u64, u64, usize) {
        let catalog = Catalog::builtin().expect("built-in catalog");
        let user = UserBook::empty();
        let design = crate::generate::generate(sites, 1, &catalog);
        steps::take();
        let costing = cost(&design, &catalog, &user, Options::default());
        let cost_steps = steps::take();
        let book = Book::new(&catalog, &user, &design);
        let w = what_if(&design, &catalog, &book, &costing, Options::default());
        (cost_steps, steps::take(), w.express_route.len())
    }

    #[test]
    fn a_quote_naming_a_demand_changes_its_options_only() {
        let catalog = Catalog::builtin().expect("built-in catalog");
        let user = UserBook::empty();
        let options_of = |design: &Design| {
            let costing = cost(design, &catalog, &user, Options::default());
            let book = Book::new(&catalog, &user, design);
            let w = what_if(design, &catalog, &book, &costing, Options::default());
            w.demands
                .iter()
                .map(|d| serde_json::to_value(d).expect("options serialize"))
                .collect::<Vec<_>>()
        };
        let mut design = crate::generate::generate(40, 1, &catalog);
        let before = options_of(&design);
        // The first demand into an AWS region, which the other demands into it follow when
        // nothing names them.
        let node_index = design.node_index();
        let quoted = design
            .demands
            .iter()
            .position(|d| {
                design.nodes[node_index[d.region.as_str()]]
                    .as_aws()
                    .is_some()
            })
            .expect("an AWS demand");
        let quoted_id = design.demands[quoted].id.to_string();
        design
            .settings
            .price_overrides
            .push(crate::model::PriceOverride {
                meter: "aws.dx.data_transfer_out".into(),
                element: Some(quoted_id),
                unit: crate::model::PriceUnit::Gb,
                usd: "0.5".parse().expect("price"),
                note: "test".into(),
            });
        let after = options_of(&design);
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            assert_eq!(i == quoted, a != b, "demand {i}: {b} then {a}");
        }
    }

    #[test]
    fn cost_and_what_if_work_grows_linearly_with_the_design() {
        let (cost_small, what_if_small, circuits_small) = work(200);
        let (cost_large, what_if_large, circuits_large) = work(2_000);
        assert!(circuits_large >= 9 * circuits_small && circuits_small > 0);
        // Ten times the sites, circuits and lines: about ten times the work. The what-if once
        // scanned every line per circuit (a hundred times the work here) and every link per
        // Azure demand.
        let per_circuit = |steps: u64, circuits: usize| steps as f64 / circuits as f64;
        assert!(
            per_circuit(what_if_large, circuits_large)
                <= 1.2 * per_circuit(what_if_small, circuits_small),
            "what-if: {what_if_small} steps for {circuits_small} circuits at 200 sites, \
             {what_if_large} for {circuits_large} at 2,000"
        );
        assert!(
            cost_large <= 12 * cost_small,
            "cost: {cost_small} steps at 200 sites, {cost_large} at 2,000"
        );
    }
}

//! Costing: every element of a design turned into line items, each priced from the layered
//! price book with its provenance, or marked unpriced with the reason — never guessed.
//!
//! Rules (reference §1–2):
//! - A month is 730 hours unless configured (stated in every output).
//! - **Direct Connect** (P1–P9): port-hours by type, capacity and location group (Japan or
//!   not) × LAG members; data transfer out per GB by (source region, DX location), falling back
//!   to another DX location with the same home region (reference 2.5, marked); Transit Gateway
//!   attachment-hours for each DX gateway ↔ TGW association and per-GB processing of traffic
//!   through it; DX gateways are free (P8); VPN connection-hours, plus a TGW attachment when the
//!   VPN ends on a TGW. Hosted connections in Japan are unpriced (no Japan rate, Q8).
//! - **ExpressRoute** (B1–B15): circuit fee by tier × billing × bandwidth × zone (Local is
//!   always unlimited, B4; Metro costs as a standard circuit, B14); metered egress per GB by the
//!   zone of the peering location (B2; unlimited and Local include it, B3/B4); circuits on an
//!   ExpressRoute Direct port pair carry no circuit fee (B11) but the port pair does, and
//!   Premium there is an add-on; Global Reach add-on per circuit (B10); gateway hours by SKU,
//!   ErGwScale per unit (B15). All Azure list prices except some gateway hours are [GAP]: those
//!   lines are unpriced until the user's price book or a design quote prices them.
//! - **Access circuits and fabric connections**: the monthly cost entered on the link.
//! - **Egress split**: a demand's monthly egress is split over the paths that carry it in the
//!   intact design in proportion to the flow each carries (max-flow, see `resilience`); each
//!   path's share is billed on the circuit that enters the cloud on that path.
//! - Money is exact: unit prices and amounts are integer micro-dollars; quantities are
//!   thousandths of a unit; each line is rounded half up to a micro-dollar once.

pub mod book;
pub mod import;
mod transit;
pub mod whatif;

pub use book::{Book, Price, Provenance, UserBook};

use crate::catalog::Catalog;
use crate::model::{
    AwsAttachment, Design, DxConnectionType, ErBilling, ErSkuTier, LinkKind, NodeKind, Percent,
    PriceUnit, Usd, VifType,
};
use crate::resilience::{self, Depth};
use book::Query;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

pub const DEFAULT_HOURS_PER_MONTH: u64 = 730;

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
    pub element: String,
    pub category: Category,
    pub biller: Biller,
    /// The site the line is attributed to (access circuits, a demand's egress), if any.
    pub site: Option<String>,
    pub meter: String,
    pub description: String,
    /// Quantity in thousandths of `unit` (730 hours = 730000).
    pub quantity_milli: u64,
    pub unit: PriceUnit,
    /// Unit price before any discount.
    pub unit_price: Option<Usd>,
    pub discount: Option<Percent>,
    pub monthly: Option<Usd>,
    pub provenance: Option<Provenance>,
    /// Why the line has no price.
    pub unpriced_reason: Option<String>,
}

impl LineItem {
    pub fn quantity_text(&self) -> String {
        let whole = self.quantity_milli / 1000;
        let frac = self.quantity_milli % 1000;
        let unit = match self.unit {
            PriceUnit::Hour => "h",
            PriceUnit::Month => "month",
            PriceUnit::Gb => "GB",
        };
        if frac == 0 {
            format!("{whole} {unit}")
        } else {
            let digits = format!("{frac:03}");
            format!("{whole}.{} {unit}", digits.trim_end_matches('0'))
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub monthly: Usd,
    pub annual: Usd,
    pub three_year: Usd,
}

impl Totals {
    fn of(monthly: Usd) -> Totals {
        Totals {
            monthly,
            annual: Usd::from_micros(monthly.micros() * 12),
            three_year: Usd::from_micros(monthly.micros() * 36),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Unpriced {
    pub element: String,
    pub meter: String,
    pub reason: String,
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

pub const EGRESS_RULE: &str = "a demand's monthly egress is split over the paths that carry it in the intact design, in proportion to each path's flow (max-flow); each share is billed on the circuit that enters the cloud on that path";

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
    book: Book<'a>,
    items: Vec<LineItem>,
}

/// A line to price.
struct Line<'q> {
    element: &'q str,
    category: Category,
    biller: Biller,
    site: Option<&'q str>,
    meter: &'q str,
    dims: Vec<(&'q str, Value)>,
    provider: &'q str,
    description: String,
    quantity_milli: u64,
    unit: PriceUnit,
    /// Set to make the line unpriced without a lookup (a known gap).
    gap: Option<String>,
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

fn amount(unit_price: Usd, quantity_milli: u64) -> Usd {
    let micros = i128::from(unit_price.micros()) * i128::from(quantity_milli);
    Usd::from_micros(((micros + 500) / 1000) as i64)
}

impl<'a> Pricer<'a> {
    fn add(&mut self, line: Line<'_>) {
        let price = if line.gap.is_some() {
            None
        } else {
            self.book.undiscounted(&Query {
                meter: line.meter,
                dims: &line.dims,
                element: line.element,
                provider: line.provider,
            })
        };
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
                        let gross = amount(p.usd, q);
                        let discount = self.book.discount(line.provider);
                        let net = discount.map_or(gross, |d| d.off(gross));
                        let mut provenance = p.provenance;
                        if let (Some(note), Provenance::Catalog { note: n, .. }) =
                            (p.fallback_note, &mut provenance)
                        {
                            *n = note;
                        }
                        (Some(p.usd), Some(net), Some(provenance), None, discount)
                    }
                    None => (
                        None,
                        None,
                        None,
                        Some(format!(
                            "the price found is per {:?}, the line is per {:?}",
                            p.unit, line.unit
                        )),
                        None,
                    ),
                }
            }
            None => (
                None,
                None,
                None,
                Some(line.gap.unwrap_or_else(|| {
                    format!(
                        "no price for {} ({})",
                        line.meter,
                        book::dims_text(line.dims.iter().map(|(k, v)| (k, v)))
                    )
                })),
                None,
            ),
        };
        self.items.push(LineItem {
            element: line.element.to_string(),
            category: line.category,
            biller: line.biller,
            site: line.site.map(str::to_string),
            meter: line.meter.to_string(),
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

/// Cost a design.
pub fn cost(design: &Design, catalog: &Catalog, user: &UserBook, options: Options) -> Costing {
    let hours = options.hours_per_month;
    let hours_milli = hours * 1000;
    let mut p = Pricer {
        book: Book::new(catalog, user, design),
        items: Vec::new(),
    };
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
        match &link.kind {
            LinkKind::AccessCircuit(c) => p.add_user_entered(
                element,
                Category::AccessCircuits,
                site_end,
                &c.carrier,
                c.monthly_usd,
                format!(
                    "{} access circuit, {} ({})",
                    rules_mbps(c.bandwidth_mbps),
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
                    rules_mbps(c.bandwidth_mbps),
                    c.operator
                ),
            ),
            LinkKind::DirectConnectConnection(c) => {
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
                    rules_mbps(c.capacity_mbps),
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
                        l.is_japan().then(|| {
                            "no Japan rate is published for hosted connections (Q8)".to_string()
                        }),
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
                    gap,
                });
                for vif in c.vifs.iter().filter(|v| v.sitelink) {
                    const SITELINK_GAP: &str =
                        "SiteLink has a separate fee that is not published in our sources (P9, Q9)";
                    p.add(Line {
                        element,
                        category: Category::DirectConnectPorts,
                        biller: Biller::Aws,
                        site: None,
                        meter: "aws.dx.sitelink",
                        dims: vec![],
                        provider: "aws",
                        description: format!("SiteLink on VIF {}", vif.name),
                        quantity_milli: hours_milli,
                        unit: PriceUnit::Hour,
                        gap: Some(SITELINK_GAP.into()),
                    });
                }
            }
            LinkKind::SiteToSiteVpn(v) => {
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
            LinkKind::ExpressRouteCircuit(c) => {
                let Some((fac_node, fac)) = facility else {
                    continue;
                };
                let location = fac
                    .er_peering_location
                    .as_deref()
                    .and_then(|l| catalog.er_location(l));
                let zone = location.map(|l| l.zone);
                let on_direct = c.direct_port.is_some();
                // B4: Local is always unlimited.
                let billing = if c.sku_tier == ErSkuTier::Local {
                    ErBilling::Unlimited
                } else {
                    c.billing
                };
                let billing_key = if billing == ErBilling::Metered {
                    "metered"
                } else {
                    "unlimited"
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
                            rules_mbps(c.bandwidth_mbps)
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
                    if let Some(z) = zone {
                        dims.push(("zone", Value::from(z)));
                    }
                    p.add(Line {
                        element,
                        category: Category::ExpressRouteCircuits,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.er.circuit",
                        dims,
                        provider: "azure",
                        description: format!(
                            "{:?} {billing_key} {} circuit at {} (zone {})",
                            c.sku_tier,
                            rules_mbps(c.bandwidth_mbps),
                            fac.er_peering_location
                                .as_deref()
                                .unwrap_or(fac_node.id.as_str()),
                            zone.map_or("?".to_string(), |z| z.to_string())
                        ),
                        quantity_milli: 1000,
                        unit: PriceUnit::Month,
                        gap: None,
                    });
                }
                if !c.global_reach.is_empty() {
                    const GLOBAL_REACH: &str = "Global Reach add-on (B10); its per-GB charges \
                        depend on circuit-to-circuit traffic, which the design does not state";
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
        }
    }

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
                            rules_mbps(port.port_speed_mbps)
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
                    let code = catalog
                        .azure_region(&r.region)
                        .map_or(r.region.as_str(), |i| i.code.as_str());
                    p.add(Line {
                        element: n.id.as_str(),
                        category: Category::Gateways,
                        biller: Biller::Azure,
                        site: None,
                        meter: "azure.er.gateway",
                        dims: vec![
                            ("sku", Value::from(gateway_key(gw.sku))),
                            ("region", Value::from(code)),
                        ],
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

    transit::cost(design, catalog, &mut p, hours_milli);
    egress(design, catalog, &mut p);

    let items = p.items;
    let mut total = 0i64;
    let mut by_biller: BTreeMap<Biller, Usd> = BTreeMap::new();
    let mut by_category: BTreeMap<Category, Usd> = BTreeMap::new();
    let mut by_site: BTreeMap<String, Usd> = BTreeMap::new();
    let mut unpriced = Vec::new();
    for item in &items {
        match item.monthly {
            Some(m) => {
                total += m.micros();
                let add = |e: &mut Usd| *e = Usd::from_micros(e.micros() + m.micros());
                add(by_biller.entry(item.biller).or_default());
                add(by_category.entry(item.category).or_default());
                add(by_site
                    .entry(item.site.clone().unwrap_or_else(|| "shared".into()))
                    .or_default());
            }
            None => unpriced.push(Unpriced {
                element: item.element.clone(),
                meter: item.meter.clone(),
                reason: item.unpriced_reason.clone().unwrap_or_default(),
            }),
        }
    }
    Costing {
        hours_per_month: hours,
        egress_rule: EGRESS_RULE,
        priced_items: items.len() - unpriced.len(),
        totals: Totals::of(Usd::from_micros(total)),
        by_biller,
        by_category,
        by_site,
        unpriced,
        items,
    }
}

fn rules_mbps(v: u64) -> String {
    crate::rules::mbps(v)
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
        let net = monthly.map(|m| discount.map_or(m, |d| d.off(m)));
        self.items.push(LineItem {
            element: element.to_string(),
            category,
            biller: Biller::Carriers,
            site: site.map(str::to_string),
            meter: if category == Category::AccessCircuits {
                "access.circuit".into()
            } else {
                "fabric.connection".into()
            },
            description,
            quantity_milli: 1000,
            unit: PriceUnit::Month,
            unit_price: monthly,
            discount,
            monthly: net,
            provenance: monthly.map(|_| Provenance::UserEntered),
            unpriced_reason: monthly
                .is_none()
                .then(|| "enter the provider's monthly cost on the link".to_string()),
        });
    }
}

/// Egress lines: each demand's GB split over its intact paths (see the module docs).
/// The DX location whose transfer-out price applies to (region, location): the location itself
/// when priced, else a priced location with the same home region (reference 2.5), else none.
fn dto_fallback(
    book: &Book<'_>,
    catalog: &Catalog,
    region: &str,
    location: &crate::catalog::DxLocation,
) -> Option<String> {
    let priced = |code: &str| {
        book.undiscounted(&Query {
            meter: "aws.dx.data_transfer_out",
            dims: &[
                ("from_region", Value::from(region)),
                ("dx_location", Value::from(code)),
            ],
            element: "",
            provider: "aws",
        })
        .is_some()
    };
    if priced(&location.code) {
        return Some(location.code.clone());
    }
    catalog
        .dx_locations
        .iter()
        .filter(|l| l.home_region == location.home_region && l.code != location.code)
        .find(|l| priced(&l.code))
        .map(|l| l.code.clone())
}

fn egress(design: &Design, catalog: &Catalog, p: &mut Pricer<'_>) {
    let mut fallbacks: BTreeMap<(String, String), Option<String>> = BTreeMap::new();
    let analysis = resilience::analyze(design, catalog, Depth::Single);
    let node_index = design.node_index();
    let link_index: rustc_hash::FxHashMap<&str, usize> = design
        .links
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    for r in &analysis.demands {
        let demand = &design.demands[r.index];
        if demand.egress_gb_per_month == 0 || r.intact_mbps == 0 {
            continue;
        }
        let region_node = &design.nodes[node_index[r.region.as_str()]];
        for path in &r.paths {
            // GB share in thousandths, proportional to the path's flow.
            let share_milli =
                (u128::from(demand.egress_gb_per_month) * 1000 * u128::from(path.mbps)
                    / u128::from(r.intact_mbps)) as u64;
            if share_milli == 0 {
                continue;
            }
            // The circuit that enters the cloud: the last ER/DX/VPN link of the path.
            let Some(&li) = path
                .links
                .iter()
                .rev()
                .find_map(|id| link_index.get(id.as_str()))
            else {
                continue;
            };
            let link = &design.links[li];
            let element = link.id.as_str();
            let site = Some(demand.site.as_str());
            let facility = [&link.a, &link.b]
                .into_iter()
                .filter_map(|id| node_index.get(id.as_str()))
                .find_map(|&i| design.nodes[i].as_facility());
            let gb = format!("{}", share_milli as f64 / 1000.0);
            match &link.kind {
                LinkKind::DirectConnectConnection(c) => {
                    let Some(aws) = region_node.as_aws() else {
                        continue;
                    };
                    let location = facility
                        .and_then(|f| f.dx_location.as_deref())
                        .and_then(|code| catalog.dx_location(code));
                    let Some(location) = location else {
                        p.add(Line {
                            element,
                            category: Category::DataTransferOut,
                            biller: Biller::Aws,
                            site,
                            meter: "aws.dx.data_transfer_out",
                            dims: vec![],
                            provider: "aws",
                            description: format!(
                                "{gb} GB of demand {} out of {}",
                                demand.id, aws.region
                            ),
                            quantity_milli: share_milli,
                            unit: PriceUnit::Gb,
                            gap: Some("the facility names no known Direct Connect location".into()),
                        });
                        continue;
                    };
                    let dims = vec![
                        ("from_region", Value::from(aws.region.as_str())),
                        ("dx_location", Value::from(location.code.as_str())),
                    ];
                    // Reference 2.5 fallback: another DX location with the same home region
                    // (looked up once per pair).
                    let fallback = fallbacks
                        .entry((aws.region.clone(), location.code.clone()))
                        .or_insert_with(|| dto_fallback(&p.book, catalog, &aws.region, location))
                        .clone();
                    let (dims, description) = match fallback {
                        None => (
                            dims,
                            format!(
                                "{gb} GB of demand {} from {} over {}",
                                demand.id, aws.region, location.code
                            ),
                        ),
                        Some(code) if code == location.code => (
                            dims,
                            format!(
                                "{gb} GB of demand {} from {} over {}",
                                demand.id, aws.region, location.code
                            ),
                        ),
                        Some(code) => (
                            vec![
                                ("from_region", Value::from(aws.region.as_str())),
                                ("dx_location", Value::from(code.as_str())),
                            ],
                            format!(
                                "{gb} GB of demand {} from {} over {} (priced as {code}, same home region {} — reference 2.5 fallback [DER])",
                                demand.id, aws.region, location.code, location.home_region
                            ),
                        ),
                    };
                    p.add(Line {
                        element,
                        category: Category::DataTransferOut,
                        biller: Biller::Aws,
                        site,
                        meter: "aws.dx.data_transfer_out",
                        dims,
                        provider: "aws",
                        description,
                        quantity_milli: share_milli,
                        unit: PriceUnit::Gb,
                        gap: None,
                    });
                    let transit = aws.attachment == AwsAttachment::DxGatewayTgw
                        && c.vifs.iter().any(|v| v.vif_type == VifType::Transit);
                    if transit {
                        p.add(tgw_processing(
                            region_node.id.as_str(),
                            site,
                            &aws.region,
                            format!(
                                "{gb} GB of demand {} processed by the Transit Gateway",
                                demand.id
                            ),
                            share_milli,
                        ));
                    }
                }
                LinkKind::ExpressRouteCircuit(c) => {
                    let metered = c.sku_tier != ErSkuTier::Local && c.billing == ErBilling::Metered;
                    if !metered {
                        continue; // B3/B4: egress included in the circuit fee.
                    }
                    let zone = facility
                        .and_then(|f| f.er_peering_location.as_deref())
                        .and_then(|l| catalog.er_location(l))
                        .map(|l| l.zone);
                    let dims = zone
                        .map(|z| vec![("zone", Value::from(z))])
                        .unwrap_or_default();
                    p.add(Line {
                        element,
                        category: Category::ExpressRouteEgress,
                        biller: Biller::Azure,
                        site,
                        meter: "azure.er.egress",
                        dims,
                        provider: "azure",
                        description: format!(
                            "{gb} GB of demand {} over metered circuit (zone {})",
                            demand.id,
                            zone.map_or("?".into(), |z| z.to_string())
                        ),
                        quantity_milli: share_milli,
                        unit: PriceUnit::Gb,
                        gap: None,
                    });
                }
                LinkKind::SiteToSiteVpn(v) => {
                    if let Some(aws) = region_node.as_aws() {
                        const NO_INTERNET_RATES: &str = "internet data transfer out rates are \
                            not in our sources (reference 2.6)";
                        p.add(Line {
                            element,
                            category: Category::Vpn,
                            biller: Biller::Aws,
                            site,
                            meter: "aws.internet.data_transfer_out",
                            dims: vec![("region", Value::from(aws.region.as_str()))],
                            provider: "aws",
                            description: format!(
                                "{gb} GB of demand {} over the VPN (internet data transfer out)",
                                demand.id
                            ),
                            quantity_milli: share_milli,
                            unit: PriceUnit::Gb,
                            gap: Some(NO_INTERNET_RATES.into()),
                        });
                        if v.on_transit_gateway {
                            p.add(tgw_processing(
                                element,
                                site,
                                &aws.region,
                                format!(
                                    "{gb} GB of demand {} processed by the Transit Gateway (VPN)",
                                    demand.id
                                ),
                                share_milli,
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

//! The clouds' own resiliency models, reproduced on a proposed design: AWS Direct Connect
//! (Resiliency Toolkit, DX-RES-1..5, DX-SLA-1) and Azure ExpressRoute (ER-RES-1, ER-SLA-1, the
//! Resiliency Insights index).

use crate::model::{Design, DxConnectionType, ErGateway, ErGatewaySku};
use serde::{Deserialize, Serialize};

/// A resiliency model in the cloud's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// No private connectivity model (no circuit/connection, or only hosted connections).
    None,
    /// Azure: one circuit at one peering location.
    Standard,
    /// AWS: two or more connections on separate devices at one location.
    DevelopmentAndTest,
    /// AWS: one connection at each of two or more locations. Azure: ExpressRoute Metro.
    High,
    /// AWS: separate devices at two or more locations (2 x 2). Azure: two circuits at two
    /// peering locations.
    Maximum,
}

impl ModelKind {
    pub fn label(self) -> &'static str {
        match self {
            ModelKind::None => "none",
            ModelKind::Standard => "Standard",
            ModelKind::DevelopmentAndTest => "Development and Test",
            ModelKind::High => "High",
            ModelKind::Maximum => "Maximum",
        }
    }
    /// Rank for comparison with a demand's target: Standard and Development & Test are both
    /// single-location redundancy.
    pub fn rank(self) -> u8 {
        match self {
            ModelKind::None => 0,
            ModelKind::Standard | ModelKind::DevelopmentAndTest => 1,
            ModelKind::High => 2,
            ModelKind::Maximum => 3,
        }
    }

    /// Whether this model is at least the demand's target (RES003 flags those that are not).
    pub fn meets(self, target: crate::model::ResiliencyTarget) -> bool {
        use crate::model::ResiliencyTarget;
        let wanted = match target {
            ResiliencyTarget::Standard => 1,
            ResiliencyTarget::High => 2,
            ResiliencyTarget::Maximum => 3,
        };
        self.rank() >= wanted
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub kind: ModelKind,
    /// SLA target the model implies, with its source; None when the model carries no SLA.
    pub sla: Option<&'static str>,
    /// Why the model is what it is, and what does not count (hosted connections, LAG members,
    /// unequal speeds).
    pub notes: Vec<String>,
}

/// One private connection of a demand, as the models see it.
pub struct DxUse<'a> {
    /// Direct Connect location code.
    pub location: &'a str,
    pub device: &'a str,
    pub connection_type: DxConnectionType,
    pub capacity_mbps: u64,
    pub lag_members: u32,
}

/// AWS Direct Connect model of a demand from the connections that can carry it.
///
/// Runs once per demand, so it counts by scanning the few connections instead of collecting
/// them.
pub fn aws_model(connections: &[DxUse<'_>]) -> Model {
    let mut notes = Vec::new();
    let dedicated = connections
        .iter()
        .filter(|c| c.connection_type == DxConnectionType::Dedicated);
    let hosted = connections.len() - dedicated.clone().count();
    if hosted > 0 {
        notes.push(if hosted == 1 {
            "1 hosted connection does not count as a redundant connection (DX-SLA-1)".to_owned()
        } else {
            format!(
                "{} do not count as redundant connections (DX-SLA-1)",
                crate::model::count(hosted, "hosted connection", "hosted connections")
            )
        });
    }
    if dedicated.clone().any(|c| c.lag_members > 1) {
        notes.push("a LAG counts as one connection, whatever its members (DX-SLA-1)".into());
    }
    if dedicated.clone().any(|c| c.device.trim().is_empty()) {
        notes.push(
            "connections without an AWS device label cannot be shown to be on separate devices"
                .into(),
        );
    }
    let mut speeds = dedicated.clone().map(|c| c.capacity_mbps);
    let first_speed = speeds.next();
    if speeds.any(|s| Some(s) != first_speed) {
        notes.push("redundant connections have unequal speeds; the toolkit builds them all at one speed (DX-RES-5)".into());
    }
    // Distinct locations, and distinct devices per location (an unlabelled device counts once
    // per location); each counted at its first connection.
    let same_location = |a: &DxUse, b: &DxUse| a.location.eq_ignore_ascii_case(b.location);
    let devices_at = |location: &DxUse| {
        let here = dedicated
            .clone()
            .filter(move |c| same_location(c, location));
        here.clone()
            .enumerate()
            .filter(|&(i, c)| {
                !here
                    .clone()
                    .take(i)
                    .any(|e| e.device.trim() == c.device.trim())
            })
            .count()
    };
    let locations = dedicated
        .clone()
        .enumerate()
        .filter(|&(i, c)| !dedicated.clone().take(i).any(|e| same_location(e, c)));
    let location_count = locations.clone().count();
    let with_two_devices = locations.filter(|&(_, c)| devices_at(c) >= 2).count();
    let kind = if location_count >= 2 && with_two_devices >= 2 {
        ModelKind::Maximum
    } else if location_count >= 2 {
        ModelKind::High
    } else if with_two_devices >= 1 {
        ModelKind::DevelopmentAndTest
    } else {
        ModelKind::None
    };
    let sla = match kind {
        ModelKind::Maximum => Some("99.99% (DX-RES-1)"),
        ModelKind::High => Some("99.9% (DX-RES-2)"),
        _ => None,
    };
    if kind == ModelKind::DevelopmentAndTest {
        notes.push("device redundancy only, no location redundancy; no SLA (DX-RES-3)".into());
    }
    Model { kind, sla, notes }
}

/// One ExpressRoute circuit of a demand, as the models see it.
pub struct ErUse<'a> {
    /// Peering location name (or the facility id when it has none).
    pub location: &'a str,
    pub metro: bool,
    /// Both BGP sessions (primary and secondary connection) configured.
    pub redundant_bgp: bool,
}

/// Azure ExpressRoute model of a demand (ER-RES-1) from the circuits that can carry it.
///
/// A circuit with one BGP session counts for nothing: Microsoft's availability SLA applies only
/// to circuits with both BGP sessions (primary and secondary) configured (ER-SLA-1, ER-TOPO-1),
/// so such a circuit earns no model and no SLA, and the demand's notes say so.
pub fn azure_model(all_circuits: &[ErUse<'_>]) -> Model {
    let mut notes = Vec::new();
    let single_session = all_circuits.iter().filter(|c| !c.redundant_bgp).count();
    if single_session > 0 {
        notes.push(format!(
            "{} with one BGP session {} not count: Microsoft's SLA applies only with both BGP sessions configured (ER-SLA-1)",
            crate::model::count(single_session, "circuit", "circuits"),
            if single_session == 1 { "does" } else { "do" }
        ));
    }
    let circuits = || all_circuits.iter().filter(|c| c.redundant_bgp);
    // Distinct peering locations, ignoring case, each counted at its first circuit.
    let same = |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    };
    let locations = circuits()
        .enumerate()
        .filter(|&(i, c)| !circuits().take(i).any(|e| same(e.location, c.location)))
        .count();
    let kind = if locations >= 2 {
        ModelKind::Maximum
    } else if circuits().any(|c| c.metro) {
        ModelKind::High
    } else if circuits().next().is_some() {
        ModelKind::Standard
    } else {
        ModelKind::None
    };
    let sla = (kind != ModelKind::None).then_some(
        "99.95% per circuit with both BGP sessions up (ER-SLA-1 [3P]); Microsoft's figures for Metro and multi-site designs were not obtained (Q5)",
    );
    Model { kind, sla, notes }
}

/// Weights of the Azure resiliency index (`assets/catalog/resiliency_index.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct IndexWeights {
    pub version: u32,
    pub source: String,
    pub as_of: String,
    pub location_redundancy: LocationWeights,
    pub validation_multiplier: MultiplierWeights,
    pub zone: ZoneWeights,
    pub advisories_clear: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct LocationWeights {
    pub two_locations: u32,
    pub metro: u32,
    pub one_location: u32,
    pub none: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MultiplierWeights {
    pub design: u32,
    pub validated: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ZoneWeights {
    pub standard: u32,
    pub high_performance: u32,
    pub ultra_performance: u32,
    pub az_zonal: u32,
    pub az_zone_redundant: u32,
    /// ErGwScale with up to four instances (two scale units).
    pub scale_up_to_4_instances: u32,
    /// ErGwScale with more than four instances.
    pub scale_above_4_instances: u32,
}

const INDEX_WEIGHTS: &str = include_str!("../../assets/catalog/resiliency_index.json");

impl IndexWeights {
    /// The built-in weights. The file is part of the build and tested, so parsing cannot fail
    /// at run time unless the binary itself is corrupt.
    pub fn builtin() -> Result<IndexWeights, serde_json::Error> {
        serde_json::from_str(INDEX_WEIGHTS)
    }
}

/// The Azure resiliency index of one gateway: index = R x M + Z + A, with its components.
#[derive(Debug, Clone, Serialize)]
pub struct GatewayIndex {
    /// The Azure region node.
    pub region: String,
    pub gateway_sku: String,
    /// Location redundancy of the circuits reaching the gateway, and why.
    pub r: u32,
    pub r_reason: String,
    pub z: u32,
    pub z_reason: String,
    /// 10 when no resiliency finding concerns the gateway's region, else 0.
    pub a: u32,
    /// The index as designed (M = 1).
    pub design_index: u32,
    /// The index once failover has been validated (M = 4).
    pub validated_index: u32,
    pub weights_version: u32,
}

/// Zone component of a gateway SKU.
pub fn zone_component(gw: &ErGateway, w: &ZoneWeights) -> (u32, String) {
    match gw.sku {
        ErGatewaySku::Standard => (w.standard, "Standard gateway (not zone-aware)".into()),
        ErGatewaySku::HighPerformance => (
            w.high_performance,
            "HighPerformance gateway (not zone-aware)".into(),
        ),
        ErGatewaySku::UltraPerformance => (w.ultra_performance, "UltraPerformance gateway".into()),
        ErGatewaySku::ErGw1Az | ErGatewaySku::ErGw2Az | ErGatewaySku::ErGw3Az => {
            if gw.zone_redundant {
                (
                    w.az_zone_redundant,
                    format!("{} zone-redundant", gw.sku.label()),
                )
            } else {
                (w.az_zonal, format!("{} zonal", gw.sku.label()))
            }
        }
        ErGatewaySku::ErGwScale => {
            // The index counts gateway instances, two per scale unit.
            let units = gw.scale_units.unwrap_or(0);
            let instances = 2 * units;
            let text = format!(
                "ErGwScale with {}, {instances} instances",
                crate::model::count(units as usize, "scale unit", "scale units")
            );
            if instances > 4 {
                (w.scale_above_4_instances, text)
            } else {
                (w.scale_up_to_4_instances, text)
            }
        }
    }
}

/// Index of every Azure region node with a gateway. `advisories(region_id)` counts the
/// resiliency findings that concern the region (A is earned when there are none).
pub fn gateway_indexes<'a>(
    design: &'a Design,
    circuits_into: impl Fn(&str) -> Vec<ErUse<'a>>,
    advisories: impl Fn(&str) -> usize,
    weights: &IndexWeights,
) -> Vec<GatewayIndex> {
    let mut out = Vec::new();
    for node in &design.nodes {
        let Some(gw) = node.as_azure().and_then(|a| a.gateway.as_ref()) else {
            continue;
        };
        let circuits = circuits_into(node.id.as_str());
        let model = azure_model(&circuits);
        let lw = &weights.location_redundancy;
        let (r, r_reason) = match model.kind {
            ModelKind::Maximum => (
                lw.two_locations,
                "circuits at two or more peering locations".to_string(),
            ),
            ModelKind::High => (lw.metro, "an ExpressRoute Metro circuit".to_string()),
            ModelKind::Standard => (
                lw.one_location,
                "circuits at one peering location".to_string(),
            ),
            _ => (lw.none, "no circuit reaches the gateway".to_string()),
        };
        let (z, z_reason) = zone_component(gw, &weights.zone);
        let a = if advisories(node.id.as_str()) == 0 {
            weights.advisories_clear
        } else {
            0
        };
        out.push(GatewayIndex {
            region: node.id.to_string(),
            gateway_sku: gw.sku.label().to_string(),
            r,
            r_reason,
            z,
            z_reason,
            a,
            design_index: r * weights.validation_multiplier.design + z + a,
            validated_index: r * weights.validation_multiplier.validated + z + a,
            weights_version: weights.version,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dx(location: &'static str, device: &'static str, capacity_mbps: u64) -> DxUse<'static> {
        DxUse {
            location,
            device,
            connection_type: DxConnectionType::Dedicated,
            capacity_mbps,
            lag_members: 1,
        }
    }

    #[test]
    fn aws_models_count_locations_and_devices_once() {
        let maximum = [
            dx("EQDC2", "d1", 10_000),
            dx("eqdc2", "d2", 10_000),
            dx("EqCH2", "d1", 10_000),
            dx("EQCH2", " d3 ", 10_000),
        ];
        assert_eq!(aws_model(&maximum).kind, ModelKind::Maximum);
        // The same device twice (spelled with spaces) is one device: one location has two.
        let high = [
            dx("EQDC2", "d1", 10_000),
            dx("EQDC2", " d1", 10_000),
            dx("EqCH2", "d1", 10_000),
            dx("EqCH2", "d2", 10_000),
        ];
        assert_eq!(aws_model(&high).kind, ModelKind::High);
        let dev_test = [dx("EQDC2", "d1", 10_000), dx("eqdc2", "d2", 1_000)];
        let model = aws_model(&dev_test);
        assert_eq!(model.kind, ModelKind::DevelopmentAndTest);
        assert!(
            model.notes.iter().any(|n| n.contains("unequal speeds")),
            "{:?}",
            model.notes
        );
        let mut hosted = dx("EqCH2", "d9", 500);
        hosted.connection_type = DxConnectionType::Hosted;
        let one_location = [dx("EQDC2", "d1", 10_000), hosted];
        let model = aws_model(&one_location);
        assert_eq!(model.kind, ModelKind::None);
        assert!(
            model.notes.iter().any(|n| n.contains("1 hosted")),
            "{:?}",
            model.notes
        );
        assert!(!model.notes.iter().any(|n| n.contains("unequal speeds")));
        assert_eq!(aws_model(&[]).kind, ModelKind::None);
    }

    #[test]
    fn azure_models_count_peering_locations_ignoring_case() {
        let er = |location| ErUse {
            location,
            metro: false,
            redundant_bgp: true,
        };
        assert_eq!(
            azure_model(&[er("São Paulo"), er("SÃO PAULO")]).kind,
            ModelKind::Standard
        );
        assert_eq!(
            azure_model(&[er("Washington DC"), er("Chicago")]).kind,
            ModelKind::Maximum
        );
        let metro = ErUse {
            location: "Amsterdam",
            metro: true,
            redundant_bgp: true,
        };
        assert_eq!(azure_model(&[metro]).kind, ModelKind::High);
        assert_eq!(azure_model(&[]).kind, ModelKind::None);
    }
}

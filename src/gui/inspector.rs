//! The inspector: the selected element's properties, offering only valid choices from the
//! catalog (bandwidths the ExpressRoute SKU and port allow, Direct Connect speeds offered at the
//! location). It proposes one edit per committed change: a choice clicked, or a text field left.

use crate::catalog::Catalog;
use crate::edit::Edit;
use crate::model::*;
use crate::rules::mbps;
use eframe::egui;
use std::collections::HashMap;

/// Text being typed, per field, until the field is left (then it becomes one edit).
#[derive(Default)]
pub struct Buffers(HashMap<String, String>);

impl Buffers {
    /// A single-line text field; returns the new text when the user leaves a changed field.
    fn text(&mut self, ui: &mut egui::Ui, key: &str, label: &str, current: &str) -> Option<String> {
        let mut buffer = self.0.remove(key).unwrap_or_else(|| current.to_string());
        let mut out = None;
        let mut keep = true;
        ui.horizontal(|ui| {
            ui.label(label);
            let response = ui.text_edit_singleline(&mut buffer);
            if response.lost_focus() {
                if buffer.trim() != current {
                    out = Some(buffer.trim().to_string());
                }
                keep = false;
            } else if !response.has_focus() && buffer != current {
                // Not being edited: follow the design (undo, another selection).
                buffer = current.to_string();
            }
        });
        if keep {
            self.0.insert(key.to_string(), buffer);
        }
        out
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// Selectable choices in a wrapped row; returns the clicked one when it differs.
fn choices<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    let mut out = None;
    ui.label(label);
    ui.horizontal_wrapped(|ui| {
        for (value, text) in options {
            if ui.selectable_label(*value == current, text).clicked() && *value != current {
                out = Some(*value);
            }
        }
    });
    out
}

fn bandwidth_options(values: &[u64]) -> Vec<(u64, String)> {
    values.iter().map(|&v| (v, mbps(v))).collect()
}

/// Draw the inspector for element `id`; returns the edit to apply, if any.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    id: &str,
    buffers: &mut Buffers,
) -> Option<Edit> {
    if let Some(node) = design.node(&id.into()) {
        return node_ui(ui, catalog, node, buffers);
    }
    if let Some(link) = design.link(&id.into()) {
        return link_ui(ui, design, catalog, link, buffers);
    }
    None
}

fn node_ui(ui: &mut egui::Ui, catalog: &Catalog, n: &Node, b: &mut Buffers) -> Option<Edit> {
    ui.label(format!("{} `{}`", n.tag().label(), n.id));
    let replace = |kind: NodeKind| {
        Some(Edit::ReplaceNode {
            node: Node { kind, ..n.clone() },
        })
    };
    if let Some(name) = b.text(ui, &format!("{}/name", n.id), "Name", &n.name) {
        return Some(Edit::ReplaceNode {
            node: Node { name, ..n.clone() },
        });
    }
    match &n.kind {
        NodeKind::OnPremSite(s) => {
            if let Some(metro) = b.text(ui, &format!("{}/metro", n.id), "Metro", &s.metro) {
                return replace(NodeKind::OnPremSite(OnPremSite { metro, ..s.clone() }));
            }
            let routers = s.edge_routers.join(", ");
            if let Some(text) = b.text(ui, &format!("{}/routers", n.id), "Edge routers", &routers) {
                let edge_routers = text
                    .split(',')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect();
                return replace(NodeKind::OnPremSite(OnPremSite {
                    edge_routers,
                    ..s.clone()
                }));
            }
        }
        NodeKind::ColocationFacility(f) => {
            let er = f.er_peering_location.clone().unwrap_or_default();
            if let Some(text) = b.text(ui, &format!("{}/er", n.id), "ER peering location", &er) {
                let er_peering_location = (!text.is_empty()).then_some(text);
                return replace(NodeKind::ColocationFacility(ColocationFacility {
                    er_peering_location,
                    ..f.clone()
                }));
            }
            if let Some(l) = f
                .er_peering_location
                .as_deref()
                .and_then(|l| catalog.er_location(l))
            {
                ui.small(format!(
                    "{} — zone {}, {}",
                    l.facility, l.zone, l.geopolitical_region
                ));
            }
            let dx = f.dx_location.clone().unwrap_or_default();
            if let Some(text) = b.text(ui, &format!("{}/dx", n.id), "DX location code", &dx) {
                let dx_location = (!text.is_empty()).then_some(text.to_uppercase());
                return replace(NodeKind::ColocationFacility(ColocationFacility {
                    dx_location,
                    ..f.clone()
                }));
            }
            if let Some(l) = f
                .dx_location
                .as_deref()
                .and_then(|c| catalog.dx_location(c))
            {
                ui.small(format!("{} — {}", l.facility, l.home_region));
            }
        }
        NodeKind::AzureRegion(a) => {
            if let Some(region) = b.text(ui, &format!("{}/region", n.id), "Region", &a.region) {
                return replace(NodeKind::AzureRegion(AzureRegion {
                    region,
                    ..a.clone()
                }));
            }
            let skus = [
                ErGatewaySku::ErGw1Az,
                ErGatewaySku::ErGw2Az,
                ErGatewaySku::ErGw3Az,
                ErGatewaySku::ErGwScale,
                ErGatewaySku::Standard,
                ErGatewaySku::HighPerformance,
                ErGatewaySku::UltraPerformance,
            ];
            let options: Vec<(Option<ErGatewaySku>, String)> =
                std::iter::once((None, "no gateway".to_string()))
                    .chain(skus.iter().map(|&s| (Some(s), s.label().to_string())))
                    .collect();
            if let Some(sku) = choices(
                ui,
                "ExpressRoute gateway",
                a.gateway.as_ref().map(|g| g.sku),
                &options,
            ) {
                let gateway = sku.map(|sku| ErGateway {
                    sku,
                    scale_units: (sku == ErGatewaySku::ErGwScale).then_some(2),
                    zone_redundant: !matches!(
                        sku,
                        ErGatewaySku::Standard
                            | ErGatewaySku::HighPerformance
                            | ErGatewaySku::UltraPerformance
                    ),
                });
                return replace(NodeKind::AzureRegion(AzureRegion {
                    gateway,
                    ..a.clone()
                }));
            }
        }
        NodeKind::AwsRegion(a) => {
            if let Some(region) = b.text(ui, &format!("{}/region", n.id), "Region", &a.region) {
                return replace(NodeKind::AwsRegion(AwsRegion {
                    region,
                    ..a.clone()
                }));
            }
            let options = [
                AwsAttachment::VirtualPrivateGateway,
                AwsAttachment::DxGatewayVgw,
                AwsAttachment::DxGatewayTgw,
            ]
            .map(|x| (x, x.label().to_string()));
            if let Some(attachment) = choices(ui, "Attachment", a.attachment, &options) {
                let dx_gateway = if attachment == AwsAttachment::VirtualPrivateGateway {
                    None
                } else {
                    a.dx_gateway.clone().or(Some("dxgw".into()))
                };
                return replace(NodeKind::AwsRegion(AwsRegion {
                    attachment,
                    dx_gateway,
                    ..a.clone()
                }));
            }
        }
        NodeKind::FabricRouter(r) => {
            if let Some(operator) =
                b.text(ui, &format!("{}/operator", n.id), "Operator", &r.operator)
            {
                return replace(NodeKind::FabricRouter(FabricRouter {
                    operator,
                    ..r.clone()
                }));
            }
        }
    }
    None
}

fn link_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    l: &Link,
    b: &mut Buffers,
) -> Option<Edit> {
    ui.label(format!("{} `{}`", l.tag().label(), l.id));
    ui.small(format!("{} ↔ {}", l.a, l.b));
    let replace = |kind: LinkKind| {
        Some(Edit::ReplaceLink {
            link: Link { kind, ..l.clone() },
        })
    };
    let facility = [&l.a, &l.b]
        .into_iter()
        .filter_map(|id| design.node(id))
        .find_map(|n| n.as_facility());
    match &l.kind {
        LinkKind::ExpressRouteCircuit(c) => {
            let tiers = [ErSkuTier::Local, ErSkuTier::Standard, ErSkuTier::Premium]
                .map(|t| (t, format!("{t:?}")));
            if let Some(sku_tier) = choices(ui, "SKU", c.sku_tier, &tiers) {
                let billing = if sku_tier == ErSkuTier::Local {
                    ErBilling::Unlimited
                } else {
                    c.billing
                };
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    sku_tier,
                    billing,
                    ..c.clone()
                }));
            }
            if c.sku_tier != ErSkuTier::Local {
                let billings =
                    [ErBilling::Metered, ErBilling::Unlimited].map(|x| (x, format!("{x:?}")));
                if let Some(billing) = choices(ui, "Billing", c.billing, &billings) {
                    return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                        billing,
                        ..c.clone()
                    }));
                }
            }
            // Only the bandwidths the circuit can have: provider sizes (Local from 1 Gbps), or
            // the sizes of its ExpressRoute Direct port.
            let port = c
                .direct_port
                .as_ref()
                .and_then(|p| facility?.er_direct_ports.iter().find(|x| &x.id == p));
            let sizes: Vec<u64> = match port {
                Some(p) => crate::rules::registry_direct_sizes(p.port_speed_mbps),
                None => [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000]
                    .into_iter()
                    .filter(|&s| c.sku_tier != ErSkuTier::Local || s >= 1_000)
                    .collect(),
            };
            if let Some(bandwidth_mbps) = choices(
                ui,
                "Bandwidth",
                c.bandwidth_mbps,
                &bandwidth_options(&sizes),
            ) {
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    bandwidth_mbps,
                    ..c.clone()
                }));
            }
            if let Some(provider) =
                b.text(ui, &format!("{}/provider", l.id), "Provider", &c.provider)
            {
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    provider,
                    ..c.clone()
                }));
            }
        }
        LinkKind::DirectConnectConnection(c) => {
            let types = [DxConnectionType::Dedicated, DxConnectionType::Hosted]
                .map(|x| (x, format!("{x:?}")));
            if let Some(connection_type) = choices(ui, "Type", c.connection_type, &types) {
                let capacity_mbps = if connection_type == DxConnectionType::Hosted {
                    1_000
                } else {
                    10_000
                };
                return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                    connection_type,
                    capacity_mbps,
                    lag_members: 1,
                    macsec: false,
                    ..c.clone()
                }));
            }
            // Dedicated: the port speeds offered at the location; hosted: the hosted capacities.
            let location = facility
                .and_then(|f| f.dx_location.as_deref())
                .and_then(|code| catalog.dx_location(code));
            let speeds: Vec<u64> = match (c.connection_type, location) {
                (DxConnectionType::Dedicated, Some(l)) => l.port_speeds_mbps.clone(),
                (DxConnectionType::Dedicated, None) => vec![1_000, 10_000, 100_000, 400_000],
                (DxConnectionType::Hosted, _) => vec![
                    50, 100, 200, 300, 400, 500, 1_000, 2_000, 5_000, 10_000, 25_000,
                ],
            };
            if let Some(capacity_mbps) =
                choices(ui, "Capacity", c.capacity_mbps, &bandwidth_options(&speeds))
            {
                return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                    capacity_mbps,
                    ..c.clone()
                }));
            }
            if let Some(aws_device) =
                b.text(ui, &format!("{}/device", l.id), "AWS device", &c.aws_device)
            {
                return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                    aws_device,
                    ..c.clone()
                }));
            }
        }
        LinkKind::AccessCircuit(c) => {
            if let Some(carrier) = b.text(ui, &format!("{}/carrier", l.id), "Carrier", &c.carrier) {
                return replace(LinkKind::AccessCircuit(AccessCircuit {
                    carrier,
                    ..c.clone()
                }));
            }
            let sizes = [100, 200, 500, 1_000, 2_000, 10_000, 100_000];
            if let Some(bandwidth_mbps) = choices(
                ui,
                "Bandwidth",
                c.bandwidth_mbps,
                &bandwidth_options(&sizes),
            ) {
                return replace(LinkKind::AccessCircuit(AccessCircuit {
                    bandwidth_mbps,
                    ..c.clone()
                }));
            }
            let cost = c.monthly_usd.map(|u| u.to_string()).unwrap_or_default();
            if let Some(text) = b.text(ui, &format!("{}/cost", l.id), "Monthly USD", &cost) {
                match text.parse::<Usd>() {
                    Ok(usd) => {
                        return replace(LinkKind::AccessCircuit(AccessCircuit {
                            monthly_usd: Some(usd),
                            ..c.clone()
                        }));
                    }
                    Err(_) if text.is_empty() => {
                        return replace(LinkKind::AccessCircuit(AccessCircuit {
                            monthly_usd: None,
                            ..c.clone()
                        }));
                    }
                    Err(e) => {
                        ui.colored_label(egui::Color32::from_rgb(210, 45, 45), e.to_string());
                    }
                }
            }
        }
        LinkKind::SiteToSiteVpn(v) => {
            let tunnels = [1u32, 2, 4].map(|t| (t, format!("{t} tunnel(s)")));
            if let Some(t) = choices(ui, "Tunnels", v.tunnels, &tunnels) {
                return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                    tunnels: t,
                    ..v.clone()
                }));
            }
        }
        LinkKind::FabricConnection(f) => {
            let sizes = [50, 200, 500, 1_000, 2_000, 5_000, 10_000];
            if let Some(bandwidth_mbps) = choices(
                ui,
                "Bandwidth",
                f.bandwidth_mbps,
                &bandwidth_options(&sizes),
            ) {
                return replace(LinkKind::FabricConnection(FabricConnection {
                    bandwidth_mbps,
                    ..f.clone()
                }));
            }
        }
    }
    None
}

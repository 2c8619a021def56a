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
    pub fn text(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: &str,
    ) -> Option<String> {
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

    /// A whole-number field ("" clears it when `optional`); a bad entry is shown in red and
    /// changes nothing.
    pub fn number(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: Option<u64>,
        optional: bool,
    ) -> Option<Option<u64>> {
        let text = current.map(|v| v.to_string()).unwrap_or_default();
        let entered = self.text(ui, key, label, &text)?;
        if entered.is_empty() && optional {
            return Some(None);
        }
        match entered.replace([',', '_'], "").parse::<u64>() {
            Ok(v) => Some(Some(v)),
            Err(_) => {
                self.0.insert(
                    format!("{key}#error"),
                    format!("`{entered}` is not a whole number"),
                );
                None
            }
        }
    }

    /// A list of CIDR prefixes separated by commas.
    fn cidrs(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: &[Cidr],
    ) -> Option<Vec<Cidr>> {
        let text = current
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let entered = self.text(ui, key, label, &text)?;
        let parsed: Result<Vec<Cidr>, _> = entered
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::parse::<Cidr>)
            .collect();
        match parsed {
            Ok(list) => Some(list),
            Err(e) => {
                self.0.insert(format!("{key}#error"), e.to_string());
                None
            }
        }
    }

    /// Show (once) the error left by a refused entry.
    fn error_ui(&mut self, ui: &mut egui::Ui) {
        let keys: Vec<String> = self
            .0
            .keys()
            .filter(|k| k.ends_with("#error"))
            .cloned()
            .collect();
        for k in keys {
            if let Some(message) = self.0.remove(&k) {
                self.0.insert(format!("{k}shown"), message.clone());
            }
        }
        for (k, message) in self.0.iter().filter(|(k, _)| k.ends_with("#errorshown")) {
            let _ = k;
            ui.colored_label(egui::Color32::from_rgb(210, 45, 45), message);
        }
    }
}

fn u32_of(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Selectable choices in a wrapped row; returns the clicked one when it differs.
fn choices<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    ui.label(label);
    ui.horizontal_wrapped(|ui| choice_row(ui, current, options))
        .inner
}

/// Selectable values added to `ui` in its layout; returns the value clicked when it differs
/// from `current`.
pub(crate) fn choice_row<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    let mut out = None;
    for (value, text) in options {
        if ui.selectable_label(*value == current, text).clicked() && *value != current {
            out = Some(*value);
        }
    }
    out
}

pub(crate) fn bandwidth_options(values: &[u64]) -> Vec<(u64, String)> {
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
    let edit = if let Some(node) = design.node(&id.into()) {
        node_ui(ui, catalog, node, buffers)
    } else if let Some(link) = design.link(&id.into()) {
        link_ui(ui, design, catalog, link, buffers)
    } else {
        None
    };
    if edit.is_some() {
        // A committed change clears any earlier refusal.
        buffers.0.retain(|k, _| !k.ends_with("#errorshown"));
    }
    buffers.error_ui(ui);
    edit
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
            if let Some(asn) = b.number(
                ui,
                &format!("{}/asn", n.id),
                "BGP ASN",
                s.asn.map(u64::from),
                true,
            ) {
                return replace(NodeKind::OnPremSite(OnPremSite {
                    asn: asn.map(u32_of),
                    ..s.clone()
                }));
            }
            if let Some(prefixes) =
                b.cidrs(ui, &format!("{}/prefixes", n.id), "Prefixes", &s.prefixes)
            {
                return replace(NodeKind::OnPremSite(OnPremSite {
                    prefixes,
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
            if let Some(vnet_cidrs) =
                b.cidrs(ui, &format!("{}/vnets", n.id), "VNet CIDRs", &a.vnet_cidrs)
            {
                return replace(NodeKind::AzureRegion(AzureRegion {
                    vnet_cidrs,
                    ..a.clone()
                }));
            }
            if let Some(gw) = a
                .gateway
                .as_ref()
                .filter(|g| g.sku == ErGatewaySku::ErGwScale)
            {
                if let Some(Some(units)) = b.number(
                    ui,
                    &format!("{}/units", n.id),
                    "Scale units",
                    gw.scale_units.map(u64::from),
                    false,
                ) {
                    let gateway = Some(ErGateway {
                        scale_units: Some(u32_of(units)),
                        ..gw.clone()
                    });
                    return replace(NodeKind::AzureRegion(AzureRegion {
                        gateway,
                        ..a.clone()
                    }));
                }
            }
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
            if let Some(vpc_cidrs) =
                b.cidrs(ui, &format!("{}/vpcs", n.id), "VPC CIDRs", &a.vpc_cidrs)
            {
                return replace(NodeKind::AwsRegion(AwsRegion {
                    vpc_cidrs,
                    ..a.clone()
                }));
            }
            for (field, label, value) in [
                ("vgw", "VGW ASN", a.vgw_asn),
                ("dxgw", "DX gateway ASN", a.dx_gateway_asn),
                ("tgw", "TGW ASN", a.tgw_asn),
            ] {
                if let Some(v) = b.number(
                    ui,
                    &format!("{}/{field}", n.id),
                    label,
                    value.map(u64::from),
                    true,
                ) {
                    let v = v.map(u32_of);
                    let mut r = a.clone();
                    match field {
                        "vgw" => r.vgw_asn = v,
                        "dxgw" => r.dx_gateway_asn = v,
                        _ => r.tgw_asn = v,
                    }
                    return replace(NodeKind::AwsRegion(r));
                }
            }
            if a.attachment != AwsAttachment::VirtualPrivateGateway {
                let name = a.dx_gateway.clone().unwrap_or_default();
                if let Some(text) = b.text(ui, &format!("{}/dxgw-name", n.id), "DX gateway", &name)
                {
                    return replace(NodeKind::AwsRegion(AwsRegion {
                        dx_gateway: (!text.is_empty()).then_some(text),
                        ..a.clone()
                    }));
                }
            }
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
            let mut redundant = c.redundant_bgp;
            if ui
                .checkbox(&mut redundant, "BGP on both links (primary and secondary)")
                .changed()
            {
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    redundant_bgp: redundant,
                    ..c.clone()
                }));
            }
            let mut fastpath = c.fastpath;
            if ui.checkbox(&mut fastpath, "FastPath").changed() {
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    fastpath,
                    ..c.clone()
                }));
            }
            let private = c.peerings.private.clone();
            let mut has_private = private.is_some();
            if ui.checkbox(&mut has_private, "Private peering").changed() {
                let peerings = ErPeerings {
                    private: has_private.then(ErPrivatePeering::default),
                    ..c.peerings.clone()
                };
                return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                    peerings,
                    ..c.clone()
                }));
            }
            if let Some(p) = private {
                let with = |p: ErPrivatePeering| {
                    replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                        peerings: ErPeerings {
                            private: Some(p),
                            ..c.peerings.clone()
                        },
                        ..c.clone()
                    }))
                };
                if let Some(asn) = b.number(
                    ui,
                    &format!("{}/peer-asn", l.id),
                    "  peer ASN",
                    p.peer_asn.map(u64::from),
                    true,
                ) {
                    return with(ErPrivatePeering {
                        peer_asn: asn.map(u32_of),
                        ..p
                    });
                }
                if let Some(Some(n)) = b.number(
                    ui,
                    &format!("{}/v4", l.id),
                    "  IPv4 prefixes advertised",
                    Some(u64::from(p.advertised_ipv4_prefixes)),
                    false,
                ) {
                    return with(ErPrivatePeering {
                        advertised_ipv4_prefixes: u32_of(n),
                        ..p
                    });
                }
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
            if c.connection_type == DxConnectionType::Dedicated {
                let max = if c.capacity_mbps >= 100_000 { 2 } else { 4 };
                let members: Vec<(u32, String)> = (1..=max)
                    .map(|m| {
                        (
                            m,
                            if m == 1 {
                                "no LAG".to_string()
                            } else {
                                format!("LAG × {m}")
                            },
                        )
                    })
                    .collect();
                if let Some(lag_members) = choices(ui, "LAG", c.lag_members, &members) {
                    return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                        lag_members,
                        ..c.clone()
                    }));
                }
                let macsec_offered = c.capacity_mbps >= 10_000
                    && location.is_none_or(|l| l.macsec_speeds_mbps.contains(&c.capacity_mbps));
                let mut macsec = c.macsec;
                if ui
                    .add_enabled(
                        macsec_offered || c.macsec,
                        egui::Checkbox::new(&mut macsec, "MACsec"),
                    )
                    .changed()
                {
                    return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                        macsec,
                        ..c.clone()
                    }));
                }
            }
            // Virtual interfaces: type, and the MTUs that type allows.
            for (i, vif) in c.vifs.iter().enumerate() {
                ui.separator();
                ui.label(format!("VIF \"{}\"", vif.name));
                let with = |v: VirtualInterface| {
                    let mut vifs = c.vifs.clone();
                    vifs[i] = v;
                    replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                        vifs,
                        ..c.clone()
                    }))
                };
                let types = [VifType::Private, VifType::Transit, VifType::Public]
                    .map(|t| (t, t.label().to_string()));
                if let Some(vif_type) = choices(ui, "  type", vif.vif_type, &types) {
                    return with(VirtualInterface {
                        vif_type,
                        mtu: 1500,
                        ..vif.clone()
                    });
                }
                let mtus: &[u32] = match vif.vif_type {
                    VifType::Private => &[1500, 9001],
                    VifType::Transit => &[1500, 8500],
                    VifType::Public => &[1500],
                };
                let options: Vec<(u32, String)> =
                    mtus.iter().map(|&m| (m, format!("MTU {m}"))).collect();
                if let Some(mtu) = choices(ui, "  MTU", vif.mtu, &options) {
                    return with(VirtualInterface { mtu, ..vif.clone() });
                }
                if let Some(Some(vlan)) = b.number(
                    ui,
                    &format!("{}/vif{i}/vlan", l.id),
                    "  VLAN",
                    Some(u64::from(vif.vlan)),
                    false,
                ) {
                    return with(VirtualInterface {
                        vlan: u16::try_from(vlan).unwrap_or(u16::MAX),
                        ..vif.clone()
                    });
                }
                if let Some(Some(asn)) = b.number(
                    ui,
                    &format!("{}/vif{i}/asn", l.id),
                    "  customer ASN",
                    Some(u64::from(vif.customer_asn)),
                    false,
                ) {
                    return with(VirtualInterface {
                        customer_asn: u32_of(asn),
                        ..vif.clone()
                    });
                }
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

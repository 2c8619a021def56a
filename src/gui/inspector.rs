//! The inspector: the selected element's properties, offering only valid choices from the
//! catalog (bandwidths the ExpressRoute SKU and port allow, Direct Connect speeds offered at the
//! location). It proposes one edit per committed change: a choice clicked, or a text field left.

use crate::catalog::Catalog;
use crate::edit::Edit;
use crate::model::mbps;
use crate::model::*;
use crate::offers;
use eframe::egui;
use std::collections::HashMap;

/// A string property for `Buffers::text_fields`: key, label, and where it lives.
type Field<T> = (&'static str, &'static str, fn(&mut T) -> &mut String);

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

    /// One text field per string property of `value`; returns a copy of `value` with the one
    /// property the user changed.
    fn text_fields<T: Clone>(
        &mut self,
        ui: &mut egui::Ui,
        id: &str,
        value: &T,
        fields: &[Field<T>],
    ) -> Option<T> {
        for (key, label, field) in fields {
            let mut copy = value.clone();
            let current = field(&mut copy).clone();
            if let Some(text) = self.text(ui, &format!("{id}/{key}"), label, &current) {
                *field(&mut copy) = text;
                return Some(copy);
            }
        }
        None
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

    /// A monthly cost in USD ("" clears it); a bad entry is refused with a message.
    fn money(&mut self, ui: &mut egui::Ui, key: &str, current: Option<Usd>) -> Option<Option<Usd>> {
        let text = current.map(|u| u.to_string()).unwrap_or_default();
        let entered = self.text(ui, key, "Monthly USD", &text)?;
        if entered.is_empty() {
            return Some(None);
        }
        match entered
            .trim_start_matches('$')
            .replace(',', "")
            .parse::<Usd>()
        {
            Ok(usd) => Some(Some(usd)),
            Err(e) => {
                self.0.insert(format!("{key}#error"), e.to_string());
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
        node_ui(ui, design, catalog, node, buffers)
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

fn node_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    n: &Node,
    b: &mut Buffers,
) -> Option<Edit> {
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
    if let Some(notes) = b.text(ui, &format!("{}/notes", n.id), "Notes", &n.notes) {
        return Some(Edit::ReplaceNode {
            node: Node { notes, ..n.clone() },
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
            let fields: [Field<ColocationFacility>; 3] = [
                ("operator", "Operator", |f| &mut f.operator),
                ("facility", "Facility", |f| &mut f.facility_name),
                ("metro", "Metro", |f| &mut f.metro),
            ];
            if let Some(g) = b.text_fields(ui, n.id.as_str(), f, &fields) {
                return replace(NodeKind::ColocationFacility(g));
            }
            if let Some(edit) = direct_ports_ui(ui, design, catalog, n, f) {
                return Some(edit);
            }
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
            if let Some(vpn_gateway) = vpn_gateway_ui(ui, a.vpn_gateway.as_ref()) {
                return replace(NodeKind::AzureRegion(AzureRegion {
                    vpn_gateway,
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
            if let Some(r) = tgw_attachments_ui(ui, n.id.as_str(), a, b) {
                return replace(NodeKind::AwsRegion(r));
            }
        }
        NodeKind::FabricRouter(r) => {
            let fields: [Field<FabricRouter>; 3] = [
                ("operator", "Operator", |r| &mut r.operator),
                ("metro", "Metro", |r| &mut r.metro),
                ("zone", "Diversity zone", |r| &mut r.diversity_zone),
            ];
            if let Some(g) = b.text_fields(ui, n.id.as_str(), r, &fields) {
                return replace(NodeKind::FabricRouter(g));
            }
            if let Some(asn) = b.number(
                ui,
                &format!("{}/asn", n.id),
                "BGP ASN",
                r.asn.map(u64::from),
                true,
            ) {
                return replace(NodeKind::FabricRouter(FabricRouter {
                    asn: asn.map(u32_of),
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
    if let Some(name) = b.text(ui, &format!("{}/name", l.id), "Name", &l.name) {
        return Some(Edit::ReplaceLink {
            link: Link { name, ..l.clone() },
        });
    }
    if let Some(notes) = b.text(ui, &format!("{}/notes", l.id), "Notes", &l.notes) {
        return Some(Edit::ReplaceLink {
            link: Link { notes, ..l.clone() },
        });
    }
    let facility = design.end_nodes(l).find_map(|n| n.as_facility());
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
                Some(p) => offers::er::direct_sizes_mbps(p.port_speed_mbps).to_vec(),
                None => offers::er::provider_sizes_mbps(c.sku_tier),
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
            if let Some(edit) = er_connection_ui(ui, l, c, facility) {
                return Some(edit);
            }
            if c.direct_port.is_none() {
                if let Some(provider) =
                    b.text(ui, &format!("{}/provider", l.id), "Provider", &c.provider)
                {
                    return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                        provider,
                        ..c.clone()
                    }));
                }
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
            if let Some(edit) = er_more_ui(ui, design, catalog, l, c, b) {
                return Some(edit);
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
            let speeds = offers::dx::capacities_mbps(c.connection_type, location);
            if let Some(capacity_mbps) =
                choices(ui, "Capacity", c.capacity_mbps, &bandwidth_options(&speeds))
            {
                return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                    capacity_mbps,
                    ..c.clone()
                }));
            }
            if c.connection_type == DxConnectionType::Hosted {
                if let Some(partner) =
                    b.text(ui, &format!("{}/partner", l.id), "Partner", &c.partner)
                {
                    return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                        partner,
                        ..c.clone()
                    }));
                }
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
                let max = offers::dx::max_lag_members(c.capacity_mbps);
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
                let with_vifs = |vifs: Vec<VirtualInterface>| {
                    replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                        vifs,
                        ..c.clone()
                    }))
                };
                let with = |v: VirtualInterface| {
                    let mut vifs = c.vifs.clone();
                    vifs[i] = v;
                    with_vifs(vifs)
                };
                let remove = ui
                    .horizontal(|ui| {
                        ui.label(format!("VIF \"{}\"", vif.name));
                        ui.small_button(format!("Remove VIF {}", vif.name))
                            .clicked()
                    })
                    .inner;
                if remove {
                    let mut vifs = c.vifs.clone();
                    vifs.remove(i);
                    return with_vifs(vifs);
                }
                if let Some(name) =
                    b.text(ui, &format!("{}/vif{i}/name", l.id), "  name", &vif.name)
                {
                    return with(VirtualInterface {
                        name,
                        ..vif.clone()
                    });
                }
                let types = [VifType::Private, VifType::Transit, VifType::Public]
                    .map(|t| (t, t.label().to_string()));
                if let Some(vif_type) = choices(ui, "  type", vif.vif_type, &types) {
                    return with(VirtualInterface {
                        vif_type,
                        mtu: 1500,
                        ..vif.clone()
                    });
                }
                let mtus = offers::dx::mtus(vif.vif_type);
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
                if let Some(Some(n)) = b.number(
                    ui,
                    &format!("{}/vif{i}/prefixes", l.id),
                    "  prefixes advertised",
                    Some(u64::from(vif.advertised_prefixes)),
                    false,
                ) {
                    return with(VirtualInterface {
                        advertised_prefixes: u32_of(n),
                        ..vif.clone()
                    });
                }
                // SiteLink: transit VIFs, and private VIFs on a DX gateway (DX-SL-1).
                let attachment = design
                    .end_nodes(l)
                    .find_map(|n| n.as_aws())
                    .map(|a| a.attachment);
                let sitelink_offered = match vif.vif_type {
                    VifType::Transit => true,
                    VifType::Private => attachment != Some(AwsAttachment::VirtualPrivateGateway),
                    VifType::Public => false,
                };
                if sitelink_offered || vif.sitelink {
                    let mut sitelink = vif.sitelink;
                    if ui.checkbox(&mut sitelink, "  SiteLink").changed() {
                        return with(VirtualInterface {
                            sitelink,
                            ..vif.clone()
                        });
                    }
                }
            }
            if let Some(vif) = add_vif_ui(ui, c, design, l) {
                let mut vifs = c.vifs.clone();
                vifs.push(vif);
                return replace(LinkKind::DirectConnectConnection(DirectConnectConnection {
                    vifs,
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
            // The edge routers of the site it starts from.
            let routers: Vec<String> = design
                .end_nodes(l)
                .find_map(|n| n.as_site())
                .map(|s| s.edge_routers.clone())
                .unwrap_or_default();
            if !routers.is_empty() {
                let options: Vec<(Option<&str>, String)> =
                    std::iter::once((None, "not stated".to_string()))
                        .chain(routers.iter().map(|r| (Some(r.as_str()), r.clone())))
                        .collect();
                if let Some(router) = choices(ui, "Edge router", c.edge_router.as_deref(), &options)
                {
                    return replace(LinkKind::AccessCircuit(AccessCircuit {
                        edge_router: router.map(str::to_string),
                        ..c.clone()
                    }));
                }
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
            if let Some(monthly_usd) = b.money(ui, &format!("{}/cost", l.id), c.monthly_usd) {
                return replace(LinkKind::AccessCircuit(AccessCircuit {
                    monthly_usd,
                    ..c.clone()
                }));
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
            if let Some(Some(bandwidth_mbps)) = b.number(
                ui,
                &format!("{}/bandwidth", l.id),
                "Internet bandwidth (Mbps)",
                Some(v.bandwidth_mbps),
                false,
            ) {
                return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                    bandwidth_mbps,
                    ..v.clone()
                }));
            }
            let mut large = v.large_tunnels;
            if ui.checkbox(&mut large, "Large tunnels (5 Gbps)").changed() {
                return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                    large_tunnels: large,
                    ..v.clone()
                }));
            }
            let to_aws = design.end_nodes(l).any(|n| n.as_aws().is_some());
            if to_aws || v.on_transit_gateway {
                let mut tgw = v.on_transit_gateway;
                if ui
                    .checkbox(&mut tgw, "On the Transit Gateway (ECMP over tunnels)")
                    .changed()
                {
                    return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                        on_transit_gateway: tgw,
                        ..v.clone()
                    }));
                }
            }
            ui.small(format!("Usable throughput: {}", mbps(v.throughput_mbps())));
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
            if let Some(operator) =
                b.text(ui, &format!("{}/operator", l.id), "Operator", &f.operator)
            {
                return replace(LinkKind::FabricConnection(FabricConnection {
                    operator,
                    ..f.clone()
                }));
            }
            if let Some(monthly_usd) = b.money(ui, &format!("{}/cost", l.id), f.monthly_usd) {
                return replace(LinkKind::FabricConnection(FabricConnection {
                    monthly_usd,
                    ..f.clone()
                }));
            }
        }
    }
    None
}

/// The Azure VPN gateway: none or a SKU, its generation (offered only where the SKU exists in
/// both) and zone redundancy (AZ SKUs); shows the documented aggregate throughput. Returns the
/// new gateway when the user changes it.
fn vpn_gateway_ui(ui: &mut egui::Ui, current: Option<&VpnGateway>) -> Option<Option<VpnGateway>> {
    let options: Vec<(Option<VpnGatewaySku>, String)> =
        std::iter::once((None, "no VPN gateway".to_string()))
            .chain(
                VpnGatewaySku::ALL
                    .iter()
                    .map(|&s| (Some(s), s.label().to_string())),
            )
            .collect();
    if let Some(sku) = choices(ui, "VPN gateway", current.map(|g| g.sku), &options) {
        return Some(sku.map(|sku| {
            VpnGateway {
                sku,
                // A generation the new SKU does not exist in is dropped.
                generation: current
                    .and_then(|g| g.generation)
                    .filter(|g| sku.generations().contains(g)),
                zone_redundant: sku.is_az(),
            }
        }));
    }
    let gw = current?;
    if gw.sku.generations().len() > 1 {
        let options: Vec<(Option<VpnGatewayGeneration>, String)> =
            std::iter::once((None, "generation not stated".to_string()))
                .chain(
                    gw.sku
                        .generations()
                        .iter()
                        .map(|&g| (Some(g), g.label().to_string())),
                )
                .collect();
        if let Some(generation) = choices(ui, "VPN gateway generation", gw.generation, &options) {
            return Some(Some(VpnGateway {
                generation,
                ..gw.clone()
            }));
        }
    }
    if gw.sku.is_az() {
        let mut zone_redundant = gw.zone_redundant;
        if ui
            .checkbox(&mut zone_redundant, "VPN gateway zone-redundant")
            .changed()
        {
            return Some(Some(VpnGateway {
                zone_redundant,
                ..gw.clone()
            }));
        }
    }
    ui.small(match gw.max_throughput_mbps() {
        Some(v) => format!("Aggregate throughput benchmark: {}", mbps(v)),
        None => "Aggregate throughput benchmark: depends on the generation".to_string(),
    });
    None
}

/// The Transit Gateway's VPC and peering attachments: each listed with its name editable and a
/// remove button; "Add VPC attachment" adds one, and a peer region typed in "Add peering to
/// region" adds a peering to it. Returns the region with the one change.
fn tgw_attachments_ui(
    ui: &mut egui::Ui,
    id: &str,
    a: &AwsRegion,
    b: &mut Buffers,
) -> Option<AwsRegion> {
    let has_tgw = a.attachment == AwsAttachment::DxGatewayTgw;
    if !has_tgw && a.tgw_vpc_attachments.is_empty() && a.tgw_peering_attachments.is_empty() {
        return None;
    }
    ui.label("Transit Gateway VPC attachments");
    for (i, vpc) in a.tgw_vpc_attachments.iter().enumerate() {
        let mut out = None;
        ui.horizontal(|ui| {
            if let Some(name) = b.text(ui, &format!("{id}/tgw-vpc/{i}"), "  VPC", &vpc.name) {
                let mut r = a.clone();
                if name.is_empty() {
                    r.tgw_vpc_attachments.remove(i);
                } else {
                    r.tgw_vpc_attachments[i].name = name;
                }
                out = Some(r);
            }
            if ui
                .small_button(format!("Remove VPC attachment {}", vpc.name))
                .clicked()
            {
                let mut r = a.clone();
                r.tgw_vpc_attachments.remove(i);
                out = Some(r);
            }
        });
        if out.is_some() {
            return out;
        }
    }
    if ui.button("Add VPC attachment").clicked() {
        let name = (1..)
            .map(|i| format!("vpc-{i}"))
            .find(|n| a.tgw_vpc_attachments.iter().all(|v| &v.name != n))
            .unwrap_or_default();
        let mut r = a.clone();
        r.tgw_vpc_attachments.push(TgwVpcAttachment { name });
        return Some(r);
    }
    ui.label("Transit Gateway peering attachments");
    for (i, peering) in a.tgw_peering_attachments.iter().enumerate() {
        let mut out = None;
        ui.horizontal(|ui| {
            if let Some(name) = b.text(
                ui,
                &format!("{id}/tgw-peering/{i}"),
                &format!("  to {}", peering.peer_region),
                &peering.name,
            ) {
                let mut r = a.clone();
                if name.is_empty() {
                    r.tgw_peering_attachments.remove(i);
                } else {
                    r.tgw_peering_attachments[i].name = name;
                }
                out = Some(r);
            }
            if ui
                .small_button(format!("Remove peering {}", peering.name))
                .clicked()
            {
                let mut r = a.clone();
                r.tgw_peering_attachments.remove(i);
                out = Some(r);
            }
        });
        if out.is_some() {
            return out;
        }
    }
    let peer_region = b.text(
        ui,
        &format!("{id}/tgw-peering-new"),
        "Add peering to region",
        "",
    )?;
    if peer_region.is_empty() {
        return None;
    }
    let base = format!("{}-{peer_region}", a.region);
    let name = std::iter::once(base.clone())
        .chain((2..).map(|i| format!("{base}-{i}")))
        .find(|n| a.tgw_peering_attachments.iter().all(|p| &p.name != n))
        .unwrap_or(base);
    let mut r = a.clone();
    r.tgw_peering_attachments
        .push(TgwPeeringAttachment { name, peer_region });
    Some(r)
}

/// ExpressRoute Direct port pairs of a facility: listed, removable when no circuit uses them,
/// and addable (10 or 100 Gbps, ER-DIR-1) where the peering location offers ER Direct.
fn direct_ports_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    n: &Node,
    f: &ColocationFacility,
) -> Option<Edit> {
    let offered = f
        .er_peering_location
        .as_deref()
        .and_then(|l| catalog.er_location(l))
        .is_some_and(|l| l.er_direct);
    if !offered && f.er_direct_ports.is_empty() {
        return None;
    }
    let with = |ports: Vec<ErDirectPort>| {
        Some(Edit::ReplaceNode {
            node: Node {
                kind: NodeKind::ColocationFacility(ColocationFacility {
                    er_direct_ports: ports,
                    ..f.clone()
                }),
                ..n.clone()
            },
        })
    };
    ui.label("ExpressRoute Direct port pairs");
    for (i, port) in f.er_direct_ports.iter().enumerate() {
        let users: Vec<&str> = design
            .links
            .iter()
            .filter(|l| {
                (l.a == n.id || l.b == n.id)
                    && l.as_er().and_then(|c| c.direct_port.as_deref()) == Some(port.id.as_str())
            })
            .map(|l| l.label())
            .collect();
        let remove = ui
            .horizontal(|ui| {
                ui.label(format!("  {}: 2 × {}", port.id, mbps(port.port_speed_mbps)));
                let button = ui.add_enabled(
                    users.is_empty(),
                    egui::Button::new(format!("Remove port {}", port.id)).small(),
                );
                let button = if users.is_empty() {
                    button
                } else {
                    button.on_disabled_hover_text(format!("used by {}", users.join(", ")))
                };
                button.clicked()
            })
            .inner;
        if remove {
            let mut ports = f.er_direct_ports.clone();
            ports.remove(i);
            return with(ports);
        }
    }
    if offered {
        let add = ui
            .horizontal_wrapped(|ui| {
                let mut add = None;
                for speed in [10_000u64, 100_000] {
                    if ui
                        .button(format!("Add {} port pair", mbps(speed)))
                        .clicked()
                    {
                        add = Some(speed);
                    }
                }
                add
            })
            .inner;
        if let Some(port_speed_mbps) = add {
            let id = (1..)
                .map(|i| format!("erd-{i}"))
                .find(|id| f.er_direct_ports.iter().all(|p| &p.id != id))
                .unwrap_or_default();
            let mut ports = f.er_direct_ports.clone();
            ports.push(ErDirectPort {
                id,
                port_speed_mbps,
            });
            return with(ports);
        }
    } else {
        ui.small("This peering location does not offer ExpressRoute Direct (ER-DIR-3).");
    }
    None
}

/// Provider circuit, or a circuit carved from one of the facility's ExpressRoute Direct ports;
/// the bandwidth follows to a size the new choice allows.
fn er_connection_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    facility: Option<&ColocationFacility>,
) -> Option<Edit> {
    let ports = facility.map_or(&[][..], |f| f.er_direct_ports.as_slice());
    if ports.is_empty() && c.direct_port.is_none() {
        return None;
    }
    let options: Vec<(Option<&str>, String)> = std::iter::once((None, "provider".to_string()))
        .chain(ports.iter().map(|p| {
            (
                Some(p.id.as_str()),
                format!("ER Direct {} ({})", p.id, mbps(p.port_speed_mbps)),
            )
        }))
        .collect();
    let chosen = choices(ui, "Connection", c.direct_port.as_deref(), &options)?;
    let sizes: Vec<u64> = match chosen.and_then(|id| ports.iter().find(|p| p.id == id)) {
        Some(p) => offers::er::direct_sizes_mbps(p.port_speed_mbps).to_vec(),
        None => offers::er::provider_sizes_mbps(c.sku_tier),
    };
    let bandwidth_mbps = if sizes.contains(&c.bandwidth_mbps) {
        c.bandwidth_mbps
    } else {
        sizes
            .iter()
            .copied()
            .find(|&s| s >= c.bandwidth_mbps)
            .or(sizes.last().copied())
            .unwrap_or(c.bandwidth_mbps)
    };
    Some(Edit::ReplaceLink {
        link: Link {
            kind: LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                direct_port: chosen.map(str::to_string),
                provider: if chosen.is_some() {
                    String::new()
                } else {
                    c.provider.clone()
                },
                bandwidth_mbps,
                ..c.clone()
            }),
            ..l.clone()
        },
    })
}

/// Private-peering IPv6, Microsoft peering, VNet links, ExpressRoute Metro and Global Reach.
fn er_more_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let replace_with = |c: ExpressRouteCircuit| {
        Some(Edit::ReplaceLink {
            link: Link {
                kind: LinkKind::ExpressRouteCircuit(c),
                ..l.clone()
            },
        })
    };
    if let Some(p) = &c.peerings.private {
        if let Some(Some(n)) = b.number(
            ui,
            &format!("{}/v6", l.id),
            "  IPv6 prefixes advertised",
            Some(u64::from(p.advertised_ipv6_prefixes)),
            false,
        ) {
            let mut c = c.clone();
            if let Some(p) = c.peerings.private.as_mut() {
                p.advertised_ipv6_prefixes = u32_of(n);
            }
            return replace_with(c);
        }
    }
    let mut has_microsoft = c.peerings.microsoft.is_some();
    if ui
        .checkbox(&mut has_microsoft, "Microsoft peering")
        .changed()
    {
        let mut c = c.clone();
        c.peerings.microsoft = has_microsoft.then(ErMicrosoftPeering::default);
        return replace_with(c);
    }
    if let Some(m) = &c.peerings.microsoft {
        let with = |m: ErMicrosoftPeering| {
            let mut c = c.clone();
            c.peerings.microsoft = Some(m);
            replace_with(c)
        };
        if let Some(asn) = b.number(
            ui,
            &format!("{}/ms-asn", l.id),
            "  peer ASN",
            m.peer_asn.map(u64::from),
            true,
        ) {
            return with(ErMicrosoftPeering {
                peer_asn: asn.map(u32_of),
                ..m.clone()
            });
        }
        if let Some(Some(n)) = b.number(
            ui,
            &format!("{}/ms-v4", l.id),
            "  IPv4 prefixes advertised",
            Some(u64::from(m.advertised_ipv4_prefixes)),
            false,
        ) {
            return with(ErMicrosoftPeering {
                advertised_ipv4_prefixes: u32_of(n),
                ..m.clone()
            });
        }
        let mut filter = m.route_filter;
        if ui
            .checkbox(&mut filter, "  Route filter attached")
            .changed()
        {
            return with(ErMicrosoftPeering {
                route_filter: filter,
                ..m.clone()
            });
        }
        let mut m365 = m.microsoft_365;
        if ui
            .checkbox(&mut m365, "  Microsoft 365 over this peering")
            .changed()
        {
            return with(ErMicrosoftPeering {
                microsoft_365: m365,
                ..m.clone()
            });
        }
    }
    if let Some(Some(n)) = b.number(
        ui,
        &format!("{}/vnets", l.id),
        "VNet links",
        Some(u64::from(c.vnet_links)),
        false,
    ) {
        return replace_with(ExpressRouteCircuit {
            vnet_links: u32_of(n),
            ..c.clone()
        });
    }

    // ExpressRoute Metro: the second facility must be at the documented partner location.
    let here = design.end_nodes(l).find(|n| n.as_facility().is_some());
    let location = here
        .and_then(|n| n.as_facility())
        .and_then(|f| f.er_peering_location.as_deref());
    let partner = location.and_then(crate::rules::metro_partner);
    if partner.is_some() || c.metro_secondary_facility.is_some() {
        let candidates: Vec<&Node> = design
            .nodes
            .iter()
            .filter(|n| Some(&n.id) != here.map(|h| &h.id))
            .filter(|n| {
                n.as_facility()
                    .and_then(|f| f.er_peering_location.as_deref())
                    .zip(partner)
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
                    || Some(&n.id) == c.metro_secondary_facility.as_ref()
            })
            .collect();
        let options: Vec<(Option<&str>, String)> =
            std::iter::once((None, "not a Metro circuit".to_string()))
                .chain(
                    candidates
                        .iter()
                        .map(|n| (Some(n.id.as_str()), format!("Metro with {}", n.name))),
                )
                .collect();
        let current = c.metro_secondary_facility.as_ref().map(|id| id.as_str());
        if let Some(second) = choices(ui, "ExpressRoute Metro", current, &options) {
            return replace_with(ExpressRouteCircuit {
                metro_secondary_facility: second.map(NodeId::from),
                ..c.clone()
            });
        }
        if candidates.is_empty() {
            if let Some(p) = partner {
                ui.small(format!(
                    "Add a facility at the {p} peering location to make this a Metro circuit."
                ));
            }
        }
    }

    // Global Reach: other circuits at another peering location that are not Local. Every
    // circuit of the design is looked at, every frame: their facilities come from one table,
    // not a scan of all nodes per circuit (that cost ~60 ms a frame at 10,000 sites).
    let facilities: rustc_hash::FxHashMap<&str, &ColocationFacility> = design
        .nodes
        .iter()
        .filter_map(|n| Some((n.id.as_str(), n.as_facility()?)))
        .collect();
    let location_of = |link: &Link| {
        [&link.a, &link.b]
            .into_iter()
            .find_map(|id| facilities.get(id.as_str()))
            .and_then(|f| f.er_peering_location.as_deref())
    };
    let mine = location_of(l);
    let partners: Vec<&Link> = design
        .links
        .iter()
        .filter(|o| o.id != l.id)
        .filter(|o| {
            let joined = c.global_reach.contains(&o.id)
                || o.as_er().is_some_and(|oc| oc.global_reach.contains(&l.id));
            let eligible = o.as_er().is_some_and(|oc| oc.sku_tier != ErSkuTier::Local)
                && c.sku_tier != ErSkuTier::Local
                && location_of(o) != mine;
            o.as_er().is_some() && (joined || eligible)
        })
        .collect();
    if !partners.is_empty() {
        ui.label("Global Reach with");
        for o in partners {
            let theirs = o.as_er().is_some_and(|oc| oc.global_reach.contains(&l.id));
            let mut joined = c.global_reach.contains(&o.id) || theirs;
            let at = location_of(o)
                .and_then(|loc| catalog.er_location(loc).map(|x| x.name.clone()))
                .unwrap_or_else(|| "unknown location".into());
            if ui
                .checkbox(&mut joined, format!("  {} ({at})", o.label()))
                .changed()
            {
                let mut mine = c.clone();
                mine.global_reach.retain(|x| x != &o.id);
                if joined {
                    mine.global_reach.push(o.id.clone());
                }
                let mut edits = vec![Edit::ReplaceLink {
                    link: Link {
                        kind: LinkKind::ExpressRouteCircuit(mine),
                        ..l.clone()
                    },
                }];
                // Leaving Global Reach removes the pair from both circuits, in one step.
                if let (false, true, Some(oc)) = (joined, theirs, o.as_er()) {
                    let mut theirs = oc.clone();
                    theirs.global_reach.retain(|x| x != &l.id);
                    edits.push(Edit::ReplaceLink {
                        link: Link {
                            kind: LinkKind::ExpressRouteCircuit(theirs),
                            ..o.clone()
                        },
                    });
                }
                return Some(Edit::Batch(edits));
            }
        }
    }
    None
}

/// Buttons adding a VIF of each type the connection can still take: one VIF on a hosted
/// connection (DX-VIF-3); on a dedicated one up to 50 private and public VIFs (DX-VIF-1) and 4
/// transit VIFs (DX-VIF-2); private VIFs need a VGW or a DX gateway with VGWs, transit VIFs a DX
/// gateway with a Transit Gateway (DX-GW-7, DX-GW-8).
fn add_vif_ui(
    ui: &mut egui::Ui,
    c: &DirectConnectConnection,
    design: &Design,
    l: &Link,
) -> Option<VirtualInterface> {
    let attachment = design
        .end_nodes(l)
        .find_map(|n| n.as_aws())
        .map(|a| a.attachment);
    let count = |t: VifType| c.vifs.iter().filter(|v| v.vif_type == t).count();
    let mut offered: Vec<VifType> = Vec::new();
    if c.connection_type == DxConnectionType::Hosted {
        if c.vifs.is_empty() {
            offered = vec![VifType::Private, VifType::Transit, VifType::Public];
        } else {
            ui.small("A hosted connection carries one VIF (DX-VIF-3).");
        }
    } else {
        if count(VifType::Private) + count(VifType::Public) < 50 {
            offered.extend([VifType::Private, VifType::Public]);
        }
        if count(VifType::Transit) < 4 {
            offered.push(VifType::Transit);
        }
    }
    offered.retain(|t| match (t, attachment) {
        (VifType::Private, Some(AwsAttachment::DxGatewayTgw)) => false,
        (VifType::Transit, Some(a)) => a == AwsAttachment::DxGatewayTgw,
        _ => true,
    });
    if offered.is_empty() {
        return None;
    }
    ui.separator();
    let chosen = ui
        .horizontal_wrapped(|ui| {
            let mut chosen = None;
            for t in offered {
                if ui.button(format!("Add {} VIF", t.label())).clicked() {
                    chosen = Some(t);
                }
            }
            chosen
        })
        .inner?;
    // A VLAN not yet used on this connection (DX-VIF-5: 1-4094, unique).
    let vlan = (100u16..=4094)
        .chain(1..100)
        .find(|v| c.vifs.iter().all(|x| x.vlan != *v))
        .unwrap_or(1);
    let name = (1..)
        .map(|i| format!("{}-{i}", chosen.label()))
        .find(|n| c.vifs.iter().all(|x| &x.name != n))
        .unwrap_or_default();
    Some(VirtualInterface {
        name,
        vif_type: chosen,
        vlan,
        customer_asn: 65_000,
        mtu: 1500,
        advertised_prefixes: 0,
        sitelink: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct State {
        design: Design,
        catalog: Catalog,
        buffers: Buffers,
        selected: &'static str,
    }

    /// The inspector of one element, its edits applied as the app applies them.
    fn harness(selected: &'static str) -> Harness<'static, State> {
        let mut design = Design::new("inspector");
        design.nodes = vec![
            Node {
                id: "az".into(),
                name: "Azure East US".into(),
                position: Point::new(0.0, 0.0),
                notes: String::new(),
                kind: NodeKind::AzureRegion(AzureRegion {
                    region: "eastus".into(),
                    ..Default::default()
                }),
            },
            Node {
                id: "aws".into(),
                name: "AWS us-east-1".into(),
                position: Point::new(100.0, 0.0),
                notes: String::new(),
                kind: NodeKind::AwsRegion(AwsRegion {
                    region: "us-east-1".into(),
                    attachment: AwsAttachment::DxGatewayTgw,
                    dx_gateway: Some("dxgw".into()),
                    vgw_asn: None,
                    dx_gateway_asn: Some(64600),
                    tgw_asn: Some(64700),
                    tgw_vpc_attachments: vec![],
                    tgw_peering_attachments: vec![],
                    vpc_cidrs: vec![],
                }),
            },
        ];
        let state = State {
            design,
            catalog: Catalog::builtin().expect("catalog"),
            buffers: Buffers::default(),
            selected,
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(900.0, 900.0))
            .build_ui_state(
                |ui, s: &mut State| {
                    if let Some(edit) =
                        inspector_ui(ui, &s.design, &s.catalog, s.selected, &mut s.buffers)
                    {
                        crate::edit::apply(&mut s.design, edit).expect("a valid edit");
                    }
                },
                state,
            );
        h.run_steps(2);
        h
    }

    fn aws(h: &Harness<'static, State>) -> AwsRegion {
        h.state().design.nodes[1].as_aws().cloned().unwrap()
    }

    #[test]
    fn the_azure_vpn_gateway_sku_and_generation_are_chosen_in_the_inspector() {
        let mut h = harness("az");
        assert!(h.query_by_label("no VPN gateway").is_some());
        h.get_by_label("VpnGw3AZ").click();
        h.run_steps(2);
        let gw = |h: &Harness<'static, State>| {
            h.state().design.nodes[0]
                .as_azure()
                .and_then(|a| a.vpn_gateway.clone())
        };
        let chosen = gw(&h).expect("a VPN gateway");
        assert_eq!(chosen.sku, VpnGatewaySku::VpnGw3Az);
        assert!(chosen.zone_redundant);
        assert_eq!(chosen.generation, None);
        assert!(
            h.query_by_label("Aggregate throughput benchmark: depends on the generation")
                .is_some()
        );
        h.get_by_label("Generation2").click();
        h.run_steps(2);
        assert_eq!(
            gw(&h).and_then(|g| g.generation),
            Some(VpnGatewayGeneration::Generation2)
        );
        assert!(
            h.query_by_label("Aggregate throughput benchmark: 2.5 Gbps")
                .is_some()
        );
        h.get_by_label("no VPN gateway").click();
        h.run_steps(2);
        assert_eq!(gw(&h), None);
    }

    #[test]
    fn transit_gateway_vpc_attachments_are_added_and_removed_in_the_inspector() {
        let mut h = harness("aws");
        h.get_by_label("Add VPC attachment").click();
        h.run_steps(2);
        h.get_by_label("Add VPC attachment").click();
        h.run_steps(2);
        let names: Vec<String> = aws(&h)
            .tgw_vpc_attachments
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["vpc-1", "vpc-2"]);
        h.get_by_label("Remove VPC attachment vpc-1").click();
        h.run_steps(2);
        assert_eq!(aws(&h).tgw_vpc_attachments.len(), 1);
        assert_eq!(aws(&h).tgw_vpc_attachments[0].name, "vpc-2");
        // A stated peering is listed with its peer region and can be removed.
        if let NodeKind::AwsRegion(r) = &mut h.state_mut().design.nodes[1].kind {
            r.tgw_peering_attachments.push(TgwPeeringAttachment {
                name: "use1-euw1".into(),
                peer_region: "eu-west-1".into(),
            });
        }
        h.run_steps(2);
        assert!(h.query_by_label("  to eu-west-1").is_some());
        h.get_by_label("Remove peering use1-euw1").click();
        h.run_steps(2);
        assert!(aws(&h).tgw_peering_attachments.is_empty());
    }
}

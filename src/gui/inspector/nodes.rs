//! The sections of the nodes, one function per kind of node.

use super::*;

/// What a node's section reads besides the node's own kind.
#[derive(Clone, Copy)]
pub(super) struct NodeCx<'a> {
    pub(super) design: &'a Design,
    pub(super) catalog: &'a Catalog,
    pub(super) n: &'a Node,
}

/// The edit that gives the node another kind (another value of its properties).
pub(super) fn replace_node(n: &Node, kind: NodeKind) -> Option<Edit> {
    Some(Edit::ReplaceNode {
        node: Node { kind, ..n.clone() },
    })
}

/// An on-prem site: metro, edge routers, ASN, prefixes.
pub(super) fn site_ui(
    ui: &mut egui::Ui,
    cx: NodeCx<'_>,
    s: &OnPremSite,
    b: &mut Buffers,
) -> Option<Edit> {
    let NodeCx { n, .. } = cx;
    let replace = |kind: NodeKind| replace_node(n, kind);
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
    if let Some(prefixes) = b.cidrs(ui, &format!("{}/prefixes", n.id), "Prefixes", &s.prefixes) {
        return replace(NodeKind::OnPremSite(OnPremSite {
            prefixes,
            ..s.clone()
        }));
    }

    None
}

/// A colocation facility: operator, name, metro, its ExpressRoute and Direct Connect locations, ER Direct ports.
pub(super) fn facility_ui(
    ui: &mut egui::Ui,
    cx: NodeCx<'_>,
    f: &ColocationFacility,
    b: &mut Buffers,
) -> Option<Edit> {
    let NodeCx { design, catalog, n } = cx;
    let replace = |kind: NodeKind| replace_node(n, kind);
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

    None
}

/// An Azure region: region, ExpressRoute gateway, VPN gateway, VNet prefixes.
pub(super) fn azure_region_ui(
    ui: &mut egui::Ui,
    cx: NodeCx<'_>,
    a: &AzureRegion,
    b: &mut Buffers,
) -> Option<Edit> {
    let NodeCx { n, .. } = cx;
    let replace = |kind: NodeKind| replace_node(n, kind);
    if let Some(vnet_cidrs) = b.cidrs(ui, &format!("{}/vnets", n.id), "VNet CIDRs", &a.vnet_cidrs) {
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
    if let Some(sku) = choices(
        ui,
        "ExpressRoute gateway",
        a.gateway.as_ref().map(|g| g.sku),
        &er_gateway_options(),
    ) {
        return replace(NodeKind::AzureRegion(AzureRegion {
            gateway: er_gateway_of(sku),
            ..a.clone()
        }));
    }
    if let Some(vpn_gateway) = vpn_gateway_ui(ui, a.vpn_gateway.as_ref()) {
        return replace(NodeKind::AzureRegion(AzureRegion {
            vpn_gateway,
            ..a.clone()
        }));
    }

    None
}

/// An AWS region: attachment, gateways and ASNs, Transit Gateway attachments, VPC prefixes.
pub(super) fn aws_region_ui(
    ui: &mut egui::Ui,
    cx: NodeCx<'_>,
    a: &AwsRegion,
    b: &mut Buffers,
) -> Option<Edit> {
    let NodeCx { n, .. } = cx;
    let replace = |kind: NodeKind| replace_node(n, kind);
    if let Some(vpc_cidrs) = b.cidrs(ui, &format!("{}/vpcs", n.id), "VPC CIDRs", &a.vpc_cidrs) {
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
        if let Some(text) = b.text(ui, &format!("{}/dxgw-name", n.id), "DX gateway", &name) {
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
    if let Some(attachment) = choices(ui, "Attachment", a.attachment, &attachment_options()) {
        return replace(NodeKind::AwsRegion(with_attachment(a, attachment)));
    }
    if let Some(r) = tgw_attachments_ui(ui, n.id.as_str(), a, b) {
        return replace(NodeKind::AwsRegion(r));
    }

    None
}

/// The ExpressRoute gateway SKUs offered, after "no gateway".
pub(super) fn er_gateway_options() -> Vec<(Option<ErGatewaySku>, String)> {
    let skus = [
        ErGatewaySku::ErGw1Az,
        ErGatewaySku::ErGw2Az,
        ErGatewaySku::ErGw3Az,
        ErGatewaySku::ErGwScale,
        ErGatewaySku::Standard,
        ErGatewaySku::HighPerformance,
        ErGatewaySku::UltraPerformance,
    ];
    std::iter::once((None, "no gateway".to_string()))
        .chain(skus.iter().map(|&s| (Some(s), s.label().to_string())))
        .collect()
}

/// A new ExpressRoute gateway of this SKU (None: no gateway): a scalable gateway starts at 2
/// scale units; all but the legacy SKUs are zone-redundant.
pub(super) fn er_gateway_of(sku: Option<ErGatewaySku>) -> Option<ErGateway> {
    sku.map(|sku| ErGateway {
        sku,
        scale_units: (sku == ErGatewaySku::ErGwScale).then_some(2),
        zone_redundant: !matches!(
            sku,
            ErGatewaySku::Standard | ErGatewaySku::HighPerformance | ErGatewaySku::UltraPerformance
        ),
    })
}

/// How an AWS region's VPCs can be reached over Direct Connect.
pub(super) fn attachment_options() -> [(AwsAttachment, String); 3] {
    [
        AwsAttachment::VirtualPrivateGateway,
        AwsAttachment::DxGatewayVgw,
        AwsAttachment::DxGatewayTgw,
    ]
    .map(|x| (x, x.label().to_string()))
}

/// The region attached this way: through a DX gateway (its own, else one named "dxgw"), or a
/// virtual private gateway without one.
pub(super) fn with_attachment(a: &AwsRegion, attachment: AwsAttachment) -> AwsRegion {
    let dx_gateway = if attachment == AwsAttachment::VirtualPrivateGateway {
        None
    } else {
        a.dx_gateway.clone().or(Some("dxgw".into()))
    };
    AwsRegion {
        attachment,
        dx_gateway,
        ..a.clone()
    }
}

/// A fabric router: operator, metro, diversity zone, ASN.
pub(super) fn fabric_router_ui(
    ui: &mut egui::Ui,
    cx: NodeCx<'_>,
    r: &FabricRouter,
    b: &mut Buffers,
) -> Option<Edit> {
    let NodeCx { n, .. } = cx;
    let replace = |kind: NodeKind| replace_node(n, kind);
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

    None
}

/// The Azure VPN gateway: none or a SKU, its generation (offered only where the SKU exists in
/// both) and zone redundancy (AZ SKUs); shows the documented aggregate throughput. Returns the
/// new gateway when the user changes it.
pub(super) fn vpn_gateway_ui(
    ui: &mut egui::Ui,
    current: Option<&VpnGateway>,
) -> Option<Option<VpnGateway>> {
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
        if let Some(zone_redundant) = toggled(ui, gw.zone_redundant, "VPN gateway zone-redundant") {
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
pub(super) fn tgw_attachments_ui(
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
pub(super) fn direct_ports_ui(
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

#[cfg(test)]
mod tests {
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use eframe::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_facility_text_property_is_one_edit_when_the_field_is_left() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        let facility = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .node(&"fac-am5".into())
                .and_then(|n| n.as_facility())
                .cloned()
                .unwrap()
        };
        let before = facility(&h);
        let revision = h.state().history.revision();
        let field = h.get_all_by_value(&before.operator).next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value(&before.operator)
            .next()
            .unwrap()
            .type_text("Equinix EMEA");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        let after = facility(&h);
        assert_eq!(after.operator, "Equinix EMEA");
        assert_eq!(after.metro, before.metro, "only the field edited changes");
        assert_eq!(h.state().history.revision(), revision + 1);
    }
}

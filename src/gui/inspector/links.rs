//! The sections of the links carried by carriers and fabrics (access circuits, VPNs, fabric connections), and what every link section shares.

use super::*;

/// The access circuit bandwidths offered.
pub(super) const ACCESS_SIZES_MBPS: [u64; 7] = [100, 200, 500, 1_000, 2_000, 10_000, 100_000];

/// The fabric connection bandwidths offered.
pub(super) const FABRIC_SIZES_MBPS: [u64; 7] = [50, 200, 500, 1_000, 2_000, 5_000, 10_000];

/// What a link's section reads besides the link's own kind.
#[derive(Clone, Copy)]
pub(super) struct LinkCx<'a> {
    pub(super) design: &'a Design,
    pub(super) catalog: &'a Catalog,
    pub(super) l: &'a Link,
    /// The colocation facility at one end, if any.
    pub(super) facility: Option<&'a ColocationFacility>,
}

/// The edit that gives the link another kind (another value of its properties).
pub(super) fn replace_link(l: &Link, kind: LinkKind) -> Option<Edit> {
    Some(Edit::ReplaceLink {
        link: Link { kind, ..l.clone() },
    })
}

/// An access circuit: carrier, bandwidth, edge router, monthly cost.
pub(super) fn access_circuit_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &AccessCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let LinkCx { design, l, .. } = cx;
    let replace = |kind: LinkKind| replace_link(l, kind);
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
        if let Some(router) = choices(ui, "Edge router", c.edge_router.as_deref(), &options) {
            return replace(LinkKind::AccessCircuit(AccessCircuit {
                edge_router: router.map(str::to_string),
                ..c.clone()
            }));
        }
    }
    let sizes = ACCESS_SIZES_MBPS;
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

    None
}

/// A site-to-site VPN: tunnels, bandwidth, large tunnels, Transit Gateway.
pub(super) fn vpn_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    v: &SiteToSiteVpn,
    b: &mut Buffers,
) -> Option<Edit> {
    let LinkCx { design, l, .. } = cx;
    let replace = |kind: LinkKind| replace_link(l, kind);
    let tunnels = [1u32, 2, 4].map(|t| (t, crate::model::count(t as usize, "tunnel", "tunnels")));
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
    if let Some(large) = toggled(ui, v.large_tunnels, "Large tunnels (5 Gbps)") {
        return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
            large_tunnels: large,
            ..v.clone()
        }));
    }
    let to_aws = design.end_nodes(l).any(|n| n.as_aws().is_some());
    if to_aws || v.on_transit_gateway {
        if let Some(tgw) = toggled(
            ui,
            v.on_transit_gateway,
            "On the Transit Gateway (ECMP over tunnels)",
        ) {
            return replace(LinkKind::SiteToSiteVpn(SiteToSiteVpn {
                on_transit_gateway: tgw,
                ..v.clone()
            }));
        }
    }
    ui.small(format!("Usable throughput: {}", mbps(v.throughput_mbps())));

    None
}

/// A fabric connection: bandwidth, operator, monthly cost.
pub(super) fn fabric_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    f: &FabricConnection,
    b: &mut Buffers,
) -> Option<Edit> {
    let LinkCx { l, .. } = cx;
    let replace = |kind: LinkKind| replace_link(l, kind);
    let sizes = FABRIC_SIZES_MBPS;
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
    if let Some(operator) = b.text(ui, &format!("{}/operator", l.id), "Operator", &f.operator) {
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

    None
}

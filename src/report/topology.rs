//! The topology section: the diagram and the inventory of nodes and links.

use super::*;

/// The diagram is the one the SVG export draws, marked with the open errors and warnings and
/// named as the rest of the report names elements.
pub(super) fn diagram_of(design: &Design, analyses: &Analyses, names: &Names<'_>) -> Diagram {
    let worst = analyses.findings.worst_by_subject();
    let attention = |id: &str| worst.get(id).copied().filter(|s| *s != Severity::Info);
    let mut diagram = Diagram::of(design, &attention);
    for n in &mut diagram.nodes {
        n.name = names.of(&n.id);
    }
    for l in &mut diagram.links {
        l.name = names.of(&l.id);
    }
    diagram
}

pub(super) fn topology(
    design: &Design,
    analyses: &Analyses,
    names: &Names<'_>,
    diagram: Diagram,
) -> Section {
    let worst = analyses.findings.worst_by_subject();
    let mut blocks = vec![Block::Diagram(diagram)];
    blocks.push(Block::Heading("Elements".into()));
    let elements = design.nodes.len() + design.links.len();
    if design.nodes.is_empty() {
        blocks.push(Block::Paragraph("The design is empty.".into()));
    } else if elements <= FULL_TABLE_ROWS {
        let mut inventory = inventory_table();
        for n in &design.nodes {
            inventory.body(node_row(n, names));
        }
        for l in &design.links {
            inventory.body(link_row(l, names));
        }
        blocks.push(Block::Table(inventory));
    } else {
        elements_summary(design, &worst, names, &mut blocks);
    }
    Section {
        title: SECTION_TOPOLOGY.into(),
        orientation: Orientation::Landscape,
        blocks,
    }
}

pub(super) fn inventory_table() -> Table {
    Table::new(&[
        ("Element", 2.4, Align::Left),
        ("Kind", 1.6, Align::Left),
        ("Details", 4.0, Align::Left),
    ])
}

pub(super) fn node_row(n: &crate::model::Node, names: &Names<'_>) -> Vec<String> {
    vec![
        names.of(n.id.as_str()),
        n.tag().label().to_string(),
        node_details(&n.kind),
    ]
}

pub(super) fn link_row(l: &crate::model::Link, names: &Names<'_>) -> Vec<String> {
    vec![
        names.of(l.id.as_str()),
        l.tag().label().to_string(),
        format!(
            "{} to {}; {}",
            names.of(l.a.as_str()),
            names.of(l.b.as_str()),
            link_details(&l.kind)
        ),
    ]
}

pub(super) fn node_details(kind: &NodeKind) -> String {
    let join = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match kind {
        NodeKind::OnPremSite(s) => join(vec![
            s.metro.clone(),
            s.asn.map(|a| format!("AS{a}")).unwrap_or_default(),
            if s.edge_routers.is_empty() {
                String::new()
            } else {
                format!("edge routers {}", s.edge_routers.join(", "))
            },
        ]),
        NodeKind::ColocationFacility(f) => join(vec![
            [f.operator.as_str(), f.facility_name.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
            f.metro.clone(),
            f.er_peering_location
                .as_ref()
                .map(|l| format!("ExpressRoute location {l}"))
                .unwrap_or_default(),
            f.dx_location
                .as_ref()
                .map(|l| format!("Direct Connect location {l}"))
                .unwrap_or_default(),
        ]),
        NodeKind::AzureRegion(r) => join(vec![
            r.region.clone(),
            r.gateway
                .as_ref()
                .map(|g| format!("gateway {}", g.sku.label()))
                .unwrap_or_else(|| "no ExpressRoute gateway".into()),
        ]),
        NodeKind::AwsRegion(r) => join(vec![r.region.clone(), r.attachment.label().to_string()]),
        NodeKind::FabricRouter(f) => join(vec![
            f.operator.clone(),
            f.metro.clone(),
            if f.diversity_zone.is_empty() {
                String::new()
            } else {
                format!("zone {}", f.diversity_zone)
            },
        ]),
    }
}

pub(super) fn link_details(kind: &LinkKind) -> String {
    match kind {
        LinkKind::AccessCircuit(a) => {
            let carrier = if a.carrier.is_empty() {
                "carrier not stated"
            } else {
                &a.carrier
            };
            format!("{}, {carrier}", mbps(a.bandwidth_mbps))
        }
        LinkKind::ExpressRouteCircuit(c) => {
            let via = match &c.direct_port {
                Some(p) => format!("ExpressRoute Direct port {p}"),
                None if c.provider.is_empty() => "provider not stated".into(),
                None => c.provider.clone(),
            };
            format!(
                "{}, {:?} tier, {:?} billing, {via}",
                mbps(c.bandwidth_mbps),
                c.sku_tier,
                c.billing
            )
        }
        LinkKind::DirectConnectConnection(d) => {
            let kind = match d.connection_type {
                DxConnectionType::Dedicated => "dedicated",
                DxConnectionType::Hosted => "hosted",
            };
            let lag = if d.lag_members > 1 {
                format!(" LAG of {}", d.lag_members)
            } else {
                String::new()
            };
            let device = if d.aws_device.is_empty() {
                String::new()
            } else {
                format!(", device {}", d.aws_device)
            };
            format!(
                "{} {kind}{lag}, {}{device}",
                mbps(d.capacity_mbps),
                count(d.vifs.len(), "VIF", "VIFs")
            )
        }
        other => mbps(crate::resilience::flow::link_capacity_mbps(other)),
    }
}

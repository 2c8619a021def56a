//! How elements look on every face that draws the design (the designer's canvas and the
//! report's diagram): colours by kind and severity, the bandwidth label of a pair of nodes and
//! the spread of parallel links. One table, so the report looks like the screen.

use crate::model::{Design, Link, LinkKindTag, NodeKindTag};
use crate::rules::{Severity, mbps};
use std::collections::HashMap;

/// An sRGB colour, 0–255 per channel.
pub type Rgb = [u8; 3];

pub fn node_rgb(kind: NodeKindTag) -> Rgb {
    match kind {
        NodeKindTag::OnPremSite => [110, 110, 120],
        NodeKindTag::ColocationFacility => [130, 90, 170],
        NodeKindTag::AzureRegion => [0, 120, 212],
        NodeKindTag::AwsRegion => [236, 114, 17],
        NodeKindTag::FabricRouter => [30, 150, 90],
    }
}

pub fn link_rgb(kind: LinkKindTag) -> Rgb {
    match kind {
        LinkKindTag::ExpressRouteCircuit => [0, 120, 212],
        LinkKindTag::DirectConnectConnection => [236, 114, 17],
        LinkKindTag::AccessCircuit => [150, 150, 150],
        LinkKindTag::SiteToSiteVpn => [120, 120, 120],
        LinkKindTag::FabricConnection => [30, 150, 90],
    }
}

pub fn severity_rgb(severity: Severity) -> Rgb {
    match severity {
        Severity::Error => [210, 45, 45],
        Severity::Warning => [220, 150, 0],
        Severity::Info => [70, 130, 210],
    }
}

/// Thin lines for the site side (access circuits, VPNs), thicker for cloud links.
pub fn link_is_thin(kind: LinkKindTag) -> bool {
    matches!(
        kind,
        LinkKindTag::AccessCircuit | LinkKindTag::SiteToSiteVpn
    )
}

/// VPNs run over the internet: drawn dashed.
pub fn link_is_dashed(kind: LinkKindTag) -> bool {
    kind == LinkKindTag::SiteToSiteVpn
}

/// The unordered pair of a link's endpoints, for grouping parallel links.
pub fn pair_of(l: &Link) -> (&str, &str) {
    if l.a.as_str() < l.b.as_str() {
        (l.a.as_str(), l.b.as_str())
    } else {
        (l.b.as_str(), l.a.as_str())
    }
}

/// The bandwidth label of every pair of connected nodes: "1 Gbps", "2 × 10 Gbps",
/// "1 Gbps + 500 Mbps".
pub fn pair_labels(design: &Design) -> HashMap<(&str, &str), String> {
    let mut speeds: HashMap<(&str, &str), Vec<u64>> = HashMap::new();
    for link in &design.links {
        speeds
            .entry(pair_of(link))
            .or_default()
            .push(crate::resilience::flow::link_capacity_mbps(&link.kind));
    }
    speeds
        .into_iter()
        .map(|(pair, s)| (pair, bandwidth_label(&s)))
        .collect()
}

fn bandwidth_label(speeds: &[u64]) -> String {
    match speeds {
        [] => String::new(),
        [one] => mbps(*one),
        many if many.iter().all(|&x| x == many[0]) => {
            format!("{} × {}", many.len(), mbps(many[0]))
        }
        many => many
            .iter()
            .map(|&x| mbps(x))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Parallel links between one pair of nodes fan out: the n-th link of a pair (0-based) is
/// offset sideways by this many units of `step` (0, +1, -1, +2, -2, ...). Only the first link of
/// a pair carries the pair's label.
pub fn parallel_offset(index: u32) -> f32 {
    if index == 0 {
        0.0
    } else {
        ((index as f32 + 1.0) / 2.0).floor() * if index % 2 == 1 { 1.0 } else { -1.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_labels_count_equal_speeds_and_list_mixed_ones() {
        assert_eq!(bandwidth_label(&[1000]), "1 Gbps");
        assert_eq!(bandwidth_label(&[10_000, 10_000]), "2 × 10 Gbps");
        assert_eq!(bandwidth_label(&[1000, 500]), "1 Gbps + 500 Mbps");
    }

    #[test]
    fn parallel_links_alternate_sides() {
        let offsets: Vec<f32> = (0..5).map(parallel_offset).collect();
        assert_eq!(offsets, vec![0.0, 1.0, -1.0, 2.0, -2.0]);
    }
}

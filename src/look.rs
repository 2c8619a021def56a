//! How elements look on every face that draws the design (the designer's canvas and the
//! report's diagram): colours by kind and severity, the bandwidth label of a pair of nodes and
//! the spread of parallel links. One table, so the report looks like the screen.

use crate::model::mbps;
use crate::model::{Design, Link, LinkKindTag, NodeKindTag};
use crate::rules::Severity;
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

/// Places link labels so they do not cover each other: a label goes at the middle of its link
/// unless one already placed overlaps it there, then a little toward either end. Boxes are
/// kept in a coarse grid, so placing n labels costs O(n).
#[derive(Debug, Default)]
pub struct LabelPlacer {
    grid: HashMap<(i32, i32), Vec<usize>>,
    boxes: Vec<[f32; 4]>,
}

const CELL: f32 = 64.0;

impl LabelPlacer {
    /// The anchor (centre of the label's bottom edge, `lift` above the link) of a label of
    /// `size` (width, height) on the segment `a`–`b`.
    pub fn place(&mut self, a: [f32; 2], b: [f32; 2], size: [f32; 2], lift: f32) -> [f32; 2] {
        let at = |t: f32| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t - lift];
        let boxed = |p: [f32; 2]| {
            [
                p[0] - size[0] / 2.0,
                p[1] - size[1],
                p[0] + size[0] / 2.0,
                p[1],
            ]
        };
        let chosen = [0.5, 0.38, 0.62, 0.28, 0.72]
            .into_iter()
            .map(at)
            .find(|&p| !self.overlaps(boxed(p)))
            .unwrap_or_else(|| at(0.5));
        self.insert(boxed(chosen));
        chosen
    }

    fn cells(r: [f32; 4]) -> impl Iterator<Item = (i32, i32)> {
        let (x0, y0) = ((r[0] / CELL).floor() as i32, (r[1] / CELL).floor() as i32);
        let (x1, y1) = ((r[2] / CELL).floor() as i32, (r[3] / CELL).floor() as i32);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn overlaps(&self, r: [f32; 4]) -> bool {
        Self::cells(r).any(|c| {
            self.grid.get(&c).is_some_and(|ids| {
                ids.iter().any(|&i| {
                    let o = self.boxes[i];
                    r[0] < o[2] && o[0] < r[2] && r[1] < o[3] && o[1] < r[3]
                })
            })
        })
    }

    fn insert(&mut self, r: [f32; 4]) {
        let i = self.boxes.len();
        self.boxes.push(r);
        for c in Self::cells(r) {
            self.grid.entry(c).or_default().push(i);
        }
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
    fn crossing_links_get_labels_that_do_not_overlap() {
        let mut placer = LabelPlacer::default();
        // Two links crossing at their middles, labels 40 x 10.
        let first = placer.place([0.0, 0.0], [200.0, 200.0], [40.0, 10.0], 4.0);
        let second = placer.place([0.0, 200.0], [200.0, 0.0], [40.0, 10.0], 4.0);
        assert_eq!(first, [100.0, 96.0], "the first sits in the middle");
        assert!(
            (second[0] - first[0]).abs() >= 40.0 || (second[1] - first[1]).abs() >= 10.0,
            "{first:?} {second:?}"
        );
    }

    #[test]
    fn parallel_links_alternate_sides() {
        let offsets: Vec<f32> = (0..5).map(parallel_offset).collect();
        assert_eq!(offsets, vec![0.0, 1.0, -1.0, 2.0, -2.0]);
    }
}

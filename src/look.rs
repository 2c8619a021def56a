//! How elements look on every face that draws the design (the designer's canvas, the report's
//! diagram, the SVG/PNG export): colours by kind and severity, the light and dark palettes, the
//! bandwidth label of a pair of nodes and the spread of parallel links. One table, so the report
//! looks like the screen.

use crate::model::mbps;
use crate::model::{Design, Link, LinkKindTag, NodeKindTag};
use crate::rules::Severity;
use std::collections::HashMap;

/// An sRGB colour, 0–255 per channel.
pub type Rgb = [u8; 3];

/// The two looks of a drawing. The report is always `Light`; the canvas and the export follow
/// the user's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// The name a user types (`--theme light`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// The part of a node glyph a colour is for (see `diagram::glyph`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlyphRole {
    /// The main shape, in the kind's colour.
    Body,
    /// A second tone of the kind's colour (roof, rack, base).
    Accent,
    /// The line around the shapes, darker than the body.
    Outline,
    /// Small marks on the body (windows, arrows, rack units), light on the body.
    Detail,
}

/// A group box's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupColours {
    pub fill: Rgb,
    pub stroke: Rgb,
    pub title: Rgb,
}

/// Every colour a drawing uses, for one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    /// Node names and group titles.
    pub text: Rgb,
    /// Link labels (bandwidths): quieter than names, still readable on the halo.
    pub text_muted: Rgb,
    /// The rounded box behind every label, so no line strikes through text.
    pub halo: Rgb,
    /// The halo's edge (a hairline, so the box reads on a group's fill).
    pub halo_edge: Rgb,
    pub selection: Rgb,
    /// The paths of the demand picked in the Resilience tab (its single points of failure
    /// are ringed in the error colour): apart from every link kind's colour and the selection.
    pub highlight: Rgb,
    pub grid: Rgb,
    /// A metro's box (facilities and fabric routers of one metro).
    pub metro: GroupColours,
    /// The band of Azure regions.
    pub azure: GroupColours,
    /// The band of AWS regions.
    pub aws: GroupColours,
    /// The box of on-premises sites.
    pub on_prem: GroupColours,
    /// Node kind colours, in `NodeKindTag::ALL` order.
    nodes: [Rgb; 5],
    /// Link kind colours, in `LinkKindTag::ALL` order.
    links: [Rgb; 5],
    /// Glyph outline and detail colours (body and accent come from the kind's colour).
    outline_mix: (Rgb, f32),
    detail: Rgb,
}

const LIGHT: Palette = Palette {
    background: [255, 255, 255],
    text: [28, 30, 36],
    text_muted: [78, 84, 96],
    halo: [255, 255, 255],
    halo_edge: [214, 218, 226],
    selection: [0, 92, 197],
    highlight: [190, 0, 130],
    grid: [232, 234, 238],
    metro: GroupColours {
        fill: [245, 246, 249],
        stroke: [196, 200, 212],
        title: [70, 76, 90],
    },
    azure: GroupColours {
        fill: [234, 243, 252],
        stroke: [150, 192, 232],
        title: [0, 84, 150],
    },
    aws: GroupColours {
        fill: [253, 243, 233],
        stroke: [238, 186, 140],
        title: [150, 70, 0],
    },
    on_prem: GroupColours {
        fill: [243, 243, 245],
        stroke: [200, 200, 208],
        title: [70, 76, 90],
    },
    nodes: [
        [110, 110, 120],
        [130, 90, 170],
        [0, 120, 212],
        [236, 114, 17],
        [30, 150, 90],
    ],
    links: [
        [150, 150, 150],
        [0, 120, 212],
        [236, 114, 17],
        [120, 120, 120],
        [30, 150, 90],
    ],
    outline_mix: ([0, 0, 0], 0.35),
    detail: [255, 255, 255],
};

const DARK: Palette = Palette {
    background: [26, 28, 33],
    text: [232, 234, 238],
    text_muted: [184, 190, 200],
    halo: [26, 28, 33],
    halo_edge: [70, 75, 86],
    selection: [110, 180, 255],
    highlight: [255, 110, 200],
    grid: [46, 50, 58],
    metro: GroupColours {
        fill: [34, 37, 44],
        stroke: [78, 84, 98],
        title: [176, 182, 194],
    },
    azure: GroupColours {
        fill: [22, 38, 56],
        stroke: [44, 100, 150],
        title: [130, 190, 245],
    },
    aws: GroupColours {
        fill: [48, 34, 22],
        stroke: [140, 90, 40],
        title: [245, 170, 100],
    },
    on_prem: GroupColours {
        fill: [36, 38, 44],
        stroke: [80, 84, 94],
        title: [176, 182, 194],
    },
    nodes: [
        [150, 152, 166],
        [168, 128, 214],
        [48, 152, 240],
        [245, 142, 48],
        [52, 184, 116],
    ],
    links: [
        [150, 154, 164],
        [48, 152, 240],
        [245, 142, 48],
        [170, 174, 184],
        [52, 184, 116],
    ],
    outline_mix: ([0, 0, 0], 0.45),
    detail: [250, 250, 252],
};

impl Palette {
    pub fn node(&self, kind: NodeKindTag) -> Rgb {
        self.nodes[kind as usize]
    }

    pub fn link(&self, kind: LinkKindTag) -> Rgb {
        self.links[kind as usize]
    }

    pub fn severity(&self, severity: Severity) -> Rgb {
        severity_rgb(severity)
    }

    /// The colour of one part of a node kind's glyph.
    pub fn glyph(&self, kind: NodeKindTag, role: GlyphRole) -> Rgb {
        let body = self.node(kind);
        match role {
            GlyphRole::Body => body,
            GlyphRole::Accent => mix(body, self.outline_mix.0, self.outline_mix.1 * 0.5),
            GlyphRole::Outline => mix(body, self.outline_mix.0, self.outline_mix.1),
            GlyphRole::Detail => self.detail,
        }
    }
}

/// `a` moved toward `b` by `share` (0: `a`, 1: `b`).
pub fn mix(a: Rgb, b: Rgb, share: f32) -> Rgb {
    let share = share.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| (f32::from(a[i]) + (f32::from(b[i]) - f32::from(a[i])) * share).round() as u8)
}

/// WCAG contrast ratio of two colours (1 to 21): text wants at least 4.5.
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let luminance = |c: Rgb| {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A node kind's colour in the light look.
pub fn node_rgb(kind: NodeKindTag) -> Rgb {
    match kind {
        NodeKindTag::OnPremSite => [110, 110, 120],
        NodeKindTag::ColocationFacility => [130, 90, 170],
        NodeKindTag::AzureRegion => [0, 120, 212],
        NodeKindTag::AwsRegion => [236, 114, 17],
        NodeKindTag::FabricRouter => [30, 150, 90],
    }
}

/// A link kind's colour in the light look.
pub fn link_rgb(kind: LinkKindTag) -> Rgb {
    match kind {
        LinkKindTag::ExpressRouteCircuit => [0, 120, 212],
        LinkKindTag::DirectConnectConnection => [236, 114, 17],
        LinkKindTag::AccessCircuit => [150, 150, 150],
        LinkKindTag::SiteToSiteVpn => [120, 120, 120],
        LinkKindTag::FabricConnection => [30, 150, 90],
    }
}

/// A cost category's colour (the charts of the Cost tab and the report's bars): each category
/// its own shade of its cloud's colour (Azure blues, AWS oranges), the carriers' grey and the
/// fabric's green, so a chart reads by cloud at a glance and by category in its legend.
pub fn category_rgb(c: crate::costing::Category) -> Rgb {
    use crate::costing::Category;
    match c {
        Category::ExpressRouteCircuits => [0, 120, 212],
        Category::ExpressRouteEgress => [80, 170, 240],
        Category::ExpressRouteDirect => [0, 70, 140],
        Category::GlobalReach => [40, 150, 190],
        Category::Gateways => [120, 140, 230],
        Category::DirectConnectPorts => [236, 114, 17],
        Category::DataTransferOut => [250, 170, 80],
        Category::TransitGateway => [180, 80, 10],
        Category::Vpn => [210, 150, 40],
        Category::AccessCircuits => [110, 110, 120],
        Category::FabricConnections => [30, 150, 90],
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

/// The label of a bundle of links of these speeds: "1 Gbps", "2 × 10 Gbps", "1 Gbps + 500 Mbps".
pub fn bandwidth_label(speeds: &[u64]) -> String {
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
    fn the_light_palette_is_the_colours_the_report_always_used() {
        for kind in NodeKindTag::ALL {
            assert_eq!(Theme::Light.palette().node(kind), node_rgb(kind));
        }
        for kind in LinkKindTag::ALL {
            assert_eq!(Theme::Light.palette().link(kind), link_rgb(kind));
        }
    }

    /// Every text colour reads on the halo, the background and the group fills it sits on, in
    /// both looks (WCAG AA for normal text: 4.5:1).
    #[test]
    fn label_text_has_enough_contrast_in_both_themes() {
        for theme in Theme::ALL {
            let p = theme.palette();
            for (what, text) in [("text", p.text), ("muted", p.text_muted)] {
                for (on, back) in [
                    ("halo", p.halo),
                    ("background", p.background),
                    ("metro", p.metro.fill),
                    ("azure", p.azure.fill),
                    ("aws", p.aws.fill),
                    ("on-prem", p.on_prem.fill),
                ] {
                    let c = contrast(text, back);
                    assert!(c >= 4.5, "{theme:?}: {what} on {on} is {c:.2}:1");
                }
            }
            for g in [p.metro, p.azure, p.aws, p.on_prem] {
                let c = contrast(g.title, g.fill);
                assert!(c >= 4.5, "{theme:?}: group title {c:.2}:1");
            }
            // A highlighted path is a graphic on the canvas: 3:1 (WCAG 1.4.11).
            let c = contrast(p.highlight, p.background);
            assert!(c >= 3.0, "{theme:?}: highlight {c:.2}:1");
        }
        assert!(contrast([255, 255, 255], [0, 0, 0]) > 20.9);
    }

    #[test]
    fn parallel_links_alternate_sides() {
        let offsets: Vec<f32> = (0..5).map(parallel_offset).collect();
        assert_eq!(offsets, vec![0.0, 1.0, -1.0, 2.0, -2.0]);
    }
}

//! The whole design laid out for a static face (SVG, PNG, the report's PDF): group boxes, link
//! curves with their look and placed labels, node glyphs with placed names, the legend. Built
//! from a [`Topology`] (the design reduced to what a drawing shows) and a [`Style`] (theme,
//! scale, sizes, what to label, the caller's text measure).

use super::curve::{Curve, lane};
use super::geom::{Rect, V2};
use super::glyph::glyph;
use super::group::{GroupBox, GroupKind, Member, groups};
use super::label::{LINE_HEIGHT, LINK_LABEL_T, Label, Measure, Placer, Side, Weight, beside};
use super::legend::{self, LinkLook};
use crate::look::{Theme, bandwidth_label};
use crate::model::{Design, LinkKindTag, NodeKindTag, mbps};
use crate::rules::Severity;
use rustc_hash::FxHashMap;

/// The design as a drawing shows it: nodes where the designer put them, links between them,
/// each element's group and mark. Plain data (the report keeps it in its document model).
#[derive(Debug, Clone, Default)]
pub struct Topology {
    pub nodes: Vec<TopoNode>,
    pub links: Vec<TopoLink>,
}

#[derive(Debug, Clone)]
pub struct TopoNode {
    pub id: String,
    /// The name shown (the id when the node has no name).
    pub name: String,
    pub kind: NodeKindTag,
    /// Canvas position.
    pub x: f64,
    pub y: f64,
    pub group: Option<GroupKind>,
    /// The mark shown on it: its most severe open finding, when the caller marks any.
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone)]
pub struct TopoLink {
    pub id: String,
    pub name: String,
    /// Indexes into `Topology::nodes`.
    pub a: usize,
    pub b: usize,
    pub kind: LinkKindTag,
    pub capacity_mbps: u64,
    pub severity: Option<Severity>,
}

impl Topology {
    /// The design's nodes and links (a link whose end is not a node is left out), marked with
    /// `marks` (an element id to the severity of its badge, or None).
    pub fn of(design: &Design, marks: &dyn Fn(&str) -> Option<Severity>) -> Topology {
        let name = |name: &str, id: &str| {
            if name.trim().is_empty() {
                id.to_string()
            } else {
                name.to_string()
            }
        };
        let index: FxHashMap<&str, usize> = design
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        Topology {
            nodes: design
                .nodes
                .iter()
                .map(|n| TopoNode {
                    id: n.id.to_string(),
                    name: name(&n.name, n.id.as_str()),
                    kind: n.tag(),
                    x: n.position.x,
                    y: n.position.y,
                    group: GroupKind::of(&n.kind),
                    severity: marks(n.id.as_str()),
                })
                .collect(),
            links: design
                .links
                .iter()
                .filter_map(|l| {
                    Some(TopoLink {
                        id: l.id.to_string(),
                        name: l.label().to_string(),
                        a: *index.get(l.a.as_str())?,
                        b: *index.get(l.b.as_str())?,
                        kind: l.tag(),
                        capacity_mbps: crate::resilience::flow::link_capacity_mbps(&l.kind),
                        severity: marks(l.id.as_str()),
                    })
                })
                .collect(),
        }
    }
}

/// Which link labels a drawing carries: the caller decides by scale (one label per bundle of
/// parallel links when zoomed out, one per link when zoomed in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkLabels {
    None,
    /// "2 × 10 Gbps" beside each bundle of parallel links.
    Bundle,
    /// "10 Gbps" beside each link.
    EachLink,
}

/// The most links an export labels one by one.
pub const EACH_LINK_LABELS_MAX: usize = 2_000;
/// The most links an export labels by bundle; beyond, links are drawn without labels.
pub const BUNDLE_LABELS_MAX: usize = 20_000;

/// How a drawing is laid out. Sizes are in drawing units (canvas units × `scale`).
pub struct Style<'m> {
    pub theme: Theme,
    /// Drawing units per canvas unit.
    pub scale: f32,
    /// A node glyph's radius (the canvas' nodes are 14 screen points).
    pub node_radius: f32,
    /// Node names; link labels are 0.85 of it, group titles 0.9 (bold).
    pub font_size: f32,
    /// A cloud link's line width (site-side links are thinner, see `LinkLook`).
    pub link_width: f32,
    pub link_labels: LinkLabels,
    pub node_labels: bool,
    pub groups: bool,
    /// Lay out only what lies in or near this box (drawing units): a page tile of a large
    /// design. None: everything.
    pub window: Option<Rect>,
    pub measure: Measure<'m>,
}

impl<'m> Style<'m> {
    /// The canvas' sizes at zoom 1: nodes of radius 14, names at 12, links 2.5 wide, labels per
    /// link, groups.
    pub fn new(theme: Theme, measure: Measure<'m>) -> Style<'m> {
        Style {
            theme,
            scale: 1.0,
            node_radius: 14.0,
            font_size: 12.0,
            link_width: 2.5,
            link_labels: LinkLabels::EachLink,
            node_labels: true,
            groups: true,
            window: None,
            measure,
        }
    }
    /// The export's style for a design of this size (the canvas' sizes at zoom 1): a label
    /// per link up to [`EACH_LINK_LABELS_MAX`] links, a label per bundle up to
    /// [`BUNDLE_LABELS_MAX`], no link labels beyond (a reader of a drawing that large reads it
    /// by its names and groups; the links' speeds are in `linkwright check`/`cost`).
    pub fn for_export(theme: Theme, measure: Measure<'m>, topology: &Topology) -> Style<'m> {
        let links = topology.links.len();
        Style {
            link_labels: if links <= EACH_LINK_LABELS_MAX {
                LinkLabels::EachLink
            } else if links <= BUNDLE_LABELS_MAX {
                LinkLabels::Bundle
            } else {
                LinkLabels::None
            },
            ..Style::new(theme, measure)
        }
    }
    pub fn link_font(&self) -> f32 {
        self.font_size * 0.85
    }
    pub fn title_font(&self) -> f32 {
        self.font_size * 0.9
    }
}

#[derive(Debug, Clone)]
pub struct DrawnNode {
    /// Index into `Topology::nodes`.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub kind: NodeKindTag,
    pub centre: V2,
    /// The glyph's radius (see `glyph`).
    pub radius: f32,
    pub severity: Option<Severity>,
    /// The name, where it was placed (None: not labelled, or no room).
    pub label: Option<Label>,
}

#[derive(Debug, Clone)]
pub struct DrawnLink {
    /// Index into `Topology::links`.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub kind: LinkKindTag,
    pub curve: Curve,
    pub width: f32,
    /// Dash and gap lengths, when dashed.
    pub dash: Option<[f32; 2]>,
    pub severity: Option<Severity>,
    /// Its bandwidth, or its bundle's (on one link of the bundle).
    pub label: Option<Label>,
}

#[derive(Debug, Clone)]
pub struct DrawnGroup {
    pub kind: GroupKind,
    pub rect: Rect,
    pub title: Option<Label>,
    /// Indexes into `Topology::nodes`.
    pub members: Vec<usize>,
}

/// The laid-out drawing. Draw it back to front: groups, links, link labels, nodes, names.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub theme: Theme,
    /// Everything drawn (groups, curves, glyphs, labels).
    pub bounds: Rect,
    pub groups: Vec<DrawnGroup>,
    pub links: Vec<DrawnLink>,
    pub nodes: Vec<DrawnNode>,
    pub legend: Vec<legend::Entry>,
    /// Labels left out because every place for them was taken.
    pub hidden_labels: usize,
    pub font_size: f32,
}

/// Room between a glyph or line and a label, in units of the font size.
const GAP: f32 = 0.25;

impl Drawing {
    pub fn build(topology: &Topology, style: &Style<'_>) -> Drawing {
        let r = style.node_radius;
        let pos: Vec<V2> = topology
            .nodes
            .iter()
            .map(|n| V2::new(n.x as f32 * style.scale, n.y as f32 * style.scale))
            .collect();
        let near = |p: V2| {
            style
                .window
                .is_none_or(|w| w.expand(4.0 * r + 10.0 * style.font_size).contains(p))
        };
        let shown: Vec<bool> = pos.iter().map(|p| near(*p)).collect();
        let mut hidden = 0;
        let mut placer = Placer::new((4.0 * style.font_size).max(2.0 * r));
        let obstacles = NodeGrid::new(&pos, &shown, 3.0 * r);

        // Groups, behind everything; their titles are placed first.
        let mut drawn_groups = Vec::new();
        if style.groups {
            let label_room = style.font_size * (LINE_HEIGHT + 2.0 * GAP);
            let members: Vec<Member<'_>> = topology
                .nodes
                .iter()
                .zip(&pos)
                .zip(&shown)
                .map(|((n, p), s)| {
                    let b = glyph(n.kind).bounds(*p, r);
                    // Room for the name below the glyph, where it goes when nothing is in the way.
                    let name_w = if style.node_labels {
                        let w = (style.measure)(&n.name, style.font_size, Weight::Regular);
                        Label::halo_at(V2::ZERO, w, style.font_size).width()
                    } else {
                        0.0
                    };
                    let below = Rect::from_centre(
                        V2::new(p.x, b.max.y + label_room / 2.0),
                        name_w,
                        label_room,
                    );
                    Member {
                        group: n.group.as_ref().filter(|_| *s),
                        centre: *p,
                        bounds: b.union(&below),
                    }
                })
                .collect();
            let title_h = style.title_font() * (LINE_HEIGHT + 0.5);
            for GroupBox {
                kind,
                rect,
                members,
            } in groups(&members, 24.0 * r, 0.8 * r, title_h)
            {
                let size = style.title_font();
                let w = (style.measure)(kind.title(), size, Weight::Bold);
                let halo = Label::halo_at(V2::ZERO, w, size);
                let centre = V2::new(
                    rect.min.x + halo.width() / 2.0 + 0.2 * r,
                    rect.min.y + halo.height() / 2.0 + 0.15 * r,
                );
                let title = placer
                    .place(&[Label::halo_at(centre, w, size)])
                    .map(|halo| Label {
                        text: kind.title().to_string(),
                        size,
                        text_width: w,
                        weight: Weight::Bold,
                        halo,
                    });
                hidden += usize::from(title.is_none());
                drawn_groups.push(DrawnGroup {
                    kind,
                    rect,
                    title,
                    members,
                });
            }
        }

        // Glyphs keep labels off.
        for (i, n) in topology.nodes.iter().enumerate() {
            if shown[i] {
                placer.add_box(glyph(n.kind).bounds(pos[i], r).expand(0.1 * r));
            }
        }

        // Links: bundles of parallel links bow apart, clear of the nodes they pass.
        let mut bundles: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
        let mut order = Vec::new();
        for (i, l) in topology.links.iter().enumerate() {
            if !(shown[l.a] || shown[l.b] || link_in_window(style, pos[l.a], pos[l.b])) {
                continue;
            }
            let pair = (l.a.min(l.b), l.a.max(l.b));
            let list = bundles.entry(pair).or_default();
            if list.is_empty() {
                order.push(pair);
            }
            list.push(i);
        }
        let lane_spacing = (style.link_font() * LINE_HEIGHT * 1.1).max(3.0 * style.link_width);
        let mut links: Vec<DrawnLink> = Vec::new();
        let mut bundle_of: Vec<(usize, usize)> = Vec::new(); // (first drawn link, count)
        for pair in &order {
            let members = &bundles[pair];
            let (a, b) = (pos[pair.0], pos[pair.1]);
            let n = members.len();
            let length = a.distance(b);
            // The bundle widens with its links, but never bows more than a third of its length.
            let spacing = if n > 1 {
                lane_spacing
                    .min(0.6 * length / (n as f32 - 1.0))
                    .max(1.5 * style.link_width)
            } else {
                0.0
            };
            let shift = super::curve::clear_shift(a, b, n, spacing, r, |curve, clearance| {
                obstacles.blocked(curve, clearance, pair)
            });
            let first = links.len();
            for (k, &li) in members.iter().enumerate() {
                let l = &topology.links[li];
                let canonical = Curve::bowed(a, b, lane(k, n) * spacing + shift);
                let curve = if l.a == pair.0 {
                    canonical
                } else {
                    Curve {
                        from: canonical.to,
                        ctrl: canonical.ctrl,
                        to: canonical.from,
                    }
                };
                let look = LinkLook::of(l.kind);
                links.push(DrawnLink {
                    index: li,
                    id: l.id.clone(),
                    name: l.name.clone(),
                    kind: l.kind,
                    curve,
                    width: look.width * style.link_width,
                    dash: look.dash.map(|d| d.map(|x| x * style.link_width)),
                    severity: l.severity,
                    label: None,
                });
            }
            bundle_of.push((first, n));
        }
        for l in &links {
            placer.add_curve(&l.curve, 0.5);
        }

        // Names first (they matter most), the regions' and facilities' before the sites'.
        let mut nodes: Vec<DrawnNode> = Vec::new();
        let mut by_rank: Vec<usize> = (0..topology.nodes.len()).filter(|&i| shown[i]).collect();
        by_rank.sort_by_key(|&i| name_rank(topology.nodes[i].kind));
        let mut names: Vec<Option<Label>> = vec![None; topology.nodes.len()];
        if style.node_labels {
            let size = style.font_size;
            for &i in &by_rank {
                let n = &topology.nodes[i];
                let w = (style.measure)(&n.name, size, Weight::Regular);
                let g = glyph(n.kind).bounds(pos[i], r);
                let probe = Label::halo_at(V2::ZERO, w, size);
                let candidates: Vec<Rect> = Side::ORDER
                    .iter()
                    .map(|s| {
                        let c = s.centre(&g, probe.width(), probe.height(), GAP * size);
                        Label::halo_at(c, w, size)
                    })
                    .collect();
                names[i] = placer.place(&candidates).map(|halo| Label {
                    text: n.name.clone(),
                    size,
                    text_width: w,
                    weight: Weight::Regular,
                    halo,
                });
                hidden += usize::from(names[i].is_none());
            }
        }
        for (i, n) in topology.nodes.iter().enumerate() {
            if shown[i] {
                nodes.push(DrawnNode {
                    index: i,
                    id: n.id.clone(),
                    name: n.name.clone(),
                    kind: n.kind,
                    centre: pos[i],
                    radius: r,
                    severity: n.severity,
                    label: names[i].take(),
                });
            }
        }

        // Link labels beside their lines.
        let size = style.link_font();
        let mut place_beside = |curve: &Curve, text: String, outward: f32| -> Option<Label> {
            let w = (style.measure)(&text, size, Weight::Regular);
            let probe = Label::halo_at(V2::ZERO, w, size);
            let mut candidates = Vec::with_capacity(LINK_LABEL_T.len() * 2);
            for t in LINK_LABEL_T {
                for side in [outward, -outward] {
                    let c = beside(
                        curve,
                        t,
                        side,
                        probe.width(),
                        probe.height(),
                        GAP * size + 0.5 * style.link_width,
                    );
                    candidates.push(Label::halo_at(c, w, size));
                }
            }
            let placed = placer.place(&candidates).map(|halo| Label {
                text,
                size,
                text_width: w,
                weight: Weight::Regular,
                halo,
            });
            hidden += usize::from(placed.is_none());
            placed
        };
        match style.link_labels {
            LinkLabels::None => {}
            LinkLabels::EachLink => {
                for &(first, n) in &bundle_of {
                    for k in 0..n {
                        let l = &mut links[first + k];
                        let text = mbps(topology.links[l.index].capacity_mbps);
                        // Outer links put their labels outside the bundle.
                        let outward = outward_side(lane(k, n), &topology.links[l.index]);
                        l.label = place_beside(&l.curve, text, outward);
                    }
                }
            }
            LinkLabels::Bundle => {
                for &(first, n) in &bundle_of {
                    let speeds: Vec<u64> = (0..n)
                        .map(|k| topology.links[links[first + k].index].capacity_mbps)
                        .collect();
                    // Beside the outermost link, outside the bundle.
                    let last = first + n - 1;
                    let outward = outward_side(lane(n - 1, n), &topology.links[links[last].index]);
                    let label = place_beside(&links[last].curve, bandwidth_label(&speeds), outward);
                    links[last].label = label;
                }
            }
        }

        let mut bounds = Rect::EMPTY;
        for g in &drawn_groups {
            bounds = bounds.union(&g.rect);
        }
        for l in &links {
            bounds = bounds.union(&l.curve.bounds());
            if let Some(label) = &l.label {
                bounds = bounds.union(&label.halo);
            }
        }
        for n in &nodes {
            bounds = bounds.union(&glyph(n.kind).bounds(n.centre, r));
            if let Some(label) = &n.label {
                bounds = bounds.union(&label.halo);
            }
        }
        if bounds.is_empty() {
            bounds = Rect::from_centre(V2::ZERO, 0.0, 0.0);
        }
        let mut node_kinds: Vec<NodeKindTag> = nodes.iter().map(|n| n.kind).collect();
        node_kinds.sort();
        node_kinds.dedup();
        let mut link_kinds: Vec<LinkKindTag> = links.iter().map(|l| l.kind).collect();
        link_kinds.sort();
        link_kinds.dedup();
        let badges: Vec<Severity> = nodes
            .iter()
            .map(|n| n.severity)
            .chain(links.iter().map(|l| l.severity))
            .flatten()
            .collect();
        Drawing {
            theme: style.theme,
            bounds,
            legend: legend::entries(&node_kinds, &link_kinds, &badges, !drawn_groups.is_empty()),
            groups: drawn_groups,
            links,
            nodes,
            hidden_labels: hidden,
            font_size: style.font_size,
        }
    }

    /// Every placed label: group titles, link labels, names.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.groups
            .iter()
            .filter_map(|g| g.title.as_ref())
            .chain(self.links.iter().filter_map(|l| l.label.as_ref()))
            .chain(self.nodes.iter().filter_map(|n| n.label.as_ref()))
    }
}

/// Which names are placed first: regions, then facilities and routers, then sites.
fn name_rank(kind: NodeKindTag) -> u8 {
    match kind {
        NodeKindTag::AzureRegion | NodeKindTag::AwsRegion => 0,
        NodeKindTag::ColocationFacility | NodeKindTag::FabricRouter => 1,
        NodeKindTag::OnPremSite => 2,
    }
}

/// The side (+1: toward the curve's normal, -1: away) facing out of the bundle for a link in
/// lane `lane`; the middle link of a bundle labels toward its normal.
fn outward_side(lane: f32, link: &TopoLink) -> f32 {
    // Lanes count along the normal of the curve from the lower node index to the higher; a
    // link drawn the other way round has its normal flipped.
    let toward = if lane < 0.0 { -1.0 } else { 1.0 };
    if link.a > link.b { -toward } else { toward }
}

fn link_in_window(style: &Style<'_>, a: V2, b: V2) -> bool {
    style.window.is_none_or(|w| w.hits_segment(a, b))
}

/// The nodes in a grid, to find the ones a link would pass over.
struct NodeGrid {
    cell: f32,
    cells: FxHashMap<(i32, i32), Vec<usize>>,
    pos: Vec<V2>,
}

impl NodeGrid {
    fn new(pos: &[V2], shown: &[bool], cell: f32) -> NodeGrid {
        let cell = cell.max(1.0);
        let mut cells: FxHashMap<(i32, i32), Vec<usize>> = FxHashMap::default();
        for (i, p) in pos.iter().enumerate() {
            if shown[i] {
                cells
                    .entry(((p.x / cell).floor() as i32, (p.y / cell).floor() as i32))
                    .or_default()
                    .push(i);
            }
        }
        NodeGrid {
            cell,
            cells,
            pos: pos.to_vec(),
        }
    }

    /// Whether `curve` passes within `clearance` of a node other than `ends`. Long curves
    /// (over 256 cells) are not checked.
    fn blocked(&self, curve: &Curve, clearance: f32, ends: &(usize, usize)) -> bool {
        let span = curve.bounds().expand(clearance);
        let (x0, y0) = (
            (span.min.x / self.cell).floor() as i32,
            (span.min.y / self.cell).floor() as i32,
        );
        let (x1, y1) = (
            (span.max.x / self.cell).floor() as i32,
            (span.max.y / self.cell).floor() as i32,
        );
        if i64::from(x1 - x0 + 1) * i64::from(y1 - y0 + 1) > 256 {
            return false;
        }
        (x0..=x1)
            .flat_map(|x| (y0..=y1).map(move |y| (x, y)))
            .any(|c| {
                self.cells.get(&c).is_some_and(|ids| {
                    ids.iter().any(|&i| {
                        i != ends.0 && i != ends.1 && curve.distance_to(self.pos[i]) < clearance
                    })
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::metrics::Metrics;
    use std::path::Path;

    const SAMPLES: [(&str, &str); 4] = [
        (
            "aws-dev-test-one-location",
            include_str!("../../designs/aws-dev-test-one-location.json"),
        ),
        (
            "dual-cloud-ashburn-chicago",
            include_str!("../../designs/dual-cloud-ashburn-chicago.json"),
        ),
        (
            "europe-azure-two-locations",
            include_str!("../../designs/europe-azure-two-locations.json"),
        ),
        (
            "flawed-design",
            include_str!("../../designs/flawed-design.json"),
        ),
    ];

    fn sample(text: &str) -> Design {
        crate::design_file::from_str(text, Path::new("sample.json")).unwrap()
    }

    fn draw(design: &Design, theme: Theme, labels: LinkLabels) -> Drawing {
        let metrics = Metrics::dejavu().unwrap();
        let measure = |t: &str, s: f32, w: Weight| metrics.width(t, s, w);
        let mut style = Style::new(theme, &measure);
        style.link_labels = labels;
        Drawing::build(&Topology::of(design, &|_| None), &style)
    }

    #[test]
    fn no_two_labels_overlap_and_every_label_is_placed_on_the_samples() {
        for (name, text) in SAMPLES {
            let design = sample(text);
            for labels in [LinkLabels::EachLink, LinkLabels::Bundle] {
                let d = draw(&design, Theme::Light, labels);
                let all: Vec<&Label> = d.labels().collect();
                for (i, a) in all.iter().enumerate() {
                    for b in &all[i + 1..] {
                        assert!(
                            !a.halo.overlaps(&b.halo),
                            "{name} {labels:?}: {:?} and {:?} overlap",
                            a.text,
                            b.text
                        );
                    }
                    for n in &d.nodes {
                        assert!(
                            !glyph(n.kind).bounds(n.centre, n.radius).overlaps(&a.halo),
                            "{name}: {:?} covers {}",
                            a.text,
                            n.name
                        );
                    }
                }
                assert_eq!(
                    d.hidden_labels, 0,
                    "{name} {labels:?}: every label has room"
                );
                assert!(d.nodes.iter().all(|n| n.label.is_some()), "{name}");
            }
        }
    }

    #[test]
    fn a_link_label_is_never_struck_through_by_its_own_link() {
        for (name, text) in SAMPLES {
            let d = draw(&sample(text), Theme::Light, LinkLabels::EachLink);
            for l in &d.links {
                let label = l.label.as_ref().unwrap();
                let points = l.curve.flatten(0.25);
                assert!(
                    !points
                        .windows(2)
                        .any(|w| label.halo.hits_segment(w[0], w[1])),
                    "{name}: {} through {:?}",
                    l.id,
                    label.text
                );
            }
        }
    }

    /// The Dublin VPN runs from the office to the AWS region straight through the facility
    /// where the access circuits land: it bows around the facility instead of hiding under it.
    #[test]
    fn a_link_bows_around_a_node_it_would_pass_over() {
        let design = sample(SAMPLES[0].1);
        let d = draw(&design, Theme::Light, LinkLabels::EachLink);
        let facility = d.nodes.iter().find(|n| n.id == "fac-dub2").unwrap();
        let vpn = d.links.iter().find(|l| l.id == "vpn-dub").unwrap();
        assert!(!vpn.curve.is_straight());
        assert!(vpn.curve.distance_to(facility.centre) > facility.radius);
        let access: Vec<&DrawnLink> = d
            .links
            .iter()
            .filter(|l| l.id.starts_with("acc-dub"))
            .collect();
        assert_eq!(access.len(), 2);
        assert_ne!(access[0].curve, access[1].curve, "parallel links apart");
        for a in access {
            // Apart from the VPN where they run side by side (the middle of the access circuits).
            let p = a.curve.midpoint();
            assert!(
                vpn.curve.distance_to(p) > 2.0 * vpn.width,
                "{}",
                vpn.curve.distance_to(p)
            );
        }
    }

    #[test]
    fn a_name_avoids_the_side_a_link_crosses_when_another_is_free() {
        let node = |id: &str, x: f64, y: f64| TopoNode {
            id: id.into(),
            name: format!("{id} with a long name"),
            kind: NodeKindTag::OnPremSite,
            x,
            y,
            group: None,
            severity: None,
        };
        let link = |id: &str, a: usize, b: usize| TopoLink {
            id: id.into(),
            name: id.into(),
            a,
            b,
            kind: LinkKindTag::AccessCircuit,
            capacity_mbps: 1000,
            severity: None,
        };
        // A's links leave downward and to the right: below is crossed, above is free.
        let t = Topology {
            nodes: vec![
                node("a", 0.0, 0.0),
                node("b", 0.0, 400.0),
                node("c", 400.0, 0.0),
            ],
            links: vec![link("ab", 0, 1), link("ac", 0, 2)],
        };
        let metrics = Metrics::dejavu().unwrap();
        let measure = |t: &str, s: f32, w: Weight| metrics.width(t, s, w);
        let d = Drawing::build(&t, &Style::new(Theme::Light, &measure));
        let a = &d.nodes[0];
        let halo = a.label.as_ref().unwrap().halo;
        assert!(halo.max.y < a.centre.y - a.radius * 0.5, "above: {halo:?}");
        // B's only link leaves upward: B's name stays below.
        let b = &d.nodes[1];
        assert!(b.label.as_ref().unwrap().halo.min.y > b.centre.y);
        // No name is crossed by a link here.
        for n in &d.nodes {
            let halo = n.label.as_ref().unwrap().halo;
            assert!(
                !d.links
                    .iter()
                    .any(|l| halo.hits_segment(l.curve.from, l.curve.to)),
                "{}",
                n.id
            );
        }
    }

    #[test]
    fn groups_hold_their_members_and_are_titled() {
        let design = sample(SAMPLES[1].1);
        let d = draw(&design, Theme::Light, LinkLabels::EachLink);
        let titles: Vec<&str> = d
            .groups
            .iter()
            .filter_map(|g| g.title.as_ref().map(|t| t.text.as_str()))
            .collect();
        for t in ["On-premises", "Washington DC", "Chicago", "Azure", "AWS"] {
            assert!(titles.contains(&t), "{t} in {titles:?}");
        }
        for g in &d.groups {
            for &m in &g.members {
                let n = d.nodes.iter().find(|n| n.index == m).unwrap();
                assert!(
                    g.rect
                        .contains_rect(&glyph(n.kind).bounds(n.centre, n.radius))
                );
            }
        }
    }

    #[test]
    fn bundle_labels_count_parallel_links_and_each_link_labels_its_own_speed() {
        let design = sample(SAMPLES[0].1);
        let bundle = draw(&design, Theme::Light, LinkLabels::Bundle);
        let texts: Vec<&str> = bundle
            .links
            .iter()
            .filter_map(|l| l.label.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert_eq!(texts.len(), 3, "one per pair: {texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("2 × ")), "{texts:?}");
        let each = draw(&design, Theme::Light, LinkLabels::EachLink);
        assert_eq!(each.links.iter().filter(|l| l.label.is_some()).count(), 5);
    }

    #[test]
    fn a_window_lays_out_only_what_is_near_it() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let design = crate::generate::generate(200, 1, &catalog);
        let metrics = Metrics::dejavu().unwrap();
        let measure = |t: &str, s: f32, w: Weight| metrics.width(t, s, w);
        let mut style = Style::new(Theme::Dark, &measure);
        let all = Drawing::build(&Topology::of(&design, &|_| None), &style);
        style.window = Some(Rect::from_centre(V2::new(0.0, 0.0), 500.0, 500.0));
        let part = Drawing::build(&Topology::of(&design, &|_| None), &style);
        assert!(
            part.nodes.len() < all.nodes.len() / 4,
            "{} of {}",
            part.nodes.len(),
            all.nodes.len()
        );
        assert!(!part.nodes.is_empty());
    }
}

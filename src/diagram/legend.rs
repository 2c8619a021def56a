//! The legend: one list of entries (node kinds with their glyph, link kinds with their line,
//! the badges, the group boxes) that every face draws the same way.

use super::group::GroupKind;
use crate::model::{LinkKindTag, NodeKindTag};
use crate::rules::Severity;

/// What an entry shows beside its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// The kind's glyph.
    Node(NodeKindTag),
    /// A short line in the kind's colour, width and dash ([`LinkLook::of`]).
    Link(LinkKindTag),
    /// A badge of this severity.
    Badge(Severity),
    /// A small group box in the group's colours.
    Group(GroupKind),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub mark: Mark,
    pub text: String,
}

/// How a link kind's line looks, relative to the drawing's link width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkLook {
    /// Share of the drawing's link width: the site side (access circuits, VPNs) thin, the
    /// cloud side thick.
    pub width: f32,
    /// Dash and gap, in units of the drawing's link width (VPNs run over the internet).
    pub dash: Option<[f32; 2]>,
}

impl LinkLook {
    pub fn of(kind: LinkKindTag) -> LinkLook {
        LinkLook {
            width: if crate::look::link_is_thin(kind) {
                0.55
            } else {
                1.0
            },
            dash: crate::look::link_is_dashed(kind).then_some([3.0, 2.0]),
        }
    }
}

/// The legend of a drawing holding these kinds (each list in the kinds' usual order), badges
/// when any element has one, and group boxes when drawn.
pub fn entries(
    nodes: &[NodeKindTag],
    links: &[LinkKindTag],
    badges: &[Severity],
    groups: bool,
) -> Vec<Entry> {
    let capital = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for kind in NodeKindTag::ALL.into_iter().filter(|k| nodes.contains(k)) {
        out.push(Entry {
            mark: Mark::Node(kind),
            text: capital(kind.label()),
        });
    }
    for kind in LinkKindTag::ALL.into_iter().filter(|k| links.contains(k)) {
        out.push(Entry {
            mark: Mark::Link(kind),
            text: capital(kind.label()),
        });
    }
    for (severity, text) in [
        (Severity::Error, "Has errors"),
        (Severity::Warning, "Has warnings"),
    ] {
        if badges.contains(&severity) {
            out.push(Entry {
                mark: Mark::Badge(severity),
                text: text.into(),
            });
        }
    }
    if groups {
        out.push(Entry {
            mark: Mark::Group(GroupKind::Metro(String::new())),
            text: "Metro (facilities, routers)".into(),
        });
    }
    out
}

/// The whole legend: every kind, both badges, the group box.
pub fn all() -> Vec<Entry> {
    entries(
        &NodeKindTag::ALL,
        &LinkKindTag::ALL,
        &[Severity::Error, Severity::Warning],
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_lists_what_is_drawn_in_the_usual_order() {
        let e = entries(
            &[NodeKindTag::AwsRegion, NodeKindTag::OnPremSite],
            &[LinkKindTag::SiteToSiteVpn],
            &[],
            false,
        );
        let texts: Vec<&str> = e.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["On-prem site", "AWS region", "Site-to-site VPN"]);
        assert_eq!(all().len(), 5 + 5 + 2 + 1);
        assert!(LinkLook::of(LinkKindTag::SiteToSiteVpn).dash.is_some());
        assert!(
            LinkLook::of(LinkKindTag::AccessCircuit).width
                < LinkLook::of(LinkKindTag::ExpressRouteCircuit).width
        );
    }
}

//! The inspector of several elements: the properties they share, each showing the common value
//! or "mixed", offering only the values valid for every one of them (from `offers`); a value
//! chosen is set on all of them in one `Edit::Batch`, one undo step.

use super::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Where the selected elements are in the design — their indices, and the nodes at the
/// selected links' ends — found by one scan when the design's revision or the selection
/// changes, not every frame (a scan of a 100,000-site design is hundreds of thousands of ids).
#[derive(Default)]
pub struct Located {
    key: Option<((u64, u64), Vec<String>)>,
    nodes: Vec<usize>,
    links: Vec<usize>,
    ends: Vec<usize>,
}

impl Located {
    /// Finds `ids` in `design` unless they were found for this revision `key` already.
    pub fn refresh(&mut self, key: (u64, u64), design: &Design, ids: &[String]) {
        if self
            .key
            .as_ref()
            .is_some_and(|(k, found)| *k == key && found == ids)
        {
            return;
        }
        let chosen: FxHashSet<&str> = ids.iter().map(String::as_str).collect();
        let nodes: Vec<usize> = (0..design.nodes.len())
            .filter(|&i| chosen.contains(design.nodes[i].id.as_str()))
            .collect();
        let links: Vec<usize> = (0..design.links.len())
            .filter(|&i| chosen.contains(design.links[i].id.as_str()))
            .collect();
        let end_ids: FxHashSet<&str> = links
            .iter()
            .flat_map(|&i| [design.links[i].a.as_str(), design.links[i].b.as_str()])
            .collect();
        let ends = (0..design.nodes.len())
            .filter(|&i| end_ids.contains(design.nodes[i].id.as_str()))
            .collect();
        *self = Located {
            key: Some((key, ids.to_vec())),
            nodes,
            links,
            ends,
        };
    }
}

/// The value every item has, if they all have the same.
fn common<T: PartialEq>(mut values: impl Iterator<Item = T>) -> Option<T> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// The values offered to every item: those in each item's list, in the first list's order.
fn offered_to_all(lists: impl Iterator<Item = Vec<u64>>) -> Vec<u64> {
    let mut out: Option<Vec<u64>> = None;
    for list in lists {
        out = Some(match out {
            None => list,
            Some(o) => o.into_iter().filter(|v| list.contains(v)).collect(),
        });
    }
    out.unwrap_or_default()
}

/// A shared choice: its label ("Bandwidth", or "Bandwidth: mixed" when the items differ) and
/// the values, the common one selected; returns the value clicked unless every item has it.
fn shared_choice_ui<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: Option<T>,
    options: &[(T, String)],
) -> Option<T> {
    match current {
        Some(_) => ui.label(label),
        None => ui.label(format!("{label}: mixed")),
    };
    if options.is_empty() {
        ui.weak("no value is offered to all of them");
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        let mut out = None;
        for (value, text) in options {
            if ui.selectable_label(Some(*value) == current, text).clicked()
                && Some(*value) != current
            {
                out = Some(*value);
            }
        }
        out
    })
    .inner
}

/// A shared text field: the common text, or empty with "(mixed)" in its label; returns the text
/// entered when the field is left changed.
fn shared_text_ui(
    ui: &mut egui::Ui,
    b: &mut Buffers,
    key: &str,
    label: &str,
    current: Option<&str>,
) -> Option<String> {
    let label = match current {
        Some(_) => label.to_string(),
        None => format!("{label} (mixed)"),
    };
    b.text(ui, &format!("several/{key}"), &label, current.unwrap_or(""))
}

/// "3 ExpressRoute circuits, 1 on-prem site".
fn counted(kinds: &[(&'static str, usize)]) -> String {
    kinds
        .iter()
        .map(|(kind, n)| format!("{n} × {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draw the inspector for the elements `ids` (more than one); returns the one edit (a batch)
/// that sets a property on all of them, if the user set one.
pub fn several_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    located: &Located,
    b: &mut Buffers,
) -> Option<Edit> {
    let nodes: Vec<&Node> = located.nodes.iter().map(|&i| &design.nodes[i]).collect();
    let links: Vec<&Link> = located.links.iter().map(|&i| &design.links[i]).collect();
    let mut kinds: Vec<(&'static str, usize)> = Vec::new();
    let mut count = |kind: &'static str| match kinds.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, n)) => *n += 1,
        None => kinds.push((kind, 1)),
    };
    nodes.iter().for_each(|n| count(n.tag().label()));
    links.iter().for_each(|l| count(l.tag().label()));
    ui.label(format!("{} elements selected", nodes.len() + links.len()));
    ui.small(counted(&kinds));
    ui.separator();
    let edit = if kinds.len() != 1 {
        ui.label("Elements of different kinds share no property to set together; select elements of one kind to edit them at once.");
        None
    } else if !links.is_empty() {
        links_ui(ui, design, located, catalog, &links)
    } else {
        nodes_ui(ui, &nodes, b)
    };
    if edit.is_some() {
        b.0.retain(|k, _| !k.ends_with("#errorshown"));
    }
    b.error_ui(ui);
    edit
}

/// The batch that replaces each link's kind by `change(kind)`, skipping the links it leaves
/// unchanged; None when it changes none.
fn batch_links(links: &[&Link], change: impl Fn(&LinkKind) -> LinkKind) -> Option<Edit> {
    let steps: Vec<Edit> = links
        .iter()
        .filter_map(|l| {
            let kind = change(&l.kind);
            (kind != l.kind).then(|| Edit::ReplaceLink {
                link: Link {
                    kind,
                    ..(*l).clone()
                },
            })
        })
        .collect();
    (!steps.is_empty()).then_some(Edit::Batch(steps))
}

fn batch_nodes(nodes: &[&Node], change: impl Fn(&NodeKind) -> NodeKind) -> Option<Edit> {
    let steps: Vec<Edit> = nodes
        .iter()
        .filter_map(|n| {
            let kind = change(&n.kind);
            (kind != n.kind).then(|| Edit::ReplaceNode {
                node: Node {
                    kind,
                    ..(*n).clone()
                },
            })
        })
        .collect();
    (!steps.is_empty()).then_some(Edit::Batch(steps))
}

/// Links of one kind: ExpressRoute circuits (SKU, billing, bandwidth), Direct Connect
/// connections (capacity), access circuits and fabric connections (bandwidth).
fn links_ui(
    ui: &mut egui::Ui,
    design: &Design,
    located: &Located,
    catalog: &Catalog,
    links: &[&Link],
) -> Option<Edit> {
    // The facility at each link's end, from the nodes at the selected links' ends.
    let by_id: FxHashMap<&str, &Node> = located
        .ends
        .iter()
        .map(|&i| (design.nodes[i].id.as_str(), &design.nodes[i]))
        .collect();
    let facility = |l: &Link| {
        [&l.a, &l.b]
            .into_iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .find_map(|n| n.as_facility())
    };
    let ers: Vec<(&Link, &ExpressRouteCircuit)> = links
        .iter()
        .filter_map(|l| Some((*l, l.as_er()?)))
        .collect();
    if ers.len() == links.len() {
        return er_several_ui(ui, links, &ers, &facility);
    }
    let dxs: Vec<&DirectConnectConnection> = links
        .iter()
        .filter_map(|l| match &l.kind {
            LinkKind::DirectConnectConnection(c) => Some(c),
            _ => None,
        })
        .collect();
    if dxs.len() == links.len() {
        let lists = links.iter().zip(&dxs).map(|(l, c)| {
            let location = facility(l)
                .and_then(|f| f.dx_location.as_deref())
                .and_then(|code| catalog.dx_location(code));
            offers::dx::capacities_mbps(c.connection_type, location)
        });
        let sizes = offered_to_all(lists);
        let current = common(dxs.iter().map(|c| c.capacity_mbps));
        let capacity_mbps = shared_choice_ui(ui, "Capacity", current, &bandwidth_options(&sizes))?;
        return batch_links(links, |k| match k {
            LinkKind::DirectConnectConnection(c) => {
                LinkKind::DirectConnectConnection(DirectConnectConnection {
                    capacity_mbps,
                    ..c.clone()
                })
            }
            other => other.clone(),
        });
    }
    let bandwidths: Vec<u64> = links
        .iter()
        .filter_map(|l| match &l.kind {
            LinkKind::AccessCircuit(c) => Some(c.bandwidth_mbps),
            LinkKind::FabricConnection(f) => Some(f.bandwidth_mbps),
            _ => None,
        })
        .collect();
    if bandwidths.len() == links.len() {
        let sizes: &[u64] = match links[0].tag() {
            LinkKindTag::AccessCircuit => &ACCESS_SIZES_MBPS,
            _ => &FABRIC_SIZES_MBPS,
        };
        let current = common(bandwidths.iter().copied());
        let bandwidth_mbps = shared_choice_ui(ui, "Bandwidth", current, &bandwidth_options(sizes))?;
        return batch_links(links, |k| match k {
            LinkKind::AccessCircuit(c) => LinkKind::AccessCircuit(AccessCircuit {
                bandwidth_mbps,
                ..c.clone()
            }),
            LinkKind::FabricConnection(f) => LinkKind::FabricConnection(FabricConnection {
                bandwidth_mbps,
                ..f.clone()
            }),
            other => other.clone(),
        });
    }
    ui.label("Set these links' properties one at a time.");
    None
}

/// Several ExpressRoute circuits: the SKU tier, the billing (family) unless one is Local, and
/// the bandwidths every circuit can have (provider sizes of its tier, or its ER Direct port's).
fn er_several_ui<'d>(
    ui: &mut egui::Ui,
    links: &[&Link],
    ers: &[(&Link, &ExpressRouteCircuit)],
    facility: &dyn Fn(&Link) -> Option<&'d ColocationFacility>,
) -> Option<Edit> {
    let set = |f: &dyn Fn(&ExpressRouteCircuit) -> ExpressRouteCircuit| {
        batch_links(links, |k| match k {
            LinkKind::ExpressRouteCircuit(c) => LinkKind::ExpressRouteCircuit(f(c)),
            other => other.clone(),
        })
    };
    let tiers =
        [ErSkuTier::Local, ErSkuTier::Standard, ErSkuTier::Premium].map(|t| (t, format!("{t:?}")));
    if let Some(sku_tier) = shared_choice_ui(
        ui,
        "SKU",
        common(ers.iter().map(|(_, c)| c.sku_tier)),
        &tiers,
    ) {
        // As for one circuit: a Local circuit is billed Unlimited.
        return set(&|c| ExpressRouteCircuit {
            sku_tier,
            billing: if sku_tier == ErSkuTier::Local {
                ErBilling::Unlimited
            } else {
                c.billing
            },
            ..c.clone()
        });
    }
    if ers.iter().all(|(_, c)| c.sku_tier != ErSkuTier::Local) {
        let billings = [ErBilling::Metered, ErBilling::Unlimited].map(|x| (x, format!("{x:?}")));
        if let Some(billing) = shared_choice_ui(
            ui,
            "Billing",
            common(ers.iter().map(|(_, c)| c.billing)),
            &billings,
        ) {
            return set(&|c| ExpressRouteCircuit {
                billing,
                ..c.clone()
            });
        }
    }
    let lists = ers.iter().map(|(l, c)| {
        let port = c
            .direct_port
            .as_ref()
            .and_then(|p| facility(l)?.er_direct_ports.iter().find(|x| &x.id == p));
        match port {
            Some(p) => offers::er::direct_sizes_mbps(p.port_speed_mbps).to_vec(),
            None => offers::er::provider_sizes_mbps(c.sku_tier),
        }
    });
    let sizes = offered_to_all(lists);
    let bandwidth_mbps = shared_choice_ui(
        ui,
        "Bandwidth",
        common(ers.iter().map(|(_, c)| c.bandwidth_mbps)),
        &bandwidth_options(&sizes),
    )?;
    set(&|c| ExpressRouteCircuit {
        bandwidth_mbps,
        ..c.clone()
    })
}

/// Nodes of one kind: sites (metro), colocation facilities (operator, metro), Azure regions
/// (ExpressRoute gateway SKU), AWS regions (attachment).
fn nodes_ui(ui: &mut egui::Ui, nodes: &[&Node], b: &mut Buffers) -> Option<Edit> {
    match nodes.first().map(|n| n.tag()) {
        Some(NodeKindTag::OnPremSite) => {
            let metro = common(nodes.iter().filter_map(|n| match &n.kind {
                NodeKind::OnPremSite(s) => Some(s.metro.as_str()),
                _ => None,
            }));
            let metro = shared_text_ui(ui, b, "site-metro", "Metro", metro)?;
            batch_nodes(nodes, |k| match k {
                NodeKind::OnPremSite(s) => NodeKind::OnPremSite(OnPremSite {
                    metro: metro.clone(),
                    ..s.clone()
                }),
                other => other.clone(),
            })
        }
        Some(NodeKindTag::ColocationFacility) => {
            let facilities: Vec<&ColocationFacility> =
                nodes.iter().filter_map(|n| n.as_facility()).collect();
            let fields: [Field<ColocationFacility>; 2] = [
                ("operator", "Operator", |f| &mut f.operator),
                ("metro", "Metro", |f| &mut f.metro),
            ];
            for (key, label, field) in fields {
                let current = common(facilities.iter().map(|f| field(&mut (*f).clone()).clone()));
                if let Some(text) =
                    shared_text_ui(ui, b, &format!("facility-{key}"), label, current.as_deref())
                {
                    return batch_nodes(nodes, |k| match k {
                        NodeKind::ColocationFacility(f) => {
                            let mut f = f.clone();
                            *field(&mut f) = text.clone();
                            NodeKind::ColocationFacility(f)
                        }
                        other => other.clone(),
                    });
                }
            }
            None
        }
        Some(NodeKindTag::AzureRegion) => {
            let current = common(nodes.iter().filter_map(|n| match &n.kind {
                NodeKind::AzureRegion(a) => Some(a.gateway.as_ref().map(|g| g.sku)),
                _ => None,
            }));
            let sku = shared_choice_ui(ui, "ExpressRoute gateway", current, &er_gateway_options())?;
            batch_nodes(nodes, |k| match k {
                // A region keeps its gateway's settings when it already has this SKU.
                NodeKind::AzureRegion(a) if a.gateway.as_ref().map(|g| g.sku) != sku => {
                    NodeKind::AzureRegion(AzureRegion {
                        gateway: er_gateway_of(sku),
                        ..a.clone()
                    })
                }
                other => other.clone(),
            })
        }
        Some(NodeKindTag::AwsRegion) => {
            let current = common(nodes.iter().filter_map(|n| match &n.kind {
                NodeKind::AwsRegion(a) => Some(a.attachment),
                _ => None,
            }));
            let attachment = shared_choice_ui(ui, "Attachment", current, &attachment_options())?;
            batch_nodes(nodes, |k| match k {
                NodeKind::AwsRegion(a) if a.attachment != attachment => {
                    NodeKind::AwsRegion(with_attachment(a, attachment))
                }
                other => other.clone(),
            })
        }
        _ => {
            ui.label("Set these nodes' properties one at a time.");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::test_support::{app_with, harness};
    use crate::model::LinkKind;
    use egui_kittest::kittest::Queryable;

    fn bandwidths(
        h: &egui_kittest::Harness<'static, crate::gui::DesignerApp>,
    ) -> Vec<(String, u64)> {
        h.state()
            .design
            .links
            .iter()
            .filter_map(|l| match &l.kind {
                LinkKind::ExpressRouteCircuit(c) => Some((l.id.to_string(), c.bandwidth_mbps)),
                _ => None,
            })
            .collect()
    }

    /// Three circuits selected: their bandwidths differ, so the field says "mixed"; one click
    /// sets the bandwidth of all three, and one undo restores each one's own.
    #[test]
    fn setting_the_bandwidth_of_three_circuits_is_one_undo_step() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let before = bandwidths(&h);
        assert!(
            before.len() >= 3,
            "the sample has three circuits: {before:?}"
        );
        let three: Vec<String> = before.iter().take(3).map(|(id, _)| id.clone()).collect();
        // Make them differ first, as one edit, so that the field is mixed.
        let mut design = h.state().design.clone();
        for (n, id) in three.iter().enumerate() {
            let l = design
                .links
                .iter_mut()
                .find(|l| l.id.as_str() == id)
                .unwrap();
            if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                c.bandwidth_mbps = [1_000, 2_000, 500][n];
            }
        }
        let steps = design
            .links
            .iter()
            .filter(|l| three.contains(&l.id.to_string()))
            .map(|l| crate::edit::Edit::ReplaceLink { link: l.clone() })
            .collect();
        h.state_mut().apply(crate::edit::Edit::Batch(steps));
        let mixed = bandwidths(&h);
        h.state_mut().selection = three.clone();
        h.run_steps(2);
        h.get_by_label("3 elements selected");
        h.get_by_label("Bandwidth: mixed");
        let revision = h.state().history.revision();
        h.get_by_label("5 Gbps").click();
        h.run_steps(2);
        assert!(
            bandwidths(&h)
                .iter()
                .filter(|(id, _)| three.contains(id))
                .all(|(_, b)| *b == 5_000),
            "{:?}",
            bandwidths(&h)
        );
        assert_eq!(h.state().history.revision(), revision + 1, "one edit");
        assert!(h.query_by_label("Bandwidth: mixed").is_none());
        h.get_by_label("Bandwidth");
        h.state_mut().undo();
        h.run_steps(2);
        assert_eq!(bandwidths(&h), mixed, "one undo restores all three");
        h.get_by_label("Bandwidth: mixed");
    }

    /// Two Azure regions: one ExpressRoute gateway SKU set on both, one undo step.
    #[test]
    fn several_azure_regions_get_one_gateway_sku() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let regions: Vec<String> = h
            .state()
            .design
            .nodes
            .iter()
            .filter(|n| n.as_azure().is_some())
            .map(|n| n.id.to_string())
            .collect();
        assert!(regions.len() >= 2, "{regions:?}");
        let before = h.state().design.clone();
        h.state_mut().selection = regions.clone();
        h.run_steps(2);
        h.get_by_label("ErGw3AZ").click();
        h.run_steps(2);
        for n in h
            .state()
            .design
            .nodes
            .iter()
            .filter(|n| regions.contains(&n.id.to_string()))
        {
            let gw = n.as_azure().and_then(|a| a.gateway.clone()).unwrap();
            assert_eq!(gw.sku, crate::model::ErGatewaySku::ErGw3Az, "{}", n.id);
        }
        h.state_mut().undo();
        assert_eq!(h.state().design, before);
    }

    /// A circuit and a site share nothing to set: only the count is shown.
    #[test]
    fn elements_of_different_kinds_show_only_their_count() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let site = h.state().design.nodes[0].id.to_string();
        let circuit = h
            .state()
            .design
            .links
            .iter()
            .find(|l| l.as_er().is_some())
            .unwrap()
            .id
            .to_string();
        h.state_mut().selection = vec![site, circuit];
        h.run_steps(2);
        h.get_by_label("2 elements selected");
        assert!(h.query_by_label_contains("share no property").is_some());
        assert!(h.query_by_label("Bandwidth").is_none());
        assert!(h.query_by_label("Bandwidth: mixed").is_none());
    }

    /// The selected elements are found once per revision and selection: the same key finds
    /// nothing anew (the frame does no scan), a new revision or selection finds them again.
    #[test]
    fn the_selection_is_located_once_per_revision_and_selection() {
        let mut design = crate::design_file::load(std::path::Path::new(
            "designs/dual-cloud-ashburn-chicago.json",
        ))
        .unwrap();
        let circuit = design
            .links
            .iter()
            .position(|l| l.as_er().is_some())
            .unwrap();
        let ids = vec![
            design.nodes[0].id.to_string(),
            design.links[circuit].id.to_string(),
        ];
        let mut located = super::Located::default();
        located.refresh((0, 1), &design, &ids);
        assert_eq!(
            (located.nodes.clone(), located.links.clone()),
            (vec![0], vec![circuit])
        );
        assert_eq!(located.ends.len(), 2, "the circuit's two ends");
        // The design changes under the same key (which the history never allows): not looked
        // at again, so the old indices stay.
        design.nodes.swap(0, 1);
        located.refresh((0, 1), &design, &ids);
        assert_eq!(located.nodes, vec![0]);
        // A new revision: found again.
        located.refresh((0, 2), &design, &ids);
        assert_eq!(located.nodes, vec![1]);
        // Another selection under that revision: found again.
        located.refresh((0, 2), &design, &ids[1..]);
        assert!(located.nodes.is_empty());
        assert_eq!(located.links, vec![circuit]);
    }
}

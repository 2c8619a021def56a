//! The section of an ExpressRoute circuit.

use super::*;

/// An ExpressRoute circuit: SKU and billing, bandwidth, connection, provider and options,
/// private peering, then the rest (`er_more_ui`). The first change made is the edit.
pub(super) fn express_route_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let l = cx.l;
    er_sku_ui(ui, l, c)
        .or_else(|| er_bandwidth_ui(ui, l, c, cx.facility))
        .or_else(|| er_connection_ui(ui, l, c, cx.facility))
        .or_else(|| er_options_ui(ui, l, c, b))
        .or_else(|| private_peering_ui(ui, l, c, b))
        .or_else(|| er_more_ui(ui, cx, c, b))
}

/// The edit that gives the link these circuit properties.
fn replace_er(l: &Link, c: ExpressRouteCircuit) -> Option<Edit> {
    replace_link(l, LinkKind::ExpressRouteCircuit(c))
}

/// The SKU tier (a Local circuit is billed Unlimited) and, unless Local, the billing.
fn er_sku_ui(ui: &mut egui::Ui, l: &Link, c: &ExpressRouteCircuit) -> Option<Edit> {
    let tiers =
        [ErSkuTier::Local, ErSkuTier::Standard, ErSkuTier::Premium].map(|t| (t, format!("{t:?}")));
    if let Some(sku_tier) = choices(ui, "SKU", c.sku_tier, &tiers) {
        let billing = if sku_tier == ErSkuTier::Local {
            ErBilling::Unlimited
        } else {
            c.billing
        };
        return replace_er(
            l,
            ExpressRouteCircuit {
                sku_tier,
                billing,
                ..c.clone()
            },
        );
    }
    if c.sku_tier != ErSkuTier::Local {
        let billings = [ErBilling::Metered, ErBilling::Unlimited].map(|x| (x, format!("{x:?}")));
        if let Some(billing) = choices(ui, "Billing", c.billing, &billings) {
            return replace_er(
                l,
                ExpressRouteCircuit {
                    billing,
                    ..c.clone()
                },
            );
        }
    }
    None
}

/// Only the bandwidths the circuit can have: provider sizes (Local from 1 Gbps), or the sizes
/// of its ExpressRoute Direct port.
fn er_bandwidth_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    facility: Option<&ColocationFacility>,
) -> Option<Edit> {
    let port = c
        .direct_port
        .as_ref()
        .and_then(|p| facility?.er_direct_ports.iter().find(|x| &x.id == p));
    let sizes: Vec<u64> = match port {
        Some(p) => offers::er::direct_sizes_mbps(p.port_speed_mbps).to_vec(),
        None => offers::er::provider_sizes_mbps(c.sku_tier),
    };
    let bandwidth_mbps = choices(
        ui,
        "Bandwidth",
        c.bandwidth_mbps,
        &bandwidth_options(&sizes),
    )?;
    replace_er(
        l,
        ExpressRouteCircuit {
            bandwidth_mbps,
            ..c.clone()
        },
    )
}

/// Provider circuit, or a circuit carved from one of the facility's ExpressRoute Direct ports;
/// the bandwidth follows to a size the new choice allows.
pub(super) fn er_connection_ui(
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

/// The provider (of a circuit not on an ExpressRoute Direct port), BGP on both links, FastPath.
fn er_options_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    if c.direct_port.is_none() {
        if let Some(provider) = b.text(ui, &format!("{}/provider", l.id), "Provider", &c.provider) {
            return replace_er(
                l,
                ExpressRouteCircuit {
                    provider,
                    ..c.clone()
                },
            );
        }
    }
    if let Some(redundant) = toggled(
        ui,
        c.redundant_bgp,
        "BGP on both links (primary and secondary)",
    ) {
        return replace_er(
            l,
            ExpressRouteCircuit {
                redundant_bgp: redundant,
                ..c.clone()
            },
        );
    }
    if let Some(fastpath) = toggled(ui, c.fastpath, "FastPath") {
        return replace_er(
            l,
            ExpressRouteCircuit {
                fastpath,
                ..c.clone()
            },
        );
    }
    None
}

/// Private peering on or off and, when on, its peer ASN and IPv4 prefixes.
fn private_peering_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let private = c.peerings.private.clone();
    if let Some(has_private) = toggled(ui, private.is_some(), "Private peering") {
        let peerings = ErPeerings {
            private: has_private.then(ErPrivatePeering::default),
            ..c.peerings.clone()
        };
        return replace_er(
            l,
            ExpressRouteCircuit {
                peerings,
                ..c.clone()
            },
        );
    }
    let p = private?;
    let with = |p: ErPrivatePeering| {
        replace_er(
            l,
            ExpressRouteCircuit {
                peerings: ErPeerings {
                    private: Some(p),
                    ..c.peerings.clone()
                },
                ..c.clone()
            },
        )
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
    None
}

/// Private-peering IPv6, Microsoft peering, VNet links, ExpressRoute Metro and Global Reach.
pub(super) fn er_more_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let l = cx.l;
    private_ipv6_ui(ui, l, c, b)
        .or_else(|| microsoft_peering_ui(ui, l, c, b))
        .or_else(|| vnet_links_ui(ui, l, c, b))
        .or_else(|| metro_ui(ui, cx.design, l, c))
        .or_else(|| global_reach_ui(ui, cx, c))
}

/// The IPv6 prefixes advertised over private peering, when it is on.
fn private_ipv6_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let p = c.peerings.private.as_ref()?;
    let Some(Some(n)) = b.number(
        ui,
        &format!("{}/v6", l.id),
        "  IPv6 prefixes advertised",
        Some(u64::from(p.advertised_ipv6_prefixes)),
        false,
    ) else {
        return None;
    };
    let mut c = c.clone();
    if let Some(p) = c.peerings.private.as_mut() {
        p.advertised_ipv6_prefixes = u32_of(n);
    }
    replace_er(l, c)
}

/// Microsoft peering on or off and, when on, its properties (`microsoft_fields_ui`).
fn microsoft_peering_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    if let Some(has_microsoft) = toggled(ui, c.peerings.microsoft.is_some(), "Microsoft peering") {
        let mut c = c.clone();
        c.peerings.microsoft = has_microsoft.then(ErMicrosoftPeering::default);
        return replace_er(l, c);
    }
    let m = c.peerings.microsoft.as_ref()?;
    let m = microsoft_fields_ui(ui, l, m, b)?;
    let mut c = c.clone();
    c.peerings.microsoft = Some(m);
    replace_er(l, c)
}

/// Microsoft peering's peer ASN, IPv4 prefixes, route filter and Microsoft 365: the peering
/// with the one property changed.
fn microsoft_fields_ui(
    ui: &mut egui::Ui,
    l: &Link,
    m: &ErMicrosoftPeering,
    b: &mut Buffers,
) -> Option<ErMicrosoftPeering> {
    if let Some(asn) = b.number(
        ui,
        &format!("{}/ms-asn", l.id),
        "  peer ASN",
        m.peer_asn.map(u64::from),
        true,
    ) {
        return Some(ErMicrosoftPeering {
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
        return Some(ErMicrosoftPeering {
            advertised_ipv4_prefixes: u32_of(n),
            ..m.clone()
        });
    }
    if let Some(filter) = toggled(ui, m.route_filter, "  Route filter attached") {
        return Some(ErMicrosoftPeering {
            route_filter: filter,
            ..m.clone()
        });
    }
    if let Some(m365) = toggled(ui, m.microsoft_365, "  Microsoft 365 over this peering") {
        return Some(ErMicrosoftPeering {
            microsoft_365: m365,
            ..m.clone()
        });
    }
    None
}

/// How many VNets the circuit connects.
fn vnet_links_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let Some(Some(n)) = b.number(
        ui,
        &format!("{}/vnets", l.id),
        "VNet links",
        Some(u64::from(c.vnet_links)),
        false,
    ) else {
        return None;
    };
    replace_er(
        l,
        ExpressRouteCircuit {
            vnet_links: u32_of(n),
            ..c.clone()
        },
    )
}

/// ExpressRoute Metro: the second facility must be at the documented partner location.
fn metro_ui(ui: &mut egui::Ui, design: &Design, l: &Link, c: &ExpressRouteCircuit) -> Option<Edit> {
    let here = design.end_nodes(l).find(|n| n.as_facility().is_some());
    let location = here
        .and_then(|n| n.as_facility())
        .and_then(|f| f.er_peering_location.as_deref());
    let partner = location.and_then(crate::rules::metro_partner);
    if partner.is_none() && c.metro_secondary_facility.is_none() {
        return None;
    }
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
        return replace_er(
            l,
            ExpressRouteCircuit {
                metro_secondary_facility: second.map(NodeId::from),
                ..c.clone()
            },
        );
    }
    if candidates.is_empty() {
        if let Some(p) = partner {
            ui.small(format!(
                "Add a facility at the {p} peering location to make this a Metro circuit."
            ));
        }
    }
    None
}

/// Global Reach: other circuits at another peering location that are not Local, each joined
/// or not (`global_reach_row`).
fn global_reach_ui(ui: &mut egui::Ui, cx: LinkCx<'_>, c: &ExpressRouteCircuit) -> Option<Edit> {
    let LinkCx {
        design, catalog, l, ..
    } = cx;
    // Every circuit of the design is looked at, every frame: their facilities come from one
    // table, not a scan of all nodes per circuit (that cost ~60 ms a frame at 10,000 sites).
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
    if partners.is_empty() {
        return None;
    }
    ui.label("Global Reach with");
    for o in partners {
        let at = location_of(o)
            .and_then(|loc| catalog.er_location(loc).map(|x| x.name.clone()))
            .unwrap_or_else(|| "unknown location".into());
        if let Some(edit) = global_reach_row(ui, l, c, o, &at) {
            return Some(edit);
        }
    }
    None
}

/// Circuit `o` (at location `at`) joined to this one by Global Reach, or not: joining adds it
/// to this circuit; leaving removes the pair from both circuits, in one step.
fn global_reach_row(
    ui: &mut egui::Ui,
    l: &Link,
    c: &ExpressRouteCircuit,
    o: &Link,
    at: &str,
) -> Option<Edit> {
    let theirs = o.as_er().is_some_and(|oc| oc.global_reach.contains(&l.id));
    let mut joined = c.global_reach.contains(&o.id) || theirs;
    if !ui
        .checkbox(&mut joined, format!("  {} ({at})", o.label()))
        .changed()
    {
        return None;
    }
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
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use eframe::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn fixing_a_finding_in_the_inspector_clears_it_in_one_undo_step() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let er001 = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .any(|f| f.code == "ER001" && f.subjects == ["er-sp"])
        };
        assert!(er001(&h), "300 Mbps is not an ExpressRoute bandwidth");
        h.state_mut().selection = vec!["er-sp".into()];
        h.run_steps(2);
        // Only offered bandwidths are offered: no 300 Mbps choice.
        assert!(h.query_by_label("300 Mbps").is_none());
        let revision = h.state().history.revision();
        h.get_by_label("500 Mbps").click();
        h.run_steps(2);
        assert!(!er001(&h));
        assert_eq!(h.state().history.revision(), revision + 1);
        h.state_mut().undo();
        assert!(er001(&h));
    }

    #[test]
    fn typing_a_new_asn_in_the_inspector_fixes_the_reserved_asn() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let er022 = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .any(|f| f.code == "ER022")
        };
        assert!(er022(&h));
        h.state_mut().selection = vec!["er-par-local".into()];
        h.run_steps(2);
        let field = h.get_all_by_value("65515").next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value("65515")
            .next()
            .unwrap()
            .type_text("65010");
        h.run_steps(1);
        assert!(er022(&h), "nothing changes while typing");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert!(
            !er022(&h),
            "{:?}",
            h.state()
                .design
                .link(&"er-par-local".into())
                .and_then(|l| l.as_er())
                .map(|c| c.peerings.private.clone())
        );
        // A bad entry is refused with a message and changes nothing.
        let revision = h.state().history.revision();
        let field = h.get_all_by_value("65010").next().unwrap();
        field.focus();
        h.run_steps(1);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_all_by_value("65010")
            .next()
            .unwrap()
            .type_text("sixty");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(h.state().history.revision(), revision);
        assert!(h.query_by_label_contains("is not a whole number").is_some());
    }

    fn er(h: &Harness<'static, DesignerApp>, id: &str) -> crate::model::ExpressRouteCircuit {
        h.state()
            .design
            .link(&id.into())
            .and_then(|l| l.as_er())
            .cloned()
            .expect("an ExpressRoute circuit")
    }

    #[test]
    fn microsoft_peering_and_global_reach_are_set_in_the_inspector() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["er-dc2".into()];
        h.run_steps(2);
        h.get_by_label("Microsoft peering").click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").peerings.microsoft.is_some());
        h.get_by_label("  Route filter attached").click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").peerings.microsoft.unwrap().route_filter);

        // The other circuit is at another peering location: offered for Global Reach.
        h.get_by_label_contains("ER Chicago (Chicago)").click();
        h.run_steps(2);
        assert_eq!(er(&h, "er-dc2").global_reach, vec!["er-ch1".into()]);
        // Seen from the partner, the pair is joined too; leaving it there clears both sides.
        h.state_mut().selection = vec!["er-ch1".into()];
        h.run_steps(2);
        let revision = h.state().history.revision();
        h.get_by_label_contains("ER Washington DC (Washington DC)")
            .click();
        h.run_steps(2);
        assert!(er(&h, "er-dc2").global_reach.is_empty());
        assert!(er(&h, "er-ch1").global_reach.is_empty());
        assert_eq!(h.state().history.revision(), revision + 1, "one undo step");
    }

    #[test]
    fn er_direct_ports_and_metro_are_chosen_from_what_the_location_offers() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        // Amsterdam offers ExpressRoute Direct: add a 10 Gbps port pair to the facility.
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Add 10 Gbps port pair").click();
        h.run_steps(2);
        let ports = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .node(&"fac-am5".into())
                .and_then(|n| n.as_facility())
                .map(|f| f.er_direct_ports.clone())
                .unwrap()
        };
        assert_eq!(ports(&h).len(), 1);
        assert_eq!(ports(&h)[0].port_speed_mbps, 10_000);

        // The circuit can now be carved from the port; the provider goes.
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        h.get_by_label("ER Direct erd-1 (10 Gbps)").click();
        h.run_steps(2);
        let c = er(&h, "er-ams");
        assert_eq!(c.direct_port.as_deref(), Some("erd-1"));
        assert!(c.provider.is_empty());

        // A port in use cannot be removed.
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Remove port erd-1").click();
        h.run_steps(2);
        assert_eq!(ports(&h).len(), 1);

        // Metro: only a facility at the documented partner location (Amsterdam2) is offered.
        let mut second = h.state().design.node(&"fac-fra11".into()).unwrap().clone();
        second.id = "fac-ams8".into();
        second.name = "Digital Realty AMS8".into();
        if let crate::model::NodeKind::ColocationFacility(f) = &mut second.kind {
            f.er_peering_location = Some("Amsterdam2".into());
        }
        h.state_mut().apply(crate::edit::Edit::InsertNode {
            index: None,
            node: second,
        });
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        assert!(
            h.query_by_label("Metro with Digital Realty FRA11 Frankfurt")
                .is_none()
        );
        h.get_by_label("Metro with Digital Realty AMS8").click();
        h.run_steps(2);
        assert_eq!(
            er(&h, "er-ams").metro_secondary_facility,
            Some("fac-ams8".into())
        );
    }
}

//! The section of an ExpressRoute circuit.

use super::*;

/// An ExpressRoute circuit: SKU, billing, bandwidth, then the rest (`er_more_ui`).
pub(super) fn express_route_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let LinkCx {
        design,
        catalog,
        l,
        facility,
    } = cx;
    let replace = |kind: LinkKind| replace_link(l, kind);
    let tiers =
        [ErSkuTier::Local, ErSkuTier::Standard, ErSkuTier::Premium].map(|t| (t, format!("{t:?}")));
    if let Some(sku_tier) = choices(ui, "SKU", c.sku_tier, &tiers) {
        let billing = if sku_tier == ErSkuTier::Local {
            ErBilling::Unlimited
        } else {
            c.billing
        };
        return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
            sku_tier,
            billing,
            ..c.clone()
        }));
    }
    if c.sku_tier != ErSkuTier::Local {
        let billings = [ErBilling::Metered, ErBilling::Unlimited].map(|x| (x, format!("{x:?}")));
        if let Some(billing) = choices(ui, "Billing", c.billing, &billings) {
            return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                billing,
                ..c.clone()
            }));
        }
    }
    // Only the bandwidths the circuit can have: provider sizes (Local from 1 Gbps), or
    // the sizes of its ExpressRoute Direct port.
    let port = c
        .direct_port
        .as_ref()
        .and_then(|p| facility?.er_direct_ports.iter().find(|x| &x.id == p));
    let sizes: Vec<u64> = match port {
        Some(p) => offers::er::direct_sizes_mbps(p.port_speed_mbps).to_vec(),
        None => offers::er::provider_sizes_mbps(c.sku_tier),
    };
    if let Some(bandwidth_mbps) = choices(
        ui,
        "Bandwidth",
        c.bandwidth_mbps,
        &bandwidth_options(&sizes),
    ) {
        return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
            bandwidth_mbps,
            ..c.clone()
        }));
    }
    if let Some(edit) = er_connection_ui(ui, l, c, facility) {
        return Some(edit);
    }
    if c.direct_port.is_none() {
        if let Some(provider) = b.text(ui, &format!("{}/provider", l.id), "Provider", &c.provider) {
            return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                provider,
                ..c.clone()
            }));
        }
    }
    let mut redundant = c.redundant_bgp;
    if ui
        .checkbox(&mut redundant, "BGP on both links (primary and secondary)")
        .changed()
    {
        return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
            redundant_bgp: redundant,
            ..c.clone()
        }));
    }
    let mut fastpath = c.fastpath;
    if ui.checkbox(&mut fastpath, "FastPath").changed() {
        return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
            fastpath,
            ..c.clone()
        }));
    }
    let private = c.peerings.private.clone();
    let mut has_private = private.is_some();
    if ui.checkbox(&mut has_private, "Private peering").changed() {
        let peerings = ErPeerings {
            private: has_private.then(ErPrivatePeering::default),
            ..c.peerings.clone()
        };
        return replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
            peerings,
            ..c.clone()
        }));
    }
    if let Some(p) = private {
        let with = |p: ErPrivatePeering| {
            replace(LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                peerings: ErPeerings {
                    private: Some(p),
                    ..c.peerings.clone()
                },
                ..c.clone()
            }))
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
    }
    if let Some(edit) = er_more_ui(ui, design, catalog, l, c, b) {
        return Some(edit);
    }

    None
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

/// Private-peering IPv6, Microsoft peering, VNet links, ExpressRoute Metro and Global Reach.
pub(super) fn er_more_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    l: &Link,
    c: &ExpressRouteCircuit,
    b: &mut Buffers,
) -> Option<Edit> {
    let replace_with = |c: ExpressRouteCircuit| {
        Some(Edit::ReplaceLink {
            link: Link {
                kind: LinkKind::ExpressRouteCircuit(c),
                ..l.clone()
            },
        })
    };
    if let Some(p) = &c.peerings.private {
        if let Some(Some(n)) = b.number(
            ui,
            &format!("{}/v6", l.id),
            "  IPv6 prefixes advertised",
            Some(u64::from(p.advertised_ipv6_prefixes)),
            false,
        ) {
            let mut c = c.clone();
            if let Some(p) = c.peerings.private.as_mut() {
                p.advertised_ipv6_prefixes = u32_of(n);
            }
            return replace_with(c);
        }
    }
    let mut has_microsoft = c.peerings.microsoft.is_some();
    if ui
        .checkbox(&mut has_microsoft, "Microsoft peering")
        .changed()
    {
        let mut c = c.clone();
        c.peerings.microsoft = has_microsoft.then(ErMicrosoftPeering::default);
        return replace_with(c);
    }
    if let Some(m) = &c.peerings.microsoft {
        let with = |m: ErMicrosoftPeering| {
            let mut c = c.clone();
            c.peerings.microsoft = Some(m);
            replace_with(c)
        };
        if let Some(asn) = b.number(
            ui,
            &format!("{}/ms-asn", l.id),
            "  peer ASN",
            m.peer_asn.map(u64::from),
            true,
        ) {
            return with(ErMicrosoftPeering {
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
            return with(ErMicrosoftPeering {
                advertised_ipv4_prefixes: u32_of(n),
                ..m.clone()
            });
        }
        let mut filter = m.route_filter;
        if ui
            .checkbox(&mut filter, "  Route filter attached")
            .changed()
        {
            return with(ErMicrosoftPeering {
                route_filter: filter,
                ..m.clone()
            });
        }
        let mut m365 = m.microsoft_365;
        if ui
            .checkbox(&mut m365, "  Microsoft 365 over this peering")
            .changed()
        {
            return with(ErMicrosoftPeering {
                microsoft_365: m365,
                ..m.clone()
            });
        }
    }
    if let Some(Some(n)) = b.number(
        ui,
        &format!("{}/vnets", l.id),
        "VNet links",
        Some(u64::from(c.vnet_links)),
        false,
    ) {
        return replace_with(ExpressRouteCircuit {
            vnet_links: u32_of(n),
            ..c.clone()
        });
    }

    // ExpressRoute Metro: the second facility must be at the documented partner location.
    let here = design.end_nodes(l).find(|n| n.as_facility().is_some());
    let location = here
        .and_then(|n| n.as_facility())
        .and_then(|f| f.er_peering_location.as_deref());
    let partner = location.and_then(crate::rules::metro_partner);
    if partner.is_some() || c.metro_secondary_facility.is_some() {
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
            return replace_with(ExpressRouteCircuit {
                metro_secondary_facility: second.map(NodeId::from),
                ..c.clone()
            });
        }
        if candidates.is_empty() {
            if let Some(p) = partner {
                ui.small(format!(
                    "Add a facility at the {p} peering location to make this a Metro circuit."
                ));
            }
        }
    }

    // Global Reach: other circuits at another peering location that are not Local. Every
    // circuit of the design is looked at, every frame: their facilities come from one table,
    // not a scan of all nodes per circuit (that cost ~60 ms a frame at 10,000 sites).
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
    if !partners.is_empty() {
        ui.label("Global Reach with");
        for o in partners {
            let theirs = o.as_er().is_some_and(|oc| oc.global_reach.contains(&l.id));
            let mut joined = c.global_reach.contains(&o.id) || theirs;
            let at = location_of(o)
                .and_then(|loc| catalog.er_location(loc).map(|x| x.name.clone()))
                .unwrap_or_else(|| "unknown location".into());
            if ui
                .checkbox(&mut joined, format!("  {} ({at})", o.label()))
                .changed()
            {
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
                // Leaving Global Reach removes the pair from both circuits, in one step.
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
                return Some(Edit::Batch(edits));
            }
        }
    }
    None
}

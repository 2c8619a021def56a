//! The section of a Direct Connect connection.

use super::*;
use crate::catalog::DxLocation;

/// A Direct Connect connection: type, capacity, partner and device, LAG and MACsec, VIFs.
/// The first change made is the edit.
pub(super) fn direct_connect_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &DirectConnectConnection,
    b: &mut Buffers,
) -> Option<Edit> {
    let l = cx.l;
    let location = cx
        .facility
        .and_then(|f| f.dx_location.as_deref())
        .and_then(|code| cx.catalog.dx_location(code));
    dx_type_ui(ui, l, c)
        .or_else(|| dx_capacity_ui(ui, l, c, location))
        .or_else(|| dx_names_ui(ui, l, c, b))
        .or_else(|| dx_lag_ui(ui, l, c, location))
        .or_else(|| vifs_ui(ui, cx, c, b))
        .or_else(|| {
            let vif = add_vif_ui(ui, c, cx.design, l)?;
            let mut vifs = c.vifs.clone();
            vifs.push(vif);
            replace_dx(l, DirectConnectConnection { vifs, ..c.clone() })
        })
}

/// The edit that gives the link these connection properties.
fn replace_dx(l: &Link, c: DirectConnectConnection) -> Option<Edit> {
    replace_link(l, LinkKind::DirectConnectConnection(c))
}

/// Dedicated or hosted: a new type starts from its usual capacity, without LAG or MACsec.
fn dx_type_ui(ui: &mut egui::Ui, l: &Link, c: &DirectConnectConnection) -> Option<Edit> {
    let types =
        [DxConnectionType::Dedicated, DxConnectionType::Hosted].map(|x| (x, format!("{x:?}")));
    let connection_type = choices(ui, "Type", c.connection_type, &types)?;
    let capacity_mbps = if connection_type == DxConnectionType::Hosted {
        1_000
    } else {
        10_000
    };
    replace_dx(
        l,
        DirectConnectConnection {
            connection_type,
            capacity_mbps,
            lag_members: 1,
            macsec: false,
            ..c.clone()
        },
    )
}

/// Dedicated: the port speeds offered at the location; hosted: the hosted capacities.
fn dx_capacity_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &DirectConnectConnection,
    location: Option<&DxLocation>,
) -> Option<Edit> {
    let speeds = offers::dx::capacities_mbps(c.connection_type, location);
    let capacity_mbps = choices(ui, "Capacity", c.capacity_mbps, &bandwidth_options(&speeds))?;
    replace_dx(
        l,
        DirectConnectConnection {
            capacity_mbps,
            ..c.clone()
        },
    )
}

/// The partner (of a hosted connection) and the AWS device.
fn dx_names_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &DirectConnectConnection,
    b: &mut Buffers,
) -> Option<Edit> {
    if c.connection_type == DxConnectionType::Hosted {
        if let Some(partner) = b.text(ui, &format!("{}/partner", l.id), "Partner", &c.partner) {
            return replace_dx(
                l,
                DirectConnectConnection {
                    partner,
                    ..c.clone()
                },
            );
        }
    }
    let aws_device = b.text(ui, &format!("{}/device", l.id), "AWS device", &c.aws_device)?;
    replace_dx(
        l,
        DirectConnectConnection {
            aws_device,
            ..c.clone()
        },
    )
}

/// A dedicated connection's LAG (the members its capacity allows) and MACsec (where the
/// location offers it at this speed).
fn dx_lag_ui(
    ui: &mut egui::Ui,
    l: &Link,
    c: &DirectConnectConnection,
    location: Option<&DxLocation>,
) -> Option<Edit> {
    if c.connection_type != DxConnectionType::Dedicated {
        return None;
    }
    let max = offers::dx::max_lag_members(c.capacity_mbps);
    let members: Vec<(u32, String)> = (1..=max)
        .map(|m| {
            (
                m,
                if m == 1 {
                    "no LAG".to_string()
                } else {
                    format!("LAG × {m}")
                },
            )
        })
        .collect();
    if let Some(lag_members) = choices(ui, "LAG", c.lag_members, &members) {
        return replace_dx(
            l,
            DirectConnectConnection {
                lag_members,
                ..c.clone()
            },
        );
    }
    let macsec_offered = c.capacity_mbps >= 10_000
        && location.is_none_or(|l| l.macsec_speeds_mbps.contains(&c.capacity_mbps));
    let mut macsec = c.macsec;
    if ui
        .add_enabled(
            macsec_offered || c.macsec,
            egui::Checkbox::new(&mut macsec, "MACsec"),
        )
        .changed()
    {
        return replace_dx(
            l,
            DirectConnectConnection {
                macsec,
                ..c.clone()
            },
        );
    }
    None
}

/// Virtual interfaces, one after the other below a separator (`vif_ui`).
fn vifs_ui(
    ui: &mut egui::Ui,
    cx: LinkCx<'_>,
    c: &DirectConnectConnection,
    b: &mut Buffers,
) -> Option<Edit> {
    for (i, vif) in c.vifs.iter().enumerate() {
        ui.separator();
        let v = VifCx {
            design: cx.design,
            l: cx.l,
            c,
            i,
        };
        if let Some(edit) = vif_ui(ui, v, vif, b) {
            return Some(edit);
        }
    }
    None
}

/// VIF `i` of connection `c` on link `l`.
#[derive(Clone, Copy)]
struct VifCx<'a> {
    design: &'a Design,
    l: &'a Link,
    c: &'a DirectConnectConnection,
    i: usize,
}

impl VifCx<'_> {
    /// The edit that gives the connection these VIFs.
    fn with_vifs(self, vifs: Vec<VirtualInterface>) -> Option<Edit> {
        replace_dx(
            self.l,
            DirectConnectConnection {
                vifs,
                ..self.c.clone()
            },
        )
    }

    /// The edit that replaces this VIF with `v`.
    fn with(self, v: VirtualInterface) -> Option<Edit> {
        let mut vifs = self.c.vifs.clone();
        vifs[self.i] = v;
        self.with_vifs(vifs)
    }
}

/// One VIF: its name and Remove, name, type and the MTUs that type allows, VLAN, ASN,
/// prefixes, SiteLink.
fn vif_ui(
    ui: &mut egui::Ui,
    v: VifCx<'_>,
    vif: &VirtualInterface,
    b: &mut Buffers,
) -> Option<Edit> {
    let remove = ui
        .horizontal(|ui| {
            ui.label(format!("VIF \"{}\"", vif.name));
            ui.small_button(format!("Remove VIF {}", vif.name))
                .clicked()
        })
        .inner;
    if remove {
        let mut vifs = v.c.vifs.clone();
        vifs.remove(v.i);
        return v.with_vifs(vifs);
    }
    vif_kind_ui(ui, v, vif, b)
        .or_else(|| vif_numbers_ui(ui, v, vif, b))
        .or_else(|| sitelink_ui(ui, v, vif))
}

/// A VIF's name, type (a new type starts at MTU 1500) and MTU.
fn vif_kind_ui(
    ui: &mut egui::Ui,
    v: VifCx<'_>,
    vif: &VirtualInterface,
    b: &mut Buffers,
) -> Option<Edit> {
    let (l, i) = (v.l, v.i);
    if let Some(name) = b.text(ui, &format!("{}/vif{i}/name", l.id), "  name", &vif.name) {
        return v.with(VirtualInterface {
            name,
            ..vif.clone()
        });
    }
    let types =
        [VifType::Private, VifType::Transit, VifType::Public].map(|t| (t, t.label().to_string()));
    if let Some(vif_type) = choices(ui, "  type", vif.vif_type, &types) {
        return v.with(VirtualInterface {
            vif_type,
            mtu: 1500,
            ..vif.clone()
        });
    }
    let mtus = offers::dx::mtus(vif.vif_type);
    let options: Vec<(u32, String)> = mtus.iter().map(|&m| (m, format!("MTU {m}"))).collect();
    let mtu = choices(ui, "  MTU", vif.mtu, &options)?;
    v.with(VirtualInterface { mtu, ..vif.clone() })
}

/// A VIF's VLAN, customer ASN and prefixes advertised.
fn vif_numbers_ui(
    ui: &mut egui::Ui,
    v: VifCx<'_>,
    vif: &VirtualInterface,
    b: &mut Buffers,
) -> Option<Edit> {
    let (l, i) = (v.l, v.i);
    if let Some(Some(vlan)) = b.number(
        ui,
        &format!("{}/vif{i}/vlan", l.id),
        "  VLAN",
        Some(u64::from(vif.vlan)),
        false,
    ) {
        return v.with(VirtualInterface {
            vlan: u16::try_from(vlan).unwrap_or(u16::MAX),
            ..vif.clone()
        });
    }
    if let Some(Some(asn)) = b.number(
        ui,
        &format!("{}/vif{i}/asn", l.id),
        "  customer ASN",
        Some(u64::from(vif.customer_asn)),
        false,
    ) {
        return v.with(VirtualInterface {
            customer_asn: u32_of(asn),
            ..vif.clone()
        });
    }
    let Some(Some(n)) = b.number(
        ui,
        &format!("{}/vif{i}/prefixes", l.id),
        "  prefixes advertised",
        Some(u64::from(vif.advertised_prefixes)),
        false,
    ) else {
        return None;
    };
    v.with(VirtualInterface {
        advertised_prefixes: u32_of(n),
        ..vif.clone()
    })
}

/// SiteLink: transit VIFs, and private VIFs on a DX gateway (DX-SL-1).
fn sitelink_ui(ui: &mut egui::Ui, v: VifCx<'_>, vif: &VirtualInterface) -> Option<Edit> {
    let attachment = v
        .design
        .end_nodes(v.l)
        .find_map(|n| n.as_aws())
        .map(|a| a.attachment);
    let sitelink_offered = match vif.vif_type {
        VifType::Transit => true,
        VifType::Private => attachment != Some(AwsAttachment::VirtualPrivateGateway),
        VifType::Public => false,
    };
    if !sitelink_offered && !vif.sitelink {
        return None;
    }
    let mut sitelink = vif.sitelink;
    if !ui.checkbox(&mut sitelink, "  SiteLink").changed() {
        return None;
    }
    v.with(VirtualInterface {
        sitelink,
        ..vif.clone()
    })
}

/// Buttons adding a VIF of each type the connection can still take: one VIF on a hosted
/// connection (DX-VIF-3); on a dedicated one up to 50 private and public VIFs (DX-VIF-1) and 4
/// transit VIFs (DX-VIF-2); private VIFs need a VGW or a DX gateway with VGWs, transit VIFs a DX
/// gateway with a Transit Gateway (DX-GW-7, DX-GW-8).
pub(super) fn add_vif_ui(
    ui: &mut egui::Ui,
    c: &DirectConnectConnection,
    design: &Design,
    l: &Link,
) -> Option<VirtualInterface> {
    let attachment = design
        .end_nodes(l)
        .find_map(|n| n.as_aws())
        .map(|a| a.attachment);
    let count = |t: VifType| c.vifs.iter().filter(|v| v.vif_type == t).count();
    let mut offered: Vec<VifType> = Vec::new();
    if c.connection_type == DxConnectionType::Hosted {
        if c.vifs.is_empty() {
            offered = vec![VifType::Private, VifType::Transit, VifType::Public];
        } else {
            ui.small("A hosted connection carries one VIF (DX-VIF-3).");
        }
    } else {
        if count(VifType::Private) + count(VifType::Public) < 50 {
            offered.extend([VifType::Private, VifType::Public]);
        }
        if count(VifType::Transit) < 4 {
            offered.push(VifType::Transit);
        }
    }
    offered.retain(|t| match (t, attachment) {
        (VifType::Private, Some(AwsAttachment::DxGatewayTgw)) => false,
        (VifType::Transit, Some(a)) => a == AwsAttachment::DxGatewayTgw,
        _ => true,
    });
    if offered.is_empty() {
        return None;
    }
    ui.separator();
    let chosen = ui
        .horizontal_wrapped(|ui| {
            let mut chosen = None;
            for t in offered {
                if ui.button(format!("Add {} VIF", t.label())).clicked() {
                    chosen = Some(t);
                }
            }
            chosen
        })
        .inner?;
    // A VLAN not yet used on this connection (DX-VIF-5: 1-4094, unique).
    let vlan = (100u16..=4094)
        .chain(1..100)
        .find(|v| c.vifs.iter().all(|x| x.vlan != *v))
        .unwrap_or(1);
    let name = (1..)
        .map(|i| format!("{}-{i}", chosen.label()))
        .find(|n| c.vifs.iter().all(|x| &x.name != n))
        .unwrap_or_default();
    Some(VirtualInterface {
        name,
        vif_type: chosen,
        vlan,
        customer_asn: 65_000,
        mtu: 1500,
        advertised_prefixes: 0,
        sitelink: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn vifs_are_added_and_removed_with_the_types_the_gateway_takes() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().selection = vec!["dx-dc2-a".into()];
        h.run_steps(2);
        // A Direct Connect gateway on a Transit Gateway takes transit VIFs, not private ones.
        assert!(h.query_by_label("Add private VIF").is_none());
        let vifs = |h: &Harness<'static, DesignerApp>| {
            h.state()
                .design
                .link(&"dx-dc2-a".into())
                .and_then(|l| l.as_dx())
                .map(|c| c.vifs.clone())
                .unwrap()
        };
        let before = vifs(&h);
        h.get_by_label("Add transit VIF").click();
        h.run_steps(2);
        let after = vifs(&h);
        assert_eq!(after.len(), before.len() + 1);
        let added = after.last().unwrap();
        assert!(
            before.iter().all(|v| v.vlan != added.vlan),
            "a VLAN of its own"
        );
        let name = added.name.clone();
        h.get_by_label(&format!("Remove VIF {name}")).click();
        h.run_steps(2);
        assert_eq!(vifs(&h), before);
    }
}

//! The inspector: the selected element's properties, offering only valid choices from the
//! catalog (bandwidths the ExpressRoute SKU and port allow, Direct Connect speeds offered at the
//! location). It proposes one edit per committed change: a choice clicked, or a text field left.
//! With several elements selected, it shows what they share and sets it on all of them in one
//! edit (`inspector/several.rs`).

use crate::catalog::Catalog;
use crate::edit::Edit;
use crate::model::mbps;
use crate::model::*;
use crate::offers;
use eframe::egui;
use std::collections::HashMap;

// One file per kind of element.
mod direct_connect;
mod express_route;
mod links;
mod nodes;
mod several;
use direct_connect::*;
use express_route::*;
use links::*;
use nodes::*;
pub use several::{Located, several_ui};

/// A string property for `Buffers::text_fields`: key, label, and where it lives.
type Field<T> = (&'static str, &'static str, fn(&mut T) -> &mut String);

/// Text being typed, per field, until the field is left (then it becomes one edit).
#[derive(Default)]
pub struct Buffers(HashMap<String, String>);

impl Buffers {
    /// A single-line text field; returns the new text when the user leaves a changed field.
    pub fn text(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: &str,
    ) -> Option<String> {
        let mut buffer = self.0.remove(key).unwrap_or_else(|| current.to_string());
        let mut out = None;
        let mut keep = true;
        ui.horizontal(|ui| {
            ui.label(label);
            let response = ui.text_edit_singleline(&mut buffer);
            if response.lost_focus() {
                if buffer.trim() != current {
                    out = Some(buffer.trim().to_string());
                }
                keep = false;
            } else if !response.has_focus() && buffer != current {
                // Not being edited: follow the design (undo, another selection).
                buffer = current.to_string();
            }
        });
        if keep {
            self.0.insert(key.to_string(), buffer);
        }
        out
    }

    /// One text field per string property of `value`; returns a copy of `value` with the one
    /// property the user changed.
    fn text_fields<T: Clone>(
        &mut self,
        ui: &mut egui::Ui,
        id: &str,
        value: &T,
        fields: &[Field<T>],
    ) -> Option<T> {
        for (key, label, field) in fields {
            let mut copy = value.clone();
            let current = field(&mut copy).clone();
            if let Some(text) = self.text(ui, &format!("{id}/{key}"), label, &current) {
                *field(&mut copy) = text;
                return Some(copy);
            }
        }
        None
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// A whole-number field ("" clears it when `optional`); a bad entry is shown in red and
    /// changes nothing.
    pub fn number(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: Option<u64>,
        optional: bool,
    ) -> Option<Option<u64>> {
        let text = current.map(|v| v.to_string()).unwrap_or_default();
        let entered = self.text(ui, key, label, &text)?;
        if entered.is_empty() && optional {
            return Some(None);
        }
        match entered.replace([',', '_'], "").parse::<u64>() {
            Ok(v) => Some(Some(v)),
            Err(_) => {
                self.0.insert(
                    format!("{key}#error"),
                    format!("`{entered}` is not a whole number"),
                );
                None
            }
        }
    }

    /// A monthly cost in USD ("" clears it); a bad entry is refused with a message.
    fn money(&mut self, ui: &mut egui::Ui, key: &str, current: Option<Usd>) -> Option<Option<Usd>> {
        let text = current.map(|u| u.to_string()).unwrap_or_default();
        let entered = self.text(ui, key, "Monthly USD", &text)?;
        if entered.is_empty() {
            return Some(None);
        }
        match entered
            .trim_start_matches('$')
            .replace(',', "")
            .parse::<Usd>()
        {
            Ok(usd) => Some(Some(usd)),
            Err(e) => {
                self.0.insert(format!("{key}#error"), e.to_string());
                None
            }
        }
    }

    /// A list of CIDR prefixes separated by commas.
    fn cidrs(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        current: &[Cidr],
    ) -> Option<Vec<Cidr>> {
        let text = current
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let entered = self.text(ui, key, label, &text)?;
        let parsed: Result<Vec<Cidr>, _> = entered
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::parse::<Cidr>)
            .collect();
        match parsed {
            Ok(list) => Some(list),
            Err(e) => {
                self.0.insert(format!("{key}#error"), e.to_string());
                None
            }
        }
    }

    /// Show (once) the error left by a refused entry.
    fn error_ui(&mut self, ui: &mut egui::Ui) {
        let keys: Vec<String> = self
            .0
            .keys()
            .filter(|k| k.ends_with("#error"))
            .cloned()
            .collect();
        for k in keys {
            if let Some(message) = self.0.remove(&k) {
                self.0.insert(format!("{k}shown"), message.clone());
            }
        }
        for (k, message) in self.0.iter().filter(|(k, _)| k.ends_with("#errorshown")) {
            let _ = k;
            ui.colored_label(egui::Color32::from_rgb(210, 45, 45), message);
        }
    }
}

/// A checkbox showing `value`: the new value when the user flips it in this frame.
fn toggled(ui: &mut egui::Ui, value: bool, label: &str) -> Option<bool> {
    let mut value = value;
    ui.checkbox(&mut value, label).changed().then_some(value)
}

fn u32_of(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Selectable choices in a wrapped row; returns the clicked one when it differs.
fn choices<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    ui.label(label);
    ui.horizontal_wrapped(|ui| choice_row(ui, current, options))
        .inner
}

/// Selectable values added to `ui` in its layout; returns the value clicked when it differs
/// from `current`.
pub(crate) fn choice_row<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    let mut out = None;
    for (value, text) in options {
        if ui.selectable_label(*value == current, text).clicked() && *value != current {
            out = Some(*value);
        }
    }
    out
}

pub(crate) fn bandwidth_options(values: &[u64]) -> Vec<(u64, String)> {
    values.iter().map(|&v| (v, mbps(v))).collect()
}

/// Draw the inspector for element `id`; returns the edit to apply, if any.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    id: &str,
    buffers: &mut Buffers,
) -> Option<Edit> {
    let edit = if let Some(node) = design.node(&id.into()) {
        node_ui(ui, design, catalog, node, buffers)
    } else if let Some(link) = design.link(&id.into()) {
        link_ui(ui, design, catalog, link, buffers)
    } else {
        None
    };
    if edit.is_some() {
        // A committed change clears any earlier refusal.
        buffers.0.retain(|k, _| !k.ends_with("#errorshown"));
    }
    buffers.error_ui(ui);
    edit
}

fn node_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    n: &Node,
    b: &mut Buffers,
) -> Option<Edit> {
    ui.label(format!("{} `{}`", n.tag().label(), n.id));
    if let Some(name) = b.text(ui, &format!("{}/name", n.id), "Name", &n.name) {
        return Some(Edit::ReplaceNode {
            node: Node { name, ..n.clone() },
        });
    }
    if let Some(notes) = b.text(ui, &format!("{}/notes", n.id), "Notes", &n.notes) {
        return Some(Edit::ReplaceNode {
            node: Node { notes, ..n.clone() },
        });
    }
    let cx = NodeCx { design, catalog, n };
    match &n.kind {
        NodeKind::OnPremSite(s) => site_ui(ui, cx, s, b),
        NodeKind::ColocationFacility(f) => facility_ui(ui, cx, f, b),
        NodeKind::AzureRegion(a) => azure_region_ui(ui, cx, a, b),
        NodeKind::AwsRegion(a) => aws_region_ui(ui, cx, a, b),
        NodeKind::FabricRouter(r) => fabric_router_ui(ui, cx, r, b),
    }
}

fn link_ui(
    ui: &mut egui::Ui,
    design: &Design,
    catalog: &Catalog,
    l: &Link,
    b: &mut Buffers,
) -> Option<Edit> {
    ui.label(format!("{} `{}`", l.tag().label(), l.id));
    ui.small(format!("{} ↔ {}", l.a, l.b));
    if let Some(name) = b.text(ui, &format!("{}/name", l.id), "Name", &l.name) {
        return Some(Edit::ReplaceLink {
            link: Link { name, ..l.clone() },
        });
    }
    if let Some(notes) = b.text(ui, &format!("{}/notes", l.id), "Notes", &l.notes) {
        return Some(Edit::ReplaceLink {
            link: Link { notes, ..l.clone() },
        });
    }
    let cx = LinkCx {
        design,
        catalog,
        l,
        facility: design.end_nodes(l).find_map(|n| n.as_facility()),
    };
    match &l.kind {
        LinkKind::ExpressRouteCircuit(c) => express_route_ui(ui, cx, c, b),
        LinkKind::DirectConnectConnection(c) => direct_connect_ui(ui, cx, c, b),
        LinkKind::AccessCircuit(c) => access_circuit_ui(ui, cx, c, b),
        LinkKind::SiteToSiteVpn(v) => vpn_ui(ui, cx, v, b),
        LinkKind::FabricConnection(f) => fabric_ui(ui, cx, f, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::DesignerApp;
    use crate::gui::test_support::{self, app_with};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct State {
        design: Design,
        catalog: Catalog,
        buffers: Buffers,
        selected: &'static str,
    }

    /// The inspector of one element, its edits applied as the app applies them.
    fn harness(selected: &'static str) -> Harness<'static, State> {
        let mut design = Design::new("inspector");
        design.nodes = vec![
            Node {
                id: "az".into(),
                name: "Azure East US".into(),
                position: Point::new(0.0, 0.0),
                notes: String::new(),
                kind: NodeKind::AzureRegion(AzureRegion {
                    region: "eastus".into(),
                    ..Default::default()
                }),
            },
            Node {
                id: "aws".into(),
                name: "AWS us-east-1".into(),
                position: Point::new(100.0, 0.0),
                notes: String::new(),
                kind: NodeKind::AwsRegion(AwsRegion {
                    region: "us-east-1".into(),
                    attachment: AwsAttachment::DxGatewayTgw,
                    dx_gateway: Some("dxgw".into()),
                    vgw_asn: None,
                    dx_gateway_asn: Some(64600),
                    tgw_asn: Some(64700),
                    tgw_vpc_attachments: vec![],
                    tgw_peering_attachments: vec![],
                    vpc_cidrs: vec![],
                }),
            },
        ];
        let state = State {
            design,
            catalog: Catalog::builtin().expect("catalog"),
            buffers: Buffers::default(),
            selected,
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(900.0, 900.0))
            .build_ui_state(
                |ui, s: &mut State| {
                    if let Some(edit) =
                        inspector_ui(ui, &s.design, &s.catalog, s.selected, &mut s.buffers)
                    {
                        crate::edit::apply(&mut s.design, edit).expect("a valid edit");
                    }
                },
                state,
            );
        h.run_steps(2);
        h
    }

    fn aws(h: &Harness<'static, State>) -> AwsRegion {
        h.state().design.nodes[1].as_aws().cloned().unwrap()
    }

    #[test]
    fn the_azure_vpn_gateway_sku_and_generation_are_chosen_in_the_inspector() {
        let mut h = harness("az");
        assert!(h.query_by_label("no VPN gateway").is_some());
        h.get_by_label("VpnGw3AZ").click();
        h.run_steps(2);
        let gw = |h: &Harness<'static, State>| {
            h.state().design.nodes[0]
                .as_azure()
                .and_then(|a| a.vpn_gateway.clone())
        };
        let chosen = gw(&h).expect("a VPN gateway");
        assert_eq!(chosen.sku, VpnGatewaySku::VpnGw3Az);
        assert!(chosen.zone_redundant);
        assert_eq!(chosen.generation, None);
        assert!(
            h.query_by_label("Aggregate throughput benchmark: depends on the generation")
                .is_some()
        );
        h.get_by_label("Generation2").click();
        h.run_steps(2);
        assert_eq!(
            gw(&h).and_then(|g| g.generation),
            Some(VpnGatewayGeneration::Generation2)
        );
        assert!(
            h.query_by_label("Aggregate throughput benchmark: 2.5 Gbps")
                .is_some()
        );
        h.get_by_label("no VPN gateway").click();
        h.run_steps(2);
        assert_eq!(gw(&h), None);
    }

    #[test]
    fn transit_gateway_vpc_attachments_are_added_and_removed_in_the_inspector() {
        let mut h = harness("aws");
        h.get_by_label("Add VPC attachment").click();
        h.run_steps(2);
        h.get_by_label("Add VPC attachment").click();
        h.run_steps(2);
        let names: Vec<String> = aws(&h)
            .tgw_vpc_attachments
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["vpc-1", "vpc-2"]);
        h.get_by_label("Remove VPC attachment vpc-1").click();
        h.run_steps(2);
        assert_eq!(aws(&h).tgw_vpc_attachments.len(), 1);
        assert_eq!(aws(&h).tgw_vpc_attachments[0].name, "vpc-2");
        // A stated peering is listed with its peer region and can be removed.
        if let NodeKind::AwsRegion(r) = &mut h.state_mut().design.nodes[1].kind {
            r.tgw_peering_attachments.push(TgwPeeringAttachment {
                name: "use1-euw1".into(),
                peer_region: "eu-west-1".into(),
            });
        }
        h.run_steps(2);
        assert!(h.query_by_label("  to eu-west-1").is_some());
        h.get_by_label("Remove peering use1-euw1").click();
        h.run_steps(2);
        assert!(aws(&h).tgw_peering_attachments.is_empty());
    }

    /// The inspector offers exactly what the rules accept (both read `offers`): for each kind of
    /// choice, every value of a wide range is offered as a button if and only if setting it
    /// raises none of the rules that judge that choice.
    #[test]
    fn the_inspector_offers_exactly_what_the_rules_accept() {
        use crate::model::{DxConnectionType, ErSkuTier, Link, LinkKind, VifType};
        const SIZES: [u64; 16] = [
            50, 100, 200, 300, 400, 500, 1_000, 2_000, 5_000, 10_000, 25_000, 40_000, 100_000,
            200_000, 400_000, 800_000,
        ];
        let catalog = Catalog::builtin().unwrap();
        // The values among `universe` shown as buttons labelled `label(v)` for the selected link.
        fn offered<T: Copy>(
            h: &mut Harness<'static, DesignerApp>,
            link: &str,
            universe: &[T],
            label: impl Fn(T) -> String,
        ) -> Vec<T> {
            h.state_mut().selection = vec![link.into()];
            h.run_steps(2);
            universe
                .iter()
                .copied()
                .filter(|&v| h.query_by_label(&label(v)).is_some())
                .collect()
        }
        // The values among `universe` that, set on the link, raise none of `codes` on it.
        let accepted = |h: &Harness<'static, DesignerApp>,
                        link: &str,
                        universe: &[u64],
                        codes: &[&str],
                        set: &dyn Fn(&mut Link, u64)| {
            universe
                .iter()
                .copied()
                .filter(|&v| {
                    let mut design = h.state().design.clone();
                    let l = design
                        .links
                        .iter_mut()
                        .find(|l| l.id.as_str() == link)
                        .unwrap();
                    set(l, v);
                    !crate::rules::check(&design, &catalog)
                        .items
                        .iter()
                        .any(|f| codes.contains(&f.code) && f.subjects.iter().any(|s| s == link))
                })
                .collect::<Vec<_>>()
        };
        let edit = |h: &mut Harness<'static, DesignerApp>, link: &str, f: &dyn Fn(&mut Link)| {
            let mut l = h.state().design.link(&link.into()).unwrap().clone();
            f(&mut l);
            h.state_mut()
                .apply(crate::edit::Edit::ReplaceLink { link: l });
            h.run_steps(2);
        };
        let er_bandwidth = |l: &mut Link, v: u64| {
            if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                c.bandwidth_mbps = v;
            }
        };
        let er_codes = ["ER001", "ER002", "ER003"];

        // ExpressRoute: a provider circuit, Standard then Local, then on an ER Direct port.
        let mut h = test_support::harness(app_with("designs/europe-azure-two-locations.json"));
        for tier in [ErSkuTier::Standard, ErSkuTier::Local] {
            edit(&mut h, "er-ams", &|l| {
                if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                    c.sku_tier = tier;
                }
            });
            let shown = offered(&mut h, "er-ams", &SIZES, crate::model::mbps);
            assert!(!shown.is_empty());
            assert_eq!(
                shown,
                accepted(&h, "er-ams", &SIZES, &er_codes, &er_bandwidth),
                "{tier:?} circuit"
            );
        }
        edit(&mut h, "er-ams", &|l| {
            if let LinkKind::ExpressRouteCircuit(c) = &mut l.kind {
                c.sku_tier = ErSkuTier::Standard;
            }
        });
        h.state_mut().selection = vec!["fac-am5".into()];
        h.run_steps(2);
        h.get_by_label("Add 10 Gbps port pair").click();
        h.run_steps(2);
        h.state_mut().selection = vec!["er-ams".into()];
        h.run_steps(2);
        h.get_by_label("ER Direct erd-1 (10 Gbps)").click();
        h.run_steps(2);
        let shown = offered(&mut h, "er-ams", &SIZES, crate::model::mbps);
        assert_eq!(shown, [1_000, 2_000, 5_000, 10_000]);
        assert_eq!(
            shown,
            accepted(&h, "er-ams", &SIZES, &er_codes, &er_bandwidth),
            "circuit on a 10 Gbps ER Direct port"
        );

        // Direct Connect: dedicated at its location, hosted; LAG sizes; VIF MTUs.
        let mut h = test_support::harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let dx_capacity = |l: &mut Link, v: u64| {
            if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                c.capacity_mbps = v;
            }
        };
        for kind in [DxConnectionType::Dedicated, DxConnectionType::Hosted] {
            edit(&mut h, "dx-dc2-a", &|l| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.connection_type = kind;
                    c.lag_members = 1;
                }
            });
            let shown = offered(&mut h, "dx-dc2-a", &SIZES, crate::model::mbps);
            assert!(!shown.is_empty());
            assert_eq!(
                shown,
                accepted(
                    &h,
                    "dx-dc2-a",
                    &SIZES,
                    &["DX001", "DX002", "DX003"],
                    &dx_capacity
                ),
                "{kind:?} connection"
            );
        }
        edit(&mut h, "dx-dc2-a", &|l| {
            if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                c.connection_type = DxConnectionType::Dedicated;
                c.capacity_mbps = 10_000;
            }
        });
        let members: Vec<u64> = (1..=10).collect();
        let lag_label = |m: u64| {
            if m == 1 {
                "no LAG".to_string()
            } else {
                format!("LAG × {m}")
            }
        };
        let shown = offered(&mut h, "dx-dc2-a", &members, lag_label);
        assert_eq!(
            shown,
            accepted(&h, "dx-dc2-a", &members, &["DX007"], &|l, m| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.lag_members = m as u32;
                }
            }),
            "LAG members at 10 Gbps"
        );
        let mtus: Vec<u64> = vec![576, 1500, 8500, 9000, 9001];
        for vif_type in [VifType::Private, VifType::Transit] {
            edit(&mut h, "dx-dc2-a", &|l| {
                if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                    c.vifs.truncate(1);
                    c.vifs[0].vif_type = vif_type;
                    c.vifs[0].mtu = 1500;
                }
            });
            let shown = offered(&mut h, "dx-dc2-a", &mtus, |m| format!("MTU {m}"));
            assert_eq!(
                shown,
                accepted(&h, "dx-dc2-a", &mtus, &["DX014"], &|l, m| {
                    if let LinkKind::DirectConnectConnection(c) = &mut l.kind {
                        c.vifs[0].mtu = m as u32;
                    }
                }),
                "{vif_type:?} VIF"
            );
        }
    }
}

//! `linkwright export terraform`: the files for every sample design against their goldens
//! (`tests/fixtures/terraform/<sample>/`; regenerate with `LINKWRIGHT_UPDATE_GOLDENS=1 cargo
//! test --test terraform`), read back with hcl-rs and checked against the design, variables
//! declared, deterministic output, and the command's bad inputs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use hcl::{Block, Body, Expression};
use linkwright::catalog::Catalog;
use linkwright::model::{Design, LinkKind, VifType};
use linkwright::terraform::{self, Export, identifier};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLES: [&str; 4] = [
    "aws-dev-test-one-location",
    "dual-cloud-ashburn-chicago",
    "europe-azure-two-locations",
    "flawed-design",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn design(sample: &str) -> Design {
    linkwright::design_file::load(&root().join("designs").join(format!("{sample}.json"))).unwrap()
}

fn export(sample: &str) -> Export {
    terraform::export(&design(sample), &Catalog::builtin().unwrap()).unwrap()
}

fn file<'a>(export: &'a Export, name: &str) -> &'a str {
    &export.files.iter().find(|f| f.name == name).unwrap().text
}

fn parse(export: &Export, name: &str) -> Body {
    hcl::parse(file(export, name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// The resource block `resource "TYPE" "NAME"`.
fn resource<'a>(body: &'a Body, resource_type: &str, name: &str) -> &'a Block {
    body.blocks()
        .find(|b| {
            b.identifier() == "resource"
                && b.labels().len() == 2
                && b.labels()[0].as_str() == resource_type
                && b.labels()[1].as_str() == name
        })
        .unwrap_or_else(|| panic!("no resource {resource_type}.{name}"))
}

fn attr<'a>(block: &'a Block, key: &str) -> &'a Expression {
    block
        .body()
        .attributes()
        .find(|a| a.key() == key)
        .map(|a| a.expr())
        .unwrap_or_else(|| panic!("{key} missing in {:?}", block.labels()))
}

fn string(e: &Expression) -> &str {
    match e {
        Expression::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

fn number(e: &Expression) -> u64 {
    match e {
        Expression::Number(n) => n.as_u64().unwrap(),
        other => panic!("not a number: {other:?}"),
    }
}

/// The text of an expression as written (`var.x`, `aws_dx_lag.a.id`).
fn text(e: &Expression) -> String {
    hcl::format::to_string(e).unwrap()
}

#[test]
fn every_sample_matches_its_golden_files() {
    let update = std::env::var_os("LINKWRIGHT_UPDATE_GOLDENS").is_some();
    for sample in SAMPLES {
        let export = export(sample);
        let dir = root().join("tests/fixtures/terraform").join(sample);
        if update {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for f in &export.files {
                std::fs::write(dir.join(f.name), &f.text).unwrap();
            }
        }
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("{} missing: LINKWRIGHT_UPDATE_GOLDENS=1", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let made: BTreeSet<String> = export.files.iter().map(|f| f.name.to_string()).collect();
        assert_eq!(on_disk, made, "{sample}: files");
        for f in &export.files {
            let golden = std::fs::read_to_string(dir.join(f.name)).unwrap();
            assert!(
                golden == f.text,
                "{sample}/{} differs from its golden; if the change is meant, regenerate with LINKWRIGHT_UPDATE_GOLDENS=1 cargo test --test terraform",
                f.name
            );
        }
    }
}

#[test]
fn only_the_clouds_a_design_uses_get_a_file() {
    let names = |s: &str| -> Vec<&'static str> { export(s).files.iter().map(|f| f.name).collect() };
    assert_eq!(
        names("aws-dev-test-one-location"),
        ["providers.tf", "aws.tf", "variables.tf"]
    );
    assert_eq!(
        names("europe-azure-two-locations"),
        ["providers.tf", "azure.tf", "variables.tf"]
    );
    assert_eq!(
        names("dual-cloud-ashburn-chicago"),
        ["providers.tf", "azure.tf", "aws.tf", "variables.tf"]
    );
}

#[test]
fn the_output_is_deterministic() {
    for sample in SAMPLES {
        assert_eq!(export(sample), export(sample), "{sample}");
    }
}

#[test]
fn azure_resources_carry_the_designs_facts() {
    for sample in SAMPLES {
        let design = design(sample);
        let export = export(sample);
        let Some(azure) = export.files.iter().find(|f| f.name == "azure.tf") else {
            continue;
        };
        let body = hcl::parse(&azure.text).unwrap();
        for link in &design.links {
            let LinkKind::ExpressRouteCircuit(er) = &link.kind else {
                continue;
            };
            let name = identifier(link.id.as_str());
            let circuit = resource(&body, "azurerm_express_route_circuit", &name);
            assert_eq!(string(attr(circuit, "name")), link.id.as_str());
            let region = design
                .node(&link.b)
                .and_then(|n| n.as_azure())
                .or_else(|| design.node(&link.a).and_then(|n| n.as_azure()))
                .unwrap();
            assert_eq!(string(attr(circuit, "location")), region.region);
            if er.direct_port.is_some() {
                let gbps = attr(circuit, "bandwidth_in_gbps");
                let value = match gbps {
                    Expression::Number(n) => n.as_f64().unwrap(),
                    other => panic!("{other:?}"),
                };
                assert_eq!(value * 1000.0, er.bandwidth_mbps as f64, "{}", link.id);
                assert!(
                    text(attr(circuit, "express_route_port_id"))
                        .starts_with("azurerm_express_route_port.")
                );
            } else {
                assert_eq!(
                    number(attr(circuit, "bandwidth_in_mbps")),
                    er.bandwidth_mbps
                );
                assert_eq!(string(attr(circuit, "service_provider_name")), er.provider);
                let facility = [&link.a, &link.b]
                    .into_iter()
                    .find_map(|id| design.node(id).and_then(|n| n.as_facility()))
                    .unwrap();
                assert_eq!(
                    string(attr(circuit, "peering_location")),
                    facility.er_peering_location.as_deref().unwrap()
                );
            }
            let sku = circuit
                .body()
                .blocks()
                .find(|b| b.identifier() == "sku")
                .unwrap();
            let tier = match er.sku_tier {
                linkwright::model::ErSkuTier::Local => "Local",
                linkwright::model::ErSkuTier::Standard => "Standard",
                linkwright::model::ErSkuTier::Premium => "Premium",
            };
            let family = match er.billing {
                linkwright::model::ErBilling::Metered => "MeteredData",
                linkwright::model::ErBilling::Unlimited => "UnlimitedData",
            };
            assert_eq!(string(attr(sku, "tier")), tier, "{}", link.id);
            assert_eq!(string(attr(sku, "family")), family, "{}", link.id);
            if let Some(p) = &er.peerings.private {
                let peering = resource(
                    &body,
                    "azurerm_express_route_circuit_peering",
                    &format!("{name}_private"),
                );
                assert_eq!(string(attr(peering, "peering_type")), "AzurePrivatePeering");
                assert_eq!(number(attr(peering, "vlan_id")), u64::from(p.vlan.unwrap()));
                assert_eq!(
                    number(attr(peering, "peer_asn")),
                    u64::from(p.peer_asn.unwrap())
                );
                assert!(text(attr(peering, "primary_peer_address_prefix")).starts_with("var."));
            }
            if let Some(m) = &er.peerings.microsoft {
                let peering = resource(
                    &body,
                    "azurerm_express_route_circuit_peering",
                    &format!("{name}_microsoft"),
                );
                assert_eq!(string(attr(peering, "peering_type")), "MicrosoftPeering");
                assert_eq!(number(attr(peering, "vlan_id")), u64::from(m.vlan.unwrap()));
                assert_eq!(
                    number(attr(peering, "peer_asn")),
                    u64::from(m.peer_asn.unwrap())
                );
            }
        }
        for node in &design.nodes {
            let Some(gateway) = node.as_azure().and_then(|a| a.gateway.as_ref()) else {
                continue;
            };
            let block = resource(
                &body,
                "azurerm_virtual_network_gateway",
                &format!("{}_er", identifier(node.id.as_str())),
            );
            assert_eq!(string(attr(block, "type")), "ExpressRoute");
            assert_eq!(string(attr(block, "sku")), gateway.sku.label());
        }
    }
}

#[test]
fn global_reach_joins_the_two_private_peerings() {
    let export = export("europe-azure-two-locations");
    let body = parse(&export, "azure.tf");
    let gr = resource(
        &body,
        "azurerm_express_route_circuit_connection",
        "er_ams_er_fra",
    );
    assert_eq!(
        text(attr(gr, "peering_id")),
        "azurerm_express_route_circuit_peering.er_ams_private.id"
    );
    assert_eq!(
        text(attr(gr, "peer_peering_id")),
        "azurerm_express_route_circuit_peering.er_fra_private.id"
    );
    assert_eq!(
        text(attr(gr, "address_prefix_ipv4")),
        "var.er_ams_er_fra_global_reach_prefix"
    );
    // The flawed design's second circuit has no private peering: left out, and said so.
    let flawed = self::export("flawed-design");
    assert!(!file(&flawed, "azure.tf").contains("azurerm_express_route_circuit_connection"));
    assert!(
        flawed
            .notes
            .iter()
            .any(|n| n.contains("Global Reach between er-par-direct and er-sp"))
    );
}

#[test]
fn aws_resources_carry_the_designs_facts() {
    for sample in SAMPLES {
        let design = design(sample);
        let export = export(sample);
        let Some(aws) = export.files.iter().find(|f| f.name == "aws.tf") else {
            continue;
        };
        let body = hcl::parse(&aws.text).unwrap();
        for link in &design.links {
            let LinkKind::DirectConnectConnection(dx) = &link.kind else {
                continue;
            };
            let name = identifier(link.id.as_str());
            let location = [&link.a, &link.b]
                .into_iter()
                .find_map(|id| design.node(id).and_then(|n| n.as_facility()))
                .and_then(|f| f.dx_location.clone())
                .unwrap();
            let speed = terraform_bandwidth(dx.capacity_mbps);
            let on = match (dx.connection_type, dx.lag_members) {
                (linkwright::model::DxConnectionType::Dedicated, 1) => {
                    let c = resource(&body, "aws_dx_connection", &name);
                    assert_eq!(string(attr(c, "bandwidth")), speed);
                    assert_eq!(string(attr(c, "location")), location);
                    assert_eq!(string(attr(c, "name")), link.label());
                    format!("aws_dx_connection.{name}.id")
                }
                (linkwright::model::DxConnectionType::Dedicated, n) => {
                    let lag = resource(&body, "aws_dx_lag", &name);
                    assert_eq!(string(attr(lag, "connections_bandwidth")), speed);
                    assert_eq!(string(attr(lag, "location")), location);
                    for k in 1..=n {
                        let member = resource(&body, "aws_dx_connection", &format!("{name}_{k}"));
                        assert_eq!(string(attr(member, "bandwidth")), speed);
                        let assoc = resource(
                            &body,
                            "aws_dx_connection_association",
                            &format!("{name}_{k}"),
                        );
                        assert_eq!(text(attr(assoc, "lag_id")), format!("aws_dx_lag.{name}.id"));
                    }
                    format!("aws_dx_lag.{name}.id")
                }
                (linkwright::model::DxConnectionType::Hosted, n) => {
                    let first = if n == 1 {
                        name.clone()
                    } else {
                        format!("{name}_1")
                    };
                    let c = resource(&body, "aws_dx_connection_confirmation", &first);
                    assert!(text(attr(c, "connection_id")).starts_with("var."));
                    if n > 1 {
                        continue; // VIFs left out (a note says why)
                    }
                    format!("aws_dx_connection_confirmation.{name}.id")
                }
            };
            for vif in &dx.vifs {
                let resource_type = match vif.vif_type {
                    VifType::Private => "aws_dx_private_virtual_interface",
                    VifType::Transit => "aws_dx_transit_virtual_interface",
                    VifType::Public => "aws_dx_public_virtual_interface",
                };
                let v = resource(
                    &body,
                    resource_type,
                    &format!("{name}_{}", identifier(&vif.name)),
                );
                assert_eq!(text(attr(v, "connection_id")), on);
                assert_eq!(number(attr(v, "vlan")), u64::from(vif.vlan));
                assert_eq!(number(attr(v, "bgp_asn")), u64::from(vif.customer_asn));
                assert_eq!(string(attr(v, "name")), vif.name);
                if vif.vif_type != VifType::Public {
                    assert_eq!(number(attr(v, "mtu")), u64::from(vif.mtu));
                }
            }
        }
    }
}

fn terraform_bandwidth(mbps: u64) -> String {
    if mbps < 1000 {
        format!("{mbps}Mbps")
    } else {
        format!("{}Gbps", mbps / 1000)
    }
}

#[test]
fn gateways_use_the_known_asns_and_variables_for_the_unknown() {
    let export = export("dual-cloud-ashburn-chicago");
    let body = parse(&export, "aws.tf");
    let dxgw = resource(&body, "aws_dx_gateway", "aws_use1");
    assert_eq!(string(attr(dxgw, "name")), "dxgw-prod");
    assert_eq!(string(attr(dxgw, "amazon_side_asn")), "64600");
    let tgw = resource(&body, "aws_ec2_transit_gateway", "aws_use1");
    assert_eq!(number(attr(tgw, "amazon_side_asn")), 64700);
    let assoc = resource(&body, "aws_dx_gateway_association", "aws_use1");
    assert_eq!(
        text(attr(assoc, "associated_gateway_id")),
        "aws_ec2_transit_gateway.aws_use1.id"
    );
    // Connections are created in their location's home region: EQC50 is us-east-2's.
    let chicago = resource(&body, "aws_dx_connection", "dx_ch1_a");
    assert_eq!(text(attr(chicago, "provider")), "aws.us_east_2");
    let providers = parse(&export, "providers.tf");
    let aliases: Vec<String> = providers
        .blocks()
        .filter(|b| b.identifier() == "provider" && b.labels()[0].as_str() == "aws")
        .map(|b| string(attr(b, "region")).to_string())
        .collect();
    assert_eq!(aliases, ["us-east-1", "us-east-2"]);

    // A VGW region: the VIF ends on the VGW, whose ASN the design gives.
    let dev = self::export("aws-dev-test-one-location");
    let body = parse(&dev, "aws.tf");
    let vgw = resource(&body, "aws_vpn_gateway", "aws_euw1");
    assert_eq!(string(attr(vgw, "amazon_side_asn")), "64512");
    assert_eq!(text(attr(vgw, "vpc_id")), "var.aws_euw1_vpc_id");
    let vif = resource(
        &body,
        "aws_dx_private_virtual_interface",
        "dx_dub_a_dev_private_a",
    );
    assert_eq!(
        text(attr(vif, "vpn_gateway_id")),
        "aws_vpn_gateway.aws_euw1.id"
    );
}

#[test]
fn every_variable_used_is_declared_once_with_a_description_and_every_declared_one_is_used() {
    for sample in SAMPLES {
        let export = export(sample);
        let variables = parse(&export, "variables.tf");
        let mut declared = BTreeSet::new();
        for block in variables.blocks() {
            assert_eq!(block.identifier(), "variable");
            let name = block.labels()[0].as_str().to_string();
            assert!(
                declared.insert(name.clone()),
                "{sample}: {name} declared twice"
            );
            assert!(!string(attr(block, "description")).is_empty());
            attr(block, "type");
        }
        let mut used = BTreeSet::new();
        for f in export.files.iter().filter(|f| f.name != "variables.tf") {
            for (i, _) in f.text.match_indices("var.") {
                let rest = &f.text[i + 4..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                used.insert(rest[..end].to_string());
            }
        }
        assert_eq!(used, declared, "{sample}");
    }
}

#[test]
fn every_resource_block_follows_a_comment_naming_its_element() {
    for sample in SAMPLES {
        let design = design(sample);
        let ids: Vec<String> = design
            .nodes
            .iter()
            .map(|n| n.id.to_string())
            .chain(design.links.iter().map(|l| l.id.to_string()))
            .collect();
        let export = export(sample);
        for f in export
            .files
            .iter()
            .filter(|f| f.name == "azure.tf" || f.name == "aws.tf")
        {
            let lines: Vec<&str> = f.text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                if !line.starts_with("resource ") {
                    continue;
                }
                // The comment block above: its first line names the element.
                let mut j = i;
                while j > 0 && lines[j - 1].starts_with("# ") {
                    j -= 1;
                }
                assert!(j < i, "{sample}/{}: {line} has no comment", f.name);
                let first = lines[j].trim_start_matches("# ");
                assert!(
                    ids.iter().any(|id| first.starts_with(&format!("{id} \""))),
                    "{sample}/{}: {first}",
                    f.name
                );
            }
        }
    }
}

/// `terraform fmt` leaves the files as they are, where terraform is installed (skipped
/// otherwise, and says so).
#[test]
fn terraform_fmt_leaves_the_files_unchanged() {
    if Command::new("terraform").arg("version").output().is_err() {
        eprintln!("terraform is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        for f in &export(sample).files {
            std::fs::write(dir.path().join(format!("{sample}-{}", f.name)), &f.text).unwrap();
        }
    }
    let out = Command::new("terraform")
        .args(["fmt", "-check", "-list=true"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "terraform fmt would change: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn export_into(design: &Path, dir: &Path) -> Output {
    run(&[
        "export",
        "terraform",
        design.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ])
}

#[test]
fn the_command_writes_the_files_into_a_new_folder_and_leaves_other_files_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new").join("tf");
    let out = export_into(
        &root().join("designs/dual-cloud-ashburn-chicago.json"),
        &dir,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = export("dual-cloud-ashburn-chicago");
    for f in &expected.files {
        assert_eq!(std::fs::read_to_string(dir.join(f.name)).unwrap(), f.text);
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("resources"));

    // Into an existing folder: our files replaced, the user's own left as they were.
    std::fs::write(dir.join("main.tf"), "# mine\n").unwrap();
    std::fs::write(dir.join("aws.tf"), "stale\n").unwrap();
    let out = export_into(
        &root().join("designs/dual-cloud-ashburn-chicago.json"),
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("main.tf")).unwrap(),
        "# mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("aws.tf")).unwrap(),
        file(&expected, "aws.tf")
    );
}

#[test]
fn bad_inputs_exit_with_the_documented_codes_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");

    let out = export_into(&tmp.path().join("missing.json"), &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
    assert!(!dir.exists());

    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"format\": \"linkwright-design\",\n  \"version\": 1,\n  \"design\": { \"name\": 5 }\n}\n").unwrap();
    let out = export_into(&bad, &dir);
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("bad.json:4:") && e.contains("design.name"),
        "{e}"
    );
    assert!(!dir.exists());

    // DIR is a file: exit 3, the file untouched, nothing written beside it.
    let plain = tmp.path().join("plain");
    std::fs::write(&plain, "keep").unwrap();
    let out = export_into(&root().join("designs/flawed-design.json"), &plain);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a file"));
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "keep");
    let entries: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}"); // bad.json and plain
}

/// The variable block `variable "NAME"` of variables.tf.
fn variable<'a>(body: &'a Body, name: &str) -> &'a Block {
    body.blocks()
        .find(|b| b.identifier() == "variable" && b.labels()[0].as_str() == name)
        .unwrap_or_else(|| panic!("no variable {name}"))
}

#[test]
fn every_vpn_becomes_the_clouds_vpn_resources_with_the_designs_facts() {
    let mut seen = 0;
    for sample in SAMPLES {
        let design = design(sample);
        let export = export(sample);
        // No VPN is left out; the only VPN notes are about a setting of one (e.g. the flawed
        // design's single tunnel on its Azure VPN).
        let setting_note = |n: &str| {
            design
                .links
                .iter()
                .filter(|l| l.as_vpn().is_some())
                .any(|l| n.starts_with(&format!("{}: The design", l.id)))
        };
        assert!(
            !export
                .notes
                .iter()
                .any(|n| n.contains("VPN") && !setting_note(n)),
            "{sample}: {:?}",
            export.notes
        );
        for link in &design.links {
            let LinkKind::SiteToSiteVpn(vpn) = &link.kind else {
                continue;
            };
            seen += 1;
            let ends = [design.node(&link.a).unwrap(), design.node(&link.b).unwrap()];
            let site = ends.iter().find(|n| n.as_site().is_some()).unwrap();
            let region = ends.iter().find(|n| n.as_site().is_none()).unwrap();
            let name = identifier(link.id.as_str());
            let site_ip = format!("var.{}_vpn_device_ip", identifier(site.id.as_str()));
            let variables = parse(&export, "variables.tf");
            variable(&variables, &site_ip["var.".len()..]);
            if let Some(aws) = region.as_aws() {
                let body = parse(&export, "aws.tf");
                let alias = format!("aws.{}", identifier(&aws.region));
                let cgw_name = format!(
                    "{}_{}",
                    identifier(site.id.as_str()),
                    identifier(&aws.region)
                );
                let cgw = resource(&body, "aws_customer_gateway", &cgw_name);
                assert_eq!(text(attr(cgw, "provider")), alias);
                assert_eq!(
                    number(attr(cgw, "bgp_asn")),
                    u64::from(site.as_site().unwrap().asn.unwrap()),
                    "{sample}: the site's ASN"
                );
                assert_eq!(text(attr(cgw, "ip_address")), site_ip);
                assert_eq!(string(attr(cgw, "type")), "ipsec.1");
                let connection = resource(&body, "aws_vpn_connection", &name);
                assert_eq!(text(attr(connection, "provider")), alias);
                assert_eq!(
                    text(attr(connection, "customer_gateway_id")),
                    format!("aws_customer_gateway.{cgw_name}.id")
                );
                assert_eq!(string(attr(connection, "type")), "ipsec.1");
                let region_name = identifier(region.id.as_str());
                let (key, other, gateway) = if vpn.on_transit_gateway {
                    (
                        "transit_gateway_id",
                        "vpn_gateway_id",
                        "aws_ec2_transit_gateway",
                    )
                } else {
                    ("vpn_gateway_id", "transit_gateway_id", "aws_vpn_gateway")
                };
                assert_eq!(
                    text(attr(connection, key)),
                    format!("{gateway}.{region_name}.id"),
                    "{sample}: the gateway the design puts the VPN on"
                );
                resource(&body, gateway, &region_name);
                assert!(
                    !connection.body().attributes().any(|a| a.key() == other),
                    "{sample}: one gateway only"
                );
                // Nothing the design does not hold: no routing mode, no tunnel options.
                assert!(
                    !connection
                        .body()
                        .attributes()
                        .any(|a| a.key() == "static_routes_only" || a.key().starts_with("tunnel")),
                    "{sample}"
                );
            } else {
                let azure = region.as_azure().unwrap();
                let body = parse(&export, "azure.tf");
                let local_name = format!(
                    "{}_{}",
                    identifier(site.id.as_str()),
                    identifier(&azure.region)
                );
                let local = resource(&body, "azurerm_local_network_gateway", &local_name);
                assert_eq!(string(attr(local, "location")), azure.region);
                assert_eq!(text(attr(local, "gateway_address")), site_ip);
                let prefixes: Vec<String> = site
                    .as_site()
                    .unwrap()
                    .prefixes
                    .iter()
                    .map(|p| p.network().to_string())
                    .collect();
                let Expression::Array(space) = attr(local, "address_space") else {
                    panic!("{sample}: address_space is not a list");
                };
                let space: Vec<&str> = space.iter().map(string).collect();
                assert_eq!(space, prefixes, "{sample}: the site's prefixes");
                let connection =
                    resource(&body, "azurerm_virtual_network_gateway_connection", &name);
                assert_eq!(string(attr(connection, "type")), "IPsec");
                assert_eq!(string(attr(connection, "location")), azure.region);
                assert_eq!(
                    text(attr(connection, "local_network_gateway_id")),
                    format!("azurerm_local_network_gateway.{local_name}.id")
                );
                let gateway_name = format!("{}_vpn", identifier(region.id.as_str()));
                assert_eq!(
                    text(attr(connection, "virtual_network_gateway_id")),
                    format!("azurerm_virtual_network_gateway.{gateway_name}.id")
                );
                let gateway = resource(&body, "azurerm_virtual_network_gateway", &gateway_name);
                let vpn_gateway = azure.vpn_gateway.as_ref().unwrap();
                assert_eq!(string(attr(gateway, "type")), "Vpn");
                assert_eq!(string(attr(gateway, "sku")), vpn_gateway.sku.label());
                let key = text(attr(connection, "shared_key"));
                let key = variable(&variables, key.trim_start_matches("var."));
                assert_eq!(
                    attr(key, "sensitive"),
                    &Expression::Bool(true),
                    "{sample}: the shared key is sensitive"
                );
            }
        }
    }
    assert_eq!(seen, 3, "the samples' VPNs: two to AWS, one to Azure");
}

#[test]
fn a_vpn_into_a_region_without_its_gateway_gets_one_or_a_variable() {
    let mut design = design("flawed-design");
    // The Azure region loses its VPN gateway: the connection names a variable instead.
    for node in &mut design.nodes {
        if let linkwright::model::NodeKind::AzureRegion(r) = &mut node.kind {
            r.vpn_gateway = None;
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    let body = parse(&export, "azure.tf");
    let connection = resource(
        &body,
        "azurerm_virtual_network_gateway_connection",
        "vpn_par",
    );
    assert_eq!(
        text(attr(connection, "virtual_network_gateway_id")),
        "var.az_frc_vpn_gateway_id"
    );
    assert!(
        !body.blocks().any(|b| b
            .labels()
            .get(1)
            .is_some_and(|l| l.as_str() == "az_frc_vpn")),
        "no VPN gateway the design does not have"
    );

    // An AWS VPN on a Transit Gateway in a region that attaches by a VGW: the region gets the
    // Transit Gateway the VPN ends on.
    let mut design = self::design("aws-dev-test-one-location");
    for link in &mut design.links {
        if let LinkKind::SiteToSiteVpn(v) = &mut link.kind {
            v.on_transit_gateway = true;
            v.large_tunnels = true;
            v.tunnels = 1;
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    let body = parse(&export, "aws.tf");
    resource(&body, "aws_ec2_transit_gateway", "aws_euw1");
    let connection = resource(&body, "aws_vpn_connection", "vpn_dub");
    assert_eq!(
        text(attr(connection, "transit_gateway_id")),
        "aws_ec2_transit_gateway.aws_euw1.id"
    );
    // What AWS cannot be told through the provider is said, not dropped.
    for said in [
        "vpn-dub: The design asks for Large (5 Gbps) tunnels",
        "vpn-dub: The design gives 1 tunnel; an AWS Site-to-Site VPN connection always has two",
    ] {
        assert!(
            export.notes.iter().any(|n| n.starts_with(said)),
            "{said}: {:?}",
            export.notes
        );
        assert!(file(&export, "aws.tf").contains(&said["vpn-dub: ".len()..]));
    }
}

/// Two VPNs from one site into one region share the site's customer gateway (AWS) or local
/// network gateway (Azure): one device, one gateway resource.
#[test]
fn two_vpns_from_one_site_to_one_region_share_its_gateway() {
    for (sample, gateway, connection) in [
        (
            "aws-dev-test-one-location",
            "aws_customer_gateway",
            "aws_vpn_connection",
        ),
        (
            "flawed-design",
            "azurerm_local_network_gateway",
            "azurerm_virtual_network_gateway_connection",
        ),
    ] {
        let mut design = design(sample);
        let mut second = design
            .links
            .iter()
            .find(|l| l.as_vpn().is_some())
            .unwrap()
            .clone();
        second.id = linkwright::model::LinkId::new("vpn-second");
        design.links.push(second);
        let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
        let file = if gateway.starts_with("aws") {
            "aws.tf"
        } else {
            "azure.tf"
        };
        let body = parse(&export, file);
        let of = |t: &str| -> Vec<&Block> {
            body.blocks()
                .filter(|b| b.identifier() == "resource" && b.labels()[0].as_str() == t)
                .collect()
        };
        let gateways = of(gateway);
        assert_eq!(gateways.len(), 1, "{sample}");
        let reference = format!("{gateway}.{}.id", gateways[0].labels()[1].as_str());
        let key = if gateway.starts_with("aws") {
            "customer_gateway_id"
        } else {
            "local_network_gateway_id"
        };
        let connections: Vec<&Block> = of(connection)
            .into_iter()
            .filter(|c| {
                c.body()
                    .attributes()
                    .any(|a| a.key() == key && text(a.expr()) == reference)
            })
            .collect();
        assert_eq!(connections.len(), 2, "{sample}");
    }
}

/// A site ASN above 2,147,483,647 (the private 4-byte range 4200000000–4294967294) goes in
/// `bgp_asn_extended`, which AWS and the provider require for it; a 2-byte ASN stays in
/// `bgp_asn`. The user is told the argument needs a recent provider.
#[test]
fn a_four_byte_site_asn_is_written_as_bgp_asn_extended() {
    let mut design = design("aws-dev-test-one-location");
    for node in &mut design.nodes {
        if let linkwright::model::NodeKind::OnPremSite(s) = &mut node.kind {
            s.asn = Some(4_200_000_001);
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    let body = parse(&export, "aws.tf");
    let cgw = resource(&body, "aws_customer_gateway", "site_dub_eu_west_1");
    assert_eq!(number(attr(cgw, "bgp_asn_extended")), 4_200_000_001);
    assert!(
        !cgw.body().attributes().any(|a| a.key() == "bgp_asn"),
        "bgp_asn conflicts with bgp_asn_extended"
    );
    assert!(
        export.notes.iter().any(
            |n| n.starts_with("site-dub (customer gateway in eu-west-1): ") && n.contains("5.53.0")
        ),
        "{:?}",
        export.notes
    );

    // The largest 2-byte-field value stays in bgp_asn.
    for node in &mut design.nodes {
        if let linkwright::model::NodeKind::OnPremSite(s) = &mut node.kind {
            s.asn = Some(2_147_483_647);
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    let body = parse(&export, "aws.tf");
    let cgw = resource(&body, "aws_customer_gateway", "site_dub_eu_west_1");
    assert_eq!(number(attr(cgw, "bgp_asn")), 2_147_483_647);
    assert!(export.notes.iter().all(|n| !n.contains("bgp_asn_extended")));
}

/// Large (5 Gbps) tunnels exist on Transit Gateway (and Cloud WAN) VPN connections only: a VPN
/// on a virtual private gateway that asks for them is told it cannot have them, never to set
/// them in AWS.
#[test]
fn large_tunnels_on_a_virtual_private_gateway_are_said_to_be_impossible() {
    let mut design = design("aws-dev-test-one-location");
    for link in &mut design.links {
        if let LinkKind::SiteToSiteVpn(v) = &mut link.kind {
            v.on_transit_gateway = false;
            v.large_tunnels = true;
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    let body = parse(&export, "aws.tf");
    let connection = resource(&body, "aws_vpn_connection", "vpn_dub");
    attr(connection, "vpn_gateway_id");
    let note = export
        .notes
        .iter()
        .find(|n| n.starts_with("vpn-dub: The design asks for Large (5 Gbps) tunnels"))
        .unwrap_or_else(|| panic!("{:?}", export.notes));
    assert!(
        note.contains("only on a VPN connection to a Transit Gateway")
            && note.contains("not to a virtual private gateway"),
        "{note}"
    );
    assert!(
        !note.contains("set the connection's tunnel bandwidth"),
        "{note}"
    );
    assert!(file(&export, "aws.tf").contains(&note["vpn-dub: ".len()..]));
}

/// A site prefix with host bits (the flawed design's "10.30.5.9/24") is written to the local
/// network gateway as its network address, and the note names the prefix it changed.
#[test]
fn a_site_prefix_with_host_bits_is_written_as_its_network() {
    let export = export("flawed-design");
    let body = parse(&export, "azure.tf");
    let local = resource(
        &body,
        "azurerm_local_network_gateway",
        "site_par_francecentral",
    );
    let Expression::Array(space) = attr(local, "address_space") else {
        panic!("address_space is not a list");
    };
    let space: Vec<&str> = space.iter().map(string).collect();
    assert_eq!(space, ["10.30.0.0/16", "10.30.5.0/24"]);
    let said = "site-par (local network gateway in francecentral): address_space takes network addresses, and the design gives 1 prefix with host bits set: 10.30.5.9/24 is written as 10.30.5.0/24";
    assert!(export.notes.iter().any(|n| n == said), "{:?}", export.notes);
    assert!(file(&export, "azure.tf").contains(&said[said.find(": ").unwrap() + 2..]));
}

/// AWS-only VPN settings on an Azure VPN (a tunnel count other than two, Large tunnels, a
/// Transit Gateway) are not written, and the export says so for each; the defaults say nothing.
#[test]
fn aws_only_settings_of_an_azure_vpn_are_said_to_be_left_out() {
    let mut design = design("flawed-design");
    for link in &mut design.links {
        if let LinkKind::SiteToSiteVpn(v) = &mut link.kind {
            v.tunnels = 2;
        }
    }
    let quiet = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    assert!(
        quiet.notes.iter().all(|n| !n.starts_with("vpn-par: ")),
        "{:?}",
        quiet.notes
    );
    for link in &mut design.links {
        if let LinkKind::SiteToSiteVpn(v) = &mut link.kind {
            v.tunnels = 4;
            v.large_tunnels = true;
            v.on_transit_gateway = true;
        }
    }
    let export = terraform::export(&design, &Catalog::builtin().unwrap()).unwrap();
    for said in [
        "vpn-par: The design gives 4 tunnels: not written",
        "vpn-par: The design asks for Large (5 Gbps) tunnels: not written",
        "vpn-par: The design puts the VPN on a Transit Gateway: not written",
    ] {
        let note = export
            .notes
            .iter()
            .find(|n| n.starts_with(said))
            .unwrap_or_else(|| panic!("{said}: {:?}", export.notes));
        assert!(file(&export, "azure.tf").contains(&note["vpn-par: ".len()..]));
    }
    // Nothing about them reaches the connection itself.
    let body = parse(&export, "azure.tf");
    let connection = resource(
        &body,
        "azurerm_virtual_network_gateway_connection",
        "vpn_par",
    );
    assert_eq!(string(attr(connection, "type")), "IPsec");
    assert!(
        !connection
            .body()
            .attributes()
            .any(|a| a.key().contains("tunnel") || a.key().contains("transit"))
    );
}

/// A cloud file of an earlier export that this export does not write (the design no longer
/// uses that cloud) is left as it is — removing it would not remove what it created, and
/// Terraform needs its providers to destroy that — and the command says what to do; one
/// linkwright did not write (no header line) is left too, with its own warning.
#[test]
fn a_stale_cloud_file_is_left_with_a_warning_of_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tf");
    let both = root().join("designs/dual-cloud-ashburn-chicago.json");
    assert_eq!(export_into(&both, &dir).status.code(), Some(0));
    assert!(dir.join("aws.tf").exists() && dir.join("azure.tf").exists());
    let earlier = std::fs::read_to_string(dir.join("aws.tf")).unwrap();
    std::fs::write(dir.join("main.tf"), "# mine\n").unwrap();

    // The design drops AWS: the earlier aws.tf stays, with a warning; the rest is as written.
    let azure_only = export("europe-azure-two-locations");
    assert!(azure_only.files.iter().all(|f| f.name != "aws.tf"));
    let out = export_into(
        &root().join("designs/europe-azure-two-locations.json"),
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("aws.tf")).unwrap(),
        earlier
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: aws.tf of an earlier export is still in the folder")
            && err.contains("terraform destroy"),
        "{err}"
    );
    for f in &azure_only.files {
        assert_eq!(std::fs::read_to_string(dir.join(f.name)).unwrap(), f.text);
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("main.tf")).unwrap(),
        "# mine\n"
    );

    // An aws.tf linkwright did not write: left, and said so in other words.
    std::fs::write(dir.join("aws.tf"), "# my own AWS resources\n").unwrap();
    let written = azure_only.write_into(&dir).unwrap();
    assert_eq!(written.stale, [("aws.tf", false)]);
    let out = export_into(
        &root().join("designs/europe-azure-two-locations.json"),
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("aws.tf")).unwrap(),
        "# my own AWS resources\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: aws.tf is in the folder but linkwright did not write it"),
        "{err}"
    );

    // Every file the export writes starts with the header that marks it.
    for f in &azure_only.files {
        assert!(
            f.text.starts_with(&format!("{}\n", terraform::HEADER)),
            "{}",
            f.name
        );
    }
}

/// No note or write message hedges a plural with "(s)": counts are spelt out
/// (`model::count`), one or many.
#[test]
fn notes_and_write_messages_spell_their_plurals() {
    let mut design = design("flawed-design");
    for link in &mut design.links {
        if let LinkKind::SiteToSiteVpn(v) = &mut link.kind {
            v.tunnels = 3;
            v.large_tunnels = true;
            v.on_transit_gateway = true;
        }
    }
    let mut lines: Vec<String> = terraform::export(&design, &Catalog::builtin().unwrap())
        .unwrap()
        .notes;
    for sample in SAMPLES {
        lines.extend(export(sample).notes);
    }
    let written = terraform::Written {
        stale: vec![("aws.tf", true), ("azure.tf", false)],
    };
    lines.extend(written.warnings());
    assert!(lines.iter().any(|l| l.contains("3 tunnels")));
    assert!(lines.iter().any(|l| l.contains("no Azure providers")));
    for line in &lines {
        assert!(!line.contains("(s)"), "{line}");
    }
}

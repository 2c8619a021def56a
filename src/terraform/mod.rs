//! The design as Terraform configuration (`linkwright export terraform`): one file per cloud the
//! design uses (`azure.tf` for azurerm, `aws.tf` for aws), `providers.tf` (required providers,
//! one aws provider per region) and `variables.tf` (everything the design does not know).
//!
//! Blocks are built with hcl-rs (`hcl::Block`, `hcl::Attribute`) and written by
//! `hcl::format`; each resource block is preceded by a comment naming the design element
//! (`# er-dc2 "ER Washington DC"`), and `align.rs` aligns the `=` of consecutive attributes,
//! which hcl-rs's formatter does not do and `terraform fmt` does. Nothing here is invented:
//! a fact the design does not hold is a variable with a description naming the element.

mod align;
mod aws;
mod azure;

pub use align::{align_assignments, terraform_fmt};

use crate::catalog::Catalog;
use crate::model::Design;
use hcl::expr::{Expression, Traversal, Variable};
use hcl::{Block, Body};
use std::collections::{HashMap, HashSet};

/// One file of the export: its name in the output folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TfFile {
    pub name: &'static str,
    pub text: String,
}

/// What `export` made: the files in the order they are written, and counts for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub files: Vec<TfFile>,
    pub resources: usize,
    pub variables: usize,
    /// What the design holds that the export leaves out, and why (also written as comments in
    /// the files).
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{element}: {mbps} Mbps has no Terraform bandwidth value (the aws provider takes whole Mbps below 1 Gbps, whole Gbps above)"
    )]
    Bandwidth { element: String, mbps: u64 },
    #[error("cannot write the Terraform text: {0}")]
    Format(#[from] hcl::Error),
}

/// The first line of every file the export writes: how a later export tells a file in the
/// folder as its own (to say what to do with a stale one; it never removes a file).
pub const HEADER: &str =
    "# Written by linkwright export terraform: a later export replaces this file";

/// The cloud files an export writes only when the design uses that cloud.
const CLOUD_FILES: [&str; 2] = ["azure.tf", "aws.tf"];

/// Version constraints written in `providers.tf`: the major versions whose resource arguments
/// the export writes (see README, "Export to Terraform").
pub const AZURERM_VERSION: &str = "~> 4.0";
pub const AWS_VERSION: &str = "~> 5.0";

/// The design as Terraform files. Deterministic: the same design gives the same bytes.
pub fn export(design: &Design, catalog: &Catalog) -> Result<Export, ExportError> {
    let mut cx = Cx::new(design);
    let azure_items = azure::resources(design, &mut cx);
    let aws_items = aws::resources(design, catalog, &mut cx)?;
    let mut files = Vec::new();
    let mut resources = 0;
    let uses_azure = !azure_items.is_empty();
    let uses_aws = !aws_items.is_empty();
    if uses_azure {
        resources += azure_items.len();
        files.push(TfFile {
            name: "azure.tf",
            text: render(&azure_items)?,
        });
    }
    if uses_aws {
        resources += aws_items.len();
        files.push(TfFile {
            name: "aws.tf",
            text: render(&aws_items)?,
        });
    }
    let providers = providers(&mut cx, uses_azure, uses_aws);
    files.insert(
        0,
        TfFile {
            name: "providers.tf",
            text: render(&providers)?,
        },
    );
    let variables = cx.vars.items();
    let variable_count = variables.len();
    files.push(TfFile {
        name: "variables.tf",
        text: render(&variables)?,
    });
    Ok(Export {
        files,
        resources,
        variables: variable_count,
        notes: cx.notes,
    })
}

/// Why an export could not be written into its folder.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} is a file, not a folder")]
    NotAFolder(std::path::PathBuf),
    #[error("cannot create the folder {0}: {1}")]
    CreateFolder(std::path::PathBuf, std::io::Error),
    #[error("cannot write {0}: {1}")]
    WriteFile(std::path::PathBuf, std::io::Error),
}

/// What [`Export::write_into`] found besides writing the export's files: cloud files
/// (`aws.tf`, `azure.tf`) in the folder for a cloud the design no longer uses. They are left
/// as they are: Terraform needs their resources' providers to destroy them, and this export
/// no longer declares those, so removing the file would not remove what it created.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Each such file, and whether it is an earlier export's (its first line is [`HEADER`]).
    pub stale: Vec<(&'static str, bool)>,
}

impl Written {
    /// One warning per stale cloud file: what it means for `terraform plan` and what to do.
    pub fn warnings(&self) -> Vec<String> {
        self.stale
            .iter()
            .map(|&(name, ours)| {
                let cloud = if name == "aws.tf" { "AWS" } else { "Azure" };
                if ours {
                    format!(
                        "{name} of an earlier export is still in the folder, but the design no longer uses {cloud}: this export declares none of its providers or variables, so terraform plan fails on it. To remove what it created, run terraform destroy with the earlier export's files first; then delete {name}"
                    )
                } else {
                    format!(
                        "{name} is in the folder but linkwright did not write it (its first line is not the export's header, or it cannot be read); the design no longer uses {cloud}, so this export declares no {cloud} providers or variables, and terraform plan reads {name} with the rest"
                    )
                }
            })
            .collect()
    }
}

impl Export {
    /// Write every file into `dir` (created if missing), each atomically; other files in
    /// `dir` are left alone, and a cloud file (`aws.tf`, `azure.tf`) this export does not
    /// write is reported (see [`Written`]). What the CLI and the designer's export both call.
    pub fn write_into(&self, dir: &std::path::Path) -> Result<Written, WriteError> {
        if dir.exists() && !dir.is_dir() {
            return Err(WriteError::NotAFolder(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(|e| WriteError::CreateFolder(dir.to_path_buf(), e))?;
        for tf in &self.files {
            let path = dir.join(tf.name);
            crate::design_file::write_atomic(&path, tf.text.as_bytes())
                .map_err(|e| WriteError::WriteFile(path.clone(), e))?;
        }
        let mut written = Written::default();
        for name in CLOUD_FILES {
            if self.files.iter().any(|f| f.name == name) {
                continue;
            }
            let path = dir.join(name);
            if !path.exists() {
                continue; // the usual case
            }
            let ours = std::fs::read_to_string(&path)
                .is_ok_and(|text| text.lines().next() == Some(HEADER));
            written.stale.push((name, ours));
        }
        Ok(written)
    }
}

/// One top-level block and the comment lines above it.
pub(crate) struct Item {
    comment: Vec<String>,
    block: Block,
}

impl Item {
    pub(crate) fn new(comment: impl Into<String>, block: Block) -> Self {
        Self {
            comment: vec![comment.into()],
            block,
        }
    }
    pub(crate) fn note(mut self, line: impl Into<String>) -> Self {
        self.comment.push(line.into());
        self
    }
}

/// The comment naming a design element: `er-dc2 "ER Washington DC"`.
pub(crate) fn element_comment(id: &str, name: &str) -> String {
    format!("{} \"{}\"", one_line(id), one_line(name))
}

/// Text safe on one comment line: control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The items as one formatted file: the [`HEADER`], then each block after its comment, a
/// blank line between.
fn render(items: &[Item]) -> Result<String, ExportError> {
    let mut text = format!("{HEADER}\n\n");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        for line in &item.comment {
            text.push_str("# ");
            text.push_str(&one_line(line));
            text.push('\n');
        }
        let mut formatter = hcl::format::Formatter::builder()
            .compact_arrays(true)
            .build_vec();
        let body = Body::builder().add_block(item.block.clone()).build();
        text.push_str(&hcl::format::Format::format_string(&body, &mut formatter)?);
    }
    Ok(terraform_fmt(&text))
}

/// `providers.tf`: terraform { required_providers }, the azurerm provider, one aws provider
/// per region the AWS resources are in.
fn providers(cx: &mut Cx, uses_azure: bool, uses_aws: bool) -> Vec<Item> {
    let mut required = Block::builder("required_providers");
    if uses_azure {
        required = required.add_attribute((
            "azurerm",
            object(&[
                ("source", "hashicorp/azurerm"),
                ("version", AZURERM_VERSION),
            ]),
        ));
    }
    if uses_aws {
        required = required.add_attribute((
            "aws",
            object(&[("source", "hashicorp/aws"), ("version", AWS_VERSION)]),
        ));
    }
    let mut items = vec![Item::new(
        "Providers of the resources below (linkwright export terraform)",
        Block::builder("terraform")
            .add_block(required.build())
            .build(),
    )];
    if uses_azure {
        let subscription = cx.vars.var(
            "azure_subscription_id",
            "string",
            "Azure subscription id (a GUID) in which every azurerm resource of this export is created",
        );
        items.push(Item::new(
            "Azure: every resource in azure.tf",
            Block::builder("provider")
                .add_label("azurerm")
                .add_attribute(("subscription_id", subscription))
                .add_block(Block::builder("features").build())
                .build(),
        ));
    }
    for (region, alias) in cx.aws_regions.clone() {
        items.push(Item::new(
            format!("AWS {region}: resources in aws.tf with provider = aws.{alias}"),
            Block::builder("provider")
                .add_label("aws")
                .add_attribute(("alias", alias.as_str()))
                .add_attribute(("region", region.as_str()))
                .build(),
        ));
    }
    items
}

fn object(pairs: &[(&str, &str)]) -> Expression {
    let mut object = hcl::expr::Object::new();
    for (k, v) in pairs {
        object.insert(
            hcl::expr::ObjectKey::Identifier(hcl::Identifier::sanitized(*k)),
            Expression::from(*v),
        );
    }
    Expression::Object(object)
}

/// What one export run keeps while it builds: names taken, variables declared, AWS regions
/// used, notes.
pub(crate) struct Cx {
    /// Element id -> Terraform identifier (nodes and links, unique across both).
    ids: HashMap<String, String>,
    /// (resource type, name) pairs taken.
    taken: HashSet<(String, String)>,
    pub(crate) vars: Vars,
    /// AWS region code -> provider alias, in the order first used.
    aws_regions: Vec<(String, String)>,
    pub(crate) notes: Vec<String>,
}

impl Cx {
    fn new(design: &Design) -> Self {
        let mut ids = HashMap::new();
        let mut used = HashSet::new();
        let all = design
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .chain(design.links.iter().map(|l| l.id.as_str()));
        for id in all {
            let name = unique(&identifier(id), |n| used.contains(n));
            used.insert(name.clone());
            ids.insert(id.to_string(), name);
        }
        Self {
            ids,
            taken: HashSet::new(),
            vars: Vars::default(),
            aws_regions: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The Terraform identifier of a node or link id.
    pub(crate) fn id(&self, id: &str) -> String {
        self.ids.get(id).cloned().unwrap_or_else(|| identifier(id))
    }

    /// A resource name for `resource_type`, `base` or `base_2`, `base_3`… if taken.
    pub(crate) fn claim(&mut self, resource_type: &str, base: &str) -> String {
        let name = unique(base, |n| {
            self.taken
                .contains(&(resource_type.to_string(), n.to_string()))
        });
        self.taken.insert((resource_type.to_string(), name.clone()));
        name
    }

    /// `aws.ALIAS` for the region, declaring the provider alias on first use.
    pub(crate) fn aws_provider(&mut self, region: &str) -> Expression {
        let alias = match self.aws_regions.iter().find(|(r, _)| r == region) {
            Some((_, alias)) => alias.clone(),
            None => {
                let alias = identifier(region);
                self.aws_regions.push((region.to_string(), alias.clone()));
                alias
            }
        };
        reference(&["aws", &alias])
    }
}

/// A site-to-site VPN with its two ends: the on-prem site and the cloud region.
pub(crate) struct Vpn<'a> {
    pub(crate) link: &'a crate::model::Link,
    pub(crate) vpn: &'a crate::model::SiteToSiteVpn,
    pub(crate) site: &'a crate::model::Node,
    pub(crate) region: &'a crate::model::Node,
}

/// The design's site-to-site VPNs whose ends are a site and a region (the only pairs the model
/// allows), in the design's order.
pub(crate) fn vpns(design: &Design) -> Vec<Vpn<'_>> {
    let nodes = design.node_index();
    let node = |id: &str| nodes.get(id).map(|&i| &design.nodes[i]);
    design
        .links
        .iter()
        .filter_map(|link| {
            let vpn = link.as_vpn()?;
            let ends = [node(link.a.as_str()), node(link.b.as_str())];
            let site = ends.into_iter().flatten().find(|n| n.as_site().is_some())?;
            let region = ends
                .into_iter()
                .flatten()
                .find(|n| n.as_azure().is_some() || n.as_aws().is_some())?;
            Some(Vpn {
                link,
                vpn,
                site,
                region,
            })
        })
        .collect()
}

impl Cx {
    /// `var.SITE_vpn_device_ip`: the public IPv4 address of the VPN device at the site, which
    /// the design does not hold (one variable per site, whichever cloud its VPNs go to).
    pub(crate) fn site_vpn_ip(&mut self, site: &crate::model::Node) -> Expression {
        let name = format!("{}_vpn_device_ip", self.id(site.id.as_str()));
        self.vars.var(
            &name,
            "string",
            format!(
                "Public IPv4 address of the VPN device (internet-facing interface) at site {} \"{}\"",
                site.id, site.name
            ),
        )
    }
}

/// `base`, or `base_2`, `base_3`… the first that `taken` refuses.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

/// A valid Terraform identifier made from an element id: ASCII letters and digits kept
/// (lower-cased), everything else an underscore, a leading digit or an empty id prefixed.
pub fn identifier(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "id_");
    }
    name
}

/// A reference such as `azurerm_express_route_circuit.er_dc2.id`.
pub(crate) fn reference(parts: &[&str]) -> Expression {
    let mut builder = Traversal::builder(Variable::unchecked(parts[0]));
    for part in &parts[1..] {
        builder = builder.attr(*part);
    }
    Expression::from(builder.build())
}

/// A type constraint: `string`, `number`, or `list(string)`.
fn type_expression(type_name: &str) -> Expression {
    match type_name
        .strip_prefix("list(")
        .and_then(|t| t.strip_suffix(')'))
    {
        Some(element) => Expression::from(
            hcl::expr::FuncCall::builder("list")
                .arg(Variable::unchecked(element))
                .build(),
        ),
        None => Expression::from(Variable::unchecked(type_name)),
    }
}

/// The variables the export declares, in the order first used.
#[derive(Default)]
pub(crate) struct Vars {
    /// (name, type, description, sensitive), in the order first used.
    list: Vec<(String, &'static str, String, bool)>,
    declared: HashSet<String>,
}

impl Vars {
    /// `var.NAME`, declaring it (type, description) on first use.
    pub(crate) fn var(
        &mut self,
        name: &str,
        type_name: &'static str,
        description: impl Into<String>,
    ) -> Expression {
        self.declare(name, type_name, description.into(), false)
    }

    /// `var.NAME` for a secret (a VPN's shared key): declared with `sensitive = true`, so
    /// Terraform keeps it out of its plan and apply output.
    pub(crate) fn secret(&mut self, name: &str, description: impl Into<String>) -> Expression {
        self.declare(name, "string", description.into(), true)
    }

    fn declare(
        &mut self,
        name: &str,
        type_name: &'static str,
        description: String,
        sensitive: bool,
    ) -> Expression {
        if self.declared.insert(name.to_string()) {
            self.list
                .push((name.to_string(), type_name, description, sensitive));
        }
        reference(&["var", name])
    }

    fn items(&self) -> Vec<Item> {
        self.list
            .iter()
            .map(|(name, type_name, description, sensitive)| {
                let mut block = Block::builder("variable")
                    .add_label(name.as_str())
                    .add_attribute(("description", description.as_str()))
                    .add_attribute(("type", type_expression(type_name)));
                if *sensitive {
                    block = block.add_attribute(("sensitive", true));
                }
                Item {
                    comment: Vec::new(),
                    block: block.build(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LinkId, NodeId};

    #[test]
    fn identifiers_are_valid_and_collision_free() {
        assert_eq!(identifier("er-dc2"), "er_dc2");
        assert_eq!(identifier("Zürich.1"), "z_rich_1");
        assert_eq!(identifier("2nd"), "id_2nd");
        assert_eq!(identifier(""), "id_");
        let mut design = crate::fixture_design::base();
        design.nodes[0].id = NodeId::new("a-b");
        design.nodes[1].id = NodeId::new("a_b");
        design.links[0].id = LinkId::new("A.B");
        let cx = Cx::new(&design);
        assert_eq!(cx.id("a-b"), "a_b");
        assert_eq!(cx.id("a_b"), "a_b_2");
        assert_eq!(cx.id("A.B"), "a_b_3");
    }

    #[test]
    fn claimed_names_are_unique_per_resource_type() {
        let mut cx = Cx::new(&Design::default());
        assert_eq!(cx.claim("aws_dx_connection", "x"), "x");
        assert_eq!(cx.claim("aws_dx_connection", "x"), "x_2");
        assert_eq!(cx.claim("aws_dx_lag", "x"), "x");
    }

    #[test]
    fn direct_connect_bandwidths_are_the_providers_strings() {
        assert_eq!(aws::bandwidth("l", 50).unwrap(), "50Mbps");
        assert_eq!(aws::bandwidth("l", 500).unwrap(), "500Mbps");
        assert_eq!(aws::bandwidth("l", 1_000).unwrap(), "1Gbps");
        assert_eq!(aws::bandwidth("l", 10_000).unwrap(), "10Gbps");
        assert_eq!(aws::bandwidth("l", 100_000).unwrap(), "100Gbps");
        assert_eq!(aws::bandwidth("l", 400_000).unwrap(), "400Gbps");
        assert!(aws::bandwidth("l", 2_500).is_err());
        assert!(aws::bandwidth("l", 0).is_err());
    }

    #[test]
    fn a_bandwidth_without_a_provider_value_fails_the_whole_export() {
        let mut design = crate::fixture_design::base();
        let link = design
            .links
            .iter_mut()
            .find_map(|l| match &mut l.kind {
                crate::model::LinkKind::DirectConnectConnection(dx) => Some(dx),
                _ => None,
            })
            .unwrap();
        link.capacity_mbps = 2_500;
        let catalog = Catalog::builtin().unwrap();
        let e = export(&design, &catalog).unwrap_err();
        assert!(e.to_string().contains("2500 Mbps"), "{e}");
    }

    #[test]
    fn a_hosted_connection_needs_no_location_and_writes_into_a_folder() {
        let mut design = crate::fixture_design::base();
        for link in &mut design.links {
            if let crate::model::LinkKind::DirectConnectConnection(dx) = &mut link.kind {
                dx.connection_type = crate::model::DxConnectionType::Hosted;
            }
        }
        for node in &mut design.nodes {
            if let crate::model::NodeKind::ColocationFacility(f) = &mut node.kind {
                f.dx_location = None;
            }
        }
        let catalog = Catalog::builtin().unwrap();
        let export = export(&design, &catalog).unwrap();
        let variables = &export.files.last().unwrap().text;
        assert!(variables.contains("_connection_id\""), "{variables}");
        assert!(!variables.contains("location code"), "{variables}");

        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("tf");
        assert_eq!(export.write_into(&dir).unwrap(), Written::default());
        for f in &export.files {
            assert_eq!(std::fs::read_to_string(dir.join(f.name)).unwrap(), f.text);
        }
        let file = tmp.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(
            export.write_into(&file),
            Err(WriteError::NotAFolder(_))
        ));
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(element_comment("x", "a\nb"), "x \"a b\"");
    }
}

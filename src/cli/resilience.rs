//! `linkwright resilience FILE [--depth 1|2] [--format text|json]`
//!
//! The JSON document is written as it is serialized, item by item, through a buffered writer;
//! each failure domain that a result refers to is listed once under `domains` (with its
//! members) and results name domains by id, so the output grows with the design, not with the
//! number of failures times the size of the domains they hit.

use super::json_out::{Seq, pretty};
use super::{Format, exit};
use crate::catalog::Catalog;
use crate::model::{Design, mbps};
use crate::resilience::{self, Analysis, DemandResult, Depth, FailureDomain, PathFlow, Scenario};
use crate::rules;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer as _};
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct DomainOut<'a> {
    id: &'a str,
    kind: resilience::DomainKind,
    label: &'a str,
    members: &'a [smol_str::SmolStr],
}

impl<'a> From<&'a FailureDomain> for DomainOut<'a> {
    fn from(d: &'a FailureDomain) -> Self {
        DomainOut {
            id: &d.id,
            kind: d.kind,
            label: &d.label,
            members: &d.members,
        }
    }
}

/// A scenario with its domains named by id.
struct ScenarioOut<'a> {
    analysis: &'a Analysis,
    scenario: &'a Scenario,
}

impl Serialize for ScenarioOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ScenarioOut { analysis, scenario } = self;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry(
            "domains",
            &Seq(|| {
                scenario
                    .domains
                    .iter()
                    .map(|i| analysis.domains[i].id.as_str())
            }),
        )?;
        map.serialize_entry("residual_mbps", &scenario.residual_mbps)?;
        map.serialize_entry("outcome", &scenario.outcome)?;
        map.end()
    }
}

/// One demand's result, failure domains named by id.
struct DemandOut<'a> {
    analysis: &'a Analysis,
    result: &'a DemandResult,
}

impl<'a> Serialize for DemandOut<'a> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let DemandOut {
            analysis,
            result: d,
        } = *self;
        let scenarios = |list: &'a [Scenario]| {
            Seq(move || {
                list.iter()
                    .map(move |scenario| ScenarioOut { analysis, scenario })
            })
        };
        let mut map = s.serialize_map(Some(12))?;
        map.serialize_entry("demand", &d.demand)?;
        map.serialize_entry("site", &d.site)?;
        map.serialize_entry("region", &d.region)?;
        map.serialize_entry("cloud", &d.cloud)?;
        map.serialize_entry("required_mbps", &d.required_mbps)?;
        map.serialize_entry("intact_mbps", &d.intact_mbps)?;
        map.serialize_entry("paths", &d.paths)?;
        map.serialize_entry("model", &d.model)?;
        map.serialize_entry(
            "worst_single_failure",
            &d.worst_single()
                .map(|scenario| ScenarioOut { analysis, scenario }),
        )?;
        map.serialize_entry("single_failures", &scenarios(&d.single_failures))?;
        map.serialize_entry(
            "spofs",
            &Seq(|| d.spofs.iter().map(|&i| analysis.domains[i].id.as_str())),
        )?;
        map.serialize_entry("double_failures", &scenarios(&d.double_failures))?;
        map.end()
    }
}

pub fn run(
    file: &Path,
    depth: Depth,
    format: Format,
    catalog: &Catalog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    // At depth 1 the resilience rules read the analysis shown here: one analysis, not two.
    let (findings, analysis) = match depth {
        Depth::Single => rules::check_with_analysis(&design, catalog),
        Depth::Pairs => (
            rules::check(&design, catalog),
            resilience::analyze(&design, catalog, depth),
        ),
    };
    let gateways = crate::analyses::gateway_indexes(&design, &findings)?;
    // Standard output is line-buffered; a large design writes hundreds of thousands of lines.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    match format {
        Format::Json => write_json(&mut out, file, depth, &analysis, &gateways)?,
        Format::Text => {
            let text = Text {
                analysis: &analysis,
                depth,
                names: Names::new(&design),
            };
            text.write(&mut out, file, &gateways)?;
        }
    }
    out.flush()?;
    Ok(if findings.has_errors() {
        exit::FINDINGS_ERRORS
    } else {
        exit::OK
    })
}

/// Node names by id, through an index built once (a search of the nodes per line made the
/// text output quadratic in the design's size).
struct Names<'d> {
    design: &'d Design,
    index: FxHashMap<&'d str, usize>,
}

impl<'d> Names<'d> {
    fn new(design: &'d Design) -> Self {
        Names {
            design,
            index: design.node_index(),
        }
    }

    /// The node's name, or the id when no node has it.
    fn of<'a>(&'a self, id: &'a str) -> &'a str {
        self.index
            .get(id)
            .map_or(id, |&i| self.design.nodes[i].name.as_str())
    }
}

/// The text report: per demand its model, capacity, paths and failures; then the Azure
/// gateways' resiliency index.
struct Text<'a> {
    analysis: &'a Analysis,
    depth: Depth,
    names: Names<'a>,
}

impl Text<'_> {
    fn write<W: Write>(
        &self,
        out: &mut W,
        file: &Path,
        gateways: &[resilience::GatewayIndex],
    ) -> std::io::Result<()> {
        let depth_label = if self.depth == Depth::Pairs {
            "N-1 and N-2"
        } else {
            "N-1"
        };
        writeln!(
            out,
            "{}: resilience ({depth_label}), {}",
            file.display(),
            crate::model::count(self.analysis.demands.len(), "demand", "demands")
        )?;
        for d in &self.analysis.demands {
            self.write_demand(out, d)?;
        }
        self.write_gateways(out, gateways)
    }

    fn write_demand<W: Write>(&self, out: &mut W, d: &DemandResult) -> std::io::Result<()> {
        writeln!(out)?;
        writeln!(
            out,
            "demand {}: {} → {} ({}), requires {}",
            d.demand,
            self.names.of(&d.site),
            self.names.of(&d.region),
            d.cloud.label(),
            mbps(d.required_mbps)
        )?;
        let sla = d.model.sla.unwrap_or("no SLA");
        writeln!(out, "  model: {} — SLA target: {sla}", d.model.kind.label())?;
        for note in &d.model.notes {
            writeln!(out, "    note: {note}")?;
        }
        if d.intact_mbps == 0 {
            writeln!(
                out,
                "  intact capacity: none — no path from the site to the region"
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "  intact capacity: {} over {}",
            mbps(d.intact_mbps),
            crate::model::count(d.paths.len(), "path", "paths")
        )?;
        for p in &d.paths {
            write_path(out, p)?;
        }
        self.write_failures(out, d)
    }

    /// The worst single failure, the single points of failure and, at depth 2, the pairs.
    fn write_failures<W: Write>(&self, out: &mut W, d: &DemandResult) -> std::io::Result<()> {
        let analysis = self.analysis;
        match d.worst_single() {
            Some(s) => writeln!(
                out,
                "  worst single failure: {} → {} left ({})",
                analysis.domain_label(s.domains.at(0)),
                mbps(s.residual_mbps),
                s.outcome.label()
            )?,
            None => writeln!(out, "  worst single failure: none reduces the capacity")?,
        }
        if d.spofs.is_empty() {
            writeln!(out, "  single points of failure: none")?;
        } else {
            writeln!(out, "  single points of failure:")?;
            for &i in &d.spofs {
                writeln!(out, "    - {}", analysis.domain_label(i))?;
            }
        }
        if self.depth == Depth::Pairs {
            writeln!(
                out,
                "  failure pairs that lose or degrade it (neither alone does): {}",
                d.double_failures.len()
            )?;
            for s in d.double_failures.iter().take(10) {
                writeln!(
                    out,
                    "    - {} + {} → {} left",
                    analysis.domain_label(s.domains.at(0)),
                    analysis.domain_label(s.domains.at(1)),
                    mbps(s.residual_mbps)
                )?;
            }
        }
        Ok(())
    }

    /// The resiliency index of each Azure ExpressRoute gateway.
    fn write_gateways<W: Write>(
        &self,
        out: &mut W,
        gateways: &[resilience::GatewayIndex],
    ) -> std::io::Result<()> {
        if gateways.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(
            out,
            "Azure ExpressRoute gateways: resiliency index = R × M + Z + A (weights v{})",
            gateways[0].weights_version
        )?;
        for g in gateways {
            writeln!(
                out,
                "  {} ({}): {} as designed (M = 1), {} once validated (M = 4)",
                self.names.of(&g.region),
                g.gateway_sku,
                g.design_index,
                g.validated_index
            )?;
            writeln!(
                out,
                "    R = {} ({}); Z = {} ({}); A = {} ({})",
                g.r,
                g.r_reason,
                g.z,
                g.z_reason,
                g.a,
                if g.a > 0 {
                    "no resiliency finding"
                } else {
                    "resiliency findings open"
                }
            )?;
        }
        Ok(())
    }
}

/// One path: its capacity, links, crossings and what it carries.
fn write_path<W: Write>(out: &mut W, p: &PathFlow) -> std::io::Result<()> {
    let carries = if p.traffic_mbps == p.mbps {
        String::new()
    } else if p.traffic_mbps == 0 {
        " (VPN backup: idle while the private circuits carry the demand)".into()
    } else {
        format!(" (carries {} of the demand)", mbps(p.traffic_mbps))
    };
    let crossing = if p.via.is_empty() {
        String::new()
    } else {
        format!(" [{}]", p.via.join("; "))
    };
    writeln!(
        out,
        "    {} via {}{crossing}{carries}",
        mbps(p.mbps),
        p.links.join(" → ")
    )
}

/// Which domains the results refer to (each is listed once in the JSON document).
fn referenced_domains(analysis: &Analysis) -> Vec<bool> {
    let mut referenced = vec![false; analysis.domains.len()];
    for r in &analysis.demands {
        let scenarios = r.single_failures.iter().chain(&r.double_failures);
        for d in r
            .spofs
            .iter()
            .copied()
            .chain(scenarios.flat_map(|s| s.domains.iter()))
        {
            referenced[d] = true;
        }
    }
    referenced
}

/// `{"file", "depth", "domains", "demands", "gateways"}`, written as it is serialized.
/// Generic over the writer so that serde_json's many small writes reach the buffer inlined.
fn write_json<W: Write>(
    out: &mut W,
    file: &Path,
    depth: Depth,
    analysis: &Analysis,
    gateways: &[resilience::GatewayIndex],
) -> anyhow::Result<()> {
    let referenced = referenced_domains(analysis);
    let mut serializer = pretty(&mut *out);
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry("file", &file.display().to_string())?;
    map.serialize_entry("depth", &if depth == Depth::Pairs { 2 } else { 1 })?;
    map.serialize_entry(
        "domains",
        &Seq(|| {
            analysis
                .domains
                .iter()
                .zip(&referenced)
                .filter(|(_, r)| **r)
                .map(|(d, _)| DomainOut::from(d))
        }),
    )?;
    map.serialize_entry(
        "demands",
        &Seq(|| {
            analysis
                .demands
                .iter()
                .map(|result| DemandOut { analysis, result })
        }),
    )?;
    map.serialize_entry("gateways", gateways)?;
    map.end()?;
    writeln!(out)?;
    Ok(())
}

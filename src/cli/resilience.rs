//! `linkwright resilience FILE [--depth 1|2] [--format text|json]`

use super::{Format, exit};
use crate::catalog::Catalog;
use crate::resilience::{self, Analysis, DemandResult, Depth, FailureDomain, Scenario};
use crate::rules::{self, mbps};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct DomainOut<'a> {
    id: &'a str,
    kind: resilience::DomainKind,
    label: &'a str,
    members: &'a [smol_str::SmolStr],
}

#[derive(Serialize)]
struct ScenarioOut<'a> {
    domains: Vec<DomainOut<'a>>,
    residual_mbps: u64,
    outcome: resilience::Outcome,
}

#[derive(Serialize)]
struct DemandOut<'a> {
    #[serde(flatten)]
    result: &'a DemandResult,
    worst_single_failure: Option<ScenarioOut<'a>>,
    spof_domains: Vec<DomainOut<'a>>,
    single_failure_domains: Vec<ScenarioOut<'a>>,
    double_failure_domains: Vec<ScenarioOut<'a>>,
}

fn domain_out(d: &FailureDomain) -> DomainOut<'_> {
    DomainOut {
        id: &d.id,
        kind: d.kind,
        label: &d.label,
        members: &d.members,
    }
}

fn scenario_out<'a>(a: &'a Analysis, s: &Scenario) -> ScenarioOut<'a> {
    ScenarioOut {
        domains: s
            .domains
            .iter()
            .map(|i| domain_out(&a.domains[i]))
            .collect(),
        residual_mbps: s.residual_mbps,
        outcome: s.outcome,
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
    let analysis = resilience::analyze(&design, catalog, depth);
    let findings = rules::check(&design, catalog);
    let gateways = crate::analyses::gateway_indexes(&design, &findings)?;
    let name = |id: &str| {
        design
            .node(&id.into())
            .map_or(id.to_string(), |n| n.name.clone())
    };
    match format {
        Format::Json => {
            let demands: Vec<DemandOut> = analysis
                .demands
                .iter()
                .map(|d| DemandOut {
                    result: d,
                    worst_single_failure: d.worst_single().map(|s| scenario_out(&analysis, s)),
                    spof_domains: d
                        .spofs
                        .iter()
                        .map(|&i| domain_out(&analysis.domains[i]))
                        .collect(),
                    single_failure_domains: d
                        .single_failures
                        .iter()
                        .map(|s| scenario_out(&analysis, s))
                        .collect(),
                    double_failure_domains: d
                        .double_failures
                        .iter()
                        .map(|s| scenario_out(&analysis, s))
                        .collect(),
                })
                .collect();
            let doc = serde_json::json!({
                "file": file.display().to_string(),
                "depth": if depth == Depth::Pairs { 2 } else { 1 },
                "demands": demands,
                "gateways": gateways,
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Format::Text => {
            let depth_label = if depth == Depth::Pairs {
                "N-1 and N-2"
            } else {
                "N-1"
            };
            writeln!(
                out,
                "{}: resilience ({depth_label}), {} demand(s)",
                file.display(),
                analysis.demands.len()
            )?;
            for d in &analysis.demands {
                writeln!(out)?;
                writeln!(
                    out,
                    "demand {}: {} → {} ({}), requires {}",
                    d.demand,
                    name(&d.site),
                    name(&d.region),
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
                    continue;
                }
                writeln!(
                    out,
                    "  intact capacity: {} over {} path(s)",
                    mbps(d.intact_mbps),
                    d.paths.len()
                )?;
                for p in &d.paths {
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
                    )?;
                }
                match d.worst_single() {
                    Some(s) => writeln!(
                        out,
                        "  worst single failure: {} → {} left ({})",
                        analysis.domain_label(s.domains[0]),
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
                if depth == Depth::Pairs {
                    writeln!(
                        out,
                        "  failure pairs that lose or degrade it (neither alone does): {}",
                        d.double_failures.len()
                    )?;
                    for s in d.double_failures.iter().take(10) {
                        writeln!(
                            out,
                            "    - {} + {} → {} left",
                            analysis.domain_label(s.domains[0]),
                            analysis.domain_label(s.domains[1]),
                            mbps(s.residual_mbps)
                        )?;
                    }
                }
            }
            if !gateways.is_empty() {
                writeln!(out)?;
                writeln!(
                    out,
                    "Azure ExpressRoute gateways: resiliency index = R × M + Z + A (weights v{})",
                    gateways[0].weights_version
                )?;
                for g in &gateways {
                    writeln!(
                        out,
                        "  {} ({}): {} as designed (M = 1), {} once validated (M = 4)",
                        name(&g.region),
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
            }
        }
    }
    Ok(if findings.has_errors() {
        exit::FINDINGS_ERRORS
    } else {
        exit::OK
    })
}

//! The intact paths as the costing bills them: for each path of a demand's intact flow, the
//! link it enters the cloud on and what it carries. 24 bytes a path, where
//! the failure analysis keeps each path's link ids and crossings and each demand's model and
//! links by role: at 100,000 sites those took 180 MB that `cost` held while it priced the
//! lines.

use super::{Analysis, Carry, Shared, Worker, carried, demand_ends, each_demand, flow};
use super::{Depth, Parts, intact_flow};
use crate::catalog::Catalog;
use crate::model::Design;

/// The intact paths of every demand that runs from an on-prem site to a cloud region, in
/// demand order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EgressPaths {
    pub demands: Vec<DemandPaths>,
    paths: Vec<EgressPath>,
}

/// One demand's entry in [`EgressPaths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemandPaths {
    /// Index into `design.demands`.
    pub demand: usize,
    /// The demand's region, by index into `design.nodes`.
    pub region: usize,
    /// Its paths: `start..end` of [`EgressPaths`]'s paths.
    start: usize,
    end: usize,
}

/// One path of a demand's intact flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EgressPath {
    /// The last link of the design on the path, the one that enters the cloud (an index into
    /// `design.links`); `None` for a path that names no link.
    pub entering: Option<usize>,
    /// What the path carries in the intact design (see [`super::PathFlow::traffic_mbps`]).
    pub traffic_mbps: u64,
}

impl EgressPaths {
    /// The paths of demand entry `d`.
    pub fn paths(&self, d: &DemandPaths) -> &[EgressPath] {
        &self.paths[d.start..d.end]
    }

    /// How many paths all the demands have.
    pub fn path_count(&self) -> usize {
        self.paths.len()
    }

    /// The same, taken from a failure analysis that kept its paths (any depth): a path enters
    /// on its last link that the design has.
    pub fn of(design: &Design, analysis: &Analysis) -> EgressPaths {
        let links: rustc_hash::FxHashMap<&str, usize> = design
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        let nodes = design.node_index();
        let mut out = EgressPaths::default();
        for r in &analysis.demands {
            let Some(&region) = nodes.get(r.region.as_str()) else {
                continue;
            };
            out.push(
                r.index,
                region,
                r.paths.iter().map(|p| EgressPath {
                    entering: p
                        .links
                        .iter()
                        .rev()
                        .find_map(|id| links.get(id.as_str()).copied()),
                    traffic_mbps: p.traffic_mbps,
                }),
            );
        }
        out
    }

    fn push(&mut self, demand: usize, region: usize, paths: impl IntoIterator<Item = EgressPath>) {
        let start = self.paths.len();
        self.paths.extend(paths);
        self.demands.push(DemandPaths {
            demand,
            region,
            start,
            end: self.paths.len(),
        });
    }
}

/// Each demand's intact paths as the costing bills them: the paths the failure analysis finds,
/// without the names, models, roles and failures the costing does not read.
pub fn egress_paths(design: &Design, catalog: &Catalog) -> EgressPaths {
    let resolved = design.resolve();
    let (shared, _) = Shared::new(
        design,
        catalog,
        Depth::Single,
        Parts::IntactPaths,
        &resolved,
    );
    let (per_demand, _) = each_demand(&shared, 0, demand_paths);
    let mut out = EgressPaths {
        demands: Vec::with_capacity(per_demand.len()),
        paths: Vec::with_capacity(per_demand.iter().map(|(_, _, p)| p.len()).sum()),
    };
    for (demand, region, paths) in per_demand {
        out.push(demand, region, paths);
    }
    out
}

/// One demand's paths: (demand index, region node, paths).
fn demand_paths(
    sh: &Shared<'_>,
    w: &mut Worker,
    demand_index: usize,
) -> Option<(usize, usize, Vec<EgressPath>)> {
    let demand = &sh.design.demands[demand_index];
    let (site, region, _) = demand_ends(sh, demand_index)?;
    w.local.rebuild(&sh.net, site, region, &mut w.scratch);
    let intact = intact_flow(sh, &w.local, &mut w.flow, demand.required_mbps);
    let decomposed = flow::decompose(&w.local, &w.flow.flow);
    let carried = carried(&intact.vpn_edges, &decomposed, intact.vpn_traffic);
    let paths = decomposed
        .iter()
        .zip(carried)
        .map(|((edges, _), Carry { traffic_mbps, .. })| EgressPath {
            entering: edges
                .iter()
                .rev()
                .map(|&le| sh.net.edges[w.local.edges[le]].link)
                .find(|&link| link != flow::NO_LINK),
            traffic_mbps,
        })
        .collect();
    Some((demand_index, region, paths))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture_design::catalog;
    use std::path::Path;

    /// The costing's own search finds, path for path, what the analyses find: the designer
    /// (which costs from its full analysis) and `cost` (from this) bill the same lines.
    #[test]
    fn egress_paths_are_the_analyses_paths() {
        let mut designs: Vec<(String, Design)> = [
            include_str!("../../designs/aws-dev-test-one-location.json"),
            include_str!("../../designs/dual-cloud-ashburn-chicago.json"),
            include_str!("../../designs/europe-azure-two-locations.json"),
            include_str!("../../designs/flawed-design.json"),
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let d = crate::design_file::from_str(text, Path::new("sample.json")).unwrap();
            (format!("sample {i}"), d)
        })
        .collect();
        designs.push((
            "generated".into(),
            crate::generate::generate(2_500, 3, catalog()),
        ));
        for (name, design) in &designs {
            let own = egress_paths(design, catalog());
            assert!(own.path_count() > 0, "{name} has intact paths");
            for analysis in [
                super::super::analyze(design, catalog(), Depth::Single),
                super::super::analyze(design, catalog(), Depth::Pairs),
            ] {
                let of = EgressPaths::of(design, &analysis);
                assert_eq!(of.demands, own.demands, "{name}: demands");
                for d in &own.demands {
                    assert_eq!(of.paths(d), own.paths(d), "{name}: demand {}", d.demand);
                }
            }
        }
    }

    /// Each path enters on its last link, and its traffic is what the analysis says it carries.
    #[test]
    fn a_path_enters_on_its_last_link() {
        let text = include_str!("../../designs/dual-cloud-ashburn-chicago.json");
        let design = crate::design_file::from_str(text, Path::new("sample.json")).unwrap();
        let own = egress_paths(&design, catalog());
        let analysis = super::super::analyze(&design, catalog(), Depth::Single);
        assert_eq!(own.demands.len(), analysis.demands.len());
        for (d, r) in own.demands.iter().zip(&analysis.demands) {
            assert_eq!(design.demands[d.demand].id.as_str(), r.demand.as_str());
            assert_eq!(design.nodes[d.region].id.as_str(), r.region.as_str());
            assert_eq!(own.paths(d).len(), r.paths.len(), "demand {}", r.demand);
            for (p, full) in own.paths(d).iter().zip(&r.paths) {
                let last = full.links.last().map(|id| id.as_str());
                assert_eq!(p.entering.map(|i| design.links[i].id.as_str()), last);
                assert_eq!(p.traffic_mbps, full.traffic_mbps);
            }
        }
    }
}

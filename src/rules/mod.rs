//! The rule engine. One rule per file, each with a stable code; [`registry::RULES`] is the one
//! table of all of them. [`check`] is pure: design + catalog in, findings out. The design's
//! severity overrides and exclusions apply; excluded findings are kept, marked with the
//! exclusion's comment.

mod context;
pub mod explain;
pub mod registry;
mod rule;

pub use crate::model::mbps;
pub use context::{Context, DxView, ErView};
pub use registry::{RULES, rule};
pub use rule::{Finding, Findings, Needs, Report, Rule, Severity};

/// The documented ExpressRoute Metro pair of a peering location (reference 1.7).
pub use er_metro_location::metro_partner;

use crate::catalog::Catalog;
use crate::model::{Design, Exclusion, SeverityOverride};
use crate::resilience::Analysis;
use rustc_hash::FxHashMap;

/// What every rule file imports.
mod prelude {
    pub use super::context::Context;
    pub use super::rule::{Needs, Report, Rule, Severity};
    pub use crate::model::*;
}

mod access_unknown_edge_router;
mod demand_duplicate;
mod demand_endpoint_kinds;
mod demand_without_path;
mod dx_amazon_asn_range;
mod dx_connection_at_non_dx_facility;
mod dx_connection_without_vif;
mod dx_connections_per_location;
mod dx_customer_asn_range;
mod dx_dedicated_capacity;
mod dx_gateway_asn_equals_tgw;
mod dx_gateway_association_limit;
mod dx_gateway_mixes_vgw_tgw;
mod dx_gateway_vif_limit;
mod dx_hosted_capacity;
mod dx_hosted_vif_count;
mod dx_lag_members;
mod dx_lag_on_hosted;
mod dx_macsec_unsupported;
mod dx_mtu_invalid;
mod dx_partition_mismatch;
mod dx_port_speed_at_location;
mod dx_private_vif_on_tgw;
mod dx_public_vif_private_asn;
mod dx_sitelink_not_allowed;
mod dx_transit_vif_without_tgw;
mod dx_vif_count;
mod dx_vif_prefix_limit;
mod dx_vlan_invalid;
mod er_asn_documentation;
mod er_basic_vpn_gateway_coexistence;
mod er_asn_microsoft;
mod er_asn_reserved;
mod er_bandwidth_needs_direct;
mod er_bandwidth_not_offered;
mod er_circuit_at_non_peering_facility;
mod er_direct_port_oversubscribed;
mod er_direct_port_unknown;
mod er_direct_unsupported_location;
mod er_fastpath_gateway_sku;
mod er_gateway_circuit_limit;
mod er_gateway_missing;
mod er_gateway_route_limit;
mod er_gateway_slower_than_circuits;
mod er_global_reach_country;
mod er_global_reach_local;
mod er_global_reach_premium;
mod er_global_reach_same_location;
mod er_local_bandwidth;
mod er_local_metered;
mod er_local_region;
mod er_metro_location;
mod er_microsoft_365_premium;
mod er_microsoft_peering_prefix_limit;
mod er_national_cloud;
mod er_no_peering;
mod er_private_peering_prefix_limit;
mod er_route_filter_missing;
mod er_scale_gateway_region;
mod er_scale_units_range;
mod er_single_bgp_session;
mod er_standard_geopolitical;
mod er_vnet_link_limit;
mod link_endpoint_kinds;
mod link_zero_bandwidth;
mod net_overlapping_prefixes;
mod net_prefix_host_bits;
mod node_isolated;
mod res_residual_below_requirement;
mod res_shared_building;
mod res_shared_metro;
mod res_shared_provider;
mod res_single_point_of_failure;
mod res_target_not_met;
mod res_vpn_backup_slower;
mod unknown_aws_region;
mod unknown_azure_region;
mod unknown_dx_location;
mod unknown_er_location;
mod vpn_tunnel_capped;
mod vpn_vgw_backup_for_fast_dx;

/// Run every rule on the design.
pub fn check(design: &Design, catalog: &Catalog) -> Findings {
    check_inner(design, catalog, false).0
}

/// [`check`], and the design's N-1 failure analysis with paths
/// ([`crate::resilience::analyze`] at depth 1), computed once for both: the resilience rules
/// read the analysis the caller goes on to show.
pub fn check_with_analysis(design: &Design, catalog: &Catalog) -> (Findings, Analysis) {
    let (findings, analysis) = check_inner(design, catalog, true);
    // `check_inner` always answers an analysis when asked to keep one.
    let analysis = analysis.unwrap_or_else(|| {
        crate::resilience::analyze(design, catalog, crate::resilience::Depth::Single)
    });
    (findings, analysis)
}

fn check_inner(design: &Design, catalog: &Catalog, keep: bool) -> (Findings, Option<Analysis>) {
    let settings = &design.settings;
    let enabled = |r: &Rule| {
        !matches!(
            settings.severity_overrides.get(r.code),
            Some(SeverityOverride::Off)
        )
    };
    let uses_analysis = |r: &Rule| r.needs == Needs::FailureAnalysis;
    let analyze = || {
        let depth = crate::resilience::Depth::Single;
        if keep {
            crate::resilience::analyze(design, catalog, depth)
        } else {
            crate::resilience::analyze_without_paths(design, catalog, depth)
        }
    };
    // On large designs the failure analysis (for the RES rules) runs on its own thread while
    // the other rules run, and the RES rules then share the cores; small designs compute it on
    // first use, on one thread.
    let large = design.demands.len() >= 500;
    let overlap = large && (keep || RULES.iter().any(|r| uses_analysis(r) && enabled(r)));
    std::thread::scope(|scope| {
        let pending = overlap.then(|| scope.spawn(analyze));
        let cx = Context::new(design, catalog);
        let exclusions = Exclusions::new(&settings.exclusions);
        if keep && !overlap {
            cx.provide_resilience(analyze());
        }
        let mut items = Vec::new();
        let plain: Vec<&Rule> = RULES
            .iter()
            .copied()
            .filter(|r| !uses_analysis(r))
            .collect();
        run_rules(&plain, &cx, &exclusions, 1, &mut items);
        if let Some(handle) = pending {
            cx.provide_resilience(crate::par::join(handle));
        }
        let threads = if large { crate::par::threads() } else { 1 };
        let resilience: Vec<&Rule> = RULES.iter().copied().filter(|r| uses_analysis(r)).collect();
        run_rules(&resilience, &cx, &exclusions, threads, &mut items);
        items.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.code.cmp(b.code))
                .then(a.subjects.cmp(&b.subjects))
        });
        (
            Findings { items },
            keep.then(|| cx.into_resilience()).flatten(),
        )
    })
}

/// Run `rules` on up to `threads` threads; findings come out in the order of `rules`, whatever
/// the split.
fn run_rules(
    rules: &[&Rule],
    cx: &Context<'_>,
    exclusions: &Exclusions<'_>,
    threads: usize,
    items: &mut Vec<Finding>,
) {
    let found = crate::par::map_in_order(
        rules.len(),
        threads,
        || (),
        |_, i| {
            let mut found = Vec::new();
            run_rule(rules[i], cx, exclusions, &mut found);
            found
        },
    );
    items.extend(found.into_iter().flatten());
}

/// Run one rule with the design's severity override and exclusions applied.
fn run_rule(rule: &Rule, cx: &Context<'_>, exclusions: &Exclusions<'_>, items: &mut Vec<Finding>) {
    let settings = &cx.design.settings;
    let severity = match settings.severity_overrides.get(rule.code) {
        Some(SeverityOverride::Off) => return,
        Some(SeverityOverride::Error) => Severity::Error,
        Some(SeverityOverride::Warning) => Severity::Warning,
        Some(SeverityOverride::Info) => Severity::Info,
        None => rule.default_severity,
    };
    let mut report = Report::default();
    (rule.check)(cx, &mut report);
    for (mut subjects, message) in report.raw {
        subjects.dedup();
        let excluded = exclusions
            .find(rule.code, &subjects)
            .map(|e| e.comment.clone());
        items.push(Finding {
            code: rule.code,
            rule: rule.name,
            severity,
            message,
            subjects,
            hint: rule.hint,
            reference: rule.reference,
            excluded,
        });
    }
}

/// The design's exclusions by rule code and subjects, indexed once per check: matching every
/// finding against every exclusion made a large design with many of both quadratic. Answers
/// what `exclusions.iter().find(|e| e.code == code && same_set(&e.subjects, subjects))` does.
struct Exclusions<'a> {
    all: &'a [Exclusion],
    /// (code, sorted subjects) -> the first exclusion with them, for exclusions whose subjects
    /// are distinct (for those, `same_set` is equality of the sorted lists).
    by_key: FxHashMap<(&'a str, Vec<&'a str>), usize>,
    /// Exclusions that name a subject twice, matched one by one (in order).
    repeating: Vec<usize>,
}

impl<'a> Exclusions<'a> {
    fn new(all: &'a [Exclusion]) -> Self {
        let mut by_key = FxHashMap::default();
        let mut repeating = Vec::new();
        for (i, e) in all.iter().enumerate() {
            match sorted_distinct(e.subjects.iter().map(String::as_str)) {
                Some(key) => {
                    by_key.entry((e.code.as_str(), key)).or_insert(i);
                }
                None => repeating.push(i),
            }
        }
        Exclusions {
            all,
            by_key,
            repeating,
        }
    }

    /// The first exclusion of `code` whose subjects are the finding's.
    fn find(&self, code: &str, subjects: &[String]) -> Option<&'a Exclusion> {
        if self.all.is_empty() {
            return None;
        }
        // Distinct exclusion subjects match only distinct finding subjects of the same count.
        let mut first = sorted_distinct(subjects.iter().map(String::as_str))
            .and_then(|key| self.by_key.get(&(code, key)).copied());
        if let Some(&i) = self.repeating.iter().find(|&&i| {
            first.is_none_or(|f| i < f)
                && self.all[i].code == code
                && same_set(&self.all[i].subjects, subjects)
        }) {
            first = Some(i);
        }
        first.map(|i| &self.all[i])
    }
}

/// The ids sorted, or None when one repeats.
fn sorted_distinct<'s>(ids: impl Iterator<Item = &'s str>) -> Option<Vec<&'s str>> {
    let mut key: Vec<&str> = ids.collect();
    key.sort_unstable();
    key.windows(2).all(|w| w[0] != w[1]).then_some(key)
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

#[cfg(test)]
mod exclusion_tests {
    use super::{Exclusions, same_set};
    use crate::model::Exclusion;

    #[test]
    fn the_index_finds_what_a_scan_of_every_exclusion_finds() {
        let ex = |code: &str, subjects: &[&str], comment: &str| Exclusion {
            code: code.into(),
            subjects: subjects.iter().map(|s| s.to_string()).collect(),
            comment: comment.into(),
        };
        let all = vec![
            ex("RES001", &["b", "a"], "first"),
            ex("RES001", &["a", "b"], "second, same set"),
            ex("RES001", &["a", "a"], "repeats a subject"),
            ex("NET001", &["a", "b"], "other code"),
            ex("RES002", &["c"], "one subject"),
        ];
        let index = Exclusions::new(&all);
        let subject_lists: [&[&str]; 8] = [
            &["a", "b"],
            &["b", "a"],
            &["a", "c"],
            &["a", "a"],
            &["a"],
            &["c"],
            &["a", "b", "c"],
            &[],
        ];
        for code in ["RES001", "RES002", "NET001", "GEN001"] {
            for subjects in subject_lists {
                let subjects: Vec<String> = subjects.iter().map(|s| s.to_string()).collect();
                let scan = all
                    .iter()
                    .find(|e| e.code == code && same_set(&e.subjects, &subjects))
                    .map(|e| &e.comment);
                assert_eq!(
                    index.find(code, &subjects).map(|e| &e.comment),
                    scan,
                    "{code} {subjects:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod needs_tests {
    use super::{Context, Needs, RULES, Report};

    /// A rule says it needs the failure analysis exactly when its check reads it: the analysis
    /// is then computed for it, and skipped when no enabled rule needs it.
    #[test]
    fn a_rule_needs_the_failure_analysis_exactly_when_it_reads_it() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        for sample in [
            "designs/flawed-design.json",
            "designs/dual-cloud-ashburn-chicago.json",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(sample);
            let design = crate::design_file::load(&path).unwrap();
            assert!(!design.demands.is_empty());
            for rule in RULES {
                let cx = Context::new(&design, &catalog);
                (rule.check)(&cx, &mut Report::default());
                let read = cx.into_resilience().is_some();
                assert_eq!(
                    read,
                    rule.needs == Needs::FailureAnalysis,
                    "{} ({}) on {sample}",
                    rule.code,
                    rule.name
                );
            }
        }
    }
}

//! The rule engine. One rule per file, each with a stable code; [`RULES`] is the one
//! table of all of them. [`check`] is pure: design + catalog in, findings out. The design's
//! severity overrides and exclusions apply; excluded findings are kept, marked with the
//! exclusion's comment.

mod context;
pub mod explain;
mod fix;
#[cfg(test)]
pub(crate) mod fixture;
mod rule;

pub use context::{Context, DxView, ErView};
pub use fix::{Fix, apply_fixes};
pub use rule::{Finding, Findings, Needs, Report, Rule, Severity};

/// The documented ExpressRoute Metro pair of a peering location (reference 1.7).
pub use expressroute_metro_pair_unknown::metro_partner;

use crate::catalog::Catalog;
use crate::model::{Design, Exclusion, SeverityOverride};
use crate::resilience::Analysis;
use rustc_hash::FxHashMap;

/// What every rule file imports.
mod prelude {
    pub use super::context::Context;
    pub(super) use super::fix::{self, Fix};
    pub use super::rule::{Needs, Report, Rule, Severity};
    pub use crate::model::*;
}

/// Every rule, declared once: its module (the file is named after the rule) and its row in
/// [`RULES`], the one table, in the order rules are listed and run. Codes are never reused: a
/// retired rule keeps its code out of circulation.
macro_rules! rules {
    ($($module:ident,)*) => {
        $(mod $module;)*

        /// The one table of every rule.
        pub static RULES: &[&Rule] = &[$(&$module::RULE,)*];
    };
}

rules! {
    // General: structure, catalog references, demands.
    link_endpoint_kinds_invalid,
    unknown_expressroute_peering_location,
    unknown_direct_connect_location,
    unknown_azure_region,
    unknown_aws_region,
    demand_endpoints_invalid,
    demand_without_path,
    access_circuit_unknown_edge_router,
    duplicate_demand,
    isolated_node,
    zero_bandwidth_link,
    // Network: addressing and backup paths.
    overlapping_address_space,
    prefix_with_host_bits,
    vpn_capped_by_tunnels,
    vpn_backup_on_vgw_for_fast_direct_connect,
    large_tunnels_without_transit_gateway,
    // Azure ExpressRoute.
    expressroute_bandwidth_not_offered,
    expressroute_bandwidth_needs_direct,
    local_circuit_below_1_gbps,
    local_circuit_with_metered_billing,
    local_circuit_to_non_local_region,
    standard_circuit_outside_geopolitical_region,
    circuit_crosses_into_national_cloud,
    expressroute_at_facility_without_peering_location,
    global_reach_within_one_location,
    global_reach_across_geopolitical_regions_without_premium,
    global_reach_on_local_circuit,
    global_reach_country_unsupported,
    fastpath_on_unsupported_gateway,
    vnet_link_limit_exceeded,
    too_many_circuits_on_gateway,
    expressroute_direct_not_offered_at_location,
    expressroute_direct_port_oversubscribed,
    expressroute_direct_port_missing,
    private_peering_prefix_limit_exceeded,
    microsoft_peering_prefix_limit_exceeded,
    gateway_route_limit_exceeded,
    microsoft_asn_used_by_customer,
    asn_reserved_by_azure,
    documentation_asn_used,
    microsoft_peering_without_route_filter,
    microsoft_365_without_premium,
    circuit_without_redundant_bgp,
    expressroute_metro_pair_unknown,
    private_peering_without_gateway,
    gateway_slower_than_circuit,
    gateway_scale_units_invalid,
    scalable_gateway_unavailable_in_region,
    circuit_without_peering,
    basic_vpn_gateway_beside_expressroute,
    // AWS Direct Connect.
    dedicated_capacity_invalid,
    hosted_capacity_invalid,
    port_speed_not_offered_at_location,
    direct_connect_at_facility_without_dx_location,
    macsec_not_supported,
    lag_of_hosted_connections,
    lag_member_count_invalid,
    hosted_connection_with_several_vifs,
    too_many_vifs,
    vif_vlan_invalid,
    transit_vif_without_transit_gateway,
    private_vif_to_transit_gateway,
    dx_gateway_mixes_vgw_and_tgw,
    vif_mtu_invalid,
    sitelink_not_allowed,
    vif_prefix_limit_exceeded,
    amazon_side_asn_out_of_range,
    transit_gateway_asn_conflict,
    customer_asn_out_of_range,
    public_vif_private_asn_out_of_range,
    connection_crosses_partition,
    too_many_connections_at_location,
    connection_without_vif,
    dx_gateway_association_limit_exceeded,
    dx_gateway_vif_limit_exceeded,
    // Resilience: the failure analysis and the clouds' resiliency models.
    demand_has_single_point_of_failure,
    capacity_below_requirement_after_single_failure,
    target_resiliency_not_met,
    circuits_share_one_provider,
    circuits_share_one_metro,
    circuits_share_one_building,
    vpn_backup_slower_than_primary,
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// How many rules a check of this design runs: every rule but those its settings turn off.
pub fn enabled_count(design: &Design) -> usize {
    RULES.len() - turned_off(design).count()
}

/// The rules this design's settings turn off (`"severity_overrides": {"CODE": "off"}`): a check
/// does not run them.
pub fn turned_off(design: &Design) -> impl Iterator<Item = &'static Rule> + '_ {
    let overrides = &design.settings.severity_overrides;
    RULES
        .iter()
        .copied()
        .filter(|r| matches!(overrides.get(r.code), Some(SeverityOverride::Off)))
}

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
    // Resolved once, for the rules' indexes and the failure analysis.
    let resolved = design.resolve();
    let analyze = || {
        use crate::resilience::{Depth, Parts};
        let parts = if keep { Parts::All } else { Parts::Failures };
        crate::resilience::analyze_with(design, catalog, Depth::Single, parts, &resolved)
    };
    // On large designs the failure analysis (for the RES rules) runs on its own thread while
    // the other rules run, and the RES rules then share the cores; small designs compute it on
    // first use, on one thread.
    let large = design.demands.len() >= 500;
    let overlap = large && (keep || RULES.iter().any(|r| uses_analysis(r) && enabled(r)));
    std::thread::scope(|scope| {
        let pending = overlap.then(|| scope.spawn(analyze));
        let cx = Context::new(design, catalog, &resolved);
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
        let analysis = cx.into_resilience();
        if keep {
            return (Findings { items }, analysis);
        }
        // A large design's analysis (hundreds of megabytes in millions of allocations) is
        // freed while the caller goes on with the findings.
        if let (true, Some(analysis)) = (large, analysis) {
            crate::par::drop_in_background(analysis);
        }
        (Findings { items }, None)
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
    for (mut subjects, message, fix) in report.raw {
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
            fix,
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
            let resolved = design.resolve();
            for rule in RULES {
                let cx = Context::new(&design, &catalog, &resolved);
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

#[cfg(test)]
mod naming_tests {
    use super::RULES;

    /// Each rule lives in the file named after it (`expressroute-bandwidth-not-offered` in
    /// `rules/expressroute_bandwidth_not_offered.rs`), and every rule file is in the table.
    #[test]
    fn each_rule_file_is_named_after_its_rule() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        for rule in RULES {
            let file = folder.join(format!("{}.rs", rule.name.replace('-', "_")));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|_| {
                panic!("{} ({}) is not in {}", rule.code, rule.name, file.display())
            });
            assert!(
                text.contains(&format!("code: \"{}\"", rule.code)),
                "{} declares {}",
                file.display(),
                rule.code
            );
        }
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if text.lines().any(|l| l == "pub static RULE: Rule = Rule {") {
                let stem = path
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .replace('_', "-");
                assert!(
                    RULES.iter().any(|r| r.name == stem),
                    "{} declares a rule the table does not list under its file name",
                    path.display()
                );
            }
        }
    }
}

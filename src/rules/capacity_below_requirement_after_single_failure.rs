//! RES002: after some single failure a demand still flows, but below its required bandwidth
//! (capacity by max-flow: ER circuit bandwidth, LAG = members x speed, VPN = tunnel
//! throughput, VPN-1).
use super::prelude::*;
use crate::resilience::Outcome;

pub static RULE: Rule = Rule {
    code: "RES002",
    name: "capacity-below-requirement-after-single-failure",
    default_severity: Severity::Warning,
    summary: "After a single failure a demand keeps some capacity, but less than it requires.",
    hint: "Size the surviving paths for the full requirement (N-1 capacity), or lower the requirement.",
    reference: "VPN-1; ER-BW-5",
    needs: Needs::FailureAnalysis,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    // The analysis names this domain for the rule (`analyze_without_paths`).
    let analysis = cx.resilience();
    for d in &analysis.demands {
        let Some(worst) = d
            .single_failures
            .iter()
            .find(|s| s.outcome == Outcome::Degraded)
        else {
            continue;
        };
        let domain = &analysis.domains[worst.domains.at(0)];
        let mut subjects = vec![d.demand.to_string()];
        subjects.extend(domain.members.iter().map(|m| m.to_string()));
        out.flag(
            subjects,
            format!(
                "demand `{}` needs {} but if {} fails only {} remain",
                d.demand,
                mbps(d.required_mbps),
                domain.label,
                mbps(worst.residual_mbps)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        assert_fixture(
            &RULE,
            |d| {
                access_bandwidth(d, "acc-1", 1_000);
                access_bandwidth(d, "acc-2", 500);
                d.demands[0].required_mbps = 800;
            },
            &["acc-1", "d-az"],
            |d| {
                access_bandwidth(d, "acc-1", 1_000);
                access_bandwidth(d, "acc-2", 500);
                d.demands[0].required_mbps = 500;
            },
        );
    }
}

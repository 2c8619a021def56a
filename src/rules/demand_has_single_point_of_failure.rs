//! RES001: a demand with a single point of failure: one failure domain (a link, a node, an
//! edge router, an AWS device, an MSEE pair, a building, a metro, a provider, a fabric zone or
//! a user risk group) whose loss leaves the demand no capacity at all. The demand's own site
//! and region are not counted (their loss is inherent). DX-RES-1..3, ER-RES-1.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "RES001",
    name: "demand-has-single-point-of-failure",
    default_severity: Severity::Warning,
    summary: "One failure (a link, device, building, metro, provider ...) cuts a demand off completely.",
    hint: "Add a path that avoids it: a second circuit at another location, another carrier, another edge router.",
    reference: "DX-RES-1..3; ER-RES-1",
    needs: Needs::FailureAnalysis,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    for d in &analysis.demands {
        if d.spofs.is_empty() {
            continue;
        }
        let labels: Vec<&str> = d
            .spofs
            .iter()
            .take(4)
            .map(|&i| analysis.domain_label(i))
            .collect();
        let more = if d.spofs.len() > 4 {
            format!(" and {} more", d.spofs.len() - 4)
        } else {
            String::new()
        };
        let mut subjects = vec![d.demand.to_string()];
        for &i in &d.spofs {
            subjects.extend(analysis.domains[i].members.iter().map(|m| m.to_string()));
        }
        subjects.sort();
        subjects.dedup();
        out.flag(
            subjects,
            format!(
                "demand `{}` from {} to {} is lost if any one of these fails: {}{more}",
                d.demand,
                cx.name_of(&d.site),
                cx.name_of(&d.region),
                labels.join("; ")
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
            |d| carrier(d, "acc-2", "Lumen"),
            &["acc-1", "acc-2", "d-aws", "d-az"],
            |d| carrier(d, "acc-2", "Colt"),
        );
    }
}

//! RES003: the resiliency model a demand achieves is below the target declared on it (AWS:
//! Maximum / High / Development and Test, DX-RES-1..3; Azure: Maximum / High (Metro) /
//! Standard, ER-RES-1). Hosted connections and LAG members do not count (DX-SLA-1).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "RES003",
    name: "target-resiliency-not-met",
    default_severity: Severity::Error,
    summary: "A demand declares a target resiliency model that its connections do not achieve.",
    hint: "Add connections as the model requires (Maximum: separate devices at two locations / circuits at two peering locations), or lower the target.",
    reference: "DX-RES-1, DX-RES-2, DX-RES-3, DX-SLA-1; ER-RES-1",
    needs: Needs::FailureAnalysis,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    for d in &analysis.demands {
        let Some(target) = cx.design.demands[d.index].target_resiliency else {
            continue;
        };
        // A demand with no path at all is reported by GEN007.
        if d.intact_mbps > 0 && !d.model.kind.meets(target) {
            let why = if d.model.notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", d.model.notes.join("; "))
            };
            out.flag(
                vec![
                    d.demand.to_string(),
                    d.site.to_string(),
                    d.region.to_string(),
                ],
                format!(
                    "demand `{}` targets {:?} resiliency but achieves {}{why}",
                    d.demand,
                    target,
                    d.model.kind.label()
                ),
            );
        }
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
            |d| d.demands[1].target_resiliency = Some(ResiliencyTarget::Maximum),
            &["aws", "d-aws", "site"],
            |d| d.demands[1].target_resiliency = Some(ResiliencyTarget::High),
        );
    }
}

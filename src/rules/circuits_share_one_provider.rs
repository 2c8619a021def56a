//! RES004: all circuits of a demand come from one provider (or all its access circuits from
//! one carrier): they look redundant on the canvas but share the provider's network, outages
//! and maintenance windows.
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "RES004",
    name: "circuits-share-one-provider",
    default_severity: Severity::Warning,
    summary: "All of a demand's redundant circuits (or all its access circuits) are delivered by one provider or carrier.",
    hint: "Order one of the circuits from a second provider or carrier.",
    reference: "ER-RES-1; DX-RES-1",
    needs: Needs::FailureAnalysis,
    check,
};

fn provider(link: &Link) -> Option<&str> {
    let p = match &link.kind {
        LinkKind::AccessCircuit(c) => &c.carrier,
        LinkKind::ExpressRouteCircuit(c) => &c.provider,
        LinkKind::DirectConnectConnection(c) => &c.partner,
        LinkKind::FabricConnection(c) => &c.operator,
        LinkKind::SiteToSiteVpn(_) => return None,
    };
    let p = p.trim();
    (!p.is_empty()).then_some(p)
}

fn check(cx: &Context, out: &mut Report) {
    let analysis = cx.resilience();
    // Each link's provider as a small number (equal ignoring ASCII case, same number), so the
    // comparisons below touch one small table instead of every link's text.
    let mut numbers: rustc_hash::FxHashMap<String, u32> = Default::default();
    let mut by_text: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let provider_number: Vec<Option<u32>> = cx
        .design
        .links
        .iter()
        .map(|l| {
            let p = provider(l)?;
            if let Some(&n) = by_text.get(p) {
                return Some(n);
            }
            let next = numbers.len() as u32;
            let n = *numbers.entry(p.to_ascii_lowercase()).or_insert(next);
            by_text.insert(p, n);
            Some(n)
        })
        .collect();
    for d in &analysis.demands {
        for (what, links) in [
            ("circuits", &d.circuit_links),
            ("access circuits", &d.access_links),
        ] {
            if links.len() < 2 {
                continue;
            }
            let Some(first_number) = provider_number[links[0]] else {
                continue;
            };
            let all_same = links[1..]
                .iter()
                .all(|&l| provider_number[l] == Some(first_number));
            if let (true, Some(first)) = (all_same, provider(&cx.design.links[links[0]])) {
                let mut subjects = vec![d.demand.to_string()];
                subjects.extend(cx.link_ids(links));
                out.flag(
                    subjects,
                    format!(
                        "all {} {what} of demand `{}` are delivered by {first}",
                        links.len(),
                        d.demand
                    ),
                );
            }
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
            |d| er_mut(d, "er-2").provider = "Equinix".into(),
            &["d-az", "er-1", "er-2"],
            |d| er_mut(d, "er-2").provider = "Colt".into(),
        );
    }
}

//! ER013: VNet links per circuit: 10 on Local/Standard; on Premium by bandwidth (20 at 50 Mbps
//! up to 100 at 10 Gbps and above). Global Reach connections count against the limit
//! (ER-VNET-1/2/3, AZ-LIM 2023-10-09).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "ER013",
    name: "vnet-link-limit-exceeded",
    default_severity: Severity::Error,
    summary: "A circuit has more VNet links (plus Global Reach connections) than its SKU and bandwidth allow.",
    hint: "Upgrade to Premium (more links), raise the bandwidth on Premium, or consolidate VNets behind a hub.",
    reference: "ER-VNET-1, ER-VNET-2, ER-VNET-3 (AZ-LIM 2023-10-09)",
    needs: Needs::Design,
    check,
};

/// The VNet-link limit of a circuit.
pub fn vnet_link_limit(tier: ErSkuTier, bandwidth_mbps: u64) -> u32 {
    match tier {
        ErSkuTier::Local | ErSkuTier::Standard => 10,
        ErSkuTier::Premium => match bandwidth_mbps {
            0..=50 => 20,
            51..=200 => 25,
            201..=500 => 40,
            501..=1_000 => 50,
            1_001..=2_000 => 60,
            2_001..=5_000 => 75,
            _ => 100,
        },
    }
}

fn check(cx: &Context, out: &mut Report) {
    let pairs = cx.global_reach_pairs();
    for v in &cx.er_circuits {
        let gr = pairs
            .iter()
            .filter(|(a, b)| a.link.id == v.link.id || b.link.id == v.link.id)
            .count() as u32;
        let used = v.circuit.vnet_links + gr;
        let limit = vnet_link_limit(v.circuit.sku_tier, v.circuit.bandwidth_mbps);
        if used > limit {
            // Premium raises the limit (ER-VNET-2): the fix when a Standard circuit then fits.
            let fits_premium =
                used <= vnet_link_limit(ErSkuTier::Premium, v.circuit.bandwidth_mbps);
            let fix = (v.circuit.sku_tier == ErSkuTier::Standard && fits_premium)
                .then(|| fix::premium(v.link))
                .flatten();
            out.flag_with_fix(
                vec![v.link.id.to_string()],
                format!(
                    "circuit {} has {} and {}; its limit is {limit}",
                    cx.name_of(v.link.id.as_str()),
                    crate::model::count(v.circuit.vnet_links as usize, "VNet link", "VNet links"),
                    crate::model::count(gr as usize, "Global Reach connection", "Global Reach connections")
                ),
                fix,
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
            |d| er_mut(d, "er-1").vnet_links = 11,
            &["er-1"],
            |d| {
                let c = er_mut(d, "er-1");
                c.vnet_links = 50;
                c.sku_tier = ErSkuTier::Premium;
            },
        );
    }

    #[test]
    fn premium_resolves_it_when_its_limit_is_enough() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| er_mut(d, "er-1").vnet_links = 11);
        assert_eq!(labels, ["Upgrade er-1 to Premium"]);
        // 51 links are more than Premium allows at 1 Gbps (50): no fix, and none for Local.
        for (links, tier) in [(51, ErSkuTier::Standard), (11, ErSkuTier::Local)] {
            let mut d = base();
            let c = er_mut(&mut d, "er-1");
            c.vnet_links = links;
            c.sku_tier = tier;
            let found = crate::rules::check(&d, catalog());
            let f = found.items.iter().find(|f| f.code == RULE.code).unwrap();
            assert_eq!(f.fix, None, "{links} links on {tier:?}");
        }
    }
}

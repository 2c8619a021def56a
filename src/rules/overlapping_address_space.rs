//! NET001: address space that overlaps between on-prem sites, VNets and VPCs. Overlapping
//! prefixes cannot be routed between the two sides (and Azure refuses peering subnets that
//! overlap VNet ranges, ER-IP-1). A default route (0.0.0.0/0, ::/0) advertised by a site is
//! forced tunnelling, not address space, and is not compared (ER-RT-5 allows it on private
//! peering).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "NET001",
    name: "overlapping-address-space",
    default_severity: Severity::Error,
    summary: "Prefixes of two different sites, VNets or VPCs overlap, so traffic between them cannot be routed unambiguously.",
    hint: "Renumber one side, or use NAT at the edge and document it.",
    reference: "ER-IP-1; routing",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    let mut prefixes: Vec<(&str, &Cidr)> = Vec::new();
    for node in &cx.design.nodes {
        let list = node.address_space();
        prefixes.extend(
            list.iter()
                .filter(|c| c.prefix_len() > 0)
                .map(|c| (node.id.as_str(), c)),
        );
    }
    // Sort by start address so only neighbours-in-range need comparing; equal starts stay in
    // the design's order (the position breaks the tie). Each range is computed once, not at
    // every comparison.
    let mut order: Vec<(bool, u128, usize)> = prefixes
        .iter()
        .enumerate()
        .map(|(i, (_, c))| (c.is_ipv4(), c.range().0, i))
        .collect();
    order.sort_unstable();
    let prefixes: Vec<(&str, &Cidr, u128)> = order
        .iter()
        .map(|&(_, start, i)| (prefixes[i].0, prefixes[i].1, start))
        .collect();
    for (i, &(node_a, a, _)) in prefixes.iter().enumerate() {
        let end = a.range().1;
        for &(node_b, b, start_b) in prefixes[i + 1..].iter() {
            if b.is_ipv4() != a.is_ipv4() || start_b > end {
                break;
            }
            if node_a != node_b && a.overlaps(b) {
                out.flag(
                    vec![node_a.to_string(), node_b.to_string()],
                    format!(
                        "{a} of {} overlaps {b} of {}",
                        cx.name_of(node_a),
                        cx.name_of(node_b)
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
            |d| azure_mut(d, "az").vnet_cidrs = cidrs(&["10.0.128.0/17"]),
            &["az", "site"],
            |d| {
                azure_mut(d, "az").vnet_cidrs = cidrs(&["10.1.0.0/16"]);
                // A site advertising the default route (forced tunnelling) is not an overlap.
                site_mut(d, "site").prefixes = cidrs(&["10.0.0.0/16", "0.0.0.0/0"]);
            },
        );
    }
}

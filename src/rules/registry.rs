//! The one table of every rule. Codes are never reused: a retired rule keeps its code out of
//! circulation.

use super::rule::Rule;
use super::*;

pub static RULES: &[&Rule] = &[
    // General: structure, catalog references, demands.
    &link_endpoint_kinds::RULE,
    &unknown_er_location::RULE,
    &unknown_dx_location::RULE,
    &unknown_azure_region::RULE,
    &unknown_aws_region::RULE,
    &demand_endpoint_kinds::RULE,
    &demand_without_path::RULE,
    &access_unknown_edge_router::RULE,
    &demand_duplicate::RULE,
    &node_isolated::RULE,
    &link_zero_bandwidth::RULE,
    // Network: addressing and backup paths.
    &net_overlapping_prefixes::RULE,
    &net_prefix_host_bits::RULE,
    &vpn_tunnel_capped::RULE,
    &vpn_vgw_backup_for_fast_dx::RULE,
    // Azure ExpressRoute.
    &er_bandwidth_not_offered::RULE,
    &er_bandwidth_needs_direct::RULE,
    &er_local_bandwidth::RULE,
    &er_local_metered::RULE,
    &er_local_region::RULE,
    &er_standard_geopolitical::RULE,
    &er_national_cloud::RULE,
    &er_circuit_at_non_peering_facility::RULE,
    &er_global_reach_same_location::RULE,
    &er_global_reach_premium::RULE,
    &er_global_reach_local::RULE,
    &er_global_reach_country::RULE,
    &er_fastpath_gateway_sku::RULE,
    &er_vnet_link_limit::RULE,
    &er_gateway_circuit_limit::RULE,
    &er_direct_unsupported_location::RULE,
    &er_direct_port_oversubscribed::RULE,
    &er_direct_port_unknown::RULE,
    &er_private_peering_prefix_limit::RULE,
    &er_microsoft_peering_prefix_limit::RULE,
    &er_gateway_route_limit::RULE,
    &er_asn_microsoft::RULE,
    &er_asn_reserved::RULE,
    &er_asn_documentation::RULE,
    &er_route_filter_missing::RULE,
    &er_microsoft_365_premium::RULE,
    &er_single_bgp_session::RULE,
    &er_metro_location::RULE,
    &er_gateway_missing::RULE,
    &er_gateway_slower_than_circuits::RULE,
    &er_scale_units_range::RULE,
    &er_scale_gateway_region::RULE,
    &er_no_peering::RULE,
    &er_basic_vpn_gateway_coexistence::RULE,
    // AWS Direct Connect.
    &dx_dedicated_capacity::RULE,
    &dx_hosted_capacity::RULE,
    &dx_port_speed_at_location::RULE,
    &dx_connection_at_non_dx_facility::RULE,
    &dx_macsec_unsupported::RULE,
    &dx_lag_on_hosted::RULE,
    &dx_lag_members::RULE,
    &dx_hosted_vif_count::RULE,
    &dx_vif_count::RULE,
    &dx_vlan_invalid::RULE,
    &dx_transit_vif_without_tgw::RULE,
    &dx_private_vif_on_tgw::RULE,
    &dx_gateway_mixes_vgw_tgw::RULE,
    &dx_mtu_invalid::RULE,
    &dx_sitelink_not_allowed::RULE,
    &dx_vif_prefix_limit::RULE,
    &dx_amazon_asn_range::RULE,
    &dx_gateway_asn_equals_tgw::RULE,
    &dx_customer_asn_range::RULE,
    &dx_public_vif_private_asn::RULE,
    &dx_partition_mismatch::RULE,
    &dx_connections_per_location::RULE,
    &dx_connection_without_vif::RULE,
    &dx_gateway_association_limit::RULE,
    &dx_gateway_vif_limit::RULE,
    // Resilience: the failure analysis and the clouds' resiliency models.
    &res_single_point_of_failure::RULE,
    &res_residual_below_requirement::RULE,
    &res_target_not_met::RULE,
    &res_shared_provider::RULE,
    &res_shared_metro::RULE,
    &res_shared_building::RULE,
    &res_vpn_backup_slower::RULE,
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

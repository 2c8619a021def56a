//! What the clouds offer, written down once: ExpressRoute bandwidths by SKU and port, Direct
//! Connect capacities by connection type and location, VIF MTUs and LAG sizes. The rules check
//! a design against these lists, the inspector offers exactly these choices, and the what-if
//! and costing enumerate them; a test proves the inspector's choices are what the rules accept.
//! Each list names its source (the keys resolve in `docs/REFERENCE.md`).

use crate::catalog::DxLocation;
use crate::model::{DxConnectionType, ErSkuTier, VifType};

/// ExpressRoute.
pub mod er {
    use super::ErSkuTier;

    /// Provider circuit bandwidths (ER-BW-1, AZ-FAQ 2026-03-31; reference 1.3).
    pub const PROVIDER_MBPS: [u64; 8] = [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

    /// Bandwidths that exist only on ExpressRoute Direct (ER-BW-2).
    pub const DIRECT_ONLY_MBPS: [u64; 4] = [40_000, 100_000, 200_000, 400_000];

    /// The smallest Local SKU circuit (reference 1.3: Local from 1 Gbps).
    pub const LOCAL_MIN_MBPS: u64 = 1_000;

    /// Circuit sizes on an ExpressRoute Direct port of this speed (reference 1.6,
    /// AZ-DIRECT 2026-03-02); none for a speed Azure does not sell.
    pub fn direct_sizes_mbps(port_speed_mbps: u64) -> &'static [u64] {
        match port_speed_mbps {
            10_000 => &[1_000, 2_000, 5_000, 10_000],
            100_000 => &[5_000, 10_000, 40_000, 100_000],
            400_000 => &[5_000, 10_000, 40_000, 100_000, 200_000, 400_000],
            _ => &[],
        }
    }

    /// Provider circuit bandwidths a circuit of this SKU tier can have.
    pub fn provider_sizes_mbps(tier: ErSkuTier) -> Vec<u64> {
        PROVIDER_MBPS
            .into_iter()
            .filter(|&s| tier != ErSkuTier::Local || s >= LOCAL_MIN_MBPS)
            .collect()
    }
}

/// AWS Direct Connect.
pub mod dx {
    use super::{DxConnectionType, DxLocation, VifType};

    /// Dedicated port speeds (DX-CAP-1).
    pub const DEDICATED_MBPS: [u64; 4] = [1_000, 10_000, 100_000, 400_000];

    /// Hosted connection capacities (DX-CAP-2).
    pub const HOSTED_MBPS: [u64; 11] = [
        50, 100, 200, 300, 400, 500, 1_000, 2_000, 5_000, 10_000, 25_000,
    ];

    /// The capacities a connection of this type can have: hosted capacities, or the dedicated
    /// port speeds of its location (all of them when the location is unknown).
    pub fn capacities_mbps(kind: DxConnectionType, location: Option<&DxLocation>) -> Vec<u64> {
        match (kind, location) {
            (DxConnectionType::Dedicated, Some(l)) => l.port_speeds_mbps.clone(),
            (DxConnectionType::Dedicated, None) => DEDICATED_MBPS.to_vec(),
            (DxConnectionType::Hosted, _) => HOSTED_MBPS.to_vec(),
        }
    }

    /// Most LAG members at a port speed: 4 below 100 Gbps, 2 at 100 or 400 Gbps (DX-LAG-2; the
    /// CreateLag API text mentions 10, Q10).
    pub fn max_lag_members(capacity_mbps: u64) -> u32 {
        if capacity_mbps >= 100_000 { 2 } else { 4 }
    }

    /// The MTUs a VIF of this type accepts: 1500, or its jumbo size (9001 on private, 8500 on
    /// transit VIFs, DX-MTU-1); public VIFs 1500 (jumbo frames only on private and transit
    /// VIFs; DX014 does not judge public VIFs).
    pub fn mtus(vif_type: VifType) -> &'static [u32] {
        match vif_type {
            VifType::Private => &[1500, 9001],
            VifType::Transit => &[1500, 8500],
            VifType::Public => &[1500],
        }
    }
}

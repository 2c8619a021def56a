//! Synthetic but valid designs of any size, for benchmarks and demos
//! (`linkwright generate --sites N --seed S`).
//!
//! Sites are grouped in clusters of [`SITES_PER_CLUSTER`]. Each cluster has two colocation
//! facilities in buildings that host both clouds (reference 4.5), a hub in an Azure region with
//! an ErGw2AZ gateway and one ExpressRoute circuit from each facility, an AWS region attached
//! through a Direct Connect gateway + Transit Gateway with one 10 Gbps dedicated connection from
//! each facility, and every site dual-homed to both facilities with a demand toward each cloud.
//! Address plans never overlap: sites 10.0.0.0/8, VNets 172.16.0.0/12, VPCs 100.64.0.0/10 (a
//! /24 each while they fit, smaller blocks in larger designs; see [`nth_block`]).
//! Output depends only on (sites, seed). Sizes are bounded by [`MAX_SITES`]: a larger design
//! could not be read back by the loader.

use crate::catalog::{AzureRegionInfo, Catalog, DxLocation, ErLocation};
use crate::model::*;

pub const SITES_PER_CLUSTER: usize = 20;

/// The most sites `generate` writes. A generated design takes about 1.8 KB per site in the
/// canonical layout, and the loader reads at most [`crate::user_file::MAX_FILE_BYTES`]
/// (256 MiB), so 140,000 sites (about 250 MB) is the largest design it can write that
/// `check` can read back. The CLI refuses more before generating anything.
pub const MAX_SITES: usize = 140_000;

/// The `n`-th block of `2^(32-len)` addresses from `base` (a dotted quad), e.g. the 3rd /24 of
/// 10.0.0.0 is 10.0.3.0/24. Callers pick `len` so that every `n` they use fits the range.
fn nth_block(base: [u8; 4], len: u8, n: usize) -> Cidr {
    let start = u32::from_be_bytes(base).wrapping_add((n as u32) << (32 - u32::from(len)));
    let [a, b, c, d] = start.to_be_bytes();
    cidr(format!("{a}.{b}.{c}.{d}/{len}"))
}

/// A /24 per item while `count` of them fit in a range of `range_len` bits, else `fallback`.
fn block_len(count: usize, range_len: u8, fallback: u8) -> u8 {
    if count <= 1 << (24 - range_len) {
        24
    } else {
        fallback
    }
}

/// A small deterministic generator (SplitMix64), so output is stable across platforms and
/// dependency versions.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn cidr(text: String) -> Cidr {
    // The generator only formats in-range octets and lengths; a parse failure is a bug here.
    text.parse()
        .unwrap_or_else(|e| panic!("generator produced an invalid prefix: {e}"))
}

/// Generate a design with `sites` on-prem sites.
pub fn generate(sites: usize, seed: u64, catalog: &Catalog) -> Design {
    let mut generator = Generator::new(sites, seed, catalog);
    for k in 0..generator.clusters {
        generator.add_cluster(k);
    }
    generator.design
}

/// Carriers of the access circuits.
const CARRIERS: [&str; 6] = ["Lumen", "Zayo", "Colt", "Verizon", "BT", "Orange"];
/// The ExpressRoute provider of each facility's circuit.
const ER_PROVIDERS: [&str; 2] = ["Equinix", "Megaport"];

/// A design being generated, with what every cluster reads.
struct Generator<'c> {
    catalog: &'c Catalog,
    rng: SplitMix64,
    design: Design,
    sites: usize,
    clusters: usize,
    /// Prefix lengths of the sites', VNets' and VPCs' blocks.
    site_len: u8,
    vnet_len: u8,
    vpc_len: u8,
}

/// The catalog's ExpressRoute and Direct Connect locations of a facility.
type Locations<'c> = (Option<&'c ErLocation>, Option<&'c DxLocation>);

/// One cluster: two facilities, an Azure and an AWS region, and its sites.
struct Cluster<'c> {
    k: usize,
    base_x: f64,
    base_y: f64,
    facility_ids: Vec<NodeId>,
    locations: Vec<Locations<'c>>,
    azure: Option<&'c AzureRegionInfo>,
    azure_id: NodeId,
    aws_id: NodeId,
    first_site: usize,
    cluster_sites: usize,
}

impl<'c> Generator<'c> {
    fn new(sites: usize, seed: u64, catalog: &'c Catalog) -> Self {
        let mut design = Design::new(format!("Generated design, {sites} sites (seed {seed})"));
        design.author = "linkwright generate".into();
        let clusters = sites.div_ceil(SITES_PER_CLUSTER).max(1);
        Generator {
            catalog,
            rng: SplitMix64(seed),
            design,
            sites,
            clusters,
            // 10.0.0.0/8 holds 65,536 /24s or 262,144 /26s; 172.16.0.0/12 4,096 /24s or 32,768
            // /27s; 100.64.0.0/10 16,384 /24s or 131,072 /27s: all beyond MAX_SITES.
            site_len: block_len(sites, 8, 26),
            vnet_len: block_len(clusters, 12, 27),
            vpc_len: block_len(clusters, 10, 27),
        }
    }

    fn add_cluster(&mut self, k: usize) {
        let base_x = (k % 10) as f64 * 1600.0;
        let base_y = (k / 10) as f64 * 1200.0;
        let (facility_ids, locations) = self.add_facilities(k, base_x, base_y);
        let azure = azure_hub(self.catalog, &locations);
        let azure_id = self.add_azure_region(k, base_x, base_y, azure);
        let aws_id = self.add_aws_region(k, base_x, base_y, locations[0].1);
        let first_site = k * SITES_PER_CLUSTER;
        let cluster = Cluster {
            k,
            base_x,
            base_y,
            facility_ids,
            locations,
            azure,
            azure_id,
            aws_id,
            first_site,
            cluster_sites: SITES_PER_CLUSTER.min(self.sites.saturating_sub(first_site)),
        };
        for j in 0..cluster.facility_ids.len() {
            self.add_er_circuit(&cluster, j);
            self.add_dx_connection(&cluster, j);
        }
        for s in 0..cluster.cluster_sites {
            self.add_site(&cluster, s);
        }
    }

    /// The cluster's two facilities, in buildings that host both clouds.
    fn add_facilities(
        &mut self,
        k: usize,
        base_x: f64,
        base_y: f64,
    ) -> (Vec<NodeId>, Vec<Locations<'c>>) {
        let catalog = self.catalog;
        let buildings = &catalog.shared_metros.same_building;
        let mut facility_ids = Vec::new();
        let mut locations = Vec::new();
        for (j, building) in pick_buildings(catalog, k).into_iter().enumerate() {
            let b = &buildings[building];
            let er = catalog.er_location(&b.er_location);
            let dx = catalog.dx_location(&b.dx_location);
            let id = NodeId::new(format!("fac-{k}-{j}"));
            self.design.nodes.push(Node {
                id: id.clone(),
                name: format!("{} / {}", b.er_location, b.dx_location),
                position: Point::new(base_x + 300.0 + 600.0 * j as f64, base_y + 500.0),
                notes: String::new(),
                kind: NodeKind::ColocationFacility(ColocationFacility {
                    operator: er
                        .map(|l| l.facility.split(' ').next().unwrap_or("").to_string())
                        .unwrap_or_default(),
                    facility_name: er.map(|l| l.facility.clone()).unwrap_or_default(),
                    metro: er.map(|l| l.metro.clone()).unwrap_or_default(),
                    er_peering_location: Some(b.er_location.clone()),
                    dx_location: Some(b.dx_location.clone()),
                    er_direct_ports: Vec::new(),
                }),
            });
            facility_ids.push(id);
            locations.push((er, dx));
        }
        (facility_ids, locations)
    }

    /// The Azure hub region, with an ErGw2AZ gateway.
    fn add_azure_region(
        &mut self,
        k: usize,
        base_x: f64,
        base_y: f64,
        azure: Option<&AzureRegionInfo>,
    ) -> NodeId {
        let azure_id = NodeId::new(format!("az-{k}"));
        self.design.nodes.push(Node {
            id: azure_id.clone(),
            name: format!("{} hub {k}", azure.map_or("Azure", |r| r.name.as_str())),
            position: Point::new(base_x + 300.0, base_y + 900.0),
            notes: String::new(),
            kind: NodeKind::AzureRegion(AzureRegion {
                region: azure.map_or("eastus".into(), |r| r.code.clone()),
                gateway: Some(ErGateway {
                    sku: ErGatewaySku::ErGw2Az,
                    scale_units: None,
                    zone_redundant: true,
                }),
                vpn_gateway: None,
                vnet_cidrs: vec![nth_block([172, 16, 0, 0], self.vnet_len, k)],
            }),
        });
        azure_id
    }

    /// The AWS region (the first facility's Direct Connect home region), attached through a
    /// Direct Connect gateway + Transit Gateway.
    fn add_aws_region(
        &mut self,
        k: usize,
        base_x: f64,
        base_y: f64,
        dx: Option<&DxLocation>,
    ) -> NodeId {
        let aws_code = dx.map_or("us-east-1".to_string(), |l| l.home_region.clone());
        let aws_id = NodeId::new(format!("aws-{k}"));
        self.design.nodes.push(Node {
            id: aws_id.clone(),
            name: format!("{aws_code} TGW {k}"),
            position: Point::new(base_x + 900.0, base_y + 900.0),
            notes: String::new(),
            kind: NodeKind::AwsRegion(AwsRegion {
                region: aws_code,
                attachment: AwsAttachment::DxGatewayTgw,
                dx_gateway: Some(format!("dxgw-{k}")),
                vgw_asn: None,
                dx_gateway_asn: Some(4_200_000_000 + k as u32),
                tgw_asn: Some(64_512 + (k % 1_000) as u32),
                tgw_vpc_attachments: vec![],
                tgw_peering_attachments: vec![],
                vpc_cidrs: vec![nth_block([100, 64, 0, 0], self.vpc_len, k)],
            }),
        });
        aws_id
    }

    /// The ExpressRoute circuit from facility `j` to the Azure hub.
    fn add_er_circuit(&mut self, cluster: &Cluster<'_>, j: usize) {
        let k = cluster.k;
        let (er_loc, _) = cluster.locations[j];
        let same_geo = match (er_loc, cluster.azure) {
            (Some(l), Some(r)) => l.geopolitical_region == r.geopolitical_region,
            _ => false,
        };
        self.design.links.push(Link {
            id: LinkId::new(format!("er-{k}-{j}")),
            name: format!("ER {k}.{j}"),
            a: cluster.facility_ids[j].clone(),
            b: cluster.azure_id.clone(),
            notes: String::new(),
            kind: LinkKind::ExpressRouteCircuit(ExpressRouteCircuit {
                // One provider per facility: the two circuits do not share a provider.
                provider: ER_PROVIDERS[j].to_string(),
                direct_port: None,
                bandwidth_mbps: 1_000,
                sku_tier: if same_geo {
                    ErSkuTier::Standard
                } else {
                    ErSkuTier::Premium
                },
                billing: ErBilling::Metered,
                peerings: ErPeerings {
                    private: Some(ErPrivatePeering {
                        peer_asn: Some(65_001),
                        vlan: Some(100),
                        advertised_ipv4_prefixes: cluster.cluster_sites as u32,
                        advertised_ipv6_prefixes: 0,
                    }),
                    microsoft: None,
                },
                redundant_bgp: true,
                fastpath: false,
                metro_secondary_facility: None,
                global_reach: Vec::new(),
                vnet_links: 1,
            }),
        });
    }

    /// The 10 Gbps dedicated Direct Connect connection from facility `j` to the AWS region.
    fn add_dx_connection(&mut self, cluster: &Cluster<'_>, j: usize) {
        let k = cluster.k;
        self.design.links.push(Link {
            id: LinkId::new(format!("dx-{k}-{j}")),
            name: format!("DX {k}.{j}"),
            a: cluster.facility_ids[j].clone(),
            b: cluster.aws_id.clone(),
            notes: String::new(),
            kind: LinkKind::DirectConnectConnection(DirectConnectConnection {
                connection_type: DxConnectionType::Dedicated,
                capacity_mbps: 10_000,
                lag_members: 1,
                macsec: false,
                aws_device: format!("dev-{k}-{j}"),
                partner: String::new(),
                vifs: vec![VirtualInterface {
                    name: format!("transit-{k}-{j}"),
                    vif_type: VifType::Transit,
                    vlan: 200 + j as u16,
                    customer_asn: 65_001,
                    mtu: 8_500,
                    advertised_prefixes: cluster.cluster_sites as u32,
                    sitelink: false,
                }],
            }),
        });
    }

    /// Site `s` of the cluster, dual-homed to both facilities, with a demand toward each cloud.
    fn add_site(&mut self, cluster: &Cluster<'_>, s: usize) {
        let i = cluster.first_site + s;
        let site_id = NodeId::new(format!("site-{i}"));
        self.design.nodes.push(Node {
            id: site_id.clone(),
            name: format!("Site {i}"),
            position: Point::new(
                cluster.base_x + (s % 10) as f64 * 140.0,
                cluster.base_y + (s / 10) as f64 * 140.0,
            ),
            notes: String::new(),
            kind: NodeKind::OnPremSite(OnPremSite {
                metro: String::new(),
                edge_routers: vec![format!("ce{i}a"), format!("ce{i}b")],
                asn: Some(65_001),
                prefixes: vec![nth_block([10, 0, 0, 0], self.site_len, i)],
            }),
        });
        self.add_access_circuits(i, &site_id, &cluster.facility_ids);
        for (cloud, region) in [("az", &cluster.azure_id), ("aws", &cluster.aws_id)] {
            self.design.demands.push(Demand {
                id: DemandId::new(format!("d-{i}-{cloud}")),
                site: site_id.clone(),
                region: region.clone(),
                required_mbps: *self.rng.pick(&[50, 100, 200, 300]),
                egress_gb_per_month: 100 + self.rng.next() % 5_000,
                criticality: Criticality::Medium,
                target_resiliency: Some(ResiliencyTarget::High),
                notes: String::new(),
            });
        }
    }

    /// Site `i`'s access circuits, one to each facility.
    fn add_access_circuits(&mut self, i: usize, site_id: &NodeId, facility_ids: &[NodeId]) {
        // Two different carriers for the two access circuits.
        let first_carrier = self.rng.next() as usize % CARRIERS.len();
        let second_carrier =
            (first_carrier + 1 + self.rng.next() as usize % (CARRIERS.len() - 1)) % CARRIERS.len();
        for (j, fac) in facility_ids.iter().enumerate() {
            let carrier = CARRIERS[if j == 0 {
                first_carrier
            } else {
                second_carrier
            }];
            self.design.links.push(Link {
                id: LinkId::new(format!("acc-{i}-{j}")),
                name: String::new(),
                a: site_id.clone(),
                b: fac.clone(),
                notes: String::new(),
                kind: LinkKind::AccessCircuit(AccessCircuit {
                    carrier: carrier.to_string(),
                    bandwidth_mbps: *self.rng.pick(&[500, 1_000, 1_000, 2_000]),
                    edge_router: Some(format!("ce{i}{}", if j == 0 { 'a' } else { 'b' })),
                    monthly_usd: Some(Usd::from_cents(
                        100_000 + (self.rng.next() % 200_000) as i64,
                    )),
                }),
            });
        }
    }
}

/// Two buildings (indices into the catalog's shared buildings) in different metros, so no
/// metro takes both.
fn pick_buildings(catalog: &Catalog, k: usize) -> [usize; 2] {
    let buildings = &catalog.shared_metros.same_building;
    let first = (2 * k) % buildings.len();
    let metro = |i: usize| {
        catalog
            .er_location(&buildings[i].er_location)
            .map(|l| l.metro.clone())
    };
    let second = (1..buildings.len())
        .map(|step| (first + step) % buildings.len())
        .find(|&i| metro(i) != metro(first))
        .unwrap_or((first + 1) % buildings.len());
    [first, second]
}

/// The Azure hub: a local region of either facility, else the first region of the first
/// facility's geopolitical region.
fn azure_hub<'c>(catalog: &'c Catalog, locations: &[Locations<'c>]) -> Option<&'c AzureRegionInfo> {
    locations
        .iter()
        .filter_map(|(er, _)| *er)
        .flat_map(|l| l.local_regions.iter())
        .find_map(|name| catalog.azure_region(name))
        .or_else(|| {
            let geo = locations[0].0.map(|l| l.geopolitical_region.as_str())?;
            catalog
                .azure_regions
                .iter()
                .find(|r| r.is_commercial() && r.geopolitical_region == geo)
        })
        .or_else(|| catalog.azure_region("eastus"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_designs_keep_their_24s() {
        assert_eq!(nth_block([10, 0, 0, 0], 24, 3).to_string(), "10.0.3.0/24");
        assert_eq!(
            nth_block([10, 0, 0, 0], 24, 65_535).to_string(),
            "10.255.255.0/24"
        );
        assert_eq!(
            nth_block([172, 16, 0, 0], 24, 257).to_string(),
            "172.17.1.0/24"
        );
        assert_eq!(block_len(65_536, 8, 26), 24);
        assert_eq!(block_len(65_537, 8, 26), 26);
    }

    /// Beyond 65,536 sites the /24s of 10.0.0.0/8 run out: the blocks shrink instead of
    /// wrapping around (which made sites 65,536 apart share a prefix).
    #[test]
    fn blocks_of_the_largest_design_stay_in_their_ranges_and_apart() {
        let sites = MAX_SITES;
        let clusters = sites.div_ceil(SITES_PER_CLUSTER);
        let ranges: [([u8; 4], u8, usize, &str); 3] = [
            ([10, 0, 0, 0], block_len(sites, 8, 26), sites, "10.0.0.0/8"),
            (
                [172, 16, 0, 0],
                block_len(clusters, 12, 27),
                clusters,
                "172.16.0.0/12",
            ),
            (
                [100, 64, 0, 0],
                block_len(clusters, 10, 27),
                clusters,
                "100.64.0.0/10",
            ),
        ];
        for (base, len, count, range) in ranges {
            let range: Cidr = range.parse().unwrap();
            let first = nth_block(base, len, 0);
            let last = nth_block(base, len, count - 1);
            let after_wrap = nth_block(base, len, 65_536);
            assert!(range.overlaps(&last) && last.prefix_len() >= range.prefix_len());
            assert!(!first.overlaps(&last), "{first} {last}");
            assert!(!first.overlaps(&after_wrap), "{first} {after_wrap}");
        }
    }
}

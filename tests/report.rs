//! The PDF report as a reader gets it: produced by `linkwright report`, read back with a PDF
//! parser, its text compared with what `cost`, `check` and the design say.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use linkwright::model::{Design, dollars};
use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_linkwright"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    // No user price book: the report and `cost` both see the built-in catalog only.
    c.env("LINKWRIGHT_PRICE_BOOK", "target/no-such-price-book.json");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SAMPLES: &[&str] = &[
    "designs/dual-cloud-ashburn-chicago.json",
    "designs/europe-azure-two-locations.json",
    "designs/aws-dev-test-one-location.json",
    "designs/flawed-design.json",
];

const SECTION_TITLES: &[&str] = &[
    "2. Executive summary",
    "3. Topology",
    "4. Bill of materials",
    "5. Resilience",
    "6. Findings",
    "Accepted risks",
    "7. Assumptions and sources",
];

struct Pdf {
    doc: lopdf::Document,
    bytes: Vec<u8>,
}

impl Pdf {
    fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }
    /// The text of one page (1-based), runs joined by single spaces.
    fn page_text(&self, n: u32) -> String {
        let text = self.doc.extract_text(&[n]).expect("text extracts");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
    fn text(&self) -> String {
        (1..=self.pages() as u32)
            .map(|n| self.page_text(n))
            .collect::<Vec<_>>()
            .join(" ")
    }
    /// Path-painting operators in a page's content stream (lines, fills, strokes).
    fn vector_ops(&self, n: u32) -> usize {
        let pages = self.doc.get_pages();
        let content = self.doc.get_page_content(pages[&n]);
        let ops = lopdf::content::Content::decode(&content).expect("content decodes");
        ops.operations
            .iter()
            .filter(|o| matches!(o.operator.as_str(), "l" | "re" | "f" | "S" | "B"))
            .count()
    }
}

fn report(design: &str, out: &Path, extra: &[&str]) -> Pdf {
    let o = run(&[
        &[
            "report",
            design,
            "-o",
            out.to_str().unwrap(),
            "--date",
            "2026-01-31",
        ][..],
        extra,
    ]
    .concat());
    assert!(o.status.success(), "report failed: {}", stderr(&o));
    let bytes = std::fs::read(out).expect("report written");
    Pdf {
        doc: lopdf::Document::load_mem(&bytes).expect("the report is a valid PDF"),
        bytes,
    }
}

fn cost_json(design: &str) -> serde_json::Value {
    let o = run(&["cost", design, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("cost json")
}

fn usd(v: &serde_json::Value) -> String {
    dollars(v.as_str().expect("amount string").parse().expect("amount"))
}

#[test]
fn every_sample_design_gives_a_complete_report() {
    let dir = tempfile::tempdir().unwrap();
    for design_path in SAMPLES {
        let out = dir.path().join("report.pdf");
        let pdf = report(design_path, &out, &[]);
        let text = pdf.text();
        let design: Design = linkwright::design_file::load(Path::new(design_path)).unwrap();

        // Pages: the cover and six sections at least; every footer numbers the same total.
        let pages = pdf.pages();
        assert!(pages >= 7, "{design_path}: {pages} pages");
        for n in 1..=pages {
            let footer = format!("Page {n} of {pages}");
            assert!(
                pdf.page_text(n as u32).contains(&footer),
                "{design_path}: page {n} lacks '{footer}'"
            );
            assert!(pdf.page_text(n as u32).contains("2026-01-31"));
        }
        for title in SECTION_TITLES {
            assert!(text.contains(title), "{design_path}: no section '{title}'");
        }
        assert!(text.contains(&design.name), "{design_path}: design name");

        // Totals and every line's monthly figure, exactly as `cost --format json` has them.
        let cost = cost_json(design_path);
        for key in ["monthly", "annual", "three_year"] {
            let figure = usd(&cost["cost"]["totals"][key]);
            assert!(
                text.contains(&figure),
                "{design_path}: total {key} {figure}"
            );
        }
        for item in cost["cost"]["items"].as_array().unwrap() {
            if let Some(m) = item["monthly"].as_str() {
                let figure = dollars(m.parse().unwrap());
                assert!(text.contains(&figure), "{design_path}: line {figure}");
            }
        }
        for key in ["by_biller", "by_category"] {
            for (name, amount) in cost["cost"][key].as_object().unwrap() {
                let figure = usd(amount);
                assert!(
                    text.contains(&figure),
                    "{design_path}: {key} {name} {figure}"
                );
            }
        }
        let unpriced = cost["cost"]["unpriced"].as_array().unwrap().len();
        if unpriced > 0 {
            assert!(text.contains(&format!("excludes {unpriced} unpriced item")));
        }

        // Every finding code, open or accepted, and every element by name.
        let findings =
            linkwright::rules::check(&design, &linkwright::catalog::Catalog::builtin().unwrap());
        for f in &findings.items {
            assert!(text.contains(f.code), "{design_path}: finding {}", f.code);
        }
        for n in &design.nodes {
            assert!(text.contains(&n.name), "{design_path}: node '{}'", n.name);
        }
        for l in &design.links {
            assert!(
                text.contains(l.label()),
                "{design_path}: link '{}'",
                l.label()
            );
        }

        // The topology page is drawn with vectors: one path per link and node at least.
        let topology = (1..=pages as u32)
            .find(|&n| pdf.page_text(n).starts_with("3. Topology"))
            .expect("topology page");
        let ops = pdf.vector_ops(topology);
        assert!(
            ops >= design.links.len() + design.nodes.len(),
            "{design_path}: only {ops} path operators on the diagram page"
        );
        assert!(pdf.bytes.len() < 2_000_000);
    }
}

#[test]
fn names_outside_latin_1_survive_text_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let mut design: Design =
        linkwright::design_file::load(Path::new("designs/europe-azure-two-locations.json"))
            .unwrap();
    let names = ["Zürich", "São Paulo", "Kraków → Łódź", "Île-de-France €"];
    for (node, name) in design.nodes.iter_mut().zip(names) {
        node.name = name.to_string();
    }
    design.author = "Paweł Żółć".into();
    let input = dir.path().join("unicode.json");
    linkwright::design_file::save(&design, &input).unwrap();
    let pdf = report(input.to_str().unwrap(), &dir.path().join("u.pdf"), &[]);
    let text = pdf.text();
    for name in names.iter().chain(&["Paweł Żółć"]) {
        assert!(text.contains(name), "'{name}' does not extract");
    }

    // A script the embedded font does not cover is marked, not silently dropped.
    design.nodes[0].name = "東京 office".into();
    linkwright::design_file::save(&design, &input).unwrap();
    let pdf = report(input.to_str().unwrap(), &dir.path().join("cjk.pdf"), &[]);
    assert!(pdf.text().contains("□□ office"));
}

#[test]
fn a_fixed_date_gives_identical_bytes_and_the_paper_size_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let design = "designs/dual-cloud-ashburn-chicago.json";
    let a = report(design, &dir.path().join("a.pdf"), &[]);
    let b = report(design, &dir.path().join("b.pdf"), &[]);
    assert!(a.bytes == b.bytes, "same input, same date: different bytes");

    let letter = report(design, &dir.path().join("l.pdf"), &["--paper", "letter"]);
    let size = |pdf: &Pdf, page: u32| {
        let id = pdf.doc.get_pages()[&page];
        let dict = pdf.doc.get_dictionary(id).unwrap();
        let mb = dict.get(b"MediaBox").unwrap().as_array().unwrap();
        let f = |o: &lopdf::Object| o.as_float().unwrap_or_else(|_| o.as_i64().unwrap() as f32);
        (f(&mb[2]).round() as i64, f(&mb[3]).round() as i64)
    };
    assert_eq!(size(&a, 1), (595, 842), "A4 portrait cover");
    assert_eq!(size(&letter, 1), (612, 792), "Letter portrait cover");
    let topology = (1..=letter.pages() as u32)
        .find(|&n| letter.page_text(n).starts_with("3. Topology"))
        .unwrap();
    assert_eq!(
        size(&letter, topology),
        (792, 612),
        "the diagram page is landscape"
    );
}

#[test]
fn a_design_with_errors_still_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("flawed.pdf");
    let o = run(&[
        "report",
        "designs/flawed-design.json",
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-01-31",
    ]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("errors; the report lists them under Findings"));
    let pdf = Pdf {
        doc: lopdf::Document::load(&out).unwrap(),
        bytes: Vec::new(),
    };
    let text = pdf.text();
    assert!(text.contains("Errors / warnings"));
    assert!(!text.contains("No open findings"));
    // A missed target names the cheapest configuration that meets it (the cost what-if).
    let summary = (1..=pdf.pages() as u32)
        .map(|n| pdf.page_text(n))
        .find(|t| t.starts_with("2. Executive summary"))
        .unwrap();
    assert!(
        summary.contains(
            "The cheapest configuration that meets the target: 2 × 2 Gbps Standard Metered ExpressRoute at two peering locations ($2,119.00 a month at list prices)"
        ),
        "{summary}"
    );
}

/// Path operators of one kind (e.g. "c", a cubic Bézier) in a page's content stream.
fn operators(pdf: &Pdf, page: u32, operator: &str) -> usize {
    let pages = pdf.doc.get_pages();
    let content = pdf.doc.get_page_content(pages[&page]);
    let ops = lopdf::content::Content::decode(&content).expect("content decodes");
    ops.operations
        .iter()
        .filter(|o| o.operator == operator)
        .count()
}

/// The topology page draws the same drawing as `linkwright diagram`: group boxes with their
/// titles, bowed parallel links and round glyph parts as curves, a label per link beside it,
/// badges on what has findings, and a legend of what is drawn.
#[test]
fn the_topology_page_draws_the_diagram_exports_look() {
    let dir = tempfile::tempdir().unwrap();
    let topology_page = |pdf: &Pdf| {
        (1..=pdf.pages() as u32)
            .find(|&n| pdf.page_text(n).starts_with("3. Topology"))
            .expect("topology page")
    };
    let pdf = report(
        "designs/dual-cloud-ashburn-chicago.json",
        &dir.path().join("dual.pdf"),
        &[],
    );
    let page = topology_page(&pdf);
    let text = pdf.page_text(page);
    for title in ["On-premises", "Washington DC", "Chicago", "Azure", "AWS"] {
        assert!(text.contains(title), "group {title}: {text}");
    }
    for entry in [
        "On-prem site",
        "Colocation facility",
        "Direct Connect connection",
        "Metro (facilities, routers)",
    ] {
        assert!(text.contains(entry), "legend {entry}: {text}");
    }
    // The two Direct Connect connections of each facility bow apart, each with its speed.
    assert!(text.matches("10 Gbps").count() >= 7, "{text}");
    // Curves (bowed links, clouds, badges, rounded halos) are cubic Béziers.
    let curves = operators(&pdf, page, "c");
    assert!(curves >= 100, "only {curves} curve operators");

    let flawed = report(
        "designs/flawed-design.json",
        &dir.path().join("flawed.pdf"),
        &[],
    );
    let text = flawed.page_text(topology_page(&flawed));
    assert!(
        text.contains("Has errors") && text.contains("Has warnings"),
        "badges in the legend: {text}"
    );
}

#[test]
fn an_empty_design_gives_a_short_honest_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("empty.json");
    linkwright::design_file::save(&Design::new("Nothing yet"), &input).unwrap();
    let pdf = report(input.to_str().unwrap(), &dir.path().join("e.pdf"), &[]);
    let text = pdf.text();
    assert!(text.contains("Nothing to draw: the design has no nodes."));
    assert!(text.contains("The design has no demands"));
    assert!(text.contains("$0.00"));
}

#[test]
fn bad_output_paths_and_flags_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let design = "designs/dual-cloud-ashburn-chicago.json";

    let missing_folder = dir.path().join("no/such/folder/r.pdf");
    let o = run(&["report", design, "-o", missing_folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("cannot write the report to"),
        "{}",
        stderr(&o)
    );

    let o = run(&["report", design, "-o", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("it is a folder"));

    // An existing report is replaced whole or not at all: a failed run leaves it alone.
    let existing = dir.path().join("keep.pdf");
    std::fs::write(&existing, b"previous report").unwrap();
    let o = run(&[
        "report",
        "tests/no-such-design.json",
        "-o",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&existing).unwrap(), b"previous report");

    let o = run(&["report", design, "-o", "x.pdf", "--date", "31/01/2026"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("expected YYYY-MM-DD"));
    let o = run(&["report", design, "-o", "x.pdf", "--paper", "a3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("letter"));
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("x.pdf").exists());

    let malformed = dir.path().join("bad.json");
    std::fs::write(&malformed, "{ \"format\": \"linkwright-design\", ").unwrap();
    let o = run(&[
        "report",
        malformed.to_str().unwrap(),
        "-o",
        dir.path().join("m.pdf").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.json"), "{}", stderr(&o));
}

#[test]
fn sections_have_bookmarks_and_the_contents_link_to_their_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = report(
        "designs/dual-cloud-ashburn-chicago.json",
        &dir.path().join("nav.pdf"),
        &[],
    );
    // A bookmark per section, each on the page whose heading it names.
    let toc = pdf.doc.get_toc().expect("the report has an outline");
    let titles: Vec<&str> = toc.toc.iter().map(|t| t.title.as_str()).collect();
    let mut expected = vec!["1. Cover".to_string()];
    expected.extend(
        SECTION_TITLES
            .iter()
            .filter(|s| s.as_bytes()[0].is_ascii_digit())
            .map(|s| s.to_string()),
    );
    assert_eq!(titles, expected);
    for entry in toc.toc.iter().skip(1) {
        let page = pdf.page_text(entry.page as u32);
        assert!(page.starts_with(&entry.title), "{}: {page}", entry.title);
    }
    // The cover's contents give each section's page (set last, so read last) and link to it.
    let cover = pdf.page_text(1);
    let numbers: Vec<String> = toc.toc.iter().skip(1).map(|t| t.page.to_string()).collect();
    assert!(cover.ends_with(&numbers.join(" ")), "{numbers:?}: {cover}");
    let pages = pdf.doc.get_pages();
    let annots = pdf.doc.get_page_annotations(pages[&1]).unwrap();
    let targets: Vec<u32> = annots
        .iter()
        .filter_map(|a| {
            let dest = a
                .get(b"A")
                .ok()?
                .as_dict()
                .ok()?
                .get(b"D")
                .ok()?
                .as_array()
                .ok()?;
            let id = dest.first()?.as_reference().ok()?;
            pages.iter().find(|(_, p)| **p == id).map(|(n, _)| *n)
        })
        .collect();
    let starts: Vec<u32> = toc.toc.iter().skip(1).map(|t| t.page as u32).collect();
    assert_eq!(targets, starts);
    // Metadata.
    let info = pdf
        .doc
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = pdf.doc.get_dictionary(info).unwrap();
    for key in [
        &b"Title"[..],
        b"Author",
        b"Subject",
        b"Keywords",
        b"CreationDate",
    ] {
        assert!(
            info.get(key).is_ok(),
            "{} missing",
            String::from_utf8_lossy(key)
        );
    }
}

#[test]
fn the_body_speaks_plainly_and_codes_stay_in_the_appendices() {
    let dir = tempfile::tempdir().unwrap();
    for design in SAMPLES {
        let pdf = report(design, &dir.path().join("plain.pdf"), &[]);
        let toc = pdf.doc.get_toc().unwrap();
        let page_of = |suffix: &str| {
            toc.toc
                .iter()
                .find(|t| t.title.ends_with(suffix))
                .map(|t| t.page as u32)
                .unwrap_or_else(|| panic!("{suffix} in {design}"))
        };
        // The cover and the body: everything before the findings appendix.
        let body: String = (1..page_of(". Findings"))
            .map(|n| pdf.page_text(n))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            common::plain::codes_in_body(&body),
            None,
            "{design}: {body}"
        );
    }
}

#[test]
fn the_executive_summary_gives_a_verdict_and_how_sure_the_cost_is_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let summary_of = |design: &str| {
        let text = report(design, &dir.path().join("s.pdf"), &[]).text();
        let start = text.rfind("2. Executive summary").expect("summary heading");
        let end = start + text[start..].find("3. Topology").expect("topology heading");
        text[start..end].to_string()
    };
    let flawed = summary_of("designs/flawed-design.json");
    assert!(
        // The demand with no path at all misses its target too (GEN007 reports it, not
        // RES003).
        flawed.contains("Verdict: 3 of 4 demands do not meet their resilience target"),
        "{flawed}"
    );
    assert!(flawed.contains("errors must be fixed"), "{flawed}");
    assert!(
        flawed.contains("from the providers' official prices"),
        "{flawed}"
    );
    assert!(
        flawed.contains("have no price and are not included"),
        "{flawed}"
    );
    // Readers get names and words: no rule slugs or codes, ids, source codes or commands.
    for code in [
        "`",
        "target-resiliency-not-met",
        "(RES003)",
        "(DX005)",
        "(Q5)",
        "[3P]",
        "ER-SLA-1",
        "linkwright ",
        "dx-sp-lag",
    ] {
        assert!(!flawed.contains(code), "{code} in the summary: {flawed}");
    }
    let clean = summary_of("designs/dual-cloud-ashburn-chicago.json");
    assert!(
        clean.contains("Verdict: All 4 demands meet the resilience targets set for them."),
        "{clean}"
    );
    assert!(clean.contains("Every item is priced."), "{clean}");
    // The shares of the monthly figure add up to 100%.
    let percents: u32 = clean
        .split_whitespace()
        .filter_map(|w| w.strip_suffix('%'))
        .filter_map(|n| n.parse::<u32>().ok())
        .filter(|&n| n <= 100)
        .sum();
    assert!(
        percents == 100 || percents > 100 && clean.contains("99.9"),
        "{percents}: {clean}"
    );
}

#[test]
fn the_bill_of_materials_reads_as_a_bill_and_cites_numbered_sources() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = report(
        "designs/dual-cloud-ashburn-chicago.json",
        &dir.path().join("bom.pdf"),
        &[],
    );
    let text = pdf.text();
    let section = |from: &str, to: &str| {
        let start = text
            .rfind(from)
            .unwrap_or_else(|| panic!("{from} in {text}"));
        let end = start
            + text[start..]
                .find(to)
                .unwrap_or_else(|| panic!("{to} after {from}"));
        text[start..end].to_string()
    };
    let bom = section("4. Bill of materials", "5. Resilience");
    // No meter keys, no ids of demands, no provenance codes in the body: elements and demands
    // by name, each line citing its source note.
    for key in [
        "aws.dx.",
        "azure.er.",
        "access.circuit",
        "d-nyc-aws",
        "[OFF",
        "[3P]",
    ] {
        assert!(!bom.contains(key), "{key} in the bill of materials: {bom}");
    }
    assert!(
        bom.contains("demand “New York HQ to AWS us-east-1”"),
        "{bom}"
    );
    // Grouped by cloud and category, each with its subtotal.
    assert!(bom.contains("Direct Connect ports $6,570.00"), "{bom}");
    assert!(bom.contains("Subtotal AWS $7,799.50"), "{bom}");
    // Unit prices keep every digit and separate thousands.
    assert!(bom.contains("$4,200.00/month"), "{bom}");
    assert!(bom.contains("$0.025/GB"), "{bom}");
    let cited: std::collections::BTreeSet<&str> = bom
        .split_whitespace()
        .filter(|w| w.len() >= 3 && w.starts_with('[') && w.ends_with(']'))
        .filter(|w| w[1..w.len() - 1].chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(cited.len() >= 4, "{cited:?}");
    // Every note cited is listed in the appendix, with its confidence in words; the meter keys
    // are listed there too.
    let sources = section("Price sources", "Catalog");
    for note in &cited {
        assert!(
            sources.contains(&format!("{note} ")),
            "{note} not listed: {sources}"
        );
    }
    assert!(
        sources.contains("official (a copy of the provider's page)"),
        "{sources}"
    );
    assert!(sources.contains("third party"), "{sources}");
    assert!(sources.contains("Price meters"), "{sources}");
    assert!(sources.contains("aws.dx.port.dedicated"), "{sources}");
}

#[test]
fn quotes_and_discounts_are_listed_in_words_and_priced_in() {
    use linkwright::model::{Discount, PriceOverride, PriceUnit};
    let dir = tempfile::tempdir().unwrap();
    let mut design: Design =
        linkwright::design_file::load(Path::new("designs/dual-cloud-ashburn-chicago.json"))
            .unwrap();
    design.settings.price_overrides.push(PriceOverride {
        meter: "azure.er.circuit".into(),
        element: Some("er-dc2".into()),
        unit: PriceUnit::Month,
        usd: "436.00".parse().unwrap(),
        note: "quote Q-2291 from the account team".into(),
    });
    design.settings.discounts.push(Discount {
        provider: "aws".into(),
        percent: "10".parse().unwrap(),
        note: "enterprise agreement".into(),
    });
    let input = dir.path().join("quoted.json");
    linkwright::design_file::save(&design, &input).unwrap();
    let pdf = report(input.to_str().unwrap(), &dir.path().join("q.pdf"), &[]);
    let text = pdf.text();
    assert!(
        text.contains(
            "Quote: azure.er.circuit for ER Washington DC: $436.00 per month — quote Q-2291 from the account team"
        ),
        "{text}"
    );
    assert!(text.contains("Discount: 10% off aws (enterprise agreement)"));
    // The quoted circuit is priced in the bill of materials, and its source note is the quote.
    assert!(text.contains("$436.00"));
    assert!(
        text.contains("A quote recorded in the design: quote Q-2291 from the account team"),
        "{text}"
    );
}

#[test]
fn design_properties_appear_on_the_cover_and_in_every_footer() {
    let dir = tempfile::tempdir().unwrap();
    let mut design: Design =
        linkwright::design_file::load(Path::new("designs/dual-cloud-ashburn-chicago.json"))
            .unwrap();
    design.organisation = "Contoso Networks".into();
    design.version = "1.2".into();
    design.confidentiality = "Confidential — internal use".into();
    let input = dir.path().join("props.json");
    linkwright::design_file::save(&design, &input).unwrap();
    let pdf = report(input.to_str().unwrap(), &dir.path().join("p.pdf"), &[]);
    let cover = pdf.page_text(1);
    for fact in [
        "Organisation Contoso Networks",
        "Version 1.2",
        "Confidentiality Confidential — internal use",
    ] {
        assert!(cover.contains(fact), "{fact}: {cover}");
    }
    for n in 1..=pdf.pages() as u32 {
        let page = pdf.page_text(n);
        assert!(
            page.contains("version 1.2 · Confidential — internal use · 2026-01-31"),
            "page {n}: {page}"
        );
    }
}

#[test]
fn compared_designs_get_an_options_page_with_a_recommendation() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = report(
        "designs/flawed-design.json",
        &dir.path().join("options.pdf"),
        &["--compare", "designs/dual-cloud-ashburn-chicago.json"],
    );
    let text = pdf.text();
    let start = text.rfind("3. Options compared").expect("the options page");
    let end = start
        + text[start..]
            .find("4. Topology")
            .expect("topology after it");
    let page = &text[start..end];
    assert!(
        page.contains("Choose option B (“Dual-cloud enterprise: Ashburn + Chicago”)"),
        "{page}"
    );
    assert!(
        page.contains("Demands at their resilience target 1 of 4 4 of 4"),
        "{page}"
    );
    assert!(
        page.contains("Errors (block building as drawn) 35 0"),
        "{page}"
    );
    assert!(page.contains("Monthly $195,287.60 $26,366.73"), "{page}");
    assert!(page.contains("Standard (below target)"), "{page}");
    let toc = pdf.doc.get_toc().unwrap();
    assert!(toc.toc.iter().any(|t| t.title == "3. Options compared"));

    // An option that cannot be read stops the report before anything is written.
    let out = dir.path().join("none.pdf");
    let o = run(&[
        "report",
        "designs/flawed-design.json",
        "--compare",
        "designs/no-such-design.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-such-design.json"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn long_names_wrap_in_linear_time() {
    use linkwright::catalog::Catalog;
    use linkwright::costing::UserBook;
    use linkwright::report::{self, Meta, Paper};
    use std::time::{Duration, Instant};
    let catalog = Catalog::builtin().unwrap();
    let book = UserBook::empty();
    let meta = Meta {
        file_name: "long.json".into(),
        date: "2026-01-31".into(),
        paper: Paper::A4,
    };
    let plain: Design =
        linkwright::design_file::load(Path::new("designs/dual-cloud-ashburn-chicago.json"))
            .unwrap();
    // Laying out the report (analyses and document model built beforehand) with every name
    // an unbroken word of `chars` characters: each is split inside the word.
    let render = |chars: usize| {
        let mut design = plain.clone();
        let long = "W".repeat(chars);
        design.name = long.clone();
        for node in &mut design.nodes {
            node.name = long.clone();
        }
        let analyses = linkwright::analyses::run(
            &design,
            &catalog,
            &book,
            linkwright::costing::Options::default(),
            linkwright::resilience::Depth::Single,
        );
        let doc = report::build(&design, &analyses, &catalog, &book, &meta);
        let started = Instant::now();
        let bytes = report::pdf::render(&doc).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        started.elapsed()
    };
    let at_bound = render(linkwright::design_file::MAX_NAME_CHARS);
    // Well under a second optimised; an unoptimised test build on a shared machine measured
    // ~1 s (0.3 s of it the report with short names), so it gets more room.
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 5 } else { 1 });
    assert!(at_bound < limit, "took {at_bound:?}");
    // Linear: four times the length costs about four times as much (quadratic: sixteen).
    let four_times = render(4 * linkwright::design_file::MAX_NAME_CHARS);
    assert!(
        four_times < at_bound * 8,
        "{at_bound:?} at the bound, then {four_times:?}"
    );
}

/// A report that grew a page per element took 11,000 pages for 10,000 sites. Large designs are
/// summarised (tables grouped, the worst rows listed, an overview and a bounded number of
/// tiles), so the report of 2,000 sites is barely longer than that of 200 — a page per
/// element would make it ten times longer — and its figures are still every line's totals.
#[test]
fn a_large_design_gets_summaries_and_its_report_does_not_grow_with_it() {
    use linkwright::catalog::Catalog;
    use linkwright::costing::UserBook;
    use linkwright::report::{self, Meta, Paper};
    let catalog = Catalog::builtin().unwrap();
    let book = UserBook::empty();
    let meta = Meta {
        file_name: "generated.json".into(),
        date: "2026-01-31".into(),
        paper: Paper::A4,
    };
    let render = |sites: usize| {
        let design = linkwright::generate::generate(sites, 1, &catalog);
        let analyses = linkwright::analyses::run(
            &design,
            &catalog,
            &book,
            linkwright::costing::Options::default(),
            linkwright::resilience::Depth::Single,
        );
        let doc = report::build(&design, &analyses, &catalog, &book, &meta);
        let rendered = report::pdf::render_counted(&doc).unwrap();
        let pdf = Pdf {
            doc: lopdf::Document::load_mem(&rendered.bytes).unwrap(),
            bytes: rendered.bytes,
        };
        assert_eq!(pdf.pages(), rendered.pages);
        (pdf, analyses)
    };
    let (small, _) = render(200);
    let (large, analyses) = render(2_000);
    let (small_pages, large_pages) = (small.pages(), large.pages());
    let (small_kb, large_kb) = (small.bytes.len() / 1024, large.bytes.len() / 1024);
    eprintln!(
        "200 sites: {small_pages} pages, {small_kb} KB; 2,000 sites: {large_pages} pages, {large_kb} KB"
    );
    // Measured 23 and 37 pages, 314 and 484 KB (the topology tiles drawn in the diagram
    // export's look; 127 and 215 KB before): tables under 300 rows (gateways, circuits)
    // are still listed whole at 2,000 sites, and a table over it is summarised on a page or
    // two. A page per element would be ten times; anything super-linear, more.
    assert!(
        large_pages < 2 * small_pages,
        "pages: {small_pages} at 200 sites, {large_pages} at 2,000"
    );
    assert!(
        large.bytes.len() * 2 < small.bytes.len() * 5,
        "bytes: {small_kb} KB at 200 sites, {large_kb} KB at 2,000"
    );

    // The executive summary stays one page, with the design in small (its overview).
    assert!(large.page_text(2).contains("The design at a glance"));
    assert!(large.page_text(3).starts_with("3. Topology"));

    let text = large.text();
    // True figures: the totals and every cloud's subtotal are the costing's, over every line.
    let cost = &analyses.cost;
    for amount in [
        cost.totals.monthly,
        cost.totals.annual,
        cost.totals.three_year,
    ]
    .into_iter()
    .chain(cost.by_biller.values().copied())
    {
        assert!(text.contains(&dollars(amount)), "{}", dollars(amount));
    }
    // Every summarised table says how many rows it leaves out and where they all are.
    for (count, command) in [
        (
            cost.items.len(),
            "Every line is in the design's cost export (see Assumptions and sources).",
        ),
        (
            analyses.resilience.demands.len(),
            "Every one is in the design's resilience export (see Assumptions and sources).",
        ),
    ] {
        let omitted = linkwright::costing::thousands((count - report::SHOWN_ROWS) as u64);
        assert!(
            text.contains(&format!("the other {omitted} are omitted here. {command}")),
            "{count} rows: {command}"
        );
    }
    assert!(text.contains("The 25 costliest lines"));
    assert!(text.contains("The 25 weakest demands"));
    // The diagram: an overview with its key, then a bounded number of tiles.
    assert!(text.contains("Overview") && text.contains("Detail tiles"));
    let tiles = (1..=large_pages as u32)
        .filter(|&n| large.page_text(n).starts_with("Topology, tile"))
        .count();
    assert!((1..=16).contains(&tiles), "{tiles} tile pages");
}

/// The executive summary stays one page and shows the topology in small (vector curves: glyphs,
/// links, group boxes; labelled when the names are readable at its size), captioned with where
/// the full diagram is.
#[test]
fn the_executive_summary_is_one_page_with_a_picture_of_the_topology() {
    let dir = tempfile::tempdir().unwrap();
    for design_path in SAMPLES {
        let out = dir.path().join("report.pdf");
        let pdf = report(design_path, &out, &[]);
        let summary = pdf.page_text(2);
        assert!(summary.starts_with("2. Executive summary"), "{design_path}");
        assert!(
            summary.contains("The design at a glance. Under Topology it is drawn in full"),
            "{design_path}: {summary}"
        );
        assert!(
            pdf.page_text(3).starts_with("3. Topology"),
            "{design_path}: the summary runs on to page 3"
        );
        // Only the picture draws curves on this page (bars and badges are rectangles).
        let curves = operators(&pdf, 2, "c");
        assert!(curves > 20, "{design_path}: {curves} curves");
    }
    // A small design's picture names its nodes.
    let out = dir.path().join("dual.pdf");
    let pdf = report("designs/dual-cloud-ashburn-chicago.json", &out, &[]);
    assert!(pdf.page_text(2).contains("Equinix CH1 Chicago"));
}

/// The bill draws one ExpressRoute circuit's metered and unlimited monthly cost against its
/// egress, with the break-even and the design's egress marked; when the plans are not priced,
/// it says so instead of drawing.
#[test]
fn the_break_even_is_drawn_when_both_plans_are_priced_and_explained_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let pdf = report("designs/dual-cloud-ashburn-chicago.json", &out, &[]);
    let text = pdf.text();
    for label in [
        "Egress per month (GB)",
        "Monthly cost (USD)",
        "Break-even:",
        "This design:",
        "Metered: $",
        "Unlimited: $",
        "The lines cross at the break-even",
        "; the circuit is billed Metered.",
    ] {
        assert!(text.contains(label), "{label}");
    }
    assert!(!text.contains("No break-even chart"));
    // The break-even shown is the what-if's, for a circuit the comparison table lists.
    let cost = cost_json("designs/dual-cloud-ashburn-chicago.json");
    let break_evens: Vec<String> = cost["what_if"]["express_route"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["break_even_gb"].as_u64())
        .map(|b| format!("Break-even: {} GB", linkwright::costing::thousands(b)))
        .collect();
    assert!(
        break_evens.iter().any(|b| text.contains(b)),
        "{break_evens:?}"
    );

    // Every circuit 300 Mbps: no provider circuit of that speed is offered, so neither plan
    // has a price.
    let mut design: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("designs/dual-cloud-ashburn-chicago.json").unwrap(),
    )
    .unwrap();
    for link in design["design"]["links"].as_array_mut().unwrap() {
        if let Some(er) = link["kind"].get_mut("express_route_circuit") {
            er["bandwidth_mbps"] = 300.into();
        }
    }
    let unpriced = dir.path().join("unpriced.json");
    std::fs::write(&unpriced, design.to_string()).unwrap();
    let pdf = report(unpriced.to_str().unwrap(), &out, &[]);
    let text = pdf.text();
    assert!(
        text.contains("No break-even chart: the price sources lack"),
        "{text}"
    );
    assert!(text.contains("metered 300 Mbps circuit fee"));
    assert!(!text.contains("Break-even:") && !text.contains("Egress per month (GB)"));
}

/// Columns are sized to their content: no meter key or category is broken across lines
/// ("data_transfer_o" / "ut"), in the bill or its appendix.
#[test]
fn meter_keys_and_categories_are_never_broken_across_lines() {
    let dir = tempfile::tempdir().unwrap();
    for design_path in SAMPLES {
        let out = dir.path().join("report.pdf");
        let pdf = report(design_path, &out, &[]);
        let text = pdf.text();
        let cost = cost_json(design_path);
        for item in cost["cost"]["items"].as_array().unwrap() {
            let meter = item["meter"].as_str().unwrap();
            assert!(
                text.contains(&format!(" {meter} ")),
                "{design_path}: {meter}"
            );
        }
    }
}

/// No page after the cover holds only a note or a row or two: a table's last rows go over
/// with the rows before them, a note stays with its table, a heading with what follows.
#[test]
fn no_page_holds_only_a_note_or_a_stray_row() {
    let dir = tempfile::tempdir().unwrap();
    let title = |design: &str| -> String {
        let file: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(design).unwrap()).unwrap();
        file["design"]["name"].as_str().unwrap().to_string()
    };
    let mut reports: Vec<(String, String, Pdf)> = SAMPLES
        .iter()
        .map(|d| {
            let out = dir.path().join(format!("{}.pdf", d.replace('/', "_")));
            (d.to_string(), title(d), report(d, &out, &[]))
        })
        .collect();
    let out = dir.path().join("compare.pdf");
    let first = "designs/dual-cloud-ashburn-chicago.json";
    reports.push((
        "compare".into(),
        title(first),
        report(
            first,
            &out,
            &["--compare", "designs/europe-azure-two-locations.json"],
        ),
    ));
    for (name, title, pdf) in &reports {
        for n in 2..=pdf.pages() as u32 {
            let text = pdf.page_text(n);
            // A section's first page may be short: it has its title.
            let starts_section = text
                .split_once(". ")
                .is_some_and(|(number, _)| number.parse::<u32>().is_ok());
            if starts_section {
                continue;
            }
            // The body: the page's text before its footer ("TITLE · DATE Page i of N").
            let footer = text
                .rfind(&format!("{title} · "))
                .expect("every page has its footer");
            let body = &text[..footer];
            assert!(body.len() > 300, "{name}: page {n} holds only {:?}", body);
        }
    }
}

//! The report as one web page, as a reader gets it: produced by `linkwright report -o
//! OUT.html`, read back with an XML parser (the page is written well-formed), its headings,
//! anchors, links, tables and figures checked as a browser would show them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_linkwright"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    // No user price book: the report sees the built-in catalog only.
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

/// The PDF's contents (tests/report.rs), numbered sections and the accepted-risks heading.
const SECTION_TITLES: &[&str] = &[
    "2. Executive summary",
    "3. Topology",
    "4. Bill of materials",
    "5. Resilience",
    "6. Findings",
    "Accepted risks",
    "7. Assumptions and sources",
];

/// `linkwright report DESIGN -o OUT --date 2026-01-31 EXTRA…`, the page's text.
fn report(design: &str, out: &Path, extra: &[&str]) -> String {
    report_of(design, out, "2026-01-31", extra)
}

fn report_of(design: &str, out: &Path, date: &str, extra: &[&str]) -> String {
    let o = run(&[
        &[
            "report",
            design,
            "-o",
            out.to_str().unwrap(),
            "--date",
            date,
        ][..],
        extra,
    ]
    .concat());
    assert!(o.status.success(), "report failed: {}", stderr(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("one web page"), "{stdout}");
    std::fs::read_to_string(out).expect("report written as UTF-8")
}

fn parse(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the page is not well-formed: {e}"))
}

/// An element's text as a reader sees it: its text nodes joined, whitespace collapsed.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    let text: Vec<&str> = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn elements<'a, 'i>(
    doc: &'a roxmltree::Document<'i>,
    tag: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    doc.descendants()
        .filter(move |n| n.is_element() && n.tag_name().name() == tag)
}

fn by_id<'a, 'i>(doc: &'a roxmltree::Document<'i>, id: &str) -> Option<roxmltree::Node<'a, 'i>> {
    doc.descendants().find(|n| n.attribute("id") == Some(id))
}

/// Every attribute that points somewhere: href, src, xlink:href, srcset, action.
fn references<'a>(doc: &'a roxmltree::Document<'_>) -> Vec<(String, &'a str)> {
    doc.descendants()
        .filter(|n| n.is_element())
        .flat_map(|n| n.attributes())
        .filter(|a| matches!(a.name(), "href" | "src" | "srcset" | "action" | "data"))
        .map(|a| (a.name().to_string(), a.value()))
        .collect()
}

#[test]
fn every_sample_design_gives_a_complete_page_with_its_contents_linked() {
    let dir = tempfile::tempdir().unwrap();
    for design in SAMPLES {
        let html = report(design, &dir.path().join("report.html"), &[]);
        assert!(html.starts_with("<!DOCTYPE html>\n"), "{design}");
        let doc = parse(&html);
        // Every heading of the PDF's contents is a heading here, with an anchor.
        let headings: Vec<(String, Option<&str>)> = doc
            .descendants()
            .filter(|n| n.is_element() && matches!(n.tag_name().name(), "h2" | "h3"))
            .map(|h| {
                let id = h.attribute("id").or_else(|| {
                    h.parent()
                        .filter(|p| p.tag_name().name() == "section")
                        .and_then(|p| p.attribute("id"))
                });
                (text_of(h), id)
            })
            .collect();
        for title in SECTION_TITLES {
            let found = headings.iter().find(|(t, _)| t == title);
            let Some((_, id)) = found else {
                panic!("{design}: no heading {title}: {headings:?}");
            };
            assert!(id.is_some(), "{design}: {title} has no anchor");
        }
        // The contents list the sections in order, each linking to its section.
        let contents = elements(&doc, "nav").next().expect("the contents");
        let entries: Vec<(String, String)> = contents
            .descendants()
            .filter(|n| n.tag_name().name() == "a")
            .map(|a| (text_of(a), a.attribute("href").unwrap().to_string()))
            .collect();
        let numbered: Vec<&str> = SECTION_TITLES
            .iter()
            .copied()
            .filter(|t| t.starts_with(char::is_numeric))
            .collect();
        let listed: Vec<&str> = entries.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(listed, numbered, "{design}");
        for (title, href) in &entries {
            let target = by_id(&doc, href.strip_prefix('#').unwrap())
                .unwrap_or_else(|| panic!("{design}: {href} leads nowhere"));
            let heading = target
                .children()
                .find(|n| n.tag_name().name() == "h2")
                .expect("a section starts with its heading");
            assert_eq!(&text_of(heading), title, "{design}");
        }
        // Every internal link leads to an element of the page; ids are unique.
        let mut ids = std::collections::BTreeSet::new();
        for id in doc.descendants().filter_map(|n| n.attribute("id")) {
            assert!(ids.insert(id), "{design}: id {id} twice");
        }
        for (name, target) in references(&doc) {
            if name == "href" && target.starts_with('#') {
                assert!(
                    ids.contains(&target[1..]),
                    "{design}: {target} leads nowhere"
                );
            }
        }
        // The cover: the design's name, the headline figures, the facts.
        let h1 = elements(&doc, "h1").next().expect("a title");
        let name: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(design).unwrap()).unwrap();
        assert_eq!(
            text_of(h1),
            name["design"]["name"].as_str().unwrap(),
            "{design}"
        );
        let cover = text_of(by_id(&doc, "cover").unwrap());
        for fact in [
            "Monthly",
            "Annual",
            "3 years",
            "Author",
            "Date 2026-01-31",
            "Price book",
        ] {
            assert!(cover.contains(fact), "{design}: {fact} not in {cover}");
        }
        // The footer the PDF repeats on its pages closes the page.
        let footer = elements(&doc, "footer").next().expect("a footer");
        assert!(text_of(footer).contains("2026-01-31"), "{design}");
    }
}

#[test]
fn the_head_describes_the_report_and_nothing_is_fetched_or_run() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(
        "designs/dual-cloud-ashburn-chicago.json",
        &dir.path().join("head.html"),
        &[],
    );
    let doc = parse(&html);
    let title = text_of(elements(&doc, "title").next().unwrap());
    assert_eq!(
        title,
        "Dual-cloud enterprise: Ashburn + Chicago — Hybrid-cloud interconnect design report"
    );
    let meta = |name: &str| {
        elements(&doc, "meta")
            .find(|m| m.attribute("name") == Some(name))
            .and_then(|m| m.attribute("content"))
            .unwrap_or_else(|| panic!("no meta {name}"))
            .to_string()
    };
    assert_eq!(meta("date"), "2026-01-31");
    assert!(meta("generator").starts_with("linkwright "));
    assert!(meta("keywords").contains("ExpressRoute"));
    assert!(meta("description").contains("Ashburn + Chicago"));
    let design: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("designs/dual-cloud-ashburn-chicago.json").unwrap(),
    )
    .unwrap();
    assert_eq!(meta("author"), design["design"]["author"].as_str().unwrap());
    assert!(elements(&doc, "meta").any(|m| m.attribute("charset") == Some("utf-8")));

    // Self-contained: no scripts, no linked styles, images, frames or fonts; every reference
    // points into the page.
    for tag in [
        "script", "link", "img", "iframe", "object", "embed", "image", "base",
    ] {
        assert_eq!(elements(&doc, tag).count(), 0, "<{tag}> in the page");
    }
    for (name, target) in references(&doc) {
        assert!(
            target.starts_with('#'),
            "{name}=\"{target}\" leaves the page"
        );
    }
    let style = text_of(elements(&doc, "style").next().unwrap());
    for outside in ["url(", "@import", "http://", "https://", "javascript:"] {
        assert!(!style.contains(outside), "{outside} in the stylesheet");
    }
    for attribute in doc
        .descendants()
        .filter(|n| n.is_element())
        .flat_map(|n| n.attributes())
    {
        assert!(
            !attribute.name().starts_with("on"),
            "event handler {}",
            attribute.name()
        );
    }
    assert!(style.contains("font-family: DejaVu Sans"), "{style}");
    assert!(style.contains("@media print"), "{style}");
    // Printed, the page takes the paper asked for (A4 unless told).
    assert!(style.contains("@page { size: A4;"), "{style}");
    let letter = report(
        "designs/aws-dev-test-one-location.json",
        &dir.path().join("letter.html"),
        &["--paper", "letter"],
    );
    assert!(letter.contains("@page { size: letter;"));
}

#[test]
fn the_body_speaks_plainly_and_codes_stay_in_the_appendices() {
    let dir = tempfile::tempdir().unwrap();
    for design in SAMPLES {
        let html = report(design, &dir.path().join("plain.html"), &[]);
        let doc = parse(&html);
        let findings = doc
            .descendants()
            .find(|n| {
                n.tag_name().name() == "h2"
                    && text_of(*n).ends_with(". Findings")
                    && n.parent().is_some()
            })
            .and_then(|h| h.parent())
            .expect("the findings section");
        // The cover and the body: everything before the findings appendix.
        let body = elements(&doc, "body").next().unwrap();
        let text: Vec<&str> = body
            .descendants()
            .take_while(|n| *n != findings)
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        let text = text.join(" ");
        assert!(text.contains("Executive summary"), "{design}");
        assert_eq!(common::plain::codes_in_body(&text), None, "{design}");
    }
}

#[test]
fn tables_are_tables_and_the_bill_cites_its_numbered_sources() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(
        "designs/flawed-design.json",
        &dir.path().join("bill.html"),
        &[],
    );
    let doc = parse(&html);
    let bill = by_id(&doc, "sec-bill-of-materials").expect("the bill's section");
    let table = bill
        .descendants()
        .find(|n| n.tag_name().name() == "table")
        .expect("the bill as a table");
    let head: Vec<(String, Option<&str>)> = table
        .descendants()
        .filter(|n| n.tag_name().name() == "th" && n.parent().is_some())
        .take_while(|n| n.ancestors().any(|a| a.tag_name().name() == "thead"))
        .map(|th| (text_of(th), th.attribute("class")))
        .collect();
    assert_eq!(
        head,
        [
            ("Element".to_string(), None),
            ("Item".to_string(), None),
            ("Quantity".to_string(), Some("num")),
            ("Unit price".to_string(), Some("num")),
            ("Monthly USD".to_string(), Some("num")),
            ("Source".to_string(), None),
        ]
    );
    let rows: Vec<roxmltree::Node<'_, '_>> = table
        .descendants()
        .filter(|n| n.tag_name().name() == "tr")
        .collect();
    fn class_of<'a>(r: &roxmltree::Node<'a, '_>) -> &'a str {
        r.attribute("class").unwrap_or("")
    }
    let groups: Vec<String> = rows
        .iter()
        .filter(|r| class_of(r) == "group")
        .map(|r| text_of(*r))
        .collect();
    assert_eq!(groups, ["AWS", "Azure", "Carriers and fabrics"]);
    let total = rows.last().unwrap();
    assert_eq!(class_of(total), "total");
    assert_eq!(text_of(*total), "Total monthly $195,287.60");
    assert!(
        rows.iter()
            .any(|r| class_of(r) == "subtotal" && text_of(*r) == "Subtotal AWS $186,996.80")
    );
    // Figures sit right-aligned in their columns: the total's amount is in "Monthly USD".
    let total_cells: Vec<(String, Option<&str>)> = total
        .children()
        .filter(|c| c.is_element())
        .map(|c| (text_of(c), c.attribute("colspan")))
        .collect();
    assert_eq!(
        total_cells,
        [
            ("Total monthly".to_string(), Some("4")),
            ("$195,287.60".to_string(), None),
            (String::new(), None),
        ]
    );

    // "[1]" in the bill links to note 1 of the Sources appendix, which reads "[1]".
    let cites: Vec<(String, &str)> = table
        .descendants()
        .filter(|n| n.tag_name().name() == "a")
        .map(|a| (text_of(a), a.attribute("href").unwrap()))
        .collect();
    assert!(
        cites.iter().any(|(t, h)| t == "[1]" && *h == "#note-1"),
        "{cites:?}"
    );
    for (text, href) in &cites {
        let note = by_id(&doc, &href[1..]).unwrap_or_else(|| panic!("{href} leads nowhere"));
        assert_eq!(&text_of(note), text);
        assert!(
            note.ancestors()
                .any(|a| a.attribute("id") == Some("sec-assumptions-and-sources")),
            "note {text} is in the appendix"
        );
    }
    let notes = by_id(&doc, "sec-assumptions-and-sources").unwrap();
    let numbered = notes
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("note-")))
        .count();
    assert_eq!(numbered, 5, "a note per source");
}

#[test]
fn charts_and_the_topology_are_inline_drawings_with_the_pdfs_words() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(
        "designs/flawed-design.json",
        &dir.path().join("figures.html"),
        &[],
    );
    let doc = parse(&html);
    let svg_ns = "http://www.w3.org/2000/svg";
    let chart = elements(&doc, "figure")
        .find(|f| {
            f.attribute("class") == Some("bars") && text_of(*f).starts_with("Monthly cost by cloud")
        })
        .expect("the cost-by-cloud chart");
    let svg = chart
        .children()
        .find(|n| n.tag_name().name() == "svg")
        .expect("drawn as SVG");
    assert_eq!(svg.tag_name().namespace(), Some(svg_ns));
    let bars: Vec<String> = svg
        .children()
        .filter(|g| g.tag_name().name() == "g")
        .map(|g| {
            g.children()
                .filter(|n| n.tag_name().name() == "text")
                .map(text_of)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        bars,
        [
            "AWS $186,996.80 + 4 unpriced",
            "Azure $3,890.80 + 9 unpriced",
            "Carriers and fabrics $4,400.00",
        ]
    );

    // The topology is the diagram export's drawing: a group per node, its legend.
    let topology = by_id(&doc, "sec-topology").unwrap();
    let drawing = topology
        .descendants()
        .find(|n| n.tag_name().name() == "svg")
        .expect("the topology drawn");
    let design = linkwright::design_file::load(Path::new("designs/flawed-design.json")).unwrap();
    let drawn_nodes = drawing
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("node-")))
        .count();
    assert_eq!(drawn_nodes, design.nodes.len());
    let legend = drawing
        .descendants()
        .find(|n| n.attribute("id") == Some("legend"))
        .expect("the legend");
    assert!(text_of(legend).contains("ExpressRoute circuit"));
    assert!(text_of(drawing).contains("Equinix PA4 Paris"));
}

#[test]
fn markup_in_the_designs_words_is_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let mut design: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("designs/dual-cloud-ashburn-chicago.json").unwrap(),
    )
    .unwrap();
    let hostile = r#"<script>alert("x")</script> & 'Co' <b>"#;
    let d = &mut design["design"];
    d["name"] = hostile.into();
    d["author"] = r#"Eve" onload="x"#.into();
    d["nodes"][0]["name"] = r#"Site <img src=x> & "quoted""#.into();
    let input = dir.path().join("hostile.json");
    std::fs::write(&input, serde_json::to_string_pretty(&design).unwrap()).unwrap();
    let html = report(input.to_str().unwrap(), &dir.path().join("h.html"), &[]);
    assert!(!html.contains("<script"), "a script element in the page");
    assert!(!html.contains("<img"), "an image element in the page");
    assert!(!html.contains("<b>"), "markup from the design in the page");
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Co&apos;")
    );
    // Read back, the words are the design's own.
    let doc = parse(&html);
    assert_eq!(text_of(elements(&doc, "h1").next().unwrap()), hostile);
    let author = elements(&doc, "meta")
        .find(|m| m.attribute("name") == Some("author"))
        .unwrap();
    assert_eq!(author.attribute("content"), Some(r#"Eve" onload="x"#));
    let node_name = design["design"]["nodes"][0]["name"].as_str().unwrap();
    assert!(
        doc.descendants()
            .filter(|n| n.is_text())
            .any(|n| n.text() == Some(node_name)),
        "the node's name as text"
    );
}

#[test]
fn an_empty_design_gives_a_short_honest_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("empty.json");
    linkwright::design_file::save(&linkwright::model::Design::new("Nothing yet"), &input).unwrap();
    let html = report(input.to_str().unwrap(), &dir.path().join("e.html"), &[]);
    let doc = parse(&html);
    let text = text_of(elements(&doc, "body").next().unwrap());
    assert!(
        text.contains("Nothing to draw: the design has no nodes."),
        "{text}"
    );
    assert!(text.contains("The design has no demands"), "{text}");
    assert!(text.contains("$0.00"), "{text}");
    let topology = by_id(&doc, "sec-topology").unwrap();
    assert!(!topology.descendants().any(|n| n.tag_name().name() == "svg"));
}

#[test]
fn a_fixed_date_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let design = "designs/europe-azure-two-locations.json";
    let a = report(design, &dir.path().join("a.html"), &[]);
    let b = report(design, &dir.path().join("b.html"), &[]);
    assert!(a == b, "two runs differ");
    // The date is the one asked for, wherever the page shows it.
    let c = report_of(design, &dir.path().join("c.html"), "2027-02-28", &[]);
    assert!(c.contains("<meta name=\"date\" content=\"2027-02-28\"/>"));
    assert!(!c.contains("2026-01-31"));
}

#[test]
fn compared_designs_get_the_options_section_in_the_page_too() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(
        "designs/flawed-design.json",
        &dir.path().join("options.html"),
        &["--compare", "designs/dual-cloud-ashburn-chicago.json"],
    );
    let doc = parse(&html);
    let nav = elements(&doc, "nav").next().unwrap();
    assert!(text_of(nav).contains("2. Executive summary 3. Options compared 4. Topology"));
    let options = by_id(&doc, "sec-options-compared").expect("the options section");
    let text = text_of(options);
    assert!(
        text.contains("Choose option B (“Dual-cloud enterprise: Ashburn + Chicago”)"),
        "{text}"
    );
    assert!(text.contains("Monthly $195,287.60 $26,366.73"), "{text}");
}

#[test]
fn the_extension_chooses_the_format_and_bad_outputs_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let design = "designs/aws-dev-test-one-location.json";

    // Any case of .html or .htm is a web page; .pdf is the PDF.
    for name in ["r.HTML", "r.htm", "r.Htm"] {
        let out = dir.path().join(name);
        let o = run(&["report", design, "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"<!DOCTYPE html>"), "{name}");
    }
    let out = dir.path().join("r.PDF");
    let o = run(&["report", design, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));

    // Another extension is refused before anything is written; the file there is kept.
    let existing = dir.path().join("report.txt");
    std::fs::write(&existing, b"previous notes").unwrap();
    let o = run(&["report", design, "-o", existing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("give a file name ending in .pdf, .html or .htm"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&existing).unwrap(), b"previous notes");

    // A missing folder or a folder as the output: a clear message, exit 3.
    let missing = dir.path().join("no/such/folder/r.html");
    let o = run(&["report", design, "-o", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("cannot write the report to"),
        "{}",
        stderr(&o)
    );
    let folder = dir.path().join("pages.html");
    std::fs::create_dir(&folder).unwrap();
    let o = run(&["report", design, "-o", folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("it is a folder"), "{}", stderr(&o));

    // An existing page is replaced whole or not at all: a failed run leaves it alone.
    let kept = dir.path().join("keep.html");
    std::fs::write(&kept, b"previous page").unwrap();
    let malformed = dir.path().join("bad.json");
    std::fs::write(&malformed, "{ \"format\": \"linkwright-design\", ").unwrap();
    let o = run(&[
        "report",
        malformed.to_str().unwrap(),
        "-o",
        kept.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.json"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&kept).unwrap(), b"previous page");
}

#[test]
fn a_large_design_gets_the_summaries_and_a_drawing_only_while_a_page_can_hold_it() {
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
        (design.nodes.len(), report::html::render(&doc).unwrap())
    };
    // 1,200 nodes: drawn whole, one group per node; the summarised bill still cites its notes.
    let (nodes, html) = render(1_000);
    let doc = parse(&html);
    let drawn = doc
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("node-")))
        .count();
    assert_eq!(drawn, nodes);
    let bill = text_of(by_id(&doc, "sec-bill-of-materials").unwrap());
    assert!(
        bill.contains("lines in the bill of materials"),
        "summarised: {bill}"
    );
    let cites: Vec<&str> = by_id(&doc, "sec-bill-of-materials")
        .unwrap()
        .descendants()
        .filter(|n| n.tag_name().name() == "a")
        .filter_map(|a| a.attribute("href"))
        .collect();
    assert!(!cites.is_empty());
    assert!(cites.iter().all(|h| by_id(&doc, &h[1..]).is_some()));
    // Measured 1.6 MB, nearly all of it the drawing.
    assert!(html.len() < 2_500_000, "{} bytes", html.len());

    // Past the drawing's bound the page says where the drawing is and stays small.
    let (nodes, html) = render(2_100);
    assert!(nodes > 2_500, "{nodes}");
    let doc = parse(&html);
    let topology = by_id(&doc, "sec-topology").unwrap();
    assert!(!topology.descendants().any(|n| n.tag_name().name() == "svg"));
    assert!(text_of(topology).contains("too many to draw legibly on a web page"));
    assert!(html.len() < 300_000, "{} bytes", html.len());
}

/// The PDF's break-even chart and the summary's sketch are on the page too: a line per plan
/// with the break-even marked, and the topology again, small, under the verdict.
#[test]
fn the_break_even_and_the_summary_sketch_are_drawn_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let html = report(
        "designs/dual-cloud-ashburn-chicago.json",
        &dir.path().join("lines.html"),
        &[],
    );
    let doc = parse(&html);
    let chart = elements(&doc, "figure")
        .find(|f| f.attribute("class") == Some("lines"))
        .expect("the break-even chart");
    let lines = chart
        .descendants()
        .filter(|n| n.tag_name().name() == "polyline")
        .count();
    assert_eq!(lines, 2, "metered and unlimited");
    assert!(
        text_of(chart).contains("Break-even: 210,560 GB"),
        "{}",
        text_of(chart)
    );
    let summary = by_id(&doc, "sec-executive-summary").expect("the summary");
    let sketch = summary
        .descendants()
        .find(|n| n.attribute("class") == Some("sketch"))
        .expect("the sketch");
    let design =
        linkwright::design_file::load(Path::new("designs/dual-cloud-ashburn-chicago.json"))
            .unwrap();
    let drawn = sketch
        .descendants()
        .filter(|n| {
            n.attribute("id")
                .is_some_and(|id| id.starts_with("sketch-node-"))
        })
        .count();
    assert_eq!(drawn, design.nodes.len());
}

//! `linkwright prices import/show` and `linkwright cost` as a user runs them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .args(args)
        .current_dir(root())
        // Never touch the real user's price book.
        .env(
            "LINKWRIGHT_PRICE_BOOK",
            "/nonexistent/linkwright-test-book.json",
        )
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures/prices")
        .join(name)
        .display()
        .to_string()
}

fn import(book: &Path, what: &str) -> Output {
    run(&[
        "--price-book",
        book.to_str().unwrap(),
        "prices",
        "import",
        what,
    ])
}

#[test]
fn azure_retail_page_imports_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    let out = import(&book, &fixture("azure_retail_page.json"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("4 added, 0 replaced, 0 unchanged, 2 ignored"),
        "{text}"
    );
    assert!(
        text.contains("added: azure:test-meter-circuit-1g:Zone 1 = 123.45 per month"),
        "{text}"
    );
    assert!(
        text.contains(
            "ignored: Virtual WAN / ExpressRoute Scale Unit [westeurope]: not an ExpressRoute meter"
        ),
        "{text}"
    );
    assert!(text.contains("meter not used by linkwright"), "{text}");

    // Again: nothing new.
    let again = stdout(&import(&book, &fixture("azure_retail_page.json")));
    assert!(
        again.contains("0 added, 0 replaced, 4 unchanged"),
        "{again}"
    );

    // The imported prices now price the design's circuits, with their provenance.
    let cost = run(&[
        "--price-book",
        book.to_str().unwrap(),
        "cost",
        "--format",
        "json",
        "designs/dual-cloud-ashburn-chicago.json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&cost)).unwrap();
    let items = v["cost"]["items"].as_array().unwrap();
    let er = items
        .iter()
        .find(|i| i["element"] == "er-dc2" && i["meter"] == "azure.er.circuit")
        .unwrap();
    assert_eq!(er["monthly"], "123.45");
    assert_eq!(er["provenance"]["layer"], "user_book");
    assert_eq!(er["provenance"]["source"], "Azure Retail Prices API");
    let egress = items
        .iter()
        .find(|i| i["element"] == "er-dc2" && i["meter"] == "azure.er.egress")
        .unwrap();
    assert_eq!(egress["unit_price"], "0.0123");
}

#[test]
fn aws_offer_file_imports_ports_and_transfer() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    let out = import(&book, &fixture("aws_dx_offer.json"));
    let text = stdout(&out);
    assert!(
        text.contains("4 added, 0 replaced, 0 unchanged, 1 ignored"),
        "{text}"
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&book).unwrap()).unwrap();
    let prices = saved["prices"].as_array().unwrap();
    let jp = prices
        .iter()
        .find(|p| p["id"] == "aws:APN1-EqTY2-PortUsage:10G")
        .unwrap();
    assert_eq!(jp["dims"]["location_group"], "japan");
    assert_eq!(jp["usd"], "2.20");
    let dto = prices
        .iter()
        .find(|p| p["meter"] == "aws.dx.data_transfer_out")
        .unwrap();
    assert_eq!(dto["dims"]["from_region"], "us-east-1");
    assert_eq!(dto["dims"]["dx_location"], "EQDC2");

    // The user book beats the catalog: 1 Gbps at EQDC2 now costs 730 x 0.31.
    let d = root().join("designs/aws-dev-test-one-location.json");
    let show = stdout(&run(&[
        "--price-book",
        book.to_str().unwrap(),
        "prices",
        "show",
        "--filter",
        "PortUsage:1G",
    ]));
    assert!(show.contains("user") && show.contains("0.31"), "{show}");
    let _ = d;
}

#[test]
fn malformed_pages_are_refused_and_nothing_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    for bad in ["malformed_syntax.json", "malformed_items.json"] {
        let out = import(&book, &fixture(bad));
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(bad) && err.contains("not a price page"),
            "{err}"
        );
        assert!(!book.exists(), "nothing written after a malformed page");
    }
    // A folder with a good and a bad page: nothing merged either.
    let folder = dir.path().join("pages");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("azure_retail_page.json"), folder.join("a.json")).unwrap();
    std::fs::copy(fixture("malformed_items.json"), folder.join("b.json")).unwrap();
    assert_eq!(
        import(&book, folder.to_str().unwrap()).status.code(),
        Some(2)
    );
    assert!(!book.exists());
    std::fs::remove_file(folder.join("b.json")).unwrap();
    let ok = import(&book, folder.to_str().unwrap());
    assert!(stdout(&ok).contains("4 added"), "{}", stdout(&ok));
    // An unrelated JSON file is refused with a clear message.
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"hello\": 1}").unwrap();
    let out = import(&book, other.to_str().unwrap());
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither an Azure Retail Prices page"));
}

#[test]
fn retail_api_gateway_rows_import_without_ignoring_a_usable_row() {
    // azure-er-prices.md S1: 97 raw Retail API items (14 regions x 7 gateway meters, no ErGwScale
    // row in mexicocentral), among them "Ultra High Performance Gateway".
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    let out = import(&book, &fixture("azure_retail_expressroute_gateways.json"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("97 added, 0 replaced, 0 unchanged, 0 ignored"),
        "{text}"
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&book).unwrap()).unwrap();
    let prices = saved["prices"].as_array().unwrap();
    let count = |sku: &str| prices.iter().filter(|p| p["dims"]["sku"] == sku).count();
    for sku in [
        "standard",
        "high_performance",
        "ultra_performance",
        "er_gw1_az",
        "er_gw2_az",
        "er_gw3_az",
    ] {
        assert_eq!(count(sku), 14, "{sku}");
    }
    assert_eq!(count("er_gw_scale"), 13);
    let ultra = prices
        .iter()
        .find(|p| p["dims"]["sku"] == "ultra_performance" && p["dims"]["region"] == "westeurope")
        .unwrap();
    assert_eq!(ultra["usd"], "1.87");
    assert_eq!(ultra["unit"], "hour");
}

#[test]
fn prices_show_says_secondary_source() {
    let out = run(&["prices", "show", "--filter", "AZ-ER-STD-MET-1G-Z1"]);
    let text = stdout(&out);
    assert!(
        text.contains("azure.er.circuit")
            && text.contains("436.00")
            && text.contains("[secondary source]"),
        "{text}"
    );
    // The known gaps are listed with their reason.
    let text = stdout(&run(&[
        "prices",
        "show",
        "--filter",
        "azure.er.metro_circuit",
    ]));
    assert!(
        text.starts_with("gap") && text.contains("unpriced: ExpressRoute Metro prices"),
        "{text}"
    );
}

#[test]
fn prices_show_lists_provenance() {
    let out = run(&["prices", "show", "--filter", "DX-PORT-DED-1G"]);
    let text = stdout(&out);
    assert!(
        text.contains("catalog")
            && text.contains("aws.dx.port.dedicated")
            && text.contains("DX-PRICE 2026-09-20 [OFF-copy]"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "1G and its Japan variant: {text}");
}

#[test]
fn cost_formats_and_compare() {
    let text = stdout(&run(&["cost", "designs/aws-dev-test-one-location.json"]));
    assert!(text.contains("730-hour month"), "{text}");
    assert!(text.contains("Total: $2,408.00 monthly, $28,896.00 annual, $86,688.00 over 3 years — excludes 3 unpriced"), "{text}");

    let csv = stdout(&run(&[
        "cost",
        "--format",
        "csv",
        "designs/aws-dev-test-one-location.json",
    ]));
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("element,category,biller,site,meter")
    );
    assert!(
        csv.contains("dx-dub-a,Direct Connect ports,AWS,,aws.dx.port.dedicated,"),
        "{csv}"
    );
    assert!(csv.contains(",219.00,"), "{csv}");

    let cmp = stdout(&run(&[
        "cost",
        "--compare",
        "designs/dual-cloud-ashburn-chicago.json",
        "designs/aws-dev-test-one-location.json",
    ]));
    assert!(
        cmp.contains("Direct Connect ports") && cmp.contains("Total"),
        "{cmp}"
    );
    let json = stdout(&run(&[
        "cost",
        "--format",
        "json",
        "--compare",
        "designs/dual-cloud-ashburn-chicago.json",
        "designs/aws-dev-test-one-location.json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a: f64 = v["total"]["a"].as_str().unwrap().parse().unwrap();
    let b: f64 = v["total"]["b"].as_str().unwrap().parse().unwrap();
    let diff: f64 = v["total"]["difference"].as_str().unwrap().parse().unwrap();
    assert!((b - a - diff).abs() < 1e-9);

    assert_eq!(run(&["cost", "no-such.json"]).status.code(), Some(2));
    assert_eq!(
        run(&[
            "cost",
            "--hours-per-month",
            "0",
            "designs/flawed-design.json"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn concurrent_imports_into_one_book_both_land() {
    // #12 item 4: two runs at once used to lose one run's entries and both report success.
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("prices.json");
        let spawn = |page: &str| {
            Command::new(env!("CARGO_BIN_EXE_linkwright"))
                .args(["--price-book", book.to_str().unwrap(), "prices", "import"])
                .arg(fixture(page))
                .current_dir(root())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("binary runs")
        };
        let azure = spawn("azure_retail_page.json");
        let aws = spawn("aws_dx_offer.json");
        for child in [azure, aws] {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(stdout(&out).contains("4 added"), "{}", stdout(&out));
        }
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&book).unwrap()).unwrap();
        let ids: Vec<&str> = saved["prices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 8, "round {round}: {ids:?}");
        assert!(
            ids.contains(&"azure:test-meter-circuit-1g:Zone 1"),
            "{ids:?}"
        );
        assert!(ids.contains(&"aws:APN1-EqTY2-PortUsage:10G"), "{ids:?}");
        // The lock lives beside the book, not in it.
        assert!(dir.path().join("prices.json.lock").exists());
    }
}

/// Import `page` into a fresh book: (exit code, stdout, stderr, whether the book was written).
fn import_fresh(page: &str) -> (Option<i32>, String, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    let out = import(&book, page);
    (
        out.status.code(),
        stdout(&out),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        book.exists(),
    )
}

/// No Rust type names or serde jargon reach the user.
fn assert_plain_words(err: &str) {
    for jargon in [
        "AzureItem",
        "AzurePage",
        "AwsOffer",
        "struct ",
        "serde",
        "::",
    ] {
        assert!(!err.contains(jargon), "{jargon} in: {err}");
    }
}

#[test]
fn a_negative_price_refuses_the_page_and_names_the_item() {
    let (code, _, err, written) = import_fresh(&fixture("azure_negative_price.json"));
    assert_eq!(code, Some(2), "{err}");
    assert!(!written, "nothing merged");
    assert!(
        err.contains("azure_negative_price.json:4:5:")
            && err.contains("item 1 (counting from 0")
            && err.contains("Metered Data - Data Transfer Out")
            && err.contains("refused")
            && err.contains("negative price (-0.05)"),
        "{err}"
    );
    assert_plain_words(&err);
    // The clean twin imports.
    let (code, out, err, _) = import_fresh(&fixture("azure_negative_price_clean.json"));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("2 added"), "{out}");
}

#[test]
fn a_negative_aws_price_refuses_the_offer_file() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string(fixture("aws_dx_offer.json")).unwrap();
    let negative = dir.path().join("aws_negative.json");
    std::fs::write(
        &negative,
        clean.replacen("\"0.3100000000\"", "\"-0.31\"", 1),
    )
    .unwrap();
    let (code, _, err, written) = import_fresh(negative.to_str().unwrap());
    assert_eq!(code, Some(2), "{err}");
    assert!(!written);
    assert!(
        err.contains("product \"SKUPORT1G\"") && err.contains("negative price (-0.31 USD)"),
        "{err}"
    );
}

#[test]
fn a_page_in_another_currency_is_refused_saying_which() {
    // A page requested in EUR says so once, at page level; its items carry no currency.
    let (code, _, err, written) = import_fresh(&fixture("azure_page_in_eur.json"));
    assert_eq!(code, Some(2), "{err}");
    assert!(!written, "nothing merged");
    assert!(
        err.contains("azure_page_in_eur.json:2:3:")
            && err.contains("priced in EUR (\"CurrencyCode\")")
            && err.contains("USD prices only"),
        "{err}"
    );
    assert_plain_words(&err);
    let (code, out, err, _) = import_fresh(&fixture("azure_page_in_eur_clean.json"));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("2 added"), "{out}");

    // One item in EUR in a USD page: refused too, naming the item.
    let (code, _, err, written) = import_fresh(&fixture("azure_item_in_eur.json"));
    assert_eq!(code, Some(2), "{err}");
    assert!(!written);
    assert!(
        err.contains("azure_item_in_eur.json:4:5:")
            && err.contains("item 1 (counting from 0")
            && err.contains("priced in EUR (\"currencyCode\")"),
        "{err}"
    );
}

#[test]
fn the_same_meter_twice_in_a_page_is_reported_and_the_first_kept() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    let out = import(&book, &fixture("azure_duplicate_meter.json"));
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("2 added, 0 replaced, 0 unchanged, 0 ignored, 1 duplicate")
            && text.contains(
                "duplicate: azure:t-egress:Zone 1: items 1 and 2 (counting from 0) price the same meter and region; kept item 1"
            ),
        "{text}"
    );
    let saved = std::fs::read_to_string(&book).unwrap();
    assert!(
        saved.contains("\"0.05\"") && !saved.contains("\"0.04\""),
        "{saved}"
    );
    // The clean twin (the second egress price in another zone): no duplicate.
    let (code, out, err, _) = import_fresh(&fixture("azure_duplicate_meter_clean.json"));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("3 added, 0 replaced, 0 unchanged, 0 ignored\n") && !out.contains("duplicate"),
        "{out}"
    );
}

#[test]
fn a_wrong_value_in_a_page_is_located_in_plain_words() {
    let (code, _, err, written) = import_fresh(&fixture("azure_item_price_as_text.json"));
    assert_eq!(code, Some(2), "{err}");
    assert!(!written, "nothing merged");
    assert!(
        err.contains("azure_item_price_as_text.json:4:")
            && err.contains("at \"Items\", item 1 (counting from 0), \"retailPrice\"")
            && err.contains("expected a JSON number"),
        "{err}"
    );
    assert!(!err.contains(":1:1:"), "{err}");
    assert_plain_words(&err);
    // The clean twin is the negative-price fixture's clean twin.
    let (code, _, err, _) = import_fresh(&fixture("azure_negative_price_clean.json"));
    assert_eq!(code, Some(0), "{err}");
}

/// #12 item 7: a bandwidth in a meter name beyond the design bound (10 Tbps) is reported as not
/// understood, never multiplied into a wrapped number.
#[test]
fn an_absurd_bandwidth_in_a_meter_name_is_ignored_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(fixture("azure_negative_price_clean.json"))
        .unwrap()
        .replace("Data 1 Gbps Circuit", "Data 99999999999999999 Gbps Circuit");
    let file = dir.path().join("absurd.json");
    std::fs::write(&file, page).unwrap();
    let (code, out, err, _) = import_fresh(file.to_str().unwrap());
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 added"), "{out}");
    assert!(out.contains("bandwidth not understood"), "{out}");
}

//! `linkwright cost` and `linkwright prices`.

use super::exit;
use crate::catalog::Catalog;
use crate::costing::{self, Costing, Options, UserBook, book, import};
use crate::model::{Design, Usd};
use anyhow::Context as _;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CostFormat {
    Text,
    Json,
    Csv,
}

pub use crate::model::dollars;

/// What prices a design: the catalog (with any overlay) and the user's price book.
#[derive(Clone, Copy)]
pub struct Prices<'a> {
    pub catalog: &'a Catalog,
    pub user: &'a UserBook,
}

pub fn run_cost(
    file: &Path,
    compare: Option<&Path>,
    format: CostFormat,
    options: Options,
    Prices { catalog, user }: Prices<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    // One price book for the costing and the what-if.
    let book = costing::Book::new(catalog, user, &design);
    let a = {
        let intact = crate::resilience::egress_paths(&design, catalog);
        costing::cost_with_book(&design, catalog, &book, options, &intact)
    };
    // A large design's report is hundreds of thousands of lines: written through one buffer,
    // not a write per line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if let Some(other) = compare {
        let Some(design_b) = super::load_design(other, err)? else {
            return Ok(exit::UNREADABLE);
        };
        let b = costing::cost(&design_b, catalog, user, options);
        write_compare(&mut out, file, other, &a, &b, format)?;
        out.flush()?;
        return Ok(exit::OK);
    }
    // The what-if is written after the line items, each demand's options as they are found
    // (never the whole what-if in memory).
    let what_if = costing::whatif::Streamed {
        design: &design,
        catalog,
        book: &book,
        costing: &a,
        options,
    };
    match format {
        CostFormat::Json => {
            // Serialized as it is written, line item by line item (no JSON tree in memory);
            // the same document as a derived struct { file, cost, what_if } writes.
            use serde::ser::{SerializeMap, Serializer};
            let mut serializer = super::json_out::pretty(&mut out);
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("file", &file.display().to_string())?;
            map.serialize_entry("cost", &a)?;
            map.serialize_entry("what_if", &what_if)?;
            map.end()?;
            writeln!(out)?;
        }
        CostFormat::Csv => write_csv(&mut out, &a)?,
        CostFormat::Text => {
            write_text(&mut out, file, &a)?;
            write_what_if(&mut out, &what_if)?;
        }
    }
    out.flush()?;
    drop(book);
    crate::par::drop_in_background((design, a));
    Ok(exit::OK)
}

/// Lines of the text bill formatted per block of items: a large design's blocks are formatted
/// on every core a window at a time (the text of a window in memory, not the whole bill's) and
/// written in order.
fn write_items<W: Write>(out: &mut W, items: &[&costing::LineItem]) -> std::io::Result<()> {
    write_blocks(
        out,
        items,
        4096,
        ItemText::default,
        |text, block| {
            let mut buf = Vec::with_capacity(block.len() * 160);
            for &i in block {
                text.line(&mut buf, i);
            }
            buf
        },
        |out, t| out.write_all(t),
    )
}

/// The text of `items`, made a block of `block` items at a time by `make` with a state per
/// thread (from `init`): on every core when there are at least four blocks, a window of blocks
/// at a time (the text of a window in memory, never the whole output's), handed to `write` in
/// order.
fn write_blocks<'i, W: Write, T: Sync, S>(
    out: &mut W,
    items: &'i [T],
    block: usize,
    init: impl Fn() -> S + Sync,
    make: impl Fn(&mut S, &'i [T]) -> Vec<u8> + Sync,
    mut write: impl FnMut(&mut W, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let threads = if items.len() >= 4 * block {
        crate::par::threads()
    } else {
        1
    };
    let blocks: Vec<&'i [T]> = items.chunks(block).collect();
    for window in blocks.chunks(4 * threads) {
        let texts =
            crate::par::map_in_order(window.len(), threads, &init, |s, b| make(s, window[b]));
        for t in texts {
            write(out, &t)?;
        }
    }
    Ok(())
}

/// Formats one line of the text bill; keeps the text of the last provenance (consecutive lines
/// mostly share one).
#[derive(Default)]
struct ItemText {
    provenance: Option<(std::sync::Arc<costing::Provenance>, String)>,
    quantity: String,
}

impl ItemText {
    fn line(&mut self, buf: &mut Vec<u8>, i: &costing::LineItem) {
        // Writing into a Vec cannot fail.
        let _ = self.write(buf, i);
    }

    fn write(&mut self, buf: &mut Vec<u8>, i: &costing::LineItem) -> std::io::Result<()> {
        // As `write!(buf, "  {:<14} {:<30} ", ..)` pads, without the formatting machinery (a
        // large bill writes 800,000 lines).
        buf.extend_from_slice(b"  ");
        push_padded(buf, &i.element, 14);
        buf.push(b' ');
        push_padded(buf, &i.description, 30);
        buf.push(b' ');
        self.quantity.clear();
        i.push_quantity(&mut self.quantity);
        match (i.unit_price, i.monthly) {
            (Some(u), Some(m)) => {
                use std::fmt::Write as _;
                // Writing into a String cannot fail.
                let _ = write!(self.quantity, " × {u} = ");
                crate::model::push_dollars(&mut self.quantity, m);
                buf.extend_from_slice(self.quantity.as_bytes());
            }
            _ => {
                buf.extend_from_slice(self.quantity.as_bytes());
                buf.extend_from_slice(" — unpriced: ".as_bytes());
                buf.extend_from_slice(i.unpriced_reason.as_deref().unwrap_or("").as_bytes());
            }
        }
        if let Some(d) = i.discount {
            write!(buf, " (after {d} discount)")?;
        }
        if let Some(p) = &i.provenance {
            let text = match &self.provenance {
                Some((last, text)) if std::sync::Arc::ptr_eq(last, p) => text,
                _ => &self.provenance.insert((p.clone(), p.short())).1,
            };
            buf.extend_from_slice(b" [");
            buf.extend_from_slice(text.as_bytes());
            buf.push(b']');
        }
        buf.push(b'\n');
        Ok(())
    }
}

/// `text` left-aligned in `width` characters, as `{:<width}` pads: spaces up to `width`
/// characters (not bytes); nothing when it is as long or longer.
fn push_padded(buf: &mut Vec<u8>, text: &str, width: usize) {
    buf.extend_from_slice(text.as_bytes());
    // A character is at most 4 bytes: a text of 4 × width bytes has width characters.
    let chars = if text.len() >= 4 * width {
        width
    } else {
        text.chars().count()
    };
    buf.resize(buf.len() + width.saturating_sub(chars), b' ');
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_csv(out: &mut dyn Write, c: &Costing) -> std::io::Result<()> {
    writeln!(
        out,
        "element,category,biller,site,meter,description,quantity,unit,unit_price_usd,discount_percent,monthly_usd,provenance,unpriced_reason"
    )?;
    for i in &c.items {
        let unit = match i.unit {
            crate::model::PriceUnit::Hour => "hour",
            crate::model::PriceUnit::Month => "month",
            crate::model::PriceUnit::Gb => "GB",
        };
        let quantity = format!("{}.{:03}", i.quantity_milli / 1000, i.quantity_milli % 1000);
        let row = [
            i.element.to_string(),
            i.category.label().to_string(),
            i.biller.label().to_string(),
            i.site.as_deref().unwrap_or_default().to_string(),
            i.meter.to_string(),
            i.description.clone(),
            quantity,
            unit.to_string(),
            i.unit_price.map(|u| u.to_string()).unwrap_or_default(),
            i.discount
                .map(|d| d.to_string().trim_end_matches('%').to_string())
                .unwrap_or_default(),
            cents(i.monthly),
            i.provenance
                .as_ref()
                .map(|p| p.short())
                .unwrap_or_else(|| "unpriced".into()),
            i.unpriced_reason.as_deref().unwrap_or_default().to_string(),
        ];
        writeln!(
            out,
            "{}",
            row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(",")
        )?;
    }
    Ok(())
}

/// "1642.50" (plain, for CSV).
fn cents(amount: Option<Usd>) -> String {
    amount
        .map(|a| dollars(a).replace(['$', ','], ""))
        .unwrap_or_default()
}

fn write_text<W: Write>(out: &mut W, file: &Path, c: &Costing) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: cost estimate, USD list prices, {}-hour month",
        file.display(),
        c.hours_per_month
    )?;
    let mut billers: Vec<_> = c.items.iter().map(|i| i.biller).collect();
    billers.sort();
    billers.dedup();
    for biller in billers {
        writeln!(out)?;
        writeln!(out, "{}", biller.label())?;
        let items: Vec<&costing::LineItem> =
            c.items.iter().filter(|i| i.biller == biller).collect();
        write_items(out, &items)?;
    }
    writeln!(out)?;
    let excludes = if c.unpriced.is_empty() {
        String::new()
    } else {
        format!(
            " — excludes {}",
            crate::model::count(c.unpriced.len(), "unpriced item", "unpriced items")
        )
    };
    writeln!(
        out,
        "Total: {} monthly, {} annual, {} over 3 years{excludes}",
        dollars(c.totals.monthly),
        dollars(c.totals.annual),
        dollars(c.totals.three_year)
    )?;
    let biller = c.by_biller.iter().map(|(k, v)| (k.label().to_string(), *v));
    writeln!(out, "By cloud: {}", breakdown(biller))?;
    let category = c
        .by_category
        .iter()
        .map(|(k, v)| (k.label().to_string(), *v));
    writeln!(out, "By category: {}", breakdown(category))?;
    let site = c.by_site.iter().map(|(k, v)| (k.to_string(), *v));
    writeln!(out, "By site: {}", breakdown(site))?;
    writeln!(
        out,
        "Completeness: {} of {} priced",
        crate::costing::thousands(c.priced_items as u64),
        crate::model::count(c.items.len(), "item", "items")
    )?;
    // Hundreds of thousands of lines on a large design: made in blocks on every core.
    write_blocks(
        out,
        &c.unpriced,
        4096,
        || (),
        |(), block| {
            let mut buf = Vec::with_capacity(block.len() * 120);
            for u in block {
                for part in [
                    "  unpriced: ",
                    &u.element,
                    " ",
                    u.meter,
                    " — ",
                    &u.reason,
                    "\n",
                ] {
                    buf.extend_from_slice(part.as_bytes());
                }
            }
            buf
        },
        |out, t| out.write_all(t),
    )?;
    writeln!(out, "Egress rule: {}", c.egress_rule)
}

/// The what-if in text: metered vs unlimited per circuit, then the cheapest ways to serve each
/// demand, found and formatted a block of demands at a time on every core (a planner per
/// thread) and written in order.
fn write_what_if<W: Write>(
    out: &mut W,
    w: &costing::whatif::Streamed<'_, '_>,
) -> std::io::Result<()> {
    use costing::whatif::Planner;
    let new_planner = || Planner::new(w.design, w.catalog, w.book, w.options);
    let first_planner = new_planner();
    write_express_route(out, &first_planner.express_route(w.costing))?;
    let demands = &w.design.demands;
    if demands.is_empty() {
        return Ok(());
    }
    // A thread's planner serves every window: it is taken from the pool and put back after.
    let pool = std::sync::Mutex::new(vec![first_planner]);
    struct Pooled<'p, 'a, 'b> {
        planner: Option<Planner<'a, 'b>>,
        pool: &'p std::sync::Mutex<Vec<Planner<'a, 'b>>>,
    }
    impl Drop for Pooled<'_, '_, '_> {
        fn drop(&mut self) {
            if let (Some(p), Ok(mut pool)) = (self.planner.take(), self.pool.lock()) {
                pool.push(p);
            }
        }
    }
    let take = || Pooled {
        planner: Some(
            pool.lock()
                .ok()
                .and_then(|mut p| p.pop())
                .unwrap_or_else(new_planner),
        ),
        pool: &pool,
    };
    let mut first = true;
    write_blocks(
        out,
        demands,
        1024,
        take,
        |pooled, block| {
            let mut buf = Vec::with_capacity(block.len() * 400);
            // A pooled planner is taken out only when it is dropped.
            let planner = pooled.planner.get_or_insert_with(new_planner);
            for d in block {
                if let Some(options) = planner.options(d) {
                    // Writing into a Vec cannot fail.
                    let _ = write_demand_options(&mut buf, &options);
                }
            }
            buf
        },
        |out, t| {
            if t.is_empty() {
                return Ok(());
            }
            if std::mem::take(&mut first) {
                writeln!(out)?;
                writeln!(
                    out,
                    "What-if: cheapest way to serve each demand (bandwidth and target model)"
                )?;
            }
            out.write_all(t)
        },
    )
}

fn write_express_route<W: Write>(
    out: &mut W,
    circuits: &[costing::whatif::MeteredVsUnlimited],
) -> std::io::Result<()> {
    if circuits.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "What-if: ExpressRoute metered vs unlimited")?;
    for c in circuits {
        match (c.metered_monthly, c.unlimited_monthly, c.break_even_gb) {
            (Some(m), Some(u), Some(b)) => writeln!(
                out,
                "  {}: metered {} at {} GB/month, unlimited {}; unlimited is cheaper above {b} GB/month",
                c.circuit,
                dollars(m),
                c.egress_gb,
                dollars(u)
            )?,
            _ => writeln!(
                out,
                "  {}: cannot compare, missing: {}",
                c.circuit,
                c.missing.join("; ")
            )?,
        }
    }
    Ok(())
}

fn write_demand_options<W: Write>(
    out: &mut W,
    d: &costing::whatif::DemandOptions,
) -> std::io::Result<()> {
    use std::fmt::Write as _;
    // As `writeln!(out, "  {} ({}, target {target}):", ..)` and `"    {}. {} — {cost}: {}"` write
    // it, without the formatting machinery for the long texts (200,000 demands at 100,000
    // sites); one write per demand. Writing into a String cannot fail.
    let mut text = String::with_capacity(
        64 + d.demand.len()
            + d.options
                .iter()
                .map(|o| o.description.len() + o.reason.len() + 40)
                .sum::<usize>(),
    );
    text.push_str("  ");
    text.push_str(&d.demand);
    text.push_str(" (");
    text.push_str(&crate::model::mbps(d.required_mbps));
    text.push_str(", target ");
    match d.target {
        Some(t) => {
            let _ = write!(text, "{t:?}");
        }
        None => text.push_str("none"),
    }
    text.push_str("):\n");
    for (i, o) in d.options.iter().enumerate() {
        let _ = write!(text, "    {}. ", i + 1);
        text.push_str(&o.description);
        text.push_str(" — ");
        match o.monthly {
            Some(m) => {
                crate::model::push_dollars(&mut text, m);
                text.push_str("/month");
            }
            None => text.push_str("unpriced"),
        }
        text.push_str(": ");
        text.push_str(&o.reason);
        text.push('\n');
    }
    out.write_all(text.as_bytes())
}

fn write_compare(
    out: &mut dyn Write,
    a_file: &Path,
    b_file: &Path,
    a: &Costing,
    b: &Costing,
    format: CostFormat,
) -> std::io::Result<()> {
    let mut categories: Vec<_> = a
        .by_category
        .keys()
        .chain(b.by_category.keys())
        .copied()
        .collect();
    categories.sort();
    categories.dedup();
    let get = |c: &Costing, k| c.by_category.get(&k).copied().unwrap_or_default();
    // `None` (shown as "out of range", an empty CSV field, JSON null) when it does not fit.
    let diff = |x: Usd, y: Usd| y.checked_sub(x);
    match format {
        CostFormat::Json => {
            let rows: Vec<_> = categories
                .iter()
                .map(|&k| serde_json::json!({ "category": k, "a": get(a, k), "b": get(b, k), "difference": diff(get(a, k), get(b, k)) }))
                .collect();
            let doc = serde_json::json!({
                "a": a_file.display().to_string(), "b": b_file.display().to_string(),
                "categories": rows,
                "total": { "a": a.totals.monthly, "b": b.totals.monthly, "difference": diff(a.totals.monthly, b.totals.monthly) },
                "unpriced": { "a": a.unpriced.len(), "b": b.unpriced.len() },
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)
        }
        CostFormat::Csv => {
            writeln!(out, "category,a_monthly_usd,b_monthly_usd,difference_usd")?;
            for &k in &categories {
                writeln!(
                    out,
                    "{},{},{},{}",
                    csv_field(k.label()),
                    cents(Some(get(a, k))),
                    cents(Some(get(b, k))),
                    cents(diff(get(a, k), get(b, k)))
                )?;
            }
            writeln!(
                out,
                "Total,{},{},{}",
                cents(Some(a.totals.monthly)),
                cents(Some(b.totals.monthly)),
                cents(diff(a.totals.monthly, b.totals.monthly))
            )
        }
        CostFormat::Text => {
            writeln!(
                out,
                "A: {}   B: {}   (monthly, {}-hour month)",
                a_file.display(),
                b_file.display(),
                a.hours_per_month
            )?;
            for &k in &categories {
                writeln!(
                    out,
                    "  {:<34} {:>14} {:>14} {:>14}",
                    k.label(),
                    dollars(get(a, k)),
                    dollars(get(b, k)),
                    diff(get(a, k), get(b, k)).map_or_else(|| "out of range".into(), dollars)
                )?;
            }
            writeln!(
                out,
                "  {:<34} {:>14} {:>14} {:>14}",
                "Total",
                dollars(a.totals.monthly),
                dollars(b.totals.monthly),
                diff(a.totals.monthly, b.totals.monthly)
                    .map_or_else(|| "out of range".into(), dollars)
            )?;
            if !a.unpriced.is_empty() || !b.unpriced.is_empty() {
                writeln!(
                    out,
                    "  unpriced items: A {}, B {} (not in the totals)",
                    a.unpriced.len(),
                    b.unpriced.len()
                )?;
            }
            Ok(())
        }
    }
}

pub fn run_prices_show(
    filter: Option<&str>,
    catalog: &Catalog,
    user: &UserBook,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let empty = Design::default();
    let book = costing::Book::new(catalog, user, &empty);
    let needle = filter.map(str::to_lowercase);
    for (layer, e) in book.entries() {
        let dims = book::dims_text(&e.dims);
        let line = format!(
            "{:<7} {:<30} {:<28} {:<50} {:>10} per {:<5} {} {} [{}]",
            layer,
            e.id,
            e.meter,
            dims,
            e.usd.to_string(),
            e.unit,
            e.source,
            e.as_of,
            if e.confidence == book::SECONDARY {
                "secondary source"
            } else {
                e.confidence.as_str()
            }
        );
        if needle
            .as_deref()
            .is_none_or(|n| line.to_lowercase().contains(n))
        {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    // What the sources do not price, with the reason an unpriced line gives.
    for g in &catalog.prices.gaps {
        let line = format!(
            "{:<7} {:<30} {:<28} {:<50} unpriced: {}",
            "gap",
            "",
            g.meter,
            book::dims_text(&g.dims),
            g.reason
        );
        if needle
            .as_deref()
            .is_none_or(|n| line.to_lowercase().contains(n))
        {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(exit::OK)
}

/// How long `prices import` waits for another run holding the price book's lock.
const BOOK_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

pub fn run_prices_import(
    path: &Path,
    book_path: Option<&Path>,
    catalog: &Catalog,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let target = book_path
        .map(Path::to_path_buf)
        .or_else(book::default_user_book_path)
        .context(
            "no price book location: pass --price-book FILE (no HOME or XDG_CONFIG_HOME set)",
        )?;
    // Read, merge and write under the book's lock: a second run waits, then merges into what
    // this one wrote instead of overwriting it.
    let lock = book::BookLock::acquire(&target, BOOK_LOCK_WAIT)?;
    let mut book = UserBook::load(&target)?;
    let report = import::import(path, &mut book, catalog)?;
    book.save(&target)?;
    drop(lock);
    // One line per item of a page of thousands: through one buffer.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    writeln!(
        out,
        "price book {}: {} added, {} replaced, {} unchanged, {} ignored{}",
        target.display(),
        report.added.len(),
        report.replaced.len(),
        report.unchanged.len(),
        report.ignored.len(),
        match report.duplicates.len() {
            0 => String::new(),
            n => format!(", {n} duplicate{}", if n == 1 { "" } else { "s" }),
        }
    )?;
    for a in &report.added {
        writeln!(out, "  added: {a}")?;
    }
    for r in &report.replaced {
        writeln!(out, "  replaced: {r}")?;
    }
    for (item, why) in &report.ignored {
        writeln!(out, "  ignored: {item}: {why}")?;
    }
    for d in &report.duplicates {
        writeln!(out, "  duplicate: {d}")?;
    }
    out.flush()?;
    Ok(exit::OK)
}

/// "name $amount; name $amount" for one breakdown of the totals.
fn breakdown(items: impl Iterator<Item = (String, Usd)>) -> String {
    items
        .map(|(name, usd)| format!("{name} {}", dollars(usd)))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture_design::catalog;

    /// The what-if as written (found and formatted a block at a time, on every core once there
    /// are enough demands) reads as the whole what-if formatted in one pass, and its JSON is the
    /// whole what-if's.
    #[test]
    fn the_streamed_what_if_is_the_whole_what_if() {
        let user = UserBook::empty();
        for sites in [40, 2_500] {
            let design = crate::generate::generate(sites, 1, catalog());
            // Above 4 blocks of demands the text is found on several threads.
            assert_eq!(design.demands.len() >= 4096, sites == 2_500);
            let book = costing::Book::new(catalog(), &user, &design);
            let options = Options::default();
            let c = costing::cost_with_book(
                &design,
                catalog(),
                &book,
                options,
                &crate::resilience::egress_paths(&design, catalog()),
            );
            let streamed = costing::whatif::Streamed {
                design: &design,
                catalog: catalog(),
                book: &book,
                costing: &c,
                options,
            };
            let whole = costing::whatif::what_if(&design, catalog(), &book, &c, options);
            let mut expected = Vec::new();
            write_express_route(&mut expected, &whole.express_route).unwrap();
            writeln!(expected).unwrap();
            writeln!(
                expected,
                "What-if: cheapest way to serve each demand (bandwidth and target model)"
            )
            .unwrap();
            for d in &whole.demands {
                write_demand_options(&mut expected, d).unwrap();
            }
            let mut written = Vec::new();
            write_what_if(&mut written, &streamed).unwrap();
            assert!(whole.demands.len() >= 2 * sites && !whole.express_route.is_empty());
            assert_eq!(
                String::from_utf8(written).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{sites} sites"
            );
            assert_eq!(
                serde_json::to_value(&streamed).unwrap(),
                serde_json::to_value(&whole).unwrap(),
                "{sites} sites"
            );
        }
    }

    /// The bill's columns pad as `{:<width}` does: by characters, not bytes, and not at all
    /// past the width.
    #[test]
    fn padding_counts_characters_as_format_does() {
        for text in [
            "",
            "er-1",
            "dx-0-1-longer-than",
            "ER → Chicago",
            "§§§§§§§§§§§§§§§",
            "x".repeat(60).as_str(),
        ] {
            for width in [0, 1, 4, 14, 30] {
                let mut buf = Vec::new();
                push_padded(&mut buf, text, width);
                assert_eq!(String::from_utf8(buf).unwrap(), format!("{text:<width$}"));
            }
        }
    }

    /// Without demands the what-if says nothing of them: no heading over an empty list.
    #[test]
    fn a_design_without_demands_gets_no_demand_what_if() {
        let user = UserBook::empty();
        let mut design = crate::generate::generate(10, 1, catalog());
        design.demands.clear();
        let book = costing::Book::new(catalog(), &user, &design);
        let c = costing::cost(&design, catalog(), &user, Options::default());
        let streamed = costing::whatif::Streamed {
            design: &design,
            catalog: catalog(),
            book: &book,
            costing: &c,
            options: Options::default(),
        };
        let mut written = Vec::new();
        write_what_if(&mut written, &streamed).unwrap();
        let text = String::from_utf8(written).unwrap();
        assert!(
            text.contains("What-if: ExpressRoute metered vs unlimited"),
            "{text}"
        );
        assert!(!text.contains("cheapest way"), "{text}");
        let json = serde_json::to_value(&streamed).unwrap();
        assert_eq!(json["demands"], serde_json::json!([]));
    }
}

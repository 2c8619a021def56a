//! The options page (`report A.json --compare B.json`): the designs side by side — what each
//! costs, which demands each serves at its resilience target, what blocks it — and which one to
//! choose. The choice stakeholders actually make.

use super::*;

/// The title of the options page.
pub const SECTION_OPTIONS: &str = "Options compared";

/// One design offered as an option, with its analyses.
pub struct Alternative<'a> {
    /// How the page names it: the design's name, or its file's.
    pub label: String,
    pub design: &'a Design,
    pub analyses: &'a Analyses,
}

/// What the page compares of one option.
struct Facts {
    monthly: Usd,
    three_year: Usd,
    unpriced: usize,
    errors: usize,
    warnings: usize,
    demands: usize,
    /// Demands that miss their resilience target (RES003 subjects).
    missed: usize,
}

impl Facts {
    fn of(a: &Alternative<'_>) -> Facts {
        let findings = &a.analyses.findings;
        let missed = below_target(a.design, a.analyses);
        let count = |s: Severity| findings.active().filter(|f| f.severity == s).count();
        let cost = &a.analyses.cost;
        Facts {
            monthly: cost.totals.monthly,
            three_year: cost.totals.three_year,
            unpriced: cost.unpriced.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            demands: a.design.demands.len(),
            missed: missed.len(),
        }
    }

    /// Buildable as drawn and every demand at its target.
    fn meets_everything(&self) -> bool {
        self.errors == 0 && self.missed == 0
    }
}

/// Option letters: A for the report's own design, then B, C, …
fn letter(i: usize) -> String {
    char::from_u32(u32::from(b'A') + i as u32).map_or_else(|| format!("#{}", i + 1), String::from)
}

/// The options section: a table of the options' figures, the resilience each achieves per
/// demand, and the recommendation.
pub(super) fn options_section(options: &[Alternative<'_>]) -> Section {
    let facts: Vec<Facts> = options.iter().map(Facts::of).collect();
    let mut blocks = vec![Block::Paragraph(format!(
        "{} options compared: {}.",
        options.len(),
        options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{} “{}”", letter(i), o.label))
            .collect::<Vec<_>>()
            .join(", ")
    ))];
    blocks.push(Block::Heading("Recommendation".into()));
    blocks.push(Block::Paragraph(recommendation(options, &facts)));

    let mut columns: Vec<(String, f32, Align)> = vec![("".into(), 2.2, Align::Left)];
    columns
        .extend((0..options.len()).map(|i| (format!("Option {}", letter(i)), 1.5, Align::Right)));
    let spec: Vec<(&str, f32, Align)> = columns
        .iter()
        .map(|(t, w, a)| (t.as_str(), *w, *a))
        .collect();
    let mut t = Table::new(&spec);
    let row = |label: &str, cell: &dyn Fn(&Facts) -> String| -> Vec<String> {
        std::iter::once(label.to_string())
            .chain(facts.iter().map(cell))
            .collect()
    };
    t.body(row("Monthly", &|f| dollars(f.monthly)));
    t.body(row("Over three years", &|f| dollars(f.three_year)));
    t.body(row("Unpriced items (not in the totals)", &|f| {
        number(f.unpriced)
    }));
    t.body(row("Demands at their resilience target", &|f| {
        format!("{} of {}", number(f.demands - f.missed), number(f.demands))
    }));
    t.body(row("Errors (block building as drawn)", &|f| {
        number(f.errors)
    }));
    t.body(row("Warnings", &|f| number(f.warnings)));
    blocks.push(Block::Table(t));

    blocks.push(Block::Heading("Resilience achieved per demand".into()));
    blocks.push(Block::Table(per_demand(options, &spec)));
    blocks.push(Block::Note(
        "Demands are matched across options by their site's and region's names and their rate. “—”: the option has no such demand."
            .into(),
    ));
    Section {
        title: SECTION_OPTIONS.into(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

/// The option to choose: the cheapest of those buildable with every demand at its target;
/// without one, the option closest to it (fewest missed targets, then fewest errors), then the
/// cheapest.
fn recommendation(options: &[Alternative<'_>], facts: &[Facts]) -> String {
    let complete: Vec<usize> = (0..options.len())
        .filter(|&i| facts[i].meets_everything())
        .collect();
    let name = |i: usize| format!("option {} (“{}”)", letter(i), options[i].label);
    if let Some(&best) = complete.iter().min_by_key(|&&i| (facts[i].monthly, i)) {
        let others: Vec<String> = complete
            .iter()
            .filter(|&&i| i != best)
            .filter_map(|&i| {
                let more = facts[i].monthly.checked_sub(facts[best].monthly)?;
                Some(format!("{} costs {} a month more", name(i), dollars(more)))
            })
            .collect();
        let unpriced = if facts[best].unpriced > 0 {
            format!(
                " Its total leaves out {}.",
                count(facts[best].unpriced, "unpriced item", "unpriced items")
            )
        } else {
            String::new()
        };
        let also = if others.is_empty() {
            String::new()
        } else {
            format!(" Also complete: {}.", join(&others))
        };
        format!(
            "Choose {}: it can be built as drawn, every demand meets its resilience target, and it is the cheapest that does, at {} a month.{also}{unpriced}",
            name(best),
            dollars(facts[best].monthly)
        )
    } else {
        let Some(closest) = (0..options.len())
            .min_by_key(|&i| (facts[i].missed, facts[i].errors, facts[i].monthly, i))
        else {
            return "No options to compare.".into();
        };
        let f = &facts[closest];
        format!(
            "No option can be built as drawn with every demand at its resilience target. The closest is {}: {} below target and {} to fix, at {} a month.",
            name(closest),
            count(f.missed, "demand", "demands"),
            count(f.errors, "error", "errors"),
            dollars(f.monthly)
        )
    }
}

fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One row per demand (matched by its site's and region's names), the model each option
/// achieves against the target.
fn per_demand(options: &[Alternative<'_>], spec: &[(&str, f32, Align)]) -> Table {
    let mut spec = spec.to_vec();
    spec[0].0 = "Demand (target)";
    let mut t = Table::new(&spec);
    // (site name, region name, required rate, how many before it alike) -> per option the
    // model the demand achieves, marked when below its target.
    type Key = (String, String, u64, usize);
    let mut rows: BTreeMap<Key, Vec<Option<Cell>>> = BTreeMap::new();
    let mut targets: BTreeMap<Key, String> = BTreeMap::new();
    for (i, o) in options.iter().enumerate() {
        let names = Names::new(o.design);
        let missed = below_target(o.design, o.analyses);
        let mut seen: BTreeMap<(String, String, u64), usize> = BTreeMap::new();
        for d in &o.analyses.resilience.demands {
            let alike = (
                names.element(d.site.as_str()),
                names.element(d.region.as_str()),
                d.required_mbps,
            );
            let n = seen.entry(alike.clone()).or_default();
            let key = (alike.0, alike.1, alike.2, *n);
            *n += 1;
            let target = o
                .design
                .demands
                .iter()
                .find(|x| x.id.as_str() == d.demand.as_str())
                .and_then(|x| x.target_resiliency)
                .map_or("no target".to_string(), |t| format!("{t:?}"));
            targets.entry(key.clone()).or_insert(target);
            let kind = d.model.kind;
            let text = if missed.contains(d.demand.as_str()) {
                format!("{} (below target)", kind.label())
            } else {
                kind.label().to_string()
            };
            rows.entry(key).or_insert_with(|| vec![None; options.len()])[i] =
                Some(Cell::badge(text, model_rgb(kind)));
        }
    }
    if rows.len() > FULL_TABLE_ROWS {
        t.body(
            std::iter::once(format!(
                "{} demands: too many to list side by side; each design's own report lists its demands",
                number(rows.len())
            ))
            .chain((0..options.len()).map(|_| String::new()))
            .collect(),
        );
        return t;
    }
    for (key, cells) in rows {
        let target = targets.get(&key).cloned().unwrap_or_default();
        let mut row = vec![Cell::text(format!(
            "{} to {} ({}, {target})",
            key.0,
            key.1,
            mbps(key.2)
        ))];
        row.extend(
            cells
                .into_iter()
                .map(|c| c.unwrap_or_else(|| Cell::text("—"))),
        );
        t.row(RowKind::Body, row);
    }
    t
}

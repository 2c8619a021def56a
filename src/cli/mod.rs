//! The command-line face: parses arguments and prints what the core answers. anyhow lives
//! here and in main/gui only.

mod check;
mod check_formats;
pub mod diagram;
pub mod diff;
pub mod export;
pub mod import;
mod json_out;
pub mod cost;
pub mod layout;
pub mod report;
pub mod resilience;
pub mod rules;
pub mod terminal;

use crate::catalog::Catalog;
use crate::costing::UserBook;
use crate::rules::{RULES, Severity};
use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "linkwright",
    version,
    about = "Designer for hybrid-cloud interconnects (Azure ExpressRoute, AWS Direct Connect)"
)]
pub struct Cli {
    /// Catalog file laid over the built-in catalog (same shape as assets/catalog/*.json lists).
    #[arg(long, global = true, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// The user's price book (default: $LINKWRIGHT_PRICE_BOOK, else
    /// $XDG_CONFIG_HOME/linkwright/prices.json, else ~/.config/linkwright/prices.json).
    #[arg(long, global = true, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate design files against the clouds' rules.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Text)]
        format: check::CheckFormat,
        /// Show only findings at or above this severity.
        #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
        min_severity: MinSeverity,
        /// Under each finding whose rule offers one, the fix in plain words (in JSON: `"fix":
        /// {"label": ...}`). The designer's Problems tab applies them.
        #[arg(long)]
        fixes: bool,
        /// Apply every fix offered at or above --min-severity (accepted risks are left alone),
        /// write each design back in place (atomically, in the saved layout), then check what
        /// is left. What was changed goes to standard error.
        #[arg(long)]
        fix: bool,
    },
    /// Failure analysis: per demand the resiliency model, SLA target, intact capacity, worst
    /// single failure and single points of failure; per Azure gateway the resiliency index.
    Resilience {
        file: PathBuf,
        /// 1 = every single failure (N-1); 2 = also every pair of failures (N-2).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        depth: u8,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Itemised monthly cost with provenance; totals monthly, annual and over 3 years.
    Cost {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = cost::CostFormat::Text)]
        format: cost::CostFormat,
        /// Compare with another design: per-category and total difference (B - A).
        #[arg(long, value_name = "OTHER_FILE")]
        compare: Option<PathBuf>,
        /// Hours in a billing month.
        #[arg(long, default_value_t = crate::costing::DEFAULT_HOURS_PER_MONTH, value_parser = clap::value_parser!(u64).range(1..=744))]
        hours_per_month: u64,
    },
    /// What changed from one design to another, for review: elements added, removed and
    /// changed (with their fields), findings new and resolved, cost by category and resilience
    /// per demand before and after. `--format markdown` is ready to post on a pull request.
    Diff {
        /// The design as it was (e.g. the base branch's file).
        before: PathBuf,
        /// The design as it is now.
        after: PathBuf,
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
        /// Hours in a billing month.
        #[arg(long, default_value_t = crate::costing::DEFAULT_HOURS_PER_MONTH, value_parser = clap::value_parser!(u64).range(1..=744))]
        hours_per_month: u64,
    },
    /// Write the costed report, as a PDF or as one web page (by the output's extension): cover
    /// with headline figures, executive summary, topology diagram, bill of materials,
    /// resilience, findings and accepted risks, assumptions.
    Report {
        file: PathBuf,
        /// The report to write, replaced atomically: a .pdf, or a .html/.htm page (inline
        /// styles and drawings, no scripts, nothing fetched).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The paper size: the PDF's pages, the web page's when printed.
        #[arg(long, value_enum, default_value_t = report::PaperArg::A4)]
        paper: report::PaperArg,
        /// The date printed on the report (default: today, UTC). Fixing it makes the output
        /// byte-identical from run to run.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = report::parse_date)]
        date: Option<String>,
        /// Another design to compare with as an option (repeatable): adds an options page with
        /// cost, resilience per demand and risks side by side, and a recommendation.
        #[arg(long, value_name = "FILE")]
        compare: Vec<PathBuf>,
    },
    /// Draw the design as SVG or PNG (by the output's extension): node glyphs, link curves
    /// with bandwidth labels, metro/cloud/on-prem groups and a legend.
    Diagram {
        file: PathBuf,
        /// The .svg or .png to write (replaced atomically).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = diagram::ThemeArg::Light)]
        theme: diagram::ThemeArg,
        /// Width in pixels (PNG: default the drawing's own width, 800 to 4096; SVG: the width
        /// it opens at).
        #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..=16_384))]
        width: Option<u32>,
    },
    /// Export the design for other tools: `export terraform FILE -o DIR` writes Terraform
    /// configuration (azurerm and aws resources, variables for what the design does not know).
    Export {
        #[command(subcommand)]
        what: export::ExportWhat,
    },
    /// The price book: show the effective entries, or import price pages into the user's book.
    Prices {
        #[command(subcommand)]
        action: PricesAction,
    },
    /// Print the JSON Schema of the design file format.
    Schema,
    /// List every rule: code, name, default severity, summary. `--explain` explains one rule;
    /// `--sources` lists the sources every citation resolves to.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
        /// Explain one rule (code or kebab-case name, any case): what it flags, why it matters,
        /// its sources and an example fix. A source id (AZ-GEO), reference entry (ER-SKU-2),
        /// section (4.4) or open question (Q5) is explained too.
        #[arg(long, value_name = "CODE", conflicts_with = "sources")]
        explain: Option<String>,
        /// List the sources (title, publisher, URL, date, confidence) and the reference entries,
        /// sections and open questions that rules, messages and prices cite.
        #[arg(long)]
        sources: bool,
    },
    /// Write a valid synthetic design (for benchmarks and demos).
    Generate {
        #[arg(long)]
        sites: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (standard output when absent).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Rewrite design files in the canonical layout (what Save writes), after validating them.
    Fmt {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Only report files that are not in canonical layout; exit 1 if any.
        #[arg(long)]
        check: bool,
    },
    /// Give every node a position: in tiers (sites | facilities and fabric routers | cloud
    /// regions) or organically (force-directed). Rewrites FILE in place (atomically, in the
    /// layout Save writes) unless -o names another file.
    Layout {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = layout::StyleArg::Tiers)]
        style: layout::StyleArg,
        /// Write the arranged design here instead of rewriting FILE.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Make a design from what already runs: the JSON the clouds' command lines print
    /// (`aws directconnect describe-*`, `az network express-route list`, `az network
    /// vnet-gateway list`) or `terraform show -json`. What cannot be mapped is listed on
    /// standard error with the reason.
    Import {
        #[command(subcommand)]
        source: import::ImportSource,
    },
    /// Open a design in the designer window.
    #[cfg(feature = "gui")]
    Open { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum PricesAction {
    /// List the effective price book (catalog and user entries) with provenance.
    Show {
        /// Only entries whose line contains this text (case-insensitive).
        #[arg(long)]
        filter: Option<String>,
    },
    /// Merge a page (or a folder of pages) of the Azure Retail Prices API or the AWS Price List
    /// offer file for AWSDirectConnect into the user's price book.
    Import { path: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    Error,
    Warning,
    Info,
}

impl From<MinSeverity> for Severity {
    fn from(m: MinSeverity) -> Self {
        match m {
            MinSeverity::Error => Severity::Error,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Info => Severity::Info,
        }
    }
}

/// Process exit codes of `check` (and the other commands).
pub mod exit {
    pub const OK: i32 = 0;
    pub const FINDINGS_ERRORS: i32 = 1;
    pub const UNREADABLE: i32 = 2;
    pub const UNWRITABLE: i32 = 3;
    /// A name the command does not know (`rules --explain NOPE`); clap's code for usage errors.
    pub const UNKNOWN_NAME: i32 = 2;
    /// A size the command foresees it cannot handle (e.g. `generate` beyond what loads).
    pub const TOO_LARGE: i32 = 2;
    /// A command this build was made without (`layout` without the `arrange` feature).
    pub const UNAVAILABLE: i32 = 2;
}

/// Load a design, or write the loader's error (file, line, column) to `err` and answer None.
pub(crate) fn load_design(
    file: &std::path::Path,
    err: &mut dyn Write,
) -> anyhow::Result<Option<crate::model::Design>> {
    match crate::design_file::load_mapped(file) {
        Ok(d) => Ok(Some(d)),
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(None)
        }
    }
}

/// Run a command that is not the GUI; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let Some(command) = cli.command else {
        // main handles the no-command case (GUI or help).
        return Ok(exit::OK);
    };
    // Everything written to the terminal goes through `terminal::Escaped` (#12 item 9).
    // A JSON document gets JSON escapes, so it stays valid JSON (see `terminal`).
    let stdout = std::io::stdout();
    let mut out = if writes_json(&command) {
        terminal::Escaped::json(stdout.lock())
    } else {
        terminal::Escaped::new(stdout.lock())
    };
    let mut err = terminal::Escaped::new(std::io::stderr());
    let mut session = Session {
        catalog: cli.catalog.as_deref(),
        price_book: cli.price_book.as_deref(),
        out: &mut out,
        err: &mut err,
    };
    session.run(command)
}

/// Whether the command writes a JSON document to standard output.
fn writes_json(command: &Command) -> bool {
    matches!(
        command,
        Command::Check {
            format: check::CheckFormat::Json | check::CheckFormat::Sarif,
            ..
        } | Command::Resilience {
            format: Format::Json,
            ..
        } | Command::Cost {
            format: cost::CostFormat::Json,
            ..
        } | Command::Diff {
            format: diff::DiffFormat::Json,
            ..
        } | Command::Rules {
            format: RulesFormat::Json,
            ..
        } | Command::Schema
            // The imported design, when no -o names a file (its names come from the input).
            | Command::Import { .. }
    )
}

/// One command's run: the global options, and where it writes.
struct Session<'a> {
    /// `--catalog`: laid over the built-in catalog.
    catalog: Option<&'a Path>,
    /// `--price-book`: the user's price book.
    price_book: Option<&'a Path>,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Session<'_> {
    fn run(&mut self, command: Command) -> anyhow::Result<i32> {
        match command {
            Command::Check {
                files,
                format,
                min_severity,
                fixes,
                fix,
            } => {
                let catalog = Catalog::with_overlay(self.catalog)?;
                let shown = check::Shown {
                    min: min_severity.into(),
                    fixes,
                    apply: fix,
                };
                check::run(&files, format, shown, &catalog, self.out, self.err)
            }
            Command::Resilience {
                file,
                depth,
                format,
            } => self.resilience(&file, depth, format),
            Command::Cost {
                file,
                format,
                compare,
                hours_per_month,
            } => self.cost(&file, compare.as_deref(), format, hours_per_month),
            Command::Diff {
                before,
                after,
                format,
                hours_per_month,
            } => self.diff(&before, &after, format, hours_per_month),
            Command::Report {
                file,
                output,
                paper,
                date,
                compare,
            } => self.report(&file, &output, paper, date, &compare),
            Command::Diagram {
                file,
                output,
                theme,
                width,
            } => diagram::run(&file, &output, theme.into(), width, self.out, self.err),
            Command::Export { what } => {
                let catalog = Catalog::with_overlay(self.catalog)?;
                export::run(what, &catalog, self.out, self.err)
            }
            Command::Prices { action } => self.prices(action),
            Command::Schema => {
                writeln!(self.out, "{}", schema_json())?;
                Ok(exit::OK)
            }
            Command::Rules {
                format,
                explain,
                sources,
            } => self.rules(format, explain, sources),
            Command::Generate {
                sites,
                seed,
                output,
            } => self.generate(sites, seed, output),
            Command::Fmt { files, check } => self.fmt_files(&files, check),
            Command::Layout {
                file,
                style,
                output,
            } => layout::run(&file, style, output.as_deref(), self.out, self.err),
            Command::Import { source } => {
                let catalog = Catalog::with_overlay(self.catalog)?;
                import::run(source, &catalog, self.out, self.err)
            }
            #[cfg(feature = "gui")]
            Command::Open { .. } => Ok(exit::OK),
        }
    }

    fn resilience(&mut self, file: &Path, depth: u8, format: Format) -> anyhow::Result<i32> {
        let catalog = Catalog::with_overlay(self.catalog)?;
        let depth = if depth == 2 {
            crate::resilience::Depth::Pairs
        } else {
            crate::resilience::Depth::Single
        };
        resilience::run(file, depth, format, &catalog, self.out, self.err)
    }

    fn cost(
        &mut self,
        file: &Path,
        compare: Option<&Path>,
        format: cost::CostFormat,
        hours_per_month: u64,
    ) -> anyhow::Result<i32> {
        let catalog = Catalog::with_overlay(self.catalog)?;
        let (user, _) = UserBook::load_or_default(self.price_book)?;
        let options = crate::costing::Options { hours_per_month };
        let prices = cost::Prices {
            catalog: &catalog,
            user: &user,
        };
        cost::run_cost(file, compare, format, options, prices, self.out, self.err)
    }

    fn diff(
        &mut self,
        before: &Path,
        after: &Path,
        format: diff::DiffFormat,
        hours_per_month: u64,
    ) -> anyhow::Result<i32> {
        let catalog = Catalog::with_overlay(self.catalog)?;
        let (user, _) = UserBook::load_or_default(self.price_book)?;
        let options = crate::costing::Options { hours_per_month };
        let prices = cost::Prices {
            catalog: &catalog,
            user: &user,
        };
        diff::run_diff(before, after, format, options, prices, self.out, self.err)
    }

    fn report(
        &mut self,
        file: &Path,
        output: &Path,
        paper: report::PaperArg,
        date: Option<String>,
        compare: &[PathBuf],
    ) -> anyhow::Result<i32> {
        let catalog = Catalog::with_overlay(self.catalog)?;
        let (user, _) = UserBook::load_or_default(self.price_book)?;
        let prices = cost::Prices {
            catalog: &catalog,
            user: &user,
        };
        let asked = report::Asked {
            file,
            output,
            paper: paper.into(),
            date,
            compare,
        };
        report::run(asked, prices, self.out, self.err)
    }

    fn prices(&mut self, action: PricesAction) -> anyhow::Result<i32> {
        let catalog = Catalog::with_overlay(self.catalog)?;
        match action {
            PricesAction::Show { filter } => {
                let (user, _) = UserBook::load_or_default(self.price_book)?;
                cost::run_prices_show(filter.as_deref(), &catalog, &user, self.out)
            }
            PricesAction::Import { path } => {
                cost::run_prices_import(&path, self.price_book, &catalog, self.out)
            }
        }
    }

    fn rules(
        &mut self,
        format: RulesFormat,
        explain: Option<String>,
        sources: bool,
    ) -> anyhow::Result<i32> {
        if let Some(query) = explain {
            return match rules::explain(&query, format) {
                Some(text) => {
                    write!(self.out, "{text}")?;
                    Ok(exit::OK)
                }
                None => {
                    writeln!(self.err, "{}", rules::unknown(&query))?;
                    Ok(exit::UNKNOWN_NAME)
                }
            };
        }
        if sources {
            write!(self.out, "{}", rules::sources_listing(format))?;
        } else {
            write!(self.out, "{}", rules_listing(format))?;
        }
        Ok(exit::OK)
    }

    fn generate(
        &mut self,
        sites: usize,
        seed: u64,
        output: Option<PathBuf>,
    ) -> anyhow::Result<i32> {
        // Foreseen before anything is built: a design the loader could not read back.
        if sites > crate::generate::MAX_SITES {
            writeln!(
                self.err,
                "error: {} sites is more than generate writes: the loader reads files of \
                 at most {} MiB, about {} sites",
                crate::costing::thousands(sites as u64),
                crate::user_file::MAX_FILE_BYTES >> 20,
                crate::costing::thousands(crate::generate::MAX_SITES as u64)
            )?;
            return Ok(exit::TOO_LARGE);
        }
        let catalog = Catalog::with_overlay(self.catalog)?;
        let design = crate::generate::generate(sites, seed, &catalog);
        let text = crate::design_file::to_string(&design)?;
        if text.len() as u64 > crate::user_file::MAX_FILE_BYTES {
            writeln!(
                self.err,
                "error: the design would be {} MB, more than the loader reads ({} MiB); \
                 nothing written",
                text.len() / 1_000_000,
                crate::user_file::MAX_FILE_BYTES >> 20
            )?;
            return Ok(exit::TOO_LARGE);
        }
        match output {
            Some(path) => {
                crate::design_file::write_atomic(&path, text.as_bytes())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                writeln!(
                    self.err,
                    "wrote {} ({} nodes, {} links, {} demands)",
                    path.display(),
                    design.nodes.len(),
                    design.links.len(),
                    design.demands.len()
                )?;
            }
            None => self.out.write_all(text.as_bytes())?,
        }
        Ok(exit::OK)
    }

    fn fmt_files(&mut self, files: &[PathBuf], check: bool) -> anyhow::Result<i32> {
        let mut code = exit::OK;
        for path in files {
            let design = match crate::design_file::load(path) {
                Ok(d) => d,
                Err(e) => {
                    writeln!(self.err, "error: {e}")?;
                    code = exit::UNREADABLE;
                    continue;
                }
            };
            let canonical = crate::design_file::to_string(&design)?;
            if read_text(path)? == canonical {
                continue;
            }
            if check {
                writeln!(self.out, "{}: not in canonical layout", path.display())?;
                code = code.max(exit::FINDINGS_ERRORS);
            } else {
                crate::design_file::save(&design, path)?;
                writeln!(self.out, "{}: rewritten", path.display())?;
            }
        }
        Ok(code)
    }
}

/// The JSON Schema of the design file (also committed as assets/schema/design.schema.json).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::design_file::schema::DesignFileSchema);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// The rule list, in text (terminal), Markdown (README) or JSON (with each rule's explanation
/// and resolved source ids).
pub fn rules_listing(format: RulesFormat) -> String {
    let mut s = String::new();
    match format {
        RulesFormat::Text => {
            for r in RULES {
                s.push_str(&format!(
                    "{:<7} {:<8} {:<55} {}\n",
                    r.code,
                    r.default_severity.label(),
                    r.name,
                    r.summary
                ));
            }
        }
        RulesFormat::Markdown => {
            s.push_str(
                "| Code | Name | Default | What it flags | Reference |\n|---|---|---|---|---|\n",
            );
            for r in RULES {
                s.push_str(&format!(
                    "| {} | `{}` | {} | {} | {} |\n",
                    r.code,
                    r.name,
                    r.default_severity.label(),
                    r.summary.replace('|', "\\|"),
                    r.reference
                ));
            }
        }
        RulesFormat::Json => {
            let rows: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| rules::rule_json(r, rules::explanation_of(r)))
                .collect();
            s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
        }
    }
    s
}

/// Parse arguments; used by main.
pub fn parse() -> Cli {
    Cli::parse()
}

/// Read a file argument, with the path in the error.
pub fn read_text(path: &std::path::Path) -> anyhow::Result<String> {
    crate::user_file::read_text(path, crate::user_file::MAX_FILE_BYTES)
        .with_context(|| format!("cannot read {}", path.display()))
}

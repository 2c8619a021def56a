//! `linkwright layout FILE [--style tiers|organic] [-o OUT]`: give every node a position, for
//! designs that have none worth keeping (generated or imported ones).
//!
//! Without `-o` the file is rewritten in place, atomically, as `fmt` does: a design lives in
//! git, where the change is one diff to review or revert. Everything but the positions is
//! written as Save writes it (the canonical layout), so a design saved by the designer changes
//! only in its `position` lines.

use super::exit;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StyleArg {
    /// Columns left to right: sites | facilities and fabric routers | cloud regions.
    Tiers,
    /// Force-directed: linked nodes near each other (tiers when a connected part has more than
    /// about 2,500 nodes).
    Organic,
}

#[cfg(feature = "arrange")]
pub fn run(
    file: &Path,
    style: StyleArg,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    use crate::arrange::{self, Style, crossings};
    let Some(mut design) = super::load_design(file, err)? else {
        return Ok(exit::UNREADABLE);
    };
    let target = output.unwrap_or(file);
    if target.is_dir() {
        writeln!(
            err,
            "error: cannot write the design to {}: it is a folder; give a file name such as design.json",
            target.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    let style = match style {
        StyleArg::Tiers => Style::Tiers,
        StyleArg::Organic => Style::Organic,
    };
    let before = crossings::count(&design);
    let arranged = arrange::arrange(&design, style);
    let moved = design
        .nodes
        .iter()
        .zip(&arranged.positions)
        .filter(|(n, p)| n.position != **p)
        .count();
    if let Some(edit) = arrange::as_edit(&design, &arranged.positions) {
        crate::edit::apply(&mut design, edit)?;
    }
    let after = crossings::count(&design);
    let text = crate::design_file::to_string(&design)?;
    if let Err(e) = crate::design_file::write_atomic(target, text.as_bytes()) {
        writeln!(
            err,
            "error: cannot write the design to {}: {e}",
            target.display()
        )?;
        return Ok(exit::UNWRITABLE);
    }
    if let Some(note) = arranged.note {
        writeln!(err, "note: {note}")?;
    }
    writeln!(
        out,
        "{}: arranged in {}, {moved} of {} nodes moved; link crossings {before} -> {after}",
        target.display(),
        style.label(),
        design.nodes.len(),
    )?;
    Ok(exit::OK)
}

/// Built without the arrange layer (`--no-default-features`): say so, change nothing.
#[cfg(not(feature = "arrange"))]
pub fn run(
    _file: &Path,
    _style: StyleArg,
    _output: Option<&Path>,
    _out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    writeln!(
        err,
        "error: this linkwright was built without the `arrange` feature, which layout needs \
         (build it with `--features arrange`); nothing was changed"
    )?;
    Ok(exit::UNAVAILABLE)
}

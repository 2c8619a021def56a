//! Tables: columns sized to their content (figures never broken, text wrapped at word
//! boundaries), group headings kept with their first row, a table's last rows and the note
//! under it kept together, and the header repeated on every page.

use super::text::{Weight, wrap};
use super::{BOTTOM, GROUP_FILL, HEADER_FILL, INK, MARGIN, RULE, TABLE_SIZE, TOP, Writer};
use crate::report::{Align, Cell, Row, RowKind, Table};

/// Room kept beside a cell's text for its badge, in points.
const BADGE_W: f32 = 9.0;
/// A table's last rows are never carried over to a page alone: at least this many (or the
/// whole table, when it is shorter) go over together, with the note under the table.
const TAIL_ROWS: usize = 3;

/// How a table is set: the table, its full width and its columns' widths, the cell padding
/// and the line spacing.
struct Layout<'t> {
    table: &'t Table,
    width: f32,
    widths: Vec<f32>,
    pad: f32,
    leading: f32,
}

/// A row laid out: the lines of every cell, and the row's height.
struct RowLines {
    lines: Vec<Vec<String>>,
    h: f32,
}

/// The header row: its cells (the columns' titles) laid out once, drawn on every page.
struct Header {
    cells: Vec<Cell>,
    row: RowLines,
}

impl Writer<'_> {
    fn layout<'t>(&self, table: &'t Table) -> Layout<'t> {
        let pad = 3.0;
        let width = self.content_width();
        Layout {
            table,
            width,
            widths: self.column_widths(table, width, pad),
            pad,
            leading: TABLE_SIZE * 1.3,
        }
    }

    fn header(&self, layout: &Layout<'_>) -> Header {
        let cells: Vec<Cell> = layout
            .table
            .columns
            .iter()
            .map(|c| Cell::text(c.title.clone()))
            .collect();
        let row = self.layout_row(layout, &cells, RowKind::Subtotal);
        Header { cells, row }
    }

    /// The table across the content width: the header, then the rows, a new page (with the
    /// header again) whenever a row does not fit with what must stay with it. `keep_after`
    /// is the height of what follows the table and must stay with its end (the note under it).
    pub(super) fn table(&mut self, table: &Table, keep_after: f32) {
        let layout = self.layout(table);
        let header = self.header(&layout);
        let rows: Vec<RowLines> = table
            .rows
            .iter()
            .map(|r| self.layout_row(&layout, &r.cells, r.kind))
            .collect();
        let body = self.height() - TOP - BOTTOM - header.row.h;
        let keeps = keep_heights(table, &rows, keep_after, body);
        self.ensure(header.row.h + keeps.first().copied().unwrap_or(0.0));
        self.table_header(&layout, &header);
        let mut fresh = true;
        for ((row, lines), keep) in table.rows.iter().zip(rows).zip(keeps) {
            // Unless the page holds nothing of the table but its header yet.
            if self.room() < keep && !fresh {
                self.new_page(self.orientation);
                self.table_header(&layout, &header);
            }
            self.table_row(&layout, row, lines);
            fresh = false;
        }
        self.y += 10.0;
    }

    /// The height from a table's top to its first body row inclusive (the header, a group
    /// heading and the row under it), or the whole of a table of at most [`TAIL_ROWS`] rows
    /// (it is never split): what a heading or paragraph above the table must stay with.
    pub(super) fn table_start_height(&self, table: &Table) -> f32 {
        let layout = self.layout(table);
        let mut h = self.header(&layout).row.h;
        let whole = table.rows.len() <= TAIL_ROWS;
        for r in table.rows.iter().take(if whole { TAIL_ROWS } else { 2 }) {
            h += self.layout_row(&layout, &r.cells, r.kind).h;
            if !whole && r.kind != RowKind::Group {
                break;
            }
        }
        h
    }

    /// The columns' widths from their content: each column's widest line (its natural width;
    /// of the title, its widest word) and its widest word (its least width; for a figure its whole text: figures are never
    /// broken). When every column fits at its natural width, the spare room is shared by the
    /// columns' weights; else each column gets its least width and the rest in proportion to
    /// what it lacks of its natural width (the rule of HTML's automatic table layout), so text
    /// wraps only at word boundaries. Only when even the least widths do not fit do the text
    /// columns share what the figures leave, and a word wider than its column is split.
    fn column_widths(&self, table: &Table, width: f32, pad: f32) -> Vec<f32> {
        let n = table.columns.len();
        let mut least = vec![0.0_f32; n];
        let mut natural = vec![0.0_f32; n];
        let mut measure = |i: usize, text: &str, weight: Weight, badge: bool, whole: bool| {
            let face = self.face(weight);
            let extra = 2.0 * pad + 1.0 + if badge { BADGE_W } else { 0.0 };
            for line in text.split('\n') {
                let line_w = face.width(line, TABLE_SIZE) + extra;
                natural[i] = natural[i].max(line_w);
                if whole {
                    least[i] = least[i].max(line_w);
                } else {
                    for word in line.split_whitespace() {
                        least[i] = least[i].max(face.width(word, TABLE_SIZE) + extra);
                    }
                }
            }
        };
        // A title asks for its longest word only: it wraps before a column of short figures
        // widens for it ("Egress" over "GB/month").
        for (i, c) in table.columns.iter().enumerate() {
            for word in c.title.split_whitespace() {
                measure(i, word, Weight::Bold, false, false);
            }
        }
        for row in &table.rows {
            if row.kind == RowKind::Group {
                continue; // it spans the whole table
            }
            for (i, cell) in row.cells.iter().enumerate().take(n) {
                // A subtotal's label runs on over the empty cells after it.
                let spans = matches!(row.kind, RowKind::Subtotal | RowKind::Total)
                    && row.cells.get(i + 1).is_some_and(|c| c.text.is_empty());
                if !spans {
                    let whole = table.columns[i].align == Align::Right;
                    measure(
                        i,
                        &cell.text,
                        row_weight(row.kind),
                        cell.badge.is_some(),
                        whole,
                    );
                }
            }
        }
        let sum = |v: &[f32]| v.iter().sum::<f32>();
        let weights: Vec<f32> = table.columns.iter().map(|c| c.weight.max(0.0)).collect();
        let total_weight = sum(&weights).max(0.01);
        if sum(&natural) <= width {
            let spare = width - sum(&natural);
            return natural
                .iter()
                .zip(&weights)
                .map(|(w, k)| w + spare * k / total_weight)
                .collect();
        }
        if sum(&least) <= width {
            // A short column (no wider than an equal share of the table) is given its whole
            // text when the long ones can still have their least widths: "ER Paris Standard"
            // on one line, not three, beside a column of sentences.
            let fair = width / n.max(1) as f32;
            let short: Vec<bool> = natural.iter().map(|w| *w <= fair).collect();
            let fixed: f32 = (0..n).filter(|&i| short[i]).map(|i| natural[i]).sum();
            let long_least: f32 = (0..n).filter(|&i| !short[i]).map(|i| least[i]).sum();
            let fixed_ok = fixed + long_least <= width;
            let flexible = |i: usize| !(fixed_ok && short[i]);
            let room = width - if fixed_ok { fixed } else { 0.0 };
            let (least_sum, natural_sum) = (0..n)
                .filter(|&i| flexible(i))
                .fold((0.0, 0.0), |(l, w), i| (l + least[i], w + natural[i]));
            let share = (room - least_sum) / (natural_sum - least_sum).max(0.01);
            return (0..n)
                .map(|i| {
                    if flexible(i) {
                        least[i] + (natural[i] - least[i]) * share
                    } else {
                        natural[i]
                    }
                })
                .collect();
        }
        // Too narrow for every word: the figures keep their width (shrunk only if they alone
        // are too wide), the text columns share the rest by their least widths.
        let is_right = |i: usize| table.columns[i].align == Align::Right;
        let right: f32 = (0..n).filter(|&i| is_right(i)).map(|i| least[i]).sum();
        let left: f32 = (0..n)
            .filter(|&i| !is_right(i))
            .map(|i| least[i])
            .sum::<f32>()
            .max(0.01);
        let room = (width - right).max(0.0);
        (0..n)
            .map(|i| match (is_right(i), right <= width) {
                (true, true) => least[i],
                (true, false) => least[i] * width / right,
                (false, _) => least[i] * room / left,
            })
            .collect()
    }

    /// The lines of every cell of a row, and the row's height.
    fn layout_row(&self, layout: &Layout<'_>, cells: &[Cell], kind: RowKind) -> RowLines {
        let Layout {
            width,
            widths,
            pad,
            leading,
            ..
        } = layout;
        let face = self.face(row_weight(kind));
        let lines: Vec<Vec<String>> = if kind == RowKind::Group {
            vec![wrap(
                face,
                cells.first().map_or("", |c| c.text.as_str()),
                TABLE_SIZE,
                width - 2.0 * pad,
            )]
        } else {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    // A subtotal's label runs on over the empty cells after it.
                    let mut cw = widths[i];
                    if matches!(kind, RowKind::Subtotal | RowKind::Total) {
                        cw += cells[i + 1..]
                            .iter()
                            .zip(&widths[i + 1..])
                            .take_while(|(c, _)| c.text.is_empty())
                            .map(|(_, w)| w)
                            .sum::<f32>();
                    }
                    let room = cw - 2.0 * pad - if c.badge.is_some() { BADGE_W } else { 0.0 };
                    wrap(face, &c.text, TABLE_SIZE, room.max(4.0))
                })
                .collect()
        };
        let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        RowLines {
            lines,
            h: n as f32 * leading + 2.0 * pad,
        }
    }

    /// The header at the cursor, on its fill; moves the cursor below it.
    fn table_header(&mut self, layout: &Layout<'_>, header: &Header) {
        let top = self.y;
        self.rect(MARGIN, top, layout.width, header.row.h, HEADER_FILL);
        self.draw_cells(layout, &header.row.lines, &header.cells, top, Weight::Bold);
        self.y += header.row.h;
    }

    /// One row (laid out as `lines`) at the cursor, then the rule under it.
    fn table_row(&mut self, layout: &Layout<'_>, row: &Row, RowLines { lines, h }: RowLines) {
        let top = self.y;
        let (width, pad) = (layout.width, layout.pad);
        match row.kind {
            RowKind::Group => {
                self.rect(MARGIN, top, width, h, GROUP_FILL);
                let text = lines.first().map(|l| l.join(" ")).unwrap_or_default();
                self.text(
                    MARGIN + pad,
                    top + pad,
                    TABLE_SIZE,
                    Weight::Bold,
                    INK,
                    &text,
                );
            }
            RowKind::Body | RowKind::Subtotal | RowKind::Total => {
                if row.kind == RowKind::Total {
                    self.line(&[(MARGIN, top), (MARGIN + width, top)], 1.0, INK, None);
                }
                self.draw_cells(layout, &lines, &row.cells, top, row_weight(row.kind));
            }
        }
        self.y += h;
        let y = self.y;
        self.line(&[(MARGIN, y), (MARGIN + width, y)], 0.4, RULE, None);
    }

    /// The cells' lines (and badges) of a row whose top is at `top`, aligned as their columns.
    fn draw_cells(
        &mut self,
        layout: &Layout<'_>,
        lines: &[Vec<String>],
        cells: &[Cell],
        top: f32,
        weight: Weight,
    ) {
        let Layout {
            table,
            widths,
            pad,
            leading,
            ..
        } = layout;
        let mut x = MARGIN;
        for (i, cell_lines) in lines.iter().enumerate() {
            let cw = widths[i];
            let cell = &cells[i];
            let align = table.columns[i].align;
            let mut text_x = x + pad;
            if let Some(rgb) = cell.badge {
                // Just before the text: at the cell's left, or left of right-aligned text.
                let badge_x = match align {
                    Align::Left => text_x,
                    Align::Right => {
                        let first = cell_lines.first().map_or("", String::as_str);
                        x + cw - pad - self.face(weight).width(first, TABLE_SIZE) - BADGE_W
                    }
                };
                self.rect(badge_x, top + pad + 1.5, 6.0, 6.0, rgb);
                text_x += BADGE_W;
            }
            for (j, line) in cell_lines.iter().enumerate() {
                let line_top = top + pad + j as f32 * leading;
                let lx = match align {
                    Align::Left => text_x,
                    Align::Right => x + cw - pad - self.face(weight).width(line, TABLE_SIZE),
                };
                self.text(lx, line_top, TABLE_SIZE, weight, INK, line);
            }
            x += cw;
        }
    }
}

/// For each row, the room it needs on its page before it is drawn: its own height; a group
/// heading's, with the row under it; and from the first of the table's last [`TAIL_ROWS`]
/// rows on, everything to the table's end and `keep_after`, so no row and no note is left
/// alone on a page (unless that tail is taller than a page's `body`).
fn keep_heights(table: &Table, rows: &[RowLines], keep_after: f32, body: f32) -> Vec<f32> {
    let n = rows.len();
    let tail_from = n.saturating_sub(TAIL_ROWS);
    let tail: f32 = rows[tail_from..].iter().map(|r| r.h).sum::<f32>() + keep_after;
    (0..n)
        .map(|i| {
            let mut keep = rows[i].h;
            if table.rows[i].kind == RowKind::Group
                && let Some(next) = rows.get(i + 1)
            {
                keep += next.h;
            }
            if i == tail_from && tail <= body {
                keep = keep.max(tail);
            }
            keep
        })
        .collect()
}

/// Body rows are set in the regular weight, headers, groups and totals in bold.
fn row_weight(kind: RowKind) -> Weight {
    if kind == RowKind::Body {
        Weight::Regular
    } else {
        Weight::Bold
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::Fonts;
    use super::*;
    use crate::report::{Block, Meta, Paper};

    /// The report model of a sample design.
    fn sample_report(name: &str) -> crate::report::Report {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("designs")
            .join(format!("{name}.json"));
        let design = crate::design_file::load(&path).unwrap();
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let book = crate::costing::UserBook::empty();
        let analyses = crate::analyses::run(
            &design,
            &catalog,
            &book,
            crate::costing::Options::default(),
            crate::resilience::Depth::Single,
        );
        let meta = Meta {
            file_name: format!("{name}.json"),
            date: "2026-12-06".into(),
            paper: Paper::A4,
        };
        crate::report::build(&design, &analyses, &catalog, &book, &meta)
    }

    /// In every table of every sample's report, a cell wraps only between words (a word is
    /// split only when it alone is wider than its column) and a figure stays on one line.
    #[test]
    fn the_samples_tables_wrap_only_between_words_and_never_break_a_figure() {
        let fonts = Fonts::load().unwrap();
        let mut tables = 0;
        for name in [
            "aws-dev-test-one-location",
            "dual-cloud-ashburn-chicago",
            "europe-azure-two-locations",
            "flawed-design",
        ] {
            let report = sample_report(name);
            let mut w = Writer::new(&report, &fonts);
            for section in &report.sections {
                w.new_page(section.orientation);
                for block in &section.blocks {
                    let Block::Table(table) = block else { continue };
                    tables += 1;
                    let layout = w.layout(table);
                    for row in table.rows.iter().filter(|r| r.kind == RowKind::Body) {
                        let face = w.face(row_weight(row.kind));
                        for (i, cell) in row.cells.iter().enumerate() {
                            let badge = if cell.badge.is_some() { BADGE_W } else { 0.0 };
                            let room = layout.widths[i] - 2.0 * layout.pad - badge;
                            let lines = wrap(face, &cell.text, TABLE_SIZE, room);
                            if table.columns[i].align == Align::Right {
                                assert_eq!(
                                    lines.len(),
                                    cell.text.split('\n').count(),
                                    "{name}: figure {:?} broken",
                                    cell.text
                                );
                            }
                            let words: Vec<&str> = cell.text.split_whitespace().collect();
                            for word in lines.iter().flat_map(|l| l.split_whitespace()) {
                                let whole = words.contains(&word);
                                let too_wide = words
                                    .iter()
                                    .any(|w| w.contains(word) && face.width(w, TABLE_SIZE) > room);
                                assert!(
                                    whole || too_wide,
                                    "{name}: {word:?} is a broken word of {:?} ({room} pt)",
                                    cell.text
                                );
                            }
                        }
                    }
                }
            }
        }
        assert!(tables > 20, "{tables} tables checked");
    }

    /// A badge sits just before its text: at a left-aligned cell's start, and right before
    /// the text of a right-aligned one (not at the cell's far left, away from its text).
    #[test]
    fn a_badge_sits_just_before_its_text_in_either_alignment() {
        use printpdf::{Op, Pt};
        let fonts = Fonts::load().unwrap();
        let report = sample_report("aws-dev-test-one-location");
        let mut w = Writer::new(&report, &fonts);
        w.new_page(crate::report::Orientation::Portrait);
        let badge_rgb = [200, 30, 40];
        let mut t = Table::new(&[
            ("Demand", 3.0, Align::Left),
            ("Option A", 1.0, Align::Right),
            ("Option B", 1.0, Align::Left),
        ]);
        t.row(
            RowKind::Body,
            vec![
                Cell::text("Zürich HQ to West Europe hub"),
                Cell::badge("Maximum", badge_rgb),
                Cell::badge("Standard", badge_rgb),
            ],
        );
        w.table(&t, 0.0);
        let ops = &w.pages[w.current].ops;
        // Each badge: the left edge of the polygon filled in its colour.
        let mut badges: Vec<f32> = Vec::new();
        let mut filling = false;
        for op in ops {
            match op {
                Op::SetFillColor { col } => {
                    filling = *col == super::super::draw::color(badge_rgb);
                }
                Op::DrawPolygon { polygon } if filling => {
                    let xs = polygon.rings[0].points.iter().map(|p| p.p.x.0);
                    badges.push(xs.fold(f32::MAX, f32::min));
                }
                _ => {}
            }
        }
        // Where each of the two texts starts.
        let text_x = |text: &str| {
            let mut x = None;
            for op in ops {
                match op {
                    Op::SetTextCursor { pos } => x = Some(pos.x),
                    Op::ShowText { items } if format!("{items:?}").contains(text) => {
                        return x.map(|Pt(x)| x).unwrap();
                    }
                    _ => {}
                }
            }
            panic!("{text} not drawn")
        };
        assert_eq!(badges.len(), 2, "{badges:?}");
        for (badge, text) in badges.iter().zip(["Maximum", "Standard"]) {
            let gap = text_x(text) - badge;
            assert!(
                (6.0..=BADGE_W + 0.5).contains(&gap),
                "{text}: badge {gap} pt before the text"
            );
        }
    }

    /// A table of a short column beside a column of sentences: the short one keeps its text
    /// on one line, the long one wraps, and together they fill the width.
    #[test]
    fn short_columns_get_their_whole_text_and_long_ones_the_rest() {
        let fonts = Fonts::load().unwrap();
        let report = sample_report("aws-dev-test-one-location");
        let mut w = Writer::new(&report, &fonts);
        w.new_page(crate::report::Orientation::Portrait);
        let mut t = Table::new(&[
            ("Circuit", 1.0, Align::Left),
            ("Monthly", 1.0, Align::Right),
            ("Why", 1.0, Align::Left),
        ]);
        let sentence = "no transfer-out price for eu-west-1 to ITXD2 in our sources: the matrix is known only in part; enter it in the price book or as a design quote, and the report prices it";
        t.body(vec![
            "ER Paris Standard".into(),
            "$51,300.00".into(),
            sentence.into(),
        ]);
        let width = w.content_width();
        let widths = w.column_widths(&t, width, 3.0);
        let regular = w.face(Weight::Regular);
        assert!(widths[0] >= regular.width("ER Paris Standard", TABLE_SIZE) + 6.0);
        assert!(widths[1] >= regular.width("$51,300.00", TABLE_SIZE) + 6.0);
        assert!(widths[2] > widths[0] && widths[2] > widths[1]);
        assert!((widths.iter().sum::<f32>() - width).abs() < 0.5);
    }
}

//! Tables: column widths from the columns' weights (figures never broken), wrapped cells,
//! group headings kept with their first row, and the header repeated on every page.

use super::text::{Weight, wrap};
use super::{GROUP_FILL, HEADER_FILL, INK, MARGIN, RULE, TABLE_SIZE, Writer};
use crate::report::{Align, Cell, Row, RowKind, Table};

/// Room kept beside a cell's text for its badge, in points.
const BADGE_W: f32 = 9.0;

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
    /// The table across the content width: the header, then the rows, a new page (with the
    /// header again) whenever a row does not fit.
    pub(super) fn table(&mut self, table: &Table) {
        let pad = 3.0;
        let width = self.content_width();
        let layout = Layout {
            table,
            width,
            widths: self.column_widths(table, width, pad),
            pad,
            leading: TABLE_SIZE * 1.3,
        };
        let cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::text(c.title.clone()))
            .collect();
        let row = self.layout_row(&layout, &cells, RowKind::Subtotal);
        let header = Header { cells, row };
        let first_row_h = table
            .rows
            .first()
            .map_or(0.0, |r| self.layout_row(&layout, &r.cells, r.kind).h);
        self.ensure(header.row.h + first_row_h);
        self.table_header(&layout, &header);
        for row in &table.rows {
            self.table_row(&layout, &header, row);
        }
        self.y += 10.0;
    }

    /// The columns' widths: in proportion to their weights, except that figures are never
    /// broken across lines: a right-aligned column is at least as wide as its widest entry,
    /// and the text columns give up the room.
    fn column_widths(&self, table: &Table, width: f32, pad: f32) -> Vec<f32> {
        let total: f32 = table
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.01);
        let mut widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.weight / total * width)
            .collect();
        let bold = self.face(Weight::Bold);
        let needed: Vec<f32> = (0..table.columns.len())
            .map(|i| {
                if table.columns[i].align == Align::Left {
                    return 0.0;
                }
                table
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i))
                    .map(|c| bold.width(&c.text, TABLE_SIZE) + 2.0 * pad + 1.0)
                    .fold(0.0, f32::max)
            })
            .collect();
        let extra: f32 = widths
            .iter()
            .zip(&needed)
            .map(|(w, n)| (n - w).max(0.0))
            .sum();
        if extra > 0.0 {
            let flexible: f32 = widths
                .iter()
                .zip(&table.columns)
                .filter(|(_, c)| c.align == Align::Left)
                .map(|(w, _)| w)
                .sum();
            for (i, w) in widths.iter_mut().enumerate() {
                if table.columns[i].align == Align::Left {
                    *w -= extra * *w / flexible.max(1.0);
                } else {
                    *w = w.max(needed[i]);
                }
            }
        }
        widths
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

    /// One row at the cursor, on a new page (under the header) when it does not fit, then the
    /// rule under it.
    fn table_row(&mut self, layout: &Layout<'_>, header: &Header, row: &Row) {
        let RowLines { lines, h } = self.layout_row(layout, &row.cells, row.kind);
        // A group heading stays with its first row.
        let keep = if row.kind == RowKind::Group {
            3.0 * layout.leading + 2.0 * layout.pad
        } else {
            0.0
        };
        if self.room() < h + keep {
            self.new_page(self.orientation);
            self.table_header(layout, header);
        }
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
            let mut text_x = x + pad;
            if let Some(rgb) = cell.badge {
                self.rect(text_x, top + pad + 1.5, 6.0, 6.0, rgb);
                text_x += 9.0;
            }
            for (j, line) in cell_lines.iter().enumerate() {
                let line_top = top + pad + j as f32 * leading;
                let lx = match table.columns[i].align {
                    Align::Left => text_x,
                    Align::Right => x + cw - pad - self.face(weight).width(line, TABLE_SIZE),
                };
                self.text(lx, line_top, TABLE_SIZE, weight, INK, line);
            }
            x += cw;
        }
    }
}

/// Body rows are set in the regular weight, headers, groups and totals in bold.
fn row_weight(kind: RowKind) -> Weight {
    if kind == RowKind::Body {
        Weight::Regular
    } else {
        Weight::Bold
    }
}

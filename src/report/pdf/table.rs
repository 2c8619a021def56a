//! Tables: column widths from the columns' weights (figures never broken), wrapped cells,
//! group headings kept with their first row, and the header repeated on every page.

use super::text::{Weight, wrap};
use super::{GROUP_FILL, HEADER_FILL, INK, MARGIN, RULE, TABLE_SIZE, Writer};
use crate::report::{Align, Cell, RowKind, Table};

impl Writer<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        let pad = 3.0;
        let leading = TABLE_SIZE * 1.3;
        let width = self.content_width();
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
        // Figures are never broken across lines: a right-aligned column is at least as wide as
        // its widest entry, and the text columns give up the room.
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
        let badge_w = 9.0;
        // Lines of every cell, and the height of every row.
        let layout_row = |w: &Self, cells: &[Cell], kind: RowKind| -> (Vec<Vec<String>>, f32) {
            let weight = if kind == RowKind::Body {
                Weight::Regular
            } else {
                Weight::Bold
            };
            let face = w.face(weight);
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
                        let room = cw - 2.0 * pad - if c.badge.is_some() { badge_w } else { 0.0 };
                        wrap(face, &c.text, TABLE_SIZE, room.max(4.0))
                    })
                    .collect()
            };
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (lines, n as f32 * leading + 2.0 * pad)
        };
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::text(c.title.clone()))
            .collect();
        let (header_lines, header_h) = layout_row(self, &header_cells, RowKind::Subtotal);
        let draw_header = |w: &mut Self| {
            let top = w.y;
            w.rect(MARGIN, top, width, header_h, HEADER_FILL);
            w.draw_cells(
                &header_lines,
                &header_cells,
                &widths,
                table,
                RowStyle {
                    top,
                    pad,
                    leading,
                    weight: Weight::Bold,
                },
            );
            w.y += header_h;
        };
        let first_row_h = table
            .rows
            .first()
            .map_or(0.0, |r| layout_row(self, &r.cells, r.kind).1);
        self.ensure(header_h + first_row_h);
        draw_header(self);
        for row in &table.rows {
            let (lines, h) = layout_row(self, &row.cells, row.kind);
            // A group heading stays with its first row.
            let keep = if row.kind == RowKind::Group {
                3.0 * leading + 2.0 * pad
            } else {
                0.0
            };
            if self.room() < h + keep {
                self.new_page(self.orientation);
                draw_header(self);
            }
            let top = self.y;
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
                    let weight = if row.kind == RowKind::Body {
                        Weight::Regular
                    } else {
                        Weight::Bold
                    };
                    let style = RowStyle {
                        top,
                        pad,
                        leading,
                        weight,
                    };
                    self.draw_cells(&lines, &row.cells, &widths, table, style);
                }
            }
            self.y += h;
            let y = self.y;
            self.line(&[(MARGIN, y), (MARGIN + width, y)], 0.4, RULE, None);
        }
        self.y += 10.0;
    }

    fn draw_cells(
        &mut self,
        lines: &[Vec<String>],
        cells: &[Cell],
        widths: &[f32],
        table: &Table,
        RowStyle {
            top,
            pad,
            leading,
            weight,
        }: RowStyle,
    ) {
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

/// Where a table row's text goes and how it is set: the row's top, the cell padding, the line
/// spacing and the weight.
#[derive(Clone, Copy)]
struct RowStyle {
    top: f32,
    pad: f32,
    leading: f32,
    weight: Weight,
}

//! The Cost tab: the total, the cost by category, metered vs unlimited for the selected
//! ExpressRoute circuit, and a table of every line item, sorted by a click on a column's header
//! and filtered by a text and a category, with the total of the lines shown.

use super::resilience_tab::{Direction, names_of};
use super::*;
use crate::costing::{Category, LineItem};
use crate::gui::analysis::Analyses;
use egui_extras::{Column, TableBuilder};
use rustc_hash::FxHashMap;
use smol_str::SmolStr;

/// A column of the line items' table, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostColumn {
    #[default]
    Element,
    Category,
    Cloud,
    Item,
    Quantity,
    UnitPrice,
    Monthly,
    Source,
}

impl CostColumn {
    const ALL: [CostColumn; 8] = [
        CostColumn::Element,
        CostColumn::Category,
        CostColumn::Cloud,
        CostColumn::Item,
        CostColumn::Quantity,
        CostColumn::UnitPrice,
        CostColumn::Monthly,
        CostColumn::Source,
    ];

    fn title(self) -> &'static str {
        match self {
            CostColumn::Element => "Element",
            CostColumn::Category => "Category",
            CostColumn::Cloud => "Cloud",
            CostColumn::Item => "Item",
            CostColumn::Quantity => "Quantity",
            CostColumn::UnitPrice => "Unit price",
            CostColumn::Monthly => "Monthly",
            CostColumn::Source => "Source",
        }
    }
}

/// The lines shown: their indices in the costing's order of the sort, their total and how
/// many of them are unpriced.
struct Shown {
    key: ((u64, u64), String, Option<Category>, CostColumn, Direction),
    lines: Vec<u32>,
    total: Usd,
    unpriced: usize,
}

/// The table's state: the filter typed, the category chosen, the sort, and the lines shown,
/// cached per (analysis, filter, category, sort) so that a frame only lays out the rows in view.
#[derive(Default)]
pub struct CostTable {
    pub filter: String,
    pub category: Option<Category>,
    pub column: CostColumn,
    pub direction: Direction,
    /// Element names of the last analysis.
    names: Option<((u64, u64), FxHashMap<SmolStr, String>)>,
    shown: Option<Shown>,
    /// How many times the lines were filtered and sorted (tests check idle frames do not).
    pub sorts: u64,
}

impl CostTable {
    /// The lines shown (indices into the costing's lines) and their total (tests).
    #[cfg(test)]
    pub(crate) fn shown(&self) -> Option<(Vec<u32>, Usd)> {
        self.shown.as_ref().map(|s| (s.lines.clone(), s.total))
    }

    fn sort_by(&mut self, column: CostColumn) {
        if self.column == column {
            self.direction = self.direction.flipped();
        } else {
            self.column = column;
            self.direction = Direction::Ascending;
        }
    }

    fn refresh(&mut self, a: &Analyses, design: &Design) {
        if self.names.as_ref().is_none_or(|(k, _)| *k != a.key) {
            self.names = Some((a.key, names_of(design)));
        }
        let key = (
            a.key,
            self.filter.trim().to_lowercase(),
            self.category,
            self.column,
            self.direction,
        );
        if self.shown.as_ref().is_some_and(|s| s.key == key) {
            return;
        }
        let names = self.names.as_ref().map(|(_, n)| n);
        let name = |i: &LineItem| -> String {
            names
                .and_then(|n| n.get(&i.element))
                .cloned()
                .unwrap_or_else(|| i.element.to_string())
        };
        let items = &a.cost.items;
        let needle = key.1.as_str();
        let mut lines: Vec<u32> = (0..items.len() as u32)
            .filter(|&i| {
                let item = &items[i as usize];
                self.category.is_none_or(|c| item.category == c)
                    && (needle.is_empty()
                        || name(item).to_lowercase().contains(needle)
                        || item.element.to_lowercase().contains(needle)
                        || item.category.label().to_lowercase().contains(needle)
                        || item.description.to_lowercase().contains(needle)
                        || item.meter.contains(needle))
            })
            .collect();
        let column = self.column;
        match column {
            // Names are looked up once per line, not once per comparison.
            CostColumn::Element => lines.sort_by_cached_key(|&i| name(&items[i as usize])),
            _ => lines.sort_by(|&x, &y| compare(&items[x as usize], &items[y as usize], column)),
        }
        if self.direction == Direction::Descending {
            lines.reverse();
        }
        let mut total = Usd::ZERO;
        let mut unpriced = 0;
        for &i in &lines {
            match items[i as usize].monthly.and_then(|m| total.checked_add(m)) {
                Some(sum) => total = sum,
                None => unpriced += 1,
            }
        }
        self.sorts += 1;
        self.shown = Some(Shown {
            key,
            lines,
            total,
            unpriced,
        });
    }
}

fn compare(x: &LineItem, y: &LineItem, column: CostColumn) -> std::cmp::Ordering {
    match column {
        CostColumn::Element => x.element.cmp(&y.element),
        CostColumn::Category => x.category.label().cmp(y.category.label()),
        CostColumn::Cloud => x.biller.label().cmp(y.biller.label()),
        CostColumn::Item => x.description.cmp(&y.description),
        CostColumn::Quantity => {
            (x.unit as u8, x.quantity_milli).cmp(&(y.unit as u8, y.quantity_milli))
        }
        // Unpriced lines sort as the smallest amounts.
        CostColumn::UnitPrice => x.unit_price.cmp(&y.unit_price),
        CostColumn::Monthly => x.monthly.cmp(&y.monthly),
        CostColumn::Source => source_text(x).cmp(&source_text(y)),
    }
}

/// How far the line's price can be trusted, in words.
fn source_text(i: &LineItem) -> String {
    use crate::costing::book::Provenance;
    match i.provenance.as_deref() {
        Some(Provenance::Catalog { confidence, .. }) => format!("catalog, {confidence}"),
        Some(Provenance::UserBook { confidence, .. }) => format!("price book, {confidence}"),
        Some(Provenance::DesignQuote { .. }) => "quote in the design".to_string(),
        Some(Provenance::UserEntered) => "entered on the element".to_string(),
        None => "unpriced".to_string(),
    }
}

fn unit_text(unit: PriceUnit) -> &'static str {
    match unit {
        PriceUnit::Hour => "h",
        PriceUnit::Month => "month",
        PriceUnit::Gb => "GB",
    }
}

/// The filtered lines' summary under the filter: "12 of 40 lines: $3,456.00/month".
fn total_text(s: &Shown, all: usize) -> String {
    let mut text = format!(
        "{} of {all} lines: {}/month",
        s.lines.len(),
        crate::model::dollars(s.total)
    );
    if s.unpriced > 0 {
        text.push_str(&format!(" ({} unpriced, not in the total)", s.unpriced));
    }
    text
}

pub(super) fn cost_ui(
    ui: &mut egui::Ui,
    a: &Analyses,
    design: &Design,
    selection: &[String],
    table: &mut CostTable,
) {
    ui.label(crate::gui::cost_label(&a.cost));
    // The charts fold away where the tabs are short (the window's default at 1400 × 900 gives
    // them about 200 points), so the filter and the first lines stay in view.
    egui::CollapsingHeader::new("Charts")
        .id_salt("cost-charts")
        .default_open(ui.available_height() > 360.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                crate::gui::charts::cost_by_category_ui(ui, &a.cost);
                // Metered vs unlimited for the selected circuit (else the first): one pass
                // over the selection and one over the circuits, not one of the selection per
                // circuit (a select-all of a large design is thousands of each).
                let selected: rustc_hash::FxHashSet<&str> =
                    selection.iter().map(String::as_str).collect();
                let circuit = a
                    .what_if
                    .express_route
                    .iter()
                    .find(|c| selected.contains(c.circuit.as_str()))
                    .or(a.what_if.express_route.first());
                if let Some(c) = circuit {
                    ui.vertical(|ui| {
                        ui.label(format!("{}: metered vs unlimited", c.circuit));
                        crate::gui::charts::break_even_ui(ui, c);
                    });
                }
            });
        });
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut table.filter)
                .hint_text("element, category or item")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let chosen = table.category.map_or("All categories", Category::label);
        egui::ComboBox::from_id_salt("cost-category")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut table.category, None, "All categories");
                for c in a.cost.by_category.keys() {
                    ui.selectable_value(&mut table.category, Some(*c), c.label());
                }
            });
    });
    table.refresh(a, design);
    let Some(shown) = table.shown.as_ref() else {
        return;
    };
    ui.label(total_text(shown, a.cost.items.len()));
    let items = &a.cost.items;
    let names = table.names.as_ref().map(|(_, n)| n);
    let row_height = ui.spacing().interact_size.y;
    let mut clicked_header = None;
    let right = egui::Layout::right_to_left(egui::Align::Center);
    TableBuilder::new(ui)
        .id_salt("cost-table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(160.0).at_least(80.0).clip(true))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::initial(70.0).at_least(50.0).clip(true))
        .column(Column::initial(300.0).at_least(100.0).clip(true))
        .columns(Column::initial(100.0).at_least(60.0).clip(true), 3)
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false])
        .header(row_height, |mut header| {
            for column in CostColumn::ALL {
                header.col(|ui| {
                    let title = if column == table.column {
                        format!("{} {}", column.title(), table.direction.arrow())
                    } else {
                        column.title().to_string()
                    };
                    if ui
                        .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
                        .on_hover_text("sort by this column; click again to reverse")
                        .clicked()
                    {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, shown.lines.len(), |mut row| {
                let i = &items[shown.lines[row.index()] as usize];
                row.col(|ui| {
                    let name = names
                        .and_then(|n| n.get(&i.element))
                        .map_or(i.element.as_str(), String::as_str);
                    ui.label(name).on_hover_text(i.element.as_str());
                });
                row.col(|ui| {
                    ui.label(i.category.label());
                });
                row.col(|ui| {
                    ui.label(i.biller.label());
                });
                row.col(|ui| {
                    ui.label(&i.description)
                        .on_hover_text(format!("{}\nmeter {}", i.description, i.meter));
                });
                row.col(|ui| {
                    ui.with_layout(right, |ui| ui.label(i.quantity_text()));
                });
                row.col(|ui| {
                    let text = i.unit_price.map_or_else(
                        || "unpriced".to_string(),
                        |u| format!("${u}/{}", unit_text(i.unit)),
                    );
                    ui.with_layout(right, |ui| ui.label(text));
                });
                row.col(|ui| {
                    ui.with_layout(right, |ui| match i.monthly {
                        Some(m) => ui.label(crate::model::dollars(m)),
                        None => ui
                            .label("unpriced")
                            .on_hover_text(i.unpriced_reason.as_deref().unwrap_or("")),
                    });
                });
                row.col(|ui| {
                    let r = ui.label(source_text(i));
                    if let Some(p) = i.provenance.as_deref() {
                        r.on_hover_text(p.short());
                    }
                });
            });
        });
    if let Some(column) = clicked_header {
        table.sort_by(column);
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::test_support::*;
    use crate::model::Usd;
    use eframe::egui;
    use egui_kittest::kittest::Queryable;

    /// Typing in the filter narrows the lines to those that name it, and the total under the
    /// filter is theirs; a click on Monthly sorts by the amount.
    #[test]
    fn the_cost_filter_narrows_the_lines_and_their_total() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Cost").click();
        h.run_steps(3);
        let items = h.state_mut().analyses().cost.items.clone();
        let all = items.len();
        let (lines, _) = h.state().cost_table.shown().expect("the table is drawn");
        assert_eq!(lines.len(), all, "no filter: every line");
        let sorts = h.state().cost_table.sorts;
        // An idle window does not repaint (`run` fails while frames keep being asked for).
        h.run();
        h.run_steps(3);
        assert_eq!(
            h.state().cost_table.sorts,
            sorts,
            "idle frames do not filter or sort"
        );
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
            .click();
        h.run_steps(1);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
            .type_text("er-dc2");
        h.run_steps(3);
        let (lines, total) = h.state().cost_table.shown().unwrap();
        assert!(
            !lines.is_empty() && lines.len() < all,
            "{} of {all}",
            lines.len()
        );
        for &i in &lines {
            let i = &items[i as usize];
            assert!(
                i.element.contains("er-dc2") || i.description.to_lowercase().contains("er-dc2"),
                "{} {}",
                i.element,
                i.description
            );
        }
        // Every line of the circuit is kept.
        let of_circuit = items.iter().filter(|i| i.element == "er-dc2").count();
        assert!(of_circuit > 0 && lines.len() >= of_circuit);
        let sum = lines
            .iter()
            .filter_map(|&i| items[i as usize].monthly)
            .fold(Usd::ZERO, |a, b| a.checked_add(b).unwrap());
        assert_eq!(total, sum);
        h.get_by_label_contains(&format!(
            "{} of {all} lines: {}/month",
            lines.len(),
            crate::model::dollars(sum)
        ));

        // Sorted by the monthly amount, largest first after a second click.
        h.get_by_label("Monthly").click();
        h.run_steps(2);
        h.get_by_label("Monthly ▲").click();
        h.run_steps(2);
        h.get_by_label("Monthly ▼");
        let (sorted, _) = h.state().cost_table.shown().unwrap();
        let amounts: Vec<Option<Usd>> = sorted.iter().map(|&i| items[i as usize].monthly).collect();
        assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    }

    /// The chart draws each category's bar in its own colour (the report's), and names each
    /// in the legend.
    #[test]
    fn the_category_chart_colours_and_names_each_category() {
        use eframe::egui::epaint::Shape;
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Cost").click();
        h.run_steps(3);
        let categories: Vec<crate::costing::Category> = h
            .state_mut()
            .analyses()
            .cost
            .by_category
            .keys()
            .copied()
            .collect();
        assert!(categories.len() >= 3, "{categories:?}");
        // The tabs are short at the harness's size: the charts are folded, one click away.
        h.get_by_label("Charts").click();
        h.run_steps(3);
        let mut fills = Vec::new();
        fn walk(shape: &Shape, fills: &mut Vec<egui::Color32>) {
            match shape {
                Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, fills)),
                Shape::Rect(r) => fills.push(r.fill),
                _ => {}
            }
        }
        for clipped in &h.output().shapes {
            walk(&clipped.shape, &mut fills);
        }
        let mut colours = Vec::new();
        for c in &categories {
            let [r, g, b] = crate::look::category_rgb(*c);
            let colour = egui::Color32::from_rgb(r, g, b);
            assert!(fills.contains(&colour), "{c:?}: no bar in its colour");
            assert!(!colours.contains(&colour), "{c:?} shares its colour");
            colours.push(colour);
        }
        // With no line left in the table, the names still shown are the legend's. (The charts
        // fold while the filter is typed in: open, they push it below the short tabs.)
        h.get_by_label("Charts").click();
        h.run_steps(3);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
            .click();
        h.run_steps(1);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
            .type_text("no such line");
        h.run_steps(3);
        assert!(h.state().cost_table.shown().unwrap().0.is_empty());
        h.get_by_label("Charts").click();
        h.run_steps(3);
        for c in &categories {
            assert!(h.query_by_label(c.label()).is_some(), "{c:?} in the legend");
        }
    }
}

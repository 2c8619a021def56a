//! The Resilience tab: each gateway's resiliency index, then a table of the demands, one row
//! each (model achieved and target, intact capacity, worst single failure, single points of
//! failure), sorted by a click on a column's header. A click on a row highlights the demand's
//! paths and its single points of failure on the canvas.

use super::*;
use crate::gui::analysis::Analyses;
use crate::resilience::DemandResult;
use egui_extras::{Column, TableBuilder};
use rustc_hash::FxHashMap;
use smol_str::SmolStr;

/// A column of the demands' table, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DemandColumn {
    #[default]
    Demand,
    Target,
    Achieved,
    Meets,
    Intact,
    Worst,
    Spofs,
}

impl DemandColumn {
    const ALL: [DemandColumn; 7] = [
        DemandColumn::Demand,
        DemandColumn::Target,
        DemandColumn::Achieved,
        DemandColumn::Meets,
        DemandColumn::Intact,
        DemandColumn::Worst,
        DemandColumn::Spofs,
    ];

    fn title(self) -> &'static str {
        match self {
            DemandColumn::Demand => "Demand",
            DemandColumn::Target => "Target model",
            DemandColumn::Achieved => "Achieved model",
            DemandColumn::Meets => "Meets target",
            DemandColumn::Intact => "Intact capacity",
            DemandColumn::Worst => "Worst single failure",
            DemandColumn::Spofs => "Single points of failure",
        }
    }
}

/// Whether the rows run from the smallest value of the sort column or from the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    pub(super) fn flipped(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }

    /// The header's mark of the sort column.
    pub(super) fn arrow(self) -> &'static str {
        match self {
            Direction::Ascending => "▲",
            Direction::Descending => "▼",
        }
    }
}

/// Whether a demand meets the resiliency model its architect asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Below,
    NoTarget,
    Meets,
}

/// One demand as the table shows it, built once per analysis (names looked up once, not per
/// frame).
struct Row {
    demand: SmolStr,
    /// "Chicago HQ → Azure East US".
    title: String,
    target: Option<ResiliencyTarget>,
    achieved: crate::resilience::ModelKind,
    verdict: Verdict,
    intact_mbps: u64,
    required_mbps: u64,
    /// The failure domain that leaves the least, and what it leaves.
    worst: Option<(String, u64)>,
    spofs: Vec<String>,
}

/// What an order of the rows is of: the analyses, the sort column and its direction.
type OrderKey = ((u64, u64), DemandColumn, Direction);

/// The table's state: the sort, the rows of the last analysis and their order, cached per
/// (analysis, column, direction) so that a frame only lays out the rows in view.
#[derive(Default)]
pub struct DemandTable {
    pub column: DemandColumn,
    pub direction: Direction,
    rows: Option<((u64, u64), Vec<Row>)>,
    order: Option<(OrderKey, Vec<u32>)>,
    /// How many times the rows were sorted (tests check idle frames do not sort).
    pub sorts: u64,
}

impl DemandTable {
    /// The demands' ids in the order shown (tests).
    #[cfg(test)]
    pub(crate) fn shown_order(&self) -> Vec<String> {
        let (Some((_, rows)), Some((_, order))) = (&self.rows, &self.order) else {
            return Vec::new();
        };
        order
            .iter()
            .map(|&i| rows[i as usize].demand.to_string())
            .collect()
    }

    /// Click on a header: sort by it, or turn the order round when it is the sort column.
    fn sort_by(&mut self, column: DemandColumn) {
        if self.column == column {
            self.direction = self.direction.flipped();
        } else {
            self.column = column;
            self.direction = Direction::Ascending;
        }
    }

    fn refresh(&mut self, a: &Analyses, design: &Design) {
        if self.rows.as_ref().is_none_or(|(k, _)| *k != a.key) {
            let names = names_of(design);
            let rows = a
                .resilience
                .demands
                .iter()
                .map(|d| row_of(d, a, design, &names))
                .collect();
            self.rows = Some((a.key, rows));
            self.order = None;
        }
        let key = (a.key, self.column, self.direction);
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let rows = self.rows.as_ref().map_or(&[][..], |(_, r)| r.as_slice());
            let mut order: Vec<u32> = (0..rows.len() as u32).collect();
            let column = self.column;
            // Stable: rows equal in the sort column keep the design's order.
            order.sort_by(|&x, &y| compare(&rows[x as usize], &rows[y as usize], column));
            if self.direction == Direction::Descending {
                order.reverse();
            }
            self.order = Some((key, order));
            self.sorts += 1;
        }
    }
}

/// Every node's, link's and demand's name by id ("" names fall back to the id), for tables that
/// name elements.
pub(super) fn names_of(design: &Design) -> FxHashMap<SmolStr, String> {
    let mut names = FxHashMap::default();
    names.reserve(design.nodes.len() + design.links.len() + design.demands.len());
    let mut put = |id: &str, name: &str| {
        let shown = if name.trim().is_empty() { id } else { name };
        names.insert(SmolStr::from(id), shown.to_string());
    };
    for n in &design.nodes {
        put(n.id.as_str(), &n.name);
    }
    for l in &design.links {
        put(l.id.as_str(), &l.name);
    }
    for d in &design.demands {
        put(d.id.as_str(), "");
    }
    names
}

fn row_of(
    d: &DemandResult,
    a: &Analyses,
    design: &Design,
    names: &FxHashMap<SmolStr, String>,
) -> Row {
    let name = |id: &str| names.get(id).map_or(id, String::as_str).to_string();
    let target = design
        .demands
        .get(d.index)
        .and_then(|x| x.target_resiliency);
    let verdict = match target {
        None => Verdict::NoTarget,
        Some(t) if d.intact_mbps > 0 && d.model.kind.meets(t) => Verdict::Meets,
        Some(_) => Verdict::Below,
    };
    Row {
        demand: d.demand.clone(),
        title: format!("{} → {}", name(&d.site), name(&d.region)),
        target,
        achieved: d.model.kind,
        verdict,
        intact_mbps: d.intact_mbps,
        required_mbps: d.required_mbps,
        worst: d.worst_single().map(|s| {
            let what: Vec<&str> = s
                .domains
                .iter()
                .map(|i| a.resilience.domain_label(i))
                .collect();
            (what.join(" + "), s.residual_mbps)
        }),
        spofs: d
            .spofs
            .iter()
            .map(|&i| a.resilience.domain_label(i).to_string())
            .collect(),
    }
}

fn compare(x: &Row, y: &Row, column: DemandColumn) -> std::cmp::Ordering {
    match column {
        DemandColumn::Demand => x.title.cmp(&y.title),
        // No target first, then Standard, High, Maximum (the model's order).
        DemandColumn::Target => x.target.cmp(&y.target),
        DemandColumn::Achieved => x.achieved.cmp(&y.achieved),
        DemandColumn::Meets => x.verdict.cmp(&y.verdict),
        // Headroom: what is left above the requirement, the least first.
        DemandColumn::Intact => {
            let room = |r: &Row| r.intact_mbps as i128 - r.required_mbps as i128;
            room(x).cmp(&room(y))
        }
        // What the worst failure leaves; a demand no failure reduces leaves all it has.
        DemandColumn::Worst => {
            let left = |r: &Row| r.worst.as_ref().map_or(r.intact_mbps, |w| w.1);
            left(x).cmp(&left(y))
        }
        DemandColumn::Spofs => x.spofs.len().cmp(&y.spofs.len()),
    }
}

/// What a click in the tab asks of the window.
pub(super) enum Asked {
    /// Highlight this demand on the canvas (None: clear the highlight).
    Highlight(Option<String>),
    /// Fit the canvas to the highlighted demand.
    Show,
    /// Select the members of the highlighted demand's single points of failure.
    SelectSpofs,
}

pub(super) fn resilience_ui(
    ui: &mut egui::Ui,
    a: &Analyses,
    design: &Design,
    table: &mut DemandTable,
    highlighted: Option<&canvas::Highlight>,
) -> Option<Asked> {
    for g in &a.gateways {
        let name = g.region.clone();
        ui.label(format!(
                "Gateway {name} ({}): resiliency index {} as designed, {} once validated — R {} ({}), Z {} ({}), A {}",
                g.gateway_sku, g.design_index, g.validated_index, g.r, g.r_reason, g.z, g.z_reason, g.a
            ));
    }
    let mut asked = None;
    if let Some(h) = highlighted {
        ui.horizontal(|ui| {
            ui.label(format!("Highlighted on the canvas: {}", h.title));
            if ui
                .button("Show on canvas")
                .on_hover_text("fit the view to the demand's paths")
                .clicked()
            {
                asked = Some(Asked::Show);
            }
            if ui
                .button("Select its single points of failure")
                .on_hover_text("select the elements whose failure alone loses the demand")
                .clicked()
            {
                asked = Some(Asked::SelectSpofs);
            }
            if ui.button("Clear highlight").clicked() {
                asked = Some(Asked::Highlight(None));
            }
        });
    }
    table.refresh(a, design);
    let (Some((_, rows)), Some((_, order))) = (&table.rows, &table.order) else {
        return asked;
    };
    if rows.is_empty() {
        ui.label("The design has no demands, so no failure analysis was run.");
        return asked;
    }
    let error = crate::gui::canvas::severity_text_color(ui, crate::rules::Severity::Error);
    let good = if ui.visuals().dark_mode {
        egui::Color32::from_rgb(90, 200, 120)
    } else {
        egui::Color32::from_rgb(20, 120, 50)
    };
    let row_height = ui.spacing().interact_size.y;
    let mut clicked_header = None;
    let mut clicked_row: Option<usize> = None;
    TableBuilder::new(ui)
        .id_salt("resilience-table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .columns(Column::initial(110.0).at_least(60.0).clip(true), 3)
        .column(Column::initial(150.0).at_least(80.0).clip(true))
        .column(Column::initial(260.0).at_least(100.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false])
        .header(row_height, |mut header| {
            for column in DemandColumn::ALL {
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
            body.rows(row_height, order.len(), |mut row| {
                let i = order[row.index()] as usize;
                let r = &rows[i];
                let selected = highlighted.is_some_and(|h| h.demand == r.demand.as_str());
                row.set_selected(selected);
                row.col(|ui| {
                    if ui
                        .selectable_label(selected, &r.title)
                        .on_hover_text(format!("demand {}", r.demand))
                        .clicked()
                    {
                        clicked_row = Some(i);
                    }
                });
                row.col(|ui| {
                    cell_ui(ui, target_text(r.target));
                });
                row.col(|ui| {
                    cell_ui(ui, r.achieved.label());
                });
                row.col(|ui| match r.verdict {
                    Verdict::Meets => {
                        ui.add(
                            egui::Label::new(egui::RichText::new("✓ meets").color(good))
                                .selectable(false),
                        );
                    }
                    Verdict::Below => {
                        ui.add(
                            egui::Label::new(egui::RichText::new("✗ below target").color(error))
                                .selectable(false),
                        );
                    }
                    Verdict::NoTarget => {
                        ui.add(
                            egui::Label::new(egui::RichText::new("no target").weak())
                                .selectable(false),
                        );
                    }
                });
                row.col(|ui| {
                    let text = format!("{} of {}", mbps(r.intact_mbps), mbps(r.required_mbps));
                    if r.intact_mbps < r.required_mbps {
                        ui.add(
                            egui::Label::new(egui::RichText::new(text).color(error))
                                .selectable(false),
                        )
                        .on_hover_text("less than the demand requires");
                    } else {
                        cell_ui(ui, &text);
                    }
                });
                row.col(|ui| match &r.worst {
                    Some((what, left)) => {
                        let text = format!("{what}: {} left", mbps(*left));
                        let colour = (*left < r.required_mbps).then_some(error);
                        let mut rich = egui::RichText::new(&text);
                        if let Some(c) = colour {
                            rich = rich.color(c);
                        }
                        ui.add(egui::Label::new(rich).selectable(false))
                            .on_hover_text(text);
                    }
                    None => cell_ui(ui, "no single failure reduces it"),
                });
                row.col(|ui| {
                    let count = r.spofs.len();
                    if count == 0 {
                        cell_ui(ui, "none");
                    } else {
                        ui.add(
                            egui::Label::new(egui::RichText::new(count.to_string()).color(error))
                                .selectable(false),
                        )
                        .on_hover_text(r.spofs.join("\n"));
                    }
                });
                if row.response().clicked() {
                    clicked_row = Some(i);
                }
            });
        });
    if let Some(column) = clicked_header {
        table.sort_by(column);
    }
    if let Some(i) = clicked_row {
        let id = table
            .rows
            .as_ref()
            .and_then(|(_, rows)| rows.get(i))
            .map(|r| r.demand.to_string());
        // A second click on the highlighted demand clears it.
        asked = Some(Asked::Highlight(
            id.filter(|id| highlighted.is_none_or(|h| h.demand != *id)),
        ));
    }
    asked
}

/// A plain cell: text that does not take the row's click.
fn cell_ui(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).selectable(false));
}

fn target_text(t: Option<ResiliencyTarget>) -> &'static str {
    match t {
        None => "none",
        Some(ResiliencyTarget::Standard) => "Standard",
        Some(ResiliencyTarget::High) => "High",
        Some(ResiliencyTarget::Maximum) => "Maximum",
    }
}

/// What the canvas marks for one demand: the links of its intact paths, its site and region,
/// and the members of its single points of failure.
pub(super) fn highlight_of(
    a: &Analyses,
    design: &Design,
    demand: &str,
) -> Option<canvas::Highlight> {
    let d = a.resilience.demand(demand)?;
    let name = |id: &str| {
        design
            .node(&id.into())
            .map_or(id, |n| n.name.as_str())
            .to_string()
    };
    let links = d
        .paths
        .iter()
        .flat_map(|p| p.links.iter().map(|l| SmolStr::from(l.as_str())))
        .collect();
    let spofs = d
        .spofs
        .iter()
        .flat_map(|&i| a.resilience.domains[i].members.iter().cloned())
        .collect();
    Some(canvas::Highlight {
        demand: d.demand.to_string(),
        title: format!("{} → {}", name(&d.site), name(&d.region)),
        key: a.key,
        ends: [d.site.clone(), d.region.clone()],
        links,
        spofs,
    })
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::gui::test_support::*;
    use eframe::egui;
    use egui_kittest::kittest::Queryable;

    /// A click on a header sorts the demands by that column, a second click turns the order
    /// round; the header marks the sort column and its direction.
    #[test]
    fn clicking_a_header_sorts_the_demands() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.get_by_label("Resilience").click();
        h.run_steps(3);
        let analysis = crate::resilience::analyze(
            &h.state().design,
            &Catalog::builtin().unwrap(),
            crate::resilience::Depth::Single,
        );
        assert!(analysis.demands.len() >= 3);
        h.get_by_label("Demand ▲");
        // By headroom over the requirement, the least first (ties in the design's order).
        let mut by_headroom: Vec<&crate::resilience::DemandResult> =
            analysis.demands.iter().collect();
        by_headroom.sort_by_key(|d| d.intact_mbps as i128 - d.required_mbps as i128);
        let expected: Vec<String> = by_headroom.iter().map(|d| d.demand.to_string()).collect();
        let before = h.state().demand_table.shown_order();
        h.get_by_label("Intact capacity").click();
        h.run_steps(2);
        assert_eq!(h.state().demand_table.shown_order(), expected);
        assert_ne!(before, expected, "the sample's order differs by headroom");
        h.get_by_label("Intact capacity ▲").click();
        h.run_steps(2);
        h.get_by_label("Intact capacity ▼");
        let reversed: Vec<String> = expected.into_iter().rev().collect();
        assert_eq!(h.state().demand_table.shown_order(), reversed);
        // Sorting is cached: idle frames do not sort again, and do not analyse again.
        let (runs, sorts) = (h.state().analysis_runs, h.state().demand_table.sorts);
        h.run_steps(3);
        assert_eq!(h.state().analysis_runs, runs);
        assert_eq!(
            h.state().demand_table.sorts,
            sorts,
            "idle frames do not sort"
        );
    }

    /// Only the rows in view are laid out: of 3,000 demands, a screenful.
    #[test]
    fn a_long_table_lays_out_only_the_rows_in_view() {
        let mut app = app_with("designs/dual-cloud-ashburn-chicago.json");
        let first = app.design.demands[0].clone();
        for n in 0..3_000 {
            let mut d = first.clone();
            d.id = format!("d-many-{n}").as_str().into();
            app.design.demands.push(d);
        }
        let mut h = harness(app);
        h.get_by_label("Resilience").click();
        h.run_steps(3);
        let design = &h.state().design;
        let name = |id: &str| design.node(&id.into()).unwrap().name.clone();
        let title = format!(
            "{} → {}",
            name(first.site.as_str()),
            name(first.region.as_str())
        );
        let rows = h.get_all_by_label(&title).count();
        assert!(rows > 3 && rows < 80, "{rows} rows laid out");
    }

    /// A click on a demand highlights its paths and single points of failure on the canvas,
    /// and selects nothing; Escape clears it.
    #[test]
    fn selecting_a_demand_highlights_its_paths_and_single_points_of_failure() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        h.get_by_label("Resilience").click();
        h.run_steps(3);
        let design = h.state().design.clone();
        let analysis = crate::resilience::analyze(
            &design,
            &Catalog::builtin().unwrap(),
            crate::resilience::Depth::Single,
        );
        // A demand with paths and a single point of failure.
        let d = analysis
            .demands
            .iter()
            .find(|d| !d.spofs.is_empty() && !d.paths.is_empty())
            .expect("the sample has a demand with a single point of failure");
        let name = |id: &str| design.node(&id.into()).unwrap().name.clone();
        let title = format!("{} → {}", name(&d.site), name(&d.region));
        let selection = h.state().selection.clone();
        // Two demands of the sample join the same site and region: the first row of them.
        h.get_all_by_label(&title).next().unwrap().click();
        h.run_steps(3);
        let highlight = h
            .state()
            .highlight
            .clone()
            .expect("the demand is highlighted");
        let d = analysis.demand(&highlight.demand).unwrap();
        assert_eq!(format!("{} → {}", name(&d.site), name(&d.region)), title);
        // The line above the table names it as the table does, not by its id.
        h.get_by_label(&format!("Highlighted on the canvas: {title}"));
        let paths: rustc_hash::FxHashSet<smol_str::SmolStr> = d
            .paths
            .iter()
            .flat_map(|p| p.links.iter().map(|l| smol_str::SmolStr::from(l.as_str())))
            .collect();
        assert!(!paths.is_empty());
        assert_eq!(highlight.links, paths);
        let spofs: rustc_hash::FxHashSet<smol_str::SmolStr> = d
            .spofs
            .iter()
            .flat_map(|&i| analysis.domains[i].members.iter().cloned())
            .collect();
        assert!(!spofs.is_empty());
        assert_eq!(highlight.spofs, spofs);
        assert_eq!(h.state().selection, selection, "nothing is selected");
        h.get_by_label("Select its single points of failure")
            .click();
        h.run_steps(2);
        let selected: rustc_hash::FxHashSet<smol_str::SmolStr> = h
            .state()
            .selection
            .iter()
            .map(|s| smol_str::SmolStr::from(s.as_str()))
            .collect();
        assert_eq!(selected, spofs, "the button selects them");
        assert!(h.state().highlight.is_some(), "and keeps the highlight");
        h.get_by_label("Show on canvas");
        // The canvas paints it: lines in the highlight colour, rings in the error colour.
        let (lines, rings) = painted(&h);
        assert!(lines >= paths.len(), "{lines} highlighted lines");
        assert!(rings > 0, "single points of failure ringed");
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        assert!(h.state().highlight.is_none(), "Escape clears the highlight");
        assert!(h.query_by_label("Show on canvas").is_none());
        assert_eq!(painted(&h), (0, 0), "nothing highlighted is left");

        // Again; Show on canvas fits the view to the demand; a click on empty canvas clears it.
        h.get_all_by_label(&title).next().unwrap().click();
        h.run_steps(3);
        assert!(h.state().highlight.is_some());
        let before = (h.state().view.zoom, h.state().view.offset);
        h.get_by_label("Show on canvas").click();
        h.run_steps(3);
        let view = &h.state().view;
        assert_ne!(
            (view.zoom, view.offset),
            before,
            "the view moved to the demand"
        );
        let site = design.node(&d.site.as_str().into()).unwrap().position;
        assert!(view.rect.contains(view.to_screen(view.rect.min, site)));
        let corner = h.state().view.rect.min + egui::vec2(12.0, 12.0);
        click_at(&mut h, corner);
        assert!(
            h.state().highlight.is_none(),
            "a click on empty canvas clears it"
        );
    }

    /// Lines the last frame painted in the palette's highlight colour, and rings (unfilled
    /// rectangles) stroked in the error colour.
    fn painted(h: &egui_kittest::Harness<'static, crate::gui::DesignerApp>) -> (usize, usize) {
        use eframe::egui::epaint::{ColorMode, Shape};
        let theme = if h.state().dark_mode {
            crate::look::Theme::Dark
        } else {
            crate::look::Theme::Light
        };
        let pal = theme.palette();
        let colour = |[r, g, b]: crate::look::Rgb| egui::Color32::from_rgb(r, g, b);
        let (highlight, error) = (
            colour(pal.highlight),
            colour(pal.severity(crate::rules::Severity::Error)),
        );
        fn walk(shape: &Shape, f: &mut dyn FnMut(&Shape)) {
            match shape {
                Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, f)),
                s => f(s),
            }
        }
        let (mut lines, mut rings) = (0, 0);
        for clipped in &h.output().shapes {
            walk(&clipped.shape, &mut |s| match s {
                Shape::Path(p) if p.stroke.color == ColorMode::Solid(highlight) => lines += 1,
                Shape::Rect(r)
                    if r.stroke.color == error && r.fill == egui::Color32::TRANSPARENT =>
                {
                    rings += 1
                }
                _ => {}
            });
        }
        (lines, rings)
    }
}

//! Charts of the Cost tab (egui_plot): monthly cost by category, and metered vs unlimited for
//! one ExpressRoute circuit with its break-even point.

use crate::costing::Costing;
use crate::costing::whatif::MeteredVsUnlimited;
use crate::model::Usd;
use eframe::egui;
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};

fn dollars(u: Usd) -> f64 {
    // For drawing only; totals are computed exactly elsewhere.
    u.micros() as f64 / 1e6
}

pub fn cost_by_category_ui(ui: &mut egui::Ui, cost: &Costing) {
    let bars: Vec<Bar> = cost
        .by_category
        .iter()
        .enumerate()
        .map(|(i, (category, amount))| {
            Bar::new(i as f64, dollars(*amount))
                .name(category.label())
                .width(0.7)
        })
        .collect();
    let labels: Vec<String> = cost
        .by_category
        .keys()
        .map(|c| c.label().to_string())
        .collect();
    Plot::new("cost-by-category")
        .height(170.0)
        .width(420.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_label("USD / month")
        .x_axis_formatter(move |mark, _| {
            labels
                .get(mark.value.round() as usize)
                .cloned()
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("monthly by category", bars))
        });
}

pub fn break_even_ui(ui: &mut egui::Ui, c: &MeteredVsUnlimited) {
    let (Some(fee), Some(rate), Some(unlimited)) =
        (c.metered_fee, c.egress_rate, c.unlimited_monthly)
    else {
        ui.label(format!(
            "{}: metered vs unlimited cannot be drawn; missing {}",
            c.circuit,
            c.missing.join("; ")
        ));
        return;
    };
    let max_gb = (c.break_even_gb.unwrap_or(0) as f64 * 2.0)
        .max(c.egress_gb * 1.5)
        .max(1_000.0);
    let metered: PlotPoints = (0..=50)
        .map(|i| {
            let gb = max_gb * f64::from(i) / 50.0;
            [gb, dollars(fee) + dollars(rate) * gb]
        })
        .collect();
    let flat: PlotPoints = vec![[0.0, dollars(unlimited)], [max_gb, dollars(unlimited)]].into();
    let here: PlotPoints = vec![
        [c.egress_gb, 0.0],
        [
            c.egress_gb,
            dollars(unlimited).max(dollars(fee) + dollars(rate) * c.egress_gb),
        ],
    ]
    .into();
    Plot::new(("break-even", c.circuit.as_str()))
        .height(170.0)
        .width(420.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("GB / month")
        .y_axis_label("USD / month")
        .legend(egui_plot::Legend::default())
        .show(ui, |plot| {
            plot.line(Line::new("metered", metered));
            plot.line(Line::new("unlimited", flat));
            plot.line(Line::new("this design", here));
        });
}

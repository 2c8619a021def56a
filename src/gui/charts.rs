//! Charts of the Cost tab (egui_plot): monthly cost by category (each category in the colour
//! the report gives it), and metered vs unlimited for one ExpressRoute circuit with its
//! break-even point.

use crate::costing::whatif::MeteredVsUnlimited;
use crate::costing::{Category, Costing};
use crate::look;
use crate::model::Usd;
use eframe::egui;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoint, PlotPoints, Text};

fn dollars(u: Usd) -> f64 {
    // For drawing only; totals are computed exactly elsewhere.
    u.micros() as f64 / 1e6
}

/// Monthly cost by category: one bar per category in its colour (`look::category_rgb`, the
/// report's), named in the legend, its amount written above it.
pub fn cost_by_category_ui(ui: &mut egui::Ui, cost: &Costing) {
    let categories: Vec<(Category, Usd)> = cost.by_category.iter().map(|(c, u)| (*c, *u)).collect();
    let labels: Vec<&'static str> = categories.iter().map(|(c, _)| c.label()).collect();
    let few = categories.len() <= 3;
    Plot::new("cost-by-category")
        .height(190.0)
        .width(460.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .y_axis_label("USD / month")
        .x_axis_label("category (see the legend)")
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        // Names under the bars only while they fit; the legend names them all.
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if few && (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels
                    .get(i as usize)
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for (i, (category, amount)) in categories.iter().enumerate() {
                let colour = crate::gui::canvas::paint::rgb(look::category_rgb(*category));
                let name = category.label();
                plot.bar_chart(
                    BarChart::new(
                        name,
                        // Solid, as the report's bars (egui_plot's own fill is a pale tint).
                        vec![
                            Bar::new(i as f64, dollars(*amount))
                                .name(name)
                                .width(0.7)
                                .fill(colour)
                                .stroke(egui::Stroke::new(1.0, colour)),
                        ],
                    )
                    .color(colour)
                    .element_formatter(Box::new(|bar, _| {
                        format!("{}: ${:.2}/month", bar.name, bar.value)
                    })),
                );
                plot.text(
                    Text::new(
                        name,
                        PlotPoint::new(i as f64, dollars(*amount)),
                        crate::model::dollars(*amount),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
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
        .legend(Legend::default())
        .show(ui, |plot| {
            plot.line(Line::new("metered", metered));
            plot.line(Line::new("unlimited", flat));
            plot.line(Line::new("this design", here));
        });
}

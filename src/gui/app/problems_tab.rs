//! The Problems tab: the active findings, filtered by severity and code (click one to select
//! its elements; Fix applies the change its rule offers as one undo step; Accept… records it as
//! an accepted risk), then the accepted ones. Each finding takes two lines: its code, buttons
//! and message; then its elements by name, its source and its hint. With nothing to show it
//! says what was checked.

use super::*;
use crate::gui::analysis::Analyses;
use crate::rules::{Finding, Severity};
use std::collections::HashMap;
use std::sync::Arc;

/// Which findings the tab lists (kept in egui's memory, per window).
#[derive(Clone, PartialEq)]
struct Filter {
    /// Shown severities: error, warning, info.
    shown: [bool; 3],
    /// Part of a code or rule name, any case ("ER0", "premium"); empty lets every code through.
    code: String,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            shown: [true; 3],
            code: String::new(),
        }
    }
}

const SEVERITIES: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Info"),
];

impl Filter {
    /// Whether `f` is listed; `code` is the filter's code, trimmed and in lower case.
    fn passes(&self, code: &str, f: &Finding) -> bool {
        let shown = SEVERITIES
            .iter()
            .zip(self.shown)
            .any(|((s, _), on)| on && *s == f.severity);
        shown
            && (code.is_empty()
                || f.code.to_ascii_lowercase().contains(code)
                || f.rule.contains(code))
    }
}

/// What the tab lists for one revision and filter, worked out when either changes rather than
/// every frame (a 10,000-site design has thousands of findings).
#[derive(Clone)]
struct Listed {
    key: (u64, u64),
    filter: Filter,
    /// Indices of the active findings the filter lets through.
    rows: Arc<Vec<usize>>,
    /// Indices of the accepted findings.
    accepted: Arc<Vec<usize>>,
    /// Active findings per severity (error, warning, info), whatever the filter.
    counts: [usize; 3],
    /// Element names by id, for the rows in view.
    names: Arc<HashMap<String, String>>,
}

impl Listed {
    fn build(
        a: &Analyses,
        design: &Design,
        filter: &Filter,
        names: Option<Arc<HashMap<String, String>>>,
    ) -> Self {
        let items = &a.findings.items;
        let code = filter.code.trim().to_ascii_lowercase();
        let rows = (0..items.len())
            .filter(|&i| items[i].excluded.is_none() && filter.passes(&code, &items[i]))
            .collect();
        let accepted = (0..items.len())
            .filter(|&i| items[i].excluded.is_some())
            .collect();
        let counts = SEVERITIES.map(|(s, _)| a.count(s));
        let names = names.unwrap_or_else(|| Arc::new(names_by_id(design)));
        Listed {
            key: a.key,
            filter: filter.clone(),
            rows: Arc::new(rows),
            accepted: Arc::new(accepted),
            counts,
            names,
        }
    }
}

/// Every named element's name by id (an element without a name is shown by its id).
fn names_by_id(design: &Design) -> HashMap<String, String> {
    let named = design
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.name.as_str()))
        .chain(
            design
                .links
                .iter()
                .map(|l| (l.id.as_str(), l.name.as_str())),
        );
    named
        .filter(|(_, name)| !name.is_empty())
        .map(|(id, name)| (id.to_string(), name.to_string()))
        .collect()
}

/// "1 rule", "82 rules" ([`crate::model::count`]; these nouns take an s).
fn counted(n: usize, one: &str) -> String {
    crate::model::count(n, one, &format!("{one}s"))
}

/// What an empty list says: what was checked, and what would check more.
fn nothing_found(design: &Design) -> Vec<String> {
    let mut lines = vec![format!(
        "No problems found — {} checked on {} and {}.",
        counted(crate::rules::enabled_count(design), "rule"),
        counted(design.nodes.len(), "node"),
        counted(design.links.len(), "link"),
    )];
    if design.demands.is_empty() {
        lines.push("Add a demand (Demands tab) to run the failure analysis.".into());
    }
    lines
}

pub(super) fn problems_ui(
    ui: &mut egui::Ui,
    a: &Analyses,
    design: &Design,
    current: bool,
    select: &mut Option<Vec<String>>,
    exclude: &mut Option<(String, Vec<String>)>,
    fix: &mut Option<Edit>,
) {
    let memory = egui::Id::new("problems-list");
    let mut listed: Option<Listed> = ui.data(|d| d.get_temp(memory));
    let mut filter = listed
        .as_ref()
        .map(|l| l.filter.clone())
        .unwrap_or_default();
    let counts = match &listed {
        Some(l) if l.key == a.key => l.counts,
        _ => SEVERITIES.map(|(s, _)| a.count(s)),
    };
    let active: usize = counts.iter().sum();
    if active > 0 {
        ui.horizontal(|ui| {
            for ((_, label), (on, n)) in SEVERITIES.iter().zip(filter.shown.iter_mut().zip(counts))
            {
                ui.toggle_value(on, format!("{label} ({n})"))
                    .on_hover_text(format!("show or hide the {}", label.to_lowercase()));
            }
            ui.separator();
            let code = ui.label("Code:");
            ui.add(
                egui::TextEdit::singleline(&mut filter.code)
                    .hint_text("ER005, premium …")
                    .desired_width(140.0),
            )
            .labelled_by(code.id);
        });
    }
    let stale = listed
        .as_ref()
        .is_none_or(|l| l.key != a.key || l.filter != filter);
    if stale {
        // The names depend on the revision only: a new filter keeps them.
        let names = listed
            .as_ref()
            .filter(|l| l.key == a.key)
            .map(|l| l.names.clone());
        let fresh = Listed::build(a, design, &filter, names);
        ui.data_mut(|d| d.insert_temp(memory, fresh.clone()));
        listed = Some(fresh);
    }
    let Some(listed) = listed else { return };
    if active == 0 {
        for line in nothing_found(design) {
            ui.label(line);
        }
    } else if listed.rows.is_empty() {
        ui.weak(format!(
            "No finding matches the filter ({} hidden).",
            counted(active, "finding")
        ));
    }
    let items = &a.findings.items;
    let (rows, accepted) = (&listed.rows, &listed.accepted);
    let lines = 2 * rows.len()
        + if accepted.is_empty() {
            0
        } else {
            1 + accepted.len()
        };
    let row_height = ui.spacing().interact_size.y;
    super::tabs::rows("problems").show_rows(ui, row_height, lines, |ui, range| {
        for line in range {
            if let Some(&i) = rows.get(line / 2) {
                let f = &items[i];
                if line % 2 == 0 {
                    finding_ui(ui, f, current, select, exclude, fix);
                } else {
                    details_ui(ui, f, &listed.names);
                }
            } else if line == 2 * rows.len() {
                ui.weak("Accepted risks");
            } else if let Some(f) = accepted.get(line - 2 * rows.len() - 1).map(|&i| &items[i]) {
                ui.weak(format!(
                    "{} {} — {}",
                    f.code,
                    f.message,
                    f.excluded.as_deref().unwrap_or("")
                ));
            }
        }
    });
}

/// A finding's first line: severity and code, Fix when its rule offers one (enabled when the
/// findings are the current revision's), Accept…, message.
fn finding_ui(
    ui: &mut egui::Ui,
    f: &Finding,
    current: bool,
    select: &mut Option<Vec<String>>,
    exclude: &mut Option<(String, Vec<String>)>,
    fix: &mut Option<Edit>,
) {
    ui.horizontal(|ui| {
        ui.colored_label(canvas::severity_text_color(ui, f.severity), f.code)
            .on_hover_text(format!("{} ({})", f.rule, f.severity.label()));
        if let Some(offered) = &f.fix {
            let button = ui
                .add_enabled(current, egui::Button::new("Fix").small())
                .on_hover_text(format!("{} (one undo step)", offered.label))
                .on_disabled_hover_text(format!(
                    "{}: offered once the analysis of the latest change is done",
                    offered.label
                ));
            if button.clicked() {
                *fix = Some(offered.edit.clone());
            }
        }
        if ui
            .small_button("Accept…")
            .on_hover_text("exclude this finding, with a comment")
            .clicked()
        {
            *exclude = Some((f.code.to_string(), f.subjects.clone()));
        }
        if ui.link(&f.message).on_hover_text(&f.message).clicked() {
            *select = Some(f.subjects.clone());
        }
    });
}

/// A finding's second line: its elements by name, its source, its hint.
fn details_ui(ui: &mut egui::Ui, f: &Finding, names: &HashMap<String, String>) {
    ui.horizontal(|ui| {
        ui.add_space(ui.spacing().indent);
        // A few names; the rest on hover, with every id.
        const NAMED: usize = 3;
        fn name<'a>(names: &'a HashMap<String, String>, id: &'a String) -> &'a str {
            names.get(id).map_or(id.as_str(), String::as_str)
        }
        let mut shown: Vec<&str> = f
            .subjects
            .iter()
            .take(NAMED)
            .map(|id| name(names, id))
            .collect();
        let more = f.subjects.len().saturating_sub(NAMED);
        let more = format!("and {more} more");
        if f.subjects.len() > NAMED {
            shown.push(&more);
        }
        ui.weak(shown.join(", ")).on_hover_text(
            f.subjects
                .iter()
                .map(|id| format!("{} ({id})", name(names, id)))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        ui.weak("·");
        ui.weak(format!("Source: {}", f.reference))
            .on_hover_ui(|ui| citations_ui(ui, f.reference));
        ui.weak("·");
        ui.add(egui::Label::new(egui::RichText::new(f.hint).weak()).truncate());
    });
}

/// What a rule's reference cites, resolved (shown on hover only).
fn citations_ui(ui: &mut egui::Ui, reference: &str) {
    use crate::reference::Cited;
    for cited in crate::reference::scan(reference).0 {
        match cited {
            Cited::Citation(c) => ui.label(format!("{}: {}", c.id, c.about)),
            Cited::Source(s) => ui.label(format!(
                "{}: {}, {} ({}; {}) {}",
                s.id,
                s.title,
                s.publisher,
                s.dated,
                s.confidence.words(),
                s.url
            )),
        };
    }
    for s in crate::reference::sources_of(reference) {
        if !reference.contains(s.id) {
            ui.weak(format!(
                "{}: {}, {} ({})",
                s.id, s.title, s.publisher, s.dated
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::costing::UserBook;
    use crate::edit::Edit;
    use crate::fixture_design::{base, er_mut, link_mut};
    use crate::gui::DesignerApp;
    use crate::gui::test_support::*;
    use crate::model::{Design, NodeKindTag, Point};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable};

    /// A window on `design` (not saved anywhere), on the Problems tab.
    fn app_of(design: Design) -> DesignerApp {
        let (dir, dirs) = test_dirs();
        let mut app = DesignerApp::new(
            design,
            None,
            Catalog::builtin().unwrap(),
            UserBook::empty(),
            dirs,
        );
        app.test_folder = Some(dir);
        app
    }

    /// The base design with its first circuit named and running one BGP session (ER026, which
    /// its rule offers to fix).
    fn one_bgp_session() -> Design {
        let mut d = base();
        link_mut(&mut d, "er-1").name = "Ashburn primary".into();
        er_mut(&mut d, "er-1").redundant_bgp = false;
        d
    }

    fn messages(h: &Harness<'static, DesignerApp>, code: &str) -> Vec<String> {
        crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
            .active()
            .filter(|f| f.code == code)
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn fix_applies_one_undoable_edit_and_the_finding_goes() {
        let design = one_bgp_session();
        let mut h = harness(app_of(design.clone()));
        let message = messages(&h, "ER026").remove(0);
        h.get_by_label(&message);
        let revision = h.state().history.revision();
        h.get_by_label("Fix").click();
        h.run_steps(2);
        assert!(h.query_by_label(&message).is_none(), "the finding is gone");
        assert!(messages(&h, "ER026").is_empty());
        assert_eq!(h.state().history.revision(), revision + 1, "one edit");
        let er = h
            .state()
            .design
            .link(&"er-1".into())
            .unwrap()
            .as_er()
            .unwrap()
            .clone();
        assert!(er.redundant_bgp, "the second BGP session is enabled");
        // Empty now: it says what was checked.
        assert!(h.query_by_label_contains("No problems found").is_some());
        // One Undo brings the design, and the finding, back.
        h.state_mut().undo();
        h.run_steps(2);
        assert_eq!(h.state().design, design);
        h.get_by_label(&message);
        assert!(h.query_by_label("Fix").is_some());
    }

    /// A large design's findings can be an edit behind while its analysis runs (the window
    /// then says "analysing…"): a fix from them would replace its element as it was, so the
    /// tab offers it only on the current revision's findings.
    #[test]
    fn a_fix_from_findings_an_edit_behind_is_not_applied() {
        let design = one_bgp_session();
        let catalog = Catalog::builtin().unwrap();
        let analyses =
            crate::gui::analysis::Analyses::compute(&design, &catalog, &UserBook::empty(), (0, 1));
        for current in [false, true] {
            let mut h = Harness::builder()
                .with_size(egui::vec2(1000.0, 300.0))
                .build_ui_state(
                    |ui, fix: &mut Option<Edit>| {
                        super::problems_ui(
                            ui, &analyses, &design, current, &mut None, &mut None, fix,
                        );
                    },
                    None,
                );
            h.run_steps(2);
            let button = h.get_by_label("Fix");
            assert_eq!(button.accesskit_node().is_disabled(), !current);
            button.click();
            h.run_steps(2);
            assert_eq!(h.state().is_some(), current, "current: {current}");
        }
    }

    #[test]
    fn findings_show_elements_by_name_the_hint_and_the_source() {
        let h = harness(app_of(one_bgp_session()));
        // The circuit by its name, not its id "er-1".
        h.get_by_label("Ashburn primary");
        assert!(h.query_by_label("er-1").is_none());
        h.get_by_label("Source: ER-BGP-1 (AZ-ROUTE 2023-09-06); ER-TOPO-1");
        h.get_by_label(crate::rules::rule("ER026").unwrap().hint);
    }

    #[test]
    fn severity_filter_hides_a_severity_and_code_filter_a_code() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let findings = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap());
        let active: Vec<_> = findings.active().collect();
        let first_error = &active[0];
        let first_warning = active
            .iter()
            .find(|f| f.severity == crate::rules::Severity::Warning)
            .unwrap();
        h.get_by_label(&first_error.message);
        assert!(
            h.query_by_label(&first_warning.message).is_none(),
            "below the errors"
        );
        let errors = findings.count(crate::rules::Severity::Error);
        h.get_by_label(&format!("Errors ({errors})")).click();
        h.run_steps(2);
        assert!(
            h.query_by_label(&first_error.message).is_none(),
            "errors hidden"
        );
        h.get_by_label(&first_warning.message);
        h.get_by_label(&format!("Errors ({errors})")).click();
        h.run_steps(2);
        h.get_by_label(&first_error.message);

        // A code: only its findings are listed.
        let code = first_warning.code;
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Code:")
            .click();
        h.run_steps(1);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Code:")
            .type_text(code);
        h.run_steps(2);
        h.get_by_label(&first_warning.message);
        assert!(h.query_by_label(&first_error.message).is_none());
        // A code nothing has: the list says so.
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Code:")
            .type_text("XYZ");
        h.run_steps(2);
        assert!(
            h.query_by_label_contains("No finding matches the filter")
                .is_some()
        );
    }

    #[test]
    fn a_clean_design_says_what_was_checked_and_what_demands_add() {
        let rules = crate::rules::RULES.len();
        let h = harness(app_of(base()));
        h.get_by_label(&format!(
            "No problems found — {rules} rules checked on 5 nodes and 6 links."
        ));
        assert!(h.query_by_label_contains("Add a demand").is_none());

        // A rule turned off is not counted as checked.
        let mut d = base();
        d.settings
            .severity_overrides
            .insert("GEN010".into(), crate::model::SeverityOverride::Off);
        let h = harness(app_of(d));
        h.get_by_label(&format!(
            "No problems found — {} rules checked on 5 nodes and 6 links.",
            rules - 1
        ));

        let mut d = base();
        d.demands.clear();
        // The site and one facility, joined by an access circuit.
        d.nodes.truncate(2);
        d.links.truncate(1);
        let h = harness(app_of(d));
        h.get_by_label(&format!(
            "No problems found — {rules} rules checked on 2 nodes and 1 link."
        ));
        h.get_by_label("Add a demand (Demands tab) to run the failure analysis.");
    }

    #[test]
    fn problems_tab_lists_findings_and_idle_frames_do_not_recompute() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let findings = crate::rules::check(&h.state().design, &Catalog::builtin().unwrap());
        let active: Vec<_> = findings.active().collect();
        // The first findings are listed; the list draws only the rows in view, so the last of
        // 54 is not laid out until scrolled to.
        h.get_by_label(&active[0].message);
        assert!(
            h.query_by_label(&active[active.len() - 1].message)
                .is_none()
        );
        let runs = h.state().analysis_runs;
        h.run_steps(5);
        assert_eq!(
            h.state().analysis_runs,
            runs,
            "analyses rerun only when the design changes"
        );
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.run_steps(1);
        assert_eq!(h.state().analysis_runs, runs + 1);
    }

    #[test]
    fn accepting_a_finding_records_it_as_an_excluded_risk() {
        let mut h = harness(app_with("designs/flawed-design.json"));
        let open = |h: &Harness<'static, DesignerApp>| {
            crate::rules::check(&h.state().design, &Catalog::builtin().unwrap())
                .active()
                .count()
        };
        let before = open(&h);
        h.get_all_by_label("Accept…").next().unwrap().click();
        h.run_steps(2);
        let (code, _, _) = h
            .state()
            .accept_dialog
            .clone()
            .expect("the accept dialog is open");
        h.state_mut().accept_dialog.as_mut().unwrap().2 = "Known; tracked in CHG-1234".into();
        h.run_steps(1);
        h.get_by_label("Accept risk").click();
        h.run_steps(2);
        assert_eq!(open(&h), before - 1);
        let e = h.state().design.settings.exclusions.last().unwrap();
        assert_eq!(
            (e.code.as_str(), e.comment.as_str()),
            (code.as_str(), "Known; tracked in CHG-1234")
        );
        h.state_mut().undo();
        assert_eq!(open(&h), before);
    }
}

//! The command palette (Ctrl+Shift+P): a centred box where typing finds every command of the
//! command table (with its shortcut) and every catalog entry (`Catalog::search`, as the
//! palette's catalog search). Enter or a click runs the command or adds the entry where a
//! click on a catalog hit adds it; the arrow keys move; Escape closes.

use super::commands::{COMMANDS, Command, row};
use super::*;

/// How many catalog entries the palette lists under the commands.
const HITS: usize = 8;

/// The palette while it is open: what is typed and which entry Enter runs.
#[derive(Debug, Default, Clone)]
pub struct CommandPalette {
    pub query: String,
    selected: usize,
}

/// One entry of the palette.
enum Entry {
    Command(Command),
    Hit(SearchHit),
}

/// What the keys asked of the palette this frame.
#[derive(Default)]
struct Keys {
    up: bool,
    down: bool,
    enter: bool,
    escape: bool,
}

impl DesignerApp {
    /// The commands whose label (as the menu shows it) or Help text contains the typed words,
    /// label matches first, then the catalog entries that match.
    fn palette_entries(&self, query: &str) -> Vec<Entry> {
        let q = query.trim().to_lowercase();
        let words: Vec<&str> = q.split_whitespace().collect();
        let has = |text: &str| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w))
        };
        let commands = COMMANDS.iter().filter(|r| r.command != Command::Palette);
        let by_label = commands
            .clone()
            .filter(|r| has(&self.command_label(r.command)));
        let by_help = commands
            .filter(|r| !has(&self.command_label(r.command)) && has(r.help))
            .filter(|_| !words.is_empty());
        let mut entries: Vec<Entry> = by_label
            .chain(by_help)
            .map(|r| Entry::Command(r.command))
            .collect();
        entries.extend(self.catalog.search(query, HITS).into_iter().map(Entry::Hit));
        entries
    }

    /// A command's name in the palette and the menus: Undo and Redo name the step
    /// ("Undo move of 3 nodes"); the Arrange commands say they arrange.
    pub(super) fn command_label(&self, command: Command) -> String {
        match command {
            Command::Undo => match self.history.undo_name() {
                Some(name) => format!("Undo {name}"),
                None => "Undo".into(),
            },
            Command::Redo => match self.history.redo_name() {
                Some(name) => format!("Redo {name}"),
                None => "Redo".into(),
            },
            _ => row(command).label.to_string(),
        }
    }

    /// Open the palette, empty.
    pub(super) fn open_command_palette(&mut self) {
        self.shell.command_palette = Some(CommandPalette::default());
    }

    /// Draw the palette and act on the keys and clicks it got.
    pub(super) fn command_palette_ui(&mut self, ctx: &egui::Context) {
        let Some(mut palette) = self.shell.command_palette.take() else {
            return;
        };
        // Taken before the text field sees them: they move and choose, they do not edit.
        let keys = ctx.input_mut(|i| Keys {
            up: i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            down: i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            enter: i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            escape: i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        });
        let entries = self.palette_entries(&palette.query);
        if keys.down {
            palette.selected = (palette.selected + 1).min(entries.len().saturating_sub(1));
        }
        if keys.up {
            palette.selected = palette.selected.saturating_sub(1);
        }
        palette.selected = palette.selected.min(entries.len().saturating_sub(1));
        let mut chosen = keys.enter.then_some(palette.selected);
        let typed_before = palette.query.clone();
        let modal = egui::Modal::new(egui::Id::new("command-palette")).show(ctx, |ui| {
            ui.set_width(520.0);
            let name = ui.label("Command or catalog entry");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut palette.query)
                        .hint_text("undo, export, arrange, Ashburn, eu-west-1 …")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(name.id);
            field.request_focus();
            ui.separator();
            if entries.is_empty() {
                ui.weak("Nothing matches.");
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, entry) in entries.iter().enumerate() {
                        let selected = i == palette.selected;
                        let response = match entry {
                            Entry::Command(command) => {
                                let mut button = egui::Button::new(self.command_label(*command))
                                    .min_size(egui::vec2(ui.available_width(), 0.0))
                                    .selected(selected)
                                    .frame_when_inactive(selected);
                                if let Some(k) = row(*command).keys.first() {
                                    button = button.shortcut_text(ctx.format_shortcut(k));
                                }
                                ui.add_enabled(self.enabled(*command), button)
                                    .on_hover_text(row(*command).help)
                            }
                            Entry::Hit(hit) => ui
                                .add(
                                    egui::Button::new(hit.label())
                                        .min_size(egui::vec2(ui.available_width(), 0.0))
                                        .selected(selected)
                                        .frame_when_inactive(selected)
                                        .shortcut_text("add to the design"),
                                )
                                .on_hover_text("Add this place to the design"),
                        };
                        if selected && (keys.up || keys.down) {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            chosen = Some(i);
                        }
                    }
                });
        });
        if palette.query != typed_before {
            palette.selected = 0;
        }
        if keys.escape || modal.backdrop_response.clicked() {
            return; // closed
        }
        match chosen.and_then(|i| entries.into_iter().nth(i)) {
            Some(Entry::Command(command)) if self.enabled(command) => self.run(command, ctx),
            Some(Entry::Hit(hit)) => self.add_hit_in_free_space(&hit),
            _ => self.shell.command_palette = Some(palette),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::test_support::*;
    use eframe::egui;
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;

    const FIELD: &str = "Command or catalog entry";

    /// Ctrl+Shift+P, "undo": Undo is listed by the step it undoes; Enter runs it and closes.
    #[test]
    fn the_palette_finds_a_command_by_typing_and_enter_runs_it() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        h.state_mut().selection = vec!["site-nyc".into()];
        h.state_mut().delete_selection();
        h.run_steps(2);
        h.key_press_modifiers(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::P,
        );
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("undo");
        h.run_steps(2);
        h.get_by_label("Undo delete of node site-nyc Ctrl+Z");
        assert!(h.query_by_label_contains("Export report").is_none());
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert_eq!(h.state().design, before, "undone");
        assert!(h.state().shell.command_palette.is_none(), "and closed");
    }

    /// A catalog location is found by its name; a click adds it; Escape closes without acting.
    #[test]
    fn the_palette_finds_catalog_entries_and_escape_closes_it() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        let nodes = h.state().design.nodes.len();
        h.get_by_label("View").click();
        h.run_steps(1);
        h.get_by_label("Command palette… Ctrl+Shift+P").click();
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("Frankfurt");
        h.run_steps(2);
        let hit = h.state().catalog.search("Frankfurt", 8)[0].label();
        h.get_by_label(&format!("{hit} add to the design"));
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        assert!(h.state().shell.command_palette.is_none());
        assert_eq!(h.state().design.nodes.len(), nodes, "Escape adds nothing");

        h.state_mut().open_command_palette();
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("Frankfurt");
        h.run_steps(2);
        h.get_by_label(&format!("{hit} add to the design")).click();
        h.run_steps(2);
        assert_eq!(h.state().design.nodes.len(), nodes + 1);
        assert!(h.state().shell.command_palette.is_none());
    }

    /// The arrow keys move the choice Enter runs.
    #[test]
    fn arrow_keys_choose_what_enter_runs() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().open_command_palette();
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("select");
        h.run_steps(2);
        // "Select All" first by its label, then commands whose Help says "select".
        h.key_press(egui::Key::ArrowDown);
        h.run_steps(1);
        h.key_press(egui::Key::ArrowUp);
        h.run_steps(1);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        let d = &h.state().design;
        assert_eq!(h.state().selection.len(), d.nodes.len() + d.links.len());
    }

    /// The View and Help entries that are checkboxes or buttons in the menus are commands too.
    #[test]
    fn the_palette_finds_the_view_and_help_entries() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut().open_command_palette();
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("inspector");
        h.run_steps(2);
        h.get_by_label("Show or hide the inspector panel");
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        assert!(!h.state().shell.panels.inspector);
        h.state_mut().open_command_palette();
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, FIELD)
            .type_text("rules");
        h.run_steps(2);
        // The pointer comes over the entry first, as a hand does (a press in the frame the
        // pointer arrives lands on the modal's layer before it knows the pointer is there).
        h.get_by_label("Rules reference").hover();
        h.run_steps(1);
        h.get_by_label("Rules reference").click();
        h.run_steps(2);
        assert!(h.state().shell.command_palette.is_none(), "closed");
        assert_eq!(h.state().help, Some(crate::gui::app::Help::Rules));
    }
}

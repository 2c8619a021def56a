//! One table of what the designer can be told to do from a menu or a key: each row's label,
//! shortcuts and what it does in Help. The menus (which show the first shortcut beside the
//! label), the key handling and the Help window all read it; whether a command is available
//! now and what it does are [`DesignerApp::enabled`] and [`DesignerApp::run`].

use super::*;
use crate::arrange::align::{self, Align, Distribute};
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    ExportReport,
    ExportDiagram,
    ExportOptionsReport,
    ExportTerraform,
    ImportTerraform,
    ImportAzure,
    ImportAws,
    DesignProperties,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Delete,
    SelectAll,
    Fit,
    ZoomIn,
    ZoomOut,
    Connect,
    Cancel,
    ArrangeTiers,
    ArrangeOrganic,
    AlignLeft,
    AlignCentre,
    AlignRight,
    AlignTop,
    AlignMiddle,
    AlignBottom,
    DistributeHorizontally,
    DistributeVertically,
    Palette,
    TogglePalettePanel,
    ToggleInspectorPanel,
    ToggleTabsPanel,
    ToggleTheme,
    ShortcutsHelp,
    RulesHelp,
    About,
}

impl From<Align> for Command {
    fn from(how: Align) -> Self {
        match how {
            Align::Left => Command::AlignLeft,
            Align::Centre => Command::AlignCentre,
            Align::Right => Command::AlignRight,
            Align::Top => Command::AlignTop,
            Align::Middle => Command::AlignMiddle,
            Align::Bottom => Command::AlignBottom,
        }
    }
}

impl From<Distribute> for Command {
    fn from(how: Distribute) -> Self {
        match how {
            Distribute::Horizontally => Command::DistributeHorizontally,
            Distribute::Vertically => Command::DistributeVertically,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Row {
    pub command: Command,
    /// The menu label.
    pub label: &'static str,
    /// The keys that run it; the first is shown in the menu.
    pub keys: &'static [KeyboardShortcut],
    /// Whether the keys work while a text field has the keyboard (plain keys such as C or
    /// Delete are the field's then).
    pub while_typing: bool,
    /// What it does, for Help.
    pub help: &'static str,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Every command. Keys are tried in this order, so a shortcut comes before any shorter one it
/// contains (Ctrl+Shift+Z, redo, before Ctrl+Z, undo).
pub const COMMANDS: &[Row] = &[
    Row {
        command: Command::New,
        label: "New",
        keys: &[],
        while_typing: true,
        help: "a new, empty design",
    },
    Row {
        command: Command::Open,
        label: "Open…",
        keys: &[key(CMD, Key::O)],
        while_typing: true,
        help: "open a design file",
    },
    Row {
        command: Command::Save,
        label: "Save",
        keys: &[key(CMD, Key::S)],
        while_typing: true,
        help: "save the design",
    },
    Row {
        command: Command::SaveAs,
        label: "Save As…",
        keys: &[],
        while_typing: true,
        help: "save the design under another name",
    },
    Row {
        command: Command::ExportReport,
        label: "Export report…",
        keys: &[],
        while_typing: true,
        help: "write the costed report: a PDF, or a web page when the name ends in .html",
    },
    Row {
        command: Command::ExportOptionsReport,
        label: "Export options report…",
        keys: &[],
        while_typing: true,
        help: "choose another design file to compare with, then write the report with an options page: cost, resilience per demand and risks side by side, and a recommendation",
    },
    Row {
        command: Command::ExportDiagram,
        label: "Export diagram…",
        keys: &[],
        while_typing: true,
        help: "write the diagram as SVG or PNG, as the canvas and the report draw it",
    },
    Row {
        command: Command::ExportTerraform,
        label: "Export Terraform…",
        keys: &[],
        while_typing: true,
        help: "choose a folder and write the design as Terraform there (providers.tf, azure.tf, aws.tf, variables.tf), as `linkwright export terraform` does; files of those names are replaced, others left alone",
    },
    Row {
        command: Command::ImportTerraform,
        label: "Import Terraform state or plan (terraform show -json)…",
        keys: &[],
        while_typing: true,
        help: "open the ExpressRoute and Direct Connect resources of a Terraform state or saved plan, as JSON from `terraform show -json`, as a new design; what could not be imported is listed",
    },
    Row {
        command: Command::ImportAzure,
        label: "Import Azure CLI JSON (az network express-route list / vnet-gateway list)…",
        keys: &[],
        while_typing: true,
        help: "open the JSON of `az network express-route list` or `az network vnet-gateway list` as a new design; what could not be imported is listed",
    },
    Row {
        command: Command::ImportAws,
        label: "Import AWS CLI JSON (describe-connections, -virtual-interfaces, …)…",
        keys: &[],
        while_typing: true,
        help: "open the JSON of `aws directconnect describe-connections`, `describe-lags`, `describe-virtual-interfaces` and `describe-direct-connect-gateways` (select several files) as a new design; what could not be imported is listed",
    },
    Row {
        command: Command::DesignProperties,
        label: "Design properties…",
        keys: &[],
        while_typing: true,
        help: "name, author, organisation, version and confidentiality line of the design (the report prints them)",
    },
    Row {
        command: Command::Quit,
        label: "Quit",
        keys: &[],
        while_typing: true,
        help: "close the window (asks first when there are unsaved changes)",
    },
    Row {
        command: Command::Redo,
        label: "Redo",
        keys: &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
        while_typing: true,
        help: "redo",
    },
    Row {
        command: Command::Undo,
        label: "Undo",
        keys: &[key(CMD, Key::Z)],
        while_typing: true,
        help: "undo",
    },
    Row {
        command: Command::Cut,
        label: "Cut",
        keys: &[],
        while_typing: false,
        help: "copy the selection, then delete it",
    },
    Row {
        command: Command::Copy,
        label: "Copy",
        keys: &[key(CMD, Key::C)],
        while_typing: false,
        help: "copy the selection",
    },
    Row {
        command: Command::Paste,
        label: "Paste",
        keys: &[key(CMD, Key::V)],
        while_typing: false,
        help: "paste what was copied, with new ids",
    },
    Row {
        command: Command::Delete,
        label: "Delete",
        keys: &[
            key(Modifiers::NONE, Key::Delete),
            key(Modifiers::NONE, Key::Backspace),
        ],
        while_typing: false,
        help: "delete the selection (a node takes its links and demands)",
    },
    Row {
        command: Command::SelectAll,
        label: "Select All",
        keys: &[key(CMD, Key::A)],
        while_typing: false,
        help: "select every node and link",
    },
    Row {
        command: Command::Fit,
        label: "Fit to view",
        keys: &[key(Modifiers::NONE, Key::F)],
        while_typing: false,
        help: "fit the design to the window",
    },
    Row {
        command: Command::ZoomIn,
        label: "Zoom in",
        keys: &[],
        while_typing: false,
        help: "zoom in (or the wheel, or a pinch)",
    },
    Row {
        command: Command::ZoomOut,
        label: "Zoom out",
        keys: &[],
        while_typing: false,
        help: "zoom out",
    },
    Row {
        command: Command::Connect,
        label: "Connect",
        keys: &[key(Modifiers::NONE, Key::C)],
        while_typing: false,
        help: "connect tool: press on a node and release on another (or click one, then the other)",
    },
    Row {
        command: Command::Cancel,
        label: "Cancel",
        keys: &[key(Modifiers::NONE, Key::Escape)],
        while_typing: true,
        help: "leave the connect tool; clear the demand highlighted from the Resilience tab",
    },
    Row {
        command: Command::ArrangeTiers,
        label: "Tiers",
        keys: &[],
        while_typing: false,
        help: "arrange every node in columns: sites | facilities and fabric routers | regions",
    },
    Row {
        command: Command::ArrangeOrganic,
        label: "Organic",
        keys: &[],
        while_typing: false,
        help: "arrange every node by its links (force-directed)",
    },
    Row {
        command: Command::AlignLeft,
        label: "Align left",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the leftmost one's x",
    },
    Row {
        command: Command::AlignCentre,
        label: "Align centre",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the x midway between the outermost",
    },
    Row {
        command: Command::AlignRight,
        label: "Align right",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the rightmost one's x",
    },
    Row {
        command: Command::AlignTop,
        label: "Align top",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the topmost one's y",
    },
    Row {
        command: Command::AlignMiddle,
        label: "Align middle",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the y midway between the outermost",
    },
    Row {
        command: Command::AlignBottom,
        label: "Align bottom",
        keys: &[],
        while_typing: false,
        help: "move the selected nodes to the lowest one's y",
    },
    Row {
        command: Command::DistributeHorizontally,
        label: "Distribute horizontally",
        keys: &[],
        while_typing: false,
        help: "space the selected nodes evenly between the leftmost and the rightmost",
    },
    Row {
        command: Command::DistributeVertically,
        label: "Distribute vertically",
        keys: &[],
        while_typing: false,
        help: "space the selected nodes evenly between the topmost and the lowest",
    },
    PALETTE_ROW,
    VIEW_AND_HELP_ROWS[0],
    VIEW_AND_HELP_ROWS[1],
    VIEW_AND_HELP_ROWS[2],
    VIEW_AND_HELP_ROWS[3],
    VIEW_AND_HELP_ROWS[4],
    VIEW_AND_HELP_ROWS[5],
    VIEW_AND_HELP_ROWS[6],
];

/// The command palette's row (last: it contains no shorter shortcut).
const PALETTE_ROW: Row = Row {
    command: Command::Palette,
    label: "Command palette…",
    keys: &[key(CMD_SHIFT, Key::P)],
    while_typing: true,
    help: "find any command or catalog entry by typing, then Enter",
};

/// Commands without keys that the menus show as checkboxes or plain buttons; listed so the
/// command palette finds them too.
const VIEW_AND_HELP_ROWS: [Row; 7] = [
    Row {
        command: Command::TogglePalettePanel,
        label: "Show or hide the palette panel",
        keys: &[],
        while_typing: true,
        help: "the element kinds and the catalog search (left)",
    },
    Row {
        command: Command::ToggleInspectorPanel,
        label: "Show or hide the inspector panel",
        keys: &[],
        while_typing: true,
        help: "the selected element's properties (right)",
    },
    Row {
        command: Command::ToggleTabsPanel,
        label: "Show or hide the tabs panel",
        keys: &[],
        while_typing: true,
        help: "problems, resilience, cost and demands (bottom)",
    },
    Row {
        command: Command::ToggleTheme,
        label: "Light or dark theme",
        keys: &[],
        while_typing: true,
        help: "switch between the light and the dark theme",
    },
    Row {
        command: Command::ShortcutsHelp,
        label: "Keyboard shortcuts",
        keys: &[],
        while_typing: true,
        help: "every key and gesture",
    },
    Row {
        command: Command::RulesHelp,
        label: "Rules reference",
        keys: &[],
        while_typing: true,
        help: "every rule's code, name, severity and summary",
    },
    Row {
        command: Command::About,
        label: "About",
        keys: &[],
        while_typing: true,
        help: "version, and the catalog's sources and dates",
    },
];

/// Gestures that are not commands, for Help.
pub const GESTURES: &[(&str, &str)] = &[
    ("Wheel, pinch", "zoom"),
    ("Middle or right drag, Space+drag", "pan"),
];

/// The row of a command.
pub fn row(command: Command) -> &'static Row {
    COMMANDS
        .iter()
        .find(|r| r.command == command)
        .unwrap_or(&COMMANDS[0])
}

impl DesignerApp {
    /// Whether a command can run now (menus grey out the others).
    pub(super) fn enabled(&self, command: Command) -> bool {
        match command {
            Command::Undo => self.history.can_undo(),
            Command::Redo => self.history.can_redo(),
            Command::Cut | Command::Copy | Command::Delete => !self.selection.is_empty(),
            Command::Paste => !self.clipboard.0.is_empty(),
            Command::ExportReport | Command::ExportDiagram | Command::ExportOptionsReport => {
                self.export.is_none()
            }
            Command::ExportTerraform => !self.interchange.exporting(),
            Command::ImportTerraform | Command::ImportAzure | Command::ImportAws => {
                !self.interchange.importing()
            }
            Command::ArrangeTiers | Command::ArrangeOrganic => !self.design.nodes.is_empty(),
            Command::AlignLeft
            | Command::AlignCentre
            | Command::AlignRight
            | Command::AlignTop
            | Command::AlignMiddle
            | Command::AlignBottom => {
                align::node_count(&self.design, &self.selection) >= align::TO_ALIGN
            }
            Command::DistributeHorizontally | Command::DistributeVertically => {
                align::node_count(&self.design, &self.selection) >= align::TO_DISTRIBUTE
            }
            _ => true,
        }
    }

    /// Run a command, from a menu or a key.
    pub(super) fn run(&mut self, command: Command, ctx: &egui::Context) {
        if !self.enabled(command) {
            return;
        }
        use crate::gui::dialogs::Purpose;
        match command {
            Command::New => self.request(Pending::New, ctx),
            Command::Open => self.start_dialog(Purpose::Open),
            Command::Save => self.save(),
            Command::SaveAs => self.start_dialog(Purpose::SaveAs),
            Command::ExportReport => self.start_dialog(Purpose::ExportReport),
            Command::ExportDiagram => self.start_dialog(Purpose::ExportDiagram),
            Command::ExportOptionsReport => self.start_dialog(Purpose::CompareWith),
            Command::ExportTerraform => self.start_dialog(Purpose::ExportTerraform),
            Command::ImportTerraform => {
                self.start_dialog(Purpose::Import(crate::import::Source::Terraform))
            }
            Command::ImportAzure => {
                self.start_dialog(Purpose::Import(crate::import::Source::Azure))
            }
            Command::ImportAws => self.start_dialog(Purpose::Import(crate::import::Source::Aws)),
            Command::DesignProperties => self.properties = Some(self.design.info()),
            Command::Quit => self.request(Pending::Quit, ctx),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Cut => {
                self.copy();
                self.delete_selection();
            }
            Command::Copy => self.copy(),
            Command::Paste => self.paste(),
            Command::Delete => self.delete_selection(),
            Command::SelectAll => self.select_all(),
            Command::Fit => self.view.fit_pending = true,
            Command::ZoomIn => self.view.zoom = (self.view.zoom * 1.25).min(canvas::MAX_ZOOM),
            Command::ZoomOut => self.view.zoom = (self.view.zoom / 1.25).max(canvas::MIN_ZOOM),
            Command::Connect => {
                self.connect = ConnectTool {
                    active: !self.connect.active,
                    ..ConnectTool::default()
                }
            }
            Command::Cancel => {
                self.connect = ConnectTool::default();
                self.link_chooser = None;
                self.highlight = None;
            }
            Command::ArrangeTiers => self.arrange(crate::arrange::Style::Tiers),
            Command::ArrangeOrganic => self.arrange(crate::arrange::Style::Organic),
            Command::AlignLeft => self.align(Align::Left),
            Command::AlignCentre => self.align(Align::Centre),
            Command::AlignRight => self.align(Align::Right),
            Command::AlignTop => self.align(Align::Top),
            Command::AlignMiddle => self.align(Align::Middle),
            Command::AlignBottom => self.align(Align::Bottom),
            Command::DistributeHorizontally => self.distribute(Distribute::Horizontally),
            Command::DistributeVertically => self.distribute(Distribute::Vertically),
            Command::Palette => self.open_command_palette(),
            Command::TogglePalettePanel => self.shell.panels.palette = !self.shell.panels.palette,
            Command::ToggleInspectorPanel => {
                self.shell.panels.inspector = !self.shell.panels.inspector
            }
            Command::ToggleTabsPanel => self.shell.panels.tabs = !self.shell.panels.tabs,
            // The theme, not the visuals of the current one: setting dark visuals on the light
            // theme looked right once, then `theme()` still said light and a second toggle did
            // nothing.
            Command::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                ctx.set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
            Command::ShortcutsHelp => self.help = Some(Help::Shortcuts),
            Command::RulesHelp => self.help = Some(Help::Rules),
            Command::About => self.help = Some(Help::About),
        }
    }

    /// A menu entry for a command: its label (Undo and Redo name the step), its first
    /// shortcut, its Help text on hover, greyed out when unavailable.
    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, command: Command) {
        let label = self.command_label(command);
        self.menu_item_as(ui, command, label);
    }

    /// A menu entry for a command under a label of its own (a submenu that already names
    /// what its entries have in common: File → Import → Terraform state or plan…).
    pub(super) fn menu_item_as(&mut self, ui: &mut egui::Ui, command: Command, label: String) {
        let row = row(command);
        let mut button = egui::Button::new(label);
        if let Some(k) = row.keys.first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(k));
        }
        let enabled = self.enabled(command);
        let response = ui.add_enabled(enabled, button);
        let response = if enabled {
            response.on_hover_text(row.help)
        } else if command == Command::Paste {
            response.on_disabled_hover_text("nothing copied to paste")
        } else {
            response
        };
        if response.clicked() {
            let ctx = ui.ctx().clone();
            self.run(command, &ctx);
        }
    }

    /// The commands whose keys were pressed this frame, run in table order. The copy and paste
    /// events a platform sends for its own shortcuts count as Copy and Paste.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let fired: Vec<Command> = ctx.input_mut(|i| {
            COMMANDS
                .iter()
                .filter(|row| row.while_typing || !typing)
                .filter(|row| {
                    let event = match row.command {
                        Command::Copy => i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
                        Command::Paste => {
                            i.events.iter().any(|e| matches!(e, egui::Event::Paste(_)))
                        }
                        _ => false,
                    };
                    row.keys.iter().any(|k| i.consume_shortcut(k)) || event
                })
                .map(|row| row.command)
                .collect()
        });
        for command in &fired {
            // One of undo and redo per frame.
            if *command == Command::Undo && fired.contains(&Command::Redo) {
                continue;
            }
            self.run(*command, ctx);
        }
    }
}

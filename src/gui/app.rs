//! The designer: one Design, changed only through `edit::History`, with the analyses (rules,
//! failure analysis, cost) recomputed when — and only when — its revision changes.

mod browser;
mod command_palette;
pub(crate) mod commands;
mod cost_tab;
mod demands;
mod interchange;
mod menu;
mod palette;
mod panels;
mod problems_tab;
mod resilience_tab;
mod shell;
mod status;
mod tabs;
mod windows;

use super::canvas::{self, ConnectTool, Drag, Proposal, View};
pub use super::palette::{PaletteItem, SearchHit};
use crate::arrange;
use crate::catalog::Catalog;
use crate::costing::UserBook;
use crate::design_file;
use crate::edit::{Edit, History};
use crate::model::mbps;
use crate::model::*;
use crate::rules::Severity;
use commands::Command;
use eframe::egui;
use std::path::{Path, PathBuf};

pub use super::analysis::Analyses;
pub use panels::Panels;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Shortcuts,
    Rules,
    About,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Problems,
    Resilience,
    Cost,
    Demands,
}

/// Something that would discard unsaved changes, waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    /// Open a design just imported (File → Import…), as a new unsaved design.
    Import(std::sync::Arc<interchange::Arrival>),
    Quit,
}

/// The user's answer to the offer of a recovery copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Restore,
    Discard,
    Later,
}

/// "recovery copy" or "recovery copies".
fn copies(n: usize) -> &'static str {
    if n == 1 {
        "recovery copy"
    } else {
        "recovery copies"
    }
}

/// How often the recovery copy is written while there are unsaved changes.
pub const RECOVERY_SECONDS: f64 = 30.0;

/// Grid spacing for snapping, canvas units.
pub const GRID: f64 = 20.0;

/// A file being written on its own thread: where, what ("report", "diagram"), and the outcome
/// (bytes written, or why not) when done.
type Exporting = (
    PathBuf,
    &'static str,
    std::sync::mpsc::Receiver<Result<usize, String>>,
);

pub struct DesignerApp {
    pub design: Design,
    pub history: History,
    /// Bumped whenever a different design is loaded (the history restarts at revision 0).
    generation: u64,
    saved: (u64, u64),
    pub path: Option<PathBuf>,
    catalog: Catalog,
    user_book: UserBook,
    analyses: Option<Analyses>,
    /// Analyses of a large design running on their own thread.
    background: Option<super::analysis::Background>,
    /// From this many elements the analyses run on a thread (see [`Self::analyses`]).
    pub background_from: usize,
    /// Wakes the window when a background run finishes (set by the first frame).
    repaint: Option<egui::Context>,
    /// How many times the analyses were computed (tests check it stays put on idle frames).
    pub analysis_runs: u64,
    pub selection: Vec<String>,
    pub view: View,
    drag: Option<Drag>,
    pub tab: Tab,
    /// The window's own state: panels, command palette, file browser, broken-file dialog.
    pub shell: shell::Shell,
    /// The Design properties window, open with the values being edited.
    pub properties: Option<crate::model::Info>,
    /// Paper size of exported reports (persisted with the window).
    pub report_paper: crate::report::Paper,
    /// The design chosen to compare with (File → Export options report…), until its report is
    /// exported: the next report written has the options page.
    compare_with: Option<(PathBuf, Design)>,
    /// A report or diagram being written on its own thread: where, what ("report",
    /// "diagram"), and its outcome when done.
    export: Option<Exporting>,
    /// File → Export Terraform… and File → Import…: their threads and the import's summary.
    pub interchange: interchange::Interchange,
    pub pending: Option<Pending>,
    /// The last error or notice, shown in the status bar until dismissed.
    pub message: Option<String>,
    next_id: u64,
    shown_title: String,
    pub connect: ConnectTool,
    buffers: super::inspector::Buffers,
    /// Where the selected elements are, for the inspector of several (found once per revision
    /// and selection).
    located: super::inspector::Located,
    pub help: Option<Help>,
    /// The theme in use (persisted by the window).
    pub dark_mode: bool,
    /// Chooses files for Open / Save As (the native dialog; stubbed in tests).
    pub picker: std::sync::Arc<dyn super::dialogs::FilePicker>,
    native_dialog: Option<super::dialogs::Running>,
    /// A finding being accepted: code, subjects, the comment being typed.
    pub accept_dialog: Option<(String, Vec<String>, String)>,
    pub snap_to_grid: bool,
    /// The canvas's legend, group boxes and minimap (View menu; remembered by the window).
    pub layers: canvas::Layers,
    pub recent: Vec<PathBuf>,
    /// Where recent files and the recovery copy are kept.
    pub dirs: super::files::Dirs,
    /// When the recovery copy was last written (seconds of egui time).
    last_recovery: f64,
    /// This window's recovery copy, and the copies of crashed instances it offers.
    pub recovery: super::recovery::Recovery,
    /// What the canvas derives from the current revision (built once per revision).
    scene: Option<super::scene::Scene>,
    /// Copied nodes and links (Ctrl+C), pasted with new ids (Ctrl+V).
    clipboard: (Vec<Node>, Vec<Link>),
    /// Two nodes to join, waiting for the user to pick a link kind.
    pub link_chooser: Option<(NodeId, NodeId)>,
    /// Text of the catalog search box.
    pub search: String,
    /// The demand picked in the Resilience tab, marked on the canvas (view state).
    pub highlight: Option<canvas::Highlight>,
    /// The Resilience tab's table (sort) and the Cost tab's (filter, sort).
    pub demand_table: resilience_tab::DemandTable,
    pub cost_table: cost_tab::CostTable,
    /// Tests: the temporary folder behind `dirs`, removed when the window's state goes (last
    /// field, so the recovery copy's lock is released first).
    #[cfg(test)]
    pub(super) test_folder: Option<tempfile::TempDir>,
}

impl DesignerApp {
    pub fn new(
        design: Design,
        path: Option<PathBuf>,
        catalog: Catalog,
        user_book: UserBook,
        dirs: super::files::Dirs,
    ) -> Self {
        // Copies left by crashed instances; a notice when one had to be set aside.
        let (recovery, notice) = super::recovery::Recovery::start(&dirs);
        DesignerApp {
            design,
            history: History::new(),
            generation: 0,
            saved: (0, 0),
            path,
            catalog,
            user_book,
            analyses: None,
            analysis_runs: 0,
            background: None,
            background_from: super::analysis::BACKGROUND_FROM,
            repaint: None,
            selection: Vec::new(),
            view: View::default(),
            drag: None,
            tab: Tab::Problems,
            shell: shell::Shell::default(),
            properties: None,
            report_paper: crate::report::Paper::A4,
            compare_with: None,
            export: None,
            interchange: Default::default(),
            pending: None,
            message: notice,
            next_id: 1,
            shown_title: String::new(),
            connect: ConnectTool::default(),
            buffers: Default::default(),
            located: Default::default(),
            help: None,
            dark_mode: true,
            picker: std::sync::Arc::new(super::dialogs::NativePicker),
            native_dialog: None,
            accept_dialog: None,
            snap_to_grid: true,
            layers: canvas::Layers::default(),
            clipboard: (Vec::new(), Vec::new()),
            recent: super::files::recent(&dirs),
            last_recovery: 0.0,
            recovery,
            scene: None,
            dirs,
            link_chooser: None,
            search: String::new(),
            highlight: None,
            demand_table: Default::default(),
            cost_table: Default::default(),
            #[cfg(test)]
            test_folder: None,
        }
    }

    fn key(&self) -> (u64, u64) {
        (self.generation, self.history.revision())
    }

    /// Show the canvas at `zoom` with the design's origin at the top left (benches, tests).
    pub fn zoom_to(&mut self, zoom: f32) {
        self.view.zoom = zoom;
        self.view.offset = egui::Vec2::ZERO;
        self.view.fit_pending = false;
    }

    /// Move the canvas by `delta` points, as a drag does (benches).
    pub fn pan_by(&mut self, delta: egui::Vec2) {
        self.view.offset += delta;
        self.view.fit_pending = false;
    }

    pub fn is_dirty(&self) -> bool {
        self.key() != self.saved
    }

    /// The analyses of the current revision, computed once per revision: at once for a design of
    /// fewer than [`Self::background_from`] elements, else on a thread (one at a time) while the
    /// window shows the latest finished ones — an empty set at first — and says it is analysing.
    pub fn analyses(&mut self) -> &Analyses {
        let key = self.key();
        if let Some(finished) = self.background.as_mut().and_then(|b| b.finished()) {
            self.background = None;
            if let Some(a) = finished {
                self.analyses = Some(a);
            }
        }
        let fresh = self.analyses.as_ref().is_some_and(|a| a.key == key);
        if !fresh && self.design.element_count() >= self.background_from {
            if self.background.is_none() {
                self.analysis_runs += 1;
                self.background = Some(super::analysis::Background::spawn(
                    self.design.clone(),
                    self.catalog.clone(),
                    self.user_book.clone(),
                    key,
                    self.repaint.clone(),
                ));
            }
            let (catalog, book) = (&self.catalog, &self.user_book);
            return self
                .analyses
                .get_or_insert_with(|| super::analysis::Analyses::empty(catalog, book));
        }
        if !fresh {
            self.analyses = None;
        }
        let (design, catalog, book, runs) = (
            &self.design,
            &self.catalog,
            &self.user_book,
            &mut self.analysis_runs,
        );
        self.analyses.get_or_insert_with(|| {
            *runs += 1;
            super::analysis::Analyses::compute(design, catalog, book, key)
        })
    }

    /// Build the canvas's scene (positions, cells, labels, node index) if the revision changed.
    fn ensure_scene(&mut self) {
        let key = self.key();
        if self.scene.as_ref().is_none_or(|s| s.key != key) {
            self.scene = Some(super::scene::Scene::build(&self.design, key));
        }
    }

    /// What the canvas derives from the current revision, once a frame has built it (tests).
    #[cfg(test)]
    pub(crate) fn scene(&self) -> Option<&super::scene::Scene> {
        self.scene.as_ref()
    }

    /// Whether the analyses shown are not yet those of the current revision.
    pub fn analysing(&self) -> bool {
        self.background.is_some() || self.analyses.as_ref().is_some_and(|a| a.key != self.key())
    }

    pub fn apply(&mut self, edit: Edit) {
        if let Err(e) = self.history.apply(&mut self.design, edit) {
            self.message = Some(format!("refused: {e}"));
        }
    }

    pub fn undo(&mut self) {
        let name = self.history.undo_name().map(str::to_owned);
        match self.history.undo(&mut self.design) {
            Ok(true) => self.message = name.map(|n| format!("undone: {n}")),
            Ok(false) => {}
            Err(e) => self.message = Some(format!("cannot undo: {e}")),
        }
        self.selection.retain(|id| exists(&self.design, id));
    }

    pub fn redo(&mut self) {
        let name = self.history.redo_name().map(str::to_owned);
        match self.history.redo(&mut self.design) {
            Ok(true) => self.message = name.map(|n| format!("redone: {n}")),
            Ok(false) => {}
            Err(e) => self.message = Some(format!("cannot redo: {e}")),
        }
    }

    pub fn select_all(&mut self) {
        self.selection = self
            .design
            .nodes
            .iter()
            .map(|n| n.id.to_string())
            .chain(self.design.links.iter().map(|l| l.id.to_string()))
            .collect();
    }

    /// Accept a finding as a risk: an exclusion with the architect's comment, saved in the
    /// design and listed apart from the open findings.
    pub fn exclude(&mut self, code: &str, subjects: Vec<String>, comment: String) {
        let mut settings = self.design.settings.clone();
        settings.exclusions.push(Exclusion {
            code: code.to_string(),
            subjects,
            comment,
        });
        self.apply(Edit::SetSettings { settings });
    }

    /// Centre the view on these elements (their nodes, or the nodes of these links).
    pub fn center_on(&mut self, ids: &[String]) {
        let points: Vec<Point> = ids
            .iter()
            .flat_map(|id| {
                let id = id.as_str();
                let node = self.design.node(&id.into()).map(|n| vec![n.position]);
                let link = self
                    .design
                    .link(&id.into())
                    .map(|l| self.design.end_nodes(l).map(|n| n.position).collect());
                node.or(link).unwrap_or_default()
            })
            .collect();
        if points.is_empty() || !self.view.rect.is_positive() {
            return;
        }
        let n = points.len() as f64;
        let center = Point::new(
            points.iter().map(|p| p.x).sum::<f64>() / n,
            points.iter().map(|p| p.y).sum::<f64>() / n,
        );
        let rect = self.view.rect;
        let now = self.view.to_screen(rect.min, center);
        self.view.offset += rect.center() - now;
    }

    /// Copy the selected nodes and the links between them.
    pub fn copy(&mut self) {
        let nodes: Vec<Node> = self
            .design
            .nodes
            .iter()
            .filter(|n| self.selection.iter().any(|s| s == n.id.as_str()))
            .cloned()
            .collect();
        let links = self
            .design
            .links
            .iter()
            .filter(|l| nodes.iter().any(|n| n.id == l.a) && nodes.iter().any(|n| n.id == l.b))
            .cloned()
            .collect();
        self.clipboard = (nodes, links);
    }

    /// Paste the copied elements with new ids, offset into free space, as one undo step.
    pub fn paste(&mut self) {
        let (nodes, links) = self.clipboard.clone();
        if nodes.is_empty() {
            return;
        }
        let mut renamed: Vec<(NodeId, NodeId)> = Vec::new();
        let mut steps = Vec::new();
        let mut selection = Vec::new();
        for n in nodes {
            let prefix =
                n.id.as_str()
                    .split('-')
                    .next()
                    .unwrap_or("node")
                    .to_string();
            let id: NodeId = self.fresh_id(&prefix).into();
            renamed.push((n.id.clone(), id.clone()));
            selection.push(id.to_string());
            let position = Point::new(n.position.x + 2.0 * GRID, n.position.y + 2.0 * GRID);
            steps.push(Edit::InsertNode {
                index: None,
                node: Node { id, position, ..n },
            });
        }
        // Together, off every node already there: the copies keep their arrangement and move
        // to the nearest free place.
        let pasted: Vec<Node> = steps
            .iter()
            .filter_map(|s| match s {
                Edit::InsertNode { node, .. } => Some(node.clone()),
                _ => None,
            })
            .collect();
        let (dx, dy) = arrange::place::free_shift(&self.design, &pasted);
        for step in &mut steps {
            if let Edit::InsertNode { node, .. } = step {
                node.position = Point::new(node.position.x + dx, node.position.y + dy);
            }
        }
        let map = |id: &NodeId| {
            renamed
                .iter()
                .find(|(old, _)| old == id)
                .map(|(_, new)| new.clone())
        };
        for l in links {
            let (Some(a), Some(b)) = (map(&l.a), map(&l.b)) else {
                continue;
            };
            let prefix =
                l.id.as_str()
                    .split('-')
                    .next()
                    .unwrap_or("link")
                    .to_string();
            let id: LinkId = self.fresh_id(&prefix).into();
            let mut kind = l.kind.clone();
            if let LinkKind::ExpressRouteCircuit(c) = &mut kind {
                c.global_reach.clear();
                c.metro_secondary_facility = c.metro_secondary_facility.as_ref().and_then(map);
            }
            steps.push(Edit::InsertLink {
                index: None,
                link: Link {
                    id,
                    a,
                    b,
                    kind,
                    ..l
                },
            });
        }
        self.apply(Edit::Batch(steps));
        self.selection = selection;
    }

    /// Remove the selected elements (a node takes its links and demands) as one undo step.
    pub fn delete_selection(&mut self) {
        let mut steps = Vec::new();
        for id in &self.selection {
            if self.design.node(&id.as_str().into()).is_some() {
                steps.push(Edit::RemoveNode {
                    id: id.as_str().into(),
                });
            }
        }
        for id in &self.selection {
            let link_id: LinkId = id.as_str().into();
            let owned_by_removed_node = self
                .design
                .link(&link_id)
                .is_some_and(|l| self.selection.iter().any(|s| l.touches(&s.as_str().into())));
            if self.design.link(&link_id).is_some() && !owned_by_removed_node {
                steps.push(Edit::RemoveLink { id: link_id });
            }
        }
        if !steps.is_empty() {
            self.apply(Edit::Batch(steps));
            self.selection.clear();
        }
    }

    fn fresh_id(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}-{}", self.next_id);
            self.next_id += 1;
            if !exists(&self.design, &id) {
                return id;
            }
        }
    }

    /// Add a node of this kind at `at` (canvas units), or at the free place nearest it when
    /// another node's footprint is there, filled with sensible defaults.
    pub fn add_node(&mut self, kind: NodeKindTag, at: Point) {
        let (prefix, name, node_kind) = crate::offers::defaults::new_node(kind);
        let at = arrange::place::free_place(&self.design, at, name);
        let id = self.fresh_id(prefix);
        self.apply(Edit::InsertNode {
            index: None,
            node: Node {
                id: id.as_str().into(),
                name: name.into(),
                position: at,
                notes: String::new(),
                kind: node_kind,
            },
        });
        self.selection = vec![id];
    }

    /// Add a node of this kind where the user gave no place (a click in the palette): in free
    /// space beside the selected nodes, else in the visible area.
    pub fn add_node_in_free_space(&mut self, kind: NodeKindTag) {
        let (_, name, _) = crate::offers::defaults::new_node(kind);
        let at = self.free_place_for(name);
        self.add_node(kind, at);
    }

    /// Where a new node named `name` goes when the user gave no place (see `arrange::place`).
    fn free_place_for(&self, name: &str) -> Point {
        arrange::place::beside(&self.design, &self.selection, self.visible_canvas(), name)
    }

    /// The part of the canvas in the window (canvas units), once the canvas has been drawn.
    fn visible_canvas(&self) -> Option<arrange::footprint::Bounds> {
        let rect = self.view.rect;
        rect.is_positive().then(|| arrange::footprint::Bounds {
            min: self.view.to_canvas(rect.min, rect.min),
            max: self.view.to_canvas(rect.min, rect.max),
        })
    }

    /// Arrange every node (Arrange → Tiers or Organic) as one undo step, then fit the view.
    pub fn arrange(&mut self, style: arrange::Style) {
        let arranged = arrange::arrange(&self.design, style);
        // Named in the words of the menu (the window's font has no arrow).
        let title = match style {
            arrange::Style::Tiers => "Arrange, Tiers",
            arrange::Style::Organic => "Arrange, Organic",
        };
        let Some(edit) = arrange::as_edit(&self.design, &arranged.positions) else {
            self.message = Some(format!("{title}: every node is already in place"));
            return;
        };
        let moved = match &edit {
            Edit::Batch(moves) => moves.len(),
            _ => 1,
        };
        self.apply(edit);
        let mut message = format!(
            "{title}: moved {} (one step to undo)",
            crate::model::count(moved, "node", "nodes")
        );
        if let Some(note) = arranged.note {
            message.push_str(&format!("; {note}"));
        }
        self.message = Some(message);
        self.view.fit_pending = true;
    }

    /// Align the selected nodes as one undo step.
    pub fn align(&mut self, how: arrange::align::Align) {
        if let Some(edit) = arrange::align::align(&self.design, &self.selection, how) {
            self.apply_named(
                edit,
                &format!("{} ", commands::row(Command::from(how)).label),
            );
        }
    }

    /// Space the selected nodes evenly as one undo step.
    pub fn distribute(&mut self, how: arrange::align::Distribute) {
        if let Some(edit) = arrange::align::distribute(&self.design, &self.selection, how) {
            self.apply_named(
                edit,
                &format!("{} ", commands::row(Command::from(how)).label),
            );
        }
    }

    /// Apply a batch of moves and say in the status bar what it was.
    fn apply_named(&mut self, edit: Edit, title: &str) {
        let moved = match &edit {
            Edit::Batch(moves) => moves.len(),
            _ => 1,
        };
        self.apply(edit);
        self.message = Some(format!(
            "{}: moved {}",
            title.trim_end(),
            crate::model::count(moved, "node", "nodes")
        ));
    }

    /// The connect tool proposes joining two nodes: refuse with the reason when no kind of link
    /// joins them, connect directly when exactly one does, else ask which.
    pub fn propose_link(&mut self, from: NodeId, to: NodeId) {
        let (Some(a), Some(b)) = (self.design.node(&from), self.design.node(&to)) else {
            return;
        };
        let kinds = LinkKindTag::valid_between(a.tag(), b.tag());
        match kinds.as_slice() {
            [] => {
                self.message = Some(format!(
                    "cannot connect {} and {}: no link joins a {} and a {} (access circuits join sites to facilities or fabrics; ExpressRoute and Direct Connect join facilities to regions)",
                    a.name,
                    b.name,
                    a.tag().label(),
                    b.tag().label()
                ))
            }
            [only] => self.add_link(*only, from, to),
            _ => self.link_chooser = Some((from, to)),
        }
    }

    /// Add a link of this kind between two nodes, pre-filled with sensible defaults.
    pub fn add_link(&mut self, kind: LinkKindTag, from: NodeId, to: NodeId) {
        let (Some(a), Some(b)) = (self.design.node(&from), self.design.node(&to)) else {
            return;
        };
        let (prefix, link_kind) = crate::offers::defaults::new_link(kind, a, b);
        let id = self.fresh_id(prefix);
        self.apply(Edit::InsertLink {
            index: None,
            link: Link {
                id: id.as_str().into(),
                name: String::new(),
                a: from,
                b: to,
                notes: String::new(),
                kind: link_kind,
            },
        });
        self.selection = vec![id];
    }

    /// Catalog entries matching the search text: ExpressRoute peering locations, Direct
    /// Connect locations, Azure and AWS regions (at most `limit`).
    pub fn search_results(&self, limit: usize) -> Vec<SearchHit> {
        self.catalog.search(&self.search, limit)
    }

    /// Add the node a search hit describes, filled in from the catalog, at `at` or the free
    /// place nearest it.
    pub fn add_hit(&mut self, hit: &SearchHit, at: Point) {
        let (prefix, name, kind) = hit_node(hit);
        let at = arrange::place::free_place(&self.design, at, &name);
        let id = self.fresh_id(prefix);
        self.apply(Edit::InsertNode {
            index: None,
            node: Node {
                id: id.as_str().into(),
                name,
                position: at,
                notes: String::new(),
                kind,
            },
        });
        self.selection = vec![id];
    }

    /// Add the node a search hit describes where the user gave no place (a click on the hit):
    /// in free space beside the selected nodes, else in the visible area.
    pub fn add_hit_in_free_space(&mut self, hit: &SearchHit) {
        let (_, name, _) = hit_node(hit);
        let at = self.free_place_for(&name);
        self.add_hit(hit, at);
    }

    /// The one way to put another design in the window (open, new, restore): a fresh history
    /// under a new generation, nothing selected, fitted to the window, none of the previous
    /// design's analyses. `saved`: whether it is
    /// what its file holds (a restored copy is not).
    fn replace_document(&mut self, design: Design, path: Option<PathBuf>, saved: bool) {
        self.design = design;
        self.history = History::new();
        self.generation += 1;
        self.saved = if saved { self.key() } else { (u64::MAX, 0) };
        self.path = path;
        self.selection.clear();
        self.view.fit_pending = true;
        // The analyses shown, or running, are the previous document's: never shown for this one.
        self.analyses = None;
        self.background = None;
    }

    /// Load a design file; on error the current design stays and the error is shown.
    pub fn open(&mut self, path: &Path) {
        match design_file::load(path) {
            Ok(design) => {
                self.replace_document(design, Some(path.to_owned()), true);
                self.message = None;
                self.recent = super::files::remember(&self.dirs, path);
                self.recovery.document_replaced();
            }
            // Nothing of the design in the window changes; the dialog says where and what.
            Err(e) => self.shell.broken_file = Some(shell::BrokenFile::of(path, &e)),
        }
    }

    /// Show why a design file could not be opened (the command line's file, before the
    /// window's first frame).
    pub fn show_broken_file(&mut self, path: &Path, error: &design_file::LoadError) {
        self.shell.broken_file = Some(shell::BrokenFile::of(path, error));
    }

    pub fn save_to(&mut self, path: &Path) {
        match design_file::save(&self.design, path) {
            Ok(()) => {
                self.path = Some(path.to_owned());
                self.saved = self.key();
                self.message = Some(format!("saved {}", path.display()));
                self.recent = super::files::remember(&self.dirs, path);
                self.recovery.remove_own();
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// "dual-cloud.pdf" beside the design's name, "design-report.pdf" when unsaved.
    fn report_file_name(&self) -> String {
        let options = if self.compare_with.is_some() {
            "-options"
        } else {
            ""
        };
        self.path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or(format!("design-report{options}.pdf"), |s| {
                format!("{}{options}.pdf", s.to_string_lossy())
            })
    }

    /// The design to compare with was chosen: read it (a broken one is said and nothing else
    /// happens), then ask where to write the report with the options page.
    pub(crate) fn compare_with_design(&mut self, path: &Path) {
        match design_file::load(path) {
            Ok(other) => {
                self.compare_with = Some((path.to_owned(), other));
                self.start_dialog(super::dialogs::Purpose::ExportReport);
            }
            Err(e) => {
                self.compare_with = None;
                self.message = Some(format!("cannot compare with {}: {e}", path.display()));
            }
        }
    }

    /// "dual-cloud.svg" beside the design's name, "design-diagram.svg" when unsaved.
    fn diagram_file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or("design-diagram.svg".to_string(), |s| {
                format!("{}.svg", s.to_string_lossy())
            })
    }

    /// Write the report of the design as it is now to `path`, on its own thread (analyses,
    /// layout and PDF take a moment on large designs); the status bar says when it is done.
    pub fn export_report_to(&mut self, path: &Path) {
        // The comparison is for this export only, written or not.
        let compare = self.compare_with.take();
        let Some(format) = crate::report::Format::of_path(path) else {
            self.message = Some(format!(
                "cannot tell which format to write {} in: give a file name ending in .pdf, .html or .htm",
                path.display()
            ));
            return;
        };
        let label = crate::report::option_label(
            &self.design,
            self.path.as_deref().unwrap_or(Path::new("unsaved design")),
        );
        let design = self.design.clone();
        let catalog = self.catalog.clone();
        let book = self.user_book.clone();
        let meta = crate::report::Meta {
            file_name: self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                || "unsaved design".to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            date: crate::report::today(),
            paper: self.report_paper,
        };
        self.export_to(path, "report", move || {
            let report = match &compare {
                Some((path, other)) => crate::report::compared(
                    &design,
                    &crate::analyses::run(
                        &design,
                        &catalog,
                        &book,
                        crate::costing::Options::default(),
                        crate::resilience::Depth::Single,
                    ),
                    label,
                    &[(crate::report::option_label(other, path), other)],
                    &catalog,
                    &book,
                    &meta,
                ),
                None => {
                    return crate::report::export(&design, &catalog, &book, &meta, format)
                        .map_err(|e| e.to_string());
                }
            };
            crate::report::render(&report, format).map_err(|e| e.to_string())
        });
    }

    /// Write the design's diagram to `path` (SVG or PNG by its extension) in the window's
    /// theme, on its own thread, as `linkwright diagram` writes it.
    pub fn export_diagram_to(&mut self, path: &Path) {
        use crate::diagram::export::{Format, export};
        let Some(format) = Format::of_path(path) else {
            self.message = Some(format!(
                "cannot tell which format to write {} in: give a file name ending in .svg or .png",
                path.display()
            ));
            return;
        };
        let theme = match &self.repaint {
            Some(ctx) if ctx.theme() == egui::Theme::Dark => crate::look::Theme::Dark,
            _ => crate::look::Theme::Light,
        };
        let design = self.design.clone();
        let title = self.report_file_name().trim_end_matches(".pdf").to_string();
        self.export_to(path, "diagram", move || {
            export(&design, &title, theme, format, None)
                .map(|e| e.bytes)
                .map_err(|e| e.to_string())
        });
    }

    /// Run `make` on its own thread and write what it makes to `path` atomically; the status
    /// bar says when the `what` ("report", "diagram") is written, or why not.
    fn export_to(
        &mut self,
        path: &Path,
        what: &'static str,
        make: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        if let Some((_, busy, _)) = &self.export {
            self.message = Some(format!("a {busy} is already being written"));
            return;
        }
        let target = path.to_owned();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let result = make().and_then(|bytes| {
                crate::design_file::write_atomic(&target, &bytes)
                    .map(|()| bytes.len())
                    .map_err(|e| format!("cannot write the {what} to {}: {e}", target.display()))
            });
            let _ = tx.send(result);
        });
        self.message = Some(format!("writing the {what} to {}…", path.display()));
        self.export = Some((path.to_owned(), what, rx));
    }

    /// Whether a report is still being written.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some((path, what, rx)) = &self.export else {
            return;
        };
        match rx.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Ok(Ok(bytes)) => {
                self.message = Some(format!(
                    "exported the {what} to {} ({} KB)",
                    path.display(),
                    bytes.div_ceil(1024)
                ));
            }
            Ok(Err(e)) => self.message = Some(e),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.message = Some(format!("the {what} could not be written (internal error)"));
            }
        }
        self.export = None;
    }

    fn new_design(&mut self) {
        self.replace_document(Design::new("Untitled design"), None, true);
        self.view = View::default();
        self.recovery.document_replaced();
    }

    /// Run an action that would discard changes, or ask first when there are unsaved ones.
    pub fn request(&mut self, action: Pending, ctx: &egui::Context) {
        if self.is_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: Pending, ctx: &egui::Context) {
        match action {
            Pending::New => self.new_design(),
            Pending::Open(path) => self.open(&path),
            Pending::Import(arrival) => self.open_imported(arrival),
            Pending::Quit => {
                self.saved = self.key(); // the user chose to discard
                self.recovery.remove_own();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub fn title(&self) -> String {
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("unsaved design".to_string(), |f| {
                f.to_string_lossy().into_owned()
            });
        // The design's name first, as the user named it (File → Design properties…).
        let name = self.design.name.trim();
        let named = if name.is_empty() || name == file {
            file
        } else {
            format!("{name} ({file})")
        };
        format!(
            "{}{named} — linkwright",
            if self.is_dirty() { "● " } else { "" }
        )
    }

    fn save(&mut self) {
        match self.path.clone() {
            Some(p) => self.save_to(&p),
            None => self.start_dialog(super::dialogs::Purpose::SaveAs),
        }
    }

    /// Open the native dialog off the UI thread (the in-app one if the desktop has none), in
    /// the folder and with the name the in-app browser would suggest.
    pub fn start_dialog(&mut self, purpose: super::dialogs::Purpose) {
        if self.native_dialog.is_none() {
            let suggested = self.browser_folder().join(self.suggested_name(purpose));
            self.native_dialog = Some(super::dialogs::start(&self.picker, purpose, suggested));
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        use super::dialogs::Outcome;
        let Some(running) = &self.native_dialog else {
            return;
        };
        let purpose = running.purpose;
        let outcome = running.poll();
        if let Outcome::Waiting = outcome {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        // Done with this dialog before acting on it: the answer may open the next one.
        self.native_dialog = None;
        match outcome {
            Outcome::Waiting => {}
            Outcome::Chosen(paths) => self.chosen(purpose, paths, ctx),
            Outcome::Cancelled => self.dialog_cancelled(purpose),
            Outcome::Unavailable => self.open_browser(purpose),
        }
    }

    /// The whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.repaint.is_none() {
            // The first frame: the fonts, and the context the background work wakes.
            ctx.set_fonts(super::fonts());
            self.repaint = Some(ctx.clone());
        }
        self.dark_mode = ui.visuals().dark_mode;
        // A modal question or window has the keyboard; the window's shortcuts wait.
        if !self.modal_open() {
            self.shortcuts(&ctx);
        }
        // Only when it changes: a viewport command every frame would keep the window repainting.
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        // The room the window has (all of it in the app; a test harness keeps a margin).
        let window = ui.available_rect_before_wrap().size();
        let menu = egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        let status = egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let bars = menu.response.rect.height() + status.response.rect.height();
        self.panels_ui(ui, window, bars);
        self.dialogs_ui(&ctx);
        self.help_ui(&ctx);
        self.files_ui(&ctx);
        self.browser_ui(&ctx);
        self.unsaved_prompt_ui(&ctx);
        self.broken_file_ui(&ctx);
        self.command_palette_ui(&ctx);
        self.poll_dialog(&ctx);
        self.poll_export(&ctx);
        self.interchange_ui(&ctx);
    }

    /// Make the offered copy this window's unsaved work, and at once this window's own copy
    /// (only then is the old copy deleted).
    fn restore_recovered(&mut self, now: f64) {
        let Some(restored) = self.recovery.restore() else {
            return;
        };
        // No path: never overwrite the user's file by accident; restored work is unsaved.
        self.replace_document(restored.design, None, false);
        let from = restored
            .design_file
            .map_or("a design never saved".to_string(), |f| {
                f.display().to_string()
            });
        let mut message = format!("restored unsaved work on {from}; Save As to keep it");
        if restored.kept > 0 {
            message.push_str(&format!(
                "; kept for the next start: {} more {}",
                restored.kept,
                copies(restored.kept)
            ));
        }
        self.last_recovery = now;
        if let Err(e) = self.recovery.write(&self.design, None) {
            message.push_str(&format!("; {e}"));
        }
        self.message = Some(message);
    }

    fn inspector_ui(&mut self, ui: &mut egui::Ui) {
        let Some(id) = self.selection.first().cloned() else {
            ui.label("Select a node or link on the canvas.");
            return;
        };
        if self.selection.len() > 1 {
            // Several elements: what they share, set on all as one undo step.
            self.located
                .refresh(self.key(), &self.design, &self.selection);
            let (design, catalog, located, buffers) = (
                &self.design,
                &self.catalog,
                &self.located,
                &mut self.buffers,
            );
            let edit = egui::ScrollArea::both()
                .id_salt("inspector")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::inspector::several_ui(ui, design, catalog, located, buffers)
                })
                .inner;
            if let Some(edit) = edit {
                self.apply(edit);
            }
            return;
        }
        // What the rules say about it, shown below its properties.
        let findings: Vec<(Severity, String)> = self
            .analyses()
            .findings
            .about(&id)
            .map(|f| (f.severity, format!("{} {}", f.code, f.message)))
            .collect();
        let (design, catalog, buffers) = (&self.design, &self.catalog, &mut self.buffers);
        let edit = egui::ScrollArea::both()
            .id_salt("inspector")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let edit = super::inspector::inspector_ui(ui, design, catalog, &id, buffers);
                ui.separator();
                for (severity, text) in findings {
                    ui.colored_label(canvas::severity_text_color(ui, severity), text);
                }
                edit
            })
            .inner;
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    fn canvas_area_ui(&mut self, ui: &mut egui::Ui) {
        // The badges are borrowed from the cache: nothing is recomputed or copied on a frame
        // where the design did not change.
        self.analyses();
        self.ensure_scene();
        let Some(analyses) = self.analyses.as_ref() else {
            return;
        };
        let Some(scene) = self.scene.as_mut() else {
            return;
        };
        // The highlighted demand follows the analyses (gone when the demand is).
        if let Some(h) = &self.highlight {
            if h.key != analyses.key {
                self.highlight = resilience_tab::highlight_of(analyses, &self.design, &h.demand);
            }
        }
        let proposals = canvas::canvas_ui(
            ui,
            &self.design,
            scene,
            canvas::Marks {
                badges: &analyses.badges,
                selection: &self.selection,
                highlight: self.highlight.as_ref(),
            },
            &mut self.view,
            &mut self.drag,
            &mut self.connect,
            &self.layers,
            self.snap_to_grid.then_some(GRID as f32),
        );
        for p in proposals {
            match p {
                Proposal::Select {
                    id: Some(id),
                    add: true,
                } => {
                    if !self.selection.contains(&id) {
                        self.selection.push(id);
                    }
                }
                Proposal::Select { id, add: _ } => {
                    // A click on empty canvas also clears the demand's highlight.
                    if id.is_none() {
                        self.highlight = None;
                    }
                    self.selection = id.into_iter().collect()
                }
                Proposal::Move { id, to, aligned } => {
                    // An axis lined up with another node keeps that node's coordinate.
                    let grid = |v: f64, lined_up: bool| {
                        if self.snap_to_grid && !lined_up {
                            (v / GRID).round() * GRID
                        } else {
                            v
                        }
                    };
                    let to = Point::new(grid(to.x, aligned[0]), grid(to.y, aligned[1]));
                    self.apply(Edit::MoveNode { id, to })
                }
                Proposal::Connect { from, to } => self.propose_link(from, to),
                Proposal::Drop { item, at } => match item {
                    PaletteItem::Kind(kind) => self.add_node(kind, at),
                    PaletteItem::Hit(hit) => self.add_hit(&hit, at),
                },
                Proposal::SelectBox { ids, add } => {
                    if add {
                        for id in ids {
                            if !self.selection.contains(&id) {
                                self.selection.push(id);
                            }
                        }
                    } else {
                        self.selection = ids;
                    }
                }
            }
        }
    }
}

/// The id prefix, name and kind of the node a catalog search hit describes.
fn hit_node(hit: &SearchHit) -> (&'static str, String, NodeKind) {
    match hit {
        SearchHit::Facility {
            er,
            dx,
            facility,
            metro,
        } => (
            "fac",
            facility.clone(),
            NodeKind::ColocationFacility(ColocationFacility {
                operator: facility.split_whitespace().next().unwrap_or("").to_string(),
                facility_name: facility.clone(),
                metro: metro.clone(),
                er_peering_location: er.clone(),
                dx_location: dx.clone(),
                er_direct_ports: vec![],
            }),
        ),
        SearchHit::Azure { code, name } => (
            "az",
            format!("Azure {name}"),
            crate::offers::defaults::azure_region(code),
        ),
        SearchHit::Aws { code, .. } => (
            "aws",
            format!("AWS {code}"),
            crate::offers::defaults::aws_region(code),
        ),
    }
}

fn exists(design: &Design, id: &str) -> bool {
    design.nodes.iter().any(|n| n.id.as_str() == id)
        || design.links.iter().any(|l| l.id.as_str() == id)
        || design.demands.iter().any(|d| d.id.as_str() == id)
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::gui::test_support::*;
    use crate::gui::{DesignerApp, app};
    use crate::model::{NodeKindTag, Point};
    use eframe::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn deleting_a_node_removes_its_links_and_one_undo_restores_all() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let original = h.state().design.clone();
        h.state_mut().selection = vec!["fac-dc2".into()];
        h.state_mut().delete_selection();
        h.run_steps(2);
        let d = &h.state().design;
        assert!(d.node(&"fac-dc2".into()).is_none());
        assert!(d.links.iter().all(|l| !l.touches(&"fac-dc2".into())));
        h.state_mut().undo();
        assert_eq!(h.state().design, original);
    }

    #[test]
    fn opening_a_malformed_file_shows_the_error_and_keeps_the_design() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{ not json").unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        h.state_mut().open(&bad);
        h.run_steps(2);
        assert_eq!(h.state().design, before);
        let broken = h
            .state()
            .shell
            .broken_file
            .clone()
            .expect("the dialog is open");
        assert_eq!(broken.path, bad);
        assert_eq!(broken.place.map(|(line, _)| line), Some(1));
        assert!(
            broken.problem.contains("not valid JSON"),
            "{}",
            broken.problem
        );
    }

    #[test]
    fn save_and_open_round_trip_through_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.json");
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(10.0, 10.0));
        h.state_mut().save_to(&path);
        assert!(!h.state().is_dirty());
        let saved = h.state().design.clone();
        let mut other = harness(empty_app());
        other.state_mut().open(&path);
        assert_eq!(other.state().design, saved);
    }

    /// A large design's analyses run on a thread: the window draws at once, says it is
    /// analysing, and shows the findings when they arrive; an edit starts one more run.
    #[test]
    fn a_large_designs_analyses_run_beside_the_window() {
        let mut app = app_with("designs/flawed-design.json");
        app.background_from = 0; // every design counts as large here
        let expected = crate::rules::check(&app.design, &Catalog::builtin().unwrap());
        let mut h = Harness::builder()
            .with_size(egui::vec2(1400.0, 900.0))
            .build_ui_state(|ui, app: &mut DesignerApp| app.ui(ui), app);
        h.run_steps(1);
        assert_eq!(h.state().analysis_runs, 1);
        let wait = |h: &mut Harness<'static, DesignerApp>| {
            let started = std::time::Instant::now();
            while h.state().analysing() {
                assert!(
                    started.elapsed().as_secs() < 60,
                    "the analysis never arrived"
                );
                std::thread::sleep(std::time::Duration::from_millis(20));
                h.run_steps(1);
            }
        };
        wait(&mut h);
        h.run_steps(2);
        let shown = h.state_mut().analyses().findings.active().count();
        assert_eq!(shown, expected.active().count());
        h.get_by_label(&expected.active().next().unwrap().message);
        assert!(h.query_by_label("analysing…").is_none());
        assert_eq!(h.state().analysis_runs, 1, "idle frames start no run");

        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.run_steps(1);
        wait(&mut h);
        assert_eq!(h.state().analysis_runs, 2);
        let new_site = h.state().design.nodes.last().unwrap().id.to_string();
        assert!(
            h.state_mut()
                .analyses()
                .findings
                .about(&new_site)
                .next()
                .is_some(),
            "the findings are the edited design's (the new site is isolated)"
        );
    }

    #[test]
    fn copy_paste_duplicates_with_new_ids() {
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let (nodes, links) = (h.state().design.nodes.len(), h.state().design.links.len());
        h.state_mut().selection = vec!["fac-dc2".into(), "az-eastus".into()];
        h.state_mut().copy();
        h.state_mut().paste();
        h.run_steps(1);
        let d = &h.state().design;
        assert_eq!(d.nodes.len(), nodes + 2);
        assert_eq!(
            d.links.len(),
            links + 1,
            "the ER circuit between the two is copied too"
        );
        assert!(crate::design_file::check_structure(d).is_ok());
        h.state_mut().undo();
        assert_eq!(h.state().design.nodes.len(), nodes);
        // Help windows open from the menu.
        h.state_mut().help = Some(app::Help::About);
        h.run_steps(2);
        h.get_by_label("About linkwright");
    }

    #[test]
    fn a_report_that_cannot_be_written_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        let before = h.state().design.clone();
        h.state_mut()
            .export_report_to(&dir.path().join("missing-folder/report.pdf"));
        for _ in 0..600 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if !h.state().exporting() {
                break;
            }
        }
        let message = h.state().message.clone().unwrap_or_default();
        assert!(message.contains("cannot write the report to"), "{message}");
        assert_eq!(h.state().design, before);
    }
}

//! File → Export Terraform… and File → Import… (issue #18): the designer's faces of
//! `linkwright export terraform` and `linkwright import`, calling the same core with the same
//! rules. Each runs on a thread of its own, so a large design or input file never stalls the
//! window.
//!
//! Export: a file where a folder is wanted is refused before anything runs; every file is
//! generated before any is written; files of the same names are replaced, others left alone;
//! the status bar says what was written and how many notes the export made (listed in a
//! window, with any cloud file of an earlier export the design no longer needs, left as it
//! is). Import: the files are
//! read, mapped, arranged in tiers and loaded back as a saved design would be, all on the
//! thread; only a complete design reaches the window, through the unsaved-changes prompt, as a
//! new unsaved design; a window then lists what was left out and why. Any failure is said in
//! the status bar and the design in the window is untouched.

use super::*;
use crate::import::{Skipped, Source};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A design imported, arranged and checked, waiting to be opened; then, what the import
/// window shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    pub source: Source,
    pub files: Vec<PathBuf>,
    /// The design until it is opened (then the window holds it, and this is empty).
    pub design: Design,
    /// Its nodes and links, counted for the import window.
    pub nodes: usize,
    pub links: usize,
    /// What the input holds that the design does not, and why.
    pub skipped: Vec<Skipped>,
    /// The import's notes on what it chose, and the arrange layer's note.
    pub notes: Vec<String>,
}

/// The threads of File → Export Terraform… and File → Import…, and the import window.
#[derive(Default)]
pub struct Interchange {
    /// The Terraform export being written: the folder, and the status line when done.
    terraform: Option<(PathBuf, Receiver<Result<Written, String>>)>,
    /// The import being read: the source, and the design or the error when done.
    import: Option<(Source, Receiver<Result<Arrival, String>>)>,
    /// The last import opened, listed in its window (what was left out) until closed.
    pub summary: Option<Arrival>,
    /// The last Terraform export's notes and kept files, listed in a window until closed.
    pub left_out: Option<Written>,
    /// The last import that failed and why, said in a window until closed.
    pub failed: Option<(Source, String)>,
}

/// A Terraform export written: the status line, and the folder and notes for its window.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub line: String,
    /// "providers.tf, azure.tf, variables.tf (12 resources, 5 variables)".
    pub files: String,
    pub dir: PathBuf,
    /// The export's notes: what it could not write as the design has it, or wrote otherwise.
    pub notes: Vec<String>,
    /// Cloud files in the folder for a cloud the design no longer uses, left as they are,
    /// with what they mean for `terraform plan` and what to do.
    pub kept: Vec<String>,
}

impl Interchange {
    /// Whether a Terraform export is being written.
    pub fn exporting(&self) -> bool {
        self.terraform.is_some()
    }

    /// Whether an import is being read.
    pub fn importing(&self) -> bool {
        self.import.is_some()
    }
}

/// "connections.json, lags.json": the files' names.
fn files_of(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Export and write on the export's thread: the status line, or why nothing (or not
/// everything) was written.
fn write_terraform(design: &Design, catalog: &Catalog, dir: &Path) -> Result<Written, String> {
    // Everything is generated before anything is written: a failure writes nothing.
    let export = crate::terraform::export(design, catalog)
        .map_err(|e| format!("cannot export Terraform: {e}; nothing was written"))?;
    let outcome = export
        .write_into(dir)
        .map_err(|e| format!("cannot export Terraform: {e}"))?;
    let names: Vec<&str> = export.files.iter().map(|f| f.name).collect();
    let counts = format!(
        "{}, {}",
        crate::model::count(export.resources, "resource", "resources"),
        crate::model::count(export.variables, "variable", "variables"),
    );
    // The counts before the names: what a narrow status bar keeps.
    let mut line = format!(
        "exported Terraform to {} ({counts}): {}",
        dir.display(),
        names.join(", "),
    );
    let kept = outcome.warnings();
    if !export.notes.is_empty() || !kept.is_empty() {
        line.push_str(&format!(
            "; {}, listed in the window",
            crate::model::count(export.notes.len() + kept.len(), "note", "notes")
        ));
    }
    Ok(Written {
        line,
        files: format!("{} ({counts})", names.join(", ")),
        dir: dir.to_owned(),
        notes: export.notes,
        kept,
    })
}

/// Import on the import's thread: read and map the files, arrange the design in tiers and
/// load it back as a saved design would be (what opens is what a Save writes).
fn read_import(source: Source, files: Vec<PathBuf>, catalog: &Catalog) -> Result<Arrival, String> {
    let imported = crate::import::import(source, &files, catalog).map_err(|e| e.to_string())?;
    if imported.is_empty() {
        let why = match imported.skipped.first() {
            Some(s) => format!(" ({}: {})", s.element, s.reason),
            None => String::new(),
        };
        return Err(format!(
            "{} holds nothing the {} import can map to a design{why}",
            files_of(&files),
            source.label()
        ));
    }
    let crate::import::Imported {
        mut design,
        skipped,
        mut notes,
    } = imported;
    if let Some(note) = crate::arrange::in_tiers(&mut design).map_err(|e| e.to_string())? {
        notes.push(note);
    }
    let text = design_file::to_string(&design).map_err(|e| e.to_string())?;
    let design = design_file::from_str(&text, Path::new("the imported design"))
        .map_err(|e| format!("the imported design is not valid ({e}); please report this"))?;
    Ok(Arrival {
        source,
        files,
        nodes: design.nodes.len(),
        links: design.links.len(),
        design,
        skipped,
        notes,
    })
}

impl DesignerApp {
    /// Write the design as it is now as Terraform files into `dir` (created if missing), on
    /// its own thread, as `linkwright export terraform` does. A file given for the folder is
    /// refused at once.
    pub fn export_terraform_to(&mut self, dir: &Path) {
        if dir.exists() && !dir.is_dir() {
            self.message = Some(format!(
                "cannot write the Terraform files to {}: it is a file, not a folder; choose a folder",
                dir.display()
            ));
            return;
        }
        if self.interchange.exporting() {
            self.message = Some("a Terraform export is already being written".into());
            return;
        }
        let (design, catalog, target) = (self.design.clone(), self.catalog.clone(), dir.to_owned());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(write_terraform(&design, &catalog, &target));
        });
        self.message = Some(format!("writing the Terraform files to {}…", dir.display()));
        self.interchange.terraform = Some((dir.to_owned(), rx));
    }

    /// Import `files` as a design from `source` on its own thread; when it is complete it
    /// opens as a new unsaved design (asking first when the window has unsaved changes).
    pub fn import_from(&mut self, source: Source, files: Vec<PathBuf>) {
        if self.interchange.importing() {
            self.message = Some("an import is already being read".into());
            return;
        }
        let catalog = self.catalog.clone();
        let shown = files_of(&files);
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(read_import(source, files, &catalog));
        });
        self.message = Some(format!("importing {shown} ({})…", source.label()));
        self.interchange.import = Some((source, rx));
    }

    /// Whether a Terraform export or an import is still running.
    pub fn interchanging(&self) -> bool {
        self.interchange.exporting() || self.interchange.importing()
    }

    /// Open an imported design: new, unsaved, nothing selected, fitted; its window lists
    /// what was left out.
    pub(super) fn open_imported(&mut self, arrival: Arc<Arrival>) {
        // The design moves into the window; the import window keeps the rest.
        let mut arrival = Arc::unwrap_or_clone(arrival);
        self.replace_document(std::mem::take(&mut arrival.design), None, false);
        self.recovery.document_replaced();
        let from = match arrival.files.as_slice() {
            [one] => files_of(std::slice::from_ref(one)),
            many => format!("{} files", many.len()),
        };
        self.message = Some(format!(
            "imported {} and {} from {} ({from}); not saved yet",
            crate::model::count(arrival.nodes, "node", "nodes"),
            crate::model::count(arrival.links, "link", "links"),
            arrival.source.label(),
        ));
        self.interchange.summary = Some(arrival);
    }

    /// Collect what the threads finished, and show the windows.
    pub(super) fn interchange_ui(&mut self, ctx: &egui::Context) {
        if let Some((dir, rx)) = &self.interchange.terraform {
            let done = match rx.try_recv() {
                Err(TryRecvError::Empty) => None,
                Ok(done) => Some(done),
                Err(TryRecvError::Disconnected) => Some(Err(format!(
                    "the Terraform export into {} stopped unexpectedly (a defect in linkwright: \
                     please report it); some files may have been written",
                    dir.display()
                ))),
            };
            match done {
                None => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
                Some(Ok(written)) => {
                    self.interchange.terraform = None;
                    self.message = Some(written.line.clone());
                    self.interchange.left_out =
                        (!written.notes.is_empty() || !written.kept.is_empty()).then_some(written);
                }
                Some(Err(e)) => {
                    self.interchange.terraform = None;
                    self.message = Some(e);
                }
            }
        }
        // An import that arrives while another question is asked waits for its answer.
        if let Some((source, rx)) = &self.interchange.import
            && self.pending.is_none()
        {
            let source = *source;
            let done = match rx.try_recv() {
                Err(TryRecvError::Empty) => None,
                Ok(done) => Some(done),
                Err(TryRecvError::Disconnected) => Some(Err(
                    "the import stopped unexpectedly (a defect in linkwright: please report it); \
                     nothing was opened"
                        .to_string(),
                )),
            };
            match done {
                None => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
                Some(Ok(arrival)) => {
                    self.interchange.import = None;
                    self.message = Some(format!(
                        "imported from {}; open it in place of the design in the window?",
                        source.label()
                    ));
                    self.request(Pending::Import(Arc::new(arrival)), ctx);
                }
                Some(Err(e)) => {
                    self.interchange.import = None;
                    self.message = Some(format!(
                        "cannot import: {e}; the design in the window is unchanged"
                    ));
                    self.interchange.failed = Some((source, e));
                }
            }
        }
        self.import_summary_ui(ctx);
        self.import_failed_ui(ctx);
        self.export_notes_ui(ctx);
    }

    /// The window of the last import: what became of the files, what was left out and why,
    /// and the import's notes.
    fn import_summary_ui(&mut self, ctx: &egui::Context) {
        let Some(arrival) = &self.interchange.summary else {
            return;
        };
        let title = format!("Imported from {}", arrival.source.label());
        let open = closable(ctx, "import-summary", &title, 640.0, |ui, room| {
            ui.label(format!(
                "{} and {} from {}, arranged in tiers. The design is new and not saved: Save As to keep it.",
                crate::model::count(arrival.nodes, "node", "nodes"),
                crate::model::count(arrival.links, "link", "links"),
                files_of(&arrival.files),
            ));
            ui.add_space(4.0);
            if arrival.skipped.is_empty() {
                ui.label("Nothing in the files was left out.");
            } else {
                ui.strong(format!("Not imported ({}):", arrival.skipped.len()));
            }
            egui::ScrollArea::vertical()
                .max_height(room)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for s in &arrival.skipped {
                        ui.label(format!("• {}: {}", s.element, s.reason));
                        ui.weak(format!("   in {}", files_of(std::slice::from_ref(&s.file))));
                    }
                    if !arrival.notes.is_empty() {
                        ui.add_space(4.0);
                        ui.strong("Notes:");
                        for note in &arrival.notes {
                            ui.label(format!("• {note}"));
                        }
                    }
                });
        });
        if !open {
            self.interchange.summary = None;
        }
    }

    /// The window of an import that failed: the import's own words, and that nothing changed.
    fn import_failed_ui(&mut self, ctx: &egui::Context) {
        let Some((source, error)) = &self.interchange.failed else {
            return;
        };
        let title = format!("Cannot import from {}", source.label());
        let open = closable(ctx, "import-failed", &title, 560.0, |ui, _| {
            ui.label(error.as_str());
            ui.weak("Nothing was imported; the design in the window is unchanged.");
        });
        if !open {
            self.interchange.failed = None;
        }
    }

    /// The window of the last Terraform export's notes: what it could not write as the design
    /// has it (or wrote otherwise), and the files of an earlier export it kept.
    fn export_notes_ui(&mut self, ctx: &egui::Context) {
        let Some(written) = &self.interchange.left_out else {
            return;
        };
        let open = closable(
            ctx,
            "terraform-left-out",
            "Terraform export: notes",
            560.0,
            |ui, room| {
                ui.label(format!(
                    "Written into {}: {}.",
                    written.dir.display(),
                    written.files
                ));
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        if !written.notes.is_empty() {
                            ui.label("Not written as the design has it:");
                            for note in &written.notes {
                                ui.label(format!("• {note}"));
                            }
                        }
                        for kept in &written.kept {
                            ui.label(format!("• {kept}"));
                        }
                    });
            },
        );
        if !open {
            self.interchange.left_out = None;
        }
    }
}

/// A window over the canvas, centred and within the room there is (`body` is given the
/// height a list in it may take), with a Close button and a ×; answers whether it stays open.
fn closable(
    ctx: &egui::Context,
    id: &str,
    title: &str,
    width: f32,
    body: impl FnOnce(&mut egui::Ui, f32),
) -> bool {
    let mut open = true;
    let mut close = false;
    let room = ctx.content_rect().size();
    egui::Window::new(title)
        .id(egui::Id::new(id))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(width.min(room.x - 40.0))
        .max_height(room.y - 80.0)
        .show(ctx, |ui| {
            body(ui, (room.y - 320.0).max(120.0));
            ui.add_space(4.0);
            close = ui.button("Close").clicked();
        });
    open && !close
}

#[cfg(test)]
mod tests {
    use crate::gui::app::DesignerApp;
    use crate::gui::dialogs::{FilePicker, Purpose};
    use crate::gui::test_support::*;
    use crate::import::Source;
    use crate::model::{NodeKindTag, Point};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::path::{Path, PathBuf};

    fn fixture(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(path)
    }

    /// Steps the window until the export or import running on its thread has finished.
    fn wait_done(h: &mut Harness<'static, DesignerApp>) {
        for _ in 0..1000 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
            if h.state().native_dialog.is_none() && !h.state().interchanging() {
                break;
            }
        }
        assert!(!h.state().interchanging(), "finished");
        h.run_steps(2);
    }

    fn message(h: &Harness<'static, DesignerApp>) -> String {
        h.state().message.clone().unwrap_or_default()
    }

    /// Opens File (closing it first if open) and clicks `entry`, in the Import submenu when
    /// `import` is set.
    fn file_menu(h: &mut Harness<'static, DesignerApp>, import: bool, entry: &str) {
        h.get_by_label("File").click();
        h.run_steps(2);
        if import {
            h.get_by_label_contains("Import").hover();
            h.run_steps(2);
        }
        h.get_by_label(entry).click();
        h.run_steps(1);
    }

    const TERRAFORM: &str = "Terraform state or plan (terraform show -json)…";
    const AZURE: &str = "Azure CLI JSON (az network express-route list / vnet-gateway list)…";
    const AWS: &str = "AWS CLI JSON (describe-connections, -virtual-interfaces, …)…";

    /// File → Export Terraform… writes the files `export terraform` writes, which parse back
    /// as HCL and hold the design's circuits; a file of the same name is replaced, another
    /// left alone; the status bar says what was written and how many notes (the flawed
    /// sample's connection at a location the catalog does not know, among others).
    #[test]
    fn export_terraform_through_the_file_menu_writes_the_files_and_says_what() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("infra");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("main.tf"), "# mine\n").unwrap();
        std::fs::write(out.join("aws.tf"), "stale").unwrap();
        let mut h = harness(app_with("designs/flawed-design.json"));
        let before = h.state().design.clone();
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(out.clone())));
        file_menu(&mut h, false, "Export Terraform…");
        wait_done(&mut h);
        let expected =
            crate::terraform::export(&before, &crate::catalog::Catalog::builtin().unwrap())
                .unwrap();
        for file in &expected.files {
            let text = std::fs::read_to_string(out.join(file.name)).unwrap();
            assert_eq!(
                text, file.text,
                "{} as the command line writes it",
                file.name
            );
            hcl::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", file.name));
        }
        let azure = std::fs::read_to_string(out.join("azure.tf")).unwrap();
        assert!(azure.contains("resource \"azurerm_express_route_circuit\""));
        assert_eq!(
            std::fs::read_to_string(out.join("main.tf")).unwrap(),
            "# mine\n"
        );
        let said = message(&h);
        assert!(
            said.starts_with(&format!(
                "exported Terraform to {} ({} resources, {} variables): providers.tf",
                out.display(),
                expected.resources,
                expected.variables
            )),
            "{said}"
        );
        assert!(!expected.notes.is_empty(), "the sample leaves things out");
        assert!(
            said.contains(&format!(
                "; {}, listed in the window",
                crate::model::count(expected.notes.len(), "note", "notes")
            )),
            "{said}"
        );
        h.get_by_label("Terraform export: notes");
        h.get_by_label(&format!("• {}", expected.notes[0]));
        h.get_by_label("Close").click();
        h.run_steps(2);
        assert!(h.query_by_label("Terraform export: notes").is_none());
        assert_eq!(h.state().design, before);
        assert!(!h.state().is_dirty());
    }

    /// Exporting a design without AWS into the folder of an earlier export that had it: the
    /// earlier aws.tf is left as it is (Terraform needs its providers to destroy what it
    /// made), and the notes window says what that means for `terraform plan` and what to do;
    /// an aws.tf linkwright did not write is left too, and said so in other words.
    #[test]
    fn export_terraform_leaves_a_stale_cloud_file_and_says_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("ours");
        let theirs = dir.path().join("theirs");
        for d in [&ours, &theirs] {
            std::fs::create_dir_all(d).unwrap();
        }
        let earlier = format!(
            "{}\nresource \"aws_dx_connection\" \"old\" {{}}\n",
            crate::terraform::HEADER
        );
        std::fs::write(ours.join("aws.tf"), &earlier).unwrap();
        std::fs::write(theirs.join("aws.tf"), "# hand-written\n").unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        for (folder, kept, says) in [
            (
                &ours,
                earlier.as_str(),
                "aws.tf of an earlier export is still in the folder",
            ),
            (
                &theirs,
                "# hand-written\n",
                "aws.tf is in the folder but linkwright did not write it",
            ),
        ] {
            h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(folder.clone())));
            file_menu(&mut h, false, "Export Terraform…");
            wait_done(&mut h);
            assert_eq!(
                std::fs::read_to_string(folder.join("aws.tf")).unwrap(),
                kept
            );
            assert!(folder.join("azure.tf").exists());
            h.get_by_label("Terraform export: notes");
            h.get_by_label_contains(says);
            h.get_by_label("Close").click();
            h.run_steps(2);
        }
        assert!(
            message(&h).contains("note"),
            "the status bar points at the notes: {}",
            message(&h)
        );
    }

    /// A file where the folder should be is refused with the reason; nothing is written.
    #[test]
    fn export_terraform_refuses_a_file_for_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "keep").unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(file.clone())));
        file_menu(&mut h, false, "Export Terraform…");
        wait_done(&mut h);
        let said = message(&h);
        assert!(said.contains("it is a file, not a folder"), "{said}");
        h.get_by_label_contains("it is a file, not a folder");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "nothing else written");
    }

    /// Without a desktop portal the in-app browser asks for a folder: folders only, and
    /// Export writes into the one selected.
    #[test]
    fn without_a_portal_export_terraform_browses_for_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().save_to(&dir.path().join("plan.json"));
        h.state_mut().message = None;
        std::fs::create_dir_all(dir.path().join("infra")).unwrap();
        std::fs::write(dir.path().join("readme.md"), "x").unwrap();
        h.state_mut().picker = std::sync::Arc::new(StubPicker(None));
        h.state_mut().start_dialog(Purpose::ExportTerraform);
        wait(&mut h);
        h.get_by_label_contains("Export Terraform: choose the folder");
        assert!(
            h.query_by_label_contains("readme.md").is_none(),
            "folders only"
        );
        h.get_by_label_contains("infra").click();
        h.run_steps(2);
        h.get_by_label("Export into this folder").click();
        h.run_steps(2);
        wait_done(&mut h);
        assert!(
            dir.path().join("infra/azure.tf").exists(),
            "{}",
            message(&h)
        );
        assert!(h.state().shell.browser.is_none());
    }

    /// File → Import → Terraform state…: the design the core imports, arranged in tiers,
    /// opens as a new unsaved design; a window lists what was left out and why, until closed.
    #[test]
    fn import_terraform_opens_the_design_and_lists_what_was_left_out() {
        let state = fixture("terraform/show-state.json");
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let mut core =
            crate::import::import(Source::Terraform, std::slice::from_ref(&state), &catalog)
                .unwrap();
        crate::arrange::in_tiers(&mut core.design).unwrap();
        assert!(
            !core.skipped.is_empty(),
            "the fixture has resources not read"
        );
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut().picker = std::sync::Arc::new(StubPicker(Some(state)));
        file_menu(&mut h, true, TERRAFORM);
        wait_done(&mut h);
        assert_eq!(
            h.state().design,
            core.design,
            "arranged as the command line does"
        );
        assert_eq!(h.state().path, None, "untitled");
        assert!(h.state().is_dirty(), "not saved yet");
        assert!(
            h.state().title().contains("Imported from Terraform"),
            "{}",
            h.state().title()
        );
        h.get_by_label("Imported from Terraform");
        h.get_by_label_contains(&format!("Not imported ({})", core.skipped.len()));
        for s in &core.skipped {
            h.get_by_label(&format!("• {}: {}", s.element, s.reason));
        }
        assert!(message(&h).starts_with("imported "), "{}", message(&h));
        h.get_by_label("Close").click();
        h.run_steps(2);
        assert!(
            h.query_by_label("Imported from Terraform").is_none(),
            "closed"
        );
        // Undo has nothing to undo: the import is where the history starts.
        assert!(!h.state().history.can_undo());
    }

    /// Several AWS files at once, into a window with unsaved changes: the prompt asks first;
    /// Cancel keeps the work; Don't save opens the import, with every file's elements.
    #[test]
    fn import_aws_asks_about_unsaved_changes_first() {
        struct Files(Vec<PathBuf>);
        impl FilePicker for Files {
            fn pick_open(&self, _: &Path) -> Option<PathBuf> {
                None
            }
            fn pick_save(&self, _: &Path) -> Option<PathBuf> {
                None
            }
            fn pick_report(&self, _: &Path) -> Option<PathBuf> {
                None
            }
            fn pick_diagram(&self, _: &Path) -> Option<PathBuf> {
                None
            }
            fn pick_import(&self, source: Source, _: &Path) -> Option<Vec<PathBuf>> {
                assert_eq!(source, Source::Aws);
                Some(self.0.clone())
            }
        }
        let files: Vec<PathBuf> = [
            "connections.json",
            "lags.json",
            "virtual-interfaces.json",
            "direct-connect-gateways.json",
        ]
        .iter()
        .map(|f| fixture(&format!("aws/{f}")))
        .collect();
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let core = crate::import::import(Source::Aws, &files, &catalog).unwrap();
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        let (work, revision) = (h.state().design.clone(), h.state().history.revision());
        h.state_mut().picker = std::sync::Arc::new(Files(files.clone()));
        file_menu(&mut h, true, AWS);
        wait_done(&mut h);
        h.get_by_label_contains(
            "Save the changes to “europe-azure-two-locations.json” before opening the imported design?",
        );
        h.get_by_label("Cancel").click();
        h.run_steps(2);
        assert_eq!(h.state().design, work, "the work is kept");
        assert_eq!(h.state().history.revision(), revision);
        assert!(h.state().is_dirty());
        assert!(message(&h).contains("was not opened"), "{}", message(&h));

        file_menu(&mut h, true, AWS);
        wait_done(&mut h);
        h.get_by_label("Don't save").click();
        h.run_steps(2);
        let d = &h.state().design;
        assert_eq!(d.name, "Imported from AWS Direct Connect");
        let ids = |d: &crate::model::Design| {
            let mut ids: Vec<String> = d.nodes.iter().map(|n| n.id.to_string()).collect();
            ids.extend(d.links.iter().map(|l| l.id.to_string()));
            ids
        };
        assert_eq!(ids(d), ids(&core.design), "every file's elements");
        assert!(core.design.links.len() >= 2);
        h.get_by_label("Imported from AWS Direct Connect");
    }

    /// Without a desktop portal, an AWS import browses for several files at once: JSON files
    /// only; every selected file is read.
    #[test]
    fn without_a_portal_an_aws_import_takes_several_files() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "connections.json",
            "direct-connect-gateways.json",
            "lags.json",
            "virtual-interfaces.json",
        ];
        let mut files = Vec::new();
        for name in names {
            let to = dir.path().join(name);
            std::fs::copy(fixture(&format!("aws/{name}")), &to).unwrap();
            files.push(to);
        }
        std::fs::write(dir.path().join("readme.md"), "x").unwrap();
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let core = crate::import::import(Source::Aws, &files, &catalog).unwrap();
        let mut app = empty_app();
        app.path = Some(dir.path().join("design.json")); // the browser starts beside it
        app.picker = std::sync::Arc::new(StubPicker(None));
        let mut h = harness(app);
        h.state_mut().start_dialog(Purpose::Import(Source::Aws));
        wait(&mut h);
        h.get_by_label_contains("Import AWS CLI JSON (select one or more files)");
        assert!(
            h.query_by_label_contains("readme.md").is_none(),
            "JSON only"
        );
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run_steps(2);
        h.get_by_label("Import").click();
        h.run_steps(2);
        wait_done(&mut h);
        let mut ids: Vec<String> = h
            .state()
            .design
            .nodes
            .iter()
            .map(|n| n.id.to_string())
            .collect();
        let mut expected: Vec<String> =
            core.design.nodes.iter().map(|n| n.id.to_string()).collect();
        ids.sort();
        expected.sort();
        assert_eq!(ids, expected, "{:?}", h.state().message);
        assert_eq!(h.state().design.links.len(), core.design.links.len());
        h.get_by_label_contains(&format!("from {}", names.join(", ")));
    }

    /// Without a desktop portal, an Azure import also takes several files: the circuits'
    /// list and the gateways' list, as `linkwright import azure` does, both read.
    #[test]
    fn without_a_portal_an_azure_import_takes_the_circuits_and_the_gateways() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for name in ["express-route-list.json", "vnet-gateway-list.json"] {
            let to = dir.path().join(name);
            std::fs::copy(fixture(&format!("azure/{name}")), &to).unwrap();
            files.push(to);
        }
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let both = crate::import::import(Source::Azure, &files, &catalog).unwrap();
        let circuits_only = crate::import::import(Source::Azure, &files[..1], &catalog).unwrap();
        // Nodes by id and kind (positions come from the arrange).
        let kinds = |d: &crate::model::Design| {
            let mut v: Vec<String> = d
                .nodes
                .iter()
                .map(|n| format!("{} {:?}", n.id, n.kind))
                .collect();
            v.sort();
            v
        };
        assert_ne!(
            kinds(&both.design),
            kinds(&circuits_only.design),
            "the gateways' file adds to the design (the regions' gateways)"
        );
        let mut app = empty_app();
        app.path = Some(dir.path().join("design.json"));
        app.picker = std::sync::Arc::new(StubPicker(None));
        let mut h = harness(app);
        h.state_mut().start_dialog(Purpose::Import(Source::Azure));
        wait(&mut h);
        h.get_by_label_contains("select the circuits' and the gateways' files");
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run_steps(2);
        h.get_by_label("Import").click();
        h.run_steps(2);
        wait_done(&mut h);
        let design = &h.state().design;
        assert_eq!(
            kinds(design),
            kinds(&both.design),
            "{:?}",
            h.state().message
        );
        assert_eq!(design.links.len(), both.design.links.len());
    }

    /// An import that finishes while the window asks another question (here: New, with
    /// unsaved changes) waits for that answer, then asks its own.
    #[test]
    fn an_import_arriving_during_another_question_waits_for_its_answer() {
        let mut h = harness(app_with("designs/europe-azure-two-locations.json"));
        h.state_mut()
            .add_node(NodeKindTag::AwsRegion, Point::new(0.0, 0.0));
        h.state_mut().pending = Some(crate::gui::app::Pending::New);
        h.run_steps(1);
        h.state_mut().import_from(
            Source::Terraform,
            vec![fixture("terraform/show-state.json")],
        );
        for _ in 0..30 {
            h.run_steps(1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        h.get_by_label_contains("before starting a new design?");
        h.get_by_label("Cancel").click();
        h.run_steps(2);
        wait_done(&mut h);
        h.get_by_label_contains("before opening the imported design?");
        h.get_by_label("Don't save").click();
        h.run_steps(2);
        assert_eq!(h.state().design.name, "Imported from Terraform");
    }

    /// What is not the tool's output — broken, truncated, empty, another tool's, the other
    /// cloud's — is said with the import's own words; the design keeps its content, revision
    /// and saved state, and no prompt or window opens.
    #[test]
    fn bad_input_is_said_and_the_design_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let truncated = std::fs::read_to_string(fixture("terraform/show-state.json")).unwrap();
        let cases = [
            (Source::Terraform, write("broken.json", "{ not json")),
            (
                Source::Terraform,
                write("truncated.json", &truncated[..truncated.len() / 2]),
            ),
            (Source::Azure, write("empty.json", "")),
            (
                Source::Terraform,
                write(
                    "other.json",
                    "{\"format\": \"linkwright-design\", \"version\": 1}",
                ),
            ),
            (Source::Aws, fixture("azure/express-route-list.json")),
            (Source::Azure, write("nothing.json", "[]")),
        ];
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let mut h = harness(app_with("designs/dual-cloud-ashburn-chicago.json"));
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        let (design, revision) = (h.state().design.clone(), h.state().history.revision());
        for (source, file) in cases {
            let expected =
                match crate::import::import(source, std::slice::from_ref(&file), &catalog) {
                    Err(e) => e.to_string(),
                    Ok(i) => {
                        assert!(i.is_empty(), "{file:?}");
                        format!(
                            "nothing.json holds nothing the {} import can map to a design",
                            source.label()
                        )
                    }
                };
            h.state_mut().import_from(source, vec![file.clone()]);
            wait_done(&mut h);
            let said = message(&h);
            assert!(said.starts_with("cannot import: "), "{said}");
            assert!(said.contains(&expected), "{said} / {expected}");
            assert!(
                said.ends_with("the design in the window is unchanged"),
                "{said}"
            );
            h.get_by_label(&format!("Cannot import from {}", source.label()));
            h.get_by_label(&expected); // the import's own words, in the window
            h.get_by_label("Nothing was imported; the design in the window is unchanged.");
            assert_eq!(h.state().design, design, "{file:?}");
            assert_eq!(h.state().history.revision(), revision);
            assert!(h.state().is_dirty(), "still unsaved work");
            assert!(h.state().pending.is_none() && h.state().interchange.summary.is_none());
            h.get_by_label("Close").click();
            h.run_steps(2);
            assert!(h.state().interchange.failed.is_none(), "closed");
            assert!(
                h.state()
                    .path
                    .as_ref()
                    .unwrap()
                    .ends_with("dual-cloud-ashburn-chicago.json")
            );
        }
    }

    /// The command palette lists the new commands (one table): "azure cli", Enter, and the
    /// Azure import runs.
    #[test]
    fn the_palette_runs_import_azure() {
        use egui::accesskit::Role;
        let mut h = harness(empty_app());
        h.state_mut().picker =
            std::sync::Arc::new(StubPicker(Some(fixture("azure/express-route-list.json"))));
        h.key_press_modifiers(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::P,
        );
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, "Command or catalog entry")
            .type_text("terraform");
        h.run_steps(2);
        h.get_by_label("Export Terraform…");
        h.get_by_label(&format!("Import {TERRAFORM}"));
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
        h.key_press_modifiers(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::P,
        );
        h.run_steps(2);
        h.get_by_role_and_label(Role::TextInput, "Command or catalog entry")
            .type_text("azure cli");
        h.run_steps(2);
        h.get_by_label(&format!("Import {AZURE}"));
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
        wait_done(&mut h);
        assert_eq!(h.state().design.name, "Imported from Azure ExpressRoute");
        assert!(!h.state().design.links.is_empty());
        assert!(h.state().pending.is_none(), "nothing unsaved to ask about");
        h.get_by_label("Imported from Azure ExpressRoute");
    }
}

//! File dialogs. The native dialog (rfd: the desktop portal on Linux) runs off the UI thread;
//! without a portal it answers "nothing chosen" at once, exactly like Cancel, so an answer that
//! fast opens the in-app path dialog instead. Tests stub the picker behind the trait.

use crate::import::Source;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Chooses files for Open, Save As, Export report and Export diagram, the folder for Export
/// Terraform and the files to import. `suggested`: the folder to start in and, when saving,
/// the file name to offer (a design never saved: the documents folder and a name from its
/// title).
pub trait FilePicker: Send + Sync {
    fn pick_open(&self, suggested: &Path) -> Option<PathBuf>;
    fn pick_save(&self, suggested: &Path) -> Option<PathBuf>;
    fn pick_report(&self, suggested: &Path) -> Option<PathBuf>;
    fn pick_diagram(&self, suggested: &Path) -> Option<PathBuf>;
    /// A folder to write into (`suggested` is the folder to start in). A picker that cannot
    /// choose folders answers None at once, and the in-app browser asks instead.
    fn pick_folder(&self, _suggested: &Path) -> Option<PathBuf> {
        None
    }
    /// The files to import from `source` (several for AWS: one per `describe-*` command).
    /// Unless a picker says otherwise, one file, chosen as Open chooses one.
    fn pick_import(&self, _source: Source, suggested: &Path) -> Option<Vec<PathBuf>> {
        self.pick_open(suggested).map(|p| vec![p])
    }
}

/// The desktop's dialog, started in `suggested`'s folder with its file name offered (or in
/// `suggested` itself when it is a folder: nothing to open is suggested by name).
fn native(suggested: &Path) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new();
    if suggested.is_dir() {
        return dialog.set_directory(suggested);
    }
    if let Some(folder) = suggested.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    match suggested.file_name() {
        Some(name) => dialog.set_file_name(name.to_string_lossy()),
        None => dialog,
    }
}

/// The desktop's native dialog.
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick_open(&self, suggested: &Path) -> Option<PathBuf> {
        native(suggested)
            .add_filter("linkwright design", &["json"])
            .set_title("Open design")
            .pick_file()
    }
    fn pick_save(&self, suggested: &Path) -> Option<PathBuf> {
        native(suggested)
            .add_filter("linkwright design", &["json"])
            .set_title("Save design as")
            .save_file()
    }
    fn pick_report(&self, suggested: &Path) -> Option<PathBuf> {
        native(suggested)
            .add_filter("PDF report", &["pdf"])
            .add_filter("Web page report", &["html", "htm"])
            .set_title("Export report")
            .save_file()
    }
    fn pick_diagram(&self, suggested: &Path) -> Option<PathBuf> {
        native(suggested)
            .add_filter("SVG drawing", &["svg"])
            .add_filter("PNG image", &["png"])
            .set_title("Export diagram")
            .save_file()
    }
    fn pick_folder(&self, suggested: &Path) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Export Terraform into folder");
        if suggested.is_dir() {
            dialog = dialog.set_directory(suggested);
        }
        dialog.pick_folder()
    }
    fn pick_import(&self, source: Source, suggested: &Path) -> Option<Vec<PathBuf>> {
        let dialog = native(suggested)
            .add_filter("JSON", &["json"])
            .add_filter("All files", &["*"])
            .set_title(format!("Import {}", source.label()));
        // AWS's describe-* outputs and Azure's two lists (circuits, gateways) are a file each:
        // several at once; a Terraform state or plan is one file.
        match source {
            Source::Aws | Source::Azure => dialog.pick_files(),
            Source::Terraform => dialog.pick_file().map(|p| vec![p]),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ExportReport,
    ExportDiagram,
    /// A second design to compare with, for the options report.
    CompareWith,
    /// The folder to write the Terraform files into.
    ExportTerraform,
    /// The JSON files to import a design from (several for AWS).
    Import(Source),
}

/// A dialog running on its own thread.
pub struct Running {
    pub purpose: Purpose,
    /// What was chosen (one path, or several files to import), and how long the dialog took
    /// to answer (timed on its thread: a busy window may look a while after the answer came).
    rx: Receiver<(Option<Vec<PathBuf>>, std::time::Duration)>,
}

/// What became of a running dialog.
pub enum Outcome {
    Waiting,
    /// One path, or for an import the files chosen (never none).
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// Answered "nothing" faster than a person can: no desktop portal; use the in-app dialog.
    Unavailable,
}

/// An answer faster than this is no person's Cancel.
const INSTANT: std::time::Duration = std::time::Duration::from_millis(250);

pub fn start(picker: &Arc<dyn FilePicker>, purpose: Purpose, suggested: PathBuf) -> Running {
    let (tx, rx) = channel();
    let picker = Arc::clone(picker);
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let one = |p: Option<PathBuf>| p.map(|p| vec![p]);
        let chosen = match purpose {
            Purpose::Open | Purpose::CompareWith => one(picker.pick_open(&suggested)),
            Purpose::SaveAs => one(picker.pick_save(&suggested)),
            Purpose::ExportReport => one(picker.pick_report(&suggested)),
            Purpose::ExportDiagram => one(picker.pick_diagram(&suggested)),
            Purpose::ExportTerraform => one(picker.pick_folder(&suggested)),
            Purpose::Import(source) => picker.pick_import(source, &suggested),
        };
        // An empty choice is no choice.
        let chosen = chosen.filter(|paths| !paths.is_empty());
        let _ = tx.send((chosen, started.elapsed()));
    });
    Running { purpose, rx }
}

impl Running {
    pub fn poll(&self) -> Outcome {
        match self.rx.try_recv() {
            Ok((Some(paths), _)) => Outcome::Chosen(paths),
            Ok((None, took)) if took < INSTANT => Outcome::Unavailable,
            Ok((None, _)) => Outcome::Cancelled,
            Err(TryRecvError::Empty) => Outcome::Waiting,
            Err(TryRecvError::Disconnected) => Outcome::Unavailable,
        }
    }
}

//! The in-app file browser (egui-file-dialog), used when the desktop has no portal: folders to
//! walk, a filter by kind of file (design files are `*.json`), the folders of recent designs as
//! "Recent places", and a file name to type when saving. Open starts in the design's folder;
//! Save As of a design never saved starts in the user's documents folder with a name made
//! from the design's title; exports start beside the design.

use super::*;
use crate::gui::dialogs::Purpose;
use egui_file_dialog::FileDialog;

/// The browser while it is open, and what it was opened for.
pub struct Browser {
    pub purpose: Purpose,
    dialog: FileDialog,
}

/// "dual-cloud-ashburn-chicago.json" from a design named "Dual cloud: Ashburn/Chicago": the
/// title in lower case, letters and digits kept, anything else one hyphen.
pub fn file_name_of(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "design" } else { name };
    format!("{name}.{extension}")
}

impl Browser {
    /// A browser for `purpose` in `folder`, suggesting `name` when saving, with the `recent`
    /// folders as quick places.
    pub fn new(purpose: Purpose, folder: PathBuf, name: &str, recent: &[PathBuf]) -> Browser {
        let title = match purpose {
            Purpose::Open => "Open design",
            Purpose::SaveAs => "Save design as",
            Purpose::ExportReport => "Export report",
            Purpose::ExportDiagram => "Export diagram",
            Purpose::CompareWith => "Compare with another design",
            Purpose::ExportTerraform => "Export Terraform: choose the folder",
            Purpose::Import(crate::import::Source::Aws) => {
                "Import AWS CLI JSON (select one or more files)"
            }
            Purpose::Import(crate::import::Source::Azure) => {
                "Import Azure CLI JSON (select the circuits' and the gateways' files)"
            }
            Purpose::Import(crate::import::Source::Terraform) => {
                "Import Terraform state or plan (terraform show -json)"
            }
        };
        let mut dialog = FileDialog::new()
            .id(egui::Id::new("file-browser"))
            .title(title)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .default_size([720.0, 420.0])
            .initial_directory(folder)
            .default_file_name(name)
            .show_devices(false)
            .show_removable_devices(false);
        {
            let labels = dialog.labels_mut();
            labels.open_button = match purpose {
                Purpose::ExportTerraform => "Export into this folder".into(),
                Purpose::Import(_) => "Import".into(),
                _ => "Open".into(),
            };
            labels.save_button = match purpose {
                Purpose::ExportReport | Purpose::ExportDiagram => "Export".into(),
                _ => "Save".into(),
            };
            labels.cancel_button = "Cancel".into();
        }
        dialog = match purpose {
            Purpose::Open | Purpose::SaveAs | Purpose::CompareWith => dialog
                .add_file_filter_extensions("Design files", vec!["json"])
                .default_file_filter("Design files")
                .add_save_extension("Design", "json")
                .default_save_extension("Design"),
            Purpose::ExportReport => dialog
                .add_file_filter_extensions("PDF reports", vec!["pdf"])
                .add_file_filter_extensions("Web page reports", vec!["html", "htm"])
                .default_file_filter("PDF reports")
                .add_save_extension("PDF", "pdf")
                .add_save_extension("Web page", "html")
                .default_save_extension(if name.ends_with(".html") {
                    "Web page"
                } else {
                    "PDF"
                }),
            Purpose::ExportDiagram => dialog
                .add_file_filter_extensions("SVG or PNG", vec!["svg", "png"])
                .default_file_filter("SVG or PNG")
                .add_save_extension("SVG", "svg")
                .add_save_extension("PNG", "png")
                .default_save_extension(if name.ends_with(".png") { "PNG" } else { "SVG" }),
            // Folders only: no filter.
            Purpose::ExportTerraform => dialog,
            // What the clouds' command lines print, saved as .json (or any name).
            Purpose::Import(_) => dialog
                .add_file_filter_extensions("JSON files", vec!["json"])
                .default_file_filter("JSON files"),
        };
        if !recent.is_empty() {
            dialog = dialog.add_quick_access("Recent places", |places| {
                for folder in recent {
                    let shown = folder.file_name().map_or_else(
                        || folder.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    places.add_path(&shown, folder.clone());
                }
            });
        }
        match purpose {
            Purpose::Open | Purpose::CompareWith => dialog.pick_file(),
            Purpose::Import(crate::import::Source::Aws | crate::import::Source::Azure) => {
                dialog.pick_multiple()
            }
            Purpose::Import(_) => dialog.pick_file(),
            Purpose::ExportTerraform => dialog.pick_directory(),
            Purpose::SaveAs | Purpose::ExportReport | Purpose::ExportDiagram => dialog.save_file(),
        }
        Browser { purpose, dialog }
    }
}

/// What became of the browser this frame.
enum Outcome {
    Open,
    Chosen(Vec<PathBuf>),
    Closed,
}

impl DesignerApp {
    /// The folders of the recent designs, newest first, each once.
    fn recent_places(&self) -> Vec<PathBuf> {
        let mut places: Vec<PathBuf> = Vec::new();
        for folder in self.recent.iter().filter_map(|p| p.parent()) {
            if !folder.as_os_str().is_empty() && !places.iter().any(|p| p == folder) {
                places.push(folder.to_owned());
            }
        }
        places
    }

    /// Where the browser starts for `purpose`: the design's folder, else the user's documents
    /// folder (else their home), never the working directory unless nothing else is known.
    pub(super) fn browser_folder(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|d| !d.as_os_str().is_empty() && d.is_dir())
            .map(Path::to_owned)
            .or_else(|| self.dirs.documents.clone().filter(|d| d.is_dir()))
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// The file name a dialog for `purpose` suggests: the design's own, or one made from its
    /// title when it was never saved (none to open).
    pub(super) fn suggested_name(&self, purpose: Purpose) -> String {
        match purpose {
            Purpose::Open | Purpose::CompareWith | Purpose::Import(_) => String::new(),
            Purpose::ExportTerraform => String::new(),
            Purpose::SaveAs => match self.path.as_ref().and_then(|p| p.file_name()) {
                Some(name) => name.to_string_lossy().into_owned(),
                None => file_name_of(&self.design.name, "json"),
            },
            Purpose::ExportReport => self.report_file_name(),
            Purpose::ExportDiagram => self.diagram_file_name(),
        }
    }

    /// Act on what a dialog (the desktop's or the in-app one) chose for `purpose`: one path,
    /// or for an import the files chosen.
    pub(super) fn chosen(
        &mut self,
        purpose: Purpose,
        mut paths: Vec<PathBuf>,
        ctx: &egui::Context,
    ) {
        if let Purpose::Import(source) = purpose {
            self.import_from(source, paths);
            return;
        }
        let Some(path) = paths.pop() else {
            return;
        };
        match purpose {
            Purpose::Open => self.request(Pending::Open(path), ctx),
            Purpose::SaveAs => self.saved_as(&path, ctx),
            Purpose::ExportReport => self.export_report_to(&path),
            Purpose::ExportDiagram => self.export_diagram_to(&path),
            Purpose::CompareWith => self.compare_with_design(&path),
            Purpose::ExportTerraform => self.export_terraform_to(&path),
            Purpose::Import(_) => {}
        }
    }

    /// Open the in-app browser for `purpose` (the desktop has no portal).
    pub(super) fn open_browser(&mut self, purpose: Purpose) {
        let name = self.suggested_name(purpose);
        let folder = self.browser_folder();
        self.shell.browser = Some(Browser::new(purpose, folder, &name, &self.recent_places()));
    }

    /// The browser, while open; what it chose is opened, saved or exported.
    pub(super) fn browser_ui(&mut self, ctx: &egui::Context) {
        let Some(browser) = &mut self.shell.browser else {
            return;
        };
        let purpose = browser.purpose;
        browser.dialog.update(ctx);
        let picked = match browser.dialog.take_picked() {
            Some(path) => Some(vec![path]),
            None => browser.dialog.take_picked_multiple(),
        };
        let outcome = match picked.filter(|paths| !paths.is_empty()) {
            Some(paths) => Outcome::Chosen(paths),
            None => match browser.dialog.state() {
                egui_file_dialog::DialogState::Open => Outcome::Open,
                _ => Outcome::Closed,
            },
        };
        match outcome {
            Outcome::Open => {}
            Outcome::Chosen(paths) => {
                self.shell.browser = None;
                self.chosen(purpose, paths, ctx);
            }
            Outcome::Closed => {
                self.shell.browser = None;
                self.dialog_cancelled(purpose);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::file_name_of;
    use crate::gui::dialogs::Purpose;
    use crate::gui::test_support::*;
    use crate::model::{NodeKindTag, Point};
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_new_designs_file_name_comes_from_its_title() {
        assert_eq!(
            file_name_of("Dual cloud: Ashburn/Chicago", "json"),
            "dual-cloud-ashburn-chicago.json"
        );
        assert_eq!(file_name_of("  Zürich HA ", "json"), "zürich-ha.json");
        assert_eq!(file_name_of("***", "json"), "design.json");
        assert_eq!(file_name_of("", "svg"), "design.svg");
    }

    /// Without a portal, Open browses the documents folder: design files listed, others not.
    #[test]
    fn without_a_portal_open_browses_the_documents_folder_for_design_files() {
        let mut app = empty_app();
        let documents = app.dirs.documents.clone().unwrap();
        std::fs::create_dir_all(&documents).unwrap();
        std::fs::write(documents.join("hub.json"), "{}").unwrap();
        std::fs::write(documents.join("notes.txt"), "x").unwrap();
        std::fs::create_dir_all(documents.join("archive")).unwrap();
        let elsewhere = app.test_folder.as_ref().unwrap().path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        app.recent = vec![elsewhere.join("old.json")];
        app.picker = std::sync::Arc::new(StubPicker(None));
        let mut h = harness(app);
        h.state_mut().start_dialog(Purpose::Open);
        wait(&mut h);
        h.get_by_label_contains("Open design");
        // The folders of recent designs are quick places.
        h.get_by_label("Recent places");
        assert!(h.query_by_label_contains("elsewhere").is_some());
        assert!(
            h.query_by_label_contains("hub.json").is_some(),
            "a design file"
        );
        assert!(h.query_by_label_contains("archive").is_some(), "a folder");
        assert!(
            h.query_by_label_contains("notes.txt").is_none(),
            "not a text file"
        );
        h.get_by_label("Cancel").click();
        wait(&mut h);
        assert!(h.state().shell.browser.is_none());
    }

    /// Save As of a design never saved suggests its title as the name, in the documents
    /// folder; Save there writes it.
    #[test]
    fn without_a_portal_a_new_design_saves_in_the_documents_folder() {
        let mut app = empty_app();
        let documents = app.dirs.documents.clone().unwrap();
        std::fs::create_dir_all(&documents).unwrap();
        app.design.name = "Branch offices".into();
        app.picker = std::sync::Arc::new(StubPicker(None));
        let mut h = harness(app);
        h.state_mut()
            .add_node(NodeKindTag::OnPremSite, Point::new(0.0, 0.0));
        h.state_mut().start_dialog(Purpose::SaveAs);
        wait(&mut h);
        h.get_by_label_contains("Save design as");
        h.get_by_label("Save").click();
        wait(&mut h);
        let saved = documents.join("branch-offices.json");
        assert!(saved.exists(), "{:?}", h.state().message);
        assert_eq!(h.state().path.as_deref(), Some(saved.as_path()));
        assert!(!h.state().is_dirty());
    }

    /// The desktop's dialog is offered the same: the documents folder and the title's name.
    #[test]
    fn the_desktop_dialog_suggests_the_documents_folder_for_a_new_design() {
        struct Recording(std::sync::Mutex<Vec<std::path::PathBuf>>);
        impl crate::gui::dialogs::FilePicker for Recording {
            fn pick_open(&self, s: &std::path::Path) -> Option<std::path::PathBuf> {
                self.0.lock().unwrap().push(s.to_owned());
                None
            }
            fn pick_save(&self, s: &std::path::Path) -> Option<std::path::PathBuf> {
                self.pick_open(s)
            }
            fn pick_report(&self, s: &std::path::Path) -> Option<std::path::PathBuf> {
                self.pick_open(s)
            }
            fn pick_diagram(&self, s: &std::path::Path) -> Option<std::path::PathBuf> {
                self.pick_open(s)
            }
        }
        let mut app = empty_app();
        let documents = app.dirs.documents.clone().unwrap();
        std::fs::create_dir_all(&documents).unwrap();
        app.design.name = "Branch offices".into();
        let picker = std::sync::Arc::new(Recording(Default::default()));
        app.picker = picker.clone();
        let mut h = harness(app);
        h.state_mut().start_dialog(Purpose::SaveAs);
        wait(&mut h);
        assert_eq!(
            picker.0.lock().unwrap().as_slice(),
            [documents.join("branch-offices.json")]
        );
    }
}

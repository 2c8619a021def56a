//! The designer's own folders and the recent-files list. Recent files live in
//! `$LINKWRIGHT_CONFIG_DIR`, else `$XDG_CONFIG_HOME/linkwright` or `~/.config/linkwright`; the
//! recovery copies (`recovery.rs`) in `$LINKWRIGHT_DATA_DIR`, else `$XDG_DATA_HOME/linkwright` or
//! `~/.local/share/linkwright`. A new design is saved by default in the user's documents folder
//! (the desktop's, e.g. `XDG_DOCUMENTS_DIR`; else the home folder).

use std::path::{Path, PathBuf};

/// How many recent files are kept.
pub const RECENT_MAX: usize = 10;

fn dir(own: &str, xdg: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(own) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os(xdg)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))
        .map(|d| d.join("linkwright"))
}

/// Where the designer keeps its own files; tests point these at temporary folders.
#[derive(Debug, Clone, Default)]
pub struct Dirs {
    pub config: Option<PathBuf>,
    pub data: Option<PathBuf>,
    /// Where a design never saved is saved by default.
    pub documents: Option<PathBuf>,
}

impl Dirs {
    /// The user's folders, from the environment.
    pub fn from_env() -> Dirs {
        Dirs {
            config: dir("LINKWRIGHT_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"),
            data: dir("LINKWRIGHT_DATA_DIR", "XDG_DATA_HOME", ".local/share"),
            documents: directories::UserDirs::new().map(|u| {
                u.document_dir()
                    .unwrap_or_else(|| u.home_dir())
                    .to_path_buf()
            }),
        }
    }
}

/// The recent-files list, newest first (missing or unreadable: empty).
pub fn recent(dirs: &Dirs) -> Vec<PathBuf> {
    let Some(file) = dirs.config.as_ref().map(|d| d.join("recent.json")) else {
        return Vec::new();
    };
    // The list is a few kilobytes; a larger file is not ours.
    crate::user_file::read_text(&file, 1024 * 1024)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Put `path` at the top of the recent-files list. Failing to write it is not worth an error.
pub fn remember(dirs: &Dirs, path: &Path) -> Vec<PathBuf> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut list = recent(dirs);
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(RECENT_MAX);
    if let Some(dir) = &dirs.config {
        let _ = std::fs::create_dir_all(dir);
        if let Ok(text) = serde_json::to_string_pretty(&list) {
            let _ = std::fs::write(dir.join("recent.json"), text);
        }
    }
    list
}

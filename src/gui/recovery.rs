//! Crash-recovery copies: one per running designer, in `<data folder>/recovery/`.
//!
//! While there are unsaved changes an instance writes `ID.json` (an ordinary design file, so
//! File → Open reads it too) every 30 s, and from its first write until it ends it holds an
//! advisory lock on `ID.lock` beside it. The lock file also records which design file the work
//! belongs to. The lock sits on a sidecar because every write renames a new copy over the old
//! one: a lock on the replaced file would guard nothing.
//!
//! At start, a copy whose lock can be taken was left by an instance that is gone (crashed,
//! killed, power cut) and is offered, newest first; a copy whose lock is held belongs to a
//! running instance and is never touched. The instance that offers a copy keeps its lock while
//! it asks, so two instances started together never offer the same copy. The single
//! `recovery.json` of earlier versions is offered like a crashed copy.
//!
//! Nothing here deletes work the user did not give up. An offered copy is deleted by Discard,
//! or once Restore has made the work this instance's own copy (or it is saved); closing the
//! window while it is offered keeps it for the next start. A copy that cannot be read as a
//! design is renamed aside (`ID.corrupt-YYYYMMDD-HHMMSS.json`) and the user told where. A save
//! or a clean exit removes only this instance's own copy. Copies are read through
//! `crate::user_file` (regular files only, size-capped) and a lock file is judged before it is
//! opened, so a FIFO in the folder cannot block start-up.

use super::files::Dirs;
use crate::design_file::{self, LoadError};
use crate::model::Design;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder of the per-instance copies, in the data folder.
pub fn folder(data: &Path) -> PathBuf {
    data.join("recovery")
}

/// The one copy, shared by every instance, of versions before per-instance copies.
fn legacy_copy(data: &Path) -> PathBuf {
    data.join("recovery.json")
}

/// The lock file of a copy: `ID.lock` beside `ID.json`.
fn lock_path(copy: &Path) -> PathBuf {
    copy.with_extension("lock")
}

/// Whether a file name in the folder is a copy (not a lock, a copy set aside, or a temporary).
fn is_copy_name(name: &str) -> bool {
    name.ends_with(".json") && !name.starts_with('.') && !name.contains(".corrupt-")
}

/// What a lock file says about the copy beside it.
#[derive(Debug, Default, Serialize, Deserialize)]
struct About {
    /// The process that wrote the copy.
    pid: u32,
    /// The design file the work belongs to; none for a design never saved.
    design_file: Option<PathBuf>,
}

/// The most of a lock file read: it holds a process id and a path.
const ABOUT_MAX_BYTES: u64 = 64 * 1024;

/// Take the advisory lock on an open lock file without waiting: `false` when another holds it
/// (another process, or another handle in this one).
fn try_lock(file: &File) -> io::Result<bool> {
    // Called through the trait: `File::try_lock` of std needs Rust 1.89.
    match fs4::FileExt::try_lock(file) {
        Ok(()) => Ok(true),
        Err(fs4::TryLockError::WouldBlock) => Ok(false),
        Err(fs4::TryLockError::Error(e)) => Err(e),
    }
}

fn not_regular(path: &Path) -> io::Error {
    io::Error::other(format!("{} is not a regular file", path.display()))
}

/// A lock held on a lock file while the value lives. The system releases it when the process
/// ends, however it ends; that is how a crashed instance's copy is told from a running one's.
#[derive(Debug)]
struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Take the lock on `path` (creating the file) without waiting; `None` when another holds it.
    fn try_take(path: &Path) -> io::Result<Option<Lock>> {
        // Judged before it is opened (a FIFO under the name would make an open wait for a
        // peer), and again once open, in case the name was replaced in between.
        if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(not_regular(path));
        }
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        if !file.metadata()?.is_file() {
            return Err(not_regular(path));
        }
        Ok(try_lock(&file)?.then(|| Lock {
            file,
            path: path.to_owned(),
        }))
    }

    /// What the lock file says (nothing readable: nothing known).
    fn about(&self) -> About {
        let mut file = &self.file;
        let mut text = String::new();
        if file.rewind().is_err()
            || file
                .take(ABOUT_MAX_BYTES)
                .read_to_string(&mut text)
                .is_err()
        {
            return About::default();
        }
        serde_json::from_str(&text).unwrap_or_default()
    }

    fn set_about(&self, about: &About) -> io::Result<()> {
        let text = serde_json::to_vec(about).map_err(io::Error::other)?;
        let mut file = &self.file;
        file.set_len(0)?;
        file.rewind()?;
        file.write_all(&text)
    }

    /// Delete the lock file; the lock itself goes with the handle.
    fn remove(self) {
        if fs::remove_file(&self.path).is_err() {
            // Some systems delete no file that is open: close it first.
            let Lock { file, path } = self;
            drop(file);
            let _ = fs::remove_file(path);
        }
    }
}

/// A copy on disk with the lock this instance holds on it (none when its lock file is unusable).
#[derive(Debug)]
struct Held {
    copy: PathBuf,
    lock: Option<Lock>,
}

impl Held {
    /// Delete the copy, then its lock file.
    fn delete(self) -> io::Result<()> {
        match fs::remove_file(&self.copy) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        if let Some(lock) = self.lock {
            lock.remove();
        }
        Ok(())
    }
}

/// A copy left by an instance that is gone, locked by this one while it is offered.
#[derive(Debug)]
pub struct Offer {
    pub design: Design,
    /// The design file the work belongs to; none for a design never saved (or a copy written
    /// by an earlier version, which did not record it).
    pub design_file: Option<PathBuf>,
    /// When the copy was last written.
    pub written: Option<SystemTime>,
    held: Held,
}

impl Offer {
    /// Where the copy is.
    pub fn copy(&self) -> &Path {
        &self.held.copy
    }
}

/// A copy that could not be read as a design, renamed aside rather than deleted.
#[derive(Debug)]
pub struct SetAside {
    pub copy: PathBuf,
    /// Where it is now; none when even the rename failed (it is then where it was).
    pub now_at: Option<PathBuf>,
    /// Why it could not be read (and, when the rename failed, why not).
    pub reason: String,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.now_at {
            Some(to) => write!(
                f,
                "a recovery copy could not be read ({}); it was set aside as {}",
                self.reason,
                to.display()
            ),
            None => write!(
                f,
                "a recovery copy could not be read ({}); it was left at {}",
                self.reason,
                self.copy.display()
            ),
        }
    }
}

/// What a look at the data folder found.
#[derive(Debug, Default)]
pub struct Found {
    /// Copies of instances that are gone, newest first, each locked by this instance.
    pub offers: Vec<Offer>,
    pub set_aside: Vec<SetAside>,
    /// Copies written by a newer linkwright: left alone, for it.
    pub newer: Vec<PathBuf>,
}

/// Look for copies left by instances that are gone, in the data folder `data`.
pub fn find(data: &Path) -> Found {
    let mut found = Found::default();
    let mut copies = Vec::new();
    let legacy = legacy_copy(data);
    if fs::symlink_metadata(&legacy).is_ok() {
        copies.push(legacy);
    }
    let folder = folder(data);
    if let Ok(entries) = fs::read_dir(&folder) {
        for entry in entries.flatten() {
            if is_copy_name(&entry.file_name().to_string_lossy()) {
                copies.push(entry.path());
            }
        }
    }
    for copy in copies {
        examine(copy, &mut found);
    }
    // Newest first; a copy whose time is unknown last.
    found.offers.sort_by_key(|o| std::cmp::Reverse(o.written));
    remove_stale_locks(&folder);
    found
}

/// Offer the copy, set it aside, or leave it (a running instance's, a newer version's).
fn examine(copy: PathBuf, found: &mut Found) {
    let lock = match Lock::try_take(&lock_path(&copy)) {
        Ok(Some(lock)) => Some(lock),
        Ok(None) => return, // a running instance's copy
        // No usable lock file (a read-only folder, something else under the name): no
        // instance can hold it, so the copy is judged alone.
        Err(_) => None,
    };
    let written = fs::metadata(&copy).and_then(|m| m.modified()).ok();
    match design_file::load(&copy) {
        Ok(design) => {
            let about = lock.as_ref().map(Lock::about).unwrap_or_default();
            found.offers.push(Offer {
                design,
                design_file: about.design_file,
                written,
                held: Held { copy, lock },
            });
        }
        // Gone since the folder was read: its instance ended cleanly, or another took it.
        Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            if let Some(lock) = lock {
                lock.remove();
            }
        }
        Err(LoadError::NewerVersion { .. }) => found.newer.push(copy),
        Err(e) => {
            let reason = e.to_string();
            found.set_aside.push(match set_aside(&copy) {
                Ok(to) => {
                    if let Some(lock) = lock {
                        lock.remove();
                    }
                    SetAside {
                        copy,
                        now_at: Some(to),
                        reason,
                    }
                }
                Err(rename) => SetAside {
                    reason: format!("{reason}; renaming it aside failed: {rename}"),
                    copy,
                    now_at: None,
                },
            });
        }
    }
}

/// Rename an unreadable copy to `STEM.corrupt-YYYYMMDD-HHMMSS.json` beside it (`-2`, `-3`, …
/// when the name is taken), never over another file.
fn set_aside(copy: &Path) -> io::Result<PathBuf> {
    let stem = copy
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let (date, seconds) = utc(SystemTime::now());
    let stamp = format!(
        "{}-{:02}{:02}{:02}",
        date.replace('-', ""),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    );
    for n in 1..100 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let to = copy.with_file_name(format!("{stem}.corrupt-{stamp}{suffix}.json"));
        if fs::symlink_metadata(&to).is_err() {
            fs::rename(copy, &to)?;
            return Ok(to);
        }
    }
    Err(io::Error::other("too many copies set aside this second"))
}

/// How old a lock file without a copy must be before it is removed: an instance creates its
/// lock file a moment before it locks it and writes its copy.
const STALE_LOCK: Duration = Duration::from_secs(60);

/// Remove lock files whose copy is gone and whose instance is too (it crashed between taking
/// the lock and its first write, or its clean exit was cut short).
fn remove_stale_locks(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "lock") || path.with_extension("json").exists() {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_LOCK);
        if old && let Ok(Some(lock)) = Lock::try_take(&path) {
            lock.remove();
        }
    }
}

/// This instance's copy: its name chosen and its lock taken at the first write, held until the
/// instance ends or the work is safe.
#[derive(Debug)]
struct Own {
    copy: PathBuf,
    lock: Lock,
}

impl Own {
    /// Choose an unused name (`PID-RANDOM`, created exclusively) and take its lock.
    fn claim(folder: &Path) -> io::Result<Own> {
        fs::create_dir_all(folder)?;
        let (file, path) = tempfile::Builder::new()
            .prefix(&format!("{}-", std::process::id()))
            .suffix(".lock")
            .rand_bytes(8)
            .tempfile_in(folder)?
            .keep()
            .map_err(|e| e.error)?;
        // Another instance removing stale lock files may hold the new one for a moment.
        for _ in 0..40 {
            if try_lock(&file)? {
                return Ok(Own {
                    copy: path.with_extension("json"),
                    lock: Lock { file, path },
                });
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = fs::remove_file(&path);
        Err(io::Error::other(format!(
            "{}: held by another process",
            path.display()
        )))
    }
}

/// Restored work: the design, the file it belongs to, and how many other copies were kept for
/// the next start.
#[derive(Debug)]
pub struct Restored {
    pub design: Design,
    pub design_file: Option<PathBuf>,
    pub kept: usize,
}

/// The recovery copies of one designer window: its own, and those it offers.
#[derive(Debug)]
pub struct Recovery {
    data: Option<PathBuf>,
    own: Option<Own>,
    /// Copies left by instances that are gone, newest first; the first is the one asked about.
    offers: Vec<Offer>,
    /// A restored copy, kept until the work is safe in this instance's own copy or saved.
    adopted: Option<Held>,
    /// The design file restored work belongs to. The app does not take it as the document's
    /// path (a Save must not overwrite that file by accident), so it is recorded here.
    origin: Option<PathBuf>,
}

impl Recovery {
    /// Look for copies to offer in `dirs`' data folder; the notice says what was set aside.
    pub fn start(dirs: &Dirs) -> (Recovery, Option<String>) {
        let found = dirs.data.as_deref().map(find).unwrap_or_default();
        let mut notes: Vec<String> = found.set_aside.iter().map(|s| s.to_string()).collect();
        notes.extend(found.newer.iter().map(|p| {
            format!(
                "a recovery copy written by a newer linkwright was left for it: {}",
                p.display()
            )
        }));
        let recovery = Recovery {
            data: dirs.data.clone(),
            own: None,
            offers: found.offers,
            adopted: None,
            origin: None,
        };
        (recovery, (!notes.is_empty()).then(|| notes.join("; ")))
    }

    /// The copy being offered.
    pub fn offered(&self) -> Option<&Offer> {
        self.offers.first()
    }

    /// How many more copies wait after the one offered.
    pub fn more_offers(&self) -> usize {
        self.offers.len().saturating_sub(1)
    }

    /// Where this instance's copy is, once written.
    pub fn own_copy(&self) -> Option<&Path> {
        self.own.as_ref().map(|o| o.copy.as_path())
    }

    /// Write this instance's copy of `design`, which belongs to `design_file` (none: to the file
    /// of restored work, if any). Once it is written, a restored copy it took over is deleted.
    /// An error says what failed, in words for the status bar.
    pub fn write(&mut self, design: &Design, design_file: Option<&Path>) -> Result<(), String> {
        let data = self
            .data
            .as_deref()
            .ok_or("cannot write the recovery copy: no data folder (HOME is not set)")?;
        let own = match &mut self.own {
            Some(own) => own,
            empty => {
                let folder = folder(data);
                empty.insert(Own::claim(&folder).map_err(|e| {
                    format!(
                        "cannot write the recovery copy in {}: {e}",
                        folder.display()
                    )
                })?)
            }
        };
        let about = About {
            pid: std::process::id(),
            design_file: design_file
                .map(Path::to_owned)
                .or_else(|| self.origin.clone()),
        };
        // Best effort: the copy matters more than its label, and a write that fails here will
        // fail for the copy too, which says so.
        let _ = own.lock.set_about(&about);
        design_file::save(design, &own.copy)
            .map_err(|e| format!("cannot write the recovery copy: {e}"))?;
        if let Some(adopted) = self.adopted.take() {
            let copy = adopted.copy.clone();
            adopted.delete().map_err(|e| {
                format!(
                    "the restored work is in {}, but its old copy {} could not be deleted: {e}",
                    own.copy.display(),
                    copy.display()
                )
            })?;
        }
        Ok(())
    }

    /// Take the offered copy as this instance's work. The copy stays, locked, until `write` has
    /// made the work this instance's own copy or it is saved; the other offers are kept (and
    /// released) for the next start, or for another window.
    pub fn restore(&mut self) -> Option<Restored> {
        if self.offers.is_empty() {
            return None;
        }
        let Offer {
            design,
            design_file,
            held,
            ..
        } = self.offers.remove(0);
        let kept = self.offers.len();
        self.offers.clear();
        // A copy restored before and not yet safe is given up for this one (the user chose).
        if let Some(previous) = self.adopted.replace(held) {
            let _ = previous.delete();
        }
        self.origin = design_file.clone();
        Some(Restored {
            design,
            design_file,
            kept,
        })
    }

    /// Delete the offered copy (the user's Discard).
    pub fn discard(&mut self) -> Result<(), String> {
        if self.offers.is_empty() {
            return Ok(());
        }
        let held = self.offers.remove(0).held;
        let copy = held.copy.clone();
        held.delete()
            .map_err(|e| format!("cannot delete the recovery copy {}: {e}", copy.display()))
    }

    /// Keep the offered copy and ask again at the next start (the user's Later).
    pub fn later(&mut self) {
        if !self.offers.is_empty() {
            self.offers.remove(0); // its lock goes with it
        }
    }

    /// The work is safe elsewhere (saved) or given up (a clean exit): delete this instance's
    /// copy and a restored copy it took over. Other instances' copies, offered or not, stay.
    pub fn remove_own(&mut self) {
        if let Some(own) = self.own.take() {
            let _ = fs::remove_file(&own.copy);
            own.lock.remove();
        }
        if let Some(adopted) = self.adopted.take() {
            let _ = adopted.delete();
        }
        self.origin = None;
    }

    /// Another design replaced the document (New, Open): restored work's file no longer applies.
    pub fn document_replaced(&mut self) {
        self.origin = None;
    }
}

/// The UTC date (YYYY-MM-DD) and the seconds into that day.
fn utc(t: SystemTime) -> (String, u64) {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (
        crate::report::civil_date((secs / 86_400) as i64),
        secs % 86_400,
    )
}

/// "12 minutes ago (2026-01-31 14:02 UTC)", for the dialog.
pub fn written_words(written: Option<SystemTime>, now: SystemTime) -> String {
    let Some(written) = written else {
        return "at an unknown time".into();
    };
    let ago = now.duration_since(written).map_or(0, |d| d.as_secs());
    let plural = |n: u64, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
    let ago = match ago {
        0..60 => "moments ago".to_string(),
        60..3_600 => plural(ago / 60, "minute"),
        3_600..86_400 => plural(ago / 3_600, "hour"),
        _ => plural(ago / 86_400, "day"),
    };
    let (date, seconds) = utc(written);
    format!(
        "{ago} ({date} {:02}:{:02} UTC)",
        seconds / 3600,
        seconds / 60 % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs() -> (tempfile::TempDir, Dirs) {
        let dir = tempfile::tempdir().unwrap();
        let dirs = Dirs {
            config: Some(dir.path().join("config")),
            data: Some(dir.path().join("data")),
            documents: None,
        };
        (dir, dirs)
    }

    fn data(dirs: &Dirs) -> &Path {
        dirs.data.as_deref().unwrap()
    }

    /// A copy left by an instance that crashed: written, then its lock released without a
    /// clean exit (as the system releases it when a process dies).
    fn crashed_copy(dirs: &Dirs, name: &str, design_file: Option<&Path>) -> PathBuf {
        let (mut instance, _) = Recovery::start(dirs);
        instance.write(&Design::new(name), design_file).unwrap();
        let copy = instance.own_copy().unwrap().to_owned();
        drop(instance);
        copy
    }

    fn set_modified(path: &Path, ago_secs: u64) {
        let file = File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(ago_secs))
            .unwrap();
    }

    #[test]
    fn two_instances_write_two_copies_and_neither_offers_the_others() {
        let (_dir, dirs) = dirs();
        let (mut first, _) = Recovery::start(&dirs);
        let (mut second, _) = Recovery::start(&dirs);
        first.write(&Design::new("first"), None).unwrap();
        second.write(&Design::new("second"), None).unwrap();
        let (a, b) = (first.own_copy().unwrap(), second.own_copy().unwrap());
        assert_ne!(a, b, "one copy per instance");
        assert_eq!(design_file::load(a).unwrap().name, "first");
        assert_eq!(design_file::load(b).unwrap().name, "second");
        // A third instance starting now leaves both alone: their locks are held.
        let found = find(data(&dirs));
        assert!(found.offers.is_empty(), "{:?}", found.offers);
        assert!(found.set_aside.is_empty());
        assert!(a.exists() && b.exists());
    }

    #[test]
    fn a_crashed_instances_copy_is_offered_with_its_design_file_and_time() {
        let (dir, dirs) = dirs();
        let ha = dir.path().join("ha.json");
        let (mut live, _) = Recovery::start(&dirs);
        live.write(&Design::new("still running"), None).unwrap();
        let copy = crashed_copy(&dirs, "crashed", Some(&ha));
        let found = find(data(&dirs));
        assert_eq!(found.offers.len(), 1, "only the crashed instance's copy");
        let offer = &found.offers[0];
        assert_eq!(offer.design.name, "crashed");
        assert_eq!(offer.copy(), copy);
        assert_eq!(offer.design_file.as_deref(), Some(ha.as_path()));
        assert!(offer.written.is_some());
        // While it is offered here, another instance starting leaves it alone.
        assert!(find(data(&dirs)).offers.is_empty());
        drop(live);
    }

    #[test]
    fn restore_deletes_the_old_copy_only_once_this_instances_copy_is_written() {
        let (dir, dirs) = dirs();
        let ha = dir.path().join("ha.json");
        let old = crashed_copy(&dirs, "work", Some(&ha));
        let (mut instance, _) = Recovery::start(&dirs);
        let restored = instance.restore().unwrap();
        assert_eq!(restored.design.name, "work");
        assert_eq!(restored.design_file.as_deref(), Some(ha.as_path()));
        assert!(old.exists(), "kept until the work is safe elsewhere");
        assert!(find(data(&dirs)).offers.is_empty(), "and held meanwhile");
        instance.write(&restored.design, None).unwrap();
        assert!(!old.exists() && !lock_path(&old).exists());
        let own = instance.own_copy().unwrap().to_owned();
        assert_eq!(design_file::load(&own).unwrap().name, "work");
        // A crash now: the work is offered again, still named after its file.
        drop(instance);
        let found = find(data(&dirs));
        assert_eq!(found.offers.len(), 1);
        assert_eq!(found.offers[0].design_file.as_deref(), Some(ha.as_path()));
    }

    #[test]
    fn discard_deletes_the_offered_copy_and_later_keeps_it() {
        let (_dir, dirs) = dirs();
        let older = crashed_copy(&dirs, "older", None);
        let newer = crashed_copy(&dirs, "newer", None);
        set_modified(&older, 3_600);
        let (mut instance, _) = Recovery::start(&dirs);
        assert_eq!(instance.offered().unwrap().design.name, "newer");
        assert_eq!(instance.more_offers(), 1);
        instance.later();
        assert_eq!(instance.offered().unwrap().design.name, "older");
        instance.discard().unwrap();
        assert!(instance.offered().is_none());
        assert!(newer.exists(), "Later keeps the copy");
        assert!(!older.exists() && !lock_path(&older).exists(), "Discard");
        drop(instance);
        let found = find(data(&dirs));
        assert_eq!(found.offers.len(), 1, "asked again at the next start");
        assert_eq!(found.offers[0].design.name, "newer");
    }

    #[test]
    fn a_save_or_clean_exit_removes_only_this_instances_copy() {
        let (_dir, dirs) = dirs();
        let crashed = crashed_copy(&dirs, "crashed", None);
        let (mut instance, _) = Recovery::start(&dirs);
        instance.write(&Design::new("mine"), None).unwrap();
        let own = instance.own_copy().unwrap().to_owned();
        instance.remove_own();
        assert!(!own.exists() && !lock_path(&own).exists());
        assert!(
            crashed.exists(),
            "the offered copy stays until the user chooses"
        );
    }

    #[test]
    fn a_corrupt_copy_is_set_aside_and_the_notice_says_where() {
        let (_dir, dirs) = dirs();
        let folder = folder(data(&dirs));
        fs::create_dir_all(&folder).unwrap();
        let bad = folder.join("1234-abcdefgh.json");
        fs::write(&bad, "{ not json").unwrap();
        fs::write(legacy_copy(data(&dirs)), "").unwrap();
        let (instance, notice) = Recovery::start(&dirs);
        assert!(instance.offered().is_none());
        let notice = notice.expect("said so");
        let aside: Vec<PathBuf> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(!bad.exists());
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), "{ not json", "kept");
        assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
        assert!(notice.contains("recovery.corrupt-"), "{notice}");
        assert!(!legacy_copy(data(&dirs)).exists());
        // Set aside once: the next start neither offers nor mentions it.
        drop(instance);
        assert!(Recovery::start(&dirs).1.is_none());
    }

    #[test]
    fn a_copy_from_a_newer_version_is_left_for_it() {
        let (_dir, dirs) = dirs();
        let folder = folder(data(&dirs));
        fs::create_dir_all(&folder).unwrap();
        let newer = folder.join("99-newer.json");
        fs::write(
            &newer,
            r#"{"format":"linkwright-design","version":99,"design":{}}"#,
        )
        .unwrap();
        let (instance, notice) = Recovery::start(&dirs);
        assert!(instance.offered().is_none());
        assert!(newer.exists());
        assert!(notice.unwrap().contains("newer linkwright"));
    }

    #[test]
    fn the_single_copy_of_earlier_versions_is_offered_as_a_crashed_one() {
        let (_dir, dirs) = dirs();
        fs::create_dir_all(data(&dirs)).unwrap();
        let legacy = legacy_copy(data(&dirs));
        design_file::save(&Design::new("from an earlier version"), &legacy).unwrap();
        let (mut instance, _) = Recovery::start(&dirs);
        assert_eq!(
            instance.offered().unwrap().design.name,
            "from an earlier version"
        );
        instance.discard().unwrap();
        assert!(!legacy.exists() && !lock_path(&legacy).exists());
    }

    #[test]
    fn a_lock_file_without_a_copy_is_removed_once_stale() {
        let (_dir, dirs) = dirs();
        let folder = folder(data(&dirs));
        fs::create_dir_all(&folder).unwrap();
        let (stale, fresh) = (folder.join("1-stale.lock"), folder.join("2-fresh.lock"));
        fs::write(&stale, "").unwrap();
        fs::write(&fresh, "").unwrap();
        set_modified(&stale, 3_600);
        let (mut live, _) = Recovery::start(&dirs);
        live.write(&Design::new("live"), None).unwrap();
        let live_lock = lock_path(live.own_copy().unwrap());
        fs::remove_file(live.own_copy().unwrap()).unwrap();
        set_modified(&live_lock, 3_600);
        find(data(&dirs));
        assert!(!stale.exists());
        assert!(fresh.exists(), "may be an instance about to lock it");
        assert!(live_lock.exists(), "held by a running instance");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_in_the_recovery_folder_do_not_block_start_up() {
        let (_dir, dirs) = dirs();
        let folder = folder(data(&dirs));
        fs::create_dir_all(&folder).unwrap();
        let good = crashed_copy(&dirs, "good", None);
        let fifos = [
            folder.join("1-pipe.json"),
            folder.join("2-locked-by-a-pipe.lock"),
            folder.join("3-orphan.lock"),
            legacy_copy(data(&dirs)),
        ];
        fs::write(folder.join("2-locked-by-a-pipe.json"), "{").unwrap();
        for fifo in &fifos {
            use std::os::unix::ffi::OsStrExt;
            let name = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
            // SAFETY: `name` is a NUL-terminated path that outlives the call.
            assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let start = dirs.clone();
        std::thread::spawn(move || {
            let (instance, notice) = Recovery::start(&start);
            let offered = instance.offered().map(|o| o.copy().to_owned());
            let _ = tx.send((offered, notice));
        });
        let (offered, notice) = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("start-up blocked on a FIFO");
        assert_eq!(offered, Some(good));
        let notice = notice.unwrap();
        assert!(notice.contains("FIFO"), "{notice}");
        assert!(!fifos[0].exists(), "the FIFO copy is set aside: {notice}");
        assert!(!legacy_copy(data(&dirs)).exists(), "{notice}");
    }

    #[test]
    fn times_are_said_in_words_and_utc() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(20_484 * 86_400 + 14 * 3600 + 120);
        assert_eq!(
            written_words(Some(t), t + Duration::from_secs(125)),
            "2 minutes ago (2026-01-31 14:02 UTC)"
        );
        assert_eq!(
            written_words(Some(t), t + Duration::from_secs(3 * 86_400)),
            "3 days ago (2026-01-31 14:02 UTC)"
        );
    }
}

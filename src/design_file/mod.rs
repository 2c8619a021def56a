//! The on-disk design format: versioned JSON, pretty-printed in a stable order so designs diff
//! and merge well in git; loading that never panics and names file, line and column on every
//! error; atomic saving.
//!
//! ```json
//! { "format": "linkwright-design", "version": 1, "design": { "name": ..., "nodes": [...] } }
//! ```

pub(crate) mod locate;
pub mod schema;
mod structure;

pub use structure::{
    MAX_BANDWIDTH_MBPS, MAX_COORDINATE, MAX_EGRESS_GB_PER_MONTH, MAX_NAME_CHARS, MAX_NOTES_CHARS,
    MAX_QUANTITY, StructureError, check_structure,
};

use crate::model::Design;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Value of the top-level `"format"` key.
pub const FORMAT: &str = "linkwright-design";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Files larger than this are refused (256 MiB; a 10,000-site design is ~15 MB, a 50,000-site
/// one ~88 MB).
pub use crate::user_file::MAX_FILE_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is larger than the {limit}-byte ({} MiB) limit for design files", path.display(), limit / (1024 * 1024))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}: is {kind}, not a regular file; a design is read from a regular file", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: written by a newer linkwright (format {version}); this build reads format {VERSION} and older", path.display())]
    NewerVersion { path: PathBuf, version: u32 },
}

impl LoadError {
    /// Line and column of the problem, when it has a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Invalid { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot save: {0}")]
    Serialize(#[from] serde_json::Error),
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    design: &'a Design,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: String,
    version: u32,
    design: Design,
}

/// Just the header, read first so a newer file is refused before its contents are judged.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Read and validate a design file.
pub fn load(path: &Path) -> Result<Design, LoadError> {
    let bytes = crate::user_file::read_bytes(path, MAX_FILE_BYTES);
    load_bytes(bytes.map(crate::user_file::Bytes::Read), path)
}

/// [`load`] for a command that only reads the design: a large file is mapped rather than
/// copied ([`crate::user_file::map_bytes`] says what that costs; the designer never maps).
pub fn load_mapped(path: &Path) -> Result<Design, LoadError> {
    load_bytes(crate::user_file::map_bytes(path, MAX_FILE_BYTES), path)
}

fn load_bytes(
    bytes: Result<crate::user_file::Bytes, crate::user_file::ReadError>,
    path: &Path,
) -> Result<Design, LoadError> {
    use crate::user_file::ReadError;
    let bytes = bytes.map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.to_owned(),
            source,
        },
        ReadError::NotRegular(kind) => LoadError::NotRegular {
            path: path.to_owned(),
            kind,
        },
        ReadError::TooLarge { limit } => LoadError::TooLarge {
            path: path.to_owned(),
            limit,
        },
    })?;
    let text = utf8(&bytes).map_err(|e| {
        let (line, column) = locate::line_col_of_byte(&bytes, e.valid_up_to());
        LoadError::Invalid {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not UTF-8 text".into(),
        }
    })?;
    let design = from_str(text, path);
    // A large file's bytes (mapped, or read by `load`) are handed back while the design is
    // used (6-9 ms of unmapping at 100,000 sites); the process ending frees them anyway.
    if bytes.len() as u64 >= crate::user_file::MAP_FROM {
        crate::par::drop_in_background(bytes);
    }
    design
}

/// The bytes as text. A large file is checked on every core: in parts cut where a character
/// starts, and a text whose parts are each valid UTF-8 is valid UTF-8 (a concatenation of whole
/// characters). When a part is not, the whole is checked again on one core for the place of
/// the error, so the answer and the error are `std::str::from_utf8`'s.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    let threads = crate::par::threads();
    if bytes.len() < SPLIT_PARSE_BYTES || threads < 2 {
        return std::str::from_utf8(bytes);
    }
    let parts = 4 * threads;
    let mut cuts = Vec::with_capacity(parts + 1);
    cuts.push(0);
    for i in 1..parts {
        let mut at = (bytes.len() * i / parts).max(cuts[i - 1]);
        // Not before a continuation byte: valid text is then cut between characters.
        while bytes.get(at).is_some_and(|b| b & 0xC0 == 0x80) {
            at += 1;
        }
        cuts.push(at);
    }
    cuts.push(bytes.len());
    let valid = crate::par::map_in_order(
        parts,
        threads,
        || (),
        |(), i| std::str::from_utf8(&bytes[cuts[i]..cuts[i + 1]]).is_ok(),
    );
    if valid.into_iter().all(|v| v) {
        // SAFETY: the parts are consecutive and cover `bytes`, and each is valid UTF-8, so
        // `bytes` is their concatenation: whole characters one after another, valid UTF-8.
        Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        std::str::from_utf8(bytes)
    }
}

/// Parse and validate design-file text; `path` names the source in errors.
pub fn from_str(text: &str, path: &Path) -> Result<Design, LoadError> {
    let invalid = |(line, column): (usize, usize), message: String| LoadError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    if let Some((offset, c)) = text.char_indices().find(|(_, c)| !c.is_whitespace()) {
        if c != '{' {
            return Err(invalid(
                locate::line_col_of_byte(text.as_bytes(), offset),
                format!(
                    "expected a JSON object starting with {{ \"format\": \"{FORMAT}\", ... }}, found `{c}`"
                ),
            ));
        }
    }
    // Fast path: one parse (in pieces on every core when the file is large and laid out as
    // Save writes it, else one plain parse). Only when it fails is the text read again to
    // explain why:
    // the header first (a newer file is refused before its contents are judged), then with the
    // JSON path of the problem.
    let parsed = parse_split(text).map_or_else(|| serde_json::from_str::<FileIn>(text), Ok);
    let design = match parsed {
        Ok(file) => {
            let format = serde_json::Value::from(file.format);
            let version = serde_json::Value::from(file.version);
            check_header(text, path, Some(&format), Some(&version))?;
            file.design
        }
        Err(_) => return Err(explain_parse_failure(text, path)),
    };
    check_structure(&design)
        .map_err(|err| invalid(err.locate(text).unwrap_or((1, 1)), err.to_string()))?;
    Ok(design)
}

/// Files at least this large are parsed in parts on several threads when they have the shape
/// [`to_string`] writes.
const SPLIT_PARSE_BYTES: usize = 1 << 20;

/// Parse a large file the way `save` writes it, on every core at once: the `nodes`, `links` and
/// `demands` arrays (nearly all of a large design) are cut between elements into pieces (a few
/// per core, at most [`PIECE_BYTES`] each) handed to whichever core is free, and the rest is
/// parsed with those arrays left empty. `None` when the text does not have exactly that shape
/// or any piece does not parse; the caller then parses the whole text as usual, so the result
/// and every error message are the same either way.
///
/// Why the cuts are safe: a JSON string cannot hold a raw line break, so a line that starts
/// with four spaces and `"nodes": ` is a key, a line of four spaces and `]` ends an array and a
/// line of six spaces and `},` ends an object, never string content. Each piece must parse on
/// its own as whole elements separated by single commas, so the pieces joined with commas are
/// exactly the original array; the rest, with `[]` in place of the arrays, must then parse as
/// a design file, which puts each key in the design object (the only place a design file has
/// those keys).
fn parse_split(text: &str) -> Option<FileIn> {
    let threads = crate::par::threads();
    if text.len() < SPLIT_PARSE_BYTES || threads < 2 {
        return None;
    }
    let find =
        |haystack: &str, needle: &str| memchr::memmem::find(haystack.as_bytes(), needle.as_bytes());
    const KEYS: [&str; 3] = [
        "\n    \"nodes\": ",
        "\n    \"links\": ",
        "\n    \"demands\": ",
    ];
    // (start, end) of each array's text.
    let mut arrays = [(0usize, 0usize); 3];
    let mut from = 0;
    for (array, key) in arrays.iter_mut().zip(KEYS) {
        let start = from + find(&text[from..], key)? + key.len();
        // The array ends at the first line of four spaces and `]`, the level of the design
        // object's keys (its elements' lines are indented further): one pass over the array,
        // for a mark with a rare byte. An empty array is written `[]` on the key's line.
        let rest = &text[start..];
        let len = if rest.starts_with("[]") {
            2
        } else {
            find(rest, ARRAY_END)? + ARRAY_END.len()
        };
        *array = (start, start + len);
        from = start + len;
    }
    let mut skeleton = String::with_capacity(4096);
    let mut at = 0;
    for &(start, end) in &arrays {
        skeleton.push_str(&text[at..start]);
        skeleton.push_str("[]");
        at = end;
    }
    skeleton.push_str(&text[at..]);
    // Each array's elements, cut into a few pieces per core (at most PIECE_BYTES each): the
    // pieces are handed to whichever core is free, so a core slowed by other work parses fewer
    // of them (with one piece per core, the slowest core set the time).
    let pieces = |(start, end): (usize, usize)| -> Option<Vec<&str>> {
        let inner = text[start..end].strip_prefix('[')?.strip_suffix(']')?;
        let size = (inner.len() / (4 * threads)).clamp(MIN_PIECE_BYTES, PIECE_BYTES);
        let mut out = Vec::with_capacity(inner.len() / size + 1);
        let mut piece_start = 0;
        while inner.len() - piece_start > size {
            let target = piece_start + size;
            // Searched as bytes: `target` may fall inside a character of several bytes; the
            // mark found is ASCII, so the cuts are between characters.
            let found = memchr::memmem::find(&inner.as_bytes()[target..], BETWEEN.as_bytes());
            let Some(at) = found.map(|p| target + p) else {
                break;
            };
            // The piece keeps the `}`, the next starts after the comma.
            out.push(&inner[piece_start..at + 8]);
            piece_start = at + 9;
        }
        out.push(&inner[piece_start..]);
        Some(out)
    };
    let (nodes, links, demands) = (pieces(arrays[0])?, pieces(arrays[1])?, pieces(arrays[2])?);
    let mut file = serde_json::from_str::<FileIn>(&skeleton).ok()?;
    let design = &mut file.design;
    if !(design.nodes.is_empty() && design.links.is_empty() && design.demands.is_empty()) {
        return None;
    }
    design.nodes = parse_pieces(&nodes, threads)?;
    design.links = parse_pieces(&links, threads)?;
    design.demands = parse_pieces(&demands, threads)?;
    Some(file)
}

/// Ends an array of the design object (not empty), as `save` writes it.
const ARRAY_END: &str = "\n    ]";

/// Separates two elements of an array of the design object, as `save` writes it.
const BETWEEN: &str = "\n      },\n      {";

/// The elements of `pieces` (each the comma-separated elements of a stretch of one array, no
/// brackets) in one vector, each parsed on whichever core is free straight into its place
/// ([`crate::par::fill_stretches`]): the elements of each piece are counted first (one more
/// than the separators between them). `None` when a piece does not parse, or holds another
/// number of elements than counted; the caller then parses the whole text as usual.
fn parse_pieces<T: serde::de::DeserializeOwned + Send>(
    pieces: &[&str],
    threads: usize,
) -> Option<Vec<T>> {
    let counts = crate::par::map_in_order(
        pieces.len(),
        threads,
        || (),
        |(), i| {
            let piece = pieces[i];
            if piece.trim().is_empty() {
                0
            } else {
                memchr::memmem::find_iter(piece.as_bytes(), BETWEEN.as_bytes()).count() + 1
            }
        },
    );
    /// Parses `piece` into `stretch`, element by element: whether the piece was read whole
    /// and each of its elements had a place.
    fn fill<T: serde::de::DeserializeOwned>(
        piece: &str,
        stretch: &mut crate::par::Stretch<'_, T>,
    ) -> bool {
        let mut rest = piece.trim_start();
        while !rest.is_empty() {
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<T>();
            let Some(Ok(element)) = stream.next() else {
                return false;
            };
            if stretch.push(element).is_err() {
                return false;
            }
            rest = rest[stream.byte_offset()..].trim_start();
            if rest.is_empty() {
                break;
            }
            // Between elements, exactly one comma; a trailing comma is an error for the plain
            // parser to report.
            let Some(next) = rest.strip_prefix(',').map(str::trim_start) else {
                return false;
            };
            if next.is_empty() {
                return false;
            }
            rest = next;
        }
        true
    }
    crate::par::fill_stretches(
        &counts,
        threads,
        || (),
        |(), i, stretch| fill(pieces[i], stretch),
    )
    .0
}

/// The largest and the smallest pieces a large design file's arrays are parsed in (see
/// [`parse_split`]).
const PIECE_BYTES: usize = 1 << 20;
const MIN_PIECE_BYTES: usize = 1 << 16;

/// The plain parse failed: find the most useful thing to tell the user.
fn explain_parse_failure(text: &str, path: &Path) -> LoadError {
    let invalid = |line, column, message: String| LoadError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) => {
            let message = if e.is_syntax() || e.is_eof() {
                format!("not valid JSON: {e}")
            } else {
                format!("expected a JSON object with \"format\": \"{FORMAT}\": {e}")
            };
            return invalid(e.line(), e.column(), strip_position(&message));
        }
    };
    if let Err(e) = check_header(text, path, header.format.as_ref(), header.version.as_ref()) {
        return e;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, FileIn>(&mut de) {
        Ok(_) => invalid(1, 1, "the file could not be read as a design".into()),
        Err(e) => {
            let inner = e.inner();
            let message = inner.to_string();
            let (line, column) =
                locate::refine_value_error(text, inner.line(), inner.column(), &message);
            let at = e.path().to_string();
            let what = strip_position(&message);
            invalid(
                line,
                column,
                if at == "." {
                    what
                } else {
                    format!("{at}: {what}")
                },
            )
        }
    }
}

/// The header must say `"format": "linkwright-design"` and a version this build reads.
fn check_header(
    text: &str,
    path: &Path,
    format: Option<&serde_json::Value>,
    version: Option<&serde_json::Value>,
) -> Result<(), LoadError> {
    let invalid = |(line, column): (usize, usize), message: String| LoadError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    match format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        other => {
            let found = other.map_or("nothing".to_string(), |v| v.to_string());
            return Err(invalid(
                locate::key(text, "format").unwrap_or((1, 1)),
                format!(
                    "not a linkwright design: expected \"format\": \"{FORMAT}\", found {found}"
                ),
            ));
        }
    }
    match version.and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => Err(LoadError::NewerVersion {
            path: path.to_owned(),
            version: u32::try_from(v).unwrap_or(u32::MAX),
        }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(invalid(
            locate::key(text, "version").unwrap_or((1, 1)),
            format!("expected \"version\": a format number from 1 to {VERSION}"),
        )),
    }
}

/// serde_json appends " at line L column C"; we print the position in front instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The exact text `save` writes: pretty JSON, two-space indent, trailing newline.
pub fn to_string(design: &Design) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&FileOut {
        format: FORMAT,
        version: VERSION,
        design,
    })?;
    text.push('\n');
    Ok(text)
}

/// Save atomically: write a temporary file in the same folder, flush it to disk, then rename it
/// over the target. A crash mid-save leaves the previous file intact.
pub fn save(design: &Design, path: &Path) -> Result<(), SaveError> {
    let text = to_string(design)?;
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Write `bytes` to `path` atomically, so readers see the old file or the new one, never half
/// of one. Used for designs, reports, the price book and the recovery copy.
///
/// - A symlink is followed: the file it points to is replaced and the link stays a link.
/// - A character device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written in place,
///   never replaced; a folder, socket or block device is refused with a message.
/// - The temporary file is created exclusively, with an unpredictable name, in the target's
///   folder (`tempfile`), then renamed over the target; it gets the replaced file's permissions
///   (and owner, where the process may set it). A new file gets the usual mode under the umask.
/// - Temporaries of ours that a killed run left behind for this file (over an hour old) are
///   removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = follow_symlinks(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = existing.as_ref().filter(|m| !m.is_file()) {
        return write_special(&target, meta, bytes);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(&dir, &file_name);
    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file: the usual 0666 under the process umask (the kernel applies it).
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Keeping the owner needs the right to give files away; without it the file is
            // ours, as any rewrite would make it.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
        }
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can open a folder, so best effort.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The suffix of our temporary files (with the prefix `.NAME.` and a random middle).
const TEMP_SUFFIX: &str = ".lw.tmp";

/// The file a path names once its symlinks are followed (the path itself when it is none);
/// the target need not exist yet. A loop of links is an error.
fn follow_symlinks(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Write to what is not a regular file: in place for a character device or a FIFO, never
/// replacing it; refused for anything else.
fn write_special(target: &Path, meta: &fs::Metadata, bytes: &[u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_fifo() {
            let mut f = fs::OpenOptions::new().write(true).open(target)?;
            f.write_all(bytes)?;
            return f.flush();
        }
    }
    let what = if meta.is_dir() {
        "a folder"
    } else {
        "a special file (socket or block device)"
    };
    Err(std::io::Error::other(format!(
        "{} is {what}, not a file: linkwright replaces only regular files",
        target.display()
    )))
}

/// Remove temporaries of ours for `file_name` in `dir` that a killed run left behind: the
/// current kind (`.NAME.RANDOM.lw.tmp`) and the earlier one (`.NAME.PID.tmp`), when over an
/// hour old (a younger one may belong to a save in progress). Best effort.
fn remove_stale_temporaries(dir: &Path, file_name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{file_name}.");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let ours = middle.ends_with(".lw") || middle.chars().all(|c| c.is_ascii_digit());
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta.modified().is_ok_and(|m| m < hour_ago);
        if ours && old && meta.is_file() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large text is checked in parts on every core and answers as `from_utf8` does: valid
    /// with characters of every length at and around every cut, and invalid (a lone
    /// continuation byte, a cut-off character, a byte that is never UTF-8) at the same place.
    #[test]
    fn large_texts_are_checked_for_utf8_as_one_check_would() {
        let mut text = String::new();
        while text.len() < 3 * SPLIT_PARSE_BYTES {
            text.push_str("Zürich – Kraków ✓ 𝄞 plain ascii text; ");
        }
        let bytes = text.as_bytes();
        assert_eq!(utf8(bytes), Ok(text.as_str()));
        let parts = 4 * crate::par::threads();
        for i in 1..parts {
            let cut = bytes.len() * i / parts;
            for at in cut.saturating_sub(4)..cut + 4 {
                for bad in [0x80u8, 0xBF, 0xC3, 0xF0, 0xFF] {
                    let mut broken = bytes.to_vec();
                    broken[at] = bad;
                    let ours = utf8(&broken).map_err(|e| e.valid_up_to());
                    let one = std::str::from_utf8(&broken).map_err(|e| e.valid_up_to());
                    assert_eq!(ours, one, "{bad:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn large_saved_files_take_the_parallel_path_and_others_do_not() {
        let catalog = crate::catalog::Catalog::builtin().expect("built-in catalog");
        let design = crate::generate::generate(1_000, 3, &catalog);
        let text = to_string(&design).unwrap();
        let file = parse_split(&text).expect("a saved file parses in parts");
        assert_eq!(file.design, design);
        let one_line =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&text).unwrap())
                .unwrap();
        assert!(parse_split(&one_line).is_none());
        // A piece that does not parse sends the whole text to the plain parser.
        let broken = text.replacen("\"kind\": {", "\"kind\": {{", 1);
        assert!(parse_split(&broken).is_none());
        // A comma after the last element is for the plain parser to refuse.
        let trailing = text.replacen("\n    ],\n    \"demands\"", ",\n    ],\n    \"demands\"", 1);
        assert_ne!(trailing, text);
        assert!(parse_split(&trailing).is_none());
        // An empty array is written `[]` on its key's line, last or between the others.
        let mut no_demands = design.clone();
        no_demands.demands.clear();
        let file = parse_split(&to_string(&no_demands).unwrap()).expect("parses in parts");
        assert_eq!(file.design, no_demands);
        let mut no_links = crate::generate::generate(1_500, 3, &catalog);
        no_links.links.clear();
        let text = to_string(&no_links).unwrap();
        assert!(text.len() >= SPLIT_PARSE_BYTES);
        assert!(text.contains("\n    \"links\": [],\n"));
        let file = parse_split(&text).expect("parses in parts");
        assert_eq!(file.design, no_links);
        let small = to_string(&crate::generate::generate(10, 3, &catalog)).unwrap();
        assert!(parse_split(&small).is_none());
    }
}

//! Reading a file the user names (a design, a price book, a price page, a catalog overlay, the
//! recovery copy): only a regular file is opened, and never more than a limit is read. A FIFO,
//! a device (`/dev/zero`) or a folder is refused from its metadata, before it is opened, so a
//! read can neither block forever nor grow without bound; a regular file is read through
//! `Read::take(limit + 1)`, so a file that grows while it is read is refused too. The open itself
//! never blocks (`O_NONBLOCK`) and what was opened is judged again, so a path swapped for a FIFO
//! between the look and the open is refused too.

use std::fs;
use std::io::Read;
use std::path::Path;

/// The largest file read (256 MiB). A 50,000-site design written by `generate` is ~88 MB; the
/// limit leaves room for designs about three times that size.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}, not a regular file; only regular files are read")]
    NotRegular(&'static str),
    #[error("the file is larger than the {limit}-byte ({} MiB) limit", limit / (1024 * 1024))]
    TooLarge { limit: u64 },
}

impl ReadError {
    /// The underlying I/O error, when the failure is one.
    pub fn io(&self) -> Option<&std::io::Error> {
        match self {
            ReadError::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// What a non-regular file is, in words.
fn describe(file_type: fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Judge the file before opening it: opening a FIFO for reading blocks until a writer comes.
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(describe(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let file = open_without_blocking(path)?;
    // The path may have been replaced between the two looks; judge what was opened.
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular(describe(opened.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Open for reading without waiting for a writer: the path may have become a FIFO since it was
/// judged, and opening a FIFO blocks until a writer comes. `O_NONBLOCK` changes nothing for a
/// regular file, which is all that is read after the open.
fn open_without_blocking(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of a file as [`read_bytes`] judges and limits it, mapped into memory instead of
/// copied when it is at least `MAP_FROM` bytes long (Unix).
///
/// For the command line only: copying a 178 MB design costs a fifth of a second, most of it the
/// kernel zeroing fresh pages for the copy, while a mapping shares the page cache's. The price is
/// that a file truncated by another program while it is parsed ends the process (`SIGBUS`): a
/// command that only reads loses nothing, but the designer, which holds unsaved work, never maps.
pub fn map_bytes(path: &Path, limit: u64) -> Result<Bytes, ReadError> {
    #[cfg(unix)]
    {
        let meta = fs::metadata(path)?;
        if meta.is_file() && meta.len() >= MAP_FROM && meta.len() <= limit {
            let file = open_without_blocking(path)?;
            let opened = file.metadata()?;
            if !opened.is_file() {
                return Err(ReadError::NotRegular(describe(opened.file_type())));
            }
            if opened.len() > limit {
                return Err(ReadError::TooLarge { limit });
            }
            // SAFETY: the mapping is read-only and private to this process; what another
            // program does to the file while it is mapped is the documented cost above.
            let map = unsafe { memmap2::Mmap::map(&file)? };
            return Ok(Bytes::Mapped(map));
        }
    }
    read_bytes(path, limit).map(Bytes::Read)
}

/// Files from this size on are mapped by [`map_bytes`] (16 MiB: about a 9,000-site design).
pub const MAP_FROM: u64 = 16 * 1024 * 1024;

/// A file's bytes, read or mapped.
pub enum Bytes {
    Read(Vec<u8>),
    #[cfg(unix)]
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(v) => v,
            #[cfg(unix)]
            Bytes::Mapped(m) => m,
        }
    }
}

/// [`read_bytes`] as UTF-8 text (not UTF-8: an `InvalidData` I/O error, as `read_to_string`).
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The race the metadata look cannot close: a path that is a FIFO by the time it is opened.
    /// The open returns at once (it blocked forever before `O_NONBLOCK`) and what was opened is
    /// recognised as a FIFO.
    #[cfg(unix)]
    #[test]
    fn opening_a_fifo_never_blocks_and_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("swapped.json");
        // mkfifo(3), not a child process: a child briefly holds the test process's descriptors,
        // and with them the advisory locks of tests running beside this one.
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let kind = open_without_blocking(&path)
                .and_then(|f| f.metadata())
                .map(|m| describe(m.file_type()));
            let _ = tx.send(kind.map_err(|e| e.to_string()));
        });
        let kind = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the open blocked");
        assert_eq!(kind, Ok("a FIFO (named pipe)"));
    }

    /// A file from `MAP_FROM` on is mapped and reads as the same bytes; a smaller one is read;
    /// the limit and the regular-file rule hold for both.
    #[cfg(unix)]
    #[test]
    fn a_large_file_is_mapped_with_the_same_bytes_and_limits() {
        let dir = tempfile::tempdir().unwrap();
        let large = dir.path().join("large.json");
        let bytes: Vec<u8> = (0..MAP_FROM as usize + 7)
            .map(|i| (i % 251) as u8)
            .collect();
        fs::write(&large, &bytes).unwrap();
        let mapped = map_bytes(&large, MAX_FILE_BYTES).unwrap();
        assert!(matches!(mapped, Bytes::Mapped(_)), "a large file is mapped");
        assert!(*mapped == *bytes);
        assert!(matches!(
            map_bytes(&large, MAP_FROM),
            Err(ReadError::TooLarge { .. })
        ));
        let small = dir.path().join("small.json");
        fs::write(&small, b"{}").unwrap();
        assert!(matches!(map_bytes(&small, MAX_FILE_BYTES), Ok(Bytes::Read(v)) if v == b"{}"));
        let fifo = dir.path().join("fifo.json");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
        assert!(matches!(
            map_bytes(&fifo, MAX_FILE_BYTES),
            Err(ReadError::NotRegular(_))
        ));
    }
}

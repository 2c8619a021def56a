//! The effective price book: layers, later wins — the built-in catalog, the user's price book
//! file, the design's negotiated quotes — and per-provider discounts applied last.

use crate::catalog::{Catalog, PriceEntry, PriceGap};
use crate::model::{Design, Percent, PriceUnit, Usd};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Where a price comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "layer", rename_all = "snake_case")]
pub enum Provenance {
    /// The built-in catalog (reference sheet): source key, as-of date, confidence.
    Catalog {
        id: String,
        source: String,
        as_of: String,
        confidence: String,
        reference: String,
        note: String,
    },
    /// The user's price book file (imports or hand entries).
    UserBook {
        id: String,
        source: String,
        as_of: String,
        confidence: String,
        note: String,
    },
    /// A quote recorded in the design.
    DesignQuote { note: String },
    /// The cost the user entered on the element (access circuits, fabric connections).
    UserEntered,
}

impl Provenance {
    /// One line for tables: "DX-PRICE 2026-09-20 [OFF-copy]", "AZ-TCO-S4 [secondary source,
    /// 2026-07]", "user quote: ...".
    pub fn short(&self) -> String {
        match self {
            Provenance::Catalog {
                source,
                as_of,
                confidence,
                ..
            } if confidence == SECONDARY => {
                let month: String = as_of.chars().take(7).collect();
                format!("{source} [secondary source, {month}]")
            }
            Provenance::Catalog {
                source,
                as_of,
                confidence,
                ..
            } => format!("{source} {as_of} [{confidence}]"),
            Provenance::UserBook {
                source,
                as_of,
                confidence,
                ..
            } => format!("user book: {source} {as_of} [{confidence}]"),
            Provenance::DesignQuote { note } => format!("user quote: {note}"),
            Provenance::UserEntered => "user-entered cost".to_string(),
        }
    }
}

/// The confidence of a price read in a third party's restructuring of a price API (the
/// circuit and egress tables of azure-er-prices.md, S4): shown as "secondary source".
pub const SECONDARY: &str = "secondary";

/// A price found in the book.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Price {
    pub usd: Usd,
    pub unit: PriceUnit,
    pub provenance: Provenance,
    /// Set when the price stands in for a key it does not name (a region-less gateway price for
    /// a region without a row of its own).
    pub fallback_note: Option<String>,
}

/// The user's price book file: `{"format": "linkwright-price-book", "version": 1, "prices": [...]}`
/// with entries shaped like the catalog's.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserBook {
    pub format: String,
    pub version: u32,
    pub prices: Vec<PriceEntry>,
}

pub const USER_BOOK_FORMAT: &str = "linkwright-price-book";

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("{}: cannot read the price book: {source}", path.display())]
    Io {
        path: PathBuf,
        source: crate::user_file::ReadError,
    },
    #[error("{}:{line}:{column}: invalid price book: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not a linkwright price book (expected \"format\": \"{USER_BOOK_FORMAT}\")", path.display())]
    WrongFormat { path: PathBuf },
    #[error("{}: cannot write the price book: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot lock the price book: {source}", path.display())]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: another linkwright run has held the price book's lock for {waited_seconds} s; try again when it has finished (or remove the lock file if no linkwright is running)", path.display())]
    LockBusy { path: PathBuf, waited_seconds: u64 },
}

/// An exclusive advisory lock on a price book, held while it lives (dropping it closes the
/// file, which releases the lock; a killed process releases it too).
///
/// The lock is taken on a sidecar file beside the book (`prices.json.lock`), never on the book
/// itself: a save renames a new file over the book, and a lock held on the old file would not
/// stop a second writer that opens the new one.
#[derive(Debug)]
pub struct BookLock {
    _file: std::fs::File,
    pub path: PathBuf,
}

impl BookLock {
    /// The sidecar lock file of the book at `book_path` (beside the file a symlinked book
    /// points to, so two names for one book share one lock).
    pub fn path_for(book_path: &Path) -> PathBuf {
        let book = std::fs::canonicalize(book_path).unwrap_or_else(|_| book_path.to_owned());
        let mut name = book.file_name().unwrap_or_default().to_owned();
        name.push(".lock");
        book.with_file_name(name)
    }

    /// Take the lock of the book at `book_path`, waiting up to `wait` for another holder.
    pub fn acquire(book_path: &Path, wait: std::time::Duration) -> Result<BookLock, BookError> {
        let path = Self::path_for(book_path);
        let err = |source| BookError::Lock {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(err)?;
        let start = std::time::Instant::now();
        loop {
            // Called through the trait: `File::try_lock` of std needs Rust 1.89.
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => return Ok(BookLock { _file: file, path }),
                Err(fs4::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(BookError::LockBusy {
                        path,
                        waited_seconds: wait.as_secs(),
                    });
                }
                Err(fs4::TryLockError::Error(source)) => return Err(err(source)),
            }
        }
    }
}

impl UserBook {
    pub fn empty() -> Self {
        UserBook {
            format: USER_BOOK_FORMAT.into(),
            version: 1,
            prices: Vec::new(),
        }
    }

    /// Read a price book; a missing file is an empty book.
    pub fn load(path: &Path) -> Result<UserBook, BookError> {
        let text = match crate::user_file::read_text(path, crate::user_file::MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e)
                if e.io()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
            {
                return Ok(UserBook::empty());
            }
            Err(source) => {
                return Err(BookError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let book: UserBook = serde_json::from_str(&text).map_err(|e| BookError::Invalid {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if book.format != USER_BOOK_FORMAT {
            return Err(BookError::WrongFormat {
                path: path.to_owned(),
            });
        }
        Ok(book)
    }

    /// Write atomically (see [`crate::design_file::write_atomic`]: follows symlinks, keeps
    /// the file's permissions).
    pub fn save(&self, path: &Path) -> Result<(), BookError> {
        let err = |source| BookError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let mut text =
            serde_json::to_string_pretty(self).map_err(|e| err(std::io::Error::other(e)))?;
        text.push('\n');
        crate::design_file::write_atomic(path, text.as_bytes()).map_err(err)
    }
}

/// The default location of the user's price book: `$LINKWRIGHT_PRICE_BOOK`, else
/// `$XDG_CONFIG_HOME/linkwright/prices.json`, else `~/.config/linkwright/prices.json`.
pub fn default_user_book_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LINKWRIGHT_PRICE_BOOK") {
        return Some(PathBuf::from(p));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("linkwright").join("prices.json"))
}

/// A query: a meter and its dimensions.
pub struct Query<'a> {
    pub meter: &'a str,
    pub dims: &'a [(&'a str, serde_json::Value)],
    /// The design element being priced (for element-specific quotes).
    pub element: &'a str,
    /// The provider the discount applies to ("aws", "azure", a carrier).
    pub provider: &'a str,
}

/// The layered book for one design. Each layer is indexed by meter once, so a lookup scans
/// only the entries of its meter (the built-in book has hundreds of entries and a user's
/// imported book can have many thousands).
pub struct Book<'a> {
    catalog: &'a [PriceEntry],
    user: &'a [PriceEntry],
    catalog_by_meter: FxHashMap<&'a str, Vec<&'a PriceEntry>>,
    user_by_meter: FxHashMap<&'a str, Vec<&'a PriceEntry>>,
    gaps_by_meter: FxHashMap<&'a str, Vec<&'a PriceGap>>,
    design: &'a Design,
}

fn by_meter<'a, T>(
    entries: &'a [T],
    meter: impl Fn(&'a T) -> &'a str,
) -> FxHashMap<&'a str, Vec<&'a T>> {
    let mut map: FxHashMap<&str, Vec<&T>> = FxHashMap::default();
    for e in entries {
        map.entry(meter(e)).or_default().push(e);
    }
    map
}

fn unit_of(text: &str) -> Option<PriceUnit> {
    match text {
        "hour" => Some(PriceUnit::Hour),
        "month" => Some(PriceUnit::Month),
        "GB" => Some(PriceUnit::Gb),
        _ => None,
    }
}

fn matches(entry: &PriceEntry, q: &Query<'_>) -> bool {
    entry.meter == q.meter
        && entry
            .dims
            .iter()
            .all(|(k, v)| q.dims.iter().any(|(qk, qv)| qk == k && values_equal(qv, v)))
}

fn values_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a, b) {
        (serde_json::Value::String(x), serde_json::Value::String(y)) => x.eq_ignore_ascii_case(y),
        _ => a == b,
    }
}

impl<'a> Book<'a> {
    pub fn new(catalog: &'a Catalog, user: &'a UserBook, design: &'a Design) -> Self {
        Book {
            catalog: &catalog.prices.prices,
            user: &user.prices,
            catalog_by_meter: by_meter(&catalog.prices.prices, |e| e.meter.as_str()),
            user_by_meter: by_meter(&user.prices, |e| e.meter.as_str()),
            gaps_by_meter: by_meter(&catalog.prices.gaps, |g| g.meter.as_str()),
            design,
        }
    }

    /// The most specific entry of a layer that matches (most dimensions; between two as
    /// specific, the one that names its keys rather than standing in for them).
    fn best<'e>(
        entries: &FxHashMap<&str, Vec<&'e PriceEntry>>,
        q: &Query<'_>,
    ) -> Option<&'e PriceEntry> {
        entries
            .get(q.meter)?
            .iter()
            .copied()
            .filter(|e| matches(e, q))
            .max_by_key(|e| (e.dims.len(), e.fallback_note.is_empty()))
    }

    /// The price of a query, before discounts: design quote (element-specific first), user
    /// book, catalog.
    pub fn undiscounted(&self, q: &Query<'_>) -> Option<Price> {
        let overrides = &self.design.settings.price_overrides;
        let quote = overrides
            .iter()
            .find(|o| o.meter == q.meter && o.element.as_deref() == Some(q.element))
            .or_else(|| {
                overrides
                    .iter()
                    .find(|o| o.meter == q.meter && o.element.is_none())
            });
        if let Some(o) = quote {
            return Some(Price {
                usd: o.usd,
                unit: o.unit,
                provenance: Provenance::DesignQuote {
                    note: o.note.clone(),
                },
                fallback_note: None,
            });
        }
        if let Some(e) = Self::best(&self.user_by_meter, q) {
            if let Some(unit) = unit_of(&e.unit) {
                return Some(Price {
                    usd: e.usd,
                    unit,
                    provenance: Provenance::UserBook {
                        id: e.id.clone(),
                        source: e.source.clone(),
                        as_of: e.as_of.clone(),
                        confidence: e.confidence.clone(),
                        note: e.note.clone(),
                    },
                    fallback_note: None,
                });
            }
        }
        let e = Self::best(&self.catalog_by_meter, q)?;
        if self
            .catalog_gap(q)
            .is_some_and(|g| g.dims.len() >= e.dims.len())
        {
            return None;
        }
        Some(Price {
            usd: e.usd,
            unit: unit_of(&e.unit)?,
            provenance: Provenance::Catalog {
                id: e.id.clone(),
                source: e.source.clone(),
                as_of: e.as_of.clone(),
                confidence: e.confidence.clone(),
                reference: e.reference.clone(),
                note: e.note.clone(),
            },
            fallback_note: (!e.fallback_note.is_empty()).then(|| e.fallback_note.clone()),
        })
    }

    /// The most specific known gap of the built-in layer that matches the query.
    fn catalog_gap(&self, q: &Query<'_>) -> Option<&'a PriceGap> {
        self.gaps_by_meter
            .get(q.meter)?
            .iter()
            .copied()
            .filter(|g| {
                g.meter == q.meter
                    && g.dims
                        .iter()
                        .all(|(k, v)| q.dims.iter().any(|(qk, qv)| qk == k && values_equal(qv, v)))
            })
            .max_by_key(|g| g.dims.len())
    }

    /// Why a query has no price, when the sources say so (a known gap, see `PriceGap`); `None`
    /// when the query is priced or simply not in the book.
    pub fn gap_reason(&self, q: &Query<'_>) -> Option<String> {
        if self.undiscounted(q).is_some() {
            return None;
        }
        self.catalog_gap(q).map(|g| g.reason.clone())
    }

    /// The discount that applies to a provider, if any.
    pub fn discount(&self, provider: &str) -> Option<Percent> {
        self.design
            .settings
            .discounts
            .iter()
            .find(|d| d.provider.trim().eq_ignore_ascii_case(provider.trim()))
            .map(|d| d.percent)
    }

    /// Every entry of the effective book (catalog and user layers; design quotes separately),
    /// for `prices show`.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &PriceEntry)> {
        let user_ids: Vec<&str> = self.user.iter().map(|e| e.id.as_str()).collect();
        self.catalog
            .iter()
            .filter(move |e| !user_ids.contains(&e.id.as_str()))
            .map(|e| ("catalog", e))
            .chain(self.user.iter().map(|e| ("user", e)))
    }
}

/// Dimensions for display: "capacity_mbps=1000, location_group=other".
pub fn dims_text<'a, K: AsRef<str> + 'a>(
    dims: impl IntoIterator<Item = (&'a K, &'a serde_json::Value)>,
) -> String {
    dims.into_iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                k.as_ref(),
                v.as_str().map_or_else(|| v.to_string(), str::to_string)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_second_holder_of_the_book_lock_waits_then_fails_naming_the_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("prices.json");
        let first = BookLock::acquire(&book, Duration::from_millis(100)).unwrap();
        assert_eq!(first.path, dir.path().join("prices.json.lock"));
        let second = BookLock::acquire(&book, Duration::from_millis(100)).unwrap_err();
        let message = second.to_string();
        assert!(
            matches!(second, BookError::LockBusy { .. })
                && message.contains("prices.json.lock")
                && message.contains("another linkwright run"),
            "{message}"
        );
        drop(first);
        BookLock::acquire(&book, Duration::from_millis(100)).unwrap();
    }
}

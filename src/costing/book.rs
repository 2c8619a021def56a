//! The effective price book: layers, later wins — the built-in catalog, the user's price book
//! file, the design's negotiated quotes — and per-provider discounts applied last.

use crate::catalog::{Catalog, PriceEntry, PriceGap};
use crate::model::{Design, Percent, PriceOverride, PriceUnit, Usd};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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
    /// Shared by every line priced from the same entry (a large design has hundreds of
    /// thousands of lines and a handful of entries).
    pub provenance: Arc<Provenance>,
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

    /// The user's price book: the given file, else the default location (see
    /// [`default_user_book_path`]); a missing file is an empty book. Also the path it came from.
    pub fn load_or_default(path: Option<&Path>) -> Result<(UserBook, Option<PathBuf>), BookError> {
        let path = path.map(Path::to_path_buf).or_else(default_user_book_path);
        let book = match &path {
            Some(p) => UserBook::load(p)?,
            None => UserBook::empty(),
        };
        Ok((book, path))
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

/// The layered book for one design. Each layer is indexed once (see [`Layer`]), so a lookup
/// costs the same whatever the size of the book; the design's quotes are indexed by meter and
/// element.
pub struct Book<'a> {
    catalog: &'a [PriceEntry],
    user: &'a [PriceEntry],
    catalog_layer: Layer<'a>,
    user_layer: Layer<'a>,
    /// The built-in layer's known gaps by meter, each with its reason made once (every line
    /// it leaves unpriced shares it).
    gaps_by_meter: FxHashMap<&'a str, Vec<(&'a PriceGap, Arc<str>)>>,
    /// The first quote of each (meter, element), and of each meter for all elements.
    quote_for_element: FxHashMap<(&'a str, &'a str), &'a PriceOverride>,
    quote_for_all: FxHashMap<&'a str, &'a PriceOverride>,
    quoted_elements: FxHashSet<&'a str>,
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

/// Where a price was found (an entry with the cell of its shared provenance).
enum Found<'a> {
    Quote(&'a PriceOverride),
    User(Hit<'a>, PriceUnit),
    Catalog(Hit<'a>, PriceUnit),
}

/// An entry a lookup found, with the cell that holds its provenance once made.
#[derive(Clone, Copy)]
struct Hit<'a> {
    entry: &'a PriceEntry,
    provenance: &'a OnceLock<Arc<Provenance>>,
}

impl Found<'_> {
    fn usd(&self) -> Usd {
        match self {
            Found::Quote(o) => o.usd,
            Found::User(h, _) | Found::Catalog(h, _) => h.entry.usd,
        }
    }

    fn price(self) -> Price {
        match self {
            Found::Quote(o) => Price {
                usd: o.usd,
                unit: o.unit,
                provenance: Arc::new(Provenance::DesignQuote {
                    note: o.note.clone(),
                }),
                fallback_note: None,
            },
            Found::User(
                Hit {
                    entry: e,
                    provenance,
                },
                unit,
            ) => Price {
                usd: e.usd,
                unit,
                provenance: Arc::clone(provenance.get_or_init(|| {
                    Arc::new(Provenance::UserBook {
                        id: e.id.clone(),
                        source: e.source.clone(),
                        as_of: e.as_of.clone(),
                        confidence: e.confidence.clone(),
                        note: e.note.clone(),
                    })
                })),
                fallback_note: None,
            },
            Found::Catalog(
                Hit {
                    entry: e,
                    provenance,
                },
                unit,
            ) => Price {
                usd: e.usd,
                unit,
                provenance: Arc::clone(provenance.get_or_init(|| {
                    Arc::new(Provenance::Catalog {
                        id: e.id.clone(),
                        source: e.source.clone(),
                        as_of: e.as_of.clone(),
                        confidence: e.confidence.clone(),
                        reference: e.reference.clone(),
                        note: e.note.clone(),
                    })
                })),
                fallback_note: (!e.fallback_note.is_empty()).then(|| e.fallback_note.clone()),
            },
        }
    }
}

/// A hash of one dimension that agrees with [`values_equal`]: equal for a key and two values
/// it calls equal (strings hashed in ASCII lower case). `None` for values it compares in other
/// ways (fractional numbers, arrays, objects), which are never indexed.
fn dim_hash(key: &str, value: &serde_json::Value) -> Option<u64> {
    use serde_json::Value;
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    match value {
        Value::Null => 0u8.hash(&mut h),
        Value::Bool(b) => (1u8, b).hash(&mut h),
        Value::String(s) => {
            2u8.hash(&mut h);
            for b in s.bytes() {
                h.write_u8(b.to_ascii_lowercase());
            }
        }
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => (3u8, u).hash(&mut h),
            (None, Some(i)) => (4u8, i).hash(&mut h),
            (None, None) => return None,
        },
        Value::Array(_) | Value::Object(_) => return None,
    }
    // Finished through a multiply so that sums of several (a set of dims) stay well spread.
    Some(
        h.finish()
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29),
    )
}

/// The key of a set of dims under one meter: order does not matter (a sum), the count does.
fn set_key(sum: u64, count: usize) -> u64 {
    sum ^ (count as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// One layer's entries indexed for lookup. An entry matches a query when each of its dims is
/// among the query's; so the entries that can match are those whose dims are one of the
/// subsets of the query's dims, and a lookup probes each subset (a query has a handful of
/// dims) instead of comparing every entry of the meter. Entries whose values cannot be
/// hashed consistently with [`values_equal`] are compared one by one, as before; every
/// candidate found by hash is still checked with [`matches`].
struct Layer<'a> {
    meters: FxHashMap<&'a str, Meter<'a>>,
    /// Each entry's provenance, made when a lookup first finds the entry, by position.
    provenance: Vec<OnceLock<Arc<Provenance>>>,
}

#[derive(Default)]
struct Meter<'a> {
    /// Every entry of the meter with its position in the layer, in layer order.
    all: Vec<(usize, &'a PriceEntry)>,
    /// Positions in `all` by the key of the entry's dims.
    by_dims: FxHashMap<u64, Vec<u32>>,
    /// Positions in `all` of the entries with a value that cannot be hashed.
    unhashed: Vec<u32>,
}

impl<'a> Layer<'a> {
    fn new(entries: &'a [PriceEntry]) -> Self {
        let mut meters: FxHashMap<&'a str, Meter<'a>> = FxHashMap::default();
        for (position, e) in entries.iter().enumerate() {
            let m = meters.entry(e.meter.as_str()).or_default();
            let slot = m.all.len() as u32;
            m.all.push((position, e));
            let sum = e.dims.iter().try_fold(0u64, |sum, (k, v)| {
                dim_hash(k, v).map(|h| sum.wrapping_add(h))
            });
            match sum {
                Some(sum) => m
                    .by_dims
                    .entry(set_key(sum, e.dims.len()))
                    .or_default()
                    .push(slot),
                None => m.unhashed.push(slot),
            }
        }
        Layer {
            meters,
            provenance: (0..entries.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The best entry with its provenance cell.
    fn hit(&self, q: &Query<'_>) -> Option<Hit<'_>> {
        let (position, entry) = self.best(q)?;
        Some(Hit {
            entry,
            provenance: self.provenance.get(position)?,
        })
    }

    /// The most specific entry that matches (most dimensions; between two as specific, the one
    /// that names its keys rather than standing in for them; then the later one, as a scan in
    /// layer order would find it).
    fn best(&self, q: &Query<'_>) -> Option<(usize, &'a PriceEntry)> {
        let m = self.meters.get(q.meter)?;
        let rank = |&&(position, e): &&(usize, &'a PriceEntry)| {
            (e.dims.len(), e.fallback_note.is_empty(), position)
        };
        // The query's dims that can match an indexed entry (a handful; more than fit here and
        // the entries are compared one by one).
        let mut hashes = [0u64; 12];
        let mut count = 0;
        for h in q.dims.iter().filter_map(|(k, v)| dim_hash(k, v)) {
            if count < hashes.len() {
                hashes[count] = h;
            }
            count += 1;
        }
        // Few entries, or a query with many dims: comparing every entry is cheaper.
        if count > hashes.len() || (1usize << count) >= m.all.len() {
            super::count_steps(m.all.len());
            return m
                .all
                .iter()
                .filter(|(_, e)| matches(e, q))
                .max_by_key(rank)
                .copied();
        }
        let hashes = &hashes[..count];
        let subsets = 1usize << count;
        super::count_steps(subsets + m.unhashed.len());
        let hashed = (0..subsets).flat_map(|subset| {
            let (sum, count) = hashes
                .iter()
                .enumerate()
                .filter(|(i, _)| subset & (1 << i) != 0)
                .fold((0u64, 0usize), |(sum, n), (_, &h)| {
                    (sum.wrapping_add(h), n + 1)
                });
            m.by_dims
                .get(&set_key(sum, count))
                .map_or(&[][..], Vec::as_slice)
        });
        hashed
            .chain(&m.unhashed)
            .map(|&slot| &m.all[slot as usize])
            .filter(|(_, e)| matches(e, q))
            .max_by_key(rank)
            .copied()
    }
}

impl<'a> Book<'a> {
    pub fn new(catalog: &'a Catalog, user: &'a UserBook, design: &'a Design) -> Self {
        let mut quote_for_element = FxHashMap::default();
        let mut quote_for_all = FxHashMap::default();
        for o in &design.settings.price_overrides {
            match o.element.as_deref() {
                Some(element) => quote_for_element
                    .entry((o.meter.as_str(), element))
                    .or_insert(o),
                None => quote_for_all.entry(o.meter.as_str()).or_insert(o),
            };
        }
        Book {
            catalog: &catalog.prices.prices,
            user: &user.prices,
            catalog_layer: Layer::new(&catalog.prices.prices),
            user_layer: Layer::new(&user.prices),
            gaps_by_meter: by_meter(&catalog.prices.gaps, |g| g.meter.as_str())
                .into_iter()
                .map(|(meter, gaps)| {
                    let gaps = gaps.into_iter().map(|g| (g, Arc::from(g.reason.as_str())));
                    (meter, gaps.collect())
                })
                .collect(),
            quoted_elements: quote_for_element.keys().map(|&(_, e)| e).collect(),
            quote_for_element,
            quote_for_all,
            design,
        }
    }

    /// The price of a query, before discounts: design quote (element-specific first), user
    /// book, catalog.
    pub fn undiscounted(&self, q: &Query<'_>) -> Option<Price> {
        self.find(q).map(Found::price)
    }

    /// The same price's amount alone (what the what-if compares): nothing is copied.
    pub fn undiscounted_usd(&self, q: &Query<'_>) -> Option<Usd> {
        self.find(q).map(|f| f.usd())
    }

    /// Where the price of a query is, by reference.
    fn find(&self, q: &Query<'_>) -> Option<Found<'_>> {
        let quote = self
            .quote_for_element
            .get(&(q.meter, q.element))
            .or_else(|| self.quote_for_all.get(q.meter));
        if let Some(o) = quote {
            return Some(Found::Quote(o));
        }
        if let Some(h) = self.user_layer.hit(q) {
            if let Some(unit) = unit_of(&h.entry.unit) {
                return Some(Found::User(h, unit));
            }
        }
        let h = self.catalog_layer.hit(q)?;
        if self
            .catalog_gap(q)
            .is_some_and(|(g, _)| g.dims.len() >= h.entry.dims.len())
        {
            return None;
        }
        Some(Found::Catalog(h, unit_of(&h.entry.unit)?))
    }

    /// True when the design has a quote for this element (one that names it).
    pub fn has_quote_for(&self, element: &str) -> bool {
        self.quoted_elements.contains(element)
    }

    /// The most specific known gap of the built-in layer that matches the query.
    fn catalog_gap(&self, q: &Query<'_>) -> Option<&(&'a PriceGap, Arc<str>)> {
        self.gaps_by_meter
            .get(q.meter)?
            .iter()
            .filter(|(g, _)| {
                g.meter == q.meter
                    && g.dims
                        .iter()
                        .all(|(k, v)| q.dims.iter().any(|(qk, qv)| qk == k && values_equal(qv, v)))
            })
            .max_by_key(|(g, _)| g.dims.len())
    }

    /// Why a query already known to have no price has none, when the sources say so (a known
    /// gap, see `PriceGap`); `None` when it is simply not in the book.
    pub(crate) fn unpriced_gap_reason(&self, q: &Query<'_>) -> Option<Arc<str>> {
        self.catalog_gap(q).map(|(_, reason)| Arc::clone(reason))
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
        let user_ids: FxHashSet<&str> = self.user.iter().map(|e| e.id.as_str()).collect();
        self.catalog
            .iter()
            .filter(move |e| !user_ids.contains(e.id.as_str()))
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
    use serde_json::Value;
    use std::time::Duration;

    fn entry(id: usize, meter: &str, dims: &[(&str, Value)], fallback: bool) -> PriceEntry {
        PriceEntry {
            id: format!("e{id}"),
            meter: meter.into(),
            dims: dims
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            unit: "hour".into(),
            usd: Usd::from_micros(id as i64),
            source: "test".into(),
            as_of: "2026-11-01".into(),
            confidence: "OFF".into(),
            reference: "test".into(),
            note: String::new(),
            fallback_note: if fallback {
                "stands in".into()
            } else {
                String::new()
            },
        }
    }

    /// What a lookup answered before the layer was indexed: every entry of the layer compared,
    /// the last of the most specific.
    fn scanned<'e>(entries: &'e [PriceEntry], q: &Query<'_>) -> Option<&'e PriceEntry> {
        entries
            .iter()
            .filter(|e| matches(e, q))
            .max_by_key(|e| (e.dims.len(), e.fallback_note.is_empty()))
    }

    #[test]
    fn an_indexed_lookup_answers_as_comparing_every_entry_did() {
        // Values that match case-insensitively, numbers that do not match their float, a
        // float and an array (compared one by one), repeated keys, stand-ins.
        let values = [
            Value::from("East"),
            Value::from("east"),
            Value::from("west"),
            Value::from(1),
            Value::from(1.0),
            Value::from(2),
            Value::from(true),
            Value::Null,
            serde_json::json!([1]),
        ];
        let keys = ["region", "zone", "tier", "sku"];
        let seed = std::cell::Cell::new(7u64);
        let next = |n: usize| {
            seed.set(
                seed.get()
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407),
            );
            (seed.get() >> 33) as usize % n
        };
        let mut entries = Vec::new();
        for id in 0..600 {
            let dims: Vec<(&str, Value)> = keys
                .iter()
                .filter(|_| next(2) == 0)
                .map(|k| (*k, values[next(values.len())].clone()))
                .collect();
            let meter = if next(10) == 0 { "other" } else { "m" };
            entries.push(entry(id, meter, &dims, next(4) == 0));
        }
        let layer = Layer::new(&entries);
        for _ in 0..3_000 {
            let dims: Vec<(&str, Value)> = keys
                .iter()
                .filter(|_| next(4) != 0)
                .map(|k| (*k, values[next(values.len())].clone()))
                .collect();
            let q = Query {
                meter: if next(10) == 0 { "other" } else { "m" },
                dims: &dims,
                element: "",
                provider: "aws",
            };
            assert_eq!(
                layer.best(&q).map(|(_, e)| &e.id),
                scanned(&entries, &q).map(|e| &e.id),
                "{dims:?}"
            );
        }
    }

    #[test]
    fn lookup_work_does_not_grow_with_the_book() {
        // A gateway price per region, and one without a region standing in for the rest.
        let work = |regions: usize| {
            let mut entries: Vec<PriceEntry> = (0..regions)
                .map(|i| {
                    let dims = [
                        ("sku", Value::from("a")),
                        ("region", Value::from(format!("r{i}"))),
                    ];
                    entry(i, "gw", &dims, false)
                })
                .collect();
            entries.push(entry(regions, "gw", &[("sku", Value::from("a"))], true));
            let layer = Layer::new(&entries);
            crate::costing::steps::take();
            for i in 0..100 {
                let dims = [
                    ("sku", Value::from("A")),
                    ("region", Value::from(format!("r{}", i * 7))),
                ];
                let q = Query {
                    meter: "gw",
                    dims: &dims,
                    element: "",
                    provider: "azure",
                };
                let (_, found) = layer.best(&q).expect("priced");
                let expected = if i * 7 < regions {
                    format!("e{}", i * 7)
                } else {
                    format!("e{regions}")
                };
                assert_eq!(found.id, expected);
            }
            crate::costing::steps::take()
        };
        let (small, large) = (work(1_000), work(10_000));
        assert!(
            large <= small,
            "{small} steps with 1,000 entries, {large} with 10,000"
        );
    }

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

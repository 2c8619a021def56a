//! Growth, counted (issue #13): the failure analysis, the outputs of `check` and `resilience`
//! and the memory they take must grow linearly with the design. Each measure is taken per site
//! on generated designs of 200 and 2,000 sites; a step that is quadratic makes the larger design
//! ten times dearer per site, a linear one keeps the two within a small factor. Counts and
//! bytes, not times, so the test says the same on a loaded CI machine as on a quiet one.
//!
//! One test in its own binary, and it must stay the only one: the peak of live heap bytes is
//! read from a counting allocator that every thread of the process feeds, so another test
//! running beside it (the test harness runs them in parallel) moves the figure either way. A
//! second test here once did, and CI saw 1,661 bytes a site at 200 sites against 6,740 alone.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's failed assumption is a failed test

use linkwright::catalog::Catalog;
use linkwright::cli::Format;
use linkwright::resilience::{self, Depth};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(p, layout) }
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap bytes taken by `f` at its peak, above what was live when it started.
fn peak_heap_bytes(f: impl FnOnce()) -> usize {
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - start
}

/// Per-site measures of one generated design.
#[derive(Debug)]
struct PerSite {
    edges_scanned: f64,
    max_flows: f64,
    searches: f64,
    resilience_text_bytes: f64,
    resilience_json_bytes: f64,
    resilience_json_peak_heap: f64,
    check_json_bytes: f64,
}

fn measure(sites: usize, dir: &Path, catalog: &Catalog) -> PerSite {
    let design = linkwright::generate::generate(sites, 1, catalog);
    let path = dir.join(format!("gen-{sites}.json"));
    linkwright::design_file::save(&design, &path).unwrap();
    let work = resilience::analyze(&design, catalog, Depth::Single).work;
    drop(design);

    let resilience_out = |format: Format| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = linkwright::cli::resilience::run(
            &path,
            Depth::Single,
            format,
            catalog,
            &mut out,
            &mut err,
        )
        .unwrap();
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
        out.len()
    };
    let text = resilience_out(Format::Text);
    let json = resilience_out(Format::Json);
    // The JSON document goes to a sink: what stays in memory is the design and the analysis,
    // never the document.
    let peak = peak_heap_bytes(|| {
        let code = linkwright::cli::resilience::run(
            &path,
            Depth::Single,
            Format::Json,
            catalog,
            &mut std::io::sink(),
            &mut std::io::sink(),
        )
        .unwrap();
        assert_eq!(code, 0);
    });
    let check = Command::new(env!("CARGO_BIN_EXE_linkwright"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));

    let per_site = |n: u64| n as f64 / sites as f64;
    PerSite {
        edges_scanned: per_site(work.edges_scanned),
        max_flows: per_site(work.max_flows),
        searches: per_site(work.searches),
        resilience_text_bytes: per_site(text as u64),
        resilience_json_bytes: per_site(json as u64),
        resilience_json_peak_heap: per_site(peak as u64),
        check_json_bytes: per_site(check.stdout.len() as u64),
    }
}

#[test]
fn work_output_and_memory_per_site_stay_flat_from_200_to_2000_sites() {
    let catalog = Catalog::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let small = measure(200, dir.path(), &catalog);
    let large = measure(2_000, dir.path(), &catalog);
    let ratios = [
        ("edges scanned", small.edges_scanned, large.edges_scanned),
        ("max-flow runs", small.max_flows, large.max_flows),
        ("augmenting searches", small.searches, large.searches),
        (
            "resilience text bytes",
            small.resilience_text_bytes,
            large.resilience_text_bytes,
        ),
        (
            "resilience JSON bytes",
            small.resilience_json_bytes,
            large.resilience_json_bytes,
        ),
        (
            "resilience JSON peak heap",
            small.resilience_json_peak_heap,
            large.resilience_json_peak_heap,
        ),
        (
            "check JSON bytes",
            small.check_json_bytes,
            large.check_json_bytes,
        ),
    ];
    for (what, at_200, at_2000) in ratios {
        assert!(at_200 > 0.0, "{what}: nothing measured at 200 sites");
        let growth = at_2000 / at_200;
        // Linear: about 1 (ids get a digit longer); quadratic: about 10.
        assert!(
            growth < 1.6,
            "{what} per site grew {growth:.2}x from 200 to 2,000 sites \
             ({at_200:.1} -> {at_2000:.1}): {small:?} {large:?}"
        );
    }
}

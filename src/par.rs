//! The few helpers the analyses share for splitting work over threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::ScopedJoinHandle;

/// The result of a scoped worker. Workers only compute; a panic there is a bug, and re-raising
/// it on the calling thread keeps it visible.
pub fn join<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Frees `value` on a thread of its own, not waited for: a command that has written its
/// answer does not wait for a large design's memory to be handed back (a tenth of a second at
/// 100,000 sites); the process ending frees it anyway.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// mimalloc's `mi_option_purge_delay`: its place in `enum mi_option_e` of the mimalloc (v3)
/// that libmimalloc-sys builds (`mimalloc.h`). The Rust crate names only some options ("not
/// exposed as constants for stability reasons"); a test checks this one by its default in v3's
/// option table (`options.c`: 1000 ms; the header's comment still says 10).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps the memory the process frees for its own later allocations instead of handing it back
/// to the kernel after mimalloc's purge delay. For the command line, which runs once and exits:
/// at 100,000 sites `cost` freed and faulted in again enough memory that the kernel's zeroing of
/// fresh pages took up to a third of its time. The designer, which runs for hours, keeps the
/// default.
///
/// # Safety
///
/// No other thread may be running: mimalloc documents `mi_option_set` as not thread-safe.
pub unsafe fn keep_freed_memory() {
    // SAFETY: sets an integer option of the allocator; the caller runs no other thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing). For the
/// command line: mimalloc asks for huge pages on the memory it maps, and the kernel zeroes
/// each 2 MiB page whole on its first touch. At 100,000 sites that zeroing was 30-40% of
/// `check`'s samples in slow runs, and 2% with ordinary pages (mimalloc's own
/// `MIMALLOC_ALLOW_THP=0` does the same, but only when set before its first allocation). The
/// designer keeps them.
pub fn without_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: sets a flag of the process's memory map; no memory is passed or read. A failure
    // (an old kernel) leaves huge pages as they were, which is only slower.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// How many threads the analyses split work over: the machine's cores, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `task(state, i)` for every `i` in `0..count`, on up to `threads` threads (the caller's among
/// them). Each thread keeps its own `state` (from `init`) and takes the next index not yet
/// taken, so a thread slowed by other work does not hold the others up. The results come back
/// in index order, whatever the split.
pub fn map_in_order<S, T: Send>(
    count: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    task: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    if threads <= 1 || count <= 1 {
        let mut state = init();
        return (0..count).map(|i| task(&mut state, i)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut state = init();
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            done.push((i, task(&mut state, i)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(count)).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            done.extend(join(helper));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    /// The flag is the one that turns huge pages off: the kernel answers it back.
    #[cfg(target_os = "linux")]
    #[test]
    fn huge_pages_are_turned_off() {
        super::without_huge_pages();
        // SAFETY: reads a flag of the process's memory map.
        let off = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(off, 1);
    }

    #[test]
    fn results_come_back_in_order_whatever_the_split() {
        for threads in [1, 2, 5] {
            let squares = super::map_in_order(100, threads, || (), |_, i| i * i);
            assert_eq!(squares, (0..100).map(|i| i * i).collect::<Vec<_>>());
        }
        // One thread keeps one state from the first task to the last.
        let calls = super::map_in_order(
            10,
            1,
            || 0,
            |count, _| {
                *count += 1;
                *count
            },
        );
        assert_eq!(calls, (1..=10).collect::<Vec<_>>());
        assert!(super::map_in_order(0, 2, || (), |_, i| i).is_empty());
    }

    /// The option set is mimalloc's purge delay: the one whose default is 1000 (ms)
    /// in mimalloc v3's option table, unless the environment sets it.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // Set from the environment (or by its older name), the option has another value.
        if ["MIMALLOC_PURGE_DELAY", "MIMALLOC_RESET_DELAY"]
            .iter()
            .any(|name| std::env::var_os(name).is_some())
        {
            return;
        }
        // SAFETY: reads an integer option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(
            delay,
            1000,
            "mimalloc's option {} is not the purge delay",
            super::MI_OPTION_PURGE_DELAY
        );
    }
}

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
/// 100,000 sites); the process ending frees it anyway. Where no thread can be started (a
/// process limit), the closure and `value` with it are dropped here, by `spawn`'s error:
/// saving time must not cost the answer (`thread::spawn` would panic).
pub fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
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
/// `check`'s samples in slow runs (0.5-1.6 s of system time), and 2% with ordinary pages
/// (0.2-0.4 s, whatever the hour; huge pages do better in a quiet hour, 0.08-0.2 s).
/// mimalloc's own `MIMALLOC_ALLOW_THP=0` does the same, but only when set before its first
/// allocation. The designer keeps them.
pub fn without_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: sets a flag of the process's memory map; no memory is passed or read. A failure
    // (an old kernel) leaves huge pages as they were, which is only slower.
    unsafe {
        // The kernel reads its arguments as `unsigned long`.
        let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
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

/// The places of one stretch of a vector being filled by [`fill_stretches`], written from the
/// start, one after another.
pub struct Stretch<'a, T> {
    places: &'a mut [std::mem::MaybeUninit<T>],
    written: usize,
}

impl<T> Stretch<'_, T> {
    /// Writes `value` in the next place; gives it back when the stretch is full.
    pub fn push(&mut self, value: T) -> Result<(), T> {
        match self.places.get_mut(self.written) {
            Some(place) => {
                place.write(value);
                self.written += 1;
                Ok(())
            }
            None => Err(value),
        }
    }

    fn is_full(&self) -> bool {
        self.written == self.places.len()
    }
}

/// One vector of `sizes.iter().sum()` elements, made at its full length first, whose stretch
/// `i` (`sizes[i]` places, in order) is filled by `fill(state, i, stretch)` on whichever thread
/// is free; each thread keeps its own `state` (from `init`), and the states come back. The
/// vector when every `fill` answered `true` and filled its stretch; else `None`, and what was
/// written is dropped. Nothing is copied after the work: joining a vector per stretch copied
/// 115 MB of a 100,000-site design's parse and 64 MB of its failure analysis on one core, into
/// memory the kernel had to zero. (rayon's `collect_into_vec` needs the elements indexed
/// before they are made, and its unindexed collect copies.)
pub fn fill_stretches<S: Send, T: Send>(
    sizes: &[usize],
    threads: usize,
    init: impl Fn() -> S + Sync,
    fill: impl Fn(&mut S, usize, &mut Stretch<'_, T>) -> bool + Sync,
) -> (Option<Vec<T>>, Vec<S>) {
    use std::sync::{Mutex, PoisonError};
    let total: usize = sizes.iter().sum();
    let mut all: Vec<T> = Vec::with_capacity(total);
    let mut rest = &mut all.spare_capacity_mut()[..total];
    // Each stretch, locked by the one thread that takes it (never waited on).
    let mut stretches = Vec::with_capacity(sizes.len());
    for &size in sizes {
        let (places, after) = rest.split_at_mut(size);
        stretches.push(Mutex::new(Stretch { places, written: 0 }));
        rest = after;
    }
    let next = AtomicUsize::new(0);
    // A thread's last state, and whether every stretch it took was filled.
    let work = || {
        let mut state = init();
        let mut whole = true;
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(stretch) = stretches.get(i) else {
                return (state, whole);
            };
            let mut stretch = stretch.lock().unwrap_or_else(PoisonError::into_inner);
            whole &= fill(&mut state, i, &mut stretch) && stretch.is_full();
        }
    };
    let done: Vec<(S, bool)> = if threads <= 1 || stretches.len() <= 1 {
        vec![work()]
    } else {
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads.min(stretches.len()))
                .map(|_| scope.spawn(work))
                .collect();
            let mut done = vec![work()];
            done.extend(helpers.into_iter().map(join));
            done
        })
    };
    let whole = done.iter().all(|(_, whole)| *whole);
    let states = done.into_iter().map(|(state, _)| state).collect();
    if whole {
        drop(stretches);
        // SAFETY: the stretches cut `all`'s first `total` places into disjoint parts whose
        // sizes add up to `total`; every stretch was taken by one thread and, as checked, is
        // full, its places written in order by `Stretch::push`. So every place below `total`
        // holds an initialised element, and the capacity is at least `total`.
        unsafe { all.set_len(total) };
        return (Some(all), states);
    }
    // The elements written so far are dropped (the vector, still empty, frees only its memory).
    for stretch in stretches {
        let stretch = stretch.into_inner().unwrap_or_else(PoisonError::into_inner);
        for place in &mut stretch.places[..stretch.written] {
            // SAFETY: `Stretch::push` wrote the first `written` places of this stretch, and
            // nothing has read or dropped them since.
            unsafe { place.assume_init_drop() };
        }
    }
    (None, states)
}

/// `task(state, i)` for every `i` in `0..count`, keeping the `Some` answers in index order,
/// with each thread's last `state`: [`fill_stretches`] in blocks of `block` indices, then the
/// `None` taken out of the vector in place (the answers kept move down within it).
pub fn filter_map_in_place<S: Send, T: Send>(
    count: usize,
    block: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    task: impl Fn(&mut S, usize) -> Option<T> + Sync,
) -> (Vec<T>, Vec<S>) {
    let block = block.max(1);
    let sizes: Vec<usize> = (0..count)
        .step_by(block)
        .map(|start| block.min(count - start))
        .collect();
    let (answers, states) = fill_stretches(&sizes, threads, init, |state, b, stretch| {
        (b * block..b * block + sizes[b]).all(|i| stretch.push(task(state, i)).is_ok())
    });
    let Some(answers) = answers else {
        unreachable!("every block pushes one answer per index of its stretch")
    };
    // `filter_map` over a vector's own iterator collects into the same allocation; `flatten`,
    // which clippy prefers, did not when measured (Rust 1.95, the vector's address compared),
    // and would copy every answer.
    #[allow(clippy::filter_map_identity)]
    let kept = answers.into_iter().filter_map(|answer| answer).collect();
    (kept, states)
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

    /// The answers kept are in index order whatever the threads and blocks, and each thread's
    /// state comes back.
    #[test]
    fn filled_in_place_answers_come_back_in_order() {
        for threads in [1, 2, 3] {
            for block in [1, 7, 64, 1000] {
                let (kept, states) = super::filter_map_in_place(
                    500,
                    block,
                    threads,
                    || 0usize,
                    |calls, i| {
                        *calls += 1;
                        (i % 3 != 0).then(|| format!("answer {i}"))
                    },
                );
                let expected: Vec<String> = (0..500)
                    .filter(|i| i % 3 != 0)
                    .map(|i| format!("answer {i}"))
                    .collect();
                assert_eq!(kept, expected, "{threads} threads, blocks of {block}");
                assert_eq!(states.iter().sum::<usize>(), 500);
            }
        }
        let (none, states) = super::filter_map_in_place(0, 8, 2, || (), |(), i| Some(i));
        assert!(none.is_empty());
        assert_eq!(states.len(), 1);
    }

    /// A task that panics passes the panic on, with answers (heap strings) already written in
    /// other blocks: they are left, not dropped.
    #[test]
    fn a_panicking_task_passes_its_panic_on() {
        let result = std::panic::catch_unwind(|| {
            super::filter_map_in_place(
                100,
                10,
                2,
                || (),
                |(), i| {
                    assert!(i != 55, "task {i} fails");
                    Some(i.to_string())
                },
            )
        });
        assert!(result.is_err());
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

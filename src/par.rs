//! The few helpers the analyses share for splitting work over threads.

use std::thread::ScopedJoinHandle;

/// The result of a scoped worker. Workers only compute; a panic there is a bug, and re-raising
/// it on the calling thread keeps it visible.
pub fn join<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// How many threads the analyses split work over: the machine's cores, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

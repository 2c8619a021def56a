//! JSON written as it is serialized: a sequence is serialized item by item from an iterator,
//! straight to the (buffered) output, so no document is built in memory first.

use serde::{Serialize, Serializer};
use std::io::Write;

/// A sequence serialized from a fresh iterator, item by item.
pub(crate) struct Seq<F>(pub F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// A serializer writing indented JSON (what `serde_json::to_writer_pretty` writes) to `out`.
pub(crate) fn pretty<W: Write>(
    out: W,
) -> serde_json::Serializer<W, serde_json::ser::PrettyFormatter<'static>> {
    serde_json::Serializer::pretty(out)
}

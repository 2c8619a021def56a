//! Terminal safety: text that reaches a terminal never carries raw control characters.
//!
//! Names, notes, catalog fields and price-page fields come from files we do not control; a name
//! holding `ESC [ 2 J` would clear the user's screen, and worse sequences can retitle the window
//! or fake output. Every byte the CLI writes to stdout or stderr goes through [`Escaped`], which
//! shows C0 controls (except newline and tab), DEL and the C1 controls (U+0080–U+009F, which some
//! terminals also obey) as visible `\u{..}` escapes.
//!
//! JSON output uses [`Escaped::json`]: serde_json escapes C0 controls inside strings but writes
//! DEL and the C1 controls raw, and `\u{85}` is not a JSON escape (a parser rejects the whole
//! document). There they become `\u0085`, which is valid JSON for the same character and just as
//! harmless on a terminal.

use std::io::{self, Write};

/// A writer that escapes control characters before they reach `inner`.
pub struct Escaped<W: Write> {
    inner: W,
    /// Escapes written as JSON string escapes (`\u0085`) instead of Rust's (`\u{85}`).
    json: bool,
    /// A 0xC2 byte seen at the end of the previous write: the first half of a possible C1 control.
    pending_c2: bool,
}

impl<W: Write> Escaped<W> {
    /// For text: escapes read as Rust writes them (`\u{1b}`, `\r`).
    pub fn new(inner: W) -> Self {
        Escaped {
            inner,
            json: false,
            pending_c2: false,
        }
    }

    /// For JSON documents: escapes that keep the document valid JSON (`\u001b`, `\u0085`).
    pub fn json(inner: W) -> Self {
        Escaped {
            inner,
            json: true,
            pending_c2: false,
        }
    }

    fn escape(&mut self, code: u32) -> io::Result<()> {
        match (self.json, code) {
            (true, _) => write!(self.inner, "\\u{code:04x}"),
            (false, 0x0D) => self.inner.write_all(b"\\r"),
            (false, _) => write!(self.inner, "\\u{{{code:x}}}"),
        }
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        if self.pending_c2 {
            self.pending_c2 = false;
            self.inner.write_all(&[0xC2])?;
        }
        Ok(())
    }
}

/// Whether a single byte is a control character to escape (C0 except `\n` and `\t`, and DEL).
fn is_c0(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` below `n` (`n` ≤ 128; the classic SWAR test): none when
/// no byte is, and exact for the lowest such byte (a borrow only reaches the bytes above a
/// match), so its trailing zeros find it.
fn bytes_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH_BITS
}

/// Where in eight bytes (little-endian) the first one to look at is: a C0 control (or a
/// newline or tab, which pass but are looked at one by one), DEL, or 0xC2 (the first byte of
/// every C1 control). `None` for plain text, nearly all of a large output.
fn first_to_look_at(x: u64) -> Option<usize> {
    let marks = bytes_below(x, 0x20)
        | bytes_below(x ^ (ONES * 0x7F), 1)
        | bytes_below(x ^ (ONES * 0xC2), 1);
    (marks != 0).then(|| marks.trailing_zeros() as usize / 8)
}

impl<W: Write> Write for Escaped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        if self.pending_c2 {
            match rest.first() {
                None => return Ok(0),
                Some(&b) if (0x80..=0x9F).contains(&b) => {
                    self.pending_c2 = false;
                    self.escape(u32::from(b))?;
                    rest = &rest[1..];
                }
                Some(_) => self.flush_pending()?,
            }
        }
        let mut start = 0;
        let mut i = 0;
        while i < rest.len() {
            // Eight bytes at a time past plain text (nearly all of a large output), straight to
            // the first byte to look at.
            if let Some(word) = rest.get(i..i + 8) {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(word);
                match first_to_look_at(u64::from_le_bytes(bytes)) {
                    None => {
                        i += 8;
                        continue;
                    }
                    Some(at) => i += at,
                }
            }
            let b = rest[i];
            if is_c0(b) {
                self.inner.write_all(&rest[start..i])?;
                self.escape(u32::from(b))?;
                i += 1;
                start = i;
            } else if b == 0xC2 {
                match rest.get(i + 1) {
                    Some(&next) if (0x80..=0x9F).contains(&next) => {
                        self.inner.write_all(&rest[start..i])?;
                        self.escape(u32::from(next))?;
                        i += 2;
                        start = i;
                    }
                    Some(_) => i += 1,
                    None => {
                        // The second half comes with the next write.
                        self.inner.write_all(&rest[start..i])?;
                        self.pending_c2 = true;
                        i += 1;
                        start = i;
                    }
                }
            } else {
                i += 1;
            }
        }
        self.inner.write_all(&rest[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_pending()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Escaped<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// The same escaping for one string (error messages printed by `main`).
pub fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    {
        let mut w = Escaped::new(&mut out);
        let _ = w.write_all(text.as_bytes());
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = Escaped::new(&mut out);
            for c in chunks {
                w.write_all(c).unwrap();
            }
        }
        out
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        let shown = escape("Site \u{1b}[2J\u{7}A\r\nnext\tcol");
        assert_eq!(shown, "Site \\u{1b}[2J\\u{7}A\\r\nnext\tcol");
    }

    #[test]
    fn c1_controls_are_escaped_even_split_across_writes() {
        // U+009B (CSI) is 0xC2 0x9B in UTF-8.
        assert_eq!(through(&[b"a\xC2\x9Bb"]), b"a\\u{9b}b");
        assert_eq!(through(&[b"a\xC2", b"\x9Bb"]), b"a\\u{9b}b");
        // Other characters starting with 0xC2 (e.g. the pound sign U+00A3) pass through.
        assert_eq!(through(&[b"\xC2", b"\xA3 5"]), "£ 5".as_bytes());
        assert_eq!(escape("£ café → é"), "£ café → é");
    }

    /// serde_json writes DEL and C1 controls raw inside strings; the JSON writer turns them
    /// into JSON escapes, so the document still parses, to the same text.
    #[test]
    fn json_output_stays_valid_json_with_the_same_text() {
        let name = "Site\u{85}X\u{9b}2J\u{7f}\u{1b}[0m £";
        let document = serde_json::to_string(&serde_json::json!({ "name": name })).unwrap();
        let mut out = Vec::new();
        {
            let mut w = Escaped::json(&mut out);
            // Split inside the C1 character, as a buffered writer may.
            let cut = document.find('X').unwrap() - 1;
            w.write_all(&document.as_bytes()[..cut]).unwrap();
            w.write_all(&document.as_bytes()[cut..]).unwrap();
        }
        assert!(!out.iter().any(|&b| b == 0x7F || b == 0x1B));
        assert!(
            !out.windows(2)
                .any(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
        );
        let back: serde_json::Value = serde_json::from_slice(&out).expect("still valid JSON");
        assert_eq!(back["name"], name);
    }

    /// The word-at-a-time scan changes nothing: every byte value, at every offset of a word,
    /// in writes cut anywhere, gives what a byte-by-byte reading of the rules gives.
    #[test]
    fn the_fast_scan_gives_what_the_byte_rules_give() {
        fn reference(input: &[u8]) -> Vec<u8> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < input.len() {
                let b = input[i];
                if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F {
                    if b == 0x0D {
                        out.extend_from_slice(b"\\r");
                    } else {
                        out.extend_from_slice(format!("\\u{{{b:x}}}").as_bytes());
                    }
                } else if b == 0xC2 && matches!(input.get(i + 1), Some(0x80..=0x9F)) {
                    out.extend_from_slice(format!("\\u{{{:x}}}", input[i + 1]).as_bytes());
                    i += 1;
                } else {
                    out.push(b);
                }
                i += 1;
            }
            out
        }
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for byte in 0..=255u8 {
            for at in 0..20 {
                let mut input = b"plain text, plain text".to_vec();
                input[at] = byte;
                if byte == 0xC2 {
                    input[at + 1] = 0x9B;
                }
                assert_eq!(through(&[&input]), reference(&input), "{byte:#x} at {at}");
            }
        }
        for _ in 0..2_000 {
            let len = (next() % 64) as usize;
            // Mostly plain letters, with controls, DEL, 0xC2 and C1 bytes mixed in.
            let input: Vec<u8> = (0..len)
                .map(|_| match next() % 10 {
                    0 => (next() % 0x20) as u8,
                    1 => [0x7F, 0xC2, 0x85, 0x9B, 0xA3][(next() % 5) as usize],
                    _ => b'a' + (next() % 26) as u8,
                })
                .collect();
            let cut = if len == 0 { 0 } else { (next() as usize) % len };
            assert_eq!(
                through(&[&input[..cut], &input[cut..]]),
                reference(&input),
                "{input:?} cut at {cut}"
            );
        }
    }

    #[test]
    fn a_trailing_half_character_is_not_lost() {
        assert_eq!(through(&[b"x\xC2"]), b"x\xC2");
    }
}

//! Finding the line and column of an element in design-file text, for errors found after
//! parsing (duplicate ids, dangling endpoints).

/// 1-based line and column of byte offset `pos`.
pub fn line_col_of_byte(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Byte offsets of every `"key": <value>` where the value starts with `value_json` (a JSON
/// literal such as `"site-1"`), in file order.
pub fn key_value_offsets(text: &str, key: &str, value_json: &str) -> Vec<usize> {
    let needle = format!("\"{key}\"");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&needle) {
        let start = from + i;
        let rest = text[start + needle.len()..].trim_start();
        if let Some(after_colon) = rest.strip_prefix(':') {
            if after_colon.trim_start().starts_with(value_json) {
                found.push(start);
            }
        }
        from = start + needle.len();
    }
    found
}

/// Position of the `n`-th (0-based) `"key": value`.
pub fn key_value(text: &str, key: &str, value_json: &str, n: usize) -> Option<(usize, usize)> {
    key_value_offsets(text, key, value_json)
        .get(n)
        .map(|&off| line_col_of_byte(text.as_bytes(), off))
}

/// Position of the first occurrence of `"key":`.
pub fn key(text: &str, key: &str) -> Option<(usize, usize)> {
    let needle = format!("\"{key}\"");
    text.find(&needle)
        .map(|off| line_col_of_byte(text.as_bytes(), off))
}

/// Position of `"key": value` after the `n`-th `"id": id_json` (the element the key belongs to).
pub fn key_value_after_id(
    text: &str,
    id_json: &str,
    n: usize,
    key: &str,
    value_json: &str,
) -> Option<(usize, usize)> {
    let start = *key_value_offsets(text, "id", id_json).get(n)?;
    let off = key_value_offsets(&text[start..], key, value_json)
        .first()
        .map(|&o| o + start)?;
    Some(line_col_of_byte(text.as_bytes(), off))
}

/// serde_json reports a value's own error (a bad CIDR, a bad amount) where it stopped reading,
/// which may be past the value. When the message quotes the value (`...`), point at the value.
pub fn refine_value_error(text: &str, line: usize, column: usize, message: &str) -> (usize, usize) {
    let quoted = message.split('`').nth(1).filter(|q| !q.is_empty());
    let Some(quoted) = quoted else {
        return (line, column);
    };
    let offset = byte_of_line_col(text, line, column);
    let needle = format!("\"{quoted}\"");
    let window_start = offset.saturating_sub(512);
    let window_start = (window_start..=offset)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(offset);
    match text[window_start..offset.min(text.len())].rfind(&needle) {
        Some(i) => line_col_of_byte(text.as_bytes(), window_start + i),
        None => (line, column),
    }
}

/// Byte offset of a 1-based line and column (column counted in characters).
fn byte_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

//! What hcl-rs's formatter writes differently from `terraform fmt`, in one pass over its
//! output: `terraform fmt` aligns the `=` of consecutive one-line attributes (hcl-rs writes
//! `key = value` with one space), and writes an empty block as `features {}` (hcl-rs:
//! `features {  }`).
//!
//! The rule is hclwrite's (`format.go`, `formatCells`): a line is an *assignment* when it has a
//! key followed by `=` and the rest of the line opens no bracket it does not close; consecutive
//! assignments form a chain (a blank line, a comment, a block header or a closing brace ends
//! it), and every `=` of a chain stands one column after the chain's longest key, indentation
//! included. The input is hcl-rs's output, so a key is an identifier or a quoted string and
//! is followed by exactly ` = `.

/// hcl-rs's output as `terraform fmt` writes it: empty blocks as `{}`, the `=` of each chain
/// of one-line attributes aligned.
pub fn terraform_fmt(text: &str) -> String {
    let lines: Vec<String> = text
        .split_inclusive('\n')
        .map(|line| match line.strip_suffix(" {  }\n") {
            // An empty block's header (a string value cannot end a line with "{  }").
            Some(head) if !head.trim_start().starts_with('#') => format!("{head} {{}}\n"),
            _ => line.to_string(),
        })
        .collect();
    align_assignments(&lines.concat())
}

/// `text` with the `=` of each chain of one-line attributes aligned as `terraform fmt` does.
pub fn align_assignments(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut start = 0;
    while start < lines.len() {
        // The chain that starts here (maybe empty: then the line is copied as it is).
        let mut end = start;
        while end < lines.len() && key_width(lines[end]).is_some() {
            end += 1;
        }
        if end == start {
            out.push_str(lines[start]);
            start += 1;
            continue;
        }
        let widest = lines[start..end]
            .iter()
            .filter_map(|l| key_width(l).map(|(_, columns)| columns))
            .max()
            .unwrap_or(0);
        for line in &lines[start..end] {
            let Some((bytes, width)) = key_width(line) else {
                out.push_str(line);
                continue;
            };
            let (lead, rest) = line.split_at(bytes);
            out.push_str(lead);
            // `rest` is spaces, then "= ": one space after the widest key.
            for _ in width..=widest {
                out.push(' ');
            }
            out.push_str(rest.trim_start_matches(' '));
        }
        start = end;
    }
    out
}

/// The length in bytes and the width in characters of the line's indentation and key, when
/// the line is a one-line assignment (`key = value` with balanced brackets after the `=`).
fn key_width(line: &str) -> Option<(usize, usize)> {
    let body = line.trim_end_matches(['\n', '\r']);
    let indent = body.len() - body.trim_start_matches(' ').len();
    let after = &body[indent..];
    let key_len = if let Some(quoted) = after.strip_prefix('"') {
        // A quoted key: up to the closing quote (keys hcl-rs writes have no escaped quote
        // before " = ", and one that did would only make this line end the chain).
        quoted.find('"')? + 2
    } else {
        after
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .filter(|&n| n > 0)?
    };
    let value = after[key_len..]
        .strip_prefix(' ')?
        .trim_start_matches(' ')
        .strip_prefix("= ")?;
    (net_brackets(value) == 0)
        .then(|| (indent + key_len, indent + after[..key_len].chars().count()))
}

/// Opening minus closing brackets outside string literals.
fn net_brackets(value: &str) -> i32 {
    let mut net = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in value.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' | '(' => net += 1,
            ']' | '}' | ')' => net -= 1,
            _ => {}
        }
    }
    net
}

#[cfg(test)]
mod tests {
    use super::{align_assignments, terraform_fmt};

    #[test]
    fn empty_blocks_are_written_closed() {
        assert_eq!(
            terraform_fmt("provider \"azurerm\" {\n  a = 1\n\n  features {  }\n}\n"),
            "provider \"azurerm\" {\n  a = 1\n\n  features {}\n}\n"
        );
    }

    #[test]
    fn aligns_a_chain_to_its_longest_key() {
        let text = "resource \"a\" \"b\" {\n  name = \"x\"\n  bandwidth_in_mbps = 50\n  location = \"y\"\n}\n";
        assert_eq!(
            align_assignments(text),
            "resource \"a\" \"b\" {\n  name              = \"x\"\n  bandwidth_in_mbps = 50\n  location          = \"y\"\n}\n"
        );
    }

    #[test]
    fn blank_lines_blocks_and_open_brackets_end_a_chain() {
        let text = "  a = 1\n  bb = 2\n\n  ccc = 3\n  d = {\n    x = 1\n    yyy = 2\n  }\n  e = 4\n  sku {\n    tier = \"S\"\n    family = \"M\"\n  }\n";
        assert_eq!(
            align_assignments(text),
            "  a  = 1\n  bb = 2\n\n  ccc = 3\n  d = {\n    x   = 1\n    yyy = 2\n  }\n  e = 4\n  sku {\n    tier   = \"S\"\n    family = \"M\"\n  }\n"
        );
    }

    #[test]
    fn brackets_and_equals_inside_strings_do_not_count() {
        let text = "  a = \"{ = [\"\n  bbb = [x, y]\n  # c = 1\n  c = 1\n";
        assert_eq!(
            align_assignments(text),
            "  a   = \"{ = [\"\n  bbb = [x, y]\n  # c = 1\n  c = 1\n"
        );
    }

    #[test]
    fn aligned_text_is_left_as_it_is() {
        let once = align_assignments("  a = 1\n  bb = 2\n");
        assert_eq!(align_assignments(&once), once);
    }
}

//! Every rule that shapes doc text: wrapping, and making spec prose safe for rustdoc.

/// The column doc text wraps at.
const WIDTH: usize = 80;

/// Turns one block of spec prose into wrapped doc lines, safe for rustdoc.
pub fn lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split("\n\n") {
        let safe = make_safe(&paragraph.split_whitespace().collect::<Vec<_>>().join(" "));
        if safe.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(wrap(&safe));
    }
    lines
}

/// Joins blocks of doc lines with one blank line between non-empty blocks.
pub fn join(blocks: Vec<Vec<String>>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    for block in blocks.into_iter().filter(|block| !block.is_empty()) {
        if !joined.is_empty() {
            joined.push(String::new());
        }
        joined.extend(block);
    }
    joined
}

/// Doc lines for a spec description, or a plain statement that the spec gives none.
pub fn described(description: Option<&str>, what: &str) -> Vec<String> {
    match description.map(str::trim).filter(|text| !text.is_empty()) {
        Some(text) => lines(text),
        None => vec![format!("The spec gives no description of this {what}.")],
    }
}

/// Wraps text that is already safe for rustdoc near 80 columns.
pub fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.len() + 1 + word.len() > WIDTH {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Escapes what rustdoc would misread: bare URLs, and brackets that are not links.
fn make_safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(character) = rest.chars().next() {
        if let Some(code_length) = code_span_length(rest) {
            safe.push_str(&rest[..code_length]);
            rest = &rest[code_length..];
        } else if let Some(link_length) = markdown_link_length(rest) {
            safe.push_str(&rest[..link_length]);
            rest = &rest[link_length..];
        } else if let Some(url_length) = bare_url_length(rest, safe.chars().last()) {
            safe.push('<');
            safe.push_str(&rest[..url_length]);
            safe.push('>');
            rest = &rest[url_length..];
        } else {
            match character {
                '[' | ']' => {
                    safe.push('\\');
                    safe.push(character);
                }
                '<' | '>' => safe.push_str(if character == '<' { "&lt;" } else { "&gt;" }),
                _ => safe.push(character),
            }
            rest = &rest[character.len_utf8()..];
        }
    }
    safe
}

/// The length of a code span (`` `text` ``) starting at `text`, if one does: rustdoc
/// shows its contents as they are, so nothing in it is escaped.
fn code_span_length(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('`')?;
    inner.find('`').map(|end| end + 2)
}

/// The length of a `[text](url)` link starting at `text`, if one does.
fn markdown_link_length(text: &str) -> Option<usize> {
    if !text.starts_with('[') {
        return None;
    }
    let close = text.find("](")?;
    if text[1..close].contains(['[', ']']) {
        return None;
    }
    let end = text[close..].find(')')? + close;
    if text[close + 2..end].contains(' ') {
        return None;
    }
    Some(end + 1)
}

/// The length of a bare `http(s)://` URL starting at `text`, if one does.
fn bare_url_length(text: &str, previous: Option<char>) -> Option<usize> {
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return None;
    }
    if matches!(previous, Some('(' | '<' | '`')) {
        return None;
    }
    let end = text
        .find(|character: char| character.is_whitespace() || character == ')')
        .unwrap_or(text.len());
    let trimmed = text[..end].trim_end_matches(['.', ',', ';', ':']);
    Some(trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_stay_and_bare_urls_are_wrapped() {
        let text = "See [docs](https://appwrite.io/docs) or https://appwrite.io.";
        assert_eq!(
            lines(text),
            vec!["See [docs](https://appwrite.io/docs) or <https://appwrite.io>."]
        );
    }

    #[test]
    fn stray_brackets_and_angles_are_escaped() {
        assert_eq!(lines("a [b] <c>"), vec!["a \\[b\\] &lt;c&gt;"]);
    }

    #[test]
    fn code_spans_are_left_as_they_are() {
        assert_eq!(
            lines("use `Vec<[u8]>` or <b>"),
            vec!["use `Vec<[u8]>` or &lt;b&gt;"]
        );
    }

    #[test]
    fn long_text_wraps_near_eighty_columns() {
        let text = "word ".repeat(40);
        let wrapped = lines(&text);
        assert!(wrapped.len() > 1);
        assert!(wrapped.iter().all(|line| line.len() <= WIDTH));
    }

    #[test]
    fn missing_descriptions_say_so() {
        assert_eq!(
            described(Some("  "), "field"),
            vec!["The spec gives no description of this field."]
        );
    }
}

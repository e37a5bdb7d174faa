//! Text from a server made inert on a terminal: control and bidirectional characters escaped.

use std::borrow::Cow;

/// `text` with every control character (escape sequences, carriage returns, line breaks,
/// C1 controls) and every bidirectional override written as a Rust escape (`\u{1b}`, `\n`),
/// so a terminal shows it and never obeys it. Other text, any script, is left as it is.
pub(crate) fn text(text: &str) -> Cow<'_, str> {
    escape(text, |_| true)
}

/// Like [`text`] but keeping line breaks: for whole reports whose lines are the program's.
pub(crate) fn lines(text: &str) -> Cow<'_, str> {
    escape(text, |c| c != '\n')
}

fn escape(text: &str, escapes: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() || bidi(c)) && escapes(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` changes the direction of the text around it.
fn bidi(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_direction_overrides_are_escaped_the_rest_kept() {
        assert_eq!(
            text("\u{1b}]0;owned\u{7}\r\nx\u{9b}2J"),
            "\\u{1b}]0;owned\\u{7}\\r\\nx\\u{9b}2J"
        );
        assert_eq!(text("a\u{202e}b\u{2066}"), "a\\u{202e}b\\u{2066}");
        assert_eq!(text("实例不存在 é \"q\""), "实例不存在 é \"q\"");
        assert!(matches!(text("plain"), Cow::Borrowed("plain")));
        assert_eq!(lines("a\nb\u{1b}[31m\n"), "a\nb\\u{1b}[31m\n");
    }
}

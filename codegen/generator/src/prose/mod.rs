//! Upstream prose made inert before anything is emitted: every description, summary, note and
//! meaning of a spec tree re-rendered by [`render`] so that it can only ever be read as text.

pub mod render;

use std::borrow::Cow;

use crate::spec::SpecTree;
use crate::spec::model::{Member, Operation, Product};

pub use render::Links;

/// Rewrites every piece of prose in `tree` into inert Markdown; titles and summaries (used on a
/// single line) also lose their line breaks.
pub fn make_inert(tree: &mut SpecTree) {
    for dir in &mut tree.products {
        product(&mut dir.product);
        for file in &mut dir.operations {
            operation(&mut file.operation);
        }
    }
}

/// Upstream Markdown as inert Markdown.
pub fn block(text: &str) -> String {
    render::render(text, Links::Web)
}

/// Upstream text for a single line: inert, line breaks as spaces.
pub fn line(text: &str) -> String {
    block(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Line endings unified and characters that a Rust comment or a terminal must not see removed:
/// carriage returns become line feeds, tabs spaces, other control and bidirectional-override
/// characters are dropped. Text that has none of them (nearly all) is borrowed as it is.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c != '\n' && (c.is_control() || is_bidi_control(c)))
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\r' => Some('\n'),
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if is_bidi_control(c) || c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// An embedding, override or isolate character: it reorders the text a reader sees.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn product(p: &mut Product) {
    p.title = line(&p.title);
    opt_block(&mut p.description);
}

fn operation(op: &mut Operation) {
    op.summary = line(&op.summary);
    opt_block(&mut op.description);
    opt_block(&mut op.response.description);
    if let Some(a) = &mut op.asynchronous {
        opt_block(&mut a.note);
    }
    for waiter in &mut op.waiters {
        opt_block(&mut waiter.description);
    }
    for error in &mut op.errors {
        opt_line(&mut error.message);
        opt_block(&mut error.description);
    }
    for member in op.parameters.iter_mut().chain(&mut op.response.fields) {
        self::member(member);
    }
}

fn member(m: &mut Member) {
    opt_block(&mut m.description);
    for value in &mut m.constraints.enumeration {
        opt_block(&mut value.description);
    }
    let nested = m.items.iter_mut().chain(m.values.iter_mut());
    for child in nested.map(|b| &mut **b).chain(m.properties.iter_mut()) {
        member(child);
    }
}

fn opt_block(text: &mut Option<String>) {
    if let Some(t) = text {
        *t = block(t);
    }
}

fn opt_line(text: &mut Option<String>) {
    if let Some(t) = text {
        *t = line(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_and_controls_are_normalized() {
        assert_eq!(normalize("a\r\nb\rc\u{7}d\u{202E}e\tf"), "a\nb\ncde f");
        for one in ["a\rb", "a\tb", "a\u{7}b", "a\u{2067}b", "a\u{85}b"] {
            assert!(matches!(normalize(one), Cow::Owned(_)), "{one:?}");
        }
        let clean = "plain\nlines, ünïcode and `code`";
        assert!(matches!(normalize(clean), Cow::Borrowed(same) if same == clean));
    }

    #[test]
    fn a_line_never_spans_lines_nor_opens_a_block() {
        assert_eq!(line("one\n\n```\ncode()\n```"), "one ```text code() ```");
    }
}

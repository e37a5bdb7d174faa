//! Markdown parsed with pulldown-cmark and written back inert: every code block a `text`
//! fence, HTML escaped, bare URLs as autolinks, stray brackets escaped.
//!
//! The output is Markdown meant for rustdoc and for reference pages. Whatever the input, it has
//! no code block that rustdoc would compile, no raw HTML, and no line that starts a block the
//! renderer did not write itself (line starts are escaped).

use pulldown_cmark::{
    BrokenLink, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

/// Which links survive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Upstream prose: only web and mail links; everything else becomes its text.
    Web,
    /// The generator's own docs: also intra-doc links (`[`Client`]`, `[x](::path)`).
    IntraDoc,
}

/// `text` rendered inert.
pub fn render(text: &str, links: Links) -> String {
    let text = super::normalize(text);
    let options = Options::ENABLE_TABLES;
    let mut keep_unknown = |link: BrokenLink<'_>| {
        (links == Links::IntraDoc).then(|| {
            (
                CowStr::from(link.reference.to_string()),
                CowStr::Borrowed(""),
            )
        })
    };
    let parser = Parser::new_with_broken_link_callback(&text, options, Some(&mut keep_unknown));
    let mut writer = Writer::new(links);
    for (event, range) in parser.into_offset_iter() {
        if let Event::Start(Tag::Item) = event {
            writer.marker = marker_kind(&text[range.start..]);
        }
        writer.event(event);
    }
    writer.finish()
}

/// A block container the lines of its children are prefixed by.
enum Container {
    Quote,
    /// A list item: its marker (written on its first line) and the indent of later lines.
    Item {
        marker: Option<String>,
        indent: usize,
    },
}

/// How a link is written back.
enum LinkEnd {
    /// Only its text is kept.
    Dropped,
    /// `[text](dest)`.
    Inline(String),
    /// `[text]`, an intra-doc link resolved by rustdoc.
    Shortcut,
}

struct Writer {
    links: Links,
    out: String,
    containers: Vec<Container>,
    /// Numbers of the open ordered lists (`None` for bullet lists).
    lists: Vec<Option<u64>>,
    link_ends: Vec<LinkEnd>,
    /// Text not yet written, so that URLs split over several events are found whole.
    pending: String,
    at_line_start: bool,
    /// Nothing but the container prefix is on the current line yet.
    line_fresh: bool,
    need_gap: bool,
    in_code_block: bool,
    code: String,
    in_table: bool,
    /// Cells written in the current table row, and the head's cell count.
    cells: usize,
    in_image: usize,
    /// The source's list marker of the next item (`-`, `*`, `+`, `.` or `)`): two lists side by
    /// side differ by their markers, so those are kept.
    marker: char,
}

impl Writer {
    fn new(links: Links) -> Self {
        Self {
            links,
            out: String::new(),
            containers: Vec::new(),
            lists: Vec::new(),
            link_ends: Vec::new(),
            pending: String::new(),
            at_line_start: true,
            line_fresh: false,
            need_gap: false,
            in_code_block: false,
            code: String::new(),
            in_table: false,
            cells: 0,
            in_image: 0,
            marker: '-',
        }
    }

    fn finish(mut self) -> String {
        self.flush_text();
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.out
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(text) if self.in_code_block => self.code.push_str(&text),
            Event::Text(text) => self.pending.push_str(&text),
            other => {
                self.flush_text();
                self.structure(other);
            }
        }
    }

    fn structure(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Code(code) => self.code_span(&code),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            Event::SoftBreak => self.soft_break(),
            Event::HardBreak => {
                self.inline("\\");
                self.newline();
            }
            Event::Rule => {
                self.begin_block();
                self.inline("---");
                self.end_block();
            }
            Event::Text(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.begin_block(),
            Tag::Heading { level, .. } => {
                self.begin_block();
                self.inline(&format!("{} ", "#".repeat(heading_level(level))));
            }
            Tag::BlockQuote(_) => {
                self.begin_block();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(_) => {
                self.begin_block();
                self.in_code_block = true;
                self.code.clear();
            }
            Tag::List(start) => {
                self.begin_block();
                self.lists.push(start);
            }
            Tag::Item => {
                self.ensure_line_start();
                self.need_gap = false;
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let delimiter = if self.marker == ')' { ')' } else { '.' };
                        let marker = format!("{n}{delimiter} ");
                        *n += 1;
                        marker
                    }
                    _ if "*+".contains(self.marker) => format!("{} ", self.marker),
                    _ => "- ".to_owned(),
                };
                self.containers.push(Container::Item {
                    indent: marker.len(),
                    marker: Some(marker),
                });
            }
            Tag::Table(_) => {
                self.begin_block();
                self.in_table = true;
            }
            Tag::TableHead | Tag::TableRow => {
                self.ensure_line_start();
                self.cells = 0;
            }
            Tag::TableCell => {
                self.inline("| ");
                self.cells += 1;
            }
            Tag::Emphasis => self.inline("*"),
            Tag::Strong => self.inline("**"),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.start_link(link_type, &dest_url),
            Tag::Image { .. } => self.in_image += 1,
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock => self.end_block(),
            TagEnd::BlockQuote(_) => {
                self.containers.pop();
                self.end_block();
            }
            TagEnd::CodeBlock => self.code_block(),
            TagEnd::List(_) => {
                self.lists.pop();
                self.end_block();
            }
            TagEnd::Item => {
                if let Some(Container::Item {
                    marker: Some(_), ..
                }) = self.containers.last()
                {
                    self.inline("");
                }
                self.containers.pop();
                self.ensure_line_start();
            }
            TagEnd::Table => {
                self.in_table = false;
                self.end_block();
            }
            TagEnd::TableHead => {
                self.inline("|");
                self.newline();
                self.inline(&"|---".repeat(self.cells.max(1)));
                self.inline("|");
                self.newline();
            }
            TagEnd::TableRow => {
                self.inline("|");
                self.newline();
            }
            TagEnd::TableCell => self.inline(" "),
            TagEnd::Emphasis => self.inline("*"),
            TagEnd::Strong => self.inline("**"),
            TagEnd::Link => match self.link_ends.pop() {
                Some(LinkEnd::Inline(dest)) => self.inline(&format!("]({dest})")),
                Some(LinkEnd::Shortcut) => self.inline("]"),
                Some(LinkEnd::Dropped) | None => {}
            },
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            _ => {}
        }
    }

    fn start_link(&mut self, link_type: LinkType, dest: &str) {
        let end = match link_type {
            LinkType::Autolink | LinkType::Email => {
                // The text event that follows is the address itself; written as an autolink.
                LinkEnd::Dropped
            }
            LinkType::ShortcutUnknown | LinkType::CollapsedUnknown | LinkType::ReferenceUnknown => {
                LinkEnd::Shortcut
            }
            _ if is_web(dest) => LinkEnd::Inline(format!("<{}>", escape_destination(dest))),
            _ if self.links == Links::IntraDoc && is_rust_path(dest) => {
                LinkEnd::Inline(dest.to_owned())
            }
            _ => LinkEnd::Dropped,
        };
        if matches!(end, LinkEnd::Inline(_) | LinkEnd::Shortcut) && self.in_image == 0 {
            self.inline("[");
            self.link_ends.push(end);
        } else {
            self.link_ends.push(LinkEnd::Dropped);
        }
    }

    fn in_kept_link(&self) -> bool {
        self.link_ends
            .iter()
            .any(|l| !matches!(l, LinkEnd::Dropped))
    }

    /// Writes buffered text: escaped, with bare URLs turned into autolinks.
    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending);
        if self.in_kept_link() {
            self.escaped(&text);
            return;
        }
        let mut rest = text.as_str();
        while let Some((before, url, after)) = split_url(rest) {
            self.escaped(before);
            self.inline(&format!("<{url}>"));
            rest = after;
        }
        self.escaped(rest);
    }

    fn escaped(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let text = if self.at_line_start || self.line_fresh {
            text.trim_start()
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        self.open_line();
        let line_start = self.line_fresh;
        let escaped = escape(text, line_start, self.in_table);
        self.write(&escaped);
    }

    fn code_span(&mut self, code: &str) {
        let longest = longest_run(code, '`');
        let fence = "`".repeat(longest + 1);
        let pad = if code.starts_with('`') || code.ends_with('`') || code.trim().is_empty() {
            " "
        } else {
            ""
        };
        let body = if self.in_table {
            code.replace('|', "\\|")
        } else {
            code.to_owned()
        };
        self.inline(&format!("{fence}{pad}{body}{pad}{fence}"));
    }

    fn code_block(&mut self) {
        self.in_code_block = false;
        let code = std::mem::take(&mut self.code);
        let fence = "`".repeat(longest_run(&code, '`').max(2) + 1);
        self.inline(&format!("{fence}text"));
        for line in code.lines() {
            self.newline();
            self.open_line();
            self.write(line.trim_end());
        }
        self.newline();
        self.inline(&fence);
        self.end_block();
    }

    /// HTML from upstream: kept as visible, escaped text.
    fn html(&mut self, html: &str) {
        for piece in html.split_inclusive('\n') {
            self.escaped(piece.trim());
            if piece.ends_with('\n') {
                self.soft_break();
            }
        }
    }

    fn soft_break(&mut self) {
        if self.in_table {
            self.inline(" ");
        } else {
            self.newline();
        }
    }

    fn begin_block(&mut self) {
        self.ensure_line_start();
        if self.need_gap {
            let prefix = self.prefix();
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
        }
        self.need_gap = false;
    }

    fn end_block(&mut self) {
        self.ensure_line_start();
        self.need_gap = true;
    }

    fn ensure_line_start(&mut self) {
        if !self.at_line_start {
            self.newline();
        }
    }

    fn newline(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
        self.out.push('\n');
        self.at_line_start = true;
        self.line_fresh = false;
    }

    /// Writes the container prefix if the line has not started yet.
    fn open_line(&mut self) {
        if self.at_line_start {
            let prefix = self.prefix();
            self.out.push_str(&prefix);
            self.at_line_start = false;
            self.line_fresh = true;
        }
    }

    fn prefix(&mut self) -> String {
        let mut prefix = String::new();
        for container in &mut self.containers {
            match container {
                Container::Quote => prefix.push_str("> "),
                Container::Item { marker, indent } => match marker.take() {
                    Some(m) => prefix.push_str(&m),
                    None => prefix.push_str(&" ".repeat(*indent)),
                },
            }
        }
        prefix
    }

    /// Writes text the renderer made itself (markers, fences, autolinks).
    fn inline(&mut self, text: &str) {
        self.open_line();
        self.write(text);
    }

    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        if !text.is_empty() {
            self.line_fresh = false;
        }
    }
}

/// The marker character of the list item starting `source`: the bullet, or the delimiter
/// after the number.
fn marker_kind(source: &str) -> char {
    source
        .trim_start()
        .chars()
        .find(|c| !c.is_ascii_digit())
        .unwrap_or('-')
}

fn heading_level(level: HeadingLevel) -> usize {
    level as usize
}

/// Escapes Markdown syntax in literal text, so that it renders as written and starts no block.
fn escape(text: &str, line_start: bool, in_table: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    // A line starting with digits then `.` or `)` would start an ordered list.
    let digits = if line_start {
        chars.iter().take_while(|c| c.is_ascii_digit()).count()
    } else {
        0
    };
    for (i, &c) in chars.iter().enumerate() {
        let alnum = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let needs = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '~' => true,
            '_' => !(alnum(i.checked_sub(1)) && alnum(Some(i + 1))),
            '|' => in_table,
            '.' | ')' => digits > 0 && i == digits,
            _ => line_start && i == 0 && c.is_ascii_punctuation(),
        };
        if needs {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn is_web(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// `::acs_runtime::client::ServiceError`, `Self::build`: a path rustdoc resolves.
fn is_rust_path(dest: &str) -> bool {
    !dest.is_empty()
        && dest
            .split("::")
            .enumerate()
            .all(|(i, part)| (i == 0 && part.is_empty()) || is_identifier(part))
}

fn is_identifier(part: &str) -> bool {
    part.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A link destination fit for `<...>`.
fn escape_destination(dest: &str) -> String {
    dest.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '<' | '>' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect()
}

/// The first bare `http(s)://` URL of `text`: the text before it, the URL, the text after.
fn split_url(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    loop {
        let at = from + text[from..].find("http")?;
        let rest = &text[at..];
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| rest.starts_with(s));
        if let Some(scheme) = scheme {
            let len = rest.find(|c: char| !is_url_char(c)).unwrap_or(rest.len());
            let mut url = &rest[..len];
            loop {
                let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*']);
                let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
                    &trimmed[..trimmed.len() - 1]
                } else {
                    trimmed
                };
                if trimmed.len() == url.len() {
                    break;
                }
                url = trimmed;
            }
            if url.len() > scheme.len() {
                return Some((&text[..at], url, &text[at + url.len()..]));
            }
        }
        from = at + 4;
    }
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#@!$&'()*+,;=%".contains(c)
}

#[cfg(test)]
mod tests {
    use super::{Links, render};

    fn web(text: &str) -> String {
        render(text, Links::Web)
    }

    #[test]
    fn every_code_block_form_becomes_a_text_fence() {
        assert_eq!(
            web("a\n\n```rust\nlet x = 1;\n```"),
            "a\n\n```text\nlet x = 1;\n```"
        );
        assert_eq!(web("~~~\nrun()\n~~~"), "```text\nrun()\n```");
        assert_eq!(
            web("a\n\n    indented()\n"),
            "a\n\n```text\nindented()\n```"
        );
        assert_eq!(
            web("> ```\n> quoted()\n> ```"),
            "> ```text\n> quoted()\n> ```"
        );
        assert_eq!(
            web("- item\n\n  ```\n  listed()\n  ```"),
            "- item\n\n  ```text\n  listed()\n  ```"
        );
        assert_eq!(
            web("````\n```\nx\n```\n````"),
            "````text\n```\nx\n```\n````"
        );
    }

    #[test]
    fn html_is_escaped_text() {
        assert_eq!(
            web("<props=\"china\">Hi</props> <notice>x</notice>"),
            "\\<props=\"china\"\\>Hi\\</props\\> \\<notice\\>x\\</notice\\>"
        );
        assert_eq!(
            web("<pre>\ncode()\n</pre>"),
            "\\<pre\\>\ncode()\n\\</pre\\>"
        );
    }

    #[test]
    fn bare_urls_become_autolinks_and_stray_brackets_are_escaped() {
        assert_eq!(
            web("See https://help.aliyun.com/x.html. And [RegionId]."),
            "See <https://help.aliyun.com/x.html>. And \\[RegionId\\]."
        );
        assert_eq!(
            web("[docs](https://a.b/c) [local](Foo) ![img](https://a.b/i.png)"),
            "[docs](<https://a.b/c>) local img"
        );
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(web("a  \n\\- b"), "a\\\n\\- b");
        assert_eq!(web("1\\. x"), "1\\. x");
    }

    #[test]
    fn intra_doc_links_survive_for_the_generator_only() {
        assert_eq!(
            render("by [`Client`], see [`E`](::a::E)", Links::IntraDoc),
            "by [`Client`], see [`E`](::a::E)"
        );
        assert_eq!(web("by [`Client`]"), "by \\[`Client`\\]");
    }

    #[test]
    fn structure_is_kept() {
        let text = "# Title\n\nSome *em* and **strong**.\n\n- one\n- two\n  1. a\n  2. b\n\n> quote\n\n| A | B |\n|---|---|\n| x | y |";
        assert_eq!(web(text), text);
    }

    #[test]
    fn lists_side_by_side_stay_apart() {
        let text = "* a\n* b\n\n- c";
        assert_eq!(render(&web(text), Links::IntraDoc), text);
        assert_eq!(web("1) x\n\n1. y"), "1) x\n\n1. y");
    }

    #[test]
    fn rendering_is_idempotent() {
        let samples = [
            "a_b *c* [d] <e> `f` https://g.h/i\n\n```\nj\n```",
            "> - x\n>   ~~~\n>   y\n>   ~~~",
            "1) one\n2) two",
        ];
        for sample in samples {
            let once = web(sample);
            assert_eq!(web(&once), once, "{sample:?}");
        }
    }
}

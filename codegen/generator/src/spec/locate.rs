//! Finds the line and column of a YAML path (`parameters[3].constraints.enum`) in block-style text.
//!
//! serde_yaml reports positions for syntax and type errors only; semantic checks run on the
//! typed model, so this maps their paths back to the text. It understands the block style the
//! spec files use and returns the deepest node it could find.

pub use crate::diag::Step;

/// A line reduced to what matters for locating: indentation, list marker and key.
struct Line<'a> {
    /// Column of the first character, or of the `-` of a list item.
    indent: usize,
    /// Whether the line starts a list item.
    item: bool,
    /// Column where the key (if any) starts.
    key_column: usize,
    key: Option<&'a str>,
}

fn parse_line(raw: &str) -> Option<Line<'_>> {
    let trimmed = raw.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let indent = raw.len() - trimmed.len();
    let (item, rest, key_column) = match trimmed
        .strip_prefix("- ")
        .or_else(|| (trimmed == "-").then_some(""))
    {
        Some(rest) => {
            let inner = rest.trim_start();
            (true, inner, indent + 2 + (rest.len() - inner.len()))
        }
        None => (false, trimmed, indent),
    };
    let key = rest
        .split_once(':')
        .map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\''));
    Some(Line {
        indent,
        item,
        key_column,
        key,
    })
}

/// The 1-based (line, column) of the node at `path`, or of its deepest ancestor found.
pub fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    let lines: Vec<Option<Line<'_>>> = text.lines().map(parse_line).collect();
    // The current scope: a range of lines and the column its entries start at.
    let (mut start, mut end) = (0usize, lines.len());
    let mut found = None;
    let mut in_item = false;
    for step in path {
        let column = (start..end).find_map(|i| {
            lines[i].as_ref().map(|l| {
                if l.item && !in_item {
                    l.indent
                } else {
                    l.key_column
                }
            })
        })?;
        let hit = match step {
            Step::Key(name) => (start..end).find(|&i| {
                lines[i]
                    .as_ref()
                    .is_some_and(|l| l.key_column == column && l.key == Some(name.as_str()))
            }),
            Step::Index(n) => (start..end)
                .filter(|&i| {
                    lines[i]
                        .as_ref()
                        .is_some_and(|l| l.item && l.indent == column)
                })
                .nth(*n),
        };
        let Some(at) = hit else { break };
        let line = lines[at].as_ref()?;
        found = Some((
            at + 1,
            if matches!(step, Step::Key(_)) {
                line.key_column + 1
            } else {
                line.indent + 1
            },
        ));
        // The node's children: following lines indented deeper than the node (a list under a
        // key may sit at the key's own column).
        let own = if matches!(step, Step::Key(_)) {
            line.key_column
        } else {
            line.indent
        };
        let mut stop = at + 1;
        while stop < end {
            if let Some(l) = &lines[stop] {
                let deeper =
                    l.indent > own || (matches!(step, Step::Key(_)) && l.item && l.indent == own);
                if !deeper {
                    break;
                }
            }
            stop += 1;
        }
        // A list item's own first line carries its first key.
        in_item = matches!(step, Step::Index(_));
        start = if in_item { at } else { at + 1 };
        end = stop;
    }
    found
}

/// Parses `parameters[3].constraints.enum` into steps.
pub fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while let Some((index, tail)) = rest.split_once(']') {
            if let Ok(n) = index.parse() {
                steps.push(Step::Index(n));
            }
            rest = tail.trim_start_matches('[');
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "name: Op\nparameters:\n  - name: A\n    type: string\n  - name: B\n    type: integer\n    constraints:\n      allowed: [1, 2]\nresponse:\n  fields: []\n";

    fn at(path: &str) -> Option<(usize, usize)> {
        locate(TEXT, &parse_path(path))
    }

    #[test]
    fn finds_keys_and_items() {
        assert_eq!(at("name"), Some((1, 1)));
        assert_eq!(at("parameters"), Some((2, 1)));
        assert_eq!(at("parameters[0]"), Some((3, 3)));
        assert_eq!(at("parameters[1]"), Some((5, 3)));
        assert_eq!(at("parameters[1].name"), Some((5, 5)));
        assert_eq!(at("parameters[1].type"), Some((6, 5)));
        assert_eq!(at("parameters[1].constraints.allowed"), Some((8, 7)));
        assert_eq!(at("response.fields"), Some((10, 3)));
    }

    #[test]
    fn falls_back_to_the_deepest_ancestor() {
        assert_eq!(at("parameters[1].constraints.pattern"), Some((7, 5)));
        assert_eq!(at("parameters[7]"), Some((2, 1)));
        assert_eq!(at("nothing"), None);
    }

    #[test]
    fn parses_paths() {
        assert_eq!(
            parse_path("parameters[3].items.properties[0]"),
            vec![
                Step::Key("parameters".into()),
                Step::Index(3),
                Step::Key("items".into()),
                Step::Key("properties".into()),
                Step::Index(0)
            ]
        );
    }
}

//! Resource families from the metadata's table of contents: each operation belongs to the
//! top-level directory that lists it, at any depth.

use std::collections::BTreeMap;

use serde_json::Value;

/// The family of every operation the table of contents lists: the title of its top-level
/// directory. Operations listed outside any directory, and anything that is not a titled
/// directory or an operation name, are left out; an operation listed twice keeps its first.
pub(super) fn families(directories: &Value) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in directories.as_array().into_iter().flatten() {
        let Some(title) = entry.get("title").and_then(Value::as_str).map(english) else {
            continue;
        };
        if !title.is_empty() {
            collect(entry, &title, &mut found, 0);
        }
    }
    found
}

/// The words the English metadata leaves in Chinese: every such title of the catalog is a
/// variant of "other" (`其它`, `其他`, `未翻译(其他)`, `其他-不发布文档`).
const OTHER: [&str; 2] = ["其它", "其他"];

/// A directory's title in English: trimmed, without invisible characters (a zero-width
/// non-joiner ends one title), and "Other" for the untranslated variants of "other".
fn english(title: &str) -> String {
    let visible: String = title
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}'))
        .collect();
    let visible = visible.trim();
    if OTHER.iter().any(|other| visible.contains(other)) {
        return "Other".to_owned();
    }
    visible.to_owned()
}

/// Deeper than any real table of contents: a hostile file cannot recurse without bound.
const MAX_DEPTH: usize = 16;

fn collect(directory: &Value, family: &str, found: &mut BTreeMap<String, String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let children = directory.get("children").and_then(Value::as_array);
    for child in children.into_iter().flatten() {
        match child {
            Value::String(operation) => {
                found
                    .entry(operation.clone())
                    .or_insert_with(|| family.to_owned());
            }
            Value::Object(_) => collect(child, family, found, depth + 1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn untranslated_titles_of_other_become_other_and_invisible_characters_go() {
        for title in ["其它", " 其他 ", "未翻译(其他)", "其他-不发布文档"] {
            assert_eq!(english(title), "Other");
        }
        assert_eq!(english("Response\u{200c}"), "Response");
        assert_eq!(english(" VPN gateway "), "VPN gateway");
    }

    #[test]
    fn operations_belong_to_their_top_level_directory_at_any_depth() {
        let toc = json!([
            "Loose",
            {"title": " VPN gateway ", "type": "directory", "children": [
                "CreateVpnGateway",
                {"title": "Routes", "children": ["CreateVpnRouteEntry", {"children": ["Deep"]}]}
            ]},
            {"title": "Other", "children": ["CreateVpnGateway", "Describe", 7, null]},
            {"title": "", "children": ["Untitled"]},
            {"children": ["NoTitle"]}
        ]);
        let found = families(&toc);
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("CreateVpnGateway", "VPN gateway"),
                ("CreateVpnRouteEntry", "VPN gateway"),
                ("Deep", "VPN gateway"),
                ("Describe", "Other"),
            ]
        );
    }

    #[test]
    fn anything_but_a_list_of_directories_yields_nothing() {
        assert!(families(&Value::Null).is_empty());
        assert!(families(&json!({"title": "x", "children": ["A"]})).is_empty());
    }
}

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
        let Some(title) = entry.get("title").and_then(Value::as_str).map(str::trim) else {
            continue;
        };
        if !title.is_empty() {
            collect(entry, title, &mut found, 0);
        }
    }
    found
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

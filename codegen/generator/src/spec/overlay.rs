//! Overlays: hand-curated facts in `overlays/<file>.yaml`, merged by the loader over the base
//! file of the same name (usually written by `cargo xtask import`), so they survive re-imports.
//!
//! Merging works on the YAML values, before the typed model sees them:
//! - mappings merge key by key, recursively; a key set to `null` (`~`) removes it from the base;
//! - the lists `parameters`, `properties` and `fields` merge entry by entry on `name`, `errors`
//!   on `code` and `regions` on `region`: an overlay entry whose key is in the base merges into
//!   that entry (recursively), one with a new key is appended;
//! - every other value (scalars, other lists such as `constraints.enum`) replaces the base value.
//!
//! [`diff`] is the inverse: the smallest overlay turning a base into a wanted document.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::diag::{Diagnostic, Diagnostics};
use crate::spec::SpecTree;
use crate::spec::locate::{Step, locate, parse_path};

/// The folder of overlay files inside a version folder.
pub const OVERLAY_DIR: &str = "overlays";

/// The entry key of a list merged entry by entry, by the mapping key holding the list.
pub fn list_key(key: &str) -> Option<&'static str> {
    match key {
        "parameters" | "properties" | "fields" => Some("name"),
        "errors" => Some("code"),
        "regions" => Some("region"),
        _ => None,
    }
}

/// A problem found while merging: the YAML path in the overlay and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeProblem {
    /// YAML path in the overlay file, e.g. `parameters[2]`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Merges `overlay` over `base` in place; entries that cannot merge are reported and skipped.
pub fn merge(base: &mut Value, overlay: Value) -> Vec<MergeProblem> {
    let mut problems = Vec::new();
    match (base, overlay) {
        (_, Value::Null) => {}
        (Value::Mapping(base), Value::Mapping(overlay)) => {
            merge_mapping(base, overlay, "", &mut problems)
        }
        (_, _) => problems.push(MergeProblem {
            path: String::new(),
            message: "an overlay must be a mapping".to_owned(),
        }),
    }
    problems
}

fn merge_mapping(
    base: &mut Mapping,
    overlay: Mapping,
    path: &str,
    problems: &mut Vec<MergeProblem>,
) {
    for (key, value) in overlay {
        let name = key.as_str().unwrap_or_default().to_owned();
        let at = join(path, &name);
        if value.is_null() {
            base.remove(&key);
            continue;
        }
        match (base.get_mut(&key), value) {
            (Some(Value::Sequence(list)), Value::Sequence(entries))
                if list_key(&name).is_some() =>
            {
                merge_list(
                    list,
                    entries,
                    list_key(&name).unwrap_or_default(),
                    &at,
                    problems,
                )
            }
            (Some(Value::Mapping(inner)), Value::Mapping(value)) => {
                merge_mapping(inner, value, &at, problems)
            }
            (Some(slot), value) => *slot = value,
            (None, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn merge_list(
    list: &mut Vec<Value>,
    entries: Vec<Value>,
    key: &str,
    path: &str,
    problems: &mut Vec<MergeProblem>,
) {
    for (i, entry) in entries.into_iter().enumerate() {
        let Some(id) = entry.get(key).and_then(Value::as_str).map(str::to_owned) else {
            problems.push(MergeProblem {
                path: format!("{path}[{i}]"),
                message: format!("an overlay entry of this list needs its `{key}` to merge by"),
            });
            continue;
        };
        match list
            .iter_mut()
            .find(|e| e.get(key).and_then(Value::as_str) == Some(id.as_str()))
        {
            Some(Value::Mapping(target)) => {
                if let Value::Mapping(entry) = entry {
                    merge_mapping(target, entry, &format!("{path}[{i}]"), problems);
                }
            }
            _ => list.push(entry),
        }
    }
}

/// The smallest overlay that [`merge`]s `base` into a document holding every fact of `wanted`,
/// or `None` when `base` already does. Facts only `base` has are kept (not removed).
pub fn diff(base: &Value, wanted: &Value) -> Option<Value> {
    match (base, wanted) {
        (Value::Mapping(base), Value::Mapping(wanted)) => {
            diff_mapping(base, wanted).map(Value::Mapping)
        }
        _ if base == wanted => None,
        _ => Some(wanted.clone()),
    }
}

fn diff_mapping(base: &Mapping, wanted: &Mapping) -> Option<Mapping> {
    let mut out = Mapping::new();
    for (key, value) in wanted {
        let name = key.as_str().unwrap_or_default();
        let change = match (base.get(key), value) {
            (Some(old), new) if old == new => None,
            (Some(Value::Sequence(old)), Value::Sequence(new)) if list_key(name).is_some() => {
                diff_list(old, new, list_key(name).unwrap_or_default())
            }
            (Some(old @ Value::Mapping(_)), new @ Value::Mapping(_)) => diff(old, new),
            (_, new) => Some(new.clone()),
        };
        if let Some(change) = change {
            out.insert(key.clone(), change);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn diff_list(base: &[Value], wanted: &[Value], key: &str) -> Option<Value> {
    let mut out = Vec::new();
    for entry in wanted {
        let id = entry.get(key);
        match base.iter().find(|e| id.is_some() && e.get(key) == id) {
            Some(old) => {
                if let Some(Value::Mapping(change)) = diff(old, entry) {
                    let mut keyed = Mapping::new();
                    keyed.insert(Value::from(key), id.cloned().unwrap_or_default());
                    keyed.extend(change);
                    out.push(Value::Mapping(keyed));
                }
            }
            None => out.push(entry.clone()),
        }
    }
    (!out.is_empty()).then_some(Value::Sequence(out))
}

/// The path, in `target`, of the node at `steps` in `merged`; `None` when `target` lacks it.
///
/// Keyed list entries are matched by key, so the indexes of a merged document translate to
/// the indexes of the base or overlay file the entry came from.
pub fn translate(merged: &Value, target: &Value, steps: &[Step]) -> Option<Vec<Step>> {
    let (mut m, mut t) = (merged, target);
    let mut parent: Option<&str> = None;
    let mut out = Vec::with_capacity(steps.len());
    for step in steps {
        match step {
            Step::Key(key) => {
                m = m.get(key.as_str())?;
                t = t.get(key.as_str())?;
                parent = Some(key.as_str());
                out.push(step.clone());
            }
            Step::Index(i) => {
                let item = m.as_sequence()?.get(*i)?;
                let list = t.as_sequence()?;
                let j = match parent.and_then(list_key) {
                    Some(key) => {
                        let id = item.get(key)?;
                        list.iter().position(|e| e.get(key) == Some(id))?
                    }
                    None => *i,
                };
                m = item;
                t = list.get(j)?;
                parent = None;
                out.push(Step::Index(j));
            }
        }
    }
    Some(out)
}

/// Writes steps back as a YAML path: `parameters[3].constraints`.
pub fn path_string(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Where a problem found in a merged document comes from: the overlay when it holds the node,
/// else the base file. `merged` is the merged document, `path` a YAML path in it.
pub fn attribute_one(
    diagnostic: &mut Diagnostic,
    merged: &Value,
    base: (&Path, &str),
    overlay: (&Path, &str),
) {
    let steps = parse_path(&diagnostic.path);
    let overlay_value: Value = serde_yaml::from_str(overlay.1).unwrap_or(Value::Null);
    match translate(merged, &overlay_value, &steps).filter(|_| !steps.is_empty()) {
        Some(at) => {
            diagnostic.file = overlay.0.to_owned();
            diagnostic.position = locate(overlay.1, &at);
            diagnostic.path = path_string(&at);
            diagnostic.message = format!(
                "{} (overlay merged over {})",
                diagnostic.message,
                base.0.display()
            );
        }
        None => {
            let base_value: Value = serde_yaml::from_str(base.1).unwrap_or(Value::Null);
            let at = translate(merged, &base_value, &steps).unwrap_or(steps);
            diagnostic.file = base.0.to_owned();
            diagnostic.position = locate(base.1, &at).or(diagnostic.position);
            diagnostic.path = path_string(&at);
            diagnostic.message = format!(
                "{} (with overlay {} merged)",
                diagnostic.message,
                overlay.0.display()
            );
        }
    }
}

/// Points the semantic checks' findings on merged files at the file holding each node:
/// the overlay (with its own line, column and path) or the base, both named in the message.
pub fn attribute(tree: &SpecTree, diagnostics: &mut Diagnostics) {
    for d in &mut diagnostics.0 {
        for product in &tree.products {
            if let Some(overlay) = product.overlay.as_ref().filter(|_| d.file == product.file) {
                let merged = serde_yaml::to_value(&product.product).unwrap_or(Value::Null);
                attribute_one(
                    d,
                    &merged,
                    (&product.file, &product.text),
                    (&overlay.file, &overlay.text),
                );
            }
            for op in &product.operations {
                if let Some(overlay) = op.overlay.as_ref().filter(|_| d.file == op.file) {
                    let merged = serde_yaml::to_value(&op.operation).unwrap_or(Value::Null);
                    attribute_one(
                        d,
                        &merged,
                        (&op.file, &op.text),
                        (&overlay.file, &overlay.text),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    const BASE: &str = "name: Op\nsummary: s\nparameters:\n  - name: A\n    type: string\n    example: x\n  - name: B\n    type: integer\nerrors:\n  - status: 400\n    code: E1\n";

    #[test]
    fn merges_by_key_appends_and_removes() {
        let mut base = yaml(BASE);
        let overlay = yaml(
            "summary: t\nparameters:\n  - name: B\n    constraints: {allowed: [5]}\n  - name: C\n    type: boolean\n  - name: A\n    example: ~\nerrors:\n  - code: E1\n    description: d\n",
        );
        assert!(merge(&mut base, overlay).is_empty());
        let want = yaml(
            "name: Op\nsummary: t\nparameters:\n  - name: A\n    type: string\n  - name: B\n    type: integer\n    constraints: {allowed: [5]}\n  - name: C\n    type: boolean\nerrors:\n  - status: 400\n    code: E1\n    description: d\n",
        );
        assert_eq!(base, want);
    }

    #[test]
    fn other_lists_are_replaced() {
        let mut base = yaml("constraints:\n  enum: [{value: a}, {value: b}]\n");
        assert!(merge(&mut base, yaml("constraints:\n  enum: [{value: c}]\n")).is_empty());
        assert_eq!(base, yaml("constraints:\n  enum: [{value: c}]\n"));
    }

    #[test]
    fn keyless_entries_are_reported() {
        let mut base = yaml(BASE);
        let problems = merge(&mut base, yaml("parameters:\n  - type: string\n"));
        assert_eq!(problems[0].path, "parameters[0]");
        assert!(merge(&mut base, yaml("[1]")).len() == 1);
    }

    #[test]
    fn diff_is_the_inverse_of_merge() {
        let base = yaml(BASE);
        let wanted = yaml(
            "name: Op\nsummary: t\nparameters:\n  - name: B\n    type: integer\n    format: int64\n  - name: D\n    type: string\n",
        );
        let overlay = diff(&base, &wanted).unwrap();
        assert_eq!(
            overlay,
            yaml(
                "summary: t\nparameters:\n  - name: B\n    format: int64\n  - name: D\n    type: string\n"
            )
        );
        let mut merged = base.clone();
        assert!(merge(&mut merged, overlay).is_empty());
        assert_eq!(diff(&merged, &wanted), None);
        assert_eq!(diff(&base, &base), None);
    }

    #[test]
    fn translates_merged_paths_by_key() {
        let mut merged = yaml(BASE);
        let overlay =
            yaml("parameters:\n  - name: C\n    type: boolean\n  - name: B\n    format: int64\n");
        merge(&mut merged, overlay.clone());
        let steps = parse_path("parameters[1].format");
        assert_eq!(
            path_string(&translate(&merged, &overlay, &steps).unwrap()),
            "parameters[1].format"
        );
        assert_eq!(
            translate(&merged, &overlay, &parse_path("parameters[0].type")),
            None
        );
        let c = parse_path("parameters[2].type");
        assert_eq!(
            path_string(&translate(&merged, &overlay, &c).unwrap()),
            "parameters[0].type"
        );
    }
}

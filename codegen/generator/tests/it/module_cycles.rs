//! The generator's modules depend on each other one way: no two sibling modules (files or
//! folders under the same parent) use each other, directly or around a loop.
//!
//! A module's dependencies are read from its source: every `crate::a::b` and `super::b` path,
//! resolved to the sibling it enters. A child using its parent's items (`super::Item` from a
//! `mod.rs` child) is not a sibling edge: the parent owns its children.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module by its path from the crate root, e.g. `["emit", "client"]`.
type Module = Vec<String>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every source file with its module path.
fn modules() -> Vec<(Module, String)> {
    let mut out = Vec::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src()).unwrap().with_extension("");
            let mut module: Module = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            out.push((module, fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// The module paths a source text names: `crate::x::y` and `super::y` (with `super` chains),
/// including those in `use` groups (`use crate::ir::{lower, names}` names both).
fn references(module: &Module, text: &str) -> BTreeSet<Module> {
    let mut found = BTreeSet::new();
    // The module `super` refers to: the parent, for `x/mod.rs` (module `x`) as for `x/y.rs`.
    let parent: Module = module[..module.len().saturating_sub(1)].to_vec();
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    for (start, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        let tail = &code[start..];
        let is_crate = tail.starts_with("crate::");
        let before = code[..start].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut base = if is_crate { Vec::new() } else { parent.clone() };
        // `crate::` and `super::` are both seven bytes long.
        let mut rest = &tail[7..];
        while let Some(more) = rest.strip_prefix("super::") {
            base.pop();
            rest = more;
        }
        let names = path_heads(rest);
        for name in names {
            let mut target = base.clone();
            target.extend(name);
            found.insert(target);
        }
    }
    found
}

/// The module paths at the head of `rest`: `a::b::Item` gives `[a, b, Item]`; a group
/// `{a, b::c}` gives each branch.
fn path_heads(rest: &str) -> Vec<Vec<String>> {
    if let Some(group) = rest.strip_prefix('{') {
        let end = group.find('}').unwrap_or(group.len());
        return group[..end]
            .split(',')
            .map(|part| segments(part.trim()))
            .collect();
    }
    if let Some(after) = rest.split("::{").nth(1).filter(|_| rest.contains("::{")) {
        let head = segments(rest.split("::{").next().unwrap());
        let end = after.find('}').unwrap_or(after.len());
        return after[..end]
            .split(',')
            .map(|part| {
                let mut full = head.clone();
                full.extend(segments(part.trim()));
                full
            })
            .collect();
    }
    vec![segments(rest)]
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .take_while(|s| !s.is_empty())
        .collect()
}

#[test]
fn sibling_modules_depend_on_each_other_one_way() {
    let all = modules();
    let known: BTreeSet<Module> = all.iter().map(|(m, _)| m.clone()).collect();
    // Edges between siblings: `from` and `to` share a parent and differ.
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &all {
        for target in references(module, text) {
            // The longest known module the path enters.
            let Some(entered) = (1..=target.len())
                .rev()
                .map(|n| target[..n].to_vec())
                .find(|m| known.contains(m))
            else {
                continue;
            };
            // Lift both to the level where they are siblings.
            let common = module
                .iter()
                .zip(&entered)
                .take_while(|(a, b)| a == b)
                .count();
            if common >= module.len() || common >= entered.len() {
                continue; // a parent and its descendant
            }
            let from = module[..=common].to_vec();
            let to = entered[..=common].to_vec();
            edges.entry(from).or_default().insert(to);
        }
    }
    let mut cycles = Vec::new();
    for start in edges.keys() {
        // Depth-first search for a path back to `start`.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    cycles.push(
                        path.iter()
                            .chain([start])
                            .map(|m| m.join("::"))
                            .collect::<Vec<_>>()
                            .join(" -> "),
                    );
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "sibling modules that use each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_reader_sees_the_edges_it_must() {
    let module: Module = vec!["emit".into(), "client".into()];
    let refs = references(
        &module,
        "use super::tokens::{ident, op_type};\nuse crate::ir::{CrateIr, OperationIr};\nuse crate::naming as names; // crate::nope\n",
    );
    assert!(refs.contains(&vec![
        "emit".to_owned(),
        "tokens".to_owned(),
        "ident".to_owned()
    ]));
    assert!(refs.contains(&vec!["ir".to_owned(), "CrateIr".to_owned()]));
    assert!(refs.contains(&vec!["naming".to_owned()]));
    assert!(!refs.iter().any(|r| r.contains(&"nope".to_owned())));
}

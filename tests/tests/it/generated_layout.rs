//! The layout of generated crates: no file grows with the product, and editing one operation
//! rewrites that operation's files and the lines that list it, nothing else.

use std::fs;
use std::path::{Path, PathBuf};

use crate::scratch::Repo;

/// The longest generated Rust file allowed: a file nobody reads is a file nobody reviews.
const MAX_LINES: usize = 3_000;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_checked_in_generated_rust_file_is_over_the_budget() {
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    let mut files = Vec::new();
    rust_files(&generated, &mut files);
    assert!(files.len() > 5_000, "only {} files", files.len());
    let over: Vec<(usize, &PathBuf)> = files
        .iter()
        .map(|path| (fs::read_to_string(path).unwrap().lines().count(), path))
        .filter(|(lines, _)| *lines > MAX_LINES)
        .collect();
    assert!(over.is_empty(), "over {MAX_LINES} lines: {over:?}");
}

#[test]
fn editing_one_operation_rewrites_its_files_and_no_other_operations() {
    let repo = Repo::new();
    let before = repo.generated();
    repo.edit(
        "spec/demo/2020-01-01/ListGadgets.yaml",
        "summary: Lists gadgets with a next token.",
        "summary: Lists every gadget, a page at a time.",
    );
    acs_codegen::codegen(repo.path(), false).unwrap();
    let after = repo.generated();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let changed: Vec<String> = after
        .iter()
        .filter(|(path, text)| before[*path] != **text)
        .map(|(path, _)| {
            path.strip_prefix(repo.path())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert!(
        changed.contains(&"generated/demo/src/operation/list_gadgets.rs".to_owned()),
        "{changed:?}"
    );
    for path in &changed {
        let of_the_operation = path.contains("list_gadgets") || path.contains("ListGadgets");
        // The command-line client embeds each operation's summary in its help.
        let cli = path.starts_with("generated/acs/");
        assert!(of_the_operation || cli, "{path} changed: {changed:?}");
    }
    assert!(
        !changed
            .iter()
            .any(|p| p.ends_with("client.rs") || p.contains("/types/")),
        "{changed:?}"
    );
}

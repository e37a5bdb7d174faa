//! Snapshot of everything generated from the fixture spec in `tests/fixtures`: an RPC product
//! (`demo`) and a REST one (`restdemo`).
//!
//! The snapshots under `tests/snapshots` are reviewed by hand before they are accepted, and
//! they are workspace members, so the generated code is also compiled, linted and doc-tested.
//! Run with `UPDATE_EXPECT=1` to rewrite it after a deliberate change, then review the diff.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    out
}

#[test]
fn generated_code_matches_the_reviewed_snapshot() {
    let root = manifest_dir();
    let files =
        acs_codegen::generate(&root.join("tests/fixtures")).expect("the fixture spec is valid");
    let snapshots = root.join("tests/snapshots");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut produced = BTreeSet::new();
    let mut stale = Vec::new();
    for file in files.iter().filter(|f| {
        f.path.starts_with("generated/demo") || f.path.starts_with("generated/restdemo")
    }) {
        let relative = file.path.strip_prefix("generated").unwrap().to_owned();
        let path = snapshots.join(&relative);
        produced.insert(relative.clone());
        if fs::read_to_string(&path).ok().as_deref() != Some(file.contents.as_str()) {
            if update {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, &file.contents).unwrap();
            } else {
                stale.push(relative);
            }
        }
    }
    let extra: Vec<_> = files_under(&snapshots)
        .difference(&produced)
        .cloned()
        .collect();
    assert!(
        extra.is_empty(),
        "snapshot files no longer generated: {extra:?}"
    );
    assert!(
        stale.is_empty(),
        "generated code differs from the snapshot in {stale:?}; rerun with UPDATE_EXPECT=1 and review the diff"
    );
}

#[test]
fn the_fixture_exercises_every_shape() {
    let files = acs_codegen::generate(&manifest_dir().join("tests/fixtures")).unwrap();
    // The operations' modules and the shared types they use.
    let contents: String = files
        .iter()
        .filter(|f| {
            f.path.ends_with("src/operation/create_widget.rs")
                || f.path.ends_with("src/operation/describe_widget.rs")
                || f.path
                    .parent()
                    .is_some_and(|dir| dir.ends_with("src/types"))
        })
        .map(|f| f.contents.as_str())
        .collect();
    for needle in [
        "location = \"form\"",
        "Binding::rpc(::acs_runtime::wire::Method::Get)",
        "Binding::rpc(::acs_runtime::wire::Method::Post)",
        "style = \"json\"",
        "style = \"simple\"",
        "pub r#type: Option<crate::types::Type>",
        "BTreeMap<String, String>",
        "\"^[a-z][a-z0-9-]*$\"",
        "name: \"ClientToken\",\n        location: ::acs_runtime::wire::Location::Query,",
        "::serde::Serialize",
    ] {
        assert!(
            contents.contains(needle),
            "missing `{needle}` in the generated module or types"
        );
    }
}

#[test]
fn the_rest_fixture_exercises_every_location_and_kind() {
    let files = acs_codegen::generate(&manifest_dir().join("tests/fixtures")).unwrap();
    let contents: String = files
        .iter()
        .filter(|f| f.path.starts_with("generated/restdemo/src"))
        .map(|f| f.contents.as_str())
        .collect();
    for needle in [
        "location = \"path\"",
        "location = \"header\"",
        "location = \"body\"",
        "location = \"form\"",
        "body = \"json\"",
        "body = \"text\"",
        "body = \"binary\"",
        "\"/clusters/{ClusterId}/nodepools/{NodepoolId}\"",
        "::acs_runtime::wire::Method::Put",
        "::acs_runtime::wire::Method::Delete",
        "::acs_runtime::wire::BodyKind::Fields",
        "::acs_runtime::wire::AnswerKind::Array",
        "::acs_runtime::wire::AnswerKind::Text",
        "::acs_runtime::wire::AnswerKind::Binary",
        "::acs_runtime::wire::AnswerKind::None",
        "pub struct CreateAppRequest",
        "\"createApp\"",
        // Idempotency tokens where the client fills them: a form field, a JSON member, a header.
        "location: ::acs_runtime::wire::Location::Form,",
        "location: ::acs_runtime::wire::Location::Body,",
        "location: ::acs_runtime::wire::Location::Header,",
    ] {
        assert!(
            contents.contains(needle),
            "missing `{needle}` in the generated REST crate"
        );
    }
}

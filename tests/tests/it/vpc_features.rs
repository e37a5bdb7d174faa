//! Pay for what you use: acs-vpc has one cargo feature per resource family of the metadata's
//! table of contents, all on by default, and builds warning-free with any one of them alone
//! or with none.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The operations under each top-level directory of the Vpc metadata, at any depth.
fn families_of_the_metadata() -> BTreeMap<String, BTreeSet<String>> {
    let path = repo().join("tests/data/metadata/vpc-2016-04-28.api-docs.json");
    let docs: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    fn walk(node: &Value, into: &mut BTreeSet<String>) {
        for child in node["children"].as_array().into_iter().flatten() {
            match child {
                Value::String(op) => {
                    into.insert(op.clone());
                }
                _ => walk(child, into),
            }
        }
    }
    let mut families = BTreeMap::new();
    for directory in docs["directories"].as_array().unwrap() {
        let mut operations = BTreeSet::new();
        walk(directory, &mut operations);
        families.insert(directory["title"].as_str().unwrap().to_owned(), operations);
    }
    families
}

/// The feature each generated operation module says it needs, by operation name.
fn feature_of_each_operation() -> BTreeMap<String, String> {
    let dir = repo().join("generated/vpc/src/operation");
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // an operation's error enum
        }
        let text = fs::read_to_string(path).unwrap();
        let Some(action) = text
            .lines()
            .find_map(|l| l.strip_prefix("//! `"))
            .and_then(|l| l.split('`').next())
        else {
            continue; // mod.rs
        };
        let feature = text
            .lines()
            .find_map(|l| l.strip_prefix("//! Needs the cargo feature `"))
            .and_then(|l| l.split('`').next())
            .unwrap_or_else(|| panic!("{action} names no feature"));
        found.insert(action.to_owned(), feature.to_owned());
    }
    found
}

#[test]
fn each_family_of_the_metadata_is_one_feature_and_all_are_default() {
    let families = families_of_the_metadata();
    let features = feature_of_each_operation();
    assert_eq!(features.len(), 394);
    let mut seen = BTreeSet::new();
    for (title, operations) in &families {
        let of_family: BTreeSet<&String> = operations.iter().map(|op| &features[op]).collect();
        assert_eq!(of_family.len(), 1, "{title}: {of_family:?}");
        let feature = of_family.into_iter().next().unwrap();
        assert!(seen.insert(feature.clone()), "{title} shares `{feature}`");
    }
    assert_eq!(seen.len(), families.len());

    let manifest: toml::Table = fs::read_to_string(repo().join("generated/vpc/Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let declared = manifest["features"].as_table().unwrap();
    let default: BTreeSet<String> = declared["default"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(default, seen, "every family, on by default");
    for feature in &seen {
        assert_eq!(
            declared[feature].as_array().map(Vec::len),
            Some(0),
            "{feature}"
        );
    }
    assert!(
        declared.len() <= 300,
        "crates.io takes at most 300 features"
    );
}

#[test]
fn one_family_alone_and_no_family_build_warning_free() {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo().join("target"));
    for features in [&["--features", "vpn-gateway"][..], &[][..]] {
        let output = Command::new(env!("CARGO"))
            .current_dir(repo())
            .env("CARGO_TARGET_DIR", &target)
            .args(["check", "-p", "acs-vpc", "--no-default-features"])
            .args(["--message-format=short"])
            .args(features)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{features:?}:\n{stderr}");
        let warnings: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(": warning:"))
            .collect();
        assert!(warnings.is_empty(), "{features:?}:\n{stderr}");
    }
}

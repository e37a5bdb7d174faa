//! `cargo xtask api-diff`: the public API of each generated crate on disk against the one the
//! spec generates now; fails when items are gone and the crate version does not say so.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use acs_codegen::changelog::{Bump, api};
use acs_codegen::output::OutputFile;

/// The public items of every crate, by crate folder under `generated/`.
type Apis = BTreeMap<String, BTreeSet<String>>;

/// Compares, prints the differences, and fails on an unannounced breaking change.
pub fn run(repo: &Path) -> Result<(), String> {
    let generated = acs_codegen::generate(repo).map_err(|d| d.to_string())?;
    let prefix = format!("{}/", acs_codegen::GENERATED_DIR);
    let new = apis(generated.iter().filter_map(|f| {
        let relative = f.path.to_str()?.strip_prefix(&prefix)?;
        Some((relative.to_owned(), f.contents.clone()))
    }))?;
    let mut old_files = Vec::new();
    for file in &generated {
        let path = repo.join(&file.path);
        if let Ok(text) = fs::read_to_string(&path) {
            let relative = file.path.to_string_lossy();
            if let Some(relative) = relative.strip_prefix(&prefix) {
                old_files.push((relative.to_owned(), text));
            }
        }
    }
    let old = apis(old_files.into_iter())?;
    let mut unannounced = Vec::new();
    for (krate, items) in &new {
        let before = old.get(krate).cloned().unwrap_or_default();
        let gone: Vec<&String> = before.difference(items).collect();
        let added = items.difference(&before).count();
        let versions = (
            version(&generated_manifest(repo, krate)),
            version(&manifest_of(&generated, krate)),
        );
        println!(
            "{krate}: {} item(s) gone, {added} new; version {} -> {}",
            gone.len(),
            versions.0.as_deref().unwrap_or("none"),
            versions.1.as_deref().unwrap_or("none"),
        );
        for item in &gone {
            println!("  gone: {item}");
        }
        if !gone.is_empty() && !announced(&versions) {
            unannounced.push(krate.as_str());
        }
    }
    match unannounced.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "public items gone without a breaking version bump: {}",
            unannounced.join(", ")
        )),
    }
}

/// The public items of the `.rs` files given as (path under `generated/`, text).
fn apis(files: impl Iterator<Item = (String, String)>) -> Result<Apis, String> {
    let mut out = Apis::new();
    for (relative, text) in files.filter(|(p, _)| p.ends_with(".rs")) {
        let Some((krate, inside)) = relative.split_once('/') else {
            continue;
        };
        let items = api::public_items(&api::module_of(inside), &text)
            .map_err(|e| format!("{relative}: {e}"))?;
        out.entry(krate.to_owned()).or_default().extend(items);
    }
    Ok(out)
}

/// Whether the version moved by at least a breaking bump.
fn announced(versions: &(Option<String>, Option<String>)) -> bool {
    let parse = |v: &Option<String>| v.as_deref().and_then(|v| semver::Version::parse(v).ok());
    match (parse(&versions.0), parse(&versions.1)) {
        (Some(before), Some(after)) => after >= Bump::Major.apply(&before),
        _ => true,
    }
}

fn generated_manifest(repo: &Path, krate: &str) -> String {
    fs::read_to_string(
        repo.join(acs_codegen::GENERATED_DIR)
            .join(krate)
            .join("Cargo.toml"),
    )
    .unwrap_or_default()
}

fn manifest_of(files: &[OutputFile], krate: &str) -> String {
    let path = Path::new(acs_codegen::GENERATED_DIR)
        .join(krate)
        .join("Cargo.toml");
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.clone())
        .unwrap_or_default()
}

/// The `version = "..."` of a manifest's package.
fn version(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .map(|v| v.trim_end_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(before: &str, after: &str) -> (Option<String>, Option<String>) {
        (Some(before.to_owned()), Some(after.to_owned()))
    }

    #[test]
    fn a_breaking_change_needs_a_breaking_bump() {
        assert!(!announced(&pair("0.1.0", "0.1.0")));
        assert!(!announced(&pair("0.1.0", "0.1.1")));
        assert!(announced(&pair("0.1.0", "0.2.0")));
        assert!(!announced(&pair("1.2.0", "1.3.0")));
        assert!(announced(&pair("1.2.0", "2.0.0")));
    }

    #[test]
    fn the_package_version_is_read_from_the_manifest() {
        let manifest = "# header\n\n[package]\nname = \"acs-vpc\"\nversion = \"0.3.1\"\n";
        assert_eq!(version(manifest).as_deref(), Some("0.3.1"));
    }
}

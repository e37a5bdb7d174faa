//! `cargo xtask package [--no-verify]`: package every published crate as crates.io would
//! receive it (offline, the unpublished ones resolved from each other), build each packaged
//! crate on its own unless told not to, and report each `.crate` size against the limit.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// crates.io refuses a `.crate` file larger than this.
pub const CRATES_IO_LIMIT: u64 = 10 * 1024 * 1024;

/// A crate to publish.
struct Published {
    name: String,
    version: String,
}

/// Packages every published crate of the workspace at `repo`; with `verify`, cargo also
/// builds each packaged crate from its `.crate` alone.
pub fn run(repo: &Path, verify: bool) -> Result<(), String> {
    let metadata = metadata(repo)?;
    let crates = published(&metadata, repo)?;
    let mut command = Command::new(env!("CARGO"));
    command
        .current_dir(repo)
        .args(["package", "--offline", "--allow-dirty", "--locked"]);
    if !verify {
        command.arg("--no-verify");
    }
    for c in &crates {
        command.args(["-p", &c.name]);
    }
    let status = command
        .status()
        .map_err(|e| format!("cannot run cargo package: {e}"))?;
    if !status.success() {
        return Err(format!("cargo package failed ({status})"));
    }
    let target = metadata["target_directory"]
        .as_str()
        .ok_or("cargo metadata names no target directory")?;
    report(&Path::new(target).join("package"), &crates)
}

/// Prints the size of each `.crate`; fails naming those over the limit.
fn report(dir: &Path, crates: &[Published]) -> Result<(), String> {
    let mut too_big = Vec::new();
    for c in crates {
        let file = dir.join(format!("{}-{}.crate", c.name, c.version));
        let bytes = std::fs::metadata(&file)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .len();
        println!(
            "{:<16} {:<8} {:>10} bytes ({:.2} MiB of the {} MiB limit)",
            c.name,
            c.version,
            bytes,
            bytes as f64 / (1024.0 * 1024.0),
            CRATES_IO_LIMIT / (1024 * 1024)
        );
        if bytes > CRATES_IO_LIMIT {
            too_big.push(c.name.as_str());
        }
    }
    match too_big.is_empty() {
        true => Ok(()),
        false => Err(format!("over the crates.io limit: {}", too_big.join(", "))),
    }
}

/// `cargo metadata` of the workspace, without dependencies.
fn metadata(repo: &Path) -> Result<Value, String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(repo)
        .args([
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
        ])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata: {e}"))
}

/// The members that may be published (no `publish = false`), but test fixtures (crates in a
/// `tests` folder).
fn published(metadata: &Value, repo: &Path) -> Result<Vec<Published>, String> {
    let packages = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata lists no packages")?;
    let mut out = Vec::new();
    for p in packages {
        let manifest = PathBuf::from(p["manifest_path"].as_str().unwrap_or_default());
        let relative = manifest.strip_prefix(repo).unwrap_or(&manifest);
        let fixture = relative
            .components()
            .any(|c| c == Component::Normal("tests".as_ref()));
        let forbidden = p["publish"].as_array().is_some_and(Vec::is_empty);
        if fixture || forbidden {
            continue;
        }
        let field = |key: &str| {
            p[key]
                .as_str()
                .map(str::to_owned)
                .ok_or(format!("{}: no {key}", manifest.display()))
        };
        out.push(Published {
            name: field("name")?,
            version: field("version")?,
        });
    }
    Ok(out)
}

//! `cargo xtask codegen [--check]`: generate, or verify that generated files are current.

use std::path::Path;

/// Generates into the repository at `repo`; with `check`, writes nothing and fails on drift.
pub fn run(repo: &Path, check: bool) -> Result<(), String> {
    let summary = acs_codegen::codegen(repo, check).map_err(|e| e.to_string())?;
    println!("{summary}");
    Ok(())
}

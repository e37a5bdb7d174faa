//! `cargo xtask import <api-docs.json> [--check]`: write the spec of a product from Alibaba's
//! published metadata, or report what upstream changed.

use std::fs;
use std::path::Path;

use acs_codegen::import::{self, files};

/// Imports `file` into the repository at `repo`; with `check`, writes nothing and fails when
/// the import would change anything. `verbose` lists every finding, not the first few per kind.
pub fn run(repo: &Path, file: &Path, check: bool, verbose: bool) -> Result<(), String> {
    let json = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = import::import(&json).map_err(|e| format!("{}: {e}", file.display()))?;
    let plan = files::plan(repo, &imported, &source).map_err(|e| e.to_string())?;
    let dir = files::version_dir(&imported.product);
    println!(
        "{} {}: {} operations from {source} into {}",
        imported.product.product,
        imported.product.version,
        imported.operations.len(),
        dir.display()
    );
    print!("{}", imported.report.summary(verbose));
    let unrepresented = imported.report.unrepresented().count();
    println!("{unrepresented} fact(s) not represented");
    if check && !plan.problems.is_empty() {
        return Err(format!(
            "the merged spec (base files and overlays) does not pass the checks:\n{}",
            plan.problems
        ));
    }
    if let Some(release) = &plan.release {
        println!(
            "crate version {} -> {} ({} change(s) for users of the crate; CHANGELOG.md)",
            release.from,
            release.to,
            release.changes.len()
        );
    }
    if check {
        if plan.is_clean() {
            println!("the spec is current: upstream changed nothing");
        } else {
            return Err(format!(
                "upstream changed; run `cargo xtask import {}`:\n{}",
                file.display(),
                plan.changes().trim_end()
            ));
        }
    } else {
        files::apply(repo, &plan).map_err(|e| e.to_string())?;
        print!("{}", plan.changes());
        println!(
            "{} written, {} deleted, {} unchanged",
            plan.plan.write.len(),
            plan.plan.delete.len(),
            plan.files.len() - plan.plan.write.len()
        );
    }
    Ok(())
}

//! `cargo xtask codegen [--check]`: generate, or verify that generated files are current.

use std::path::Path;

use acs_codegen::output::{self, Plan};

/// Generates into the repository at `repo`; with `check`, writes nothing and fails on drift.
pub fn run(repo: &Path, check: bool) -> Result<(), String> {
    let files = acs_codegen::generate(repo).map_err(|d| d.to_string())?;
    let owned = [Path::new(acs_codegen::GENERATED_DIR)];
    let plan = output::plan(repo, &files, &owned).map_err(|e| e.to_string())?;
    if check {
        return if plan.is_clean() { Ok(()) } else { Err(stale_report(&plan)) };
    }
    output::apply(repo, &files, &plan).map_err(|e| e.to_string())?;
    println!(
        "{} files generated: {} written, {} deleted, {} unchanged",
        files.len(),
        plan.write.len(),
        plan.delete.len(),
        files.len() - plan.write.len()
    );
    Ok(())
}

fn stale_report(plan: &Plan) -> String {
    let mut report = String::from("generated files are out of date; run `cargo xtask codegen`:\n");
    for path in &plan.write {
        report.push_str(&format!("  stale: {}\n", path.display()));
    }
    for path in &plan.delete {
        report.push_str(&format!("  no longer generated: {}\n", path.display()));
    }
    for path in &plan.hand_written {
        report.push_str(&format!("  in the way (no generated header, never overwritten): {}\n", path.display()));
    }
    report.trim_end().to_owned()
}

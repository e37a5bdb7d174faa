//! A product's `CHANGELOG.md`: one section per version, newest first, its changes grouped by
//! what they mean to a user.

use semver::Version;

use super::diff::Change;
use super::version::Bump;

/// The first line of every changelog; entries follow it, newest first.
pub const TITLE: &str = "# Changelog\n";

/// The changelog of a crate that has had no change yet.
pub fn first(version: &Version) -> String {
    format!("{TITLE}\n## {version}\n\nFirst release.\n")
}

/// The changelog `existing` (or a new one) with the entry of `version` on top.
pub fn prepend(existing: Option<&str>, version: &Version, changes: &[Change]) -> String {
    let older = existing
        .map(|text| text.strip_prefix(TITLE).unwrap_or(text))
        .unwrap_or_default()
        .trim_start();
    let mut out = format!("{TITLE}\n{}", entry(version, changes));
    if !older.is_empty() {
        out.push('\n');
        out.push_str(older);
    }
    out
}

/// One version's section: breaking changes, then additions, then the rest.
pub fn entry(version: &Version, changes: &[Change]) -> String {
    let mut out = format!("## {version}\n");
    for (bump, heading) in [
        (Bump::Major, "Breaking"),
        (Bump::Minor, "Added"),
        (Bump::Patch, "Other"),
    ] {
        let lines: Vec<&Change> = changes.iter().filter(|c| c.bump == bump).collect();
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {heading}\n\n"));
        for change in lines {
            out.push_str(&format!("- {}\n", change.text));
        }
    }
    if changes.is_empty() {
        out.push_str("\nDocumentation only: no change to the generated API.\n");
    }
    out
}

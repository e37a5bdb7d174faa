//! `cargo xtask package --no-verify`: every published crate packages offline, its versioned
//! dependencies on unpublished crates resolved, and reports a size under the crates.io limit.

use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository root")
}

#[test]
fn every_published_crate_packages_under_the_size_limit() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["package", "--no-verify"])
        .current_dir(repo())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let packaged: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    for name in [
        "acs-rules",
        "acs-rpc-derive",
        "acs-runtime",
        "acs-cli",
        "acs-vpc",
        "acs-vpcpeer",
        "acs",
    ] {
        assert!(packaged.contains(&name), "{name} not packaged:\n{stdout}");
    }
    for fixture in [
        "acs-tests",
        "acs-codegen",
        "xtask",
        "acs-demo",
        "acs-hostile",
    ] {
        assert!(
            !packaged.contains(&fixture),
            "{fixture} packaged:\n{stdout}"
        );
    }
    assert!(
        stdout.lines().all(|l| l.contains("of the 10 MiB limit")),
        "{stdout}"
    );
}

#[test]
fn every_published_crate_ships_its_readme() {
    for dir in [
        "codegen/rules",
        "codegen/derive",
        "codegen/runtime",
        "codegen/cli",
        "generated/vpc",
        "generated/acs",
    ] {
        let output = Command::new(env!("CARGO"))
            .args(["package", "--list", "--offline", "--allow-dirty"])
            .current_dir(repo().join(dir))
            .output()
            .unwrap();
        let listing = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{dir}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            listing.lines().any(|l| l == "README.md"),
            "{dir}:\n{listing}"
        );
    }
}

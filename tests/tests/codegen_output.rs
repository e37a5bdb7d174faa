//! Writing generated files never loses hand-written code, and `--check` sees every drift.

mod scratch;

use std::fs;

use scratch::Repo;

const MODULE: &str = "generated/demo/src/operation/create_widget.rs";

#[test]
fn output_is_deterministic_and_rerunning_changes_nothing() {
    let repo = Repo::new();
    let before = repo.generated();
    let summary = acs_codegen::codegen(repo.path(), false).unwrap();
    assert!(summary.contains(" 0 written, 0 deleted"), "{summary}");
    assert_eq!(before, repo.generated());
    assert!(acs_codegen::codegen(repo.path(), true).is_ok());
}

#[test]
fn check_names_each_stale_file_and_writes_nothing() {
    let repo = Repo::new();
    let path = repo.path().join(MODULE);
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("Creates a widget", "Creates a gadget");
    fs::write(&path, &edited).unwrap();
    fs::remove_file(repo.path().join("generated/demo/docs/CreateWidget.md")).unwrap();
    let report = acs_codegen::codegen(repo.path(), true).unwrap_err();
    assert!(report.contains(&format!("stale: {MODULE}")), "{report}");
    assert!(
        report.contains("stale: generated/demo/docs/CreateWidget.md"),
        "{report}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        edited,
        "--check wrote a file"
    );
}

#[test]
fn a_file_without_the_header_is_never_overwritten() {
    let repo = Repo::new();
    let path = repo.path().join(MODULE);
    fs::write(&path, "// my own code\npub fn mine() {}\n").unwrap();
    let other = repo.path().join("generated/demo/docs/CreateWidget.md");
    fs::remove_file(&other).unwrap();
    let report = acs_codegen::codegen(repo.path(), false).unwrap_err();
    assert!(
        report.contains(MODULE) && report.contains("not overwritten"),
        "{report}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "// my own code\npub fn mine() {}\n"
    );
    assert!(!other.exists(), "a refused run must write nothing at all");
}

#[test]
fn files_of_a_removed_operation_are_deleted_and_hand_written_extras_kept() {
    let repo = Repo::new();
    let extra = repo.path().join("generated/demo/examples/mine.rs");
    fs::create_dir_all(extra.parent().unwrap()).unwrap();
    fs::write(&extra, "fn main() {}\n").unwrap();
    repo.edit(
        "spec/demo/2020-01-01/CreateWidget.yaml",
        "  poll: DescribeWidget\n",
        "  poll: CreateWidget\n",
    );
    fs::remove_file(repo.path().join("spec/demo/2020-01-01/DescribeWidget.yaml")).unwrap();
    let summary = acs_codegen::codegen(repo.path(), false).unwrap();
    assert!(summary.contains("2 deleted"), "{summary}");
    assert!(
        !repo
            .path()
            .join("generated/demo/src/describe_widget.rs")
            .exists()
    );
    assert!(
        !repo
            .path()
            .join("generated/demo/docs/DescribeWidget.md")
            .exists()
    );
    assert!(extra.exists(), "a hand-written file was deleted");
    let leftovers: Vec<_> = repo
        .generated()
        .into_keys()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

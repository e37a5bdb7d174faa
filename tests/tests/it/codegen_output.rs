//! Writing generated files never loses hand-written code, and `--check` sees every drift.

use crate::scratch;

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
    let error = acs_codegen::codegen(repo.path(), true).unwrap_err();
    let acs_codegen::CodegenError::Stale(plan) = &error else {
        panic!("{error:?}");
    };
    assert!(plan.write.iter().any(|p| p.ends_with(MODULE)), "{plan:?}");
    let report = error.to_string();
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
    let error = acs_codegen::codegen(repo.path(), false).unwrap_err();
    assert!(
        matches!(
            &error,
            acs_codegen::CodegenError::Sync(acs_codegen::output::SyncError::HandWritten(paths))
                if paths.iter().any(|p| p.ends_with(MODULE))
        ),
        "{error:?}"
    );
    let report = error.to_string();
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
        "  poll: DescribeWidget\n  waiter: WidgetReady\n",
        "  poll: CreateWidget\n",
    );
    fs::remove_file(repo.path().join("spec/demo/2020-01-01/DescribeWidget.yaml")).unwrap();
    let summary = acs_codegen::codegen(repo.path(), false).unwrap();
    // Its module, its error enum, its page and the type only it used.
    assert!(summary.contains("4 deleted"), "{summary}");
    for gone in [
        "generated/demo/src/operation/describe_widget.rs",
        "generated/demo/src/operation/describe_widget",
        "generated/demo/src/types/describe_widget_status.rs",
    ] {
        assert!(!repo.path().join(gone).exists(), "{gone} is left");
    }
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

#[test]
fn a_symlink_loop_in_the_tree_is_neither_followed_nor_deleted() {
    let repo = Repo::new();
    let link = repo.path().join("generated/demo/loop");
    std::os::unix::fs::symlink("..", &link).unwrap();
    let spec_before = fs::read_dir(repo.path().join("spec/demo/2020-01-01"))
        .unwrap()
        .count();
    let summary = acs_codegen::codegen(repo.path(), false).unwrap();
    assert!(summary.contains(" 0 deleted"), "{summary}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(repo.path().join(MODULE).exists());
    let spec_after = fs::read_dir(repo.path().join("spec/demo/2020-01-01"))
        .unwrap()
        .count();
    assert_eq!(spec_before, spec_after);
}

#[test]
fn a_file_quoting_the_marker_is_not_generated_and_survives() {
    let repo = Repo::new();
    let mine = repo.path().join("generated/demo/src/mine.rs");
    let text = format!(
        "// mine; see {}\npub fn mine() {{}}\n",
        acs_codegen::output::MARKER
    );
    fs::write(&mine, &text).unwrap();
    let summary = acs_codegen::codegen(repo.path(), false).unwrap();
    assert!(summary.contains(" 0 deleted"), "{summary}");
    assert_eq!(fs::read_to_string(&mine).unwrap(), text);
}

#[test]
fn a_symlink_where_a_file_goes_is_refused_and_its_target_kept() {
    let repo = Repo::new();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "outside\n").unwrap();
    let path = repo.path().join(MODULE);
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(outside.path(), &path).unwrap();
    let report = acs_codegen::codegen(repo.path(), false)
        .unwrap_err()
        .to_string();
    assert!(report.contains(MODULE), "{report}");
    assert_eq!(fs::read_to_string(outside.path()).unwrap(), "outside\n");
    let generated_dir = repo.path().join("generated/demo");
    fs::remove_dir_all(&generated_dir).unwrap();
    std::os::unix::fs::symlink(outside.path().parent().unwrap(), &generated_dir).unwrap();
    let report = acs_codegen::codegen(repo.path(), false)
        .unwrap_err()
        .to_string();
    assert!(report.contains("generated/demo/Cargo.toml"), "{report}");
}

#[test]
fn a_symlink_planted_at_the_staging_name_is_neither_followed_nor_removed() {
    let repo = Repo::new();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "outside\n").unwrap();
    let path = repo.path().join(MODULE);
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("Creates a widget", "Creates a gadget");
    fs::write(&path, edited).unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    let staging = path.with_file_name(format!(".{name}.{}.new", std::process::id()));
    std::os::unix::fs::symlink(outside.path(), &staging).unwrap();
    acs_codegen::codegen(repo.path(), false).unwrap();
    assert!(
        fs::read_to_string(outside.path()).unwrap() == "outside\n",
        "the staging write followed the link out of the tree"
    );
    assert!(fs::symlink_metadata(&staging).unwrap().is_symlink());
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.contains("Creates a widget"), "{written}");
    assert!(!fs::symlink_metadata(&path).unwrap().is_symlink());
}

#[test]
fn an_io_error_mid_run_leaves_the_tree_as_it_was() {
    use acs_codegen::output::{self, OutputFile};
    let repo = Repo::new();
    let before = repo.generated();
    // A name the file system takes, but not with the staging prefix and suffix.
    let long = format!("generated/demo/src/{}.rs", "x".repeat(248));
    let header = output::header(output::Comment::Slash, "test");
    let files = vec![
        OutputFile::new("generated/demo/new/a.rs", format!("{header}a")),
        OutputFile::new(MODULE, format!("{header}changed")),
        OutputFile::new(long, format!("{header}too long a name")),
    ];
    let owned = [std::path::Path::new("generated")];
    let plan = output::plan(repo.path(), &files, &owned).unwrap();
    assert!(!plan.delete.is_empty(), "the plan also deletes files");
    let err = output::apply(repo.path(), &files, &plan).unwrap_err();
    assert!(err.to_string().contains("xxxx"), "{err}");
    assert_eq!(before, repo.generated(), "a failed run changed the tree");
    assert!(!repo.path().join("generated/demo/new").exists());
}

#[test]
fn a_failure_after_files_were_swapped_in_puts_them_back() {
    use acs_codegen::output::{self, OutputFile};
    let repo = Repo::new();
    let header = output::header(output::Comment::Slash, "test");
    let files = vec![
        OutputFile::new("generated/demo/new/a.rs", format!("{header}a")),
        OutputFile::new(MODULE, format!("{header}changed")),
    ];
    let owned = [std::path::Path::new("generated")];
    let plan = output::plan(repo.path(), &files, &owned).unwrap();
    // A file to delete vanishes between planning and applying: the last step fails.
    let last = plan.delete.last().unwrap().clone();
    fs::remove_file(repo.path().join(&last)).unwrap();
    let before = repo.generated();
    let err = output::apply(repo.path(), &files, &plan).unwrap_err();
    assert!(
        err.to_string().contains(&last.display().to_string()),
        "{err}"
    );
    assert_eq!(before, repo.generated(), "a failed run changed the tree");
    assert!(!repo.path().join("generated/demo/new").exists());
}

/// A product whose spec folder is removed leaves nothing generated behind: not its crate's
/// README or changelog, not its command data, and no folder that the workspace would take for
/// a member without a manifest.
#[test]
fn a_removed_product_leaves_nothing_behind() {
    let repo = Repo::new();
    let before = repo.generated();
    let other = repo.path().join("spec/other/2020-01-01");
    fs::create_dir_all(&other).unwrap();
    for entry in fs::read_dir(repo.path().join("spec/demo/2020-01-01")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), other.join(entry.file_name())).unwrap();
    }
    repo.edit(
        "spec/other/2020-01-01/product.yaml",
        "product: Demo",
        "product: Other",
    );
    acs_codegen::codegen(repo.path(), false).unwrap();
    for added in [
        "generated/other/Cargo.toml",
        "generated/other/README.md",
        "generated/other/CHANGELOG.md",
        "generated/acs/data/other.json",
    ] {
        assert!(repo.path().join(added).is_file(), "{added} is generated");
    }
    fs::remove_dir_all(repo.path().join("spec/other")).unwrap();
    acs_codegen::codegen(repo.path(), false).unwrap();
    let left: Vec<_> = walkdir(&repo.path().join("generated/other"));
    assert!(
        !repo.path().join("generated/other").exists(),
        "the removed product's folder is gone, yet holds {left:?}"
    );
    assert_eq!(repo.generated(), before);
}

/// Every path under `dir`, folders included; none when it does not exist.
fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path);
        }
    }
    out
}

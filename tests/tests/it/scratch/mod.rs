//! A scratch repository for codegen tests: the generator's fixture spec, already generated.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A scratch repository holding the generator's fixture spec, already generated.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../codegen/generator/tests/fixtures/spec");
        copy_dir(&fixture, &dir.path().join("spec"));
        acs_codegen::codegen(dir.path(), false).expect("the fixture generates");
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces `from` (which must occur) with `to` in a spec file.
    pub fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} not in {file}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Every file under `generated/` with its contents.
    pub fn generated(&self) -> BTreeMap<PathBuf, String> {
        let mut out = BTreeMap::new();
        let mut stack = vec![self.path().join("generated")];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.insert(path.clone(), fs::read_to_string(&path).unwrap());
                }
            }
        }
        out
    }

    /// Runs codegen, expecting failure; checks that nothing under `generated/` changed.
    pub fn fails(&self) -> String {
        let before = self.generated();
        let report = acs_codegen::codegen(self.path(), false)
            .expect_err("a broken spec must fail")
            .to_string();
        assert_eq!(
            before,
            self.generated(),
            "generated/ changed although the spec is broken"
        );
        assert!(report.contains("nothing was written"), "{report}");
        report
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

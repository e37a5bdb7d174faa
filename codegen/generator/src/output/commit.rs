//! Applying a plan as one transaction: every new file is staged beside its target first, then
//! each target is swapped in by rename with the old file kept aside, so that an error at any
//! step puts the tree back as it was.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::tree::linked;
use super::{OutputFile, Plan, SyncError};

/// Applies a plan: writes and deletes everything it lists, or (on any error) nothing.
/// Refuses, writing nothing, if files are in the way.
pub fn apply(root: &Path, files: &[OutputFile], plan: &Plan) -> Result<(), SyncError> {
    if !plan.hand_written.is_empty() {
        return Err(SyncError::HandWritten(plan.hand_written.clone()));
    }
    let mut tx = Transaction {
        root,
        created: Vec::new(),
        staged: Vec::new(),
        journal: Vec::new(),
    };
    match tx.run(files, plan) {
        Ok(()) => {
            tx.finish(plan);
            Ok(())
        }
        Err(err) => {
            tx.roll_back();
            Err(err)
        }
    }
}

/// One step done in the tree, undone on rollback.
enum Step {
    /// A new file is at `target`; the old one (if any) is at `backup`.
    Installed {
        target: PathBuf,
        backup: Option<PathBuf>,
    },
    /// The file at `target` was moved to `backup`.
    Removed { target: PathBuf, backup: PathBuf },
}

struct Transaction<'a> {
    root: &'a Path,
    /// Folders created, in creation order.
    created: Vec<PathBuf>,
    /// Staged new contents and their targets.
    staged: Vec<(PathBuf, PathBuf)>,
    journal: Vec<Step>,
}

impl Transaction<'_> {
    fn run(&mut self, files: &[OutputFile], plan: &Plan) -> Result<(), SyncError> {
        for file in files.iter().filter(|f| plan.write.contains(&f.path)) {
            self.stage(file)?;
        }
        while let Some((temp, target)) = self.staged.pop() {
            let backup = self.set_aside(&target)?;
            if let Err(err) = fs::rename(&temp, &target) {
                if let Some(backup) = backup {
                    let _ = fs::rename(backup, &target);
                }
                self.staged.push((temp, target.clone()));
                return Err(SyncError::Io(target, err));
            }
            self.journal.push(Step::Installed { target, backup });
        }
        for path in &plan.delete {
            let target = self.root.join(path);
            let backup = sibling(&target, "old");
            fs::rename(&target, &backup).map_err(|e| SyncError::Io(target.clone(), e))?;
            self.journal.push(Step::Removed { target, backup });
        }
        Ok(())
    }

    /// Writes `file` beside its target, creating (and remembering) missing folders.
    fn stage(&mut self, file: &OutputFile) -> Result<(), SyncError> {
        if linked(self.root, &file.path)? {
            return Err(SyncError::HandWritten(vec![file.path.clone()]));
        }
        let target = self.root.join(&file.path);
        let mut dir = self.root.to_owned();
        for component in file.path.parent().into_iter().flat_map(Path::components) {
            dir.push(component);
            match fs::create_dir(&dir) {
                Ok(()) => self.created.push(dir.clone()),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
                Err(err) => return Err(SyncError::Io(dir, err)),
            }
        }
        let (temp, mut staging) = create_new(&target)?;
        self.staged.push((temp.clone(), target));
        staging
            .write_all(file.contents.as_bytes())
            .map_err(|e| SyncError::Io(temp, e))
    }

    /// Moves an existing target aside, returning where it went.
    fn set_aside(&self, target: &Path) -> Result<Option<PathBuf>, SyncError> {
        match fs::symlink_metadata(target) {
            Ok(_) => {
                let backup = sibling(target, "old");
                fs::rename(target, &backup).map_err(|e| SyncError::Io(target.to_owned(), e))?;
                Ok(Some(backup))
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(SyncError::Io(target.to_owned(), err)),
        }
    }

    /// Puts everything back: old files in place, new ones and created folders gone.
    fn roll_back(&mut self) {
        for step in self.journal.drain(..).rev() {
            match step {
                Step::Installed {
                    target,
                    backup: Some(backup),
                } => {
                    let _ = fs::rename(backup, target);
                }
                Step::Installed {
                    target,
                    backup: None,
                } => {
                    let _ = fs::remove_file(target);
                }
                Step::Removed { target, backup } => {
                    let _ = fs::rename(backup, target);
                }
            }
        }
        for (temp, _) in self.staged.drain(..) {
            let _ = fs::remove_file(temp);
        }
        for dir in self.created.drain(..).rev() {
            let _ = fs::remove_dir(dir);
        }
    }

    /// Drops what was set aside and the folders the deletions emptied.
    fn finish(&mut self, plan: &Plan) {
        for step in self.journal.drain(..) {
            match step {
                Step::Installed {
                    backup: Some(backup),
                    ..
                }
                | Step::Removed { backup, .. } => {
                    let _ = fs::remove_file(backup);
                }
                Step::Installed { backup: None, .. } => {}
            }
        }
        // Every folder above a deleted file, deepest first, so that a folder emptied only
        // once its subfolders are gone goes too; one still holding anything stays.
        let mut dirs = std::collections::BTreeSet::new();
        for path in &plan.delete {
            let mut dir = self.root.join(path);
            while dir.pop() && dir.starts_with(self.root) && dir != self.root {
                dirs.insert(dir.clone());
            }
        }
        let mut dirs: Vec<_> = dirs.into_iter().collect();
        dirs.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
        for dir in dirs {
            let _ = fs::remove_dir(&dir);
        }
    }
}

/// How many staging names are tried when something already has the first.
const STAGING_NAMES: u32 = 16;

/// A new staging file beside `target`, created where nothing is (`create_new`: a file or a
/// symlink already at the name is never opened, followed or replaced; the next name is tried).
fn create_new(target: &Path) -> Result<(PathBuf, fs::File), SyncError> {
    let mut last = None;
    for attempt in 0..STAGING_NAMES {
        let kind = match attempt {
            0 => "new".to_owned(),
            n => format!("{n}.new"),
        };
        let temp = sibling(target, &kind);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some((temp, err)),
            Err(err) => return Err(SyncError::Io(temp, err)),
        }
    }
    let (temp, err) = last.expect("at least one name was tried");
    Err(SyncError::Io(temp, err))
}

/// `dir/.name.<pid>.<kind>`: a hidden file beside `target` for staging or setting aside.
fn sibling(target: &Path, kind: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(format!(".{}.{kind}", std::process::id()));
    target.with_file_name(name)
}

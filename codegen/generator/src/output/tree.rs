//! What the tree holds at a path, found without following any symbolic link.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{SyncError, starts_with_header};

/// What is at a path the generator wants to write.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Existing {
    /// Nothing.
    Missing,
    /// A regular file starting with the generated header; its bytes.
    Generated(Vec<u8>),
    /// Something the generator must not touch: a file without the header, a link, a folder,
    /// a special file, or anything under a link.
    InTheWay,
}

/// What is at `root/path`. Every folder between `root` and the file is checked with
/// `symlink_metadata`, so a link anywhere on the way is reported, never followed.
pub(super) fn existing(root: &Path, path: &Path) -> Result<Existing, SyncError> {
    let at = root.join(path);
    if linked(root, path)? {
        return Ok(Existing::InTheWay);
    }
    match fs::symlink_metadata(&at) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(Existing::InTheWay),
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Existing::Missing),
        Err(err) => return Err(SyncError::Io(at, err)),
    }
    let bytes = fs::read(&at).map_err(|e| SyncError::Io(at.clone(), e))?;
    Ok(if starts_with_header(path, &bytes) {
        Existing::Generated(bytes)
    } else {
        Existing::InTheWay
    })
}

/// Whether `root/path` is, or lies under, a symbolic link (or a file where a folder should be).
pub(crate) fn linked(root: &Path, path: &Path) -> Result<bool, SyncError> {
    let mut at = root.to_owned();
    let mut components = path.components().peekable();
    while let Some(component) = components.next() {
        at.push(component);
        let meta = match fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(err) => return Err(SyncError::Io(at, err)),
        };
        let last = components.peek().is_none();
        if meta.file_type().is_symlink() || (!last && !meta.is_dir()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Every regular file under `root/dir`, relative to `root`, sorted. Links (to files or
/// folders) are neither listed nor entered.
pub(super) fn walk(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, SyncError> {
    let mut out = Vec::new();
    let top = root.join(dir);
    match fs::symlink_metadata(&top) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Ok(out),
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(err) => return Err(SyncError::Io(top, err)),
    }
    let mut stack = vec![dir.to_owned()];
    while let Some(rel) = stack.pop() {
        let full = root.join(&rel);
        let entries = fs::read_dir(&full).map_err(|e| SyncError::Io(full.clone(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| SyncError::Io(full.clone(), e))?;
            let kind = entry
                .file_type()
                .map_err(|e| SyncError::Io(entry.path(), e))?;
            let child = rel.join(entry.file_name());
            if kind.is_dir() {
                stack.push(child);
            } else if kind.is_file() {
                out.push(child);
            }
        }
    }
    out.sort();
    Ok(out)
}

//! Reads a spec tree (`<root>/<product>/<version>/*.yaml`) into the typed model, merging each
//! file's overlay (`<version>/overlays/<same name>.yaml`, see [`super::overlay`]).
//!
//! Syntax, type and unknown-key errors of every file are collected; a file that does not parse
//! is left out of the tree and reported with the position serde_yaml gives, in the base or the
//! overlay file, whichever holds the offending node.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use crate::diag::{Diagnostic, Diagnostics, Finding};
use crate::spec::locate::{locate, parse_path};
use crate::spec::model::{Operation, Product};
use crate::spec::overlay::{self, OVERLAY_DIR};

/// The name of the product file in a version folder.
pub const PRODUCT_FILE: &str = "product.yaml";
/// The name of a product's changelog in a version folder.
pub const CHANGELOG_FILE: &str = "CHANGELOG.md";

/// Every product version found under the spec root, sorted by path.
#[derive(Debug, Default)]
pub struct SpecTree {
    /// One entry per `<product>/<version>` folder.
    pub products: Vec<ProductDir>,
}

/// One `<product>/<version>` folder.
#[derive(Debug)]
pub struct ProductDir {
    /// The folder.
    pub dir: PathBuf,
    /// `product.yaml`.
    pub file: PathBuf,
    /// Its text, for locating checks' findings.
    pub text: String,
    /// `overlays/product.yaml`, when there is one.
    pub overlay: Option<Source>,
    /// The parsed product file, overlay merged.
    pub product: Product,
    /// Every operation file, sorted by name.
    pub operations: Vec<OperationFile>,
    /// `CHANGELOG.md`, written by `cargo xtask import`, when there is one.
    pub changelog: Option<Source>,
}

/// One operation file.
#[derive(Debug)]
pub struct OperationFile {
    /// The file.
    pub file: PathBuf,
    /// Its text, for locating checks' findings.
    pub text: String,
    /// `overlays/<Operation>.yaml`, when there is one.
    pub overlay: Option<Source>,
    /// The parsed operation, overlay merged.
    pub operation: Operation,
}

/// A spec file and its text.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file.
    pub file: PathBuf,
    /// Its text.
    pub text: String,
}

/// Loads every product under `root`; problems are returned alongside what did load.
pub fn load_tree(root: &Path) -> (SpecTree, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let mut tree = SpecTree::default();
    for product_dir in sorted_dirs(root, &mut diagnostics) {
        for version_dir in sorted_dirs(&product_dir, &mut diagnostics) {
            if let Some(product) = load_product(&version_dir, &mut diagnostics) {
                tree.products.push(product);
            }
        }
    }
    (tree, diagnostics)
}

pub(crate) fn load_product(dir: &Path, diagnostics: &mut Diagnostics) -> Option<ProductDir> {
    let overlay_dir = dir.join(OVERLAY_DIR);
    let mut overlays = if overlay_dir.is_dir() {
        sorted_files(&overlay_dir, diagnostics)
    } else {
        Vec::new()
    };
    let mut take_overlay = |name: &std::ffi::OsStr, diagnostics: &mut Diagnostics| {
        let at = overlays.iter().position(|p| p.file_name() == Some(name))?;
        read_source(&overlays.remove(at), diagnostics)
    };
    let file = dir.join(PRODUCT_FILE);
    let product_overlay = take_overlay(std::ffi::OsStr::new(PRODUCT_FILE), diagnostics);
    let parsed = read_source(&file, diagnostics).and_then(|base| {
        parse_merged::<Product>(&base, product_overlay.as_ref(), diagnostics).map(|p| (base, p))
    });
    let mut operations = Vec::new();
    for path in sorted_files(dir, diagnostics) {
        let Some(name) = path.file_name().filter(|n| *n != PRODUCT_FILE) else {
            continue;
        };
        let overlay = take_overlay(name, diagnostics);
        let Some(base) = read_source(&path, diagnostics) else {
            continue;
        };
        if let Some(operation) = parse_merged::<Operation>(&base, overlay.as_ref(), diagnostics) {
            operations.push(OperationFile {
                file: base.file,
                text: base.text,
                overlay,
                operation,
            });
        }
    }
    for orphan in overlays {
        diagnostics.push(Diagnostic {
            file: orphan.clone(),
            position: None,
            path: String::new(),
            steps: Vec::new(),
            finding: Finding::Other,
            message: format!(
                "overlay without a base file: {} does not exist, so these curated facts apply to nothing",
                dir.join(orphan.file_name().unwrap_or_default()).display()
            ),
        });
    }
    let changelog_file = dir.join(CHANGELOG_FILE);
    let changelog = changelog_file
        .exists()
        .then(|| read_source(&changelog_file, diagnostics))
        .flatten();
    let (base, product) = parsed?;
    Some(ProductDir {
        dir: dir.to_owned(),
        file: base.file,
        text: base.text,
        overlay: product_overlay,
        product,
        operations,
        changelog,
    })
}

/// The largest spec file read: the largest real one is a few tens of kilobytes, so a bigger
/// file is a mistake or an attack, refused before it is parsed.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Reads one file, reporting failure. Only regular files are opened (a FIFO or a device in
/// the tree is reported, never read), at most [`MAX_FILE_BYTES`] of them, and only UTF-8.
fn read_source(path: &Path, diagnostics: &mut Diagnostics) -> Option<Source> {
    let fail = |diagnostics: &mut Diagnostics, position, message: String| {
        diagnostics.push(Diagnostic {
            file: path.to_owned(),
            position,
            path: String::new(),
            steps: Vec::new(),
            finding: Finding::Other,
            message,
        });
        None
    };
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return fail(
                diagnostics,
                None,
                "not a regular file (a folder, FIFO or device?); spec files must be plain files"
                    .into(),
            );
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return fail(
                diagnostics,
                None,
                format!(
                    "the file is {} bytes; spec files are at most {MAX_FILE_BYTES}",
                    meta.len()
                ),
            );
        }
        Ok(_) => {}
        Err(err) => return fail(diagnostics, None, format!("cannot read the file: {err}")),
    }
    let mut bytes = Vec::new();
    let read =
        fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        return fail(diagnostics, None, format!("cannot read the file: {err}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(
            diagnostics,
            None,
            format!("the file grew past {MAX_FILE_BYTES} bytes while read"),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(Source {
            file: path.to_owned(),
            text,
        }),
        Err(err) => {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            fail(
                diagnostics,
                Some((line, column)),
                "the file is not UTF-8 text (an invalid byte here)".into(),
            )
        }
    }
}

/// Parses `base` with `overlay` merged over it. Problems name the file holding the offending
/// node: syntax errors and unmergeable entries the file they are in, type and unknown-key
/// errors the overlay when it holds the node, else the base.
pub fn parse_merged<T: DeserializeOwned>(
    base: &Source,
    overlay: Option<&Source>,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    let Some(overlay) = overlay else {
        return serde_yaml::from_str::<T>(&base.text)
            .map_err(|e| diagnostics.push(yaml_error(&base.file, &e)))
            .ok();
    };
    let mut merged: Value = serde_yaml::from_str(&base.text)
        .map_err(|e| diagnostics.push(yaml_error(&base.file, &e)))
        .ok()?;
    let patch: Value = serde_yaml::from_str(&overlay.text)
        .map_err(|e| diagnostics.push(yaml_error(&overlay.file, &e)))
        .ok()?;
    let problems = overlay::merge(&mut merged, patch);
    let failed = !problems.is_empty();
    for problem in problems {
        diagnostics.push(Diagnostic {
            file: overlay.file.clone(),
            position: locate(&overlay.text, &parse_path(&problem.path)),
            steps: parse_path(&problem.path),
            finding: Finding::Other,
            path: problem.path,
            message: format!("{} (overlay of {})", problem.message, base.file.display()),
        });
    }
    if failed {
        return None;
    }
    // Through text, so that errors carry the YAML path of the offending node.
    let text = serde_yaml::to_string(&merged).unwrap_or_default();
    match serde_yaml::from_str::<T>(&text) {
        Ok(value) => Some(value),
        Err(err) => {
            let mut diagnostic = yaml_error(&base.file, &err);
            overlay::attribute_one(
                &mut diagnostic,
                &merged,
                (&base.file, &base.text),
                (&overlay.file, &overlay.text),
            );
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// A serde_yaml error as a diagnostic on `file`.
fn yaml_error(file: &Path, err: &serde_yaml::Error) -> Diagnostic {
    let position = err.location().map(|l| (l.line(), l.column()));
    let message = err.to_string();
    // serde_yaml prefixes the YAML path ("parameters[3].type: ...") when it knows it.
    let (path, message) = match message.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (p.to_owned(), m.to_owned()),
        _ => (String::new(), message),
    };
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    Diagnostic {
        file: file.to_owned(),
        position,
        steps: parse_path(&path),
        finding: Finding::Other,
        path,
        message,
    }
}

fn sorted_dirs(dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    entries(dir, diagnostics)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
}

fn sorted_files(dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    entries(dir, diagnostics)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml") && !p.is_dir())
        .collect()
}

fn entries(dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(read) => {
            let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(err) => {
            diagnostics.push(Diagnostic {
                file: dir.to_owned(),
                position: None,
                path: String::new(),
                steps: Vec::new(),
                finding: Finding::Other,
                message: format!("cannot read the folder: {err}"),
            });
            Vec::new()
        }
    }
}

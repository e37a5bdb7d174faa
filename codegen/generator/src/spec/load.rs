//! Reads a spec tree (`<root>/<product>/<version>/*.yaml`) into the typed model.
//!
//! Syntax, type and unknown-key errors of every file are collected; a file that does not parse
//! is left out of the tree and reported with the position serde_yaml gives.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::spec::model::{Operation, Product};

/// The name of the product file in a version folder.
pub const PRODUCT_FILE: &str = "product.yaml";

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
    /// The parsed product file.
    pub product: Product,
    /// Every operation file, sorted by name.
    pub operations: Vec<OperationFile>,
}

/// One operation file.
#[derive(Debug)]
pub struct OperationFile {
    /// The file.
    pub file: PathBuf,
    /// Its text, for locating checks' findings.
    pub text: String,
    /// The parsed operation.
    pub operation: Operation,
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

fn load_product(dir: &Path, diagnostics: &mut Diagnostics) -> Option<ProductDir> {
    let file = dir.join(PRODUCT_FILE);
    let parsed = read_yaml::<Product>(&file, diagnostics);
    let mut operations = Vec::new();
    for path in sorted_files(dir, diagnostics) {
        if path.file_name().is_some_and(|n| n == PRODUCT_FILE) {
            continue;
        }
        if let Some((text, operation)) = read_yaml::<Operation>(&path, diagnostics) {
            operations.push(OperationFile {
                file: path,
                text,
                operation,
            });
        }
    }
    let (text, product) = parsed?;
    Some(ProductDir {
        dir: dir.to_owned(),
        file,
        text,
        product,
        operations,
    })
}

/// Reads and parses one file, reporting failures with their position.
pub fn read_yaml<T: DeserializeOwned>(
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<(String, T)> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(Diagnostic {
                file: path.to_owned(),
                position: None,
                path: String::new(),
                message: format!("cannot read the file: {err}"),
            });
            return None;
        }
    };
    match serde_yaml::from_str::<T>(&text) {
        Ok(value) => Some((text, value)),
        Err(err) => {
            let position = err.location().map(|l| (l.line(), l.column()));
            let message = err.to_string();
            // serde_yaml prefixes the YAML path ("parameters[3].type: ...") when it knows it.
            let (path_part, message) = match message.split_once(": ") {
                Some((p, m)) if !p.contains(' ') => (p.to_owned(), m.to_owned()),
                _ => (String::new(), message),
            };
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            };
            diagnostics.push(Diagnostic {
                file: path.to_owned(),
                position,
                path: path_part,
                message,
            });
            None
        }
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
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml"))
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
                message: format!("cannot read the folder: {err}"),
            });
            Vec::new()
        }
    }
}

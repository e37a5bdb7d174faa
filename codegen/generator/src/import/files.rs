//! The files of an import: rendering with the import header, planning the writes against the
//! spec folder (a hand-written file in the way is adopted: its curated facts move to an overlay,
//! never lost), what upstream changed, and the checks of the merged result.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Imported;
use super::release::{self, Release};
use crate::diag::{Diagnostic, Diagnostics, Finding};
use crate::error::ImportError;
use crate::output::{OutputFile, Plan};
use crate::spec::load::{MAX_FILE_BYTES, PRODUCT_FILE, Source, parse_merged};
use crate::spec::model::{Operation, Product};
use crate::spec::overlay::{self, OVERLAY_DIR};
use crate::spec::{OperationFile, ProductDir, SpecTree};

/// Marks a spec file as written by the importer; files without it are hand-written.
pub const IMPORT_MARKER: &str = "by `cargo xtask import`";

/// The first lines of an imported file: who wrote it from what, and where hand edits go.
pub fn header(file_name: &str, source: &str, schema: &str) -> String {
    format!(
        "# Written {IMPORT_MARKER} from {source}. Do not edit: hand edits go to {OVERLAY_DIR}/{file_name}.\n# yaml-language-server: $schema=../../schema/{schema}\n"
    )
}

/// The text of an imported operation file.
pub fn render_operation(op: &Operation, source: &str) -> String {
    format!(
        "{}{}",
        header(&format!("{}.yaml", op.name), source, "operation.json"),
        yaml(op)
    )
}

/// The text of an imported product file.
pub fn render_product(product: &Product, source: &str) -> String {
    format!(
        "{}{}",
        header(PRODUCT_FILE, source, "product.json"),
        yaml(product)
    )
}

fn yaml<T: Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).expect("the spec model serializes")
}

/// The version folder of a product, relative to the repository: `spec/vpc/2016-04-28`.
pub fn version_dir(product: &Product) -> PathBuf {
    Path::new(crate::SPEC_DIR)
        .join(crate::naming::product::product_name(&product.product))
        .join(&product.version)
}

/// What an import changes in the repository, and what its result looks like merged.
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// Every file the import produces (base files, and overlays of adopted files), paths
    /// relative to the repository.
    pub files: Vec<OutputFile>,
    /// Writes and deletions; files in the way that cannot be adopted are listed as hand-written.
    pub plan: Plan,
    /// Operations new upstream.
    pub added: Vec<String>,
    /// Operations gone upstream (their base files are deleted, overlays kept).
    pub removed: Vec<String>,
    /// Operations (and `product.yaml`) whose imported file changes.
    pub changed: Vec<String>,
    /// Hand-written files adopted: rewritten from the metadata, their own facts moved to overlays.
    pub adopted: Vec<PathBuf>,
    /// Findings of the spec checks on the merged result (base and overlays).
    pub problems: Diagnostics,
    /// The crate version and changelog entry the import records, when it changes an operation.
    pub release: Option<Release>,
}

impl ImportPlan {
    /// Whether the import changes nothing.
    pub fn is_clean(&self) -> bool {
        self.plan.is_clean()
    }

    /// What upstream changed, one line each.
    pub fn changes(&self) -> String {
        let mut out = String::new();
        for (what, names) in [
            ("added", &self.added),
            ("removed", &self.removed),
            ("changed", &self.changed),
        ] {
            for name in names {
                out.push_str(&format!("  {what}: {name}\n"));
            }
        }
        for path in &self.adopted {
            out.push_str(&format!(
                "  hand-written, to adopt into an overlay: {}\n",
                path.display()
            ));
        }
        for path in &self.plan.hand_written {
            out.push_str(&format!(
                "  in the way (hand-written, and its overlay exists): {}\n",
                path.display()
            ));
        }
        out
    }
}

/// Plans the import into the repository at `repo`; `source` names the metadata file in headers.
pub fn plan(repo: &Path, imported: &Imported, source: &str) -> Result<ImportPlan, ImportError> {
    let dir = version_dir(&imported.product);
    let mut out = ImportPlan::default();
    let previous = release::previous(repo, &dir);
    let mut product = imported.product.clone();
    product.crate_version = release::kept_version(previous.as_ref());
    let mut produced = vec![(PRODUCT_FILE.to_owned(), render_product(&product, source))];
    produced.extend(
        imported
            .operations
            .iter()
            .map(|op| (format!("{}.yaml", op.name), render_operation(op, source))),
    );
    for (file_name, contents) in &produced {
        let path = dir.join(file_name);
        let name = file_name
            .strip_suffix(".yaml")
            .unwrap_or(file_name)
            .to_owned();
        let name = if file_name == PRODUCT_FILE {
            file_name.clone()
        } else {
            name
        };
        match read(&repo.join(&path))? {
            None => {
                out.added.push(name);
                out.plan.write.push(path.clone());
            }
            Some(existing) if existing == *contents => {}
            Some(existing) if existing.contains(IMPORT_MARKER) => {
                out.changed.push(name);
                out.plan.write.push(path.clone());
            }
            Some(existing) => match adopt(repo, &dir, file_name, &existing, contents)? {
                Some(overlay) => {
                    out.changed.push(name);
                    out.adopted.push(path.clone());
                    out.plan.write.push(path.clone());
                    if let Some(overlay) = overlay {
                        out.plan.write.push(overlay.path.clone());
                        out.files.push(overlay);
                    }
                }
                None => out.plan.hand_written.push(path.clone()),
            },
        }
        out.files.push(OutputFile::new(path, contents.clone()));
    }
    for path in yaml_files(&repo.join(&dir))? {
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if produced.iter().any(|(n, _)| *n == file_name) {
            continue;
        }
        if read(&path)?.is_some_and(|text| text.contains(IMPORT_MARKER)) {
            out.removed
                .push(file_name.trim_end_matches(".yaml").to_owned());
            out.plan.delete.push(dir.join(file_name));
        }
    }
    let (problems, merged) = verify(repo, &dir, &out.files)?;
    out.problems = problems;
    let touched = !out.added.is_empty()
        || !out.removed.is_empty()
        || out.changed.iter().any(|c| c != PRODUCT_FILE);
    let render = |product: &Product| render_product(product, source);
    if let Some((release, files)) =
        release::release(previous.as_ref(), &product, &merged, touched, render, &dir)
    {
        for file in files {
            set(&mut out, file);
        }
        if !out.changed.iter().any(|c| c == PRODUCT_FILE) {
            out.changed.push(PRODUCT_FILE.to_owned());
        }
        out.release = Some(release);
    }
    Ok(out)
}

/// Puts `file` among the planned files and writes, in place of one at the same path.
fn set(plan: &mut ImportPlan, file: OutputFile) {
    if !plan.plan.write.contains(&file.path) {
        plan.plan.write.push(file.path.clone());
    }
    match plan.files.iter_mut().find(|f| f.path == file.path) {
        Some(planned) => planned.contents = file.contents,
        None => plan.files.push(file),
    }
}

/// Writes a planned import; writes nothing when the merged result fails the checks.
pub fn apply(repo: &Path, plan: &ImportPlan) -> Result<(), ImportError> {
    if !plan.problems.is_empty() {
        return Err(ImportError::Checks(plan.problems.clone()));
    }
    crate::output::apply(repo, &plan.files, &plan.plan).map_err(ImportError::Sync)
}

/// Adopts a hand-written file: `Some(overlay)` holding the facts the import lacks (`Some(None)`
/// when it lacks none), or `None` when the file cannot be adopted (its overlay already exists,
/// or it does not parse).
fn adopt(
    repo: &Path,
    dir: &Path,
    file_name: &str,
    existing: &str,
    imported: &str,
) -> Result<Option<Option<OutputFile>>, ImportError> {
    let overlay_path = dir.join(OVERLAY_DIR).join(file_name);
    if read(&repo.join(&overlay_path))?.is_some() {
        return Ok(None);
    }
    let values = if file_name == PRODUCT_FILE {
        values::<Product>(existing, imported)
    } else {
        values::<Operation>(existing, imported)
    };
    let Some((wanted, base)) = values else {
        return Ok(None);
    };
    Ok(Some(overlay::diff(&base, &wanted).map(|diff| {
        let base_name = file_name.trim_end_matches(".yaml");
        let text = format!(
            "# Curated facts of {base_name}, merged over ../{file_name} by the spec loader; `cargo xtask import` never overwrites this file.\n{}",
            serde_yaml::to_string(&diff).expect("YAML values serialize")
        );
        OutputFile::new(overlay_path, text)
    })))
}

/// Both texts parsed into the model and back into YAML values, so that they compare by meaning.
fn values<T: DeserializeOwned + Serialize>(
    existing: &str,
    imported: &str,
) -> Option<(serde_yaml::Value, serde_yaml::Value)> {
    let existing: T = serde_yaml::from_str(existing).ok()?;
    let imported: T = serde_yaml::from_str(imported).ok()?;
    Some((
        serde_yaml::to_value(existing).ok()?,
        serde_yaml::to_value(imported).ok()?,
    ))
}

/// The spec checks on the merged result: the produced base files with their overlays (on disk,
/// or produced by adoption), and the merged operations. Overlays left without a base are
/// reported too, and so is a produced file the spec loader would refuse for its size.
fn verify(
    repo: &Path,
    dir: &Path,
    files: &[OutputFile],
) -> Result<(Diagnostics, Vec<Operation>), ImportError> {
    let mut diagnostics = Diagnostics::default();
    let overlay_dir = dir.join(OVERLAY_DIR);
    let overlay_of = |file_name: &str| -> Result<Option<Source>, ImportError> {
        let path = overlay_dir.join(file_name);
        if let Some(produced) = files.iter().find(|f| f.path == path) {
            return Ok(Some(Source {
                file: path,
                text: produced.contents.clone(),
            }));
        }
        Ok(read(&repo.join(&path))?.map(|text| Source { file: path, text }))
    };
    for file in files {
        if file.contents.len() as u64 > MAX_FILE_BYTES {
            diagnostics.push(Diagnostic {
                file: file.path.clone(),
                position: None,
                path: String::new(),
                steps: Vec::new(),
                finding: Finding::Other,
                message: format!(
                    "the imported file is {} bytes; spec files are at most {MAX_FILE_BYTES}",
                    file.contents.len()
                ),
            });
        }
    }
    let mut product = None;
    let mut operations = Vec::new();
    for file in files.iter().filter(|f| f.path.parent() == Some(dir)) {
        let file_name = file
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let base = Source {
            file: file.path.clone(),
            text: file.contents.clone(),
        };
        let overlay = overlay_of(file_name)?;
        if file_name == PRODUCT_FILE {
            product = parse_merged::<Product>(&base, overlay.as_ref(), &mut diagnostics)
                .map(|p| (base, overlay, p));
        } else if let Some(operation) =
            parse_merged::<Operation>(&base, overlay.as_ref(), &mut diagnostics)
        {
            operations.push(OperationFile {
                file: base.file,
                text: base.text,
                overlay,
                operation,
            });
        }
    }
    for path in yaml_files(&repo.join(&overlay_dir))? {
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !files.iter().any(|f| f.path == dir.join(file_name)) {
            diagnostics.push(Diagnostic {
                file: overlay_dir.join(file_name),
                position: None,
                path: String::new(),
                steps: Vec::new(),
                finding: Finding::Other,
                message: "overlay without a base file: upstream no longer has this operation"
                    .to_owned(),
            });
        }
    }
    if let Some((base, overlay, product)) = product {
        let tree = SpecTree {
            products: vec![ProductDir {
                dir: dir.to_owned(),
                file: base.file,
                text: base.text,
                overlay,
                product,
                operations,
                changelog: None,
            }],
        };
        let mut found = crate::check::check_tree(&tree);
        overlay::attribute(&tree, &mut found);
        diagnostics.extend(found);
        let merged = tree.products.into_iter().flat_map(|p| p.operations);
        return Ok((diagnostics, merged.map(|o| o.operation).collect()));
    }
    Ok((diagnostics, Vec::new()))
}

/// A file's text, `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, ImportError> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(ImportError::Read(path.to_owned(), err)),
    }
}

/// The `.yaml` files directly in `dir`, sorted; none when it does not exist.
fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(ImportError::Read(dir.to_owned(), err)),
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    out.sort();
    Ok(out)
}

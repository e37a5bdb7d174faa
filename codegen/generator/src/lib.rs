//! The generator: YAML API specs in, Rust SDK crates and reference pages out.
//!
//! The pipeline, one module per stage:
//! [`spec`] (load the YAML into the typed model) -> [`check`] (semantic checks, every problem
//! at once) -> [`prose`] (upstream text made inert) -> [`ir`] (Rust names and types) -> [`emit`] (files) -> [`output`] (write or check
//! without losing hand-written code).
//! [`import`] turns Alibaba's published API metadata into spec files (`cargo xtask import`).

pub mod changelog;
pub mod check;
pub mod diag;
pub mod emit;
pub mod error;
pub mod import;
pub mod ir;
pub mod naming;
pub mod output;
pub mod prose;
pub mod spec;

use std::path::Path;

use diag::Diagnostics;
pub use error::{CodegenError, ImportError, VersionError};
use output::OutputFile;

/// Folder of the specs, relative to the repository root.
pub const SPEC_DIR: &str = "spec";
/// Folder of the generated crates, relative to the repository root.
pub const GENERATED_DIR: &str = "generated";

/// Runs the pipeline on the repository at `repo` and returns every file it must contain.
///
/// Nothing is written here; see [`output::plan`] and [`output::apply`].
pub fn generate(repo: &Path) -> Result<Vec<OutputFile>, Diagnostics> {
    let (mut tree, mut diagnostics) = spec::load_tree(&repo.join(SPEC_DIR));
    let mut findings = check::check_tree(&tree);
    spec::overlay::attribute(&tree, &mut findings);
    diagnostics.extend(findings);
    if !diagnostics.is_empty() {
        for d in &mut diagnostics.0 {
            if let Ok(relative) = d.file.strip_prefix(repo) {
                d.file = relative.to_owned();
            }
        }
        return Err(diagnostics);
    }
    prose::make_inert(&mut tree);
    let mut files = schema_files();
    let mut crates = Vec::new();
    for (index, product) in tree.products.iter().enumerate() {
        let source = product
            .dir
            .strip_prefix(repo)
            .unwrap_or(&product.dir)
            .display()
            .to_string();
        let package = naming::product::package_in_tree(&tree, index);
        // The checks refuse a `crate_version` that is not semver; should one get through, it
        // is reported at its place all the same.
        let lowered = ir::lower_product(product, package, source).map_err(|error| {
            Diagnostics(vec![diag::Diagnostic {
                file: product.file.clone(),
                position: None,
                path: "crate_version".to_owned(),
                steps: vec![diag::Step::Key("crate_version".to_owned())],
                finding: diag::Finding::Other,
                message: error.to_string(),
            }])
        })?;
        crates.push(lowered);
    }
    let emitted = crates
        .iter()
        .flat_map(emit::emit_crate)
        .chain(emit::cli_crate(&crates));
    for mut file in emitted {
        file.path = Path::new(GENERATED_DIR).join(&file.path);
        files.push(file);
    }
    Ok(files)
}

/// What `cargo xtask codegen` does: generate and write, or with `check` verify only.
///
/// Returns a one-line summary, or a report of every problem (spec diagnostics, stale files,
/// hand-written files in the way). Nothing is written unless everything succeeded.
pub fn codegen(repo: &Path, check: bool) -> Result<String, CodegenError> {
    let files = generate(repo).map_err(CodegenError::Spec)?;
    let owned = [Path::new(GENERATED_DIR)];
    let plan = output::plan(repo, &files, &owned).map_err(CodegenError::Sync)?;
    if check {
        return if plan.is_clean() {
            Ok(format!("{} generated files are up to date", files.len()))
        } else {
            Err(CodegenError::Stale(plan))
        };
    }
    output::apply(repo, &files, &plan).map_err(CodegenError::Sync)?;
    Ok(format!(
        "{} files generated: {} written, {} deleted, {} unchanged",
        files.len(),
        plan.write.len(),
        plan.delete.len(),
        files.len() - plan.write.len()
    ))
}

/// JSON Schemas of the two file kinds, derived from the spec model, for editors.
fn schema_files() -> Vec<OutputFile> {
    let schema = |mut root: schemars::schema::RootSchema, title: &str| {
        let comment = format!("{} from the spec model. Do not edit.", output::MARKER);
        root.schema.metadata().title = Some(title.to_owned());
        let mut value = serde_json::to_value(&root).expect("schemas serialize");
        value
            .as_object_mut()
            .expect("a schema is an object")
            .insert("$comment".into(), comment.into());
        serde_json::to_string_pretty(&value).expect("schemas serialize") + "\n"
    };
    vec![
        OutputFile::new(
            "spec/schema/operation.json",
            schema(
                schemars::schema_for!(spec::model::Operation),
                "Operation spec file",
            ),
        ),
        OutputFile::new(
            "spec/schema/product.json",
            schema(
                schemars::schema_for!(spec::model::Product),
                "Product spec file",
            ),
        ),
    ]
}

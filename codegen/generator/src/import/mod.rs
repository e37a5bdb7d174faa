//! Import of Alibaba's published API metadata (`api-docs.json`) into spec files: one base file
//! per operation plus `product.yaml`, written by `cargo xtask import`.
//!
//! The stages, one module each: [`metadata`] (parse the file, keeping key order and unknown
//! keys) -> `families` (resource families from the table of contents) -> `convert` (into the spec model; REST bindings in `rest`, value shapes in `shape`, pagination read off the shape in `paging`) -> `quirks` (duplicate and indexed parameters,
//! Rust names, values the spec checks reject) -> [`files`] (render, plan the writes, adopt
//! hand-written files into overlays, verify the merged result). [`report`] collects what each
//! stage noticed. Hand-curated facts live in overlays (see [`crate::spec::overlay`]) and survive
//! every re-import.

mod context;
mod convert;
mod families;
pub mod files;
pub mod metadata;
mod paging;
mod quirks;
pub mod release;
pub mod report;
mod rest;
mod shape;

use crate::error::ImportError;
use crate::naming::MAX_OPERATION_NAME;
use crate::spec::model::{Operation, Product};
use context::Cx;
use report::{Kind, Report};

/// The spec converted from one metadata file.
#[derive(Debug)]
pub struct Imported {
    /// `product.yaml`.
    pub product: Product,
    /// Every operation, sorted by name.
    pub operations: Vec<Operation>,
    /// What the import noticed.
    pub report: Report,
}

/// Converts the text of an `api-docs.json` file. Fails only when the text is not API metadata;
/// everything else is imported as far as the spec can hold it and reported.
pub fn import(json: &str) -> Result<Imported, ImportError> {
    let docs = metadata::parse(json).map_err(ImportError::NotMetadata)?;
    let (code, version) = (docs.info.product.as_str(), docs.info.version.as_str());
    if !crate::naming::product::is_product_code(code)
        || version.is_empty()
        || !version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(ImportError::Unnamable {
            product: code.to_owned(),
            version: version.to_owned(),
        });
    }
    if let Some(gateway) = rest::own_gateway(code) {
        return Err(ImportError::OwnGateway {
            product: code.to_owned(),
            gateway,
        });
    }
    let mut report = Report::default();
    let mut cx = Cx {
        product: code,
        version,
        protocol: rest::protocol(&docs),
        operation: String::new(),
        report: &mut report,
        schemas: &docs.components.schemas,
        expanding: Vec::new(),
        depth: 0,
        size: 0,
    };
    let product = convert::product(&docs, &mut cx);
    let mut families = families::families(&docs.directories);
    let mut operations: Vec<Operation> = Vec::new();
    for (name, api) in &docs.apis.0 {
        if !is_identifier(name) {
            cx.report.add(
                Kind::Unrepresented,
                name,
                "",
                "operation name is not an identifier: operation left out",
            );
            continue;
        }
        if name.len() > MAX_OPERATION_NAME {
            let detail = format!(
                "operation name is {} characters long; at most {MAX_OPERATION_NAME} fit in file names: operation left out",
                name.len()
            );
            let shown: String = name.chars().take(MAX_OPERATION_NAME).collect();
            cx.report
                .add(Kind::Unrepresented, &format!("{shown}..."), "", detail);
            continue;
        }
        if operations.iter().any(|o| o.name == *name) {
            cx.report.add(
                Kind::Unrepresented,
                name,
                "",
                "operation listed twice: first kept",
            );
            continue;
        }
        let Some(mut op) = convert::operation(name, api, &mut cx) else {
            continue;
        };
        op.family = families.remove(name);
        op.parameters = quirks::group_indexed(std::mem::take(&mut op.parameters), &mut cx);
        op.parameters = quirks::fold_dotted(
            std::mem::take(&mut op.parameters),
            true,
            "parameters",
            &mut cx,
        );
        quirks::drop_dotted_fields(&mut op.response.fields, "response", &mut cx);
        quirks::claim_rust_names(&mut op, &mut cx);
        if convert::refused(&op, &mut cx) {
            continue;
        }
        operations.push(op);
    }
    quirks::drop_dangling_polls(&mut operations, &mut report);
    quirks::apply_checks(&product, &mut operations, &mut report);
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Imported {
        product,
        operations,
        report,
    })
}

/// An ASCII name starting with a letter: safe as a file name and an identifier.
fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

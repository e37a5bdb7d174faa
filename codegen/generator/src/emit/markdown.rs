//! The Markdown reference page of an operation: parameters, response, errors, async note.

use acs_rules::Markup;

use crate::ir::{CrateIr, FieldIr, OperationIr, TypeIr, TypeRef, TypeSpace};
use crate::spec::model::Protocol;

/// The page (after the header).
pub fn operation_page(ir: &CrateIr, op: &OperationIr) -> String {
    let p = &ir.product;
    let mut page = format!("# {}\n\n{}\n\n", op.action, op.summary);
    let binding = &op.binding;
    let style = match binding.protocol {
        Protocol::Rpc => format!(
            "RPC style: `{} {}` with `Action={}`",
            binding.method, binding.path, op.action
        ),
        Protocol::Roa => format!(
            "REST style: `{} {}` (`x-acs-action: {}`), body: {}, answer: {}",
            binding.method,
            binding.path,
            op.action,
            binding.body.name(),
            binding.answer.name()
        ),
    };
    page.push_str(&format!(
        "Product `{}`, API version `{}`, {style}. Rust: `{}::operation::{}::{}`, or `client.{}()` on the product's `Client`.\n\n",
        p.code,
        p.api_version,
        ir.crate_ident,
        op.module,
        op.request.name,
        op.module
    ));
    if op.deprecated {
        page.push_str("**Deprecated** by the service.\n\n");
    }
    if let Some(description) = &op.description {
        page.push_str(&format!("## Description\n\n{}\n\n", description.trim()));
    }
    if let Some(note) = super::asynchronous_note(op) {
        page.push_str(&format!("## Asynchronous behaviour\n\n{note}\n\n"));
    }
    page.push_str("## Request parameters\n\n");
    if op.request.fields.is_empty() {
        page.push_str("None.\n\n");
    } else {
        page.push_str("| Parameter | Location | Type | Required | Default | Example | Constraints | Description |\n");
        page.push_str("|---|---|---|---|---|---|---|---|\n");
        for field in &op.request.fields {
            let location = field.location.unwrap_or_default().name();
            parameter_rows(field, &field.wire, location, &ir.types, &mut page);
        }
        page.push('\n');
    }
    page.push_str("## Response fields\n\n");
    if op.response.fields.is_empty() {
        page.push_str("None.\n\n");
    } else {
        page.push_str("| Field | Type | Example | Description |\n|---|---|---|---|\n");
        for field in &op.response.fields {
            response_rows(field, &field.wire, &ir.types, &mut page);
        }
        page.push('\n');
    }
    page.push_str("## Errors\n\n");
    if op.errors.is_empty() {
        page.push_str("No operation-specific errors are documented.\n");
    } else {
        page.push_str("| HTTP status | Code | Message | Description |\n|---|---|---|---|\n");
        for e in &op.errors {
            page.push_str(&format!(
                "| {} | `{}` | {} | {} |\n",
                e.status,
                e.code,
                cell(e.message.as_deref().unwrap_or("")),
                cell(e.description.as_deref().unwrap_or(""))
            ));
        }
    }
    page.push_str("\nAny other code arrives as the `Unhandled` variant, with its code, message and request id.\n");
    page
}

/// One row per parameter, then rows for nested fields under their wire paths (`Tags.N.Key`).
fn parameter_rows(
    field: &FieldIr,
    path: &str,
    location: &str,
    types: &TypeSpace,
    page: &mut String,
) {
    let rules: Vec<String> = field
        .rules
        .iter()
        .filter(|r| **r != acs_rules::Rule::Required)
        .map(|r| r.sentence(Markup::Markdown))
        .collect();
    page.push_str(&format!(
        "| `{path}` | {location} | {} | {} | {} | {} | {} | {} |\n",
        type_label(&field.ty, types),
        if field.required() { "yes" } else { "no" },
        field.default.as_deref().map(code).unwrap_or_default(),
        field.example.as_deref().map(code).unwrap_or_default(),
        cell(&rules.join(" ")),
        cell(&field.doc),
    ));
    for (child, child_path) in children(&field.ty, path, types) {
        parameter_rows(child, &child_path, location, types, page);
    }
}

fn response_rows(field: &FieldIr, path: &str, types: &TypeSpace, page: &mut String) {
    page.push_str(&format!(
        "| `{path}` | {} | {} | {} |\n",
        type_label(&field.ty, types),
        field.example.as_deref().map(code).unwrap_or_default(),
        cell(&field.doc),
    ));
    for (child, child_path) in children(&field.ty, path, types) {
        response_rows(child, &child_path, types, page);
    }
}

/// Nested fields with their paths: list items as `.N`, map values as `.<key>`.
fn children<'a>(ty: &TypeRef, path: &str, types: &'a TypeSpace) -> Vec<(&'a FieldIr, String)> {
    match ty {
        TypeRef::Struct(id) => match types.get(*id) {
            TypeIr::Struct(s) => s
                .fields
                .iter()
                .map(|f| (f, format!("{path}.{}", f.wire)))
                .collect(),
            TypeIr::Enum(_) => Vec::new(),
        },
        TypeRef::List(item, _) => children(item, &format!("{path}.N"), types),
        TypeRef::Map(value) => children(value, &format!("{path}.<key>"), types),
        _ => Vec::new(),
    }
}

fn type_label(ty: &TypeRef, types: &TypeSpace) -> String {
    match ty {
        TypeRef::String => "string".to_owned(),
        TypeRef::I32 => "integer (int32)".to_owned(),
        TypeRef::I64 => "integer (int64)".to_owned(),
        TypeRef::F32 => "number (float)".to_owned(),
        TypeRef::F64 => "number (double)".to_owned(),
        TypeRef::Bool => "boolean".to_owned(),
        TypeRef::Json => "any".to_owned(),
        TypeRef::Bytes => "bytes".to_owned(),
        TypeRef::List(item, _) => format!("array of {}", type_label(item, types)),
        TypeRef::Map(value) => format!("map of {}", type_label(value, types)),
        TypeRef::Struct(_) => "object".to_owned(),
        TypeRef::Enum(id) => format!("string (`{}`)", types.get(*id).name()),
    }
}

/// A code span of a value, fit for a table cell.
fn code(text: &str) -> String {
    Markup::Markdown.code(&cell(text))
}

/// Text fit for one table cell.
fn cell(text: &str) -> String {
    text.trim()
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace("\n\n", "<br><br>")
        .replace('\n', " ")
}

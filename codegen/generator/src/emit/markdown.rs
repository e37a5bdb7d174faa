//! The Markdown reference page of an operation: parameters, response, errors, async note.

use crate::ir::{CrateIr, OperationIr, facts};
use crate::spec::model::{Location, Member, Method, TypeName};

/// The page (after the header).
pub fn operation_page(ir: &CrateIr, op: &OperationIr) -> String {
    let spec = &op.spec;
    let p = &ir.product;
    let mut page = format!("# {}\n\n{}\n\n", spec.name, spec.summary.trim());
    let method = match spec.method {
        Method::Post => "POST",
        Method::Get => "GET",
    };
    page.push_str(&format!(
        "Product `{}`, API version `{}`, RPC style: `{method} /` with `Action={}`. Rust: `{}::{}`, built with `{}::builder()`.\n\n",
        p.product,
        p.version,
        spec.name,
        ir.package.replace('-', "_"),
        op.request.name,
        op.request.name
    ));
    if spec.deprecated {
        page.push_str("**Deprecated** by the service.\n\n");
    }
    if let Some(description) = &spec.description {
        page.push_str(&format!("## Description\n\n{}\n\n", description.trim()));
    }
    if let Some(note) = super::asynchronous_note(op) {
        page.push_str(&format!("## Asynchronous behaviour\n\n{note}\n\n"));
    }
    page.push_str("## Request parameters\n\n");
    if spec.parameters.is_empty() {
        page.push_str("None.\n\n");
    } else {
        page.push_str("| Parameter | Location | Type | Required | Default | Example | Constraints | Description |\n");
        page.push_str("|---|---|---|---|---|---|---|---|\n");
        for member in &spec.parameters {
            let location = match member.location {
                Some(Location::Body) => "body",
                _ => "query",
            };
            parameter_rows(member, &member_name(member), location, &mut page);
        }
        page.push('\n');
    }
    page.push_str("## Response fields\n\n");
    if spec.response.fields.is_empty() {
        page.push_str("None.\n\n");
    } else {
        page.push_str("| Field | Type | Example | Description |\n|---|---|---|---|\n");
        for member in &spec.response.fields {
            response_rows(member, &member_name(member), &mut page);
        }
        page.push('\n');
    }
    page.push_str("## Errors\n\n");
    if spec.errors.is_empty() {
        page.push_str("No operation-specific errors are documented.\n");
    } else {
        page.push_str("| HTTP status | Code | Message | Description |\n|---|---|---|---|\n");
        for e in &spec.errors {
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

fn member_name(member: &Member) -> String {
    member.name.clone().unwrap_or_default()
}

/// One row per parameter, then rows for nested fields under their wire paths (`Tags.N.Key`).
fn parameter_rows(member: &Member, path: &str, location: &str, page: &mut String) {
    let facts = facts::constraint_facts(member).join(" ");
    page.push_str(&format!(
        "| `{path}` | {location} | {} | {} | {} | {} | {} | {} |\n",
        type_label(member),
        if member.required { "yes" } else { "no" },
        member
            .default
            .as_ref()
            .map(|d| format!("`{d}`"))
            .unwrap_or_default(),
        member
            .example
            .as_ref()
            .map(|e| format!("`{}`", cell(&e.to_string())))
            .unwrap_or_default(),
        cell(&facts),
        cell(member.description.as_deref().unwrap_or("")),
    ));
    for (child, child_path) in children(member, path) {
        parameter_rows(child, &child_path, location, page);
    }
}

fn response_rows(member: &Member, path: &str, page: &mut String) {
    page.push_str(&format!(
        "| `{path}` | {} | {} | {} |\n",
        type_label(member),
        member
            .example
            .as_ref()
            .map(|e| format!("`{}`", cell(&e.to_string())))
            .unwrap_or_default(),
        cell(member.description.as_deref().unwrap_or("")),
    ));
    for (child, child_path) in children(member, path) {
        response_rows(child, &child_path, page);
    }
}

/// Nested members with their paths: list items as `.N`, map values as `.<key>`.
fn children<'a>(member: &'a Member, path: &str) -> Vec<(&'a Member, String)> {
    match member.ty {
        TypeName::Object => member
            .properties
            .iter()
            .map(|p| (p, format!("{path}.{}", member_name(p))))
            .collect(),
        TypeName::Array => member
            .items
            .as_deref()
            .map_or_else(Vec::new, |items| children(items, &format!("{path}.N"))),
        TypeName::Map => member.values.as_deref().map_or_else(Vec::new, |values| {
            children(values, &format!("{path}.<key>"))
        }),
        _ => Vec::new(),
    }
}

fn type_label(member: &Member) -> String {
    let base = match (member.ty, member.format) {
        (ty, Some(format)) => format!("{ty} ({})", format!("{format:?}").to_lowercase()),
        (ty, None) => ty.to_string(),
    };
    match member.ty {
        TypeName::Array => member
            .items
            .as_deref()
            .map_or(base, |i| format!("array of {}", type_label(i))),
        TypeName::Map => member
            .values
            .as_deref()
            .map_or(base, |v| format!("map of {}", type_label(v))),
        _ => base,
    }
}

/// Text fit for one table cell.
fn cell(text: &str) -> String {
    text.trim()
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace("\n\n", "<br><br>")
        .replace('\n', " ")
}

//! Emitters: the intermediate model of a crate becomes its files (Rust formatted by prettyplease,
//! Cargo.toml and Markdown reference pages).

mod cli_crate;
mod cli_table;
mod client;
mod crate_files;
mod error;
mod flows;
mod markdown;
mod request;
mod response;
mod rustdoc;
mod types;
mod validation;

pub use cli_crate::{CLI_DIR, cli_crate};

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{CrateIr, OperationIr, TypeIr};
use crate::output::{Comment, OutputFile};

/// Every file of one generated crate, paths relative to the crate folder's parent.
pub fn emit_crate(ir: &CrateIr) -> Vec<OutputFile> {
    let dir = crate::ir::product_name::command(&ir.package).to_owned();
    let header = |comment| crate::output::header(comment, &ir.source);
    let mut files = vec![
        OutputFile::new(
            format!("{dir}/Cargo.toml"),
            format!("{}{}", header(Comment::Hash), crate_files::cargo_toml(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/lib.rs"),
            rust_file(&header(Comment::Slash), crate_files::lib_rs(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/client.rs"),
            rust_file(&header(Comment::Slash), client::client_module(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/cli.rs"),
            rust_file(&header(Comment::Slash), cli_table::cli_module(ir)),
        ),
    ];
    for op in &ir.operations {
        files.push(OutputFile::new(
            format!("{dir}/src/{}.rs", op.module),
            rust_file(
                &header(Comment::Slash),
                operation_module(op, &ir.package.replace('-', "_")),
            ),
        ));
        files.push(OutputFile::new(
            format!("{dir}/docs/{}.md", op.spec.name),
            format!(
                "{}{}",
                header(Comment::Html),
                markdown::operation_page(ir, op)
            ),
        ));
    }
    files
}

/// One operation's module: request, builder, nested types, response and errors.
fn operation_module(op: &OperationIr, crate_ident: &str) -> TokenStream {
    let summary = format!(" `{}`: {}", op.spec.name, op.spec.summary.trim());
    let request = request::request(op, crate_ident);
    let nested = op.types.iter().map(|t| match t {
        TypeIr::Struct(s) => types::nested_struct(s, &op.types),
        TypeIr::Enum(e) => types::open_enum(e),
    });
    let response = response::response(op);
    let error = error::error_enum(op);
    let action = &op.spec.name;
    let token = match &op.idempotency_token {
        Some(name) => quote!(Some(#name)),
        None => quote!(None),
    };
    quote! {
        #![doc = #summary]
        /// What the client needs to know of this operation.
        pub static OPERATION: ::acs_runtime::client::OperationInfo =
            ::acs_runtime::client::OperationInfo { action: #action, idempotency_token: #token };
        #request
        #(#nested)*
        #response
        #error
    }
}

/// The asynchronous behaviour of an operation in words, if it has one.
pub(crate) fn asynchronous_note(op: &OperationIr) -> Option<String> {
    let a = op.asynchronous()?;
    let mut note = format!(
        "This operation is asynchronous: it returns before the work is done. Poll `{}`",
        a.poll
    );
    if let Some(field) = &a.status_field {
        note.push_str(&format!(" and read `{field}`"));
    }
    note.push('.');
    let states = |list: &[String]| {
        list.iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !a.pending.is_empty() {
        note.push_str(&format!(
            " While it is {}, the work is in progress.",
            states(&a.pending)
        ));
    }
    if !a.success.is_empty() {
        note.push_str(&format!(" {} means done.", states(&a.success)));
    }
    if !a.failure.is_empty() {
        note.push_str(&format!(" {} means it failed.", states(&a.failure)));
    }
    if let Some(interval) = a.interval_ms {
        note.push_str(&format!(" Suggested polling interval: {interval} ms"));
        match a.max_polls {
            Some(max) => note.push_str(&format!(", at most {max} polls.")),
            None => note.push('.'),
        }
    }
    if let Some(waiter) = &a.waiter {
        note.push_str(&format!(
            " Wait with `wait_until_{}`.",
            crate::ir::names::field_name(waiter).trim_start_matches("r#")
        ));
    }
    if let Some(extra) = &a.note {
        note.push_str(&format!("\n\n{}", extra.trim()));
    }
    Some(note)
}

/// A formatted Rust file with its header.
fn rust_file(header: &str, tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens)
        .unwrap_or_else(|err| panic!("the generator emitted invalid Rust: {err}"));
    format!("{header}{}", prettyplease::unparse(&file))
}

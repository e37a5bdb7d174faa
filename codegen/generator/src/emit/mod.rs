//! Emitters: the intermediate model of a crate becomes its files (Rust formatted by prettyplease,
//! Cargo.toml and Markdown reference pages).

mod blocking;
mod cli_crate;
mod cli_data;
mod client;
mod crate_files;
mod crate_root;
mod error;
mod field_doc;
mod flows;
mod guide;
mod markdown;
mod request;
mod response;
mod rustdoc;
mod tokens;
mod types;
mod validation;

pub use cli_crate::{CLI_DIR, cli_crate};

use proc_macro2::TokenStream;
use quote::quote;

use rayon::prelude::*;

use crate::ir::{CrateIr, OperationIr};
use crate::output::{Comment, OutputFile};
use tokens::ident;

/// Every file of one generated crate, paths relative to the crate folder's parent.
///
/// The crate's own files and each operation's are rendered on all cores, and listed in the
/// same order whatever the number of cores.
pub fn emit_crate(ir: &CrateIr) -> Vec<OutputFile> {
    let parts: Vec<Option<&OperationIr>> = std::iter::once(None)
        .chain(ir.operations.iter().map(Some))
        .collect();
    // An indexed parallel iterator collects in input order.
    let files: Vec<Vec<OutputFile>> = parts
        .par_iter()
        .map(|part| match part {
            None => crate_level_files(ir),
            Some(op) => operation_files(op, ir),
        })
        .collect();
    files.into_iter().flatten().collect()
}

/// The folder of a generated crate, relative to the folder of all generated crates.
fn crate_dir(ir: &CrateIr) -> &str {
    crate::naming::product::command(&ir.package)
}

/// The files of a crate that are not an operation's: manifest, README, changelog, root
/// module, operation index, client, blocking client and the shared types, one file each.
fn crate_level_files(ir: &CrateIr) -> Vec<OutputFile> {
    let dir = crate_dir(ir);
    let header = |comment| crate::output::header(comment, &ir.source);
    let mut files = vec![
        OutputFile::new(
            format!("{dir}/Cargo.toml"),
            format!("{}{}", header(Comment::Hash), crate_files::cargo_toml(ir)),
        ),
        OutputFile::new(
            format!("{dir}/README.md"),
            format!("{}{}", header(Comment::Html), crate_files::readme(ir)),
        ),
        OutputFile::new(
            format!("{dir}/CHANGELOG.md"),
            format!("{}{}", header(Comment::Html), crate_files::changelog(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/lib.rs"),
            rust_file(&header(Comment::Slash), crate_root::lib_rs(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/operation/mod.rs"),
            rust_file(&header(Comment::Slash), crate_root::operation_mod(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/types/mod.rs"),
            rust_file(&header(Comment::Slash), types::types_mod(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/client.rs"),
            rust_file(&header(Comment::Slash), client::client_module(ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/blocking.rs"),
            rust_file(&header(Comment::Slash), blocking::blocking_module(ir)),
        ),
    ];
    files.extend(types::type_files(ir).into_iter().map(|(module, items)| {
        OutputFile::new(
            format!("{dir}/src/types/{module}.rs"),
            rust_file(&header(Comment::Slash), items),
        )
    }));
    files
}

/// An operation's module, its error enum (a file of its own: an operation may document
/// hundreds of codes) and its reference page.
fn operation_files(op: &OperationIr, ir: &CrateIr) -> Vec<OutputFile> {
    let dir = crate_dir(ir);
    let header = |comment| crate::output::header(comment, &ir.source);
    vec![
        OutputFile::new(
            format!("{dir}/src/operation/{}.rs", op.module),
            rust_file(&header(Comment::Slash), operation_module(op, ir)),
        ),
        OutputFile::new(
            format!("{dir}/src/operation/{}/error.rs", op.module),
            rust_file(&header(Comment::Slash), error::error_enum(op)),
        ),
        OutputFile::new(
            format!("{dir}/docs/{}.md", op.action),
            format!(
                "{}{}",
                header(Comment::Html),
                markdown::operation_page(ir, op)
            ),
        ),
    ]
}

/// One operation's module: request, builder, response, the error enum from its file, the
/// client's fluent methods, waiters and paginators.
fn operation_module(op: &OperationIr, ir: &CrateIr) -> TokenStream {
    let summary = format!(" `{}`: {}", op.action, op.summary);
    let request = request::request(op, ir);
    let response = response::response(op, &ir.types);
    let error_name = ident(&op.error);
    let action = &op.action;
    let token = match &op.idempotency_token {
        Some(token) => {
            let name = &token.wire;
            let location = tokens::location(token.location);
            quote!(Some(::acs_runtime::client::IdempotencyToken {
                name: #name,
                location: #location,
            }))
        }
        None => quote!(None),
    };
    let idempotent = op.idempotent;
    let binding = tokens::binding(&op.binding);
    let feature = op.feature.iter().map(|feature| {
        format!(" Needs the cargo feature `{feature}` of this crate (on by default).")
    });
    let flows = flows::module_doc(op, ir);
    let flow_items = flows::module_items(op, ir);
    let fluent = client::fluent_method(op);
    let blocking_fluent = blocking::fluent_method(op);
    let request_type = ident(&op.request.name);
    quote! {
        #![doc = #summary]
        #(
            #![doc = ""]
            #![doc = #feature]
        )*
        #(#![doc = #flows])*
        /// What the client needs to know of this operation.
        pub static OPERATION: ::acs_runtime::client::OperationInfo =
            ::acs_runtime::client::OperationInfo {
                action: #action,
                binding: #binding,
                idempotency_token: #token,
                idempotent: #idempotent,
            };
        /// The future of a call through the product trait: the response, or an error with
        /// this operation's error enum.
        pub type Call<'a> = crate::client::Call<'a, #request_type>;
        #request
        #response
        mod error;
        pub use error::#error_name;
        #fluent
        #blocking_fluent
        #flow_items
    }
}

/// The asynchronous behaviour of an operation in words, if it has one.
pub(crate) fn asynchronous_note(op: &OperationIr) -> Option<String> {
    let a = op.asynchronous.as_ref()?;
    let mut note = format!(
        "This operation is asynchronous: it returns before the work is done. Poll `{}` to see it finish.",
        a.poll
    );
    if let Some(method) = &a.wait_method {
        note.push_str(&format!(
            " Wait with `{method}` (its docs say the states and timing)."
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

//! Crate-level files: `Cargo.toml` and `lib.rs` with the crate docs and re-exports.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rustdoc::{doc_lines, example_lines};
use super::types::ident;
use crate::ir::CrateIr;

/// The crate manifest (after the header), written by the TOML serializer so that no spec
/// text can add a key.
pub fn cargo_toml(ir: &CrateIr) -> String {
    let p = &ir.product;
    let description = format!(
        "{} ({}): typed, validated requests, responses and errors.",
        p.title, p.version
    );
    let manifest = toml::toml! {
        [package]
        name = (ir.package.clone())
        version = "0.1.0"
        description = description
        edition = "2024"
        license = { workspace = true }
        rust-version = { workspace = true }
        publish = false

        [dependencies]
        acs-runtime = { workspace = true }
        serde = { version = "1", features = ["derive"] }
        serde_json = "1"

        [dev-dependencies]
        futures-util = "0.3"
        tokio = { version = "1", features = ["macros", "rt-multi-thread"] }

        [features]
        cli = []
    };
    toml::to_string(&manifest).expect("a manifest serializes")
}

/// `lib.rs`: crate docs, one module per operation, re-exports of the main types.
pub fn lib_rs(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let crate_ident = ir.package.replace('-', "_");
    let mut doc = format!(
        "# `{}`: {} (API version {})\n\n",
        ir.package, p.title, p.version
    );
    if let Some(description) = &p.description {
        doc.push_str(&format!("{}\n\n", description.trim()));
    }
    doc.push_str("One module per operation, each with a request (builder and validation), a response and an error enum. The main types are re-exported at the crate root.");
    let mut lines = doc_lines(&doc);
    if let Some(first) = ir.operations.first() {
        lines.extend(example_lines(&format!(
            "let request = {crate_ident}::{}::builder();\n# let _ = request;",
            first.request.name
        )));
    }
    let modules = ir.operations.iter().map(|op| {
        let module = format_ident!("{}", op.module);
        quote! {
            #[rustfmt::skip]
            pub mod #module;
        }
    });
    let exports = ir.operations.iter().map(|op| {
        let module = format_ident!("{}", op.module);
        let request = ident(&op.request.name);
        let builder = format_ident!("{}Builder", op.request.name);
        let response = ident(&op.response.name);
        let error = ident(&op.error);
        quote!(#[rustfmt::skip] pub use #module::{#request, #builder, #response, #error};)
    });
    let api = format_ident!("{}Api", p.product);
    quote! {
        #(#![doc = #lines])*
        #![allow(clippy::doc_lazy_continuation, clippy::doc_overindented_list_items, clippy::large_enum_variant,
            clippy::manual_async_fn)]
        #[rustfmt::skip]
        #[cfg(feature = "cli")]
        pub mod cli;
        #[rustfmt::skip]
        pub mod client;
        #(#modules)*
        #[rustfmt::skip]
        pub use client::{Client, #api, PRODUCT};
        #(#exports)*
        #[rustfmt::skip]
        pub use ::acs_runtime::auth::{Credentials, SignatureVersion};
        #[rustfmt::skip]
        pub use ::acs_runtime::client::{Config, Error, RetryPolicy, ServiceError};
        #[rustfmt::skip]
        pub use ::acs_runtime::validate::{Violation, Violations};
    }
}

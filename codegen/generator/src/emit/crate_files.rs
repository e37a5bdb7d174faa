//! Crate-level files: `Cargo.toml` and `lib.rs` with the crate docs and re-exports.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rustdoc::sanitize;
use super::types::ident;
use crate::ir::CrateIr;

/// The crate manifest (after the header).
pub fn cargo_toml(ir: &CrateIr) -> String {
    let p = &ir.product;
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
description = "{title} ({version}): typed, validated requests, responses and errors."
edition = "2024"
license.workspace = true
rust-version.workspace = true
publish = false

[dependencies]
acs-runtime = {{ workspace = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[dev-dependencies]
futures-util = "0.3"
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}

[features]
# Operation tables and request deserialization for command-line front ends.
cli = []
"#,
        name = ir.package,
        title = p.title,
        version = p.version,
    )
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
    doc.push_str(&format!(
        "One module per operation, each with a request (builder and validation), a response and an error enum. The main types are re-exported at the crate root.\n\n```\nlet request = {crate_ident}::{}Request::builder();\n# let _ = request;\n```\n",
        ir.operations.first().map_or("", |o| o.spec.name.as_str())
    ));
    let lines = sanitize(&doc);
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
    let api = format_ident!("{}", crate::ir::product_name::api_trait(&p.product));
    quote! {
        #(#![doc = #lines])*
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]
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

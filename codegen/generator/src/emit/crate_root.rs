//! The crate root: `lib.rs` (crate docs, a tested getting-started, a slim set of re-exports)
//! and `operation/mod.rs` (one module per operation).

use proc_macro2::TokenStream;
use quote::quote;

use super::guide;
use super::rustdoc::doc_lines;
use super::tokens::{cfg_features, ident};
use crate::ir::CrateIr;

/// `lib.rs`.
pub fn lib_rs(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let mut prose = format!(
        "# `{}`: {} (API version {})\n\n",
        ir.package, p.title, p.api_version
    );
    if let Some(description) = &p.description {
        prose.push_str(&format!("{}\n\n", description.trim()));
    }
    prose.push_str(&features_section(ir));
    let lines = doc_lines(&prose);
    let guide = guide::getting_started(ir);
    let api = ident(&ir.api_trait);
    quote! {
        #(#![doc = #lines])*
        #(#![doc = #guide])*
        #[cfg(feature = "blocking")]
        #[rustfmt::skip]
        pub mod blocking;
        #[rustfmt::skip]
        pub mod client;
        #[rustfmt::skip]
        pub mod operation;
        #[rustfmt::skip]
        pub mod types;
        #[rustfmt::skip]
        pub use client::{Client, #api, PRODUCT, Request};
        #[rustfmt::skip]
        pub use ::acs_runtime::auth::{Credentials, SignatureVersion};
        #[rustfmt::skip]
        pub use ::acs_runtime::client::{Config, Error, RetryPolicy, ServiceError};
        #[rustfmt::skip]
        pub use ::acs_runtime::operation::BoxFuture;
        #[rustfmt::skip]
        pub use ::acs_runtime::paginate::Paginator;
        #[rustfmt::skip]
        pub use ::acs_runtime::validate::{Violation, Violations};
        #[rustfmt::skip]
        pub use ::acs_runtime::waiter::{WaitError, WaiterConfig};
    }
}

/// The crate's cargo features: `serde` and `blocking`, one per resource family, and how to
/// build only some families.
fn features_section(ir: &CrateIr) -> String {
    let mut section = String::from(
        "## Cargo features\n\n\
         - `serde` (off): `Serialize` and `Deserialize` with the wire names on requests, responses and the types of `types`.\n\
         - `blocking` (off): `blocking::Client`, the same calls with a synchronous `send()`, for code without an async runtime.\n\n",
    );
    let Some(first) = ir.features.first() else {
        return section;
    };
    section.push_str(&format!(
        "One feature per resource family, all on by default. An application that needs only some families compiles only those:\n\n```toml\n[dependencies]\n{} = {{ version = \"{}\", default-features = false, features = [\"{}\"] }}\n```\n\n",
        ir.package, ir.version, first.name
    ));
    for feature in &ir.features {
        let plural = if feature.operations == 1 { "" } else { "s" };
        section.push_str(&format!(
            "- `{}` ({} operation{plural}): {}\n",
            feature.name,
            feature.operations,
            feature.title.trim()
        ));
    }
    section.push('\n');
    section
}

/// `operation/mod.rs`.
pub fn operation_mod(ir: &CrateIr) -> TokenStream {
    let modules = ir.operations.iter().map(|op| {
        let module = ident(&op.module);
        let cfg = cfg_features(&op.feature);
        quote! {
            #[rustfmt::skip]
            #cfg
            pub mod #module;
        }
    });
    quote! {
        #![doc = " One module per operation: its request and builder, its response and its error enum."]
        #(#modules)*
    }
}

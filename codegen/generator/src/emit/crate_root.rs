//! The crate root: `lib.rs` (crate docs, a tested getting-started, a slim set of re-exports)
//! and `operation/mod.rs` (one module per operation).

use proc_macro2::TokenStream;
use quote::quote;

use super::guide;
use super::rustdoc::doc_lines;
use super::tokens::ident;
use crate::ir::CrateIr;

/// `lib.rs`.
pub fn lib_rs(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let mut prose = format!(
        "# `{}`: {} (API version {})\n\n",
        ir.package, p.title, p.version
    );
    if let Some(description) = &p.description {
        prose.push_str(&format!("{}\n\n", description.trim()));
    }
    let lines = doc_lines(&prose);
    let guide = guide::getting_started(ir);
    let api = ident(&ir.api_trait);
    quote! {
        #(#![doc = #lines])*
        #(#![doc = #guide])*
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

/// `operation/mod.rs`.
pub fn operation_mod(ir: &CrateIr) -> TokenStream {
    let modules = ir.operations.iter().map(|op| {
        let module = ident(&op.module);
        quote! {
            #[rustfmt::skip]
            pub mod #module;
        }
    });
    quote! {
        #![doc = " One module per operation: its request and builder, its response and its error enum."]
        #(#modules)*
    }
}

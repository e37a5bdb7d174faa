//! The response struct of an operation.

use proc_macro2::TokenStream;
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::ident;
use super::types;
use crate::ir::{OperationIr, TypeSpace};

/// The response struct: every field optional, unknown fields ignored.
pub fn response(op: &OperationIr, types: &TypeSpace) -> TokenStream {
    let s = &op.response;
    let name = ident(&s.name);
    let mut doc = format!("Response of `{}`.", op.action);
    if !s.doc.trim().is_empty() {
        doc.push_str(&format!("\n\n{}", s.doc.trim()));
    }
    doc.push_str("\n\nEvery field is optional: services omit fields, and fields this spec does not know are ignored. Build one with `..Default::default()` (e.g. in a fake for tests).");
    let doc = doc_attrs(&doc);
    let fields = types::fields(s, types);
    let deserialize = types::response_deserialize(s, &TokenStream::new());
    quote! {
        #doc
        #[derive(Clone, Debug, Default, PartialEq)]
        #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
        pub struct #name {
            #(#fields)*
        }
        #deserialize
    }
}

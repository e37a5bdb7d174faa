//! Token helpers every emitter shares: identifiers and the Rust spelling of IR types.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::{TypeRef, TypeSpace};

/// An identifier, `r#`-escaped when the name says so.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a field (without the outer `Option`); nested types by their path in
/// the crate's `types` module.
pub fn rust_type(ty: &TypeRef, types: &TypeSpace) -> TokenStream {
    match ty {
        TypeRef::String => quote!(String),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::Bool => quote!(bool),
        TypeRef::Json => quote!(::serde_json::Value),
        TypeRef::List(item, _) => {
            let item = rust_type(item, types);
            quote!(Vec<#item>)
        }
        TypeRef::Map(value) => {
            let value = rust_type(value, types);
            quote!(::std::collections::BTreeMap<String, #value>)
        }
        TypeRef::Struct(id) | TypeRef::Enum(id) => {
            let name = ident(types.get(*id).name());
            quote!(crate::types::#name)
        }
    }
}

//! Token helpers every emitter shares: identifiers and the Rust spelling of IR types.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use acs_wire::{AnswerKind, Binding, BodyKind, Location, Method, Protocol};

use crate::ir::{FieldName, TypeRef, TypeSpace};

/// The identifier of a type, module or method name the naming layer decided.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The identifier of a field or setter, raw when the name is.
pub fn field_ident(name: &FieldName) -> Ident {
    if name.is_raw() {
        Ident::new_raw(name.bare(), Span::call_site())
    } else {
        Ident::new(name.bare(), Span::call_site())
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
        TypeRef::Bytes => quote!(::acs_runtime::Bytes),
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

/// `#[cfg(feature = "a")]`, or `#[cfg(any(feature = "a", ...))]`, for an item that one of
/// `features` needs; nothing when the crate is not split into features.
pub fn cfg_features<'a>(features: impl IntoIterator<Item = &'a String>) -> TokenStream {
    let features: Vec<&String> = features.into_iter().collect();
    match features.as_slice() {
        [] => quote!(),
        [one] => quote!(#[cfg(feature = #one)]),
        many => quote!(#[cfg(any(#(feature = #many),*))]),
    }
}

/// A parameter location as a constant expression of the runtime's wire vocabulary.
pub fn location(location: Location) -> TokenStream {
    let variant = ident(match location {
        Location::Query => "Query",
        Location::Form => "Form",
        Location::Path => "Path",
        Location::Header => "Header",
        Location::Body => "Body",
    });
    quote!(::acs_runtime::wire::Location::#variant)
}

/// An operation's binding as a constant expression of the runtime's wire vocabulary.
pub fn binding(binding: &Binding<String>) -> TokenStream {
    let method = ident(match binding.method {
        Method::Get => "Get",
        Method::Post => "Post",
        Method::Put => "Put",
        Method::Delete => "Delete",
        Method::Patch => "Patch",
    });
    let method = quote!(::acs_runtime::wire::Method::#method);
    match binding.protocol {
        Protocol::Rpc => quote!(::acs_runtime::wire::Binding::rpc(#method)),
        Protocol::Roa => {
            let path = &binding.path;
            let body = ident(match binding.body {
                BodyKind::Form => "Form",
                BodyKind::Fields => "Fields",
                BodyKind::Json => "Json",
                BodyKind::Text => "Text",
                BodyKind::Binary => "Binary",
            });
            let answer = ident(match binding.answer {
                AnswerKind::Object => "Object",
                AnswerKind::Array => "Array",
                AnswerKind::Text => "Text",
                AnswerKind::Binary => "Binary",
                AnswerKind::None => "None",
            });
            quote! {
                ::acs_runtime::wire::Binding::rest(
                    #method,
                    #path,
                    ::acs_runtime::wire::BodyKind::#body,
                    ::acs_runtime::wire::AnswerKind::#answer,
                )
            }
        }
    }
}

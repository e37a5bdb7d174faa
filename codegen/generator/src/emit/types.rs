//! `types/`: the crate's shared nested structs and open enums, one file each, and the fields of
//! every struct.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::field_doc::field_doc;
use super::rustdoc::doc_attrs;
use super::tokens::{cfg_features, field_ident, ident, rust_type};
use super::validation;
use crate::ir::{CrateIr, EnumIr, FieldIr, Side, StructIr, TypeIr, TypeRef, TypeSpace};
use crate::spec::model::Location;

/// `types/mod.rs`: a private module per type, each type re-exported under the features that
/// need it, so every type is `crate::types::Name`.
pub fn types_mod(ir: &CrateIr) -> TokenStream {
    let modules = ir.types.iter_with_modules().map(|(t, module, features)| {
        let module = ident(module);
        let name = ident(t.name());
        let cfg = cfg_features(features);
        quote! {
            mod #module;
            #cfg
            pub use #module::#name;
        }
    });
    quote! {
        #![doc = " Nested values of requests and responses, shared by every operation that uses the same shape."]
        #(#modules)*
    }
}

/// Each type's file under `types/`: `(module, items)`, the items under the cargo features
/// that need the type (the module itself is always there, empty without them).
pub fn type_files(ir: &CrateIr) -> Vec<(&str, TokenStream)> {
    ir.types
        .iter_with_modules()
        .map(|(t, module, features)| {
            let cfg = cfg_features(features);
            let items = match t {
                TypeIr::Struct(s) => nested_struct(s, &ir.types, &cfg),
                TypeIr::Enum(e) => open_enum(e, &cfg),
            };
            (module, items)
        })
        .collect()
}

/// The `#[rpc(...)]` attribute of a request field.
fn rpc_attr(field: &FieldIr) -> TokenStream {
    let name = &field.wire;
    let location = field
        .location
        .filter(|location| !location.is_query())
        .map(|location| {
            let location = location.name();
            quote!(, location = #location)
        });
    let style = field.style.map(|style| {
        let style = style.name();
        quote!(, style = #style)
    });
    let body = field.body.map(|kind| {
        let kind = kind.name();
        quote!(, body = #kind)
    });
    quote!(#[rpc(name = #name #location #style #body)])
}

/// The fields of a struct, each `pub name: Option<T>` with its docs and wire attributes.
pub fn fields(s: &StructIr, types: &TypeSpace) -> Vec<TokenStream> {
    s.fields
        .iter()
        .map(|f| {
            let doc = doc_attrs(&field_doc(f));
            let name = field_ident(&f.rust);
            let ty = rust_type(&f.ty, types);
            let wire = &f.wire;
            let attr = match s.side {
                Side::Request if s.json => {
                    quote!(#[serde(rename = #wire, skip_serializing_if = "Option::is_none")])
                }
                // Bytes have no serde form of their own: a binary body is left out.
                Side::Request if matches!(f.ty, TypeRef::Bytes) => {
                    let rpc = rpc_attr(f);
                    quote!(#rpc #[cfg_attr(feature = "serde", serde(skip))])
                }
                Side::Request => {
                    let rpc = rpc_attr(f);
                    quote!(#rpc #[cfg_attr(feature = "serde", serde(rename = #wire, skip_serializing_if = "Option::is_none"))])
                }
                Side::Response => {
                    quote!(#[cfg_attr(feature = "serde", serde(rename = #wire, skip_serializing_if = "Option::is_none"))])
                }
            };
            quote! { #doc #attr pub #name: Option<#ty>, }
        })
        .collect()
}

/// A nested struct of a request or a response, each of its items under `cfg`.
fn nested_struct(s: &StructIr, types: &TypeSpace, cfg: &TokenStream) -> TokenStream {
    let doc = doc_attrs(if s.doc.trim().is_empty() {
        "A nested value."
    } else {
        &s.doc
    });
    let name = ident(&s.name);
    let fields = fields(s, types);
    let derive = match (s.side, s.json) {
        (Side::Request, false) => quote! {
            #[derive(Clone, Debug, Default, PartialEq, ::acs_runtime::RpcParams)]
            #[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))]
        },
        // Serialized for the wire whatever the features: through the runtime's serde.
        (Side::Request, true) => quote! {
            #[derive(Clone, Debug, Default, PartialEq, ::acs_runtime::__private::serde::Serialize)]
            #[cfg_attr(feature = "serde", derive(::serde::Deserialize))]
            #[serde(crate = "::acs_runtime::__private::serde")]
        },
        (Side::Response, _) => quote! {
            #[derive(Clone, Debug, Default, PartialEq)]
            #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
        },
    };
    let validate = (s.side == Side::Request && s.validates(types)).then(|| {
        let validate = validation::validate_impl(s, types);
        quote!(#cfg #validate)
    });
    let deserialize = (s.side == Side::Response).then(|| response_deserialize(s, cfg));
    quote! {
        #doc
        #cfg
        #derive
        pub struct #name { #(#fields)* }
        #validate
        #deserialize
    }
}

/// How a response struct is read: `FromJson`, each field read by wire name through the
/// runtime (the first that does not fit reported once all are read), and serde `Deserialize`
/// through it (whatever the features, by the runtime's serde).
pub fn response_deserialize(s: &StructIr, cfg: &TokenStream) -> TokenStream {
    let name = ident(&s.name);
    let in_header = |f: &&FieldIr| f.location == Some(Location::Header);
    let fields = s.fields.iter().map(|f| {
        let field = field_ident(&f.rust);
        let wire = &f.wire;
        if in_header(&f) {
            quote!(#field: None)
        } else {
            quote!(#field: fields.read(#wire))
        }
    });
    let headers: Vec<TokenStream> = s
        .fields
        .iter()
        .filter(in_header)
        .map(|f| {
            let field = field_ident(&f.rust);
            let wire = &f.wire;
            quote!(self.#field = answer.header(#wire).map(str::to_owned);)
        })
        .collect();
    let read_headers = (!headers.is_empty()).then(|| {
        quote! {
            fn read_headers(&mut self, answer: &::acs_runtime::client::Answer) {
                #(#headers)*
            }
        }
    });
    let build = if s.fields.is_empty() {
        quote!(::acs_runtime::de::Fields::new(value).map(|_| Self {}))
    } else {
        quote! {
            let mut fields = ::acs_runtime::de::Fields::new(value)?;
            let value = Self { #(#fields),* };
            fields.finish()?;
            Ok(value)
        }
    };
    quote! {
        #cfg
        impl ::acs_runtime::de::FromJson for #name {
            fn from_json(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                #build
            }
            #read_headers
        }
        #cfg
        impl<'de> ::acs_runtime::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::acs_runtime::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                ::acs_runtime::de::deserialize(deserializer)
            }
        }
    }
}

/// An open enum: the definition with its docs, and the runtime's impls for it.
fn open_enum(e: &EnumIr, cfg: &TokenStream) -> TokenStream {
    let doc = doc_attrs(if e.doc.trim().is_empty() {
        "An enumerated value."
    } else {
        &e.doc
    });
    let name = ident(&e.name);
    let variants: Vec<Ident> = e.variants.iter().map(|v| ident(&v.rust)).collect();
    let wires = e.variants.iter().map(|v| &v.wire);
    let docs = e.variants.iter().map(|v| {
        doc_attrs(&match &v.meaning {
            Some(m) => format!("`{}`: {}", v.wire, m.trim()),
            None => format!("`{}`.", v.wire),
        })
    });
    quote! {
        #doc
        #cfg
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #( #docs #variants, )*
            /// A value this version of the spec does not know, kept verbatim.
            Unknown(String),
        }
        #cfg
        ::acs_runtime::open_enum_impls!(#name { #( #variants = #wires, )* });
    }
}

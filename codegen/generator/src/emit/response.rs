//! The response struct of an operation, shaped by what its answer is.

use proc_macro2::TokenStream;
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::{ident, rust_type};
use super::types;
use crate::ir::{OperationIr, TypeRef, TypeSpace};
use crate::spec::model::AnswerKind;

/// The response struct: for a JSON object every field optional, unknown fields ignored; for
/// a JSON array its elements; for text, bytes or no answer what there is.
pub fn response(op: &OperationIr, types: &TypeSpace) -> TokenStream {
    let s = &op.response;
    let name = ident(&s.name);
    let mut doc = format!("Response of `{}`.", op.action);
    if !s.doc.trim().is_empty() {
        doc.push_str(&format!("\n\n{}", s.doc.trim()));
    }
    let (note, body) = match op.binding.answer {
        AnswerKind::Object => {
            let fields = types::fields(s, types);
            let deserialize = types::response_deserialize(s, &TokenStream::new());
            (
                "Every field is optional: services omit fields, and fields this spec does not know are ignored. Build one with `..Default::default()` (e.g. in a fake for tests).",
                quote! {
                    #[derive(Clone, Debug, Default, PartialEq)]
                    #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
                    pub struct #name {
                        #(#fields)*
                    }
                    #deserialize
                },
            )
        }
        AnswerKind::Array => {
            let item = match s.fields.first().map(|f| &f.ty) {
                Some(TypeRef::List(item, _)) => rust_type(item, types),
                _ => quote!(::serde_json::Value),
            };
            (
                "The service answers with a JSON array: its elements, in order.",
                quote! {
                    #[derive(Clone, Debug, Default, PartialEq)]
                    #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
                    #[cfg_attr(feature = "serde", serde(transparent))]
                    pub struct #name {
                        /// The elements of the answer.
                        pub items: Vec<#item>,
                    }
                    impl ::acs_runtime::de::FromJson for #name {
                        fn from_json(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                            ::acs_runtime::de::FromJson::from_json(value).map(|items| Self { items })
                        }
                    }
                    impl<'de> ::acs_runtime::__private::serde::Deserialize<'de> for #name {
                        fn deserialize<D: ::acs_runtime::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                            ::acs_runtime::de::deserialize(deserializer)
                        }
                    }
                },
            )
        }
        AnswerKind::Text => (
            "The service answers with text.",
            quote! {
                #[derive(Clone, Debug, Default, PartialEq)]
                #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
                pub struct #name {
                    /// The text of the answer.
                    pub text: String,
                }
                ::acs_runtime::text_answer!(#name);
            },
        ),
        AnswerKind::Binary => (
            "The service answers with bytes.",
            quote! {
                #[derive(Clone, Debug, Default, PartialEq)]
                pub struct #name {
                    /// The bytes of the answer.
                    pub body: ::acs_runtime::Bytes,
                }
                ::acs_runtime::binary_answer!(#name);
            },
        ),
        AnswerKind::None => (
            "The service answers with its status alone.",
            quote! {
                #[derive(Clone, Debug, Default, PartialEq)]
                #[cfg_attr(feature = "serde", derive(::serde::Serialize))]
                pub struct #name {}
                ::acs_runtime::empty_answer!(#name);
            },
        ),
    };
    doc.push_str("\n\n");
    doc.push_str(note);
    let doc = doc_attrs(&doc);
    quote! {
        #doc
        #body
    }
}

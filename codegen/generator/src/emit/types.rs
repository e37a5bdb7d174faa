//! Rust types of fields, nested structs and open enums.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::rustdoc::doc_attrs;
use super::validation;
use crate::ir::{EnumIr, FieldIr, Side, StructIr, TypeIr, TypeRef, facts};
use crate::spec::model::{Location, Style};

/// An identifier, `r#`-escaped when the name says so.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a field (without the outer `Option`).
pub fn rust_type(ty: &TypeRef, types: &[TypeIr]) -> TokenStream {
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
        TypeRef::Struct(i) | TypeRef::Enum(i) => {
            let name = ident(types[*i].name());
            quote!(#name)
        }
    }
}

/// The docs of a field: description, then wire name, requirement, default, example and rules.
pub fn field_doc(field: &FieldIr) -> String {
    let m = &field.member;
    let mut doc = m.description.clone().unwrap_or_default().trim().to_owned();
    let mut facts = Vec::new();
    let place = match field.location {
        Some(Location::Body) => " (form body)",
        Some(Location::Query) | None => "",
    };
    facts.push(format!("Wire name: `{}`{place}.", field.wire));
    if m.required {
        facts.push("Required.".to_owned());
    }
    if let Some(default) = &m.default {
        facts.push(format!("Default: `{default}`."));
    }
    if let Some(example) = &m.example {
        facts.push(format!("Example: `{example}`."));
    }
    facts.extend(facts::constraint_facts(m));
    if m.deprecated {
        facts.push("Deprecated.".to_owned());
    }
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    for fact in facts {
        doc.push_str(&format!("- {fact}\n"));
    }
    doc
}

/// The `#[rpc(...)]` attribute of a request field.
fn rpc_attr(field: &FieldIr) -> TokenStream {
    let name = &field.wire;
    let location = (field.location == Some(Location::Body)).then(|| quote!(, location = "body"));
    let style = field.style.map(|s| {
        let s = match s {
            Style::RepeatList => "repeat_list",
            Style::Flat => "flat",
            Style::Json => "json",
            Style::Simple => "simple",
            Style::SpaceDelimited => "space_delimited",
            Style::PipeDelimited => "pipe_delimited",
        };
        quote!(, style = #s)
    });
    quote!(#[rpc(name = #name #location #style)])
}

/// The fields of a struct, each `pub name: Option<T>` with its docs and wire attributes.
pub fn fields(s: &StructIr, types: &[TypeIr]) -> Vec<TokenStream> {
    s.fields
        .iter()
        .map(|f| {
            let doc = doc_attrs(&field_doc(f));
            let name = ident(&f.rust);
            let ty = rust_type(&f.ty, types);
            let wire = &f.wire;
            let attr = match s.side {
                Side::Request if s.json => {
                    quote!(#[serde(rename = #wire, skip_serializing_if = "Option::is_none")])
                }
                Side::Request => rpc_attr(f),
                Side::Response => quote!(),
            };
            quote! { #doc #attr pub #name: Option<#ty>, }
        })
        .collect()
}

/// A nested struct of a request or a response.
pub fn nested_struct(s: &StructIr, types: &[TypeIr]) -> TokenStream {
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
            #[cfg_attr(feature = "cli", derive(::serde::Deserialize))]
        },
        (Side::Request, true) => quote! {
            #[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize)]
            #[cfg_attr(feature = "cli", derive(::serde::Deserialize))]
        },
        (Side::Response, _) => quote!(#[derive(Clone, Debug, Default, PartialEq)]),
    };
    let validate = (s.side == Side::Request && s.validates(types))
        .then(|| validation::validate_impl(s, types));
    let deserialize = (s.side == Side::Response).then(|| response_deserialize(s));
    quote! {
        #doc
        #derive
        pub struct #name { #(#fields)* }
        #validate
        #deserialize
    }
}

/// `Deserialize` of a response struct: each field taken by wire name through the runtime.
pub fn response_deserialize(s: &StructIr) -> TokenStream {
    let name = ident(&s.name);
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        quote!(#field: f.take(#wire)?)
    });
    let build = if s.fields.is_empty() {
        quote!(|_| Ok(Self {}))
    } else {
        quote!(|f| Ok(Self { #(#fields),* }))
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                ::acs_runtime::de::object(deserializer, #build)
            }
        }
    }
}

/// An open enum: the definition with its docs, and the runtime's impls for it.
pub fn open_enum(e: &EnumIr) -> TokenStream {
    let doc = doc_attrs(if e.doc.trim().is_empty() {
        "An enumerated value."
    } else {
        &e.doc
    });
    let name = ident(&e.name);
    let variants: Vec<Ident> = e
        .variants
        .iter()
        .map(|(variant, _, _)| ident(variant))
        .collect();
    let wires = e.variants.iter().map(|(_, wire, _)| wire);
    let docs = e.variants.iter().map(|(_, wire, meaning)| {
        doc_attrs(&match meaning {
            Some(m) => format!("`{wire}`: {}", m.trim()),
            None => format!("`{wire}`."),
        })
    });
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum #name {
            #( #docs #variants, )*
            /// A value this version of the spec does not know, kept verbatim.
            Unknown(String),
        }
        ::acs_runtime::open_enum_impls!(#name { #( #variants = #wires, )* });
    }
}

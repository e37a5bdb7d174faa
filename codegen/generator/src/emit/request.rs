//! The request struct of an operation, its builder and its doc-tested example.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rustdoc::{doc_attrs, example_attrs};
use super::types::{self, ident, rust_type};
use super::validation;
use crate::check::example_problem;
use crate::ir::{FieldIr, OperationIr, TypeIr, TypeRef};
use crate::spec::model::Scalar;

/// The request struct, its `Validate` impl and its builder.
pub fn request(op: &OperationIr, crate_ident: &str) -> TokenStream {
    let s = &op.request;
    let name = ident(&s.name);
    let builder = format_ident!("{}Builder", s.name);
    let doc = doc_attrs(&request_doc(op));
    let example = example_attrs(&example(op, crate_ident));
    let fields = types::fields(s, &op.types);
    let validate = validation::validate_impl(s, &op.types);
    let setters = s.fields.iter().map(|f| setter(f, &op.types));
    let builder_doc = format!(
        " Builds a [`{}`]; see its docs for every parameter.",
        s.name
    );
    quote! {
        #doc
        #example
        #[derive(Clone, Debug, Default, PartialEq, ::acs_runtime::RpcParams)]
        #[cfg_attr(feature = "cli", derive(::serde::Deserialize))]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #[rpc(skip)]
            #[cfg_attr(feature = "cli", serde(skip))]
            unchecked: bool,
        }

        impl #name {
            /// A builder with every parameter unset.
            pub fn builder() -> #builder {
                #builder::default()
            }

            /// Whether the request was built with `build_unchecked`: the client then sends it
            /// without validating it.
            pub fn is_unchecked(&self) -> bool {
                self.unchecked
            }
        }

        #validate

        impl ::acs_runtime::operation::OperationRequest for #name {
            fn is_unchecked(&self) -> bool {
                self.unchecked
            }
        }

        #[doc = #builder_doc]
        #[derive(Clone, Debug, Default)]
        pub struct #builder {
            inner: #name,
        }

        impl #builder {
            #(#setters)*

            /// Checks every parameter against the spec and returns the request, or every
            /// violation at once (missing required parameters, values outside their rules).
            pub fn build(self) -> Result<#name, ::acs_runtime::validate::Violations> {
                ::acs_runtime::validate::Validate::validate(&self.inner)?;
                Ok(self.inner)
            }

            /// Returns the request without checking it, and marks it so the client sends it as
            /// is. For values the service accepts but this spec does not know yet; the
            /// service still has the last word.
            pub fn build_unchecked(mut self) -> #name {
                self.inner.unchecked = true;
                self.inner
            }
        }
    }
}

fn setter(f: &FieldIr, types: &[TypeIr]) -> TokenStream {
    let name = ident(&f.rust);
    let doc = format!(
        " Sets `{}`. {}",
        f.wire,
        first_sentence(f.member.description.as_deref().unwrap_or(""))
    );
    let (param, value) = match &f.ty {
        TypeRef::String => (quote!(value: impl Into<String>), quote!(value.into())),
        TypeRef::Enum(i) => {
            let ty = ident(types[*i].name());
            (quote!(value: impl Into<#ty>), quote!(value.into()))
        }
        TypeRef::Json => (
            quote!(value: impl Into<::serde_json::Value>),
            quote!(value.into()),
        ),
        TypeRef::List(item, _) => match item.as_ref() {
            TypeRef::String => (
                quote!(values: impl IntoIterator<Item = impl Into<String>>),
                quote!(values.into_iter().map(Into::into).collect()),
            ),
            item => {
                let item = rust_type(item, types);
                (
                    quote!(values: impl IntoIterator<Item = #item>),
                    quote!(values.into_iter().collect()),
                )
            }
        },
        TypeRef::Map(value) => {
            let value = rust_type(value, types);
            (
                quote!(entries: impl IntoIterator<Item = (impl Into<String>, #value)>),
                quote!(entries.into_iter().map(|(k, v)| (k.into(), v)).collect()),
            )
        }
        ty => {
            let ty = rust_type(ty, types);
            (quote!(value: #ty), quote!(value))
        }
    };
    quote! {
        #[doc = #doc]
        pub fn #name(mut self, #param) -> Self {
            self.inner.#name = Some(#value);
            self
        }
    }
}

fn first_sentence(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    match line.find(". ") {
        Some(i) => line[..=i].to_owned(),
        None => line.to_owned(),
    }
}

/// Summary, description and asynchronous behaviour.
fn request_doc(op: &OperationIr) -> String {
    let spec = &op.spec;
    let mut doc = format!("Request of `{}`: {}\n", spec.name, spec.summary.trim());
    if let Some(description) = &spec.description {
        doc.push_str(&format!("\n{}\n", description.trim()));
    }
    if let Some(note) = super::asynchronous_note(op) {
        doc.push_str(&format!("\n# Asynchronous\n\n{note}\n"));
    }
    if spec.deprecated {
        doc.push_str("\n**Deprecated** by the service.\n");
    }
    doc
}

/// Rust code building the request from the examples of its required parameters.
fn example(op: &OperationIr, crate_ident: &str) -> String {
    let name = &op.request.name;
    let mut calls = String::new();
    let mut complete = true;
    for f in op.request.fields.iter().filter(|f| f.member.required) {
        match example_literal(f) {
            Some(literal) => calls.push_str(&format!("\n    .{}({literal})", f.rust)),
            None => complete = false,
        }
    }
    if complete {
        format!(
            "let request = {crate_ident}::{name}::builder(){calls}\n    .build()?;\n# let _ = request;\n# Ok::<(), {crate_ident}::Violations>(())"
        )
    } else {
        format!(
            "// Some required parameters need structured values; set them before `build()`.\nlet builder = {crate_ident}::{name}::builder(){calls};\nassert!(builder.build().is_err());"
        )
    }
}

/// A Rust literal for the example of a scalar field, when it has a valid one.
fn example_literal(f: &FieldIr) -> Option<String> {
    let example = f.member.example.as_ref()?;
    if example_problem(&f.member, example).is_some() {
        return None;
    }
    match (&f.ty, example) {
        (TypeRef::String | TypeRef::Enum(_), value) => Some(format!("{:?}", value.to_string())),
        (TypeRef::I32 | TypeRef::I64, value) => crate::check::integer(value).map(|n| n.to_string()),
        (TypeRef::Bool, Scalar::Bool(b)) => Some(b.to_string()),
        (TypeRef::Bool, Scalar::Str(s)) => Some(s.clone()),
        (TypeRef::F32 | TypeRef::F64, value) => value
            .to_string()
            .parse::<f64>()
            .ok()
            .map(|v| format!("{v:?}")),
        _ => None,
    }
}

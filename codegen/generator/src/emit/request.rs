//! The request struct of an operation, its builder (also the fluent call of the client) and
//! its doc-tested example.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::field_doc::setter_doc;
use super::rustdoc::{doc_attrs, example_attrs};
use super::tokens::{field_ident, ident, rust_type};
use super::types;
use super::validation;
use crate::ir::{CrateIr, FieldIr, OperationIr, StructIr, TypeRef, TypeSpace};

/// The request struct, its `Validate` impl and its builder.
pub fn request(op: &OperationIr, ir: &CrateIr) -> TokenStream {
    let s = &op.request;
    let name = ident(&s.name);
    let builder = format_ident!("{}Builder", s.name);
    let doc = doc_attrs(&request_doc(op));
    let example = example_attrs(&example(op, &ir.crate_ident));
    let fields = types::fields(s, &ir.types);
    let validate = validation::validate_impl(s, &ir.types);
    let default = default_impl(s);
    let setters = s.fields.iter().map(|f| setter(f, &s.name, &ir.types));
    let (response, error) = (ident(&op.response.name), ident(&op.error));
    let blocking_send = super::blocking::builder_send(op);
    let builder_doc = doc_attrs(&format!(
        "Builds a [`{}`]; each setter documents its parameter.\n\nFrom [`{}::builder`], [`build`](Self::build) returns the request. From the client, [`Client::{}`](crate::Client::{}) returns the same builder holding the client, and [`send`](Self::send) validates and sends it.",
        s.name, s.name, op.module, op.module
    ));
    quote! {
        #doc
        #example
        #[derive(Clone, Debug, PartialEq, ::acs_runtime::RpcParams)]
        #[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #[rpc(skip)]
            #[cfg_attr(feature = "serde", serde(skip))]
            checked: ::acs_runtime::operation::Checked,
        }

        #default

        impl #name {
            /// A builder with every parameter unset.
            #[inline]
            pub fn builder() -> #builder {
                #builder { inner: #name::default(), client: () }
            }

            /// Whether the request was built with `build_unchecked`: the client then sends it
            /// without validating it.
            pub fn is_unchecked(&self) -> bool {
                self.checked == ::acs_runtime::operation::Checked::Unchecked
            }
        }

        #validate

        impl ::acs_runtime::operation::OperationRequest for #name {
            fn checked(&self) -> ::acs_runtime::operation::Checked {
                self.checked
            }
        }

        impl crate::client::Request for #name {
            type Response = #response;
            type Error = #error;
            const OPERATION: &'static ::acs_runtime::client::OperationInfo = &OPERATION;
        }

        #builder_doc
        #[derive(Clone, Debug, Default)]
        pub struct #builder<C = ()> {
            inner: #name,
            client: C,
        }

        impl<C> #builder<C> {
            #(#setters)*

            /// Checks every parameter against the spec and returns the request, or every
            /// violation at once (missing required parameters, values outside their rules).
            /// The client does not check a built request again. A `RegionId` may be left
            /// unset: the client sends its own region, as the fluent form does.
            pub fn build(self) -> Result<#name, ::acs_runtime::validate::Violations> {
                let mut inner = self.inner;
                inner.checked = ::acs_runtime::operation::check_built(&inner)?;
                Ok(inner)
            }

            /// Returns the request without checking it, and marks it so the client sends it as
            /// is. For values the service accepts but this spec does not know yet; the
            /// service still has the last word.
            pub fn build_unchecked(self) -> #name {
                let mut inner = self.inner;
                inner.checked = ::acs_runtime::operation::Checked::Unchecked;
                inner
            }
        }

        impl<C> #builder<C> {
            /// The builder holding `client`, for its `send`.
            #[inline]
            pub(crate) fn new(client: C) -> Self {
                Self { inner: #name::default(), client }
            }
        }

        impl #builder<&crate::Client> {
            /// Validates the request and sends it: every violation at once as
            /// [`Error::Validation`](crate::Error::Validation) before anything is sent.
            #[inline]
            pub fn send(self) -> ::acs_runtime::client::Invoke<#response, #error> {
                self.client.send(self.inner)
            }

            /// Validates the request and returns the call, to set its per-call settings
            /// (timeouts, endpoint, headers, retries) before its `send`.
            #[inline]
            pub fn customize(self) -> ::acs_runtime::client::Customize<#response, #error> {
                self.client.rpc().customize(
                    <#name as crate::client::Request>::OPERATION, &self.inner, #error::from,
                )
            }
        }

        #blocking_send
    }
}

/// `Default` with every parameter `None`, written out: no call per field, as a derive has.
fn default_impl(s: &StructIr) -> TokenStream {
    let name = ident(&s.name);
    let fields = s.fields.iter().map(|f| field_ident(&f.rust));
    quote! {
        impl Default for #name {
            #[inline]
            fn default() -> Self {
                Self {
                    #(#fields: None,)*
                    checked: ::acs_runtime::operation::Checked::default(),
                }
            }
        }
    }
}

fn setter(f: &FieldIr, request: &str, types: &TypeSpace) -> TokenStream {
    let name = field_ident(&f.rust);
    let doc = doc_attrs(&setter_doc(f, request));
    let (param, value) = match &f.ty {
        TypeRef::String => (quote!(value: impl Into<String>), quote!(value.into())),
        TypeRef::Enum(_) => {
            let ty = rust_type(&f.ty, types);
            (quote!(value: impl Into<#ty>), quote!(value.into()))
        }
        TypeRef::Json => (
            quote!(value: impl Into<::serde_json::Value>),
            quote!(value.into()),
        ),
        TypeRef::Bytes => (
            quote!(value: impl Into<::acs_runtime::Bytes>),
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
        #doc
        pub fn #name(mut self, #param) -> Self {
            self.inner.#name = Some(#value);
            self
        }
    }
}

/// Summary, description and asynchronous behaviour.
fn request_doc(op: &OperationIr) -> String {
    let mut doc = format!("Request of `{}`: {}\n", op.action, op.summary);
    if let Some(description) = &op.description {
        doc.push_str(&format!("\n{}\n", description.trim()));
    }
    if let Some(note) = super::asynchronous_note(op) {
        doc.push_str(&format!("\n# Asynchronous\n\n{note}\n"));
    }
    if op.deprecated {
        doc.push_str("\n**Deprecated** by the service.\n");
    }
    doc
}

/// Rust code building the request from the examples of its required parameters.
fn example(op: &OperationIr, crate_ident: &str) -> String {
    let path = format!(
        "{crate_ident}::operation::{}::{}",
        op.module, op.request.name
    );
    let calls: String = op
        .example
        .calls
        .iter()
        .map(|(setter, literal)| format!("\n    .{setter}({literal})"))
        .collect();
    if op.example.complete {
        format!(
            "let request = {path}::builder(){calls}\n    .build()?;\n# Ok::<(), {crate_ident}::Violations>(())"
        )
    } else {
        format!(
            "// Some required parameters need structured values; set them before `build()`.\nlet builder = {path}::builder(){calls};\nassert!(builder.build().is_err());"
        )
    }
}

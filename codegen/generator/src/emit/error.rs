//! The per-operation error enum: a variant per documented code plus a catch-all.

use proc_macro2::TokenStream;
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::ident;
use crate::ir::OperationIr;

/// The error enum, its conversion from a service error and its `Display`.
pub fn error_enum(op: &OperationIr) -> TokenStream {
    let name = ident(&op.error);
    let doc = doc_attrs(&format!(
        "Service errors of `{}`: one variant per documented code, `Unhandled` for any other.\n\nEvery variant carries the full [`ServiceError`](::acs_runtime::client::ServiceError): HTTP status, code, message and request id.",
        op.action
    ));
    let variants = op.errors.iter().map(|e| {
        let mut text = format!("HTTP {} `{}`", e.status, e.code);
        if let Some(message) = &e.message {
            text.push_str(&format!(": {}", message.trim()));
        }
        if let Some(description) = &e.description {
            text.push_str(&format!("\n\n{}", description.trim()));
        }
        let doc = doc_attrs(&text);
        let variant = ident(&e.variant);
        quote! { #doc #variant(::acs_runtime::client::ServiceError), }
    });
    let arms = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let code = &e.code;
        quote! { #code => Self::#variant(error), }
    });
    let names = op.errors.iter().map(|e| ident(&e.variant));
    let convert = if op.errors.is_empty() {
        quote!(Self::Unhandled(error))
    } else {
        quote! {
            match error.code() {
                #(#arms)*
                _ => Self::Unhandled(error),
            }
        }
    };
    quote! {
        #doc
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A code this spec does not document.
            Unhandled(::acs_runtime::client::ServiceError),
        }

        impl From<::acs_runtime::client::ServiceError> for #name {
            fn from(error: ::acs_runtime::client::ServiceError) -> Self {
                #convert
            }
        }

        impl #name {
            /// The service error behind the variant.
            pub fn service_error(&self) -> &::acs_runtime::client::ServiceError {
                match self {
                    #(Self::#names(error) |)* Self::Unhandled(error) => error,
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.service_error(), f)
            }
        }

        impl ::std::error::Error for #name {}

        impl AsRef<::acs_runtime::client::ServiceError> for #name {
            fn as_ref(&self) -> &::acs_runtime::client::ServiceError {
                self.service_error()
            }
        }
    }
}

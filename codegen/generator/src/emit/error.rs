//! The per-operation error enum: a variant per documented code plus a catch-all.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::ident;
use crate::ir::OperationIr;

/// The error enum, its conversion from a service error, `Clone` and `Debug` (as derived,
/// with one call each instead of one per variant) and `Display`.
///
/// A variant is known by its index in declaration order (`Unhandled` last): `variant` builds
/// the one at an index and `parts` gives a value's index, so `From` (the code's index in the
/// documented codes), `Clone` and `Debug` share those two matches.
pub fn error_enum(op: &OperationIr) -> TokenStream {
    let name = ident(&op.error);
    let doc = doc_attrs(&format!(
        "Service errors of `{}`: one variant per documented code, `Unhandled` for any other.\n\nEvery variant carries the full [`ServiceError`](::acs_runtime::client::ServiceError): HTTP status, code, message and request id, also read through [`code`](Self::code), [`message`](Self::message) and [`request_id`](Self::request_id). Match the documented variants and a wildcard: a later spec may document a code that arrives as `Unhandled` today.",
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
    let indexed = indexed(op);
    quote! {
        #doc
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A code this spec does not document.
            #[deprecated(note = "matching `Unhandled` breaks when a later spec documents the code: match a wildcard and read `code()` instead")]
            Unhandled(::acs_runtime::client::Unhandled),
        }

        #indexed

        impl #name {
            /// The error code, e.g. `Resource.QuotaFull`.
            #[inline]
            pub fn code(&self) -> &str {
                self.service_error().code()
            }

            /// The service's message.
            #[inline]
            pub fn message(&self) -> &str {
                self.service_error().message()
            }

            /// The id of the request, for the service's support.
            #[inline]
            pub fn request_id(&self) -> Option<&str> {
                self.service_error().request_id()
            }
        }

        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.service_error(), f)
            }
        }

        impl ::std::error::Error for #name {}

        impl AsRef<::acs_runtime::client::ServiceError> for #name {
            #[inline]
            fn as_ref(&self) -> &::acs_runtime::client::ServiceError {
                self.service_error()
            }
        }
    }
}

/// `variant` and `parts`, and `From`, `Clone` and `Debug` built on them.
fn indexed(op: &OperationIr) -> TokenStream {
    let name = ident(&op.error);
    let idents: Vec<_> = op.errors.iter().map(|e| ident(&e.variant)).collect();
    let indexes: Vec<_> = (0..idents.len()).map(Literal::usize_unsuffixed).collect();
    let unhandled = Literal::usize_unsuffixed(idents.len());
    let names = op
        .errors
        .iter()
        .map(|e| e.variant.as_str())
        .chain(["Unhandled"]);
    let codes = op.errors.iter().map(|e| &e.code);
    let (convert, build) = if op.errors.is_empty() {
        (
            quote!(Self::variant(0, error)),
            quote!(let _ = index; Self::Unhandled(::acs_runtime::client::Unhandled::new(error))),
        )
    } else {
        (
            quote!(Self::variant(error.code_index(&[#(#codes),*]), error)),
            quote! {
                match index {
                    #(#indexes => Self::#idents(error),)*
                    _ => Self::Unhandled(::acs_runtime::client::Unhandled::new(error)),
                }
            },
        )
    };
    quote! {
        impl From<::acs_runtime::client::ServiceError> for #name {
            fn from(error: ::acs_runtime::client::ServiceError) -> Self {
                #convert
            }
        }

        // The one place that names the catch-all: building and taking apart every variant.
        #[allow(deprecated)]
        impl #name {
            /// The service error behind the variant.
            #[inline]
            pub fn service_error(&self) -> &::acs_runtime::client::ServiceError {
                self.parts().1
            }

            /// The variant at `index` holding `error`; `Unhandled` past the documented codes.
            #[inline]
            fn variant(index: usize, error: ::acs_runtime::client::ServiceError) -> Self {
                #build
            }

            /// The variant's index and the service error it holds.
            #[inline]
            fn parts(&self) -> (usize, &::acs_runtime::client::ServiceError) {
                match self {
                    #(Self::#idents(error) => (#indexes, error),)*
                    Self::Unhandled(unhandled) => (#unhandled, unhandled.service_error()),
                }
            }
        }

        impl Clone for #name {
            #[inline]
            fn clone(&self) -> Self {
                let (index, error) = self.parts();
                Self::variant(index, error.clone())
            }
        }

        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let (index, error) = self.parts();
                let names = [#(#names),*];
                f.debug_tuple(names[index]).field(error).finish()
            }
        }
    }
}

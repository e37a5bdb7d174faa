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
    let indexed = indexed(op);
    quote! {
        #doc
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A code this spec does not document.
            Unhandled(::acs_runtime::client::ServiceError),
        }

        #indexed

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
            quote!(Self::Unhandled(error)),
            quote!(let _ = index; Self::Unhandled(error)),
        )
    } else {
        (
            quote!(Self::variant(error.code_index(&[#(#codes),*]), error)),
            quote! {
                match index {
                    #(#indexes => Self::#idents(error),)*
                    _ => Self::Unhandled(error),
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
                    Self::Unhandled(error) => (#unhandled, error),
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

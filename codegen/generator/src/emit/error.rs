//! The per-operation error enum: a variant per documented code plus a catch-all.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::ident;
use crate::ir::OperationIr;

/// The error enum, its conversion from a service error (the code's index in the documented
/// codes, then a match on the number), `Clone` and `Debug` (as derived, with one call each
/// instead of one per variant) and `Display`.
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
    let codes = op.errors.iter().map(|e| &e.code);
    let arms = op.errors.iter().enumerate().map(|(index, e)| {
        let (index, variant) = (Literal::usize_unsuffixed(index), ident(&e.variant));
        quote! { #index => Self::#variant(error), }
    });
    let parts = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let name = &e.variant;
        quote! { Self::#variant(error) => (#name, error), }
    });
    let rebuild = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote! { Self::#variant(_) => Self::#variant(error), }
    });
    let convert = if op.errors.is_empty() {
        quote!(Self::Unhandled(error))
    } else {
        quote! {
            match error.code_index(&[#(#codes),*]) {
                #(#arms)*
                _ => Self::Unhandled(error),
            }
        }
    };
    quote! {
        #doc
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
            #[inline]
            pub fn service_error(&self) -> &::acs_runtime::client::ServiceError {
                self.parts().1
            }

            /// The variant's name and the service error it holds.
            #[inline]
            fn parts(&self) -> (&'static str, &::acs_runtime::client::ServiceError) {
                match self {
                    #(#parts)*
                    Self::Unhandled(error) => ("Unhandled", error),
                }
            }
        }

        impl Clone for #name {
            #[inline]
            fn clone(&self) -> Self {
                let error = self.service_error().clone();
                match self {
                    #(#rebuild)*
                    Self::Unhandled(_) => Self::Unhandled(error),
                }
            }
        }

        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let (variant, error) = self.parts();
                f.debug_tuple(variant).field(error).finish()
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

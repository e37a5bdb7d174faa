//! `blocking.rs`: the synchronous client (cargo feature `blocking`), the async one waited for by the runtime.

use proc_macro2::TokenStream;
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::ident;
use crate::ir::{CrateIr, OperationIr};

/// The `blocking` module: `Client` with `new`, `send` and `send_with`; each operation's
/// fluent method is in its module.
pub fn blocking_module(ir: &CrateIr) -> TokenStream {
    let client_doc = doc_attrs(&format!(
        "The synchronous `{}` client: the calls of [`crate::Client`], each `send()` waiting for its answer.\n\nFor code without an async runtime (`fn main`, build scripts, plain tests). Every call waits on one small runtime shared by the process; called from inside an async runtime it fails at once with [`Error::Config`] instead of stalling it: use [`crate::Client`] there. Cheap to clone.",
        ir.product.code
    ));
    quote! {
        #![doc = " The synchronous client (cargo feature `blocking`): the same calls, each `send()` waiting for its answer; each operation's fluent method is in its module."]
        use ::acs_runtime::client::{Config, Error};

        use crate::client::Request;

        #client_doc
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: crate::Client,
        }

        impl Client {
            /// A client for `config`: credentials, region or endpoint, retries, timeouts.
            pub fn new(config: Config) -> Result<Self, Error> {
                Ok(Self { inner: crate::Client::new(config)? })
            }

            /// The async client underneath, sharing this one's connection pool and credentials.
            pub fn async_client(&self) -> &crate::Client {
                &self.inner
            }

            /// Sends a request built beforehand and waits for its response or its operation's
            /// error.
            #[inline]
            pub fn send<R: Request>(&self, request: R) -> Result<R::Response, Error<R::Error>> {
                ::acs_runtime::blocking::wait(self.inner.send(request))
            }

            /// Sends a request built beforehand like [`send`](Self::send), with `settings`
            /// overriding the client's configuration (timeouts, endpoint, headers, retries)
            /// for this call only.
            #[inline]
            pub fn send_with<R: Request>(
                &self,
                request: R,
                settings: ::acs_runtime::client::CallSettings,
            ) -> Result<R::Response, Error<R::Error>> {
                ::acs_runtime::blocking::wait(self.inner.send_with(request, settings))
            }
        }
    }
}

/// `client.create_vpn_gateway()`: the request builder holding the blocking client, in the
/// operation's module.
pub fn fluent_method(op: &OperationIr) -> TokenStream {
    let method = ident(&op.module);
    let builder = ident(&format!("{}Builder", op.request.name));
    let doc = doc_attrs(&format!(
        "Calls `{}`: {}\n\nSet the parameters on the returned builder, then `send()` it and get the answer. The parameters and their rules: [`{}`].",
        op.action, op.summary, op.request.name
    ));
    quote! {
        #[cfg(feature = "blocking")]
        impl crate::blocking::Client {
            #doc
            #[inline]
            pub fn #method(&self) -> #builder<&Self> {
                #builder::new(self)
            }
        }
    }
}

/// The synchronous `send` and `customize` of an operation's builder holding the blocking
/// client.
pub fn builder_send(op: &OperationIr) -> TokenStream {
    let request = ident(&op.request.name);
    let builder = ident(&format!("{}Builder", op.request.name));
    let (response, error) = (ident(&op.response.name), ident(&op.error));
    quote! {
        #[cfg(feature = "blocking")]
        impl #builder<&crate::blocking::Client> {
            /// Validates the request, sends it and waits for the answer: every violation at
            /// once as [`Error::Validation`](crate::Error::Validation) before anything is sent,
            /// [`Error::Config`](crate::Error::Config) when called inside an async runtime.
            #[inline]
            pub fn send(self) -> Result<#response, ::acs_runtime::client::Error<#error>> {
                self.client.send(self.inner)
            }

            /// Validates the request and returns the call, to set its per-call settings
            /// (timeouts, endpoint, headers, retries) before its synchronous `send`.
            #[inline]
            pub fn customize(self) -> ::acs_runtime::blocking::Customize<#response, #error> {
                ::acs_runtime::blocking::Customize::new(self.client.async_client().rpc().customize(
                    <#request as crate::client::Request>::OPERATION, &self.inner, #error::from,
                ))
            }
        }
    }
}

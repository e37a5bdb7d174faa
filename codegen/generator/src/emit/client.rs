//! The product client: endpoints as data, a fluent method per operation, `send` for built
//! requests, and a dyn-compatible trait with the same operations for fakes in tests.

use proc_macro2::TokenStream;
use quote::quote;

use super::flows;
use super::rustdoc::doc_attrs;
use super::tokens::{cfg_features, ident, op_type};
use crate::ir::{CrateIr, OperationIr};

/// `client.rs`: `PRODUCT`, `Client`, `Request` and the `<Product>Api` trait.
pub fn client_module(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let (code, version, pattern) = (&p.code, &p.api_version, &p.endpoint_pattern);
    let regions = p
        .regional_endpoints
        .iter()
        .map(|(region, host)| quote!((#region, #host)));
    let api = ident(&ir.api_trait);
    let api_doc = doc_attrs(&format!(
        "Every `{code}` operation, implemented by [`Client`]: code against this trait to substitute a fake in tests.\n\nThe trait is dyn-compatible (`&dyn {api}`, `Arc<dyn {api}>`). Each operation has a default body that fails with [`Error::NotImplemented`], so a fake implements only the operations it needs. Waiters and paginators are provided methods built on the operations, so they work on fakes too."
    ));
    let signatures: Vec<TokenStream> = ir.operations.iter().map(signature).collect();
    let defaults = ir
        .operations
        .iter()
        .zip(&signatures)
        .map(|(op, signature)| {
            let action = &op.action;
            let api = &ir.api_trait;
            let cfg = cfg_features(&op.feature);
            quote! {
                #cfg
                #signature {
                    let _ = request;
                    ::acs_runtime::operation::not_implemented(#action, #api)
                }
            }
        });
    // The per-operation entry points (trait impl, fluent method, flow delegates, builder
    // `new`/`send`) are one-line `#[inline]` calls: the generic call chain under them (send,
    // decode, error mapping) is then compiled where an operation is called, not for every
    // operation when this crate is built.
    let implemented = ir
        .operations
        .iter()
        .zip(&signatures)
        .map(|(op, signature)| {
            let cfg = cfg_features(&op.feature);
            quote!(#cfg #[inline] #signature { Box::pin(self.send(request)) })
        });
    let fluent = ir.operations.iter().map(fluent_method);
    let flows: Vec<(TokenStream, TokenStream)> = ir
        .operations
        .iter()
        .flat_map(|op| {
            let cfg = cfg_features(&op.feature);
            flows::waiters(op, ir)
                .into_iter()
                .chain(flows::paginators(op, ir))
                .map(move |(provided, delegate)| (quote!(#cfg #provided), quote!(#cfg #delegate)))
        })
        .collect();
    let provided = flows.iter().map(|(provided, _)| provided);
    let delegates = flows.iter().map(|(_, delegate)| delegate);
    let client_doc = doc_attrs(&format!(
        "The `{code}` client (API version {version}): signed requests, retries, typed errors.\n\nCheap to clone; clones share one connection pool. Call an operation fluently, `client.{}().<parameter>(value).send().await`, or [`send`](Self::send) a request built beforehand. Every request is validated before anything is sent (see `build_unchecked` on the request builders to opt out).",
        ir.operations
            .first()
            .map_or("operation", |o| o.module.as_str())
    ));
    quote! {
        #![doc = " The client: a fluent method per operation, and the trait for fakes."]
        use ::acs_runtime::client::{Config, Error, Invoke, OperationInfo, ProductInfo, RpcClient, ServiceError};
        use ::acs_runtime::operation::OperationRequest;

        /// Product code, API version and endpoints of this crate's product.
        pub static PRODUCT: ProductInfo = ProductInfo {
            product: #code,
            version: #version,
            endpoint_pattern: #pattern,
            regional_endpoints: &[#(#regions),*],
        };

        /// A request of this product: what [`Client::send`] takes. Implemented by every
        /// request type of the crate.
        pub trait Request: OperationRequest + Send + Sync + 'static {
            /// The response of the operation.
            type Response: ::acs_runtime::de::FromAnswer + Send + 'static;
            /// The error enum of the operation.
            type Error: From<ServiceError> + Send + 'static;
            /// What the client needs to know of the operation.
            const OPERATION: &'static OperationInfo;
        }

        #client_doc
        #[derive(Clone, Debug)]
        pub struct Client {
            rpc: RpcClient,
        }

        impl Client {
            /// A client for `config`: credentials, region or endpoint, retries, timeouts.
            pub fn new(config: Config) -> Result<Self, Error> {
                Ok(Self { rpc: RpcClient::new(&PRODUCT, config)? })
            }

            /// The product-agnostic client underneath, e.g. for its resolved endpoint.
            pub fn rpc(&self) -> &RpcClient {
                &self.rpc
            }

            /// Sends a request built beforehand (validated unless `build()` already did or it
            /// was built unchecked) and returns its response or its operation's error.
            pub fn send<R: Request>(&self, request: R) -> Invoke<R::Response, R::Error> {
                self.rpc.invoke(R::OPERATION, &request, R::Error::from)
            }

            /// Sends a request built beforehand like [`send`](Self::send), with `settings`
            /// overriding the client's configuration (timeouts, endpoint, headers, retries)
            /// for this call only.
            pub fn send_with<R: Request>(
                &self,
                request: R,
                settings: ::acs_runtime::client::CallSettings,
            ) -> Invoke<R::Response, R::Error> {
                self.rpc.invoke_with(R::OPERATION, &request, R::Error::from, settings)
            }

            #(#fluent)*
            #(#delegates)*
        }

        #api_doc
        pub trait #api: Send + Sync {
            #(#defaults)*
            #(#provided)*
        }

        impl #api for Client {
            #(#implemented)*
        }
    }
}

/// The trait method of an operation.
fn signature(op: &OperationIr) -> TokenStream {
    let method = ident(&op.module);
    let (request, response, error) = (
        op_type(op, &op.request.name),
        op_type(op, &op.response.name),
        op_type(op, &op.error),
    );
    let doc = format!(" Calls `{}`: {}", op.action, op.summary);
    quote! {
        #[doc = #doc]
        fn #method(&self, request: #request) -> crate::BoxFuture<'_, Result<#response, Error<#error>>>
    }
}

/// `client.create_vpn_gateway()`: the request builder holding the client.
fn fluent_method(op: &OperationIr) -> TokenStream {
    let method = ident(&op.module);
    let builder_name = format!("{}Builder", op.request.name);
    let builder = op_type(op, &builder_name);
    let cfg = cfg_features(&op.feature);
    let doc = doc_attrs(&format!(
        "Calls `{}`: {}\n\nSet the parameters on the returned builder, then [`send`](crate::operation::{}::{builder_name}::send) it. The parameters and their rules: [`{}`](crate::operation::{}::{}).",
        op.action, op.summary, op.module, op.request.name, op.module, op.request.name
    ));
    quote! {
        #doc
        #cfg
        #[inline]
        pub fn #method(&self) -> #builder<&Self> {
            #builder::new(self)
        }
    }
}

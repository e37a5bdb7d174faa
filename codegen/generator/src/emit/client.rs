//! The product client: endpoints as data, `send` for built requests, and a dyn-compatible
//! trait with one method per operation for fakes in tests. Each operation's fluent method is in
//! its own module.

use proc_macro2::TokenStream;
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::{cfg_features, ident};
use crate::ir::{CrateIr, OperationIr};

/// `client.rs`: `PRODUCT`, `Client`, `Request`, `Call` and the `<Product>Api` trait.
pub fn client_module(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let (code, version, pattern) = (&p.code, &p.api_version, &p.endpoint_pattern);
    let regions = p
        .regional_endpoints
        .iter()
        .map(|(region, host)| quote!((#region, #host)));
    let api = ident(&ir.api_trait);
    let api_name = &ir.api_trait;
    let example = ir
        .operations
        .first()
        .map_or("operation", |o| o.module.as_str());
    let api_doc = doc_attrs(&format!(
        "Every `{code}` operation, implemented by [`Client`]: code against this trait to substitute a fake in tests.\n\nEach method sends its request, as the fluent method of [`Client`] of the same name does (its docs say what the operation does). The trait is dyn-compatible (`&dyn {api_name}`, `Arc<dyn {api_name}>`). A fake implements only the operations it answers: the others go to the client [`delegate`](Self::delegate) returns, or fail with [`Error::NotImplemented`] when there is none. The waiters and paginators of an operation's module take any implementation, fakes included."
    ));
    let methods = ir.operations.iter().map(trait_method);
    let client_doc = doc_attrs(&format!(
        "The `{code}` client (API version {version}): signed requests, retries, typed errors.\n\nCheap to clone; clones share one connection pool. Call an operation fluently, `client.{example}().<parameter>(value).send().await`, or [`send`](Self::send) a request built beforehand. Every request is validated before anything is sent (see `build_unchecked` on the request builders to opt out)."
    ));
    quote! {
        #![doc = " The client and the trait for fakes; each operation's fluent method is in its module."]
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

        /// The future of a call of `R` through the trait: the response, or an error with the
        /// operation's error enum. Each operation module names its own (`Call<'a>`).
        pub type Call<'a, R> = crate::BoxFuture<'a, Result<<R as Request>::Response, Error<<R as Request>::Error>>>;

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
        }

        /// What every method of the trait does unless implemented: `request` sent by `client`,
        /// or [`Error::NotImplemented`] without one. A fake that records a call and then lets
        /// the operation go on calls it as `dispatch(self.delegate(), request)`.
        pub fn dispatch<R: Request>(client: Option<&Client>, request: R) -> Call<'_, R> {
            match client {
                Some(client) => Box::pin(client.send(request)),
                None => ::acs_runtime::operation::not_implemented(R::OPERATION.action, #api_name),
            }
        }

        #api_doc
        pub trait #api: Send + Sync {
            /// The client that sends the operations this implementation does not answer
            /// itself: none by default, so they fail with [`Error::NotImplemented`]. A fake
            /// that answers some operations and lets a real client send the others returns
            /// that client.
            fn delegate(&self) -> Option<&Client> {
                None
            }

            #(#methods)*
        }

        impl #api for Client {
            #[inline]
            fn delegate(&self) -> Option<&Client> {
                Some(self)
            }
        }
    }
}

/// The trait method of an operation, sending through [`dispatch`] by default.
fn trait_method(op: &OperationIr) -> TokenStream {
    let method = ident(&op.module);
    let module = ident(&op.module);
    let request = ident(&op.request.name);
    let cfg = cfg_features(&op.feature);
    quote! {
        #cfg
        fn #method(&self, request: crate::operation::#module::#request) -> crate::operation::#module::Call<'_> {
            dispatch(self.delegate(), request)
        }
    }
}

/// `client.create_vpn_gateway()`: the request builder holding the client, in the operation's
/// module.
pub fn fluent_method(op: &OperationIr) -> TokenStream {
    let method = ident(&op.module);
    let builder_name = format!("{}Builder", op.request.name);
    let builder = ident(&builder_name);
    let doc = doc_attrs(&format!(
        "Calls `{}`: {}\n\nSet the parameters on the returned builder, then [`send`]({builder_name}::send) it. The parameters and their rules: [`{}`].",
        op.action, op.summary, op.request.name
    ));
    quote! {
        impl crate::Client {
            #doc
            #[inline]
            pub fn #method(&self) -> #builder<&Self> {
                #builder::new(self)
            }
        }
    }
}

//! The product client: endpoints as data, one async method per operation, and a trait with
//! the same methods so callers can substitute a fake in their tests.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::flows;
use super::rustdoc::doc_attrs;
use super::types::ident;
use crate::ir::CrateIr;

/// `client.rs`: `PRODUCT`, `Client` and the `<Product>Api` trait.
pub fn client_module(ir: &CrateIr) -> TokenStream {
    let p = &ir.product;
    let (code, version, pattern) = (&p.product, &p.version, &p.endpoints.pattern);
    let regions = p.endpoints.regions.iter().map(|r| {
        let (region, host) = (&r.region, &r.host);
        quote!((#region, #host))
    });
    let api = format_ident!("{}", crate::ir::product_name::api_trait(code));
    let api_doc = format!(
        "Every `{code}` operation, implemented by [`Client`].\n\nCode against this trait to substitute a fake in tests: each method has a default body that fails with [`Error::Config`], so a fake implements only the operations it needs."
    );
    let signatures: Vec<TokenStream> = ir
        .operations
        .iter()
        .map(|op| {
            let method = ident(&op.module);
            let (request, response, error) = (
                ident(&op.request.name),
                ident(&op.response.name),
                ident(&op.error),
            );
            let doc = format!(" Calls `{}`: {}", op.spec.name, op.spec.summary.trim());
            quote! {
                #[doc = #doc]
                fn #method(&self, request: #request)
                    -> impl ::std::future::Future<Output = Result<#response, Error<#error>>> + Send
            }
        })
        .collect();
    let defaults = ir
        .operations
        .iter()
        .zip(&signatures)
        .map(|(op, signature)| {
            let message = format!("`{}` is not implemented by this `{api}`", op.spec.name);
            quote! {
                #signature {
                    let _ = request;
                    ::std::future::ready(Err(Error::Config(#message.to_owned())))
                }
            }
        });
    let methods = ir
        .operations
        .iter()
        .zip(&signatures)
        .map(|(op, signature)| {
            let module = format_ident!("{}", op.module);
            let error = ident(&op.error);
            quote! {
                #signature {
                    self.rpc.invoke(&crate::#module::OPERATION, &request, #error::from)
                }
            }
        });
    let client_doc = format!(
        "The `{code}` client (API version {version}): signed requests, retries, typed errors.\n\nCheap to clone; clones share one connection pool. Every request is validated before anything is sent (see `build_unchecked` on the request builders to opt out)."
    );
    let uses = ir.operations.iter().map(|op| {
        let module = format_ident!("{}", op.module);
        let (request, response, error) = (
            ident(&op.request.name),
            ident(&op.response.name),
            ident(&op.error),
        );
        quote!(use crate::#module::{#request, #response, #error};)
    });
    let (api_doc, client_doc) = (doc_attrs(&api_doc), doc_attrs(&client_doc));
    let flows = ir
        .operations
        .iter()
        .flat_map(|op| flows::waiters(op).into_iter().chain(flows::paginators(op)));
    quote! {
        #![doc = " The client: one async method per operation."]
        use ::acs_runtime::client::{Config, Error, ProductInfo, RpcClient};
        #(#uses)*

        /// Product code, API version and endpoints of this crate's product.
        pub static PRODUCT: ProductInfo = ProductInfo {
            product: #code,
            version: #version,
            endpoint_pattern: #pattern,
            regional_endpoints: &[#(#regions),*],
        };

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
        }

        #api_doc
        pub trait #api: Send + Sync {
            #(#defaults)*
            #(#flows)*
        }

        impl #api for Client {
            #(#methods)*
        }
    }
}

//! The HTTP client shared by every product: endpoints, transport, retries and errors.
//!
//! A generated crate emits one [`ProductInfo`] and one [`OperationInfo`] per operation, and
//! calls [`RpcClient::call`] with the operation's serialized [`crate::params::Params`].

mod config;
mod endpoint;
mod error;
mod invoke;
mod response;
mod retry;
mod rpc;
mod transport;

pub use config::{Config, ConfigBuilder};
pub use endpoint::Endpoint;
pub use error::{Error, ServiceError, TimeoutKind};
pub use invoke::Invoke;
pub use response::{REQUEST_ID_HEADER, parse_response};
pub use retry::{RETRY_AFTER_HEADER, RetryPolicy};
pub use rpc::RpcClient;

/// The HTTP crate the client uses, for [`ConfigBuilder::http_client`] and header types.
pub use reqwest;

/// What the client needs to know of a product: its name, API version and endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProductInfo {
    /// The product code, e.g. `Vpc`.
    pub product: &'static str,
    /// The API version, e.g. `2016-04-28`.
    pub version: &'static str,
    /// The endpoint of a region without an entry in `regional_endpoints`,
    /// e.g. `vpc.{region}.aliyuncs.com`.
    pub endpoint_pattern: &'static str,
    /// Region id to endpoint host, e.g. `("cn-hangzhou", "vpc.aliyuncs.com")`.
    pub regional_endpoints: &'static [(&'static str, &'static str)],
}

/// What the client needs to know of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationInfo {
    /// The API name, e.g. `CreateVpnGateway`.
    pub action: &'static str,
    /// The wire name of the operation's idempotency token (`ClientToken`), a query parameter
    /// the client fills with a UUID when the caller leaves it out.
    pub idempotency_token: Option<&'static str>,
}

//! The HTTP client shared by every product: endpoints, transport, retries and errors.
//!
//! A generated crate emits one [`ProductInfo`] and one [`OperationInfo`] per operation, and
//! calls [`RpcClient::call`] with the operation's serialized [`crate::params::Params`].

mod config;
mod endpoint;
mod error;
mod http;
mod invoke;
mod response;
mod retry;
mod rpc;
mod settings;
mod tls;
pub(crate) mod transport;
mod unhandled;

pub use config::{Config, ConfigBuilder};
pub use endpoint::Endpoint;
pub(crate) use endpoint::{is_loopback, redact_url};
pub use error::{Error, Failure, RawBody, ServiceError, TimeoutKind, TransportError};
pub use http::{
    BodyStream, HeaderMap, HeaderName, HeaderValue, HttpClient, HttpRequest, HttpResponse,
};
pub use invoke::Invoke;
pub(crate) use response::parse_raw;
pub use response::{REQUEST_ID_HEADER, parse_response};
pub use retry::{RETRY_AFTER_HEADER, Resend, RetryPolicy, with_retry_policy};
pub use rpc::{Answer, REGION_VAR, RpcClient, path_and_body};
pub use settings::{CallSettings, Customize};
pub use tls::{CERT_DIR_VAR, CERT_FILE_VAR};
pub use unhandled::Unhandled;

use crate::wire::{Binding, Location};

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
    /// How the operation is sent: method and path.
    pub binding: Binding,
    /// The operation's idempotency token (`ClientToken`), a parameter the client fills with
    /// a UUID where it travels when the caller leaves it out (or sends it empty).
    pub idempotency_token: Option<IdempotencyToken>,
    /// Whether sending the operation twice does no more than sending it once (read-only
    /// operations), so it may be resent after a failure the service may have processed.
    /// Operations with an idempotency token are resent whatever this says.
    pub idempotent: bool,
}

/// An operation's idempotency token parameter: its wire name and where it travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdempotencyToken {
    /// The wire name, e.g. `ClientToken`.
    pub name: &'static str,
    /// Where it travels: the query, the form, a header or a member of the JSON body.
    pub location: Location,
}

impl OperationInfo {
    /// Whether the operation may be resent after a failure the service may have processed.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent || self.idempotency_token.is_some()
    }
}

//! The error of a call and the service error an API answers with.

use std::fmt;
use std::time::Duration;

use crate::auth::CredentialsError;
use crate::validate::Violations;

/// Why a call failed.
///
/// `E` is the service error: [`ServiceError`] for the product-agnostic client, or a
/// generated per-operation enum wrapping it (see [`Error::map_service`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<E = ServiceError> {
    /// The request breaks constraints of the API; nothing was sent.
    #[error(transparent)]
    Validation(#[from] Violations),
    /// No credentials could be had.
    #[error("credentials: {0}")]
    Credentials(#[from] CredentialsError),
    /// The client configuration is unusable (no region, a bad endpoint, plain HTTP not allowed).
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The request could not be sent or its response not read (connection refused, reset, TLS).
    #[error("{source}")]
    Transport {
        /// What went wrong, without the request URL.
        source: TransportError,
    },
    /// An attempt or the whole call took too long.
    #[error("{kind} timed out after {after:?}")]
    Timeout {
        /// Which limit ran out.
        kind: TimeoutKind,
        /// The limit.
        after: Duration,
    },
    /// The response could not be understood: an error without a code (e.g. an HTML 502), or a
    /// success body that is not the expected JSON.
    #[error("unexpected response (HTTP {status}): {reason}; body: {excerpt:?}")]
    ResponseParse {
        /// The HTTP status.
        status: u16,
        /// What did not fit.
        reason: String,
        /// The start of the body, lossily decoded.
        excerpt: String,
        /// The whole body, as received.
        body: RawBody,
    },
    /// The response body is larger than the configured limit; it was not read further.
    #[error(
        "the response (HTTP {status}) is larger than the limit of {limit} bytes \
         (see ConfigBuilder::max_response_bytes)"
    )]
    ResponseTooLarge {
        /// The HTTP status.
        status: u16,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The operation is not implemented by this implementation of the product's API trait:
    /// a fake that implements only the operations its test needs. Nothing was sent.
    #[error("`{operation}` is not implemented by this `{api}`")]
    NotImplemented {
        /// The operation, e.g. `CreateVpnGateway`.
        operation: &'static str,
        /// The trait, e.g. `VpcApi`.
        api: &'static str,
    },
    /// A paginator fetched [`MAX_PAGES`](crate::paginate::MAX_PAGES) pages and the listing
    /// goes on: the pages read so far are not all of it.
    #[error(
        "the listing goes past {limit} pages and was stopped; \
         start again from the request of the next page to read further"
    )]
    TooManyPages {
        /// The number of pages read.
        limit: usize,
    },
    /// The service answered with an error code.
    #[error("{0}")]
    Service(E),
}

/// Whether a failed attempt may have been processed by the service, which decides whether
/// it is safe to send it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The request provably was not processed: no connection (refused, DNS, TLS handshake),
    /// or the gateway turned it away (HTTP 429; throttling or `ServiceUnavailable` with a 4xx
    /// status or 503). Safe to send again.
    NotProcessed,
    /// The request may have been processed: reset or timeout after sending, `InternalError`,
    /// HTTP 500/502/503/504 (throttling or `ServiceUnavailable` codes included). Safe to send
    /// again only for an idempotent operation.
    MaybeProcessed,
}

/// Why a request could not be sent or its response not read.
///
/// Opaque: the HTTP stack behind it is not part of the API. `Display` gives the whole chain
/// of causes, never the request URL. An [`HttpClient`](super::HttpClient) makes one with
/// [`TransportError::connect`] when nothing was sent and [`TransportError::other`] otherwise.
pub struct TransportError {
    message: String,
    connect: bool,
    timeout: bool,
}

impl TransportError {
    pub(crate) fn new(error: reqwest::Error) -> Self {
        let error = error.without_url();
        Self {
            message: chain(if error.is_connect() { CONNECT } else { OTHER }, &error),
            connect: error.is_connect(),
            timeout: error.is_timeout(),
        }
    }

    /// No connection was made (refused, DNS, TLS handshake): nothing was sent, so the request
    /// may be sent again whatever the operation.
    pub fn connect(error: impl std::error::Error) -> Self {
        Self {
            message: chain(CONNECT, &error),
            connect: true,
            timeout: false,
        }
    }

    /// The exchange failed after the request may have been sent (reset, a broken body).
    pub fn other(error: impl std::error::Error) -> Self {
        Self {
            message: chain(OTHER, &error),
            connect: false,
            timeout: false,
        }
    }

    /// Whether no connection was made (refused, DNS, TLS handshake): nothing was sent.
    pub fn is_connect(&self) -> bool {
        self.connect
    }

    /// Whether a time limit of the HTTP stack ran out.
    pub fn is_timeout(&self) -> bool {
        self.timeout
    }

    /// The same error with every occurrence of `secret` in its text replaced by `shown`.
    pub(crate) fn redacted(mut self, secret: &str, shown: &str) -> Self {
        if !secret.is_empty() && self.message.contains(secret) {
            self.message = self.message.replace(secret, shown);
        }
        self
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TransportError")
            .field(&self.message)
            .finish()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransportError {}

/// The body of a response that could not be understood, kept whole; `Debug` shows its
/// length only.
#[derive(Clone, PartialEq, Eq)]
pub struct RawBody(pub(crate) bytes::Bytes);

impl RawBody {
    /// The bytes as received.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for RawBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawBody({} bytes)", self.0.len())
    }
}

/// Which time limit a [`Error::Timeout`] hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutKind {
    /// One attempt (connect, send, read the response).
    Attempt,
    /// The whole call, retries and back-off included.
    Deadline,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Attempt => "the attempt",
            Self::Deadline => "the call",
        })
    }
}

/// An error answered by the service: HTTP status, code, message and request id.
///
/// Boxed inside, so errors stay small however many details the service sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceError(Box<Details>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Details {
    pub(crate) status: u16,
    pub(crate) code: String,
    pub(crate) message: String,
    pub(crate) request_id: Option<String>,
    pub(crate) host_id: Option<String>,
    pub(crate) recommend: Option<String>,
    pub(crate) access_denied_detail: Option<String>,
    pub(crate) retry_after: Option<Duration>,
}

impl ServiceError {
    /// A service error with a status, code and message only.
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self(Box::new(Details {
            status,
            code: code.into(),
            message: message.into(),
            request_id: None,
            host_id: None,
            recommend: None,
            access_denied_detail: None,
            retry_after: None,
        }))
    }

    /// The wait the service asked for in `x-acs-retry-after`, when it did.
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    pub(crate) fn details_mut(&mut self) -> &mut Details {
        &mut self.0
    }

    /// The HTTP status, e.g. 400.
    pub fn status(&self) -> u16 {
        self.0.status
    }

    /// The error code, e.g. `Resource.QuotaFull`.
    pub fn code(&self) -> &str {
        &self.0.code
    }

    /// The position of this error's code in `codes` (the first equal one), or `codes.len()`
    /// when it is none of them: a generated error enum picks its variant with this one call
    /// and a match on the number.
    pub fn code_index(&self, codes: &[&str]) -> usize {
        let code = self.code();
        codes
            .iter()
            .position(|known| *known == code)
            .unwrap_or(codes.len())
    }

    /// The message, e.g. `The quota of resource is full`.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The request id, from the body or the `x-acs-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// The host that answered (`HostId`).
    pub fn host_id(&self) -> Option<&str> {
        self.0.host_id.as_deref()
    }

    /// A link to the diagnosis page (`Recommend`).
    pub fn recommend(&self) -> Option<&str> {
        self.0.recommend.as_deref()
    }

    /// The `AccessDeniedDetail` of a permission error, as compact JSON.
    pub fn access_denied_detail(&self) -> Option<&str> {
        self.0.access_denied_detail.as_deref()
    }

    /// Whether trying again may succeed: throttling, unavailability, internal errors,
    /// and HTTP 429/500/502/503/504.
    pub fn is_retryable(&self) -> bool {
        self.failure().is_some()
    }

    /// Whether the request may have been processed, for a retryable error.
    ///
    /// Provably not processed: HTTP 429, any error with a positive `x-acs-retry-after` (the
    /// service throttling the caller, as the official SDKs read it), and a code of the
    /// `Throttling` or `ServiceUnavailable` families (`Throttling.User`, not
    /// `InvalidThrottlingConfig`) answered with a 4xx status or 503, as gateways turn requests
    /// away. The same codes with another status (a 500 is the
    /// service failing while it processes), `InternalError` and HTTP 500/502/503/504 may have
    /// been processed.
    pub fn failure(&self) -> Option<Failure> {
        let (status, code) = (self.0.status, self.0.code.as_str());
        let turned_away = in_family(code, "Throttling") || in_family(code, "ServiceUnavailable");
        if self.0.retry_after.is_some_and(|wait| !wait.is_zero()) {
            return Some(Failure::NotProcessed);
        }
        match status {
            429 => Some(Failure::NotProcessed),
            400..=499 | 503 if turned_away => Some(Failure::NotProcessed),
            _ if turned_away || in_family(code, "InternalError") => Some(Failure::MaybeProcessed),
            _ => status_failure(status),
        }
    }
}

/// Whether `code` is `family` or one of its dotted members (`Throttling.User`), in any case.
fn in_family(code: &str, family: &str) -> bool {
    code.split('.')
        .next()
        .is_some_and(|first| first.eq_ignore_ascii_case(family))
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let details = &self.0;
        f.write_str(&details.code)?;
        if !details.message.is_empty() {
            write!(f, ": {}", details.message)?;
        }
        match &details.request_id {
            Some(id) => write!(f, " (request id {id})"),
            None => write!(f, " (HTTP {})", details.status),
        }
    }
}

impl std::error::Error for ServiceError {}

impl AsRef<ServiceError> for ServiceError {
    fn as_ref(&self) -> &ServiceError {
        self
    }
}

impl<E> Error<E> {
    /// Converts the service error, keeping every other variant: how generated operations turn
    /// a [`ServiceError`] into their own error enum.
    pub fn map_service<F>(self, f: impl FnOnce(E) -> F) -> Error<F> {
        match self {
            Self::Service(e) => Error::Service(f(e)),
            Self::Validation(v) => Error::Validation(v),
            Self::Credentials(c) => Error::Credentials(c),
            Self::Config(c) => Error::Config(c),
            Self::Transport { source } => Error::Transport { source },
            Self::Timeout { kind, after } => Error::Timeout { kind, after },
            Self::ResponseTooLarge { status, limit } => Error::ResponseTooLarge { status, limit },
            Self::NotImplemented { operation, api } => Error::NotImplemented { operation, api },
            Self::TooManyPages { limit } => Error::TooManyPages { limit },
            Self::ResponseParse {
                status,
                reason,
                excerpt,
                body,
            } => Error::ResponseParse {
                status,
                reason,
                excerpt,
                body,
            },
        }
    }
}

impl<E: AsRef<ServiceError>> Error<E> {
    /// The service error, when the service answered with one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self {
            Self::Service(e) => Some(e.as_ref()),
            _ => None,
        }
    }

    /// The service's error code, e.g. `Throttling.User`.
    pub fn code(&self) -> Option<&str> {
        self.service_error().map(ServiceError::code)
    }

    /// The request id of the service error.
    pub fn request_id(&self) -> Option<&str> {
        self.service_error().and_then(ServiceError::request_id)
    }

    /// Whether trying again may succeed: retryable service errors and statuses,
    /// network errors and timeouts.
    pub fn is_retryable(&self) -> bool {
        self.failure().is_some()
    }

    /// Whether the request may have been processed, for a retryable error; `None` when trying
    /// again cannot help.
    pub fn failure(&self) -> Option<Failure> {
        match self {
            Self::Service(e) => e.as_ref().failure(),
            Self::Transport { source } if source.is_connect() => Some(Failure::NotProcessed),
            Self::Transport { .. } | Self::Timeout { .. } => Some(Failure::MaybeProcessed),
            Self::ResponseParse { status, .. } => status_failure(*status),
            Self::ResponseTooLarge { .. }
            | Self::NotImplemented { .. }
            | Self::TooManyPages { .. }
            | Self::Validation(_)
            | Self::Credentials(_)
            | Self::Config(_) => None,
        }
    }
}

/// What the status alone says: 429 is a refusal before processing; 500/502/503/504 may come
/// after it.
fn status_failure(status: u16) -> Option<Failure> {
    match status {
        429 => Some(Failure::NotProcessed),
        500 | 502 | 503 | 504 => Some(Failure::MaybeProcessed),
        _ => None,
    }
}

const CONNECT: &str = "cannot connect: ";
const OTHER: &str = "transport error: ";

/// `prefix`, the error and its causes, joined with `: `, so that `Display` alone tells what
/// happened.
fn chain(prefix: &str, error: &dyn std::error::Error) -> String {
    let mut text = String::from(prefix);
    text.push_str(&error.to_string());
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::ServiceError;

    #[test]
    fn code_index_is_the_first_equal_code_or_the_count() {
        let codes = [
            "Quota.Exceeded",
            "InvalidRegionId.NotFound",
            "Quota.Exceeded",
        ];
        let index = |code: &str| ServiceError::new(400, code, "").code_index(&codes);
        assert_eq!(index("Quota.Exceeded"), 0);
        assert_eq!(index("InvalidRegionId.NotFound"), 1);
        assert_eq!(index("Quota"), 3, "no prefix match");
        assert_eq!(index("quota.exceeded"), 3, "case matters");
        assert_eq!(ServiceError::new(400, "X", "").code_index(&[]), 0);
    }
}

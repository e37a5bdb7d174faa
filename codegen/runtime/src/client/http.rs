//! The transport seam: [`HttpClient`] sends one request and streams its response back.

use std::fmt;
use std::pin::Pin;

use bytes::Bytes;
use futures_util::Stream;

pub use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::TransportError;
use crate::operation::BoxFuture;
use crate::wire::Method;

/// A response body as it arrives: chunks, or the error that cut it short.
pub type BodyStream = Pin<Box<dyn Stream<Item = Result<Bytes, TransportError>> + Send>>;

/// One signed request, ready to be sent as it is.
#[derive(Clone)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The whole URL: `https://host[:port]/path?query`.
    pub url: String,
    /// The headers, in the order they are to be sent (`host` and the signature included).
    pub headers: HeaderMap,
    /// The body; empty when there is none.
    pub body: Bytes,
}

impl fmt::Debug for HttpRequest {
    /// The method and the URL without its query values: the headers hold the signature and
    /// maybe a security token, the query (with signature V1) too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &super::redact_url(&self.url))
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// The response to an [`HttpRequest`]: the body is read as a stream, so that the client's
/// limit on its size ([`ConfigBuilder::max_response_bytes`](super::ConfigBuilder::max_response_bytes))
/// stops reading it, whatever the implementation.
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: BodyStream,
}

impl HttpResponse {
    /// A response whose body is `body`, in one chunk.
    pub fn full(status: u16, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        let body: Bytes = body.into();
        Self {
            status,
            headers,
            body: Box::pin(futures_util::stream::iter([Ok(body)])),
        }
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.headers.len())
            .finish_non_exhaustive()
    }
}

/// Sends requests for a client: the default is reqwest over rustls (see
/// [`ConfigBuilder::http_client`](super::ConfigBuilder::http_client) to replace it).
///
/// An implementation sends each request as given (no redirect followed, no header added or
/// removed but what HTTP itself needs) and reports failures as [`TransportError`]s. Signing,
/// retries, timeouts, the limit on the body's size and the redaction of secrets are done by
/// the client around it, the same for every implementation.
pub trait HttpClient: Send + Sync + fmt::Debug {
    /// Sends `request` and returns the response once its head has arrived.
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>>;
}

impl HttpClient for reqwest::Client {
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
            Method::Patch => reqwest::Method::PATCH,
        };
        let mut builder = self.request(method, request.url).headers(request.headers);
        if !request.body.is_empty() {
            builder = builder.body(request.body);
        }
        Box::pin(async move {
            let response = builder.send().await.map_err(TransportError::new)?;
            Ok(from_reqwest(response))
        })
    }
}

/// A reqwest response as an [`HttpResponse`] whose body is read chunk by chunk.
pub(crate) fn from_reqwest(mut response: reqwest::Response) -> HttpResponse {
    let status = response.status().as_u16();
    let headers = std::mem::take(response.headers_mut());
    let body = futures_util::stream::unfold(response, |mut response| async move {
        match response.chunk().await {
            Ok(Some(chunk)) => Some((Ok(chunk), response)),
            Ok(None) => None,
            Err(error) => Some((Err(TransportError::new(error)), response)),
        }
    });
    HttpResponse {
        status,
        headers,
        body: Box::pin(body),
    }
}

//! One HTTP exchange over reqwest (rustls): send a signed request, read a bounded response.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::HeaderMap;
use reqwest::{NoProxy, Proxy};

use super::{Error, TimeoutKind, TransportError};
use crate::auth::{Env, SignedRequest};
use crate::wire::Method;

/// Connect timeout of the HTTP clients the runtime builds for itself.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

const USER_AGENT: &str = concat!("acs-runtime/", env!("CARGO_PKG_VERSION"), " (rust)");

/// The variables naming the proxy of HTTPS requests, first set wins.
const HTTPS_PROXY_VARS: [&str; 4] = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"];
/// The variables listing the hosts reached without a proxy.
const NO_PROXY_VARS: [&str; 2] = ["NO_PROXY", "no_proxy"];

/// A response as read off the wire.
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// The HTTP client the runtime builds when none is configured: rustls, no redirects, and a
/// proxy only for HTTPS.
///
/// Plain-HTTP requests (loopback endpoints, the instance metadata service) never go through a
/// proxy: their URL and headers are readable by it. HTTPS requests use the proxy of
/// `HTTPS_PROXY` / `ALL_PROXY` (either case) in `env`, except for the hosts of `NO_PROXY`.
pub(crate) fn http_client(env: &Env) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(USER_AGENT)
        .no_proxy();
    if let Some((var, url)) = HTTPS_PROXY_VARS
        .iter()
        .find_map(|var| env.var(var).map(|url| (var, url)))
    {
        let no_proxy = NO_PROXY_VARS
            .iter()
            .find_map(|var| env.var(var))
            .and_then(|list| NoProxy::from_string(&list));
        let proxy = Proxy::https(&url)
            .map_err(|e| format!("{var} is not a usable proxy URL: {e}"))?
            .no_proxy(no_proxy);
        builder = builder.proxy(proxy);
    }
    builder
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))
}

/// Sends `request` as `{method} {origin}{path}?{query}` and reads the response within
/// `timeout`; a body over `limit` bytes fails without being read further.
pub(crate) async fn exchange(
    client: &reqwest::Client,
    origin: &str,
    request: SignedRequest<'_>,
    timeout: Duration,
    limit: u64,
) -> Result<RawResponse, Error> {
    let mut url =
        String::with_capacity(origin.len() + request.path.len() + 1 + request.query.len());
    url.push_str(origin);
    url.push_str(request.path);
    url.push('?');
    url.push_str(&request.query);
    let method = match request.method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Delete => reqwest::Method::DELETE,
        Method::Patch => reqwest::Method::PATCH,
    };
    let mut builder = client.request(method, url);
    for (name, value) in request.headers {
        builder = builder.header(name, value.as_ref());
    }
    if !request.body.is_empty() {
        builder = builder.body(request.body);
    }
    within(timeout, read(builder, limit)).await
}

/// Runs `exchange` within `timeout`.
pub(crate) async fn within<T>(
    timeout: Duration,
    exchange: impl Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    tokio::time::timeout(timeout, exchange)
        .await
        .unwrap_or(Err(Error::Timeout {
            kind: TimeoutKind::Attempt,
            after: timeout,
        }))
}

/// Sends the request and reads status, headers and at most `limit` bytes of body.
pub(crate) async fn read(
    builder: reqwest::RequestBuilder,
    limit: u64,
) -> Result<RawResponse, Error> {
    let mut response = builder.send().await.map_err(transport)?;
    let status = response.status().as_u16();
    let too_large = || Error::ResponseTooLarge { status, limit };
    let announced = response.content_length().unwrap_or(0);
    if announced > limit {
        return Err(too_large());
    }
    let mut body = BytesMut::with_capacity(usize::try_from(announced).unwrap_or(0));
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(RawResponse {
        status,
        headers: std::mem::take(response.headers_mut()),
        body: body.freeze(),
    })
}

/// A reqwest error as a transport error (which never shows the URL: it holds the query, and
/// with V1 the security token).
fn transport(error: reqwest::Error) -> Error {
    Error::Transport {
        source: TransportError::new(error),
    }
}

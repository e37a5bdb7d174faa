//! One HTTP exchange over reqwest (rustls): send a signed request, read a bounded response.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use reqwest::header::{CONTENT_LENGTH, HeaderMap, HeaderName, HeaderValue};
use reqwest::{NoProxy, Proxy, Url};

use super::config::Network;
use super::http::{self, HttpClient, HttpRequest, HttpResponse};
use super::tls;
use super::{Error, TimeoutKind, TransportError, redact_url};
use crate::auth::{Env, SignedRequest};

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

/// The HTTP client of the credential sources: [`build`] with the default settings.
pub(crate) fn http_client(env: &Env) -> Result<reqwest::Client, String> {
    build(&Network::default(), env)
}

/// The HTTP client the runtime builds when none is configured: rustls trusting the roots of
/// [`tls::roots`], no redirects, and a proxy only for HTTPS unless one is configured.
///
/// Plain-HTTP requests (loopback endpoints, the instance metadata service) never go through a
/// proxy of the environment: their URL and headers are readable by it. HTTPS requests use the
/// proxy of `HTTPS_PROXY` / `ALL_PROXY` (either case) in `env`, except for the hosts of
/// `NO_PROXY`. A proxy configured on the builder takes every request, plain HTTP included.
pub(crate) fn build(network: &Network, env: &Env) -> Result<reqwest::Client, String> {
    let tls = tls::client_config(&network.extra_cas, env)?;
    let mut builder = reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .connect_timeout(network.connect_timeout)
        .tcp_keepalive(network.tcp_keepalive)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(USER_AGENT)
        .no_proxy();
    let no_proxy = || {
        let list = network
            .no_proxy
            .clone()
            .or_else(|| NO_PROXY_VARS.iter().find_map(|var| env.var(var)));
        list.and_then(|list| NoProxy::from_string(&list))
    };
    if let Some(url) = &network.proxy {
        let proxy = proxy_url(url).and_then(|url| Proxy::all(url).map_err(|e| e.to_string()));
        let proxy = proxy.map_err(|e| format!("the proxy {} is unusable: {e}", redact_url(url)))?;
        builder = builder.proxy(proxy.no_proxy(no_proxy()));
    } else if let Some((var, url)) = HTTPS_PROXY_VARS
        .iter()
        .find_map(|var| env.var(var).map(|url| (var, url)))
    {
        let proxy = Proxy::https(&url)
            .map_err(|e| format!("{var} is not a usable proxy URL: {e}"))?
            .no_proxy(no_proxy());
        builder = builder.proxy(proxy);
    }
    builder
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))
}

/// `text` if it is a proxy's URL: `http` or `https`, a host, no path but `/`.
fn proxy_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("the scheme must be http or https".to_owned());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("no host".to_owned());
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err("a proxy URL has no path, query or fragment".to_owned());
    }
    Ok(url)
}

/// Sends `request` as `{method} {origin}{path}?{query}` through `client` and reads the
/// response within `timeout`; a body over `limit` bytes fails without being read further.
pub(crate) async fn exchange(
    client: &dyn HttpClient,
    origin: &str,
    request: SignedRequest<'_>,
    timeout: Duration,
    limit: u64,
) -> Result<RawResponse, Error> {
    let mut url =
        String::with_capacity(origin.len() + request.path.len() + 1 + request.query.len());
    url.push_str(origin);
    url.push_str(request.path);
    if !request.query.is_empty() {
        url.push('?');
        url.push_str(&request.query);
    }
    let mut headers = HeaderMap::with_capacity(request.headers.len());
    for (name, value) in request.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::Config(format!("{name:?} is not a header name")))?;
        let value = HeaderValue::from_str(&value).map_err(|_| {
            Error::Config(format!(
                "the value of the header {name} is not visible ASCII"
            ))
        })?;
        headers.append(name, value);
    }
    let shown = redact_url(&url);
    let query = request.query.clone();
    let request = HttpRequest {
        method: request.method,
        url: url.clone(),
        headers,
        body: request.body,
    };
    // An implementation's error may quote the URL, whose query may hold a token.
    let hide = |error: TransportError| Error::Transport {
        source: error.redacted(&url, &shown).redacted(&query, "***"),
    };
    let sent = async {
        let response = client.send(request).await.map_err(hide)?;
        collect(response, limit).await.map_err(|error| match error {
            Error::Transport { source } => hide(source),
            other => other,
        })
    };
    within(timeout, sent).await
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
    let response = builder.send().await.map_err(transport)?;
    collect(http::from_reqwest(response), limit).await
}

/// Reads at most `limit` bytes of `response`'s body, refusing at once a body announced larger.
async fn collect(response: HttpResponse, limit: u64) -> Result<RawResponse, Error> {
    let HttpResponse {
        status,
        headers,
        mut body,
    } = response;
    let too_large = || Error::ResponseTooLarge { status, limit };
    let announced = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    if announced > limit {
        return Err(too_large());
    }
    let mut bytes = BytesMut::with_capacity(usize::try_from(announced).unwrap_or(0));
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|source| Error::Transport { source })?;
        if (bytes.len() + chunk.len()) as u64 > limit {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(RawResponse {
        status,
        headers,
        body: bytes.freeze(),
    })
}

/// A reqwest error as a transport error (which never shows the URL: it holds the query, and
/// with V1 the security token).
fn transport(error: reqwest::Error) -> Error {
    Error::Transport {
        source: TransportError::new(error),
    }
}

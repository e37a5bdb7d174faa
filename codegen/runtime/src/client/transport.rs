//! One HTTP exchange over reqwest (rustls): send a signed request, read the whole response.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;

use super::{Error, TimeoutKind};
use crate::auth::SignedRequest;

/// Connect timeout of the HTTP client a [`super::RpcClient`] builds for itself.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

const USER_AGENT: &str = concat!("acs-runtime/", env!("CARGO_PKG_VERSION"), " (rust)");

/// A response as read off the wire.
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// The HTTP client of a [`super::RpcClient`] without one configured: rustls, no redirects.
pub(crate) fn default_client() -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(USER_AGENT)
        .build()
}

/// Sends `request` as `POST {base_url}?{query}` and reads the whole response within `timeout`.
pub(crate) async fn exchange(
    client: &reqwest::Client,
    base_url: &str,
    request: SignedRequest<'_>,
    timeout: Duration,
) -> Result<RawResponse, Error> {
    let mut url = String::with_capacity(base_url.len() + 1 + request.query.len());
    url.push_str(base_url);
    url.push('?');
    url.push_str(&request.query);
    let mut builder = client.post(url);
    for (name, value) in request.headers {
        builder = builder.header(name, value.as_ref());
    }
    if !request.body.is_empty() {
        builder = builder.body(request.body);
    }
    let exchange = async {
        let response = builder.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await?;
        Ok::<_, reqwest::Error>(RawResponse {
            status,
            headers,
            body,
        })
    };
    match tokio::time::timeout(timeout, exchange).await {
        Ok(result) => result.map_err(|e| Error::Transport {
            // The URL holds the query, and with V1 the security token: never show it.
            source: e.without_url(),
        }),
        Err(_) => Err(Error::Timeout {
            kind: TimeoutKind::Attempt,
            after: timeout,
        }),
    }
}

//! Credentials served at a URI (`ALIBABA_CLOUD_CREDENTIALS_URI`), e.g. by a sidecar.

use std::fmt;

use reqwest::Url;
use serde_json::Value;

use super::fetch::Http;
use super::session::{Cache, Session};
use super::{CredentialsError, Env, ProvideCredentials, ProvideFuture};
use crate::client::{is_loopback, redact_url};

/// The variable holding the URI credentials are served at.
pub const CREDENTIALS_URI_VAR: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";

const SOURCE: &str = "credentials URI";

/// Credentials from `GET <uri>`: a JSON object with `AccessKeyId`, `AccessKeySecret`,
/// `SecurityToken`, `Expiration` (and `Code`, `Success` when present); refreshed before they
/// expire. The URI is `https://`, or `http://` to a loopback host only. `Debug` hides the URI's
/// user, password and query values, where such services put their token.
pub struct CredentialsUri {
    uri: Result<Url, String>,
    http: Http,
    cache: Cache,
}

impl CredentialsUri {
    /// Credentials from `uri`.
    pub fn new(env: &Env, uri: &str) -> Self {
        let uri = Url::parse(uri)
            .map_err(|e| format!("{CREDENTIALS_URI_VAR} is not a URL: {e}"))
            .and_then(|url| match url.scheme() {
                "https" => Ok(url),
                "http" if url.host_str().is_some_and(is_loopback) => Ok(url),
                _ => Err(format!(
                    "{CREDENTIALS_URI_VAR} must be https://, or http:// to a loopback host"
                )),
            });
        Self {
            uri,
            http: Http::new(env),
            cache: Cache::default(),
        }
    }

    /// The provider of `ALIBABA_CLOUD_CREDENTIALS_URI`, when it is set.
    pub fn from_env(env: &Env) -> Option<Self> {
        env.var(CREDENTIALS_URI_VAR).map(|uri| Self::new(env, &uri))
    }

    async fn fetch(&self) -> Result<Session, CredentialsError> {
        let uri = self
            .uri
            .as_ref()
            .map_err(|reason| CredentialsError::Source {
                source_name: SOURCE,
                reason: reason.clone(),
            })?;
        let request = self.http.client(SOURCE)?.get(uri.clone());
        let answer = self.http.json(SOURCE, request).await?;
        match answer.get("Code").and_then(Value::as_str) {
            None | Some("Success") => Session::from_json(SOURCE, &answer),
            Some(code) => Err(CredentialsError::Source {
                source_name: SOURCE,
                reason: format!("the answer has code {code:?}, not \"Success\""),
            }),
        }
    }
}

impl fmt::Debug for CredentialsUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let uri = self.uri.as_ref().map(|uri| redact_url(uri.as_str()));
        f.debug_struct("CredentialsUri")
            .field("uri", &uri)
            .field("http", &self.http)
            .field("cache", &self.cache)
            .finish()
    }
}

impl ProvideCredentials for CredentialsUri {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.cache.get(|| self.fetch()))
    }
}

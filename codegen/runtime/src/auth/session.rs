//! Temporary credentials: cached, refreshed before they expire, one refresh at a time.

use std::future::Future;
use std::time::Duration;

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Credentials, CredentialsError};

/// How long before their expiry temporary credentials are replaced.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(180);

/// Credentials and, for temporary ones, when they expire.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    pub(crate) credentials: Credentials,
    pub(crate) expires_at: Option<OffsetDateTime>,
}

impl Session {
    /// Temporary credentials from a JSON object with `AccessKeyId`, `AccessKeySecret`,
    /// `SecurityToken` and `Expiration` (RFC 3339); errors name the missing key, never a value.
    pub(crate) fn from_json(
        source_name: &'static str,
        object: &Value,
    ) -> Result<Self, CredentialsError> {
        let field = |key: &str| {
            object
                .get(key)
                .and_then(Value::as_str)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| CredentialsError::Source {
                    source_name,
                    reason: format!("the answer has no {key}"),
                })
        };
        let expiration = field("Expiration")?;
        let expires_at =
            OffsetDateTime::parse(expiration, &Rfc3339).map_err(|e| CredentialsError::Source {
                source_name,
                reason: format!("Expiration {expiration:?} is not an RFC 3339 time: {e}"),
            })?;
        Ok(Self {
            credentials: Credentials::sts(
                field("AccessKeyId")?,
                field("AccessKeySecret")?,
                field("SecurityToken")?,
            ),
            expires_at: Some(expires_at),
        })
    }

    fn is_fresh(&self, now: OffsetDateTime) -> bool {
        self.expires_at.is_none_or(|at| now + REFRESH_MARGIN < at)
    }
}

/// The last credentials of a source, fetched again when they come within
/// [`REFRESH_MARGIN`] of their expiry. Callers arriving during a refresh wait for it instead
/// of starting their own, so a burst of calls makes one request to the source.
#[derive(Debug, Default)]
pub(crate) struct Cache(tokio::sync::Mutex<Option<Session>>);

impl Cache {
    /// The cached credentials while fresh, else those `fetch` gets (and caches).
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Session, CredentialsError>>,
    {
        let mut cached = self.0.lock().await;
        if let Some(session) = cached
            .as_ref()
            .filter(|s| s.is_fresh(OffsetDateTime::now_utc()))
        {
            return Ok(session.credentials.clone());
        }
        let session = fetch().await?;
        let credentials = session.credentials.clone();
        *cached = Some(session);
        Ok(credentials)
    }
}

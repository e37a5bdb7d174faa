//! Temporary credentials: cached, refreshed before they expire, one refresh at a time.

mod cache;

use std::time::Duration;

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Credentials, CredentialsError};

pub(crate) use cache::Cache;

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
}

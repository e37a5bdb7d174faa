//! HTTP for the credential sources: bounded JSON answers, errors that name the source and
//! never a secret, the runtime's proxy rules (never a proxy for plain HTTP).

use std::time::Duration;

use serde_json::Value;

use super::{CredentialsError, Env};
use crate::client::{Error, parse_raw, transport};

/// The longest a credential source may take to answer.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);

/// The largest answer read from a credential source.
const LIMIT: u64 = 1 << 20;

/// The HTTP client of the credential sources built from one environment.
#[derive(Clone, Debug)]
pub(crate) struct Http(Result<reqwest::Client, String>);

impl Http {
    pub(crate) fn new(env: &Env) -> Self {
        Self(transport::http_client(env))
    }

    /// The client, or why it could not be built (a bad proxy variable).
    pub(crate) fn client(
        &self,
        source_name: &'static str,
    ) -> Result<&reqwest::Client, CredentialsError> {
        self.0.as_ref().map_err(|reason| CredentialsError::Source {
            source_name,
            reason: reason.clone(),
        })
    }

    /// Sends `request` and returns the body of a 2xx answer as text; any other answer, and any
    /// failure, is an error naming `source_name`.
    pub(crate) async fn text(
        &self,
        source_name: &'static str,
        request: reqwest::RequestBuilder,
        timeout: Duration,
    ) -> Result<String, CredentialsError> {
        let raw = transport::within(timeout, transport::read(request, LIMIT))
            .await
            .map_err(|e| failed(source_name, &e))?;
        let body = parse_raw(&raw).map_err(|e| failed(source_name, &e))?;
        String::from_utf8(body.to_vec()).map_err(|_| CredentialsError::Source {
            source_name,
            reason: "the answer is not UTF-8".to_owned(),
        })
    }

    /// Like [`Http::text`], for a JSON object.
    pub(crate) async fn json(
        &self,
        source_name: &'static str,
        request: reqwest::RequestBuilder,
    ) -> Result<Value, CredentialsError> {
        let text = self.text(source_name, request, TIMEOUT).await?;
        serde_json::from_str::<Value>(&text)
            .ok()
            .filter(Value::is_object)
            .ok_or_else(|| CredentialsError::Source {
                source_name,
                reason: "the answer is not a JSON object".to_owned(),
            })
    }
}

/// A failed exchange as the error of a source. Service errors show their code and message;
/// unparsable answers their status only (the body may hold credentials).
pub(crate) fn failed(source_name: &'static str, error: &Error) -> CredentialsError {
    let reason = match error {
        Error::ResponseParse { status, .. } => format!("unexpected answer (HTTP {status})"),
        other => other.to_string(),
    };
    CredentialsError::Source {
        source_name,
        reason,
    }
}

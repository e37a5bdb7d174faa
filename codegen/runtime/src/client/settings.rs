//! Per-call settings: [`CallSettings`], and [`Customize`], a call waiting for them.

use std::fmt;
use std::time::Duration;

use super::invoke::Invoke;
use super::{Answer, Error, OperationInfo, RetryPolicy, RpcClient, ServiceError};
use crate::auth::ExtraHeaders;
use crate::params::Params;

/// Settings for one call, each overriding the client's configuration for that call only.
///
/// Unset settings keep the client's. A bad endpoint or header is reported as
/// [`Error::Config`] by the call, before anything is sent.
///
/// ```
/// use std::time::Duration;
/// use acs_runtime::client::{CallSettings, RetryPolicy};
///
/// let settings = CallSettings::new()
///     .attempt_timeout(Duration::from_secs(2))
///     .deadline(Duration::from_secs(10))
///     .header("x-trace-id", "t-1")
///     .retry_policy(RetryPolicy::disabled());
/// assert_eq!(settings.get_attempt_timeout(), Some(Duration::from_secs(2)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct CallSettings {
    pub(super) attempt_timeout: Option<Duration>,
    pub(super) deadline: Option<Duration>,
    pub(super) endpoint: Option<String>,
    pub(super) headers: ExtraHeaders,
    pub(super) invalid: Option<String>,
    pub(super) retry: Option<RetryPolicy>,
}

impl CallSettings {
    /// No setting: the call is made as the client is configured.
    pub fn new() -> Self {
        Self::default()
    }

    /// The timeout of each attempt, instead of the client's.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The limit of the whole call, every attempt and wait included, instead of the client's.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The endpoint URL the call goes to, instead of the client's; checked as the client's
    /// endpoint is (plain `http` only for loopback hosts or with `allow_http`).
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// A header sent with every attempt of the call, and signed by V3 (see
    /// [`ExtraHeaders`](crate::auth::ExtraHeaders) for the names refused). It is added to the
    /// headers of a surrounding [`with_extra_headers`](crate::auth::with_extra_headers) scope,
    /// and replaces one of the same name.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        if self.invalid.is_none() {
            match self.headers.clone().with(name, value) {
                Ok(headers) => self.headers = headers,
                Err(error) => self.invalid = Some(error.to_string()),
            }
        }
        self
    }

    /// The retry policy of the call, instead of the client's (and of a surrounding
    /// [`with_retry_policy`](super::with_retry_policy)).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The attempt timeout set, if any.
    pub fn get_attempt_timeout(&self) -> Option<Duration> {
        self.attempt_timeout
    }

    /// The deadline set, if any.
    pub fn get_deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// The endpoint set, if any.
    pub fn get_endpoint(&self) -> Option<&str> {
        self.endpoint.as_deref()
    }

    /// The headers set.
    pub fn get_headers(&self) -> &ExtraHeaders {
        &self.headers
    }

    /// The retry policy set, if any.
    pub fn get_retry_policy(&self) -> Option<&RetryPolicy> {
        self.retry.as_ref()
    }
}

/// A call whose per-call settings are being set: what the operation builders' `customize()`
/// returns. Set them, then [`send`](Self::send) it.
#[must_use = "a customized call does nothing until sent"]
pub struct Customize<T, E> {
    rpc: RpcClient,
    op: &'static OperationInfo,
    prepared: Result<Params, Error>,
    settings: CallSettings,
    parse: fn(&Answer) -> serde_json::Result<T>,
    map: fn(ServiceError) -> E,
}

impl<T, E> Customize<T, E> {
    pub(super) fn new(
        rpc: RpcClient,
        op: &'static OperationInfo,
        prepared: Result<Params, Error>,
        parse: fn(&Answer) -> serde_json::Result<T>,
        map: fn(ServiceError) -> E,
    ) -> Self {
        Self {
            rpc,
            op,
            prepared,
            settings: CallSettings::new(),
            parse,
            map,
        }
    }

    /// Replaces every setting with `settings`.
    pub fn settings(mut self, settings: CallSettings) -> Self {
        self.settings = settings;
        self
    }

    /// See [`CallSettings::attempt_timeout`].
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.settings = self.settings.attempt_timeout(timeout);
        self
    }

    /// See [`CallSettings::deadline`].
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.settings = self.settings.deadline(deadline);
        self
    }

    /// See [`CallSettings::endpoint`].
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.settings = self.settings.endpoint(url);
        self
    }

    /// See [`CallSettings::header`].
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.settings = self.settings.header(name, value);
        self
    }

    /// See [`CallSettings::retry_policy`].
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.settings = self.settings.retry_policy(policy);
        self
    }

    /// Sends the call with its settings.
    pub fn send(self) -> Invoke<T, E> {
        let sent = self
            .rpc
            .start_prepared(self.op, self.prepared, Some(self.settings));
        Invoke::new(sent, self.parse, self.map)
    }
}

impl<T, E> fmt::Debug for Customize<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Customize")
            .field("action", &self.op.action)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

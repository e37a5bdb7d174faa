//! Synchronous calls for code without an async runtime: what every generated `blocking` client shares.
//!
//! A generated `blocking::Client` wraps the async client and waits for each call on one
//! process-wide current-thread tokio runtime, made at the first call and never dropped (so no
//! client is ever dropped with a runtime inside an async context). Called from inside an
//! async runtime, where waiting would block its worker (or deadlock it), a call fails at once
//! with [`Error::Config`] instead.

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use tokio::runtime::{Builder, Handle, Runtime};

use crate::client::{CallSettings, Error, RetryPolicy};

/// What a blocking call says when made from inside an async runtime.
pub const IN_ASYNC_RUNTIME: &str = "the blocking client was called from inside an async runtime, where waiting would stall it; use the async `Client` there";

/// Waits for `call` on the shared runtime and returns its output.
///
/// Fails with [`Error::Config`] without polling `call` when the current thread is inside a
/// tokio runtime ([`Handle::try_current`]), or when the runtime cannot be made.
pub fn wait<T, E>(call: impl Future<Output = Result<T, Error<E>>>) -> Result<T, Error<E>> {
    if Handle::try_current().is_ok() {
        return Err(Error::Config(IN_ASYNC_RUNTIME.to_owned()));
    }
    runtime()?.block_on(call)
}

/// The shared runtime, made at the first call.
fn runtime<E>() -> Result<&'static Runtime, Error<E>> {
    static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start the blocking client's runtime: {e}"))
        })
        .as_ref()
        .map_err(|e| Error::Config(e.clone()))
}

/// A blocking call whose per-call settings are being set: what the operation builders'
/// `customize()` returns on a generated `blocking::Client`. The async
/// [`Customize`](crate::client::Customize) underneath holds the settings; [`send`](Self::send)
/// waits for its answer as [`wait`] does.
#[must_use = "a customized call does nothing until sent"]
pub struct Customize<T, E> {
    inner: crate::client::Customize<T, E>,
}

impl<T, E> Customize<T, E> {
    /// The blocking form of an async customized call.
    pub fn new(inner: crate::client::Customize<T, E>) -> Self {
        Self { inner }
    }

    /// See [`CallSettings`]: replaces every setting with `settings`.
    pub fn settings(self, settings: CallSettings) -> Self {
        Self::new(self.inner.settings(settings))
    }

    /// See [`CallSettings::attempt_timeout`].
    pub fn attempt_timeout(self, timeout: Duration) -> Self {
        Self::new(self.inner.attempt_timeout(timeout))
    }

    /// See [`CallSettings::deadline`].
    pub fn deadline(self, deadline: Duration) -> Self {
        Self::new(self.inner.deadline(deadline))
    }

    /// See [`CallSettings::endpoint`].
    pub fn endpoint(self, url: impl Into<String>) -> Self {
        Self::new(self.inner.endpoint(url))
    }

    /// See [`CallSettings::header`].
    pub fn header(self, name: &'static str, value: impl Into<String>) -> Self {
        Self::new(self.inner.header(name, value))
    }

    /// See [`CallSettings::retry_policy`].
    pub fn retry_policy(self, policy: RetryPolicy) -> Self {
        Self::new(self.inner.retry_policy(policy))
    }

    /// Sends the call with its settings and waits for the answer; fails with
    /// [`Error::Config`] without sending anything when called inside an async runtime.
    pub fn send(self) -> Result<T, Error<E>> {
        wait(self.inner.send())
    }
}

impl<T, E> std::fmt::Debug for Customize<T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_outside_a_runtime() {
        let out: Result<u8, Error> = wait(async { Ok(7) });
        assert_eq!(out.ok(), Some(7));
    }

    #[test]
    fn refuses_inside_a_runtime_without_polling() {
        let rt = Builder::new_current_thread().build().unwrap();
        let out: Result<u8, Error> =
            rt.block_on(async { wait(async { panic!("polled inside a runtime") }) });
        match out {
            Err(Error::Config(message)) => assert_eq!(message, IN_ASYNC_RUNTIME),
            other => panic!("expected a configuration error, got {other:?}"),
        }
    }
}

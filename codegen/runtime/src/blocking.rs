//! Synchronous calls for code without an async runtime: what every generated `blocking` client shares.
//!
//! A generated `blocking::Client` wraps the async client and waits for each call on one
//! process-wide current-thread tokio runtime, made at the first call and never dropped (so no
//! client is ever dropped with a runtime inside an async context). Called from inside an
//! async runtime, where waiting would block its worker (or deadlock it), a call fails at once
//! with [`Error::Config`] instead.

use std::future::Future;
use std::sync::OnceLock;

use tokio::runtime::{Builder, Handle, Runtime};

use crate::client::Error;

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

//! [`Invoke`]: the future every generated operation method returns.
//!
//! The call itself (sign, send, retry) is one boxed future compiled once; only building the
//! response from the answer and mapping a service error are per operation, as two
//! function pointers. Generated
//! methods are then plain functions, not one async state machine per operation.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::response::unparsable;
use super::{Answer, Error, ServiceError};

/// The sent call, not yet parsed.
pub(super) type Sent = Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send>>;

/// A call in flight, resolving to the operation's response or its error.
#[must_use = "futures do nothing unless awaited"]
pub struct Invoke<T, E> {
    sent: Sent,
    parse: fn(&Answer) -> serde_json::Result<T>,
    map: fn(ServiceError) -> E,
}

impl<T, E> Invoke<T, E> {
    pub(super) fn new(
        sent: Sent,
        parse: fn(&Answer) -> serde_json::Result<T>,
        map: fn(ServiceError) -> E,
    ) -> Self {
        Self { sent, parse, map }
    }
}

impl<T, E> Future for Invoke<T, E> {
    type Output = Result<T, Error<E>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        match this.sent.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(answer) => Poll::Ready(decode(answer, this.parse, this.map)),
        }
    }
}

/// The response built from a successful answer by `parse`, or the error with the service's
/// converted by `map`.
fn decode<T, E>(
    answer: Result<Answer, Error>,
    parse: fn(&Answer) -> serde_json::Result<T>,
    map: fn(ServiceError) -> E,
) -> Result<T, Error<E>> {
    let error = match answer {
        Ok(answer) => match parse(&answer) {
            Ok(response) => return Ok(response),
            Err(e) => unparsable(answer.status, e, &answer.body),
        },
        Err(error) => error,
    };
    Err(error.map_service(map))
}

impl<T, E> fmt::Debug for Invoke<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Invoke").finish_non_exhaustive()
    }
}

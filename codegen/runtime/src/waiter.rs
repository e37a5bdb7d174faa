//! Waiters: poll an operation until a resource reaches a state, with a delay and a deadline.
//!
//! Generated waiters describe their acceptors as data ([`Acceptors`]); the loop lives here once.

use std::future::Future;
use std::time::Duration;

use crate::client::{Error, ServiceError};

/// How often and how long to poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaiterConfig {
    /// Delay between two polls.
    pub delay: Duration,
    /// Longest total wait before giving up with [`WaitError::Timeout`].
    pub max_wait: Duration,
}

impl WaiterConfig {
    /// Polls every `delay`, at most `max_wait` in total.
    pub fn new(delay: Duration, max_wait: Duration) -> Self {
        Self { delay, max_wait }
    }
}

/// What ends a wait: states of the polled resource and error codes.
#[derive(Clone, Copy, Debug)]
pub struct Acceptors {
    /// States meaning the wait succeeded.
    pub success: &'static [&'static str],
    /// States meaning the resource will never get there: the wait fails at once.
    pub failure: &'static [&'static str],
    /// Error codes meaning the wait succeeded (e.g. `...NotFound` when waiting for a deletion).
    pub success_codes: &'static [&'static str],
}

/// Why a wait ended without success.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WaitError<E = ServiceError> {
    /// The resource did not reach the state in time.
    #[error("gave up waiting after {waited:?} ({polls} polls); last state: {}", last_state.as_deref().unwrap_or("unknown"))]
    Timeout {
        /// Time spent.
        waited: Duration,
        /// Polls made.
        polls: u32,
        /// The last state seen, if any.
        last_state: Option<String>,
    },
    /// The resource reached a state it cannot leave for the one awaited.
    #[error("the resource reached the terminal state `{state}`")]
    Failed {
        /// The state.
        state: String,
    },
    /// A poll failed with an error that is not an acceptor.
    #[error(transparent)]
    Call(Error<E>),
}

/// The outcome of a successful wait: the last response, or `None` when an error code was the
/// success (the resource is gone).
pub type Waited<T> = Option<T>;

/// Polls `poll` until `state` of its answer is a success state (or its error code a success
/// code), failing at once on a failure state, and giving up after `config.max_wait`.
pub async fn wait<T, E, F, Fut>(
    config: WaiterConfig,
    acceptors: Acceptors,
    mut poll: F,
    state: fn(&T) -> Option<&str>,
) -> Result<Waited<T>, WaitError<E>>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error<E>>>,
    E: AsRef<ServiceError>,
{
    let started = tokio::time::Instant::now();
    let mut polls = 0;
    let mut last_state: Option<String>;
    loop {
        polls += 1;
        match poll().await {
            Ok(answer) => {
                let current = state(&answer).map(str::to_owned);
                if let Some(s) = current.as_deref() {
                    if acceptors.success.contains(&s) {
                        return Ok(Some(answer));
                    }
                    if acceptors.failure.contains(&s) {
                        return Err(WaitError::Failed {
                            state: s.to_owned(),
                        });
                    }
                }
                last_state = current;
            }
            Err(Error::Service(e)) if acceptors.success_codes.contains(&e.as_ref().code()) => {
                return Ok(None);
            }
            Err(e) => return Err(WaitError::Call(e)),
        }
        let waited = started.elapsed();
        if waited + config.delay > config.max_wait {
            return Err(WaitError::Timeout {
                waited,
                polls,
                last_state,
            });
        }
        tokio::time::sleep(config.delay).await;
    }
}

//! The cache of a credential source: one refresh in flight, unexpired keys kept, failures shared.

use std::future::Future;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::time::Instant;

use super::{REFRESH_MARGIN, Session};
use crate::auth::{Credentials, CredentialsError};

/// The wait after a first failed refresh before the source is asked again.
pub(crate) const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest wait between two refreshes that failed.
pub(crate) const LONGEST_BACKOFF: Duration = Duration::from_secs(60);

/// The last credentials of a source, fetched again when they come within
/// [`REFRESH_MARGIN`] of their expiry.
///
/// - One refresh at a time: callers arriving while one runs wait for its outcome (success or
///   failure) instead of asking the source themselves, so a burst of calls makes one request.
/// - Keys that have not expired yet are served while a refresh runs and when it fails: only
///   one caller waits for the source, the others go on at once.
/// - After a failure the source is left alone for a while ([`FIRST_BACKOFF`], doubling up to
///   [`LONGEST_BACKOFF`]); meanwhile callers get the unexpired keys, or the same failure.
///
/// Times are measured on tokio's monotonic clock: a change of the wall clock moves no expiry.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    state: Mutex<State>,
    /// Held by the caller that asks the source.
    refresh: tokio::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct State {
    entry: Option<Entry>,
    failure: Option<Failure>,
}

#[derive(Debug)]
struct Entry {
    credentials: Credentials,
    /// When to ask for new credentials; `None` for keys that never expire.
    refresh_at: Option<Instant>,
    /// When the keys stop being valid; `None` for keys that never expire.
    expires_at: Option<Instant>,
}

#[derive(Debug)]
struct Failure {
    error: CredentialsError,
    retry_at: Instant,
    backoff: Duration,
}

/// What the state says a caller gets without asking the source.
enum Answer {
    Ready(Result<Credentials, CredentialsError>),
    /// A refresh is due; these keys are still valid meanwhile.
    Refresh(Option<Credentials>),
}

impl Cache {
    /// The cached credentials while fresh, else those `fetch` gets (and caches), as described
    /// on [`Cache`].
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Session, CredentialsError>>,
    {
        let valid = match self.state().answer(Instant::now()) {
            Answer::Ready(answer) => return answer,
            Answer::Refresh(valid) => valid,
        };
        let _refreshing = match valid {
            Some(credentials) => match self.refresh.try_lock() {
                Ok(guard) => guard,
                Err(_) => return Ok(credentials),
            },
            None => self.refresh.lock().await,
        };
        // Whoever held the lock before may have settled it.
        let valid = match self.state().answer(Instant::now()) {
            Answer::Ready(answer) => return answer,
            Answer::Refresh(valid) => valid,
        };
        let outcome = fetch().await;
        let now = Instant::now();
        let mut state = self.state();
        match outcome {
            Ok(session) => {
                let entry = Entry::new(session, now);
                let credentials = entry.credentials.clone();
                *state = State {
                    entry: Some(entry),
                    failure: None,
                };
                Ok(credentials)
            }
            Err(error) => {
                let backoff = state
                    .failure
                    .as_ref()
                    .map_or(FIRST_BACKOFF, |f| (f.backoff * 2).min(LONGEST_BACKOFF));
                state.failure = Some(Failure {
                    error: duplicate(&error),
                    retry_at: now + backoff,
                    backoff,
                });
                match valid {
                    Some(credentials) => {
                        tracing::warn!(%error, "refreshing credentials failed; the current ones have not expired yet");
                        Ok(credentials)
                    }
                    None => Err(error),
                }
            }
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    fn answer(&self, now: Instant) -> Answer {
        let valid = self
            .entry
            .as_ref()
            .filter(|e| e.expires_at.is_none_or(|at| now < at));
        if let Some(entry) = valid.filter(|e| e.refresh_at.is_none_or(|at| now < at)) {
            return Answer::Ready(Ok(entry.credentials.clone()));
        }
        let valid = valid.map(|e| e.credentials.clone());
        match &self.failure {
            Some(failure) if now < failure.retry_at => {
                Answer::Ready(valid.ok_or_else(|| duplicate(&failure.error)))
            }
            _ => Answer::Refresh(valid),
        }
    }
}

impl Entry {
    fn new(session: Session, now: Instant) -> Self {
        let expires_at = session.expires_at.map(|at| {
            let left = (at - OffsetDateTime::now_utc()).max(time::Duration::ZERO);
            Duration::try_from(left).map_or(None, |left| now.checked_add(left))
        });
        let expires_at = expires_at.flatten();
        Self {
            credentials: session.credentials,
            refresh_at: expires_at.map(|at| at.checked_sub(REFRESH_MARGIN).unwrap_or(now)),
            expires_at,
        }
    }
}

/// The same error again, for every caller that shares one failed refresh.
fn duplicate(error: &CredentialsError) -> CredentialsError {
    match error {
        CredentialsError::NotFound(places) => CredentialsError::NotFound(places.clone()),
        CredentialsError::Io { path, source } => CredentialsError::Io {
            path: path.clone(),
            source: std::io::Error::new(source.kind(), source.to_string()),
        },
        CredentialsError::Source {
            source_name,
            reason,
        } => CredentialsError::Source {
            source_name,
            reason: reason.clone(),
        },
        CredentialsError::InvalidProfile { path, reason } => CredentialsError::InvalidProfile {
            path: path.clone(),
            reason: reason.clone(),
        },
    }
}

#[cfg(test)]
mod tests;

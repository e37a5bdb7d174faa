//! Retry policy: how many attempts, exponential back-off with full jitter, `x-acs-retry-after`.

use std::time::Duration;

use rand::Rng;
use reqwest::header::HeaderMap;

use super::Failure;

/// The header with which the service asks for a wait before the next attempt.
///
/// Its value is read as a whole number of **milliseconds**, the unit the official SDKs
/// (Darabonba's retry policy) use; any other value is ignored.
pub const RETRY_AFTER_HEADER: &str = "x-acs-retry-after";

/// How often and how patiently a call is retried.
///
/// A failure the service provably did not process (no connection; HTTP 429; throttling or
/// `ServiceUnavailable` turned away with a 4xx status or 503; any service error with a positive
/// `x-acs-retry-after`) is retried for every operation.
/// A failure it may have processed (reset or timeout after sending, `InternalError`, HTTP
/// 500/502/503/504 whatever the code) is retried as [`Resend`] says: by default only for
/// idempotent operations. Other errors are never retried (see [`super::Failure`]).
/// The wait before attempt *n + 1* is `x-acs-retry-after` when the failed response has one (at
/// most `max_delay`), else a random duration in `[0, min(max_delay, base_delay · 2ⁿ⁻¹)]`.
///
/// [`with_retry_policy`] overrides the client's policy for the calls of one future.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    resend: Resend,
}

/// Which operations are sent again after a failure the service may have processed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Resend {
    /// Only idempotent ones: with an idempotency token (the same on every attempt) or marked
    /// idempotent by their spec (read-only operations). The default.
    #[default]
    Idempotent,
    /// Every operation: a create may then be done twice.
    Always,
    /// None: only failures the service provably did not process are retried.
    Never,
}

tokio::task_local! {
    static OVERRIDE: RetryPolicy;
}

/// Runs `calls` with `policy` instead of the client's retry policy: a per-call override.
///
/// ```no_run
/// # async fn run(client: acs_runtime::client::RpcClient, op: &'static acs_runtime::client::OperationInfo) {
/// use acs_runtime::client::{RetryPolicy, with_retry_policy};
/// let once = with_retry_policy(RetryPolicy::disabled(), client.send(op, Default::default())).await;
/// # }
/// ```
pub async fn with_retry_policy<F: Future>(policy: RetryPolicy, calls: F) -> F::Output {
    OVERRIDE.scope(policy, calls).await
}

/// The policy set by [`with_retry_policy`] around the current call, if any.
pub(crate) fn overridden() -> Option<RetryPolicy> {
    OVERRIDE.try_with(RetryPolicy::clone).ok()
}

impl RetryPolicy {
    /// Three attempts in all, base delay 200 ms, at most 20 s between attempts.
    pub fn standard() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(20),
            resend: Resend::Idempotent,
        }
    }

    /// One attempt, no retries.
    pub fn disabled() -> Self {
        Self::standard().with_max_attempts(1)
    }

    /// Sets the number of attempts, first one included (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the back-off base: the cap of the first wait.
    pub fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Sets the longest back-off wait.
    pub fn with_max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Sets which operations are sent again after a failure the service may have processed.
    pub fn with_resend(mut self, resend: Resend) -> Self {
        self.resend = resend;
        self
    }

    /// Whether a call that failed this way may be sent again: a failure the service did not
    /// process always, one it may have processed as [`Resend`] says.
    pub fn may_resend(&self, failure: Failure, idempotent: bool) -> bool {
        match (failure, self.resend) {
            (Failure::NotProcessed, _) | (Failure::MaybeProcessed, Resend::Always) => true,
            (Failure::MaybeProcessed, Resend::Idempotent) => idempotent,
            (Failure::MaybeProcessed, Resend::Never) => false,
        }
    }

    /// The number of attempts, first one included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait after failed attempt `attempt` (1-based): the wait the service `asked` for
    /// (`x-acs-retry-after`) up to the longest back-off wait, else [`RetryPolicy::backoff`].
    pub fn wait(&self, attempt: u32, asked: Option<Duration>) -> Duration {
        match asked {
            Some(asked) => asked.min(self.max_delay),
            None => self.backoff(attempt),
        }
    }

    /// The wait after failed attempt `attempt` (1-based): full jitter over the exponential cap.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32 << attempt.saturating_sub(1).min(31);
        let cap = self.base_delay.saturating_mul(factor).min(self.max_delay);
        let nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(rand::thread_rng().gen_range(0..=nanos))
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self::standard()
    }
}

/// The wait `x-acs-retry-after` asks for, in milliseconds.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER_HEADER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_millis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn backoff_stays_under_the_exponential_cap() {
        let policy = RetryPolicy::standard()
            .with_base_delay(Duration::from_millis(100))
            .with_max_delay(Duration::from_millis(300));
        for _ in 0..200 {
            assert!(policy.backoff(1) <= Duration::from_millis(100));
            assert!(policy.backoff(2) <= Duration::from_millis(200));
            assert!(policy.backoff(3) <= Duration::from_millis(300));
            assert!(policy.backoff(40) <= Duration::from_millis(300));
        }
        let distinct: std::collections::HashSet<_> = (0..20).map(|_| policy.backoff(3)).collect();
        assert!(distinct.len() > 1, "the wait is jittered");
    }

    #[test]
    fn attempts_are_at_least_one() {
        assert_eq!(RetryPolicy::disabled().max_attempts(), 1);
        assert_eq!(
            RetryPolicy::standard().with_max_attempts(0).max_attempts(),
            1
        );
        assert_eq!(RetryPolicy::default().max_attempts(), 3);
    }

    #[test]
    fn only_idempotent_operations_are_resent_after_a_maybe_processed_failure() {
        let standard = RetryPolicy::standard();
        assert!(standard.may_resend(Failure::NotProcessed, false));
        assert!(standard.may_resend(Failure::MaybeProcessed, true));
        assert!(!standard.may_resend(Failure::MaybeProcessed, false));
        let always = standard.clone().with_resend(Resend::Always);
        assert!(always.may_resend(Failure::MaybeProcessed, false));
        let never = standard.with_resend(Resend::Never);
        assert!(!never.may_resend(Failure::MaybeProcessed, true));
        assert!(never.may_resend(Failure::NotProcessed, false));
    }

    #[tokio::test]
    async fn an_override_holds_inside_its_scope_only() {
        assert_eq!(overridden(), None);
        let inside = with_retry_policy(RetryPolicy::disabled(), async { overridden() }).await;
        assert_eq!(inside, Some(RetryPolicy::disabled()));
        assert_eq!(overridden(), None);
    }

    #[test]
    fn the_wait_asked_for_is_capped_by_the_longest_back_off() {
        let policy = RetryPolicy::standard().with_max_delay(Duration::from_secs(2));
        let asked = |ms| policy.wait(1, Some(Duration::from_millis(ms)));
        assert_eq!(asked(80), Duration::from_millis(80));
        assert_eq!(asked(3_600_000), Duration::from_secs(2));
        assert_eq!(asked(u64::MAX), Duration::from_secs(2));
        assert!(policy.wait(1, None) <= Duration::from_millis(200));
    }

    #[test]
    fn retry_after_is_milliseconds() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER_HEADER, HeaderValue::from_static(" 80 "));
        assert_eq!(retry_after(&headers), Some(Duration::from_millis(80)));
        for bad in ["-1", "1.5", "soon", ""] {
            headers.insert(RETRY_AFTER_HEADER, HeaderValue::from_static(bad));
            assert_eq!(retry_after(&headers), None, "{bad}");
        }
    }
}

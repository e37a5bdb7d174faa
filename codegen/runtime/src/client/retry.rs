//! Retry policy: how many attempts, exponential back-off with full jitter, `x-acs-retry-after`.

use std::time::Duration;

use rand::Rng;
use reqwest::header::HeaderMap;

/// The header with which the service asks for a wait before the next attempt.
///
/// Its value is read as a whole number of **milliseconds**, the unit the official SDKs
/// (Darabonba's retry policy) use; any other value is ignored.
pub const RETRY_AFTER_HEADER: &str = "x-acs-retry-after";

/// How often and how patiently a call is retried.
///
/// Retried: service errors whose code contains `Throttling`, `ServiceUnavailable` or
/// `InternalError`, HTTP 500/502/503/504, network errors and attempt timeouts; never other
/// 4xx. The wait before attempt *n + 1* is `x-acs-retry-after` when the failed response has
/// one, else a random duration in `[0, min(max_delay, base_delay · 2ⁿ⁻¹)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
}

impl RetryPolicy {
    /// Three attempts in all, base delay 200 ms, at most 20 s between attempts.
    pub fn standard() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(20),
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

    /// The number of attempts, first one included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
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

//! The cache against a fake source that counts its calls, under concurrency and paused time.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::future::join_all;
use time::OffsetDateTime;
use tokio::time::Instant;

use super::{Cache, FIRST_BACKOFF, LONGEST_BACKOFF};
use crate::auth::session::Session;
use crate::auth::{Credentials, CredentialsError};

/// A source whose answers are decided per call; counts the calls.
#[derive(Default)]
struct Source {
    calls: AtomicUsize,
}

impl Source {
    /// After `delay`, keys `id` valid for `seconds` (wall clock), or a failure when `id` is
    /// `None`.
    async fn answer(
        &self,
        id: Option<&str>,
        seconds: i64,
        delay: Duration,
    ) -> Result<Session, CredentialsError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(delay).await;
        match id {
            Some(id) => Ok(Session {
                credentials: Credentials::sts(id, "secret", "token"),
                expires_at: Some(OffsetDateTime::now_utc() + time::Duration::seconds(seconds)),
            }),
            None => Err(CredentialsError::Source {
                source_name: "STS",
                reason: "down".to_owned(),
            }),
        }
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

const NO_DELAY: Duration = Duration::ZERO;
const STALL: Duration = Duration::from_secs(10);

fn id(result: &Result<Credentials, CredentialsError>) -> &str {
    result.as_ref().expect("credentials").access_key_id()
}

/// A cache holding keys that expire in `seconds`, inside the refresh margin when under 180.
async fn cache_with_keys(source: &Source, seconds: i64) -> Cache {
    let cache = Cache::default();
    let first = cache
        .get(|| source.answer(Some("old"), seconds, NO_DELAY))
        .await;
    assert_eq!(id(&first), "old");
    cache
}

#[tokio::test(start_paused = true)]
async fn a_failed_refresh_keeps_serving_the_keys_that_have_not_expired() {
    let source = Source::default();
    let cache = cache_with_keys(&source, 100).await;
    let served = cache.get(|| source.answer(None, 0, NO_DELAY)).await;
    assert_eq!(
        id(&served),
        "old",
        "the refresh failed, the keys are still valid"
    );
    assert_eq!(source.calls(), 2);
}

#[tokio::test(start_paused = true)]
async fn keys_past_their_expiry_are_not_served_when_the_refresh_fails() {
    let source = Source::default();
    let cache = cache_with_keys(&source, 100).await;
    tokio::time::advance(Duration::from_secs(101)).await;
    let served = cache.get(|| source.answer(None, 0, NO_DELAY)).await;
    assert!(served.is_err(), "{served:?}");
}

#[tokio::test(start_paused = true)]
async fn twenty_concurrent_calls_with_the_source_down_share_one_request_and_its_failure() {
    let source = Source::default();
    let cache = Cache::default();
    let started = Instant::now();
    let results = join_all((0..20).map(|_| cache.get(|| source.answer(None, 0, STALL)))).await;
    assert_eq!(source.calls(), 1, "one request for 20 calls");
    assert!(
        results
            .iter()
            .all(|r| r.as_ref().is_err_and(|e| e.to_string() == "STS: down"))
    );
    assert_eq!(
        started.elapsed(),
        STALL,
        "no call queued behind another's timeout"
    );
}

#[tokio::test(start_paused = true)]
async fn with_the_source_stalled_only_one_call_waits_while_the_keys_are_valid() {
    let source = Source::default();
    let cache = cache_with_keys(&source, 100).await;
    let started = Instant::now();
    let timed = || async {
        let result = cache.get(|| source.answer(None, 0, STALL)).await;
        (result, started.elapsed())
    };
    let results = join_all((0..20).map(|_| timed())).await;
    assert_eq!(source.calls(), 2, "the first fetch and one refresh");
    assert!(results.iter().all(|(r, _)| id(r) == "old"));
    let waited = results.iter().filter(|(_, took)| !took.is_zero()).count();
    assert_eq!(waited, 1, "only the refreshing call waits");
}

#[tokio::test(start_paused = true)]
async fn after_a_failure_the_source_is_left_alone_for_a_doubling_while() {
    let source = Source::default();
    let cache = Cache::default();
    let fail = || cache.get(|| source.answer(None, 0, NO_DELAY));
    assert!(fail().await.is_err());
    assert!(fail().await.is_err(), "the same failure, shared");
    assert_eq!(source.calls(), 1, "not asked again within the backoff");
    let mut backoff = FIRST_BACKOFF;
    for calls in 2..10 {
        tokio::time::advance(backoff - Duration::from_millis(1)).await;
        assert!(fail().await.is_err());
        assert_eq!(
            source.calls(),
            calls - 1,
            "asked before its backoff of {backoff:?}"
        );
        tokio::time::advance(Duration::from_millis(1)).await;
        assert!(fail().await.is_err());
        assert_eq!(source.calls(), calls);
        backoff = (backoff * 2).min(LONGEST_BACKOFF);
    }
    assert_eq!(backoff, LONGEST_BACKOFF);
    tokio::time::advance(backoff).await;
    let recovered = cache
        .get(|| source.answer(Some("new"), 3600, NO_DELAY))
        .await;
    assert_eq!(id(&recovered), "new", "a success ends the backoff");
    let kept = cache.get(|| source.answer(None, 0, NO_DELAY)).await;
    assert_eq!(id(&kept), "new");
    assert_eq!(source.calls(), 10, "fresh keys are served from the cache");
}

#[tokio::test(start_paused = true)]
async fn fresh_keys_are_kept_and_keys_in_the_margin_are_replaced() {
    let source = Source::default();
    let cache = cache_with_keys(&source, 3600).await;
    let kept = cache
        .get(|| source.answer(Some("new"), 3600, NO_DELAY))
        .await;
    assert_eq!(id(&kept), "old");
    tokio::time::advance(Duration::from_secs(3600 - 179)).await;
    let replaced = cache
        .get(|| source.answer(Some("new"), 3600, NO_DELAY))
        .await;
    assert_eq!(id(&replaced), "new");
    assert_eq!(source.calls(), 2);
}

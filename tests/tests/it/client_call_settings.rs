//! Per-call settings over real sockets: each overrides the client's configuration for its
//! call only, through the fluent builders' `customize()` and through `send_with`.

use std::time::Duration;

use acs_runtime::client::{CallSettings, TimeoutKind};
use acs_tests::{Reply, TestServer};
use acs_vpc::operation::describe_vpcs::DescribeVpcsRequest;
use acs_vpc::{Client, Config, Credentials, Error, RetryPolicy};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];
const OK: &str = r#"{"RequestId":"r-1","TotalCount":0}"#;

fn client(endpoint: String, retry: RetryPolicy) -> Client {
    let config = Config::builder()
        .endpoint(endpoint)
        .credentials(Credentials::new("testid", "testsecret"))
        .attempt_timeout(Duration::from_secs(30))
        .deadline(None)
        .retry_policy(retry)
        .build();
    Client::new(config).unwrap()
}

fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::standard()
        .with_max_attempts(attempts)
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
}

fn request() -> DescribeVpcsRequest {
    DescribeVpcsRequest::builder()
        .region_id("cn-hangzhou")
        .build()
        .unwrap()
}

fn is_attempt_timeout(error: &Error<impl std::fmt::Debug>, after: Duration) -> bool {
    matches!(error, Error::Timeout { kind: TimeoutKind::Attempt, after: a } if *a == after)
}

/// A server that hangs on its first request and answers the others.
async fn hangs_first() -> TestServer {
    TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::Hang,
        _ => Reply::json(200, OK),
    })
    .await
}

#[tokio::test]
async fn a_per_call_attempt_timeout_applies_to_that_call_only() {
    let server = TestServer::start(KEYS, |_| Reply::Hang).await;
    let own = Duration::from_millis(400);
    let client = Client::new(
        Config::builder()
            .endpoint(server.endpoint())
            .credentials(Credentials::new("testid", "testsecret"))
            .attempt_timeout(own)
            .deadline(None)
            .retry_policy(RetryPolicy::disabled())
            .build(),
    )
    .unwrap();
    let short = Duration::from_millis(150);
    let error = client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .customize()
        .attempt_timeout(short)
        .send()
        .await
        .unwrap_err();
    assert!(is_attempt_timeout(&error, short), "{error:?}");

    // The next call has the client's timeout again.
    let error = client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap_err();
    assert!(is_attempt_timeout(&error, own), "{error:?}");

    let settings = CallSettings::new().attempt_timeout(short);
    let error = client.send_with(request(), settings).await.unwrap_err();
    assert!(is_attempt_timeout(&error, short), "{error:?}");
    let error = client.send(request()).await.unwrap_err();
    assert!(is_attempt_timeout(&error, own), "{error:?}");
    assert_eq!(server.verified().len(), 4);
}

#[tokio::test]
async fn a_per_call_deadline_applies_to_that_call_only() {
    let server = hangs_first().await;
    let client = client(server.endpoint(), RetryPolicy::disabled());
    let limit = Duration::from_millis(300);
    let error = client
        .send_with(request(), CallSettings::new().deadline(limit))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Timeout { kind: TimeoutKind::Deadline, after } if after == limit),
        "{error:?}"
    );
    assert_eq!(client.send(request()).await.unwrap().total_count, Some(0));
}

#[tokio::test]
async fn a_per_call_endpoint_sends_that_call_elsewhere() {
    let first = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let second = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let client = client(first.endpoint(), RetryPolicy::disabled());

    client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .customize()
        .endpoint(second.endpoint())
        .send()
        .await
        .unwrap();
    assert_eq!((first.verified().len(), second.verified().len()), (0, 1));

    client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap();
    assert_eq!((first.verified().len(), second.verified().len()), (1, 1));

    let settings = CallSettings::new().endpoint(second.endpoint());
    client.send_with(request(), settings).await.unwrap();
    client.send(request()).await.unwrap();
    assert_eq!((first.verified().len(), second.verified().len()), (2, 2));
    // Signed for the host it went to.
    let port = second.endpoint().rsplit(':').next().unwrap().to_owned();
    let host = second.received()[1]
        .request
        .header("host")
        .unwrap()
        .to_owned();
    assert!(host.ends_with(&port), "{host}");
}

#[tokio::test]
async fn a_bad_per_call_endpoint_is_a_config_error_before_anything_is_sent() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let client = client(server.endpoint(), RetryPolicy::disabled());
    for url in ["http://vpc.example.com", "not a url", "ftp://127.0.0.1"] {
        let error = client
            .describe_vpcs()
            .region_id("cn-hangzhou")
            .customize()
            .endpoint(url)
            .send()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{url}: {error:?}");
        let error = client
            .send_with(request(), CallSettings::new().endpoint(url))
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{url}: {error:?}");
    }
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_per_call_header_is_sent_and_signed() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let client = client(server.endpoint(), RetryPolicy::disabled());
    client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .customize()
        .header("x-trace-id", "t-1")
        .send()
        .await
        .unwrap();
    client
        .send_with(request(), CallSettings::new().header("x-trace-id", "t-2"))
        .await
        .unwrap();
    client.send(request()).await.unwrap();

    let received = server.received();
    assert_eq!(received.len(), 3);
    for (received, trace) in received.iter().zip([Some("t-1"), Some("t-2"), None]) {
        assert!(received.verified.is_ok(), "{:?}", received.verified);
        let request = &received.request;
        assert_eq!(request.header("x-trace-id"), trace);
        let authorization = request.header("authorization").unwrap();
        assert_eq!(
            authorization.contains("x-trace-id"),
            trace.is_some(),
            "{authorization}"
        );
    }
}

#[tokio::test]
async fn a_refused_per_call_header_is_a_config_error_before_anything_is_sent() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let client = client(server.endpoint(), RetryPolicy::disabled());
    for name in ["authorization", "host", "x-acs-action"] {
        let error = client
            .describe_vpcs()
            .region_id("cn-hangzhou")
            .customize()
            .header(name, "v")
            .send()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{name}: {error:?}");
    }
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_per_call_retry_policy_applies_to_that_call_only() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(503, "ServiceUnavailable", "busy", "r-busy")
    })
    .await;
    let client = client(server.endpoint(), fast_retries(3));

    client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .customize()
        .retry_policy(RetryPolicy::disabled())
        .send()
        .await
        .unwrap_err();
    assert_eq!(server.verified().len(), 1);

    client.send(request()).await.unwrap_err();
    assert_eq!(server.verified().len(), 4, "the client's three attempts");

    let settings = CallSettings::new().retry_policy(fast_retries(2));
    client.send_with(request(), settings).await.unwrap_err();
    assert_eq!(server.verified().len(), 6);
}

#[tokio::test]
async fn settings_can_be_given_whole_and_no_settings_change_nothing() {
    let server = hangs_first().await;
    let client = client(server.endpoint(), RetryPolicy::disabled());
    let short = Duration::from_millis(200);
    let settings = CallSettings::new().attempt_timeout(short);
    let error = client
        .describe_vpcs()
        .region_id("cn-hangzhou")
        .customize()
        .settings(settings)
        .send()
        .await
        .unwrap_err();
    assert!(is_attempt_timeout(&error, short), "{error:?}");
    let plain = client
        .send_with(request(), CallSettings::new())
        .await
        .unwrap();
    assert_eq!(plain.total_count, Some(0));
}

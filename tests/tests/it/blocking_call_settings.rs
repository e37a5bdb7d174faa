//! Per-call settings on the blocking client, from plain functions against loopback servers:
//! each overrides the client's configuration for its call only, through the builders'
//! `customize()` and through `send_with`.

use std::time::Duration;

use acs_runtime::client::{CallSettings, TimeoutKind};
use acs_tests::{Reply, TestServer};
use acs_vpc::blocking::Client;
use acs_vpc::operation::describe_vpcs::DescribeVpcsRequest;
use acs_vpc::{Config, Credentials, Error, RetryPolicy};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];
const OK: &str = r#"{"RequestId":"r-1","TotalCount":0}"#;

/// Servers on their own runtime's threads, so the test's thread stays outside any runtime.
struct Servers {
    runtime: tokio::runtime::Runtime,
}

impl Servers {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        Self { runtime }
    }

    fn start(
        &self,
        respond: impl Fn(&acs_tests::Exchange<'_>) -> Reply + Send + Sync + 'static,
    ) -> TestServer {
        self.runtime.block_on(TestServer::start(KEYS, respond))
    }
}

fn client(endpoint: String, attempt_timeout: Duration) -> Client {
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint(endpoint)
        .credentials(Credentials::new("testid", "testsecret"))
        .attempt_timeout(attempt_timeout)
        .deadline(None)
        .retry_policy(RetryPolicy::disabled())
        .build();
    Client::new(config).unwrap()
}

fn request() -> DescribeVpcsRequest {
    DescribeVpcsRequest::builder().build().unwrap()
}

fn is_attempt_timeout(error: &Error<impl std::fmt::Debug>, after: Duration) -> bool {
    matches!(error, Error::Timeout { kind: TimeoutKind::Attempt, after: a } if *a == after)
}

#[test]
fn a_per_call_endpoint_sends_that_call_elsewhere() {
    let servers = Servers::new();
    let first = servers.start(|_| Reply::json(200, OK));
    let second = servers.start(|_| Reply::json(200, OK));
    let client = client(first.endpoint(), Duration::from_secs(30));

    let answer = client
        .describe_vpcs()
        .customize()
        .endpoint(second.endpoint())
        .send()
        .unwrap();
    assert_eq!(answer.total_count, Some(0));
    assert_eq!((first.verified().len(), second.verified().len()), (0, 1));

    client.describe_vpcs().send().unwrap();
    assert_eq!((first.verified().len(), second.verified().len()), (1, 1));

    let settings = CallSettings::new().endpoint(second.endpoint());
    client.send_with(request(), settings).unwrap();
    client.send(request()).unwrap();
    assert_eq!((first.verified().len(), second.verified().len()), (2, 2));
    assert_eq!(second.verified()[0].param("RegionId"), Some("cn-hangzhou"));
}

#[test]
fn a_per_call_header_is_sent_and_signed_for_that_call_only() {
    let servers = Servers::new();
    let server = servers.start(|_| Reply::json(200, OK));
    let client = client(server.endpoint(), Duration::from_secs(30));

    client
        .describe_vpcs()
        .customize()
        .header("x-trace-id", "t-1")
        .send()
        .unwrap();
    client
        .send_with(request(), CallSettings::new().header("x-trace-id", "t-2"))
        .unwrap();
    client.describe_vpcs().send().unwrap();

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

#[test]
fn a_per_call_attempt_timeout_applies_to_that_call_only() {
    let servers = Servers::new();
    let server = servers.start(|_| Reply::Hang);
    let own = Duration::from_millis(400);
    let client = client(server.endpoint(), own);
    let short = Duration::from_millis(150);

    let error = client
        .describe_vpcs()
        .customize()
        .attempt_timeout(short)
        .send()
        .unwrap_err();
    assert!(is_attempt_timeout(&error, short), "{error:?}");
    let error = client.describe_vpcs().send().unwrap_err();
    assert!(is_attempt_timeout(&error, own), "{error:?}");

    let settings = CallSettings::new().attempt_timeout(short);
    let error = client.send_with(request(), settings).unwrap_err();
    assert!(is_attempt_timeout(&error, short), "{error:?}");
    let error = client.send(request()).unwrap_err();
    assert!(is_attempt_timeout(&error, own), "{error:?}");
    assert_eq!(server.verified().len(), 4);
}

#[test]
fn bad_settings_and_invalid_requests_send_nothing() {
    let servers = Servers::new();
    let server = servers.start(|_| Reply::json(200, OK));
    let client = client(server.endpoint(), Duration::from_secs(30));

    let error = client
        .describe_vpcs()
        .customize()
        .header("authorization", "v")
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let error = client
        .send_with(
            request(),
            CallSettings::new().endpoint("http://vpc.example.com"),
        )
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    // A violation is found by `customize()` and reported by `send()`.
    let error = client
        .describe_vpcs()
        .page_size(0)
        .customize()
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Validation(_)), "{error:?}");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn inside_an_async_runtime_a_customized_call_fails_clearly_and_sends_nothing() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, OK)).await;
    let client = client(server.endpoint(), Duration::from_secs(30));
    let answer = client
        .describe_vpcs()
        .customize()
        .header("x-trace-id", "t-1")
        .send();
    assert!(
        matches!(&answer, Err(Error::Config(m)) if m.contains("inside an async runtime")),
        "{answer:?}"
    );
    let answer = client.send_with(request(), CallSettings::new());
    assert!(matches!(answer, Err(Error::Config(_))), "{answer:?}");
    assert!(server.received().is_empty());
}

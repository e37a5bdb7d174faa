//! Timeouts and network failures over real sockets: deadlines, attempt timeouts, refused connections.

use std::time::{Duration, Instant};

use acs_runtime::auth::Credentials;
use acs_runtime::client::{
    Config, Error, OperationInfo, ProductInfo, RetryPolicy, RpcClient, TimeoutKind,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Reply, TestServer};

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const DESCRIBE_VPCS: OperationInfo = OperationInfo {
    action: "DescribeVpcs",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: true,
};

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

fn config(endpoint: String) -> acs_runtime::client::ConfigBuilder {
    Config::builder()
        .endpoint(endpoint)
        .credentials(Credentials::new("testid", "testsecret"))
}

#[tokio::test]
async fn a_server_that_never_answers_hits_the_deadline() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| Reply::Hang).await;
    let client = RpcClient::new(
        &VPC,
        config(server.endpoint())
            .deadline(Some(Duration::from_millis(500)))
            .build(),
    )
    .unwrap();
    let started = Instant::now();
    let error = client.send(&DESCRIBE_VPCS, params()).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            error,
            Error::Timeout {
                kind: TimeoutKind::Deadline,
                after
            } if after == Duration::from_millis(500)
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(server.verified().len(), 1, "the request did arrive");
}

#[tokio::test]
async fn each_attempt_times_out_and_is_retried() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| Reply::Hang).await;
    let retry = RetryPolicy::standard()
        .with_max_attempts(2)
        .with_base_delay(Duration::from_millis(1));
    let client = RpcClient::new(
        &VPC,
        config(server.endpoint())
            .attempt_timeout(Duration::from_millis(200))
            .deadline(None)
            .retry_policy(retry)
            .build(),
    )
    .unwrap();
    let started = Instant::now();
    let error = client.send(&DESCRIBE_VPCS, params()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        matches!(
            error,
            Error::Timeout {
                kind: TimeoutKind::Attempt,
                ..
            }
        ),
        "{error:?}"
    );
    let attempts = server.verified();
    assert_eq!(attempts.len(), 2);
    assert_ne!(attempts[0].nonce, attempts[1].nonce);
}

#[tokio::test]
async fn a_refused_connection_is_a_retried_connect_error() {
    // A port that was just free: nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let retry = RetryPolicy::standard()
        .with_max_attempts(3)
        .with_base_delay(Duration::from_millis(1));
    let client = RpcClient::new(
        &VPC,
        config(format!("http://127.0.0.1:{port}"))
            .retry_policy(retry)
            .build(),
    )
    .unwrap();
    let error = client.send(&DESCRIBE_VPCS, params()).await.unwrap_err();
    let Error::Transport { source } = &error else {
        panic!("expected a transport error, got {error:?}")
    };
    assert!(source.is_connect());
    assert!(error.is_retryable());
    assert!(error.to_string().starts_with("cannot connect"), "{error}");
}

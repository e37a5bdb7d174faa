//! Retries over real HTTP: which failures are retried, how often, with which token and nonces.

use std::collections::HashSet;
use std::time::Duration;

use acs_runtime::auth::Credentials;
use acs_runtime::client::{
    Config, Error, IdempotencyToken, OperationInfo, ProductInfo, RetryPolicy, RpcClient,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Reply, TestServer};
use serde_json::Value;

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const CREATE_VPN_GATEWAY: OperationInfo = OperationInfo {
    action: "CreateVpnGateway",
    binding: Binding::rpc(Method::Post),
    idempotency_token: Some(IdempotencyToken {
        name: "ClientToken",
        location: Location::Query,
    }),
    idempotent: false,
};
const DESCRIBE_VPN_GATEWAYS: OperationInfo = OperationInfo {
    action: "DescribeVpnGateways",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: true,
};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

fn client(server: &TestServer, retry: RetryPolicy) -> RpcClient {
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(retry)
        .deadline(Some(Duration::from_secs(20)))
        .build();
    RpcClient::new(&VPC, config).unwrap()
}

fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::standard()
        .with_max_attempts(attempts)
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
}

fn create_params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Query, "VpcId", "vpc-1");
    params.push(Location::Query, "Bandwidth", "5");
    params
}

#[tokio::test]
async fn throttled_twice_then_success_uses_one_token_and_three_nonces() {
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::error(
            400,
            "Throttling.User",
            "Request was denied due to user flow control.",
            "R-0",
        ),
        1 => Reply::json(
            503,
            r#"{"code":"Throttling","message":"slow down","requestId":"R-1"}"#,
        ),
        _ => Reply::json(200, r#"{"RequestId":"R-2","VpnGatewayId":"vpn-1"}"#),
    })
    .await;
    let answer: Value = client(&server, fast_retries(3))
        .call(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap();
    assert_eq!(answer["VpnGatewayId"], "vpn-1");
    let attempts = server.verified();
    assert_eq!(attempts.len(), 3);
    let tokens: HashSet<&str> = attempts
        .iter()
        .map(|v| v.param("ClientToken").unwrap())
        .collect();
    assert_eq!(tokens.len(), 1, "one ClientToken for every attempt");
    let token = tokens.into_iter().next().unwrap();
    assert_eq!(token.len(), 36, "a UUID: {token}");
    let nonces: HashSet<&str> = attempts.iter().map(|v| v.nonce.as_str()).collect();
    assert_eq!(nonces.len(), 3, "a fresh nonce per attempt");
}

#[tokio::test]
async fn a_caller_token_is_kept_and_each_call_gets_its_own_generated_token() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, r#"{"RequestId":"R"}"#)).await;
    let client = client(&server, fast_retries(3));
    let mut params = create_params();
    params.push(Location::Query, "ClientToken", "mine-1");
    client.send(&CREATE_VPN_GATEWAY, params).await.unwrap();
    client
        .send(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap();
    client
        .send(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap();
    client
        .send(&DESCRIBE_VPN_GATEWAYS, create_params())
        .await
        .unwrap();
    let seen = server.verified();
    let tokens: Vec<Option<&str>> = seen.iter().map(|v| v.param("ClientToken")).collect();
    assert_eq!(tokens[0], Some("mine-1"));
    assert!(tokens[1].is_some() && tokens[2].is_some() && tokens[1] != tokens[2]);
    assert_eq!(tokens[3], None, "no token for an operation without one");
    assert_eq!(
        seen[0]
            .query
            .iter()
            .filter(|(k, _)| k == "ClientToken")
            .count(),
        1
    );
}

#[tokio::test]
async fn http_500_every_time_stops_after_the_configured_attempts() {
    let server = TestServer::start(KEYS, |exchange| {
        Reply::error(
            500,
            "InternalError",
            "The request processing has failed.",
            &format!("R-{}", exchange.index),
        )
    })
    .await;
    let error = client(&server, fast_retries(4))
        .send(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap_err();
    assert_eq!(server.verified().len(), 4);
    let Error::Service(service) = &error else {
        panic!("expected a service error, got {error}")
    };
    assert_eq!(service.status(), 500);
    assert_eq!(service.code(), "InternalError");
    assert_eq!(
        service.request_id(),
        Some("R-3"),
        "the last attempt's error"
    );
    assert!(error.is_retryable());
}

#[tokio::test]
async fn gateway_errors_without_a_code_are_retried_too() {
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::with_type(
            502,
            "text/html",
            "<html><body>502 Bad Gateway</body></html>",
        ),
        1 => Reply::with_type(504, "text/plain", "upstream timed out"),
        _ => Reply::json(200, r#"{"RequestId":"R"}"#),
    })
    .await;
    client(&server, fast_retries(3))
        .send(&DESCRIBE_VPN_GATEWAYS, create_params())
        .await
        .unwrap();
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn other_4xx_are_never_retried() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(
            400,
            "InvalidParameter",
            "The specified parameter is invalid.",
            "R-x",
        )
    })
    .await;
    let error = client(&server, fast_retries(5))
        .send(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("InvalidParameter"));
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn disabled_retries_make_one_attempt() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure.",
            "R",
        )
    })
    .await;
    let error = client(&server, RetryPolicy::disabled())
        .send(&CREATE_VPN_GATEWAY, create_params())
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("ServiceUnavailable"));
    assert!(error.is_retryable());
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn x_acs_retry_after_replaces_the_backoff() {
    // The back-off alone would wait up to an hour; the server asks for 5 ms.
    let slow = RetryPolicy::standard()
        .with_base_delay(Duration::from_secs(3600))
        .with_max_delay(Duration::from_secs(3600));
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => {
            Reply::error(400, "Throttling.Api", "slow down", "R-0").header("x-acs-retry-after", "5")
        }
        _ => Reply::json(200, r#"{"RequestId":"R-1"}"#),
    })
    .await;
    client(&server, slow)
        .send(&DESCRIBE_VPN_GATEWAYS, create_params())
        .await
        .unwrap();
    assert_eq!(server.verified().len(), 2);
}

#[tokio::test]
async fn a_wait_beyond_the_deadline_returns_the_last_error_at_once() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(400, "Throttling.User", "slow down", "R")
            .header("x-acs-retry-after", "3600000")
    })
    .await;
    // The asked wait, capped at the standard policy's 20 s, still ends past the deadline.
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .deadline(Some(Duration::from_secs(15)))
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let error = tokio::time::timeout(
        Duration::from_secs(10),
        client.send(&DESCRIBE_VPN_GATEWAYS, create_params()),
    )
    .await
    .expect("gives up without waiting")
    .unwrap_err();
    assert_eq!(error.code(), Some("Throttling.User"));
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn x_acs_retry_after_is_capped_by_the_longest_wait_of_the_policy() {
    // An hour asked for, no deadline: the policy's longest wait, 5 ms, bounds the sleep.
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::error(400, "Throttling.User", "slow down", "R-0")
            .header("x-acs-retry-after", "3600000"),
        _ => Reply::json(200, r#"{"RequestId":"R-1"}"#),
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(fast_retries(3))
        .deadline(None)
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    tokio::time::timeout(
        Duration::from_secs(10),
        client.send(&DESCRIBE_VPN_GATEWAYS, create_params()),
    )
    .await
    .expect("the asked wait is capped")
    .unwrap();
    assert_eq!(server.verified().len(), 2);
}

//! Safe retries (a request the service may have processed is resent only when idempotent),
//! bounded response bodies, and no proxy for plain-HTTP requests.

use std::collections::HashSet;
use std::time::Duration;

use acs_runtime::auth::{Credentials, Env};
use acs_runtime::client::{
    Config, Error, IdempotencyToken, OperationInfo, ProductInfo, Resend, RetryPolicy, RpcClient,
    with_retry_policy,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{PlainServer, Reply, TestServer};

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
/// Mutating, no token: never resent after a failure that may have been processed.
const CREATE_FLOW_LOG: OperationInfo = OperationInfo {
    action: "CreateFlowLog",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: false,
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
const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

fn config(endpoint: String) -> acs_runtime::client::ConfigBuilder {
    Config::builder()
        .endpoint(endpoint)
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(
            RetryPolicy::standard()
                .with_max_attempts(3)
                .with_base_delay(Duration::from_millis(1)),
        )
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

/// A server that reads each request and closes the connection without answering, then
/// answers `ok` from the `after`-th request on.
async fn resetting(after: usize) -> TestServer {
    TestServer::start(KEYS, move |exchange| {
        if exchange.index < after {
            Reply::Reset
        } else {
            Reply::json(200, r#"{"RequestId":"R"}"#)
        }
    })
    .await
}

#[tokio::test]
async fn a_reset_after_sending_is_not_resent_for_an_operation_without_token() {
    let server = resetting(usize::MAX).await;
    let client = RpcClient::new(&VPC, config(server.endpoint()).build()).unwrap();
    let error = client.send(&CREATE_FLOW_LOG, params()).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.verified().len(), 1, "exactly one request");

    // Unless the caller says so, for this call only.
    let always = RetryPolicy::standard()
        .with_base_delay(Duration::from_millis(1))
        .with_resend(Resend::Always);
    let again = with_retry_policy(always, client.send(&CREATE_FLOW_LOG, params())).await;
    assert!(again.is_err());
    assert_eq!(server.verified().len(), 4);
}

#[tokio::test]
async fn a_reset_after_sending_is_resent_with_the_same_token() {
    let server = resetting(2).await;
    let client = RpcClient::new(&VPC, config(server.endpoint()).build()).unwrap();
    let mut params = params();
    params.push(Location::Query, "ClientToken", "");
    client.send(&CREATE_VPN_GATEWAY, params).await.unwrap();
    let seen = server.verified();
    assert_eq!(seen.len(), 3);
    let tokens: HashSet<&str> = seen
        .iter()
        .map(|v| v.param("ClientToken").unwrap())
        .collect();
    assert_eq!(tokens.len(), 1, "{tokens:?}");
    assert_eq!(
        tokens.into_iter().next().unwrap().len(),
        36,
        "an empty token counts as unset"
    );
}

#[tokio::test]
async fn throttling_then_success_retries_any_operation() {
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::error(400, "Throttling.User", "slow down", "R-0"),
        1 => Reply::error(503, "ServiceUnavailable", "busy", "R-1"),
        _ => Reply::json(200, r#"{"RequestId":"R-2"}"#),
    })
    .await;
    let client = RpcClient::new(&VPC, config(server.endpoint()).build()).unwrap();
    client.send(&CREATE_FLOW_LOG, params()).await.unwrap();
    assert_eq!(server.verified().len(), 3);

    let failing =
        TestServer::start(KEYS, |_| Reply::error(500, "InternalError", "oops", "R")).await;
    let client = RpcClient::new(&VPC, config(failing.endpoint()).build()).unwrap();
    client.send(&CREATE_FLOW_LOG, params()).await.unwrap_err();
    assert_eq!(
        failing.verified().len(),
        1,
        "InternalError may have been processed"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_fails_cleanly() {
    let big = format!(r#"{{"RequestId":"R","Blob":"{}"}}"#, "x".repeat(4096));
    let server = TestServer::start(KEYS, move |_| Reply::json(200, big.clone())).await;
    let limited = config(server.endpoint()).max_response_bytes(1024).build();
    let client = RpcClient::new(&VPC, limited).unwrap();
    let error = client.send(&CREATE_FLOW_LOG, params()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::ResponseTooLarge {
                status: 200,
                limit: 1024
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("1024 bytes"), "{error}");
    assert!(!error.is_retryable());
    let roomy = RpcClient::new(&VPC, config(server.endpoint()).build()).unwrap();
    roomy.send(&CREATE_FLOW_LOG, params()).await.unwrap();
}

#[tokio::test]
async fn plain_http_requests_never_go_through_a_proxy_and_https_ones_do() {
    let proxy = PlainServer::start(|_, _| Reply::with_type(502, "text/plain", "proxy")).await;
    let server = TestServer::start(KEYS, |_| Reply::json(200, r#"{"RequestId":"R"}"#)).await;
    let env = Env::from_vars([
        ("HTTP_PROXY", proxy.url()),
        ("http_proxy", proxy.url()),
        ("HTTPS_PROXY", proxy.url()),
        ("ALL_PROXY", proxy.url()),
    ]);
    let plain = RpcClient::new(&VPC, config(server.endpoint()).env(env.clone()).build()).unwrap();
    plain.send(&CREATE_FLOW_LOG, params()).await.unwrap();
    assert_eq!(server.verified().len(), 1);
    assert_eq!(
        proxy.connections(),
        0,
        "no plain-http request through the proxy"
    );

    let https = config("https://vpc.example.invalid".to_owned())
        .env(env)
        .retry_policy(RetryPolicy::disabled())
        .build();
    let _ = RpcClient::new(&VPC, https)
        .unwrap()
        .send(&CREATE_FLOW_LOG, params())
        .await;
    let tunnel = &proxy.received()[0];
    assert_eq!(tunnel.method, "CONNECT");
    assert_eq!(tunnel.path, "vpc.example.invalid:443");
}

//! Which failed answers are sent again, for every class of status and code and every kind of
//! operation, counted by a loopback server.

use std::time::Duration;

use acs_runtime::auth::Credentials;
use acs_runtime::client::{
    Config, Failure, IdempotencyToken, OperationInfo, ProductInfo, RetryPolicy, RpcClient,
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
/// A mutating operation without an idempotency token.
const CREATE_FLOW_LOG: OperationInfo = OperationInfo {
    action: "CreateFlowLog",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: false,
};
/// A mutating operation with an idempotency token.
const CREATE_VPN_GATEWAY: OperationInfo = OperationInfo {
    action: "CreateVpnGateway",
    binding: Binding::rpc(Method::Post),
    idempotency_token: Some(IdempotencyToken {
        name: "ClientToken",
        location: Location::Query,
    }),
    idempotent: false,
};
/// A read-only operation.
const DESCRIBE_VPN_GATEWAYS: OperationInfo = OperationInfo {
    action: "DescribeVpnGateways",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: true,
};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];
const ATTEMPTS: usize = 3;

/// What an answer is, by its status and its code (`None`: a body without a code).
struct Case {
    status: u16,
    code: Option<&'static str>,
    failure: Option<Failure>,
}

const fn case(status: u16, code: Option<&'static str>, failure: Option<Failure>) -> Case {
    Case {
        status,
        code,
        failure,
    }
}

const NOT_PROCESSED: Option<Failure> = Some(Failure::NotProcessed);
const MAYBE_PROCESSED: Option<Failure> = Some(Failure::MaybeProcessed);
const FINAL: Option<Failure> = None;

const CASES: &[Case] = &[
    // Throttling turned away by the gateway: a 4xx status or 503.
    case(400, Some("Throttling"), NOT_PROCESSED),
    case(400, Some("Throttling.User"), NOT_PROCESSED),
    case(429, Some("Throttling.Api"), NOT_PROCESSED),
    case(503, Some("Throttling"), NOT_PROCESSED),
    case(503, Some("ServiceUnavailable"), NOT_PROCESSED),
    case(400, Some("ServiceUnavailable"), NOT_PROCESSED),
    // HTTP 429 is a refusal whatever the body.
    case(429, Some("TooManyRequests"), NOT_PROCESSED),
    case(429, None, NOT_PROCESSED),
    // The same codes from a failing service: it may have done the work.
    case(500, Some("ServiceUnavailable"), MAYBE_PROCESSED),
    case(502, Some("ServiceUnavailable"), MAYBE_PROCESSED),
    case(504, Some("Throttling.User"), MAYBE_PROCESSED),
    case(500, Some("Throttling"), MAYBE_PROCESSED),
    // Internal errors and server statuses.
    case(500, Some("InternalError"), MAYBE_PROCESSED),
    case(400, Some("InternalError"), MAYBE_PROCESSED),
    case(503, Some("InternalError"), MAYBE_PROCESSED),
    case(500, Some("UnknownError"), MAYBE_PROCESSED),
    case(503, None, MAYBE_PROCESSED),
    case(502, None, MAYBE_PROCESSED),
    // Codes that only contain the words, and other errors: never sent again.
    case(400, Some("InvalidThrottlingConfig"), FINAL),
    case(400, Some("QuotaExceeded.ServiceUnavailable"), FINAL),
    case(403, Some("Forbidden.NotServiceUnavailable"), FINAL),
    case(400, Some("InvalidParameter"), FINAL),
    case(404, Some("InvalidVpnGatewayId.NotFound"), FINAL),
    case(404, None, FINAL),
];

fn reply(case: &Case) -> Reply {
    match case.code {
        Some(code) => Reply::error(case.status, code, "failed", "R"),
        None => Reply::with_type(case.status, "text/html", "<html>no code</html>"),
    }
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

/// How many requests the server receives for one call of `op` always answered with `case`.
async fn requests(case: &'static Case, op: &'static OperationInfo) -> usize {
    let server = TestServer::start(KEYS, move |_| reply(case)).await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(
            RetryPolicy::standard()
                .with_max_attempts(ATTEMPTS as u32)
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(2)),
        )
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let error = client.send(op, params()).await.unwrap_err();
    assert_eq!(
        error.failure(),
        case.failure,
        "{} {:?}",
        case.status,
        case.code
    );
    server.received().len()
}

#[tokio::test]
async fn every_status_and_code_is_resent_only_when_safe_for_the_operation() {
    let mut wrong = Vec::new();
    for case in CASES {
        for op in [
            &CREATE_FLOW_LOG,
            &CREATE_VPN_GATEWAY,
            &DESCRIBE_VPN_GATEWAYS,
        ] {
            let idempotent = op.idempotency_token.is_some() || op.idempotent;
            let expected = match case.failure {
                Some(Failure::NotProcessed) => ATTEMPTS,
                Some(Failure::MaybeProcessed) if idempotent => ATTEMPTS,
                Some(Failure::MaybeProcessed) | None => 1,
            };
            let seen = requests(case, op).await;
            if seen != expected {
                wrong.push(format!(
                    "HTTP {} {:?} for {}: {seen} requests, expected {expected}",
                    case.status, case.code, op.action
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[tokio::test]
async fn a_tokenless_create_answered_500_service_unavailable_is_sent_once() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(500, "ServiceUnavailable", "failed while processing", "R")
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(RetryPolicy::standard().with_base_delay(Duration::from_millis(1)))
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let error = client.send(&CREATE_FLOW_LOG, params()).await.unwrap_err();
    assert_eq!(error.code(), Some("ServiceUnavailable"));
    assert_eq!(
        server.received().len(),
        1,
        "the default policy sends it once"
    );
}

/// Sends `op` once to a server that answers `first`, then success; returns the requests it
/// received.
async fn after(first: Reply, op: &'static OperationInfo) -> usize {
    let first = std::sync::Mutex::new(Some(first));
    let server = TestServer::start(KEYS, move |_| {
        first
            .lock()
            .unwrap()
            .take()
            .unwrap_or_else(|| Reply::json(200, r#"{"RequestId":"R"}"#))
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(
            RetryPolicy::standard()
                .with_max_attempts(ATTEMPTS as u32)
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(20)),
        )
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let _ = client.send(op, params()).await;
    server.received().len()
}

#[tokio::test]
async fn a_positive_retry_after_makes_any_service_error_a_throttle() {
    // Any code: the header alone says the request was turned away, so even an operation that
    // is never resent after a failure that may have been processed is sent again.
    let busy =
        || Reply::error(400, "Busy", "come back later", "R").header("x-acs-retry-after", "5");
    assert_eq!(after(busy(), &CREATE_FLOW_LOG).await, 2);
    assert_eq!(
        after(
            Reply::error(500, "InternalError", "failed", "R").header("x-acs-retry-after", "5"),
            &CREATE_FLOW_LOG
        )
        .await,
        2
    );
    // Zero asks for nothing, and without the header the code decides.
    let zero = Reply::error(400, "Busy", "come back later", "R").header("x-acs-retry-after", "0");
    assert_eq!(after(zero, &CREATE_FLOW_LOG).await, 1);
    assert_eq!(
        after(
            Reply::error(400, "Busy", "come back later", "R"),
            &CREATE_FLOW_LOG
        )
        .await,
        1
    );
}

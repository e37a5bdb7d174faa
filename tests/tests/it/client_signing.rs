//! Signed requests over real HTTP, checked by the independent verifier; the verifier itself
//! checked against the official SDK's captured requests.

use acs_runtime::auth::{Credentials, SignatureVersion};
use acs_runtime::client::{Config, Error, OperationInfo, ProductInfo, RetryPolicy, RpcClient};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Clock, Reply, Signature, TestServer, verify, wire_examples};
use serde_json::Value;

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const CREATE_VPN_CONNECTION: OperationInfo = OperationInfo {
    action: "CreateVpnConnection",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: false,
};

/// Values that stress the encoding: spaces, `*`, `~`, `/`, `+`, `&`, `=`, non-ASCII.
fn tricky_params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Query, "Name", "my gw*~/+&=é中文");
    params.push(Location::Query, "Description", "");
    params.push(Location::Query, "Tags.1.Key", "team");
    params.push(Location::Query, "Tags.1.Value", "net ops ~ 100%");
    params.push(
        Location::Form,
        "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
        "a b&c=d*e~f/g+h",
    );
    params.push(
        Location::Form,
        "TunnelOptionsSpecification.1.Role",
        "master ñ",
    );
    params
}

async fn round_trip(version: SignatureVersion, credentials: Credentials) -> acs_tests::Verified {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"R-1","VpnConnectionId":"vco-1"}"#)
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(credentials)
        .signature_version(version)
        .retry_policy(RetryPolicy::disabled())
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let answer: Value = client
        .call(&CREATE_VPN_CONNECTION, tricky_params())
        .await
        .unwrap();
    assert_eq!(answer["VpnConnectionId"], "vco-1");
    let mut verified = server.verified();
    assert_eq!(verified.len(), 1);
    verified.remove(0)
}

fn assert_params_arrive_intact(verified: &acs_tests::Verified) {
    let sent = tricky_params();
    // The query goes out sorted (it is the canonical query); the body in emission order.
    let owned = |(k, v): (&str, &str)| (k.to_owned(), v.to_owned());
    let mut query: Vec<_> = sent.query().iter().map(owned).collect();
    query.sort();
    assert_eq!(verified.query, query, "query pairs, decoded");
    let form: Vec<_> = sent.body().iter().map(owned).collect();
    assert_eq!(verified.form, form, "form pairs, decoded, in order");
    assert_eq!(verified.action, "CreateVpnConnection");
    assert_eq!(verified.version, "2016-04-28");
    assert_eq!(verified.access_key_id, "testid");
}

#[tokio::test]
async fn v3_request_with_query_and_form_body_verifies() {
    let verified = round_trip(
        SignatureVersion::V3,
        Credentials::new("testid", "testsecret"),
    )
    .await;
    assert_eq!(verified.signature, Signature::V3);
    assert_eq!(verified.security_token, None);
    assert_params_arrive_intact(&verified);
}

#[tokio::test]
async fn v1_request_with_query_and_form_body_verifies() {
    let verified = round_trip(
        SignatureVersion::V1,
        Credentials::new("testid", "testsecret"),
    )
    .await;
    assert_eq!(verified.signature, Signature::V1);
    assert_params_arrive_intact(&verified);
}

#[tokio::test]
async fn the_wire_uses_rfc3986_never_plus() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"R"}"#)
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    client
        .send(&CREATE_VPN_CONNECTION, tricky_params())
        .await
        .unwrap();
    let received = server.received().remove(0).request;
    assert!(
        received
            .raw_query
            .contains("Name=my%20gw%2A~%2F%2B%26%3D%C3%A9%E4%B8%AD%E6%96%87"),
        "{}",
        received.raw_query
    );
    let body = String::from_utf8(received.body).unwrap();
    assert!(
        !body.contains('+') && body.contains("a%20b%26c%3Dd%2Ae~f%2Fg%2Bh"),
        "{body}"
    );
    assert_eq!(
        received
            .headers
            .iter()
            .find(|(n, _)| n == "content-type")
            .map(|(_, v)| v.as_str()),
        Some("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused_and_not_retried() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"R"}"#)
    })
    .await;
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let config = Config::builder()
            .endpoint(server.endpoint())
            .credentials(Credentials::new("testid", "not-the-secret"))
            .signature_version(version)
            .build();
        let client = RpcClient::new(&VPC, config).unwrap();
        let error = client
            .send(&CREATE_VPN_CONNECTION, tricky_params())
            .await
            .unwrap_err();
        assert_eq!(error.code(), Some("SignatureDoesNotMatch"), "{error}");
        assert!(matches!(&error, Error::Service(e) if e.status() == 400));
        assert!(!error.is_retryable());
    }
    assert_eq!(server.received().len(), 2, "one attempt each");
}

/// An operation whose documentation says `GET`.
const DESCRIBE_ZONES: OperationInfo = OperationInfo {
    action: "DescribeVpnGatewayAvailableZones",
    binding: Binding::rpc(Method::Get),
    idempotency_token: None,
    idempotent: true,
};

/// A `GET` operation goes out as `GET /`, its parameters in the query, no body, and each
/// signature (which covers the method) verifies.
#[tokio::test]
async fn a_get_operation_is_sent_and_signed_as_get_with_every_signature() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"R-1"}"#)
    })
    .await;
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let config = Config::builder()
            .endpoint(server.endpoint())
            .credentials(Credentials::new("testid", "testsecret"))
            .signature_version(version)
            .build();
        let client = RpcClient::new(&VPC, config).unwrap();
        let mut params = Params::new();
        params.push(Location::Query, "RegionId", "cn-hangzhou");
        params.push(Location::Query, "Spec", "5M");
        client.send(&DESCRIBE_ZONES, params).await.unwrap();
    }
    let received = server.received();
    assert_eq!(received.len(), 2);
    for received in &received {
        assert_eq!(received.request.method, "GET");
        assert!(received.request.body.is_empty());
        assert!(
            !received
                .request
                .headers
                .iter()
                .any(|(name, _)| name == "content-type")
        );
    }
    for verified in server.verified() {
        assert_eq!(verified.method, "GET");
        assert_eq!(verified.param("Spec"), Some("5M"));
        assert_eq!(verified.action, "DescribeVpnGatewayAvailableZones");
    }
}

/// Form parameters on a `GET` operation cannot be sent (a `GET` has no body): refused with
/// the operation, the method and the parameters named, and nothing is sent.
#[tokio::test]
async fn form_parameters_on_a_get_operation_are_refused_before_anything_is_sent() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"R-1"}"#)
    })
    .await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .build();
    let client = RpcClient::new(&VPC, config).unwrap();
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Form, "Spec", "5M");
    let error = client.send(&DESCRIBE_ZONES, params).await.unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    for part in ["DescribeVpnGatewayAvailableZones", "GET", "Spec"] {
        assert!(message.contains(part), "{message}");
    }
    assert!(server.received().is_empty());
}

#[test]
fn the_verifier_accepts_every_captured_official_request() {
    let records = wire_examples::records(&wire_examples::RPC);
    assert_eq!(records.len(), 10);
    let secret_of = |id: &str| (id == "testid").then(|| "testsecret".to_owned());
    let mut versions = Vec::new();
    for record in &records {
        let request = wire_examples::request(record);
        let verified = verify(&request, secret_of, Clock::Any)
            .unwrap_or_else(|e| panic!("{e}: {}", request.raw_query));
        // The decoded business parameters are the ones the SDK meant to send.
        let meant = wire_examples::pairs(record, "query");
        for (k, v) in &verified.query {
            assert!(meant.contains(&(k.clone(), v.clone())), "{k}={v}");
        }
        assert_eq!(verified.method, request.method);
        versions.push((verified.signature, verified.method));
    }
    let count = |signature, method: &str| {
        versions
            .iter()
            .filter(|(s, m)| *s == signature && m == method)
            .count()
    };
    assert_eq!(count(Signature::V3, "POST"), 4);
    assert_eq!(count(Signature::V1, "POST"), 4);
    assert_eq!(count(Signature::V3, "GET"), 1);
    assert_eq!(count(Signature::V1, "GET"), 1);
}

#[test]
fn the_verifier_rejects_tampering() {
    let secret_of = |id: &str| (id == "testid").then(|| "testsecret".to_owned());
    let wrong_secret = |id: &str| secret_of(id).map(|s| s + "x");
    for record in wire_examples::records(&wire_examples::RPC) {
        let original = wire_examples::request(&record);
        assert!(verify(&original, wrong_secret, Clock::Any).is_err());
        let mut changed_query = original.clone();
        changed_query.raw_query = changed_query.raw_query.replace("cn-hangzhou", "cn-beijing");
        assert!(verify(&changed_query, secret_of, Clock::Any).is_err());
        let mut changed_method = original.clone();
        changed_method.method = if original.method == "GET" {
            "POST"
        } else {
            "GET"
        }
        .to_owned();
        assert!(verify(&changed_method, secret_of, Clock::Any).is_err());
        if !original.body.is_empty() {
            let mut changed_body = original.clone();
            let body = String::from_utf8(changed_body.body).unwrap();
            changed_body.body = body.replace("master", "slave").into_bytes();
            assert!(verify(&changed_body, secret_of, Clock::Any).is_err());
        }
    }
}

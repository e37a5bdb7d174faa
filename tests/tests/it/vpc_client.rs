//! The generated Vpc client over real HTTP: signed calls, typed responses and errors, an
//! idempotency token on every retry, and nothing sent for an invalid request.

use std::time::Duration;

use acs_tests::{Reply, TestServer};
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayError;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::{Client, Config, Credentials, Error, RetryPolicy, SignatureVersion};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

fn client(server: &TestServer, signature: SignatureVersion) -> Client {
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .signature_version(signature)
        .retry_policy(
            RetryPolicy::standard()
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(5)),
        )
        .build();
    Client::new(config).unwrap()
}

fn request() -> CreateVpnGatewayRequest {
    CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-bp1ub1yt9cvakoelj0000")
        .bandwidth(10)
        .name("gw 1~*")
        .build_unchecked()
}

#[tokio::test]
async fn create_vpn_gateway_is_signed_and_parsed_with_both_signature_versions() {
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let server = TestServer::start(KEYS, |_| {
            Reply::json(
                200,
                r#"{"VpnGatewayId":"vpn-1","RequestId":"req-1","Name":"gw","OrderId":208240895400460,"Extra":{"New":1}}"#,
            )
        })
        .await;
        let created = client(&server, version).send(request()).await.unwrap();
        assert_eq!(created.vpn_gateway_id.as_deref(), Some("vpn-1"));
        assert_eq!(created.order_id, Some(208_240_895_400_460));
        let sent = server.verified();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].action, "CreateVpnGateway");
        assert_eq!(sent[0].version, "2016-04-28");
        assert_eq!(sent[0].param("Name"), Some("gw 1~*"));
        assert_eq!(sent[0].param("Bandwidth"), Some("10"));
        let token = sent[0]
            .param("ClientToken")
            .expect("a ClientToken is filled in");
        assert_eq!(token.len(), 36, "a UUID: {token}");
    }
}

#[tokio::test]
async fn a_throttled_create_is_retried_with_the_same_client_token() {
    let server = TestServer::start(KEYS, |exchange| {
        if exchange.index < 2 {
            Reply::error(
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
                "req-t",
            )
        } else {
            Reply::json(200, r#"{"VpnGatewayId":"vpn-2","RequestId":"req-2"}"#)
        }
    })
    .await;
    let created = client(&server, SignatureVersion::V3)
        .send(request())
        .await
        .unwrap();
    assert_eq!(created.vpn_gateway_id.as_deref(), Some("vpn-2"));
    let sent = server.verified();
    assert_eq!(sent.len(), 3);
    let tokens: Vec<_> = sent
        .iter()
        .map(|s| s.param("ClientToken").unwrap().to_owned())
        .collect();
    assert!(tokens.iter().all(|t| *t == tokens[0]), "{tokens:?}");
}

#[tokio::test]
async fn a_documented_error_code_is_a_typed_variant() {
    let server = TestServer::start(KEYS, |_| {
        Reply::error(
            400,
            "Resource.QuotaFull",
            "The quota of resource is full",
            "req-q",
        )
    })
    .await;
    let error = client(&server, SignatureVersion::V3)
        .send(request())
        .await
        .unwrap_err();
    let text = error.to_string();
    match error {
        Error::Service(CreateVpnGatewayError::ResourceQuotaFull(e)) => {
            assert_eq!(e.status(), 400);
            assert_eq!(e.request_id(), Some("req-q"));
        }
        other => panic!("expected ResourceQuotaFull, got {other:?}"),
    }
    assert!(
        text.contains("Resource.QuotaFull")
            && text.contains("The quota of resource is full")
            && text.contains("req-q"),
        "{text}"
    );
    assert_eq!(
        server.verified().len(),
        1,
        "a 4xx that is not throttling is never retried"
    );
}

#[tokio::test]
async fn an_invalid_request_sends_nothing() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, "{}")).await;
    let mut invalid = request();
    invalid.bandwidth = Some(7);
    invalid.name = Some("1bad".to_owned());
    let checked = CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("v")
        .bandwidth(7)
        .build();
    assert!(checked.is_err());
    // A request built unchecked is sent as is: the service has the last word.
    client(&server, SignatureVersion::V3)
        .send(invalid)
        .await
        .unwrap();
    assert_eq!(server.verified()[0].param("Bandwidth"), Some("7"));
    // A request that is not marked unchecked is validated before any I/O.
    let mut not_built = CreateVpnGatewayRequest::default();
    not_built.bandwidth = Some(7);
    let error = client(&server, SignatureVersion::V3)
        .send(not_built)
        .await
        .unwrap_err();
    match error {
        Error::Validation(v) => {
            let parameters: Vec<_> = v.iter().map(|v| v.parameter.as_str()).collect();
            assert_eq!(parameters, ["RegionId", "VpcId", "Bandwidth"]);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(
        server.received().len(),
        1,
        "the invalid request reached the server"
    );
}

#[test]
fn endpoints_follow_the_product_spec() {
    let url = |region: &str| {
        let config = Config::builder()
            .region(region)
            .credentials(Credentials::new("id", "secret"))
            .build();
        Client::new(config)
            .unwrap()
            .rpc()
            .endpoint()
            .url()
            .to_owned()
    };
    assert_eq!(
        url("cn-hangzhou"),
        "https://vpc.aliyuncs.com/",
        "central region"
    );
    assert_eq!(
        url("cn-wulanchabu"),
        "https://vpc.cn-wulanchabu.aliyuncs.com/",
        "listed region"
    );
    assert_eq!(
        url("xx-nowhere-1"),
        "https://vpc.xx-nowhere-1.aliyuncs.com/",
        "the regional pattern"
    );
    let explicit = Config::builder()
        .region("cn-hangzhou")
        .endpoint("https://vpc-vpc.example.com")
        .credentials(Credentials::new("id", "secret"))
        .build();
    assert_eq!(
        Client::new(explicit).unwrap().rpc().endpoint().url(),
        "https://vpc-vpc.example.com/",
        "explicit wins"
    );
}

/// An operation whose documentation says `GET` (DescribeVpnGatewayAvailableZones) is sent as
/// `GET` from the fluent call, with both signatures; `POST` operations stay `POST`.
#[tokio::test]
async fn each_operation_is_sent_with_its_documented_method() {
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let server = TestServer::start(KEYS, |_| {
            Reply::json(
                200,
                r#"{"RequestId":"req-1","AvailableZoneIdList":[{"ZoneId":"cn-hangzhou-h"}]}"#,
            )
        })
        .await;
        let client = client(&server, version);
        client
            .describe_vpn_gateway_available_zones()
            .region_id("cn-hangzhou")
            .spec("5M")
            .send()
            .await
            .unwrap();
        client
            .send(request())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let sent = server.verified();
        let methods: Vec<(&str, &str)> = sent
            .iter()
            .map(|v| (v.action.as_str(), v.method.as_str()))
            .collect();
        assert_eq!(
            methods,
            [
                ("DescribeVpnGatewayAvailableZones", "GET"),
                ("CreateVpnGateway", "POST")
            ]
        );
        assert_eq!(sent[0].param("Spec"), Some("5M"));
    }
}

/// A request built ahead of time may leave `RegionId` to the client, as the fluent form does:
/// `build()` accepts it, the client sends its own region, and a client without one refuses it
/// before anything is sent. Every other violation is still `build()`'s to report.
#[tokio::test]
async fn a_built_request_may_leave_the_region_to_the_client() {
    use acs_vpc::operation::describe_vpn_gateway_available_zones::DescribeVpnGatewayAvailableZonesRequest;
    let built = || {
        DescribeVpnGatewayAvailableZonesRequest::builder()
            .spec("5M")
            .build()
            .expect("RegionId may be left to the client")
    };
    let server = TestServer::start(KEYS, |_| {
        Reply::json(200, r#"{"RequestId":"req-1","AvailableZoneIdList":[]}"#)
    })
    .await;
    let with_region = Client::new(
        Config::builder()
            .endpoint(server.endpoint())
            .region("cn-shanghai")
            .credentials(Credentials::new("testid", "testsecret"))
            .build(),
    )
    .unwrap();
    with_region.send(built()).await.unwrap();
    let sent = server.verified();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].param("RegionId"), Some("cn-shanghai"));

    let without_region = client(&server, SignatureVersion::V3);
    let error = without_region.send(built()).await.unwrap_err();
    assert!(
        matches!(&error, Error::Validation(v) if v.get("RegionId").is_some()),
        "{error:?}"
    );
    assert_eq!(server.received().len(), 1, "nothing more was sent");

    let other = DescribeVpnGatewayAvailableZonesRequest::builder().build();
    let violations = other.expect_err("a missing Spec is still refused");
    assert!(violations.get("Spec").is_some(), "{violations:?}");
    assert!(violations.get("RegionId").is_some(), "{violations:?}");
}

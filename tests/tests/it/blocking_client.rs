//! The `blocking` feature: the synchronous Vpc client from plain functions against a loopback
//! server, and its clear refusal inside an async runtime.

use acs_tests::{Reply, TestServer};
use acs_vpc::operation::create_vpn_gateway::{CreateVpnGatewayError, CreateVpnGatewayRequest};
use acs_vpc::{Config, Credentials, Error};

/// A server on its own runtime's threads, so the test's thread stays outside any runtime.
fn serve(
    respond: impl Fn(&acs_tests::Exchange<'_>) -> Reply + Send + Sync + 'static,
) -> (tokio::runtime::Runtime, TestServer) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(TestServer::start(&[("testid", "testsecret")], respond));
    (runtime, server)
}

fn client(server: &TestServer) -> acs_vpc::blocking::Client {
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .build();
    acs_vpc::blocking::Client::new(config).unwrap()
}

#[test]
fn a_plain_function_gets_a_typed_response() {
    let (_runtime, server) = serve(|_| {
        Reply::json(
            200,
            r#"{"VpnGatewayId":"vpn-1","RequestId":"req-1","OrderId":"208240895400460"}"#,
        )
    });
    let client = client(&server);
    let created = client
        .create_vpn_gateway()
        .vpc_id("vpc-bp1ub1yt9cvakoelj0000")
        .bandwidth(10)
        .send()
        .unwrap();
    assert_eq!(created.vpn_gateway_id.as_deref(), Some("vpn-1"));
    assert_eq!(created.order_id, Some(208_240_895_400_460));
    // A second call on the same client, and a request built beforehand.
    let request = CreateVpnGatewayRequest::builder()
        .vpc_id("vpc-bp1ub1yt9cvakoelj0000")
        .bandwidth(5)
        .build_unchecked();
    assert_eq!(
        client.send(request).unwrap().request_id.as_deref(),
        Some("req-1")
    );
    let sent = server.verified();
    assert_eq!(sent.len(), 2, "both calls reached the server, signed");
    assert_eq!(sent[0].action, "CreateVpnGateway");
    assert_eq!(sent[0].param("RegionId"), Some("cn-hangzhou"));
    assert_eq!(sent[1].param("Bandwidth"), Some("5"));
}

#[test]
fn service_errors_and_violations_are_typed() {
    let (_runtime, server) = serve(|_| {
        Reply::error(
            400,
            "Resource.QuotaFull",
            "The quota of resource is full",
            "req-q",
        )
    });
    let client = client(&server);
    let quota = client
        .create_vpn_gateway()
        .vpc_id("vpc-1")
        .bandwidth(5)
        .send();
    assert!(
        matches!(
            quota,
            Err(Error::Service(CreateVpnGatewayError::ResourceQuotaFull(_)))
        ),
        "{quota:?}"
    );
    let invalid = client.create_vpn_gateway().bandwidth(7).send();
    assert!(matches!(invalid, Err(Error::Validation(_))), "{invalid:?}");
    assert_eq!(
        server.verified().len(),
        1,
        "nothing sent for an invalid request"
    );
}

#[tokio::test]
async fn inside_an_async_runtime_a_call_fails_clearly_and_sends_nothing() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::json(200, r#"{"RequestId":"req-1"}"#)
    })
    .await;
    let client = client(&server);
    let answer = client
        .create_vpn_gateway()
        .vpc_id("vpc-1")
        .bandwidth(5)
        .send();
    match answer {
        Err(Error::Config(message)) => assert!(
            message.contains("inside an async runtime") && message.contains("async `Client`"),
            "{message}"
        ),
        other => panic!("expected a configuration error, got {other:?}"),
    }
    assert!(server.verified().is_empty(), "nothing was sent");
}

//! Tolerant decoding of generated responses over real HTTP: numbers sent as strings and
//! strings sent as numbers decode; a value that still does not fit names its field and value,
//! and the raw body stays available.

use acs_runtime::auth::Credentials;
use acs_runtime::client::RetryPolicy;
use acs_tests::{Reply, TestServer};
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::{Client, Config, Error};

async fn create_against(
    body: &'static str,
) -> Result<
    acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayResponse,
    Error<acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayError>,
> {
    let server =
        TestServer::start(&[("testid", "testsecret")], move |_| Reply::json(200, body)).await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(RetryPolicy::disabled())
        .build();
    let request = CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-1")
        .bandwidth(5)
        .build()
        .unwrap();
    Client::new(config).unwrap().send(request).await
}

#[tokio::test]
async fn a_number_as_string_and_a_string_as_number_decode() {
    let created = create_against(
        r#"{"RequestId":"R","OrderId":"208240895400460","VpnGatewayId":12345,"Name":true}"#,
    )
    .await
    .unwrap();
    assert_eq!(created.order_id, Some(208_240_895_400_460));
    assert_eq!(created.vpn_gateway_id.as_deref(), Some("12345"));
    assert_eq!(created.name.as_deref(), Some("true"));
}

#[tokio::test]
async fn a_value_that_does_not_fit_names_field_and_value_and_keeps_the_body() {
    const BODY: &str = r#"{"RequestId":"R","OrderId":"not-a-number"}"#;
    let error = create_against(BODY).await.unwrap_err();
    let Error::ResponseParse {
        status,
        reason,
        body,
        ..
    } = &error
    else {
        panic!("expected a parse error, got {error:?}")
    };
    assert_eq!(*status, 200);
    assert!(
        reason.contains("OrderId") && reason.contains("\"not-a-number\""),
        "{reason}"
    );
    assert_eq!(body.as_bytes(), BODY.as_bytes());
    assert!(
        format!("{error:?}").contains("RawBody(42 bytes)"),
        "{error:?}"
    );
}

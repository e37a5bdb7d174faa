//! Creating VPN gateways against the emulator: a create retried after a lost response makes
//! one gateway, a repeated `ClientToken` returns the same gateway, and the quota holds.

use std::time::Duration;

use acs_tests::{EmulatorConfig, VpnEmulator};
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayError;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::{Client, Error};

fn request(name: &str) -> CreateVpnGatewayRequest {
    CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-idem0000")
        .bandwidth(10)
        .name(name)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_create_retried_after_a_lost_response_makes_one_gateway() {
    let emulator = VpnEmulator::start(EmulatorConfig::default()).await;
    emulator.drop_responses("CreateVpnGateway", 1);
    let config = emulator
        .config()
        .attempt_timeout(Duration::from_millis(1000))
        .build();
    let client = Client::new(config).unwrap();

    let created = client.send(request("lost")).await.unwrap();

    let gateways = emulator.gateways();
    assert_eq!(gateways.len(), 1, "{gateways:?}");
    assert_eq!(
        created.vpn_gateway_id.as_deref(),
        Some(gateways[0].id.as_str())
    );
    let calls = emulator.calls("CreateVpnGateway");
    assert_eq!(calls.len(), 2, "the lost attempt and its retry");
    let token = calls[0].param("ClientToken").expect("a filled-in token");
    assert_eq!(calls[1].param("ClientToken"), Some(token));
    assert_eq!(gateways[0].client_token.as_deref(), Some(token));
}

#[tokio::test]
async fn the_same_client_token_returns_the_same_gateway() {
    let emulator = VpnEmulator::start(EmulatorConfig::default()).await;
    let client = Client::new(emulator.config().build()).unwrap();
    let mut with_token = request("first");
    with_token.client_token = Some("token-1".to_owned());
    let first = client.send(with_token.clone()).await.unwrap();
    with_token.name = Some("second".to_owned());
    let again = client.send(with_token).await.unwrap();
    assert_eq!(again.vpn_gateway_id, first.vpn_gateway_id);
    assert_eq!(again.name.as_deref(), Some("first"));
    assert_eq!(again.order_id, first.order_id);
    assert_ne!(again.request_id, first.request_id);
    assert_eq!(emulator.gateways().len(), 1);

    let other = client.send(request("other")).await.unwrap();
    assert_ne!(other.vpn_gateway_id, first.vpn_gateway_id);
    assert_eq!(emulator.gateways().len(), 2);
}

#[tokio::test]
async fn a_create_past_the_quota_is_quota_full() {
    let emulator = VpnEmulator::start(EmulatorConfig {
        quota: 2,
        ..EmulatorConfig::default()
    })
    .await;
    let client = Client::new(emulator.config().build()).unwrap();
    for name in ["a1", "a2"] {
        client.send(request(name)).await.unwrap();
    }
    let error = client.send(request("a3")).await.unwrap_err();
    match error {
        Error::Service(CreateVpnGatewayError::ResourceQuotaFull(e)) => {
            assert_eq!(e.status(), 400);
            assert!(e.request_id().is_some());
        }
        other => panic!("expected Resource.QuotaFull, got {other:?}"),
    }
    assert_eq!(emulator.gateways().len(), 2);
}

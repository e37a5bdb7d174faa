//! The VPN gateway waiters against the emulator: success, timeout, a terminal state, a
//! deletion that ends on `InvalidVpnGatewayInstanceId.NotFound`, and an error that ends a wait.

use std::time::Duration;

use acs_runtime::waiter::{WaitError, WaiterConfig};
use acs_tests::{EmulatorConfig, VpnEmulator};
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::operation::delete_vpn_gateway::DeleteVpnGatewayRequest;
use acs_vpc::operation::describe_vpn_gateway::DescribeVpnGatewayError;
use acs_vpc::operation::describe_vpn_gateway::DescribeVpnGatewayRequest;
use acs_vpc::types::Status;
use acs_vpc::{Client, Error};

const REGION: &str = "cn-hangzhou";

async fn emulator(polls_until_active: u32, polls_while_deleting: u32) -> (VpnEmulator, Client) {
    let emulator = VpnEmulator::start(EmulatorConfig {
        polls_until_active,
        polls_while_deleting,
        ..EmulatorConfig::default()
    })
    .await;
    let client = Client::new(emulator.config().build()).unwrap();
    (emulator, client)
}

async fn create(client: &Client) -> String {
    let request = CreateVpnGatewayRequest::builder()
        .region_id(REGION)
        .vpc_id("vpc-waiters0000")
        .bandwidth(5)
        .build()
        .unwrap();
    let created = client.send(request).await.unwrap();
    created.vpn_gateway_id.unwrap()
}

fn describe(id: &str) -> DescribeVpnGatewayRequest {
    DescribeVpnGatewayRequest::builder()
        .region_id(REGION)
        .vpn_gateway_id(id)
        .build()
        .unwrap()
}

async fn delete(client: &Client, id: &str) {
    let request = DeleteVpnGatewayRequest::builder()
        .region_id(REGION)
        .vpn_gateway_id(id)
        .build()
        .unwrap();
    client.send(request).await.unwrap();
}

/// Polls every millisecond, for at most `max_wait`.
fn fast(max_wait: Duration) -> Option<WaiterConfig> {
    Some(WaiterConfig::new(Duration::from_millis(1), max_wait))
}

#[tokio::test]
async fn the_active_waiter_polls_until_the_gateway_is_active() {
    let (emulator, client) = emulator(3, 1).await;
    let id = create(&client).await;
    let done = client
        .wait_until_vpn_gateway_active(describe(&id), fast(Duration::from_secs(30)))
        .await
        .unwrap()
        .expect("the last answer");
    assert_eq!(done.status, Some(Status::Active));
    assert_eq!(done.vpn_gateway_id.as_deref(), Some(id.as_str()));
    assert_eq!(
        emulator.calls("DescribeVpnGateway").len(),
        4,
        "three provisioning answers, then active"
    );
}

#[tokio::test]
async fn the_active_waiter_gives_up_with_the_last_state() {
    let (emulator, client) = emulator(u32::MAX, 1).await;
    let id = create(&client).await;
    let error = client
        .wait_until_vpn_gateway_active(describe(&id), fast(Duration::from_millis(50)))
        .await
        .unwrap_err();
    match error {
        WaitError::Timeout {
            polls, last_state, ..
        } => {
            assert_eq!(last_state.as_deref(), Some("provisioning"));
            assert_eq!(polls as usize, emulator.calls("DescribeVpnGateway").len());
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn the_active_waiter_fails_at_once_on_a_deleting_gateway() {
    let (emulator, client) = emulator(0, 100).await;
    let id = create(&client).await;
    client
        .wait_until_vpn_gateway_active(describe(&id), fast(Duration::from_secs(30)))
        .await
        .unwrap();
    delete(&client, &id).await;
    let before = emulator.calls("DescribeVpnGateway").len();
    let error = client
        .wait_until_vpn_gateway_active(describe(&id), fast(Duration::from_secs(30)))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { state } if state == "deleting"),
        "{error:?}"
    );
    assert_eq!(
        emulator.calls("DescribeVpnGateway").len(),
        before + 1,
        "one poll"
    );
}

#[tokio::test]
async fn the_deleted_waiter_ends_on_the_not_found_code() {
    let (emulator, client) = emulator(0, 2).await;
    let id = create(&client).await;
    client
        .wait_until_vpn_gateway_active(describe(&id), fast(Duration::from_secs(30)))
        .await
        .unwrap();
    delete(&client, &id).await;
    let before = emulator.calls("DescribeVpnGateway").len();
    let gone = client
        .wait_until_vpn_gateway_deleted(describe(&id), fast(Duration::from_secs(30)))
        .await
        .unwrap();
    assert_eq!(gone, None, "a success code leaves no response");
    assert_eq!(
        emulator.calls("DescribeVpnGateway").len(),
        before + 3,
        "two deleting answers, then NotFound"
    );
    assert!(emulator.gateways().is_empty());
}

#[tokio::test]
async fn an_error_that_is_no_acceptor_ends_the_wait() {
    let (_emulator, client) = emulator(0, 1).await;
    let error = client
        .wait_until_vpn_gateway_active(describe("vpn-missing"), fast(Duration::from_secs(30)))
        .await
        .unwrap_err();
    match error {
        WaitError::Call(Error::Service(
            DescribeVpnGatewayError::InvalidVpnGatewayInstanceIdNotFound(e),
        )) => assert_eq!(e.status(), 404),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

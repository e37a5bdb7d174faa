//! The IPsec-VPN connection waiters over loopback HTTP, the service's answers scripted.

use std::time::Duration;

use acs_runtime::waiter::{WaitError, WaiterConfig};
use acs_tests::{Reply, TestServer};
use acs_vpc::operation::describe_vpn_connection::DescribeVpnConnectionRequest;
use acs_vpc::types::{DescribeVpnConnectionStatus as Status, State};
use acs_vpc::{Client, Config, Credentials};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

/// A server answering the `n`-th request with `answers[n]` (the last one from then on).
async fn scripted(answers: &'static [Result<&'static str, &'static str>]) -> TestServer {
    TestServer::start(KEYS, move |exchange| {
        match answers[exchange.index.min(answers.len() - 1)] {
            Ok(body) => Reply::json(200, body),
            Err(code) => Reply::error(
                404,
                code,
                "The specified vpn connection does not exist.",
                "req-1",
            ),
        }
    })
    .await
}

fn client(server: &TestServer) -> Client {
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .build();
    Client::new(config).unwrap()
}

fn describe() -> DescribeVpnConnectionRequest {
    DescribeVpnConnectionRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_connection_id("vco-1")
        .build()
        .unwrap()
}

fn fast() -> Option<WaiterConfig> {
    Some(WaiterConfig::new(
        Duration::from_millis(1),
        Duration::from_secs(30),
    ))
}

#[tokio::test]
async fn available_waits_through_attaching_until_attached() {
    let server = scripted(&[
        Ok(r#"{"RequestId":"r","State":"init"}"#),
        Ok(r#"{"RequestId":"r","State":"attaching"}"#),
        Ok(r#"{"RequestId":"r","State":"attached","Status":"ike_sa_not_established"}"#),
    ])
    .await;
    let done = client(&server)
        .wait_until_vpn_connection_available(describe(), fast())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.state, Some(State::Attached));
    assert_eq!(done.status, Some(Status::IkeSaNotEstablished));
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn available_fails_at_once_on_a_locked_connection() {
    let server = scripted(&[
        Ok(r#"{"RequestId":"r","State":"provisioning"}"#),
        Ok(r#"{"RequestId":"r","State":"financialLocked"}"#),
    ])
    .await;
    let error = client(&server)
        .wait_until_vpn_connection_available(describe(), fast())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { state } if state == "financialLocked"),
        "{error:?}"
    );
}

#[tokio::test]
async fn established_waits_for_phase_two() {
    let server = scripted(&[
        Ok(r#"{"RequestId":"r","State":"active","Status":"ike_sa_established"}"#),
        Ok(r#"{"RequestId":"r","State":"active","Status":"ipsec_sa_established"}"#),
    ])
    .await;
    let done = client(&server)
        .wait_until_vpn_connection_established(describe(), fast())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, Some(Status::IpsecSaEstablished));
}

#[tokio::test]
async fn deleted_ends_on_the_deleted_state_or_the_not_found_code() {
    let server = scripted(&[
        Ok(r#"{"RequestId":"r","State":"updating"}"#),
        Ok(r#"{"RequestId":"r","State":"deleted"}"#),
    ])
    .await;
    let done = client(&server)
        .wait_until_vpn_connection_deleted(describe(), fast())
        .await
        .unwrap();
    assert_eq!(done.unwrap().state, Some(State::Deleted));

    let server = scripted(&[
        Ok(r#"{"RequestId":"r","State":"active"}"#),
        Err("InvalidVpnConnectionInstanceId.NotFound"),
    ])
    .await;
    let gone = client(&server)
        .wait_until_vpn_connection_deleted(describe(), fast())
        .await
        .unwrap();
    assert_eq!(gone, None);
    assert_eq!(server.verified().len(), 2);
}

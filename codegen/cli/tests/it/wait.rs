//! `--wait`: after the call, the polled operation is called with the given and returned ids
//! until its waiter's success state or code, a failure state, or a usage error.

use crate::support::*;
use acs_tests::{Reply, TestServer};

/// The environment with [`ENV_KEY`] and a short delay between polls.
fn env_fast() -> Vec<(&'static str, &'static str)> {
    let mut env = env_keys();
    env.push(("ACS_WAIT_INTERVAL_MS", "1"));
    env
}

/// A server answering `CreateVpnGateway` with `vpn-new`, then each `DescribeVpnGateway` in turn
/// with the given statuses (the last one repeated).
async fn create_server(statuses: &'static [&'static str]) -> TestServer {
    TestServer::start(&[ENV_KEY], move |x| match x.verified.action.as_str() {
        "CreateVpnGateway" => Reply::json(200, r#"{"RequestId":"R-0","VpnGatewayId":"vpn-new"}"#),
        _ => {
            let status = statuses[(x.index - 1).min(statuses.len() - 1)];
            Reply::json(
                200,
                format!(
                    r#"{{"RequestId":"R-{}","VpnGatewayId":"vpn-new","Status":"{status}"}}"#,
                    x.index
                ),
            )
        }
    })
    .await
}

async fn create_and_wait(server: &TestServer) -> Outcome {
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "CreateVpnGateway",
        "--RegionId",
        "cn-shanghai",
        "--VpcId",
        "vpc-1",
        "--Bandwidth",
        "5",
        "--wait",
        "--endpoint",
        &endpoint,
    ];
    acs(&args, &env_fast()).await
}

#[tokio::test]
async fn create_polls_with_the_given_region_and_the_created_id_until_active() {
    let server = create_server(&["provisioning", "provisioning", "active"]).await;
    let outcome = create_and_wait(&server).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    // The call's own response is kept, the final state beside it.
    assert_eq!(
        outcome.stdout,
        "{\n  \"Response\": {\n    \"RequestId\": \"R-0\",\n    \"VpnGatewayId\": \"vpn-new\"\n  },\n  \
         \"Final\": {\n    \"RequestId\": \"R-3\",\n    \"VpnGatewayId\": \"vpn-new\",\n    \"Status\": \"active\"\n  }\n}\n"
    );
    // One line of progress per poll: the state and the time waited so far.
    let progress: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(progress.len(), 3, "{outcome:#?}");
    for (line, state) in progress
        .iter()
        .zip(["provisioning", "provisioning", "active"])
    {
        let prefix =
            format!("waiting for VpnGatewayActive: DescribeVpnGateway says {state} after ");
        let seconds = line
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(" s"));
        assert!(
            seconds.is_some_and(|s| s.parse::<f64>().is_ok()),
            "{line:?}"
        );
    }
    let verified = server.verified();
    let actions: Vec<&str> = verified.iter().map(|v| v.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "CreateVpnGateway",
            "DescribeVpnGateway",
            "DescribeVpnGateway",
            "DescribeVpnGateway"
        ]
    );
    for poll in &verified[1..] {
        assert_eq!(
            sorted_without_token(&poll.query),
            pairs(&[("RegionId", "cn-shanghai"), ("VpnGatewayId", "vpn-new")])
        );
    }
}

#[tokio::test]
async fn a_failure_state_ends_the_wait_with_status_1() {
    let server = create_server(&["provisioning", "deleting"]).await;
    let outcome = create_and_wait(&server).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
    assert!(
        outcome.stderr.contains("VpnGatewayActive") && outcome.stderr.contains("\"deleting\""),
        "{outcome:#?}"
    );
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn delete_ends_when_the_gateway_is_not_found() {
    let server = TestServer::start(&[ENV_KEY], |x| match x.index {
        0 => Reply::json(200, r#"{"RequestId":"R-0"}"#),
        1 => Reply::json(
            200,
            r#"{"RequestId":"R-1","VpnGatewayId":"vpn-1","Status":"deleting"}"#,
        ),
        _ => Reply::error(404, "InvalidVpnGatewayInstanceId.NotFound", "gone", "R-2"),
    })
    .await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DeleteVpnGateway",
        "--RegionId",
        "cn-hangzhou",
        "--VpnGatewayId",
        "vpn-1",
        "--wait",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_fast()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    // The resource is gone: no final state.
    assert_eq!(
        outcome.stdout,
        "{\n  \"Response\": {\n    \"RequestId\": \"R-0\"\n  },\n  \"Final\": null\n}\n"
    );
    assert!(
        outcome
            .stderr
            .starts_with("waiting for VpnGatewayDeleted: DescribeVpnGateway answered after "),
        "{outcome:#?}"
    );
    let verified = server.verified();
    assert_eq!(verified.len(), 3);
    assert_eq!(verified[2].action, "DescribeVpnGateway");
    assert_eq!(verified[2].param("VpnGatewayId"), Some("vpn-1"));
}

#[tokio::test]
async fn wait_on_an_operation_without_a_waiter_is_a_usage_error() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "CreateVpnConnection",
        "--RegionId",
        "cn-hangzhou",
        "--VpnGatewayId",
        "vpn-1",
        "--wait",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_fast()).await;
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert_eq!(outcome.stderr, "error: CreateVpnConnection has no waiter\n");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn wait_is_ignored_with_validate_only() {
    let args = [
        "vpc",
        "CreateVpnGateway",
        "--RegionId",
        "cn-hangzhou",
        "--VpcId",
        "vpc-1",
        "--Bandwidth",
        "5",
        "--wait",
        "--validate-only",
        "--region",
        "cn-hangzhou",
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(outcome.stdout.contains("CreateVpnGateway"), "{outcome:#?}");
}

#[tokio::test]
async fn a_bad_interval_is_a_usage_error() {
    let mut env = env_keys();
    env.push(("ACS_WAIT_INTERVAL_MS", "soon"));
    let args = [
        "vpc",
        "DeleteVpnGateway",
        "--RegionId",
        "cn-hangzhou",
        "--VpnGatewayId",
        "vpn-1",
        "--wait",
    ];
    let outcome = acs(&args, &env).await;
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("ACS_WAIT_INTERVAL_MS"),
        "{outcome:#?}"
    );
}

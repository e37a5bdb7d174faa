//! After a successful call, the answer is never lost: an `--output` that does not fit prints
//! it as JSON with exit 3; a `--waiter` waits its whole timeout; absurd waits are refused
//! before anything is sent.

use std::time::Instant;

use crate::support::*;
use acs_tests::{Reply, TestServer};

const ANSWER: &str = r#"{"RequestId":"R-1","VpnGatewayId":"vpn-new","Status":"init"}"#;

async fn answering() -> TestServer {
    server(Reply::json(200, ANSWER)).await
}

#[tokio::test]
async fn output_that_does_not_fit_prints_the_answer_as_json_and_exits_3() {
    for rows in ["rows=VpnGatewayId", "rows=length(@)"] {
        let server = answering().await;
        let endpoint = server.endpoint();
        let args = [
            "vpc",
            "CreateVpnGateway",
            "--RegionId",
            "r",
            "--VpcId",
            "vpc-1",
            "--Bandwidth",
            "5",
            "--output",
            "cols=VpnGatewayId",
            rows,
            "--endpoint",
            &endpoint,
        ];
        let outcome = acs(&args, &env_keys()).await;
        let verified = server.verified();
        assert_eq!(outcome.status, 3, "{rows}: {outcome:#?}");
        let printed: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
        assert_eq!(printed["VpnGatewayId"], "vpn-new", "{outcome:#?}");
        assert!(
            outcome
                .stderr
                .starts_with("error: the call succeeded, but --output rows="),
            "{outcome:#?}"
        );
        assert_eq!(verified.len(), 1);
    }
}

#[tokio::test]
async fn a_waiter_polls_until_its_whole_timeout() {
    let server = answering().await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpnGateway",
        "--RegionId",
        "r",
        "--VpnGatewayId",
        "vpn-1",
        "--waiter",
        "expr=Status",
        "to=active",
        "interval=0.3",
        "timeout=0.5",
        "--endpoint",
        &endpoint,
    ];
    let started = Instant::now();
    let outcome = acs(&args, &env_keys()).await;
    let took = started.elapsed().as_secs_f64();
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(took >= 0.5, "gave up after {took} s: {outcome:#?}");
    // At 0, at 0.3 and at the deadline.
    assert_eq!(server.verified().len(), 3, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("--waiter gave up after 0.5 s"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn absurd_waits_are_usage_errors_and_send_nothing() {
    let server = answering().await;
    let endpoint = server.endpoint();
    for field in [
        "timeout=1e20",
        "interval=1e300",
        "timeout=1e400",
        "interval=-0",
    ] {
        let args = [
            "vpc",
            "DescribeVpnGateway",
            "--RegionId",
            "r",
            "--VpnGatewayId",
            "vpn-1",
            "--waiter",
            "expr=Status",
            "to=active",
            field,
            "--endpoint",
            &endpoint,
        ];
        let outcome = acs(&args, &env_keys()).await;
        assert_eq!(outcome.status, 2, "{field}: {outcome:#?}");
        assert!(
            outcome
                .stderr
                .contains("positive number of seconds up to 604800"),
            "{outcome:#?}"
        );
    }
    assert_eq!(server.verified().len(), 0);
}

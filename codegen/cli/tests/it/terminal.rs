//! Text from the server reaches the terminal inert: escape sequences, carriage returns, line
//! breaks and direction overrides in service errors, waiter progress and table cells are
//! shown escaped.

use crate::support::*;
use acs_tests::Reply;

/// Text a hostile server sends: a title change, a screen clear, a forged line, a bell.
const HOSTILE: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J\r\n  request id: FORGED\u{9b}31m\u{202e}";

/// Asserts `text` holds no character a terminal would obey but its own line breaks, and
/// no forged line.
fn assert_inert(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{text:?}"
    );
    assert!(!text.contains("\n  request id: FORGED"), "{text:?}");
    assert!(text.contains("\\u{1b}]0;owned\\u{7}"), "{text:?}");
}

#[tokio::test]
async fn service_errors_are_printed_escaped() {
    let server = server(Reply::error(
        400,
        &format!("Bad{HOSTILE}"),
        HOSTILE,
        HOSTILE,
    ))
    .await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_inert(&outcome.stderr);
    assert!(
        outcome.stderr.starts_with("error: Bad\\u{1b}]0;owned"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn waiter_progress_and_table_cells_are_escaped() {
    let body = serde_json::json!({"RequestId": "R", "Status": HOSTILE}).to_string();
    let server = server(Reply::json(200, body)).await;
    let endpoint = server.endpoint();
    let base = [
        "vpc",
        "DescribeVpnGateway",
        "--RegionId",
        "r",
        "--VpnGatewayId",
        "v",
    ];
    let mut args = base.to_vec();
    args.extend_from_slice(&[
        "--waiter",
        "expr=Status",
        "to=active",
        "interval=0.001",
        "timeout=0.002",
        "--endpoint",
        &endpoint,
    ]);
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_inert(&outcome.stderr);
    let mut args = base.to_vec();
    args.extend_from_slice(&["--output", "cols=Status", "--endpoint", &endpoint]);
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_inert(&outcome.stdout);
}

//! `--pager` ends: at an empty page, within its page, item and byte limits (which fields
//! raise), and on a token seen before, however the service pages.

use crate::support::*;
use acs_tests::{Reply, TestServer};

/// A token listing whose page `n` (from 0) has `per_page` items and the next token `token(n)`.
async fn token_server(per_page: usize, token: fn(usize) -> String) -> TestServer {
    TestServer::start(&[ENV_KEY], move |x| {
        let items: Vec<_> = (0..per_page)
            .map(|i| serde_json::json!({"ResourceId": format!("r-{}-{i}", x.index)}))
            .collect();
        let body = serde_json::json!({
            "NextToken": token(x.index),
            "TagResources": {"TagResource": items},
        });
        Reply::json(200, body.to_string())
    })
    .await
}

/// `acs vpc ListTagResources ... --pager <fields>` against `server`.
async fn list_tags(server: &TestServer, fields: &[&str]) -> Outcome {
    let endpoint = server.endpoint();
    let mut args = vec![
        "vpc",
        "ListTagResources",
        "--RegionId",
        "r",
        "--ResourceType",
        "VPC",
        "--ResourceId.1",
        "vpc-1",
        "--pager",
    ];
    args.extend_from_slice(fields);
    args.extend_from_slice(&["--endpoint", &endpoint]);
    acs(&args, &env_keys()).await
}

fn assert_stopped(outcome: &Outcome, field: &str) {
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_eq!(outcome.stdout, "", "{outcome:#?}");
    assert!(
        outcome.stderr.contains("is not complete")
            && outcome.stderr.contains(&format!("--pager {field}=<n>")),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn a_fresh_token_on_every_page_stops_at_the_page_limit() {
    let server = token_server(1, |n| format!("t{n}")).await;
    let outcome = list_tags(&server, &["max-pages=7"]).await;
    assert_stopped(&outcome, "max-pages");
    assert_eq!(server.verified().len(), 7);
}

#[tokio::test]
async fn items_and_bytes_are_bounded_by_default_and_by_their_fields() {
    let server = token_server(1000, |n| format!("t{n}")).await;
    let outcome = list_tags(&server, &[]).await;
    assert_stopped(&outcome, "max-items");
    assert_eq!(server.verified().len(), 101);
    let server = token_server(10, |n| format!("t{n}")).await;
    let outcome = list_tags(&server, &["max-bytes=2000"]).await;
    assert_stopped(&outcome, "max-bytes");
    assert!(server.verified().len() < 10, "{}", server.verified().len());
}

#[tokio::test]
async fn a_token_seen_before_fails_and_an_empty_page_ends() {
    let server = token_server(1, |n| ["A", "B"][n % 2].to_owned()).await;
    let outcome = list_tags(&server, &[]).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(outcome.stderr.contains("token \"A\" twice"), "{outcome:#?}");
    assert_eq!(server.verified().len(), 3);
    let server = token_server(0, |n| format!("t{n}")).await;
    let outcome = list_tags(&server, &[]).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn a_huge_total_count_stops_at_the_page_limit() {
    let server = TestServer::start(&[ENV_KEY], |x| {
        let body = serde_json::json!({
            "TotalCount": 1_000_000_000_000_000_u64,
            "Vpcs": {"Vpc": [{"VpcId": format!("vpc-{}", x.index)}]},
        });
        Reply::json(200, body.to_string())
    })
    .await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--pager",
        "max-pages=4",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_stopped(&outcome, "max-pages");
    assert_eq!(server.verified().len(), 4);
}

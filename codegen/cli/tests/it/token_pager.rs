//! `--pager` on an operation that takes both page numbers and tokens (Ecs DescribeInstances,
//! whose documentation retires page numbers) pages by tokens, as `aliyun` does.

use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::{Reply, TestServer};
use serde_json::{Value, json};

use crate::support::{ENV_KEY, env_keys};

static ECS: Product = Product::new(
    "ecs",
    "Elastic Compute Service",
    "2014-05-26",
    include_str!("../../../../generated/acs/data/ecs.json"),
);

/// A fake that follows the documentation: pages by `NextToken` and ignores `PageNumber`
/// (so a client paging by numbers gets the first page again and again).
fn page(token: Option<&str>) -> Reply {
    let (first, next) = match token {
        None => (0, Some("t1")),
        Some("t1") => (10, Some("t2")),
        _ => (20, None),
    };
    let instances: Vec<Value> = (first..first + 10)
        .map(|i| json!({"InstanceId": format!("i-{i}")}))
        .collect();
    let mut body = json!({
        "RequestId": "R",
        "TotalCount": 30,
        "Instances": {"Instance": instances}
    });
    if let Some(next) = next {
        body["NextToken"] = json!(next);
    }
    Reply::json(200, body.to_string())
}

#[tokio::test]
async fn the_pager_follows_tokens_where_both_are_offered() {
    let server = TestServer::start(&[ENV_KEY], |x| page(x.verified.param("NextToken"))).await;
    let args = [
        "ecs",
        "DescribeInstances",
        "--RegionId",
        "cn-hangzhou",
        "--pager",
        "--endpoint",
        &server.endpoint(),
    ]
    .map(str::to_owned)
    .to_vec();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = acs_cli::run(
        &[&ECS],
        args,
        Env::from_vars(env_keys()),
        &mut out,
        &mut err,
    )
    .await;
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    let merged: Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = merged["Instances"]["Instance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..30).map(|i| format!("i-{i}")).collect();
    assert_eq!(ids, expected);
    let asked: Vec<Option<String>> = server
        .verified()
        .iter()
        .map(|v| v.param("NextToken").map(str::to_owned))
        .collect();
    assert_eq!(asked, [None, Some("t1".to_owned()), Some("t2".to_owned())]);
}

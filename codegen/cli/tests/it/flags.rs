//! The arguments and flags people script with, against loopback servers: values that start
//! with dashes, numbered items of delimited lists, honest exit codes, the region from
//! `--RegionId`, previews without credentials, `-p`, `--quiet`, `--output`, `--pager` and
//! `--waiter`.

use crate::support::*;
use acs_tests::{Reply, TestServer};
use expect_test::expect;

const PEM: &str = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

/// Runs `acs vpc <args> --endpoint <server>` against a server answering `reply`.
async fn against(reply: Reply, args: &[&str], env: &[(&str, &str)]) -> (Outcome, TestServer) {
    let server = server(reply).await;
    let endpoint = server.endpoint();
    let mut line = vec!["vpc"];
    line.extend_from_slice(args);
    line.extend_from_slice(&["--endpoint", &endpoint]);
    (acs(&line, env).await, server)
}

#[tokio::test]
async fn values_starting_with_dashes_are_values() {
    let args = [
        "CreateVpnConnection",
        "--RegionId",
        "cn-hangzhou",
        "--VpnGatewayId",
        "vpn-1",
        "--LocalSubnet",
        "10.0.0.0/24",
        "--RemoteSubnet",
        "10.1.0.0/24",
        "--RemoteCaCertificate",
        PEM,
        "--no-validate",
        "--HealthCheckConfig",
        "{}",
        "--BgpConfig",
        r#"{"LocalAsn": -5}"#,
    ];
    let (outcome, server) =
        against(Reply::json(200, r#"{"RequestId":"R"}"#), &args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let verified = server.verified();
    assert_eq!(verified[0].param("RemoteCaCertificate"), Some(PEM));

    let args = [
        "CreateVpnGateway",
        "--RegionId",
        "r",
        "--VpcId",
        "v",
        "--Bandwidth",
        "-5",
        "--no-validate",
    ];
    let (outcome, server) = against(Reply::json(200, "{}"), &args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(server.verified()[0].param("Bandwidth"), Some("-5"));
}

#[tokio::test]
async fn delimited_lists_take_numbered_items_too() {
    let base = [
        "GrantInstanceToVbr",
        "--RegionId",
        "cn-hangzhou",
        "--VbrOwnerUid",
        "1234567890123",
        "--InstanceId",
        "vpc-1",
        "--GrantType",
        "Specify",
        "--VbrRegionNo",
        "cn-hangzhou",
    ];
    let mut args = base.to_vec();
    args.extend_from_slice(&["--VbrInstanceIds.2", "vbr-y", "--VbrInstanceIds.1", "vbr-x"]);
    let (outcome, server) = against(Reply::json(200, "{}"), &args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(
        server.verified()[0].param("VbrInstanceIds"),
        Some("vbr-x,vbr-y")
    );

    let mut args = base.to_vec();
    args.extend_from_slice(&["--VbrInstanceIds", "a,b", "--VbrInstanceIds.3", "c"]);
    let outcome = acs(&[&["vpc"], &args[..]].concat(), &env_keys()).await;
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert!(outcome.stderr.contains("either joined"), "{outcome:#?}");
}

#[tokio::test]
async fn a_successful_status_without_json_exits_1_with_status_type_and_first_bytes() {
    for (reply, shown) in [
        (
            Reply::with_type(200, "text/html", "<html>maintenance</html>"),
            "HTTP 200 (text/html",
        ),
        (
            Reply::json(200, r#"{"RequestId":"R","Vpcs":{"#),
            "HTTP 200 (application/json",
        ),
    ] {
        let (outcome, _) = against(reply, &["DescribeVpcs", "--RegionId", "r"], &env_keys()).await;
        assert_eq!(outcome.status, 1, "{outcome:#?}");
        assert_eq!(outcome.stdout, "");
        assert!(outcome.stderr.contains(shown), "{outcome:#?}");
        assert!(outcome.stderr.contains("not JSON"), "{outcome:#?}");
    }
}

#[tokio::test]
async fn region_id_picks_the_endpoint_and_previews_need_no_credentials() {
    let home = tempfile::tempdir().unwrap();
    let env = [("HOME", home.path().to_str().unwrap())];
    for flag in ["--validate-only", "--dryrun"] {
        let args = ["vpc", "DescribeVpcs", "--RegionId", "eu-central-1", flag];
        let outcome = acs(&args, &env).await;
        assert_eq!(outcome.status, 0, "{outcome:#?}");
        let first = outcome.stdout.lines().next().unwrap();
        assert_eq!(
            first,
            "POST https://vpc.eu-central-1.aliyuncs.com/?RegionId=eu-central-1"
        );
        assert!(
            outcome.stdout.contains("Credential=<no-credentials>"),
            "{outcome:#?}"
        );
        assert!(
            outcome
                .stderr
                .starts_with("note: signed with a placeholder key, not a real signature"),
            "{outcome:#?}"
        );
    }
    // --region wins over --RegionId for the endpoint.
    let args = [
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "eu-central-1",
        "--region",
        "cn-zhangjiakou",
        "--dryrun",
    ];
    let outcome = acs(&args, &env).await;
    assert!(
        outcome
            .stdout
            .starts_with("POST https://vpc.cn-zhangjiakou.aliyuncs.com/"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn short_profile_option_and_quiet() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(
        home.path(),
        &serde_json::json!({"profiles": [{"name": "ops", "mode": "AK", "access_key_id": FILE_KEY.0,
            "access_key_secret": FILE_KEY.1, "region_id": "cn-shanghai"}]})
        .to_string(),
    );
    let env = [("HOME", home.path().to_str().unwrap())];
    let (outcome, server) =
        against(ok_reply(), &["DescribeVpcs", "-p", "ops", "--quiet"], &env).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
    let verified = server.verified();
    assert_eq!(verified[0].access_key_id, FILE_KEY.0);
    assert_eq!(verified[0].param("RegionId"), Some("cn-shanghai"));
}

fn ok_reply() -> Reply {
    Reply::json(200, r#"{"RequestId":"R-1"}"#)
}

#[tokio::test]
async fn output_prints_a_table_of_the_selected_rows() {
    let body = r#"{"RequestId":"R","Vpcs":{"Vpc":[
        {"VpcId":"vpc-1","Status":"Available","CidrBlock":"10.0.0.0/8"},
        {"VpcId":"vpc-22","Status":"Pending","IsDefault":true}]}}"#;
    let args = [
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--output",
        "cols=VpcId,Status,IsDefault",
        "rows=Vpcs.Vpc[]",
        "num=true",
    ];
    let (outcome, _) = against(Reply::json(200, body), &args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    expect![[r#"
        Num | VpcId  | Status    | IsDefault
        --- | ------ | --------- | ---------
        0   | vpc-1  | Available |
        1   | vpc-22 | Pending   | true
    "#]]
    .assert_eq(&outcome.stdout);
    let bad = [
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--output",
        "rows=Vpcs.Vpc[]",
    ];
    let outcome = acs(&[&["vpc"], &bad[..]].concat(), &env_keys()).await;
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("--output needs cols=..."),
        "{outcome:#?}"
    );
}

/// A server with three pages of Vpcs, two items each but the last, paged by number.
async fn paged_server() -> TestServer {
    TestServer::start(&[ENV_KEY], |x| {
        let page: usize = x
            .verified
            .param("PageNumber")
            .unwrap_or("1")
            .parse()
            .unwrap();
        let ids: Vec<String> = match page {
            1 => vec!["vpc-1".into(), "vpc-2".into()],
            2 => vec!["vpc-3".into(), "vpc-4".into()],
            _ => vec!["vpc-5".into()],
        };
        let items: Vec<serde_json::Value> = ids
            .iter()
            .map(|id| serde_json::json!({"VpcId": id}))
            .collect();
        let body = serde_json::json!({"RequestId": format!("R-{page}"), "PageNumber": page,
            "TotalCount": 5, "Vpcs": {"Vpc": items}});
        Reply::json(200, body.to_string())
    })
    .await
}

#[tokio::test]
async fn pager_merges_every_page_with_the_api_defaults() {
    let server = paged_server().await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--PageSize",
        "2",
        "--pager",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let ids: Vec<&str> = json["Vpcs"]["Vpc"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["VpcId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["vpc-1", "vpc-2", "vpc-3", "vpc-4", "vpc-5"]);
    let pages: Vec<Option<String>> = server
        .verified()
        .iter()
        .map(|v| v.param("PageNumber").map(str::to_owned))
        .collect();
    assert_eq!(
        pages,
        [Some("1".into()), Some("2".into()), Some("3".into())]
    );
    // Explicit names, as the official CLI takes them.
    let server = paged_server().await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "r",
        "--pager",
        "path=Vpcs.Vpc",
        "PageNumber=PageNumber",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn operation_help_says_how_the_pager_pages() {
    let outcome = acs(&["vpc", "DescribeVpcs", "--help"], &[]).await;
    assert!(
        outcome
            .stdout
            .contains("\n--pager pages by PageNumber (items at Vpcs.Vpc).\n"),
        "{outcome:#?}"
    );
    let outcome = acs(&["vpc", "ListTagResources", "--help"], &[]).await;
    assert!(
        outcome
            .stdout
            .contains("\n--pager pages by NextToken (items at TagResources.TagResource).\n"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn pager_follows_next_tokens() {
    let server = TestServer::start(&[ENV_KEY], |x| {
        let body = match x.verified.param("NextToken") {
            None => r#"{"NextToken":"t1","TagResources":{"TagResource":[{"ResourceId":"a"}]}}"#,
            Some("t1") => {
                r#"{"NextToken":"t2","TagResources":{"TagResource":[{"ResourceId":"b"}]}}"#
            }
            _ => r#"{"NextToken":"","TagResources":{"TagResource":[{"ResourceId":"c"}]}}"#,
        };
        Reply::json(200, body)
    })
    .await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "ListTagResources",
        "--RegionId",
        "r",
        "--ResourceType",
        "VPC",
        "--ResourceId.1",
        "vpc-1",
        "--pager",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        json["TagResources"]["TagResource"],
        serde_json::json!([{"ResourceId": "a"}, {"ResourceId": "b"}, {"ResourceId": "c"}])
    );
    assert_eq!(server.verified().len(), 3);
}

/// A server answering DescribeVpnGateway with the statuses in turn (the last repeated).
async fn status_server(statuses: &'static [&'static str]) -> TestServer {
    TestServer::start(&[ENV_KEY], move |x| {
        let status = statuses[x.index.min(statuses.len() - 1)];
        Reply::json(
            200,
            format!(r#"{{"RequestId":"R-{}","Status":"{status}"}}"#, x.index),
        )
    })
    .await
}

#[tokio::test]
async fn waiter_calls_again_until_the_expression_reaches_the_value() {
    let server = status_server(&["init", "init", "active"]).await;
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
        "interval=0.001",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(
        outcome.stdout,
        "{\n  \"RequestId\": \"R-2\",\n  \"Status\": \"active\"\n}\n"
    );
    assert_eq!(outcome.stderr.lines().count(), 2, "{outcome:#?}");
    assert!(
        outcome
            .stderr
            .starts_with("waiting for Status to be active: it is init after "),
        "{outcome:#?}"
    );
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn waiter_that_never_reaches_its_value_gives_up_with_exit_1() {
    let server = status_server(&["init"]).await;
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
        "interval=0.001",
        "timeout=0.002",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
    assert!(
        outcome.stderr.contains("error: --waiter gave up after"),
        "{outcome:#?}"
    );
    assert!(
        outcome.stderr.contains("Status is init, not active"),
        "{outcome:#?}"
    );
}

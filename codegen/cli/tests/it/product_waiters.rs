//! `--wait` with the waiters of Ecs, Slb, Nlb and Cbn: each call is followed by polls of the
//! operation its waiter names, with the ids given or returned, until the documented state.

use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::{Reply, TestServer};
use serde_json::{Value, json};

use crate::support::{ENV_KEY, Outcome, env_keys, pairs, sorted_without_token};

static ECS: Product = Product::new(
    "ecs",
    "Elastic Compute Service",
    "2014-05-26",
    include_str!("../../../../generated/acs/data/ecs.json"),
);
static SLB: Product = Product::new(
    "slb",
    "Server Load Balancer",
    "2014-05-15",
    include_str!("../../../../generated/acs/data/slb.json"),
);
static CBN: Product = Product::new(
    "cbn",
    "Cloud Enterprise Network",
    "2017-09-12",
    include_str!("../../../../generated/acs/data/cbn.json"),
);
static NLB: Product = Product::new(
    "nlb",
    "Network Load Balancer",
    "2022-04-30",
    include_str!("../../../../generated/acs/data/nlb.json"),
);

/// A fake answering the first request (the call) with `call`, then each poll in turn with
/// `poll` plus `field` set to the next of `states` (the last one repeated).
async fn server(
    call: Value,
    poll: Value,
    field: &'static str,
    states: &'static [&'static str],
) -> TestServer {
    TestServer::start(&[ENV_KEY], move |x| {
        let body = if x.index == 0 {
            call.clone()
        } else {
            let mut body = poll.clone();
            body["RequestId"] = json!(format!("R-{}", x.index));
            body[field] = json!(states[(x.index - 1).min(states.len() - 1)]);
            body
        };
        Reply::json(200, body.to_string())
    })
    .await
}

/// Runs `acs <args> --wait --endpoint <server>` with a 1 ms delay between polls.
async fn wait(product: &'static Product, server: &TestServer, args: &[&str]) -> Outcome {
    let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    args.extend([
        "--wait".to_owned(),
        "--endpoint".to_owned(),
        server.endpoint(),
    ]);
    let mut env = env_keys();
    env.push(("ACS_WAIT_INTERVAL_MS", "1"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = acs_cli::run(&[product], args, Env::from_vars(env), &mut out, &mut err).await;
    Outcome {
        status,
        stdout: String::from_utf8(out).unwrap(),
        stderr: String::from_utf8(err).unwrap(),
    }
}

/// The number of polls, after checking that each called `action` with exactly `query`.
fn polls(server: &TestServer, action: &str, query: &[(&str, &str)]) -> usize {
    let verified = server.verified();
    for poll in &verified[1..] {
        assert_eq!(poll.action, action);
        assert_eq!(sorted_without_token(&poll.query), pairs(query));
    }
    verified.len() - 1
}

fn final_state(outcome: &Outcome, field: &str) -> String {
    let printed: Value = serde_json::from_str(&outcome.stdout).unwrap();
    printed["Final"][field].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn start_instance_waits_until_running() {
    let server = server(
        json!({"RequestId": "R-0"}),
        json!({"InstanceId": "i-1"}),
        "Status",
        &["Stopped", "Starting", "Running"],
    )
    .await;
    let outcome = wait(
        &ECS,
        &server,
        &["ecs", "StartInstance", "--InstanceId", "i-1"],
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(final_state(&outcome, "Status"), "Running");
    assert!(
        outcome.stderr.starts_with(
            "waiting for InstanceRunning: DescribeInstanceAttribute says Stopped after "
        ),
        "{outcome:#?}"
    );
    assert_eq!(
        polls(
            &server,
            "DescribeInstanceAttribute",
            &[("InstanceId", "i-1")]
        ),
        3
    );
}

#[tokio::test]
async fn stop_instance_waits_until_stopped() {
    let server = server(
        json!({"RequestId": "R-0"}),
        json!({"InstanceId": "i-1"}),
        "Status",
        &["Running", "Stopping", "Stopping", "Stopped"],
    )
    .await;
    let outcome = wait(
        &ECS,
        &server,
        &["ecs", "StopInstance", "--InstanceId", "i-1"],
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(final_state(&outcome, "Status"), "Stopped");
    assert_eq!(
        polls(
            &server,
            "DescribeInstanceAttribute",
            &[("InstanceId", "i-1")]
        ),
        4
    );
}

#[tokio::test]
async fn create_instance_waits_for_the_created_instance_to_be_stopped() {
    let server = server(
        json!({"RequestId": "R-0", "InstanceId": "i-new"}),
        json!({"InstanceId": "i-new"}),
        "Status",
        &["Pending", "Stopped"],
    )
    .await;
    let args = [
        "ecs",
        "CreateInstance",
        "--RegionId",
        "cn-hangzhou",
        "--InstanceType",
        "ecs.g7.large",
    ];
    let outcome = wait(&ECS, &server, &args).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(final_state(&outcome, "Status"), "Stopped");
    // The id comes from the call's response.
    assert_eq!(
        polls(
            &server,
            "DescribeInstanceAttribute",
            &[("InstanceId", "i-new")]
        ),
        2
    );
}

#[tokio::test]
async fn create_load_balancer_waits_until_active() {
    let server = server(
        json!({"RequestId": "R-0", "LoadBalancerId": "lb-new"}),
        json!({"LoadBalancerId": "lb-new"}),
        "LoadBalancerStatus",
        &["inactive", "active"],
    )
    .await;
    let args = ["slb", "CreateLoadBalancer", "--RegionId", "cn-hangzhou"];
    let outcome = wait(&SLB, &server, &args).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(final_state(&outcome, "LoadBalancerStatus"), "active");
    assert_eq!(
        polls(
            &server,
            "DescribeLoadBalancerAttribute",
            &[("LoadBalancerId", "lb-new"), ("RegionId", "cn-hangzhou")]
        ),
        2
    );
}

#[tokio::test]
async fn a_locked_load_balancer_ends_the_wait_with_status_1() {
    let server = server(
        json!({"RequestId": "R-0", "LoadBalancerId": "lb-new"}),
        json!({"LoadBalancerId": "lb-new"}),
        "LoadBalancerStatus",
        &["inactive", "locked", "active"],
    )
    .await;
    let args = ["slb", "CreateLoadBalancer", "--RegionId", "cn-hangzhou"];
    let outcome = wait(&SLB, &server, &args).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
    assert!(
        outcome.stderr.contains("LoadBalancerActive") && outcome.stderr.contains("\"locked\""),
        "{outcome:#?}"
    );
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn an_nlb_job_is_polled_by_its_id_until_it_succeeds() {
    let server = server(
        json!({"RequestId": "R-0", "JobId": "job-1"}),
        json!({}),
        "Status",
        &["processing", "processing", "Succeeded"],
    )
    .await;
    let args = ["nlb", "StartListener", "--ListenerId", "lsn-1"];
    let outcome = wait(&NLB, &server, &args).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(final_state(&outcome, "Status"), "Succeeded");
    assert_eq!(polls(&server, "GetJobStatus", &[("JobId", "job-1")]), 3);
}

#[tokio::test]
async fn a_failed_nlb_job_ends_the_wait_with_status_1() {
    let server = server(
        json!({"RequestId": "R-0", "JobId": "job-1"}),
        json!({}),
        "Status",
        &["processing", "Failed"],
    )
    .await;
    let args = ["nlb", "DeleteLoadBalancer", "--LoadBalancerId", "nlb-1"];
    let outcome = wait(&NLB, &server, &args).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("JobSucceeded") && outcome.stderr.contains("\"Failed\""),
        "{outcome:#?}"
    );
    assert_eq!(server.verified().len(), 3);
}

/// A fake answering `CreateTransitRouterVpcAttachment` with `tr-attach-1`, then each poll with
/// a list of attachments whose first has the next of `states`.
async fn attachment_server(states: &'static [&'static str]) -> TestServer {
    TestServer::start(&[ENV_KEY], move |x| {
        let body = if x.index == 0 {
            json!({"RequestId": "R-0", "TransitRouterAttachmentId": "tr-attach-1"})
        } else {
            let status = states[(x.index - 1).min(states.len() - 1)];
            json!({
                "RequestId": format!("R-{}", x.index),
                "TotalCount": 1,
                "TransitRouterAttachments": [
                    {"TransitRouterAttachmentId": "tr-attach-1", "Status": status}
                ]
            })
        };
        Reply::json(200, body.to_string())
    })
    .await
}

const CREATE_ATTACHMENT: [&str; 10] = [
    "cbn",
    "CreateTransitRouterVpcAttachment",
    "--RegionId",
    "cn-hangzhou",
    "--VpcId",
    "vpc-1",
    "--ZoneMappings.1.VSwitchId",
    "vsw-1",
    "--ZoneMappings.1.ZoneId",
    "cn-hangzhou-h",
];

#[tokio::test]
async fn a_vpc_attachment_is_polled_by_its_id_until_the_listed_one_is_attached() {
    let server = attachment_server(&["Attaching", "Attaching", "Attached"]).await;
    let outcome = wait(&CBN, &server, &CREATE_ATTACHMENT).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let printed: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        printed["Final"]["TransitRouterAttachments"][0]["Status"],
        "Attached"
    );
    let progress: Vec<&str> = outcome.stderr.lines().collect();
    assert_eq!(progress.len(), 3, "{outcome:#?}");
    assert!(
        progress[0].starts_with(
            "waiting for VpcAttachmentAttached: ListTransitRouterVpcAttachments says Attaching after "
        ),
        "{outcome:#?}"
    );
    assert_eq!(
        polls(
            &server,
            "ListTransitRouterVpcAttachments",
            &[
                ("RegionId", "cn-hangzhou"),
                ("TransitRouterAttachmentId", "tr-attach-1"),
                ("VpcId", "vpc-1")
            ]
        ),
        3
    );
}

#[tokio::test]
async fn a_detaching_vpc_attachment_ends_the_wait_with_status_1() {
    let server = attachment_server(&["Attaching", "Detaching", "Attached"]).await;
    let outcome = wait(&CBN, &server, &CREATE_ATTACHMENT).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("VpcAttachmentAttached")
            && outcome.stderr.contains("\"Detaching\""),
        "{outcome:#?}"
    );
    assert_eq!(server.verified().len(), 3);
}

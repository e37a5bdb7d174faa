//! `acs` on a REST product (cs): operations by name with path, query and body parameters, the
//! route form, `--body`, `--param:` for a parameter named like an option, and `--dryrun`, each
//! request verified by the loopback server's independent verifier.

use acs_runtime::auth::Env;
use acs_tests::{Received, Reply, TestServer};

use crate::support::{CS, ENV_KEY, Outcome, env_keys};

/// Runs `acs cs <args> --endpoint <server>`; what it printed and what the server received.
async fn cs(args: &[&str], reply: &str) -> (Outcome, Vec<Received>) {
    let reply = Reply::json(200, reply);
    let server = TestServer::start(&[ENV_KEY], move |_| reply.clone()).await;
    let endpoint = server.endpoint();
    let mut line = vec!["cs".to_owned()];
    line.extend(args.iter().map(|a| a.to_string()));
    line.extend(["--endpoint".to_owned(), endpoint]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let env = Env::from_vars(env_keys());
    let status = acs_cli::run(&[&CS], line, env, &mut out, &mut err).await;
    let outcome = Outcome {
        status,
        stdout: String::from_utf8(out).unwrap(),
        stderr: String::from_utf8(err).unwrap(),
    };
    (outcome, server.received())
}

/// The one request received, verified.
fn one(outcome: &Outcome, received: &[Received]) -> acs_tests::Request {
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(received.len(), 1, "{outcome:#?}");
    received[0].verified.as_ref().expect("verified");
    received[0].request.clone()
}

#[tokio::test]
async fn an_operation_by_name_and_by_its_route_sends_the_same_request() {
    let (by_name, received) = cs(&["DescribeClusterDetail", "--ClusterId", "c 1/x"], "{}").await;
    let named = one(&by_name, &received);
    let (by_route, received) = cs(&["GET", "/clusters/c%201%2Fx"], "{}").await;
    let routed = one(&by_route, &received);
    for request in [&named, &routed] {
        assert_eq!(request.method, "GET");
        assert_eq!(request.path, "/clusters/c%201%2Fx");
        assert_eq!(
            request.header("x-acs-action"),
            Some("DescribeClusterDetail")
        );
        assert!(request.body.is_empty());
    }
}

#[tokio::test]
async fn body_members_go_as_flags_or_as_one_body() {
    let (flags, received) = cs(
        &[
            "ScaleClusterNodePool",
            "--ClusterId",
            "c-1",
            "--NodepoolId",
            "np-1",
            "--count",
            "2",
        ],
        r#"{"task_id":"T-1"}"#,
    )
    .await;
    let by_flags = one(&flags, &received);
    assert!(flags.stdout.contains("T-1"), "{flags:#?}");
    let (body, received) = cs(
        &[
            "POST",
            "/clusters/c-1/nodepools/np-1",
            "--body",
            r#"{"count":2}"#,
        ],
        "{}",
    )
    .await;
    let by_body = one(&body, &received);
    for request in [&by_flags, &by_body] {
        assert_eq!(request.path, "/clusters/c-1/nodepools/np-1");
        assert_eq!(request.header("x-acs-action"), Some("ScaleClusterNodePool"));
        assert_eq!(request.body, br#"{"count":2}"#);
        assert_eq!(
            request.header("content-type"),
            Some("application/json; charset=utf-8")
        );
    }
}

#[tokio::test]
async fn a_whole_array_body_and_an_answer_that_is_not_an_object() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tags.json");
    std::fs::write(&file, r#"[{"key":"env","value":"prod"}]"#).unwrap();
    let (outcome, received) = cs(
        &[
            "ModifyClusterTags",
            "--ClusterId",
            "c-1",
            "--body-file",
            file.to_str().unwrap(),
        ],
        "{}",
    )
    .await;
    let request = one(&outcome, &received);
    assert_eq!(request.body, br#"[{"key":"env","value":"prod"}]"#);
    let (outcome, received) = cs(
        &["DescribeClusters", "--clusterType", "Kubernetes"],
        r#"[{"cluster_id":"c-1"}]"#,
    )
    .await;
    let request = one(&outcome, &received);
    assert_eq!(request.raw_query, "clusterType=Kubernetes");
    assert!(outcome.stdout.contains("c-1"), "{outcome:#?}");
}

#[tokio::test]
async fn an_own_parameter_named_like_an_option() {
    let (outcome, received) = cs(
        &[
            "DescribeAddons",
            "--param:region",
            "cn-beijing",
            "--region",
            "cn-hangzhou",
        ],
        "{}",
    )
    .await;
    let request = one(&outcome, &received);
    assert!(
        request.raw_query.contains("region=cn-beijing"),
        "{}",
        request.raw_query
    );
}

#[tokio::test]
async fn a_bad_body_or_route_sends_nothing() {
    for (args, what) in [
        (
            &[
                "POST",
                "/clusters/c-1/nodepools/np-1",
                "--body",
                r#"{"count":"two"}"#,
            ][..],
            "count",
        ),
        (
            &[
                "POST",
                "/clusters/c-1/nodepools/np-1",
                "--body",
                r#"{"size":2}"#,
            ][..],
            "size",
        ),
        (
            &["POST", "/clusters/c-1/nodepools/np-1", "--body", "not json"][..],
            "not JSON",
        ),
        (&["PATCH", "/nowhere"][..], "no operation"),
        (&["DescribeClusterDetail"][..], "ClusterId"),
        (
            &[
                "ScaleClusterNodePool",
                "--ClusterId",
                "c",
                "--NodepoolId",
                "n",
                "--count",
                "1",
                "--body",
                "{}",
            ][..],
            "give one of them",
        ),
    ] {
        let (outcome, received) = cs(args, "{}").await;
        assert_eq!(outcome.status, 2, "{args:?}: {outcome:#?}");
        assert!(
            outcome.stderr.contains(what),
            "{args:?}: {}",
            outcome.stderr
        );
        assert!(received.is_empty(), "{args:?}");
    }
}

#[tokio::test]
async fn dryrun_shows_the_signed_rest_request_and_sends_nothing() {
    let (outcome, received) = cs(
        &[
            "POST",
            "/clusters/c-1/nodepools/np-1",
            "--body",
            r#"{"count":2}"#,
            "--dryrun",
        ],
        "{}",
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(received.is_empty());
    let text = &outcome.stdout;
    assert!(text.starts_with("POST http://127.0.0.1:"), "{text}");
    assert!(text.contains("/clusters/c-1/nodepools/np-1\n"), "{text}");
    assert!(
        text.contains("x-acs-action: ScaleClusterNodePool"),
        "{text}"
    );
    assert!(text.contains("Signature=<redacted>"), "{text}");
    assert!(text.ends_with("\n{\"count\":2}\n"), "{text}");
}

#[tokio::test]
async fn help_shows_the_method_and_the_path() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["cs", "DescribeClusterDetail", "--help"]
        .map(String::from)
        .to_vec();
    let status = acs_cli::run(
        &[&CS],
        args,
        Env::from_vars(Vec::<(&str, &str)>::new()),
        &mut out,
        &mut err,
    )
    .await;
    assert_eq!(status, 0);
    let help = String::from_utf8(out).unwrap();
    assert!(
        help.contains("Sent as `GET /clusters/{ClusterId}`"),
        "{help}"
    );
}

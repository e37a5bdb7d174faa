//! Every failure: its exit status, its message on stderr, and whether anything was sent.

use crate::support::*;
use acs_tests::Reply;

const GATEWAY: [&str; 8] = [
    "vpc",
    "CreateVpnGateway",
    "--RegionId",
    "cn-hangzhou",
    "--VpcId",
    "vpc-1",
    "--Bandwidth",
    "5",
];

/// `GATEWAY` plus `extra`, against `endpoint`.
fn gateway<'a>(endpoint: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut line = GATEWAY.to_vec();
    line.extend_from_slice(extra);
    line.extend_from_slice(&["--endpoint", endpoint]);
    line
}

/// Asserts a usage error: status 2, nothing on stdout, each of `expected` on stderr.
fn assert_usage(outcome: &Outcome, expected: &[&str]) {
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert_eq!(outcome.stdout, "", "{outcome:#?}");
    for text in expected {
        assert!(
            outcome.stderr.contains(text),
            "{text:?} missing: {outcome:#?}"
        );
    }
}

#[tokio::test]
async fn service_error_prints_code_message_and_request_id_and_exits_1() {
    let server = server(Reply::error(
        400,
        "InvalidVpcId.NotFound",
        "The specified VPC does not exist.",
        "REQ-42",
    ))
    .await;
    let endpoint = server.endpoint();
    let outcome = acs(&gateway(&endpoint, &[]), &env_keys()).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: InvalidVpcId.NotFound: The specified VPC does not exist.\n  \
         request id: REQ-42\n  HTTP status: 400\n  \
         diagnosis: https://api.aliyun.com/troubleshoot?q=InvalidVpcId.NotFound\n"
    );
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn violations_are_all_listed_exit_2_and_nothing_is_sent() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let line = [
        "vpc",
        "CreateVpnGateway",
        "--RegionId",
        "cn-hangzhou",
        "--Bandwidth",
        "7",
        "--Name",
        "1-starts-with-a-digit",
        "--InstanceChargeType",
        "MONTHLY",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&line, &env_keys()).await;
    assert_usage(
        &outcome,
        &[
            "breaks 4 rule(s)",
            "--VpcId: is required",
            "--Bandwidth:",
            "(got \"7\")",
            "--Name:",
            "--InstanceChargeType: must be one of PREPAY, POSTPAY",
            "nothing was sent",
        ],
    );
    assert!(server.received().is_empty(), "nothing may be sent");

    // `--no-validate` sends what the spec does not know; the service has the last word.
    let mut unchecked = line.to_vec();
    unchecked.push("--no-validate");
    let outcome = acs(&unchecked, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let verified = server.verified();
    assert_eq!(verified.len(), 1);
    assert_eq!(verified[0].param("Bandwidth"), Some("7"));
    assert_eq!(verified[0].param("InstanceChargeType"), Some("MONTHLY"));
    assert_eq!(verified[0].param("VpcId"), None);
}

#[tokio::test]
async fn unknown_names_suggest_the_closest_valid_one() {
    let env = env_keys();
    let ep = "http://127.0.0.1:9";
    let cases: [(Vec<&str>, &str); 7] = [
        (
            gateway(ep, &["--VpcID", "v"]),
            "unknown option --VpcID for vpc CreateVpnGateway (did you mean --VpcId?)",
        ),
        (
            gateway(ep, &["--bandwith", "5"]),
            "(did you mean --Bandwidth?)",
        ),
        (gateway(ep, &["--regoin", "x"]), "(did you mean --region?)"),
        (
            vec![
                "vpc",
                "CreateVpnConnection",
                "--TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlgo",
                "sha1",
            ],
            "TunnelOptionsSpecification.1.TunnelIkeConfig has no field IkeAuthAlgo (did you mean --TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg?)",
        ),
        (
            vec!["vpc", "ListTagResources", "--Tga.1.Key", "k"],
            "(did you mean --Tag.1.Key?)",
        ),
        (
            vec!["vcp", "DescribeVpcs"],
            "unknown product \"vcp\" (did you mean vpc?)",
        ),
        (
            vec!["vpc", "CreateVpnGatway"],
            "unknown operation \"CreateVpnGatway\" of vpc (did you mean CreateVpnGateway?)",
        ),
    ];
    for (line, expected) in cases {
        assert_usage(&acs(&line, &env).await, &[expected]);
    }
    let outcome = acs(&["vpc", "describevpcs"], &env).await;
    assert_usage(&outcome, &["(did you mean DescribeVpcs?)"]);
}

#[tokio::test]
async fn malformed_values_are_usage_errors_naming_the_argument() {
    let env = env_keys();
    let ep = "http://127.0.0.1:9";
    let cases: [(Vec<&str>, &str); 10] = [
        (
            vec!["vpc", "CreateVpnGateway", "--Name"],
            "--Name needs a value",
        ),
        // The token after a parameter is its value, whatever it starts with.
        (
            gateway(ep, &["--Name", "--AutoPay", "true"]),
            "unexpected argument \"true\"",
        ),
        (
            vec!["vpc", "DescribeVpcs", "--region"],
            "--region needs a value",
        ),
        (
            gateway(ep, &["--Period", "five"]),
            "--Period: expected an integer, got \"five\"",
        ),
        (
            gateway(ep, &["--AutoPay", "yes"]),
            "--AutoPay: expected true or false, got \"yes\"",
        ),
        (gateway(ep, &["--VpcId", "vpc-2"]), "--VpcId given twice"),
        (
            gateway(ep, &["--signature-version", "v2"]),
            "--signature-version must be v3 or v1",
        ),
        (
            vec!["vpc", "CreateNatGateway", "--AccessMode", "{not json"],
            "--AccessMode: expected a JSON value",
        ),
        (
            vec!["vpc", "ListTagResources", "--Tag.0.Key", "k"],
            "--Tag.0.Key: list items are numbered 1, 2, 3, ...",
        ),
        (
            vec![
                "vpc",
                "ListTagResources",
                "--Tag.1.Key",
                "a",
                "--Tag.3.Key",
                "c",
            ],
            "--Tag.3 given without --Tag.2",
        ),
    ];
    for (line, expected) in cases {
        assert_usage(&acs(&line, &env).await, &[expected]);
    }
    let cases: [(&[&str], &str); 4] = [
        (
            &["vpc", "ListTagResources", "--Tag", "k"],
            "--Tag is a list: number its items --Tag.1, --Tag.2",
        ),
        (
            &["vpc", "ListTagResources", "--Tag.1", "k"],
            "--Tag.1 has fields: --Tag.1.Key, --Tag.1.Value",
        ),
        (
            &["vpc", "DescribeVpcs", "--VpcId.1", "v"],
            "--VpcId takes one value and has no parts",
        ),
        (
            &["vpc", "DescribeVpcs", "extra"],
            "unexpected argument \"extra\"",
        ),
    ];
    for (line, expected) in cases {
        assert_usage(&acs(line, &env).await, &[expected]);
    }
    // An integer too large for the API's type is caught as the argument is read.
    let outcome = acs(&gateway(ep, &["--Period", "99999999999"]), &env).await;
    assert_usage(
        &outcome,
        &["--Period: expected an integer from -2147483648 to 2147483647, got \"99999999999\""],
    );
}

#[tokio::test]
async fn plain_http_to_another_machine_is_refused() {
    let outcome = acs(&gateway("http://vpc.example.com", &[]), &env_keys()).await;
    assert_usage(&outcome, &["plain http is only allowed to this machine"]);
    let outcome = acs(&gateway("http://10.0.0.1:8080", &[]), &env_keys()).await;
    assert_usage(&outcome, &["plain http"]);
}

#[tokio::test]
async fn missing_region_and_credentials() {
    let home = tempfile::tempdir().unwrap();
    let home_var = ("HOME", home.path().to_str().unwrap());
    let outcome = acs(&["vpc", "DescribeVpcs", "--no-validate"], &[home_var]).await;
    assert_usage(
        &outcome,
        &["no region: give --region <RegionId> (or --RegionId)"],
    );

    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(&gateway(&endpoint, &[]), &[home_var]).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome
            .stderr
            .starts_with("error: credentials: no credentials found"),
        "{outcome:#?}"
    );
    let outcome = acs(&gateway(&endpoint, &["--profile", "nope"]), &[home_var]).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("no credentials found"),
        "{outcome:#?}"
    );
    write_profiles(
        home.path(),
        r#"{"profiles": [{"name": "main", "access_key_id": "a", "access_key_secret": "b"}]}"#,
    );
    let outcome = acs(&gateway(&endpoint, &["--profile", "nope"]), &[home_var]).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("no profile named \"nope\""),
        "{outcome:#?}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn transport_errors_exit_1_with_the_cause() {
    // A port nothing listens on: the connection is refused.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let outcome = acs(&gateway(&endpoint, &[]), &env_keys()).await;
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.starts_with("error: cannot connect"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn retries_and_no_retry_bound_the_attempts() {
    for (extra, attempts) in [
        (&[][..], 3),
        (&["--retries", "1"][..], 2),
        (&["--no-retry"][..], 1),
        (&["--retries", "0"][..], 1),
    ] {
        let server = server(Reply::error(400, "Throttling.User", "slow down", "REQ-T")).await;
        let endpoint = server.endpoint();
        let outcome = acs(&gateway(&endpoint, extra), &env_keys()).await;
        assert_eq!(outcome.status, 1, "{extra:?}: {outcome:#?}");
        assert!(outcome.stderr.contains("Throttling.User"), "{outcome:#?}");
        assert_eq!(server.verified().len(), attempts, "{extra:?}");
    }
}

#[tokio::test]
async fn retry_options_are_checked() {
    let outcome = acs(&gateway("https://x", &["--retries", "many"]), &env_keys()).await;
    assert_usage(&outcome, &["--retries must be a whole number from 0 to 10"]);
    let both = ["--retries", "2", "--no-retry"];
    let outcome = acs(&gateway("https://x", &both), &env_keys()).await;
    assert_usage(&outcome, &["--retries and --no-retry exclude each other"]);
}

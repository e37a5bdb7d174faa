//! The official CLI's options run as they do with `aliyun`: dry run, keys and mode on the
//! command line, timeouts, retry count, extra headers, API version override, `--version`;
//! `--skip-secure-verify` is refused with the way to trust a CA instead.

use std::time::{Duration, Instant};

use crate::support::*;
use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::{Reply, TestServer};

/// `acs vpc DescribeVpnGateways` against `endpoint` with `extra` options.
fn gateways<'a>(endpoint: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "vpc",
        "DescribeVpnGateways",
        "--RegionId",
        "cn-hangzhou",
        "--endpoint",
        endpoint,
    ];
    args.extend_from_slice(extra);
    args
}

fn assert_usage(outcome: &Outcome, said: &str) {
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert!(outcome.stderr.contains(said), "{said}: {outcome:#?}");
}

#[tokio::test]
async fn cli_dry_run_previews_and_sends_nothing() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(&gateways(&endpoint, &["--cli-dry-run"]), &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(
        outcome.stdout.contains("x-acs-action: DescribeVpnGateways"),
        "{outcome:#?}"
    );
    assert!(
        outcome.stdout.contains("Credential=ak-env,"),
        "{outcome:#?}"
    );
    assert!(server.received().is_empty(), "a dry run sends nothing");
}

#[tokio::test]
async fn keys_on_the_command_line_sign_the_call() {
    let (id, secret) = FILE_KEY;
    let cases: [(&[&str], Option<&str>); 4] = [
        (
            &["--access-key-id", id, "--access-key-secret", secret],
            None,
        ),
        (
            &[
                "--mode",
                "AK",
                "--access-key-id",
                id,
                "--access-key-secret",
                secret,
            ],
            None,
        ),
        (
            &[
                "--access-key-id",
                id,
                "--access-key-secret",
                secret,
                "--sts-token",
                TOKEN,
            ],
            Some(TOKEN),
        ),
        (
            &[
                "--mode",
                "StsToken",
                "--access-key-id",
                id,
                "--access-key-secret",
                secret,
                "--sts-token",
                TOKEN,
            ],
            Some(TOKEN),
        ),
    ];
    for (keys, token) in cases {
        let server = ok_server().await;
        let endpoint = server.endpoint();
        // The environment's keys lose to the command line's.
        let outcome = acs(&gateways(&endpoint, keys), &env_keys()).await;
        assert_eq!(outcome.status, 0, "{keys:?}: {outcome:#?}");
        let verified = server.verified();
        assert_eq!(verified.len(), 1, "{keys:?}");
        assert_eq!(verified[0].access_key_id, id, "{keys:?}");
        assert_eq!(verified[0].security_token.as_deref(), token, "{keys:?}");
    }
}

#[tokio::test]
async fn modes_and_incomplete_keys_are_refused_before_sending() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    for (keys, said) in [
        (
            &["--mode", "RamRoleArn"][..],
            "only AK and StsToken take their keys from the command line",
        ),
        (
            &["--mode", "EcsRamRole", "--access-key-id", "a"][..],
            "configure a EcsRamRole profile",
        ),
        (&["--access-key-id", "a"][..], "--mode AK needs both keys"),
        (
            &[
                "--mode",
                "StsToken",
                "--access-key-id",
                "a",
                "--access-key-secret",
                "b",
            ][..],
            "--mode StsToken needs an STS token",
        ),
        (
            &[
                "--mode",
                "AK",
                "--access-key-id",
                "a",
                "--access-key-secret",
                "b",
                "--sts-token",
                "t",
            ][..],
            "--sts-token is for --mode StsToken",
        ),
    ] {
        let outcome = acs(&gateways(&endpoint, keys), &env_keys()).await;
        assert_usage(&outcome, said);
        // Refused even in a dry run: the script would fail when it sends.
        let mut dry = keys.to_vec();
        dry.push("--cli-dry-run");
        assert_usage(&acs(&gateways(&endpoint, &dry), &env_keys()).await, said);
    }
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn read_timeout_bounds_each_attempt() {
    let server = server(Reply::Hang).await;
    let endpoint = server.endpoint();
    let started = Instant::now();
    let extra = ["--read-timeout", "1", "--retry-count", "0"];
    let outcome = acs(&gateways(&endpoint, &extra), &env_keys()).await;
    let took = started.elapsed();
    assert_eq!(outcome.status, 1, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("the attempt timed out after 1s"),
        "{outcome:#?}"
    );
    // The default attempt limit is 15 s.
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(8),
        "{took:?}"
    );
    assert_eq!(server.received().len(), 1);
    let outcome = acs(&gateways(&endpoint, &["--read-timeout", "0"]), &env_keys()).await;
    assert_usage(
        &outcome,
        "--read-timeout is a whole number of seconds from 1 to 3600",
    );
}

#[tokio::test]
async fn connect_timeout_is_checked_and_applied() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(
        &gateways(&endpoint, &["--connect-timeout", "5"]),
        &env_keys(),
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(outcome.stderr, "", "{outcome:#?}");
    assert_eq!(server.verified().len(), 1);
    let outcome = acs(
        &gateways(&endpoint, &["--connect-timeout", "soon"]),
        &env_keys(),
    )
    .await;
    assert_usage(&outcome, "--connect-timeout is a whole number of seconds");
}

#[tokio::test]
async fn retry_count_bounds_the_attempts_like_retries() {
    for (count, attempts) in [("0", 1), ("1", 2)] {
        let server = server(Reply::error(400, "Throttling.User", "slow down", "REQ-T")).await;
        let endpoint = server.endpoint();
        let outcome = acs(&gateways(&endpoint, &["--retry-count", count]), &env_keys()).await;
        assert_eq!(outcome.status, 1, "{outcome:#?}");
        assert_eq!(server.verified().len(), attempts, "--retry-count {count}");
    }
    let outcome = acs(
        &gateways("https://x", &["--retry-count", "11"]),
        &env_keys(),
    )
    .await;
    assert_usage(
        &outcome,
        "--retry-count must be a whole number from 0 to 10",
    );
}

#[tokio::test]
async fn headers_are_sent_and_signed() {
    for version in ["v3", "v1"] {
        let server = ok_server().await;
        let endpoint = server.endpoint();
        let extra = [
            "--header",
            "X-Trace-Id=trace-1",
            "--header=x-team=a=b",
            "--signature-version",
            version,
        ];
        let outcome = acs(&gateways(&endpoint, &extra), &env_keys()).await;
        assert_eq!(outcome.status, 0, "{outcome:#?}");
        // Verified by the server's own implementation of the signature.
        assert_eq!(server.verified().len(), 1, "{version}");
        let request = &server.received()[0].request;
        assert_eq!(request.header("x-trace-id"), Some("trace-1"), "{version}");
        assert_eq!(request.header("x-team"), Some("a=b"), "{version}");
        if version == "v3" {
            let authorization = request.header("authorization").unwrap();
            assert!(
                authorization.contains("SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version;x-team;x-trace-id,"),
                "{authorization}"
            );
        }
    }
}

#[tokio::test]
async fn headers_the_client_writes_are_refused() {
    for (header, said) in [
        (
            "Host=evil.example.com",
            "header host is written by the client",
        ),
        (
            "authorization=x",
            "header authorization is written by the client",
        ),
        (
            "X-Acs-Version=2014-05-26",
            "x-acs-* headers are written by the signature",
        ),
        (
            "x-acs-security-token=t",
            "x-acs-* headers are written by the signature",
        ),
        ("x-a=1\r\nx-b: 2", "visible ASCII"),
        ("novalue", "--header takes Name=value"),
    ] {
        let outcome = acs(&gateways("https://x", &["--header", header]), &env_keys()).await;
        assert_usage(&outcome, said);
    }
    let twice = ["--header", "x-a=1", "--header", "X-A=2"];
    assert_usage(
        &acs(&gateways("https://x", &twice), &env_keys()).await,
        "given twice",
    );
}

#[tokio::test]
async fn version_with_force_overrides_the_api_version() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(
        &gateways(&endpoint, &["--version", "2016-04-28"]),
        &env_keys(),
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let outcome = acs(
        &gateways(&endpoint, &["--version", "2099-01-01"]),
        &env_keys(),
    )
    .await;
    assert_usage(
        &outcome,
        "add --force to send this call with version 2099-01-01",
    );
    let forced = ["--version", "2099-01-01", "--force"];
    let outcome = acs(&gateways(&endpoint, &forced), &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let versions: Vec<String> = server.verified().into_iter().map(|v| v.version).collect();
    assert_eq!(versions, ["2016-04-28", "2099-01-01"]);
    let outcome = acs(&gateways(&endpoint, &["--force"]), &env_keys()).await;
    assert_usage(&outcome, "--force is only used with --version");
    let outcome = acs(&gateways(&endpoint, &["--version", "latest"]), &env_keys()).await;
    assert_usage(
        &outcome,
        "--version takes an API version such as 2016-04-28",
    );
}

#[tokio::test]
async fn version_of_acs() {
    let expected = format!("acs {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["version"][..]] {
        let outcome = acs(args, &[]).await;
        assert_eq!(outcome.status, 0, "{outcome:#?}");
        assert_eq!(outcome.stdout, expected);
    }
    assert_usage(
        &acs(&["version", "vpc"], &[]).await,
        "unexpected argument \"vpc\"",
    );
}

#[tokio::test]
async fn skip_secure_verify_is_refused_with_the_way_to_trust_a_ca() {
    let server: TestServer = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(&gateways(&endpoint, &["--skip-secure-verify"]), &env_keys()).await;
    assert_usage(
        &outcome,
        "--skip-secure-verify is refused: acs always verifies TLS certificates",
    );
    assert!(
        outcome.stderr.contains("SSL_CERT_FILE=<file.pem>"),
        "{outcome:#?}"
    );
    assert!(server.received().is_empty());
}

static ECS: Product = Product::new(
    "ecs",
    "Elastic Compute Service",
    "2014-05-26",
    include_str!("../../../../generated/acs/data/ecs.json"),
);

#[tokio::test]
async fn nested_fields_have_their_own_docs_in_help() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["ecs", "RunInstances", "--help"]
        .map(str::to_owned)
        .to_vec();
    let status = acs_cli::run(
        &[&ECS],
        args,
        Env::from_vars::<&str, &str>([]),
        &mut out,
        &mut err,
    )
    .await;
    assert_eq!(status, 0);
    let text = String::from_utf8(out).unwrap();
    let at = text
        .find("\n  --SystemDisk.Category <string>\n")
        .expect(&text);
    let block: Vec<&str> = text[at + 1..].lines().skip(1).take(3).collect();
    assert_eq!(
        block,
        [
            "          The category of the system disk. Valid values:",
            "",
            "          * cloud_efficiency: utra disk",
        ],
        "{text}"
    );
    // Rules of a nested field are listed under it too.
    let vpc = acs(&["vpc", "CreateVpnConnection", "--help"], &[])
        .await
        .stdout;
    let at = vpc
        .find("  --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeLifetime <integer>\n")
        .unwrap();
    let next = &vpc[at..vpc[at + 3..]
        .find("\n  --")
        .map_or(vpc.len(), |n| n + at + 3)];
    assert!(next.contains("          - "), "{next}");
}

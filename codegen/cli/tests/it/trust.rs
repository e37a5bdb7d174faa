//! `acs` over TLS and through a proxy: a private CA trusted with `--ca-file` or
//! `SSL_CERT_FILE`, refused without; `--proxy` with credentials.

use crate::support::*;
use acs_tests::{TestCa, TestProxy, TlsFront};

/// `acs vpc DescribeVpcs --RegionId cn-hangzhou --endpoint <endpoint> <extra>` with the env's keys.
async fn describe(endpoint: &str, extra: &[&str], vars: &[(&str, &str)]) -> Outcome {
    let mut line = vec![
        "vpc",
        "DescribeVpcs",
        "--RegionId",
        "cn-hangzhou",
        "--endpoint",
        endpoint,
        "--no-retry",
    ];
    line.extend_from_slice(extra);
    let mut env = env_keys();
    env.push(("HOME", "/nonexistent"));
    env.extend_from_slice(vars);
    acs(&line, &env).await
}

#[tokio::test]
async fn a_private_ca_is_trusted_with_ca_file_or_ssl_cert_file_only() {
    let ca = TestCa::new();
    let server = ok_server().await;
    let front = TlsFront::start(&ca, &server.endpoint()).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ca.pem");
    std::fs::write(&file, &ca.ca_pem).unwrap();
    let file = file.to_str().unwrap();

    let refused = describe(&front.endpoint(), &[], &[]).await;
    assert_eq!(refused.status, 1, "{refused:#?}");
    assert!(refused.stderr.contains("cannot connect"), "{refused:#?}");
    assert!(server.received().is_empty());

    let outcome = describe(&front.endpoint(), &["--ca-file", file], &[]).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(outcome.stdout.contains("R-1"), "{outcome:#?}");

    let outcome = describe(&front.endpoint(), &[], &[("SSL_CERT_FILE", file)]).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(server.verified().len(), 2);
}

#[tokio::test]
async fn a_ca_file_that_is_not_a_certificate_is_refused_before_sending() {
    let server = ok_server().await;
    let dir = tempfile::tempdir().unwrap();
    let outcome = describe(
        &server.endpoint(),
        &["--ca-file", dir.path().to_str().unwrap()],
        &[],
    )
    .await;
    assert_eq!(outcome.status, 2, "a configuration error: {outcome:#?}");
    assert!(
        outcome.stderr.contains("not a regular file"),
        "{outcome:#?}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn proxy_with_credentials_tunnels_https_and_never_prints_the_password() {
    let ca = TestCa::new();
    let server = ok_server().await;
    let front = TlsFront::start(&ca, &server.endpoint()).await;
    let proxy = TestProxy::start("user", "pa55-SECRET").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ca.pem");
    std::fs::write(&file, &ca.ca_pem).unwrap();
    let file = file.to_str().unwrap();

    let url = proxy.url(Some(("user", "wrong-SECRET")));
    let refused = describe(
        &front.endpoint(),
        &["--ca-file", file, "--proxy", &url],
        &[],
    )
    .await;
    assert_eq!(refused.status, 1, "{refused:#?}");
    assert!(!refused.stderr.contains("wrong-SECRET"), "{refused:#?}");
    assert!(server.received().is_empty());

    let url = proxy.url(Some(("user", "pa55-SECRET")));
    let outcome = describe(
        &front.endpoint(),
        &["--ca-file", file, "--proxy", &url],
        &[],
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(server.verified().len(), 1);
    let requests = proxy.requests();
    assert!(requests.last().unwrap().authorized, "{requests:?}");
    assert!(
        requests
            .last()
            .unwrap()
            .line
            .starts_with("CONNECT 127.0.0.1:")
    );
}

//! Trust over real TLS: a server whose certificate comes from a throw-away CA is refused by
//! default and trusted with `ca_certificate_pem`, a CA file, `SSL_CERT_FILE` or `SSL_CERT_DIR`.

use acs_runtime::auth::{Credentials, Env};
use acs_runtime::client::{
    CERT_DIR_VAR, CERT_FILE_VAR, Config, ConfigBuilder, Error, OperationInfo, ProductInfo,
    RetryPolicy, RpcClient,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Reply, TestCa, TestServer, TlsFront};

const KEY: (&str, &str) = ("testid", "testsecret");
const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const DESCRIBE_VPCS: OperationInfo = OperationInfo {
    action: "DescribeVpcs",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: true,
};

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

/// A signature-checking server behind a TLS front with a certificate of `ca`.
async fn https_server(ca: &TestCa) -> (TestServer, TlsFront) {
    let server = TestServer::start(&[KEY], |_| Reply::json(200, r#"{"RequestId":"R-TLS"}"#)).await;
    let front = TlsFront::start(ca, &server.endpoint()).await;
    (server, front)
}

fn config(endpoint: String, vars: &[(&str, &str)]) -> ConfigBuilder {
    let mut env = vec![("HOME", "/nonexistent")];
    env.extend_from_slice(vars);
    Config::builder()
        .env(Env::from_vars(env))
        .endpoint(endpoint)
        .credentials(Credentials::new(KEY.0, KEY.1))
        .retry_policy(RetryPolicy::disabled())
}

async fn call(config: ConfigBuilder) -> Result<Vec<u8>, Error> {
    let client = RpcClient::new(&VPC, config.build())?;
    let body = client.send(&DESCRIBE_VPCS, params()).await?;
    Ok(body.to_vec())
}

#[tokio::test]
async fn a_private_ca_is_refused_by_default() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let error = call(config(front.endpoint(), &[])).await.unwrap_err();
    match &error {
        Error::Transport { source } => assert!(source.is_connect(), "{error:?}"),
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert!(server.received().is_empty(), "nothing got through");
}

#[tokio::test]
async fn a_ca_added_in_code_is_trusted_and_the_request_verifies() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let body = call(config(front.endpoint(), &[]).ca_certificate_pem(&ca.ca_pem))
        .await
        .unwrap();
    assert_eq!(&body[..], br#"{"RequestId":"R-TLS"}"#);
    let verified = server.verified();
    assert_eq!(verified.len(), 1);
    assert_eq!(verified[0].action, "DescribeVpcs");
    assert_eq!(verified[0].param("RegionId"), Some("cn-hangzhou"));
}

#[tokio::test]
async fn another_ca_does_not_vouch_for_the_server() {
    let (ca, other) = (TestCa::new(), TestCa::new());
    let (_server, front) = https_server(&ca).await;
    let error = call(config(front.endpoint(), &[]).ca_certificate_pem(&other.ca_pem))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
}

#[tokio::test]
async fn ssl_cert_file_ssl_cert_dir_and_a_ca_file_are_trusted() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ca.pem");
    std::fs::write(&file, &ca.ca_pem).unwrap();
    let file = file.to_str().unwrap();
    let folder = dir.path().to_str().unwrap();
    call(config(front.endpoint(), &[(CERT_FILE_VAR, file)]))
        .await
        .unwrap();
    call(config(front.endpoint(), &[(CERT_DIR_VAR, folder)]))
        .await
        .unwrap();
    call(config(front.endpoint(), &[]).ca_certificate_file(file))
        .await
        .unwrap();
    assert_eq!(server.verified().len(), 3);
}

#[tokio::test]
async fn ssl_cert_file_replaces_the_platform_roots() {
    // A file holding another CA only: the server's CA is not trusted, and neither would be a
    // public one.
    let (ca, other) = (TestCa::new(), TestCa::new());
    let (_server, front) = https_server(&ca).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("other.pem");
    std::fs::write(&file, &other.ca_pem).unwrap();
    let vars = [(CERT_FILE_VAR, file.to_str().unwrap())];
    let error = call(config(front.endpoint(), &vars)).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
}

#[test]
fn unusable_trust_settings_fail_when_the_client_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "no certificate here\n").unwrap();
    let missing = dir.path().join("missing.pem");
    let cases = [
        (
            config("https://127.0.0.1:1".into(), &[]).ca_certificate_pem("not PEM at all"),
            "CA certificate #1: no PEM certificate",
        ),
        (
            config("https://127.0.0.1:1".into(), &[]).ca_certificate_file(&missing),
            "missing.pem",
        ),
        (
            config(
                "https://127.0.0.1:1".into(),
                &[(CERT_FILE_VAR, empty.to_str().unwrap())],
            ),
            "give no usable certificate",
        ),
    ];
    for (config, expected) in cases {
        let error = RpcClient::new(&VPC, config.build()).unwrap_err();
        assert!(
            matches!(&error, Error::Config(text) if text.contains(expected)),
            "{error:?}"
        );
    }
}

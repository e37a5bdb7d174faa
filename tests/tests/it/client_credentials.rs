//! Where the client's credentials come from, seen by the server: explicit, STS, env, profile file.

use std::path::Path;

use acs_runtime::auth::{Credentials, Env, SignatureVersion};
use acs_runtime::client::{Config, ConfigBuilder, Error, OperationInfo, ProductInfo, RpcClient};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Reply, TestServer, Verified};

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[("cn-hangzhou", "vpc.aliyuncs.com")],
};
const DESCRIBE_VPCS: OperationInfo = OperationInfo {
    action: "DescribeVpcs",
    binding: Binding::rpc(Method::Post),
    idempotency_token: None,
    idempotent: true,
};
const KEYS: &[(&str, &str)] = &[
    ("ak-explicit", "sk-1"),
    ("ak-env", "sk-2"),
    ("ak-file", "sk-3"),
];

/// Makes one call with `config` against a fresh server and returns what the server verified.
async fn seen_by_server(config: impl FnOnce(String) -> ConfigBuilder) -> Result<Verified, Error> {
    let server = TestServer::start(KEYS, |_| Reply::json(200, r#"{"RequestId":"R"}"#)).await;
    let client = RpcClient::new(&VPC, config(server.endpoint()).build())?;
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    client.send(&DESCRIBE_VPCS, params).await?;
    Ok(server.verified().remove(0))
}

fn write_profile(home: &Path, body: &str) {
    std::fs::create_dir_all(home.join(".aliyun")).unwrap();
    std::fs::write(home.join(".aliyun/config.json"), body).unwrap();
}

#[tokio::test]
async fn sts_credentials_send_the_token_with_both_signatures() {
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let verified = seen_by_server(|endpoint| {
            Config::builder()
                .endpoint(endpoint)
                .signature_version(version)
                .credentials(Credentials::sts("ak-explicit", "sk-1", "CAIS-token/+="))
        })
        .await
        .unwrap();
        assert_eq!(verified.access_key_id, "ak-explicit");
        assert_eq!(
            verified.security_token.as_deref(),
            Some("CAIS-token/+="),
            "{version:?}"
        );
    }
}

#[tokio::test]
async fn credentials_from_environment_variables() {
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-2"),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token"),
    ]);
    let verified = seen_by_server(|endpoint| Config::builder().endpoint(endpoint).env(env))
        .await
        .unwrap();
    assert_eq!(verified.access_key_id, "ak-env");
    assert_eq!(verified.security_token.as_deref(), Some("env-token"));
}

#[tokio::test]
async fn explicit_credentials_beat_the_environment() {
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-2"),
    ]);
    let verified = seen_by_server(|endpoint| {
        Config::builder()
            .endpoint(endpoint)
            .env(env)
            .credentials(Credentials::new("ak-explicit", "sk-1"))
    })
    .await
    .unwrap();
    assert_eq!(verified.access_key_id, "ak-explicit");
}

#[tokio::test]
async fn credentials_and_region_from_a_profile_file_in_a_temp_home() {
    let home = tempfile::tempdir().unwrap();
    write_profile(
        home.path(),
        r#"{"current":"dev","profiles":[
            {"name":"dev","mode":"AK","access_key_id":"ak-file","access_key_secret":"sk-3",
             "region_id":"cn-shanghai"},
            {"name":"tmp","mode":"StsToken","access_key_id":"ak-file","access_key_secret":"sk-3",
             "sts_token":"file-token","region_id":"cn-hangzhou"}]}"#,
    );
    let env = |extra: Option<&str>| {
        let mut vars = vec![("HOME".to_owned(), home.path().display().to_string())];
        if let Some(profile) = extra {
            vars.push(("ALIBABA_CLOUD_PROFILE".to_owned(), profile.to_owned()));
        }
        Env::from_vars(vars)
    };

    let verified = seen_by_server(|endpoint| Config::builder().endpoint(endpoint).env(env(None)))
        .await
        .unwrap();
    assert_eq!(verified.access_key_id, "ak-file");
    assert_eq!(verified.security_token, None);

    let verified =
        seen_by_server(|endpoint| Config::builder().endpoint(endpoint).env(env(Some("tmp"))))
            .await
            .unwrap();
    assert_eq!(verified.security_token.as_deref(), Some("file-token"));

    // Without a region or an endpoint, the profile's region_id picks the endpoint.
    let client = RpcClient::new(&VPC, Config::builder().env(env(None)).build()).unwrap();
    assert_eq!(
        client.endpoint().url(),
        "https://vpc.cn-shanghai.aliyuncs.com/"
    );
    let client = RpcClient::new(&VPC, Config::builder().env(env(Some("tmp"))).build()).unwrap();
    assert_eq!(client.endpoint().url(), "https://vpc.aliyuncs.com/");
    let client = RpcClient::new(
        &VPC,
        Config::builder()
            .env(env(None))
            .region("eu-central-1")
            .build(),
    )
    .unwrap();
    assert_eq!(client.endpoint().host(), "vpc.eu-central-1.aliyuncs.com");
}

#[tokio::test]
async fn no_credentials_anywhere_is_a_credentials_error_before_any_request() {
    let home = tempfile::tempdir().unwrap();
    let env = Env::from_vars([("HOME", home.path().display().to_string())]);
    let server = TestServer::start(KEYS, |_| Reply::json(200, r#"{"RequestId":"R"}"#)).await;
    let client = RpcClient::new(
        &VPC,
        Config::builder()
            .endpoint(server.endpoint())
            .env(env.clone())
            .build(),
    )
    .unwrap();
    let error = client
        .send(&DESCRIBE_VPCS, Params::new())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Credentials(_)), "{error:?}");
    assert!(!error.is_retryable());
    assert!(server.received().is_empty());

    let no_region = RpcClient::new(&VPC, Config::builder().env(env).build()).unwrap_err();
    assert!(matches!(no_region, Error::Config(_)), "{no_region}");
    assert!(no_region.to_string().contains("no region"), "{no_region}");
}

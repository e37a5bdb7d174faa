//! Every source of the default credentials chain against loopback fakes over real HTTP: STS
//! (`AssumeRole`, `AssumeRoleWithOIDC`), the instance metadata service, a credentials URI;
//! caching, refresh before expiry, one refresh under concurrency, and the chain's order.

use std::path::Path;

use acs_runtime::auth::{DefaultChain, Env, ProvideCredentials};
use acs_runtime::client::{Config, OperationInfo, ProductInfo, RpcClient};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{PlainServer, Reply, TestServer};
use serde_json::json;

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

/// What STS, the metadata service and a credentials URI answer: temporary credentials that
/// expire `in_seconds` from now.
fn temporary(id: &str, in_seconds: i64) -> serde_json::Value {
    let expiration = time::OffsetDateTime::now_utc() + time::Duration::seconds(in_seconds);
    json!({
        "AccessKeyId": id,
        "AccessKeySecret": format!("{id}-secret"),
        "SecurityToken": format!("{id}-token"),
        "Expiration": expiration
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap(),
    })
}

/// An STS fake that verifies `AssumeRole` signatures with `keys` and issues `issued(n)`.
async fn sts(keys: &[(&str, &str)], issued: fn(usize) -> (String, i64)) -> TestServer {
    TestServer::start(keys, move |exchange| {
        assert_eq!(exchange.verified.action, "AssumeRole");
        let (id, seconds) = issued(exchange.index);
        Reply::json(
            200,
            json!({"RequestId": "sts", "Credentials": temporary(&id, seconds)}).to_string(),
        )
    })
    .await
}

fn write_profile(home: &Path, body: serde_json::Value) {
    std::fs::create_dir_all(home.join(".aliyun")).unwrap();
    std::fs::write(home.join(".aliyun/config.json"), body.to_string()).unwrap();
}

/// A product server accepting the temporary keys `ids` (secret `<id>-secret`).
async fn product(ids: &[&str]) -> TestServer {
    let keys: Vec<(String, String)> = ids
        .iter()
        .map(|id| (id.to_string(), format!("{id}-secret")))
        .collect();
    let keys: Vec<(&str, &str)> = keys.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    TestServer::start(&keys, |_| Reply::json(200, r#"{"RequestId":"R"}"#)).await
}

fn client(server: &TestServer, provider: impl ProvideCredentials + 'static) -> RpcClient {
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials_provider(provider)
        .build();
    RpcClient::new(&VPC, config).unwrap()
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

fn ram_role_profile(home: &Path) {
    write_profile(
        home,
        json!({"current": "role", "profiles": [{
            "name": "role", "mode": "RamRoleArn", "access_key_id": "ak-source",
            "access_key_secret": "sk-source", "ram_role_arn": "acs:ram::1:role/ops",
            "ram_session_name": "ops-session", "expired_seconds": 900, "region_id": "cn-shanghai"
        }]}),
    );
}

#[tokio::test]
async fn a_ram_role_profile_assumes_the_role_once_for_16_concurrent_calls() {
    let home = tempfile::tempdir().unwrap();
    ram_role_profile(home.path());
    let sts = sts(&[("ak-source", "sk-source")], |n| {
        (format!("STS.{n}"), 3600)
    })
    .await;
    let vpc = product(&["STS.0"]).await;
    let env = Env::from_vars([
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", &sts.endpoint()),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
    ]);
    let client = client(&vpc, DefaultChain::with_env(env));
    let calls = (0..16).map(|_| client.send(&DESCRIBE_VPCS, params()));
    for result in futures_util::future::join_all(calls).await {
        result.unwrap();
    }
    let assumed = sts.verified();
    assert_eq!(assumed.len(), 1, "one AssumeRole for 16 concurrent calls");
    assert_eq!(assumed[0].access_key_id, "ak-source");
    assert_eq!(assumed[0].param("RoleArn"), Some("acs:ram::1:role/ops"));
    assert_eq!(assumed[0].param("RoleSessionName"), Some("ops-session"));
    assert_eq!(assumed[0].param("DurationSeconds"), Some("900"));
    let seen = vpc.verified();
    assert_eq!(seen.len(), 16);
    assert!(
        seen.iter()
            .all(|v| v.access_key_id == "STS.0"
                && v.security_token.as_deref() == Some("STS.0-token"))
    );
    let shown = format!("{client:?} {client:#?}");
    for secret in ["sk-source", "STS.0-secret", "STS.0-token"] {
        assert!(!shown.contains(secret), "{secret} shows in {shown}");
    }
}

#[tokio::test]
async fn credentials_near_expiry_are_refreshed_and_fresh_ones_are_kept() {
    let home = tempfile::tempdir().unwrap();
    ram_role_profile(home.path());
    // The first credentials expire within the refresh margin, the next ones in an hour.
    let sts = sts(&[("ak-source", "sk-source")], |n| {
        (format!("STS.{n}"), if n == 0 { 60 } else { 3600 })
    })
    .await;
    let vpc = product(&["STS.0", "STS.1"]).await;
    let env = Env::from_vars([
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", &sts.endpoint()),
    ]);
    let chain = DefaultChain::with_env(env).with_metadata_base_url("http://127.0.0.1:9");
    let client = client(&vpc, chain);
    for _ in 0..3 {
        client.send(&DESCRIBE_VPCS, params()).await.unwrap();
    }
    assert_eq!(sts.verified().len(), 2, "refreshed once, then kept");
    let ids: Vec<String> = vpc
        .verified()
        .into_iter()
        .map(|v| v.access_key_id)
        .collect();
    assert_eq!(ids, ["STS.0", "STS.1", "STS.1"]);
}

#[tokio::test]
async fn a_chainable_profile_assumes_through_its_source_profile() {
    let home = tempfile::tempdir().unwrap();
    write_profile(
        home.path(),
        json!({"current": "chained", "profiles": [
            {"name": "base", "mode": "AK", "access_key_id": "ak-base", "access_key_secret": "sk-base"},
            {"name": "chained", "mode": "ChainableRamRoleArn", "source_profile": "base",
             "ram_role_arn": "acs:ram::1:role/deploy"}
        ]}),
    );
    let sts = sts(&[("ak-base", "sk-base")], |n| (format!("STS.{n}"), 3600)).await;
    let vpc = product(&["STS.0"]).await;
    let env = Env::from_vars([
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", &sts.endpoint()),
    ]);
    client(&vpc, DefaultChain::with_env(env))
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap();
    let assumed = sts.verified();
    assert_eq!(assumed[0].access_key_id, "ak-base");
    assert_eq!(assumed[0].param("RoleArn"), Some("acs:ram::1:role/deploy"));
    assert_eq!(vpc.verified()[0].access_key_id, "STS.0");
}

#[tokio::test]
async fn the_oidc_role_of_the_environment_is_assumed_anonymously_with_the_token_file() {
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "eyJ.oidc.token\n").unwrap();
    let sts = PlainServer::start(|_, _| {
        Reply::json(
            200,
            json!({"Credentials": temporary("STS.oidc", 3600)}).to_string(),
        )
    })
    .await;
    let vpc = product(&["STS.oidc"]).await;
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/pod"),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/ack",
        ),
        (
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            token_file.to_str().unwrap(),
        ),
        ("ALIBABA_CLOUD_STS_ENDPOINT", &sts.url()),
    ]);
    client(&vpc, DefaultChain::with_env(env))
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap();
    let request = &sts.received()[0];
    assert!(
        request.raw_query.contains("Action=AssumeRoleWithOIDC"),
        "{}",
        request.raw_query
    );
    assert!(request.header("authorization").is_none(), "anonymous");
    let form = acs_tests::verify::form_decode(std::str::from_utf8(&request.body).unwrap()).unwrap();
    let field = |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(field("OIDCToken"), Some("eyJ.oidc.token"));
    assert_eq!(field("RoleArn"), Some("acs:ram::1:role/pod"));
    assert_eq!(
        field("OIDCProviderArn"),
        Some("acs:ram::1:oidc-provider/ack")
    );
    assert_eq!(
        vpc.verified()[0].security_token.as_deref(),
        Some("STS.oidc-token")
    );
}

/// A metadata service fake: a token, one role, and its credentials.
async fn metadata() -> PlainServer {
    PlainServer::start(
        |_, request| match (request.method.as_str(), request.path.as_str()) {
            ("PUT", "/latest/api/token") => Reply::with_type(200, "text/plain", "md-token"),
            (_, _) if request.header("x-aliyun-ecs-metadata-token") != Some("md-token") => {
                Reply::with_type(401, "text/plain", "no token")
            }
            ("GET", "/latest/meta-data/ram/security-credentials/") => {
                Reply::with_type(200, "text/plain", "EcsRole\n")
            }
            ("GET", "/latest/meta-data/ram/security-credentials/EcsRole") => {
                let mut body = temporary("STS.ecs", 3600);
                body["Code"] = json!("Success");
                Reply::json(200, body.to_string())
            }
            _ => Reply::with_type(404, "text/plain", "not found"),
        },
    )
    .await
}

#[tokio::test]
async fn the_instance_role_is_discovered_with_a_metadata_token() {
    let md = metadata().await;
    let vpc = product(&["STS.ecs"]).await;
    let chain = DefaultChain::with_env(Env::from_vars([("HOME", "/nonexistent")]))
        .with_metadata_base_url(md.url());
    client(&vpc, chain)
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap();
    let paths: Vec<String> = md
        .received()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        paths,
        [
            "PUT /latest/api/token",
            "GET /latest/meta-data/ram/security-credentials/",
            "GET /latest/meta-data/ram/security-credentials/EcsRole"
        ]
    );
    assert_eq!(
        vpc.verified()[0].security_token.as_deref(),
        Some("STS.ecs-token")
    );
}

#[tokio::test]
async fn an_ecs_ram_role_profile_uses_its_role_name_and_disabling_metadata_skips_it() {
    let home = tempfile::tempdir().unwrap();
    write_profile(
        home.path(),
        json!({"current": "ecs", "profiles": [{"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsRole"}]}),
    );
    let md = metadata().await;
    let vpc = product(&["STS.ecs"]).await;
    let env = Env::from_vars([("HOME", home.path().to_str().unwrap())]);
    let chain = DefaultChain::with_env(env).with_metadata_base_url(md.url());
    client(&vpc, chain)
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap();
    assert_eq!(
        md.received().len(),
        2,
        "token, then the named role: no discovery"
    );

    let md = metadata().await;
    let env = Env::from_vars([("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")]);
    let error = DefaultChain::with_env(env)
        .with_metadata_base_url(md.url())
        .provide_credentials()
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true"),
        "{error}"
    );
    assert_eq!(md.connections(), 0);
}

#[tokio::test]
async fn the_credentials_uri_is_asked_when_nothing_before_it_answers() {
    let uri =
        PlainServer::start(|_, _| Reply::json(200, temporary("STS.uri", 3600).to_string())).await;
    let vpc = product(&["STS.uri"]).await;
    let env = Env::from_vars([
        (
            "ALIBABA_CLOUD_CREDENTIALS_URI",
            format!("{}/creds", uri.url()),
        ),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true".to_owned()),
    ]);
    client(&vpc, DefaultChain::with_env(env))
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap();
    assert_eq!(uri.received()[0].path, "/creds");
    assert_eq!(vpc.verified()[0].access_key_id, "STS.uri");
}

#[tokio::test]
async fn an_unsupported_profile_mode_is_named_and_hides_no_other_source() {
    let home = tempfile::tempdir().unwrap();
    write_profile(
        home.path(),
        json!({"current": "sso", "profiles": [{"name": "sso", "mode": "CloudSSO"}]}),
    );
    let home = home.path().to_str().unwrap().to_owned();
    let uri =
        PlainServer::start(|_, _| Reply::json(200, temporary("STS.uri", 3600).to_string())).await;
    let env = Env::from_vars([
        ("HOME", home.clone()),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", uri.url()),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true".to_owned()),
    ]);
    let found = DefaultChain::with_env(env)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "STS.uri");

    let env = Env::from_vars([
        ("HOME", home),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true".to_owned()),
    ]);
    let error = DefaultChain::with_env(env)
        .provide_credentials()
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("mode \"CloudSSO\""), "{error}");
    assert!(error.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), "{error}");
}

#[tokio::test]
async fn an_explicit_profile_wins_over_the_environment() {
    let home = tempfile::tempdir().unwrap();
    write_profile(
        home.path(),
        json!({"profiles": [{"name": "p", "mode": "AK", "access_key_id": "ak-file", "access_key_secret": "sk"}]}),
    );
    let env = Env::from_vars([
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-env"),
    ]);
    let chain = DefaultChain::with_env(env.clone());
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "ak-env"
    );
    let chain = DefaultChain::with_env(env).with_profile("p");
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "ak-file"
    );
}

#[tokio::test]
async fn plain_http_sts_endpoints_are_refused_unless_loopback() {
    let home = tempfile::tempdir().unwrap();
    ram_role_profile(home.path());
    let env = Env::from_vars([
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", "http://sts.example.com"),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
    ]);
    let error = DefaultChain::with_env(env)
        .provide_credentials()
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("ALIBABA_CLOUD_STS_ENDPOINT") && error.contains("plain http"),
        "{error}"
    );
}

//! Secrets inside URLs never show: an endpoint's password, a credentials URI's token, in
//! `Debug` and in errors.

use std::sync::Arc;

use acs_runtime::auth::{AssumeRole, Credentials, CredentialsUri, Env, ProvideCredentials};
use acs_runtime::client::{Config, ProductInfo, RpcClient};

const PASSWORD: &str = "PASSWORDpassword789";
const TOKEN: &str = "TOKENtokenTOKEN456";

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.contains(PASSWORD) && !text.contains(TOKEN),
        "{what} shows a secret: {text}"
    );
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn an_endpoint_password_shows_in_neither_the_config_nor_the_error() {
    for endpoint in [
        format!("https://admin:{PASSWORD}@vpc.example.com"),
        format!("admin:{PASSWORD}@vpc.example.com"),
        format!("https://vpc.example.com/?key={TOKEN}"),
        format!("https://admin:{PASSWORD}@[::1"),
    ] {
        let config = Config::builder()
            .endpoint(&endpoint)
            .credentials(Credentials::new("ak", "sk"))
            .build();
        assert_clean("Config Debug", &format!("{config:?} {config:#?}"));
        let error = RpcClient::new(&VPC, config).unwrap_err();
        assert!(error.to_string().contains("invalid endpoint"), "{error}");
        assert_clean("endpoint error", &format!("{error} {error:?}"));
    }
}

#[tokio::test]
async fn a_credentials_uri_token_shows_in_neither_debug_nor_errors() {
    let uri = format!(
        "http://127.0.0.1:{}/credentials?token={TOKEN}",
        closed_port()
    );
    let provider = CredentialsUri::new(&Env::from_vars([("HOME", "/nonexistent")]), &uri);
    assert_clean(
        "CredentialsUri Debug",
        &format!("{provider:?} {provider:#?}"),
    );
    assert!(
        format!("{provider:?}").contains("token=***"),
        "{provider:?}"
    );
    let error = provider.provide_credentials().await.unwrap_err();
    assert_clean("credentials URI error", &format!("{error} {error:?}"));
}

#[tokio::test]
async fn an_sts_endpoint_password_shows_in_no_error() {
    let env = Env::from_vars([(
        "ALIBABA_CLOUD_STS_ENDPOINT",
        format!("https://admin:{PASSWORD}@sts.example.com").as_str(),
    )]);
    let role = AssumeRole::new(
        &env,
        Arc::new(Credentials::new("ak", "sk")),
        "acs:ram::1:role/r",
    );
    assert_clean("AssumeRole Debug", &format!("{role:?}"));
    let error = role.provide_credentials().await.unwrap_err();
    assert!(error.to_string().contains("invalid endpoint"), "{error}");
    assert_clean("STS endpoint error", &format!("{error} {error:?}"));
}

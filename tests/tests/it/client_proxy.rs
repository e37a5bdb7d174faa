//! Proxies over real sockets: a configured proxy with credentials tunnels HTTPS and carries
//! plain HTTP; the environment's proxy never carries plain HTTP; passwords never show.

use acs_runtime::auth::{Credentials, Env};
use acs_runtime::client::{
    Config, ConfigBuilder, Error, OperationInfo, ProductInfo, RetryPolicy, RpcClient,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::proxy::PROXIED_BODY;
use acs_tests::{Reply, TestCa, TestProxy, TestServer, TlsFront};

const KEY: (&str, &str) = ("testid", "testsecret");
const PASSWORD: &str = "proxy-PASSWORD-42";
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
    Ok(client.send(&DESCRIBE_VPCS, params()).await?.to_vec())
}

async fn https_server(ca: &TestCa) -> (TestServer, TlsFront) {
    let server = TestServer::start(&[KEY], |_| Reply::json(200, r#"{"RequestId":"R-P"}"#)).await;
    let front = TlsFront::start(ca, &server.endpoint()).await;
    (server, front)
}

#[tokio::test]
async fn a_proxy_that_wants_credentials_refuses_a_client_without_them() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let proxy = TestProxy::start("user", PASSWORD).await;
    let config = config(front.endpoint(), &[])
        .ca_certificate_pem(&ca.ca_pem)
        .proxy(&proxy.url(None));
    let error = call(config).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert!(!requests[0].authorized && requests[0].line.starts_with("CONNECT "));
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn https_goes_through_the_proxy_with_its_credentials() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let proxy = TestProxy::start("user", PASSWORD).await;
    let url = proxy.url(Some(("user", PASSWORD)));
    let config = config(front.endpoint(), &[])
        .ca_certificate_pem(&ca.ca_pem)
        .proxy(&url);
    let body = call(config).await.unwrap();
    assert_eq!(&body[..], br#"{"RequestId":"R-P"}"#);
    assert_eq!(
        server.verified().len(),
        1,
        "the signature survives the tunnel"
    );
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let port = front.endpoint().rsplit(':').next().unwrap().to_owned();
    assert_eq!(
        requests[0].line,
        format!("CONNECT 127.0.0.1:{port} HTTP/1.1")
    );
    assert!(requests[0].authorized);
}

#[tokio::test]
async fn the_environment_proxy_tunnels_https_but_never_carries_plain_http() {
    let ca = TestCa::new();
    let (server, front) = https_server(&ca).await;
    let proxy = TestProxy::start("user", PASSWORD).await;
    let url = proxy.url(Some(("user", PASSWORD)));
    let vars = [("HTTPS_PROXY", url.as_str()), ("HTTP_PROXY", url.as_str())];
    call(config(front.endpoint(), &vars).ca_certificate_pem(&ca.ca_pem))
        .await
        .unwrap();
    assert_eq!(proxy.requests().len(), 1, "HTTPS went through the proxy");

    let vars = [
        ("HTTPS_PROXY", url.as_str()),
        ("HTTP_PROXY", url.as_str()),
        ("ALL_PROXY", url.as_str()),
    ];
    let body = call(config(server.endpoint(), &vars)).await.unwrap();
    assert_eq!(
        &body[..],
        br#"{"RequestId":"R-P"}"#,
        "answered by the server"
    );
    assert_eq!(proxy.requests().len(), 1, "plain http did not");
    assert_eq!(server.verified().len(), 2);
}

#[tokio::test]
async fn a_configured_proxy_carries_plain_http_too() {
    let server = TestServer::start(&[KEY], |_| Reply::json(200, r#"{"RequestId":"R-P"}"#)).await;
    let proxy = TestProxy::start("user", PASSWORD).await;
    let config = config(server.endpoint(), &[]).proxy(&proxy.url(Some(("user", PASSWORD))));
    let body = call(config).await.unwrap();
    assert_eq!(&body[..], PROXIED_BODY.as_bytes());
    assert!(server.received().is_empty());
    let requests = proxy.requests();
    assert!(requests[0].authorized, "{requests:?}");
    assert!(
        requests[0]
            .line
            .starts_with(&format!("POST {}/?", server.endpoint()))
    );
}

#[tokio::test]
async fn no_proxy_hosts_are_reached_directly() {
    let server = TestServer::start(&[KEY], |_| Reply::json(200, r#"{"RequestId":"R-P"}"#)).await;
    let proxy = TestProxy::start("user", PASSWORD).await;
    let config = config(server.endpoint(), &[])
        .proxy(&proxy.url(Some(("user", PASSWORD))))
        .no_proxy(["127.0.0.1"]);
    call(config).await.unwrap();
    assert!(proxy.requests().is_empty());
    assert_eq!(server.verified().len(), 1);
}

#[tokio::test]
async fn the_proxy_password_shows_in_neither_debug_nor_errors() {
    let proxy_url = format!("http://user:{PASSWORD}@127.0.0.1:1");
    let built = unreachable_proxy(&proxy_url).build();
    let shown = format!("{built:?} {built:#?}");
    assert!(!shown.contains(PASSWORD), "{shown}");
    assert!(shown.contains("127.0.0.1:1"), "{shown}");
    let error = call(unreachable_proxy(&proxy_url)).await.unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(matches!(error, Error::Transport { .. }), "{shown}");
    assert!(!shown.contains(PASSWORD), "{shown}");

    for bad in [
        format!("socks5://user:{PASSWORD}@127.0.0.1:1"),
        format!("http://user:{PASSWORD}@127.0.0.1:1/path"),
        format!("user:{PASSWORD}@"),
    ] {
        let error = RpcClient::new(&VPC, unreachable_proxy(&bad).build()).unwrap_err();
        let shown = format!("{error} {error:?}");
        assert!(matches!(error, Error::Config(_)), "{shown}");
        assert!(shown.contains("proxy"), "{shown}");
        assert!(!shown.contains(PASSWORD), "{shown}");
    }
}

/// A client whose proxy (on a closed port) cannot be reached.
fn unreachable_proxy(proxy_url: &str) -> ConfigBuilder {
    config("https://127.0.0.1:2".into(), &[]).proxy(proxy_url)
}

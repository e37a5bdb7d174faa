//! Secrets and tokens never show: not in Debug or Display of credentials, config, client or
//! errors, nor in tracing output.

use std::time::Duration;

use acs_runtime::auth::{Credentials, Env, SignatureVersion};
use acs_runtime::client::{
    Config, IdempotencyToken, OperationInfo, ProductInfo, RetryPolicy, RpcClient,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Capture, Reply, TestServer};

const SECRET: &str = "SECRETsecretSECRET123";
const TOKEN: &str = "TOKENtokenTOKEN456";

const VPC: ProductInfo = ProductInfo {
    product: "Vpc",
    version: "2016-04-28",
    endpoint_pattern: "vpc.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const CREATE_VPN_GATEWAY: OperationInfo = OperationInfo {
    action: "CreateVpnGateway",
    binding: Binding::rpc(Method::Post),
    idempotency_token: Some(IdempotencyToken {
        name: "ClientToken",
        location: Location::Query,
    }),
    idempotent: false,
};

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.contains(SECRET) && !text.contains(TOKEN),
        "{what} shows a secret: {text}"
    );
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params
}

/// One test, alone in its binary, so the thread-local tracing subscriber sees everything.
#[tokio::test(flavor = "current_thread")]
async fn secrets_never_show_in_debug_display_errors_or_tracing() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());

    let credentials = Credentials::sts("ak-visible", SECRET, TOKEN);
    assert_clean(
        "Credentials Debug",
        &format!("{credentials:?} {credentials:#?}"),
    );
    assert!(format!("{credentials:?}").contains("ak-visible"));

    let server = TestServer::start(&[("ak-visible", SECRET)], |exchange| match exchange.index {
        0 => Reply::error(400, "Throttling", "slow down", "R-0"),
        1 => Reply::json(200, r#"{"RequestId":"R-1"}"#),
        _ => Reply::error(403, "Forbidden.RAM", "denied", "R-2"),
    })
    .await;
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
    ]);
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let config = Config::builder()
            .endpoint(server.endpoint())
            .credentials(credentials.clone())
            .env(env.clone())
            .signature_version(version)
            .retry_policy(RetryPolicy::standard().with_base_delay(Duration::from_millis(1)))
            .build();
        assert_clean("Config Debug", &format!("{config:?} {config:#?}"));
        let client = RpcClient::new(&VPC, config).unwrap();
        assert_clean("RpcClient Debug", &format!("{client:?} {client:#?}"));
        let _ = client.send(&CREATE_VPN_GATEWAY, params()).await;
    }
    let error = RpcClient::new(
        &VPC,
        Config::builder()
            .endpoint(server.endpoint())
            .credentials(credentials.clone())
            .build(),
    )
    .unwrap()
    .send(&CREATE_VPN_GATEWAY, params())
    .await
    .unwrap_err();
    assert_eq!(error.code(), Some("Forbidden.RAM"));
    assert_clean("service error", &format!("{error} {error:?}"));

    // V1 puts the token in the URL: a transport error must not repeat the URL.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = Config::builder()
        .endpoint(format!("http://127.0.0.1:{port}"))
        .credentials(credentials.clone())
        .signature_version(SignatureVersion::V1)
        .retry_policy(RetryPolicy::disabled())
        .build();
    let error = RpcClient::new(&VPC, config)
        .unwrap()
        .send(&CREATE_VPN_GATEWAY, params())
        .await
        .unwrap_err();
    assert!(error.to_string().starts_with("cannot connect"), "{error}");
    assert_clean("transport error", &format!("{error} {error:?}"));

    let traced = capture.text();
    assert!(
        traced.contains("acs_call") && traced.contains("acs_attempt"),
        "{traced}"
    );
    assert!(
        traced.contains("CreateVpnGateway") && traced.contains("attempt=2"),
        "{traced}"
    );
    assert!(traced.contains("request_id=\"R-0\""), "{traced}");
    assert_clean("tracing output", &traced);
    // The server did see the token: it was sent, just never shown.
    assert!(
        server
            .verified()
            .iter()
            .all(|v| v.security_token.as_deref() == Some(TOKEN))
    );
}

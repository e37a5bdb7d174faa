//! Error bodies over real HTTP (PascalCase and lower-case JSON, XML, HTML) become typed errors.

use acs_runtime::auth::Credentials;
use acs_runtime::client::{
    Config, Error, IdempotencyToken, OperationInfo, ProductInfo, RetryPolicy, RpcClient,
    ServiceError,
};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Reply, TestServer};
use serde::Deserialize;

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

/// Answers every request with `reply` and returns what one call made of it.
async fn call_against<T: serde::de::DeserializeOwned>(reply: Reply) -> Result<T, Error> {
    let server = TestServer::start(&[("testid", "testsecret")], move |_| reply.clone()).await;
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .retry_policy(RetryPolicy::disabled())
        .build();
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    RpcClient::new(&VPC, config)
        .unwrap()
        .call(&CREATE_VPN_GATEWAY, params)
        .await
}

async fn service_error(reply: Reply) -> ServiceError {
    match call_against::<serde_json::Value>(reply).await {
        Err(Error::Service(e)) => e,
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[tokio::test]
async fn pascal_case_json_error() {
    let e = service_error(Reply::json(
        400,
        r#"{"RequestId":"EB2C2A2E-1F2B-4B6B-8F34-0E0D0F6C5D31","HostId":"vpc.aliyuncs.com",
            "Code":"Resource.QuotaFull","Message":"The quota of resource is full",
            "Recommend":"https://api.aliyun.com/troubleshoot?q=Resource.QuotaFull",
            "AccessDeniedDetail":{"AuthAction":"vpc:CreateVpnGateway"}}"#,
    ))
    .await;
    assert_eq!(e.status(), 400);
    assert_eq!(e.code(), "Resource.QuotaFull");
    assert_eq!(e.message(), "The quota of resource is full");
    assert_eq!(e.host_id(), Some("vpc.aliyuncs.com"));
    assert!(
        e.recommend()
            .unwrap()
            .starts_with("https://api.aliyun.com/")
    );
    assert!(
        e.access_denied_detail()
            .unwrap()
            .contains("vpc:CreateVpnGateway")
    );
    assert_eq!(
        e.to_string(),
        "Resource.QuotaFull: The quota of resource is full \
         (request id EB2C2A2E-1F2B-4B6B-8F34-0E0D0F6C5D31)"
    );
}

#[tokio::test]
async fn lower_case_json_error() {
    let e = service_error(Reply::json(
        404,
        r#"{"code":"InvalidVpnGatewayInstanceId.NotFound","message":"not found","requestId":"r-9"}"#,
    ))
    .await;
    assert_eq!(e.status(), 404);
    assert_eq!(e.code(), "InvalidVpnGatewayInstanceId.NotFound");
    assert_eq!(e.message(), "not found");
    assert_eq!(e.request_id(), Some("r-9"));
}

#[tokio::test]
async fn xml_error() {
    let e = service_error(Reply::with_type(
        400,
        "text/xml;charset=utf-8",
        "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>X-1</RequestId>\
         <HostId>vpc.aliyuncs.com</HostId><Code>IncompleteSignature</Code>\
         <Message>The request signature does not conform to Aliyun standards.</Message></Error>",
    ))
    .await;
    assert_eq!(e.code(), "IncompleteSignature");
    assert_eq!(e.request_id(), Some("X-1"));
    assert_eq!(e.host_id(), Some("vpc.aliyuncs.com"));
}

#[tokio::test]
async fn html_502_is_a_response_error_with_an_excerpt() {
    let error = call_against::<serde_json::Value>(
        Reply::with_type(
            502,
            "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body>Tengine</body></html>",
        )
        .header("x-acs-request-id", "gw-1"),
    )
    .await
    .unwrap_err();
    let Error::ResponseParse {
        status, excerpt, ..
    } = &error
    else {
        panic!("expected a parse error, got {error:?}")
    };
    assert_eq!(*status, 502);
    assert!(excerpt.contains("502 Bad Gateway"));
    assert!(error.is_retryable());
    assert!(error.to_string().contains("HTTP 502"), "{error}");
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CreateVpnGatewayResponse {
    #[allow(dead_code)]
    request_id: String,
    vpn_gateway_id: String,
}

#[tokio::test]
async fn success_bodies_parse_and_bad_ones_say_why() {
    let ok: CreateVpnGatewayResponse = call_against(Reply::json(
        200,
        r#"{"RequestId":"R","VpnGatewayId":"vpn-1","NewField":{"Unknown":true}}"#,
    ))
    .await
    .unwrap();
    assert_eq!(ok.vpn_gateway_id, "vpn-1");

    for body in [r#"{"RequestId":"R"}"#, "<html>not json</html>", ""] {
        let error = call_against::<CreateVpnGatewayResponse>(Reply::json(200, body))
            .await
            .unwrap_err();
        let Error::ResponseParse {
            status, excerpt, ..
        } = &error
        else {
            panic!("expected a parse error, got {error:?}")
        };
        assert_eq!((*status, excerpt.as_str()), (200, body));
        assert!(!error.is_retryable());
    }
}

/// What a generated per-operation error enum looks like.
#[derive(Debug, thiserror::Error)]
enum CreateVpnGatewayError {
    #[error("quota full: {0}")]
    ResourceQuotaFull(ServiceError),
    #[error("{0}")]
    Unhandled(ServiceError),
}

impl AsRef<ServiceError> for CreateVpnGatewayError {
    fn as_ref(&self) -> &ServiceError {
        match self {
            Self::ResourceQuotaFull(e) | Self::Unhandled(e) => e,
        }
    }
}

impl From<ServiceError> for CreateVpnGatewayError {
    fn from(e: ServiceError) -> Self {
        match e.code() {
            "Resource.QuotaFull" => Self::ResourceQuotaFull(e),
            _ => Self::Unhandled(e),
        }
    }
}

#[tokio::test]
async fn map_service_turns_service_errors_into_an_operation_enum() {
    let error: Error<CreateVpnGatewayError> = call_against::<serde_json::Value>(Reply::error(
        400,
        "Resource.QuotaFull",
        "The quota of resource is full",
        "R-7",
    ))
    .await
    .unwrap_err()
    .map_service(CreateVpnGatewayError::from);
    assert!(matches!(
        error,
        Error::Service(CreateVpnGatewayError::ResourceQuotaFull(_))
    ));
    assert_eq!(error.code(), Some("Resource.QuotaFull"));
    assert_eq!(error.request_id(), Some("R-7"));
    assert!(!error.is_retryable());
    assert!(
        error
            .to_string()
            .starts_with("quota full: Resource.QuotaFull"),
        "{error}"
    );

    let other = call_against::<serde_json::Value>(Reply::with_type(502, "text/html", "<html/>"))
        .await
        .unwrap_err()
        .map_service(CreateVpnGatewayError::from);
    assert!(matches!(other, Error::ResponseParse { status: 502, .. }));
}

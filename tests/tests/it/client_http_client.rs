//! A custom `HttpClient` that records requests and replays canned answers: the signatures it
//! saw verify, and retries, the body limit and redaction work as with the default client.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use acs_runtime::auth::{Credentials, SignatureVersion};
use acs_runtime::client::{
    Config, Error, HeaderMap, HttpClient, HttpRequest, HttpResponse, OperationInfo, ProductInfo,
    RetryPolicy, RpcClient, TransportError,
};
use acs_runtime::operation::BoxFuture;
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::{Binding, Method};
use acs_tests::{Clock, Request, verify};

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

/// A canned answer.
enum Canned {
    /// A JSON response, its body in chunks.
    Json(u16, Vec<&'static str>),
    /// A failure to connect, whose text quotes the URL.
    Refused,
}

/// Records every request and answers with the next canned answer.
#[derive(Clone, Default)]
struct Replay {
    recorded: Arc<Mutex<Vec<HttpRequest>>>,
    answers: Arc<Mutex<VecDeque<Canned>>>,
}

impl std::fmt::Debug for Replay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Replay")
    }
}

impl Replay {
    fn new(answers: Vec<Canned>) -> Self {
        Self {
            recorded: Arc::default(),
            answers: Arc::new(Mutex::new(answers.into())),
        }
    }

    fn recorded(&self) -> Vec<HttpRequest> {
        self.recorded.lock().unwrap().clone()
    }
}

/// An error that quotes the URL, as some HTTP stacks do.
#[derive(Debug)]
struct QuotesUrl(String);

impl std::fmt::Display for QuotesUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connection refused for {}", self.0)
    }
}

impl std::error::Error for QuotesUrl {}

impl HttpClient for Replay {
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
        let url = request.url.clone();
        self.recorded.lock().unwrap().push(request);
        let answer = self
            .answers
            .lock()
            .unwrap()
            .pop_front()
            .expect("a canned answer");
        Box::pin(async move {
            match answer {
                Canned::Refused => Err(TransportError::connect(QuotesUrl(url))),
                Canned::Json(status, chunks) => {
                    let mut headers = HeaderMap::new();
                    headers.insert("content-type", "application/json".parse().unwrap());
                    let chunks = chunks.into_iter().map(|c| Ok(bytes::Bytes::from(c)));
                    Ok(HttpResponse {
                        status,
                        headers,
                        body: Box::pin(futures_util::stream::iter(chunks)),
                    })
                }
            }
        })
    }
}

/// The recorded request as the loopback server would have received it.
fn as_received(request: &HttpRequest) -> Request {
    let rest = request
        .url
        .strip_prefix("https://vpc.example.com")
        .expect("the endpoint");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    Request {
        method: request.method.to_string(),
        path: path.to_owned(),
        raw_query: query.to_owned(),
        headers: request
            .headers
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap().to_owned()))
            .collect(),
        body: request.body.to_vec(),
    }
}

fn client(replay: &Replay, version: SignatureVersion) -> RpcClient {
    let config = Config::builder()
        .endpoint("https://vpc.example.com")
        .credentials(Credentials::new(KEY.0, KEY.1))
        .signature_version(version)
        .retry_policy(RetryPolicy::standard().with_base_delay(std::time::Duration::from_millis(1)))
        .max_response_bytes(64)
        .http_client(replay.clone());
    RpcClient::new(&VPC, config.build()).unwrap()
}

fn params() -> Params {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Form, "Description", "a b*c");
    params
}

#[tokio::test]
async fn recorded_requests_verify_with_both_signatures() {
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let replay = Replay::new(vec![Canned::Json(
            200,
            vec![r#"{"Request"#, r#"Id":"R-1"}"#],
        )]);
        let body = client(&replay, version)
            .send(&DESCRIBE_VPCS, params())
            .await
            .unwrap();
        assert_eq!(&body[..], br#"{"RequestId":"R-1"}"#, "chunks joined");
        let recorded = replay.recorded();
        assert_eq!(recorded.len(), 1);
        let verified = verify(
            &as_received(&recorded[0]),
            |id| (id == KEY.0).then(|| KEY.1.to_owned()),
            Clock::Now,
        )
        .unwrap_or_else(|e| panic!("{version:?}: {e}"));
        assert_eq!(verified.action, "DescribeVpcs");
        assert_eq!(verified.param("RegionId"), Some("cn-hangzhou"));
        assert_eq!(verified.param("Description"), Some("a b*c"));
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_and_its_url_redacted() {
    let replay = Replay::new(vec![
        Canned::Refused,
        Canned::Json(200, vec![r#"{"RequestId":"R-2"}"#]),
    ]);
    let client = client(&replay, SignatureVersion::V1);
    client.send(&DESCRIBE_VPCS, params()).await.unwrap();
    let recorded = replay.recorded();
    assert_eq!(recorded.len(), 2, "resent after a refused connection");
    assert_ne!(
        recorded[0].url, recorded[1].url,
        "signed anew (nonce, timestamp)"
    );

    let replay = Replay::new(vec![Canned::Refused, Canned::Refused, Canned::Refused]);
    let error = client_with_attempts(&replay)
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(
        shown.contains("connection refused for https://vpc.example.com/?"),
        "{shown}"
    );
    assert!(shown.contains("AccessKeyId=***"), "{shown}");
    assert!(!shown.contains(KEY.0), "{shown}");
}

fn client_with_attempts(replay: &Replay) -> RpcClient {
    let config = Config::builder()
        .endpoint("https://vpc.example.com")
        .credentials(Credentials::new(KEY.0, KEY.1))
        .signature_version(SignatureVersion::V1)
        .retry_policy(RetryPolicy::disabled())
        .http_client(replay.clone());
    RpcClient::new(&VPC, config.build()).unwrap()
}

#[tokio::test]
async fn the_body_limit_stops_a_streamed_body() {
    let long = r#"{"RequestId":"R-3","Padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"#;
    let replay = Replay::new(vec![Canned::Json(200, vec![long, long, "\"}"])]);
    let error = client(&replay, SignatureVersion::V3)
        .send(&DESCRIBE_VPCS, params())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::ResponseTooLarge {
                status: 200,
                limit: 64
            }
        ),
        "{error:?}"
    );
}

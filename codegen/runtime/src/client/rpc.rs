//! The product-agnostic RPC client: sign, send, retry, parse.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::{Instrument, Span, field};

use super::TimeoutKind;
use super::invoke::{Invoke, Sent};
use super::response::{REQUEST_ID_HEADER, parse_raw, unparsable};
use super::retry::{self, retry_after};
use super::settings::{CallSettings, Customize};
use super::{
    Config, Endpoint, Error, HttpClient, OperationInfo, ProductInfo, RetryPolicy, ServiceError,
    transport,
};
use crate::auth::{
    self, DefaultChain, ExtraHeaders, ProfileFile, ProvideCredentials, SignatureVersion,
};
use crate::auth::{Credentials, SigningRequest};
use crate::de::FromAnswer;
use crate::operation::{self, OperationRequest};
use crate::params::{Body, Params, render_path};
use crate::wire::Protocol;

/// The variable holding the region of clients configured without one.
pub const REGION_VAR: &str = "ALIBABA_CLOUD_REGION_ID";

/// A client for one product (e.g. Vpc 2016-04-28): cheap to clone, shares its connections.
///
/// Generated operations call [`RpcClient::call`] (or [`RpcClient::send`] for the raw body)
/// with their [`OperationInfo`] and serialized [`Params`].
#[derive(Clone)]
pub struct RpcClient(Arc<Inner>);

struct Inner {
    product: &'static ProductInfo,
    region: Option<String>,
    endpoint: Endpoint,
    allow_http: bool,
    credentials: Arc<dyn ProvideCredentials>,
    signature_version: SignatureVersion,
    retry: RetryPolicy,
    attempt_timeout: Duration,
    deadline: Option<Duration>,
    max_response_bytes: u64,
    http: Arc<dyn HttpClient>,
}

impl RpcClient {
    /// A client for `product` configured by `config`.
    ///
    /// The region is the configured one, else `ALIBABA_CLOUD_REGION_ID`, else the profile
    /// file's `region_id`. Fails when no endpoint can be resolved (no region, a bad or
    /// plain-HTTP endpoint), or the profile file consulted for the region is unreadable.
    /// Credentials are looked up later, on the first call.
    pub fn new(product: &'static ProductInfo, config: Config) -> Result<Self, Error> {
        let region = match config.region.or_else(|| config.env.var(REGION_VAR)) {
            Some(region) => Some(region),
            None => match ProfileFile::from_env(&config.env).load() {
                Ok(profile) => profile.and_then(|p| p.region_id().map(str::to_owned)),
                Err(error) if config.endpoint.is_none() => return Err(error.into()),
                Err(_) => None,
            },
        };
        let endpoint = Endpoint::resolve(
            product,
            region.as_deref(),
            config.endpoint.as_deref(),
            config.allow_http,
        )?;
        let credentials = match config.credentials {
            Some(provider) => provider,
            None => Arc::new(DefaultChain::with_env(config.env.clone())),
        };
        let http: Arc<dyn HttpClient> = match config.network.http_client.clone() {
            Some(client) => client,
            None => {
                Arc::new(transport::build(&config.network, &config.env).map_err(Error::Config)?)
            }
        };
        Ok(Self(Arc::new(Inner {
            product,
            region,
            endpoint,
            allow_http: config.allow_http,
            credentials,
            signature_version: config.signature_version,
            retry: config.retry,
            attempt_timeout: config.attempt_timeout,
            deadline: config.deadline,
            max_response_bytes: config.max_response_bytes,
            http,
        })))
    }

    /// The region requests without a `RegionId` are sent with, if any.
    pub fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.0.endpoint
    }

    /// Calls `op` and parses the JSON answer into `T`.
    ///
    /// A body that is not the expected JSON gives [`Error::ResponseParse`] with an excerpt.
    pub async fn call<T: DeserializeOwned>(
        &self,
        op: &'static OperationInfo,
        params: Params,
    ) -> Result<T, Error> {
        let answer = self.execute(op, params, None).await?;
        parse(&answer.body).map_err(|e| unparsable(answer.status, e, &answer.body))
    }

    /// Calls `op` with `request`, validated (unless built unchecked) and serialized first; the
    /// answer is parsed into `T` and a service error mapped with `map`.
    ///
    /// What generated operation methods return: an invalid request fails with
    /// [`Error::Validation`] without any I/O. A request that takes a `RegionId` and leaves it
    /// unset is sent with the client's region.
    pub fn invoke<T: FromAnswer, E>(
        &self,
        op: &'static OperationInfo,
        request: &dyn OperationRequest,
        map: fn(ServiceError) -> E,
    ) -> Invoke<T, E> {
        Invoke::new(self.start(op, request, None), T::from_answer, map)
    }

    /// Calls `op` with `request` like [`invoke`](Self::invoke), with `settings` overriding
    /// the client's configuration for this call only.
    pub fn invoke_with<T: FromAnswer, E>(
        &self,
        op: &'static OperationInfo,
        request: &dyn OperationRequest,
        map: fn(ServiceError) -> E,
        settings: CallSettings,
    ) -> Invoke<T, E> {
        Invoke::new(self.start(op, request, Some(settings)), T::from_answer, map)
    }

    /// The call of `op` with `request`, validated and serialized already, waiting for its
    /// per-call settings: what the operation builders' `customize()` returns.
    pub fn customize<T: FromAnswer, E>(
        &self,
        op: &'static OperationInfo,
        request: &dyn OperationRequest,
        map: fn(ServiceError) -> E,
    ) -> Customize<T, E> {
        let prepared = operation::prepare(request, self.region()).map_err(Error::from);
        Customize::new(self.clone(), op, prepared, T::from_answer, map)
    }

    /// Prepares `request` and starts the call: one future for every operation.
    fn start(
        &self,
        op: &'static OperationInfo,
        request: &dyn OperationRequest,
        settings: Option<CallSettings>,
    ) -> Sent {
        let prepared = operation::prepare(request, self.region()).map_err(Error::from);
        self.start_prepared(op, prepared, settings)
    }

    /// Starts the call of prepared parameters.
    pub(super) fn start_prepared(
        &self,
        op: &'static OperationInfo,
        prepared: Result<Params, Error>,
        settings: Option<CallSettings>,
    ) -> Sent {
        let client = self.clone();
        Box::pin(async move { client.execute(op, prepared?, settings.as_ref()).await })
    }

    /// Calls `op` and returns the body of the successful response.
    ///
    /// If `op` has an idempotency token parameter that `params` lacks (or sends empty), a fresh
    /// UUID is added once, so every attempt sends the same token. Each attempt is signed anew
    /// (fresh nonce and timestamp); retryable failures are retried as the [`RetryPolicy`] (or
    /// the one of [`super::with_retry_policy`]) says, within the per-attempt timeout and the
    /// overall deadline.
    pub async fn send(&self, op: &'static OperationInfo, params: Params) -> Result<Bytes, Error> {
        self.execute(op, params, None)
            .await
            .map(|answer| answer.body)
    }

    /// Calls `op` like [`send`](Self::send) and returns the successful response with its
    /// status and content type, for callers that report on a body that is not JSON.
    pub async fn send_answer(
        &self,
        op: &'static OperationInfo,
        params: Params,
    ) -> Result<Answer, Error> {
        self.execute(op, params, None).await
    }

    /// The client's configuration with `settings` over it, or why `settings` are unusable.
    fn per_call(&self, settings: Option<&CallSettings>) -> Result<PerCall, Error> {
        let inner = &*self.0;
        let Some(settings) = settings else {
            return Ok(PerCall {
                endpoint: None,
                attempt_timeout: inner.attempt_timeout,
                deadline: inner.deadline,
                retry: None,
                headers: None,
            });
        };
        if let Some(invalid) = &settings.invalid {
            return Err(Error::Config(invalid.clone()));
        }
        let endpoint = match &settings.endpoint {
            Some(url) => Some(Endpoint::resolve(
                inner.product,
                inner.region.as_deref(),
                Some(url),
                inner.allow_http,
            )?),
            None => None,
        };
        let headers =
            (!settings.headers.is_empty()).then(|| auth::headers::over_scope(&settings.headers));
        Ok(PerCall {
            endpoint,
            attempt_timeout: settings.attempt_timeout.unwrap_or(inner.attempt_timeout),
            deadline: settings.deadline.or(inner.deadline),
            retry: settings.retry.clone(),
            headers,
        })
    }

    async fn execute(
        &self,
        op: &'static OperationInfo,
        params: Params,
        settings: Option<&CallSettings>,
    ) -> Result<Answer, Error> {
        let call = self.per_call(settings)?;
        match call.headers.clone() {
            Some(headers) => auth::with_extra_headers(headers, self.run(op, params, &call)).await,
            None => self.run(op, params, &call).await,
        }
    }

    async fn run(
        &self,
        op: &'static OperationInfo,
        mut params: Params,
        call: &PerCall,
    ) -> Result<Answer, Error> {
        let span = tracing::info_span!(
            "acs_call",
            product = self.0.product.product,
            action = op.action,
            attempts = field::Empty,
        );
        async {
            if let Some(token) = op.idempotency_token {
                params.fill(token.location, token.name, || {
                    uuid::Uuid::new_v4().to_string()
                });
            }
            let request = Outgoing::of(op, params)?;
            let result = match call.deadline {
                Some(limit) => {
                    let deadline = Instant::now() + limit;
                    let attempts = self.attempts(op, &request, call, Some(deadline), &span);
                    tokio::time::timeout_at(deadline, attempts)
                        .await
                        .unwrap_or(Err(Error::Timeout {
                            kind: TimeoutKind::Deadline,
                            after: limit,
                        }))
                }
                None => self.attempts(op, &request, call, None, &span).await,
            };
            if let Err(error) = &result {
                tracing::debug!(%error, "call failed");
            }
            result
        }
        .instrument(span.clone())
        .await
    }

    async fn attempts(
        &self,
        op: &'static OperationInfo,
        request: &Outgoing,
        call: &PerCall,
        deadline: Option<Instant>,
        call_span: &Span,
    ) -> Result<Answer, Error> {
        let credentials = self.0.credentials.provide_credentials().await?;
        let policy = call.retry.clone().or_else(retry::overridden);
        let policy = policy.as_ref().unwrap_or(&self.0.retry);
        let mut attempt = 1;
        loop {
            call_span.record("attempts", attempt);
            let (result, asked_wait) = self.attempt(op, request, call, &credentials, attempt).await;
            let error = match result {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let resend = error
                .failure()
                .is_some_and(|failure| policy.may_resend(failure, op.is_idempotent()));
            if attempt >= policy.max_attempts() || !resend {
                return Err(error);
            }
            let wait = policy.wait(attempt, asked_wait);
            if deadline.is_some_and(|d| Instant::now() + wait >= d) {
                return Err(error);
            }
            tracing::debug!(%error, wait_ms = wait.as_millis() as u64, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// One signed attempt; the error comes with the wait the service asked for, if any.
    async fn attempt(
        &self,
        op: &'static OperationInfo,
        outgoing: &Outgoing,
        call: &PerCall,
        credentials: &Credentials,
        attempt: u32,
    ) -> (Result<Answer, Error>, Option<Duration>) {
        let inner = &*self.0;
        let endpoint = call.endpoint.as_ref().unwrap_or(&inner.endpoint);
        let span = tracing::debug_span!(
            "acs_attempt",
            attempt,
            status = field::Empty,
            request_id = field::Empty,
            latency_ms = field::Empty,
        );
        async {
            let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
            let request = SigningRequest {
                host: endpoint.host(),
                method: op.binding.method,
                path: &outgoing.path,
                protocol: op.binding.protocol,
                action: op.action,
                version: inner.product.version,
                params: &outgoing.params,
                body: &outgoing.body,
                timestamp: &timestamp,
                nonce: &nonce,
            };
            let signed = inner.signature_version.sign(&request, credentials);
            let started = Instant::now();
            let response = transport::exchange(
                &*inner.http,
                endpoint.origin(),
                signed,
                call.attempt_timeout,
                inner.max_response_bytes,
            )
            .await;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            let (result, wait) = match response {
                Err(error) => (Err(error), None),
                Ok(raw) => {
                    span.record("status", raw.status);
                    if let Some(id) = raw.headers.get(REQUEST_ID_HEADER) {
                        span.record("request_id", id.to_str().unwrap_or_default());
                    }
                    let wait = retry_after(&raw.headers);
                    let status = raw.status;
                    let content_type = raw
                        .headers
                        .get(CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    let result = parse_raw(&raw).map(|body| Answer {
                        status,
                        content_type,
                        headers: raw.headers,
                        body,
                    });
                    (result, wait)
                }
            };
            match &result {
                Ok(_) => tracing::debug!("attempt succeeded"),
                Err(error) => {
                    if let Some(id) = error.request_id() {
                        span.record("request_id", id);
                    }
                    tracing::debug!(%error, "attempt failed");
                }
            }
            (result, wait)
        }
        .instrument(span.clone())
        .await
    }
}

/// What one call sends on every attempt: its parameters, its path (the binding's template
/// with the path values encoded) and its body, made once.
struct Outgoing {
    params: Params,
    path: String,
    body: Body,
}

impl Outgoing {
    fn of(op: &OperationInfo, params: Params) -> Result<Self, Error> {
        let (path, body) = path_and_body(op, &params)?;
        Ok(Self { params, path, body })
    }
}

/// The path (the binding's template with the path values encoded) and the body `op` sends
/// with `params`, or why they cannot be sent: a path value missing or addressing another
/// path, or a body on a method that has none.
pub fn path_and_body(op: &OperationInfo, params: &Params) -> Result<(String, Body), Error> {
    let binding = op.binding;
    let path = match binding.protocol {
        Protocol::Rpc => binding.path.to_owned(),
        Protocol::Roa => render_path(binding.path, params.path())
            .map_err(|why| Error::Config(format!("{}: {why}", op.action)))?,
    };
    let body = Body::of(binding.body, params.body(), params.payload());
    let method = binding.method;
    if !method.has_body() && !body.is_empty() {
        let keys: Vec<&str> = params.body().iter().map(|(key, _)| key).collect();
        let what = match keys.is_empty() {
            true => "its body".to_owned(),
            false => format!("its form parameters ({})", keys.join(", ")),
        };
        return Err(Error::Config(format!(
            "{} is sent with {method}, which has no body: {what} cannot be sent",
            op.action
        )));
    }
    Ok((path, body))
}

/// The configuration of one call: the client's, with its per-call settings over it.
struct PerCall {
    endpoint: Option<Endpoint>,
    attempt_timeout: Duration,
    deadline: Option<Duration>,
    retry: Option<RetryPolicy>,
    headers: Option<ExtraHeaders>,
}

/// A successful response: its status, content type and body.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The HTTP status, 2xx.
    pub status: u16,
    /// The `Content-Type` header, if it was sent and is text.
    pub content_type: Option<String>,
    /// Every header, for the fields a REST answer documents in its headers.
    pub(crate) headers: reqwest::header::HeaderMap,
    /// The body as received.
    pub body: Bytes,
}

impl Answer {
    /// The first value of the header `name`, whatever its case, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)?.to_str().ok()
    }
}

impl fmt::Debug for RpcClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        f.debug_struct("RpcClient")
            .field("product", &inner.product.product)
            .field("version", &inner.product.version)
            .field("endpoint", &inner.endpoint.url())
            .field("credentials", &inner.credentials)
            .field("signature_version", &inner.signature_version)
            .field("retry", &inner.retry)
            .field("attempt_timeout", &inner.attempt_timeout)
            .field("deadline", &inner.deadline)
            .finish_non_exhaustive()
    }
}

/// Parses a JSON body into `T`; a plain function so [`Invoke`] can hold it as a pointer.
fn parse<T: DeserializeOwned>(body: &[u8]) -> serde_json::Result<T> {
    serde_json::from_slice(body)
}

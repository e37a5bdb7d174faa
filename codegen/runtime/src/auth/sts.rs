//! STS, the service that issues temporary credentials: its endpoint, and the `AssumeRole`
//! (signed with the source credentials) and `AssumeRoleWithOIDC` (anonymous) calls.

use crate::wire::{Binding, BodyKind, Method, Protocol};
use serde_json::Value;

use super::fetch::{self, Http};
use super::session::Session;
use super::{Credentials, CredentialsError, Env, SignedRequest, SigningRequest};
use super::{FORM_CONTENT_TYPE, canonical_query};
use crate::client::{Endpoint, ProductInfo, transport};
use crate::params::{Body, Params};

/// The variable holding an explicit STS endpoint (a host, or an `https://` URL; `http://`
/// only to a loopback host).
pub const STS_ENDPOINT_VAR: &str = "ALIBABA_CLOUD_STS_ENDPOINT";
/// The variable naming the region whose STS endpoint is used.
pub const STS_REGION_VAR: &str = "ALIBABA_CLOUD_STS_REGION";
/// The variable that, set to `true`, chooses the VPC endpoint of the STS region.
pub const VPC_ENDPOINT_VAR: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

const SOURCE: &str = "STS";
const VERSION: &str = "2015-04-01";
const STS: ProductInfo = ProductInfo {
    product: "Sts",
    version: VERSION,
    endpoint_pattern: "sts.{region}.aliyuncs.com",
    regional_endpoints: &[],
};
const STS_VPC: ProductInfo = ProductInfo {
    endpoint_pattern: "sts-vpc.{region}.aliyuncs.com",
    ..STS
};

/// Where STS calls go, and how.
#[derive(Clone, Debug)]
pub(crate) struct Sts {
    endpoint: Result<Endpoint, String>,
    http: Http,
}

impl Sts {
    /// STS as `env` configures it: `ALIBABA_CLOUD_STS_ENDPOINT`, else the endpoint of
    /// `region` (a profile's `sts_region`) or `ALIBABA_CLOUD_STS_REGION`, else
    /// `sts.aliyuncs.com`.
    pub(crate) fn new(env: &Env, region: Option<&str>) -> Self {
        let explicit = env.var(STS_ENDPOINT_VAR);
        let region = region
            .map(str::to_owned)
            .or_else(|| env.var(STS_REGION_VAR));
        let product = match env.var(VPC_ENDPOINT_VAR) {
            Some(v) if v.eq_ignore_ascii_case("true") => &STS_VPC,
            _ => &STS,
        };
        let endpoint = match (&explicit, &region) {
            (None, None) => Endpoint::resolve(product, None, Some("sts.aliyuncs.com"), false),
            _ => Endpoint::resolve(product, region.as_deref(), explicit.as_deref(), false),
        };
        Self {
            endpoint: endpoint.map_err(|e| e.to_string()),
            http: Http::new(env),
        }
    }

    /// `AssumeRole`, signed with `source`.
    pub(crate) async fn assume_role(
        &self,
        source: &Credentials,
        params: &Params,
    ) -> Result<Session, CredentialsError> {
        let endpoint = self.endpoint()?;
        let (timestamp, nonce) = (super::timestamp(), super::nonce());
        let body = Body::of(BodyKind::Form, params.body(), params.payload());
        let request = SigningRequest {
            host: endpoint.host(),
            method: Method::Post,
            path: Binding::RPC_PATH,
            protocol: Protocol::Rpc,
            action: "AssumeRole",
            version: VERSION,
            params,
            body: &body,
            timestamp: &timestamp,
            nonce: &nonce,
        };
        // Signed without any extra header of the caller's scope: those are for its calls.
        self.send(endpoint, super::sign_v3::sign(&request, source))
            .await
    }

    /// `AssumeRoleWithOIDC`: anonymous, the OIDC token is the proof.
    pub(crate) async fn assume_role_with_oidc(
        &self,
        params: &Params,
    ) -> Result<Session, CredentialsError> {
        let endpoint = self.endpoint()?;
        let (timestamp, nonce) = (super::timestamp(), super::nonce());
        let common = [
            ("Action", "AssumeRoleWithOIDC"),
            ("Format", "JSON"),
            ("Version", VERSION),
            ("Timestamp", timestamp.as_str()),
            ("SignatureNonce", nonce.as_str()),
        ];
        let query = canonical_query(common.into_iter().chain(params.query().iter()));
        let signed = SignedRequest {
            method: Method::Post,
            path: Binding::RPC_PATH,
            query,
            body: params.encoded_body().into(),
            headers: vec![
                ("host", endpoint.host().into()),
                ("content-type", FORM_CONTENT_TYPE.into()),
            ],
        };
        self.send(endpoint, signed).await
    }

    fn endpoint(&self) -> Result<&Endpoint, CredentialsError> {
        self.endpoint
            .as_ref()
            .map_err(|reason| CredentialsError::Source {
                source_name: SOURCE,
                reason: format!("{STS_ENDPOINT_VAR}: {reason}"),
            })
    }

    async fn send(
        &self,
        endpoint: &Endpoint,
        signed: SignedRequest<'_>,
    ) -> Result<Session, CredentialsError> {
        let client = self.http.client(SOURCE)?;
        let raw = transport::exchange(client, endpoint.origin(), signed, fetch::TIMEOUT, 1 << 20)
            .await
            .map_err(|e| fetch::failed(SOURCE, &e))?;
        let body = crate::client::parse_raw(&raw).map_err(|e| fetch::failed(SOURCE, &e))?;
        let answer: Value =
            serde_json::from_slice(&body).map_err(|_| CredentialsError::Source {
                source_name: SOURCE,
                reason: "the answer is not JSON".to_owned(),
            })?;
        Session::from_json(SOURCE, &answer["Credentials"])
    }
}

/// A session name for roles assumed without one: `acs-runtime-<unix milliseconds>`.
pub(crate) fn default_session_name() -> String {
    let millis = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    format!("acs-runtime-{millis}")
}

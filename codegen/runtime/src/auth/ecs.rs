//! The RAM role of an ECS instance, from the instance metadata service (token first).

use std::time::Duration;

use serde_json::Value;

use super::fetch::Http;
use super::session::{Cache, Session};
use super::{CredentialsError, Env, ProvideCredentials, ProvideFuture};

/// The variable naming the instance's RAM role (else it is discovered).
pub const ECS_METADATA_VAR: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// The variable that, set to `true`, keeps the default chain away from the metadata service.
pub const ECS_METADATA_DISABLED_VAR: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// The variable that, set to `true`, forbids metadata requests without a token.
pub const IMDSV1_DISABLED_VAR: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";

/// The metadata service of every ECS instance.
pub const METADATA_BASE_URL: &str = "http://100.100.100.200";

const SOURCE: &str = "ECS instance metadata";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";
const TOKEN_TTL_SECONDS: &str = "21600";
/// The metadata service answers at once or not at all (off ECS).
const TIMEOUT: Duration = Duration::from_secs(2);

/// Credentials of the instance's RAM role, refreshed before they expire.
///
/// Asks the metadata service for a session token first (IMDSv2) and sends it with every
/// request; without a token, falls back to plain requests unless
/// `ALIBABA_CLOUD_IMDSV1_DISABLED=true`. The role is `ALIBABA_CLOUD_ECS_METADATA`, else the
/// one the service lists; either must be a RAM role name (letters, digits, `.`, `-`, `_`),
/// checked before it goes into a URL.
#[derive(Debug)]
pub struct EcsRamRole {
    role_name: Option<String>,
    base_url: String,
    imdsv1_disabled: bool,
    http: Http,
    cache: Cache,
}

impl EcsRamRole {
    /// The role `env` names, from the metadata service at [`METADATA_BASE_URL`].
    pub fn new(env: &Env) -> Self {
        Self {
            role_name: env.var(ECS_METADATA_VAR),
            base_url: METADATA_BASE_URL.to_owned(),
            imdsv1_disabled: env
                .var(IMDSV1_DISABLED_VAR)
                .is_some_and(|v| v.eq_ignore_ascii_case("true")),
            http: Http::new(env),
            cache: Cache::default(),
        }
    }

    /// Uses this role instead of discovering it.
    pub fn with_role_name(mut self, name: impl Into<String>) -> Self {
        self.role_name = Some(name.into());
        self
    }

    /// Asks the metadata service at this URL (`http://host:port`, no path) instead.
    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_owned();
        self
    }

    async fn fetch(&self) -> Result<Session, CredentialsError> {
        let token = self.token().await?;
        let role = match &self.role_name {
            Some(role) => role.clone(),
            None => {
                let listed = self.get(CREDENTIALS_PATH, token.as_deref()).await?;
                listed
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(str::to_owned)
                    .ok_or_else(|| source_error("the instance has no RAM role".to_owned()))?
            }
        };
        check_role_name(&role)?;
        let text = self
            .get(&format!("{CREDENTIALS_PATH}{role}"), token.as_deref())
            .await?;
        let answer: Value = serde_json::from_str(&text)
            .map_err(|_| source_error(format!("the credentials of role {role:?} are not JSON")))?;
        match answer.get("Code").and_then(Value::as_str) {
            Some("Success") => Session::from_json(SOURCE, &answer),
            code => Err(source_error(format!(
                "the credentials of role {role:?} come with code {code:?}, not \"Success\""
            ))),
        }
    }

    /// A metadata session token; `None` when the service gives none and plain requests are
    /// allowed.
    async fn token(&self) -> Result<Option<String>, CredentialsError> {
        let client = self.http.client(SOURCE)?;
        let request = client
            .put(format!("{}/latest/api/token", self.base_url))
            .header("X-aliyun-ecs-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS);
        match self.http.text(SOURCE, request, TIMEOUT).await {
            Ok(token) => Ok(Some(token.trim().to_owned())),
            Err(error) if self.imdsv1_disabled => Err(error),
            Err(error) => {
                tracing::debug!(%error, "no metadata token; asking without one");
                Ok(None)
            }
        }
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Result<String, CredentialsError> {
        let client = self.http.client(SOURCE)?;
        let mut request = client.get(format!("{}{path}", self.base_url));
        if let Some(token) = token {
            request = request.header("X-aliyun-ecs-metadata-token", token);
        }
        self.http.text(SOURCE, request, TIMEOUT).await
    }
}

impl ProvideCredentials for EcsRamRole {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.cache.get(|| self.fetch()))
    }
}

/// The longest RAM role name.
const MAX_ROLE_NAME: usize = 64;

/// Refuses a role name that is not a RAM role name (1 to 64 letters, digits, `.`, `-`, `_`, not
/// only dots) before it becomes part of a metadata URL: `../../latest/user-data` would reach
/// another metadata path.
fn check_role_name(role: &str) -> Result<(), CredentialsError> {
    let valid = (1..=MAX_ROLE_NAME).contains(&role.len())
        && role
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        && !role.bytes().all(|b| b == b'.');
    if valid {
        return Ok(());
    }
    let shown: String = role.chars().take(MAX_ROLE_NAME).collect();
    Err(source_error(format!(
        "{shown:?} is not a RAM role name (1 to {MAX_ROLE_NAME} letters, digits, `.`, `-`, `_`)"
    )))
}

fn source_error(reason: String) -> CredentialsError {
    CredentialsError::Source {
        source_name: SOURCE,
        reason,
    }
}

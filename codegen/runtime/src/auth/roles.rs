//! Providers that assume a RAM role through STS: with credentials (`AssumeRole`) or with an
//! OIDC token (`AssumeRoleWithOIDC`, how ACK pods authenticate with RRSA).

use std::path::PathBuf;
use std::sync::Arc;

use super::session::{Cache, Session};
use super::sts::{Sts, default_session_name};
use super::{CredentialsError, Env, ProvideCredentials, ProvideFuture};
use crate::params::{Location, Params};

/// The variable holding the ARN of the role to assume with an OIDC token.
pub const ROLE_ARN_VAR: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// The variable holding the ARN of the OIDC identity provider.
pub const OIDC_PROVIDER_ARN_VAR: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// The variable holding the path of the OIDC token file.
pub const OIDC_TOKEN_FILE_VAR: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
/// The variable holding the session name of assumed roles.
pub const ROLE_SESSION_NAME_VAR: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";

/// How long assumed-role credentials last unless configured: one hour.
pub const DEFAULT_DURATION_SECONDS: u32 = 3600;

/// What both ways of assuming a role send besides their proof.
#[derive(Clone, Debug)]
struct Role {
    arn: String,
    session_name: String,
    duration_seconds: u32,
    policy: Option<String>,
}

impl Role {
    fn new(env: &Env, arn: String) -> Self {
        Self {
            arn,
            session_name: env
                .var(ROLE_SESSION_NAME_VAR)
                .unwrap_or_else(default_session_name),
            duration_seconds: DEFAULT_DURATION_SECONDS,
            policy: None,
        }
    }

    fn params(&self, location: Location) -> Params {
        let mut params = Params::new();
        params.push(location, "RoleArn", self.arn.as_str());
        params.push(location, "RoleSessionName", self.session_name.as_str());
        params.push(
            location,
            "DurationSeconds",
            self.duration_seconds.to_string(),
        );
        if let Some(policy) = &self.policy {
            params.push(location, "Policy", policy.as_str());
        }
        params
    }
}

macro_rules! role_settings {
    () => {
        /// Names the session (`RoleSessionName`); else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else
        /// `acs-runtime-<unix milliseconds>`.
        pub fn with_session_name(mut self, name: impl Into<String>) -> Self {
            self.role.session_name = name.into();
            self
        }

        /// How long the credentials last (`DurationSeconds`); one hour unless set.
        pub fn with_duration_seconds(mut self, seconds: u32) -> Self {
            self.role.duration_seconds = seconds;
            self
        }

        /// Restricts the session to this policy document (`Policy`).
        pub fn with_policy(mut self, policy: impl Into<String>) -> Self {
            self.role.policy = Some(policy.into());
            self
        }

        /// Calls the STS endpoint of this region instead of the environment's.
        pub fn with_sts_region(mut self, region: &str) -> Self {
            self.sts = Sts::new(&self.env, Some(region));
            self
        }
    };
}

/// Temporary credentials of a RAM role, assumed with `AssumeRole` and the credentials of
/// `source`; refreshed before they expire.
#[derive(Debug)]
pub struct AssumeRole {
    source: Arc<dyn ProvideCredentials>,
    role: Role,
    external_id: Option<String>,
    env: Env,
    sts: Sts,
    cache: Cache,
}

impl AssumeRole {
    /// Assumes `role_arn` with the credentials of `source`, calling STS as `env` says
    /// (`ALIBABA_CLOUD_STS_ENDPOINT`, `ALIBABA_CLOUD_STS_REGION`).
    pub fn new(
        env: &Env,
        source: Arc<dyn ProvideCredentials>,
        role_arn: impl Into<String>,
    ) -> Self {
        Self {
            source,
            role: Role::new(env, role_arn.into()),
            external_id: None,
            env: env.clone(),
            sts: Sts::new(env, None),
            cache: Cache::default(),
        }
    }

    role_settings!();

    /// The external id the role's trust policy asks for (`ExternalId`).
    pub fn with_external_id(mut self, id: impl Into<String>) -> Self {
        self.external_id = Some(id.into());
        self
    }

    async fn fetch(&self) -> Result<Session, CredentialsError> {
        let source = self.source.provide_credentials().await?;
        let mut params = self.role.params(Location::Query);
        if let Some(id) = &self.external_id {
            params.push(Location::Query, "ExternalId", id.as_str());
        }
        self.sts.assume_role(&source, &params).await
    }
}

impl ProvideCredentials for AssumeRole {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.cache.get(|| self.fetch()))
    }
}

/// Temporary credentials of a RAM role, assumed with `AssumeRoleWithOIDC` and the token of
/// an OIDC token file (read anew on every refresh, as the file is rotated; only a regular file
/// of at most 1 MiB is read).
#[derive(Debug)]
pub struct OidcRole {
    role: Role,
    provider_arn: String,
    token_file: PathBuf,
    env: Env,
    sts: Sts,
    cache: Cache,
}

impl OidcRole {
    /// Assumes `role_arn` with the token in `token_file` issued by `provider_arn`.
    pub fn new(
        env: &Env,
        role_arn: impl Into<String>,
        provider_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
    ) -> Self {
        Self {
            role: Role::new(env, role_arn.into()),
            provider_arn: provider_arn.into(),
            token_file: token_file.into(),
            env: env.clone(),
            sts: Sts::new(env, None),
            cache: Cache::default(),
        }
    }

    /// The provider `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and
    /// `ALIBABA_CLOUD_OIDC_TOKEN_FILE` configure; `None` unless all three are set.
    pub fn from_env(env: &Env) -> Option<Self> {
        Some(Self::new(
            env,
            env.var(ROLE_ARN_VAR)?,
            env.var(OIDC_PROVIDER_ARN_VAR)?,
            env.var(OIDC_TOKEN_FILE_VAR)?,
        ))
    }

    role_settings!();

    async fn fetch(&self) -> Result<Session, CredentialsError> {
        let token =
            super::env::read_local(&self.token_file).map_err(|e| CredentialsError::Source {
                source_name: "OIDC",
                reason: format!(
                    "cannot read the token file {}: {e}",
                    self.token_file.display()
                ),
            })?;
        let mut params = self.role.params(Location::Form);
        params.push(
            Location::Form,
            "OIDCProviderArn",
            self.provider_arn.as_str(),
        );
        params.push(Location::Form, "OIDCToken", token.trim());
        self.sts.assume_role_with_oidc(&params).await
    }
}

impl ProvideCredentials for OidcRole {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.cache.get(|| self.fetch()))
    }
}

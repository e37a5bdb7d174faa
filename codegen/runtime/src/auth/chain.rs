//! The default credentials chain, in the order of Alibaba Cloud's official credentials
//! libraries.

use std::sync::Arc;

use tokio::sync::OnceCell;

use super::ecs::ECS_METADATA_DISABLED_VAR;
use super::{
    ACCESS_KEY_ID_VAR, ACCESS_KEY_SECRET_VAR, Credentials, CredentialsError, CredentialsFile,
    CredentialsUri, EcsRamRole, Env, EnvProvider, OidcRole, ProfileFile, ProvideCredentials,
    ProvideFuture,
};

/// The default chain: the first of these sources that provides credentials is used from
/// then on (temporary credentials refreshed as they near expiry):
///
/// 1. `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` (and `_SECURITY_TOKEN`);
/// 2. OIDC role (RRSA): `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
///    `ALIBABA_CLOUD_OIDC_TOKEN_FILE`;
/// 3. the CLI's profile file `~/.aliyun/config.json` (see [`super::Profile`] for the modes);
/// 4. the credentials libraries' file `~/.alibabacloud/credentials` (or
///    `ALIBABA_CLOUD_CREDENTIALS_FILE`), section `ALIBABA_CLOUD_PROFILE` or `default` (see
///    [`CredentialsFile`] for the types);
/// 5. the RAM role of the ECS instance, unless `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`;
/// 6. `ALIBABA_CLOUD_CREDENTIALS_URI`.
///
/// A source that fails (an unsupported profile mode, an unreachable service) does not stop
/// the chain; when none provides credentials, the error says what each one answered.
/// (Explicit credentials in the client configuration take precedence over the chain.)
#[derive(Debug)]
pub struct DefaultChain {
    env: Env,
    profile: ProfileFile,
    file: CredentialsFile,
    only_profile: bool,
    metadata_base_url: Option<String>,
    chosen: OnceCell<Arc<dyn ProvideCredentials>>,
}

impl DefaultChain {
    /// The chain over the process environment and `~/.aliyun/config.json`.
    pub fn new() -> Self {
        Self::with_env(Env::process())
    }

    /// The chain over `env` and the profile file in `env`'s home directory.
    pub fn with_env(env: Env) -> Self {
        Self {
            profile: ProfileFile::from_env(&env),
            file: CredentialsFile::from_env(&env),
            env,
            only_profile: false,
            metadata_base_url: None,
            chosen: OnceCell::new(),
        }
    }

    /// Uses this profile of the profile file and no other source, as the CLI's `--profile`
    /// does.
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = self.profile.with_profile(name);
        self.only_profile = true;
        self
    }

    /// Asks the instance metadata service at this URL (`http://host:port`) instead of
    /// `100.100.100.200`.
    pub fn with_metadata_base_url(mut self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.profile = self.profile.with_metadata_base_url(url.as_str());
        self.file = self.file.with_metadata_base_url(url.as_str());
        self.metadata_base_url = Some(url);
        self
    }

    /// The first source that provides credentials, with the credentials it provided.
    async fn choose(&self) -> Result<(Arc<dyn ProvideCredentials>, Credentials), CredentialsError> {
        if self.only_profile {
            let provider = self.profile_provider()?;
            let credentials = provider.provide_credentials().await?;
            return Ok((provider, credentials));
        }
        let mut looked = Vec::new();
        if let Some(credentials) = EnvProvider::new(self.env.clone()).load() {
            return Ok((Arc::new(credentials.clone()), credentials));
        }
        looked.push(format!(
            "{ACCESS_KEY_ID_VAR}/{ACCESS_KEY_SECRET_VAR}: not set"
        ));
        let mut candidates: Vec<Arc<dyn ProvideCredentials>> = Vec::new();
        match OidcRole::from_env(&self.env) {
            Some(oidc) => candidates.push(Arc::new(oidc)),
            None => looked.push("OIDC role: not configured".to_owned()),
        }
        match self.profile_provider() {
            Ok(provider) => candidates.push(provider),
            Err(error) => looked.push(error.to_string()),
        }
        match self.file.provider() {
            Ok(provider) => candidates.push(provider),
            Err(CredentialsError::NotFound(why)) => looked.push(why),
            Err(error) => looked.push(error.to_string()),
        }
        let disabled = self
            .env
            .var(ECS_METADATA_DISABLED_VAR)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        if disabled {
            looked.push(format!(
                "ECS instance metadata: {ECS_METADATA_DISABLED_VAR}=true"
            ));
        } else {
            let mut ecs = EcsRamRole::new(&self.env);
            if let Some(url) = &self.metadata_base_url {
                ecs = ecs.with_base_url(url.as_str());
            }
            candidates.push(Arc::new(ecs));
        }
        if let Some(uri) = CredentialsUri::from_env(&self.env) {
            candidates.push(Arc::new(uri));
        }
        for candidate in candidates {
            match candidate.provide_credentials().await {
                Ok(credentials) => return Ok((candidate, credentials)),
                Err(error) => {
                    tracing::debug!(%error, "credentials source skipped");
                    looked.push(error.to_string());
                }
            }
        }
        Err(CredentialsError::NotFound(looked.join("; ")))
    }

    fn profile_provider(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        match self.profile.load()? {
            Some(profile) => profile.credentials_provider(),
            None => Err(CredentialsError::NotFound(self.profile.describe())),
        }
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(async {
            let mut first = None;
            let chosen = self
                .chosen
                .get_or_try_init(|| async {
                    let (provider, credentials) = self.choose().await?;
                    first = Some(credentials);
                    Ok::<_, CredentialsError>(provider)
                })
                .await?;
            match first {
                Some(credentials) => Ok(credentials),
                None => chosen.provide_credentials().await,
            }
        })
    }
}

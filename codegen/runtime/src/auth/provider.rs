//! Credential providers: static keys, environment variables, the profile file, the default chain.

use std::fmt;
use std::future::{Future, ready};
use std::pin::Pin;
use std::sync::Mutex;

use super::{Credentials, CredentialsError, Env, ProfileFile};

/// The variable holding the AccessKeyId.
pub const ACCESS_KEY_ID_VAR: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// The variable holding the AccessKeySecret.
pub const ACCESS_KEY_SECRET_VAR: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// The variable holding the STS security token, for temporary credentials.
pub const SECURITY_TOKEN_VAR: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

/// The future a provider returns.
pub type ProvideFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials, asked once per call.
///
/// Asynchronous so that providers fetching credentials over the network fit the same slot.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// The credentials to sign the next call with.
    fn provide_credentials(&self) -> ProvideFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(ready(Ok(self.clone())))
    }
}

/// Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`
/// and the optional `ALIBABA_CLOUD_SECURITY_TOKEN`.
#[derive(Clone, Debug, Default)]
pub struct EnvProvider {
    env: Env,
}

impl EnvProvider {
    /// Reads the variables from `env`.
    pub fn new(env: Env) -> Self {
        Self { env }
    }

    /// The credentials, or `None` when the key pair is not fully set.
    pub fn load(&self) -> Option<Credentials> {
        let id = self.env.var(ACCESS_KEY_ID_VAR)?;
        let secret = self.env.var(ACCESS_KEY_SECRET_VAR)?;
        Some(match self.env.var(SECURITY_TOKEN_VAR) {
            Some(token) => Credentials::sts(id, secret, token),
            None => Credentials::new(id, secret),
        })
    }
}

impl ProvideCredentials for EnvProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        let found = self.load().ok_or_else(|| {
            CredentialsError::NotFound(format!("{ACCESS_KEY_ID_VAR}/{ACCESS_KEY_SECRET_VAR}"))
        });
        Box::pin(ready(found))
    }
}

impl ProvideCredentials for ProfileFile {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        let found = self.load().and_then(|profile| {
            profile
                .map(|p| p.credentials)
                .ok_or_else(|| CredentialsError::NotFound(self.describe()))
        });
        Box::pin(ready(found))
    }
}

impl ProfileFile {
    fn describe(&self) -> String {
        match self.path() {
            Some(path) => path.display().to_string(),
            None => "the profile file (no home directory)".to_owned(),
        }
    }
}

/// The default chain: environment variables, then the CLI's profile file.
///
/// (Explicit credentials in the client configuration take precedence over the chain.)
/// The first credentials found are kept for the life of the chain, so the profile file
/// is read once, not on every call.
#[derive(Debug)]
pub struct DefaultChain {
    env: EnvProvider,
    profile: ProfileFile,
    found: Mutex<Option<Credentials>>,
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
            env: EnvProvider::new(env),
            found: Mutex::new(None),
        }
    }

    /// Looks the credentials up (or returns those found before).
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(credentials) = &*found {
            return Ok(credentials.clone());
        }
        let credentials = match self.env.load() {
            Some(credentials) => credentials,
            None => match self.profile.load()? {
                Some(profile) => profile.credentials,
                None => {
                    return Err(CredentialsError::NotFound(format!(
                        "{ACCESS_KEY_ID_VAR}/{ACCESS_KEY_SECRET_VAR}, {}",
                        self.profile.describe()
                    )));
                }
            },
        };
        *found = Some(credentials.clone());
        Ok(credentials)
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(ready(self.load()))
    }
}

//! The credential provider trait, and the providers that need no I/O: static keys and
//! environment variables.

use std::fmt;
use std::future::{Future, ready};
use std::pin::Pin;

use super::{Credentials, CredentialsError, Env};

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

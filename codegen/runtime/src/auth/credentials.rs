//! Access keys and STS tokens, with a `Debug` that never shows a secret.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// An AccessKey pair, optionally with the security token of temporary (STS) credentials.
///
/// Cheap to clone. `Debug` shows the AccessKeyId and hides the secret and the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Arc<Keys>);

#[derive(PartialEq, Eq)]
struct Keys {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
}

impl Credentials {
    /// Long-term credentials: an AccessKeyId and its AccessKeySecret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self(Arc::new(Keys {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: None,
        }))
    }

    /// Temporary credentials issued by STS: the key pair plus its security token.
    pub fn sts(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<String>,
        security_token: impl Into<String>,
    ) -> Self {
        Self(Arc::new(Keys {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: Some(security_token.into()),
        }))
    }

    /// The AccessKeyId, sent with every request.
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The AccessKeySecret; only ever used as a signing key.
    pub fn access_key_secret(&self) -> &str {
        &self.0.access_key_secret
    }

    /// The STS security token, for temporary credentials.
    pub fn security_token(&self) -> Option<&str> {
        self.0.security_token.as_deref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.0.access_key_id)
            .field("access_key_secret", &"** redacted **")
            .field(
                "security_token",
                &self.0.security_token.as_ref().map(|_| "** redacted **"),
            )
            .finish()
    }
}

/// Why no credentials could be had. Never contains a secret.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// No source in the chain had credentials; lists where it looked.
    #[error("no credentials found (looked in: {0})")]
    NotFound(String),
    /// The profile file exists but cannot be read.
    #[error("cannot read the profile file {path}: {source}")]
    Io {
        /// The profile file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A source of temporary credentials (STS, the instance metadata service, a credentials
    /// URI) failed to provide them.
    #[error("{source_name}: {reason}")]
    Source {
        /// Which source, e.g. `ECS instance metadata`.
        source_name: &'static str,
        /// What went wrong, without any secret.
        reason: String,
    },
    /// The profile file or the chosen profile is unusable.
    #[error("profile file {path}: {reason}")]
    InvalidProfile {
        /// The profile file.
        path: PathBuf,
        /// What is wrong, without any value from the file.
        reason: String,
    },
}

//! Access keys and STS tokens, with a `Debug` that never shows a secret.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// An AccessKey pair, optionally with the security token of temporary (STS) credentials.
///
/// Cheap to clone. `Debug` shows the AccessKeyId and hides the secret and the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Arc<Keys>);

struct Keys {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    /// HMAC-SHA256 keyed with the secret, derived once: each V3 signature starts from a copy.
    v3_mac: OnceLock<Hmac<Sha256>>,
}

impl Keys {
    fn new(id: String, secret: String, token: Option<String>) -> Self {
        Self {
            access_key_id: id,
            access_key_secret: secret,
            security_token: token,
            v3_mac: OnceLock::new(),
        }
    }
}

impl PartialEq for Keys {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.access_key_id,
            &self.access_key_secret,
            &self.security_token,
        ) == (
            &other.access_key_id,
            &other.access_key_secret,
            &other.security_token,
        )
    }
}

impl Eq for Keys {}

impl Credentials {
    /// Long-term credentials: an AccessKeyId and its AccessKeySecret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self(Arc::new(Keys::new(
            access_key_id.into(),
            access_key_secret.into(),
            None,
        )))
    }

    /// Temporary credentials issued by STS: the key pair plus its security token.
    pub fn sts(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<String>,
        security_token: impl Into<String>,
    ) -> Self {
        Self(Arc::new(Keys::new(
            access_key_id.into(),
            access_key_secret.into(),
            Some(security_token.into()),
        )))
    }

    /// The AccessKeyId, sent with every request.
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The AccessKeySecret; only ever used as a signing key.
    pub fn access_key_secret(&self) -> &str {
        &self.0.access_key_secret
    }

    /// HMAC-SHA256 keyed with the secret, ready for the string to sign of a V3 signature (the
    /// key's padding blocks are hashed once per credentials, not once per request).
    pub(crate) fn v3_mac(&self) -> Hmac<Sha256> {
        self.0
            .v3_mac
            .get_or_init(|| {
                Hmac::new_from_slice(self.access_key_secret().as_bytes())
                    .expect("HMAC accepts keys of any length")
            })
            .clone()
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

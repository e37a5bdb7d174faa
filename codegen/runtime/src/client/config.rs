//! Client configuration and its builder.

mod network;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::{Credentials, Env, ProvideCredentials, SignatureVersion};

use super::RetryPolicy;
use super::endpoint::redact_url;
pub(crate) use network::Network;

/// How a client finds credentials and its endpoint, signs, times out and retries.
///
/// Built with [`Config::builder`]. `Debug` never shows a secret (an endpoint's user, password
/// and query values are hidden).
#[derive(Clone)]
pub struct Config {
    pub(crate) credentials: Option<Arc<dyn ProvideCredentials>>,
    pub(crate) env: Env,
    pub(crate) region: Option<String>,
    pub(crate) endpoint: Option<String>,
    pub(crate) allow_http: bool,
    pub(crate) signature_version: SignatureVersion,
    pub(crate) retry: RetryPolicy,
    pub(crate) attempt_timeout: Duration,
    pub(crate) deadline: Option<Duration>,
    pub(crate) max_response_bytes: u64,
    pub(crate) network: Network,
}

impl Config {
    /// Per-attempt timeout unless configured: connect, send and read one response.
    pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(15);
    /// Deadline of a whole call unless configured, retries and back-off included.
    pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
    /// The largest response body read unless configured: 64 MiB.
    pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 << 20;

    /// A builder with the defaults: the default credentials chain over the process
    /// environment, signature V3, [`RetryPolicy::standard`], HTTPS only, the platform's
    /// trusted roots, the proxy of the environment for HTTPS,
    /// [`Config::DEFAULT_ATTEMPT_TIMEOUT`], [`Config::DEFAULT_DEADLINE`] and
    /// [`Config::DEFAULT_MAX_RESPONSE_BYTES`].
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder(Config {
            credentials: None,
            env: Env::process(),
            region: None,
            endpoint: None,
            allow_http: false,
            signature_version: SignatureVersion::V3,
            retry: RetryPolicy::standard(),
            attempt_timeout: Self::DEFAULT_ATTEMPT_TIMEOUT,
            deadline: Some(Self::DEFAULT_DEADLINE),
            max_response_bytes: Self::DEFAULT_MAX_RESPONSE_BYTES,
            network: Network::default(),
        })
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("credentials", &self.credentials)
            .field("env", &self.env)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint.as_deref().map(redact_url))
            .field("allow_http", &self.allow_http)
            .field("signature_version", &self.signature_version)
            .field("retry", &self.retry)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("network", &self.network)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Self::builder().build()
    }
}

/// Builds a [`Config`]; every setting is optional.
#[derive(Clone, Debug)]
pub struct ConfigBuilder(Config);

impl ConfigBuilder {
    /// Signs with these credentials (long-term keys or STS) instead of the default chain.
    ///
    /// Without it, the default chain: `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET`
    /// (/ `_SECURITY_TOKEN`), the OIDC role (RRSA), `~/.aliyun/config.json`, the ECS instance's
    /// RAM role, `ALIBABA_CLOUD_CREDENTIALS_URI`.
    ///
    /// ```
    /// use acs_runtime::auth::Credentials;
    /// use acs_runtime::client::Config;
    ///
    /// let config = Config::builder()
    ///     .credentials(Credentials::new("my-access-key-id", "my-access-key-secret"))
    ///     .build();
    /// assert!(!format!("{config:?}").contains("my-access-key-secret"));
    /// ```
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// Asks this provider for credentials on each call instead of the default chain.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.0.credentials = Some(Arc::new(provider));
        self
    }

    /// Reads the default chain's variables and home directory from `env` instead of the
    /// process environment (the profile file's region too).
    pub fn env(mut self, env: Env) -> Self {
        self.0.env = env;
        self
    }

    /// The region, e.g. `cn-hangzhou`: chooses the endpoint, and is sent as `RegionId` by
    /// requests that leave it unset. Without it, `ALIBABA_CLOUD_REGION_ID`, else the profile
    /// file's `region_id`.
    ///
    /// ```
    /// use acs_runtime::client::Config;
    ///
    /// let config = Config::builder().region("cn-shanghai").build();
    /// # let _ = config;
    /// ```
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.0.region = Some(region.into());
        self
    }

    /// An explicit endpoint, overriding the region's: a host (HTTPS) or an `https://` or
    /// `http://` URL without a path.
    ///
    /// ```
    /// use acs_runtime::client::Config;
    ///
    /// // A VPC endpoint, a proxy or a test server; loopback may be plain http.
    /// let config = Config::builder()
    ///     .region("cn-hangzhou")
    ///     .endpoint("http://127.0.0.1:8080")
    ///     .build();
    /// # let _ = config;
    /// ```
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.0.endpoint = Some(endpoint.into());
        self
    }

    /// Allows an `http://` endpoint on a non-loopback host (loopback hosts always may).
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.0.allow_http = allow;
        self
    }

    /// Chooses the signature: V3 (the default) or V1.
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.0.signature_version = version;
        self
    }

    /// Sets the retry policy; [`RetryPolicy::disabled`] turns retries off. Only what is safe
    /// is resent: throttling and failures the service did not process, and idempotent
    /// operations after ambiguous failures.
    ///
    /// ```
    /// use std::time::Duration;
    /// use acs_runtime::client::{Config, RetryPolicy};
    ///
    /// let patient = Config::builder()
    ///     .retry_policy(
    ///         RetryPolicy::standard()
    ///             .with_max_attempts(5)
    ///             .with_base_delay(Duration::from_millis(200)),
    ///     )
    ///     .build();
    /// let once = Config::builder().retry_policy(RetryPolicy::disabled()).build();
    /// # let _ = (patient, once);
    /// ```
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.0.retry = policy;
        self
    }

    /// Limits each attempt: connecting, sending and reading the whole response.
    ///
    /// ```
    /// use std::time::Duration;
    /// use acs_runtime::client::Config;
    ///
    /// // Each attempt at most 5 s, the whole call (retries included) at most 20 s.
    /// let config = Config::builder()
    ///     .attempt_timeout(Duration::from_secs(5))
    ///     .deadline(Some(Duration::from_secs(20)))
    ///     .build();
    /// # let _ = config;
    /// ```
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.0.attempt_timeout = timeout;
        self
    }

    /// Limits a whole call, retries and back-off included; `None` removes the limit.
    pub fn deadline(mut self, deadline: Option<Duration>) -> Self {
        self.0.deadline = deadline;
        self
    }

    /// Reads at most this many bytes of a response body; a larger one fails with
    /// [`super::Error::ResponseTooLarge`] without being read further.
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.0.max_response_bytes = limit;
        self
    }

    /// The configuration.
    pub fn build(self) -> Config {
        self.0
    }
}

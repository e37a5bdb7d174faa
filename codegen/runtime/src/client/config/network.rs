//! The builder's network settings: trusted CAs, proxy, HTTP client, connect timeout, keep-alive.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::ConfigBuilder;
use crate::client::HttpClient;
use crate::client::redact_url;
use crate::client::tls::ExtraCa;

/// How the client reaches the service; see the [`ConfigBuilder`] methods that set each.
#[derive(Clone)]
pub(crate) struct Network {
    pub(crate) extra_cas: Vec<ExtraCa>,
    pub(crate) proxy: Option<String>,
    pub(crate) no_proxy: Option<String>,
    pub(crate) http_client: Option<Arc<dyn HttpClient>>,
    pub(crate) connect_timeout: Duration,
    pub(crate) tcp_keepalive: Option<Duration>,
}

impl Network {
    /// Connect timeout of the default HTTP client unless configured.
    pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    /// Interval of TCP keep-alive probes of the default HTTP client unless configured.
    pub(crate) const TCP_KEEPALIVE: Duration = Duration::from_secs(15);
}

impl Default for Network {
    fn default() -> Self {
        Self {
            extra_cas: Vec::new(),
            proxy: None,
            no_proxy: None,
            http_client: None,
            connect_timeout: Self::CONNECT_TIMEOUT,
            tcp_keepalive: Some(Self::TCP_KEEPALIVE),
        }
    }
}

impl fmt::Debug for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Network")
            .field("extra_cas", &self.extra_cas.len())
            .field("proxy", &self.proxy.as_deref().map(redact_url))
            .field("no_proxy", &self.no_proxy)
            .field("http_client", &self.http_client)
            .field("connect_timeout", &self.connect_timeout)
            .field("tcp_keepalive", &self.tcp_keepalive)
            .finish()
    }
}

impl ConfigBuilder {
    /// Trusts the CA certificates of this PEM text too (a private CA, a TLS-inspecting proxy),
    /// besides the platform's trusted roots (or those of `SSL_CERT_FILE` / `SSL_CERT_DIR`).
    ///
    /// PEM that holds no certificate fails [`RpcClient::new`](crate::client::RpcClient::new)
    /// with [`Error::Config`](crate::client::Error::Config). Applies to the default HTTP client.
    ///
    /// ```
    /// use acs_runtime::client::Config;
    ///
    /// # let pem = "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n";
    /// let config = Config::builder().ca_certificate_pem(pem).build();
    /// # let _ = config;
    /// ```
    pub fn ca_certificate_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        let pem = Arc::from(pem.as_ref());
        self.0.network.extra_cas.push(ExtraCa::Pem(pem));
        self
    }

    /// Trusts the CA certificates of this PEM file too, read when the client is built (a
    /// regular file of at most 1 MiB); see [`ca_certificate_pem`](Self::ca_certificate_pem).
    pub fn ca_certificate_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.0.network.extra_cas.push(ExtraCa::File(path.into()));
        self
    }

    /// Sends every request through this proxy: an `http://` (or `https://`) URL, with
    /// `user:password@` when the proxy asks for credentials. HTTPS goes through a `CONNECT`
    /// tunnel; plain-HTTP requests (a loopback endpoint) go through it too, since it was asked
    /// for explicitly. The password is never shown in errors or `Debug`.
    ///
    /// Without it, HTTPS requests use `HTTPS_PROXY` / `ALL_PROXY` (either case) and plain
    /// HTTP none. A URL that is not a proxy's fails [`RpcClient::new`](crate::client::RpcClient::new).
    ///
    /// ```
    /// use acs_runtime::client::Config;
    ///
    /// let config = Config::builder()
    ///     .proxy("http://user:secret@proxy.example.com:3128")
    ///     .no_proxy(["internal.example.com", "10.0.0.0/8"])
    ///     .build();
    /// assert!(!format!("{config:?}").contains("secret"));
    /// ```
    pub fn proxy(mut self, url: &str) -> Self {
        self.0.network.proxy = Some(url.to_owned());
        self
    }

    /// The hosts (names, `.suffix`es, IP addresses or CIDR ranges) reached without a proxy,
    /// instead of the list of `NO_PROXY` (either case).
    pub fn no_proxy<S: AsRef<str>>(mut self, hosts: impl IntoIterator<Item = S>) -> Self {
        let list: Vec<String> = hosts.into_iter().map(|h| h.as_ref().to_owned()).collect();
        self.0.network.no_proxy = Some(list.join(","));
        self
    }

    /// Sends requests with this client instead of the default one (reqwest over rustls).
    /// The CA, proxy, connect timeout and keep-alive settings then do not apply; signing,
    /// retries, timeouts and the response size limit do.
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.0.network.http_client = Some(Arc::new(client));
        self
    }

    /// Like [`http_client`](Self::http_client), with a client shared with other code.
    pub fn shared_http_client(mut self, client: Arc<dyn HttpClient>) -> Self {
        self.0.network.http_client = Some(client);
        self
    }

    /// Limits how long connecting (TCP and TLS) may take; 5 s unless set. Each attempt's
    /// whole exchange is limited by [`attempt_timeout`](Self::attempt_timeout) anyway.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.0.network.connect_timeout = timeout;
        self
    }

    /// Sends TCP keep-alive probes on idle connections at this interval (15 s unless set);
    /// `None` sends none.
    pub fn tcp_keepalive(mut self, interval: Option<Duration>) -> Self {
        self.0.network.tcp_keepalive = interval;
        self
    }
}

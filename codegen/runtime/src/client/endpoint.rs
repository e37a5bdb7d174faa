//! Endpoint resolution: explicit override, else the product's region map, else its pattern.

use std::net::IpAddr;

use reqwest::Url;

use super::{Error, ProductInfo};

/// Where a client sends its requests: HTTPS (or explicitly allowed HTTP) to one host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
    host: String,
}

impl Endpoint {
    /// Resolves the endpoint of `product`.
    ///
    /// An explicit `endpoint` wins: a host (`vpc.example.com`, `127.0.0.1:8080`) means HTTPS,
    /// or a URL with an `https://` or `http://` scheme and no path. `http://` is accepted only
    /// when `allow_http` is set or the host is a loopback address. Without an explicit endpoint,
    /// the product's per-region map is used, else its pattern with `{region}` replaced.
    pub fn resolve(
        product: &ProductInfo,
        region: Option<&str>,
        endpoint: Option<&str>,
        allow_http: bool,
    ) -> Result<Self, Error> {
        let text = match (endpoint, region) {
            (Some(endpoint), _) => endpoint.to_owned(),
            (None, Some(region)) => {
                if region.is_empty()
                    || !region
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                {
                    return Err(Error::Config(format!("invalid region id {region:?}")));
                }
                product
                    .regional_endpoints
                    .iter()
                    .find(|(r, _)| *r == region)
                    .map(|(_, host)| (*host).to_owned())
                    .unwrap_or_else(|| product.endpoint_pattern.replace("{region}", region))
            }
            (None, None) => {
                return Err(Error::Config(format!(
                    "no region and no endpoint for {}: set Config::builder().region(..), \
                     a region_id in the profile file, or an endpoint",
                    product.product
                )));
            }
        };
        Self::parse(&text, allow_http)
    }

    fn parse(text: &str, allow_http: bool) -> Result<Self, Error> {
        let bad = |why: &str| {
            let shown = redact_url(text);
            Error::Config(format!("invalid endpoint {shown:?}: {why}"))
        };
        let url = if text.contains("://") {
            Url::parse(text)
        } else {
            Url::parse(&format!("https://{text}"))
        }
        .map_err(|e| bad(&e.to_string()))?;
        let host = url.host_str().ok_or_else(|| bad("no host"))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad("credentials in the URL"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(bad("an endpoint has no path, query or fragment"));
        }
        match url.scheme() {
            "https" => {}
            "http" if allow_http || is_loopback(host) => {}
            "http" => {
                return Err(bad(
                    "plain http is only allowed for loopback hosts or with allow_http(true)",
                ));
            }
            _ => return Err(bad("the scheme must be https or http")),
        }
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        Ok(Self {
            base: format!("{}://{host}/", url.scheme()),
            host,
        })
    }

    /// The `host` header value: the host, with its port when not the scheme's default.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The URL of `/`, e.g. `https://vpc.aliyuncs.com/`.
    pub fn url(&self) -> &str {
        &self.base
    }

    /// Scheme and host, e.g. `https://vpc.aliyuncs.com`: the URL of a path is this and the path.
    pub fn origin(&self) -> &str {
        self.base.strip_suffix('/').unwrap_or(&self.base)
    }
}

/// `text`, a URL or a host, with what may be secret replaced by `***`: the user and password
/// before `@`, each query value and the fragment. Works on text that does not parse as a URL.
pub(crate) fn redact_url(text: &str) -> String {
    const HIDDEN: &str = "***";
    let (scheme, rest) = match text.find("://") {
        Some(at) => text.split_at(at + 3),
        None => ("", text),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let mut out = String::from(scheme);
    match authority.rfind('@') {
        Some(at) => {
            out.push_str(HIDDEN);
            out.push_str(&authority[at..]);
        }
        None => out.push_str(authority),
    }
    let (before_fragment, fragment) = match rest.find('#') {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (path, query) = match before_fragment.find('?') {
        Some(at) => (&before_fragment[..at], Some(&before_fragment[at + 1..])),
        None => (before_fragment, None),
    };
    out.push_str(path);
    if let Some(query) = query {
        out.push('?');
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) => format!("{key}={HIDDEN}"),
                None if pair.is_empty() => String::new(),
                None => HIDDEN.to_owned(),
            })
            .collect();
        out.push_str(&pairs.join("&"));
    }
    if fragment.is_some_and(|f| !f.is_empty()) {
        out.push('#');
        out.push_str(HIDDEN);
    }
    out
}

/// Whether a URL's host (`localhost`, `127.x.y.z`, `[::1]`) stays on this machine.
pub(crate) fn is_loopback(host: &str) -> bool {
    let ip = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    host.eq_ignore_ascii_case("localhost") || ip.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    const VPC: ProductInfo = ProductInfo {
        product: "Vpc",
        version: "2016-04-28",
        endpoint_pattern: "vpc.{region}.aliyuncs.com",
        regional_endpoints: &[("cn-hangzhou", "vpc.aliyuncs.com")],
    };

    fn resolve(region: Option<&str>, endpoint: Option<&str>, http: bool) -> Result<String, String> {
        Endpoint::resolve(&VPC, region, endpoint, http)
            .map(|e| format!("{} {}", e.url(), e.host()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn region_map_then_pattern() {
        assert_eq!(
            resolve(Some("cn-hangzhou"), None, false).unwrap(),
            "https://vpc.aliyuncs.com/ vpc.aliyuncs.com"
        );
        assert_eq!(
            resolve(Some("eu-central-1"), None, false).unwrap(),
            "https://vpc.eu-central-1.aliyuncs.com/ vpc.eu-central-1.aliyuncs.com"
        );
    }

    #[test]
    fn explicit_endpoint_wins_and_defaults_to_https() {
        assert_eq!(
            resolve(Some("cn-hangzhou"), Some("vpc-vpc.example.com"), false).unwrap(),
            "https://vpc-vpc.example.com/ vpc-vpc.example.com"
        );
        assert_eq!(
            resolve(None, Some("https://vpc.example.com:8443/"), false).unwrap(),
            "https://vpc.example.com:8443/ vpc.example.com:8443"
        );
        assert_eq!(
            resolve(None, Some("https://vpc.example.com:443"), false).unwrap(),
            "https://vpc.example.com/ vpc.example.com"
        );
    }

    #[test]
    fn plain_http_only_for_loopback_or_when_allowed() {
        assert_eq!(
            resolve(None, Some("http://127.0.0.1:9000"), false).unwrap(),
            "http://127.0.0.1:9000/ 127.0.0.1:9000"
        );
        assert_eq!(
            resolve(None, Some("http://[::1]:9000"), false).unwrap(),
            "http://[::1]:9000/ [::1]:9000"
        );
        let refused = resolve(None, Some("http://vpc.example.com"), false).unwrap_err();
        assert!(refused.contains("allow_http"), "{refused}");
        assert!(resolve(None, Some("http://vpc.example.com"), true).is_ok());
    }

    #[test]
    fn secrets_in_urls_are_hidden_even_when_they_do_not_parse() {
        for (text, shown) in [
            (
                "https://user:pa55@vpc.example.com:8443/?token=t0k&x=1#frag",
                "https://***@vpc.example.com:8443/?token=***&x=***#***",
            ),
            ("user:pa55@host", "***@host"),
            ("http://a@b@host/p?bare", "http://***@host/p?***"),
            ("https://vpc.aliyuncs.com", "https://vpc.aliyuncs.com"),
            ("https://h/?", "https://h/?"),
            ("not a url:pa55@", "***@"),
        ] {
            assert_eq!(redact_url(text), shown, "{text}");
        }
        let error = resolve(None, Some("https://user:pa55@vpc.example.com"), false).unwrap_err();
        assert!(
            !error.contains("pa55") && error.contains("***@vpc.example.com"),
            "{error}"
        );
        let error = resolve(None, Some("https://vpc.example.com/?k=pa55"), false).unwrap_err();
        assert!(!error.contains("pa55"), "{error}");
        let error = resolve(None, Some("http://user:pa55@[::1"), false).unwrap_err();
        assert!(!error.contains("pa55"), "{error}");
    }

    #[test]
    fn unusable_inputs_are_config_errors() {
        for (region, endpoint) in [
            (None, None),
            (Some("cn-hangzhou/../x"), None),
            (Some(""), None),
            (None, Some("ftp://vpc.example.com")),
            (None, Some("https://vpc.example.com/path")),
            (None, Some("https://user:pw@vpc.example.com")),
            (None, Some("https://")),
        ] {
            let error = Endpoint::resolve(&VPC, region, endpoint, true).unwrap_err();
            assert!(
                matches!(error, Error::Config(_)),
                "{region:?} {endpoint:?}: {error}"
            );
        }
    }
}

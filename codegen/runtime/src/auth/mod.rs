//! Credentials and request signing (ACS3-HMAC-SHA256 and HMAC-SHA1).
//!
//! [`SignatureVersion::sign`] turns one RPC request ([`SigningRequest`]) into what goes on
//! the wire ([`SignedRequest`]); [`sign_v3`] and [`sign_v1`] also expose the bare
//! algorithms for requests signed with other headers or parameters.

mod credentials;
mod env;
mod profile;
mod provider;
pub mod sign_v1;
pub mod sign_v3;

pub use credentials::{Credentials, CredentialsError};
pub use env::Env;
pub use profile::{Profile, ProfileFile, PROFILE_VAR};
pub use provider::{
    DefaultChain, EnvProvider, ProvideCredentials, ProvideFuture, ACCESS_KEY_ID_VAR,
    ACCESS_KEY_SECRET_VAR, SECURITY_TOKEN_VAR,
};

use crate::params::{encode_into, Params};

/// The content type of a form body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Which signature the client puts on its requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SignatureVersion {
    /// ACS3-HMAC-SHA256 in the `Authorization` header (the default).
    #[default]
    V3,
    /// HMAC-SHA1 in the `Signature` query parameter (legacy, opt-in).
    V1,
}

impl SignatureVersion {
    /// Signs one request with `credentials`.
    pub fn sign(self, request: &SigningRequest<'_>, credentials: &Credentials) -> SignedRequest {
        match self {
            Self::V3 => sign_v3::sign(request, credentials),
            Self::V1 => sign_v1::sign(request, credentials),
        }
    }
}

/// One RPC request as the signers see it. Method `POST`, path `/`.
#[derive(Clone, Copy, Debug)]
pub struct SigningRequest<'a> {
    /// The `host` header: the endpoint's host, with its port when not the scheme's default.
    pub host: &'a str,
    /// The API name, e.g. `CreateVpnGateway`.
    pub action: &'a str,
    /// The API version, e.g. `2016-04-28`.
    pub version: &'a str,
    /// The business parameters: query and form body.
    pub params: &'a Params,
    /// UTC time as `YYYY-MM-DDThh:mm:ssZ`.
    pub timestamp: &'a str,
    /// A value never used before.
    pub nonce: &'a str,
}

/// The parts of a signed request that go on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedRequest {
    /// The encoded URL query, without `?`.
    pub query: String,
    /// The encoded form body; empty when there is none.
    pub body: String,
    /// Headers to send as they are (lower-case names), `host` included.
    pub headers: Vec<(&'static str, String)>,
}

/// A fresh signature nonce: 128 random bits in hex.
pub fn nonce() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
pub fn timestamp() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// `enc(key)=enc(value)` pairs sorted by encoded key (stable), joined by `&`.
fn canonical_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    // Encode every pair once into one buffer, then sort spans of it.
    let mut buf = String::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (key, value) in pairs {
        let start = buf.len();
        encode_into(&mut buf, key);
        let middle = buf.len();
        encode_into(&mut buf, value);
        spans.push((start, middle, buf.len()));
    }
    spans.sort_by(|a, b| buf[a.0..a.1].cmp(&buf[b.0..b.1]));
    let mut out = String::with_capacity(buf.len() + 2 * spans.len());
    for (i, &(start, middle, end)) in spans.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&buf[start..middle]);
        out.push('=');
        out.push_str(&buf[middle..end]);
    }
    out
}

fn str_pairs(pairs: &[(String, String)]) -> impl Iterator<Item = (&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_query_sorts_by_encoded_key_and_encodes_rfc3986() {
        let query = canonical_query([("b", " ~/*-+"), ("a.1", "x"), ("a", ""), ("b", "2")]);
        assert_eq!(query, "a=&a.1=x&b=%20~%2F%2A-%2B&b=2");
    }

    #[test]
    fn timestamp_and_nonce_have_the_wire_shape() {
        let ts = timestamp();
        assert_eq!(ts.len(), 20, "{ts}");
        assert!(ts.ends_with('Z') && &ts[10..11] == "T", "{ts}");
        let (a, b) = (nonce(), nonce());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}

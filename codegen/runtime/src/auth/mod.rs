//! Credentials (every source of the official credentials chain) and request signing
//! (ACS3-HMAC-SHA256 and HMAC-SHA1).
//!
//! [`SignatureVersion::sign`] turns one request ([`SigningRequest`]: method, path, action,
//! parameters) into what goes on the wire ([`SignedRequest`]); [`sign_v3`] and [`sign_v1`] also expose the bare
//! algorithms for requests signed with other headers or parameters.

mod chain;
mod credentials;
mod credentials_file;
mod ecs;
mod env;
mod fetch;
pub(crate) mod headers;
mod profile;
mod provider;
mod roles;
mod session;
pub mod sign_roa;
pub mod sign_v1;
pub mod sign_v3;
mod stamp;
mod sts;
mod uri;

pub use chain::DefaultChain;
pub use credentials::{Credentials, CredentialsError};
pub use credentials_file::{
    CREDENTIALS_FILE_VAR, CredentialsFile, DEFAULT_SECTION, SUPPORTED_TYPES,
};
pub use ecs::{
    ECS_METADATA_DISABLED_VAR, ECS_METADATA_VAR, EcsRamRole, IMDSV1_DISABLED_VAR, METADATA_BASE_URL,
};
pub use env::Env;
pub(crate) use env::read_local;
pub use headers::{
    ExtraHeaders, InvalidHeader, check_name as check_header_name, with_extra_headers,
};
pub use profile::{PROFILE_VAR, Profile, ProfileFile, SUPPORTED_MODES};
pub use provider::{
    ACCESS_KEY_ID_VAR, ACCESS_KEY_SECRET_VAR, EnvProvider, ProvideCredentials, ProvideFuture,
    SECURITY_TOKEN_VAR,
};
pub use roles::{
    AssumeRole, DEFAULT_DURATION_SECONDS, OIDC_PROVIDER_ARN_VAR, OIDC_TOKEN_FILE_VAR, OidcRole,
    ROLE_ARN_VAR, ROLE_SESSION_NAME_VAR,
};
pub use session::REFRESH_MARGIN;
pub use stamp::{InlineStr, nonce, timestamp};
pub use sts::{STS_ENDPOINT_VAR, STS_REGION_VAR, VPC_ENDPOINT_VAR};
pub use uri::{CREDENTIALS_URI_VAR, CredentialsUri};

use std::borrow::Cow;

use smallvec::SmallVec;

use bytes::Bytes;

use acs_wire::{Method, Protocol};

use crate::params::{Body, Pairs, Params, encode, encode_into, is_unreserved, key_prefix};

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
    /// Signs one request with `credentials`, with the [`ExtraHeaders`] of the current
    /// [`with_extra_headers`] scope if any.
    pub fn sign<'a>(
        self,
        request: &SigningRequest<'a>,
        credentials: &'a Credentials,
    ) -> SignedRequest<'a> {
        match (self, headers::scoped()) {
            (Self::V3, None) => sign_v3::sign(request, credentials),
            (Self::V3, Some(extra)) => sign_v3::sign_with_headers(request, credentials, &extra),
            (Self::V1, extra) if request.protocol == Protocol::Roa => {
                sign_roa::sign(request, credentials, extra.as_ref())
            }
            (Self::V1, extra) => {
                let mut signed = sign_v1::sign(request, credentials);
                // V1 signs no header: the extra ones are only sent.
                for (name, value) in extra.iter().flat_map(ExtraHeaders::iter) {
                    signed.headers.push((name, value.to_owned().into()));
                }
                signed
            }
        }
    }
}

/// One request as the signers see it.
#[derive(Clone, Copy, Debug)]
pub struct SigningRequest<'a> {
    /// The `host` header: the endpoint's host, with its port when not the scheme's default.
    pub host: &'a str,
    /// The HTTP method, from the operation's binding.
    pub method: Method,
    /// The path as sent (already encoded), from the operation's binding: `/` for RPC, the
    /// rendered template for REST.
    pub path: &'a str,
    /// The protocol of the operation, which decides what signature V1 is.
    pub protocol: Protocol,
    /// The API name, e.g. `CreateVpnGateway`.
    pub action: &'a str,
    /// The API version, e.g. `2016-04-28`.
    pub version: &'a str,
    /// The business parameters: query, form body, headers (path values are in `path`).
    pub params: &'a Params,
    /// The body as sent, with its content type.
    pub body: &'a Body,
    /// UTC time as `YYYY-MM-DDThh:mm:ssZ`.
    pub timestamp: &'a str,
    /// A value never used before.
    pub nonce: &'a str,
}

/// The parts of a signed request that go on the wire.
///
/// Header values borrow what they can from the [`SigningRequest`] and the credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedRequest<'a> {
    /// The HTTP method.
    pub method: Method,
    /// The path as sent.
    pub path: &'a str,
    /// The encoded URL query, without `?`.
    pub query: String,
    /// The body as sent; empty when there is none.
    pub body: Bytes,
    /// Headers to send as they are (lower-case names), `host` included.
    pub headers: Vec<(&'a str, Cow<'a, str>)>,
}

impl SignedRequest<'_> {
    /// The value of a header (`name` in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// Appends a SHA-256 digest or signature in lower-case hex.
fn push_hex(out: &mut String, bytes: &[u8; 32]) {
    out.push_str(const_hex::Buffer::<32>::new().format(bytes));
}

/// `enc(key)=enc(value)` pairs sorted by encoded key (stable), joined by `&`.
fn canonical_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let pairs: Stack<(&str, &str)> = pairs.into_iter().collect();
    // API parameter names encode to themselves, and then the decoded order is the encoded
    // one: keys are encoded (and so copied) only when one of them needs it.
    if pairs.iter().all(|(key, _)| is_unreserved(key)) {
        return sort_and_join(&pairs);
    }
    let encoded: Vec<(String, &str)> = pairs
        .iter()
        .map(|&(key, value)| (encode(key).into_owned(), value))
        .collect();
    let pairs: Stack<(&str, &str)> = encoded.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    sort_and_join(&pairs)
}

/// `key=enc(value)` sorted by key (stable) and joined by `&`, for keys already encoded.
fn sort_and_join(pairs: &[(&str, &str)]) -> String {
    let prefixes = pairs.iter().map(|(key, _)| key_prefix(key));
    let order = sorted_order(prefixes, |at| pairs[at].0);
    let plain: usize = pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    join(&order, plain, |out, at| {
        let (key, value) = pairs[at];
        out.push_str(key);
        out.push('=');
        encode_into(out, value);
    })
}

/// [`canonical_query`] of a request's own pairs, which hold each pair as `key=value` with
/// its key's prefix: a pair that encodes to itself is copied whole, and pairs that came in
/// canonical order (a derived request's query) are joined as they came.
fn canonical_query_of(pairs: &Pairs) -> String {
    if !pairs.plain_keys() {
        return canonical_query(pairs.iter());
    }
    if pairs.sorted() {
        return pairs.encoded();
    }
    let order = sorted_order(pairs.key_prefixes(), |at| pairs.key(at));
    join(&order, pairs.plain_len(), |out, at| {
        pairs.append_encoded(out, at)
    })
}

/// A request's pairs, or their order, held on the stack up to this many.
type Stack<T> = SmallVec<[T; 32]>;

/// The places of keys (already encoded) in sorted order, ties by place, each with its
/// [`key_prefix`]: from each key's prefix and the key at a place.
///
/// The order, not the pairs, is sorted: by the first eight bytes of the key as one number, one
/// integer comparison; then each run of keys alike in those bytes by whole key and place. Keys
/// that come sorted cost one comparison each.
fn sorted_order<'a>(
    prefixes: impl Iterator<Item = u64>,
    key: impl Fn(usize) -> &'a str,
) -> Stack<(u64, usize)> {
    let mut order: Stack<(u64, usize)> = prefixes.zip(0..).collect();
    order.sort_unstable_by_key(|&(prefix, _)| prefix);
    for run in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| key(a.1).cmp(key(b.1)).then(a.1.cmp(&b.1)));
        }
    }
    order
}

/// Each pair at a place of `order` appended by `append`, joined by `&`; `plain` is the pairs'
/// length before encoding.
fn join(
    order: &[(u64, usize)],
    plain: usize,
    mut append: impl FnMut(&mut String, usize),
) -> String {
    let mut out = String::with_capacity(plain + plain / 2);
    for (i, &(_, at)) in order.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        append(&mut out, at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_query_sorts_by_encoded_key_and_encodes_rfc3986() {
        let query = canonical_query([("b", " ~/*-+"), ("a.1", "x"), ("a", ""), ("b", "2")]);
        assert_eq!(query, "a=&a.1=x&b=%20~%2F%2A-%2B&b=2");
        // Decoded, `~` sorts before `é`; encoded, `%C3%A9` sorts before `~`.
        assert_eq!(
            canonical_query([("a~", "2"), ("aé", "1")]),
            "a%C3%A9=1&a~=2"
        );
    }

    /// Sorting the pairs themselves by encoded key, stably: what the canonical query must equal.
    fn sorted_by_encoded_key(pairs: &[(&str, &str)]) -> String {
        let mut encoded: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (encode(k).into_owned(), encode(v).into_owned()))
            .collect();
        encoded.sort_by(|a, b| a.0.cmp(&b.0));
        let joined: Vec<String> = encoded.iter().map(|(k, v)| format!("{k}={v}")).collect();
        joined.join("&")
    }

    /// Pairs that come sorted or not, alike in their first eight bytes, twice, with keys and
    /// values to encode, none, and more than fit on the stack.
    fn cases() -> Vec<Vec<(String, String)>> {
        let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        vec![
            owned(&[
                ("Action", "x y"),
                ("RegionId", "cn"),
                ("Tag.1.Key", "k"),
                ("Tag.1.Value", ""),
            ]),
            owned(&[("A", "1"), ("A", "0"), ("B", "*")]),
            owned(&[("B", "1"), ("A", "2")]),
            owned(&[("A b", "1"), ("B", "2"), ("A", "3")]),
            owned(&[
                ("SecurityToken", "1"),
                ("SecurityGroupIds", "2"),
                ("SecurityGroupId", "3"),
                ("Action", "x"),
                ("SecurityGroupId", "0"),
            ]),
            owned(&[("a~", "2"), ("aé", "1 ")]),
            owned(&[
                ("SecurityGroupId", "1"),
                ("SecurityGroupId", "0 "),
                ("SecurityGroupIds", "2"),
                ("SecurityGroupId", "3"),
            ]),
            owned(&[
                ("Ab", "1"),
                ("Ab.1", "é"),
                ("Ab.1", ""),
                ("Ab.10", "*"),
                ("Ab.2", "~"),
            ]),
            vec![],
            (0..40)
                .rev()
                .map(|i| (format!("Tag.{i}.Key"), format!("v {i}")))
                .collect(),
        ]
    }

    #[test]
    fn canonical_query_equals_sorting_the_pairs_by_encoded_key() {
        // Each case also comes already in canonical order, as a derived request writes its
        // query: then the pairs are joined as they come, nothing sorted.
        let presorted = cases().into_iter().map(|mut case| {
            case.sort_by_key(|(key, _)| encode(key).into_owned());
            case
        });
        for case in cases().into_iter().chain(presorted) {
            let pairs: Vec<(&str, &str)> = case.iter().map(|(k, v)| (&**k, &**v)).collect();
            assert_eq!(
                canonical_query(pairs.iter().copied()),
                sorted_by_encoded_key(&pairs),
                "{pairs:?}"
            );
            let mut own = Pairs::default();
            for (key, value) in &pairs {
                own.push(key, value);
            }
            assert_eq!(
                canonical_query_of(&own),
                sorted_by_encoded_key(&pairs),
                "{pairs:?}"
            );
        }
        assert_eq!(
            canonical_query([
                ("SecurityToken", "1"),
                ("SecurityGroupIds", "2"),
                ("SecurityGroupId", "3"),
                ("Action", "x"),
                ("SecurityGroupId", "0"),
            ]),
            "Action=x&SecurityGroupId=3&SecurityGroupId=0&SecurityGroupIds=2&SecurityToken=1"
        );
    }
}

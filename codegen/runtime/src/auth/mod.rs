//! Credentials (every source of the official credentials chain) and request signing
//! (ACS3-HMAC-SHA256 and HMAC-SHA1).
//!
//! [`SignatureVersion::sign`] turns one RPC request ([`SigningRequest`]) into what goes on
//! the wire ([`SignedRequest`]); [`sign_v3`] and [`sign_v1`] also expose the bare
//! algorithms for requests signed with other headers or parameters.

mod chain;
mod credentials;
mod ecs;
mod env;
mod fetch;
mod profile;
mod provider;
mod roles;
mod session;
pub mod sign_v1;
pub mod sign_v3;
mod sts;
mod uri;

pub use chain::DefaultChain;
pub use credentials::{Credentials, CredentialsError};
pub use ecs::{
    ECS_METADATA_DISABLED_VAR, ECS_METADATA_VAR, EcsRamRole, IMDSV1_DISABLED_VAR, METADATA_BASE_URL,
};
pub use env::Env;
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
pub use sts::{STS_ENDPOINT_VAR, STS_REGION_VAR, VPC_ENDPOINT_VAR};
pub use uri::{CREDENTIALS_URI_VAR, CredentialsUri};

use std::borrow::Cow;

use crate::params::{Params, encode, encode_into, is_unreserved};

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
    pub fn sign<'a>(
        self,
        request: &SigningRequest<'a>,
        credentials: &'a Credentials,
    ) -> SignedRequest<'a> {
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
///
/// Header values borrow what they can from the [`SigningRequest`] and the credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedRequest<'a> {
    /// The encoded URL query, without `?`.
    pub query: String,
    /// The encoded form body; empty when there is none.
    pub body: String,
    /// Headers to send as they are (lower-case names), `host` included.
    pub headers: Vec<(&'static str, Cow<'a, str>)>,
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

/// A fresh signature nonce: 128 random bits in hex.
pub fn nonce() -> String {
    let mut nonce = String::with_capacity(32);
    push_hex(&mut nonce, &rand::random::<[u8; 16]>());
    nonce
}

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
pub fn timestamp() -> String {
    format_timestamp(time::OffsetDateTime::now_utc())
}

fn format_timestamp(now: time::OffsetDateTime) -> String {
    let mut ts = *b"0000-00-00T00:00:00Z";
    let year = now.year().unsigned_abs();
    for (at, place) in [(0, 1000), (1, 100), (2, 10), (3, 1)] {
        ts[at] = digit(year / place);
    }
    for (at, value) in [
        (5, u8::from(now.month())),
        (8, now.day()),
        (11, now.hour()),
        (14, now.minute()),
        (17, now.second()),
    ] {
        ts[at] = digit(u32::from(value / 10));
        ts[at + 1] = digit(u32::from(value));
    }
    std::str::from_utf8(&ts)
        .expect("ASCII digits and separators")
        .to_owned()
}

/// The ASCII digit of `value`'s last decimal place.
fn digit(value: u32) -> u8 {
    // The remainder is below ten.
    b'0' + (value % 10) as u8
}

/// Appends `bytes` (at most 32) in lower-case hex.
fn push_hex(out: &mut String, bytes: &[u8]) {
    let mut buf = [0u8; 64];
    let hex = &mut buf[..2 * bytes.len()];
    hex::encode_to_slice(bytes, hex).expect("two hex digits per byte");
    out.push_str(std::str::from_utf8(hex).expect("hex digits are ASCII"));
}

/// `enc(key)=enc(value)` pairs sorted by encoded key (stable), joined by `&`.
fn canonical_query<'a, I>(pairs: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
    I::IntoIter: Clone,
{
    let pairs = pairs.into_iter();
    match plain_and_sorted(pairs.clone()) {
        Some(len) => join_encoded(pairs, len),
        None => sort_and_join(pairs),
    }
}

/// The length of the pairs' text when every key encodes to itself and the keys come sorted
/// (as requests whose fields are declared in that order write them): then they are joined
/// as they come.
fn plain_and_sorted<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Option<usize> {
    let (mut previous, mut previous_prefix) = ("", 0);
    let mut len = 0;
    for (key, value) in pairs {
        // Most keys differ in their first eight bytes, compared as one number.
        let prefix = key_prefix(key);
        let sorted = prefix > previous_prefix || (prefix == previous_prefix && key >= previous);
        if !sorted || !is_unreserved(key) {
            return None;
        }
        (previous, previous_prefix) = (key, prefix);
        len += key.len() + value.len() + 2;
    }
    Some(len)
}

/// `key=enc(value)` joined by `&`, for keys already encoded; `len` is the plain length.
fn join_encoded<'a, K: AsRef<str>>(
    pairs: impl Iterator<Item = (K, &'a str)>,
    len: usize,
) -> String {
    let mut out = String::with_capacity(len + len / 2);
    for (i, (key, value)) in pairs.enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key.as_ref());
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

/// The general case: keys encoded when one needs it, then sorted.
fn sort_and_join<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut pairs: Vec<(Cow<'a, str>, &'a str)> = pairs.map(|(k, v)| (k.into(), v)).collect();
    // API parameter names encode to themselves, and then the decoded order is the encoded
    // one: keys are encoded (and so copied) only when one of them needs it.
    if !pairs.iter().all(|(k, _)| is_unreserved(k)) {
        for (key, _) in &mut pairs {
            *key = encode(key).into_owned().into();
        }
    }
    let plain = pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    // The order, not the pairs, is sorted: by the first eight bytes of the key as one number
    // and by place, integers only; then each run of keys alike in those bytes by whole key,
    // ties by place.
    let mut order: Vec<(u64, usize)> = pairs.iter().map(|(k, _)| key_prefix(k)).zip(0..).collect();
    order.sort_unstable();
    for run in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| pairs[a.1].0.cmp(&pairs[b.1].0).then(a.1.cmp(&b.1)));
        }
    }
    join_encoded(
        order.iter().map(|&(_, i)| (&*pairs[i].0, pairs[i].1)),
        plain,
    )
}

/// The first eight bytes of `key`, zero-padded, as a number ordered like the bytes.
fn key_prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    if let Some(head) = bytes.first_chunk::<8>() {
        return u64::from_be_bytes(*head);
    }
    bytes
        .iter()
        .enumerate()
        .fold(0, |prefix, (i, &b)| prefix | u64::from(b) << (56 - 8 * i))
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

    #[test]
    fn sorted_plain_keys_are_joined_as_they_come_exactly_as_sorting_would() {
        let cases: [&[(&str, &str)]; 4] = [
            &[
                ("Action", "x y"),
                ("RegionId", "cn"),
                ("Tag.1.Key", "k"),
                ("Tag.1.Value", ""),
            ],
            &[("A", "1"), ("A", "0"), ("B", "*")],
            &[("B", "1"), ("A", "2")],
            &[("A b", "1"), ("B", "2")],
        ];
        for pairs in cases {
            assert_eq!(
                canonical_query(pairs.iter().copied()),
                sort_and_join(pairs.iter().copied()),
                "{pairs:?}"
            );
        }
        assert_eq!(plain_and_sorted(cases[0].iter().copied()), Some(48));
        assert_eq!(plain_and_sorted(cases[2].iter().copied()), None);
        assert_eq!(plain_and_sorted(cases[3].iter().copied()), None);
        assert_eq!(canonical_query(cases[1].iter().copied()), "A=1&A=0&B=%2A");
        // Keys alike in their first eight bytes, out of order, one twice.
        let alike = [
            ("SecurityToken", "1"),
            ("SecurityGroupIds", "2"),
            ("SecurityGroupId", "3"),
            ("Action", "x"),
            ("SecurityGroupId", "0"),
        ];
        assert_eq!(
            canonical_query(alike),
            "Action=x&SecurityGroupId=3&SecurityGroupId=0&SecurityGroupIds=2&SecurityToken=1"
        );
    }

    #[test]
    fn timestamps_are_zero_padded_utc() {
        let t = time::macros::datetime!(2023-01-02 03:04:05 UTC);
        assert_eq!(format_timestamp(t), "2023-01-02T03:04:05Z");
        let t = time::macros::datetime!(0999-12-31 23:59:59 UTC);
        assert_eq!(format_timestamp(t), "0999-12-31T23:59:59Z");
        let t = time::macros::datetime!(2023-10-26 10:22:32 +08:00);
        assert_eq!(
            format_timestamp(t.to_offset(time::UtcOffset::UTC)),
            "2023-10-26T02:22:32Z"
        );
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

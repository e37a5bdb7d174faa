//! Signature V3, ACS3-HMAC-SHA256: canonical request, string to sign, `Authorization` header.

use std::borrow::Cow;
use std::sync::OnceLock;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::{
    Credentials, ExtraHeaders, SignedRequest, SigningRequest, canonical_query, canonical_query_of,
    push_hex,
};

/// The algorithm name, first in the string to sign and in `Authorization`.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of an empty body.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Signs a request: its method and path, the query sorted and encoded, the form body, and the
/// headers `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`,
/// `x-acs-content-sha256`, `content-type` (with a body), `x-acs-security-token` (STS), all
/// signed, plus `authorization`.
pub fn sign<'a>(request: &SigningRequest<'a>, credentials: &'a Credentials) -> SignedRequest<'a> {
    sign_extended(request, credentials, None)
}

/// Signs like [`sign`], with `extra` headers too, each sent and signed.
pub(crate) fn sign_with_headers<'a>(
    request: &SigningRequest<'a>,
    credentials: &'a Credentials,
    extra: &ExtraHeaders,
) -> SignedRequest<'a> {
    sign_extended(request, credentials, Some(extra))
}

fn sign_extended<'a>(
    request: &SigningRequest<'a>,
    credentials: &'a Credentials,
    extra: Option<&ExtraHeaders>,
) -> SignedRequest<'a> {
    let query = canonical_query_of(request.params.query());
    let body = &request.body.bytes;
    let content_sha256: Cow<'a, str> = if body.is_empty() {
        EMPTY_BODY_SHA256.into()
    } else {
        sha256_hex(body).into()
    };
    // Pushed in sorted order: the canonical form needs no sort.
    let mut headers: Vec<(&'a str, Cow<'a, str>)> = Vec::with_capacity(9);
    let content_type = request.body.content_type;
    if let Some(content_type) = content_type {
        headers.push(("content-type", content_type.into()));
    }
    headers.push(("host", request.host.into()));
    headers.push(("x-acs-action", request.action.into()));
    headers.push(("x-acs-content-sha256", content_sha256.clone()));
    headers.push(("x-acs-date", request.timestamp.into()));
    let token = credentials.security_token();
    if let Some(token) = token {
        headers.push(("x-acs-security-token", token.into()));
    }
    headers.push(("x-acs-signature-nonce", request.nonce.into()));
    headers.push(("x-acs-version", request.version.into()));
    // The request's header parameters (names already lower case) and the scope's extra
    // headers are sent and signed too.
    let params = request.params.headers();
    let signed: Cow<'static, str> = match extra {
        None if params.is_empty() => {
            signed_headers(&headers, content_type.is_some(), token.is_some()).into()
        }
        _ => {
            let added = params
                .iter()
                .map(|(name, value)| (name, Cow::Borrowed(value)))
                .chain(extra.into_iter().flat_map(|extra| {
                    extra
                        .iter()
                        .map(|(name, value)| (name, Cow::Owned(value.to_owned())))
                }));
            for (name, value) in added {
                let at = headers.partition_point(|(n, _)| *n < name);
                headers.insert(at, (name, value));
            }
            join_names(&headers).into()
        }
    };
    let canonical = CanonicalRequest {
        method: request.method.as_str(),
        path: request.path,
        query: &query,
        signed_headers: &signed,
        content_sha256: &content_sha256,
    };
    headers.push((
        "authorization",
        authorize(credentials, &canonical, &headers).into(),
    ));
    SignedRequest {
        method: request.method,
        path: request.path,
        query,
        body: body.clone(),
        headers,
    }
}

/// The `SignedHeaders` list of the headers [`sign`] signs, which depend only on whether the
/// request has a body and a security token: each of the four lists is joined once, from the
/// first request of its kind.
fn signed_headers<V>(headers: &[(&str, V)], body: bool, token: bool) -> &'static str {
    static LISTS: [OnceLock<String>; 4] = [const { OnceLock::new() }; 4];
    let list =
        LISTS[usize::from(body) * 2 + usize::from(token)].get_or_init(|| join_names(headers));
    debug_assert_eq!(*list, join_names(headers));
    list
}

/// The header names joined by `;`.
fn join_names<V>(headers: &[(&str, V)]) -> String {
    let names: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
    names.join(";")
}

/// The `Authorization` value for any request: `path` is the path as sent (already encoded),
/// `query` holds decoded pairs, `headers` the headers to sign (names in any case, any order)
/// and `body` the exact body bytes.
pub fn authorization(
    credentials: &Credentials,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> String {
    let query = canonical_query(query.iter().copied());
    let mut lower: Vec<(String, &str)> = headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), *value))
        .collect();
    lower.sort_unstable();
    let sorted: Vec<(&str, &str)> = lower.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let canonical = CanonicalRequest {
        method,
        path,
        query: &query,
        signed_headers: &join_names(&sorted),
        content_sha256: &sha256_hex(body),
    };
    authorize(credentials, &canonical, &sorted)
}

/// The parts of the canonical request but its headers, each as it is signed.
struct CanonicalRequest<'a> {
    /// The HTTP method.
    method: &'a str,
    /// The path as sent: the canonical URI.
    path: &'a str,
    /// The canonical query.
    query: &'a str,
    /// The signed header names joined by `;`.
    signed_headers: &'a str,
    /// The hex SHA-256 of the body.
    content_sha256: &'a str,
}

/// `Authorization` over `canonical` and its headers, already lower-case and sorted by name,
/// whose names joined by `;` are its `signed_headers`.
fn authorize<V: AsRef<str>>(
    credentials: &Credentials,
    canonical: &CanonicalRequest<'_>,
    headers: &[(&str, V)],
) -> String {
    let hashed = hash_canonical_request(canonical, headers);
    let signed_headers = canonical.signed_headers;
    let id = credentials.access_key_id();
    let mut authorization =
        String::with_capacity(ALGORITHM.len() + id.len() + signed_headers.len() + 40 + 64);
    for part in [
        ALGORITHM,
        " Credential=",
        id,
        ",SignedHeaders=",
        signed_headers,
        ",Signature=",
    ] {
        authorization.push_str(part);
    }
    push_hex(
        &mut authorization,
        &signature(credentials.v3_mac(), &hashed),
    );
    authorization
}

/// SHA-256 of the canonical request, from headers already lower-case and sorted by name: the
/// request hashed part by part where each part lies, nothing copied into a buffer first.
fn hash_canonical_request<V: AsRef<str>>(
    canonical: &CanonicalRequest<'_>,
    headers: &[(&str, V)],
) -> [u8; 32] {
    debug_assert!(headers.windows(2).all(|w| w[0].0 < w[1].0));
    let mut hasher = Sha256::new();
    for part in [
        canonical.method,
        "\n",
        canonical.path,
        "\n",
        canonical.query,
        "\n",
    ] {
        hasher.update(part);
    }
    for (name, value) in headers {
        for part in [name, ":", trim(value.as_ref()), "\n"] {
            hasher.update(part);
        }
    }
    for part in [
        "\n",
        canonical.signed_headers,
        "\n",
        canonical.content_sha256,
    ] {
        hasher.update(part);
    }
    hasher.finalize().into()
}

/// A header value without surrounding whitespace (the values signed here seldom have any).
fn trim(value: &str) -> &str {
    let edge = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii_graphic());
    if edge(value.as_bytes().first()) || edge(value.as_bytes().last()) {
        value.trim()
    } else {
        value
    }
}

/// HMAC-SHA256 of the string to sign with `mac`, keyed with the secret.
fn signature(mut mac: Hmac<Sha256>, hashed_canonical_request: &[u8; 32]) -> [u8; 32] {
    mac.update(ALGORITHM.as_bytes());
    mac.update(b"\n");
    mac.update(
        const_hex::Buffer::<32>::new()
            .format(hashed_canonical_request)
            .as_bytes(),
    );
    mac.finalize().into_bytes().into()
}

fn sha256_hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    push_hex(&mut hex, &Sha256::digest(bytes).into());
    hex
}

#[cfg(test)]
mod tests {
    use super::*;
    use acs_wire::Method;

    const HOST: &str = "ecs.cn-shanghai.aliyuncs.com";
    const QUERY: &str =
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai";

    /// The vector's headers, sorted by name.
    fn vector_headers() -> Vec<(&'static str, &'static str)> {
        vec![
            ("host", HOST),
            ("x-acs-action", "RunInstances"),
            ("x-acs-content-sha256", EMPTY_BODY_SHA256),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-version", "2014-05-26"),
        ]
    }

    #[test]
    fn official_vector_hashed_canonical_request_and_signature() {
        let canonical = CanonicalRequest {
            method: "POST",
            path: "/",
            query: QUERY,
            signed_headers: "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
            content_sha256: EMPTY_BODY_SHA256,
        };
        let hashed = hash_canonical_request(&canonical, &vector_headers());
        assert_eq!(
            const_hex::encode(hashed),
            "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        assert_eq!(
            const_hex::encode(signature(
                Credentials::new("YourAccessKeyId", "YourAccessKeySecret").v3_mac(),
                &hashed
            )),
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    #[test]
    fn official_vector_through_the_public_authorization() {
        let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret");
        let query = [
            ("RegionId", "cn-shanghai"),
            (
                "ImageId",
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
            ),
        ];
        let mut headers = vector_headers();
        headers.reverse();
        headers[3].0 = "X-Acs-Content-Sha256";
        assert_eq!(
            authorization(&credentials, "POST", "/", &query, &headers, b""),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;\
             x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,\
             Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    /// Requests of each kind (with and without a body, with and without a security token,
    /// `GET` and `POST`), each kind twice and the kinds interleaved: the signature [`sign`] puts
    /// on each is the one the general [`authorization`] computes from what it sent.
    #[test]
    fn every_kind_of_request_signs_what_it_sends() {
        use crate::params::{Location, Params};
        let long_term = Credentials::new("id", "secret");
        let sts = Credentials::sts("sts-id", "sts-secret", "token");
        let kinds = [(false, &long_term), (true, &sts), (true, &long_term)]
            .into_iter()
            .chain([(false, &sts), (false, &long_term), (true, &sts)]);
        for ((body, credentials), method) in kinds.zip([Method::Post, Method::Get].iter().cycle()) {
            let mut params = Params::new();
            params.push(Location::Query, "RegionId", "cn-hangzhou");
            if body && method.has_body() {
                params.push(Location::Form, "Description", "a b");
            }
            let request = SigningRequest {
                host: "vpc.aliyuncs.com",
                method: *method,
                path: "/",
                protocol: crate::wire::Protocol::Rpc,
                action: "DescribeVpcs",
                version: "2016-04-28",
                params: &params,
                body: &crate::params::Body::of(
                    crate::wire::BodyKind::Form,
                    params.body(),
                    params.payload(),
                ),
                timestamp: "2023-10-26T10:22:32Z",
                nonce: "3156853299f313e23d1673dc12e1703d",
            };
            let signed = sign(&request, credentials);
            let sent: Vec<(&str, &str)> = signed
                .headers
                .iter()
                .filter(|(name, _)| *name != "authorization")
                .map(|(name, value)| (*name, value.as_ref()))
                .collect();
            assert_eq!(
                sent.iter().any(|(n, _)| *n == "content-type"),
                !params.body().is_empty()
            );
            assert_eq!(
                sent.iter().any(|(n, _)| *n == "x-acs-security-token"),
                credentials.security_token().is_some()
            );
            let query: Vec<(&str, &str)> = params.query().iter().collect();
            assert_eq!(
                signed.header("authorization"),
                Some(
                    authorization(
                        credentials,
                        method.as_str(),
                        "/",
                        &query,
                        &sent,
                        signed.body.as_ref()
                    )
                    .as_str()
                ),
                "{method} body {body}, {credentials:?}"
            );
        }
    }

    #[test]
    fn empty_body_constant_is_the_sha256_of_nothing() {
        assert_eq!(const_hex::encode(Sha256::digest(b"")), EMPTY_BODY_SHA256);
    }
}

//! The ROA signature (signature V1 of REST operations), HMAC-SHA1 in the header
//! `Authorization: acs <AccessKeyId>:<signature>`.
//!
//! The string to sign, as the official SDKs build it (`signature_algorithm = 'v2'`):
//!
//! ```text
//! METHOD \n Accept \n Content-MD5 \n Content-Type \n Date \n
//! x-acs-name:value \n ...   (every x-acs-* header, sorted by name)
//! /path?key=value&bare      (the path as sent; the query decoded, sorted by key, an empty
//!                            value written as the bare key; no `?` without a query)
//! ```
//!
//! Content-MD5 is empty (the official Python SDK sends none); Date is RFC 1123 in GMT.

use std::borrow::Cow;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use time::format_description::FormatItem;
use time::macros::format_description;

use super::{Credentials, ExtraHeaders, SignedRequest, SigningRequest};
use crate::params::Pairs;

/// The `Accept` the request is sent and signed with.
const ACCEPT: &str = "application/json";

/// The timestamp the request is signed at, as it comes.
const TIMESTAMP: &[FormatItem<'_>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// RFC 1123 in GMT: `Mon, 07 Dec 2026 21:15:14 GMT`.
const RFC_1123: &[FormatItem<'_>] = format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

/// Signs a REST request: the headers `accept`, `content-type` (with a body), `date`, `host`,
/// the request's header parameters, `x-acs-action`, `x-acs-signature-method`,
/// `x-acs-signature-nonce`, `x-acs-signature-version`, `x-acs-version`,
/// `x-acs-security-token` (STS) and `extra`, plus `authorization`.
pub fn sign<'a>(
    request: &SigningRequest<'a>,
    credentials: &'a Credentials,
    extra: Option<&ExtraHeaders>,
) -> SignedRequest<'a> {
    let date = rfc_1123(request.timestamp);
    let mut headers: Vec<(&'a str, Cow<'a, str>)> = vec![
        ("accept", ACCEPT.into()),
        ("date", date.clone().into()),
        ("host", request.host.into()),
        ("x-acs-action", request.action.into()),
        ("x-acs-signature-method", "HMAC-SHA1".into()),
        ("x-acs-signature-nonce", request.nonce.into()),
        ("x-acs-signature-version", "1.0".into()),
        ("x-acs-version", request.version.into()),
    ];
    if let Some(content_type) = request.body.content_type {
        headers.push(("content-type", content_type.into()));
    }
    if let Some(token) = credentials.security_token() {
        headers.push(("x-acs-security-token", token.into()));
    }
    headers.extend(
        request
            .params
            .headers()
            .iter()
            .map(|(name, value)| (name, Cow::Borrowed(value))),
    );
    for (name, value) in extra.into_iter().flat_map(ExtraHeaders::iter) {
        headers.push((name, value.to_owned().into()));
    }
    let mut acs: Vec<(&str, &str)> = headers
        .iter()
        .filter(|(name, _)| name.starts_with(acs_wire::PROTOCOL_HEADER_PREFIX))
        .map(|(name, value)| (*name, value.as_ref()))
        .collect();
    acs.sort_unstable();
    let string = string_to_sign(
        request.method.as_str(),
        request.body.content_type.unwrap_or(""),
        &date,
        &acs,
        &resource(request.path, request.params.query()),
    );
    let authorization = format!(
        "acs {}:{}",
        credentials.access_key_id(),
        signature(credentials.access_key_secret(), &string)
    );
    headers.push(("authorization", authorization.into()));
    SignedRequest {
        method: request.method,
        path: request.path,
        query: request.params.encoded_query(),
        body: request.body.bytes.clone(),
        headers,
    }
}

/// The string to sign of a request: `acs` holds its `x-acs-*` headers sorted by name, and
/// `resource` its path and query as [`resource`] writes them.
pub fn string_to_sign(
    method: &str,
    content_type: &str,
    date: &str,
    acs: &[(&str, &str)],
    resource: &str,
) -> String {
    let mut string = format!("{method}\n{ACCEPT}\n\n{content_type}\n{date}\n");
    for (name, value) in acs {
        string.push_str(name);
        string.push(':');
        string.push_str(value);
        string.push('\n');
    }
    string.push_str(resource);
    string
}

/// `path?key=value&bare`: the path as sent, then the query pairs decoded and sorted by key
/// (stable), an empty value written as the bare key; the path alone without a query.
pub fn resource(path: &str, query: &Pairs) -> String {
    let mut pairs: Vec<(&str, &str)> = query.iter().collect();
    if pairs.is_empty() {
        return path.to_owned();
    }
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let joined: Vec<Cow<'_, str>> = pairs
        .iter()
        .map(|(key, value)| match value.is_empty() {
            true => Cow::Borrowed(*key),
            false => Cow::Owned(format!("{key}={value}")),
        })
        .collect();
    format!("{path}?{}", joined.join("&"))
}

/// Base64 of HMAC-SHA1 over `string`, keyed with the secret alone.
pub fn signature(secret: &str, string: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(string.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// The RFC 1123 date of a `YYYY-MM-DDThh:mm:ssZ` timestamp (the one the request is signed
/// at); the timestamp as it is when it is not one.
fn rfc_1123(timestamp: &str) -> String {
    time::PrimitiveDateTime::parse(timestamp, TIMESTAMP)
        .ok()
        .and_then(|at| at.format(RFC_1123).ok())
        .unwrap_or_else(|| timestamp.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_rfc_1123_in_gmt() {
        assert_eq!(
            rfc_1123("2026-12-07T21:15:14Z"),
            "Mon, 07 Dec 2026 21:15:14 GMT"
        );
        assert_eq!(
            rfc_1123("2024-02-29T01:02:03Z"),
            "Thu, 29 Feb 2024 01:02:03 GMT"
        );
    }

    #[test]
    fn the_resource_sorts_the_decoded_query_and_writes_empty_values_bare() {
        let mut query = Pairs::default();
        for (k, v) in [
            ("tags", "[{\"key\":\"a&b=c\"}]"),
            ("name", ""),
            ("all", "False"),
        ] {
            query.push(k, v);
        }
        assert_eq!(
            resource("/clusters/c%2F1", &query),
            "/clusters/c%2F1?all=False&name&tags=[{\"key\":\"a&b=c\"}]"
        );
        assert_eq!(resource("/clusters", &Pairs::default()), "/clusters");
    }
}

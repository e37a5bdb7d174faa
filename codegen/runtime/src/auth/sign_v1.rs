//! Signature V1, HMAC-SHA1: common query parameters and the `Signature` over query and body.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::{Credentials, SignedRequest, SigningRequest, canonical_query};

/// Signs an RPC request with its method and path: adds the common parameters (`Action`, `Version`, `Format=JSON`,
/// `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`,
/// `SecurityToken` for STS) and `Signature` to the query; the form body stays in the body.
pub fn sign<'a>(request: &SigningRequest<'a>, credentials: &'a Credentials) -> SignedRequest<'a> {
    let mut common: Vec<(&str, &str)> = Vec::with_capacity(10);
    common.extend([
        ("Action", request.action),
        ("Version", request.version),
        ("Format", "JSON"),
        ("AccessKeyId", credentials.access_key_id()),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", request.nonce),
        ("Timestamp", request.timestamp),
    ]);
    if let Some(token) = credentials.security_token() {
        common.push(("SecurityToken", token));
    }
    let params = request.params;
    let signature = sign_pairs(
        credentials.access_key_secret(),
        request.method.as_str(),
        request.path,
        common
            .iter()
            .copied()
            .chain(params.query().iter())
            .chain(params.body().iter()),
    );
    common.push(("Signature", &signature));
    let query = canonical_query(common.iter().copied().chain(params.query().iter()));
    let mut headers = vec![("host", request.host.into())];
    if let Some(content_type) = request.body.content_type {
        headers.push(("content-type", content_type.into()));
    }
    SignedRequest {
        method: request.method,
        path: request.path,
        query,
        body: request.body.bytes.clone(),
        headers,
    }
}

/// The `Signature` value of an RPC request (path `/`) sent with `method` over `params`: every
/// parameter of the request, query and form body, decoded, except `Signature` itself.
pub fn signature(secret: &str, method: &str, params: &[(&str, &str)]) -> String {
    sign_pairs(secret, method, "/", params.iter().copied())
}

fn sign_pairs<'a>(
    secret: &str,
    method: &str,
    path: &str,
    params: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> String {
    let canonical = canonical_query(params);
    let mut string_to_sign =
        String::with_capacity(method.len() + path.len() * 3 + 2 + canonical.len() * 5 / 4);
    string_to_sign.push_str(method);
    string_to_sign.push('&');
    crate::params::encode_into(&mut string_to_sign, path);
    string_to_sign.push('&');
    crate::params::encode_into(&mut string_to_sign, &canonical);
    let mut key = String::with_capacity(secret.len() + 1);
    key.push_str(secret);
    key.push('&');
    let mut mac =
        Hmac::<Sha1>::new_from_slice(key.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common<'a>(
        action: &'a str,
        format: &'a str,
        nonce: &'a str,
        ts: &'a str,
    ) -> Vec<(&'a str, &'a str)> {
        vec![
            ("Action", action),
            ("Format", format),
            ("Version", "2014-05-26"),
            ("AccessKeyId", "testid"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("SignatureNonce", nonce),
            ("Timestamp", ts),
        ]
    }

    #[test]
    fn official_vector_describe_regions() {
        let params = common(
            "DescribeRegions",
            "XML",
            "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            "2016-02-23T12:46:24Z",
        );
        assert_eq!(
            signature("testsecret", "GET", &params),
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        );
    }

    #[test]
    fn official_vector_describe_dedicated_hosts() {
        let mut params = common(
            "DescribeDedicatedHosts",
            "JSON",
            "edb2b34af0af9a6d14deaf7c1a5315eb",
            "2023-03-13T08:34:30Z",
        );
        params.push(("RegionId", "cn-beijing"));
        assert_eq!(
            signature("testsecret", "GET", &params),
            "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
        );
    }

    /// The second vector through [`sign`]: a `GET` request of the binding is signed as `GET`.
    #[test]
    fn official_vector_through_sign_with_the_bindings_method() {
        use crate::params::{Location, Params};
        use acs_wire::Method;
        let mut params = Params::new();
        params.push(Location::Query, "RegionId", "cn-beijing");
        let request = SigningRequest {
            host: "ecs.aliyuncs.com",
            method: Method::Get,
            path: "/",
            protocol: crate::wire::Protocol::Rpc,
            action: "DescribeDedicatedHosts",
            version: "2014-05-26",
            params: &params,
            body: &crate::params::Body::of(
                crate::wire::BodyKind::Form,
                params.body(),
                params.payload(),
            ),
            timestamp: "2023-03-13T08:34:30Z",
            nonce: "edb2b34af0af9a6d14deaf7c1a5315eb",
        };
        let credentials = Credentials::new("testid", "testsecret");
        let signed = sign(&request, &credentials);
        assert_eq!(signed.method, Method::Get);
        assert!(
            signed
                .query
                .contains("&Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D&"),
            "{}",
            signed.query
        );
        let post = sign(
            &SigningRequest {
                method: Method::Post,
                ..request
            },
            &credentials,
        );
        assert!(!post.query.contains("9NaGiOspFP5UPcwX8Iwt2YJXXuk"));
    }
}

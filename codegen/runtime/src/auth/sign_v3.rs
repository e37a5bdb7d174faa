//! Signature V3, ACS3-HMAC-SHA256: canonical request, string to sign, `Authorization` header.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::{
    canonical_query, str_pairs, Credentials, SignedRequest, SigningRequest, FORM_CONTENT_TYPE,
};

/// The algorithm name, first in the string to sign and in `Authorization`.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of an empty body.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Signs an RPC request: `POST /`, the query sorted and encoded, the form body, and the
/// headers `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`,
/// `x-acs-content-sha256`, `content-type` (with a body), `x-acs-security-token` (STS), all
/// signed, plus `authorization`.
pub fn sign(request: &SigningRequest<'_>, credentials: &Credentials) -> SignedRequest {
    let query = canonical_query(str_pairs(request.params.query()));
    let body = request.params.encoded_body();
    let content_sha256 = if body.is_empty() {
        EMPTY_BODY_SHA256.to_owned()
    } else {
        hex::encode(Sha256::digest(body.as_bytes()))
    };
    let mut headers: Vec<(&'static str, String)> = Vec::with_capacity(9);
    headers.push(("host", request.host.to_owned()));
    headers.push(("x-acs-action", request.action.to_owned()));
    headers.push(("x-acs-version", request.version.to_owned()));
    headers.push(("x-acs-date", request.timestamp.to_owned()));
    headers.push(("x-acs-signature-nonce", request.nonce.to_owned()));
    headers.push(("x-acs-content-sha256", content_sha256.clone()));
    if !body.is_empty() {
        headers.push(("content-type", FORM_CONTENT_TYPE.to_owned()));
    }
    if let Some(token) = credentials.security_token() {
        headers.push(("x-acs-security-token", token.to_owned()));
    }
    let signed: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let authorization = authorize(credentials, "POST", &query, &signed, &content_sha256);
    headers.push(("authorization", authorization));
    SignedRequest {
        query,
        body,
        headers,
    }
}

/// The `Authorization` value for any request: `query` holds decoded pairs, `headers` the
/// headers to sign (names in any case, any order) and `body` the exact body bytes.
pub fn authorization(
    credentials: &Credentials,
    method: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> String {
    let query = canonical_query(query.iter().copied());
    let content_sha256 = hex::encode(Sha256::digest(body));
    authorize(credentials, method, &query, headers, &content_sha256)
}

fn authorize(
    credentials: &Credentials,
    method: &str,
    canonical_query: &str,
    headers: &[(&str, &str)],
    content_sha256: &str,
) -> String {
    let (canonical, signed_headers) =
        canonical_request(method, canonical_query, headers, content_sha256);
    let signature = signature(credentials.access_key_secret(), &canonical);
    format!(
        "{ALGORITHM} Credential={},SignedHeaders={signed_headers},Signature={signature}",
        credentials.access_key_id()
    )
}

/// The canonical request and the `SignedHeaders` list.
fn canonical_request(
    method: &str,
    canonical_query: &str,
    headers: &[(&str, &str)],
    content_sha256: &str,
) -> (String, String) {
    let mut headers: Vec<(String, &str)> = headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim()))
        .collect();
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut canonical = String::with_capacity(256 + canonical_query.len());
    canonical.push_str(method);
    canonical.push_str("\n/\n");
    canonical.push_str(canonical_query);
    canonical.push('\n');
    let mut signed_headers = String::with_capacity(128);
    for (name, value) in &headers {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
        if !signed_headers.is_empty() {
            signed_headers.push(';');
        }
        signed_headers.push_str(name);
    }
    canonical.push('\n');
    canonical.push_str(&signed_headers);
    canonical.push('\n');
    canonical.push_str(content_sha256);
    (canonical, signed_headers)
}

/// Hex HMAC-SHA256 of the string to sign, keyed with the secret.
fn signature(secret: &str, canonical_request: &str) -> String {
    let mut string_to_sign = String::with_capacity(ALGORITHM.len() + 65);
    string_to_sign.push_str(ALGORITHM);
    string_to_sign.push('\n');
    string_to_sign.push_str(&hex::encode(Sha256::digest(canonical_request.as_bytes())));
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "ecs.cn-shanghai.aliyuncs.com";
    const QUERY: &str =
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai";

    fn vector_headers() -> Vec<(&'static str, &'static str)> {
        vec![
            ("host", HOST),
            ("x-acs-action", "RunInstances"),
            ("x-acs-version", "2014-05-26"),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-content-sha256", EMPTY_BODY_SHA256),
        ]
    }

    #[test]
    fn official_vector_hashed_canonical_request_and_signature() {
        let (canonical, signed) =
            canonical_request("POST", QUERY, &vector_headers(), EMPTY_BODY_SHA256);
        assert_eq!(
            signed,
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
        );
        assert_eq!(
            hex::encode(Sha256::digest(canonical.as_bytes())),
            "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        assert_eq!(
            signature("YourAccessKeySecret", &canonical),
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
        headers[0].0 = "X-Acs-Content-Sha256";
        assert_eq!(
            authorization(&credentials, "POST", &query, &headers, b""),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;\
             x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,\
             Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    #[test]
    fn empty_body_constant_is_the_sha256_of_nothing() {
        assert_eq!(hex::encode(Sha256::digest(b"")), EMPTY_BODY_SHA256);
    }
}

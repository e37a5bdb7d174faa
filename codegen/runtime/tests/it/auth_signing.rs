//! The request signers end to end: what `SignatureVersion::sign` puts on the wire.

use acs_runtime::auth::{Credentials, SignatureVersion, SigningRequest, sign_v1, sign_v3};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::Method;

fn request<'a>(params: &'a Params, host: &'a str) -> SigningRequest<'a> {
    SigningRequest {
        host,
        method: Method::Post,
        path: "/",
        protocol: acs_runtime::wire::Protocol::Rpc,
        action: "RunInstances",
        version: "2014-05-26",
        params,
        // Each test's one body, kept for the test's length.
        body: Box::leak(Box::new(acs_runtime::params::Body::of(
            acs_runtime::wire::BodyKind::Form,
            params.body(),
            params.payload(),
        ))),
        timestamp: "2023-10-26T10:22:32Z",
        nonce: "3156853299f313e23d1673dc12e1703d",
    }
}

#[test]
fn v3_reproduces_the_official_vector_from_params() {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-shanghai");
    params.push(
        Location::Query,
        "ImageId",
        "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    );
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret");
    let signed = SignatureVersion::V3.sign(
        &request(&params, "ecs.cn-shanghai.aliyuncs.com"),
        &credentials,
    );
    assert_eq!(
        signed.query,
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
    );
    assert_eq!(signed.body, "");
    assert_eq!(
        signed.header("authorization"),
        Some(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;\
             x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,\
             Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        )
    );
    assert_eq!(signed.header("host"), Some("ecs.cn-shanghai.aliyuncs.com"));
    assert_eq!(
        signed.header("x-acs-content-sha256"),
        Some(sign_v3::EMPTY_BODY_SHA256)
    );
    assert_eq!(
        signed.header("content-type"),
        None,
        "no body, no content type"
    );
    assert_eq!(signed.header("x-acs-security-token"), None);
}

#[test]
fn v3_with_a_form_body_and_sts_signs_content_type_and_token() {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Form, "Name", "a b*~/é");
    let credentials = Credentials::sts("id", "secret", "token-1");
    let signed = SignatureVersion::V3.sign(&request(&params, "vpc.aliyuncs.com"), &credentials);
    assert_eq!(signed.body, "Name=a%20b%2A~%2F%C3%A9");
    assert_eq!(
        signed.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(signed.header("x-acs-security-token"), Some("token-1"));
    let authorization = signed.header("authorization").unwrap();
    assert!(authorization.contains(
        "SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;\
         x-acs-security-token;x-acs-signature-nonce;x-acs-version,"
    ));
    // The same signature through the bare algorithm, from what is on the wire.
    let wire_headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .filter(|(n, _)| *n != "authorization")
        .map(|(n, v)| (*n, v.as_ref()))
        .collect();
    let expected = sign_v3::authorization(
        &credentials,
        "POST",
        "/",
        &[("RegionId", "cn-hangzhou")],
        &wire_headers,
        signed.body.as_ref(),
    );
    assert_eq!(authorization, expected);
}

#[test]
fn v1_puts_common_params_and_signature_in_the_query_and_signs_the_body() {
    let mut params = Params::new();
    params.push(Location::Query, "RegionId", "cn-hangzhou");
    params.push(Location::Form, "Tunnel.1.Psk", "a b&c");
    let credentials = Credentials::sts("testid", "testsecret", "tok");
    let signed = SignatureVersion::V1.sign(&request(&params, "vpc.aliyuncs.com"), &credentials);
    assert_eq!(signed.body, "Tunnel.1.Psk=a%20b%26c");
    assert_eq!(
        signed.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(signed.header("authorization"), None);
    let query: Vec<(String, String)> = serde_urlencoded::from_str(&signed.query).unwrap();
    let keys: Vec<&str> = query.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "AccessKeyId",
            "Action",
            "Format",
            "RegionId",
            "SecurityToken",
            "Signature",
            "SignatureMethod",
            "SignatureNonce",
            "SignatureVersion",
            "Timestamp",
            "Version"
        ]
    );
    let get = |key: &str| query.iter().find(|(k, _)| k == key).unwrap().1.as_str();
    assert_eq!(get("Format"), "JSON");
    assert_eq!(get("Timestamp"), "2023-10-26T10:22:32Z");
    assert!(signed.query.contains("Timestamp=2023-10-26T10%3A22%3A32Z"));
    let mut all: Vec<(&str, &str)> = query
        .iter()
        .filter(|(k, _)| k != "Signature")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    all.push(("Tunnel.1.Psk", "a b&c"));
    assert_eq!(
        get("Signature"),
        sign_v1::signature("testsecret", "POST", &all)
    );
}

#[test]
fn every_signing_gets_its_own_nonce_and_a_utc_timestamp() {
    let nonces: std::collections::HashSet<String> = (0..100)
        .map(|_| acs_runtime::auth::nonce().to_string())
        .collect();
    assert_eq!(nonces.len(), 100);
    assert!(nonces.iter().all(|n| {
        n.len() == 32
            && n.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }));
    let ts = acs_runtime::auth::timestamp();
    let year: u32 = ts[..4].parse().unwrap();
    assert!(year >= 2024, "{ts}");
    assert!(ts.ends_with('Z'));
}

//! The request path without I/O: serialize a CreateVpnGateway-sized request (14 query
//! parameters) and sign it with V3, against the floor of one SHA-256 of a canonical request
//! of the same size plus one HMAC-SHA256 of a string to sign of the same size.

use std::hint::black_box;

use acs_runtime::auth::sign_v3::EMPTY_BODY_SHA256;
use acs_runtime::auth::{self, Credentials, SignatureVersion, SignedRequest, SigningRequest};
use acs_runtime::params::{Location, Params};
use acs_runtime::wire::Method;
use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// `create_full` of the wire examples: CreateVpnGateway with all 14 parameters.
const CREATE_FULL: [(&str, &str); 14] = [
    ("RegionId", "cn-hangzhou"),
    ("VpcId", "vpc-bp1ub1yt9cvakoelj0000"),
    ("Bandwidth", "200"),
    ("Name", "MY_vpn-gw.1"),
    ("InstanceChargeType", "POSTPAY"),
    ("Period", "12"),
    ("AutoPay", "false"),
    ("EnableIpsec", "true"),
    ("EnableSsl", "true"),
    ("SslConnections", "10"),
    ("VSwitchId", "vsw-bp1j5miw2bae9s2vt0000"),
    ("VpnType", "Normal"),
    ("ClientToken", "02fb3da4-130e-11e9-8e44 ~*'()!"),
    ("NetworkType", "public"),
];

const HOST: &str = "vpc.aliyuncs.com";

/// Serialize and sign, as one attempt of a call does (fresh nonce and timestamp included),
/// and hand the signed request to `inspect`.
fn serialize_and_sign<R>(
    credentials: &Credentials,
    inspect: impl FnOnce(&SignedRequest<'_>) -> R,
) -> R {
    let mut params = Params::new();
    for (key, value) in CREATE_FULL {
        params.push(Location::Query, key, value);
    }
    let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
    let request = SigningRequest {
        host: HOST,
        method: Method::Post,
        path: "/",
        protocol: acs_runtime::wire::Protocol::Rpc,
        action: "CreateVpnGateway",
        version: "2016-04-28",
        params: &params,
        body: &acs_runtime::params::Body::of(
            acs_runtime::wire::BodyKind::Form,
            params.body(),
            params.payload(),
        ),
        timestamp: &timestamp,
        nonce: &nonce,
    };
    inspect(&SignatureVersion::V3.sign(&request, credentials))
}

/// A canonical request of the same size as the one signed: method, path, query, the signed
/// headers, their list and the body hash.
fn canonical_request_like(signed: &SignedRequest<'_>) -> String {
    let mut headers: Vec<_> = signed
        .headers
        .iter()
        .filter(|(name, _)| *name != "authorization")
        .collect();
    headers.sort();
    let mut text = format!("POST\n/\n{}\n", signed.query);
    for (name, value) in &headers {
        text.push_str(&format!("{name}:{value}\n"));
    }
    let names: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
    text.push_str(&format!("\n{}\n{EMPTY_BODY_SHA256}", names.join(";")));
    text
}

fn bench(c: &mut Criterion) {
    let credentials = Credentials::new("testid", "testsecret");
    let canonical = serialize_and_sign(&credentials, canonical_request_like);
    let mut group = c.benchmark_group("create_vpn_gateway_14_params");
    group.bench_function("serialize_and_sign_v3", |b| {
        b.iter(|| {
            serialize_and_sign(black_box(&credentials), |signed| {
                black_box(signed.body.len())
            })
        })
    });
    group.bench_function("floor_sha256_and_hmac", |b| {
        b.iter(|| {
            let hashed = Sha256::digest(black_box(canonical.as_bytes()));
            let mut mac = Hmac::<Sha256>::new_from_slice(b"testsecret").expect("any key length");
            // A string to sign of the real size: the algorithm line and 64 bytes of digest
            // (the signer hex-encodes the 32-byte digest).
            mac.update(b"ACS3-HMAC-SHA256\n");
            mac.update(&hashed);
            mac.update(&hashed);
            mac.finalize().into_bytes()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

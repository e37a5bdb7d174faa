//! The whole request path of the generated client without I/O: build and validate a full
//! CreateVpnGateway request with its builder, serialize it and sign it with V3. Against the
//! floor, measured in the same run: one SHA-256 of a canonical request of the same size plus
//! one HMAC-SHA256 of a string to sign.

use std::hint::black_box;

use acs_runtime::auth::{self, Credentials, SignatureVersion, SigningRequest};
use acs_runtime::operation::prepare;
use acs_runtime::wire::Method;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// `create_full` of the wire examples, within the seed's rules (its `Name` has a period).
fn request() -> CreateVpnGatewayRequest {
    CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-bp1ub1yt9cvakoelj0000")
        .bandwidth(200)
        .name("MY_vpn-gw-1")
        .instance_charge_type("POSTPAY")
        .period(12)
        .auto_pay(false)
        .enable_ipsec(true)
        .enable_ssl(true)
        .ssl_connections(10)
        .v_switch_id("vsw-bp1j5miw2bae9s2vt0000")
        .vpn_type("Normal")
        .client_token("02fb3da4-130e-11e9-8e44 ~*'()!")
        .network_type("public")
        .build()
        .expect("a valid request")
}

/// Build, validate, serialize and sign; the authorization header's length keeps it alive.
fn request_path(credentials: &Credentials) -> usize {
    let params = prepare(&request(), None).expect("valid");
    let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
    let signing = SigningRequest {
        host: "vpc.aliyuncs.com",
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
    let signed = SignatureVersion::V3.sign(&signing, credentials);
    signed.headers.iter().map(|(_, v)| v.len()).sum()
}

fn bench(c: &mut Criterion) {
    let credentials = Credentials::new("testid", "testsecret");
    // The floor hashes a canonical request as long as the real one: method, path, the sorted
    // query, one line per signed header, their names and the body hash.
    let params = prepare(&request(), None).unwrap();
    let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
    let signing = SigningRequest {
        host: "vpc.aliyuncs.com",
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
    let signed = SignatureVersion::V3.sign(&signing, &credentials);
    let headers: Vec<_> = signed
        .headers
        .iter()
        .filter(|(n, _)| *n != "authorization")
        .collect();
    let lines: usize = headers.iter().map(|(n, v)| n.len() + v.len() + 2).sum();
    let names: usize = headers.iter().map(|(n, _)| n.len() + 1).sum();
    let canonical = "x".repeat("POST\n/\n".len() + signed.query.len() + 1 + lines + 1 + names + 64);
    let string_to_sign = format!("ACS3-HMAC-SHA256\n{}", "0".repeat(64));
    let mut group = c.benchmark_group("create_vpn_gateway_request_path");
    group.bench_function("build_validate_serialize_sign_v3", |b| {
        b.iter(|| request_path(black_box(&credentials)))
    });
    // Where the time goes: the builder with its validation, serialization (validation is
    // skipped for a built request, as the client does), then signing.
    group.bench_function("part_build_and_validate", |b| b.iter(request));
    let built = request();
    group.bench_function("part_validate_and_serialize", |b| {
        b.iter(|| prepare(black_box(&built), None).expect("valid"))
    });
    group.bench_function("part_sign_v3", |b| {
        b.iter(|| {
            let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
            let signing = SigningRequest {
                nonce: &nonce,
                timestamp: &timestamp,
                ..signing
            };
            SignatureVersion::V3
                .sign(black_box(&signing), &credentials)
                .query
                .len()
        })
    });
    group.bench_function("floor_sha256_plus_hmac", |b| {
        b.iter(|| {
            let hash = Sha256::digest(black_box(canonical.as_bytes()));
            let mut mac = Hmac::<Sha256>::new_from_slice(b"testsecret").unwrap();
            mac.update(black_box(string_to_sign.as_bytes()));
            (hash, mac.finalize().into_bytes())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

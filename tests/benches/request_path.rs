//! The whole request path of the generated client without I/O: build and validate a full
//! CreateVpnGateway request (RPC) with its builder, serialize it and sign it with V3; the same
//! for cs ScaleClusterNodePool (REST: path template, JSON body, the body's SHA-256). Against
//! the floor, measured in the same run: one SHA-256 of a canonical request of the same size
//! (and for the REST request of its body) plus one HMAC-SHA256 of a string to sign.

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
        .vswitch_id("vsw-bp1j5miw2bae9s2vt0000")
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

/// A ScaleClusterNodePool request: two path variables and a JSON body.
fn rest_request() -> acs_cs::operation::scale_cluster_node_pool::ScaleClusterNodePoolRequest {
    acs_cs::operation::scale_cluster_node_pool::ScaleClusterNodePoolRequest::builder()
        .cluster_id("c82e6987e2961451182edacd74faf****")
        .nodepool_id("np31da1f38983f4dcd8e9a05f3a2e2****")
        .count(2)
        .build()
        .expect("a valid request")
}

static SCALE: &acs_runtime::client::OperationInfo =
    &acs_cs::operation::scale_cluster_node_pool::OPERATION;

/// Build, validate, serialize (path and JSON body) and sign; the headers' length keeps it alive.
fn rest_request_path(credentials: &Credentials) -> usize {
    let params = prepare(&rest_request(), None).expect("valid");
    let (path, body) = acs_runtime::client::path_and_body(SCALE, &params).expect("sendable");
    let (nonce, timestamp) = (auth::nonce(), auth::timestamp());
    let signing = SigningRequest {
        host: "cs.cn-hangzhou.aliyuncs.com",
        method: SCALE.binding.method,
        path: &path,
        protocol: SCALE.binding.protocol,
        action: SCALE.action,
        version: "2015-12-15",
        params: &params,
        body: &body,
        timestamp: &timestamp,
        nonce: &nonce,
    };
    let signed = SignatureVersion::V3.sign(&signing, credentials);
    signed.headers.iter().map(|(_, v)| v.len()).sum()
}

fn rest_bench(c: &mut Criterion) {
    let credentials = Credentials::new("testid", "testsecret");
    let params = prepare(&rest_request(), None).unwrap();
    let (path, body) = acs_runtime::client::path_and_body(SCALE, &params).unwrap();
    // The canonical request's size: method, path, headers (as signed, about 330 bytes), names
    // and the body hash; and the body itself, hashed once.
    let canonical = "x".repeat("POST\n".len() + path.len() + 2 + 330 + 120 + 64);
    let body = body.bytes.to_vec();
    let string_to_sign = format!("ACS3-HMAC-SHA256\n{}", "0".repeat(64));
    let mut group = c.benchmark_group("scale_cluster_node_pool_request_path");
    group.bench_function("build_validate_serialize_sign_v3", |b| {
        b.iter(|| rest_request_path(black_box(&credentials)))
    });
    group.bench_function("floor_sha256_plus_hmac", |b| {
        b.iter(|| {
            let body_hash = Sha256::digest(black_box(&body));
            let hash = Sha256::digest(black_box(canonical.as_bytes()));
            let mut mac = Hmac::<Sha256>::new_from_slice(b"testsecret").unwrap();
            mac.update(black_box(string_to_sign.as_bytes()));
            (body_hash, hash, mac.finalize().into_bytes())
        })
    });
    group.finish();
}

criterion_group!(benches, bench, rest_bench);
criterion_main!(benches);

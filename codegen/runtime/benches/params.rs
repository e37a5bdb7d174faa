//! Serializing requests to encoded wire strings: the derive's two output paths against
//! `serde_urlencoded` on the same flat request.

use std::hint::black_box;

use acs_runtime::RpcParams;
use acs_runtime::params::RpcParams as _;
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Serialize;

/// `create_full` of the wire examples: CreateVpnGateway with all 14 parameters.
#[derive(RpcParams, Serialize)]
struct CreateVpnGateway {
    #[rpc(name = "RegionId")]
    #[serde(rename = "RegionId")]
    region_id: String,
    #[rpc(name = "Name")]
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[rpc(name = "VpcId")]
    #[serde(rename = "VpcId")]
    vpc_id: String,
    #[rpc(name = "InstanceChargeType")]
    #[serde(rename = "InstanceChargeType", skip_serializing_if = "Option::is_none")]
    instance_charge_type: Option<String>,
    #[rpc(name = "Period")]
    #[serde(rename = "Period", skip_serializing_if = "Option::is_none")]
    period: Option<i32>,
    #[rpc(name = "AutoPay")]
    #[serde(rename = "AutoPay", skip_serializing_if = "Option::is_none")]
    auto_pay: Option<bool>,
    #[rpc(name = "Bandwidth")]
    #[serde(rename = "Bandwidth")]
    bandwidth: i32,
    #[rpc(name = "EnableIpsec")]
    #[serde(rename = "EnableIpsec", skip_serializing_if = "Option::is_none")]
    enable_ipsec: Option<bool>,
    #[rpc(name = "EnableSsl")]
    #[serde(rename = "EnableSsl", skip_serializing_if = "Option::is_none")]
    enable_ssl: Option<bool>,
    #[rpc(name = "SslConnections")]
    #[serde(rename = "SslConnections", skip_serializing_if = "Option::is_none")]
    ssl_connections: Option<i32>,
    #[rpc(name = "VSwitchId")]
    #[serde(rename = "VSwitchId", skip_serializing_if = "Option::is_none")]
    v_switch_id: Option<String>,
    #[rpc(name = "VpnType")]
    #[serde(rename = "VpnType", skip_serializing_if = "Option::is_none")]
    vpn_type: Option<String>,
    #[rpc(name = "ClientToken")]
    #[serde(rename = "ClientToken", skip_serializing_if = "Option::is_none")]
    client_token: Option<String>,
    #[rpc(name = "NetworkType")]
    #[serde(rename = "NetworkType", skip_serializing_if = "Option::is_none")]
    network_type: Option<String>,
}

fn create_full() -> CreateVpnGateway {
    CreateVpnGateway {
        region_id: "cn-hangzhou".into(),
        name: Some("MY_vpn-gw.1".into()),
        vpc_id: "vpc-bp1ub1yt9cvakoelj0000".into(),
        instance_charge_type: Some("POSTPAY".into()),
        period: Some(12),
        auto_pay: Some(false),
        bandwidth: 200,
        enable_ipsec: Some(true),
        enable_ssl: Some(true),
        ssl_connections: Some(10),
        v_switch_id: Some("vsw-bp1j5miw2bae9s2vt0000".into()),
        vpn_type: Some("Normal".into()),
        client_token: Some("02fb3da4-130e-11e9-8e44 ~*'()!".into()),
        network_type: Some("public".into()),
    }
}

#[derive(RpcParams)]
struct Tag {
    #[rpc(name = "Key")]
    key: String,
    #[rpc(name = "Value")]
    value: Option<String>,
}

#[derive(RpcParams)]
struct TunnelIkeConfig {
    #[rpc(name = "IkeAuthAlg")]
    ike_auth_alg: Option<String>,
    #[rpc(name = "IkeVersion")]
    ike_version: Option<String>,
    #[rpc(name = "LocalId")]
    local_id: Option<String>,
    #[rpc(name = "Psk")]
    psk: Option<String>,
}

#[derive(RpcParams)]
struct TunnelIpsecConfig {
    #[rpc(name = "IpsecAuthAlg")]
    ipsec_auth_alg: Option<String>,
    #[rpc(name = "IpsecLifetime")]
    ipsec_lifetime: Option<i64>,
}

#[derive(RpcParams)]
struct TunnelOptions {
    #[rpc(name = "CustomerGatewayId")]
    customer_gateway_id: Option<String>,
    #[rpc(name = "EnableDpd")]
    enable_dpd: Option<bool>,
    #[rpc(name = "Role")]
    role: Option<String>,
    #[rpc(name = "TunnelIkeConfig")]
    tunnel_ike_config: Option<TunnelIkeConfig>,
    #[rpc(name = "TunnelIpsecConfig")]
    tunnel_ipsec_config: Option<TunnelIpsecConfig>,
}

/// CreateVpnConnection with two tags and two tunnels, each with nested IKE and IPsec objects.
#[derive(RpcParams)]
struct CreateVpnConnection {
    #[rpc(name = "RegionId")]
    region_id: String,
    #[rpc(name = "VpnGatewayId")]
    vpn_gateway_id: String,
    #[rpc(name = "LocalSubnet")]
    local_subnet: String,
    #[rpc(name = "RemoteSubnet")]
    remote_subnet: String,
    #[rpc(name = "Tags")]
    tags: Vec<Tag>,
    #[rpc(name = "TunnelOptionsSpecification", location = "form")]
    tunnel_options_specification: Vec<TunnelOptions>,
}

fn tunnel(gateway: &str, role: &str) -> TunnelOptions {
    TunnelOptions {
        customer_gateway_id: Some(gateway.into()),
        enable_dpd: Some(true),
        role: Some(role.into()),
        tunnel_ike_config: Some(TunnelIkeConfig {
            ike_auth_alg: Some("sha1".into()),
            ike_version: Some("ikev2".into()),
            local_id: Some("1.1.1.1".into()),
            psk: Some("a b&c".into()),
        }),
        tunnel_ipsec_config: Some(TunnelIpsecConfig {
            ipsec_auth_alg: Some("sha256".into()),
            ipsec_lifetime: Some(86400),
        }),
    }
}

fn create_vpn_connection() -> CreateVpnConnection {
    CreateVpnConnection {
        region_id: "cn-hangzhou".into(),
        vpn_gateway_id: "vpn-1".into(),
        local_subnet: "10.0.0.0/8,192.168.0.0/16".into(),
        remote_subnet: "172.16.0.0/12".into(),
        tags: vec![
            Tag {
                key: "env".into(),
                value: Some("prod".into()),
            },
            Tag {
                key: "team".into(),
                value: Some("net ops".into()),
            },
        ],
        tunnel_options_specification: vec![tunnel("cgw-1", "master"), tunnel("cgw-2", "slave")],
    }
}

fn flat(c: &mut Criterion) {
    let request = create_full();
    let mut group = c.benchmark_group("create_vpn_gateway_full");
    group.bench_function("derive_to_encoded", |b| {
        b.iter(|| black_box(&request).to_encoded())
    });
    group.bench_function("derive_to_params_encoded_query", |b| {
        b.iter(|| black_box(&request).to_params().encoded_query())
    });
    group.bench_function("serde_urlencoded", |b| {
        b.iter(|| serde_urlencoded::to_string(black_box(&request)).expect("serializes"))
    });
    group.finish();
}

fn nested(c: &mut Criterion) {
    let request = create_vpn_connection();
    let mut group = c.benchmark_group("create_vpn_connection_nested");
    group.bench_function("derive_to_encoded", |b| {
        b.iter(|| black_box(&request).to_encoded())
    });
    group.bench_function("derive_to_params_encoded", |b| {
        b.iter(|| {
            let params = black_box(&request).to_params();
            (params.encoded_query(), params.encoded_body())
        })
    });
    group.finish();
}

criterion_group!(benches, flat, nested);
criterion_main!(benches);

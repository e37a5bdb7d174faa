//! Curated VPN constraints on values, through the generated builders: enumerations, allowed
//! integer sets and ranges, each accepted at its boundary and rejected just outside it.

use std::fmt::Debug;

use acs_vpc::operation::create_ipsec_server::CreateIpsecServerRequest;
use acs_vpc::operation::create_ssl_vpn_server::CreateSslVpnServerRequest;
use acs_vpc::operation::create_ssl_vpn_server::CreateSslVpnServerRequestBuilder;
use acs_vpc::operation::create_vpn_attachment::CreateVpnAttachmentRequest;
use acs_vpc::operation::create_vpn_connection::CreateVpnConnectionRequest;
use acs_vpc::operation::create_vpn_pbr_route_entry::CreateVpnPbrRouteEntryRequest;
use acs_vpc::operation::create_vpn_route_entry::CreateVpnRouteEntryRequest;
use acs_vpc::operation::describe_customer_gateways::DescribeCustomerGatewaysRequest;
use acs_vpc::operation::describe_vpn_connection_logs::DescribeVpnConnectionLogsRequest;
use acs_vpc::operation::describe_vpn_gateway_available_zones::DescribeVpnGatewayAvailableZonesRequest;
use acs_vpc::operation::describe_vpn_gateways::DescribeVpnGatewaysRequest;
use acs_vpc::operation::modify_tunnel_attribute::ModifyTunnelAttributeRequest;
use acs_vpc::types::CreateVpnConnectionTunnelOptionsSpecification;
use acs_vpc::{Violation, Violations, types};

/// The single violation of `built`, which must concern `parameter`.
#[track_caller]
fn rejected<T: Debug>(built: Result<T, Violations>, parameter: &str) -> Violation {
    let violations = built.expect_err("must be rejected");
    assert_eq!(violations.len(), 1, "{violations}");
    let violation = violations.iter().next().unwrap().clone();
    assert_eq!(violation.parameter, parameter, "{violation}");
    violation
}

#[track_caller]
fn accepted<T>(built: Result<T, Violations>) {
    if let Err(violations) = built {
        panic!("must be accepted: {violations}");
    }
}

fn connection(
    tunnel: CreateVpnConnectionTunnelOptionsSpecification,
) -> Result<CreateVpnConnectionRequest, Violations> {
    CreateVpnConnectionRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-1")
        .local_subnet("10.0.0.0/24")
        .remote_subnet("10.1.0.0/24")
        .tunnel_options_specification([tunnel])
        .build()
}

fn ike(config: types::TunnelIkeConfig) -> CreateVpnConnectionTunnelOptionsSpecification {
    CreateVpnConnectionTunnelOptionsSpecification {
        tunnel_ike_config: Some(config),
        ..Default::default()
    }
}

#[test]
fn enumerations_of_nested_tunnel_settings() {
    use types::{IkeVersion, TunnelIkeConfig};
    for ok in ["ikev1", "ikev2"] {
        accepted(connection(ike(TunnelIkeConfig {
            ike_version: Some(ok.into()),
            ..Default::default()
        })));
    }
    let v = rejected(
        connection(ike(TunnelIkeConfig {
            ike_version: Some(IkeVersion::from("ikev3")),
            ..Default::default()
        })),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion",
    );
    assert_eq!(v.rule, "must be one of ikev1, ikev2");
    assert_eq!(v.value.as_deref(), Some("ikev3"));
    rejected(
        connection(ike(TunnelIkeConfig {
            ike_pfs: Some("group3".into()),
            ..Default::default()
        })),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.IkePfs",
    );
    rejected(
        connection(CreateVpnConnectionTunnelOptionsSpecification {
            role: Some("backup".into()),
            ..Default::default()
        }),
        "TunnelOptionsSpecification.1.Role",
    );
}

#[test]
fn modify_tunnel_attribute_also_knows_the_sm_algorithms() {
    use types::{
        ModifyTunnelAttributeRequestTunnelIkeConfig as TunnelIkeConfig,
        ModifyTunnelAttributeTunnelIpsecConfig as TunnelIpsecConfig,
        ModifyTunnelAttributeTunnelOptionsSpecification as TunnelOptionsSpecification,
    };
    let build = |enc: &str, auth: &str| {
        ModifyTunnelAttributeRequest::builder()
            .vpn_connection_id("vco-1")
            .tunnel_id("tun-1")
            .tunnel_options_specification(TunnelOptionsSpecification {
                tunnel_ike_config: Some(TunnelIkeConfig {
                    ike_enc_alg: Some(enc.into()),
                    ..Default::default()
                }),
                tunnel_ipsec_config: Some(TunnelIpsecConfig {
                    ipsec_auth_alg: Some(auth.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .build()
    };
    accepted(build("sm4", "sm3"));
    accepted(build("3des", "sha512"));
    rejected(
        build("aes128", "sha512"),
        "TunnelOptionsSpecification.TunnelIkeConfig.IkeEncAlg",
    );
    rejected(
        build("aes", "sha224"),
        "TunnelOptionsSpecification.TunnelIpsecConfig.IpsecAuthAlg",
    );
}

#[test]
fn enumerations_of_top_level_parameters() {
    let zones = |spec: &str| {
        DescribeVpnGatewayAvailableZonesRequest::builder()
            .region_id("cn-hangzhou")
            .spec(spec)
            .build()
    };
    accepted(zones("5M"));
    accepted(zones("1000M"));
    rejected(zones("2000M"), "Spec");
    rejected(zones("5"), "Spec");

    let ipsec = |dry_run: &str| {
        CreateIpsecServerRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .local_subnet("192.168.0.0/24")
            .client_ip_pool("10.0.0.0/24")
            .dry_run(dry_run)
            .build()
    };
    accepted(ipsec("false"));
    rejected(ipsec("yes"), "DryRun");

    let listed = |status: &str| {
        DescribeVpnGatewaysRequest::builder()
            .region_id("cn-hangzhou")
            .status(status)
            .build()
    };
    accepted(listed("deleting"));
    rejected(listed("deleted"), "Status");
}

fn ssl_server() -> CreateSslVpnServerRequestBuilder {
    CreateSslVpnServerRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-1")
        .client_ip_pool("10.0.0.0/24")
        .local_subnet("172.16.0.0/16")
}

#[test]
fn ssl_server_cipher_and_protocol_are_enumerated() {
    accepted(ssl_server().cipher("none").proto("UDP").build());
    rejected(ssl_server().cipher("AES-512-CBC").build(), "Cipher");
    rejected(ssl_server().proto("udp").build(), "Proto");
}

#[test]
fn ssl_server_port_is_1_to_65535_without_the_reserved_ports() {
    for ok in [
        1, 21, 23, 52, 54, 444, 1194, 4499, 4501, 9003, 22221, 22223, 65535,
    ] {
        accepted(ssl_server().port(ok).build());
    }
    for bad in [
        0, 22, 53, 68, 80, 123, 443, 500, 2222, 4500, 4510, 4560, 7505, 9000, 9001, 9002, 22222,
        65536,
    ] {
        let v = rejected(ssl_server().port(bad).build(), "Port");
        assert_eq!(v.value, Some(bad.to_string()));
    }
}

#[test]
fn route_weights_are_0_or_100() {
    let route = |weight: i32| {
        CreateVpnRouteEntryRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .route_dest("10.0.0.0/24")
            .next_hop("vco-1")
            .publish_vpc(true)
            .weight(weight)
            .build()
    };
    accepted(route(0));
    accepted(route(100));
    for bad in [-1, 1, 99, 101] {
        let v = rejected(route(bad), "Weight");
        assert_eq!(v.rule, "must be one of 0, 100");
    }
}

#[test]
fn attachment_tunnel_index_is_1_or_2() {
    let attachment = |index: i32| {
        CreateVpnAttachmentRequest::builder()
            .region_id("cn-hangzhou")
            .local_subnet("10.0.0.0/24")
            .remote_subnet("10.1.0.0/24")
            .tunnel_options_specification([types::CreateVpnAttachmentTunnelOptionsSpecification {
                tunnel_index: Some(index),
                ..Default::default()
            }])
            .build()
    };
    accepted(attachment(1));
    accepted(attachment(2));
    rejected(attachment(0), "TunnelOptionsSpecification.1.TunnelIndex");
    rejected(attachment(3), "TunnelOptionsSpecification.1.TunnelIndex");
}

#[test]
fn asn_and_lifetimes_are_ranges() {
    use types::{
        CreateVpnConnectionTunnelOptionsSpecification as TunnelOptionsSpecification,
        TunnelBgpConfig, TunnelIkeConfig,
    };
    let asn = |asn: i64| {
        connection(TunnelOptionsSpecification {
            tunnel_bgp_config: Some(TunnelBgpConfig {
                local_asn: Some(asn),
                ..Default::default()
            }),
            ..Default::default()
        })
    };
    accepted(asn(1));
    accepted(asn(4_294_967_295));
    let path = "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn";
    assert_eq!(rejected(asn(0), path).value.as_deref(), Some("0"));
    rejected(asn(4_294_967_296), path);

    let lifetime = |seconds: i64| {
        connection(ike(TunnelIkeConfig {
            ike_lifetime: Some(seconds),
            ..Default::default()
        }))
    };
    accepted(lifetime(0));
    accepted(lifetime(86_400));
    rejected(
        lifetime(-1),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime",
    );
    rejected(
        lifetime(86_401),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime",
    );
}

#[test]
fn page_sizes_priorities_and_periods_are_ranges() {
    let gateways = |size: i32| {
        DescribeVpnGatewaysRequest::builder()
            .region_id("cn-hangzhou")
            .page_size(size)
            .build()
    };
    accepted(gateways(1));
    accepted(gateways(50));
    rejected(gateways(0), "PageSize");
    rejected(gateways(51), "PageSize");

    // Only a maximum is documented here.
    let customers = |size: i32| {
        DescribeCustomerGatewaysRequest::builder()
            .region_id("cn-hangzhou")
            .page_size(size)
            .build()
    };
    accepted(customers(50));
    accepted(customers(0));
    rejected(customers(51), "PageSize");

    let route = |priority: i32| {
        CreateVpnPbrRouteEntryRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .route_source("192.168.1.0/24")
            .route_dest("10.0.0.0/24")
            .next_hop("vco-1")
            .weight(100)
            .publish_vpc(false)
            .priority(priority)
            .build()
    };
    accepted(route(1));
    accepted(route(100));
    rejected(route(0), "Priority");
    rejected(route(101), "Priority");

    let logs = |minutes: i32| {
        DescribeVpnConnectionLogsRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_connection_id("vco-1")
            .minute_period(minutes)
            .build()
    };
    accepted(logs(1));
    accepted(logs(10));
    rejected(logs(0), "MinutePeriod");
    rejected(logs(11), "MinutePeriod");
}

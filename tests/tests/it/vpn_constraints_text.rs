//! Curated VPN constraints on text and lists, through the generated builders: lengths,
//! patterns, ASCII-only tokens and item counts, each accepted at its boundary and rejected
//! just outside it.

use std::fmt::Debug;

use acs_vpc::operation::create_customer_gateway::CreateCustomerGatewayRequest;
use acs_vpc::operation::create_customer_gateway::CreateCustomerGatewayRequestBuilder;
use acs_vpc::operation::create_ipsec_server::CreateIpsecServerRequest;
use acs_vpc::operation::create_ssl_vpn_server::CreateSslVpnServerRequest;
use acs_vpc::operation::create_vpn_connection::CreateVpnConnectionRequest;
use acs_vpc::operation::delete_vpn_gateway::DeleteVpnGatewayRequest;
use acs_vpc::operation::list_vpn_certificate_associations::ListVpnCertificateAssociationsRequest;
use acs_vpc::operation::modify_vpn_gateway_attribute::ModifyVpnGatewayAttributeRequest;
use acs_vpc::operation::modify_vpn_gateway_attribute::ModifyVpnGatewayAttributeRequestBuilder;
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

fn customer() -> CreateCustomerGatewayRequestBuilder {
    CreateCustomerGatewayRequest::builder()
        .region_id("cn-shanghai")
        .ip_address("101.12.0.1")
}

fn gateway_rename() -> ModifyVpnGatewayAttributeRequestBuilder {
    ModifyVpnGatewayAttributeRequest::builder()
        .region_id("cn-shanghai")
        .vpn_gateway_id("vpn-1")
}

#[test]
fn names_and_descriptions_have_documented_lengths() {
    accepted(customer().name("n").build());
    accepted(customer().name("n".repeat(100)).build());
    assert_eq!(
        rejected(customer().name("").build(), "Name").rule,
        "must be 1 to 100 characters long"
    );
    rejected(customer().name("n".repeat(101)).build(), "Name");
    rejected(
        customer().description("d".repeat(101)).build(),
        "Description",
    );

    accepted(gateway_rename().name("ab").description("d").build());
    accepted(
        gateway_rename()
            .name(format!("a{}", "b".repeat(99)))
            .build(),
    );
    rejected(gateway_rename().name("a").build(), "Name");
    rejected(
        gateway_rename()
            .name(format!("a{}", "b".repeat(100)))
            .build(),
        "Name",
    );
    rejected(gateway_rename().description("").build(), "Description");

    let ipsec = |name: &str| {
        CreateIpsecServerRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .local_subnet("192.168.0.0/24")
            .client_ip_pool("10.0.0.0/24")
            .ip_sec_server_name(name)
            .build()
    };
    accepted(ipsec("i"));
    rejected(ipsec(""), "IpSecServerName");
}

#[test]
fn tag_keys_and_values_have_documented_lengths() {
    let tagged = |key: &str, value: &str| {
        customer()
            .tags([types::CreateCustomerGatewayTag {
                key: Some(key.to_owned()),
                value: Some(value.to_owned()),
            }])
            .build()
    };
    accepted(tagged(&"k".repeat(64), &"v".repeat(128)));
    accepted(tagged("k", ""));
    rejected(tagged("", "v"), "Tags.1.Key");
    rejected(tagged(&"k".repeat(65), "v"), "Tags.1.Key");
    rejected(tagged("k", &"v".repeat(129)), "Tags.1.Value");
}

#[test]
fn client_tokens_are_ascii_and_sometimes_at_most_64_characters() {
    let delete = |token: &str| {
        DeleteVpnGatewayRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .client_token(token)
            .build()
    };
    accepted(delete(&"t".repeat(64)));
    rejected(delete(&"t".repeat(65)), "ClientToken");
    let v = rejected(delete("token-é"), "ClientToken");
    assert_eq!(v.rule, "must contain only ASCII characters");
    accepted(gateway_rename().client_token("t".repeat(65)).build());
    rejected(gateway_rename().client_token("令牌").build(), "ClientToken");
}

#[test]
fn a_gateway_name_starts_with_a_letter_and_allows_periods() {
    for ok in ["vpn.gw_1-a", "Z9", "a.b"] {
        accepted(gateway_rename().name(ok).build());
    }
    for bad in ["1vpn", ".vpn", "vpn gw", "http://vpn", "vpn@1"] {
        let v = rejected(gateway_rename().name(bad).build(), "Name");
        assert!(v.rule.starts_with("must match the pattern"), "{v}");
    }
}

#[test]
fn a_bgp_auth_key_is_ascii_without_spaces_or_question_marks() {
    accepted(customer().auth_key("k").build());
    accepted(customer().auth_key("A!#$%^&*()-k".repeat(5)).build());
    rejected(customer().auth_key("k".repeat(65)).build(), "AuthKey");
    rejected(customer().auth_key("auth key").build(), "AuthKey");
    rejected(customer().auth_key("auth?").build(), "AuthKey");
    let violations = customer().auth_key("clé").build().unwrap_err();
    assert_eq!(violations.len(), 1, "{violations}");
    assert_eq!(
        violations.get("AuthKey").unwrap().rule,
        "must contain only ASCII characters"
    );
}

fn tunnel(
    ike: types::TunnelIkeConfig,
    bgp: types::TunnelBgpConfig,
) -> Result<CreateVpnConnectionRequest, Violations> {
    CreateVpnConnectionRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-1")
        .local_subnet("10.0.0.0/24")
        .remote_subnet("10.1.0.0/24")
        .tunnel_options_specification([types::CreateVpnConnectionTunnelOptionsSpecification {
            tunnel_ike_config: Some(ike),
            tunnel_bgp_config: Some(bgp),
            ..Default::default()
        }])
        .build()
}

#[test]
fn a_tunnel_cidr_is_a_30_bit_block_of_169_254() {
    let cidr = |block: &str| {
        tunnel(
            Default::default(),
            types::TunnelBgpConfig {
                tunnel_cidr: Some(block.to_owned()),
                ..Default::default()
            },
        )
    };
    for ok in ["169.254.10.0/30", "169.254.255.252/30", "169.254.0.8/30"] {
        accepted(cidr(ok));
    }
    for bad in [
        "169.254.10.0/29",
        "169.254.10.0/31",
        "10.0.0.0/30",
        "169.254.256.0/30",
        "169.254.10/30",
    ] {
        rejected(
            cidr(bad),
            "TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr",
        );
    }
}

#[test]
fn a_pre_shared_key_uses_the_documented_characters() {
    let psk = |key: &str| {
        tunnel(
            types::TunnelIkeConfig {
                psk: Some(key.to_owned()),
                ..Default::default()
            },
            Default::default(),
        )
    };
    accepted(psk("p"));
    accepted(psk(&"p".repeat(100)));
    accepted(psk("aZ09~!`@#$%^&*()_-+={}[]|;:',.<>/?"));
    let path = "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk";
    rejected(psk(""), path);
    rejected(psk(&"p".repeat(101)), path);
    for bad in ["pre shared", "quote\"", "back\\slash", "clé"] {
        rejected(psk(bad), path);
    }
}

#[test]
fn tunnel_identifiers_have_no_spaces_and_at_most_100_characters() {
    let ids = |local: &str, remote: &str| {
        tunnel(
            types::TunnelIkeConfig {
                local_id: Some(local.to_owned()),
                remote_id: Some(remote.to_owned()),
                ..Default::default()
            },
            Default::default(),
        )
    };
    accepted(ids("vpn.example.com", &"r".repeat(100)));
    rejected(
        ids("vpn example", "r"),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.LocalId",
    );
    rejected(
        ids("l", &"r".repeat(101)),
        "TunnelOptionsSpecification.1.TunnelIkeConfig.RemoteId",
    );
}

#[test]
fn an_ssl_client_ip_pool_has_a_16_to_29_bit_mask() {
    let pool = |block: &str| {
        CreateSslVpnServerRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .local_subnet("172.16.0.0/16")
            .client_ip_pool(block)
            .build()
    };
    accepted(pool("10.0.0.0/16"));
    accepted(pool("192.168.1.0/29"));
    for bad in [
        "10.0.0.0/15",
        "10.0.0.0/30",
        "10.0.0/24",
        "10.0.0.0",
        "10.0.0.300/24",
    ] {
        rejected(pool(bad), "ClientIpPool");
    }
}

#[test]
fn lists_have_documented_item_counts() {
    let tunnels = |count: usize| {
        CreateVpnConnectionRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id("vpn-1")
            .local_subnet("10.0.0.0/24")
            .remote_subnet("10.1.0.0/24")
            .tunnel_options_specification(vec![Default::default(); count])
            .build()
    };
    accepted(tunnels(2));
    let v = rejected(tunnels(3), "TunnelOptionsSpecification");
    assert_eq!(v.rule, "must have at most 2 items");
    assert_eq!(v.value.as_deref(), Some("3 items"));

    let tags = |count: usize| {
        customer()
            .tags(vec![
                types::CreateCustomerGatewayTag {
                    key: Some("k".to_owned()),
                    value: None,
                };
                count
            ])
            .build()
    };
    accepted(tags(20));
    rejected(tags(21), "Tags");

    let associations = |count: usize| {
        ListVpnCertificateAssociationsRequest::builder()
            .region_id("cn-hangzhou")
            .vpn_gateway_id((0..count).map(|i| format!("vpn-{i}")))
            .build()
    };
    accepted(associations(20));
    rejected(associations(21), "VpnGatewayId");
}

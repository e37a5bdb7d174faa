//! Every constraint of the CreateVpnGateway reference page, accepted at its boundary and
//! rejected just outside it, through the generated builder.

use acs_runtime::params::RpcParams;
use acs_vpc::Violations;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequestBuilder;
use acs_vpc::types::{InstanceChargeType, NetworkType, VpnType};

fn minimal() -> CreateVpnGatewayRequestBuilder {
    CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-1")
        .bandwidth(5)
}

#[track_caller]
fn rejected(builder: CreateVpnGatewayRequestBuilder, parameter: &str) -> Violations {
    let violations = builder.build().expect_err("must be rejected");
    assert!(
        violations.get(parameter).is_some(),
        "no violation of {parameter}: {violations}"
    );
    violations
}

#[test]
fn the_minimal_request_is_valid_and_sends_only_what_was_set() {
    let request = minimal().build().unwrap();
    let params = request.to_params();
    let query: Vec<(&str, &str)> = params.query().iter().collect();
    assert_eq!(
        query,
        [
            ("Bandwidth", "5"),
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-1")
        ]
    );
    assert!(params.body().is_empty());
}

#[test]
fn each_missing_required_parameter_is_reported_at_once() {
    let violations = CreateVpnGatewayRequest::builder().build().unwrap_err();
    let missing: Vec<&str> = violations.iter().map(|v| v.parameter.as_str()).collect();
    assert_eq!(missing, ["RegionId", "VpcId", "Bandwidth"]);
    assert!(
        violations
            .iter()
            .all(|v| v.rule == "is required" && v.value.is_none())
    );
    // RegionId alone may be left to the client (which sends its region): `build()` takes it,
    // and the request still fails the spec's rules until the client fills it.
    let regionless = CreateVpnGatewayRequest::builder().vpc_id("v").bandwidth(5);
    let unchecked = regionless.clone().build_unchecked();
    let left: Vec<String> = acs_runtime::validate::Validate::validate(&unchecked)
        .unwrap_err()
        .iter()
        .map(|v| v.parameter.clone())
        .collect();
    assert_eq!(left, ["RegionId"]);
    assert!(regionless.build().is_ok());
    for (builder, parameter) in [
        (
            CreateVpnGatewayRequest::builder()
                .region_id("r")
                .bandwidth(5),
            "VpcId",
        ),
        (
            CreateVpnGatewayRequest::builder()
                .region_id("r")
                .vpc_id("v"),
            "Bandwidth",
        ),
    ] {
        assert_eq!(rejected(builder, parameter).len(), 1);
    }
}

#[test]
fn name_is_2_to_100_characters_starting_with_a_letter() {
    for ok in ["ab", &format!("a{}", "b".repeat(99)), "MY_vpn-gw1", "Z9"] {
        assert!(
            minimal().name(ok).build().is_ok(),
            "{ok:?} must be accepted"
        );
    }
    for bad in [
        "a",
        &format!("a{}", "b".repeat(100)),
        "1abc",
        "_abc",
        "my.vpn",
        "my@vpn",
        "my vpn",
        "名字ab",
    ] {
        let v = rejected(minimal().name(bad), "Name");
        assert_eq!(v.get("Name").unwrap().value.as_deref(), Some(bad));
    }
    let v = rejected(minimal().name("a"), "Name");
    assert_eq!(
        v.get("Name").unwrap().rule,
        "must be 2 to 100 characters long"
    );
}

#[test]
fn bandwidth_takes_only_the_listed_values() {
    for ok in [5, 10, 20, 50, 100, 200] {
        assert!(minimal().bandwidth(ok).build().is_ok(), "{ok}");
    }
    for bad in [0, 4, 7, 201, 500, 1000, -5] {
        let v = rejected(minimal().bandwidth(bad), "Bandwidth");
        let violation = v.get("Bandwidth").unwrap();
        assert_eq!(violation.rule, "must be one of 5, 10, 20, 50, 100, 200");
        assert_eq!(violation.value, Some(bad.to_string()));
    }
}

#[test]
fn period_is_1_to_9_or_12_24_36() {
    for ok in [1, 9, 12, 24, 36] {
        assert!(minimal().period(ok).build().is_ok(), "{ok}");
    }
    for bad in [0, 10, 11, 13, 25, 37] {
        rejected(minimal().period(bad), "Period");
    }
}

#[test]
fn ssl_connections_are_5_10_or_20() {
    for ok in [5, 10, 20] {
        assert!(minimal().ssl_connections(ok).build().is_ok(), "{ok}");
    }
    for bad in [4, 15, 50] {
        rejected(minimal().ssl_connections(bad), "SslConnections");
    }
}

#[test]
fn client_token_is_ascii_only() {
    assert!(
        minimal()
            .client_token("02fb3da4-130e ~*'()!")
            .build()
            .is_ok()
    );
    rejected(minimal().client_token("tokén"), "ClientToken");
}

#[test]
fn enumerations_know_their_values_and_keep_unknown_ones() {
    let request = minimal()
        .instance_charge_type(InstanceChargeType::Postpay)
        .vpn_type("NationalStandard")
        .network_type(NetworkType::Private)
        .build()
        .unwrap();
    assert_eq!(request.vpn_type, Some(VpnType::NationalStandard));
    assert_eq!(InstanceChargeType::KNOWN, ["PREPAY", "POSTPAY"]);
    assert_eq!(VpnType::KNOWN, ["Normal", "NationalStandard"]);
    assert_eq!(NetworkType::KNOWN, ["public", "private"]);
    for (builder, parameter) in [
        (
            minimal().instance_charge_type("MONTHLY"),
            "InstanceChargeType",
        ),
        (minimal().vpn_type("Fancy"), "VpnType"),
        (minimal().network_type("hybrid"), "NetworkType"),
    ] {
        rejected(builder, parameter);
    }
}

#[test]
fn every_violation_is_reported_with_parameter_rule_and_value() {
    let violations = CreateVpnGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .name("1")
        .bandwidth(7)
        .period(10)
        .ssl_connections(15)
        .client_token("ü")
        .build()
        .unwrap_err();
    let parameters: Vec<&str> = violations.iter().map(|v| v.parameter.as_str()).collect();
    assert_eq!(
        parameters,
        [
            "Name",
            "Name",
            "VpcId",
            "Period",
            "Bandwidth",
            "SslConnections",
            "ClientToken"
        ]
    );
    let text = violations.to_string();
    assert!(
        text.contains("Bandwidth: must be one of 5, 10, 20, 50, 100, 200 (got \"7\")"),
        "{text}"
    );
}

#[test]
fn build_unchecked_sends_a_value_the_spec_does_not_know() {
    let request = minimal()
        .bandwidth(1000)
        .vpn_type("Turbo")
        .build_unchecked();
    assert!(request.is_unchecked());
    assert!(acs_runtime::operation::prepare(&request, None).is_ok());
    let params = request.to_params();
    assert!(params.query().contains(("Bandwidth", "1000")));
    assert!(params.query().contains(("VpnType", "Turbo")));
    let checked = minimal().bandwidth(5).build().unwrap();
    assert!(!checked.is_unchecked());
}

#[test]
fn booleans_are_sent_in_lower_case() {
    let request = minimal()
        .auto_pay(false)
        .enable_ipsec(true)
        .enable_ssl(true)
        .build()
        .unwrap();
    let params = request.to_params();
    for (key, value) in [
        ("AutoPay", "false"),
        ("EnableIpsec", "true"),
        ("EnableSsl", "true"),
    ] {
        assert!(params.query().contains((key, value)), "{key}={value}");
    }
}

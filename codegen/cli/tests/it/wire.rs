//! What `acs` puts on the wire, as decoded by the loopback server's independent verifier.

use crate::support::*;
use acs_tests::{Signature, Verified};
use serde_json::Value;

/// Runs `acs vpc <args> --endpoint <server>` with the environment's keys; the one request seen.
async fn sent(args: &[&str], env: &[(&str, &str)]) -> (Outcome, Verified) {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let mut line = vec!["vpc"];
    line.extend_from_slice(args);
    line.extend_from_slice(&["--endpoint", &endpoint]);
    let outcome = acs(&line, env).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let mut verified = server.verified();
    assert_eq!(verified.len(), 1, "{outcome:#?}");
    (outcome, verified.remove(0))
}

#[tokio::test]
async fn simple_call_sends_typed_parameters_and_prints_the_response() {
    let (outcome, verified) = sent(
        &[
            "CreateVpnGateway",
            "--RegionId",
            "cn-hangzhou",
            "--VpcId=vpc-1",
            "--Bandwidth",
            "5",
            "--EnableSsl",
            "TRUE",
            "--InstanceChargeType",
            "POSTPAY",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(verified.signature, Signature::V3);
    assert_eq!(verified.action, "CreateVpnGateway");
    assert_eq!(verified.version, "2016-04-28");
    assert_eq!(verified.access_key_id, ENV_KEY.0);
    assert_eq!(
        sorted_without_token(&verified.query),
        pairs(&[
            ("Bandwidth", "5"),
            ("EnableSsl", "true"),
            ("InstanceChargeType", "POSTPAY"),
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-1"),
        ])
    );
    let token = verified.param("ClientToken").expect("an idempotency token");
    assert_eq!(token.len(), 36, "a UUID: {token}");
    assert!(verified.form.is_empty());
    assert_eq!(
        outcome.stdout,
        "{\n  \"RequestId\": \"R-1\",\n  \"Done\": true\n}\n"
    );
    assert_eq!(outcome.stderr, "");
}

#[tokio::test]
async fn repeat_lists_are_numbered_by_index_whatever_the_argument_order() {
    let (_, verified) = sent(
        &[
            "ListTagResources",
            "--RegionId",
            "cn-hangzhou",
            "--ResourceType",
            "VPC",
            "--Tag.2.Key",
            "team",
            "--Tag.1.Key",
            "env",
            "--Tag.1.Value",
            "prod",
            "--ResourceId.1",
            "vpc-1",
            "--ResourceId.2",
            "vpc-2",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(
        verified.query,
        pairs(&[
            ("RegionId", "cn-hangzhou"),
            ("ResourceId.1", "vpc-1"),
            ("ResourceId.2", "vpc-2"),
            ("ResourceType", "VPC"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
        ])
    );
}

#[tokio::test]
async fn nested_flat_lists_go_in_the_form_body() {
    let (_, verified) = sent(
        &[
            "CreateVpnConnection",
            "--RegionId",
            "cn-hangzhou",
            "--VpnGatewayId",
            "vpn-1",
            "--LocalSubnet",
            "10.0.0.0/24",
            "--RemoteSubnet",
            "10.1.0.0/24",
            "--TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg",
            "sha1",
            // A space is outside the key's documented characters: sent unvalidated to test encoding.
            "--no-validate",
            "--TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
            "a b*c~d",
            "--TunnelOptionsSpecification.1.CustomerGatewayId",
            "cgw-1",
            "--TunnelOptionsSpecification.2.CustomerGatewayId",
            "cgw-2",
            "--TunnelOptionsSpecification.2.TunnelBgpConfig.LocalAsn",
            "65000",
            "--TunnelOptionsSpecification.2.EnableDpd",
            "false",
        ],
        &env_keys(),
    )
    .await;
    // The body keeps the spec's field order within each item.
    assert_eq!(
        verified.form,
        pairs(&[
            ("TunnelOptionsSpecification.1.CustomerGatewayId", "cgw-1"),
            (
                "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg",
                "sha1"
            ),
            (
                "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
                "a b*c~d"
            ),
            ("TunnelOptionsSpecification.2.CustomerGatewayId", "cgw-2"),
            ("TunnelOptionsSpecification.2.EnableDpd", "false"),
            (
                "TunnelOptionsSpecification.2.TunnelBgpConfig.LocalAsn",
                "65000"
            ),
        ])
    );
    assert!(
        verified
            .query
            .iter()
            .all(|(k, _)| !k.starts_with("TunnelOptionsSpecification"))
    );
    assert_eq!(verified.param("LocalSubnet"), Some("10.0.0.0/24"));
}

#[tokio::test]
async fn json_style_and_delimited_values() {
    let (_, verified) = sent(
        &[
            "CreateNatGateway",
            "--RegionId",
            "cn-hangzhou",
            "--VpcId",
            "vpc-1",
            "--AccessMode",
            r#"{"ModeValue": "tunnel", "TunnelType": "geneve"}"#,
        ],
        &env_keys(),
    )
    .await;
    let access_mode: Value = serde_json::from_str(verified.param("AccessMode").unwrap()).unwrap();
    assert_eq!(
        access_mode,
        serde_json::json!({"ModeValue": "tunnel", "TunnelType": "geneve"})
    );

    let (_, verified) = sent(
        &[
            "GrantInstanceToVbr",
            "--RegionId",
            "cn-hangzhou",
            "--VbrOwnerUid",
            "1234567890123",
            "--InstanceId",
            "vpc-1",
            "--GrantType",
            "Specify",
            "--VbrRegionNo",
            "cn-hangzhou",
            "--VbrInstanceIds",
            "vbr-1,vbr-2",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(verified.param("VbrInstanceIds"), Some("vbr-1,vbr-2"));
    assert_eq!(verified.param("VbrOwnerUid"), Some("1234567890123"));
}

#[tokio::test]
async fn values_with_spaces_reserved_characters_and_non_ascii_arrive_intact_with_both_signatures() {
    let tricky = "net ops * ~ /+&=% é中文";
    for (version, signature) in [("v3", Signature::V3), ("V1", Signature::V1)] {
        let (_, verified) = sent(
            &[
                "--signature-version",
                version,
                "ListTagResources",
                "--RegionId",
                "cn-hangzhou",
                "--ResourceType",
                "VPC",
                "--Tag.1.Key",
                "k*~",
                "--Tag.1.Value",
                tricky,
                "--NextToken=a=b",
            ],
            &env_sts(),
        )
        .await;
        assert_eq!(verified.signature, signature);
        assert_eq!(verified.security_token.as_deref(), Some(TOKEN));
        assert_eq!(verified.param("Tag.1.Key"), Some("k*~"));
        assert_eq!(verified.param("Tag.1.Value"), Some(tricky));
        assert_eq!(verified.param("NextToken"), Some("a=b"));
    }
}

#[tokio::test]
async fn nested_body_parameters_verify_with_signature_v1() {
    let (_, verified) = sent(
        &[
            "CreateVpnConnection",
            "--signature-version=v1",
            "--RegionId",
            "cn-hangzhou",
            "--VpnGatewayId",
            "vpn-1",
            "--LocalSubnet",
            "10.0.0.0/24",
            "--RemoteSubnet",
            "10.1.0.0/24",
            "--no-validate",
            "--TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
            "p s*k~é",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(verified.signature, Signature::V1);
    assert_eq!(
        verified.form,
        pairs(&[(
            "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
            "p s*k~é"
        )])
    );
}

#[tokio::test]
async fn region_fills_region_id_from_the_option_the_environment_then_the_profile() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(
        home.path(),
        &serde_json::json!({
            "current": "main",
            "profiles": [
                {"name": "main", "mode": "AK", "access_key_id": FILE_KEY.0,
                 "access_key_secret": FILE_KEY.1, "region_id": "cn-shanghai"},
                {"name": "sts", "mode": "StsToken", "access_key_id": FILE_KEY.0,
                 "access_key_secret": FILE_KEY.1, "sts_token": TOKEN, "region_id": "eu-central-1"},
            ]
        })
        .to_string(),
    );
    let home_var = ("HOME", home.path().to_str().unwrap());

    let (_, verified) = sent(&["DescribeVpcs"], &[home_var]).await;
    assert_eq!(verified.access_key_id, FILE_KEY.0);
    assert_eq!(verified.param("RegionId"), Some("cn-shanghai"));

    let (_, verified) = sent(&["DescribeVpcs", "--profile", "sts"], &[home_var]).await;
    assert_eq!(verified.security_token.as_deref(), Some(TOKEN));
    assert_eq!(verified.param("RegionId"), Some("eu-central-1"));

    let env = [home_var, ("ALIBABA_CLOUD_REGION_ID", "cn-beijing")];
    let (_, verified) = sent(&["DescribeVpcs"], &env).await;
    assert_eq!(verified.param("RegionId"), Some("cn-beijing"));

    let (_, verified) = sent(&["DescribeVpcs", "--region", "ap-southeast-1"], &env).await;
    assert_eq!(verified.param("RegionId"), Some("ap-southeast-1"));

    let (_, verified) = sent(&["DescribeVpcs", "--RegionId", "us-west-1"], &env).await;
    assert_eq!(verified.param("RegionId"), Some("us-west-1"));
}

#[tokio::test]
async fn environment_credentials_come_before_the_profile_file_unless_a_profile_is_named() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(
        home.path(),
        &serde_json::json!({
            "current": "main",
            "profiles": [{"name": "main", "mode": "AK", "access_key_id": FILE_KEY.0,
                          "access_key_secret": FILE_KEY.1, "region_id": "cn-shanghai"}]
        })
        .to_string(),
    );
    let mut env = env_keys();
    env.push(("HOME", home.path().to_str().unwrap()));

    let (outcome, verified) = sent(&["DescribeVpcs"], &env).await;
    assert_eq!(verified.access_key_id, ENV_KEY.0);
    assert_eq!(verified.param("RegionId"), Some("cn-shanghai"));
    assert_eq!(outcome.stderr, "");

    // As with the official CLI, a named profile wins over the environment.
    let (outcome, verified) = sent(&["DescribeVpcs", "--profile", "main"], &env).await;
    assert_eq!(verified.access_key_id, FILE_KEY.0);
    assert_eq!(outcome.stderr, "");
}

/// An operation documented as `GET` goes out as `GET`, with either signature.
#[tokio::test]
async fn a_get_operation_is_sent_as_get() {
    for version in ["v3", "v1"] {
        let (_, verified) = sent(
            &[
                "DescribeVpnGatewayAvailableZones",
                "--RegionId",
                "cn-hangzhou",
                "--Spec",
                "5M",
                "--signature-version",
                version,
            ],
            &env_keys(),
        )
        .await;
        assert_eq!(verified.method, "GET", "{version}");
        assert_eq!(verified.param("Spec"), Some("5M"));
        assert!(verified.form.is_empty());
    }
}

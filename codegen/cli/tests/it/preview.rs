//! `--validate-only`: the request that would be sent, redacted, and nothing sent.

use crate::support::*;

/// The preview of a CreateVpnConnection with a body, with every line that changes per run
/// (date, nonce, body hash, signature) normalized.
async fn preview(version: &str, env: &[(&str, &str)]) -> (Outcome, String) {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(
        &[
            "--validate-only",
            "vpc",
            "CreateVpnConnection",
            "--signature-version",
            version,
            "--RegionId",
            "cn-hangzhou",
            "--VpnGatewayId",
            "vpn-1",
            "--LocalSubnet",
            "10.0.0.0/24",
            "--RemoteSubnet",
            "10.1.0.0/24",
            "--Name",
            "a b*~é",
            "--TunnelOptionsSpecification.1.TunnelIkeConfig.Psk",
            "psk*value~1",
            "--endpoint",
            &endpoint,
        ],
        env,
    )
    .await;
    assert!(
        server.received().is_empty(),
        "--validate-only sends nothing"
    );
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let normalized = outcome
        .stdout
        .replace(&endpoint, "http://SERVER")
        .replace(&endpoint["http://".len()..], "SERVER")
        .lines()
        .map(normalize)
        .collect::<Vec<_>>()
        .join("\n");
    (outcome, normalized)
}

fn normalize(line: &str) -> String {
    let mut line = line.to_owned();
    for key in [
        "x-acs-date: ",
        "x-acs-signature-nonce: ",
        "x-acs-content-sha256: ",
    ] {
        if line.starts_with(key) {
            line = format!("{key}…");
        }
    }
    for key in ["SignatureNonce=", "Timestamp="] {
        if let Some(start) = line.find(key) {
            let end = line[start..].find('&').map_or(line.len(), |e| start + e);
            line.replace_range(start + key.len()..end, "…");
        }
    }
    line
}

#[tokio::test]
async fn v3_preview_shows_the_request_with_signature_and_token_redacted() {
    let (outcome, text) = preview("v3", &env_sts()).await;
    expect_test::expect![[r#"
        POST http://SERVER/?LocalSubnet=10.0.0.0%2F24&Name=a%20b%2A~%C3%A9&RegionId=cn-hangzhou&RemoteSubnet=10.1.0.0%2F24&VpnGatewayId=vpn-1
        content-type: application/x-www-form-urlencoded
        host: SERVER
        x-acs-action: CreateVpnConnection
        x-acs-content-sha256: …
        x-acs-date: …
        x-acs-security-token: <redacted>
        x-acs-signature-nonce: …
        x-acs-version: 2016-04-28
        authorization: ACS3-HMAC-SHA256 Credential=ak-env,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=<redacted>

        TunnelOptionsSpecification.1.TunnelIkeConfig.Psk=psk%2Avalue~1"#]]
    .assert_eq(&text);
    assert_eq!(
        outcome.stderr,
        "note: ClientToken is filled with a fresh UUID when the request is sent\n"
    );
}

#[tokio::test]
async fn v1_preview_redacts_the_signature_and_token_query_parameters() {
    let (_, text) = preview("v1", &env_sts()).await;
    expect_test::expect![[r#"
        POST http://SERVER/?AccessKeyId=ak-env&Action=CreateVpnConnection&Format=JSON&LocalSubnet=10.0.0.0%2F24&Name=a%20b%2A~%C3%A9&RegionId=cn-hangzhou&RemoteSubnet=10.1.0.0%2F24&SecurityToken=<redacted>&Signature=<redacted>&SignatureMethod=HMAC-SHA1&SignatureNonce=…&SignatureVersion=1.0&Timestamp=…&Version=2016-04-28&VpnGatewayId=vpn-1
        host: SERVER
        content-type: application/x-www-form-urlencoded

        TunnelOptionsSpecification.1.TunnelIkeConfig.Psk=psk%2Avalue~1"#]]
    .assert_eq(&text);
}

#[tokio::test]
async fn preview_validates_first() {
    let outcome = acs(
        &[
            "vpc",
            "CreateVpnGateway",
            "--validate-only",
            "--RegionId",
            "cn-hangzhou",
            "--Bandwidth",
            "3",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(outcome.status, 2, "{outcome:#?}");
    assert!(
        outcome.stderr.contains("--VpcId: is required"),
        "{outcome:#?}"
    );
    assert!(outcome.stderr.contains("--Bandwidth:"), "{outcome:#?}");
    assert_eq!(outcome.stdout, "");
}

#[tokio::test]
async fn preview_uses_the_region_endpoint_without_an_explicit_one() {
    let outcome = acs(
        &[
            "vpc",
            "DescribeVpcs",
            "--validate-only",
            "--region",
            "eu-central-1",
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(
        outcome
            .stdout
            .starts_with("POST https://vpc.eu-central-1.aliyuncs.com/?RegionId=eu-central-1\n"),
        "{outcome:#?}"
    );
}

#[tokio::test]
async fn the_preview_shows_the_operations_own_method() {
    let server = ok_server().await;
    let endpoint = server.endpoint();
    let outcome = acs(
        &[
            "--validate-only",
            "vpc",
            "DescribeVpnGatewayAvailableZones",
            "--RegionId",
            "cn-hangzhou",
            "--Spec",
            "5M",
            "--endpoint",
            &endpoint,
        ],
        &env_keys(),
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let first = outcome.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!("GET {endpoint}/?RegionId=cn-hangzhou&Spec=5M"),
        "{outcome:#?}"
    );
    assert!(server.received().is_empty());
}

/// A dry run needs and contacts nothing: a profile that would assume a role through STS, and
/// an instance without metadata service, give a placeholder key and no request anywhere.
#[tokio::test]
async fn a_dry_run_contacts_no_credential_service() {
    let sts = ok_server().await;
    let home = tempfile::tempdir().unwrap();
    write_profiles(
        home.path(),
        &serde_json::json!({
            "current": "role",
            "profiles": [{
                "name": "role", "mode": "RamRoleArn", "access_key_id": FILE_KEY.0,
                "access_key_secret": FILE_KEY.1, "ram_role_arn": "acs:ram::1:role/ops",
                "ram_session_name": "ops", "region_id": "cn-hangzhou"
            }]
        })
        .to_string(),
    );
    let sts_endpoint = sts.endpoint();
    let env = [
        ("HOME", home.path().to_str().unwrap()),
        ("ALIBABA_CLOUD_STS_ENDPOINT", sts_endpoint.as_str()),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", sts_endpoint.as_str()),
    ];
    let outcome = acs(
        &[
            "--dryrun",
            "vpc",
            "DescribeVpnGatewayAvailableZones",
            "--Spec",
            "5M",
        ],
        &env,
    )
    .await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(
        outcome.stdout.contains("Credential=<no-credentials>"),
        "{outcome:#?}"
    );
    assert!(
        outcome.stderr.contains("mode RamRoleArn") && outcome.stderr.contains("placeholder"),
        "{outcome:#?}"
    );
    assert!(sts.received().is_empty(), "STS was contacted");

    // Keys at hand are used as they are.
    let outcome = acs(
        &[
            "--dryrun",
            "vpc",
            "DescribeVpnGatewayAvailableZones",
            "--Spec",
            "5M",
            "--RegionId",
            "cn-hangzhou",
        ],
        &env_keys(),
    )
    .await;
    assert!(
        outcome
            .stdout
            .contains(&format!("Credential={}", ENV_KEY.0)),
        "{outcome:#?}"
    );
}

//! Help texts, as snapshots: the products, a product's operations, an operation's parameters.

use crate::support::*;
use expect_test::expect;

/// Runs `acs args...` without credentials; asserts success and an empty stderr.
async fn help(args: &[&str]) -> String {
    let outcome = acs(args, &[]).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert_eq!(outcome.stderr, "");
    outcome.stdout
}

#[tokio::test]
async fn top_level_help_lists_products_syntax_and_options() {
    expect![[r#"
        acs: call Alibaba Cloud APIs from the shell, with the syntax of the official aliyun CLI.

        Usage: acs <product> <Action> [--<Parameter> <value>]... [options]
               acs <product> <GET|POST|PUT|DELETE|PATCH> <path> [--<Parameter> <value>]... [options]
               acs <product> [<Action>] --help
               acs completion <bash|zsh|fish|powershell|elvish>

        Products:
          vpc  Alibaba Cloud Virtual Private Cloud (VPC) (2016-04-28)

        Parameters keep their API names and the official CLI's flat syntax: --VpcId vpc-1 or
        --VpcId=vpc-1; list items numbered from 1 (--Tag.1.Key env --Tag.1.Value prod); nested
        fields joined with dots (--TunnelOptionsSpecification.1.TunnelIkeConfig.Psk secret);
        json-style parameters as one JSON string; delimited lists as one joined string.
        REST operations take path, query, header and body parameters the same way, or their
        route (acs cs GET /clusters/c-1); a parameter named like an option below is written
        --param:<Name> (--param:region cn-hangzhou).

        Options (anywhere after acs):
          --region <RegionId>                Region to call; else --RegionId, else ALIBABA_CLOUD_REGION_ID, else the profile's region_id
          --profile <name>                   Profile of ~/.aliyun/config.json to use (like ALIBABA_CLOUD_PROFILE); also -p
          --endpoint <URL>                   Endpoint instead of the region's; http:// only for loopback addresses
          --ca-file <PATH>                   Trust the CA certificates of this PEM file too (SSL_CERT_FILE / SSL_CERT_DIR replace the system's)
          --proxy <URL>                      Send every request through this proxy, http://user:password@host:port (else HTTPS_PROXY for https)
          --body <JSON or text>              The request body of a REST operation, as sent: its JSON object, array or text (instead of its body parameters)
          --body-file <PATH>                 The request body of a REST operation read from a file (bytes for a binary body)
          --signature-version <v3|v1>        Signature: ACS3-HMAC-SHA256 (v3, the default) or HMAC-SHA1 (v1)
          --validate-only                    Validate and print the request that would be sent (signature redacted); send nothing
          --dryrun                           Same as --validate-only (the official CLI's name); no credentials needed
          --no-validate                      Skip the spec's checks and send values it does not know; the service decides
          --retries <N>                      Attempts after the first when a retry is safe (default 2; only idempotent calls after an ambiguous failure)
          --no-retry                         Send once: no retry at all (same as --retries 0)
          --wait                             After the call, poll until its work is done (every ACS_WAIT_INTERVAL_MS ms if set)
          --waiter expr=<path> to=<value>    Call again until the JMESPath expression gives the value (also timeout=<s>, default 180, interval=<s>, default 5)
          --pager [path=<items>]             Call page after page and print every item in one response (also PageNumber=, PageSize=, NextToken=: parameter names; defaults from the API; max-pages=, default 1000, max-items=, default 100000, max-bytes=, default 100 MiB)
          --output cols=<A,B> [rows=<path>]  Print a table: columns by name, rows selected by a JMESPath expression (num=true numbers them)
          --quiet                            Print nothing on success: the exit status says it
          --cli-dry-run                      Same as --validate-only (the official CLI's name)
          --access-key-id <id>               AccessKeyId to sign with instead of the credentials chain (with --access-key-secret)
          --access-key-secret <secret>       AccessKeySecret of --access-key-id (visible to other users in the process list: prefer the environment)
          --sts-token <token>                STS security token of the keys on the command line (mode StsToken)
          --mode <AK|StsToken>               Mode of the keys on the command line: AK, or StsToken with --sts-token; other modes need a profile
          --read-timeout <seconds>           Limit of each attempt in seconds, connecting, sending and reading the answer (default 15)
          --connect-timeout <seconds>        Checked for compatibility; connecting is bounded by --read-timeout
          --retry-count <N>                  Same as --retries (the official CLI's name)
          --header <Name=value>              Extra header to send and sign; repeatable; not one the client writes (Host, Authorization, Date, Content-*, x-acs-*)
          --version <API version>            With --force, call this API version instead of the product's; alone, print the version of acs
          --force                            Allow --version to name an API version the command data was not made from
          --skip-secure-verify               Refused: certificates are always verified; trust a CA with SSL_CERT_FILE instead
          -h, --help                         Help for acs, a product or an operation

        Credentials: with --profile, that profile of ~/.aliyun/config.json; otherwise
        ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN),
        else the OIDC role of ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and
        ALIBABA_CLOUD_OIDC_TOKEN_FILE, else the profile named by ALIBABA_CLOUD_PROFILE or the file's
        current one (modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC), else the
        section ALIBABA_CLOUD_PROFILE (or default) of ~/.alibabacloud/credentials (ALIBABA_CLOUD_CREDENTIALS_FILE),
        else the ECS instance's RAM role, else ALIBABA_CLOUD_CREDENTIALS_URI. --access-key-id and
        --access-key-secret (and --sts-token) on the command line come before all of them.

        Exit status: 0 success, the service's JSON on stdout; 1 the call or the wait failed (service, network or
        credentials error, or an answer that is not JSON: its status, content type and first bytes on stderr);
        2 usage or validation error, nothing sent; 3 the call succeeded but --output could not shape its answer,
        which is printed as JSON instead.
    "#]].assert_eq(&help(&["--help"]).await);
}

#[tokio::test]
async fn product_help_lists_operations_with_summaries() {
    let text = help(&["vpc", "--help"]).await;
    let head: Vec<&str> = text.lines().take(10).collect();
    expect![[r#"
        acs vpc: Alibaba Cloud Virtual Private Cloud (VPC) (API version 2016-04-28)

        Usage: acs vpc <Action> [--<Parameter> <value>]... [options]

        Operations:
          ActivateRouterInterface                               Activates a router interface that is in the Inactive state.
          ActiveFlowLog                                         Enables a flow log. After the flow log is enabled, traffic information about a resource is captured.
          AddBgpNetwork                                         Advertises a Border Gateway Protocol (BGP) network.
          AddCommonBandwidthPackageIp                           Associates an elastic IP address (EIP) with an Internet Shared Bandwidth instance.
          AddCommonBandwidthPackageIps                          Associates multiple elastic IP addresses (EIPs) with an Internet Shared Bandwidth instance."#]].assert_eq(&head.join("\n"));
    let vpn: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("VpnGateway "))
        .map(str::trim)
        .collect();
    expect![[r#"
          CreateVpnGateway                                      Creates a VPN gateway.
          DeleteVpnGateway                                      Deletes a VPN gateway.
          DescribeVpnGateway                                    Queries the detailed information about a VPN gateway.
          DiagnoseVpnGateway                                    Diagnoses a VPN gateway."#]].assert_eq(&vpn.join("\n"));
    assert_eq!(
        text.lines().filter(|l| l.starts_with("  ")).count(),
        // One reference page per operation in the SDK crate.
        std::fs::read_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../generated/vpc/docs"
        ))
        .unwrap()
        .count()
    );
    assert_eq!(help(&["-h", "vpc"]).await, text, "-h works anywhere");
}

#[tokio::test]
async fn operation_help_shows_every_parameter() {
    expect![[r#"
        acs vpc CreateVpnGateway: Creates a VPN gateway.

        Creates a VPN gateway in a virtual private cloud (VPC).

        If automatic payment is disabled, you must complete the payment for the VPN gateway in the
        Alibaba Cloud Management console before it is created.

        Usage: acs vpc CreateVpnGateway --RegionId <string> --VpcId <string> --Bandwidth <integer> [--<Parameter> <value>]... [options]

        Parameters:
          --RegionId <string>  (required)
              The region ID of the VPN gateway. You can call the DescribeRegions operation to query the
              most recent region list.

          --Name <string>
              The name of the VPN gateway. The default value is the ID of the VPN gateway.
              - Must be 2 to 100 characters long.
              - Must match the pattern ^[A-Za-z][A-Za-z0-9_-]*$ (starts with a letter; letters, digits, underscores (_) and hyphens (-) only).

          --VpcId <string>  (required)
              The ID of the virtual private cloud (VPC) where you want to create the VPN gateway.

          --InstanceChargeType <PREPAY|POSTPAY>  [default: POSTPAY]
              The billing method of the VPN gateway. Set the value to POSTPAY, which specifies the
              pay-as-you-go billing method. Example value for the Alibaba Cloud China site: PREPAY;
              for the Alibaba Cloud International site: POSTPAY.

              This parameter is required when you create a VPN gateway.
              - Must be one of PREPAY (subscription), POSTPAY (pay-as-you-go).

          --Period <integer>
              The subscription duration. Unit: months.
              - Must be one of 1 to 9, 12, 24, 36.

          --AutoPay <true|false>  [default: false]
              Specifies whether to enable automatic payment for the VPN gateway.

          --Bandwidth <integer>  (required)
              The public bandwidth of the VPN gateway. Unit: Mbit/s.
              - Must be one of 5, 10, 20, 50, 100, 200.

          --EnableIpsec <true|false>  [default: true]
              Specifies whether to enable the IPsec-VPN feature.

          --EnableSsl <true|false>  [default: false]
              Specifies whether to enable the SSL-VPN feature for the VPN gateway.

          --SslConnections <integer>
              The maximum number of clients that can be connected at the same time.
              - Must be one of 5, 10, 20.

          --VSwitchId <string>
              The ID of the vSwitch to which the VPN gateway belongs.

          --VpnType <Normal|NationalStandard>  [default: Normal]
              The type of the VPN gateway.
              - Must be one of Normal (standard), NationalStandard (ShangMi (SM)).

          --ClientToken <string>
              The client token that is used to ensure the idempotence of the request.

              You can use the client to generate the value, but you must make sure that it is unique
              among different requests. If you do not set this parameter, the system automatically uses
              RequestId as ClientToken; RequestId of each API request may be different.
              - Must contain only ASCII characters.
              - Idempotency token: when left empty the client fills it with a fresh UUID and sends the same value on every retry of the call.

          --NetworkType <public|private>  [default: public]
              The network type of the VPN gateway.
              - Must be one of public (public VPN gateway), private (private VPN gateway).

          --DisasterRecoveryVSwitchId <string>
              The second vSwitch with which you want to associate the VPN gateway.

              * If you call this operation in a region that supports the IPsec-VPN connections in dual-tunnel mode, this parameter is required.
              * You need to specify two vSwitches in different zones in the virtual private cloud (VPC) that is associated with the VPN gateway to implement disaster recovery across zones.
              * For a region that supports only one zone, disaster recovery across zones is not supported. We recommend that you specify two vSwitches in the zone to implement high availability. You can specify the same vSwitch.

              For more information about the regions and zones that support the IPsec-VPN connections in dual-tunnel mode, see [IPsec-VPN connections support the dual-tunnel mode](<https://www.alibabacloud.com/help/doc-detail/2358946.htm>).

          --ResourceGroupId <string>
              The ID of the resource group to which the VPN gateway belongs.

              * You can call the [ListResourceGroups](<https://www.alibabacloud.com/help/doc-detail/158855.htm>) operation to query resource group IDs.
              * If you do not specify a resource group ID, the VPN gateway belongs to the default resource group.
              * After the VPN gateway is created, the following resources also belong to the resource group and you cannot change the resource group: SSL servers, SSL client certificates, IPsec servers, and IPsec-VPN connections.

                If you move the VPN gateway to a new resource group, the preceding resources are also moved to the new resource group.

        --wait polls DescribeVpnGateway until VpnGatewayActive (every 6000 ms, at most 600000 ms).
        Global options: --region, --profile, --endpoint, --ca-file, --proxy, --body, --body-file, --signature-version, --validate-only, --dryrun, --no-validate, --retries, --no-retry, --wait, --waiter, --pager, --output, --quiet, --cli-dry-run, --access-key-id, --access-key-secret, --sts-token, --mode, --read-timeout, --connect-timeout, --retry-count, --header, --version, --force, --skip-secure-verify (see `acs --help`).
    "#]].assert_eq(&help(&["vpc", "CreateVpnGateway", "--help"]).await);
}

#[tokio::test]
async fn operation_help_shows_the_flat_syntax_of_nested_lists() {
    let text = help(&["vpc", "CreateVpnConnection", "--help"]).await;
    let flat: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  --Tags") || l.starts_with("  --TunnelOptionsSpecification"))
        .map(str::trim)
        .collect();
    expect![[r#"
        --Tags.N.Key <string>
        --Tags.N.Value <string>
        --TunnelOptionsSpecification.N.CustomerGatewayId <string>
        --TunnelOptionsSpecification.N.EnableDpd <true|false>
        --TunnelOptionsSpecification.N.EnableNatTraversal <true|false>
        --TunnelOptionsSpecification.N.RemoteCaCertificate <string>
        --TunnelOptionsSpecification.N.Role <master|slave>
        --TunnelOptionsSpecification.N.TunnelBgpConfig.LocalAsn <integer>
        --TunnelOptionsSpecification.N.TunnelBgpConfig.LocalBgpIp <string>
        --TunnelOptionsSpecification.N.TunnelBgpConfig.TunnelCidr <string>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeAuthAlg <md5|sha1|sha256|sha384|sha512>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeEncAlg <aes|aes192|aes256|des|3des>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeLifetime <integer>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeMode <main|aggressive>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkePfs <group1|group2|group5|group14>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.IkeVersion <ikev1|ikev2>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.LocalId <string>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.Psk <string>
        --TunnelOptionsSpecification.N.TunnelIkeConfig.RemoteId <string>
        --TunnelOptionsSpecification.N.TunnelIpsecConfig.IpsecAuthAlg <md5|sha1|sha256|sha384|sha512>
        --TunnelOptionsSpecification.N.TunnelIpsecConfig.IpsecEncAlg <aes|aes192|aes256|des|3des>
        --TunnelOptionsSpecification.N.TunnelIpsecConfig.IpsecLifetime <integer>
        --TunnelOptionsSpecification.N.TunnelIpsecConfig.IpsecPfs <disabled|group1|group2|group5|group14>"#]]
    .assert_eq(&flat.join("\n"));
    let json = help(&["vpc", "CreateNatGateway", "--help"]).await;
    assert!(json.contains("\n  --AccessMode <json>\n"), "{json}");
    let joined = help(&["vpc", "GrantInstanceToVbr", "--help"]).await;
    assert!(
        joined.contains("\n  --VbrInstanceIds <string,string,...>\n"),
        "{joined}"
    );
}

#[tokio::test]
async fn incomplete_command_lines_print_help_on_stderr_and_exit_2() {
    for (args, start) in [
        (&[][..], "acs: call Alibaba Cloud APIs"),
        (&["vpc"][..], "acs vpc: Alibaba Cloud Virtual Private Cloud"),
        (&["completion"][..], "Usage: acs completion"),
    ] {
        let outcome = acs(args, &[]).await;
        assert_eq!(outcome.status, 2, "{outcome:#?}");
        assert_eq!(outcome.stdout, "");
        assert!(outcome.stderr.starts_with(start), "{outcome:#?}");
    }
}

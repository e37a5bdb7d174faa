//! The `vpn_gateway` example of `acs-vpc`, run end to end against the VPN gateway emulator.

#[path = "../../../generated/vpc/examples/vpn_gateway.rs"]
mod example;

use std::time::Duration;

use acs_runtime::waiter::WaiterConfig;
use acs_tests::{EmulatorConfig, VpnEmulator};
use acs_vpc::Client;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;

#[tokio::test]
async fn the_example_flow_creates_lists_renames_and_deletes_a_gateway() {
    let emulator = VpnEmulator::start(EmulatorConfig {
        polls_until_active: 3,
        polls_while_deleting: 2,
        ..EmulatorConfig::default()
    })
    .await;
    let client = Client::new(emulator.config().build()).unwrap();
    let mut others = Vec::new();
    for name in ["other-a", "other-b"] {
        let request = CreateVpnGatewayRequest::builder()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-other0000")
            .bandwidth(5)
            .name(name)
            .build()
            .unwrap();
        let created = client.send(request).await.unwrap();
        others.push(created.vpn_gateway_id.unwrap());
    }
    let settings = example::Settings {
        region: "cn-hangzhou".to_owned(),
        vpc_id: "vpc-example0000".to_owned(),
        name: "example-vpn".to_owned(),
        new_name: "example-vpn-renamed".to_owned(),
        page_size: 1,
        waiter: Some(WaiterConfig::new(
            Duration::from_millis(1),
            Duration::from_secs(30),
        )),
    };

    let outcome = example::run(&client, &settings).await.unwrap();

    let mut listed = others.clone();
    listed.push(outcome.gateway_id.clone());
    assert_eq!(outcome.listed, listed, "three pages of one gateway each");
    assert_eq!(outcome.renamed_to.as_deref(), Some("example-vpn-renamed"));
    let left: Vec<String> = emulator.gateways().into_iter().map(|g| g.id).collect();
    assert_eq!(left, others, "the example's gateway is gone");
    let created = emulator.calls("CreateVpnGateway");
    assert_eq!(created.len(), 3);
    assert_eq!(created[2].param("Name"), Some("example-vpn"));
    assert_eq!(created[2].param("VpcId"), Some("vpc-example0000"));
    assert_eq!(emulator.calls("DescribeVpnGateways").len(), 3);
    assert_eq!(
        emulator.calls("DescribeVpnGateway").len(),
        4 + 3,
        "3 provisioning polls and the active one; 2 deleting polls and the NotFound one"
    );
    let renamed = emulator.calls("ModifyVpnGatewayAttribute");
    assert_eq!(renamed[0].param("Name"), Some("example-vpn-renamed"));
    assert_eq!(emulator.calls("DeleteVpnGateway").len(), 1);
}

//! A fake that answers some operations itself and lets a real client send the others: its
//! `delegate`, the trait's default bodies and `client::dispatch`, against the emulator.

use std::sync::Mutex;
use std::time::Duration;

use acs_runtime::waiter::WaiterConfig;
use acs_tests::{EmulatorConfig, VpnEmulator};
use acs_vpc::operation::create_vpn_gateway::{self, CreateVpnGatewayRequest};
use acs_vpc::operation::describe_vpn_gateway::{self, DescribeVpnGatewayRequest};
use acs_vpc::operation::describe_vpn_gateways::DescribeVpnGatewaysRequest;
use acs_vpc::types::Status;
use acs_vpc::{Client, Error, VpcApi};

const REGION: &str = "cn-hangzhou";

/// Records the gateways it is asked to create, then lets them be created; answers nothing
/// else itself.
struct Spy {
    client: Client,
    created: Mutex<Vec<Option<String>>>,
}

impl VpcApi for Spy {
    fn delegate(&self) -> Option<&Client> {
        Some(&self.client)
    }

    fn create_vpn_gateway(&self, request: CreateVpnGatewayRequest) -> create_vpn_gateway::Call<'_> {
        self.created.lock().unwrap().push(request.vpc_id.clone());
        acs_vpc::client::dispatch(self.delegate(), request)
    }
}

/// Implements nothing and delegates to nobody.
struct Bare;

impl VpcApi for Bare {}

fn create(vpc: &str) -> CreateVpnGatewayRequest {
    CreateVpnGatewayRequest::builder()
        .region_id(REGION)
        .vpc_id(vpc)
        .bandwidth(5)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_spy_records_its_operation_and_the_client_sends_every_operation() {
    let emulator = VpnEmulator::start(EmulatorConfig {
        polls_until_active: 1,
        ..EmulatorConfig::default()
    })
    .await;
    let spy = Spy {
        client: Client::new(emulator.config().build()).unwrap(),
        created: Mutex::new(Vec::new()),
    };
    let api: &dyn VpcApi = &spy;

    let created = api
        .create_vpn_gateway(create("vpc-spy00000000"))
        .await
        .unwrap();
    let id = created.vpn_gateway_id.unwrap();
    assert_eq!(
        *spy.created.lock().unwrap(),
        [Some("vpc-spy00000000".to_owned())]
    );
    assert_eq!(emulator.calls("CreateVpnGateway").len(), 1);

    // Not implemented by the spy: sent by its delegate, waiters included.
    let describe = DescribeVpnGatewayRequest::builder()
        .region_id(REGION)
        .vpn_gateway_id(&id)
        .build()
        .unwrap();
    let config = WaiterConfig::new(Duration::from_millis(1), Duration::from_secs(30));
    let active = describe_vpn_gateway::wait_until_vpn_gateway_active(api, describe, Some(config))
        .await
        .unwrap()
        .expect("the last answer");
    assert_eq!(active.status, Some(Status::Active));
    let listed = api
        .describe_vpn_gateways(
            DescribeVpnGatewaysRequest::builder()
                .region_id(REGION)
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(listed.total_count, Some(1));
    assert!(emulator.calls("DescribeVpnGateway").len() >= 2);
}

#[tokio::test]
async fn without_a_delegate_every_operation_fails_as_not_implemented_and_sends_nothing() {
    let error = Bare
        .create_vpn_gateway(create("vpc-bare0000000"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::NotImplemented {
                operation: "CreateVpnGateway",
                api: "VpcApi"
            }
        ),
        "{error:?}"
    );
    let error = acs_vpc::client::dispatch(Bare.delegate(), create("vpc-bare0000000"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::NotImplemented { .. }), "{error:?}");
}

//! The life of a VPN gateway: create it, wait until it is active, list every gateway of the
//! region, rename it, delete it and wait until it is gone.
//!
//! This creates a real, billed (pay-as-you-go) gateway unless the endpoint points elsewhere.
//!
//! ```sh
//! VPN_EXAMPLE_VPC_ID=vpc-... cargo run -p acs-vpc --example vpn_gateway
//! ```
//!
//! Environment:
//! - credentials from the default chain: `ALIBABA_CLOUD_ACCESS_KEY_ID` and
//!   `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (and `ALIBABA_CLOUD_SECURITY_TOKEN`), else the CLI
//!   profile in `~/.aliyun/config.json`;
//! - `ALIBABA_CLOUD_REGION_ID`: the region (default `cn-hangzhou`);
//! - `VPN_EXAMPLE_VPC_ID`: the VPC to create the gateway in (required);
//! - `ALIBABA_CLOUD_VPC_ENDPOINT`: an endpoint that overrides the region's, e.g.
//!   `http://127.0.0.1:8080` for an emulator (optional).
//!
//! The flow itself is [`run`], written against the [`VpcApi`] trait so that it runs against
//! any implementation: the tests drive it against an emulator.

use std::error::Error;

use acs_runtime::waiter::WaiterConfig;
use acs_vpc::VpcApi;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::operation::delete_vpn_gateway::DeleteVpnGatewayRequest;
use acs_vpc::operation::describe_vpn_gateway::DescribeVpnGatewayRequest;
use acs_vpc::operation::describe_vpn_gateways::DescribeVpnGatewaysRequest;
use acs_vpc::operation::modify_vpn_gateway_attribute::ModifyVpnGatewayAttributeRequest;
use acs_vpc::types::InstanceChargeType;
use futures_util::TryStreamExt;

/// Any error of the flow.
pub type BoxError = Box<dyn Error + Send + Sync>;

/// What the flow works with.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The region, e.g. `cn-hangzhou`.
    pub region: String,
    /// The VPC the gateway is created in.
    pub vpc_id: String,
    /// The gateway's first name.
    pub name: String,
    /// The name it is given afterwards.
    pub new_name: String,
    /// Gateways per listed page (1 to 50).
    pub page_size: i32,
    /// How the waiters poll; `None` keeps the spec's defaults (every 6 s, at most 10 min).
    pub waiter: Option<WaiterConfig>,
}

/// What the flow did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The gateway created (and deleted).
    pub gateway_id: String,
    /// The ids of the gateways listed while it was active, every page included.
    pub listed: Vec<String>,
    /// The name the service answered after the rename.
    pub renamed_to: Option<String>,
}

/// Creates a gateway, waits until it is active, lists every gateway of the region, renames
/// it, deletes it and waits until it is gone.
///
/// # Errors
///
/// The first failure: a request that breaks its spec, a service or transport error, or a
/// wait that failed or timed out. A gateway created before the failure is left in place.
pub async fn run(api: &impl VpcApi, settings: &Settings) -> Result<Outcome, BoxError> {
    let region = settings.region.as_str();
    let create = CreateVpnGatewayRequest::builder()
        .region_id(region)
        .vpc_id(&settings.vpc_id)
        .name(&settings.name)
        .bandwidth(10)
        .instance_charge_type(InstanceChargeType::Postpay)
        .auto_pay(true)
        .build()?;
    // The client fills `ClientToken` and keeps it across retries: a retried create never
    // makes a second gateway.
    let gateway_id = api
        .create_vpn_gateway(create)
        .await?
        .vpn_gateway_id
        .ok_or("CreateVpnGateway answered no VpnGatewayId")?;

    let describe = DescribeVpnGatewayRequest::builder()
        .region_id(region)
        .vpn_gateway_id(&gateway_id)
        .build()?;
    acs_vpc::operation::describe_vpn_gateway::wait_until_vpn_gateway_active(
        api,
        describe.clone(),
        settings.waiter,
    )
    .await?;

    let list = DescribeVpnGatewaysRequest::builder()
        .region_id(region)
        .page_size(settings.page_size)
        .build()?;
    let listed: Vec<String> =
        acs_vpc::operation::describe_vpn_gateways::describe_vpn_gateways_items(api, list)
            .map_ok(|gateway| gateway.vpn_gateway_id.unwrap_or_default())
            .try_collect()
            .await?;

    let rename = ModifyVpnGatewayAttributeRequest::builder()
        .region_id(region)
        .vpn_gateway_id(&gateway_id)
        .name(&settings.new_name)
        .build()?;
    let renamed_to = api.modify_vpn_gateway_attribute(rename).await?.name;

    let delete = DeleteVpnGatewayRequest::builder()
        .region_id(region)
        .vpn_gateway_id(&gateway_id)
        .build()?;
    api.delete_vpn_gateway(delete).await?;
    acs_vpc::operation::describe_vpn_gateway::wait_until_vpn_gateway_deleted(
        api,
        describe,
        settings.waiter,
    )
    .await?;

    Ok(Outcome {
        gateway_id,
        listed,
        renamed_to,
    })
}

// The tests include this file as a module and call `run`; only the example binary has `main`.
#[cfg(not(test))]
#[tokio::main]
async fn main() -> Result<(), BoxError> {
    use acs_vpc::{Client, Config};

    let region =
        std::env::var("ALIBABA_CLOUD_REGION_ID").unwrap_or_else(|_| "cn-hangzhou".to_owned());
    let vpc_id = std::env::var("VPN_EXAMPLE_VPC_ID")
        .map_err(|_| "set VPN_EXAMPLE_VPC_ID to the VPC to create the gateway in")?;
    let mut config = Config::builder().region(&region);
    if let Ok(endpoint) = std::env::var("ALIBABA_CLOUD_VPC_ENDPOINT") {
        config = config.endpoint(endpoint);
    }
    let client = Client::new(config.build())?;
    let settings = Settings {
        region,
        vpc_id,
        name: "example-vpn".to_owned(),
        new_name: "example-vpn-renamed".to_owned(),
        page_size: 50,
        waiter: None,
    };
    let outcome = run(&client, &settings).await?;
    println!(
        "created, renamed to {:?} and deleted {}; {} gateway(s) listed while it was active",
        outcome.renamed_to.unwrap_or_default(),
        outcome.gateway_id,
        outcome.listed.len()
    );
    Ok(())
}

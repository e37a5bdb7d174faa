//! The README's example of the generated crate, compiled against the real API, and run against
//! a loopback server answering `Resource.QuotaFull`.

use acs_tests::{Reply, TestServer};
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayError;
use acs_vpc::{Client, Config, Credentials, Error};

/// The README's code, with the client passed in instead of built from the environment.
async fn run(client: &Client) -> Result<Option<String>, Box<dyn std::error::Error>> {
    let created = client
        .create_vpn_gateway()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-bp1ub1yt9cvakoelj****")
        .bandwidth(5)
        .send()
        .await;
    match created {
        Ok(created) => Ok(created.vpn_gateway_id),
        Err(Error::Service(CreateVpnGatewayError::ResourceQuotaFull(e))) => {
            Ok(Some(format!("quota: {e}")))
        }
        Err(e) => Err(e.into()),
    }
}

#[tokio::test]
async fn the_readme_example_matches_the_typed_quota_error() {
    let server = TestServer::start(&[("testid", "testsecret")], |_| {
        Reply::error(
            400,
            "Resource.QuotaFull",
            "The quota of resource is full",
            "req-1",
        )
    })
    .await;
    let config = Config::builder()
        .region("cn-hangzhou")
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .build();
    let outcome = run(&Client::new(config).unwrap()).await.unwrap();
    assert_eq!(
        outcome.as_deref(),
        Some("quota: Resource.QuotaFull: The quota of resource is full (request id req-1)")
    );
}

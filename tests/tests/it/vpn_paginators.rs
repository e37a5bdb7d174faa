//! The `DescribeVpnGateways` paginator against the emulator: no gateway, one page, many pages.

use acs_tests::{EmulatorConfig, VpnEmulator};
use acs_vpc::Client;
use acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayRequest;
use acs_vpc::operation::describe_vpn_gateways::DescribeVpnGatewaysRequest;
use futures_util::{StreamExt, TryStreamExt};

const REGION: &str = "cn-shanghai";

/// An emulator holding `count` gateways in [`REGION`] (and one elsewhere), and a client.
async fn with_gateways(count: usize) -> (VpnEmulator, Client, Vec<String>) {
    let emulator = VpnEmulator::start(EmulatorConfig {
        quota: 20,
        ..EmulatorConfig::default()
    })
    .await;
    let client = Client::new(emulator.config().build()).unwrap();
    let mut ids = Vec::new();
    for (i, region) in std::iter::repeat_n(REGION, count)
        .chain(["cn-beijing"])
        .enumerate()
    {
        let request = CreateVpnGatewayRequest::builder()
            .region_id(region)
            .vpc_id("vpc-pages0000")
            .bandwidth(5)
            .name(format!("gw-{i}"))
            .build()
            .unwrap();
        let id = client.send(request).await.unwrap().vpn_gateway_id.unwrap();
        if region == REGION {
            ids.push(id);
        }
    }
    (emulator, client, ids)
}

fn list(page_size: i32) -> DescribeVpnGatewaysRequest {
    DescribeVpnGatewaysRequest::builder()
        .region_id(REGION)
        .page_size(page_size)
        .build()
        .unwrap()
}

/// The ids of every listed gateway, and the page numbers the paginator asked for.
async fn walk(
    emulator: &VpnEmulator,
    client: &Client,
    page_size: i32,
) -> (Vec<String>, Vec<String>) {
    let ids: Vec<String> = client
        .describe_vpn_gateways_items(list(page_size))
        .map_ok(|g| g.vpn_gateway_id.unwrap())
        .try_collect()
        .await
        .unwrap();
    let pages = emulator
        .calls("DescribeVpnGateways")
        .iter()
        .map(|c| c.param("PageNumber").unwrap_or("none").to_owned())
        .collect();
    (ids, pages)
}

#[tokio::test]
async fn no_gateway_is_one_empty_page() {
    let (emulator, client, _) = with_gateways(0).await;
    let (ids, pages) = walk(&emulator, &client, 10).await;
    assert!(ids.is_empty());
    assert_eq!(pages, ["none"], "one request, for the first page");
}

#[tokio::test]
async fn a_single_page_is_fetched_once() {
    let (emulator, client, created) = with_gateways(4).await;
    let (ids, pages) = walk(&emulator, &client, 10).await;
    assert_eq!(ids, created);
    assert_eq!(pages, ["none"], "the total was reached on the first page");
}

#[tokio::test]
async fn many_pages_are_walked_in_order_until_the_total() {
    let (emulator, client, created) = with_gateways(7).await;
    let (ids, pages) = walk(&emulator, &client, 2).await;
    assert_eq!(ids, created);
    assert_eq!(pages, ["none", "2", "3", "4"]);

    let totals: Vec<(Option<i32>, usize)> = client
        .describe_vpn_gateways_pages(list(3))
        .map(|page| {
            let page = page.unwrap();
            let on_page = page
                .vpn_gateways
                .and_then(|g| g.vpn_gateway)
                .map_or(0, |g| g.len());
            (page.total_count, on_page)
        })
        .collect()
        .await;
    assert_eq!(totals, [(Some(7), 3), (Some(7), 3), (Some(7), 1)]);
}

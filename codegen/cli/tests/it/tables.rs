//! `--output` tables: columns as wide as their cells on a terminal (CJK and emoji take two
//! columns), and a warning for a column that no row has.

use crate::support::*;
use acs_tests::Reply;

const GATEWAYS: &str = r#"{"RequestId":"R-1","VpnGateways":{"VpnGateway":[
    {"VpnGatewayId":"vpn-1","Name":"杭州网关","Status":"active"},
    {"VpnGatewayId":"vpn-22","Name":"gw 🚀","Status":"init"},
    {"VpnGatewayId":"vpn-333","Name":"plain","Status":"active"}]}}"#;

async fn table(cols: &str) -> Outcome {
    let server = server(Reply::json(200, GATEWAYS)).await;
    let endpoint = server.endpoint();
    let args = [
        "vpc",
        "DescribeVpnGateways",
        "--RegionId",
        "cn-hangzhou",
        "--output",
        cols,
        "rows=VpnGateways.VpnGateway",
        "--endpoint",
        &endpoint,
    ];
    let outcome = acs(&args, &env_keys()).await;
    assert_eq!(server.verified().len(), 1, "{outcome:#?}");
    outcome
}

#[tokio::test]
async fn columns_are_as_wide_as_their_widest_cell_on_a_terminal() {
    let outcome = table("cols=Name,Status,VpnGatewayId").await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    // "杭州网关" is 8 columns wide, "gw 🚀" 5: the separators line up on screen.
    let expected = "\
Name     | Status | VpnGatewayId
-------- | ------ | ------------
杭州网关 | active | vpn-1
gw 🚀    | init   | vpn-22
plain    | active | vpn-333
";
    assert_eq!(outcome.stdout, expected);
    assert_eq!(outcome.stderr, "", "{outcome:#?}");
}

#[tokio::test]
async fn a_column_that_no_row_has_is_a_warning() {
    let outcome = table("cols=VpnGatewayId,Stauts").await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    assert!(
        outcome.stdout.starts_with("VpnGatewayId | Stauts\n"),
        "{outcome:#?}"
    );
    assert_eq!(
        outcome.stderr,
        "warning: --output cols=Stauts matches no field of any row, so its column is empty \
         (the rows have: Name, Status, VpnGatewayId)\n"
    );
}

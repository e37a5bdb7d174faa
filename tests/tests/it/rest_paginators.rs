//! Paginators inferred for REST listings, over real HTTP: Function Compute's `nextToken` and
//! Container Service's `page_number` with the total in `page_info`, each page signed and
//! verified.

use acs_tests::{Reply, TestServer};
use futures_util::StreamExt;

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

fn config(server: &TestServer) -> acs_runtime::client::Config {
    acs_runtime::client::Config::builder()
        .endpoint(server.endpoint())
        .credentials(acs_runtime::auth::Credentials::new("testid", "testsecret"))
        .build()
}

fn query<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn function_compute_functions_page_by_next_token() {
    let server = TestServer::start(KEYS, |exchange| {
        match query(&exchange.verified.query, "nextToken") {
            None => Reply::json(
                200,
                r#"{"functions":[{"functionName":"f1"},{"functionName":"f2"}],"nextToken":"t 2"}"#,
            ),
            Some("t 2") => Reply::json(200, r#"{"functions":[{"functionName":"f3"}]}"#),
            Some(other) => Reply::error(400, "InvalidToken", other, "r-1"),
        }
    })
    .await;
    let client = acs_fc::Client::new(config(&server)).unwrap();
    let request = acs_fc::operation::list_functions::ListFunctionsRequest::builder()
        .limit(2)
        .build()
        .unwrap();
    let names: Vec<String> = client
        .list_functions_items(request)
        .map(|function| function.unwrap().function_name.unwrap())
        .collect()
        .await;
    assert_eq!(names, ["f1", "f2", "f3"]);
    let verified = server.verified();
    assert_eq!(verified.len(), 2);
    for request in &verified {
        assert_eq!(
            (request.method.as_str(), request.path.as_str()),
            ("GET", "/2023-03-30/functions")
        );
        assert_eq!(query(&request.query, "limit"), Some("2"));
    }
    assert_eq!(query(&verified[1].query, "nextToken"), Some("t 2"));
}

#[tokio::test]
async fn container_service_clusters_page_by_number_up_to_the_nested_total() {
    let server = TestServer::start(KEYS, |exchange| {
        let page: u32 = query(&exchange.verified.query, "page_number")
            .map_or(1, |p| p.parse().unwrap());
        Reply::json(
            200,
            format!(
                r#"{{"clusters":[{{"cluster_id":"c{page}"}}],"page_info":{{"page_number":{page},"page_size":1,"total_count":3}}}}"#
            ),
        )
    })
    .await;
    let client = acs_cs::Client::new(config(&server)).unwrap();
    let request = acs_cs::operation::describe_clusters_v1::DescribeClustersV1Request::builder()
        .page_size(1)
        .build()
        .unwrap();
    let ids: Vec<String> = client
        .describe_clusters_v1_items(request)
        .map(|cluster| cluster.unwrap().cluster_id.unwrap())
        .collect()
        .await;
    assert_eq!(
        ids,
        ["c1", "c2", "c3"],
        "three pages of one, then the total is reached"
    );
    let pages: Vec<Option<String>> = server
        .verified()
        .iter()
        .map(|request| query(&request.query, "page_number").map(str::to_owned))
        .collect();
    assert_eq!(pages, [None, Some("2".to_owned()), Some("3".to_owned())]);
}

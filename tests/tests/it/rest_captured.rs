//! Requests captured from the official Python SDKs of cs, elasticsearch, fc and sae (V3 and
//! the ROA signature, `tests/data/wire-examples/official-python-sdk-rest.jsonl`): the
//! independent verifier accepts each, the runtime's signers give each its signature from the
//! same inputs, and the generated cs client sends what the official SDK sends.

use acs_runtime::auth::{Credentials, sign_roa, sign_v3};
use acs_runtime::params::Pairs;
use acs_tests::{Clock, Reply, Signature, TestServer, verify, wire_examples};
use serde_json::Value;

const SECRET: &str = "testsecret";

fn captured() -> Vec<Value> {
    let lines = wire_examples::records(&wire_examples::REST);
    assert!(lines.len() >= 28, "{} captured requests", lines.len());
    lines
}

#[test]
fn the_verifier_accepts_every_captured_request_and_refuses_it_altered() {
    let secret = |id: &str| (id == "testid").then(|| SECRET.to_owned());
    for line in captured() {
        let request = wire_examples::request(&line);
        let verified = verify(&request, secret, Clock::Any)
            .unwrap_or_else(|e| panic!("{}: {e}", line["operation"]));
        let expected = match line["signature"].as_str().unwrap() {
            "v3" => Signature::V3,
            _ => Signature::Roa,
        };
        assert_eq!(verified.signature, expected, "{}", line["operation"]);
        assert_eq!(verified.action, line["operation"].as_str().unwrap());
        let mut moved = request.clone();
        moved.path.push('x');
        assert!(
            verify(&moved, secret, Clock::Any).is_err(),
            "{}",
            line["operation"]
        );
        if !request.body.is_empty() && expected == Signature::V3 {
            let mut changed = request.clone();
            changed.body[0] ^= 1;
            assert!(verify(&changed, secret, Clock::Any).is_err());
        }
    }
}

#[test]
fn the_runtime_signers_give_each_captured_request_its_signature() {
    let credentials = Credentials::new("testid", SECRET);
    for line in captured() {
        let request = wire_examples::request(&line);
        let operation = line["operation"].as_str().unwrap();
        let authorization = request.header("authorization").unwrap();
        let query = wire_examples::pairs(&line, "query");
        match line["signature"].as_str().unwrap() {
            "v3" => {
                let signed_names = authorization
                    .split("SignedHeaders=")
                    .nth(1)
                    .unwrap()
                    .split(',')
                    .next()
                    .unwrap();
                let headers: Vec<(&str, &str)> = signed_names
                    .split(';')
                    .map(|name| (name, request.header(name).unwrap()))
                    .collect();
                let pairs: Vec<(&str, &str)> = query
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let ours = sign_v3::authorization(
                    &credentials,
                    &request.method,
                    &request.path,
                    &pairs,
                    &headers,
                    &request.body,
                );
                assert_eq!(ours, authorization, "{operation}");
            }
            _ => {
                let mut acs: Vec<(&str, &str)> = request
                    .headers
                    .iter()
                    .filter(|(name, _)| name.starts_with(acs_runtime::wire::PROTOCOL_HEADER_PREFIX))
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect();
                acs.sort();
                let mut pairs = Pairs::default();
                for (k, v) in &query {
                    pairs.push(k, v);
                }
                let string = sign_roa::string_to_sign(
                    &request.method,
                    request.header("content-type").unwrap_or(""),
                    request.header("date").unwrap(),
                    &acs,
                    &sign_roa::resource(&request.path, &pairs),
                );
                let ours = format!("acs testid:{}", sign_roa::signature(SECRET, &string));
                assert_eq!(ours, authorization, "{operation}");
            }
        }
    }
}

/// Python writes booleans `True`/`False`; the service and the other SDKs `true`/`false`.
fn same_value(ours: &str, theirs: &str) -> bool {
    ours == theirs || ours.eq_ignore_ascii_case(theirs) && ["true", "false"].contains(&ours)
}

#[tokio::test]
async fn the_generated_cs_client_sends_what_the_official_sdk_sends() {
    use acs_cs::types::{DeleteOption, ModifyClusterTagsBody, Tag};
    let lines = captured();
    let official = |operation: &str| {
        lines
            .iter()
            .find(|l| l["operation"] == operation && l["signature"] == "v3")
            .map(|l| (wire_examples::request(l), wire_examples::pairs(l, "query")))
            .unwrap()
    };
    // DescribeClusters answers with a JSON array, the others with an object.
    let server = TestServer::start(&[("testid", SECRET)], |exchange| {
        match exchange.verified.action.as_str() {
            "DescribeClusters" => Reply::json(200, "[]"),
            _ => Reply::json(200, "{}"),
        }
    })
    .await;
    let config = acs_cs::Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", SECRET))
        .build();
    let client = acs_cs::Client::new(config).unwrap();
    client
        .describe_cluster_node_pool_detail()
        .cluster_id("c-1")
        .nodepool_id("np 1/x*y+z~")
        .send()
        .await
        .unwrap();
    client
        .scale_cluster_node_pool()
        .cluster_id("c-1")
        .nodepool_id("np-1")
        .count(2)
        .send()
        .await
        .unwrap();
    let tag = |key: &str, value: &str| ModifyClusterTagsBody {
        key: Some(key.into()),
        value: Some(value.into()),
    };
    client
        .modify_cluster_tags()
        .cluster_id("c-1")
        .body([tag("env", "prod"), tag("team", "net ops/ü")])
        .send()
        .await
        .unwrap();
    client
        .list_tag_resources()
        .region_id("cn-hangzhou")
        .resource_ids(["c-1", "c 2"])
        .resource_type("CLUSTER")
        .tags([Tag {
            key: Some("env".into()),
            value: Some("a&b=c".into()),
        }])
        .send()
        .await
        .unwrap();
    client
        .describe_clusters()
        .name("")
        .cluster_type("ManagedKubernetes")
        .resource_group_id("rg a+b/c*d~e")
        .send()
        .await
        .unwrap();
    client
        .delete_cluster()
        .cluster_id("c-1")
        .retain_all_resources(true)
        .keep_slb(false)
        .retain_resources(["slb-1", "eip-2"])
        .delete_options([DeleteOption {
            resource_type: Some("SLB".into()),
            delete_mode: Some("delete".into()),
        }])
        .send()
        .await
        .unwrap();
    let sent = server.received();
    let operations = [
        "DescribeClusterNodePoolDetail",
        "ScaleClusterNodePool",
        "ModifyClusterTags",
        "ListTagResources",
        "DescribeClusters",
        "DeleteCluster",
    ];
    assert_eq!(sent.len(), operations.len());
    for (ours, operation) in sent.iter().zip(operations) {
        let (theirs, their_query) = official(operation);
        let ours_verified = ours.verified.as_ref().expect("our request verifies");
        assert_eq!(ours.request.method, theirs.method, "{operation}");
        assert_eq!(ours.request.path, theirs.path, "{operation}");
        let mut our_query = ours_verified.query.clone();
        let mut their_query = their_query;
        our_query.sort();
        their_query.sort();
        assert_eq!(
            our_query.len(),
            their_query.len(),
            "{operation}: {our_query:?}"
        );
        for ((ok, ov), (tk, tv)) in our_query.iter().zip(&their_query) {
            assert_eq!(ok, tk, "{operation}");
            // JSON-style values compare as JSON (key order aside).
            let as_json = |v: &str| serde_json::from_str::<Value>(v).ok();
            match (as_json(ov), as_json(tv)) {
                (Some(a), Some(b)) if a.is_array() || a.is_object() => {
                    assert_eq!(a, b, "{operation} {ok}")
                }
                _ => assert!(same_value(ov, tv), "{operation} {ok}: {ov} vs {tv}"),
            }
        }
        match theirs.body.is_empty() {
            true => assert!(ours.request.body.is_empty(), "{operation}"),
            false => {
                let ours: Value = serde_json::from_slice(&ours.request.body).unwrap();
                let theirs: Value = serde_json::from_slice(&theirs.body).unwrap();
                assert_eq!(ours, theirs, "{operation}");
            }
        }
        assert_eq!(
            ours.request.header("content-type"),
            theirs.header("content-type"),
            "{operation}"
        );
        assert_eq!(ours_verified.action, operation);
        assert_eq!(ours_verified.version, "2015-12-15");
    }
}

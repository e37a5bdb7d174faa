//! `acs` sends what the official Python SDKs sent: every V3-signed REST request captured from
//! them (`tests/data/wire-examples/official-python-sdk-rest.jsonl`: cs, elasticsearch, fc and
//! sae, one of each shape) is replayed through the route form with the capture's own
//! parameters, and the request `acs` puts on the wire has the same method, path, query, header
//! parameters, body and content type.
//!
//! Replays run with `--no-validate`: the official SDKs check nothing, and a capture may leave
//! out a parameter the spec requires; what is compared is the wire.

use std::collections::BTreeMap;

use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::verify::form_decode;
use acs_tests::{Reply, TestServer, wire_examples};
use serde_json::Value;

use crate::support::{ENV_KEY, REST_PRODUCTS, env_keys};

/// The product a capture is of, by the API version it was sent with, and its command data.
fn product(version: &str) -> (&'static Product, &'static str) {
    REST_PRODUCTS
        .iter()
        .copied()
        .find(|(product, _)| product.version == version)
        .unwrap_or_else(|| panic!("no product of API version {version}"))
}

/// Parameters the official SDK sent that the metadata the spec was imported from does not
/// have (the SDK is newer): left out of both sides.
const DRIFT: [(&str, &str); 1] = [("CreateApplication", "Labels")];

fn drift(operation: &str, name: &str) -> bool {
    DRIFT.contains(&(operation, name))
}

/// The header parameters of a product's operations (from its command data), by lower-case
/// name.
fn header_parameters(data: &str) -> Vec<String> {
    let data: Value = serde_json::from_str(data).unwrap();
    let mut names = Vec::new();
    for op in data["product"]["operations"].as_array().unwrap() {
        for parameter in op["parameters"].as_array().into_iter().flatten() {
            if parameter["location"] == "header" {
                names.push(parameter["name"].as_str().unwrap().to_ascii_lowercase());
            }
        }
    }
    names
}

/// Python writes booleans `True`/`False`; `acs` takes and sends `true`/`false`.
fn lower_bool(value: &str) -> String {
    match value {
        "True" => "true".to_owned(),
        "False" => "false".to_owned(),
        other => other.to_owned(),
    }
}

/// Decoded pairs, booleans in lower case, JSON values normalized (key order aside), sorted.
fn normalized(pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(k, v)| {
            let v = match serde_json::from_str::<Value>(&v) {
                Ok(json @ (Value::Array(_) | Value::Object(_))) => json.to_string(),
                _ => lower_bool(&v),
            };
            (k, v)
        })
        .collect();
    pairs.sort();
    pairs
}

/// The body for comparing: JSON as a value, a form as normalized pairs, other bytes as they are.
fn body_of(request: &acs_tests::Request) -> String {
    let content_type = request.header("content-type").unwrap_or_default();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let text = std::str::from_utf8(&request.body).unwrap();
        return format!("{:?}", normalized(form_decode(text).unwrap()));
    }
    match serde_json::from_slice::<Value>(&request.body) {
        Ok(json) if !request.body.is_empty() => json.to_string(),
        _ => format!("{:?}", request.body),
    }
}

#[tokio::test]
async fn every_captured_rest_request_is_what_acs_sends() {
    let dir = tempfile::tempdir().unwrap();
    let mut replayed = BTreeMap::new();
    for (n, record) in wire_examples::records(&wire_examples::REST)
        .iter()
        .enumerate()
        .filter(|(_, r)| r["signature"] == "v3")
    {
        let theirs = wire_examples::request(record);
        let operation = record["operation"].as_str().unwrap();
        let (product, data) = product(theirs.header("x-acs-version").unwrap());
        // The route form with the capture's own parameters: query pairs and header parameters
        // as `--Name value`, a form as its fields, any other body whole.
        let mut args = vec![theirs.method.clone(), theirs.path.clone()];
        for (name, value) in wire_examples::pairs(record, "query") {
            if drift(operation, &name) {
                continue;
            }
            args.extend([format!("--param:{name}"), lower_bool(&value)]);
        }
        let headers = header_parameters(data);
        for (name, value) in &theirs.headers {
            if headers.contains(name) {
                args.extend([format!("--param:{name}"), value.clone()]);
            }
        }
        let content_type = theirs.header("content-type").unwrap_or_default();
        if content_type.starts_with("application/x-www-form-urlencoded") {
            let form = form_decode(std::str::from_utf8(&theirs.body).unwrap()).unwrap();
            for (name, value) in form {
                args.extend([format!("--param:{name}"), lower_bool(&value)]);
            }
        } else if !theirs.body.is_empty() {
            let file = dir.path().join(format!("body-{n}"));
            std::fs::write(&file, &theirs.body).unwrap();
            args.extend(["--body-file".to_owned(), file.display().to_string()]);
        }
        let server = TestServer::start(&[ENV_KEY], |_| Reply::json(200, "{}")).await;
        args.extend([
            "--no-validate".to_owned(),
            "--endpoint".to_owned(),
            server.endpoint(),
        ]);
        let mut line = vec![product.command.to_owned()];
        line.extend(args.iter().cloned());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = acs_cli::run(
            &[product],
            line,
            Env::from_vars(env_keys()),
            &mut out,
            &mut err,
        )
        .await;
        let stderr = String::from_utf8_lossy(&err);
        assert_eq!(status, 0, "{operation} {args:?}: {stderr}");
        let received = server.received();
        assert_eq!(received.len(), 1, "{operation}");
        let ours = &received[0].request;
        received[0].verified.as_ref().expect("our request verifies");
        assert_eq!(ours.method, theirs.method, "{operation}");
        assert_eq!(ours.path, theirs.path, "{operation}");
        assert_eq!(
            ours.header("x-acs-action"),
            Some(operation),
            "{operation}: resolved by its route"
        );
        let query = |r: &acs_tests::Request| {
            let pairs = form_decode(&r.raw_query).unwrap();
            normalized(
                pairs
                    .into_iter()
                    .filter(|(k, _)| !drift(operation, k))
                    .collect(),
            )
        };
        assert_eq!(query(ours), query(&theirs), "{operation}");
        for name in &headers {
            assert_eq!(ours.header(name), theirs.header(name), "{operation} {name}");
        }
        assert_eq!(body_of(ours), body_of(&theirs), "{operation}");
        assert_eq!(
            ours.header("content-type"),
            theirs.header("content-type"),
            "{operation}"
        );
        replayed.insert(operation.to_owned(), product.command);
    }
    // One of each shape: two path variables (cs), a JSON object body (cs, elasticsearch), a
    // whole JSON array body (cs), a text body (elasticsearch), a form (sae), header parameters
    // and a binary body (fc), PUT and DELETE, an encoded `/` and `:` in a path variable (fc).
    for (operation, command) in [
        ("DescribeClusterNodePoolDetail", "cs"),
        ("ScaleClusterNodePool", "cs"),
        ("ModifyClusterTags", "cs"),
        ("TagResources", "cs"),
        ("UntagResources", "cs"),
        ("CreateILMPolicy", "elasticsearch"),
        ("UpdateILMPolicy", "elasticsearch"),
        ("UpdateInstanceSettings", "elasticsearch"),
        ("CreateApplication", "sae"),
        ("UpdateIngress", "sae"),
        ("InvokeFunction", "fc"),
        ("GetLayerVersionByArn", "fc"),
    ] {
        assert_eq!(
            replayed.get(operation),
            Some(&command),
            "{operation} replayed"
        );
    }
}

//! Re-signs the RPC requests the official Python SDK put on the wire (V3 and V1,
//! `tests/data/wire-examples`) with the runtime's signers and gets its signatures.

use acs_runtime::auth::{Credentials, sign_v1, sign_v3};
use acs_tests::{verify::form_decode, wire_examples};
use serde_json::Value;

fn text<'a>(record: &'a Value, key: &str) -> &'a str {
    record[key].as_str().unwrap_or_default()
}

/// Decodes a query or form string the `application/x-www-form-urlencoded` way (`+` is a space).
fn decode(encoded: &str) -> Vec<(String, String)> {
    form_decode(encoded).expect("a valid urlencoded string")
}

#[test]
fn v3_signatures_of_the_official_sdk_are_reproduced() {
    let credentials = Credentials::new("testid", "testsecret");
    let mut checked = 0;
    for record in wire_examples::records(&wire_examples::RPC) {
        let headers = record["headers"].as_object().expect("headers");
        let Some(authorization) = headers.get("authorization").and_then(Value::as_str) else {
            continue;
        };
        let signed_headers = authorization
            .split(',')
            .find_map(|part| part.strip_prefix("SignedHeaders="))
            .expect("SignedHeaders in Authorization");
        let to_sign: Vec<(&str, &str)> = signed_headers
            .split(';')
            .map(|name| {
                (
                    name,
                    headers[name].as_str().expect("a signed header is present"),
                )
            })
            .collect();
        let query = decode(text(&record, "raw_query"));
        let query: Vec<(&str, &str)> = query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let ours = sign_v3::authorization(
            &credentials,
            text(&record, "method"),
            text(&record, "path"),
            &query,
            &to_sign,
            text(&record, "body").as_bytes(),
        );
        assert_eq!(ours, authorization, "{}", text(&record, "raw_query"));
        checked += 1;
    }
    assert_eq!(checked, 5, "five V3 requests are captured, one of them GET");
}

#[test]
fn v1_signatures_of_the_official_sdk_are_reproduced() {
    let mut checked = 0;
    for record in wire_examples::records(&wire_examples::RPC) {
        let query = decode(text(&record, "raw_query"));
        let Some((_, expected)) = query.iter().find(|(k, _)| k == "Signature") else {
            continue;
        };
        let form = decode(text(&record, "body"));
        let params: Vec<(&str, &str)> = query
            .iter()
            .filter(|(k, _)| k != "Signature")
            .chain(&form)
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            &sign_v1::signature("testsecret", text(&record, "method"), &params),
            expected,
            "{}",
            text(&record, "raw_query")
        );
        checked += 1;
    }
    assert_eq!(checked, 5, "five V1 requests are captured, one of them GET");
}

//! The requests captured from the official Python SDKs (`data/wire-examples/*.jsonl`, one
//! JSON object a line), read as records and as the verifier's [`Request`].

use std::path::Path;

use base64::Engine;
use serde_json::Value;

use crate::verify::Request;

/// The RPC captures: the `POST` operations, then a `GET` one, each signed V3 and V1.
pub const RPC: [&str; 2] = ["official-python-sdk.jsonl", "official-python-sdk-get.jsonl"];

/// The REST captures of cs, elasticsearch, fc and sae, signed V3 and with the ROA signature.
pub const REST: [&str; 1] = ["official-python-sdk-rest.jsonl"];

/// Every record of `files`, in order.
pub fn records(files: &[&str]) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/wire-examples");
    let mut records = Vec::new();
    for file in files {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let record = serde_json::from_str(line).unwrap_or_else(|e| {
                panic!("{}:{}: not a JSON object: {e}", path.display(), number + 1)
            });
            records.push(record);
        }
    }
    records
}

/// The request a record captured, as it arrived: its body from `body_base64` when the body
/// is binary, else from `body`.
pub fn request(record: &Value) -> Request {
    let text = |key: &str| record[key].as_str().unwrap_or_default().to_owned();
    let body = match record.get("body_base64").and_then(Value::as_str) {
        Some(encoded) => base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .expect("body_base64 is base64"),
        None => text("body").into_bytes(),
    };
    Request {
        method: text("method"),
        path: text("path"),
        raw_query: text("raw_query"),
        headers: record["headers"]
            .as_object()
            .expect("a record has headers")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect(),
        body,
    }
}

/// The decoded `[key, value]` pairs a record lists under `key` (`query` or `form`).
pub fn pairs(record: &Value, key: &str) -> Vec<(String, String)> {
    record[key]
        .as_array()
        .map(|pairs| {
            pairs
                .iter()
                .map(|pair| {
                    let text = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
                    (text(0), text(1))
                })
                .collect()
        })
        .unwrap_or_default()
}

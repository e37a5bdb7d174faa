//! Arbitrary graphs of shared schemas (`$ref` chains, fan-outs, cycles, aliases, dangling
//! references) behind one operation's parameter and answer: the importer never panics nor
//! overflows its stack, and what it expands stays within a bound of the spec loader's limit.
#![no_main]

use acs_codegen::import::{self, files};
use acs_codegen::spec::load::MAX_FILE_BYTES;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

/// The reference to schema `S<i>`.
fn reference(i: u8) -> Value {
    json!({"$ref": format!("#/components/schemas/S{i}")})
}

/// Schema `S<i>` from two bytes: its kind and the schema it points at (possibly absent).
fn schema(kind: u8, target: u8, count: u8) -> Value {
    let to = |shift: u8| reference(target.wrapping_add(shift) % count.saturating_add(2));
    match kind % 6 {
        0 => json!({"type": "object", "properties": {"A": to(0), "B": to(1), "C": to(2)}}),
        1 => json!({"type": "array", "items": to(0)}),
        2 => to(0),
        3 => json!({"type": "string", "maxLength": target}),
        4 => json!({"type": "object", "additionalProperties": to(0)}),
        _ => json!({"type": "object", "properties": {"Only": to(0)}}),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&count, pairs)) = data.split_first() else {
        return;
    };
    let count = count % 64 + 1;
    let schemas: serde_json::Map<String, Value> = pairs
        .chunks(2)
        .take(usize::from(count))
        .enumerate()
        .map(|(i, pair)| {
            let kind = pair[0];
            let target = pair.get(1).copied().unwrap_or(0);
            (format!("S{i}"), schema(kind, target, count))
        })
        .collect();
    let text = json!({
        "info": {"product": "Fuzz", "version": "2020-01-01", "style": "RPC"},
        "apis": {"DescribeThings": {
            "methods": ["post"],
            "parameters": [
                {"name": "RegionId", "in": "query", "schema": {"type": "string"}},
                {"name": "Filter", "in": "query", "style": "json", "schema": reference(1)}
            ],
            "responses": {"200": {"schema": {"type": "object", "properties": {
                "RequestId": {"type": "string"},
                "Thing": reference(0)
            }}}}
        }},
        "components": {"schemas": schemas}
    })
    .to_string();
    let Ok(imported) = import::import(&text) else {
        return;
    };
    // The budgets bound what `$ref`s expand to (a value budget of about the loader's limit,
    // which the YAML may exceed a few times over: the writer then refuses the file with its
    // path); without them 64 schemas fan out past any memory.
    for op in &imported.operations {
        let written = files::render_operation(op, "fuzz.json");
        assert!(
            written.len() <= 16 * MAX_FILE_BYTES as usize,
            "an operation file of {} bytes",
            written.len()
        );
    }
});

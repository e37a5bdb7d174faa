//! Hostile metadata the importer bounds: `$ref` chains and fan-outs, files larger than the spec
//! loader reads, operation names too long for a file name. Each is a finding with its place.

use acs_codegen::import::report::Kind;
use acs_codegen::import::{self, Imported, files};
use acs_codegen::spec::load::MAX_FILE_BYTES;
use serde_json::{Value, json};

/// A product whose `DescribeThings` answers `{"Thing": <$ref to start>}`, with `schemas`.
fn metadata(schemas: Value, start: &str, more_apis: Value) -> String {
    let mut apis = json!({
        "DescribeThings": {
            "methods": ["post"],
            "parameters": [{"name": "RegionId", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"schema": {"type": "object", "properties": {
                "RequestId": {"type": "string"},
                "Thing": {"$ref": format!("#/components/schemas/{start}")}
            }}}}
        }
    });
    apis.as_object_mut()
        .unwrap()
        .extend(more_apis.as_object().unwrap().clone());
    json!({
        "info": {"product": "Hostile", "version": "2020-01-01", "style": "RPC"},
        "apis": apis,
        "components": {"schemas": schemas}
    })
    .to_string()
}

fn schemas(count: usize, each: impl Fn(usize) -> Value, last: Value) -> Value {
    let mut map: serde_json::Map<String, Value> =
        (0..count).map(|i| (format!("S{i}"), each(i))).collect();
    map.insert(format!("S{count}"), last);
    Value::Object(map)
}

fn reference(i: usize) -> Value {
    json!({"$ref": format!("#/components/schemas/S{i}")})
}

fn unrepresented(imported: &Imported) -> Vec<String> {
    imported
        .report
        .unrepresented()
        .map(ToString::to_string)
        .collect()
}

/// Imports on a thread with a small stack, as a fuzzer or a test harness gives.
fn import_small_stack(text: String) -> Imported {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || import::import(&text).unwrap())
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_chain_of_2000_nested_refs_is_cut_at_the_depth_budget_and_reported_in_place() {
    let chain = schemas(
        2000,
        |i| json!({"type": "object", "properties": {"Next": reference(i + 1)}}),
        json!({"type": "string"}),
    );
    let imported = import_small_stack(metadata(chain, "S0", json!({})));
    let lost = unrepresented(&imported);
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(
        lost[0].starts_with("DescribeThings response.Thing.Next.Next.")
            && lost[0].contains("nested deeper than 32 levels"),
        "{lost:?}"
    );
    let rendered = files::render_operation(&imported.operations[0], "hostile.json");
    assert!(rendered.len() < 16 * 1024, "{} bytes", rendered.len());
}

#[test]
fn a_chain_of_2000_aliases_is_cut_at_the_depth_budget() {
    let chain = schemas(2000, |i| reference(i + 1), json!({"type": "string"}));
    let imported = import_small_stack(metadata(chain, "S0", json!({})));
    let lost = unrepresented(&imported);
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(
        lost[0].starts_with("DescribeThings response.Thing: nested deeper than 32"),
        "{lost:?}"
    );
}

#[test]
fn a_fan_out_stops_expanding_at_the_size_of_a_spec_file() {
    // Ten fields per level, seven levels: ten million values from 3 KB of metadata.
    let fan = schemas(
        7,
        |i| {
            let fields: serde_json::Map<String, Value> = (0..10)
                .map(|k| (format!("F{k}"), reference(i + 1)))
                .collect();
            json!({"type": "object", "properties": fields})
        },
        json!({"type": "string"}),
    );
    let text = metadata(fan, "S0", json!({}));
    assert!(text.len() < 4096);
    let imported = import::import(&text).unwrap();
    let lost = unrepresented(&imported);
    assert!(
        lost.iter()
            .all(|l| l.contains("the most a spec file holds: imported as `any`")),
        "{lost:?}"
    );
    assert!(
        !lost.is_empty() && lost.len() < 100,
        "{} findings",
        lost.len()
    );
    let rendered = files::render_operation(&imported.operations[0], "hostile.json");
    assert!(
        (rendered.len() as u64) < 4 * MAX_FILE_BYTES,
        "{} bytes",
        rendered.len()
    );
}

#[test]
fn an_imported_file_larger_than_the_loader_reads_is_refused_with_its_place() {
    let long = "x".repeat(MAX_FILE_BYTES as usize + 1);
    let huge = json!({"Huge": {
        "methods": ["post"],
        "description": long,
        "parameters": [],
        "responses": {"200": {"schema": {"type": "object", "properties": {
            "RequestId": {"type": "string"}
        }}}}
    }});
    let text = metadata(json!({"S0": {"type": "string"}}), "S0", huge);
    let imported = import::import(&text).unwrap();
    let root = tempfile::tempdir().unwrap();
    let plan = files::plan(root.path(), &imported, "hostile.json").unwrap();
    let refused: Vec<String> = plan.problems.0.iter().map(ToString::to_string).collect();
    assert!(
        refused.iter().any(|p| p.contains("Huge.yaml")
            && p.contains(&format!("spec files are at most {MAX_FILE_BYTES}"))),
        "{refused:?}"
    );
    assert!(files::apply(root.path(), &plan).is_err());
    assert!(!root.path().join("spec").exists(), "nothing written");
}

#[test]
fn an_operation_name_too_long_for_a_file_is_reported_and_the_rest_imported() {
    let name = format!("Describe{}", "X".repeat(5000));
    let long = json!({ name.clone(): {
        "methods": ["post"],
        "parameters": [],
        "responses": {"200": {"schema": {"type": "object", "properties": {
            "RequestId": {"type": "string"}
        }}}}
    }});
    let text = metadata(json!({"S0": {"type": "string"}}), "S0", long);
    let imported = import::import(&text).unwrap();
    let names: Vec<&str> = imported
        .operations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["DescribeThings"]);
    let lost = unrepresented(&imported);
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(
        lost[0].starts_with("DescribeXXX") && lost[0].contains("5008 characters long"),
        "{lost:?}"
    );
    assert!(lost[0].len() < 300, "the report shows the name shortened");
    let root = tempfile::tempdir().unwrap();
    let plan = files::plan(root.path(), &imported, "hostile.json").unwrap();
    assert!(plan.problems.is_empty(), "{}", plan.problems);
    files::apply(root.path(), &plan).unwrap();
    let count = |kind| imported.report.counts().get(&kind).copied();
    assert_eq!(count(Kind::Unrepresented), Some(1));
}

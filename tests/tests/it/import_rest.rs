//! Importing REST-style metadata (`ROA`, `FC`, `V3`): every operation's method, path and
//! parameter places as the metadata gives them, and each awkward case upstream has.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use acs_codegen::ImportError;
use acs_codegen::import::report::Kind;
use acs_codegen::import::{self, Imported};
use acs_codegen::spec::model::{
    AnswerKind, BodyKind, Format, Location, Method, Operation, Protocol, TypeName,
};
use serde_json::{Value, json};

const REST: [&str; 4] = [
    "cs-2015-12-15.api-docs.json",
    "elasticsearch-2017-06-13.api-docs.json",
    "fc-2023-03-30.api-docs.json",
    "sae-2019-05-06.api-docs.json",
];

fn metadata(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("tests/data/metadata")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Header names the client sets itself, as the metadata of the four products has them.
fn reserved(header: &str) -> bool {
    let lower = header.to_ascii_lowercase();
    ["authorization", "host", "content-type"].contains(&lower.as_str())
        || lower.starts_with("x-acs-")
}

/// What the metadata says of one operation, read straight from the JSON.
#[derive(Debug, Default)]
struct Expected {
    method: String,
    path: String,
    /// Wire name and location of every parameter.
    places: BTreeMap<String, Location>,
    body: Option<BodyKind>,
    /// Why the operation cannot be imported, when it cannot.
    refused: bool,
}

fn expected(docs: &Value, api: &Value) -> Expected {
    let methods: Vec<String> = api["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_uppercase())
        .collect();
    let method = if methods.iter().any(|m| m == "POST") {
        "POST".to_owned()
    } else {
        methods[0].clone()
    };
    let path = api["path"].as_str().unwrap().to_owned();
    let mut out = Expected {
        refused: path.contains('?'),
        method,
        path,
        ..Expected::default()
    };
    let parameters = api["parameters"].as_array().unwrap();
    let others: Vec<&str> = parameters
        .iter()
        .filter(|p| p["in"] != "body")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in parameters {
        let name = p["name"].as_str().unwrap().to_owned();
        let required = p["schema"]["required"] == true;
        let location = match p["in"].as_str().unwrap() {
            "query" => Location::Query,
            "path" => Location::Path,
            "formData" => Location::Form,
            "header" if reserved(&name) => {
                out.refused |= required;
                continue;
            }
            "header" => Location::Header,
            "host" => {
                out.refused = true;
                continue;
            }
            "body" => {
                let mut schema = &p["schema"];
                if let Some(reference) = schema["$ref"].as_str() {
                    let key = reference.rsplit('/').next().unwrap();
                    if let Some(target) = docs["components"]["schemas"].get(key) {
                        schema = target;
                    }
                }
                let fields = schema["properties"].as_object().filter(|f| !f.is_empty());
                let object = schema["type"] == "object" && fields.is_some();
                let clash = fields.is_some_and(|f| f.keys().any(|k| others.contains(&k.as_str())));
                if object && name.eq_ignore_ascii_case("body") && !clash {
                    for field in fields.unwrap().keys() {
                        out.places.insert(field.clone(), Location::Body);
                    }
                    continue;
                }
                out.body = match (schema["type"].as_str(), schema["format"].as_str()) {
                    _ if object && !clash => None,
                    (Some("string"), Some("binary" | "byte")) => Some(BodyKind::Binary),
                    (Some("string"), _) => Some(BodyKind::Text),
                    _ => Some(BodyKind::Json),
                };
                Location::Body
            }
            other => panic!("unexpected location {other}"),
        };
        out.places.insert(name, location);
    }
    if matches!(out.method.as_str(), "GET" | "DELETE")
        && out
            .places
            .values()
            .any(|l| matches!(l, Location::Body | Location::Form))
    {
        out.refused = true;
    }
    out
}

fn lost(imported: &Imported, operation: &str) -> Vec<Kind> {
    imported
        .report
        .findings
        .iter()
        .filter(|f| f.operation == operation && f.kind.is_loss())
        .map(|f| f.kind)
        .collect()
}

#[test]
fn four_products_keep_each_method_path_and_parameter_place() {
    for file in REST {
        let text = metadata(file);
        let docs: Value = serde_json::from_str(&text).unwrap();
        let imported = import::import(&text).unwrap();
        assert_eq!(imported.product.protocol, Protocol::Roa, "{file}");
        let apis = docs["apis"].as_object().unwrap();
        let mut checked = 0;
        for (name, api) in apis {
            let want = expected(&docs, api);
            let Some(op) = imported.operations.iter().find(|o| o.name == *name) else {
                assert!(
                    want.refused || !lost(&imported, name).is_empty(),
                    "{file} {name}: left out without a finding"
                );
                continue;
            };
            assert!(!want.refused, "{file} {name}: imported, but cannot be sent");
            assert_eq!(op.method.as_str(), want.method, "{file} {name}");
            assert_eq!(
                op.path.as_deref(),
                Some(want.path.as_str()),
                "{file} {name}"
            );
            assert_eq!(op.body, want.body, "{file} {name}");
            let places: BTreeMap<String, Location> = op
                .parameters
                .iter()
                .map(|p| (p.name.clone().unwrap(), p.location.unwrap()))
                .collect();
            assert_eq!(places, want.places, "{file} {name}");
            for p in &op.parameters {
                if p.location == Some(Location::Path) {
                    assert!(p.required, "{file} {name}: path parameter optional");
                }
            }
            checked += 1;
        }
        assert!(
            checked * 10 >= apis.len() * 9,
            "{file}: {checked} of {}",
            apis.len()
        );
    }
}

/// A REST metadata file of the given operations (and shared schemas).
fn rest_file(style: &str, version: &str, apis: Value, schemas: Value) -> String {
    json!({
        "version": "1.0",
        "info": {"style": style, "product": "Demo", "version": version},
        "endpoints": [{"regionId": "cn-hangzhou", "endpoint": "demo.cn-hangzhou.aliyuncs.com\t"}],
        "components": {"schemas": schemas},
        "apis": apis,
    })
    .to_string()
}

fn rest(apis: Value) -> Imported {
    import::import(&rest_file("ROA", "2024-01-01", apis, json!({}))).unwrap()
}

fn op<'a>(imported: &'a Imported, name: &str) -> &'a Operation {
    imported
        .operations
        .iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("{name} not imported: {}", imported.report.summary(true)))
}

fn kinds(imported: &Imported, operation: &str) -> Vec<Kind> {
    imported
        .report
        .findings
        .iter()
        .filter(|f| f.operation == operation)
        .map(|f| f.kind)
        .collect()
}

fn get(path: &str, parameters: Value) -> Value {
    json!({"path": path, "methods": ["get"], "parameters": parameters,
           "responses": {"200": {"schema": {"type": "object", "properties": {"requestId": {"type": "string"}}}}}})
}

fn post(path: &str, parameters: Value) -> Value {
    let mut api = get(path, parameters);
    api["methods"] = json!(["post"]);
    api
}

fn path_param(name: &str, required: bool) -> Value {
    json!({"name": name, "in": "path", "schema": {"type": "string", "required": required}})
}

#[test]
fn paths_with_a_literal_query_or_disagreeing_variables_are_left_out_with_the_reason() {
    let imported = rest(json!({
        "GetLogs": get("/logstores/{logstore}?type=log", json!([path_param("logstore", true)])),
        "Orphan": get("/projects", json!([path_param("projectId", true)])),
        "Missing": get("/projects/{projectId}", json!([])),
    }));
    assert!(imported.operations.is_empty());
    assert!(kinds(&imported, "GetLogs").contains(&Kind::QueryInPath));
    assert!(kinds(&imported, "Orphan").contains(&Kind::PathMismatch));
    assert!(kinds(&imported, "Missing").contains(&Kind::PathMismatch));
    assert!(imported.report.unrepresented().count() >= 3);
}

#[test]
fn products_that_sign_through_their_own_gateway_are_refused_with_the_reason() {
    let apis = json!({"GetProject": get("/", json!([]))});
    for (code, says) in [("Sls", "SLS4-HMAC-SHA256"), ("hcs-mgw", "XML bodies")] {
        let mut file: Value =
            serde_json::from_str(&rest_file("ROA", "2020-12-30", apis.clone(), json!({}))).unwrap();
        file["info"]["product"] = json!(code);
        match import::import(&file.to_string()) {
            Err(error @ ImportError::OwnGateway { .. }) => {
                let text = error.to_string();
                assert!(text.contains(code) && text.contains(says), "{text}");
                assert!(text.contains("not imported"), "{text}");
            }
            other => panic!("{code}: {:?}", other.map(|i| i.operations.len())),
        }
    }
    // Any other product of the same shape imports.
    assert_eq!(rest(apis).operations.len(), 1);
}

#[test]
fn brackets_actions_partial_segments_and_optional_path_parameters_are_read() {
    let imported = rest(json!({
        "ListStorages": get("/instances/[instanceId]/storages", json!([path_param("instanceId", true)])),
        "StopJob": post("/jobs/{jobId}:stop", json!([path_param("jobId", false)])),
        "GetFile": get("/files/src-{fileName}", json!([path_param("fileName", true)])),
        "DeleteFile": {"path": "/files/src-{fileName}", "methods": ["delete"],
                       "parameters": [path_param("fileName", true)], "responses": {}},
    }));
    let storages = op(&imported, "ListStorages");
    assert_eq!(
        storages.path.as_deref(),
        Some("/instances/{instanceId}/storages")
    );
    assert!(kinds(&imported, "ListStorages").contains(&Kind::BracketPathVariable));
    let stop = op(&imported, "StopJob");
    assert_eq!(stop.path.as_deref(), Some("/jobs/{jobId}:stop"));
    assert!(stop.parameters[0].required);
    assert!(kinds(&imported, "StopJob").contains(&Kind::OptionalPathParameter));
    assert_eq!(
        op(&imported, "GetFile").path.as_deref(),
        Some("/files/src-{fileName}")
    );
    let delete = op(&imported, "DeleteFile");
    assert_eq!(
        (delete.method, delete.path.as_deref()),
        (Method::Delete, Some("/files/src-{fileName}"))
    );
    assert_eq!(delete.response.kind, AnswerKind::None);
}

#[test]
fn lower_case_names_dateless_versions_and_padded_hosts_import() {
    let apis = json!({"createInstance": post("/instances", json!([]))});
    let imported = import::import(&rest_file("ROA", "20240611", apis, json!({}))).unwrap();
    assert_eq!(imported.product.version, "20240611");
    assert_eq!(op(&imported, "createInstance").method, Method::Post);
    assert_eq!(
        imported.product.endpoints.regions[0].host,
        "demo.cn-hangzhou.aliyuncs.com"
    );
    assert!(kinds(&imported, "").contains(&Kind::PaddedValue));
}

#[test]
fn several_methods_take_post_when_listed_else_the_first() {
    let mut patch_post = get("/a", json!([]));
    patch_post["methods"] = json!(["patch", "post"]);
    let mut put_get = get("/b", json!([]));
    put_get["methods"] = json!(["put", "get"]);
    let imported = rest(json!({"PatchOrPost": patch_post, "PutOrGet": put_get}));
    assert_eq!(op(&imported, "PatchOrPost").method, Method::Post);
    assert_eq!(op(&imported, "PutOrGet").method, Method::Put);
    assert!(kinds(&imported, "PutOrGet").contains(&Kind::SeveralMethods));
}

#[test]
fn operations_sharing_a_route_all_import() {
    let imported = rest(json!({
        "EnableAlert": post("/alerts/{alertName}", json!([path_param("alertName", true)])),
        "DisableAlert": post("/alerts/{alertName}", json!([path_param("alertName", true)])),
    }));
    assert_eq!(imported.operations.len(), 2);
}

#[test]
fn host_and_client_set_headers_are_refused_never_dropped_silently() {
    let header = |name: &str, required: bool| json!({"name": name, "in": "header", "schema": {"type": "string", "required": required}});
    let imported = rest(json!({
        "PutLogs": post("/logstores", json!([{"name": "project", "in": "host", "schema": {"type": "string", "required": true}}])),
        "Signed": get("/me", json!([header("Authorization", true)])),
        "Optional": get("/you", json!([header("x-acs-airticket-language", false), header("if-match", false)])),
    }));
    assert!(kinds(&imported, "PutLogs").contains(&Kind::HostParameter));
    assert!(kinds(&imported, "Signed").contains(&Kind::ReservedHeader));
    assert_eq!(imported.operations.len(), 1);
    let optional = op(&imported, "Optional");
    assert_eq!(optional.parameters.len(), 1);
    assert_eq!(optional.parameters[0].name.as_deref(), Some("if-match"));
    assert_eq!(optional.parameters[0].location, Some(Location::Header));
    assert!(kinds(&imported, "Optional").contains(&Kind::ReservedHeader));
}

fn body(schema: Value) -> Value {
    json!({"name": "body", "in": "body", "style": "json", "schema": schema})
}

#[test]
fn each_body_value_becomes_fields_or_one_whole_body() {
    let object = json!({"type": "object", "properties": {"count": {"type": "integer", "format": "int64"}, "name": {"type": "string"}}});
    let schemas = json!({"Input": object});
    let apis = json!({
        "Fields": post("/a/{id}", json!([path_param("id", true), body(object.clone())])),
        "Shared": post("/b", json!([body(json!({"$ref": "#/components/schemas/Input"}))])),
        "Named": post("/c", json!([{"name": "Data", "in": "body", "schema": object.clone()}])),
        "Array": post("/d", json!([body(json!({"type": "array", "items": {"type": "string"}}))])),
        "Text": post("/e", json!([body(json!({"type": "string"}))])),
        "Bytes": post("/f", json!([body(json!({"type": "string", "format": "binary"}))])),
        "Any": post("/g", json!([body(json!({"type": "any"}))])),
        "Dangling": post("/h", json!([body(json!({"$ref": "#/components/schemas/Gone"}))])),
        "Clash": post("/i/{name}", json!([path_param("name", true), body(object.clone())])),
        "Untyped": post("/j", json!([body(json!({"description": "anything"}))])),
    });
    let imported = import::import(&rest_file("ROA", "2024-01-01", apis, schemas)).unwrap();
    let names = |o: &Operation| -> Vec<(String, Location)> {
        o.parameters
            .iter()
            .map(|p| (p.name.clone().unwrap(), p.location.unwrap()))
            .collect()
    };
    let fields = op(&imported, "Fields");
    assert_eq!(fields.body, None);
    assert_eq!(
        names(fields),
        [
            ("id".to_owned(), Location::Path),
            ("count".to_owned(), Location::Body),
            ("name".to_owned(), Location::Body)
        ]
    );
    assert_eq!(names(op(&imported, "Shared")).len(), 2);
    let named = op(&imported, "Named");
    assert_eq!(
        (named.body, named.parameters[0].ty),
        (None, TypeName::Object)
    );
    let whole = |name: &str| {
        let o = op(&imported, name);
        assert_eq!(o.parameters.len(), 1, "{name}");
        assert_eq!(o.parameters[0].location, Some(Location::Body), "{name}");
        (o.body, o.parameters[0].ty, o.parameters[0].format)
    };
    assert_eq!(
        whole("Array"),
        (Some(BodyKind::Json), TypeName::Array, None)
    );
    assert_eq!(
        whole("Text"),
        (Some(BodyKind::Text), TypeName::String, None)
    );
    assert_eq!(
        whole("Bytes"),
        (
            Some(BodyKind::Binary),
            TypeName::String,
            Some(Format::Binary)
        )
    );
    assert_eq!(whole("Any"), (Some(BodyKind::Json), TypeName::Any, None));
    assert_eq!(
        whole("Dangling"),
        (Some(BodyKind::Json), TypeName::Any, None)
    );
    assert!(kinds(&imported, "Dangling").contains(&Kind::DanglingReference));
    assert_eq!(
        whole("Untyped"),
        (Some(BodyKind::Json), TypeName::Any, None)
    );
    let clash = op(&imported, "Clash");
    assert_eq!(clash.body, Some(BodyKind::Json));
    assert_eq!(clash.parameters[1].name.as_deref(), Some("body"));
    assert!(kinds(&imported, "Clash").contains(&Kind::BodyFieldClash));
}

#[test]
fn a_body_on_get_or_delete_and_an_xml_body_are_refused() {
    let mut delete = post(
        "/members",
        json!([body(
            json!({"type": "object", "properties": {"id": {"type": "string", "required": true}}})
        )]),
    );
    delete["methods"] = json!(["delete"]);
    let xml = json!({"name": "body", "in": "body", "style": "xml", "schema": {"type": "string", "required": true}});
    let imported = rest(json!({"DeleteMember": delete, "PutXml": post("/x", json!([xml]))}));
    assert!(imported.operations.is_empty());
    assert!(kinds(&imported, "DeleteMember").contains(&Kind::UnsendableBody));
    assert!(kinds(&imported, "PutXml").contains(&Kind::UnsendableBody));
}

#[test]
fn answers_are_objects_arrays_text_bytes_or_nothing() {
    let answer = |schema: Option<Value>, produces: Value| {
        let mut api = get("/r", json!([]));
        api["produces"] = produces;
        api["responses"] = match schema {
            Some(schema) => json!({"200": {"schema": schema}, "4XX": {}}),
            None => json!({"204": {}}),
        };
        api
    };
    let imported = rest(json!({
        "Object": answer(Some(json!({"type": "object", "properties": {"a": {"type": "string"}}})), json!([])),
        "Array": answer(Some(json!({"type": "array", "items": {"type": "object", "properties": {"b": {"type": "string"}}}})), json!([])),
        "Text": answer(Some(json!({"type": "string"})), json!([])),
        "Bytes": answer(Some(json!({"type": "string", "format": "binary"})), json!([])),
        "Nothing": answer(None, json!([])),
        "Stream": answer(None, json!(["application/octet-stream"])),
    }));
    let kind = |name: &str| op(&imported, name).response.kind;
    assert_eq!(op(&imported, "Object").response.fields.len(), 1);
    assert_eq!(kind("Array"), AnswerKind::Array);
    let items = op(&imported, "Array").response.items.as_deref().unwrap();
    assert_eq!(items.properties[0].name.as_deref(), Some("b"));
    assert_eq!(kind("Text"), AnswerKind::Text);
    assert_eq!(kind("Bytes"), AnswerKind::Binary);
    assert_eq!(kind("Nothing"), AnswerKind::None);
    assert_eq!(kind("Stream"), AnswerKind::Binary);
}

#[test]
fn v3_files_without_paths_are_rpc_and_refuse_their_byte_stream() {
    let api = json!({"methods": ["get", "post"], "parameters": [
        {"name": "Url", "in": "formData", "schema": {"type": "string"}},
        {"name": "body", "in": "body", "schema": {"type": "string", "format": "binary", "required": false}},
    ], "responses": {"200": {"schema": {"type": "object", "properties": {"Data": {"type": "string"}}}}}});
    let imported = import::import(&rest_file(
        "V3",
        "2021-07-07",
        json!({"RecognizeBasic": api}),
        json!({}),
    ))
    .unwrap();
    assert_eq!(imported.product.protocol, Protocol::Rpc);
    let op = op(&imported, "RecognizeBasic");
    assert_eq!((op.method, op.path.as_deref()), (Method::Post, None));
    assert_eq!(op.parameters.len(), 1);
    assert_eq!(op.parameters[0].location, Some(Location::Form));
    assert!(kinds(&imported, "RecognizeBasic").contains(&Kind::UnsendableBody));
}

#[test]
fn rpc_client_set_headers_are_reported_and_dangling_references_kept_as_any() {
    let api = json!({"methods": ["post"], "parameters": [
        {"name": "Content-Type", "in": "header", "schema": {"type": "string"}},
        {"name": "DefaultRepoConfiguration", "in": "query", "style": "json", "schema": {"$ref": "#/components/schemas/RepoConfiguration"}},
    ], "responses": {"200": {"schema": {"type": "object", "properties": {"RequestId": {"type": "string"}}}}}});
    let imported = import::import(&rest_file(
        "RPC",
        "2018-12-01",
        json!({"CreateNamespace": api}),
        json!({}),
    ))
    .unwrap();
    let op = op(&imported, "CreateNamespace");
    assert_eq!(op.parameters.len(), 1);
    assert_eq!(op.parameters[0].ty, TypeName::Any);
    let kinds = kinds(&imported, "CreateNamespace");
    assert!(kinds.contains(&Kind::ReservedHeader) && kinds.contains(&Kind::DanglingReference));
}

/// A broken pattern or example inside the elements of an array answer is dropped and
/// reported, as it is in parameters and object fields (devs ListPipelines, sls ListAiTools).
#[test]
fn a_broken_rule_in_an_array_answer_is_dropped_with_its_finding() {
    let mut api = get("/pipelines", json!([]));
    api["responses"] = json!({"200": {"schema": {"type": "array", "items": {"type": "object", "properties": {
        "name": {"type": "string", "pattern": "([a-z", "example": "p-1"},
        "size": {"type": "integer", "example": "many"}
    }}}}});
    let imported = rest(json!({"ListPipelines": api}));
    let items = op(&imported, "ListPipelines")
        .response
        .items
        .as_deref()
        .unwrap();
    assert_eq!(items.properties[0].constraints.pattern, None);
    assert_eq!(items.properties[1].example, None);
    let kinds = kinds(&imported, "ListPipelines");
    assert!(kinds.contains(&Kind::InvalidConstraint), "{kinds:?}");
    assert!(kinds.contains(&Kind::InvalidExample), "{kinds:?}");
}

/// fc-open's habit: documented answer headers (`etag`, `x-fc-*`) beside the body.
#[test]
fn documented_answer_headers_become_header_fields_of_an_object_answer() {
    let mut object = get("/services", json!([]));
    object["responses"] = json!({"200": {
        "schema": {"type": "object", "properties": {"serviceName": {"type": "string"}, "etag": {"type": "string"}}},
        "headers": {
            "x-fc-request-id": {"schema": {"type": "string"}, "description": "The request's id."},
            "ETag": {"schema": {"type": "string"}},
            "etag": {"schema": {"type": "string"}},
            "Date": {}, "Content-Type": {}, "bad name": {}
        }
    }});
    let mut binary = get("/code", json!([]));
    binary["produces"] = json!(["application/octet-stream"]);
    binary["responses"] = json!({"200": {"headers": {"x-fc-code-checksum": {}}}});
    let imported = rest(json!({"GetService": object, "GetCode": binary}));

    let fields = &op(&imported, "GetService").response.fields;
    let mut headers: Vec<(&str, Option<&str>)> = fields
        .iter()
        .filter(|f| f.location == Some(Location::Header))
        .map(|f| (f.name.as_deref().unwrap(), f.description.as_deref()))
        .collect();
    headers.sort();
    assert_eq!(
        headers,
        [
            ("ETag", None),
            ("x-fc-request-id", Some("The request's id."))
        ],
        "transport headers left out, a name the body has and a name that is none reported"
    );
    assert!(
        fields
            .iter()
            .filter(|f| f.location == Some(Location::Header))
            .all(|f| f.ty == TypeName::String)
    );
    let found = kinds(&imported, "GetService");
    assert_eq!(
        found.iter().filter(|k| **k == Kind::Unrepresented).count(),
        2,
        "{found:?}"
    );
    // A binary answer has no fields: its header is reported, not dropped silently.
    assert_eq!(op(&imported, "GetCode").response.kind, AnswerKind::Binary);
    assert!(op(&imported, "GetCode").response.fields.is_empty());
    assert!(kinds(&imported, "GetCode").contains(&Kind::Unrepresented));
}

//! Hostile and broken REST specs: what a REST binding cannot send is refused at the key at
//! fault (file, line, YAML path), every problem at once, and nothing under `generated/`
//! changes.

use crate::scratch::Repo;

const SCALE: &str = "spec/restdemo/2024-01-01/ScaleNodePool.yaml";
const DESCRIBE: &str = "spec/restdemo/2024-01-01/DescribeNodePool.yaml";
const POLICY: &str = "spec/restdemo/2024-01-01/PutPolicy.yaml";
const TAGS: &str = "spec/restdemo/2024-01-01/TagResources.yaml";
const RPC_OP: &str = "spec/demo/2020-01-01/CreateWidget.yaml";
const TEMPLATE: &str = "path: /clusters/{ClusterId}/nodepools/{NodepoolId}";

/// Asserts a line of `report` names `file:line:`, `path` and says `what`.
#[track_caller]
fn assert_reported(report: &str, file: &str, line: usize, path: &str, what: &str) {
    let hit = report.lines().find(|l| {
        l.starts_with(&format!("{file}:{line}:")) && l.contains(path) && l.contains(what)
    });
    assert!(
        hit.is_some(),
        "expected {file}:{line}: ... {path} ... {what}\nin:\n{report}"
    );
}

#[test]
fn a_path_variable_without_its_parameter_and_the_reverse() {
    let repo = Repo::new();
    repo.edit(
        SCALE,
        TEMPLATE,
        "path: /clusters/{ClusterId}/nodepools/{PoolId}",
    );
    let report = repo.fails();
    assert_reported(&report, SCALE, 4, "path", "variable `{PoolId}`");
    assert_reported(
        &report,
        SCALE,
        11,
        "parameters[1].name",
        "path parameter `NodepoolId` is no variable",
    );
}

#[test]
fn a_path_that_climbs_or_is_no_template() {
    for (path, what) in [
        (
            "path: /clusters/../{ClusterId}/{NodepoolId}",
            "`..` segment",
        ),
        ("path: /clusters/./{ClusterId}/{NodepoolId}", "`..` segment"),
        (
            "path: /clusters/{ClusterId/{NodepoolId}",
            "not a path template",
        ),
        (
            "path: clusters/{ClusterId}/{NodepoolId}",
            "not a path template",
        ),
        (
            "path: /clusters/{ClusterId}/{NodepoolId}?x=1",
            "holds a query",
        ),
        (
            "path: /c/{ClusterId}/{NodepoolId}/{ClusterId}",
            "appears twice",
        ),
    ] {
        let repo = Repo::new();
        repo.edit(SCALE, TEMPLATE, path);
        let report = repo.fails();
        assert_reported(&report, SCALE, 4, "path", what);
    }
}

#[test]
fn a_header_the_client_owns_is_no_parameter() {
    for name in [
        "Authorization",
        "host",
        "X-Acs-Date",
        "Content-Type",
        "x-acs-signature-nonce",
    ] {
        let repo = Repo::new();
        repo.edit(SCALE, "- name: x-demo-trace", &format!("- name: {name}"));
        let report = repo.fails();
        assert_reported(
            &report,
            SCALE,
            38,
            "parameters[5].name",
            &format!("header `{name}` is set by the client"),
        );
    }
    let repo = Repo::new();
    repo.edit(SCALE, "- name: x-demo-trace", "- name: \"x demo\"");
    let report = repo.fails();
    assert_reported(
        &report,
        SCALE,
        38,
        "parameters[5].name",
        "is not an HTTP header name",
    );
}

#[test]
fn a_path_parameter_is_required_and_one_scalar() {
    let repo = Repo::new();
    repo.edit(
        SCALE,
        "    required: true\n    example: c-1",
        "    required: false\n    example: c-1",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        SCALE,
        9,
        "parameters[0].required",
        "path parameter `ClusterId` must be required",
    );

    let repo = Repo::new();
    repo.edit(
        TAGS,
        "    in: path\n    type: string",
        "    in: path\n    type: array\n    items:\n      type: string",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        TAGS,
        9,
        "parameters[0].type",
        "a path variable is one string",
    );
}

#[test]
fn get_and_delete_carry_no_body() {
    let repo = Repo::new();
    repo.edit(
        DESCRIBE,
        "  - name: verbose\n    in: query",
        "  - name: verbose\n    in: body",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        DESCRIBE,
        18,
        "parameters[2].in",
        "a `GET` request has no body",
    );
}

#[test]
fn a_whole_body_is_one_parameter_of_its_kind() {
    let repo = Repo::new();
    repo.edit(
        POLICY,
        "    type: string\n    required: true\n    constraints",
        "    type: integer\n    required: true\n    constraints",
    );
    let report = repo.fails();
    assert!(
        report.contains("the whole `text` body `body` must be a string"),
        "{report}"
    );

    let repo = Repo::new();
    repo.edit(POLICY, "body: text", "body: binary");
    let report = repo.fails();
    assert!(
        report.contains("must be a string with `format: binary`"),
        "{report}"
    );

    let repo = Repo::new();
    repo.edit(SCALE, "method: POST\n", "method: POST\nbody: json\n");
    let report = repo.fails();
    assert_reported(&report, SCALE, 4, "body", "this operation has 4");
    assert!(!report.contains("idempotency_token"), "{report}");
}

#[test]
fn an_answer_has_what_its_kind_has() {
    let repo = Repo::new();
    repo.edit(
        TAGS,
        "  kind: none",
        "  kind: none\n  fields:\n    - name: x\n      type: string",
    );
    let report = repo.fails();
    assert!(report.contains("a `none` answer has no fields"), "{report}");

    let repo = Repo::new();
    repo.edit(TAGS, "  kind: none", "  kind: array");
    let report = repo.fails();
    assert!(
        report.contains("needs the shape of its elements in `items`"),
        "{report}"
    );
}

#[test]
fn rest_keys_are_refused_in_an_rpc_product() {
    let repo = Repo::new();
    repo.edit(
        RPC_OP,
        "summary: Creates a widget.\n",
        "summary: Creates a widget.\npath: /widgets\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        RPC_OP,
        3,
        "path",
        "an RPC operation is sent to `/`",
    );
}

#[test]
fn answer_headers_are_string_fields_of_a_rest_answer_only() {
    let repo = Repo::new();
    // A header that is no string, a body field with a location, and a header in an RPC answer.
    repo.edit(
        DESCRIBE,
        "    - name: ETag\n      in: header\n      type: string\n",
        "    - name: ETag\n      in: header\n      type: integer\n",
    );
    repo.edit(
        DESCRIBE,
        "    - name: nodepool_id\n      type: string\n",
        "    - name: nodepool_id\n      in: path\n      type: string\n",
    );
    repo.edit(
        RPC_OP,
        "response:\n  fields:\n",
        "response:\n  fields:\n    - name: x-demo-id\n      in: header\n      type: string\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        DESCRIBE,
        39,
        "response.fields[2].type",
        "a response header is a string",
    );
    assert_reported(
        &report,
        DESCRIBE,
        23,
        "response.fields[0].in",
        "top-level response fields `in: header`",
    );
    assert_reported(
        &report,
        RPC_OP,
        123,
        "response.fields[0].in",
        "`in: header` is for REST",
    );
}

#[test]
fn an_idempotency_token_is_one_parameter_the_client_can_fill() {
    // A second token.
    let repo = Repo::new();
    repo.edit(
        SCALE,
        "  - name: x-demo-trace\n    in: header\n    type: string\n",
        "  - name: x-demo-trace\n    in: header\n    type: string\n    idempotency_token: true\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        SCALE,
        45,
        "parameters[6].idempotency_token",
        "`x-demo-trace` is this operation's idempotency token already",
    );

    // A path variable: required, so never left out for the client to fill.
    let repo = Repo::new();
    repo.edit(
        SCALE,
        "  - name: client_token\n    in: body",
        "  - name: client_token\n    in: query",
    );
    repo.edit(
        SCALE,
        "    example: c-1\n",
        "    example: c-1\n    idempotency_token: true\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        SCALE,
        11,
        "parameters[0].idempotency_token",
        "`ClusterId` is a path variable or the whole body",
    );

    // The whole body.
    let repo = Repo::new();
    repo.edit(
        POLICY,
        "      max_length: 65536\n",
        "      max_length: 65536\n    idempotency_token: true\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        POLICY,
        17,
        "parameters[1].idempotency_token",
        "`body` is a path variable or the whole body",
    );
}

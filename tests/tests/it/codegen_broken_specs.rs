//! Broken specs: each problem is reported with its file, line and column and YAML path, every
//! problem at once, and nothing under `generated/` changes.

use crate::scratch;

use scratch::Repo;

const OP: &str = "spec/demo/2020-01-01/CreateWidget.yaml";

/// Asserts a line of `report` names `file:line:column`, `path` and says `what`.
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
fn yaml_syntax_error() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "summary: Creates a widget.",
        "summary: [Creates a widget.",
    );
    let report = repo.fails();
    assert!(
        report.lines().any(|l| l.starts_with(&format!("{OP}:2:"))),
        "{report}"
    );
}

#[test]
fn unknown_key() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "    required: true\n    example: cn-hangzhou",
        "    requird: true\n    example: cn-hangzhou",
    );
    let report = repo.fails();
    assert_reported(&report, OP, 20, "parameters[0]", "unknown field `requird`");
}

#[test]
fn wrong_value_type() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "    format: int64\n    required: true",
        "    format: int64\n    required: maybe",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        43,
        "parameters[3].required",
        "expected a boolean",
    );
}

#[test]
fn unknown_type() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "  - name: Ratio\n    type: number",
        "  - name: Ratio\n    type: float",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        48,
        "parameters[4].type",
        "unknown variant `float`",
    );
}

#[test]
fn missing_required_key() {
    let repo = Repo::new();
    repo.edit(OP, "summary: Creates a widget.\n", "");
    let report = repo.fails();
    assert!(
        report.contains(OP) && report.contains("missing field `summary`"),
        "{report}"
    );
}

#[test]
fn duplicate_parameter() {
    let repo = Repo::new();
    repo.edit(OP, "  - name: Name\n", "  - name: RegionId\n");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        23,
        "parameters[1].name",
        "`RegionId` is already defined at parameters[0]",
    );
}

#[test]
fn default_outside_its_enum() {
    let repo = Repo::new();
    repo.edit(OP, "default: small", "default: medium");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        33,
        "parameters[2].default",
        "default `medium` must be one of small (a small one), LARGE",
    );
}

#[test]
fn minimum_above_maximum() {
    let repo = Repo::new();
    repo.edit(OP, "min_length: 2", "min_length: 30");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        28,
        "parameters[1].constraints.min_length",
        "min_length 30 is greater than the maximum 20",
    );
}

#[test]
fn invalid_pattern() {
    let repo = Repo::new();
    repo.edit(OP, "pattern: \"^[a-z][a-z0-9-]*$\"", "pattern: \"^[a-z\"");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        30,
        "parameters[1].constraints.pattern",
        "invalid regular expression",
    );
}

#[test]
fn duplicate_error_code() {
    let repo = Repo::new();
    repo.edit(OP, "code: InvalidRegionId.NotFound", "code: Quota.Exceeded");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        152,
        "errors[1].code",
        "error code `Quota.Exceeded` is already listed at errors[0]",
    );
}

#[test]
fn constraint_on_the_wrong_type() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "    constraints:\n      allowed: [{min: 1, max: 4}, 8]",
        "    constraints:\n      max_length: 4",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        46,
        "parameters[3].constraints.max_length",
        "`max_length` does not apply to a integer",
    );
}

#[test]
fn rust_name_collision() {
    let repo = Repo::new();
    repo.edit(OP, "  - name: DryRun\n", "  - name: Dry_Run\n");
    repo.edit(OP, "  - name: Zones\n", "  - name: DryRun\n");
    let report = repo.fails();
    assert!(
        report.contains("becomes the Rust field `dry_run`") && report.contains("rust_name"),
        "{report}"
    );
}

#[test]
fn every_problem_of_every_file_at_once() {
    let repo = Repo::new();
    repo.edit(OP, "default: small", "default: medium");
    repo.edit(OP, "poll: DescribeWidget", "poll: DescribeGadget");
    repo.edit(
        "spec/demo/2020-01-01/DescribeWidget.yaml",
        "example: w-1",
        "example: w-1\n    colour: red",
    );
    let report = repo.fails();
    assert_reported(&report, OP, 33, "parameters[2].default", "medium");
    assert_reported(
        &report,
        OP,
        10,
        "asynchronous.poll",
        "`DescribeGadget` to poll is not in this product's spec",
    );
    assert!(
        report.contains("DescribeWidget.yaml:") && report.contains("unknown field `colour`"),
        "{report}"
    );
    assert!(report.contains("3 problem(s)"), "{report}");
}

#[test]
fn asynchronous_waiter_of_the_polled_operation() {
    let repo = Repo::new();
    repo.edit(OP, "  waiter: WidgetReady\n", "  waiter: WidgetGone\n");
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        11,
        "asynchronous.waiter",
        "`DescribeWidget` has no waiter `WidgetGone`",
    );
}

/// An RPC operation is `POST` or `GET`; a `GET` has no body, so a form parameter cannot ride
/// on it: each is refused at the key at fault.
#[test]
fn a_binding_the_protocol_cannot_send() {
    let repo = Repo::new();
    repo.edit(
        OP,
        "summary: Creates a widget.\n",
        "summary: Creates a widget.\nmethod: GET\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        82,
        "parameters[9].in",
        "a `GET` request has no body",
    );
    assert!(report.contains("`Options`"), "{report}");

    let repo = Repo::new();
    repo.edit(
        OP,
        "summary: Creates a widget.\n",
        "summary: Creates a widget.\nmethod: PUT\n",
    );
    let report = repo.fails();
    assert_reported(
        &report,
        OP,
        3,
        "method",
        "method `PUT` is not one of this protocol's: POST, GET",
    );
}

/// Every client method (an operation's, a paginator's two, a waiter's) lives in one
/// namespace: an operation named like another's paginator or waiter method is refused where
/// the second claim is made.
#[test]
fn client_methods_that_would_clash() {
    let repo = Repo::new();
    let dir = repo.path().join("spec/demo/2020-01-01");
    for name in ["ListWidgetsPages", "WaitUntilWidgetReady"] {
        std::fs::write(
            dir.join(format!("{name}.yaml")),
            format!("name: {name}\nsummary: A clash.\nresponse: {{}}\n"),
        )
        .unwrap();
    }
    let report = repo.fails();
    assert_reported(
        &report,
        "spec/demo/2020-01-01/ListWidgets.yaml",
        29,
        "pagination",
        "the paginator of `ListWidgets` would be the client method `list_widgets_pages`, which operation `ListWidgetsPages` already is",
    );
    assert_reported(
        &report,
        "spec/demo/2020-01-01/DescribeWidget.yaml",
        22,
        "waiters[0].name",
        "waiter `WidgetReady` of `DescribeWidget` would be the client method `wait_until_widget_ready`, which operation `WaitUntilWidgetReady` already is",
    );
}

//! Versions that follow the spec: the vendored Vpc metadata imported, then a copy edited the way
//! upstream changes (an operation added, a parameter removed, an enum widened), re-imported over
//! it; each change is named with the semver bump it implies, the crate version moves by the
//! largest, and the changelog says so.

use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::changelog::{self, Bump, Change};
use acs_codegen::import::{self, files};
use acs_codegen::output;
use serde_json::Value;

const METADATA: &str = "vpc-2016-04-28.api-docs.json";

fn metadata() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/metadata")
        .join(METADATA);
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Upstream adds `DescribeVpnGatewayFlavors` (a copy of `DescribeVpnGateway`).
fn add_operation(docs: &mut Value) {
    let copy = docs["apis"]["DescribeVpnGateway"].clone();
    docs["apis"]
        .as_object_mut()
        .unwrap()
        .insert("DescribeVpnGatewayFlavors".to_owned(), copy);
}

/// Upstream drops `AutoPay` from `CreateVpnGateway`.
fn remove_parameter(docs: &mut Value) {
    docs["apis"]["CreateVpnGateway"]["parameters"]
        .as_array_mut()
        .unwrap()
        .retain(|p| p["name"] != "AutoPay");
}

/// Upstream accepts a third `OrderMode` of `CreateVirtualPhysicalConnection`.
fn widen_enum(docs: &mut Value) {
    let parameters = docs["apis"]["CreateVirtualPhysicalConnection"]["parameters"]
        .as_array_mut()
        .unwrap();
    let order_mode = parameters
        .iter_mut()
        .find(|p| p["name"] == "OrderMode")
        .unwrap();
    order_mode["schema"]["enum"]
        .as_array_mut()
        .unwrap()
        .push("PayByResourceOwner".into());
}

/// A scratch repository holding the import of the vendored metadata.
fn first_import() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    import_into(root.path(), &metadata());
    root
}

fn import_into(root: &Path, docs: &Value) -> files::ImportPlan {
    let imported = import::import(&docs.to_string()).unwrap();
    let plan = files::plan(root, &imported, METADATA).unwrap();
    assert!(plan.problems.is_empty(), "{}", plan.problems);
    output::apply(root, &plan.files, &plan.plan).unwrap();
    plan
}

/// The changes and the version an edited snapshot gives over the first import.
fn release_of(edit: fn(&mut Value)) -> (Vec<Change>, String, PathBuf, tempfile::TempDir) {
    let root = first_import();
    let mut docs = metadata();
    edit(&mut docs);
    let plan = import_into(root.path(), &docs);
    let release = plan.release.expect("an upstream change makes a release");
    assert_eq!(release.from.to_string(), "0.1.0");
    let dir = root.path().join("spec/vpc/2016-04-28");
    (release.changes, release.to.to_string(), dir, root)
}

fn change(bump: Bump, text: &str) -> Change {
    Change {
        bump,
        text: text.to_owned(),
    }
}

#[test]
fn an_added_operation_is_a_minor_release() {
    let (changes, version, _, _root) = release_of(add_operation);
    assert_eq!(
        changes,
        [change(
            Bump::Minor,
            "operation `DescribeVpnGatewayFlavors` added"
        )]
    );
    assert_eq!(version, "0.1.1");
}

#[test]
fn a_removed_parameter_is_a_breaking_release() {
    let (changes, version, _, _root) = release_of(remove_parameter);
    assert_eq!(
        changes,
        [change(
            Bump::Major,
            "operation `CreateVpnGateway`: parameter `AutoPay` removed"
        )]
    );
    assert_eq!(version, "0.2.0");
}

#[test]
fn a_widened_enum_is_a_minor_release() {
    let (changes, version, _, _root) = release_of(widen_enum);
    assert_eq!(
        changes,
        [change(
            Bump::Minor,
            "operation `CreateVirtualPhysicalConnection`: parameter `OrderMode`: value `PayByResourceOwner` added"
        )]
    );
    assert_eq!(version, "0.1.1");
}

#[test]
fn the_version_and_the_changelog_are_recorded_beside_the_spec() {
    let (_, version, dir, _root) = release_of(|docs| {
        add_operation(docs);
        remove_parameter(docs);
        widen_enum(docs);
    });
    assert_eq!(version, "0.2.0");
    let product = fs::read_to_string(dir.join("product.yaml")).unwrap();
    assert!(product.contains("\ncrate_version: 0.2.0\n"), "{product}");
    let log = fs::read_to_string(dir.join("CHANGELOG.md")).unwrap();
    assert_eq!(
        log,
        "# Changelog\n\n## 0.2.0\n\n### Breaking\n\n\
         - operation `CreateVpnGateway`: parameter `AutoPay` removed\n\n\
         ### Added\n\n\
         - operation `CreateVirtualPhysicalConnection`: parameter `OrderMode`: value `PayByResourceOwner` added\n\
         - operation `DescribeVpnGatewayFlavors` added\n"
    );
}

#[test]
fn a_second_release_goes_on_top_of_the_first_and_an_unchanged_import_releases_nothing() {
    let root = first_import();
    let mut docs = metadata();
    widen_enum(&mut docs);
    import_into(root.path(), &docs);
    remove_parameter(&mut docs);
    let plan = import_into(root.path(), &docs);
    assert_eq!(plan.release.unwrap().to.to_string(), "0.2.0");
    let again = import_into(root.path(), &docs);
    assert!(again.is_clean(), "{}", again.changes());
    assert!(again.release.is_none());
    let log = fs::read_to_string(root.path().join("spec/vpc/2016-04-28/CHANGELOG.md")).unwrap();
    let versions: Vec<&str> = log.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(versions, ["## 0.2.0", "## 0.1.1"]);
}

#[test]
fn a_response_field_removed_is_breaking_and_one_added_is_not() {
    let before = import::import(&metadata().to_string()).unwrap();
    let mut after = before.operations.clone();
    let op = after
        .iter_mut()
        .find(|o| o.name == "DescribeVpnGateway")
        .unwrap();
    let status = op
        .response
        .fields
        .iter()
        .position(|f| f.name.as_deref() == Some("Status"));
    let mut field = op.response.fields.remove(status.unwrap());
    field.name = Some("State".to_owned());
    op.response.fields.push(field);
    let changes = changelog::diff(&before.operations, &after);
    assert_eq!(
        changes,
        [
            change(
                Bump::Major,
                "operation `DescribeVpnGateway`: response field `Status` removed"
            ),
            change(
                Bump::Minor,
                "operation `DescribeVpnGateway`: response field `State` added"
            ),
        ]
    );
}

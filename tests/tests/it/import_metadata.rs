//! Importing Alibaba's published metadata: every fact represented, re-import byte-identical,
//! the committed spec current, and `--check` naming each upstream change.

use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::ImportError;
use acs_codegen::import::files::{self, IMPORT_MARKER};
use acs_codegen::import::report::Kind;
use acs_codegen::import::{self, Imported};
use acs_codegen::output;

const METADATA: [&str; 2] = [
    "vpc-2016-04-28.api-docs.json",
    "vpcpeer-2022-01-01.api-docs.json",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

fn metadata(name: &str) -> String {
    let path = repo().join("tests/data/metadata").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn imported(name: &str) -> Imported {
    import::import(&metadata(name)).unwrap()
}

/// Imports into `root` and returns the plan that was applied.
fn import_into(root: &Path, name: &str) -> files::ImportPlan {
    let plan = files::plan(root, &imported(name), name).unwrap();
    output::apply(root, &plan.files, &plan.plan).unwrap();
    plan
}

#[test]
fn vpc_and_vpcpeer_import_completely_and_reimport_is_byte_identical() {
    for name in METADATA {
        let imported = imported(name);
        let lost: Vec<String> = imported
            .report
            .unrepresented()
            .map(|f| f.to_string())
            .collect();
        assert!(
            lost.is_empty(),
            "{name}: facts not represented:\n{}",
            lost.join("\n")
        );
        let dir = tempfile::tempdir().unwrap();
        let first = import_into(dir.path(), name);
        assert!(first.problems.is_empty(), "{name}: {}", first.problems);
        assert_eq!(
            first.added.len(),
            imported.operations.len() + 1,
            "every operation and product.yaml"
        );
        let before = snapshot(dir.path());
        let second = files::plan(dir.path(), &imported, name).unwrap();
        assert!(
            second.is_clean(),
            "{name}: re-import changes files:\n{}",
            second.changes()
        );
        output::apply(dir.path(), &second.files, &second.plan).unwrap();
        assert_eq!(
            before,
            snapshot(dir.path()),
            "{name}: re-import rewrote files"
        );
    }
}

#[test]
fn imported_files_load_back_into_the_same_model() {
    for name in METADATA {
        let imported = imported(name);
        let dir = tempfile::tempdir().unwrap();
        import_into(dir.path(), name);
        let (tree, diagnostics) = acs_codegen::spec::load_tree(&dir.path().join("spec"));
        assert!(diagnostics.is_empty(), "{diagnostics}");
        let loaded = &tree.products[0];
        assert_eq!(yaml(&loaded.product), yaml(&imported.product));
        assert_eq!(loaded.operations.len(), imported.operations.len());
        for (file, op) in loaded.operations.iter().zip(&imported.operations) {
            assert_eq!(yaml(&file.operation), yaml(op), "{}", op.name);
            let first_line = file.text.lines().next().unwrap();
            assert!(
                first_line.contains(IMPORT_MARKER) && first_line.contains(name),
                "{first_line}"
            );
            assert!(
                first_line.contains(&format!("overlays/{}.yaml", op.name)),
                "{first_line}"
            );
        }
    }
}

/// Every product checked in under `spec/`.
const CHECKED_IN: [&str; 14] = [
    "vpc-2016-04-28.api-docs.json",
    "vpcpeer-2022-01-01.api-docs.json",
    "ecs-2014-05-26.api-docs.json",
    "slb-2014-05-15.api-docs.json",
    "nlb-2022-04-30.api-docs.json",
    "alb-2020-06-16.api-docs.json",
    "cbn-2017-09-12.api-docs.json",
    "ram-2015-05-01.api-docs.json",
    "sts-2015-04-01.api-docs.json",
    "kms-2016-01-20.api-docs.json",
    "cs-2015-12-15.api-docs.json",
    "elasticsearch-2017-06-13.api-docs.json",
    "fc-2023-03-30.api-docs.json",
    "sae-2019-05-06.api-docs.json",
];

#[test]
fn the_committed_spec_is_current() {
    for name in CHECKED_IN {
        let plan = files::plan(&repo(), &imported(name), name).unwrap();
        assert!(
            plan.is_clean(),
            "{name}: run `cargo xtask import tests/data/metadata/{name}`:\n{}",
            plan.changes()
        );
        assert!(plan.problems.is_empty(), "{name}: {}", plan.problems);
    }
}

#[test]
fn check_names_operations_added_removed_and_changed() {
    let name = METADATA[1];
    let dir = tempfile::tempdir().unwrap();
    import_into(dir.path(), name);
    let version = dir.path().join("spec/vpcpeer/2022-01-01");
    fs::remove_file(version.join("TagResources.yaml")).unwrap();
    let edited = fs::read_to_string(version.join("UnTagResources.yaml"))
        .unwrap()
        .replace("summary:", "summary: Old.\nx:");
    fs::write(version.join("UnTagResources.yaml"), edited).unwrap();
    fs::write(
        version.join("Gone.yaml"),
        format!("# Written {IMPORT_MARKER} from {name}.\nname: Gone\n"),
    )
    .unwrap();
    fs::write(version.join("Mine.yaml"), "name: Mine\n").unwrap();
    let before = snapshot(dir.path());

    let plan = files::plan(dir.path(), &imported(name), name).unwrap();
    assert!(!plan.is_clean());
    assert_eq!(plan.added, ["TagResources"]);
    assert_eq!(plan.changed, ["UnTagResources"]);
    assert_eq!(plan.removed, ["Gone"]);
    assert_eq!(before, snapshot(dir.path()), "planning writes nothing");

    output::apply(dir.path(), &plan.files, &plan.plan).unwrap();
    assert!(!version.join("Gone.yaml").exists());
    assert_eq!(
        fs::read_to_string(version.join("Mine.yaml")).unwrap(),
        "name: Mine\n",
        "hand-written files are kept"
    );
    assert!(
        files::plan(dir.path(), &imported(name), name)
            .unwrap()
            .is_clean()
    );
}

#[test]
fn the_quirks_of_vpc_are_reported_with_their_counts() {
    let imported = imported(METADATA[0]);
    let counts = imported.report.counts();
    let count = |kind| counts.get(&kind).copied().unwrap_or(0);
    assert_eq!(count(Kind::DuplicateParameter), 101);
    assert_eq!(count(Kind::IndexedNames), 1);
    assert_eq!(count(Kind::WrappedList), 140);
    assert_eq!(count(Kind::IdempotencyToken), 236);
    assert_eq!(count(Kind::BodyParameter), 4);
    assert_eq!(count(Kind::RustNameCollision), 0);
    assert!(count(Kind::NumberAsString) > 1000);
    let summary = imported.report.summary(false);
    assert!(
        summary.contains("101 x parameter listed more than once"),
        "{summary}"
    );
    let client_token = imported
        .operations
        .iter()
        .flat_map(|o| &o.parameters)
        .filter(|p| p.name.as_deref() == Some("ClientToken"));
    assert!(
        client_token.clone().count() > 200 && client_token.into_iter().all(|p| p.idempotency_token)
    );
}

#[test]
fn broken_metadata_is_an_error_not_a_panic() {
    for text in ["", "{}", "[]", "{\"info\":1}"] {
        assert!(
            matches!(import::import(text), Err(ImportError::NotMetadata(_))),
            "{text}"
        );
    }
    let unnamable = "{\"info\":{\"product\":\"../x\",\"version\":\"1\"},\"apis\":{}}";
    match import::import(unnamable) {
        Err(ImportError::Unnamable { product, version }) => {
            assert_eq!((product.as_str(), version.as_str()), ("../x", "1"));
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let odd = r#"{"info":{"product":"Odd","version":"2020-01-01","style":"RPC"},"apis":{
        "Bad/Name":{}, "Op":{"methods":["post"],"parameters":[{"name":"A","in":"header","schema":{"type":"string"}},
        {"name":"B","in":"query","schema":{"type":"thing"}}],"newKey":1}}}"#;
    let imported = import::import(odd).unwrap();
    let lost: Vec<String> = imported
        .report
        .unrepresented()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(lost.len(), 4, "{lost:?}");
    assert!(lost.iter().any(|l| l.contains("Bad/Name")));
    assert!(
        lost.iter()
            .any(|l| l.contains("Op parameters.A") && l.contains("in: header"))
    );
    assert!(
        lost.iter()
            .any(|l| l.contains("Op parameters.B") && l.contains("thing"))
    );
    assert!(lost.iter().any(|l| l.contains("newKey")));
}

#[test]
fn colliding_names_duplicates_and_invalid_values_are_fixed_and_reported() {
    let text = r#"{"info":{"product":"Odd","version":"2020-01-01","style":"RPC"},"apis":{"Op":{
        "methods":["post"],"parameters":[
        {"name":"TagKey","in":"query","schema":{"type":"string"}},
        {"name":"Tag_Key","in":"query","schema":{"type":"string"}},
        {"name":"Size","in":"query","schema":{"type":"integer","format":"int32","minimum":"1","maximum":"10","example":"12","default":" 5\t"}},
        {"name":"Size","in":"query","schema":{"type":"integer","format":"int32","required":true,"description":"The size."}},
        {"name":"Kind","in":"query","schema":{"type":"string","enum":[]}}],
        "errorCodes":{"400":[{"errorCode":"Bad","errorMessage":"m"},{"errorCode":"Oops.%s","errorMessage":"%s"}],
                      "404":[{"errorCode":"Bad","errorMessage":"gone"}]}}}}"#;
    let imported = import::import(text).unwrap();
    assert_eq!(imported.report.unrepresented().count(), 0);
    let op = &imported.operations[0];
    let names: Vec<(Option<&str>, Option<&str>)> = op
        .parameters
        .iter()
        .map(|p| (p.name.as_deref(), p.rust_name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (Some("TagKey"), None),
            (Some("Tag_Key"), Some("tag_key_2")),
            (Some("Size"), None),
            (Some("Kind"), None)
        ]
    );
    let size = &op.parameters[2];
    assert!(size.required, "merged from the second listing");
    assert_eq!(size.description.as_deref(), Some("The size."));
    assert_eq!(
        (size.constraints.minimum, size.constraints.maximum),
        (Some(1.0), Some(10.0))
    );
    assert_eq!(size.example, None, "12 breaks the maximum: dropped");
    assert_eq!(
        serde_yaml::to_value(&size.default).unwrap(),
        serde_yaml::Value::from(5),
        "string, padded: converted"
    );
    assert!(op.parameters[3].constraints.enumeration.is_empty());
    assert_eq!(op.errors.len(), 1);
    assert!(
        op.errors[0]
            .description
            .as_deref()
            .unwrap()
            .contains("Also returned with HTTP 404: gone")
    );
    let counts = imported.report.counts();
    for kind in [
        Kind::RustNameCollision,
        Kind::DuplicateParameter,
        Kind::InvalidExample,
        Kind::EmptyEnum,
        Kind::PlaceholderErrorCode,
        Kind::DuplicateErrorCode,
    ] {
        assert_eq!(
            counts.get(&kind),
            Some(&1),
            "{kind:?}: {}",
            imported.report.summary(true)
        );
    }
}

fn yaml<T: serde::Serialize>(value: &T) -> serde_yaml::Value {
    serde_yaml::to_value(value).unwrap()
}

fn snapshot(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.clone(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

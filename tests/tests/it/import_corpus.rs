//! The regression corpus (`tests/data/corpus`): real operations extracted from Alibaba's
//! metadata, one or two per failure class of the catalog (dotted wire names, errors under
//! non-error statuses, nested JSON, free-form values sent flat, `$ref`, maps, product codes of
//! every case, versions side by side). Each file imports cleanly, every request sends exactly
//! the metadata's wire keys, the generated crates compile warning-free in one scratch
//! workspace, and the `acs` command's data of each product reads back.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use acs_codegen::import::{self, files, report::Kind};
use acs_codegen::ir::{self, OperationIr, TypeIr, TypeRef, TypeSpace};
use acs_codegen::naming::product as product_name;
use acs_codegen::spec::model::Style;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// Every corpus file: (file name, parsed JSON, text).
fn corpus() -> Vec<(String, Value, String)> {
    let dir = repo().join("tests/data/corpus");
    let mut out: Vec<(String, Value, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).unwrap(), text)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 15, "the corpus is in tests/data/corpus");
    out
}

/// A scratch repository with every corpus file imported.
fn imported_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, _, text) in corpus() {
        let imported = import::import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let plan = files::plan(dir.path(), &imported, &name).unwrap();
        files::apply(dir.path(), &plan).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir
}

/// Wire keys of the metadata, read independently of the importer: `Name`, `Name.N`,
/// `Name.Field` (dotted names are already such keys); one key for the whole-value styles;
/// a free-form object sent flat is a dictionary, `Name.<key>`; `$ref` read in `components`.
fn metadata_keys(op: &Value, components: &Value) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for p in op["parameters"].as_array().unwrap() {
        let name = normalize(p["name"].as_str().unwrap());
        match p["style"].as_str() {
            Some("json" | "simple" | "spaceDelimited" | "pipeDelimited") => {
                keys.insert(name);
            }
            None if p["schema"]["type"] == "any" => {
                keys.insert(name);
            }
            None if p["schema"]["type"] == "object" && p["schema"]["properties"].is_null() => {
                keys.insert(name);
            }
            _ => walk(&p["schema"], &name, &mut keys, components),
        }
    }
    keys
}

fn walk(schema: &Value, key: &str, keys: &mut BTreeSet<String>, components: &Value) {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return walk(&components["schemas"][name], key, keys, components);
    }
    let fields = schema["properties"].as_object().filter(|p| !p.is_empty());
    match (schema["type"].as_str(), fields) {
        (Some("array"), _) => walk(&schema["items"], &format!("{key}.N"), keys, components),
        (Some("object"), Some(fields)) => {
            for (field, shape) in fields {
                walk(shape, &format!("{key}.{field}"), keys, components);
            }
        }
        (Some("object" | "any"), None) => {
            keys.insert(format!("{key}.<key>"));
        }
        _ => {
            keys.insert(key.to_owned());
        }
    }
}

/// `Filter.1.Key` -> `Filter.N.Key`.
fn normalize(name: &str) -> String {
    name.split('.')
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_digit()) {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Wire keys of the lowered request, as the derive writes them.
fn ir_keys(op: &OperationIr, types: &TypeSpace) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for field in &op.request.fields {
        let whole = matches!(
            field.style,
            Some(Style::Json | Style::Simple | Style::SpaceDelimited | Style::PipeDelimited)
        );
        if whole {
            keys.insert(field.wire.clone());
        } else {
            expand(&field.ty, &field.wire, types, &mut keys);
        }
    }
    keys
}

fn expand(ty: &TypeRef, key: &str, types: &TypeSpace, keys: &mut BTreeSet<String>) {
    match ty {
        TypeRef::List(item, _) => expand(item, &format!("{key}.N"), types, keys),
        TypeRef::Struct(i) => match types.get(*i) {
            TypeIr::Struct(s) => {
                for f in &s.fields {
                    expand(&f.ty, &format!("{key}.{}", f.wire), types, keys);
                }
            }
            TypeIr::Enum(_) => {
                keys.insert(key.to_owned());
            }
        },
        TypeRef::Map(_) => {
            keys.insert(format!("{key}.<key>"));
        }
        _ => {
            keys.insert(key.to_owned());
        }
    }
}

#[test]
fn every_corpus_request_sends_exactly_the_metadata_keys() {
    let repo = imported_repo();
    let (tree, diagnostics) = acs_codegen::spec::load_tree(&repo.path().join("spec"));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    let mut compared = 0;
    for (name, docs, _) in corpus() {
        let code = docs["info"]["product"].as_str().unwrap();
        let version = docs["info"]["version"].as_str().unwrap();
        let index = tree
            .products
            .iter()
            .position(|p| p.product.product == code && p.product.version == version)
            .unwrap_or_else(|| panic!("{name} imported"));
        let package = product_name::package_in_tree(&tree, index);
        let ir = ir::lower_product(&tree.products[index], package, String::new())
            .expect("a checked spec lowers");
        for op in &ir.operations {
            let want = metadata_keys(&docs["apis"][&op.action], &docs["components"]);
            assert_eq!(
                ir_keys(op, &ir.types),
                want,
                "{name} {}: wire keys",
                op.action
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 16, "every corpus operation compared");
}

#[test]
fn run_instances_sends_dotted_and_structured_system_disk_keys_as_one_object() {
    let (_, docs, text) = corpus()
        .into_iter()
        .find(|(n, _, _)| n.starts_with("ecs-"))
        .unwrap();
    let imported = import::import(&text).unwrap();
    let run = imported
        .operations
        .iter()
        .find(|o| o.name == "RunInstances")
        .unwrap();
    let disks: Vec<_> = run
        .parameters
        .iter()
        .filter(|p| p.name.as_deref() == Some("SystemDisk"))
        .collect();
    assert_eq!(disks.len(), 1, "one SystemDisk parameter");
    assert_eq!(disks[0].style, Some(Style::Flat));
    let fields: BTreeSet<&str> = disks[0]
        .properties
        .iter()
        .filter_map(|p| p.name.as_deref())
        .collect();
    let dotted = docs["apis"]["RunInstances"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str()?.strip_prefix("SystemDisk."));
    for field in dotted {
        assert!(fields.contains(field), "SystemDisk.{field} folded in");
    }
    assert!(
        fields.contains("StorageClusterId"),
        "structured fields kept"
    );
}

#[test]
fn errors_under_a_success_status_are_kept_with_the_listed_status_described() {
    let (_, _, text) = corpus()
        .into_iter()
        .find(|(n, _, _)| n.starts_with("superappnlp-"))
        .unwrap();
    let imported = import::import(&text).unwrap();
    let errors = &imported.operations[0].errors;
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|e| (400..=599).contains(&e.status)));
    assert!(
        errors.iter().any(|e| e
            .description
            .as_deref()
            .is_some_and(|d| d.contains("Listed under HTTP status `200`"))),
        "{errors:?}"
    );
    assert!(imported.report.counts().contains_key(&Kind::ErrorStatus));
}

#[test]
fn product_codes_of_every_case_and_versions_side_by_side_name_crates_by_one_rule() {
    let repo = imported_repo();
    let generated: BTreeSet<String> = fs::read_dir(repo.path().join("spec"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for folder in ["acc", "appstream-center", "ess", "ecs"] {
        assert!(generated.contains(folder), "spec/{folder}");
    }
    acs_codegen::codegen(repo.path(), false).unwrap();
    let crates: BTreeSet<String> = fs::read_dir(repo.path().join("generated"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for dir in [
        "acc",
        "appstream-center",
        "ess-20140828",
        "ess-20220222",
        "ecs",
    ] {
        assert!(crates.contains(dir), "generated/{dir} in {crates:?}");
    }
    assert!(
        !crates.contains("ess"),
        "no unversioned crate next to versioned ones"
    );
    let manifest = fs::read_to_string(repo.path().join("generated/appstream-center/Cargo.toml"));
    assert!(
        manifest
            .unwrap()
            .contains("name = \"acs-appstream-center\"")
    );
}

#[test]
fn an_import_that_fails_the_checks_writes_nothing() {
    let repo = tempfile::tempdir().unwrap();
    let (name, _, text) = corpus()
        .into_iter()
        .find(|(n, _, _)| n.starts_with("acc-"))
        .unwrap();
    let imported = import::import(&text).unwrap();
    let overlays = repo.path().join("spec/acc/2024-04-02/overlays");
    fs::create_dir_all(&overlays).unwrap();
    fs::write(overlays.join("DeleteImageCache.yaml"), "summary: \"\"\n").unwrap();
    let plan = files::plan(repo.path(), &imported, &name).unwrap();
    let refused = files::apply(repo.path(), &plan).unwrap_err();
    let acs_codegen::ImportError::Checks(problems) = &refused else {
        panic!("{refused:?}");
    };
    assert!(problems.0.iter().any(|d| d.path == "summary"), "{refused}");
    let written: Vec<_> = fs::read_dir(repo.path().join("spec/acc/2024-04-02"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(written, ["overlays"], "only the overlay, nothing imported");
}

#[test]
fn corpus_crates_compile_warning_free_and_their_command_data_reads_back() {
    let repo = imported_repo();
    acs_codegen::codegen(repo.path(), false).unwrap();
    let data = fs::read_dir(repo.path().join("generated/acs/data")).unwrap();
    let mut read = 0;
    for file in data {
        let text = fs::read_to_string(file.unwrap().path()).unwrap();
        let product = acs_cli_data::read(&text).unwrap();
        assert!(!product.operations.is_empty(), "{}", product.command);
        read += 1;
    }
    assert!(read > 1, "one data file per product");
    fs::remove_dir_all(repo.path().join("generated/acs")).unwrap();
    // The repository's profiles and target folder: the dependencies are built once for both.
    let root = fs::read_to_string(repo_path("Cargo.toml")).unwrap();
    let profiles = &root[root.find("[profile").unwrap()..];
    // The package facts generated crates inherit, as the repository's workspace states them.
    let package = root.find("[workspace.package]").unwrap();
    let package = &root[package..package + root[package..].find("\n\n").unwrap()];
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\"generated/*\"]\n\n{package}\n\n[workspace.dependencies]\nacs-runtime = {{ path = {:?} }}\n\n{profiles}",
        repo_path("codegen/runtime")
    );
    fs::write(repo.path().join("Cargo.toml"), manifest).unwrap();
    fs::copy(repo_path("Cargo.lock"), repo.path().join("Cargo.lock")).unwrap();
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| repo_path("target"));
    let output = Command::new(env!("CARGO"))
        .current_dir(repo.path())
        .env("CARGO_TARGET_DIR", &target)
        .args(["check", "--workspace", "--message-format=short"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo check:\n{stderr}");
    // Compiler diagnostics in the short format: `file:line:column: warning: ...`.
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning:"))
        .collect();
    assert!(warnings.is_empty(), "cargo check:\n{stderr}");
}

fn repo_path(relative: &str) -> String {
    repo().join(relative).display().to_string()
}

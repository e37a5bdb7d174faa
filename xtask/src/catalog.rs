//! `cargo xtask catalog <metadata dir>`: every RPC and REST product of a metadata tree imported into a scratch tree (each import's findings in `reports/`), generated, and `cargo check`ed with every feature and with none, as one Markdown table: style, imported, operations, findings, compiles.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use acs_codegen::ImportError;
use acs_codegen::import::{self, files};
use acs_codegen::naming::product as product_name;
use acs_codegen::output;
use acs_codegen::spec::model::Protocol;

/// The file name of a product version's metadata.
const METADATA_FILE: &str = "api-docs.json";

/// The protocol styles the importer reads: RPC, and the REST styles.
const STYLES: [&str; 4] = ["RPC", "ROA", "FC", "V3"];

/// One product version of the catalog and what became of it.
#[derive(Default)]
struct Entry {
    /// The metadata file, relative to the metadata folder.
    file: String,
    code: String,
    version: String,
    /// The metadata's `info.style`.
    style: String,
    /// The protocol the import chose.
    protocol: Protocol,
    operations: usize,
    findings: usize,
    unrepresented: usize,
    /// Why the import failed.
    import_error: Option<String>,
}

/// What became of one product (all its versions): generation and compilation.
#[derive(Default)]
struct Outcome {
    generate_error: Option<String>,
    /// Packages generated.
    packages: Vec<String>,
}

/// Runs the catalog over `metadata` in `scratch`; `compile` runs `cargo check` on the crates.
pub fn run(repo: &Path, metadata: &Path, scratch: &Path, compile: bool) -> Result<(), String> {
    let (sources, skipped) = metadata_files(metadata)?;
    fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let started = Instant::now();
    let mut products: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for file in &sources {
        let entry = import_one(metadata, file, scratch);
        products
            .entry(product_name::product_name(&entry.code))
            .or_default()
            .push(entry);
    }
    let imported = started.elapsed();
    let started = Instant::now();
    let mut outcomes = BTreeMap::new();
    for name in products.keys() {
        let repo = scratch.join("products").join(name);
        let outcome = std::panic::catch_unwind(|| generate_one(&repo)).unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Outcome {
                generate_error: Some(format!("the generator panicked: {message}")),
                packages: Vec::new(),
            }
        });
        outcomes.insert(name.clone(), outcome);
    }
    let generated = started.elapsed();
    let compiled = if compile {
        let started = Instant::now();
        let results = check_crates(repo, scratch, &outcomes, &[])?;
        Some((results, started.elapsed()))
    } else {
        None
    };
    let mut out = table(&products, &outcomes, compiled.as_ref().map(|(r, _)| r));
    if !skipped.is_empty() {
        let styles: Vec<String> = skipped.iter().map(|(s, n)| format!("{s} ({n})")).collect();
        let _ = writeln!(
            out,
            "Not imported, styles of other protocols: {}.",
            styles.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nImport {:.1} s, generate {:.1} s{}",
        imported.as_secs_f64(),
        generated.as_secs_f64(),
        compiled
            .as_ref()
            .map(|(_, t)| format!(", cargo check {:.0} s", t.as_secs_f64()))
            .unwrap_or_default()
    );
    print!("{out}");
    let report = scratch.join("catalog.md");
    fs::write(&report, &out).map_err(|e| format!("{}: {e}", report.display()))
}

/// Every `api-docs.json` under `metadata` whose protocol style the importer reads, sorted, and
/// how many files of each other style there are.
fn metadata_files(metadata: &Path) -> Result<(Vec<PathBuf>, BTreeMap<String, usize>), String> {
    let mut found = Vec::new();
    let mut skipped = BTreeMap::new();
    let mut pending = vec![metadata.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n == METADATA_FILE) {
                match style(&path) {
                    Some(other) if !STYLES.iter().any(|s| s.eq_ignore_ascii_case(&other)) => {
                        *skipped.entry(other).or_default() += 1;
                    }
                    _ => found.push(path),
                }
            }
        }
    }
    found.sort();
    Ok((found, skipped))
}

/// The protocol style the file declares (`None` for files without one or that do not parse,
/// which are imported to be reported).
fn style(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    let value = serde_json::from_str::<serde_json::Value>(&text).ok()?;
    value["info"]["style"].as_str().map(str::to_owned)
}

/// Imports one file into `scratch/products/<name>/spec`, writing only a clean import.
fn import_one(metadata: &Path, file: &Path, scratch: &Path) -> Entry {
    let relative = file.strip_prefix(metadata).unwrap_or(file);
    let mut entry = Entry {
        file: relative.display().to_string(),
        style: style(file).unwrap_or_default(),
        ..Entry::default()
    };
    let result = fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|json| import::import(&json).map_err(|e| e.to_string()));
    let imported = match result {
        Ok(imported) => imported,
        Err(e) => {
            // Named by its folders, `<product>/<version>/api-docs.json`; REST when its style
            // can only be REST (a `V3` file may be either).
            let mut folders = relative.iter().map(|c| c.to_string_lossy().into_owned());
            entry.code = folders.next().unwrap_or_default();
            entry.version = folders.next().unwrap_or_default();
            if ["ROA", "FC"]
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&entry.style))
            {
                entry.protocol = Protocol::Roa;
            }
            entry.import_error = Some(e);
            return entry;
        }
    };
    entry.code = imported.product.product.clone();
    entry.version = imported.product.version.clone();
    entry.protocol = imported.product.protocol;
    entry.operations = imported.operations.len();
    entry.findings = imported.report.findings.len();
    entry.unrepresented = imported.report.unrepresented().count();
    let reports = scratch.join("reports");
    let report = reports.join(format!(
        "{}-{}.txt",
        entry.code.to_lowercase(),
        entry.version
    ));
    let listed = format!("{}\n{}", entry.file, imported.report.summary(true));
    if let Err(e) = fs::create_dir_all(&reports).and_then(|()| fs::write(&report, listed)) {
        eprintln!("{}: {e}", report.display());
    }
    let repo = scratch
        .join("products")
        .join(product_name::product_name(&entry.code));
    let written = fs::create_dir_all(repo.join(acs_codegen::SPEC_DIR))
        .map_err(|e| e.to_string())
        .and_then(|()| files::plan(&repo, &imported, &entry.file).map_err(|e| e.to_string()))
        .and_then(|plan| {
            files::apply(&repo, &plan).map_err(|e| match e {
                // The first problem is the catalog's one-line reason.
                ImportError::Checks(problems) => problems
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                other => other.to_string(),
            })
        });
    entry.import_error = written.err();
    entry
}

/// Generates the crates of one product's scratch repository.
fn generate_one(repo: &Path) -> Outcome {
    if !repo.join(acs_codegen::SPEC_DIR).is_dir() {
        return Outcome::default();
    }
    match acs_codegen::generate(repo) {
        Err(d) => Outcome {
            generate_error: Some(first_line(&d.to_string())),
            packages: Vec::new(),
        },
        Ok(files) => {
            let owned = [Path::new(acs_codegen::GENERATED_DIR)];
            let written = output::plan(repo, &files, &owned)
                .map_err(|e| e.to_string())
                .and_then(|plan| output::apply(repo, &files, &plan).map_err(|e| e.to_string()));
            let packages = files
                .iter()
                .filter(|f| f.path.ends_with("Cargo.toml"))
                .filter_map(|f| package_name(&f.contents))
                .filter(|p| p != "acs")
                .collect();
            Outcome {
                generate_error: written.err(),
                packages,
            }
        }
    }
}

fn package_name(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("name = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
}

/// Compilation of one package: errors and warnings, with every feature and with none.
#[derive(Default, Clone, Copy)]
struct Compiled {
    errors: usize,
    warnings: usize,
    built: bool,
}

/// `cargo check` of every generated crate but those of `skip` in one workspace, once with every feature and once
/// with none (no resource family); diagnostics counted per package.
fn check_crates(
    repo: &Path,
    scratch: &Path,
    outcomes: &BTreeMap<String, Outcome>,
    skip: &[&String],
) -> Result<BTreeMap<String, Compiled>, String> {
    let members: Vec<String> = outcomes
        .iter()
        .filter(|(name, _)| !skip.contains(name))
        .flat_map(|(name, o)| {
            o.packages.iter().map(move |p| {
                format!(
                    "    \"products/{name}/generated/{}\",\n",
                    product_name::command(p)
                )
            })
        })
        .collect();
    let runtime = repo.join("codegen/runtime");
    let root = fs::read_to_string(repo.join("Cargo.toml")).map_err(|e| e.to_string())?;
    // The package facts generated crates inherit, as the repository's workspace states them.
    let package = root
        .find("[workspace.package]")
        .map(|start| &root[start..start + root[start..].find("\n\n").unwrap_or(root.len() - start)])
        .ok_or("Cargo.toml has no [workspace.package]")?;
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n\n{package}\n\n[workspace.dependencies]\nacs-runtime = {{ path = {:?} }}\n\n[profile.dev]\ndebug = 0\n",
        members.concat(),
        runtime.display().to_string()
    );
    fs::write(scratch.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    let lock = repo.join("Cargo.lock");
    let _ = fs::copy(&lock, scratch.join("Cargo.lock"));
    let mut results: BTreeMap<String, Compiled> = BTreeMap::new();
    for features in [&["--all-features"][..], &["--no-default-features"][..]] {
        let output = Command::new(env!("CARGO"))
            .current_dir(scratch)
            .args([
                "check",
                "--workspace",
                "--keep-going",
                "--message-format=json",
            ])
            .args(features)
            .output()
            .map_err(|e| format!("cargo: {e}"))?;
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let package = message["package_id"]
                .as_str()
                .and_then(package_of_id)
                .unwrap_or_default();
            if !package.starts_with("acs-") || package == "acs-runtime" {
                continue;
            }
            let slot = results.entry(package).or_default();
            match (
                message["reason"].as_str(),
                message["message"]["level"].as_str(),
            ) {
                (Some("compiler-message"), Some("error")) => slot.errors += 1,
                (Some("compiler-message"), Some("warning")) => slot.warnings += 1,
                (Some("compiler-artifact"), _) => slot.built = true,
                _ => {}
            }
        }
    }
    Ok(results)
}

/// The package name in a cargo package id (`path+file:///...#acs-vpc@0.1.0`).
fn package_of_id(id: &str) -> Option<String> {
    let fragment = id.rsplit('#').next()?;
    let name = fragment.split('@').next()?;
    let name = name.rsplit('/').next()?;
    Some(name.to_owned())
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

/// The Markdown table, one row per product version, then the totals.
fn table(
    products: &BTreeMap<String, Vec<Entry>>,
    outcomes: &BTreeMap<String, Outcome>,
    compiled: Option<&BTreeMap<String, Compiled>>,
) -> String {
    let mut out = String::from(
        "| Product | Version | Style | Crate | Imported | Operations | Findings (not represented) | Compiles |\n|---|---|---|---|---|---:|---:|---|\n",
    );
    let (mut files, mut ok_imports, mut operations, mut generated, mut compiling) = (0, 0, 0, 0, 0);
    let mut rest_files = 0;
    for (name, entries) in products {
        let outcome = &outcomes[name];
        for entry in entries {
            files += 1;
            let rest = entry.protocol == Protocol::Roa;
            rest_files += usize::from(rest);
            let package = product_name::package(&entry.code, &entry.version, entries.len() > 1);
            let imported = match (&entry.import_error, &outcome.generate_error) {
                (Some(e), _) => format!("no: {}", cell(e)),
                (None, Some(e)) => format!("yes; codegen fails: {}", cell(e)),
                (None, None) => "yes".to_owned(),
            };
            if entry.import_error.is_none() {
                ok_imports += 1;
                operations += entry.operations;
            }
            let has_crate = outcome.packages.contains(&package);
            generated += usize::from(has_crate);
            let compiles = match (has_crate, compiled.map(|c| c.get(&package).copied())) {
                (false, _) => "-".to_owned(),
                (true, None) => "not checked".to_owned(),
                (true, Some(None)) => "no output".to_owned(),
                (true, Some(Some(c))) if c.errors > 0 => format!("no ({} errors)", c.errors),
                (true, Some(Some(c))) if c.warnings > 0 => {
                    format!("with {} warnings", c.warnings)
                }
                (true, Some(Some(c))) if c.built => {
                    compiling += 1;
                    "yes".to_owned()
                }
                (true, Some(Some(_))) => "not built".to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | `{package}` | {imported} | {} | {} ({}) | {compiles} |",
                entry.code,
                entry.version,
                style_cell(entry),
                entry.operations,
                entry.findings,
                entry.unrepresented
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{files} metadata files ({} RPC, {rest_files} REST): {ok_imports} import ({operations} operations), {generated} crates generated{}.",
        files - rest_files,
        compiled
            .map(|_| format!(", {compiling} compile warning-free"))
            .unwrap_or_default()
    );
    out
}

/// The metadata's style, and the protocol it was imported as when the name does not say it.
fn style_cell(entry: &Entry) -> String {
    let style = if entry.style.is_empty() {
        "-"
    } else {
        &entry.style
    };
    match (style, entry.protocol) {
        ("V3", Protocol::Rpc) => "V3 (rpc)".to_owned(),
        ("V3", Protocol::Roa) => "V3 (roa)".to_owned(),
        _ => style.to_owned(),
    }
}

/// Text fit for a table cell.
fn cell(text: &str) -> String {
    let one = first_line(text).replace('|', "\\|");
    if one.chars().count() > 120 {
        format!("{}…", one.chars().take(120).collect::<String>())
    } else {
        one
    }
}

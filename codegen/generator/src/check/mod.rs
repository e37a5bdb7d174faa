//! Semantic checks: everything the YAML parser cannot see, all reported at once.
//!
//! Each finding names the file, the YAML path and (found in the text) line and column.
//! The later stages may assume a tree that passed these checks.

mod flows;
mod member;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Finding};
use crate::naming as names;
use crate::spec::binding;
use crate::spec::locate::{locate, parse_path};
use crate::spec::model::{Operation, Product};
use crate::spec::{ProductDir, SpecTree};

/// Runs every check on every file of the tree.
pub fn check_tree(tree: &SpecTree) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    let mut crates = BTreeMap::new();
    for (index, product) in tree.products.iter().enumerate() {
        let crate_name = crate::naming::product::package_in_tree(tree, index);
        if let Some(other) = crates.insert(crate_name.clone(), &product.dir) {
            let mut sink = Sink::new(&product.file, &product.text, &mut diagnostics);
            sink.report(
                "product",
                format!(
                    "crate `{crate_name}` is also generated from {}; one folder per product version",
                    other.display()
                ),
            );
        }
        check_product(product, &mut diagnostics);
    }
    diagnostics
}

fn check_product(dir: &ProductDir, diagnostics: &mut Diagnostics) {
    let mut sink = Sink::new(&dir.file, &dir.text, diagnostics);
    product_file(&dir.product, &mut sink);
    let operations: BTreeMap<&str, &Operation> = dir
        .operations
        .iter()
        .map(|o| (o.operation.name.as_str(), &o.operation))
        .collect();
    guide(&dir.product, &operations, &mut sink);
    let mut modules = BTreeMap::new();
    for file in &dir.operations {
        let mut sink = Sink::new(&file.file, &file.text, diagnostics);
        operation(&file.operation, &file.file, &operations, &mut sink);
        for (path, problem) in binding::problems(dir.product.protocol, &file.operation) {
            sink.report(&path, problem);
        }
        let name = &file.operation.name;
        if let Some(problem) = names::operation_problem(name) {
            sink.report("name", problem);
        }
        let module = names::module_name(name);
        if let Some(other) = modules.insert(module.clone(), name) {
            sink.report(
                "name",
                format!("operation `{name}` becomes module `{module}`, like `{other}`; rename one of them"),
            );
        }
    }
    client_methods(dir, diagnostics);
}

/// Every method the product's `Client` gets (one per operation, two per paginator, one per
/// waiter) is one name in one namespace: a second owner of a name is reported where it is
/// declared.
fn client_methods(dir: &ProductDir, diagnostics: &mut Diagnostics) {
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    let mut claims = Vec::new();
    for file in &dir.operations {
        let op = &file.operation;
        let module = names::module_name(&op.name);
        claims.push((
            file,
            "name".to_owned(),
            module.clone(),
            format!("operation `{}`", op.name),
        ));
        if op.pagination.is_some() {
            for method in names::paginator_methods(&module) {
                let owner = format!("the paginator of `{}`", op.name);
                claims.push((file, "pagination".to_owned(), method, owner));
            }
        }
        for (i, waiter) in op.waiters.iter().enumerate() {
            let owner = format!("waiter `{}` of `{}`", waiter.name, op.name);
            let method = names::wait_method(&waiter.name);
            claims.push((file, format!("waiters[{i}].name"), method, owner));
        }
    }
    // Operations claim their names first, so the report lands on the paginator or waiter.
    claims.sort_by_key(|(_, path, ..)| path != "name");
    for (file, path, method, owner) in claims {
        match owners.get(&method) {
            Some(first) if *first != owner => {
                let mut sink = Sink::new(&file.file, &file.text, diagnostics);
                sink.report(
                    &path,
                    format!("{owner} would be the client method `{method}`, which {first} already is; rename one of them"),
                );
            }
            _ => {
                owners.insert(method, owner);
            }
        }
    }
}

/// Collects the findings of one file, locating each path in its text.
pub(crate) struct Sink<'a> {
    file: &'a Path,
    text: &'a str,
    diagnostics: &'a mut Diagnostics,
    finding: Finding,
}

impl<'a> Sink<'a> {
    fn new(file: &'a Path, text: &'a str, diagnostics: &'a mut Diagnostics) -> Self {
        Self {
            file,
            text,
            diagnostics,
            finding: Finding::Other,
        }
    }

    /// The same sink, reporting findings of `kind`.
    pub(crate) fn kinded(&mut self, finding: Finding) -> Sink<'_> {
        Sink {
            file: self.file,
            text: self.text,
            diagnostics: self.diagnostics,
            finding,
        }
    }

    /// Reports a problem at a YAML path.
    pub(crate) fn report(&mut self, path: &str, message: impl Into<String>) {
        let steps = parse_path(path);
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            position: locate(self.text, &steps),
            path: path.to_owned(),
            steps,
            finding: self.finding,
            message: message.into(),
        });
    }
}

fn product_file(product: &Product, sink: &mut Sink<'_>) {
    if let Some(problem) = names::product_problem(&product.product) {
        sink.report("product", problem);
    }
    if !crate::naming::product::is_product_code(&product.product) {
        sink.report(
            "product",
            format!(
                "product code `{}` must be letters and digits in groups joined by single hyphens, starting with a letter",
                product.product
            ),
        );
    }
    if !is_api_version(&product.version) {
        sink.report(
            "version",
            format!(
                "version `{}` must be a date, YYYY-MM-DD (or YYYYMMDD)",
                product.version
            ),
        );
    }
    if let Err(problem) = crate::changelog::crate_version(product) {
        sink.report("crate_version", problem.to_string());
    }
    if product.endpoints.pattern.trim().is_empty() || product.endpoints.pattern.contains('/') {
        sink.report(
            "endpoints.pattern",
            "the endpoint pattern must be a host name, optionally with `{region}`",
        );
    }
    let mut seen = BTreeSet::new();
    for (i, region) in product.endpoints.regions.iter().enumerate() {
        if !seen.insert(region.region.as_str()) {
            sink.report(
                &format!("endpoints.regions[{i}].region"),
                format!("region `{}` is listed twice", region.region),
            );
        }
    }
}

/// The getting-started's operations: each one of the product's, named once.
fn guide(product: &Product, operations: &BTreeMap<&str, &Operation>, sink: &mut Sink<'_>) {
    let mut seen = BTreeSet::new();
    for (i, name) in product.guide.iter().enumerate() {
        if !operations.contains_key(name.as_str()) {
            sink.report(
                &format!("guide[{i}]"),
                format!("`{name}` is not an operation of this product"),
            );
        } else if !seen.insert(name.as_str()) {
            sink.report(&format!("guide[{i}]"), format!("`{name}` is listed twice"));
        }
    }
}

fn operation(
    op: &Operation,
    file: &Path,
    operations: &BTreeMap<&str, &Operation>,
    sink: &mut Sink<'_>,
) {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if op.name != stem {
        sink.report(
            "name",
            format!(
                "operation `{}` must live in a file named `{}.yaml`",
                op.name, op.name
            ),
        );
    }
    if !is_operation_name(&op.name) {
        sink.report(
            "name",
            format!(
                "operation name `{}` must be ASCII letters and digits, starting with a letter",
                op.name
            ),
        );
    }
    if op.summary.trim().is_empty() {
        sink.report("summary", "the summary must not be empty");
    }
    if let Some(asynchronous) = &op.asynchronous {
        match operations.get(asynchronous.poll.as_str()) {
            None => sink.report(
                "asynchronous.poll",
                format!(
                    "operation `{}` to poll is not in this product's spec",
                    asynchronous.poll
                ),
            ),
            Some(poll) => {
                if let Some(waiter) = &asynchronous.waiter {
                    if !poll.waiters.iter().any(|w| &w.name == waiter) {
                        sink.report(
                            "asynchronous.waiter",
                            format!("`{}` has no waiter `{waiter}`", asynchronous.poll),
                        );
                    }
                }
            }
        }
    }
    member::members(
        &op.parameters,
        "parameters",
        member::Position::Parameter,
        sink,
    );
    member::members(
        &op.response.fields,
        "response.fields",
        member::Position::AnswerField,
        sink,
    );
    if let Some(items) = &op.response.items {
        member::check(items, "response.items", member::Position::Element, sink);
    }
    flows::flows(op, sink);
    let mut codes = BTreeMap::new();
    for (i, error) in op.errors.iter().enumerate() {
        let path = format!("errors[{i}]");
        if !(400..=599).contains(&error.status) {
            sink.report(
                &format!("{path}.status"),
                format!(
                    "HTTP status {} of an error must be 400 to 599",
                    error.status
                ),
            );
        }
        if error.code.trim().is_empty() {
            sink.report(&format!("{path}.code"), "the error code must not be empty");
        }
        if let Some(first) = codes.insert(error.code.as_str(), i) {
            sink.report(
                &format!("{path}.code"),
                format!(
                    "error code `{}` is already listed at errors[{first}]",
                    error.code
                ),
            );
        }
    }
}

/// `CreateVpnGateway`, `createInstance`: ASCII letters and digits, starting with a letter.
fn is_operation_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `Vpc`: an ASCII identifier starting with an upper-case letter.
fn is_pascal_identifier(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `2016-04-28`, or `20240611` as a few products write it (sent as written).
fn is_api_version(version: &str) -> bool {
    let bytes = version.as_bytes();
    let dashed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    dashed || (bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit))
}

//! The crate's package files: `Cargo.toml` (with what crates.io needs), `README.md` and
//! `CHANGELOG.md`.

use crate::ir::CrateIr;

/// The crate manifest (after the header), written by the TOML serializer so that no spec
/// text can add a key.
pub fn cargo_toml(ir: &CrateIr) -> String {
    let p = &ir.product;
    let description = format!(
        "{} ({}): typed, validated requests, responses and errors.",
        p.title, p.api_version
    );
    let version = ir.version.to_string();
    let documentation = format!("https://docs.rs/{}", ir.package);
    let manifest = toml::toml! {
        [package]
        name = (ir.package.clone())
        version = version
        description = description
        edition = "2024"
        license = { workspace = true }
        rust-version = { workspace = true }
        repository = { workspace = true }
        documentation = documentation
        readme = "README.md"
        keywords = (keywords(ir))
        categories = { workspace = true }

        // Generated code has no unit tests: `cargo test` builds only its doc-tests, not a
        // second copy of the whole crate as a test harness.
        [lib]
        test = false

        [dependencies]
        acs-runtime = { workspace = true }
        serde = { version = "1", features = ["derive"], optional = true }
        serde_json = "1"

        [dev-dependencies]
        futures-util = "0.3"
        tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
    };
    let mut manifest = manifest;
    add_features(&mut manifest, ir);
    toml::to_string(&manifest).expect("a manifest serializes")
}

/// crates.io keywords: the vendor, the kind, and the product's command name when it is a
/// valid keyword (at most 20 characters).
fn keywords(ir: &CrateIr) -> Vec<String> {
    let mut keywords = vec![
        "alibaba-cloud".to_owned(),
        "aliyun".to_owned(),
        "sdk".to_owned(),
    ];
    let command = crate::naming::product::command(&ir.package);
    if command.len() <= 20 && !keywords.iter().any(|k| k == command) {
        keywords.push(command.to_owned());
    }
    keywords
}

/// The crate's `README.md` (after the header): what it is, how to depend on it, where the
/// tested examples are.
pub fn readme(ir: &CrateIr) -> String {
    let p = &ir.product;
    let package = &ir.package;
    let krate = &ir.crate_ident;
    let requirement = match ir.version.major {
        0 => format!("0.{}", ir.version.minor),
        major => major.to_string(),
    };
    format!(
        "# {package}\n\n\
         {title}, API version {version}: a typed, validated Rust client of its {count} operations, \
         generated from the spec of the [acs](https://github.com/acs-rs/acs) project.\n\n\
         ```toml\n[dependencies]\n{package} = \"{requirement}\"\n\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n```\n\n\
         The [crate documentation](https://docs.rs/{package}) starts with a tested getting-started: \
         a call, an error match, a waiter, a paginator and a fake for tests. \
         Client settings (endpoint, retries, timeouts, region, credentials) are on \
         [`{krate}::Config`](https://docs.rs/{package}/latest/{krate}/struct.Config.html).\n\n\
         What changed in each version: [CHANGELOG.md](CHANGELOG.md).\n",
        title = p.title,
        version = p.api_version,
        count = ir.operations.len(),
    )
}

/// The crate's `CHANGELOG.md` (after the header): the product's, or its first entry.
pub fn changelog(ir: &CrateIr) -> String {
    match &ir.changelog {
        Some(text) => text.clone(),
        None => crate::changelog::render::first(&ir.version),
    }
}

/// One feature per resource family, all on by default; `serde` and `blocking`, off.
fn add_features(manifest: &mut toml::Table, ir: &CrateIr) {
    let features = manifest
        .entry("features")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        .as_table_mut()
        .expect("`features` is a table");
    let list = |items: &[&str]| {
        toml::Value::Array(
            items
                .iter()
                .map(|item| toml::Value::String((*item).to_owned()))
                .collect(),
        )
    };
    if !ir.features.is_empty() {
        let default: Vec<&str> = ir.features.iter().map(|f| f.name.as_str()).collect();
        features.insert("default".to_owned(), list(&default));
    }
    features.insert("blocking".to_owned(), list(&["acs-runtime/blocking"]));
    features.insert("serde".to_owned(), list(&["dep:serde"]));
    for feature in &ir.features {
        features.insert(feature.name.clone(), list(&[]));
    }
}

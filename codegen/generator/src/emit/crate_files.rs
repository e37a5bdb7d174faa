//! The crate manifest, `Cargo.toml`.

use crate::ir::CrateIr;

/// The crate manifest (after the header), written by the TOML serializer so that no spec
/// text can add a key.
pub fn cargo_toml(ir: &CrateIr) -> String {
    let p = &ir.product;
    let description = format!(
        "{} ({}): typed, validated requests, responses and errors.",
        p.title, p.version
    );
    let manifest = toml::toml! {
        [package]
        name = (ir.package.clone())
        version = "0.1.0"
        description = description
        edition = "2024"
        license = { workspace = true }
        rust-version = { workspace = true }
        publish = false

        [dependencies]
        acs-runtime = { workspace = true }
        serde = { version = "1", features = ["derive"] }
        serde_json = "1"

        [dev-dependencies]
        futures-util = "0.3"
        tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
    };
    let mut manifest = manifest;
    add_features(&mut manifest, ir);
    toml::to_string(&manifest).expect("a manifest serializes")
}

/// One feature per resource family, all on by default.
fn add_features(manifest: &mut toml::Table, ir: &CrateIr) {
    if ir.features.is_empty() {
        return;
    }
    let features = manifest
        .entry("features")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        .as_table_mut()
        .expect("`features` is a table");
    let default = ir
        .features
        .iter()
        .map(|f| toml::Value::String(f.name.clone()))
        .collect();
    features.insert("default".to_owned(), toml::Value::Array(default));
    for feature in &ir.features {
        features.insert(feature.name.clone(), toml::Value::Array(Vec::new()));
    }
}

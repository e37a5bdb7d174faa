//! The crate manifest, `Cargo.toml`.

use crate::ir::CrateIr;

/// The crate manifest (after the header).
pub fn cargo_toml(ir: &CrateIr) -> String {
    let p = &ir.product;
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
description = "{title} ({version}): typed, validated requests, responses and errors."
edition = "2024"
license.workspace = true
rust-version.workspace = true
publish = false

[dependencies]
acs-runtime = {{ workspace = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[dev-dependencies]
futures-util = "0.3"
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}

[features]
# Operation tables and request deserialization for command-line front ends.
cli = []
"#,
        name = ir.package,
        title = p.title,
        version = p.version,
    )
}

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
    toml::to_string(&manifest).expect("a manifest serializes")
}

//! The `acs` command's crate: one binary over every generated product's operation tables.

use quote::{format_ident, quote};

use crate::ir::CrateIr;
use crate::output::{Comment, OutputFile, header};

/// Folder of the command's crate under `generated/`.
pub const CLI_DIR: &str = "acs";

/// `acs/Cargo.toml` and `acs/src/main.rs`, listing every product.
pub fn cli_crate(crates: &[CrateIr]) -> Vec<OutputFile> {
    let source = "spec/";
    let mut manifest = toml::toml! {
        [package]
        name = "acs"
        version = "0.1.0"
        description = "acs: call Alibaba Cloud APIs from the shell, typed and validated, with the official CLI's syntax."
        edition = "2024"
        license = { workspace = true }
        rust-version = { workspace = true }
        repository = { workspace = true }
        documentation = "https://docs.rs/acs"
        readme = "../../README.md"
        keywords = ["alibaba-cloud", "aliyun", "cli"]
        categories = ["command-line-utilities"]

        [dependencies]
        acs-cli = { workspace = true }
    };
    let dependencies = manifest["dependencies"]
        .as_table_mut()
        .expect("the manifest has dependencies");
    for c in crates {
        let dir = crate::ir::product_name::command(&c.package);
        let path = format!("../{dir}");
        let version = c.version.to_string();
        dependencies.insert(
            c.package.clone(),
            toml::toml! { version = version path = path features = ["cli"] }.into(),
        );
    }
    let manifest = format!(
        "{}{}",
        header(Comment::Hash, source),
        toml::to_string(&manifest).expect("a manifest serializes")
    );
    let products = crates.iter().map(|c| {
        let krate = format_ident!("{}", c.package.replace('-', "_"));
        quote!(&#krate::cli::PRODUCT_DOC)
    });
    let main = quote! {
        //! `acs <product> <Action> [--<Parameter> <value>]...`: see `acs --help`.
        fn main() -> ::std::process::ExitCode {
            ::acs_cli::main(&[#(#products),*])
        }
    };
    vec![
        OutputFile::new(format!("{CLI_DIR}/Cargo.toml"), manifest),
        OutputFile::new(
            format!("{CLI_DIR}/src/main.rs"),
            super::rust_file(&header(Comment::Slash, source), main),
        ),
    ]
}

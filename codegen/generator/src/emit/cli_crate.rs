//! The `acs` command's crate: one binary embedding every product's command data.

use quote::{format_ident, quote};

use crate::ir::CrateIr;
use crate::output::{Comment, OutputFile, header, header_text};

/// Folder of the command's crate under `generated/`.
pub const CLI_DIR: &str = "acs";

/// `acs/Cargo.toml`, `acs/src/main.rs` listing every product, and `acs/data/<command>.json`,
/// each product's command data.
pub fn cli_crate(crates: &[CrateIr]) -> Vec<OutputFile> {
    let source = "spec/";
    let manifest = toml::toml! {
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
    let manifest = format!(
        "{}{}",
        header(Comment::Hash, source),
        toml::to_string(&manifest).expect("a manifest serializes")
    );
    let mut files = vec![OutputFile::new(format!("{CLI_DIR}/Cargo.toml"), manifest)];
    let mut statics = Vec::new();
    let mut names = Vec::new();
    for c in crates {
        let data = super::cli_data::product_data(c);
        let path = format!("data/{}.json", data.command);
        let name = format_ident!("{}", data.command.to_uppercase().replace('-', "_"));
        let (command, title, version) = (&data.command, &data.title, &data.version);
        let include = format!("../{path}");
        statics.push(quote! {
            static #name: Product = Product::new(#command, #title, #version, include_str!(#include));
        });
        names.push(name);
        let text = acs_cli_data::write(&header_text(&c.source), &data);
        files.push(OutputFile::new(format!("{CLI_DIR}/{path}"), text));
    }
    let main = quote! {
        //! `acs <product> <Action> [--<Parameter> <value>]...`: see `acs --help`.
        use ::acs_cli::Product;

        #(#statics)*

        #[rustfmt::skip]
        fn main() -> ::std::process::ExitCode {
            ::acs_cli::main(&[#(&#names),*])
        }
    };
    files.push(OutputFile::new(
        format!("{CLI_DIR}/src/main.rs"),
        super::rust_file(&header(Comment::Slash, source), main),
    ));
    files
}

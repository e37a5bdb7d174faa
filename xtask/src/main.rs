//! Project commands, run as `cargo xtask <command>` from anywhere in the repository.

mod api_diff;
mod bench;
mod catalog;
mod codegen;
mod import;
mod package;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The generator allocates and frees millions of small token and string values per run;
/// mimalloc serves them several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project commands")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the crates under generated/ (and the spec JSON Schemas) from spec/.
    Codegen {
        /// Write nothing; fail naming each file that is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Write `spec/<product>/<version>/` from Alibaba's published API metadata (api-docs.json);
    /// hand edits live in overlays/ and survive.
    Import {
        /// The metadata file, e.g. vpc-2016-04-28.api-docs.json.
        file: PathBuf,
        /// Write nothing; report what upstream changed and fail if anything did.
        #[arg(long)]
        check: bool,
        /// List every finding, not the first few of each kind.
        #[arg(long)]
        verbose: bool,
    },
    /// Import every RPC and REST product of a metadata folder (`<product>/<version>/api-docs.json`) into
    /// a scratch tree, generate, `cargo check` each crate, and print a per-product table.
    Catalog {
        /// The metadata folder, e.g. a checkout of Alibaba's metadata at `en_us/`.
        metadata: PathBuf,
        /// The scratch folder (written; holds the table as `catalog.md`).
        #[arg(long, default_value = "target/catalog")]
        scratch: PathBuf,
        /// Import and generate only; do not run `cargo check`.
        #[arg(long)]
        no_compile: bool,
    },
    /// Measure generating the whole spec and building the Vpc crate, against the budget.
    Bench {
        /// Measure generating the spec only (seconds, not minutes).
        #[arg(long)]
        generate_only: bool,
    },
    /// Compare the public API of each generated crate on disk with what the spec generates now;
    /// fail when items are gone without a breaking version bump.
    ApiDiff,
    /// Package every published crate as crates.io would receive it (offline) and report each
    /// `.crate` size; each packaged crate is built on its own unless `--no-verify`.
    Package {
        /// Package only; do not build the packaged crates.
        #[arg(long)]
        no_verify: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let repo = repo_root();
    let result = match cli.command {
        Command::Codegen { check } => codegen::run(&repo, check),
        Command::Import {
            file,
            check,
            verbose,
        } => import::run(&repo, &file, check, verbose),
        Command::Catalog {
            metadata,
            scratch,
            no_compile,
        } => catalog::run(&repo, &metadata, &scratch, !no_compile),
        Command::Bench { generate_only } => bench::run(&repo, generate_only),
        Command::ApiDiff => api_diff::run(&repo),
        Command::Package { no_verify } => package::run(&repo, !no_verify),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root: the parent of this crate's folder.
fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .expect("xtask lives in the repository root")
        .to_owned()
}

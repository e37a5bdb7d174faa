//! The errors of the generator's entry points (`codegen`, `import`, the import's plan and
//! apply, a crate's version): what failed, typed, with the report a person reads as `Display`.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::diag::Diagnostics;
use crate::output::{Plan, SyncError};

/// Why [`codegen`](crate::codegen) wrote nothing, or found the tree not current.
#[derive(Debug)]
pub enum CodegenError {
    /// The spec does not pass the checks: every problem, each with its place.
    Spec(Diagnostics),
    /// Checking only: the generated files differ from what the spec generates.
    Stale(Plan),
    /// The files could not be written, or hand-written files are in the way.
    Sync(SyncError),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Spec(diagnostics) => write!(f, "{diagnostics}"),
            Self::Stale(plan) => f.write_str(&plan.stale_report()),
            Self::Sync(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CodegenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Sync(error) => Some(error),
            Self::Spec(_) | Self::Stale(_) => None,
        }
    }
}

/// Why an import of API metadata stopped; nothing was written.
#[derive(Debug)]
pub enum ImportError {
    /// The text is not Alibaba Cloud API metadata.
    NotMetadata(serde_json::Error),
    /// The product code or version cannot name a spec folder.
    Unnamable {
        /// The product code the metadata gives.
        product: String,
        /// The API version the metadata gives.
        version: String,
    },
    /// The product signs through a gateway of its own, which the client does not speak: a
    /// crate of it would compile and every call would be refused.
    OwnGateway {
        /// The product code the metadata gives.
        product: String,
        /// What the gateway does.
        gateway: &'static str,
    },
    /// The spec files already in the repository could not be read.
    Read(PathBuf, io::Error),
    /// The merged spec (imported files and their overlays) does not pass the checks.
    Checks(Diagnostics),
    /// The files could not be written, or hand-written files are in the way.
    Sync(SyncError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotMetadata(error) => write!(f, "not Alibaba Cloud API metadata: {error}"),
            Self::Unnamable { product, version } => write!(
                f,
                "product `{product}` version `{version}` cannot name a spec folder"
            ),
            Self::OwnGateway { product, gateway } => write!(
                f,
                "`{product}` signs through its own gateway ({gateway}), which this client does not speak: not imported"
            ),
            Self::Read(path, error) => write!(f, "{}: {error}", path.display()),
            Self::Checks(problems) => write!(
                f,
                "the merged spec (base files and overlays) does not pass the checks:\n{problems}"
            ),
            Self::Sync(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NotMetadata(error) => Some(error),
            Self::Read(_, error) => Some(error),
            Self::Sync(error) => Some(error),
            Self::Unnamable { .. } | Self::OwnGateway { .. } | Self::Checks(_) => None,
        }
    }
}

/// A product's `crate_version` that is not a semver version.
#[derive(Debug)]
pub struct VersionError {
    /// The value as written.
    pub text: String,
    /// Why semver refuses it.
    pub source: semver::Error,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "crate_version `{}` is not a semver version (x.y.z): {}",
            self.text, self.source
        )
    }
}

impl std::error::Error for VersionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

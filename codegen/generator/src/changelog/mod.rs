//! Versions that follow the spec: what changed between two versions of a product's spec, the
//! semver bump each change implies, the next crate version and its `CHANGELOG.md` entry.
//!
//! [`diff`](mod@diff) compares two specs by meaning, [`version`] decides the bump and the version, and
//! [`render`] writes the entry. `cargo xtask import` runs them over the spec it replaces.

pub mod api;
pub mod diff;
pub mod render;
pub mod version;

pub use diff::{Change, diff};
pub use version::{Bump, crate_version};

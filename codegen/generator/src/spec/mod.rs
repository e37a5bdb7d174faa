//! The spec: the YAML format's model, the loader of a spec tree (with overlays) and position lookup.

pub mod binding;
pub mod load;
pub mod locate;
pub mod model;
pub mod overlay;
pub mod rules;

pub use load::{OperationFile, ProductDir, SpecTree, load_tree};

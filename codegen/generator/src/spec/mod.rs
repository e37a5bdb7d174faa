//! The spec: the YAML format's model, the loader of a spec tree and position lookup.

pub mod load;
pub mod locate;
pub mod model;

pub use load::{OperationFile, ProductDir, SpecTree, load_tree};

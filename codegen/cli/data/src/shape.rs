//! The shape of a value.

use acs_rules::Rule;
use serde::{Deserialize, Serialize};

/// The shape of a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Text.
    String,
    /// A 32-bit integer.
    Int32,
    /// A 64-bit integer.
    Int64,
    /// A 32-bit floating-point number.
    Float32,
    /// A 64-bit floating-point number.
    Float64,
    /// `true` / `false`.
    Boolean,
    /// Any JSON value, sent as one JSON string.
    Json,
    /// Bytes: a whole binary body, read from a file.
    Binary,
    /// One of these strings (others pass parsing and are caught by validation).
    Enum(Vec<String>),
    /// A list, with the rules of each item.
    List {
        /// The items' shape.
        item: Box<Shape>,
        /// The rules each item obeys.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        rules: Vec<Rule>,
    },
    /// A string-keyed map: `Name.<key>`.
    Map(Box<Shape>),
    /// The nested struct of this index in [`ProductData::structs`](crate::ProductData::structs).
    Struct(usize),
}

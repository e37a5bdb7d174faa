//! The shape of a value, where a parameter travels and how it is flattened.

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

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// The URL query.
    #[default]
    Query,
    /// The form body.
    Body,
}

impl Location {
    /// Whether this is the URL query.
    pub fn is_query(&self) -> bool {
        *self == Self::Query
    }
}

/// How a top-level parameter is flattened onto the wire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// Lists as `Name.1`, `Name.2`, nested fields as `Name.Field`.
    #[default]
    Flat,
    /// The whole value as one JSON string.
    Json,
    /// A list joined with commas.
    Simple,
    /// A list joined with spaces.
    SpaceDelimited,
    /// A list joined with `|`.
    PipeDelimited,
}

impl Style {
    /// Whether this is the default flattening.
    pub fn is_flat(&self) -> bool {
        *self == Self::Flat
    }

    /// The separator of a joined list, for the delimited styles.
    pub fn separator(self) -> Option<char> {
        match self {
            Self::Simple => Some(','),
            Self::SpaceDelimited => Some(' '),
            Self::PipeDelimited => Some('|'),
            Self::Flat | Self::Json => None,
        }
    }
}

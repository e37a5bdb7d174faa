//! Static descriptions of a product's operations for command-line front ends: names, docs,
//! parameter shapes, and the typed check-then-serialize step of each operation.
//!
//! Generated crates emit these tables behind their `cli` feature; the `acs` command builds its
//! commands, help and argument parsing from them without any per-operation code.

use serde::de::DeserializeOwned;

use crate::client::{OperationInfo, ProductInfo};
use crate::operation::OperationRequest;
use crate::params::{Location, Params};
use crate::validate::Violations;

/// One product: its command name and operations.
#[derive(Debug)]
pub struct ProductDoc {
    /// Command name, the product code in lower case, e.g. `vpc`.
    pub command: &'static str,
    /// Product code, version and endpoints.
    pub product: &'static ProductInfo,
    /// One-line title.
    pub title: &'static str,
    /// Every operation, sorted by name.
    pub operations: &'static [OperationDoc],
}

/// One operation.
#[derive(Debug)]
pub struct OperationDoc {
    /// The action, e.g. `CreateVpnGateway`.
    pub name: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// Markdown description (may be empty).
    pub description: &'static str,
    /// What the client needs to call it.
    pub info: &'static OperationInfo,
    /// Request parameters in spec order.
    pub parameters: &'static [ParamDoc],
    /// Deserializes the typed request from JSON keyed by Rust field names (see
    /// [`ParamDoc::field`]), validates it unless told not to, and serializes it for the wire.
    pub prepare: fn(serde_json::Value, Validation) -> Result<Params, PrepareError>,
    /// How to wait for the work of an asynchronous operation to finish, if it has a waiter.
    pub wait: Option<WaitDoc>,
}

/// A waiter of an asynchronous operation: poll another operation of the product until a state.
#[derive(Debug)]
pub struct WaitDoc {
    /// The waiter's name, e.g. `VpnGatewayActive`.
    pub waiter: &'static str,
    /// The action of the polled operation in the same product, e.g. `DescribeVpnGateway`.
    pub poll: &'static str,
    /// Wire path of the state in the poll response, e.g. `["Status"]`; empty if none.
    pub state: &'static [&'static str],
    /// States that end the wait successfully.
    pub success: &'static [&'static str],
    /// States that end it with a failure at once.
    pub failure: &'static [&'static str],
    /// Error codes of the poll that end the wait successfully.
    pub success_codes: &'static [&'static str],
    /// Delay between polls, in milliseconds.
    pub interval_ms: u64,
    /// Longest wait, in milliseconds.
    pub max_wait_ms: u64,
}

/// Whether [`OperationDoc::prepare`] validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Check every constraint of the spec (the default).
    On,
    /// Send values the spec does not know.
    Off,
}

/// One request parameter.
#[derive(Debug)]
pub struct ParamDoc {
    /// Wire name, e.g. `VSwitchId`.
    pub name: &'static str,
    /// Rust field name, the key of the JSON given to [`OperationDoc::prepare`], e.g. `v_switch_id`.
    pub field: &'static str,
    /// Query or body.
    pub location: Location,
    /// Value shape.
    pub shape: &'static Shape,
    /// Whether it must be sent.
    pub required: bool,
    /// The service's default, for help.
    pub default: Option<&'static str>,
    /// Markdown description.
    pub description: &'static str,
    /// Constraints in words, for help.
    pub facts: &'static [&'static str],
}

/// The shape of a value.
#[derive(Debug)]
pub enum Shape {
    /// Text.
    String,
    /// Whole number.
    Integer,
    /// `true` / `false`.
    Boolean,
    /// Floating-point number.
    Number,
    /// One of these strings (others pass parsing and are caught by validation).
    Enum(&'static [&'static str]),
    /// One JSON value given as a JSON string (json-style parameters and `any`).
    Json,
    /// A list: `Name.1`, `Name.2`, or for delimited styles one joined string.
    List(&'static Shape, ListStyle),
    /// An object: `Name.Field`.
    Object(&'static [FieldDoc]),
    /// A string-keyed map: `Name.<key>`.
    Map(&'static Shape),
}

/// How a list parameter is written on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// `--Name.1 a --Name.2 b`.
    Repeat,
    /// One argument joined with this separator, e.g. `--Name a,b`.
    Joined(char),
}

/// A field of an object shape.
#[derive(Debug)]
pub struct FieldDoc {
    /// Wire name.
    pub name: &'static str,
    /// Rust field name.
    pub field: &'static str,
    /// Value shape.
    pub shape: &'static Shape,
    /// Markdown description.
    pub description: &'static str,
    /// Constraints in words, for help.
    pub facts: &'static [&'static str],
}

/// Why [`OperationDoc::prepare`] failed.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    /// The arguments do not form the request (a wrong type, a malformed JSON value).
    #[error("invalid arguments: {0}")]
    Parse(String),
    /// The request breaks the spec's constraints.
    #[error(transparent)]
    Invalid(#[from] Violations),
}

/// The [`OperationDoc::prepare`] of request type `R`.
pub fn prepare<R: DeserializeOwned + OperationRequest>(
    value: serde_json::Value,
    validation: Validation,
) -> Result<Params, PrepareError> {
    let request: R = serde_path_to_error::deserialize(value).map_err(|e| {
        // The path names Rust fields (`tunnel_options_specification[0].psk`); empty at the top.
        match e.path().to_string().as_str() {
            "." | "" => PrepareError::Parse(e.inner().to_string()),
            path => PrepareError::Parse(format!("`{path}`: {}", e.inner())),
        }
    })?;
    if validation == Validation::On {
        request.validate()?;
    }
    Ok(request.to_params())
}

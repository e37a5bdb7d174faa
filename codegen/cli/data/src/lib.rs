//! The command data of one product: what the `acs` command knows of its operations.
//!
//! The generator writes one file per product with [`write()`]; the `acs` command embeds the files
//! and reads the product it is asked for with [`read`]. Constraints are the rule vocabulary's
//! [`Rule`]s, so the command validates with the same rules and the same words as the SDK.

mod shape;

use acs_rules::Rule;
use serde::{Deserialize, Serialize};

pub use acs_wire::{AnswerKind, BodyKind, Location, Method, Part, PathTemplate, Protocol, Style};
pub use shape::Shape;

/// One product: how to reach it and its operations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductData {
    /// Command name, e.g. `vpc`.
    pub command: String,
    /// One-line title.
    pub title: String,
    /// Product code, e.g. `Vpc`.
    pub code: String,
    /// API version, e.g. `2016-04-28`.
    pub version: String,
    /// The product's protocol.
    #[serde(default, skip_serializing_if = "is_default")]
    pub protocol: Protocol,
    /// Endpoint of a region without its own entry, e.g. `vpc.{region}.aliyuncs.com`.
    pub endpoint_pattern: String,
    /// Region id to endpoint host.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regional_endpoints: Vec<(String, String)>,
    /// Every operation, sorted by name.
    pub operations: Vec<OperationData>,
    /// The nested structs parameters refer to by index ([`Shape::Struct`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub structs: Vec<StructData>,
}

/// One operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationData {
    /// The action, e.g. `CreateVpnGateway`.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Markdown description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The HTTP method of its binding.
    #[serde(default, skip_serializing_if = "is_default")]
    pub method: Method,
    /// The path of its binding.
    #[serde(default = "rpc_path", skip_serializing_if = "is_rpc_path")]
    pub path: String,
    /// What its request body is made of.
    #[serde(default, skip_serializing_if = "is_default")]
    pub body: BodyKind,
    /// What its successful answer is.
    #[serde(default, skip_serializing_if = "is_default")]
    pub answer: AnswerKind,
    /// Wire name of the idempotency token the client fills, e.g. `ClientToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_token: Option<String>,
    /// Where the client puts the idempotency token when it fills it.
    #[serde(default, skip_serializing_if = "is_default")]
    pub idempotency_token_location: Location,
    /// Whether sending it twice does no more than sending it once.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub idempotent: bool,
    /// Request parameters in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Field>,
    /// How to wait for the work of this asynchronous operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitData>,
    /// How this listing pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pager: Option<PagerData>,
}

/// A request parameter, or a field of a nested struct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Wire name, e.g. `VSwitchId`.
    pub name: String,
    /// Query or form body (top-level parameters only).
    #[serde(default, skip_serializing_if = "is_default")]
    pub location: Location,
    /// How the value is flattened (top-level parameters only).
    #[serde(default, skip_serializing_if = "is_default")]
    pub style: Style,
    /// The value's shape.
    pub shape: Shape,
    /// The rules the value obeys, `Required` first when it must be sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The service's default, for help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Markdown description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Facts for help beyond the rules, e.g. how an idempotency token is filled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Field {
    /// Whether the value must be sent.
    pub fn required(&self) -> bool {
        self.rules.first() == Some(&Rule::Required)
    }
}

/// A nested struct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructData {
    /// Whether the struct is always sent as one JSON string.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub json: bool,
    /// Its fields in spec order.
    pub fields: Vec<Field>,
}

/// A waiter of an asynchronous operation: poll another operation until a state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitData {
    /// The waiter's name, e.g. `VpnGatewayActive`.
    pub waiter: String,
    /// The polled operation of the same product, e.g. `DescribeVpnGateway`.
    pub poll: String,
    /// Wire path of the state in the poll's response; empty if none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub state: Vec<String>,
    /// States that end the wait successfully.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success: Vec<String>,
    /// States that end it with a failure at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failure: Vec<String>,
    /// Error codes of the poll that end the wait successfully.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success_codes: Vec<String>,
    /// Delay between polls, in milliseconds.
    pub interval_ms: u64,
    /// Longest wait, in milliseconds.
    pub max_wait_ms: u64,
}

/// How a listing operation pages, with wire names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PagerData {
    /// The request parameter of the page number (`PageNumber`) or token (`NextToken`).
    pub input: String,
    /// The request parameter of the page size, e.g. `PageSize` or `MaxResults`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Response path of the next token; empty for page numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_token: Vec<String>,
    /// Response path of the total count; empty for tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub total: Vec<String>,
    /// Response path of the items, e.g. `VpnGateways.VpnGateway`.
    pub items: Vec<String>,
}

/// The text of a command data file: `comment` (the generated-file header) first, then the
/// product as compact JSON.
pub fn write(comment: &str, product: &ProductData) -> String {
    let comment = serde_json::to_string(comment).expect("a string serializes");
    let product = serde_json::to_string(product).expect("command data serializes");
    format!("{{\n  \"$comment\": {comment},\n  \"product\": {product}\n}}\n")
}

/// The product of a command data file written by [`write()`].
pub fn read(text: &str) -> Result<ProductData, serde_json::Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(rename = "$comment")]
        _comment: serde::de::IgnoredAny,
        product: ProductData,
    }
    serde_json::from_str::<File>(text).map(|file| file.product)
}

#[cfg(test)]
mod tests;

/// Whether `value` is its type's default, which the data leaves out.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The path of every RPC operation, which the data leaves out.
fn rpc_path() -> String {
    acs_wire::Binding::RPC_PATH.to_owned()
}

fn is_rpc_path(path: &str) -> bool {
    path == acs_wire::Binding::RPC_PATH
}

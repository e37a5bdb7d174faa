//! The spec format: typed mirrors of the YAML files, rejecting unknown keys.
//!
//! This model is the single definition of the format: `spec/schema.json` is derived from it
//! and `spec/README.md` documents it key by key.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use acs_wire::{AnswerKind, BodyKind, Location, Method, Protocol, Style};

/// `product.yaml`: one per product version folder.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Product code as the service spells it, e.g. `Vpc`.
    pub product: String,
    /// API version, e.g. `2016-04-28`.
    pub version: String,
    /// Wire protocol; only `rpc` today.
    pub protocol: Protocol,
    /// One-line title of the product, used in crate docs.
    pub title: String,
    /// Markdown description of the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where requests go.
    pub endpoints: Endpoints,
    /// Version of the generated crate, e.g. `0.2.0`: bumped by `cargo xtask import` by what
    /// the spec diff implies (see `CHANGELOG.md` beside this file). Absent: the first, `0.1.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crate_version: Option<String>,
    /// Operations the crate's getting-started shows, e.g. `[RunInstances,
    /// DescribeInstanceAttribute, DescribeInstances]`: the first is the call; the first with a
    /// waiter and the first with a paginator give those examples. Absent (or naming none with a
    /// waiter or a paginator): the generator picks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guide: Vec<String>,
}

/// Endpoint rules of a product.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Endpoints {
    /// Host for regions missing from `regions`; `{region}` is replaced by the region id.
    pub pattern: String,
    /// Hosts of specific regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RegionEndpoint>,
}

/// The host of one region.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionEndpoint {
    /// Region id, e.g. `cn-hangzhou`.
    pub region: String,
    /// Host name, e.g. `vpc.cn-hangzhou.aliyuncs.com`.
    pub host: String,
}

/// One operation file: `<Operation>.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// Operation name as sent in `Action`, e.g. `CreateVpnGateway`; must match the file name.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Markdown description: usage notes and caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// HTTP method: `POST` (the default). An RPC operation takes `POST` or, where the
    /// documentation says so, `GET`, which sends every parameter in the query; a REST
    /// operation any of `GET`, `POST`, `PUT`, `DELETE`, `PATCH`.
    #[serde(default)]
    pub method: Method,
    /// REST only, and required there: the path template, e.g.
    /// `/clusters/{ClusterId}/nodepools/{NodepoolId}`; each `{Name}` is the one `in: path`
    /// parameter with that wire name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// REST only: what the body is made of when one `in: body` parameter is the whole of it
    /// (`json`, `text` or `binary`). Absent: the `in: body` parameters are the members of a
    /// JSON object body (`fields`), or, without any, the `in: form` parameters are a form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyKind>,
    /// Whether the service discourages this operation.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The resource family the operation belongs to, e.g. `VPN gateway` (the metadata's
    /// top-level directory). Each family is a cargo feature of the generated crate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Whether sending the operation twice does no more than sending it once (read-only
    /// operations): the client may then resend it after a failure the service may have
    /// processed. The importer sets it for read-only names (`Describe*`, `List*`, `Get*`, ...).
    #[serde(default, skip_serializing_if = "is_false")]
    pub idempotent: bool,
    /// Present when the operation returns before the work is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asynchronous: Option<Asynchronous>,
    /// Request parameters, in documentation order.
    #[serde(default)]
    pub parameters: Vec<Member>,
    /// The success response.
    pub response: Response,
    /// Documented service errors.
    #[serde(default)]
    pub errors: Vec<ErrorCase>,
    /// How to walk every page of a listing operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// Ways to wait, by polling this operation, until a resource reaches a state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiters: Vec<Waiter>,
}

/// Pagination of a listing operation.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pagination {
    /// `page_number` (a page number parameter and a total count) or `next_token`.
    pub style: PaginationStyle,
    /// Request parameter holding the page number or the token, e.g. `PageNumber`, `NextToken`.
    pub input: String,
    /// Response field holding the next token (`next_token` style), e.g. `NextToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Response field holding the total number of items (`page_number` style), e.g. `TotalCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// Dotted response path of the list of items, e.g. `VpnGateways.VpnGateway`.
    pub items: String,
}

/// How a listing operation pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaginationStyle {
    /// `PageNumber`/`PageSize` in, `TotalCount` out.
    PageNumber,
    /// `NextToken`/`MaxResults` in, `NextToken` out.
    NextToken,
}

/// A waiter: poll this operation until its answer says a resource reached a state.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiter {
    /// Name in UpperCamelCase, e.g. `VpnGatewayActive` (method `wait_until_vpn_gateway_active`).
    pub name: String,
    /// Markdown description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Dotted response path of the state, e.g. `Status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// States meaning success.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success: Vec<String>,
    /// States meaning the awaited state will never come.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failure: Vec<String>,
    /// Error codes meaning success, e.g. `InvalidVpnGatewayInstanceId.NotFound` after a delete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success_codes: Vec<String>,
    /// Default delay between polls, in milliseconds.
    pub interval_ms: u64,
    /// Default longest wait, in milliseconds.
    pub max_wait_ms: u64,
}

/// How an asynchronous operation finishes: the operation that observes the work and, when the
/// spec has one, the waiter of that operation that waits for it. States and timing belong to
/// the waiter alone (`waiters:` of the polled operation).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Asynchronous {
    /// Operation to poll, e.g. `DescribeVpnGateway`.
    pub poll: String,
    /// Waiter of the polled operation that waits for this operation's work to finish, e.g.
    /// `VpnGatewayActive`: its states, interval and longest wait are the wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiter: Option<String>,
    /// Markdown note shown in the docs (the importer states upstream's polling hint here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A value shape: a request parameter, a nested field, a list item or a response field.
///
/// One type serves every position; the semantic checks reject keys that do not apply where
/// they appear (a `name` on a list item, a `location` on a nested field).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Wire name, e.g. `VSwitchId`. Required everywhere but on `items` and `values`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Rust field name when the derived snake_case name collides or reads badly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust_name: Option<String>,
    /// Where a top-level request parameter travels: `query` (default) or `form`.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// How a list or object parameter is flattened on the wire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<Style>,
    /// Value type.
    #[serde(rename = "type")]
    pub ty: TypeName,
    /// Width of an integer (`int32`, `int64`) or of a number (`float`, `double`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Whether the parameter must be sent.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The value the service uses when the parameter is absent (documentation only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Scalar>,
    /// A typical value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Scalar>,
    /// Markdown description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the service discourages this parameter.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The parameter is an idempotency token: the client fills it with a fresh UUID when left
    /// empty and sends the same value on every retry.
    #[serde(default, skip_serializing_if = "is_false")]
    pub idempotency_token: bool,
    /// Machine-checked rules.
    #[serde(default, skip_serializing_if = "Constraints::is_empty")]
    pub constraints: Constraints,
    /// Item shape of an `array`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Member>>,
    /// Fields of an `object`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<Member>,
    /// Value shape of a `map` (keys are strings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Box<Member>>,
}

/// Value types of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TypeName {
    /// UTF-8 text.
    String,
    /// Whole number; `format` gives the width.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// Floating-point number.
    Number,
    /// List; `items` gives the item shape.
    Array,
    /// Structure; `properties` gives the fields.
    Object,
    /// String-keyed map; `values` gives the value shape.
    Map,
    /// Arbitrary JSON.
    Any,
}

impl fmt::Display for TypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Boolean => "boolean",
            Self::Number => "number",
            Self::Array => "array",
            Self::Object => "object",
            Self::Map => "map",
            Self::Any => "any",
        })
    }
}

/// Widths of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// 32-bit signed integer.
    Int32,
    /// 64-bit signed integer.
    Int64,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Bytes (`type: string`): a whole `binary` body, sent as it is.
    Binary,
}

/// A scalar written in the spec: a default or an example.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A fractional number.
    Float(f64),
    /// Text.
    Str(String),
}

impl Scalar {
    /// The whole number it holds: an integer, or a decimal string of one.
    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Self::Int(n) => Some(*n),
            Self::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The finite number it holds: a number, or a decimal string of one.
    pub fn as_number(&self) -> Option<f64> {
        let x = match self {
            Self::Int(n) => *n as f64,
            Self::Float(x) => *x,
            Self::Str(s) => s.trim().parse().ok()?,
            Self::Bool(_) => return None,
        };
        x.is_finite().then_some(x)
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool(v) => write!(f, "{v}"),
            Self::Int(v) => write!(f, "{v}"),
            Self::Float(v) => write!(f, "{v}"),
            Self::Str(v) => f.write_str(v),
        }
    }
}

/// Machine-checked rules on a value. Every key is optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Constraints {
    /// The only valid strings, each with its meaning.
    #[serde(default, rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub enumeration: Vec<EnumValue>,
    /// The only valid integers: single values and inclusive ranges, e.g. `[{min: 1, max: 9}, 12]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<Allowed>,
    /// Smallest valid number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// Largest valid number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    /// Whether `minimum` itself is invalid (the value must be greater).
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive_minimum: bool,
    /// Whether `maximum` itself is invalid (the value must be less).
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive_maximum: bool,
    /// Fewest characters of a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// Most characters of a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// Regular expression the whole string must match (anchor it with `^...$`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Plain-words reading of `pattern`, for docs and error messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_description: Option<String>,
    /// Only ASCII characters.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ascii_only: bool,
    /// Fewest items of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// Most items of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
}

impl Constraints {
    /// Whether no rule is set.
    pub fn is_empty(&self) -> bool {
        self.enumeration.is_empty()
            && self.allowed.is_empty()
            && self.minimum.is_none()
            && self.maximum.is_none()
            && !self.exclusive_minimum
            && !self.exclusive_maximum
            && self.min_length.is_none()
            && self.max_length.is_none()
            && self.pattern.is_none()
            && self.pattern_description.is_none()
            && !self.ascii_only
            && self.min_items.is_none()
            && self.max_items.is_none()
    }
}

/// One valid value of an enumerated string.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    /// The wire string.
    pub value: String,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One entry of an allowed-integer set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Allowed {
    /// A single value.
    Value(i64),
    /// An inclusive range.
    Range(Range),
}

/// An inclusive integer range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value.
    pub min: i64,
    /// Highest value.
    pub max: i64,
}

impl Allowed {
    /// The entry as an inclusive `(low, high)` pair.
    pub fn bounds(self) -> (i64, i64) {
        match self {
            Self::Value(v) => (v, v),
            Self::Range(r) => (r.min, r.max),
        }
    }
}

/// The success response of an operation.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Markdown description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the body is: a JSON `object` (the default), a JSON `array`, `text`, `binary`,
    /// or `none` (REST only, except `object`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: AnswerKind,
    /// Top-level fields of the JSON object body (`kind: object` only).
    #[serde(default)]
    pub fields: Vec<Member>,
    /// The shape of each element of a JSON array body (`kind: array` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Member>>,
}

impl Response {
    /// The field at a dotted path through nested objects, e.g. `VpnGateways.VpnGateway`.
    pub fn field(&self, path: &str) -> Option<&Member> {
        let mut fields = &self.fields;
        let mut found = None;
        for step in path.split('.') {
            let member = fields.iter().find(|m| m.name.as_deref() == Some(step))?;
            // A step past a list continues in its item.
            fields = member
                .items
                .as_ref()
                .map_or(&member.properties, |item| &item.properties);
            found = Some(member);
        }
        found
    }
}

/// A documented service error.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorCase {
    /// HTTP status, e.g. `400`.
    pub status: u16,
    /// Error code, e.g. `Resource.QuotaFull`.
    pub code: String,
    /// Message the service sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the error means and what to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn is_false(value: &bool) -> bool {
    !*value
}

//! The metadata format: typed mirrors of Alibaba's `api-docs.json`, keeping object key order and
//! collecting keys this importer does not know, so that none is dropped unnoticed.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// Keys not modelled here, by name, with their values.
pub type Other = BTreeMap<String, Value>;

/// A JSON object whose entries keep their document order.
#[derive(Clone, Debug)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// The whole file.
#[derive(Debug, Deserialize)]
pub struct ApiDocs {
    /// Product, version and protocol style.
    pub info: Info,
    /// Operations by name, in document order.
    pub apis: Ordered<Api>,
    /// Hosts of regions.
    #[serde(default)]
    pub endpoints: Vec<Endpoint>,
    /// Shared schemas.
    #[serde(default)]
    pub components: Components,
    /// The documentation site's table of contents: titled directories of operation names.
    #[serde(default)]
    pub directories: Value,
    /// Other top-level keys.
    #[serde(flatten)]
    pub other: Other,
}

/// `info`.
#[derive(Debug, Deserialize)]
pub struct Info {
    /// Product code, e.g. `Vpc`.
    pub product: String,
    /// API version, e.g. `2016-04-28`.
    pub version: String,
    /// Protocol style, e.g. `RPC`.
    #[serde(default)]
    pub style: Option<String>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// One entry of `endpoints`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    /// Region id.
    pub region_id: String,
    /// Host name.
    pub endpoint: String,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// One operation.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Api {
    /// One-line summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// Markdown description.
    #[serde(default)]
    pub description: Option<String>,
    /// Page title, usually the operation name.
    #[serde(default)]
    pub title: Option<String>,
    /// HTTP methods the service accepts, lower case.
    #[serde(default)]
    pub methods: Vec<String>,
    /// REST: the path template, e.g. `/clusters/{ClusterId}`.
    #[serde(default)]
    pub path: Option<String>,
    /// Media types of the request body, e.g. `application/json`.
    #[serde(default)]
    pub consumes: Option<Value>,
    /// Media types of the response body, e.g. `application/octet-stream`.
    #[serde(default)]
    pub produces: Option<Value>,
    /// Whether the operation is deprecated.
    #[serde(default)]
    pub deprecated: Option<bool>,
    /// Request parameters in documentation order.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// Responses by HTTP status; `200` is the success response.
    #[serde(default)]
    pub responses: Ordered<ResponseEntry>,
    /// Documented errors by HTTP status.
    #[serde(default)]
    pub error_codes: Option<Ordered<Vec<ErrorEntry>>>,
    /// Asynchronous behaviour and replacement operations.
    #[serde(default)]
    pub static_info: Option<StaticInfo>,
    /// Example responses: a JSON string holding a list of `{type, example}`.
    #[serde(default)]
    pub response_demo: Option<String>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// One request parameter.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    /// Wire name.
    pub name: String,
    /// `query`, `formData`, `body`, `path`, `header`, `host`.
    #[serde(rename = "in", default)]
    pub location: Option<String>,
    /// Flattening style: `repeatList`, `flat`, `json`, `simple`, ...
    #[serde(default)]
    pub style: Option<String>,
    /// The value shape.
    pub schema: Schema,
    /// Whether an empty value may be sent.
    #[serde(default)]
    pub allow_empty_value: Option<bool>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// A value shape. Numbers (`minimum`, `example`, ...) often come as strings, so they stay
/// JSON values here.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// `string`, `integer`, `boolean`, `number`, `array`, `object`.
    #[serde(rename = "type", default)]
    pub ty: Option<String>,
    /// `int32`, `int64`, `double`, `iso8601`, ...
    #[serde(default)]
    pub format: Option<String>,
    /// Whether the value must be sent.
    #[serde(default)]
    pub required: Option<bool>,
    /// Whether the documentation calls it required.
    #[serde(default)]
    pub doc_required: Option<bool>,
    /// Markdown description (text; anything else is reported, see [`Schema::description`]).
    #[serde(default, rename = "description")]
    pub prose: Option<Value>,
    /// Short label, often in Chinese.
    #[serde(default)]
    pub title: Option<String>,
    /// Example value.
    #[serde(default)]
    pub example: Option<Value>,
    /// Default value.
    #[serde(default)]
    pub default: Option<Value>,
    /// The only valid values.
    #[serde(rename = "enum", default)]
    pub enumeration: Option<Vec<Value>>,
    /// Titles of enumerated values, by value.
    #[serde(default)]
    pub enum_value_titles: Option<Ordered<Value>>,
    /// Smallest valid number.
    #[serde(default)]
    pub minimum: Option<Value>,
    /// Largest valid number.
    #[serde(default)]
    pub maximum: Option<Value>,
    /// Fewest characters.
    #[serde(default)]
    pub min_length: Option<Value>,
    /// Most characters.
    #[serde(default)]
    pub max_length: Option<Value>,
    /// Regular expression.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Fewest list items.
    #[serde(default)]
    pub min_items: Option<Value>,
    /// Most list items.
    #[serde(default)]
    pub max_items: Option<Value>,
    /// Whether the value is deprecated.
    #[serde(default)]
    pub deprecated: Option<bool>,
    /// List item shape.
    #[serde(default)]
    pub items: Option<Box<Schema>>,
    /// Object fields, in document order.
    #[serde(default)]
    pub properties: Option<Ordered<Schema>>,
    /// Whether `minimum` is excluded from the valid range.
    #[serde(default)]
    pub exclusive_minimum: Option<Value>,
    /// Whether `maximum` is excluded from the valid range.
    #[serde(default)]
    pub exclusive_maximum: Option<Value>,
    /// The value shape of a string-keyed map (an object with free keys).
    #[serde(default)]
    pub additional_properties: Option<Box<Schema>>,
    /// A shared schema this shape stands for: `#/components/schemas/<Name>`.
    #[serde(rename = "$ref", default)]
    pub reference: Option<String>,
    /// Marks a response object that only wraps a list (`{"VpnGateways": {"VpnGateway": [...]}}`).
    #[serde(default)]
    pub item_node: Option<bool>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

impl Schema {
    /// The description, when it is text.
    pub fn description(&self) -> Option<&str> {
        self.prose.as_ref().and_then(Value::as_str)
    }

    /// The description when it is not text (a few files hold example lists there).
    pub fn odd_description(&self) -> Option<&Value> {
        self.prose
            .as_ref()
            .filter(|v| !v.is_string() && !v.is_null())
    }
}

/// One response of an operation.
#[derive(Debug, Deserialize)]
pub struct ResponseEntry {
    /// The body shape.
    #[serde(default)]
    pub schema: Option<Schema>,
    /// Response headers.
    #[serde(default)]
    pub headers: Option<Value>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// One documented error.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorEntry {
    /// Error code.
    pub error_code: String,
    /// Message the service sends.
    #[serde(default)]
    pub error_message: Option<String>,
    /// What it means.
    #[serde(default)]
    pub description: Option<String>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// `staticInfo`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaticInfo {
    /// `synchronous` or `asynchronous`.
    #[serde(default)]
    pub return_type: Option<String>,
    /// Operation to poll: `Product::Version::Operation`.
    #[serde(default)]
    pub callback: Option<String>,
    /// Suggested polling interval, in milliseconds.
    #[serde(default)]
    pub callback_interval: Option<Value>,
    /// Suggested maximum number of polls.
    #[serde(default)]
    pub max_callback_times: Option<Value>,
    /// Operations replacing a deprecated one: `Product::Version::Operation`.
    #[serde(default)]
    pub substitutions: Option<Vec<String>>,
    /// Why a deprecated operation has no replacement.
    #[serde(default)]
    pub no_substitution_reason: Option<String>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// `components`: shared schemas, by name.
#[derive(Debug, Default, Deserialize)]
pub struct Components {
    /// Schemas that `$ref` points at.
    #[serde(default)]
    pub schemas: BTreeMap<String, Schema>,
    /// Other keys.
    #[serde(flatten)]
    pub other: Other,
}

/// Parses the file.
pub fn parse(json: &str) -> Result<ApiDocs, serde_json::Error> {
    serde_json::from_str(json)
}

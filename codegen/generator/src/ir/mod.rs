//! The intermediate model: a checked spec resolved into Rust names, Rust types and rules,
//! ready to emit. Emitters render it and nothing else: no spec struct reaches them, only the
//! wire vocabulary (`Binding`, `Location`, `Style`) and the spec's `PaginationStyle`.

mod features;
mod flows;
mod lower;
mod type_space;

pub use lower::lower_product;
pub use type_space::TypeSpace;

use acs_rules::Rule;

pub use crate::naming::FieldName;

use acs_wire::{Binding, BodyKind, Protocol};

use crate::spec::model::{Location, PaginationStyle, Style};

/// One generated crate.
#[derive(Debug)]
pub struct CrateIr {
    /// Package name, e.g. `acs-vpc`.
    pub package: String,
    /// The package name as a Rust path segment, e.g. `acs_vpc`.
    pub crate_ident: String,
    /// The spec folder it comes from, relative to the repository (for headers).
    pub source: String,
    /// The product: code, API version, title and endpoints.
    pub product: ProductIr,
    /// The crate version, from the product file.
    pub version: semver::Version,
    /// The product's `CHANGELOG.md`, when it has one.
    pub changelog: Option<String>,
    /// Name of the trait of every operation, e.g. `VpcApi`.
    pub api_trait: String,
    /// Cargo features, one per resource family, sorted by name; empty when the crate is
    /// not split.
    pub features: Vec<FeatureIr>,
    /// Operations sorted by name.
    pub operations: Vec<OperationIr>,
    /// Nested structs and enums of every operation, shared where their shapes agree.
    pub types: TypeSpace,
}

/// The product a crate calls, from its product file.
#[derive(Debug)]
pub struct ProductIr {
    /// Product code as the service spells it, e.g. `Vpc`.
    pub code: String,
    /// API version, e.g. `2016-04-28`.
    pub api_version: String,
    /// One-line title of the product.
    pub title: String,
    /// Markdown description of the product.
    pub description: Option<String>,
    /// How its operations are addressed.
    pub protocol: Protocol,
    /// Host for regions without their own; `{region}` stands for the region id.
    pub endpoint_pattern: String,
    /// `(region id, host)` of each region with a host of its own, in spec order.
    pub regional_endpoints: Vec<(String, String)>,
    /// Actions the getting-started shows, in the spec's order (see `Product::guide`).
    pub guide: Vec<String>,
}

/// A cargo feature of the crate: one resource family.
#[derive(Debug)]
pub struct FeatureIr {
    /// Feature name, e.g. `vpn-gateway`.
    pub name: String,
    /// The family's title, e.g. `VPN gateway`.
    pub title: String,
    /// How many operations it enables.
    pub operations: usize,
}

/// One operation: its module and its own types.
#[derive(Debug)]
pub struct OperationIr {
    /// Name as sent in `Action`, e.g. `CreateVpnGateway`.
    pub action: String,
    /// One-line summary.
    pub summary: String,
    /// Markdown description.
    pub description: Option<String>,
    /// Whether the service discourages it.
    pub deprecated: bool,
    /// The cargo feature that enables it, when the crate is split into features.
    pub feature: Option<String>,
    /// How the operation is sent: method and path, resolved from the product's protocol.
    pub binding: Binding<String>,
    /// Module name, e.g. `create_vpn_gateway`; also the client method's name.
    pub module: String,
    /// The request struct.
    pub request: StructIr,
    /// The response struct.
    pub response: StructIr,
    /// The error enum name, e.g. `CreateVpnGatewayError`.
    pub error: String,
    /// One variant per documented error code.
    pub errors: Vec<ErrorIr>,
    /// The idempotency-token parameter, if any.
    pub idempotency_token: Option<TokenIr>,
    /// Whether sending it twice does no more than sending it once (read-only operations):
    /// the client may then resend it after an ambiguous failure.
    pub idempotent: bool,
    /// The asynchronous behaviour and the waiter that waits for it.
    pub asynchronous: Option<AsynchronousIr>,
    /// How to walk the pages of a listing.
    pub pagination: Option<PaginationIr>,
    /// Waiters polling this operation.
    pub waiters: Vec<WaiterIr>,
    /// Setter calls of the doc example: each required parameter with its spec example.
    pub example: ExampleIr,
}

/// The doc example of a request.
#[derive(Debug)]
pub struct ExampleIr {
    /// `(setter, Rust literal)` of each required parameter that has a valid scalar example.
    pub calls: Vec<(FieldName, String)>,
    /// Whether every required parameter is set by `calls` (but a `RegionId`, which the client
    /// fills).
    pub complete: bool,
}

/// The asynchronous behaviour of an operation.
#[derive(Debug)]
pub struct AsynchronousIr {
    /// Action of the operation to poll, e.g. `DescribeVpnGateway`.
    pub poll: String,
    /// Name of the polled operation's waiter that waits for the work, e.g. `VpnGatewayActive`.
    pub waiter: Option<String>,
    /// Markdown note on the behaviour.
    pub note: Option<String>,
    /// Client method of the waiter that waits for the work, e.g. `wait_until_vpn_gateway_active`.
    pub wait_method: Option<String>,
}

/// A resolved pagination: Rust field paths into the request and the response.
#[derive(Debug)]
pub struct PaginationIr {
    /// Page-number or next-token.
    pub style: PaginationStyle,
    /// Request field of the page number or token.
    pub input: FieldName,
    /// Whether the page number is an `i64` (else an `i32`).
    pub input_is_i64: bool,
    /// Response field path of the next token (next-token style).
    pub output: Vec<FieldName>,
    /// Response field path of the total count (page-number style).
    pub total: Vec<FieldName>,
    /// Response field path of the items list.
    pub items: Vec<FieldName>,
    /// The item type.
    pub item: TypeRef,
    /// The client methods: every page and every item (`list_things_pages`,
    /// `list_things_items`).
    pub methods: [String; 2],
}

/// A resolved waiter.
#[derive(Debug)]
pub struct WaiterIr {
    /// Method name, e.g. `wait_until_vpn_gateway_active`.
    pub method: String,
    /// Name in UpperCamelCase, e.g. `VpnGatewayActive`.
    pub name: String,
    /// Markdown description.
    pub description: Option<String>,
    /// Response field path of the state; empty when the waiter only waits for error codes.
    pub state: Vec<FieldName>,
    /// For each step of `state`: whether the path continues in the first item of that list.
    pub state_lists: Vec<bool>,
    /// Whether the state field is an open enum (else a string).
    pub state_is_enum: bool,
    /// States meaning success.
    pub success: Vec<String>,
    /// States meaning the awaited state will never come.
    pub failure: Vec<String>,
    /// Error codes meaning success, e.g. `InvalidVpnGatewayInstanceId.NotFound` after a delete.
    pub success_codes: Vec<String>,
    /// Default delay between polls, in milliseconds.
    pub interval_ms: u64,
    /// Default longest wait, in milliseconds.
    pub max_wait_ms: u64,
}

/// Which side of the wire a struct is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Serialized into request parameters.
    Request,
    /// Deserialized from a response body.
    Response,
}

/// A generated struct.
#[derive(Debug)]
pub struct StructIr {
    /// Type name.
    pub name: String,
    /// Request or response side.
    pub side: Side,
    /// Whether some json-style parameter holds it (so it also derives `Serialize`).
    pub json: bool,
    /// Fields in spec order.
    pub fields: Vec<FieldIr>,
    /// Markdown docs.
    pub doc: String,
}

impl StructIr {
    /// Whether validation has anything to check in this struct (or below it).
    pub fn validates(&self, types: &TypeSpace) -> bool {
        self.fields.iter().any(|f| f.validates(types))
    }
}

/// An operation's idempotency-token parameter: what the client fills when it is left out.
#[derive(Debug, Clone)]
pub struct TokenIr {
    /// Wire name, e.g. `ClientToken`.
    pub wire: String,
    /// Where it travels.
    pub location: Location,
}

/// A generated field.
#[derive(Debug)]
pub struct FieldIr {
    /// Rust field name.
    pub rust: FieldName,
    /// Wire name.
    pub wire: String,
    /// Rust type, without the outer `Option`.
    pub ty: TypeRef,
    /// Markdown description.
    pub doc: String,
    /// Rules of the value, [`Rule::Required`] first when it must be sent.
    pub rules: Vec<Rule>,
    /// The service's default, as written in the spec (documentation only).
    pub default: Option<String>,
    /// A typical value, as written in the spec.
    pub example: Option<String>,
    /// Whether the service discourages it.
    pub deprecated: bool,
    /// Whether the client fills it with a fresh token when unset.
    pub idempotency_token: bool,
    /// Query or body (request side, top level only).
    pub location: Option<Location>,
    /// Flattening style (request side, top level only).
    pub style: Option<Style>,
    /// The kind of the whole body, when this parameter is all of it (request side, top
    /// level only).
    pub body: Option<BodyKind>,
}

impl FieldIr {
    /// An answer field the wire names `wire`, of type `ty`: no rules, default, example or
    /// location, as a field the lowering makes for an answer rather than reads from the spec.
    pub fn answer(wire: &str, ty: TypeRef, doc: String) -> Self {
        Self {
            rust: FieldName::of_wire(wire),
            wire: wire.to_owned(),
            ty,
            doc,
            rules: Vec::new(),
            default: None,
            example: None,
            deprecated: false,
            idempotency_token: false,
            location: None,
            style: None,
            body: None,
        }
    }

    /// Whether the value must be sent.
    pub fn required(&self) -> bool {
        self.rules.first() == Some(&Rule::Required)
    }

    /// Whether validation checks this field.
    pub fn validates(&self, types: &TypeSpace) -> bool {
        !self.rules.is_empty() || self.ty.validates(types)
    }
}

/// Index of a nested type in the crate's [`TypeSpace`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// A Rust type a field refers to.
#[derive(Clone, Debug)]
pub enum TypeRef {
    /// `String`.
    String,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `serde_json::Value`.
    Json,
    /// Bytes (`acs_runtime::Bytes`): a whole binary body.
    Bytes,
    /// `Vec<T>`, with the rules of each item.
    List(Box<TypeRef>, Vec<Rule>),
    /// `BTreeMap<String, T>`.
    Map(Box<TypeRef>),
    /// A generated struct.
    Struct(TypeId),
    /// A generated open enum.
    Enum(TypeId),
}

impl TypeRef {
    /// Whether a value of this type has nested rules to check.
    pub fn validates(&self, types: &TypeSpace) -> bool {
        match self {
            Self::List(item, rules) => !rules.is_empty() || item.validates(types),
            // Map values are not walked by validation.
            Self::Map(_) => false,
            Self::Struct(id) => match types.get(*id) {
                TypeIr::Struct(s) => s.validates(types),
                TypeIr::Enum(_) => false,
            },
            Self::Enum(_) => true,
            _ => false,
        }
    }
}

/// A nested type.
#[derive(Debug)]
pub enum TypeIr {
    /// A struct.
    Struct(StructIr),
    /// An open enum.
    Enum(EnumIr),
}

impl TypeIr {
    /// The type's name.
    pub fn name(&self) -> &str {
        match self {
            Self::Struct(s) => &s.name,
            Self::Enum(e) => &e.name,
        }
    }
}

/// An open enum of wire strings.
#[derive(Debug)]
pub struct EnumIr {
    /// Type name.
    pub name: String,
    /// Markdown docs.
    pub doc: String,
    /// Variants.
    pub variants: Vec<VariantIr>,
}

/// One known value of an open enum.
#[derive(Debug)]
pub struct VariantIr {
    /// Rust variant name.
    pub rust: String,
    /// The wire value.
    pub wire: String,
    /// What it means.
    pub meaning: Option<String>,
}

/// A documented error code.
#[derive(Debug)]
pub struct ErrorIr {
    /// Variant name.
    pub variant: String,
    /// HTTP status, e.g. `400`.
    pub status: u16,
    /// Error code, e.g. `Resource.QuotaFull`.
    pub code: String,
    /// Message the service sends.
    pub message: Option<String>,
    /// What the error means and what to do.
    pub description: Option<String>,
}

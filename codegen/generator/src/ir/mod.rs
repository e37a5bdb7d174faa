//! The intermediate model: a checked spec resolved into Rust names and types, ready to emit.

pub mod facts;
mod lower;
pub mod names;
pub mod product_name;

pub use lower::lower_product;

use crate::spec::model::{
    Asynchronous, Constraints, ErrorCase, Location, Member, Operation, PaginationStyle, Product,
    Style, Waiter,
};

/// One generated crate.
#[derive(Debug)]
pub struct CrateIr {
    /// Package name, e.g. `acs-vpc`.
    pub package: String,
    /// The spec folder it comes from, relative to the repository (for headers).
    pub source: String,
    /// The product file.
    pub product: Product,
    /// Operations sorted by name.
    pub operations: Vec<OperationIr>,
}

/// One operation: its module and every type in it.
#[derive(Debug)]
pub struct OperationIr {
    /// The spec, for documentation.
    pub spec: Operation,
    /// Module name, e.g. `create_vpn_gateway`; also the client method's name.
    pub module: String,
    /// The request struct.
    pub request: StructIr,
    /// The response struct.
    pub response: StructIr,
    /// Nested structs and enums of request and response, in first-use order.
    pub types: Vec<TypeIr>,
    /// The error enum name, e.g. `CreateVpnGatewayError`.
    pub error: String,
    /// One variant per documented error code.
    pub errors: Vec<ErrorIr>,
    /// Wire name of the idempotency-token parameter, if any.
    pub idempotency_token: Option<String>,
    /// How to walk the pages of a listing.
    pub pagination: Option<PaginationIr>,
    /// Waiters polling this operation.
    pub waiters: Vec<WaiterIr>,
}

/// A resolved pagination: Rust field paths into the request and the response.
#[derive(Debug)]
pub struct PaginationIr {
    /// Page-number or next-token.
    pub style: PaginationStyle,
    /// Request field of the page number or token.
    pub input: String,
    /// Whether the page number is an `i64` (else an `i32`).
    pub input_is_i64: bool,
    /// Response field path of the next token (next-token style).
    pub output: Vec<String>,
    /// Response field path of the total count (page-number style).
    pub total: Vec<String>,
    /// Response field path of the items list.
    pub items: Vec<String>,
    /// The item type.
    pub item: TypeRef,
}

/// A resolved waiter.
#[derive(Debug)]
pub struct WaiterIr {
    /// Method name, e.g. `wait_until_vpn_gateway_active`.
    pub method: String,
    /// The spec entry.
    pub spec: Waiter,
    /// Response field path of the state; empty when the waiter only waits for error codes.
    pub state: Vec<String>,
    /// Whether the state field is an open enum (else a string).
    pub state_is_enum: bool,
}

impl OperationIr {
    /// The asynchronous behaviour, if any.
    pub fn asynchronous(&self) -> Option<&Asynchronous> {
        self.spec.asynchronous.as_ref()
    }
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
    pub fn validates(&self, types: &[TypeIr]) -> bool {
        self.fields.iter().any(|f| f.validates(types))
    }
}

/// A generated field.
#[derive(Debug)]
pub struct FieldIr {
    /// Rust field name (maybe `r#`-escaped).
    pub rust: String,
    /// Wire name.
    pub wire: String,
    /// Rust type, without the outer `Option`.
    pub ty: TypeRef,
    /// The spec member.
    pub member: Member,
    /// Query or body (request side, top level only).
    pub location: Option<Location>,
    /// Flattening style (request side, top level only).
    pub style: Option<Style>,
}

impl FieldIr {
    /// Whether validation checks this field.
    pub fn validates(&self, types: &[TypeIr]) -> bool {
        self.member.required || has_rules(&self.member.constraints) || self.ty.validates(types)
    }
}

fn has_rules(c: &Constraints) -> bool {
    !c.is_empty()
}

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
    /// `Vec<T>`.
    List(Box<TypeRef>, Box<Member>),
    /// `BTreeMap<String, T>`.
    Map(Box<TypeRef>),
    /// A generated struct, by index into the operation's types.
    Struct(usize),
    /// A generated open enum, by index into the operation's types.
    Enum(usize),
}

impl TypeRef {
    /// Whether a value of this type has nested rules to check.
    pub fn validates(&self, types: &[TypeIr]) -> bool {
        match self {
            Self::List(item, member) => has_rules(&member.constraints) || item.validates(types),
            // Map values are not walked by validation.
            Self::Map(_) => false,
            Self::Struct(i) => match &types[*i] {
                TypeIr::Struct(s) => s.validates(types),
                TypeIr::Enum(_) => false,
            },
            Self::Enum(_) => true,
            _ => false,
        }
    }
}

/// A nested type of an operation.
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
    /// Variants: Rust name, wire value, meaning.
    pub variants: Vec<(String, String, Option<String>)>,
}

/// A documented error code.
#[derive(Debug)]
pub struct ErrorIr {
    /// Variant name.
    pub variant: String,
    /// The spec entry.
    pub case: ErrorCase,
}

//! Lowering: a checked spec becomes the intermediate model (names claimed, types resolved
//! into the crate's type space, constraints lowered to rules).

use super::{
    AsynchronousIr, CrateIr, EnumIr, ErrorIr, ExampleIr, FieldIr, OperationIr, ProductIr, Side,
    StructIr, TokenIr, TypeIr, TypeRef, TypeSpace, VariantIr,
};
use super::{features, flows};
use crate::error::VersionError;
use crate::naming::{self as names, FieldName, Namespace};
use crate::spec::ProductDir;
use crate::spec::model::{
    AnswerKind, BodyKind, Format, Location, Member, Operation, Product, Protocol, Scalar, Style,
    TypeName,
};
use crate::spec::{binding, rules};

/// Lowers one product folder into the crate `package`; `source` is the folder as shown in
/// generated headers.
pub fn lower_product(
    dir: &ProductDir,
    package: String,
    source: String,
) -> Result<CrateIr, VersionError> {
    let mut specs: Vec<&Operation> = dir.operations.iter().map(|f| &f.operation).collect();
    specs.sort_by(|a, b| a.name.cmp(&b.name));
    // Nested types share one namespace with the operation types they sit beside in docs.
    let mut reserved: Vec<String> = names::RESERVED_TYPES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    for op in &specs {
        for suffix in ["Request", "RequestBuilder", "Response", "Error", "Call"] {
            reserved.push(format!("{}{suffix}", names::operation_type(&op.name)));
        }
    }
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let mut types = TypeSpace::new(&reserved);
    let (features, mut feature_of) = features::plan(&specs);
    let operations: Vec<OperationIr> = specs
        .into_iter()
        .map(|op| {
            let mut lowered = lower_operation(op, dir.product.protocol, &mut types);
            lowered.feature = feature_of.remove(&op.name);
            lowered
        })
        .collect();
    types.name_all();
    features::record_type_uses(&operations, &mut types);
    Ok(CrateIr {
        crate_ident: package.replace('-', "_"),
        package,
        source,
        api_trait: crate::naming::product::api_trait(&dir.product.product),
        product: product(&dir.product),
        version: crate::changelog::crate_version(&dir.product)?,
        changelog: dir.changelog.as_ref().map(|c| c.text.clone()),
        features,
        operations,
        types,
    })
}

/// The product facts the crate shows: code, API version, title and endpoints.
fn product(p: &Product) -> ProductIr {
    ProductIr {
        code: p.product.clone(),
        api_version: p.version.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        protocol: p.protocol,
        endpoint_pattern: p.endpoints.pattern.clone(),
        regional_endpoints: p
            .endpoints
            .regions
            .iter()
            .map(|r| (r.region.clone(), r.host.clone()))
            .collect(),
        guide: p.guide.clone(),
    }
}

fn lower_operation(op: &Operation, protocol: Protocol, types: &mut TypeSpace) -> OperationIr {
    let binding = binding::resolve(protocol, op);
    let mut lowering = Lowering {
        types,
        operation: &op.name,
        whole_body: Some(binding.body).filter(|kind| kind.is_whole()),
    };
    let request = StructIr {
        name: format!("{}Request", names::operation_type(&op.name)),
        side: Side::Request,
        json: false,
        fields: lowering.fields(&op.parameters, Side::Request, true, false),
        doc: String::new(),
    };
    let response = StructIr {
        name: format!("{}Response", names::operation_type(&op.name)),
        side: Side::Response,
        json: false,
        fields: lowering.answer_fields(op),
        doc: op.response.description.clone().unwrap_or_default(),
    };

    let mut variants = Namespace::with_reserved(&["Unhandled"]);
    let errors = op
        .errors
        .iter()
        .map(|case| {
            let wanted = names::type_name(&case.code);
            ErrorIr {
                variant: variants.claim(&wanted, &format!("{wanted}Error")),
                status: case.status,
                code: case.code.clone(),
                message: case.message.clone(),
                description: case.description.clone(),
            }
        })
        .collect();

    let pagination = op.pagination.as_ref().and_then(|p| {
        flows::pagination(p, &names::module_name(&op.name), &request, &response, types)
    });
    let waiters = op
        .waiters
        .iter()
        .map(|w| flows::waiter(w, &response, types))
        .collect();
    OperationIr {
        action: op.name.clone(),
        summary: op.summary.trim().to_owned(),
        description: op.description.clone(),
        deprecated: op.deprecated,
        feature: None,
        binding,
        module: names::module_name(&op.name),
        example: example(&op.parameters, &request),
        request,
        response,
        error: format!("{}Error", names::operation_type(&op.name)),
        errors,
        idempotency_token: op
            .parameters
            .iter()
            .find(|p| p.idempotency_token)
            .map(|p| TokenIr {
                wire: p.name.clone().unwrap_or_default(),
                location: binding::token_location(protocol, p),
            }),
        idempotent: op.idempotent,
        asynchronous: op.asynchronous.as_ref().map(|a| AsynchronousIr {
            poll: a.poll.clone(),
            waiter: a.waiter.clone(),
            note: a.note.clone(),
            wait_method: a.waiter.as_deref().map(names::wait_method),
        }),
        pagination,
        waiters,
    }
}

/// The doc example: each required parameter set to its spec example, when it has a valid one.
fn example(parameters: &[Member], request: &StructIr) -> ExampleIr {
    let mut calls = Vec::new();
    let mut complete = true;
    for (member, field) in parameters.iter().zip(&request.fields) {
        // A region left unset is the client's to fill: `build()` takes the request without.
        let filled_by_the_client = member.name.as_deref() == Some(acs_wire::REGION_PARAMETER);
        if !member.required {
            continue;
        }
        match member
            .example
            .as_ref()
            .filter(|e| rules::problem(member, e).is_none())
            .and_then(|e| literal(&field.ty, e))
        {
            Some(literal) => calls.push((field.rust.clone(), literal)),
            None if filled_by_the_client => {}
            None => complete = false,
        }
    }
    ExampleIr { calls, complete }
}

/// A Rust literal of a valid scalar example for a field of type `ty`.
fn literal(ty: &TypeRef, example: &Scalar) -> Option<String> {
    match (ty, example) {
        (TypeRef::String | TypeRef::Enum(_), value) => Some(format!("{:?}", value.to_string())),
        (TypeRef::I32 | TypeRef::I64, value) => value.as_integer().map(|n| n.to_string()),
        (TypeRef::Bool, Scalar::Bool(b)) => Some(b.to_string()),
        (TypeRef::Bool, Scalar::Str(s)) => Some(s.clone()),
        (TypeRef::F32 | TypeRef::F64, value) => value.as_number().map(|v| format!("{v:?}")),
        _ => None,
    }
}

/// The one field of a JSON array answer: its elements.
pub const ARRAY_ITEMS: &str = "items";

/// State of lowering one operation: the crate's type space and the operation's name, which
/// qualifies a nested type whose name another shape already took.
struct Lowering<'a> {
    types: &'a mut TypeSpace,
    operation: &'a str,
    /// The kind of the operation's body when one parameter is the whole of it.
    whole_body: Option<BodyKind>,
}

impl Lowering<'_> {
    /// The fields of the response: those of a JSON object, or for a JSON array its one
    /// field, [`ARRAY_ITEMS`], holding the elements. Text, bytes and no answer have none here:
    /// the emitter gives them theirs by kind.
    fn answer_fields(&mut self, op: &Operation) -> Vec<FieldIr> {
        match (op.response.kind, op.response.items.as_deref()) {
            (AnswerKind::Array, Some(items)) => {
                let hint = format!("{}Item", names::operation_type(self.operation));
                let item = self.type_ref(items, &hint, Side::Response, false);
                let doc = items.description.clone().unwrap_or_default();
                vec![FieldIr::answer(
                    ARRAY_ITEMS,
                    TypeRef::List(Box::new(item), Vec::new()),
                    doc,
                )]
            }
            _ => self.fields(&op.response.fields, Side::Response, true, false),
        }
    }

    /// The fields of `members`; `in_json` when they sit inside a json-style parameter, whose
    /// every nested type is then serialized as JSON.
    fn fields(
        &mut self,
        members: &[Member],
        side: Side,
        top_level: bool,
        in_json: bool,
    ) -> Vec<FieldIr> {
        members
            .iter()
            .map(|m| self.field(m, side, top_level, in_json))
            .collect()
    }

    fn field(&mut self, member: &Member, side: Side, top_level: bool, in_json: bool) -> FieldIr {
        let wire = member.name.clone().unwrap_or_default();
        let request_top = top_level && side == Side::Request;
        // A JSON body member is JSON all the way down, like a json-style parameter.
        let in_body = request_top && member.location == Some(Location::Body);
        let json = in_json || in_body || member.style == Some(Style::Json);
        FieldIr {
            rust: member
                .rust_name
                .as_deref()
                .and_then(FieldName::parse)
                .unwrap_or_else(|| FieldName::of_wire(&wire)),
            ty: self.type_ref(member, &wire, side, json),
            doc: member.description.clone().unwrap_or_default(),
            rules: self.rules(member, side),
            default: member.default.as_ref().map(Scalar::to_string),
            example: member.example.as_ref().map(Scalar::to_string),
            deprecated: member.deprecated,
            idempotency_token: member.idempotency_token,
            // Request parameters travel where they say; an answer's top-level field may come
            // in a header.
            location: member.location.filter(|location| {
                request_top
                    || (top_level && side == Side::Response && *location == Location::Header)
            }),
            style: member.style.filter(|_| request_top),
            body: self.whole_body.filter(|_| in_body),
            wire,
        }
    }

    /// Response values are never validated: their rules are the enum types' docs.
    fn rules(&self, member: &Member, side: Side) -> Vec<acs_rules::Rule> {
        match side {
            Side::Request => rules::rules(member),
            Side::Response => Vec::new(),
        }
    }

    /// The Rust type of `member`; `hint` names a generated type.
    fn type_ref(&mut self, member: &Member, hint: &str, side: Side, json: bool) -> TypeRef {
        match member.ty {
            TypeName::String if !member.constraints.enumeration.is_empty() => {
                TypeRef::Enum(self.open_enum(member, hint, side))
            }
            TypeName::String if member.format == Some(Format::Binary) => TypeRef::Bytes,
            TypeName::String => TypeRef::String,
            TypeName::Integer if member.format == Some(Format::Int64) => TypeRef::I64,
            TypeName::Integer => TypeRef::I32,
            TypeName::Number if member.format == Some(Format::Float) => TypeRef::F32,
            TypeName::Number => TypeRef::F64,
            TypeName::Boolean => TypeRef::Bool,
            TypeName::Any => TypeRef::Json,
            // The checks require `items` and `values`; without them the elements are any JSON.
            TypeName::Array => match member.items.as_deref() {
                Some(items) => {
                    let item = self.type_ref(items, &names::singular(hint), side, json);
                    TypeRef::List(Box::new(item), self.rules(items, side))
                }
                None => TypeRef::List(Box::new(TypeRef::Json), Vec::new()),
            },
            TypeName::Map => match member.values.as_deref() {
                Some(values) => {
                    let value = self.type_ref(values, &format!("{hint}Value"), side, json);
                    TypeRef::Map(Box::new(value))
                }
                None => TypeRef::Map(Box::new(TypeRef::Json)),
            },
            TypeName::Object => TypeRef::Struct(self.object(member, hint, side, json)),
        }
    }

    fn open_enum(&mut self, member: &Member, hint: &str, side: Side) -> super::TypeId {
        let values: Vec<&str> = member
            .constraints
            .enumeration
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        let candidates = self.names(hint, side);
        let shape = format!("enum {} {values:?}", candidates[0]);
        let doc = member.description.clone().unwrap_or_default();
        let enumeration = &member.constraints.enumeration;
        self.types
            .intern(shape, &candidates, side, self.operation, || {
                let mut variants = Namespace::with_reserved(&["Unknown"]);
                TypeIr::Enum(EnumIr {
                    name: String::new(),
                    doc,
                    variants: enumeration
                        .iter()
                        .map(|v| {
                            let wanted = names::type_name(&v.value);
                            VariantIr {
                                rust: variants.claim(&wanted, &format!("{wanted}Value")),
                                wire: v.value.clone(),
                                meaning: v.description.clone(),
                            }
                        })
                        .collect(),
                })
            })
    }

    fn object(&mut self, member: &Member, hint: &str, side: Side, json: bool) -> super::TypeId {
        let fields = self.fields(&member.properties, side, false, json);
        let candidates = self.names(hint, side);
        let shape = format!(
            "struct {} {side:?} json={json} {:?}",
            candidates[0],
            shape_of(&fields)
        );
        let doc = member.description.clone().unwrap_or_default();
        self.types
            .intern(shape, &candidates, side, self.operation, || {
                TypeIr::Struct(StructIr {
                    name: String::new(),
                    side,
                    json,
                    fields,
                    doc,
                })
            })
    }

    /// The names a nested type may take, in order: the one it wants, qualified by its
    /// operation, then by its operation's request or response.
    fn names(&self, hint: &str, side: Side) -> Vec<String> {
        let wanted = names::type_name(hint);
        let operation = names::type_name(self.operation);
        let side = match side {
            Side::Request => "Request",
            Side::Response => "Response",
        };
        let qualified = format!("{operation}{wanted}");
        let sided = format!("{operation}{side}{wanted}");
        vec![wanted, qualified, sided]
    }
}

/// What two structs must share to be one type: every field's names, type and rules.
fn shape_of(fields: &[FieldIr]) -> Vec<String> {
    fields
        .iter()
        .map(|f| format!("{} {} {:?} {:?}", f.wire, f.rust, f.ty, f.rules))
        .collect()
}

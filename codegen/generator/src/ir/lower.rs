//! Lowering: a checked spec becomes the intermediate model (names claimed, types resolved).

use super::names::{self, Namespace};
use super::{
    CrateIr, EnumIr, ErrorIr, FieldIr, OperationIr, PaginationIr, Side, StructIr, TypeIr, TypeRef,
    WaiterIr,
};
use crate::spec::ProductDir;
use crate::spec::model::{Format, Member, Operation, Style, TypeName};

/// Names user types must not take: they would shadow the prelude the generated code relies on.
const PRELUDE: &[&str] = &[
    "Option", "Result", "String", "Vec", "Box", "Some", "None", "Ok", "Err", "BTreeMap",
];

/// Lowers one product folder into the crate `package`; `source` is the folder as shown in
/// generated headers.
pub fn lower_product(dir: &ProductDir, package: String, source: String) -> CrateIr {
    let mut operations: Vec<OperationIr> = dir
        .operations
        .iter()
        .map(|f| lower_operation(&f.operation))
        .collect();
    operations.sort_by(|a, b| a.spec.name.cmp(&b.spec.name));
    CrateIr {
        package,
        source,
        product: dir.product.clone(),
        operations,
    }
}

fn lower_operation(op: &Operation) -> OperationIr {
    let request_name = format!("{}Request", op.name);
    let response_name = format!("{}Response", op.name);
    let error_name = format!("{}Error", op.name);
    let builder_name = format!("{request_name}Builder");
    let mut reserved: Vec<&str> = PRELUDE.to_vec();
    reserved.extend([
        request_name.as_str(),
        response_name.as_str(),
        error_name.as_str(),
        builder_name.as_str(),
    ]);
    let mut lowering = Lowering {
        ns: Namespace::with_reserved(&reserved),
        types: Vec::new(),
    };

    let request_fields = op
        .parameters
        .iter()
        .map(|p| lowering.field(p, Side::Request, &op.name, true, false))
        .collect();
    let response_fields = op
        .response
        .fields
        .iter()
        .map(|f| lowering.field(f, Side::Response, &op.name, false, false))
        .collect();

    let mut variants = Namespace::with_reserved(&["Unhandled"]);
    let errors = op
        .errors
        .iter()
        .map(|case| {
            let wanted = names::type_name(&case.code);
            ErrorIr {
                variant: variants.claim(&wanted, &format!("{wanted}Error")),
                case: case.clone(),
            }
        })
        .collect();

    let module = names::field_name(&op.name)
        .trim_start_matches("r#")
        .to_owned();
    let response = StructIr {
        name: response_name,
        side: Side::Response,
        json: false,
        fields: response_fields,
        doc: op.response.description.clone().unwrap_or_default(),
    };
    let pagination = op.pagination.as_ref().map(|p| {
        let resolve = |path: Option<&String>| {
            path.map(|p| field_path(&response, &lowering.types, p).0)
                .unwrap_or_default()
        };
        let (items, item) = field_path(&response, &lowering.types, &p.items);
        let Some(TypeRef::List(item, _)) = item else {
            unreachable!("checked: pagination items are a list")
        };
        PaginationIr {
            style: p.style,
            input: names::field_name(&p.input),
            input_is_i64: op.parameters.iter().any(|m| {
                m.name.as_deref() == Some(p.input.as_str()) && m.format == Some(Format::Int64)
            }),
            output: resolve(p.output.as_ref()),
            total: resolve(p.total.as_ref()),
            items,
            item: *item,
        }
    });
    let waiters = op
        .waiters
        .iter()
        .map(|w| {
            let (state, ty) = w.state.as_ref().map_or((Vec::new(), None), |p| {
                field_path(&response, &lowering.types, p)
            });
            WaiterIr {
                method: format!(
                    "wait_until_{}",
                    names::field_name(&w.name).trim_start_matches("r#")
                ),
                spec: w.clone(),
                state,
                state_is_enum: matches!(ty, Some(TypeRef::Enum(_))),
            }
        })
        .collect();
    OperationIr {
        spec: op.clone(),
        module,
        request: StructIr {
            name: request_name,
            side: Side::Request,
            json: false,
            fields: request_fields,
            doc: String::new(),
        },
        response,
        types: lowering.types,
        error: error_name,
        errors,
        idempotency_token: op
            .parameters
            .iter()
            .find(|p| p.idempotency_token)
            .and_then(|p| p.name.clone()),
        pagination,
        waiters,
    }
}

/// The Rust field names along a dotted wire path, and the type at its end.
fn field_path(response: &StructIr, types: &[TypeIr], path: &str) -> (Vec<String>, Option<TypeRef>) {
    let mut fields = &response.fields;
    let mut rust = Vec::new();
    let mut ty = None;
    for step in path.split('.') {
        let Some(field) = fields.iter().find(|f| f.wire == step) else {
            break;
        };
        rust.push(field.rust.clone());
        ty = Some(field.ty.clone());
        if let TypeRef::Struct(i) = field.ty {
            if let TypeIr::Struct(s) = &types[i] {
                fields = &s.fields;
            }
        }
    }
    (rust, ty)
}

/// State of lowering one operation: its type namespace and the nested types found so far.
struct Lowering {
    ns: Namespace,
    types: Vec<TypeIr>,
}

impl Lowering {
    /// A field; `in_json`: it is inside a json-style parameter (its types derive `Serialize`).
    fn field(
        &mut self,
        member: &Member,
        side: Side,
        parent: &str,
        top_level: bool,
        in_json: bool,
    ) -> FieldIr {
        let wire = member.name.clone().unwrap_or_default();
        let json = in_json || member.style == Some(Style::Json);
        FieldIr {
            rust: member
                .rust_name
                .clone()
                .unwrap_or_else(|| names::field_name(&wire)),
            ty: self.type_ref(member, &wire, side, parent, json),
            wire,
            member: member.clone(),
            location: if top_level && side == Side::Request {
                member.location
            } else {
                None
            },
            style: if top_level && side == Side::Request {
                member.style
            } else {
                None
            },
        }
    }

    /// The Rust type of `member`; `hint` names a generated type, `parent` disambiguates it.
    fn type_ref(
        &mut self,
        member: &Member,
        hint: &str,
        side: Side,
        parent: &str,
        json: bool,
    ) -> TypeRef {
        match member.ty {
            TypeName::String if !member.constraints.enumeration.is_empty() => {
                let name = self.claim(hint, parent);
                let mut variants = Namespace::with_reserved(&["Unknown"]);
                let variants = member
                    .constraints
                    .enumeration
                    .iter()
                    .map(|v| {
                        let wanted = names::type_name(&v.value);
                        (
                            variants.claim(&wanted, &format!("{wanted}Value")),
                            v.value.clone(),
                            v.description.clone(),
                        )
                    })
                    .collect();
                let doc = member.description.clone().unwrap_or_default();
                self.types.push(TypeIr::Enum(EnumIr {
                    name,
                    doc,
                    variants,
                }));
                TypeRef::Enum(self.types.len() - 1)
            }
            TypeName::String => TypeRef::String,
            TypeName::Integer if member.format == Some(Format::Int64) => TypeRef::I64,
            TypeName::Integer => TypeRef::I32,
            TypeName::Number if member.format == Some(Format::Float) => TypeRef::F32,
            TypeName::Number => TypeRef::F64,
            TypeName::Boolean => TypeRef::Bool,
            TypeName::Any => TypeRef::Json,
            TypeName::Array => {
                let items = member.items.as_deref().expect("checked: arrays have items");
                let item = self.type_ref(items, &names::singular(hint), side, parent, json);
                TypeRef::List(Box::new(item), Box::new(items.clone()))
            }
            TypeName::Map => {
                let values = member.values.as_deref().expect("checked: maps have values");
                TypeRef::Map(Box::new(self.type_ref(
                    values,
                    &format!("{hint}Value"),
                    side,
                    parent,
                    json,
                )))
            }
            TypeName::Object => {
                let name = self.claim(hint, parent);
                let fields = member
                    .properties
                    .iter()
                    .map(|p| self.field(p, side, &name, false, json))
                    .collect();
                let doc = member.description.clone().unwrap_or_default();
                self.types.push(TypeIr::Struct(StructIr {
                    name,
                    side,
                    json,
                    fields,
                    doc,
                }));
                TypeRef::Struct(self.types.len() - 1)
            }
        }
    }

    fn claim(&mut self, hint: &str, parent: &str) -> String {
        let wanted = names::type_name(hint);
        self.ns
            .claim(&wanted, &format!("{}{wanted}", names::type_name(parent)))
    }
}

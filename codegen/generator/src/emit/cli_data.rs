//! `acs/data/<command>.json`: one product's command data (operations, parameters with their
//! shapes and rules, docs, waiters, paginators) for the data-driven `acs` command.

use std::collections::BTreeMap;

use acs_cli_data::{Field, OperationData, PagerData, ProductData, Shape, StructData, WaitData};

use crate::ir::{CrateIr, FieldIr, OperationIr, StructIr, TypeId, TypeIr, TypeRef, TypeSpace};
use crate::naming::FieldName;
use crate::spec::model;

/// The command data of one product.
pub fn product_data(ir: &CrateIr) -> ProductData {
    let p = &ir.product;
    let mut structs = Structs::default();
    let operations = ir
        .operations
        .iter()
        .map(|op| operation(op, ir, &mut structs))
        .collect();
    ProductData {
        command: crate::naming::product::command(&ir.package).to_owned(),
        title: p.title.clone(),
        code: p.code.clone(),
        version: p.api_version.clone(),
        protocol: p.protocol,
        endpoint_pattern: p.endpoint_pattern.clone(),
        regional_endpoints: p.regional_endpoints.clone(),
        operations,
        structs: structs.list,
    }
}

/// The request structs met so far, each with its index in the data.
#[derive(Default)]
struct Structs {
    index: BTreeMap<TypeId, usize>,
    list: Vec<StructData>,
}

impl Structs {
    /// The index of struct `id`, adding it (and the structs it holds) when new.
    fn index(&mut self, id: TypeId, s: &StructIr, types: &TypeSpace) -> usize {
        if let Some(&index) = self.index.get(&id) {
            return index;
        }
        let index = self.list.len();
        self.index.insert(id, index);
        // A placeholder first, so that a struct holding itself refers to its own index.
        self.list.push(StructData {
            json: s.json,
            fields: Vec::new(),
        });
        let fields = s
            .fields
            .iter()
            .map(|f| field(f, types, self, &[]))
            .collect();
        self.list[index].fields = fields;
        index
    }
}

fn operation(op: &OperationIr, ir: &CrateIr, structs: &mut Structs) -> OperationData {
    let token_note = [super::field_doc::IDEMPOTENCY_NOTE.to_owned()];
    let parameters = op
        .request
        .fields
        .iter()
        .map(|f| {
            let notes: &[String] = if f.idempotency_token {
                &token_note
            } else {
                &[]
            };
            field(f, &ir.types, structs, notes)
        })
        .collect();
    OperationData {
        name: op.action.clone(),
        summary: op.summary.clone(),
        description: op.description.as_deref().unwrap_or("").trim().to_owned(),
        method: op.binding.method,
        path: op.binding.path.clone(),
        body: op.binding.body,
        answer: op.binding.answer,
        idempotency_token: op
            .idempotency_token
            .as_ref()
            .map(|token| token.wire.clone()),
        idempotency_token_location: op
            .idempotency_token
            .as_ref()
            .map(|token| token.location)
            .unwrap_or_default(),
        idempotent: op.idempotent,
        parameters,
        wait: wait(op, ir),
        pager: pager(op, &ir.types),
    }
}

fn field(f: &FieldIr, types: &TypeSpace, structs: &mut Structs, notes: &[String]) -> Field {
    Field {
        name: f.wire.clone(),
        location: f.location.unwrap_or_default(),
        style: f.style.unwrap_or_default(),
        shape: shape(&f.ty, types, structs),
        rules: f.rules.clone(),
        default: f.default.clone(),
        description: f.doc.trim().to_owned(),
        notes: notes.to_vec(),
    }
}

fn shape(ty: &TypeRef, types: &TypeSpace, structs: &mut Structs) -> Shape {
    match ty {
        TypeRef::String => Shape::String,
        TypeRef::I32 => Shape::Int32,
        TypeRef::I64 => Shape::Int64,
        TypeRef::F32 => Shape::Float32,
        TypeRef::F64 => Shape::Float64,
        TypeRef::Bool => Shape::Boolean,
        TypeRef::Json => Shape::Json,
        TypeRef::Bytes => Shape::Binary,
        TypeRef::List(item, rules) => Shape::List {
            item: Box::new(shape(item, types, structs)),
            rules: rules.clone(),
        },
        TypeRef::Map(value) => Shape::Map(Box::new(shape(value, types, structs))),
        TypeRef::Enum(id) => match types.get(*id) {
            TypeIr::Enum(e) => Shape::Enum(e.variants.iter().map(|v| v.wire.clone()).collect()),
            TypeIr::Struct(_) => unreachable!("an enum reference points at an enum"),
        },
        TypeRef::Struct(id) => match types.get(*id) {
            TypeIr::Struct(s) => Shape::Struct(structs.index(*id, s, types)),
            TypeIr::Enum(_) => unreachable!("a struct reference points at a struct"),
        },
    }
}

/// The wait of an asynchronous operation naming a waiter of its polled operation.
fn wait(op: &OperationIr, ir: &CrateIr) -> Option<WaitData> {
    let asynchronous = op.asynchronous.as_ref()?;
    let name = asynchronous.waiter.as_ref()?;
    let (poll, w) = ir
        .operations
        .iter()
        .find(|o| o.action == asynchronous.poll)
        .and_then(|o| o.waiters.iter().find(|w| &w.name == name).map(|w| (o, w)))
        .expect("the checks resolved the waiter of the polled operation");
    Some(WaitData {
        waiter: name.clone(),
        poll: asynchronous.poll.clone(),
        state: wire_path(&poll.response, &ir.types, &w.state),
        success: w.success.clone(),
        failure: w.failure.clone(),
        success_codes: w.success_codes.clone(),
        interval_ms: w.interval_ms,
        max_wait_ms: w.max_wait_ms,
    })
}

/// The pager of a listing, its Rust field paths turned back into wire names.
fn pager(op: &OperationIr, types: &TypeSpace) -> Option<PagerData> {
    let p = op.pagination.as_ref()?;
    let request = &op.request.fields;
    let input = request.iter().find(|f| f.rust == p.input)?.wire.clone();
    let size_name = match p.style {
        model::PaginationStyle::PageNumber => "PageSize",
        model::PaginationStyle::NextToken => "MaxResults",
    };
    let size = request
        .iter()
        .find(|f| f.wire == size_name)
        .map(|f| f.wire.clone());
    let path = |rust: &[FieldName]| wire_path(&op.response, types, rust);
    Some(PagerData {
        input,
        size,
        next_token: path(&p.output),
        total: path(&p.total),
        items: path(&p.items),
    })
}

/// The wire names along a path of Rust field names from struct `s`.
fn wire_path(s: &StructIr, types: &TypeSpace, rust: &[FieldName]) -> Vec<String> {
    let mut current = s;
    let mut path = Vec::with_capacity(rust.len());
    for name in rust {
        let field = current
            .fields
            .iter()
            .find(|f| &f.rust == name)
            .expect("the flows resolved every step of the path");
        path.push(field.wire.clone());
        let next = match &field.ty {
            TypeRef::Struct(id) => Some(*id),
            TypeRef::List(item, _) => match **item {
                TypeRef::Struct(id) => Some(id),
                _ => None,
            },
            _ => None,
        };
        if let Some(TypeIr::Struct(next)) = next.map(|id| types.get(id)) {
            current = next;
        }
    }
    path
}

//! Lowering of waiters and paginators: spec paths resolved into Rust field paths and types.

use super::names::{self, FieldName};
use super::{PaginationIr, StructIr, TypeIr, TypeRef, TypeSpace, WaiterIr};
use crate::spec::model::{Pagination, Waiter};

/// A pagination resolved against the operation's request and response.
pub fn pagination(
    p: &Pagination,
    request: &StructIr,
    response: &StructIr,
    types: &TypeSpace,
) -> PaginationIr {
    let input = request
        .fields
        .iter()
        .find(|f| f.wire == p.input)
        .expect("checked: the pagination input is a parameter");
    let resolve = |path: Option<&String>| {
        path.map(|p| field_path(response, types, p).0)
            .unwrap_or_default()
    };
    let (items, item) = field_path(response, types, &p.items);
    let Some(TypeRef::List(item, _)) = item else {
        unreachable!("checked: pagination items are a list")
    };
    PaginationIr {
        style: p.style,
        input: input.rust.clone(),
        input_is_i64: matches!(input.ty, TypeRef::I64),
        output: resolve(p.output.as_ref()),
        total: resolve(p.total.as_ref()),
        items,
        item: *item,
    }
}

/// A waiter resolved against the polled operation's response.
pub fn waiter(w: &Waiter, response: &StructIr, types: &TypeSpace) -> WaiterIr {
    let (state, ty) = w
        .state
        .as_ref()
        .map_or((Vec::new(), None), |p| field_path(response, types, p));
    WaiterIr {
        method: names::wait_method(&w.name),
        name: w.name.clone(),
        description: w.description.clone(),
        state,
        state_is_enum: matches!(ty, Some(TypeRef::Enum(_))),
        success: w.success.clone(),
        failure: w.failure.clone(),
        success_codes: w.success_codes.clone(),
        interval_ms: w.interval_ms,
        max_wait_ms: w.max_wait_ms,
    }
}

/// The Rust field names along a dotted wire path, and the type at its end.
fn field_path(
    response: &StructIr,
    types: &TypeSpace,
    path: &str,
) -> (Vec<FieldName>, Option<TypeRef>) {
    let mut fields = &response.fields;
    let mut rust = Vec::new();
    let mut ty = None;
    for step in path.split('.') {
        let Some(field) = fields.iter().find(|f| f.wire == step) else {
            break;
        };
        rust.push(field.rust.clone());
        ty = Some(field.ty.clone());
        if let TypeRef::Struct(id) = field.ty {
            if let TypeIr::Struct(s) = types.get(id) {
                fields = &s.fields;
            }
        }
    }
    (rust, ty)
}

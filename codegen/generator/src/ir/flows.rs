//! Lowering of waiters and paginators: spec paths resolved into Rust field paths and types.

use super::{PaginationIr, StructIr, TypeIr, TypeRef, TypeSpace, WaiterIr};
use crate::naming::{self as names, FieldName};
use crate::spec::model::{Pagination, Waiter};

/// A pagination of the operation whose module is `module` resolved against its request and
/// response; `None` when its input is no parameter or its items no list (which the checks
/// report).
pub fn pagination(
    p: &Pagination,
    module: &str,
    request: &StructIr,
    response: &StructIr,
    types: &TypeSpace,
) -> Option<PaginationIr> {
    let input = request.fields.iter().find(|f| f.wire == p.input)?;
    let resolve = |path: Option<&String>| {
        path.map(|p| field_path(response, types, p).0)
            .unwrap_or_default()
    };
    let (items, _, item) = field_path(response, types, &p.items);
    let Some(TypeRef::List(item, _)) = item else {
        return None;
    };
    Some(PaginationIr {
        style: p.style,
        input: input.rust.clone(),
        input_is_i64: matches!(input.ty, TypeRef::I64),
        output: resolve(p.output.as_ref()),
        total: resolve(p.total.as_ref()),
        items,
        item: *item,
        methods: names::paginator_methods(module),
    })
}

/// A waiter resolved against the polled operation's response.
pub fn waiter(w: &Waiter, response: &StructIr, types: &TypeSpace) -> WaiterIr {
    let (state, state_lists, ty) = w
        .state
        .as_ref()
        .map_or((Vec::new(), Vec::new(), None), |p| {
            field_path(response, types, p)
        });
    WaiterIr {
        method: names::wait_method(&w.name),
        name: w.name.clone(),
        description: w.description.clone(),
        state,
        state_lists,
        state_is_enum: matches!(ty, Some(TypeRef::Enum(_))),
        success: w.success.clone(),
        failure: w.failure.clone(),
        success_codes: w.success_codes.clone(),
        interval_ms: w.interval_ms,
        max_wait_ms: w.max_wait_ms,
    }
}

/// The Rust field names along a dotted wire path, whether the path continues past each of
/// them into the first item of a list, and the type at its end.
fn field_path(
    response: &StructIr,
    types: &TypeSpace,
    path: &str,
) -> (Vec<FieldName>, Vec<bool>, Option<TypeRef>) {
    let mut fields = &response.fields;
    let mut rust = Vec::new();
    let mut lists = Vec::new();
    let mut ty = None;
    let steps: Vec<&str> = path.split('.').collect();
    for (i, step) in steps.iter().enumerate() {
        let Some(field) = fields.iter().find(|f| f.wire == *step) else {
            break;
        };
        rust.push(field.rust.clone());
        ty = Some(field.ty.clone());
        let (id, list) = match &field.ty {
            TypeRef::Struct(id) => (Some(*id), false),
            TypeRef::List(item, _) if i + 1 < steps.len() => match **item {
                TypeRef::Struct(id) => (Some(id), true),
                _ => (None, false),
            },
            _ => (None, false),
        };
        lists.push(list);
        if let Some(id) = id {
            if let TypeIr::Struct(s) = types.get(id) {
                fields = &s.fields;
            }
        }
    }
    (rust, lists, ty)
}

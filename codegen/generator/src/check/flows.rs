//! Checks of pagination and waiters: every name they use resolves to a field of the right type.

use std::collections::BTreeSet;

use super::Sink;
use crate::spec::model::{Operation, PaginationStyle, TypeName};

/// Checks `pagination` and `waiters` of one operation.
pub(crate) fn flows(op: &Operation, sink: &mut Sink<'_>) {
    if let Some(p) = &op.pagination {
        let input = op
            .parameters
            .iter()
            .find(|m| m.name.as_deref() == Some(p.input.as_str()));
        let wanted = match p.style {
            PaginationStyle::PageNumber => TypeName::Integer,
            PaginationStyle::NextToken => TypeName::String,
        };
        if input.is_none_or(|m| m.ty != wanted) {
            sink.report(
                "pagination.input",
                format!("`{}` must be a {wanted} request parameter", p.input),
            );
        }
        expect_field(
            op,
            "pagination.items",
            Some(&p.items),
            TypeName::Array,
            sink,
        );
        match p.style {
            PaginationStyle::PageNumber => {
                expect_field(
                    op,
                    "pagination.total",
                    p.total.as_ref(),
                    TypeName::Integer,
                    sink,
                );
            }
            PaginationStyle::NextToken => {
                if p.output.is_none() {
                    sink.report("pagination", "a next_token pagination needs `output`, the response field of the next token");
                }
                expect_field(
                    op,
                    "pagination.output",
                    p.output.as_ref(),
                    TypeName::String,
                    sink,
                );
            }
        }
    }
    let mut names = BTreeSet::new();
    for (i, w) in op.waiters.iter().enumerate() {
        let at = format!("waiters[{i}]");
        if !super::is_pascal_identifier(&w.name) {
            sink.report(
                &format!("{at}.name"),
                format!(
                    "waiter name `{}` must be UpperCamelCase letters and digits",
                    w.name
                ),
            );
        }
        if !names.insert(w.name.as_str()) {
            sink.report(
                &format!("{at}.name"),
                format!("waiter `{}` is defined twice", w.name),
            );
        }
        if w.success.is_empty() && w.success_codes.is_empty() {
            sink.report(&at, "a waiter needs `success` states or `success_codes`");
        }
        if !(w.success.is_empty() && w.failure.is_empty()) || w.state.is_some() {
            if w.state.is_none() {
                sink.report(
                    &at,
                    "a waiter with states needs `state`, the response field to read",
                );
            }
            expect_field(
                op,
                &format!("{at}.state"),
                w.state.as_ref(),
                TypeName::String,
                sink,
            );
        }
        if w.interval_ms == 0 || w.interval_ms > w.max_wait_ms {
            sink.report(
                &format!("{at}.interval_ms"),
                "the interval must be positive and at most `max_wait_ms`",
            );
        }
    }
}

/// Reports unless `path` names a response field of type `ty`.
fn expect_field(
    op: &Operation,
    at: &str,
    path: Option<&String>,
    ty: TypeName,
    sink: &mut Sink<'_>,
) {
    let Some(path) = path else { return };
    match op.response.field(path) {
        Some(member) if member.ty == ty => {}
        Some(member) => sink.report(
            at,
            format!("response field `{path}` is a {}, not a {ty}", member.ty),
        ),
        None => sink.report(at, format!("`{path}` is not a response field")),
    }
}

//! Checks of one value shape: keys that fit its position and type, sound constraints,
//! defaults and examples that obey them, unique wire and Rust names.

use std::collections::BTreeMap;

use super::Sink;
use crate::diag::Finding;
use crate::naming as names;
use crate::naming::FieldName;
use crate::spec::model::{Format, Location, Member, Scalar, Style, TypeName};
use crate::spec::rules;

/// Where a shape appears; decides which keys it may carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// A top-level request parameter.
    Parameter,
    /// A field of an object (request or response).
    Field,
    /// A top-level field of an object answer: it may come in a header (`in: header`).
    AnswerField,
    /// The `items` of an array or the `values` of a map.
    Element,
}

/// Checks a list of named members and their uniqueness.
pub(crate) fn members(list: &[Member], path: &str, position: Position, sink: &mut Sink<'_>) {
    let mut wire = BTreeMap::new();
    let mut rust = BTreeMap::new();
    for (i, member) in list.iter().enumerate() {
        let at = format!("{path}[{i}]");
        check(member, &at, position, sink);
        let Some(name) = &member.name else { continue };
        if let Some(first) = wire.insert(name.as_str(), i) {
            sink.report(
                &format!("{at}.name"),
                format!("`{name}` is already defined at {path}[{first}]"),
            );
            continue;
        }
        let field = member
            .rust_name
            .as_deref()
            .and_then(FieldName::parse)
            .unwrap_or_else(|| FieldName::of_wire(name));
        if let Some(first) = rust.insert(field.clone(), i) {
            sink.report(
                &format!("{at}.name"),
                format!("`{name}` becomes the Rust field `{field}` like {path}[{first}]; give one of them a `rust_name`"),
            );
        }
    }
}

/// Checks one shape at `path`.
pub(crate) fn check(member: &Member, path: &str, position: Position, sink: &mut Sink<'_>) {
    match (&member.name, position) {
        (None, Position::Parameter | Position::Field | Position::AnswerField) => {
            sink.report(path, "missing the `name` key")
        }
        (Some(_), Position::Element) => sink.report(
            &format!("{path}.name"),
            "list items and map values have no `name`",
        ),
        (Some(name), _) if !names::is_wire_name(name) => sink.report(
            &format!("{path}.name"),
            format!("wire name `{name}` may contain only letters, digits, `_` and `-`"),
        ),
        _ => {}
    }
    if let Some(rust_name) = &member.rust_name {
        if FieldName::parse(rust_name).is_none() {
            sink.report(
                &format!("{path}.rust_name"),
                format!("`{rust_name}` is not a snake_case Rust identifier"),
            );
        }
    }
    let answer_header =
        position == Position::AnswerField && member.location == Some(Location::Header);
    if answer_header && member.ty != TypeName::String {
        sink.report(&format!("{path}.type"), "a response header is a string");
    }
    if position != Position::Parameter {
        if member.location.is_some() && !answer_header {
            sink.report(
                &format!("{path}.in"),
                "only top-level request parameters have a location, and top-level response fields `in: header`",
            );
        }
        if member.style.is_some() {
            sink.report(
                &format!("{path}.style"),
                "only top-level request parameters have a style",
            );
        }
        if member.idempotency_token {
            sink.report(
                &format!("{path}.idempotency_token"),
                "only top-level request parameters can be idempotency tokens",
            );
        }
    }
    if member.idempotency_token && member.ty != TypeName::String {
        sink.report(
            &format!("{path}.idempotency_token"),
            "an idempotency token must be a string",
        );
    }
    let flattened = member.location.unwrap_or_default().is_flattened();
    if let (Some(_), false) = (member.style, flattened) {
        sink.report(
            &format!("{path}.style"),
            "a style says how a query or form parameter is flattened: path and header values are one scalar, body values JSON",
        );
    }
    if let Some(style) = member.style {
        let structured = matches!(
            member.ty,
            TypeName::Array | TypeName::Object | TypeName::Map | TypeName::Any
        );
        let list_only = matches!(
            style,
            Style::Simple | Style::SpaceDelimited | Style::PipeDelimited
        );
        if !structured || (list_only && member.ty != TypeName::Array) {
            sink.report(
                &format!("{path}.style"),
                format!("style `{style:?}` does not apply to a {}", member.ty),
            );
        }
        if member.ty == TypeName::Any && style != Style::Json {
            sink.report(
                &format!("{path}.style"),
                "a value of type `any` can only be sent in the json style",
            );
        }
    }
    if member.ty == TypeName::Any
        && position == Position::Parameter
        && flattened
        && member.style != Some(Style::Json)
    {
        sink.report(
            &format!("{path}.type"),
            "a parameter of type `any` needs `style: json`",
        );
    }
    shape(member, path, sink);
    constraints(member, path, &mut sink.kinded(Finding::Constraint));
    for (key, value, finding) in [
        ("default", &member.default, Finding::Default),
        ("example", &member.example, Finding::Example),
    ] {
        if let Some(value) = value {
            scalar(
                member,
                value,
                &format!("{path}.{key}"),
                key,
                &mut sink.kinded(finding),
            );
        }
    }
}

fn shape(member: &Member, path: &str, sink: &mut Sink<'_>) {
    let ty = member.ty;
    match (ty, &member.items) {
        (TypeName::Array, None) => sink.report(path, "an array needs `items`"),
        (TypeName::Array, Some(items)) => {
            check(items, &format!("{path}.items"), Position::Element, sink)
        }
        (_, Some(_)) => sink.report(
            &format!("{path}.items"),
            format!("`items` applies to arrays, not to a {ty}"),
        ),
        _ => {}
    }
    match (ty, &member.values) {
        (TypeName::Map, None) => sink.report(path, "a map needs `values`"),
        (TypeName::Map, Some(values)) => {
            check(values, &format!("{path}.values"), Position::Element, sink)
        }
        (_, Some(_)) => sink.report(
            &format!("{path}.values"),
            format!("`values` applies to maps, not to a {ty}"),
        ),
        _ => {}
    }
    match ty {
        TypeName::Object if member.properties.is_empty() => sink.report(
            path,
            "an object needs `properties` (use type `any` for free-form JSON)",
        ),
        TypeName::Object => members(
            &member.properties,
            &format!("{path}.properties"),
            Position::Field,
            sink,
        ),
        _ if !member.properties.is_empty() => sink.report(
            &format!("{path}.properties"),
            format!("`properties` applies to objects, not to a {ty}"),
        ),
        _ => {}
    }
    let format_fits = match member.format {
        None => true,
        Some(Format::Int32 | Format::Int64) => ty == TypeName::Integer,
        Some(Format::Float | Format::Double) => ty == TypeName::Number,
        Some(Format::Binary) => ty == TypeName::String,
    };
    if !format_fits {
        sink.report(
            &format!("{path}.format"),
            format!(
                "format `{:?}` does not apply to a {ty}",
                member.format.unwrap()
            ),
        );
    }
}

fn constraints(member: &Member, path: &str, sink: &mut Sink<'_>) {
    let c = &member.constraints;
    let ty = member.ty;
    let at = |key: &str| format!("{path}.constraints.{key}");
    let mut misplaced = |key: &str, set: bool, fits: bool| {
        if set && !fits {
            sink.report(&at(key), format!("`{key}` does not apply to a {ty}"));
        }
    };
    let string = ty == TypeName::String;
    let numeric = matches!(ty, TypeName::Integer | TypeName::Number);
    misplaced("enum", !c.enumeration.is_empty(), string);
    misplaced("allowed", !c.allowed.is_empty(), ty == TypeName::Integer);
    misplaced("minimum", c.minimum.is_some(), numeric);
    misplaced("maximum", c.maximum.is_some(), numeric);
    misplaced("min_length", c.min_length.is_some(), string);
    misplaced("max_length", c.max_length.is_some(), string);
    misplaced("pattern", c.pattern.is_some(), string);
    misplaced("ascii_only", c.ascii_only, string);
    misplaced("min_items", c.min_items.is_some(), ty == TypeName::Array);
    misplaced("max_items", c.max_items.is_some(), ty == TypeName::Array);
    for (key, set, bound) in [
        (
            "exclusive_minimum",
            c.exclusive_minimum,
            c.minimum.is_some(),
        ),
        (
            "exclusive_maximum",
            c.exclusive_maximum,
            c.maximum.is_some(),
        ),
    ] {
        if set && !bound {
            let needs = key.trim_start_matches("exclusive_");
            sink.report(&at(key), format!("`{key}` needs a `{needs}`"));
        }
    }
    if let Some(acs_rules::Rule::Integers(ranges)) = rules::rules(member)
        .into_iter()
        .find(|r| matches!(r, acs_rules::Rule::Integers(_)))
    {
        if ranges.is_empty() {
            sink.report(
                &at("allowed"),
                "no allowed value lies within `minimum` and `maximum`",
            );
        }
    }
    if c.pattern_description.is_some() && c.pattern.is_none() {
        sink.report(
            &at("pattern_description"),
            "`pattern_description` needs a `pattern`",
        );
    }
    let pairs = [
        ("minimum", c.minimum, c.maximum),
        (
            "min_length",
            c.min_length.map(|v| v as f64),
            c.max_length.map(|v| v as f64),
        ),
        (
            "min_items",
            c.min_items.map(|v| v as f64),
            c.max_items.map(|v| v as f64),
        ),
    ];
    for (key, min, max) in pairs {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                sink.report(
                    &at(key),
                    format!("{key} {min} is greater than the maximum {max}"),
                );
            }
        }
    }
    for (i, entry) in c.allowed.iter().enumerate() {
        let (lo, hi) = entry.bounds();
        if lo > hi {
            sink.report(
                &format!("{}[{i}]", at("allowed")),
                format!("range min {lo} is greater than its max {hi}"),
            );
        }
    }
    let mut seen = BTreeMap::new();
    for (i, value) in c.enumeration.iter().enumerate() {
        if let Some(first) = seen.insert(value.value.as_str(), i) {
            sink.report(
                &format!("{}[{i}].value", at("enum")),
                format!("`{}` is already listed at enum[{first}]", value.value),
            );
        }
        if !names::has_identifier_char(&value.value) {
            sink.report(
                &format!("{}[{i}].value", at("enum")),
                format!(
                    "`{}` has no letter or digit to name a variant after",
                    value.value
                ),
            );
        }
    }
    if let Some(pattern) = &c.pattern {
        if let Err(err) = regex::Regex::new(pattern) {
            sink.report(&at("pattern"), format!("invalid regular expression: {err}"));
        }
    }
}

/// Checks a default or an example against the type and rules of its member.
fn scalar(member: &Member, value: &Scalar, path: &str, what: &str, sink: &mut Sink<'_>) {
    if let Some(problem) = rules::problem(member, value) {
        sink.report(path, format!("{what} `{value}` {problem}"));
    }
}

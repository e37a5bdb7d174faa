//! Checks of one value shape: keys that fit its position and type, sound constraints,
//! defaults and examples that obey them, unique wire and Rust names.

use std::collections::BTreeMap;

use super::Sink;
use crate::ir::names;
use crate::spec::model::{Constraints, Format, Member, Scalar, Style, TypeName};

/// Where a shape appears; decides which keys it may carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// A top-level request parameter.
    Parameter,
    /// A field of an object (request or response).
    Field,
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
            .clone()
            .unwrap_or_else(|| names::field_name(name));
        if let Some(first) = rust.insert(field.clone(), i) {
            sink.report(
                &format!("{at}.name"),
                format!("`{name}` becomes the Rust field `{field}` like {path}[{first}]; give one of them a `rust_name`"),
            );
        }
    }
}

fn check(member: &Member, path: &str, position: Position, sink: &mut Sink<'_>) {
    match (&member.name, position) {
        (None, Position::Parameter | Position::Field) => {
            sink.report(path, "missing the `name` key")
        }
        (Some(_), Position::Element) => sink.report(
            &format!("{path}.name"),
            "list items and map values have no `name`",
        ),
        (Some(name), _) if !is_wire_name(name) => sink.report(
            &format!("{path}.name"),
            format!("wire name `{name}` may contain only letters, digits, `_` and `-`"),
        ),
        _ => {}
    }
    if let Some(rust_name) = &member.rust_name {
        if !names::is_snake_identifier(rust_name) {
            sink.report(
                &format!("{path}.rust_name"),
                format!("`{rust_name}` is not a snake_case Rust identifier"),
            );
        }
    }
    if position != Position::Parameter {
        if member.location.is_some() {
            sink.report(
                &format!("{path}.in"),
                "only top-level request parameters have a location",
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
        && member.style != Some(Style::Json)
    {
        sink.report(
            &format!("{path}.type"),
            "a parameter of type `any` needs `style: json`",
        );
    }
    shape(member, path, sink);
    constraints(member, path, sink);
    for (key, value) in [("default", &member.default), ("example", &member.example)] {
        if let Some(value) = value {
            scalar(member, value, &format!("{path}.{key}"), key, sink);
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
        if let Err(err) = regex_lite::Regex::new(pattern) {
            sink.report(&at("pattern"), format!("invalid regular expression: {err}"));
        }
    }
}

/// Checks a default or an example against the type and constraints of its member.
fn scalar(member: &Member, value: &Scalar, path: &str, what: &str, sink: &mut Sink<'_>) {
    if let Some(problem) = value_problem(member, value) {
        sink.report(path, format!("{what} `{value}` {problem}"));
    }
}

/// Why a scalar value does not fit the type and constraints of `member`, if it does not.
pub(crate) fn value_problem(member: &Member, value: &Scalar) -> Option<String> {
    let c = &member.constraints;
    match (member.ty, value) {
        (TypeName::String, _) => string_problem(c, &value.to_string()),
        (TypeName::Integer, _) => match integer(value) {
            None => Some("is not an integer".to_owned()),
            Some(n) => {
                let out_of_set = !c.allowed.is_empty()
                    && !c
                        .allowed
                        .iter()
                        .any(|a| (a.bounds().0..=a.bounds().1).contains(&n));
                let out_of_bounds = c.minimum.is_some_and(|m| (n as f64) < m)
                    || c.maximum.is_some_and(|m| (n as f64) > m);
                let out_of_width =
                    member.format != Some(Format::Int64) && i32::try_from(n).is_err();
                (out_of_set || out_of_bounds || out_of_width)
                    .then(|| "is outside the valid values".to_owned())
            }
        },
        (TypeName::Number, _) => number_problem(member.format, value),
        (TypeName::Boolean, Scalar::Bool(_)) => None,
        (TypeName::Boolean, Scalar::Str(s)) if s == "true" || s == "false" => None,
        (TypeName::Boolean, _) => Some(format!("is not a {}", member.ty)),
        // Examples of structured values are prose; nothing to check.
        _ => None,
    }
}

/// Why a number is no finite value of its width (Rust has no literal for NaN or infinity).
fn number_problem(format: Option<Format>, value: &Scalar) -> Option<String> {
    let n = match value {
        Scalar::Int(i) => *i as f64,
        Scalar::Float(f) => *f,
        Scalar::Str(s) => match s.parse::<f64>() {
            Ok(n) => n,
            Err(_) => return Some("is not a number".to_owned()),
        },
        Scalar::Bool(_) => return Some("is not a number".to_owned()),
    };
    if !n.is_finite() {
        Some("is not a finite number".to_owned())
    } else if format == Some(Format::Float) && n.abs() > f64::from(f32::MAX) {
        Some("does not fit a 32-bit float".to_owned())
    } else {
        None
    }
}

/// Why a string breaks the constraints, if it does.
pub(crate) fn string_problem(c: &Constraints, text: &str) -> Option<String> {
    if !c.enumeration.is_empty() && !c.enumeration.iter().any(|e| e.value == text) {
        let values: Vec<&str> = c.enumeration.iter().map(|e| e.value.as_str()).collect();
        return Some(format!(
            "is not one of the enum values {}",
            values.join(", ")
        ));
    }
    let len = text.chars().count() as u64;
    if c.min_length.is_some_and(|m| len < m) || c.max_length.is_some_and(|m| len > m) {
        return Some(format!("has {len} characters, outside the length limits"));
    }
    if c.ascii_only && !text.is_ascii() {
        return Some("is not ASCII".to_owned());
    }
    if let Some(pattern) = &c.pattern {
        if regex_lite::Regex::new(pattern).is_ok_and(|re| !re.is_match(text)) {
            return Some(format!("does not match the pattern {pattern}"));
        }
    }
    None
}

/// The integer a scalar holds (integers and decimal strings).
pub(crate) fn integer(value: &Scalar) -> Option<i64> {
    match value {
        Scalar::Int(n) => Some(*n),
        Scalar::Str(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn is_wire_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

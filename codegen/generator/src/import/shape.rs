//! Value shapes: a metadata schema becomes a spec member (type, format, constraints, enum
//! values, default and example), recursively through list items and object fields.

use serde_json::Value;

use super::context::{Cx, MAX_DEPTH, MAX_SIZE, text};
use super::metadata::Schema;
use super::report::Kind;
use crate::spec::model::{Allowed, Constraints, EnumValue, Format, Member, Scalar, TypeName};

/// A value shape; `name` is `None` for list items. `None` when the type is not representable.
/// A value nested deeper than [`MAX_DEPTH`] is imported as `any`, and reported.
pub(super) fn member(
    schema: &Schema,
    name: Option<&str>,
    request: bool,
    path: &str,
    cx: &mut Cx<'_>,
) -> Option<Member> {
    if cx.depth >= MAX_DEPTH {
        let detail = format!(
            "nested deeper than {MAX_DEPTH} levels (`$ref` hops included): imported as `any`"
        );
        cx.add(Kind::Unrepresented, path, detail);
        return Some(any(name));
    }
    cx.depth += 1;
    let out = match &schema.reference {
        Some(reference) => shared(schema, reference, name, request, path, cx),
        None => shape(schema, name, request, path, cx),
    };
    cx.depth -= 1;
    if let Some(member) = &out {
        cx.size += size(member);
    }
    out
}

/// The bytes a member takes in YAML at least, its nested members not counted.
fn size(member: &Member) -> usize {
    const KEYS: usize = 16;
    KEYS + member.name.as_ref().map_or(0, String::len)
        + member.description.as_ref().map_or(0, String::len)
}

/// An `any` value named `name`.
fn any(name: Option<&str>) -> Member {
    let mut any = bare(TypeName::Any);
    any.name = name.map(str::to_owned);
    any
}

/// A value shape written out in place (no `$ref`).
fn shape(
    schema: &Schema,
    name: Option<&str>,
    request: bool,
    path: &str,
    cx: &mut Cx<'_>,
) -> Option<Member> {
    cx.others(&schema.other, &[], path);
    let ty = match schema.ty.as_deref() {
        Some("string") => TypeName::String,
        Some("integer") => TypeName::Integer,
        Some("number") => TypeName::Number,
        Some("boolean") => TypeName::Boolean,
        Some("array") => TypeName::Array,
        Some("any") => TypeName::Any,
        Some("object") if schema.properties.as_ref().is_some_and(|p| !p.0.is_empty()) => {
            TypeName::Object
        }
        Some("object") if schema.additional_properties.is_some() => TypeName::Map,
        Some("object") => {
            cx.add(Kind::FreeFormObject, path, "");
            TypeName::Any
        }
        other => {
            cx.add(
                Kind::Unrepresented,
                path,
                format!("type {other:?}: left out"),
            );
            return None;
        }
    };
    let mut out = bare(ty);
    out.name = name.map(str::to_owned);
    out.description = schema
        .description()
        .map(|d| text(d, path, cx))
        .filter(|d| !d.trim().is_empty());
    if let Some(odd) = schema.odd_description() {
        let detail = format!("a description that is not text: {odd}");
        cx.add(Kind::Unrepresented, path, detail);
    }
    if let Some(title) = schema
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if out.description.is_none() && Some(title) != name {
            out.description = Some(title.to_owned());
            cx.add(Kind::TitleAsDescription, path, "");
        } else {
            cx.report.ignore("title");
        }
    }
    out.format = match (ty, schema.format.as_deref()) {
        (_, None) => None,
        (TypeName::Integer, Some("int32")) => Some(Format::Int32),
        (TypeName::Integer, Some("int64")) => Some(Format::Int64),
        (TypeName::Number, Some("float")) => Some(Format::Float),
        (TypeName::Number, Some("double")) => Some(Format::Double),
        (TypeName::String, Some(format)) => {
            let words = if format == "iso8601" {
                "ISO 8601 date and time"
            } else {
                format
            };
            let before = out
                .description
                .take()
                .map(|d| format!("{}\n\n", d.trim_end()))
                .unwrap_or_default();
            out.description = Some(format!("{before}Format: {words}."));
            cx.add(Kind::StringFormat, path, format);
            None
        }
        (_, Some(format)) => {
            cx.add(
                Kind::Unrepresented,
                path,
                format!("format `{format}` of a {ty}: left out"),
            );
            None
        }
    };
    out.required = schema.required.unwrap_or(false);
    if let Some(doc) = schema.doc_required.filter(|d| *d != out.required) {
        cx.add(
            Kind::DocRequiredDiffers,
            path,
            format!("docRequired {doc}, required {}", out.required),
        );
    }
    if schema.item_node == Some(true) {
        cx.add(Kind::WrappedList, path, "");
    }
    out.deprecated = schema.deprecated.unwrap_or(false);
    if ty == TypeName::Array {
        let items = match &schema.items {
            Some(items) => member(items, None, request, &format!("{path}.N"), cx),
            None => None,
        };
        out.items = Some(Box::new(items.unwrap_or_else(|| {
            cx.add(
                Kind::Unrepresented,
                path,
                "list without an item shape: items imported as `any`",
            );
            bare(TypeName::Any)
        })));
    } else if schema.items.is_some() {
        cx.add(
            Kind::Unrepresented,
            path,
            format!("`items` on a {ty}: left out"),
        );
    }
    if let (TypeName::Map, Some(values)) = (ty, &schema.additional_properties) {
        let values = member(values, None, request, &format!("{path}.<key>"), cx);
        out.values = Some(Box::new(values.unwrap_or_else(|| bare(TypeName::Any))));
    }
    if ty == TypeName::Object {
        for (field, shape) in schema.properties.iter().flat_map(|p| &p.0) {
            if let Some(m) = member(shape, Some(field), request, &format!("{path}.{field}"), cx) {
                out.properties.push(m);
            }
        }
        if out.properties.is_empty() {
            cx.add(Kind::FreeFormObject, path, "every field left out");
            out.ty = TypeName::Any;
        }
    }
    constraints(schema, &mut out, request, path, cx);
    out.default = schema
        .default
        .as_ref()
        .and_then(|v| scalar(v, ty, &format!("{path}.default"), cx));
    out.example = schema
        .example
        .as_ref()
        .and_then(|v| scalar(v, ty, &format!("{path}.example"), cx));
    Some(out)
}

/// The shape a `$ref` points at (`#/components/schemas/<Name>`), with the referring shape's
/// own description when it has one. A reference to a shape being expanded becomes `any`, and
/// so does every reference once the operation's values take [`MAX_SIZE`] bytes, and one to a
/// shape the file does not define.
fn shared(
    schema: &Schema,
    reference: &str,
    name: Option<&str>,
    request: bool,
    path: &str,
    cx: &mut Cx<'_>,
) -> Option<Member> {
    let key = reference
        .strip_prefix("#/components/schemas/")
        .unwrap_or(reference);
    let schemas = cx.schemas;
    let mut out = match schemas.get(key) {
        None => {
            cx.add(Kind::DanglingReference, path, reference);
            any(name)
        }
        Some(_) if cx.expanding.iter().any(|k| k == key) => {
            let detail = format!("`$ref` to `{key}` inside itself: imported as `any`");
            cx.add(Kind::Unrepresented, path, detail);
            any(name)
        }
        Some(_) if cx.size >= MAX_SIZE => {
            let detail = format!(
                "`$ref` to `{key}` after the operation's values reached {MAX_SIZE} bytes, \
                 the most a spec file holds: imported as `any`"
            );
            cx.add(Kind::Unrepresented, path, detail);
            any(name)
        }
        Some(target) => {
            cx.expanding.push(key.to_owned());
            let expanded = member(target, name, request, path, cx);
            cx.expanding.pop();
            cx.add(Kind::SharedSchema, path, key);
            expanded?
        }
    };
    if let Some(description) = schema.description().filter(|d| !d.trim().is_empty()) {
        out.description = Some(text(description, path, cx));
    }
    Some(out)
}

/// A member of type `ty` with nothing else set.
pub(super) fn bare(ty: TypeName) -> Member {
    Member {
        name: None,
        rust_name: None,
        location: None,
        style: None,
        ty,
        format: None,
        required: false,
        default: None,
        example: None,
        description: None,
        deprecated: false,
        idempotency_token: false,
        constraints: Constraints::default(),
        items: None,
        properties: Vec::new(),
        values: None,
    }
}

fn constraints(schema: &Schema, member: &mut Member, request: bool, path: &str, cx: &mut Cx<'_>) {
    let ty = member.ty;
    enumeration(schema, member, request, path, cx);
    let numeric = matches!(ty, TypeName::Integer | TypeName::Number);
    for (key, value) in [("minimum", &schema.minimum), ("maximum", &schema.maximum)] {
        let Some(value) = value else { continue };
        if !numeric {
            cx.add(
                Kind::Unrepresented,
                path,
                format!("{key} {value} on a {ty}"),
            );
            continue;
        }
        let exclusive = if key == "minimum" {
            &schema.exclusive_minimum
        } else {
            &schema.exclusive_maximum
        };
        let mut n = number(value, &format!("{path}.{key}"), cx);
        if exclusive.as_ref().and_then(Value::as_bool) == Some(true) {
            n = n.map(|n| exclude(n, key == "minimum", member, path, cx));
        }
        if key == "minimum" {
            member.constraints.minimum = n;
        } else {
            member.constraints.maximum = n;
        }
    }
    for (key, value) in [
        ("minLength", &schema.min_length),
        ("maxLength", &schema.max_length),
    ] {
        let Some(value) = value else { continue };
        let Some(n) = count(value, &format!("{path}.{key}"), cx) else {
            continue;
        };
        let target = match (ty, member.items.as_deref_mut()) {
            (TypeName::String, _) => &mut member.constraints,
            (TypeName::Array, Some(items)) if items.ty == TypeName::String => {
                cx.add(Kind::ListLengthLimits, path, format!("{key} {n}"));
                &mut items.constraints
            }
            _ => {
                cx.add(Kind::Unrepresented, path, format!("{key} {n} on a {ty}"));
                continue;
            }
        };
        if key == "minLength" {
            target.min_length = Some(n);
        } else {
            target.max_length = Some(n);
        }
    }
    if let Some(pattern) = &schema.pattern {
        if ty == TypeName::String {
            member.constraints.pattern = Some(pattern.clone());
        } else {
            cx.add(Kind::Unrepresented, path, format!("pattern on a {ty}"));
        }
    }
    for (key, value) in [
        ("minItems", &schema.min_items),
        ("maxItems", &schema.max_items),
    ] {
        let Some(value) = value else { continue };
        let Some(n) = count(value, &format!("{path}.{key}"), cx) else {
            continue;
        };
        match (ty, key) {
            (TypeName::Array, "minItems") => member.constraints.min_items = Some(n),
            (TypeName::Array, _) => member.constraints.max_items = Some(n),
            _ => cx.add(Kind::Unrepresented, path, format!("{key} {n} on a {ty}")),
        }
    }
}

/// An exclusive bound: the next whole number for integers; for other numbers the bound is
/// kept and marked exclusive (`exclusive_minimum` / `exclusive_maximum`).
fn exclude(bound: f64, lower: bool, member: &mut Member, path: &str, cx: &mut Cx<'_>) -> f64 {
    let which = if lower { "minimum" } else { "maximum" };
    if member.ty == TypeName::Integer && bound.fract() == 0.0 {
        let inclusive = if lower { bound + 1.0 } else { bound - 1.0 };
        cx.add(
            Kind::ExclusiveBound,
            path,
            format!("exclusive {which} {bound}: {inclusive}"),
        );
        return inclusive;
    }
    if lower {
        member.constraints.exclusive_minimum = true;
    } else {
        member.constraints.exclusive_maximum = true;
    }
    cx.add(
        Kind::ExclusiveBound,
        path,
        format!("exclusive {which} {bound}: kept exclusive"),
    );
    bound
}

/// `enum` and `enumValueTitles`: the valid values and their meanings.
fn enumeration(schema: &Schema, member: &mut Member, request: bool, path: &str, cx: &mut Cx<'_>) {
    let ty = member.ty;
    let c = &mut member.constraints;
    let titles: Vec<(String, String)> = schema
        .enum_value_titles
        .iter()
        .flat_map(|t| &t.0)
        .map(|(value, title)| {
            (
                value.clone(),
                title
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| title.to_string()),
            )
        })
        .collect();
    let meaning = |value: &str| {
        titles
            .iter()
            .find(|(v, t)| v == value && t.trim() != value && !t.trim().is_empty())
            .map(|(_, t)| t.trim().to_owned())
    };
    match (&schema.enumeration, ty) {
        (Some(values), _) if values.is_empty() => cx.add(Kind::EmptyEnum, path, ""),
        (Some(values), TypeName::String) => {
            for value in values {
                let value = value
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| value.to_string());
                if c.enumeration.iter().any(|e| e.value == value) {
                    cx.add(
                        Kind::InvalidConstraint,
                        path,
                        format!("enum value `{value}` listed twice"),
                    );
                    continue;
                }
                let description = meaning(&value);
                c.enumeration.push(EnumValue { value, description });
            }
        }
        (Some(values), TypeName::Integer) => {
            for value in values {
                match integer(value) {
                    Some(n) => c.allowed.push(Allowed::Value(n)),
                    None => cx.add(
                        Kind::Unrepresented,
                        path,
                        format!("enum value `{value}` of an integer"),
                    ),
                }
            }
        }
        (Some(values), _) => cx.add(
            Kind::Unrepresented,
            path,
            format!("enum {values:?} on a {ty}"),
        ),
        (None, TypeName::String) if !titles.is_empty() && !request => {
            for (value, _) in &titles {
                c.enumeration.push(EnumValue {
                    value: value.clone(),
                    description: meaning(value),
                });
            }
            cx.add(Kind::ResponseEnumFromTitles, path, "");
        }
        (None, _) if schema.enum_value_titles.is_some() => {
            if request {
                let values: Vec<&str> = titles.iter().map(|(v, _)| v.as_str()).collect();
                cx.add(Kind::EnumTitlesWithoutEnum, path, values.join(", "));
            } else {
                cx.report.ignore("enumValueTitles");
            }
        }
        (None, _) => {}
    }
}

fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn number(value: &Value, path: &str, cx: &mut Cx<'_>) -> Option<f64> {
    let parsed = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let n = s.trim().parse::<f64>().ok().filter(|n| n.is_finite());
            if n.is_some() {
                cx.add(Kind::NumberAsString, path, format!("{s:?}"));
            }
            n
        }
        _ => None,
    };
    if parsed.is_none() {
        cx.add(
            Kind::Unrepresented,
            path,
            format!("`{value}` is not a number"),
        );
    }
    parsed
}

fn count(value: &Value, path: &str, cx: &mut Cx<'_>) -> Option<u64> {
    let parsed = match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => {
            let n = s.trim().parse().ok();
            if n.is_some() {
                cx.add(Kind::NumberAsString, path, format!("{s:?}"));
            }
            n
        }
        _ => None,
    };
    if parsed.is_none() {
        cx.add(
            Kind::Unrepresented,
            path,
            format!("`{value}` is not a count"),
        );
    }
    parsed
}

/// A default or example in the value's own type; strings holding numbers or booleans are
/// converted. A value that does not convert stays a string for the checks to judge.
fn scalar(value: &Value, ty: TypeName, path: &str, cx: &mut Cx<'_>) -> Option<Scalar> {
    let text = || {
        value
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| value.to_string())
    };
    let converted = match (ty, value) {
        (_, Value::Null) => return None,
        (TypeName::Integer, Value::Number(n)) => n.as_i64().map(Scalar::Int),
        (TypeName::Integer, Value::String(s)) => {
            s.trim().parse().ok().map(Scalar::Int).inspect(|_| {
                cx.add(Kind::NumberAsString, path, format!("{s:?}"));
            })
        }
        (TypeName::Number, Value::Number(n)) => n.as_f64().map(Scalar::Float),
        (TypeName::Number, Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(Scalar::Float)
            .inspect(|_| {
                cx.add(Kind::NumberAsString, path, format!("{s:?}"));
            }),
        (TypeName::Boolean, Value::Bool(b)) => Some(Scalar::Bool(*b)),
        (TypeName::Boolean, Value::String(s)) => match s.trim() {
            "true" => Some(Scalar::Bool(true)),
            "false" => Some(Scalar::Bool(false)),
            _ => None,
        }
        .inspect(|_| cx.add(Kind::NumberAsString, path, format!("{s:?}"))),
        _ => None,
    };
    if converted.is_some() {
        return converted;
    }
    let text = text();
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        cx.add(Kind::PaddedValue, path, format!("{text:?}"));
        if trimmed.is_empty() {
            return None;
        }
    }
    Some(Scalar::Str(trimmed.to_owned()))
}

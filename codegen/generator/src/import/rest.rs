//! REST operations (`protocol: roa`): the method, the path template, where each parameter goes, the body and the answer.

use serde_json::Value;

use super::context::{Cx, text};
use super::metadata::{ApiDocs, Ordered, Parameter, ResponseEntry, Schema};
use super::report::Kind;
use super::shape::{bare, member};
use crate::spec::binding;
use crate::spec::model::{
    AnswerKind, BodyKind, Format, Location, Member, Method, Operation, Protocol, Response, TypeName,
};

/// How the file's operations are sent: REST for the `ROA` and `FC` styles and for `V3` files
/// whose operations have paths; RPC otherwise (`V3` files without paths are RPC on the wire).
pub(super) fn protocol(docs: &ApiDocs) -> Protocol {
    let style = docs.info.style.as_deref().unwrap_or_default();
    let rest = if style.eq_ignore_ascii_case("roa") || style.eq_ignore_ascii_case("fc") {
        true
    } else if style.eq_ignore_ascii_case("v3") {
        docs.apis.0.iter().any(|(_, api)| api.path.is_some())
    } else {
        false
    };
    if rest { Protocol::Roa } else { Protocol::Rpc }
}

/// Products whose official SDKs send every request through a gateway of their own, signed
/// neither with ACS3 nor with the ROA signature: imported, their crates would compile and
/// every call would be refused. By product code (any case), with what the gateway does.
const OWN_GATEWAY: [(&str, &str); 2] = [
    (
        "sls",
        "`LOG` or `SLS4-HMAC-SHA256` signature, protobuf bodies",
    ),
    ("hcs-mgw", "XML bodies, a `userid` host"),
];

/// What the gateway of product `code` does, when the product signs through its own gateway.
pub(super) fn own_gateway(code: &str) -> Option<&'static str> {
    OWN_GATEWAY
        .iter()
        .find(|(product, _)| product.eq_ignore_ascii_case(code))
        .map(|(_, gateway)| *gateway)
}

/// Whether the file's style is one the importer knows (RPC, or one of the REST styles).
pub(super) fn known_style(style: Option<&str>) -> bool {
    ["rpc", "roa", "fc", "v3"]
        .iter()
        .any(|known| style.is_some_and(|s| s.eq_ignore_ascii_case(known)))
}

/// The method the official SDKs send: `POST` when it is listed, else the first listed.
/// `None` (reported) when none is a method the spec knows.
pub(super) fn method(listed: &[String], cx: &mut Cx<'_>) -> Option<Method> {
    let known: Vec<Method> = listed
        .iter()
        .filter_map(|m| Method::from_name(&m.trim().to_ascii_uppercase()))
        .collect();
    let chosen = if known.contains(&Method::Post) {
        Method::Post
    } else {
        *known.first()?
    };
    if known.len() < listed.len() {
        let detail = format!("methods {listed:?}: {chosen} taken, the others not known");
        cx.add(Kind::Unrepresented, "methods", detail);
    } else if listed.len() > 1 {
        cx.add(
            Kind::SeveralMethods,
            "methods",
            format!("{}: {chosen}", listed.join(", ")),
        );
    }
    Some(chosen)
}

/// The path template of an operation, `[name]` variables read as `{name}`. `None` (reported)
/// when the path holds a literal query, is not a template, or its variables are not exactly
/// the `in: path` parameters.
pub(super) fn path(raw: &str, parameters: &[Parameter], cx: &mut Cx<'_>) -> Option<String> {
    let mut path = raw.trim().to_owned();
    if path.len() != raw.len() {
        cx.add(Kind::PaddedValue, "path", format!("{raw:?}"));
    }
    if let Some(at) = path.find('?') {
        let detail = format!(
            "`{path}`: the query `{}` is fixed and the spec has no key for it",
            &path[at..]
        );
        cx.add(Kind::QueryInPath, "path", detail);
        return None;
    }
    let brackets = regex::Regex::new(r"\[([A-Za-z0-9_.-]+)\]").expect("a valid pattern");
    if brackets.is_match(&path) {
        let braced = brackets.replace_all(&path, "{$1}").into_owned();
        cx.add(
            Kind::BracketPathVariable,
            "path",
            format!("`{path}` read as `{braced}`"),
        );
        path = braced;
    }
    let template = acs_wire::PathTemplate(&path);
    if let Err(error) = template.parts() {
        let detail = format!("`{path}` is not a path template: {error}");
        cx.add(Kind::PathMismatch, "path", detail);
        return None;
    }
    let variables = template.variables();
    let params: Vec<&str> = parameters
        .iter()
        .filter(|p| p.location.as_deref() == Some("path"))
        .map(|p| p.name.as_str())
        .collect();
    let mut problems = Vec::new();
    for variable in &variables {
        if !params.contains(variable) {
            problems.push(format!(
                "variable `{{{variable}}}` is no `in: path` parameter"
            ));
        }
    }
    for param in &params {
        if !variables.contains(param) {
            problems.push(format!("`in: path` parameter `{param}` is no variable"));
        }
    }
    if !problems.is_empty() {
        let detail = format!("`{path}`: {}", problems.join("; "));
        cx.add(Kind::PathMismatch, "path", detail);
        return None;
    }
    Some(path)
}

/// Whether the client sets the header `name` itself, so that a parameter cannot: asked of the
/// binding checks, which decide it.
pub(super) fn reserved_header(name: &str) -> bool {
    let mut header = bare(TypeName::String);
    header.name = Some(name.to_owned());
    header.location = Some(Location::Header);
    let probe = Operation {
        name: String::new(),
        summary: String::new(),
        description: None,
        method: Method::Get,
        path: Some("/".to_owned()),
        body: None,
        deprecated: false,
        family: None,
        idempotent: false,
        asynchronous: None,
        parameters: vec![header],
        response: Response::default(),
        errors: Vec::new(),
        pagination: None,
        waiters: Vec::new(),
    };
    binding::problems(Protocol::Roa, &probe)
        .iter()
        .any(|(at, _)| at == "parameters[0].name")
}

/// The request body as spec parameters.
pub(super) struct Body {
    /// The `in: body` parameters.
    pub members: Vec<Member>,
    /// What the body is when one parameter is the whole of it.
    pub kind: Option<BodyKind>,
}

/// The one body parameter of an operation: the fields of an object named `body` become the
/// body's members (as the official SDKs make them fields of the request), unless one of them
/// is named like another parameter (`taken`); any other value is one parameter, the whole body
/// unless it is an object. `None` (reported) when no body of the spec can carry it.
pub(super) fn body(p: &Parameter, taken: &[&str], cx: &mut Cx<'_>) -> Option<Body> {
    let path = format!("parameters.{}", p.name);
    cx.others(&p.other, &[], &path);
    if p.allow_empty_value.is_some() {
        cx.report.ignore("allowEmptyValue");
    }
    match p.style.as_deref() {
        None | Some("json") => {}
        Some("xml") => {
            cx.add(Kind::UnsendableBody, &path, "an XML body");
            return None;
        }
        Some(other) => cx.add(
            Kind::Unrepresented,
            &path,
            format!("body style `{other}`: sent as JSON"),
        ),
    }
    let (schema, shared) = resolve(&p.schema, cx);
    let properties = schema
        .properties
        .as_ref()
        .filter(|props| schema.ty.as_deref() == Some("object") && !props.0.is_empty());
    match (properties, p.name.eq_ignore_ascii_case("body")) {
        (Some(properties), true) => {
            let clash: Vec<&str> = properties
                .0
                .iter()
                .map(|(name, _)| name.as_str())
                .filter(|name| taken.contains(name))
                .collect();
            if clash.is_empty() {
                return Some(fields(p, schema, shared, &path, cx));
            }
            let detail = format!("`{}` also a parameter", clash.join("`, `"));
            cx.add(Kind::BodyFieldClash, &path, detail);
            whole(p, BodyKind::Json, &path, cx)
        }
        (Some(_), false) => {
            let mut one = member(&p.schema, Some(&p.name), true, &path, cx)?;
            one.location = Some(Location::Body);
            Some(Body {
                members: vec![one],
                kind: None,
            })
        }
        (None, _) => {
            let kind = match (schema.ty.as_deref(), schema.format.as_deref()) {
                (Some("string"), Some("binary" | "byte")) => BodyKind::Binary,
                (Some("string"), _) => BodyKind::Text,
                (Some("array" | "object" | "any") | None, _) => BodyKind::Json,
                (Some(other), _) => {
                    let detail = format!("a `{other}` body");
                    cx.add(Kind::UnsendableBody, &path, detail);
                    return None;
                }
            };
            whole(p, kind, &path, cx)
        }
    }
}

/// The schema a `$ref` points at, with its name, or the schema itself (a dangling reference
/// too: converted, it is `any`).
fn resolve<'s>(schema: &'s Schema, cx: &Cx<'s>) -> (&'s Schema, Option<&'s str>) {
    let Some(reference) = &schema.reference else {
        return (schema, None);
    };
    let key = reference
        .strip_prefix("#/components/schemas/")
        .unwrap_or(reference);
    match cx.schemas.get_key_value(key) {
        Some((key, target)) => (target, Some(key.as_str())),
        None => (schema, None),
    }
}

/// The fields of an object body, each an `in: body` parameter.
fn fields(
    p: &Parameter,
    schema: &Schema,
    shared: Option<&str>,
    path: &str,
    cx: &mut Cx<'_>,
) -> Body {
    cx.others(&schema.other, &[], path);
    if let Some(key) = shared {
        cx.add(Kind::SharedSchema, path, key);
        cx.expanding.push(key.to_owned());
    }
    let mut members = Vec::new();
    for (name, field) in schema.properties.iter().flat_map(|props| &props.0) {
        let at = format!("{path}.{name}");
        if let Some(mut m) = member(field, Some(name), true, &at, cx) {
            m.location = Some(Location::Body);
            members.push(m);
        }
    }
    if shared.is_some() {
        cx.expanding.pop();
    }
    if p.schema.required == Some(true) && !members.iter().any(|m| m.required) {
        let detail = "a required body whose fields are all optional: sent empty when none is set";
        cx.add(Kind::Unrepresented, path, detail);
    }
    Body {
        members,
        kind: None,
    }
}

/// The parameter as the whole body of `kind`.
fn whole(p: &Parameter, kind: BodyKind, path: &str, cx: &mut Cx<'_>) -> Option<Body> {
    let mut one = if kind == BodyKind::Binary {
        let mut bytes = p.schema.clone();
        bytes.format = None;
        let mut one = member(&bytes, Some(&p.name), true, path, cx)?;
        one.format = Some(Format::Binary);
        one
    } else if p.schema.ty.is_none() && p.schema.reference.is_none() {
        let mut any = bare(TypeName::Any);
        any.name = Some(p.name.clone());
        any.required = p.schema.required.unwrap_or(false);
        any.description = p
            .schema
            .description()
            .filter(|d| !d.trim().is_empty())
            .map(str::to_owned);
        cx.add(
            Kind::FreeFormParameter,
            path,
            "an untyped body: sent as JSON",
        );
        any
    } else {
        member(&p.schema, Some(&p.name), true, path, cx)?
    };
    one.location = Some(Location::Body);
    one.style = None;
    let kind = match (kind, one.ty) {
        (BodyKind::Text | BodyKind::Binary, TypeName::String) => kind,
        (_, TypeName::Array | TypeName::Object | TypeName::Map | TypeName::Any) => BodyKind::Json,
        (_, ty) => {
            cx.add(Kind::UnsendableBody, path, format!("a `{ty}` body"));
            return None;
        }
    };
    Some(Body {
        members: vec![one],
        kind: Some(kind),
    })
}

/// The success answer: the `200` response, else the first `2xx`; what its schema says the
/// body is (a JSON object's fields, a JSON array's items, text, bytes, or nothing).
pub(super) fn answer(
    responses: &Ordered<ResponseEntry>,
    produces: Option<&Value>,
    cx: &mut Cx<'_>,
) -> Response {
    let chosen = responses
        .0
        .iter()
        .position(|(status, _)| status == "200")
        .or_else(|| {
            responses
                .0
                .iter()
                .position(|(status, _)| status.len() == 3 && status.starts_with('2'))
        });
    let mut out = Response {
        kind: AnswerKind::None,
        ..Response::default()
    };
    for (i, (status, entry)) in responses.0.iter().enumerate() {
        let path = format!("responses.{status}");
        if Some(i) != chosen {
            if entry.schema.is_some() {
                cx.add(
                    Kind::Unrepresented,
                    &path,
                    "only the success response is imported",
                );
            } else {
                cx.report.ignore("responses (errors)");
            }
            continue;
        }
        cx.others(&entry.other, &["description", "examples"], &path);
        match &entry.schema {
            Some(schema) => out = body_answer(schema, cx),
            None if media(produces, "application/octet-stream") => out.kind = AnswerKind::Binary,
            None => {}
        }
        headers(entry.headers.as_ref(), &path, &mut out, cx);
    }
    out
}

/// Headers every HTTP answer may carry, which say nothing about the operation.
const TRANSPORT_HEADERS: &[&str] = &[
    "connection",
    "content-length",
    "content-type",
    "date",
    "keep-alive",
    "server",
    "transfer-encoding",
];

/// The documented headers of the success answer, as string fields `in: header` of an object
/// answer. Transport headers are left out; headers of another kind of answer, names that are
/// not wire names and names a body field has are reported.
fn headers(headers: Option<&Value>, path: &str, out: &mut Response, cx: &mut Cx<'_>) {
    let Some(headers) = headers else { return };
    let Value::Object(headers) = headers else {
        cx.add(
            Kind::Unrepresented,
            path,
            format!("response headers {headers}"),
        );
        return;
    };
    for (name, entry) in headers {
        let at = format!("{path}.headers.{name}");
        if TRANSPORT_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            cx.report.ignore("headers");
        } else if out.kind != AnswerKind::Object {
            cx.add(
                Kind::Unrepresented,
                &at,
                format!(
                    "a header of a `{}` answer, which has no fields",
                    out.kind.name()
                ),
            );
        } else if !crate::naming::is_wire_name(name)
            || out
                .fields
                .iter()
                .any(|f| f.name.as_deref() == Some(name.as_str()))
        {
            cx.add(
                Kind::Unrepresented,
                &at,
                "a header named like a body field, or not a wire name",
            );
        } else {
            let mut field = bare(TypeName::String);
            field.name = Some(name.clone());
            field.location = Some(Location::Header);
            field.description = entry
                .get("description")
                .and_then(Value::as_str)
                .map(|d| text(d, &at, cx))
                .filter(|d| !d.trim().is_empty());
            out.fields.push(field);
        }
    }
}

/// The answer of a success response with a schema.
fn body_answer(schema: &Schema, cx: &mut Cx<'_>) -> Response {
    let description = schema
        .description()
        .map(|d| text(d, "response", cx))
        .filter(|d| !d.trim().is_empty());
    let (target, shared) = resolve(schema, cx);
    if let Some(key) = shared {
        cx.add(Kind::SharedSchema, "response", key);
    } else if let Some(reference) = &schema.reference {
        cx.add(Kind::DanglingReference, "response", reference);
    }
    cx.others(&target.other, &[], "response");
    let mut out = Response {
        description,
        ..Response::default()
    };
    match (target.ty.as_deref(), target.format.as_deref()) {
        (Some("array"), _) => {
            out.kind = AnswerKind::Array;
            let items = target
                .items
                .as_deref()
                .and_then(|items| member(items, None, false, "response.N", cx));
            out.items = Some(Box::new(items.unwrap_or_else(|| {
                cx.add(Kind::FreeFormObject, "response.N", "items of unknown shape");
                bare(TypeName::Any)
            })));
        }
        (Some("string"), Some("binary" | "byte")) => out.kind = AnswerKind::Binary,
        (Some("string"), _) => out.kind = AnswerKind::Text,
        (Some("object") | None, _) if target.properties.is_some() => {
            if let Some(key) = shared {
                cx.expanding.push(key.to_owned());
            }
            for (name, field) in target.properties.iter().flat_map(|p| &p.0) {
                let at = format!("response.{name}");
                if let Some(member) = member(field, Some(name), false, &at, cx) {
                    out.fields.push(member);
                }
            }
            if shared.is_some() {
                cx.expanding.pop();
            }
        }
        (ty, _) => {
            let detail = format!("an answer of type {ty:?}: read as an object without fields");
            cx.add(Kind::FreeFormObject, "response", detail);
        }
    }
    out
}

/// Whether the `produces` list names `media`.
fn media(produces: Option<&Value>, media: &str) -> bool {
    produces
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|m| m.as_str() == Some(media)))
}

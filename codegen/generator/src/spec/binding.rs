//! What a product's protocol means for how its operations are sent: each operation's HTTP
//! binding, resolved once, and what the protocol cannot send. The one place in the generator
//! that tells the protocols apart.

use std::collections::BTreeMap;

use acs_wire::{AnswerKind, Binding, BodyKind, Location, Method, PathTemplate, Protocol};

use super::model::{Format, Member, Operation, TypeName};

/// How `op` of a product speaking `protocol` is sent.
pub fn resolve(protocol: Protocol, op: &Operation) -> Binding<String> {
    match protocol {
        // RPC: every operation at `/`, by the method its documentation gives.
        Protocol::Rpc => {
            let rpc = Binding::rpc(op.method);
            Binding {
                protocol,
                method: rpc.method,
                path: rpc.path.to_owned(),
                body: rpc.body,
                answer: rpc.answer,
            }
        }
        // REST: the spec says it all; a body parameter without a kind is a JSON member.
        Protocol::Roa => Binding {
            protocol,
            method: op.method,
            path: op.path.clone().unwrap_or_else(|| "/".to_owned()),
            body: op.body.unwrap_or(if has(op, Location::Body) {
                BodyKind::Fields
            } else {
                BodyKind::Form
            }),
            answer: op.response.kind,
        },
    }
}

/// Where the client puts the idempotency token `parameter` when it fills it: RPC services
/// read a parameter from the query or the form alike, and RPC clients have always filled it in
/// the query (so RPC requests stay as they were); a REST token where it travels.
pub fn token_location(protocol: Protocol, parameter: &Member) -> Location {
    match protocol {
        Protocol::Rpc => Location::Query,
        Protocol::Roa => parameter.location.unwrap_or_default(),
    }
}

/// What `op` asks of its binding that `protocol` cannot send: each with the YAML path of the
/// key at fault.
pub fn problems(protocol: Protocol, op: &Operation) -> Vec<(String, String)> {
    let mut problems = Problems::default();
    match protocol {
        Protocol::Rpc => rpc_problems(op, &mut problems),
        Protocol::Roa => rest_problems(op, &mut problems),
    }
    token_problems(op, &mut problems);
    if !op.method.has_body() {
        for (i, parameter) in parameters(op) {
            if matches!(parameter.location, Some(Location::Form | Location::Body)) {
                problems.add(
                    format!("parameters[{i}].in"),
                    format!(
                        "a `{}` request has no body: parameter `{}` cannot travel in the body; put it in the query or send the operation with another method",
                        op.method,
                        wire(parameter)
                    ),
                );
            }
        }
    }
    problems.0
}

#[derive(Default)]
struct Problems(Vec<(String, String)>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push((path.into(), message.into()));
    }
}

fn rpc_problems(op: &Operation, problems: &mut Problems) {
    if !matches!(op.method, Method::Post | Method::Get) {
        problems.add(
            "method",
            format!(
                "method `{}` is not one of this protocol's: POST, GET",
                op.method
            ),
        );
    }
    if op.path.is_some() {
        problems.add(
            "path",
            "an RPC operation is sent to `/`: `path` is for REST (`protocol: roa`) operations",
        );
    }
    if op.body.is_some() {
        problems.add(
            "body",
            "an RPC operation sends a form body: `body` is for REST (`protocol: roa`) operations",
        );
    }
    for (i, parameter) in parameters(op) {
        if let Some(location @ (Location::Path | Location::Header | Location::Body)) =
            parameter.location
        {
            problems.add(
                format!("parameters[{i}].in"),
                format!(
                    "an RPC parameter travels in the query or the form: `in: {}` is for REST (`protocol: roa`) operations",
                    location.name()
                ),
            );
        }
    }
    if op.response.kind != AnswerKind::Object {
        problems.add(
            "response.kind",
            "an RPC operation answers with a JSON object: other kinds are for REST (`protocol: roa`) operations",
        );
    }
    for (i, field) in op.response.fields.iter().enumerate() {
        if field.location == Some(Location::Header) {
            problems.add(
                format!("response.fields[{i}].in"),
                "an RPC answer is read from its JSON body: `in: header` is for REST (`protocol: roa`) operations",
            );
        }
    }
}

fn rest_problems(op: &Operation, problems: &mut Problems) {
    path_problems(op, problems);
    header_problems(op, problems);
    body_problems(op, problems);
    answer_problems(op, problems);
}

/// The idempotency token: one at most, where the client can fill it (the query, the form, a
/// header or a member of the JSON body).
fn token_problems(op: &Operation, problems: &mut Problems) {
    let tokens: Vec<_> = parameters(op)
        .filter(|(_, p)| p.idempotency_token)
        .collect();
    if let [(_, first), more @ ..] = tokens.as_slice() {
        for (i, parameter) in more {
            problems.add(
                format!("parameters[{i}].idempotency_token"),
                format!(
                    "`{}` is this operation's idempotency token already: `{}` cannot be another",
                    wire(first),
                    wire(parameter)
                ),
            );
        }
    }
    for (i, parameter) in tokens {
        // With more than one `in: body` parameter there is no whole body: the body checks
        // say so.
        let body_parameters = parameters(op)
            .filter(|(_, p)| p.location == Some(Location::Body))
            .count();
        let whole_body = parameter.location == Some(Location::Body)
            && op.body.is_some_and(BodyKind::is_whole)
            && body_parameters == 1;
        if parameter.location == Some(Location::Path) || whole_body {
            problems.add(
                format!("parameters[{i}].idempotency_token"),
                format!(
                    "`{}` is a path variable or the whole body, which the client cannot fill: an idempotency token travels in the query, the form, a header or the JSON object body",
                    wire(parameter)
                ),
            );
        }
    }
}

/// The path template against the `in: path` parameters: each variable is one required scalar
/// parameter, and each such parameter a variable.
fn path_problems(op: &Operation, problems: &mut Problems) {
    let Some(path) = &op.path else {
        problems.add(
            "path",
            "a REST operation needs its path template, e.g. `path: /clusters/{ClusterId}`",
        );
        return;
    };
    if let Err(error) = PathTemplate(path).parts() {
        problems.add("path", format!("`{path}` is not a path template: {error}"));
        return;
    }
    if path.contains(['?', '#']) || path.chars().any(char::is_control) || path.contains(' ') {
        problems.add(
            "path",
            format!("`{path}` holds a query, a fragment, a space or a control character: a path template is the path alone; query parameters are `in: query`"),
        );
    }
    if path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        problems.add(
            "path",
            format!(
                "`{path}` has a `.` or `..` segment, which a server would resolve to another path"
            ),
        );
    }
    let variables = PathTemplate(path).variables();
    let mut seen = BTreeMap::new();
    for name in &variables {
        if seen.insert(*name, ()).is_some() {
            problems.add(
                "path",
                format!("variable `{{{name}}}` appears twice in `{path}`: each path parameter fills one place"),
            );
        }
    }
    for name in &variables {
        let matching: Vec<_> = parameters(op)
            .filter(|(_, p)| p.location == Some(Location::Path) && wire(p) == *name)
            .collect();
        if matching.is_empty() {
            problems.add(
                "path",
                format!("variable `{{{name}}}` of `{path}` is no `in: path` parameter: add one named `{name}`"),
            );
        }
    }
    for (i, parameter) in parameters(op) {
        if parameter.location != Some(Location::Path) {
            continue;
        }
        let name = wire(parameter);
        if !variables.contains(&name) {
            problems.add(
                format!("parameters[{i}].name"),
                format!("path parameter `{name}` is no variable of `{path}`: add `{{{name}}}` to the path or move the parameter to the query"),
            );
        }
        if !parameter.required {
            problems.add(
                format!("parameters[{i}].required"),
                format!(
                    "path parameter `{name}` must be required: the path cannot be sent without it"
                ),
            );
        }
        if !is_scalar(parameter) {
            problems.add(
                format!("parameters[{i}].type"),
                format!(
                    "path parameter `{name}` is `{}`: a path variable is one string, number or boolean",
                    parameter.ty
                ),
            );
        }
    }
}

/// Header parameters: scalars, under names that neither the signature nor the transport own.
fn header_problems(op: &Operation, problems: &mut Problems) {
    for (i, parameter) in parameters(op) {
        if parameter.location != Some(Location::Header) {
            continue;
        }
        let name = wire(parameter);
        if acs_wire::is_reserved_header(name) {
            problems.add(
                format!("parameters[{i}].name"),
                format!("header `{name}` is set by the client (signature, transport or protocol): a parameter cannot set it"),
            );
        }
        if !acs_wire::is_header_token(name) {
            problems.add(
                format!("parameters[{i}].name"),
                format!("`{name}` is not an HTTP header name (letters, digits and `-`, no spaces)"),
            );
        }
        if !is_scalar(parameter) {
            problems.add(
                format!("parameters[{i}].type"),
                format!(
                    "header parameter `{name}` is `{}`: a header is one string, number or boolean",
                    parameter.ty
                ),
            );
        }
    }
}

/// The body: form or JSON members, never both; a whole body is one parameter of its kind.
fn body_problems(op: &Operation, problems: &mut Problems) {
    let body: Vec<_> = parameters(op)
        .filter(|(_, p)| p.location == Some(Location::Body))
        .collect();
    if has(op, Location::Form) && !body.is_empty() {
        problems.add(
            "parameters",
            "an operation sends a form body or a JSON body, not both: `in: form` and `in: body` parameters are mixed",
        );
    }
    let Some(kind) = op.body else {
        return;
    };
    if !kind.is_whole() {
        problems.add(
            "body",
            format!(
                "`body: {}` is implied; write `body:` only for a whole body: json, text or binary",
                kind.name()
            ),
        );
        return;
    }
    let [(i, parameter)] = body[..] else {
        problems.add(
            "body",
            format!(
                "`body: {}` makes one `in: body` parameter the whole body; this operation has {}",
                kind.name(),
                body.len()
            ),
        );
        return;
    };
    let fits = match kind {
        BodyKind::Json => matches!(
            parameter.ty,
            TypeName::Array | TypeName::Object | TypeName::Map | TypeName::Any
        ),
        BodyKind::Text => parameter.ty == TypeName::String && parameter.format.is_none(),
        BodyKind::Binary => {
            parameter.ty == TypeName::String && parameter.format == Some(Format::Binary)
        }
        BodyKind::Form | BodyKind::Fields => true,
    };
    if !fits {
        let wanted = match kind {
            BodyKind::Json => "an array, object, map or any",
            BodyKind::Text => "a string",
            _ => "a string with `format: binary`",
        };
        problems.add(
            format!("parameters[{i}].type"),
            format!(
                "the whole `{}` body `{}` must be {wanted}",
                kind.name(),
                wire(parameter)
            ),
        );
    }
}

/// The answer: fields only for an object, an item shape only (and always) for an array.
fn answer_problems(op: &Operation, problems: &mut Problems) {
    let response = &op.response;
    if response.kind != AnswerKind::Object && !response.fields.is_empty() {
        problems.add(
            "response.fields",
            format!(
                "a `{}` answer has no fields: `fields` is for `kind: object`",
                response.kind.name()
            ),
        );
    }
    match (response.kind, &response.items) {
        (AnswerKind::Array, None) => problems.add(
            "response.items",
            "a `kind: array` answer needs the shape of its elements in `items`",
        ),
        (kind, Some(_)) if kind != AnswerKind::Array => problems.add(
            "response.items",
            "`items` is the element shape of a `kind: array` answer",
        ),
        _ => {}
    }
}

fn parameters(op: &Operation) -> impl Iterator<Item = (usize, &Member)> {
    op.parameters.iter().enumerate()
}

fn has(op: &Operation, location: Location) -> bool {
    op.parameters.iter().any(|p| p.location == Some(location))
}

fn wire(parameter: &Member) -> &str {
    parameter.name.as_deref().unwrap_or_default()
}

fn is_scalar(parameter: &Member) -> bool {
    matches!(
        parameter.ty,
        TypeName::String | TypeName::Integer | TypeName::Boolean | TypeName::Number
    ) && parameter.format != Some(Format::Binary)
}

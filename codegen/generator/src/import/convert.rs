//! Conversion of the metadata into the spec model: the product file and one operation at a
//! time, value shapes recursively. Every quirk met on the way is recorded in the report.

use std::collections::BTreeMap;

use serde_json::Value;

use super::context::{Cx, text};
use super::metadata::{Api, ApiDocs, ErrorEntry, Ordered, Parameter, StaticInfo};
use super::report::{Kind, Report};
use super::rest;
use super::shape::member;
use crate::spec::binding;
use crate::spec::model::{
    Asynchronous, BodyKind, Endpoints, ErrorCase, Location, Member, Method, Operation, Product,
    Protocol, RegionEndpoint, Response, Style, TypeName,
};

/// Documentation-site keys of the file, an operation, a parameter, a value shape and a
/// response: known, and deliberately not imported.
const IGNORED_TOP: &[&str] = &["version"];
const IGNORED_API: &[&str] = &[
    "schemes",
    "security",
    "operationType",
    "systemTags",
    "requestParamsDescription",
    "responseParamsDescription",
    "extraInfo",
    "eventInfo",
    "translator",
];

/// The status given to documented errors listed under a status that is not an error status
/// (`200`, `4003`, `999999`): the service's generic client-error status.
const ERROR_STATUS_FALLBACK: u16 = 400;

/// `product.yaml` from `info` and `endpoints`. The title is a placeholder for an overlay.
pub(super) fn product(docs: &ApiDocs, cx: &mut Cx<'_>) -> Product {
    cx.others(&docs.other, IGNORED_TOP, "");
    cx.others(&docs.components.other, &[], "components");
    cx.others(&docs.info.other, &[], "info");
    let style = docs.info.style.as_deref();
    if !rest::known_style(style) {
        cx.add(
            Kind::Unrepresented,
            "info.style",
            format!("protocol style {style:?}: imported as rpc"),
        );
    }
    let mut regions: Vec<RegionEndpoint> = Vec::new();
    for endpoint in &docs.endpoints {
        cx.others(&endpoint.other, &[], "endpoints");
        if regions.iter().any(|r| r.region == endpoint.region_id) {
            cx.add(
                Kind::Unrepresented,
                "endpoints",
                format!("region `{}` listed twice: first kept", endpoint.region_id),
            );
            continue;
        }
        let host = endpoint.endpoint.trim();
        if host.len() != endpoint.endpoint.len() {
            let detail = format!("{:?}", endpoint.endpoint);
            cx.add(Kind::PaddedValue, "endpoints", detail);
        }
        regions.push(RegionEndpoint {
            region: endpoint.region_id.clone(),
            host: host.to_owned(),
        });
    }
    let (pattern, description) = match endpoint_pattern(&regions) {
        Some(pattern) => (pattern, None),
        None => {
            let guess = format!(
                "{}.{{region}}.aliyuncs.com",
                docs.info.product.to_lowercase()
            );
            cx.add(Kind::EndpointGuessed, "endpoints", guess.clone());
            let note = format!(
                "The metadata lists no endpoints: the host `{guess}` is a guess. Set the right one with `Config::builder().endpoint(...)`."
            );
            (guess, Some(note))
        }
    };
    Product {
        product: docs.info.product.clone(),
        version: docs.info.version.clone(),
        protocol: cx.protocol,
        title: format!("{} API", docs.info.product),
        description,
        endpoints: Endpoints { pattern, regions },
        crate_version: None,
        guide: Vec::new(),
    }
}

/// The host pattern the listed endpoints follow most often: `<prefix>.{region}.<suffix>` from
/// hosts that contain their region, else the most common host (a central endpoint). `None`
/// when nothing is listed.
fn endpoint_pattern(regions: &[RegionEndpoint]) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in regions {
        let pattern = if r.host.contains(&format!(".{}.", r.region)) {
            r.host.replacen(&format!(".{}.", r.region), ".{region}.", 1)
        } else {
            r.host.clone()
        };
        *counts.entry(pattern).or_default() += 1;
    }
    let regional = counts
        .iter()
        .filter(|(p, _)| p.contains("{region}"))
        .max_by_key(|(_, n)| **n);
    regional
        .or_else(|| counts.iter().max_by_key(|(_, n)| **n))
        .map(|(p, _)| p.clone())
}

/// One operation. Parameters come out as listed (duplicates and indexed names are fixed later).
/// `None` when the operation cannot be sent as the spec describes it (reported).
pub(super) fn operation(name: &str, api: &Api, cx: &mut Cx<'_>) -> Option<Operation> {
    cx.operation = name.to_owned();
    cx.size = 0;
    cx.others(&api.other, IGNORED_API, "");
    let rest = cx.protocol == Protocol::Roa;
    if !rest {
        for (key, present) in [
            ("path", api.path.is_some()),
            ("consumes", api.consumes.is_some()),
            ("produces", api.produces.is_some()),
        ] {
            if present {
                let detail = format!("metadata key `{key}` of an RPC operation: not imported");
                cx.add(Kind::Unrepresented, "", detail);
            }
        }
    }
    if api.response_demo.is_some() {
        cx.report.ignore("responseDemo");
    }
    if api.title.as_deref().is_some_and(|t| t != name) {
        cx.report.ignore("title");
    }
    let summary = [api.summary.as_deref(), api.title.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or(name)
        .to_owned();
    let mut description = api
        .description
        .as_deref()
        .map(|d| text(d, "description", cx))
        .filter(|d| !d.trim().is_empty());
    let asynchronous = api
        .static_info
        .as_ref()
        .and_then(|info| asynchronous(info, &mut description, cx));
    let (method, path) = if rest {
        let Some(method) = rest::method(&api.methods, cx) else {
            let detail = format!("methods {:?}: no method the spec knows", api.methods);
            cx.add(Kind::UnsendableOperation, "methods", detail);
            return None;
        };
        let Some(raw) = &api.path else {
            cx.add(
                Kind::PathMismatch,
                "path",
                "a REST operation without a path",
            );
            return None;
        };
        (method, Some(rest::path(raw, &api.parameters, cx)?))
    } else {
        (rpc_method(api, cx), None)
    };
    let (parameters, body) = parameters(name, api, cx)?;
    let has_form = parameters
        .iter()
        .any(|p| p.location == Some(Location::Form));
    let method = if !rest && !method.has_body() && has_form {
        cx.add(Kind::FormWithGet, "methods", "");
        Method::Post
    } else {
        method
    };
    let parameters = if rest && !method.has_body() {
        without_body(parameters, method, cx)?
    } else {
        parameters
    };
    let response = if rest {
        rest::answer(&api.responses, api.produces.as_ref(), cx)
    } else {
        response(&api.responses, cx)
    };
    let mut operation = Operation {
        name: name.to_owned(),
        summary,
        description,
        method,
        path,
        body,
        deprecated: api.deprecated.unwrap_or(false),
        family: None,
        idempotent: read_only(name) || (rest && method == Method::Get),
        asynchronous,
        parameters,
        response,
        errors: api
            .error_codes
            .as_ref()
            .map(|codes| errors(codes, cx))
            .unwrap_or_default(),
        pagination: None,
        waiters: Vec::new(),
    };
    operation.pagination = super::paging::infer(&operation, cx.protocol);
    Some(operation)
}

/// The method of an RPC operation: `POST` when listed, else `GET` when listed.
fn rpc_method(api: &Api, cx: &mut Cx<'_>) -> Method {
    match (
        api.methods.iter().any(|m| m.eq_ignore_ascii_case("post")),
        api.methods.iter().any(|m| m.eq_ignore_ascii_case("get")),
    ) {
        (true, _) => Method::Post,
        (false, true) => Method::Get,
        (false, false) => {
            cx.add(
                Kind::Unrepresented,
                "methods",
                format!("methods {:?}: imported as POST", api.methods),
            );
            Method::Post
        }
    }
}

/// The parameters of an operation, as listed, and what its body is when one parameter is the
/// whole of it. `None` when a parameter keeps the operation out (reported).
fn parameters(name: &str, api: &Api, cx: &mut Cx<'_>) -> Option<(Vec<Member>, Option<BodyKind>)> {
    let mut parameters: Vec<Member> = Vec::new();
    let mut body = None;
    for p in &api.parameters {
        let location = match placement(p, cx) {
            Placement::At(location) => location,
            Placement::Body => {
                let taken: Vec<&str> = api
                    .parameters
                    .iter()
                    .filter(|other| other.location.as_deref() != Some("body"))
                    .map(|other| other.name.as_str())
                    .collect();
                match rest::body(p, &taken, cx) {
                    Some(found) => {
                        body = found.kind;
                        parameters.extend(found.members);
                    }
                    None if p.schema.required == Some(true) => {
                        left_out_operation(cx);
                        return None;
                    }
                    None => {}
                }
                continue;
            }
            Placement::Out if p.schema.required == Some(true) => {
                left_out_operation(cx);
                return None;
            }
            Placement::Out => continue,
            Placement::Refuse => return None,
        };
        match parameters
            .iter()
            .position(|m| m.name.as_deref() == Some(p.name.as_str()))
        {
            Some(first) => {
                // Converted quietly: its quirks were reported with the first listing.
                let mut scratch = Report::default();
                let mut quiet = Cx {
                    product: cx.product,
                    version: cx.version,
                    protocol: cx.protocol,
                    operation: name.to_owned(),
                    report: &mut scratch,
                    schemas: cx.schemas,
                    expanding: Vec::new(),
                    depth: 0,
                    size: cx.size,
                };
                if let Some(copy) = parameter(p, location, &mut quiet) {
                    super::quirks::merge_duplicate(&mut parameters[first], copy, cx);
                }
            }
            None => parameters.extend(parameter(p, location, cx)),
        }
    }
    Some((parameters, body))
}

/// Where a metadata parameter goes.
enum Placement {
    /// A parameter at this location.
    At(Location),
    /// The body of a REST operation.
    Body,
    /// Left out (reported); the operation too when the parameter is required.
    Out,
    /// The operation left out (reported).
    Refuse,
}

/// Where the parameter goes on the wire of the product's protocol (reported when left out).
fn placement(p: &Parameter, cx: &mut Cx<'_>) -> Placement {
    let path = format!("parameters.{}", p.name);
    let rest = cx.protocol == Protocol::Roa;
    match p.location.as_deref() {
        None | Some("query") => Placement::At(Location::Query),
        Some("formData") => {
            cx.add(Kind::BodyParameter, &path, "");
            Placement::At(Location::Form)
        }
        Some("body") if rest => Placement::Body,
        Some("body") if matches!(p.schema.format.as_deref(), Some("binary" | "byte")) => {
            cx.add(
                Kind::UnsendableBody,
                &path,
                "bytes as the body of an RPC operation, which sends a form",
            );
            Placement::Out
        }
        Some("body") => Placement::At(Location::Form),
        Some("path") if rest => Placement::At(Location::Path),
        Some("header") if rest::reserved_header(&p.name) => {
            cx.add(
                Kind::ReservedHeader,
                &path,
                format!("`{}` is set by the client", p.name),
            );
            Placement::Out
        }
        Some("header") if rest => Placement::At(Location::Header),
        Some("host") => {
            let detail = format!("`{}` names the host", p.name);
            cx.add(Kind::HostParameter, &path, detail);
            Placement::Refuse
        }
        Some(other) => {
            cx.add(
                Kind::Unrepresented,
                &path,
                format!("location `in: {other}`: parameter left out"),
            );
            Placement::Out
        }
    }
}

/// Records that the operation is left out for the parameter just reported.
fn left_out_operation(cx: &mut Cx<'_>) {
    cx.add(
        Kind::Unrepresented,
        "",
        "a required parameter left out: operation left out",
    );
}

/// The parameters of a `GET` or `DELETE` REST operation without those that travel in a body,
/// which such a request does not have (reported); `None` when one of them is required.
fn without_body(parameters: Vec<Member>, method: Method, cx: &mut Cx<'_>) -> Option<Vec<Member>> {
    let mut kept = Vec::new();
    for p in parameters {
        if !matches!(p.location, Some(Location::Form | Location::Body)) {
            kept.push(p);
            continue;
        }
        let name = p.name.as_deref().unwrap_or_default();
        let detail = format!("a body on a `{method}` request");
        cx.add(Kind::UnsendableBody, &format!("parameters.{name}"), detail);
        if p.required {
            left_out_operation(cx);
            return None;
        }
    }
    Some(kept)
}

/// Whether the binding checks refuse the operation: then it is left out, each problem reported.
pub(super) fn refused(op: &Operation, cx: &mut Cx<'_>) -> bool {
    let problems = binding::problems(cx.protocol, op);
    for (at, message) in &problems {
        cx.add(Kind::UnsendableOperation, at, message.clone());
    }
    !problems.is_empty()
}

/// The verbs of operations that only read: sending one twice does no more than once.
const READ_ONLY_VERBS: &[&str] = &["Describe", "List", "Get", "Query", "Check"];

/// Whether the operation's name starts with a read-only verb (followed by a new word).
fn read_only(name: &str) -> bool {
    READ_ONLY_VERBS.iter().any(|verb| {
        name.strip_prefix(verb)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
    })
}

fn asynchronous(
    info: &StaticInfo,
    description: &mut Option<String>,
    cx: &mut Cx<'_>,
) -> Option<Asynchronous> {
    cx.others(&info.other, &[], "staticInfo");
    let mut notes = Vec::new();
    if let Some(substitutions) = info.substitutions.as_ref().filter(|s| !s.is_empty()) {
        let names: Vec<String> = substitutions
            .iter()
            .map(|s| format!("`{}`", self_or_qualified(s, cx)))
            .collect();
        notes.push(format!("Deprecated: use {} instead.", names.join(" or ")));
        cx.add(
            Kind::Replacement,
            "staticInfo.substitutions",
            names.join(", "),
        );
    }
    if info.no_substitution_reason.is_some() {
        notes.push("Deprecated: no replacement operation.".to_owned());
        cx.add(
            Kind::Replacement,
            "staticInfo.noSubstitutionReason",
            "no replacement",
        );
    }
    if !notes.is_empty() {
        let text = description
            .take()
            .map(|d| format!("{}\n\n", d.trim_end()))
            .unwrap_or_default();
        *description = Some(format!("{text}{}\n", notes.join("\n\n")));
    }
    match info.return_type.as_deref() {
        Some("asynchronous") => {}
        None | Some("synchronous") => return None,
        Some(other) => {
            cx.add(
                Kind::Unrepresented,
                "staticInfo.returnType",
                format!("return type `{other}`"),
            );
            return None;
        }
    }
    let callback = info.callback.as_deref().unwrap_or_default();
    let poll = match callback.split("::").collect::<Vec<_>>().as_slice() {
        [product, version, op] if *product == cx.product && *version == cx.version => {
            (*op).to_owned()
        }
        _ => {
            cx.add(
                Kind::Unrepresented,
                "staticInfo.callback",
                format!("polling `{callback}` outside this product version"),
            );
            return None;
        }
    };
    let interval_ms = info
        .callback_interval
        .as_ref()
        .and_then(|v| whole(v, "staticInfo.callbackInterval", cx));
    if let Some(ms) = interval_ms.filter(|ms| *ms < 100) {
        cx.add(
            Kind::ShortPollInterval,
            "staticInfo.callbackInterval",
            format!("{ms} ms"),
        );
    }
    let max_polls = info
        .max_callback_times
        .as_ref()
        .and_then(|v| whole(v, "staticInfo.maxCallbackTimes", cx));
    Some(Asynchronous {
        poll,
        waiter: None,
        note: polling_hint(interval_ms, max_polls),
    })
}

/// Upstream's polling hint in words: the spec says a wait once, in a waiter of the polled
/// operation, which an overlay adds.
fn polling_hint(interval_ms: Option<i64>, max_polls: Option<i64>) -> Option<String> {
    match (interval_ms, max_polls) {
        (Some(ms), Some(polls)) => Some(format!(
            "The service suggests polling every {ms} ms, at most {polls} times.\n"
        )),
        (Some(ms), None) => Some(format!("The service suggests polling every {ms} ms.\n")),
        (None, Some(polls)) => Some(format!(
            "The service suggests polling at most {polls} times.\n"
        )),
        (None, None) => None,
    }
}

/// `Product::Version::Operation` as the operation name when it is in this product version.
fn self_or_qualified(reference: &str, cx: &Cx<'_>) -> String {
    match reference.split("::").collect::<Vec<_>>().as_slice() {
        [product, version, op] if *product == cx.product && *version == cx.version => {
            (*op).to_owned()
        }
        _ => reference.to_owned(),
    }
}

fn whole(value: &Value, path: &str, cx: &mut Cx<'_>) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => {
            let n = s.trim().parse().ok();
            if n.is_some() {
                cx.add(Kind::NumberAsString, path, format!("{s:?}"));
            }
            n
        }
        _ => None,
    }
    .or_else(|| {
        cx.add(
            Kind::Unrepresented,
            path,
            format!("`{value}` is not a whole number"),
        );
        None
    })
}

fn parameter(p: &Parameter, location: Location, cx: &mut Cx<'_>) -> Option<Member> {
    let path = format!("parameters.{}", p.name);
    cx.others(&p.other, &[], &path);
    if p.allow_empty_value.is_some() {
        cx.report.ignore("allowEmptyValue");
    }
    let style = match p.style.as_deref() {
        None => None,
        Some("repeatList") => Some(Style::RepeatList),
        Some("flat") => Some(Style::Flat),
        Some("json") => Some(Style::Json),
        Some("simple") => Some(Style::Simple),
        Some("spaceDelimited") => Some(Style::SpaceDelimited),
        Some("pipeDelimited") => Some(Style::PipeDelimited),
        Some(other) => {
            cx.add(
                Kind::Unrepresented,
                &path,
                format!("style `{other}`: left unset"),
            );
            None
        }
    };
    let mut member = member(&p.schema, Some(&p.name), true, &path, cx)?;
    member.location = Some(location);
    member.style = style;
    if location == Location::Path && !member.required {
        cx.add(Kind::OptionalPathParameter, &path, "");
        member.required = true;
    }
    match style {
        Some(Style::Flat | Style::RepeatList) => flat_free_form(&mut member, &path, cx),
        None if member.ty == TypeName::Any => {
            member.style = Some(Style::Json);
            cx.add(Kind::FreeFormParameter, &path, "sent as JSON");
        }
        _ => {}
    }
    if p.name == "ClientToken" && member.ty == TypeName::String {
        member.idempotency_token = true;
        cx.add(Kind::IdempotencyToken, &path, "");
    }
    Some(member)
}

/// Free-form values inside a parameter sent flat become maps of strings, flattened to
/// `Name.key=value` as the official SDKs flatten a dictionary. A dotted parameter folded
/// later into the object it names keeps its own shape: a free-form one (listed with the
/// `json` style) is then sent as JSON text.
fn flat_free_form(member: &mut Member, path: &str, cx: &mut Cx<'_>) {
    if member.ty == TypeName::Any {
        member.ty = TypeName::Map;
        member.values = Some(Box::new(super::shape::bare(TypeName::String)));
        cx.add(Kind::FreeFormParameter, path, "a map of strings");
    }
    for field in &mut member.properties {
        let at = format!("{path}.{}", field.name.as_deref().unwrap_or_default());
        flat_free_form(field, &at, cx);
    }
    if let Some(items) = member.items.as_deref_mut() {
        flat_free_form(items, &format!("{path}.N"), cx);
    }
    if let Some(values) = member.values.as_deref_mut() {
        if values.ty == TypeName::Any {
            values.ty = TypeName::String;
            cx.add(Kind::FreeFormParameter, path, "map values as strings");
        }
        flat_free_form(values, &format!("{path}.<key>"), cx);
    }
}

fn response(responses: &Ordered<super::metadata::ResponseEntry>, cx: &mut Cx<'_>) -> Response {
    let mut out = Response::default();
    for (status, entry) in &responses.0 {
        let path = format!("responses.{status}");
        if status != "200" {
            cx.add(
                Kind::Unrepresented,
                &path,
                "only the 200 response is imported",
            );
            continue;
        }
        cx.others(&entry.other, &[], &path);
        match &entry.headers {
            Some(Value::Object(h)) if h.is_empty() => cx.report.ignore("headers"),
            None => {}
            Some(h) => cx.add(Kind::Unrepresented, &path, format!("response headers {h}")),
        }
        let Some(schema) = &entry.schema else {
            continue;
        };
        cx.others(&schema.other, &[], "response");
        out.description = schema
            .description()
            .map(|d| text(d, "response", cx))
            .filter(|d| !d.trim().is_empty());
        if schema.title.is_some() {
            cx.report.ignore("title");
        }
        for (name, field) in schema.properties.iter().flat_map(|p| &p.0) {
            if let Some(member) = member(field, Some(name), false, &format!("response.{name}"), cx)
            {
                out.fields.push(member);
            }
        }
    }
    out
}

fn errors(codes: &Ordered<Vec<ErrorEntry>>, cx: &mut Cx<'_>) -> Vec<ErrorCase> {
    let mut out: Vec<ErrorCase> = Vec::new();
    for (listed, entries) in &codes.0 {
        let (status, note) = match listed.parse::<u16>() {
            Ok(status) if (400..=599).contains(&status) => (status, None),
            _ => {
                cx.add(
                    Kind::ErrorStatus,
                    "errorCodes",
                    format!("`{listed}`: {} error(s)", entries.len()),
                );
                let note = format!("Listed under HTTP status `{listed}` in the metadata.");
                (ERROR_STATUS_FALLBACK, Some(note))
            }
        };
        for e in entries {
            cx.others(&e.other, &[], "errorCodes");
            let code = e.error_code.trim().to_owned();
            let path = format!("errors.{code}");
            if code.is_empty() || code.contains('%') {
                cx.add(Kind::PlaceholderErrorCode, &path, format!("HTTP {listed}"));
                continue;
            }
            let message = e
                .error_message
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(str::to_owned);
            if let Some(first) = out.iter_mut().find(|c| c.code == code) {
                let also = format!(
                    "Also returned with HTTP {listed}{}",
                    message
                        .as_deref()
                        .map(|m| format!(": {m}"))
                        .unwrap_or_default()
                );
                first.description = Some(match first.description.take() {
                    Some(d) => format!("{d}\n\n{also}"),
                    None => also,
                });
                cx.add(
                    Kind::DuplicateErrorCode,
                    &path,
                    format!("HTTP {} and {listed}", first.status),
                );
                continue;
            }
            let description = e
                .description
                .as_deref()
                .map(|d| text(d, &path, cx))
                .filter(|d| !d.trim().is_empty());
            let description = match (description, &note) {
                (Some(d), Some(note)) => Some(format!("{}\n\n{note}", d.trim_end())),
                (d, note) => d.or_else(|| note.clone()),
            };
            out.push(ErrorCase {
                status,
                code,
                message,
                description,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::read_only;

    #[test]
    fn read_only_verbs_start_a_word() {
        for name in [
            "DescribeVpcs",
            "ListTagResources",
            "GetVpcPrefixListEntries",
            "QueryX",
            "CheckCanAllocateVpcPrivateIpAddress",
        ] {
            assert!(read_only(name), "{name}");
        }
        for name in [
            "CreateFlowLog",
            "Describe",
            "Listen",
            "GetawayCreate",
            "ModifyDescribeX",
        ] {
            assert!(!read_only(name), "{name}");
        }
    }
}

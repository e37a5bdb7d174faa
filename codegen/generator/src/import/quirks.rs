//! Fix-ups of converted operations: duplicate parameters, indexed parameter names, colliding
//! Rust names, and values the spec checks reject (found by running the checks themselves).

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::context::Cx;
use super::report::{Kind, Report};
use super::shape::bare;
use crate::check;
use crate::diag::Finding;
use crate::ir::FieldName;
use crate::spec::load::PRODUCT_FILE;
use crate::spec::locate::Step;
use crate::spec::model::{Constraints, Member, Operation, Product, Style, TypeName};
use crate::spec::{OperationFile, ProductDir, SpecTree};

/// Merges a second listing of a parameter into the first: missing facts are taken from the
/// copy, `required` if either says so.
pub(super) fn merge_duplicate(first: &mut Member, copy: Member, cx: &mut Cx<'_>) {
    let name = first.name.clone().unwrap_or_default();
    let path = format!("parameters.{name}");
    let identical = serde_yaml::to_value(&*first).ok() == serde_yaml::to_value(&copy).ok();
    if copy.ty != first.ty {
        cx.add(
            Kind::Unrepresented,
            &path,
            format!(
                "a second listing has type {}: the first ({}) kept",
                copy.ty, first.ty
            ),
        );
        return;
    }
    let mut merged = Vec::new();
    if copy.required && !first.required {
        first.required = true;
        merged.push("required");
    }
    if first.description.is_none() && copy.description.is_some() {
        first.description = copy.description;
        merged.push("description");
    }
    for (slot, value, what) in [
        (&mut first.example, copy.example, "example"),
        (&mut first.default, copy.default, "default"),
    ] {
        if slot.is_none() && value.is_some() {
            *slot = value;
            merged.push(what);
        }
    }
    if first.constraints.is_empty() && !copy.constraints.is_empty() {
        first.constraints = copy.constraints;
        merged.push("constraints");
    }
    let detail = match (identical, merged.is_empty()) {
        (true, _) => "identical copies".to_owned(),
        (false, true) => "copies differ only in facts the first has".to_owned(),
        (false, false) => format!(
            "copies differ; taken from the second: {}",
            merged.join(", ")
        ),
    };
    cx.add(Kind::DuplicateParameter, &path, detail);
}

/// `Filter.1.Key`, `Filter.2.Key`, `Filter.1.Value`... (names the spec cannot hold) become one
/// list parameter `Filter` of `{Key, Value}` items, at the position of the first of them.
pub(super) fn group_indexed(parameters: Vec<Member>, cx: &mut Cx<'_>) -> Vec<Member> {
    let indexed = regex::Regex::new(r"^([A-Za-z][A-Za-z0-9_-]*)\.([0-9]+)(?:\.([A-Za-z0-9_-]+))?$")
        .expect("a valid pattern");
    let listed: BTreeSet<String> = parameters
        .iter()
        .filter_map(|m| m.name.clone())
        .filter(|n| !indexed.is_match(n))
        .collect();
    let mut out: Vec<Member> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut into_listed: Vec<(String, Option<String>, Member)> = Vec::new();
    for member in parameters {
        let name = member.name.clone().unwrap_or_default();
        let Some(caps) = indexed.captures(&name) else {
            out.push(member);
            continue;
        };
        let prefix = caps[1].to_owned();
        let index = caps[2].parse::<u64>().unwrap_or(u64::MAX);
        let field = caps.get(3).map(|m| m.as_str().to_owned());
        let g = match groups.iter().position(|g| g.prefix == prefix) {
            Some(g) => g,
            None if listed.contains(&prefix) => {
                into_listed.push((prefix, field, member));
                continue;
            }
            None => {
                let mut list = bare(TypeName::Array);
                list.name = Some(prefix.clone());
                list.location = member.location;
                list.style = Some(Style::RepeatList);
                list.items = Some(Box::new(if field.is_some() {
                    bare(TypeName::Object)
                } else {
                    bare(member.ty)
                }));
                out.push(list);
                groups.push(Group {
                    prefix: prefix.clone(),
                    at: out.len() - 1,
                    highest: 0,
                    names: Vec::new(),
                    notes: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[g];
        let list = &mut out[group.at];
        let items = list.items.as_deref_mut().expect("built with items");
        match field {
            Some(field) if items.ty == TypeName::Object => {
                if !items
                    .properties
                    .iter()
                    .any(|p| p.name.as_deref() == Some(field.as_str()))
                {
                    let mut property = member.clone();
                    property.name = Some(field.clone());
                    property.location = None;
                    property.style = None;
                    property.idempotency_token = false;
                    property.required = false;
                    property.description = None;
                    items.properties.push(property);
                }
                if let Some(d) = &member.description {
                    group.notes.push((field, name.clone(), d.trim().to_owned()));
                }
            }
            None if items.ty == member.ty && items.properties.is_empty() => {
                if items.description.is_none() {
                    items.description = member.description.clone();
                    items.example = member.example.clone();
                    items.constraints = member.constraints.clone();
                }
            }
            _ => {
                let detail = format!("indexed name does not fit the list `{prefix}`: left out");
                cx.add(Kind::Unrepresented, &format!("parameters.{name}"), detail);
                continue;
            }
        }
        list.required |= member.required;
        group.highest = group.highest.max(index);
        group.names.push(name);
    }
    for group in groups {
        let list = &mut out[group.at];
        list.constraints.max_items = Some(group.highest);
        for property in list.items.iter_mut().flat_map(|i| i.properties.iter_mut()) {
            let notes: Vec<&(String, String, String)> = group
                .notes
                .iter()
                .filter(|(f, _, _)| property.name.as_deref() == Some(f.as_str()))
                .collect();
            let same = notes.windows(2).all(|w| w[0].2 == w[1].2);
            property.description = match notes.first() {
                None => None,
                Some(first) if same => Some(first.2.clone()),
                Some(_) => Some(
                    notes
                        .iter()
                        .map(|(_, n, d)| format!("`{n}`: {d}"))
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                ),
            };
        }
        cx.add(
            Kind::IndexedNames,
            &format!("parameters.{}", group.prefix),
            group.names.join(", "),
        );
    }
    for (prefix, field, member) in into_listed {
        let name = member.name.clone().unwrap_or_default();
        let list = out
            .iter_mut()
            .find(|m| m.name.as_deref() == Some(prefix.as_str()))
            .expect("listed");
        let items = list
            .items
            .as_deref_mut()
            .filter(|_| list.ty == TypeName::Array);
        let at = format!("parameters.{name}");
        match (items, field) {
            (Some(items), Some(field)) if items.ty == TypeName::Object => {
                if !items
                    .properties
                    .iter()
                    .any(|p| p.name.as_deref() == Some(field.as_str()))
                {
                    let mut property = member;
                    property.name = Some(field);
                    property.location = None;
                    property.style = None;
                    property.idempotency_token = false;
                    property.required = false;
                    items.properties.push(property);
                }
                cx.add(
                    Kind::IndexedNames,
                    &at,
                    format!("an item field of the listed `{prefix}`"),
                );
            }
            (Some(items), None) if items.ty == member.ty => {
                cx.add(
                    Kind::IndexedNames,
                    &at,
                    format!("an item of the listed `{prefix}`"),
                );
            }
            _ => {
                let detail =
                    format!("indexed name does not fit the parameter `{prefix}`: left out");
                cx.add(Kind::Unrepresented, &at, detail);
            }
        }
    }
    out
}

/// Indexed names of one list being regrouped.
struct Group {
    prefix: String,
    /// Position of the list parameter.
    at: usize,
    highest: u64,
    names: Vec<String>,
    /// (item field, wire name, description) of each indexed name.
    notes: Vec<(String, String, String)>,
}

/// Gives a `rust_name` to each member whose snake_case name another member of the same list
/// already takes, in parameters, response fields and nested fields.
pub(super) fn claim_rust_names(op: &mut Operation, cx: &mut Cx<'_>) {
    claim(&mut op.parameters, "parameters", cx);
    claim(&mut op.response.fields, "response", cx);
}

fn claim(list: &mut [Member], path: &str, cx: &mut Cx<'_>) {
    let mut taken = BTreeSet::new();
    for member in list.iter_mut() {
        let wire = member.name.clone().unwrap_or_default();
        let wanted = member
            .rust_name
            .as_deref()
            .and_then(FieldName::parse)
            .unwrap_or_else(|| FieldName::of_wire(&wire));
        if taken.contains(&wanted) {
            let free = wanted.numbered(|n| taken.contains(n));
            cx.add(
                Kind::RustNameCollision,
                &format!("{path}.{wire}"),
                format!("`{wanted}` taken: `{free}`"),
            );
            member.rust_name = Some(free.to_string());
            taken.insert(free);
        } else {
            taken.insert(wanted);
        }
        nested(member, &format!("{path}.{wire}"), cx);
    }
}

fn nested(member: &mut Member, path: &str, cx: &mut Cx<'_>) {
    claim(&mut member.properties, path, cx);
    if let Some(items) = member.items.as_deref_mut() {
        nested(items, &format!("{path}.N"), cx);
    }
    if let Some(values) = member.values.as_deref_mut() {
        nested(values, path, cx);
    }
}

/// Drops the asynchronous behaviour of operations whose polled operation is not in the product.
pub(super) fn drop_dangling_polls(operations: &mut [Operation], report: &mut Report) {
    let names: BTreeSet<String> = operations.iter().map(|o| o.name.clone()).collect();
    for op in operations.iter_mut() {
        if let Some(poll) = op.asynchronous.as_ref().map(|a| a.poll.clone())
            && !names.contains(&poll)
        {
            op.asynchronous = None;
            let detail = format!("polled operation `{poll}` is not in the product: left out");
            report.add(Kind::Unrepresented, &op.name, "staticInfo.callback", detail);
        }
    }
}

/// Runs the spec checks on the imported product and drops what they reject among examples,
/// defaults and constraints (reported); anything else they reject is reported as is.
pub(super) fn apply_checks(product: &Product, operations: &mut [Operation], report: &mut Report) {
    let mut left = Vec::new();
    for _round in 0..4 {
        let diagnostics = check::check_tree(&tree(product, operations));
        left.clear();
        let mut dropped_any = false;
        for d in diagnostics.0 {
            let stem = d
                .file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let dropped = operations
                .iter_mut()
                .find(|op| op.name == stem)
                .and_then(|op| drop_at(op, d.finding, &d.steps));
            match dropped {
                Some((kind, path)) => {
                    report.add(kind, &stem, &path, d.message);
                    dropped_any = true;
                }
                None => left.push(d),
            }
        }
        if !dropped_any {
            break;
        }
    }
    for d in left {
        let operation = if d.file.ends_with(PRODUCT_FILE) {
            ""
        } else {
            d.file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
        };
        report.add(
            Kind::Unrepresented,
            operation,
            &d.path,
            format!("fails the spec checks: {}", d.message),
        );
    }
}

/// An in-memory tree of one product, for the checks.
fn tree(product: &Product, operations: &[Operation]) -> SpecTree {
    let operations = operations
        .iter()
        .map(|op| OperationFile {
            file: PathBuf::from(format!("{}.yaml", op.name)),
            text: String::new(),
            overlay: None,
            operation: op.clone(),
        })
        .collect();
    SpecTree {
        products: vec![ProductDir {
            dir: PathBuf::new(),
            file: PathBuf::from(PRODUCT_FILE),
            text: String::new(),
            overlay: None,
            product: product.clone(),
            operations,
            changelog: None,
        }],
    }
}

/// Drops the example, default or constraint a check found at `steps`: the kind of finding and
/// the wire path of the value (`parameters.Tag.N.Key.example`), or `None` for any other
/// finding (or a path outside the operation's members).
fn drop_at(op: &mut Operation, finding: Finding, steps: &[Step]) -> Option<(Kind, String)> {
    let key = |i: usize| match steps.get(i) {
        Some(Step::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let (mut member, mut i, mut path) = match (key(0), key(1), steps.get(1), steps.get(2)) {
        (Some("parameters"), _, Some(Step::Index(n)), _) => {
            (op.parameters.get_mut(*n)?, 2, "parameters".to_owned())
        }
        (Some("response"), Some("fields"), _, Some(Step::Index(n))) => {
            (op.response.fields.get_mut(*n)?, 3, "response".to_owned())
        }
        // The elements of a JSON array answer.
        (Some("response"), Some("items"), _, _) => (
            op.response.items.as_deref_mut()?,
            2,
            "response.N".to_owned(),
        ),
        _ => return None,
    };
    if let Some(name) = &member.name {
        path = format!("{path}.{name}");
    }
    loop {
        member = match (key(i), steps.get(i + 1)) {
            (Some("items"), _) => {
                i += 1;
                path.push_str(".N");
                member.items.as_deref_mut()?
            }
            (Some("values"), _) => {
                i += 1;
                path.push_str(".<key>");
                member.values.as_deref_mut()?
            }
            (Some("properties"), Some(Step::Index(n))) => {
                i += 2;
                let field = member.properties.get_mut(*n)?;
                path = format!("{path}.{}", field.name.as_deref().unwrap_or_default());
                field
            }
            _ => break,
        };
    }
    let kind = match (finding, key(i + 1)) {
        (Finding::Example, _) => member.example.take().map(|_| Kind::InvalidExample),
        (Finding::Default, _) => member.default.take().map(|_| Kind::InvalidDefault),
        // The step after `constraints` names the constraint, a field of the model.
        (Finding::Constraint, Some(rule)) => {
            drop_rule(&mut member.constraints, rule).then_some(Kind::InvalidConstraint)
        }
        _ => None,
    }?;
    let rest: Vec<&str> = (i..steps.len()).filter_map(key).collect();
    Some((kind, format!("{path}.{}", rest.join("."))))
}

fn drop_rule(c: &mut Constraints, rule: &str) -> bool {
    match rule {
        "enum" => c.enumeration.clear(),
        "allowed" => c.allowed.clear(),
        "minimum" => c.minimum = None,
        "maximum" => c.maximum = None,
        "min_length" => c.min_length = None,
        "max_length" => c.max_length = None,
        "pattern" | "pattern_description" => {
            c.pattern = None;
            c.pattern_description = None;
        }
        "ascii_only" => c.ascii_only = false,
        "min_items" => c.min_items = None,
        "max_items" => c.max_items = None,
        _ => return false,
    }
    true
}

/// Dotted wire names (`SystemDisk.Size`, `EcsOrder.Manager.Count`), which the spec cannot hold,
/// become fields of the object they name (`SystemDisk`, created with style `flat` when not
/// listed), so that the flattened request carries the same keys. In parameters, in nested
/// fields and in list items, recursively. A dotted name that cannot be folded is left out.
pub(super) fn fold_dotted(
    list: Vec<Member>,
    top: bool,
    path: &str,
    cx: &mut Cx<'_>,
) -> Vec<Member> {
    let mut pending: Vec<Option<Member>> = list.into_iter().map(Some).collect();
    let mut out: Vec<Member> = Vec::new();
    for i in 0..pending.len() {
        let Some(member) = pending[i].take() else {
            continue;
        };
        let name = member.name.clone().unwrap_or_default();
        let Some((head, rest)) = name.split_once('.') else {
            out.push(member);
            continue;
        };
        let at = format!("{path}.{name}");
        if !out.iter().any(|m| m.name.as_deref() == Some(head)) {
            let later = pending[i + 1..]
                .iter_mut()
                .find(|m| m.as_ref().and_then(|m| m.name.as_deref()) == Some(head));
            out.push(match later.and_then(Option::take) {
                Some(listed) => listed,
                None => {
                    let mut object = bare(TypeName::Object);
                    object.name = Some(head.to_owned());
                    object.location = member.location.filter(|_| top);
                    object.style = top.then_some(Style::Flat);
                    object
                }
            });
        }
        let target = out
            .iter_mut()
            .find(|m| m.name.as_deref() == Some(head))
            .expect("pushed above");
        match insert_dotted(target, rest, member) {
            Ok(()) => cx.add(Kind::DottedName, &at, format!("field of `{head}`")),
            Err(why) => cx.add(Kind::Unrepresented, &at, format!("{why}: left out")),
        }
    }
    for member in &mut out {
        let at = format!("{path}.{}", member.name.as_deref().unwrap_or_default());
        fold_nested(member, &at, cx);
    }
    out
}

fn fold_nested(member: &mut Member, path: &str, cx: &mut Cx<'_>) {
    let properties = std::mem::take(&mut member.properties);
    member.properties = fold_dotted(properties, false, path, cx);
    if let Some(items) = member.items.as_deref_mut() {
        fold_nested(items, &format!("{path}.N"), cx);
    }
}

/// Response fields whose JSON key holds a dot (`SystemDisk.Size`), which the spec cannot name,
/// are left out, at any depth.
pub(super) fn drop_dotted_fields(fields: &mut Vec<Member>, path: &str, cx: &mut Cx<'_>) {
    fields.retain(|f| {
        let name = f.name.as_deref().unwrap_or_default();
        let dotted = name.contains('.');
        if dotted {
            let detail = "JSON key with a dot: field left out";
            cx.add(Kind::Unrepresented, &format!("{path}.{name}"), detail);
        }
        !dotted
    });
    for field in fields.iter_mut() {
        let at = format!("{path}.{}", field.name.as_deref().unwrap_or_default());
        drop_dotted_inside(field, &at, cx);
    }
}

fn drop_dotted_inside(member: &mut Member, path: &str, cx: &mut Cx<'_>) {
    drop_dotted_fields(&mut member.properties, path, cx);
    if let Some(items) = member.items.as_deref_mut() {
        drop_dotted_inside(items, &format!("{path}.N"), cx);
    }
    if let Some(values) = member.values.as_deref_mut() {
        drop_dotted_inside(values, &format!("{path}.<key>"), cx);
    }
}

/// Puts `member` at the dotted `rest` inside `object`, creating intermediate objects.
fn insert_dotted(object: &mut Member, rest: &str, mut member: Member) -> Result<(), String> {
    let foldable = matches!(object.style, None | Some(Style::Flat | Style::RepeatList));
    match object.ty {
        TypeName::Object if foldable => {}
        TypeName::Any if foldable => {
            object.ty = TypeName::Object;
            object.constraints = Constraints::default();
        }
        ty => {
            let style = object
                .style
                .map(|s| format!(" of style {s:?}"))
                .unwrap_or_default();
            return Err(format!(
                "`{}` is a {ty}{style}",
                object.name.as_deref().unwrap_or_default()
            ));
        }
    }
    object.required |= member.required;
    let (field, deeper) = match rest.split_once('.') {
        Some((field, deeper)) => (field, Some(deeper)),
        None => (rest, None),
    };
    if field.is_empty() || field.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("segment `{field}` is not a field name"));
    }
    let existing = object
        .properties
        .iter()
        .position(|p| p.name.as_deref() == Some(field));
    match (deeper, existing) {
        (None, Some(_)) => Err(format!("`{field}` is already a field")),
        (None, None) => {
            member.name = Some(field.to_owned());
            member.location = None;
            member.style = None;
            member.idempotency_token = false;
            object.properties.push(member);
            Ok(())
        }
        (Some(deeper), Some(i)) => insert_dotted(&mut object.properties[i], deeper, member),
        (Some(deeper), None) => {
            let mut inner = bare(TypeName::Object);
            inner.name = Some(field.to_owned());
            insert_dotted(&mut inner, deeper, member)?;
            object.properties.push(inner);
            Ok(())
        }
    }
}

//! `--Tag.1.Key value` arguments become the JSON request [`OperationDoc::prepare`] reads.
//!
//! The JSON is keyed by Rust field names; lists are arrays ordered by their 1-based index;
//! scalars are parsed by their [`Shape`]; json-style values are parsed from the given string
//! and kept as they are (their keys are wire names).

use std::collections::BTreeMap;

use acs_runtime::cli::{ListStyle, OperationDoc, Shape};
use serde_json::{Map, Number, Value};

use crate::line::Param;
use crate::options::GLOBAL_OPTIONS;
use crate::suggest;

/// The wire name of the parameter filled from the resolved region when not given.
const REGION_ID: &str = "RegionId";

/// The request of `op` (`acs <command> <op>`) from its `--Parameter value` arguments.
///
/// Errors are usage errors naming the argument: an unknown name (with the closest valid one),
/// a missing value, a value of the wrong type, a list index of 0 or a gap in a list.
pub(crate) fn request(
    command: &str,
    op: &OperationDoc,
    params: &[Param],
) -> Result<Map<String, Value>, String> {
    let mut given: BTreeMap<usize, Node> = BTreeMap::new();
    for param in params {
        let segments: Vec<&str> = param.name.split('.').collect();
        let Some(position) = op.parameters.iter().position(|p| p.name == segments[0]) else {
            let candidates = op
                .parameters
                .iter()
                .map(|p| p.name)
                .chain(GLOBAL_OPTIONS.iter().map(|o| o.name));
            let hint = suggest::closest(segments[0], candidates)
                .map(|name| format!(" (did you mean --{}?)", replace(&segments, 0, name)))
                .unwrap_or_default();
            return Err(format!(
                "unknown option --{} for {command} {}{hint}; see `acs {command} {} --help`",
                param.name, op.name, op.name
            ));
        };
        let Some(value) = &param.value else {
            return Err(format!("--{} needs a value", param.name));
        };
        let shape = op.parameters[position].shape;
        given
            .entry(position)
            .or_insert_with(|| Node::new(shape))
            .put(shape, &segments, 1, value)?;
    }
    given
        .into_iter()
        .map(|(position, node)| {
            let doc = &op.parameters[position];
            Ok((doc.field.to_owned(), node.into_json(doc.shape, doc.name)?))
        })
        .collect()
}

/// Sets `RegionId` to `region` when the operation has that parameter and it was not given,
/// as the official CLI does.
pub(crate) fn fill_region(
    op: &OperationDoc,
    request: &mut Map<String, Value>,
    region: Option<&str>,
) {
    let Some(region) = region else { return };
    if let Some(doc) = op
        .parameters
        .iter()
        .find(|p| p.name == REGION_ID && matches!(p.shape, Shape::String))
    {
        request
            .entry(doc.field)
            .or_insert_with(|| Value::String(region.to_owned()));
    }
}

/// A value being assembled from flat arguments.
enum Node {
    /// A leaf not given yet.
    Unset,
    /// A given leaf.
    Leaf(Value),
    /// List items by 1-based index.
    List(BTreeMap<u32, Node>),
    /// Object fields by Rust field name.
    Object(BTreeMap<&'static str, Node>),
    /// Map entries by key.
    Map(BTreeMap<String, Node>),
}

impl Node {
    fn new(shape: &Shape) -> Self {
        match shape {
            Shape::List(_, ListStyle::Repeat) => Self::List(BTreeMap::new()),
            Shape::Object(_) => Self::Object(BTreeMap::new()),
            Shape::Map(_) => Self::Map(BTreeMap::new()),
            _ => Self::Unset,
        }
    }

    /// Puts `raw` at `segments[at..]` below this node of shape `shape`.
    fn put(
        &mut self,
        shape: &'static Shape,
        segments: &[&str],
        at: usize,
        raw: &str,
    ) -> Result<(), String> {
        let arg = segments.join(".");
        let here = segments[..at].join(".");
        let next = segments.get(at).copied();
        match (shape, self) {
            (Shape::List(item, ListStyle::Repeat), Node::List(items)) => {
                let index = next.ok_or_else(|| {
                    format!("--{here} is a list: number its items --{here}.1, --{here}.2, ...")
                })?;
                let index = list_index(index).ok_or_else(|| {
                    format!("--{arg}: list items are numbered 1, 2, 3, ..., not {index:?}")
                })?;
                items.entry(index).or_insert_with(|| Node::new(item)).put(
                    item,
                    segments,
                    at + 1,
                    raw,
                )
            }
            (Shape::Object(fields), Node::Object(given)) => {
                let names = || fields.iter().map(|f| f.name);
                let Some(name) = next else {
                    let fields: Vec<String> = names().map(|f| format!("--{here}.{f}")).collect();
                    return Err(format!("--{here} has fields: {}", fields.join(", ")));
                };
                let Some(field) = fields.iter().find(|f| f.name == name) else {
                    let hint = suggest::closest(name, names())
                        .map(|f| format!(" (did you mean --{}?)", replace(segments, at, f)))
                        .unwrap_or_default();
                    return Err(format!("--{arg}: {here} has no field {name}{hint}"));
                };
                given
                    .entry(field.field)
                    .or_insert_with(|| Node::new(field.shape))
                    .put(field.shape, segments, at + 1, raw)
            }
            (Shape::Map(value), Node::Map(entries)) => {
                let key = next.filter(|k| !k.is_empty()).ok_or_else(|| {
                    format!("--{here} is a map: give its entries as --{here}.<key> <value>")
                })?;
                entries
                    .entry(key.to_owned())
                    .or_insert_with(|| Node::new(value))
                    .put(value, segments, at + 1, raw)
            }
            (leaf, node) => {
                if next.is_some() {
                    return Err(format!(
                        "--{arg}: --{here} takes one value and has no parts"
                    ));
                }
                if !matches!(node, Node::Unset) {
                    return Err(format!("--{arg} given twice"));
                }
                *node = Node::Leaf(scalar(leaf, raw).map_err(|why| format!("--{arg}: {why}"))?);
                Ok(())
            }
        }
    }

    /// The JSON of this node of shape `shape` at wire path `path`; rejects gaps in lists.
    fn into_json(self, shape: &Shape, path: &str) -> Result<Value, String> {
        match (self, shape) {
            (Node::Leaf(value), _) => Ok(value),
            (Node::List(items), Shape::List(item, _)) => {
                let mut values = Vec::with_capacity(items.len());
                for (expected, (index, node)) in (1..).zip(items) {
                    if index != expected {
                        return Err(format!(
                            "--{path}.{index} given without --{path}.{expected}: \
                             list items are numbered 1, 2, 3, ... without gaps"
                        ));
                    }
                    values.push(node.into_json(item, &format!("{path}.{index}"))?);
                }
                Ok(Value::Array(values))
            }
            (Node::Object(mut given), Shape::Object(fields)) => {
                let mut object = Map::new();
                for field in fields.iter() {
                    if let Some(node) = given.remove(field.field) {
                        let json =
                            node.into_json(field.shape, &format!("{path}.{}", field.name))?;
                        object.insert(field.field.to_owned(), json);
                    }
                }
                Ok(Value::Object(object))
            }
            (Node::Map(entries), Shape::Map(value)) => entries
                .into_iter()
                .map(|(key, node)| {
                    let json = node.into_json(value, &format!("{path}.{key}"))?;
                    Ok((key, json))
                })
                .collect::<Result<Map<_, _>, String>>()
                .map(Value::Object),
            _ => Ok(Value::Null),
        }
    }
}

/// A 1-based list index written in decimal digits.
fn list_index(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|&i| i >= 1)
}

/// A leaf value of shape `shape` written as `raw`.
fn scalar(shape: &Shape, raw: &str) -> Result<Value, String> {
    Ok(match shape {
        Shape::String | Shape::Enum(_) => Value::String(raw.to_owned()),
        Shape::Integer => raw
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("expected an integer, got {raw:?}"))?,
        Shape::Number => raw
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| format!("expected a number, got {raw:?}"))?,
        Shape::Boolean => match raw.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(format!("expected true or false, got {raw:?}")),
        },
        Shape::Json => {
            serde_json::from_str(raw).map_err(|e| format!("expected a JSON value ({e})"))?
        }
        Shape::List(_, ListStyle::Joined(_)) if raw.is_empty() => Value::Array(Vec::new()),
        Shape::List(item, ListStyle::Joined(separator)) => Value::Array(
            raw.split(*separator)
                .map(|part| scalar(item, part))
                .collect::<Result<_, _>>()?,
        ),
        Shape::List(_, ListStyle::Repeat) | Shape::Object(_) | Shape::Map(_) => {
            return Err("this value cannot be given as one argument".to_owned());
        }
    })
}

/// `segments` joined by dots with the one at `at` replaced by `name`.
fn replace(segments: &[&str], at: usize, name: &str) -> String {
    let mut parts = segments.to_vec();
    parts[at] = name;
    parts.join(".")
}

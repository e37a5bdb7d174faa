//! `--Tag.1.Key value` arguments become the typed values of an operation's parameters.
//!
//! Lists are ordered by their 1-based index; scalars are parsed by their shape; json-style
//! values are parsed from the given string by their shape (keys are wire names); a delimited
//! list is one joined value or numbered items, `--Ids a,b` or `--Ids.1 a --Ids.2 b`.

use std::collections::BTreeMap;

use acs_cli_data::{Shape, Style};

use crate::json_value::from_json;
use crate::line::Param;
use crate::options::GLOBAL_OPTIONS;
use crate::product::{Loaded, Operation};
use crate::suggest;
use crate::value::Arg;

/// The wire name of the parameter filled from the resolved region when not given.
pub(crate) const REGION_ID: &str = "RegionId";

/// The values of `op`'s parameters (`values[i]` for `parameters[i]`) from its arguments.
///
/// Errors are usage errors naming the argument: an unknown name (with the closest valid one),
/// a missing value, a value of the wrong type, a list index of 0 or a gap in a list.
pub(crate) fn request(
    product: &Loaded,
    op: Operation,
    params: &[Param],
) -> Result<Vec<Option<Arg>>, String> {
    let parameters = &op.data.parameters;
    let mut given: BTreeMap<usize, Node> = BTreeMap::new();
    for param in params {
        let segments: Vec<&str> = param.name.split('.').collect();
        let Some(position) = parameters.iter().position(|p| p.name == segments[0]) else {
            return Err(unknown(product, op, param, &segments));
        };
        let Some(value) = &param.value else {
            return Err(format!("--{} needs a value", param.name));
        };
        let field = &parameters[position];
        let put = Put {
            product,
            segments: &segments,
            raw: value,
        };
        given
            .entry(position)
            .or_insert_with(|| Node::new(product, &field.shape, field.style))
            .put(&put, &field.shape, field.style, 1)?;
    }
    let mut values = vec![None; parameters.len()];
    for (position, node) in given {
        let field = &parameters[position];
        values[position] = node.into_arg(product, &field.shape, field.style, &field.name)?;
    }
    Ok(values)
}

/// Sets `RegionId` to `region` when the operation has that parameter and it was not given,
/// as the official CLI does.
pub(crate) fn fill_region(op: Operation, values: &mut [Option<Arg>], region: Option<&str>) {
    let Some(region) = region else { return };
    let position = op
        .data
        .parameters
        .iter()
        .position(|p| p.name == REGION_ID && p.shape == Shape::String);
    if let Some(slot) = position.map(|i| &mut values[i]) {
        slot.get_or_insert_with(|| Arg::Str(region.to_owned()));
    }
}

/// The value given for `RegionId`, if the operation has it.
pub(crate) fn region_id(op: Operation, values: &[Option<Arg>]) -> Option<String> {
    let position = op
        .data
        .parameters
        .iter()
        .position(|p| p.name == REGION_ID)?;
    match &values[position] {
        Some(Arg::Str(region)) => Some(region.clone()),
        _ => None,
    }
}

fn unknown(product: &Loaded, op: Operation, param: &Param, segments: &[&str]) -> String {
    let candidates = op
        .data
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .chain(GLOBAL_OPTIONS.iter().map(|o| o.name));
    let hint = suggest::closest(segments[0], candidates)
        .map(|name| format!(" (did you mean --{}?)", replace(segments, 0, name)))
        .unwrap_or_default();
    let (command, action) = (product.command, &op.data.name);
    format!(
        "unknown option --{} for {command} {action}{hint}; see `acs {command} {action} --help`",
        param.name
    )
}

/// One argument being put in place.
struct Put<'a> {
    product: &'a Loaded,
    segments: &'a [&'a str],
    raw: &'a str,
}

/// A value being assembled from flat arguments.
enum Node {
    /// A leaf not given yet.
    Unset,
    /// A given leaf, as written.
    Leaf(String),
    /// List items by 1-based index.
    List(BTreeMap<u32, Node>),
    /// Struct fields by wire name.
    Struct(BTreeMap<String, Node>),
    /// Map entries by key.
    Map(BTreeMap<String, Node>),
}

impl Node {
    fn new(product: &Loaded, shape: &Shape, style: Style) -> Self {
        if style == Style::Json || product.is_json(shape) {
            return Self::Unset;
        }
        match shape {
            Shape::List { .. } if style.separator().is_none() => Self::List(BTreeMap::new()),
            Shape::Struct(_) => Self::Struct(BTreeMap::new()),
            Shape::Map(_) => Self::Map(BTreeMap::new()),
            _ => Self::Unset,
        }
    }

    /// Puts the argument at `segments[at..]` below this node of shape `shape`.
    fn put(&mut self, put: &Put<'_>, shape: &Shape, style: Style, at: usize) -> Result<(), String> {
        let segments = put.segments;
        let arg = segments.join(".");
        let here = segments[..at].join(".");
        let next = segments.get(at).copied();
        // A delimited list given item by item.
        if let (Shape::List { .. }, Some(_), Some(_), Node::Unset) =
            (shape, style.separator(), next, &*self)
        {
            *self = Node::List(BTreeMap::new());
        }
        match (shape, self) {
            (Shape::List { item, .. }, Node::List(items)) => {
                let index = next.ok_or_else(|| match style.separator() {
                    Some(_) => format!("--{arg}: give the list either joined (--{here} a,b) or numbered (--{here}.1 a), not both"),
                    None => format!("--{here} is a list: number its items --{here}.1, --{here}.2, ..."),
                })?;
                let index = list_index(index).ok_or_else(|| {
                    format!("--{arg}: list items are numbered 1, 2, 3, ..., not {index:?}")
                })?;
                items
                    .entry(index)
                    .or_insert_with(|| Node::new(put.product, item, Style::Flat))
                    .put(put, item, Style::Flat, at + 1)
            }
            (Shape::Struct(index), Node::Struct(given)) => {
                let fields = &put.product.structure(*index).fields;
                let names = || fields.iter().map(|f| f.name.as_str());
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
                    .entry(field.name.clone())
                    .or_insert_with(|| Node::new(put.product, &field.shape, Style::Flat))
                    .put(put, &field.shape, Style::Flat, at + 1)
            }
            (Shape::Map(value), Node::Map(entries)) => {
                let key = next.filter(|k| !k.is_empty()).ok_or_else(|| {
                    format!("--{here} is a map: give its entries as --{here}.<key> <value>")
                })?;
                entries
                    .entry(key.to_owned())
                    .or_insert_with(|| Node::new(put.product, value, Style::Flat))
                    .put(put, value, Style::Flat, at + 1)
            }
            (Shape::List { .. }, Node::Leaf(_)) if next.is_some() => Err(format!(
                "--{arg}: give the list either joined (--{here} a,b) or numbered (--{here}.1 a), not both"
            )),
            (_, node) => {
                if next.is_some() {
                    return Err(format!(
                        "--{arg}: --{here} takes one value and has no parts"
                    ));
                }
                if !matches!(node, Node::Unset) {
                    return Err(format!("--{arg} given twice"));
                }
                *node = Node::Leaf(put.raw.to_owned());
                Ok(())
            }
        }
    }

    /// The value of this node of shape `shape` (flattened as `style`) at flat name `path`;
    /// rejects gaps in lists. `None` for a JSON `null`.
    fn into_arg(
        self,
        product: &Loaded,
        shape: &Shape,
        style: Style,
        path: &str,
    ) -> Result<Option<Arg>, String> {
        match (self, shape) {
            (Node::Leaf(raw), _) if style == Style::Json || product.is_json(shape) => {
                let json: serde_json::Value = serde_json::from_str(&raw)
                    .map_err(|e| format!("--{path}: expected a JSON value ({e})"))?;
                from_json(product, shape, &json, path).map_err(|why| format!("--{why}"))
            }
            (Node::Leaf(raw), _) => scalar(shape, style, &raw)
                .map(Some)
                .map_err(|why| format!("--{path}: {why}")),
            (Node::List(items), Shape::List { item, .. }) => {
                let mut values = Vec::with_capacity(items.len());
                for (expected, (index, node)) in (1..).zip(items) {
                    if index != expected {
                        return Err(format!(
                            "--{path}.{index} given without --{path}.{expected}: \
                             list items are numbered 1, 2, 3, ... without gaps"
                        ));
                    }
                    let item_path = format!("{path}.{index}");
                    values.extend(node.into_arg(product, item, Style::Flat, &item_path)?);
                }
                Ok(Some(Arg::List(values)))
            }
            (Node::Struct(mut given), Shape::Struct(index)) => {
                let mut values = Vec::new();
                for f in &product.structure(*index).fields {
                    if let Some(node) = given.remove(&f.name) {
                        let field_path = format!("{path}.{}", f.name);
                        if let Some(value) =
                            node.into_arg(product, &f.shape, f.style, &field_path)?
                        {
                            values.push((f.name.as_str(), value));
                        }
                    }
                }
                Ok(Some(Arg::Struct(values)))
            }
            (Node::Map(entries), Shape::Map(value)) => {
                let mut map = BTreeMap::new();
                for (key, node) in entries {
                    let entry = format!("{path}.{key}");
                    if let Some(v) = node.into_arg(product, value, Style::Flat, &entry)? {
                        map.insert(key, v);
                    }
                }
                Ok(Some(Arg::Map(map)))
            }
            _ => Ok(None),
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

/// A leaf value of shape `shape` written as `raw`; a delimited list is split by its style.
pub(crate) fn scalar(shape: &Shape, style: Style, raw: &str) -> Result<Arg, String> {
    Ok(match shape {
        Shape::String | Shape::Enum(_) => Arg::Str(raw.to_owned()),
        Shape::Binary => Arg::Bytes(raw.as_bytes().to_vec()),
        Shape::Int32 => {
            let n = integer(raw)?;
            i32::try_from(n).map_err(|_| {
                format!(
                    "expected an integer from {} to {}, got {raw:?}",
                    i32::MIN,
                    i32::MAX
                )
            })?;
            Arg::Int(n)
        }
        Shape::Int64 => Arg::Int(integer(raw)?),
        Shape::Float32 => {
            let x = number(raw)? as f32;
            if !x.is_finite() {
                return Err(format!("expected a number of 32 bits, got {raw:?}"));
            }
            Arg::F32(x)
        }
        Shape::Float64 => Arg::F64(number(raw)?),
        Shape::Boolean => match raw.to_ascii_lowercase().as_str() {
            "true" => Arg::Bool(true),
            "false" => Arg::Bool(false),
            _ => return Err(format!("expected true or false, got {raw:?}")),
        },
        Shape::List { item, .. } => match style.separator() {
            Some(_) if raw.is_empty() => Arg::List(Vec::new()),
            Some(separator) => Arg::List(
                raw.split(separator)
                    .map(|part| scalar(item, Style::Flat, part))
                    .collect::<Result<_, _>>()?,
            ),
            None => return Err("this value cannot be given as one argument".to_owned()),
        },
        Shape::Json | Shape::Map(_) | Shape::Struct(_) => {
            return Err("this value cannot be given as one argument".to_owned());
        }
    })
}

fn integer(raw: &str) -> Result<i64, String> {
    raw.parse::<i64>()
        .map_err(|_| format!("expected an integer, got {raw:?}"))
}

fn number(raw: &str) -> Result<f64, String> {
    raw.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("expected a number, got {raw:?}"))
}

/// `segments` joined by dots with the one at `at` replaced by `name`.
fn replace(segments: &[&str], at: usize, name: &str) -> String {
    let mut parts = segments.to_vec();
    parts[at] = name;
    parts.join(".")
}

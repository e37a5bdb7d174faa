//! [`Arg`]: a parameter's value as parsed from the command line, written to the wire by the
//! runtime's parameter writer exactly as the typed request of the SDK would be.

use std::collections::BTreeMap;

use acs_runtime::params::{ParamWriter, RpcScalar, RpcValue};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A typed value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Arg {
    /// A string or an enumerated value.
    Str(String),
    /// An integer of either width.
    Int(i64),
    /// A 32-bit float.
    F32(f32),
    /// A 64-bit float.
    F64(f64),
    /// A boolean.
    Bool(bool),
    /// A free JSON value.
    Json(serde_json::Value),
    /// A list.
    List(Vec<Arg>),
    /// A struct's given fields in the struct's order, by wire name.
    Struct(Vec<(&'static str, Arg)>),
    /// A string-keyed map.
    Map(BTreeMap<String, Arg>),
    /// Bytes: a whole binary body.
    Bytes(Vec<u8>),
}

impl Arg {
    /// The value as the SDK's validator shows it in a violation, for scalars.
    pub fn shown(&self) -> Option<String> {
        match self {
            Self::Str(s) => Some(s.clone()),
            Self::Int(n) => Some(n.to_string()),
            Self::F32(x) => Some(x.to_string()),
            Self::F64(x) => Some(x.to_string()),
            Self::Bool(b) => Some(b.to_string()),
            Self::Json(_) | Self::List(_) | Self::Struct(_) | Self::Map(_) | Self::Bytes(_) => None,
        }
    }
}

/// Scalars write one pair; lists `Key.1`, `Key.2`; structs `Key.Field`; maps `Key.<key>`;
/// free JSON values one JSON string.
impl RpcValue for Arg {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        match self {
            Self::Str(s) => s.write_value(w, key),
            Self::Int(n) => n.write_value(w, key),
            Self::F32(x) => x.write_value(w, key),
            Self::F64(x) => x.write_value(w, key),
            Self::Bool(b) => b.write_value(w, key),
            Self::Json(value) => acs_runtime::params::Json::new(value).write_value(w, key),
            Self::List(items) => items.write_value(w, key),
            Self::Struct(fields) => {
                for (name, value) in fields {
                    w.child(key, name, value);
                }
            }
            Self::Map(entries) => entries.write_value(w, key),
            Self::Bytes(bytes) => String::from_utf8_lossy(bytes).write_value(w, key),
        }
    }
}

/// The items of a delimited list are scalars; anything else is written as compact JSON.
impl RpcScalar for Arg {
    fn write_text(&self, out: &mut String) {
        match self {
            Self::Str(s) => s.write_text(out),
            Self::Int(n) => n.write_text(out),
            Self::F32(x) => x.write_text(out),
            Self::F64(x) => x.write_text(out),
            Self::Bool(b) => b.write_text(out),
            other => out.push_str(&serde_json::to_string(other).expect("a value serializes")),
        }
    }
}

/// As the SDK's json-style values serialize: structs in field order, absent fields left out.
impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Str(s) => serializer.serialize_str(s),
            Self::Int(n) => serializer.serialize_i64(*n),
            Self::F32(x) => serializer.serialize_f32(*x),
            Self::F64(x) => serializer.serialize_f64(*x),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Json(value) => value.serialize(serializer),
            Self::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Self::Struct(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (name, value) in fields {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            Self::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Self::Bytes(bytes) => serializer.serialize_bytes(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use acs_runtime::params::{Delimited, Json, Location, Params};

    use super::*;

    fn written(name: &str, value: &dyn RpcValue) -> String {
        let mut params = Params::new();
        ParamWriter::pairs(&mut params).param(Location::Query, name, value);
        params.encoded_query()
    }

    #[test]
    fn nested_values_flatten_and_json_keeps_the_struct_order() {
        let tag = Arg::Struct(vec![
            ("Value", Arg::Str("a b".into())),
            ("Key", Arg::Int(-1)),
        ]);
        let tags = Arg::List(vec![tag.clone(), Arg::Struct(vec![])]);
        assert_eq!(written("Tag", &tags), "Tag.1.Value=a%20b&Tag.1.Key=-1");
        assert_eq!(
            written("T", &Json::new(&tag)),
            "T=%7B%22Value%22%3A%22a%20b%22%2C%22Key%22%3A-1%7D"
        );
        let map = Arg::Map(BTreeMap::from([
            ("z".into(), Arg::Bool(true)),
            ("a".into(), Arg::F32(0.1)),
        ]));
        assert_eq!(written("M", &map), "M.a=0.1&M.z=true");
        let joined = [Arg::Str("x".into()), Arg::F64(2.5)];
        assert_eq!(written("L", &Delimited::new(&joined, ',')), "L=x%2C2.5");
    }

    #[test]
    fn shown_values_are_the_wire_text_of_scalars() {
        assert_eq!(Arg::F32(0.1).shown().as_deref(), Some("0.1"));
        assert_eq!(Arg::Int(-5).shown().as_deref(), Some("-5"));
        assert_eq!(Arg::List(vec![]).shown(), None);
    }
}

//! Response decoding by field name, shared by every generated response type.
//!
//! A body is parsed once into a [`serde_json::Value`] (compiled once), then each generated
//! type builds itself from it through [`FromJson`]: one small non-generic function per type,
//! one line per field over [`Fields`]. A serde `Deserialize` per type, instantiated for each
//! deserializer, was the largest part of a generated crate's compile time.
//!
//! Values are read leniently, as Alibaba Cloud's own SDKs read them: `"5"` and `5.0` fit an
//! integer field, `"true"` and `1` a boolean one, `5` a string one, and `""` in a number or
//! boolean field is no value (the `FromJson` impls of scalars). A value that still does not
//! fit fails with the field's path and the value.

mod answer;
mod scalar;

pub use answer::{FromAnswer, answer_text};

use serde::de::{Deserialize, Deserializer, Error as _, Unexpected};
use serde_json::{Map, Value};

/// A response type (or part of one) built from a JSON value.
///
/// Implemented by strings, integers, floats, booleans, [`Value`], `Vec` and `BTreeMap` with
/// string keys of implementors, and by every generated response struct and open enum.
pub trait FromJson: Sized {
    /// Builds the value; an error says what did not fit (`null` never reaches it: absent and
    /// `null` fields are `None`).
    fn from_json(value: Value) -> Result<Self, serde_json::Error>;

    /// Whether `value`, found in a field of this type, stands for no value: `null`, and for
    /// numbers and booleans a blank string too (some services send `""` for "not set"). Such a
    /// field is `None`.
    fn is_absent(value: &Value) -> bool {
        value.is_null()
    }

    /// Reads the fields that a REST answer sends in its headers (`in: header` in the spec),
    /// once `from_json` has read the body; nothing for the others.
    fn read_headers(&mut self, answer: &crate::client::Answer) {
        let _ = answer;
    }
}

/// The fields of one JSON object, taken out by wire name.
///
/// A generated type reads every field with [`read`](Self::read), builds itself, and asks
/// [`finish`](Self::finish) for the first field that did not fit: one call per field and no
/// branch, the least code per type.
pub struct Fields {
    map: Map<String, Value>,
    error: Option<serde_json::Error>,
}

impl Fields {
    /// The fields of `value`, which must be an object.
    pub fn new(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Object(map) => Ok(Self { map, error: None }),
            other => Err(invalid_type(&other, "an object")),
        }
    }

    /// The field `key` as a `T`; `None` when it is absent or `null`. Unknown fields are ignored.
    /// Scalars convert as the official SDKs convert them; an error names `key` first.
    pub fn take<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, serde_json::Error> {
        match self.present::<T>(key) {
            None => Ok(None),
            Some(value) => match T::from_json(value) {
                Ok(value) => Ok(Some(value)),
                Err(e) => Err(within(key, &e)),
            },
        }
    }

    /// The field `key` as a `T`, like [`take`](Self::take), but a value that does not fit is
    /// `None` here and kept for [`finish`](Self::finish), which reports the first one read.
    pub fn read<T: FromJson>(&mut self, key: &str) -> Option<T> {
        let value = self.present::<T>(key)?;
        match T::from_json(value) {
            Ok(value) => Some(value),
            Err(e) => {
                self.fail(key, &e);
                None
            }
        }
    }

    /// The error of the first field [`read`](Self::read) that did not fit, if any.
    pub fn finish(self) -> Result<(), serde_json::Error> {
        self.error.map_or(Ok(()), Err)
    }

    /// The value of `key`, unless it is absent or stands for no `T` ([`FromJson::is_absent`]).
    fn present<T: FromJson>(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|value| !T::is_absent(value))
    }

    /// Keeps the error of `key` unless an earlier field failed.
    fn fail(&mut self, key: &str, error: &serde_json::Error) {
        if self.error.is_none() {
            self.error = Some(within(key, error));
        }
    }
}

/// `error` prefixed with the field or key it happened in.
fn within(key: &str, error: &serde_json::Error) -> serde_json::Error {
    serde_json::Error::custom(format_args!("{key}: {error}"))
}

/// The error for `value` where `expected` was needed.
fn invalid_type(value: &Value, expected: &str) -> serde_json::Error {
    let unexpected = match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    serde_json::Error::invalid_type(unexpected, &expected)
}

impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        Ok(value)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Array(items) => {
                // A loop, not an iterator chain: far less code per element type.
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(T::from_json(item)?);
                }
                Ok(out)
            }
            other => Err(invalid_type(&other, "a list")),
        }
    }
}

impl<T: FromJson> FromJson for std::collections::BTreeMap<String, T> {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Object(entries) => {
                let mut out = Self::new();
                for (key, value) in entries {
                    match T::from_json(value) {
                        Ok(value) => out.insert(key, value),
                        Err(e) => return Err(within(&key, &e)),
                    };
                }
                Ok(out)
            }
            other => Err(invalid_type(&other, "an object")),
        }
    }
}

/// Deserializes any `T` that builds from JSON: the body of each generated type's serde
/// `Deserialize`, for callers that deserialize responses themselves.
pub fn deserialize<'de, D: Deserializer<'de>, T: FromJson>(deserializer: D) -> Result<T, D::Error> {
    T::from_json(Value::deserialize(deserializer)?).map_err(D::Error::custom)
}

/// Parses a body into `T`: the JSON once, then `T` from it.
pub fn from_slice<T: FromJson>(body: &[u8]) -> Result<T, serde_json::Error> {
    T::from_json(serde_json::from_slice(body)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Gateway {
        id: Option<String>,
        size: Option<i64>,
        tags: Option<Vec<String>>,
    }

    impl FromJson for Gateway {
        fn from_json(value: Value) -> Result<Self, serde_json::Error> {
            let mut f = Fields::new(value)?;
            Ok(Self {
                id: f.take("Id")?,
                size: f.take("Size")?,
                tags: f.take("Tags")?,
            })
        }
    }

    impl<'de> Deserialize<'de> for Gateway {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize(d)
        }
    }

    #[test]
    fn fields_are_taken_by_name_missing_and_null_are_none_unknown_ignored() {
        let g: Gateway = from_slice(br#"{"Id":"g-1","Size":null,"New":{"x":1}}"#).unwrap();
        assert_eq!(
            g,
            Gateway {
                id: Some("g-1".into()),
                size: None,
                tags: None
            }
        );
        let g: Gateway = serde_json::from_str(r#"{"Tags":["a","b"],"Size":5}"#).unwrap();
        assert_eq!(g.tags.unwrap(), ["a", "b"]);
        assert_eq!(g.size, Some(5));
    }

    #[derive(Debug, PartialEq)]
    struct Listing {
        gateways: Option<Vec<Gateway>>,
        order_id: Option<i64>,
        paid: Option<bool>,
        ratio: Option<f64>,
        labels: Option<std::collections::BTreeMap<String, i32>>,
    }

    impl FromJson for Listing {
        fn from_json(value: Value) -> Result<Self, serde_json::Error> {
            let mut f = Fields::new(value)?;
            let listing = Self {
                gateways: f.read("Gateways"),
                order_id: f.read("OrderId"),
                paid: f.read("Paid"),
                ratio: f.read("Ratio"),
                labels: f.read("Labels"),
            };
            f.finish()?;
            Ok(listing)
        }
    }

    fn listing(json: &str) -> Result<Listing, String> {
        from_slice(json.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn numbers_and_booleans_as_strings_and_numbers_as_strings_decode_at_any_depth() {
        let listing = listing(
            r#"{"OrderId":"208240895400460","Paid":"true","Ratio":" 0.5","Labels":{"a":"3"},
                "Gateways":[{"Id":1234,"Size":"20","Tags":[true,7,"x"]}]}"#,
        )
        .unwrap();
        assert_eq!(listing.order_id, Some(208_240_895_400_460));
        assert_eq!(listing.paid, Some(true));
        assert_eq!(listing.ratio, Some(0.5));
        assert_eq!(listing.labels.unwrap()["a"], 3);
        let gateway = &listing.gateways.unwrap()[0];
        assert_eq!(gateway.id.as_deref(), Some("1234"));
        assert_eq!(gateway.size, Some(20));
        assert_eq!(gateway.tags.as_deref().unwrap(), ["true", "7", "x"]);
    }

    #[test]
    fn blank_numbers_and_booleans_are_absent_and_booleans_and_integers_take_their_usual_forms() {
        let read = listing(
            r#"{"OrderId":"","Paid":" ","Ratio":"","Labels":{},"Gateways":[{"Id":"","Size":""}]}"#,
        )
        .unwrap();
        assert_eq!((read.order_id, read.paid, read.ratio), (None, None, None));
        let gateway = &read.gateways.unwrap()[0];
        assert_eq!(
            gateway.id.as_deref(),
            Some(""),
            "a blank string is a string"
        );
        assert_eq!(gateway.size, None);
        let read = listing(r#"{"OrderId":5.0,"Paid":1,"Labels":{"a":"7.0"}}"#).unwrap();
        assert_eq!(read.order_id, Some(5));
        assert_eq!(read.paid, Some(true));
        assert_eq!(read.labels.unwrap()["a"], 7);
        assert_eq!(listing(r#"{"Paid":"0"}"#).unwrap().paid, Some(false));
    }

    #[test]
    fn a_value_that_still_does_not_fit_names_its_path_and_value() {
        let error = listing(r#"{"Gateways":[{"Size":"big"}]}"#).unwrap_err();
        assert!(error.contains("Gateways: Size: "), "{error}");
        assert!(error.contains("\"big\""), "{error}");
        let error = listing(r#"{"Paid":"yes"}"#).unwrap_err();
        assert!(
            error.contains("Paid: ") && error.contains("\"yes\""),
            "{error}"
        );
        let error = listing(r#"{"OrderId":"1e99"}"#).unwrap_err();
        assert!(error.starts_with("OrderId: "), "{error}");
        let error = listing(r#"{"Labels":{"a":"x"}}"#).unwrap_err();
        assert!(error.starts_with("Labels: a: "), "{error}");
        let error = listing(r#"{"Gateways":{"Size":1}}"#).unwrap_err();
        assert!(
            error.contains("Gateways: invalid type: map, expected a list"),
            "{error}"
        );
    }

    #[test]
    fn read_fields_report_the_first_that_does_not_fit_as_take_does() {
        let error = listing(r#"{"Paid":"yes","OrderId":"x","Ratio":0.5}"#).unwrap_err();
        let taken = take_order_id_first(r#"{"Paid":"yes","OrderId":"x"}"#).unwrap_err();
        assert_eq!(error, taken.to_string());
        assert!(error.starts_with("OrderId: "), "{error}");
        let listing = listing(r#"{"Ratio":null,"Paid":"false"}"#).unwrap();
        assert_eq!(listing.ratio, None);
        assert_eq!(listing.paid, Some(false));
    }

    /// The fields of `Listing` in its order, through `take`.
    fn take_order_id_first(json: &str) -> Result<(Option<i64>, Option<bool>), serde_json::Error> {
        let mut f = Fields::new(serde_json::from_str(json)?)?;
        Ok((f.take("OrderId")?, f.take("Paid")?))
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let error = serde_json::from_str::<Gateway>(r#"{"Size":"big"}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("Size: invalid type: string \"big\""),
            "{error}"
        );
        assert!(serde_json::from_str::<Gateway>("[1]").is_err());
        assert!(from_slice::<Gateway>(b"null").is_err());
        assert!(from_slice::<Gateway>(b"{").is_err());
    }
}

//! Response deserialization by field name, shared by every generated response type.
//!
//! A derived `Deserialize` per response struct is the largest part of a generated crate's
//! compile time; instead each struct's impl is one line per field over [`Fields`], compiled once
//! whatever the deserializer.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde_json::{Map, Value};

/// The fields of one JSON object, taken out by wire name.
pub struct Fields(Map<String, Value>);

impl Fields {
    /// The field `key` as a `T`; `None` when it is absent or `null`. Unknown fields are ignored.
    pub fn take<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>, serde_json::Error> {
        match self.0.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::deserialize(value)
                .map(Some)
                .map_err(|e| serde_json::Error::custom(format_args!("{key}: {e}"))),
        }
    }
}

/// Deserializes an object and builds `T` from its fields with `build`.
pub fn object<'de, D, T>(
    deserializer: D,
    build: fn(&mut Fields) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let mut fields = Fields(Map::deserialize(deserializer)?);
    build(&mut fields).map_err(D::Error::custom)
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

    impl<'de> Deserialize<'de> for Gateway {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            object(d, |f| {
                Ok(Self {
                    id: f.take("Id")?,
                    size: f.take("Size")?,
                    tags: f.take("Tags")?,
                })
            })
        }
    }

    #[test]
    fn fields_are_taken_by_name_missing_and_null_are_none_unknown_ignored() {
        let g: Gateway = serde_json::from_str(r#"{"Id":"g-1","Size":null,"New":{"x":1}}"#).unwrap();
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
    }
}

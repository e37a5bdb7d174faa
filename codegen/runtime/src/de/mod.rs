//! Response deserialization by field name, shared by every generated response type.
//!
//! Field values are read leniently, as Alibaba Cloud's own SDKs read them: `"5"` fits an
//! integer field, `"true"` a boolean one, `5` a string one (see `lenient`). A value that still
//! does not fit fails with the field's path and the value.
//!
//! A derived `Deserialize` per response struct is the largest part of a generated crate's
//! compile time; instead each struct's impl is one line per field over [`Fields`], compiled once
//! whatever the deserializer.

mod lenient;

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde_json::{Map, Value};

/// The fields of one JSON object, taken out by wire name.
pub struct Fields(Map<String, Value>);

impl Fields {
    /// The field `key` as a `T`; `None` when it is absent or `null`. Unknown fields are ignored.
    /// Scalars convert as the official SDKs convert them; an error names `key` first.
    pub fn take<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>, serde_json::Error> {
        match self.0.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::deserialize(lenient::Lenient(value))
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

    #[derive(Debug, PartialEq)]
    struct Listing {
        gateways: Option<Vec<Gateway>>,
        order_id: Option<i64>,
        paid: Option<bool>,
        ratio: Option<f64>,
    }

    impl<'de> Deserialize<'de> for Listing {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            object(d, |f| {
                Ok(Self {
                    gateways: f.take("Gateways")?,
                    order_id: f.take("OrderId")?,
                    paid: f.take("Paid")?,
                    ratio: f.take("Ratio")?,
                })
            })
        }
    }

    #[test]
    fn numbers_and_booleans_as_strings_and_numbers_as_strings_decode_at_any_depth() {
        let listing: Listing = serde_json::from_str(
            r#"{"OrderId":"208240895400460","Paid":"true","Ratio":" 0.5",
                "Gateways":[{"Id":1234,"Size":"20","Tags":[true,7,"x"]}]}"#,
        )
        .unwrap();
        assert_eq!(listing.order_id, Some(208_240_895_400_460));
        assert_eq!(listing.paid, Some(true));
        assert_eq!(listing.ratio, Some(0.5));
        let gateway = &listing.gateways.unwrap()[0];
        assert_eq!(gateway.id.as_deref(), Some("1234"));
        assert_eq!(gateway.size, Some(20));
        assert_eq!(gateway.tags.as_deref().unwrap(), ["true", "7", "x"]);
    }

    #[test]
    fn a_value_that_still_does_not_fit_names_its_path_and_value() {
        let error = serde_json::from_str::<Listing>(r#"{"Gateways":[{"Size":"big"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("Gateways: Size: "), "{error}");
        assert!(error.contains("\"big\""), "{error}");
        let error = serde_json::from_str::<Listing>(r#"{"Paid":"yes"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("Paid: ") && error.contains("\"yes\""),
            "{error}"
        );
        let error = serde_json::from_str::<Listing>(r#"{"OrderId":"1e99"}"#).unwrap_err();
        assert!(error.to_string().starts_with("OrderId: "), "{error}");
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

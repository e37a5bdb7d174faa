//! Scalars read the way Alibaba Cloud's own SDKs read responses: numbers and booleans sent as
//! strings fit numeric and boolean fields, numbers and booleans fit string fields. Anything
//! else is refused with the value and what was expected.

use serde::de::{Error as _, Unexpected};
use serde_json::{Number, Value};

use super::{FromJson, invalid_type};

/// A string holding a number, as that number; any other value as it is.
fn numeric(value: Value) -> Value {
    match value {
        Value::String(s) => match s.trim().parse::<Number>() {
            Ok(n) => Value::Number(n),
            Err(_) => Value::String(s),
        },
        other => other,
    }
}

/// An integer of any width: the number if it is a whole number in range.
fn integer<T: TryFrom<i64> + TryFrom<u64>>(
    value: Value,
    name: &str,
) -> Result<T, serde_json::Error> {
    let out_of_range = |unexpected| serde_json::Error::invalid_value(unexpected, &name);
    match numeric(value) {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => T::try_from(i).map_err(|_| out_of_range(Unexpected::Signed(i))),
            (None, Some(u)) => T::try_from(u).map_err(|_| out_of_range(Unexpected::Unsigned(u))),
            _ => Err(invalid_type(&Value::Number(n), name)),
        },
        other => Err(invalid_type(&other, name)),
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: Value) -> Result<Self, serde_json::Error> {
                integer(value, stringify!($ty))
            }
        }
    )*};
}

integers!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromJson for f64 {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        match numeric(value) {
            Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| invalid_type(&Value::Number(n), "f64")),
            other => Err(invalid_type(&other, "f64")),
        }
    }
}

impl FromJson for f32 {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        // As serde reads an `f32`: the nearest one, infinite beyond its range.
        f64::from_json(value).map(|f| f as f32)
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Bool(b) => Ok(b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
            other => Err(invalid_type(&other, "a boolean")),
        }
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::String(s) => Ok(s),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            other => Err(invalid_type(&other, "a string")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_from_numbers_and_numeric_strings_within_their_range() {
        assert_eq!(i64::from_json(json!(" 42 ")).unwrap(), 42);
        assert_eq!(i32::from_json(json!(-7)).unwrap(), -7);
        assert_eq!(u64::from_json(json!(u64::MAX)).unwrap(), u64::MAX);
        let error = i32::from_json(json!(3_000_000_000_u64)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: integer `3000000000`, expected i32"
        );
        let error = i64::from_json(json!(1.5)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: floating point `1.5`, expected i64"
        );
        let error = i64::from_json(json!("big")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: string \"big\", expected i64"
        );
        assert!(i64::from_json(json!(true)).is_err());
    }

    #[test]
    fn floats_booleans_and_strings_convert_as_the_official_sdks_do() {
        assert_eq!(f64::from_json(json!("0.25")).unwrap(), 0.25);
        assert_eq!(f64::from_json(json!(3)).unwrap(), 3.0);
        assert_eq!(f32::from_json(json!(0.5)).unwrap(), 0.5);
        assert!(f64::from_json(json!("x")).is_err());
        assert!(bool::from_json(json!("TRUE")).unwrap());
        assert!(!bool::from_json(json!("false")).unwrap());
        assert!(bool::from_json(json!(1)).is_err());
        assert_eq!(String::from_json(json!(12)).unwrap(), "12");
        assert_eq!(String::from_json(json!(false)).unwrap(), "false");
        let error = String::from_json(json!([1])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: sequence, expected a string"
        );
    }
}

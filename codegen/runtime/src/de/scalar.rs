//! Scalars read the way Alibaba Cloud's own SDKs read responses: numbers and booleans sent as
//! strings fit numeric and boolean fields, numbers and booleans fit string fields, a whole
//! float fits an integer, `1`/`0` a boolean, a blank string is no number or boolean. Anything
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

/// Whether a value in a number or boolean field stands for no value: `null` or a blank string.
fn blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// 2⁶³ and 2⁶⁴, the first floats past `i64` and `u64`.
const I64_END: f64 = 9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

/// An integer of any width: the number if it is a whole number in range (`5.0` included).
fn integer<T: TryFrom<i64> + TryFrom<u64>>(
    value: Value,
    name: &str,
) -> Result<T, serde_json::Error> {
    let out_of_range = |unexpected| serde_json::Error::invalid_value(unexpected, &name);
    match numeric(value) {
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => T::try_from(i).map_err(|_| out_of_range(Unexpected::Signed(i))),
            (None, Some(u), _) => T::try_from(u).map_err(|_| out_of_range(Unexpected::Unsigned(u))),
            (None, None, Some(f)) if f.fract() == 0.0 => {
                let whole = if (-I64_END..I64_END).contains(&f) {
                    T::try_from(f as i64).ok()
                } else if (0.0..U64_END).contains(&f) {
                    T::try_from(f as u64).ok()
                } else {
                    None
                };
                whole.ok_or_else(|| out_of_range(Unexpected::Float(f)))
            }
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

            fn is_absent(value: &Value) -> bool {
                blank(value)
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

    fn is_absent(value: &Value) -> bool {
        blank(value)
    }
}

impl FromJson for f32 {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        // As serde reads an `f32`: the nearest one, infinite beyond its range.
        f64::from_json(value).map(|f| f as f32)
    }

    fn is_absent(value: &Value) -> bool {
        blank(value)
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, serde_json::Error> {
        let word =
            |s: &str, words: [&str; 2]| words.iter().any(|w| s.trim().eq_ignore_ascii_case(w));
        match value {
            Value::Bool(b) => Ok(b),
            Value::String(s) if word(&s, ["true", "1"]) => Ok(true),
            Value::String(s) if word(&s, ["false", "0"]) => Ok(false),
            Value::Number(n) if n.as_u64() == Some(1) => Ok(true),
            Value::Number(n) if n.as_u64() == Some(0) => Ok(false),
            other => Err(invalid_type(&other, "a boolean")),
        }
    }

    fn is_absent(value: &Value) -> bool {
        blank(value)
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
        assert_eq!(i64::from_json(json!(5.0)).unwrap(), 5);
        assert_eq!(
            u64::from_json(json!(1.8e19)).unwrap(),
            18_000_000_000_000_000_000
        );
        assert_eq!(i8::from_json(json!("-3.0")).unwrap(), -3);
        let error = i8::from_json(json!(300.0)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid value: floating point `300.0`, expected i8"
        );
        assert!(i64::from_json(json!(1e20)).is_err());
        assert!(i64::is_absent(&json!("")) && bool::is_absent(&json!(" ")));
        assert!(f64::is_absent(&json!(null)) && !String::is_absent(&json!("")));
        assert!(!i64::is_absent(&json!(0)));
    }

    #[test]
    fn floats_booleans_and_strings_convert_as_the_official_sdks_do() {
        assert_eq!(f64::from_json(json!("0.25")).unwrap(), 0.25);
        assert_eq!(f64::from_json(json!(3)).unwrap(), 3.0);
        assert_eq!(f32::from_json(json!(0.5)).unwrap(), 0.5);
        assert!(f64::from_json(json!("x")).is_err());
        assert!(bool::from_json(json!("TRUE")).unwrap());
        assert!(!bool::from_json(json!("false")).unwrap());
        assert!(bool::from_json(json!(1)).unwrap());
        assert!(!bool::from_json(json!(0)).unwrap());
        assert!(bool::from_json(json!(2)).is_err());
        assert!(bool::from_json(json!(1.5)).is_err());
        assert_eq!(String::from_json(json!(12)).unwrap(), "12");
        assert_eq!(String::from_json(json!(false)).unwrap(), "false");
        let error = String::from_json(json!([1])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: sequence, expected a string"
        );
    }
}
